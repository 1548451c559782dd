"""The document setting (kg.setting): the year an undated article implies."""
import pytest

from kg.extract.dates import DateExtractor
from kg.setting import date_windows

FILLER = "Rapat koordinasi itu dihadiri para kepala dinas di Kabupaten Contoh. " * 6


def _years(text):
    return [m.value for m in DateExtractor()(text) if m.value and "relative" in m.qualifiers]


@pytest.mark.parametrize("text", [
    FILLER + "Rapat digelar Kamis (13/7) lalu. " + FILLER + "Anggaran tahun 2023 disahkan. " + FILLER,
    "Kamis (13/7) rapat digelar. " + FILLER + "Pemilu 2024 dan Pilkada 2023.",
    FILLER + "Pada hari Selasa,\n\n   6 Februari, warga berkumpul; " + FILLER + "sejak 2024.",
    FILLER + "Senin 22 Mei hingga Rabu, 24 Mei " + FILLER + "tahun 2023.",
    FILLER + "Kegiatan Jumat (14/7) dan Sabtu (15/7) " + FILLER + "Nomor 12/7/2023 " + "Kamis (20/7) 2023",
    FILLER + "hari ini (18/11) dan Rp 1.500.000 pada 2024 " + FILLER,
    "Tanpa angka sama sekali. " + FILLER,
    FILLER + "Nomor\n" + FILLER[:50] + "13/7/2022 Kamis (13/7)",
])
def test_date_windows_give_the_extractor_the_same_dates(text):
    assert _years(date_windows(text)) == _years(text)


def test_date_windows_drop_text_far_from_any_day():
    text = FILLER * 3 + "Kamis (13/7) lalu" + FILLER * 3 + " 2023"
    cut = date_windows(text)
    assert "Kamis (13/7) lalu" in cut and "2023" in cut and len(cut) < len(text) / 3
