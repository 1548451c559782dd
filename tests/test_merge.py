"""Across articles, a one-word name is one person only with evidence (the same region)."""
import kg

GARUT = """# Bawaslu Garut Gelar Sosialisasi Pengawasan

GARUT - Ketua Bawaslu Kabupaten Garut, Budiman, membuka sosialisasi pengawasan partisipatif di Kabupaten Garut, Senin (4/3/2024).

"Pengawasan adalah tugas bersama," kata Budiman.
"""

JAYAPURA = """# Dinas Pendidikan Jayapura Gelar Rapat Kerja

JAYAPURA - Kepala Dinas Pendidikan Kabupaten Jayapura, Budiman, membuka rapat kerja guru di Kabupaten Jayapura, Selasa (5/3/2024).

"Guru harus netral," kata Budiman.
"""

GARUT_AGAIN = """# Bawaslu Garut Awasi Kampanye

GARUT - Ketua Bawaslu Kabupaten Garut, Budiman, memimpin apel pengawasan kampanye di Kabupaten Garut, Rabu (6/3/2024).

"Kami siap," ujar Budiman.
"""

FULL_A = """# Rapat Koordinasi Pemilu di Garut

GARUT - Ketua KPU Kabupaten Garut, Dedi Kurniawan Saputra, memimpin rapat koordinasi di Kabupaten Garut, Senin (4/3/2024).
"""

FULL_B = """# Rakor Logistik Pemilu di Jayapura

JAYAPURA - Dedi Kurniawan Saputra hadir dalam rapat koordinasi logistik di Kabupaten Jayapura, Selasa (5/3/2024).
"""


def _people(tmp_path, texts):
    for i, text in enumerate(texts):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    graph = kg.build([tmp_path])
    return sorted(e.key for e in graph.entities() if e.type == "Person")


def test_one_word_name_in_two_regions_is_two_people(tmp_path):
    keys = _people(tmp_path, [GARUT, JAYAPURA])
    assert len([k for k in keys if k.startswith("person:budiman")]) == 2


def test_one_word_name_in_one_region_is_one_person(tmp_path):
    keys = _people(tmp_path, [GARUT, GARUT_AGAIN])
    assert len([k for k in keys if k.startswith("person:budiman")]) == 1


def test_full_name_is_one_person_across_articles(tmp_path):
    keys = _people(tmp_path, [FULL_A, FULL_B])
    assert keys.count("person:dedi-kurniawan-saputra") == 1


PELANTIKAN_GARUT = """# Bupati Garut Lantik Pejabat

GARUT - Bupati Garut, Rudy Gunawan, memimpin pelantikan di Pendopo Kabupaten Garut, Senin (4/3/2024).
"""

PELANTIKAN_SIAK = """# Bupati Siak Lantik Pejabat

SIAK - Bupati Siak, Alfedri, memimpin pelantikan di Balai Kerapatan Tinggi Kabupaten Siak, Selasa (5/3/2024).
"""


def test_generic_events_of_two_articles_are_told_apart(tmp_path):
    for i, text in enumerate([PELANTIKAN_GARUT, PELANTIKAN_SIAK]):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    events = [e for e in kg.build([tmp_path]).entities() if e.type == "Event"]
    assert len(events) == 2
    labels = sorted(e.label for e in events)
    assert labels == ["pelantikan (Kabupaten Garut)", "pelantikan (Kabupaten Siak)"]
    assert all("pelantikan" not in e.names for e in events)
