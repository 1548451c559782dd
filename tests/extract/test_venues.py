import pytest


@pytest.mark.parametrize("text, label", [
    ("Rakor digelar di Gedung Serbaguna Setda Aceh, Selasa (23/05/2023).", "Gedung Serbaguna Setda Aceh"),
    ("Sosialisasi terlaksana di Aula Hotel Mutiara Curup, Kamis (13/7) kemarin.", "Aula Hotel Mutiara Curup"),
    ("Apel digelar di lapangan Tegar Beriman, Kamis (29/9).", "lapangan Tegar Beriman"),
    ("Bimtek digelar di Quest Hotel, Simpang Lima Semarang.", "Quest Hotel"),
    ("Warga Desa Banyubiru menyambut.", "Desa Banyubiru"),
])
def test_venue(extract, text, label):
    assert label in {m.label for m in extract(text, types={"Place"})}


def test_lowercase_head_needs_di(extract):
    assert "gedung Baru" not in {m.label for m in extract("Pembangunan gedung Baru dimulai.", types={"Place"})}
