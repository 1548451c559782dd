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
