import pytest

from kg.coordination import complete_left, complete_right, groups, separators, split


@pytest.mark.parametrize("text, items", [
    ("Andi Wijaya, Siti Aminah dan Budi Santoso", ["Andi Wijaya", "Siti Aminah", "Budi Santoso"]),
    ("Andi Wijaya, Siti Aminah, dan Budi Santoso", ["Andi Wijaya", "Siti Aminah", "Budi Santoso"]),
    ("Kapolres, Dandim serta Ketua DPRD", ["Kapolres", "Dandim", "Ketua DPRD"]),
    ("Camat Sukamaju; Lurah Mekarsari; dan Kepala Puskesmas", ["Camat Sukamaju", "Lurah Mekarsari", "Kepala Puskesmas"]),
    ("PKS & PAN", ["PKS", "PAN"]),
    ("guru maupun siswa", ["guru", "siswa"]),
    ("Budi Santoso", ["Budi Santoso"]),
    ("  Budi Santoso ,  Rina  ", ["Budi Santoso", "Rina"]),
    # brackets keep their separators
    ("Sekda (Andi, Budi dan Citra) serta Asisten II", ["Sekda (Andi, Budi dan Citra)", "Asisten II"]),
    ("Pasangan calon nomor urut 1 (Rudi dan Sari), Bupati Contoh", ["Pasangan calon nomor urut 1 (Rudi dan Sari)", "Bupati Contoh"]),
])
def test_split(text, items):
    assert [c.text for c in split(text)] == items


def test_split_offsets_are_into_the_text():
    text = "Hadir pula Andi Wijaya, Siti Aminah dan Budi Santoso."
    start = text.index("Andi")
    parts = split(text, start, len(text) - 1)
    assert [text[c.start:c.end] for c in parts] == ["Andi Wijaya", "Siti Aminah", "Budi Santoso"]


def test_protected_span_keeps_its_conjunction():
    text = "Dinas Kebudayaan dan Pariwisata, Dinas Sosial dan Bappeda"
    protect = [(0, len("Dinas Kebudayaan dan Pariwisata"))]
    assert [c.text for c in split(text, protect=protect)] == [
        "Dinas Kebudayaan dan Pariwisata", "Dinas Sosial", "Bappeda"]


def test_separators_name_the_conjunction():
    seps = separators("A, B serta C")
    assert [s[2] for s in seps] == [",", "serta"]


@pytest.mark.parametrize("text, spans, expected", [
    ("UU A, UU B dan UU C berlaku.", [(0, 4), (6, 10), (15, 19)], [((0, 4), (6, 10), (15, 19))]),
    ("UU A berlaku, sedangkan UU B tidak.", [(0, 4), (24, 28)], [((0, 4),), ((24, 28),)]),
])
def test_groups(text, spans, expected):
    assert [g.members for g in groups(spans, text)] == expected


def test_groups_report_the_conjunction():
    text = "Andi, Budi serta Citra"
    g, = groups([(0, 4), (6, 10), (17, 22)], text)
    assert g.conjunction == "serta" and (g.start, g.end) == (0, 22)


def test_groups_allow_a_cue_between_members():
    text = "Andi dan Bapak Budi"
    g, = groups([(0, 4), (15, 19)], text, between=r"(?:Bapak|Ibu)")
    assert g.members == ((0, 4), (15, 19))


@pytest.mark.parametrize("items, expected", [
    (["Ketua", "Wakil Ketua DPRD Kota Contoh"], ["Ketua DPRD Kota Contoh", "Wakil Ketua DPRD Kota Contoh"]),
    (["Bupati", "Wakil Bupati Contoh"], ["Bupati Contoh", "Wakil Bupati Contoh"]),
    (["Ketua Bawaslu", "Wakil Ketua DPRD"], ["Ketua Bawaslu", "Wakil Ketua DPRD"]),
    (["Andi", "Budi"], ["Andi", "Budi"]),
])
def test_complete_left(items, expected):
    assert complete_left(items, ["Ketua", "Wakil Ketua", "Bupati", "Wakil Bupati"]) == expected


@pytest.mark.parametrize("items, expected", [
    (["Fraksi Golkar", "PKS", "PAN"], ["Fraksi Golkar", "Fraksi PKS", "Fraksi PAN"]),
    (["Fraksi Golkar", "Fraksi PKS"], ["Fraksi Golkar", "Fraksi PKS"]),
    (["Komisi A", "B"], ["Komisi A", "Komisi B"]),
])
def test_complete_right(items, expected):
    assert complete_right(items, ["Fraksi", "Komisi"]) == expected
