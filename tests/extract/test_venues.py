import pytest


@pytest.mark.parametrize("text, label", [
    ("Rakor digelar di Gedung Serbaguna Setda Jambi, Selasa (23/05/2023).", "Gedung Serbaguna Setda Jambi"),
    ("Sosialisasi terlaksana di Aula Hotel Sahid Kendari, Kamis (13/7) kemarin.", "Aula Hotel Sahid Kendari"),
    ("Apel digelar di lapangan Merdeka Ambon, Kamis (29/9).", "lapangan Merdeka Ambon"),
    ("Bimtek digelar di Grand Hotel, Pasar Baru Padang.", "Grand Hotel"),
    ("Warga Desa Sukamaju menyambut.", "Desa Sukamaju"),
])
def test_venue(extract, text, label):
    assert label in {m.label for m in extract(text, types={"Place"})}


def test_lowercase_head_needs_di(extract):
    assert "gedung Baru" not in {m.label for m in extract("Pembangunan gedung Baru dimulai.", types={"Place"})}


@pytest.mark.parametrize("text, regions, key", [
    # the region written in the name: one key for its long and short forms
    ("Rapat digelar di Kantor Gubernur Sulsel, Senin.", (), "place:venue:kantor-gubernur-73"),
    ("Rapat digelar di Kantor Gubernur Sulawesi Selatan (Sulsel), Senin.", (), "place:venue:kantor-gubernur-73"),
    # the region written right after it
    ("Upacara digelar di Gedung Daerah, Kota Jambi, Minggu.", (), "place:venue:gedung-daerah:15.71"),
    # the article's main region
    ("Rapat berlangsung di Aula Melati Lantai II.", ("62.71", "62"), "place:venue:aula-melati-lantai-ii:62.71"),
    # a regency's head: the regency, not the city of one name
    ("Rapat digelar di Kantor Bupati Bogor.", (), "place:venue:kantor-bupati-32.01"),
    ("Rapat digelar di Balai Kota Bogor.", (), "place:venue:balai-32.71"),
])
def test_venue_keys_name_their_region(extract, text, regions, key):
    assert key in {m.key for m in extract(text, regions=regions, types={"Place"})}


def test_generic_venue_words_alone_are_no_place(extract):
    assert not extract("Murid Sekolah Dasar itu berprestasi di Gedung Utama.", types={"Place"})


def test_venue_without_any_region_is_unscoped(extract):
    venue = next(m for m in extract("Rapat berlangsung di Aula Melati.", types={"Place"}))
    assert venue.key == "place:venue:aula-melati" and "unscoped" in venue.qualifiers


@pytest.mark.parametrize("text, label", [
    ("Debat digelar di halaman belakang kantor Dinsos Sukamaju.", "kantor Dinsos Sukamaju"),
    ("Melati Convention Center (MCC) menjadi tuan rumah debat kedua.", "Melati Convention Center"),
])
def test_venue_after_a_spot_word_or_with_a_named_tail(extract, text, label):
    assert label in {m.label for m in extract(text, types={"Place"})}


def test_a_generic_tail_still_needs_di(extract):
    assert not extract("Perhimpunan Hotel dan Restoran menggelar rapat.", types={"Place"})


@pytest.mark.parametrize("text", [
    "Rapat digelar di Ruang Rapat, Senin.",
    "Rapat digelar di Ruang Rapat Lantai II.",
    "Ia ditemui di Ruang Kerjanya usai apel.",
    "Rapat digelar di Aula Kantor, Kota Sukamaju.",
    "Pertemuan di Ruang Pertemuan Lt. 3 berlangsung tertutup.",
])
def test_a_room_without_a_name_is_no_place(extract, text):
    assert not [m for m in extract(text, types={"Place"}) if m.source == "venues"]


@pytest.mark.parametrize("text, label", [
    ("Rapat digelar di Ruang Rapat Sekda Sukamaju, Senin.", "Ruang Rapat Sekda Sukamaju"),
    ("Sidang digelar di Ruang Sidang Utama DPRD Sukamaju.", "Ruang Sidang Utama DPRD Sukamaju"),
    ("Rapat di Ruang Melati Lantai 2 berjalan lancar.", "Ruang Melati Lantai 2"),
])
def test_a_room_with_a_name_is_a_place(extract, text, label):
    assert label in {m.label for m in extract(text, types={"Place"})}
