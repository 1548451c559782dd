"""Tests for kg/extract/dates.py: invented Indonesian sentences -> ISO dates."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import DateExtractor, infer_year, year_candidates

EXTRACT = DateExtractor()


def values(text: str, **kw) -> list[str]:
    kw.setdefault("published", None)
    return [m.value for m in EXTRACT(text, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rapat digelar di aula kantor bupati, Selasa (23/05/2023).", ["2023-05-23"]),
        ("Hal itu disampaikan Kepala Dinas, Sabtu, (14/9/2024) di Bogor.", ["2024-09-14"]),
        ("Penyerahan dilakukan Rabu, (13/12/2023) di kantor gubernur.", ["2023-12-13"]),
        ("Apel berlangsung Senin (20/6/22) pagi.", ["2022-06-20"]),
        ("Pelantikan dilaksanakan Jumat (5/4/2024) di balai kota.", ["2024-04-05"]),
        ("Jum'at (5/4/2024) bupati meninjau lokasi.", ["2024-04-05"]),
        ("Kegiatan dibuka Selasa, 6 Februari 2024 oleh sekda.", ["2024-02-06"]),
        ("Sosialisasi digelar Sabtu 18 Juli 2020 di desa.", ["2020-07-18"]),
        ("Surat itu bertanggal tanggal 13 Juli 2020.", ["2020-07-13"]),
        ("Laporan diterima 22 Maret 2024.", ["2024-03-22"]),
        ("Diperbarui 07 Mar 2024 09:25", ["2024-03-07"]),
        ("Penulis | 23/05/2023", ["2023-05-23"]),
        ("Acara digelar pada 1 Agt 2023 di lapangan.", ["2023-08-01"]),
        ("Batas waktu 30 Nopember 2022.", ["2022-11-30"]),
        ("Ditetapkan 14 Pebruari 2021.", ["2021-02-14"]),
        ("Ahad, 3 Maret 2024 warga berkumpul.", ["2024-03-03"]),
        ("Tanggal 23-05-2023 menjadi batas akhir.", ["2023-05-23"]),
        ("Dari Senin (20/6/22) sampai Rabu (22/6/22) kegiatan berlangsung.", ["2022-06-20", "2022-06-22"]),
    ],
)
def test_full_dates(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pendaftaran dibuka mulai hari Senin 22 Mei hingga 25 Mei 2023.", ["2023-05-22/2023-05-25"]),
        ("Pelatihan berlangsung 18-19 Juli 2020 di hotel.", ["2020-07-18/2020-07-19"]),
        ("Bimtek diadakan 22 s.d. 25 Mei 2023.", ["2023-05-22/2023-05-25"]),
        ("Rapat kerja 3 sampai 5 Oktober 2023 di ibu kota.", ["2023-10-03/2023-10-05"]),
        ("Libur dari 30 Desember - 2 Januari 2024.", ["2023-12-30/2024-01-02"]),
        ("Kegiatan Senin-Selasa (22-23/5/2023) diikuti camat.", ["2023-05-22/2023-05-23"]),
    ],
)
def test_ranges(text, expected):
    found = EXTRACT(text, published=None)
    assert [m.value for m in found] == expected
    assert all("range" in m.qualifiers for m in found)


@pytest.mark.parametrize(
    "text",
    [
        "Pemilu serentak tahun 2024 akan digelar.",
        "Rapat dimulai pukul 09:25 WIB.",
        "Acara dimulai 12.30WITA di aula.",
        "Inflasi tercatat Rp54,77 triliun.",
        "Sesuai Nomor 100.2.3.1/1234/OTDA yang diterbitkan kementerian.",
        "Surat Nomor: 100/812/Protkom sudah diterima.",
        "Program berjalan Oktober-November.",
        "Sabtu nanti warga akan bergotong royong.",
        "Dua minggu lalu banjir melanda.",
        "Sebanyak 18 partai politik ikut pemilu.",
        "Keputusan Nomor 5/12/2023 ditandatangani.",
        "Skor akhir pertandingan 3/2 untuk tuan rumah.",
        "Dana Rp1.500.000 diserahkan.",
        "Kamis (13/7) kemarin rapat digelar.",  # no published, no hint, no year in text
        "Pada 5 Mar pejabat datang.",  # short month without year: ambiguous
    ],
)
def test_no_false_dates(text):
    assert values(text) == []


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Sosialisasi digelar di aula hotel, Kamis (13/7) kemarin.", dt.date(2023, 7, 14), "2023-07-13"),
        ("Apel siaga digelar di lapangan, Kamis (29/9).", dt.date(2022, 9, 29), "2022-09-29"),
        ("Warga berkumpul Minggu (30/8) di balai desa.", dt.date(2020, 9, 1), "2020-08-30"),
        # the most recent such date on or before publication: previous year
        ("Rapat evaluasi digelar Kamis (28/12).", dt.date(2024, 1, 3), "2023-12-28"),
        # "mendatang" looks forward
        ("Kegiatan akan digelar Selasa (2/1) mendatang.", dt.date(2023, 12, 28), "2024-01-02"),
        ("Rapat pleno dijadwalkan 22 Maret mendatang.", dt.date(2024, 1, 10), "2024-03-22"),
        ("Rapat pleno digelar 22 Maret lalu.", dt.date(2024, 5, 10), "2024-03-22"),
    ],
)
def test_yearless_with_published(text, published, expected):
    found = EXTRACT(text, published=published)
    assert [m.value for m in found] == [expected]
    assert "relative" in found[0].qualifiers


def test_yearless_with_year_hint():
    assert values("Rapat digelar Kamis (29/9) di kantor camat.", year_hint=2022) == ["2022-09-29"]


def test_yearless_from_weekday_and_mentioned_years():
    text = "Menjelang Pemilu 2024, sosialisasi digelar Kamis (13/7) kemarin, seperti tahun 2020 kemarin."
    assert values(text) == ["2023-07-13"]


def test_span_points_into_text():
    text = "Kegiatan dibuka Selasa, 6 Februari 2024 oleh sekda."
    (m,) = EXTRACT(text, published=None)
    assert text[m.start : m.end] == m.text == "Selasa, 6 Februari 2024"
    assert m.type == "Date"


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Kerja bakti digelar Sabtu nanti.", dt.date(2023, 5, 23), "2023-05-27"),
        ("Rapat digelar Senin lalu di kantor desa.", dt.date(2023, 5, 23), "2023-05-22"),
        ("Pelantikan digelar hari Minggu mendatang.", dt.date(2023, 5, 23), "2023-05-28"),
    ],
)
def test_relative_weekdays(text, published, expected):
    assert values(text, published=published) == [expected]


def test_year_candidates():
    text = "Pemilu 2024 dan Pilkada 2020; Rp2.023 dan 12:30; Nomor 1999/XX"
    assert year_candidates(text) == [2024, 2020]


@pytest.mark.parametrize(
    "text, weekday_dates, expected",
    [
        ("Pemilu 2024, tahun 2020 kemarin", [(4, 13, 7)], 2023),
        ("tahun 2022", [(4, 29, 9)], 2022),
        ("tahun 2020", [(7, 30, 8)], 2020),
        ("tanpa tahun", [(4, 13, 7)], None),
        ("Pemilu 2024", [], None),
    ],
)
def test_infer_year(text, weekday_dates, expected):
    assert infer_year(text, weekday_dates=weekday_dates) == expected


def test_seed_articles_yield_dates():
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "sources"
    files = sorted(src.glob("*.txt"))
    if not files:
        pytest.skip("no seed articles")
    for f in files:
        text = f.read_text("utf-8")
        found = EXTRACT(text, published=None, year_hint=None)
        for m in found:
            assert text[m.start : m.end] == m.text
            for part in m.value.split("/"):
                dt.date.fromisoformat(part)


@pytest.mark.parametrize(
    "text, published, year_hint, expected",
    [
        ("Sidang etik digelar di kantor KPU provinsi pada Selasa (30/9/ 2025).", None, None, ["2025-09-30"]),
        ("Saksi tidak hadir pada persidangan hari ini (18/11) karena sakit.", None, 2014, ["2014-11-18"]),
        ("Saksi tidak hadir pada persidangan hari ini (18/11) karena sakit.", dt.date(2014, 11, 19), None,
         ["2014-11-18"]),
        ("Rapat evaluasi digelar hari ini di aula kecamatan.", dt.date(2024, 3, 7), None, ["2024-03-07"]),
        ("Rapat evaluasi digelar hari ini di aula kecamatan.", None, 2024, []),   # no day to give it
        ("Nomor 12/2024 tahun anggaran", None, None, []),
    ],
)
def test_today_and_spaced_year(text, published, year_hint, expected):
    assert values(text, published=published, year_hint=year_hint) == expected
