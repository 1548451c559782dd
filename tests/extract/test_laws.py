"""Tests for kg/extract/laws.py: invented Indonesian sentences -> law keys."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.laws import LawExtractor, law_key, reference_date, resolve_short_name

EXTRACT = LawExtractor()
PUB = dt.date(2024, 9, 14)


def keys(text: str, published: dt.date | None = PUB, **kw) -> list[str]:
    return [m.key for m in EXTRACT(text, published=published, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hal itu diatur dalam Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara.", ["law:uu-2023-20"]),
        ("Menurut Undang-undang Nomor 20 tahun 2023, ASN wajib netral.", ["law:uu-2023-20"]),
        ("Sesuai UU No 20/2023 pegawai dilarang berpolitik.", ["law:uu-2023-20"]),
        ("Sesuai UU 20/2023 pegawai dilarang berpolitik.", ["law:uu-2023-20"]),
        ("Ketentuan dalam UU Nomor 20 tahun 2023 wajib dipatuhi.", ["law:uu-2023-20"]),
        ("Hal ini sesuai undang-undang nomor 10 tahun 2016 tentang pilkada.", ["law:uu-2016-10"]),
        ("Kepala daerah terikat UU No. 23 Tahun 2014 tentang Pemerintahan Daerah.", ["law:uu-2014-23"]),
        ("Sanksi diatur PP Nomor 94 Tahun 2021 tentang Disiplin PNS.", ["law:pp-2021-94"]),
        ("Kode etik mengacu pada PP 42/2004.", ["law:pp-2004-42"]),
        ("Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps menjadi acuan.", ["law:pp-2004-42"]),
        ("Pemerintah menerbitkan Perppu Nomor 2 Tahun 2022 tentang Cipta Kerja.", ["law:perppu-2022-2"]),
        ("Presiden menandatangani Perpres 82/2023 pekan ini.", ["law:perpres-2023-82"]),
        ("Keppres No. 12 Tahun 2023 sudah terbit.", ["law:keppres-2023-12"]),
        ("Inpres Nomor 1 Tahun 2022 mengatur pengadaan.", ["law:inpres-2022-1"]),
        ("Pedoman APBD tertuang dalam Permendagri Nomor 77 Tahun 2020.", ["law:permendagri-2020-77"]),
        ("Penataan jabatan mengacu PermenPANRB No. 1 Tahun 2023.", ["law:permenpanrb-2023-1"]),
        (
            "Aturan itu ada dalam Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 6 Tahun 2022.",
            ["law:permenpanrb-2022-6"],
        ),
        ("Peraturan Menteri Dalam Negeri Nomor 1 Tahun 2023 mengatur hal itu.", ["law:permendagri-2023-1"]),
        (
            "Pengangkatan itu tertuang dalam Keputusan Menteri Dalam Negeri Nomor 100.2.1.3-4000 Tahun 2024 tentang Pengangkatan Penjabat.",
            ["law:kepmendagri-2024-100.2.1.3-4000"],
        ),
        ("Kepmendagri Nomor 100.2.1.3-4000 Tahun 2024 dibacakan.", ["law:kepmendagri-2024-100.2.1.3-4000"]),
        (
            "Berdasarkan surat keputusan Kementerian Dalam Negeri Republik Indonesia (Kemendagri) Nomor: 100.2.2.6/1234/OTDA, pejabat dilantik.",
            ["law:sk-kemendagri-100.2.2.6-1234-otda"],
        ),
        ("Sesuai SK Kemendagri Nomor: 100.2.2.6/1234/OTDA pejabat dilantik.", ["law:sk-kemendagri-100.2.2.6-1234-otda"]),
        ("Pegawai diingatkan SE Menpan RB Nomor 1 Tahun 2022 soal netralitas.", ["law:se-menpanrb-2022-1"]),
        ("Surat Edaran Menteri PANRB Nomor 18 Tahun 2023 telah disebarkan.", ["law:se-menpanrb-2023-18"]),
        ("Gubernur merujuk SE Mendagri Nomor 100.2.1/555/SJ.", ["law:se-mendagri-100.2.1-555-sj"]),
        ("Pedoman itu diatur SKB Nomor 2 Tahun 2022 tentang Pedoman Pengawasan Netralitas.", ["law:skb-2022-2"]),
        ("Perda Kota Bogor Nomor 5 Tahun 2020 tentang Ketertiban Umum berlaku.", ["law:perda-kota-bogor-2020-5"]),
        ("Perbup Nomor 12 Tahun 2023 mengatur tunjangan.", ["law:perbup-2023-12"]),
        ("Pergub Nomor 7 Tahun 2021 sudah diundangkan.", ["law:pergub-2021-7"]),
        ("Peraturan Wali Kota Nomor 3 Tahun 2022 diterbitkan.", ["law:perwal-2022-3"]),
        ("Tahapan mengacu PKPU Nomor 8 Tahun 2024.", ["law:pkpu-2024-8"]),
        ("Pengawasan diatur Perbawaslu Nomor 6 Tahun 2024.", ["law:perbawaslu-2024-6"]),
        ("Mutasi diatur dalam Perka BKN Nomor 3 Tahun 2020.", ["law:perbkn-2020-3"]),
        ("Syarat usia diubah lewat Putusan MK Nomor 90/PUU-XXI/2023.", ["law:putusan-mk-90-puu-xxi-2023"]),
        ("Pelaku dijerat UU Nomor 31 Tahun 1999 jo. Nomor 20 Tahun 2001.", ["law:uu-1999-31", "law:uu-2001-20"]),
        ("Semua harus tunduk pada UUD 1945.", ["law:uud-1945"]),
    ],
)
def test_numbered_instruments(text, expected):
    assert keys(text) == expected


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Netralitas pegawai diatur dalam UU ASN.", dt.date(2024, 9, 14), "law:uu-2023-20"),
        ("Netralitas pegawai diatur dalam UU ASN.", dt.date(2022, 3, 1), "law:uu-2014-5"),
        ("Netralitas pegawai diatur dalam UU ASN.", dt.date(2023, 10, 31), "law:uu-2023-20"),
        ("Netralitas pegawai diatur dalam UU ASN.", dt.date(2023, 10, 30), "law:uu-2014-5"),
        ("Hal itu sesuai Undang-Undang ASN.", dt.date(2024, 1, 1), "law:uu-2023-20"),
        ("Hal itu diatur dalam UU tentang ASN.", dt.date(2024, 1, 1), "law:uu-2023-20"),
        ("Sosialisasi Undang-undang tentang Aparatur Sipil Negara digelar.", dt.date(2024, 1, 1), "law:uu-2023-20"),
        ("Tahapan diatur dalam UU Pemilu.", dt.date(2023, 5, 1), "law:uu-2017-7"),
        ("Calon tunduk pada UU Pilkada.", dt.date(2024, 9, 1), "law:uu-2016-10"),
        ("Kepala desa diatur UU Desa.", dt.date(2023, 1, 1), "law:uu-2014-6"),
        ("Kepala desa diatur UU Desa.", dt.date(2024, 6, 1), "law:uu-2024-3"),
        ("Kewenangan daerah diatur UU Pemda.", dt.date(2024, 6, 1), "law:uu-2014-23"),
        ("Kewenangan daerah diatur UU Pemerintahan Daerah.", dt.date(2024, 6, 1), "law:uu-2014-23"),
        ("Penyebar hoaks dijerat UU ITE.", dt.date(2020, 6, 1), "law:uu-2016-19"),
        ("Investasi dipermudah UU Cipta Kerja.", dt.date(2024, 6, 1), "law:uu-2023-6"),
        ("Pelaku dijerat UU Tipikor.", dt.date(2024, 6, 1), "law:uu-1999-31"),
        ("Warga bisa memakai UU KIP.", dt.date(2024, 6, 1), "law:uu-2008-14"),
        ("Standar layanan mengacu UU Pelayanan Publik.", dt.date(2024, 6, 1), "law:uu-2009-25"),
        ("Pelanggar dihukum sesuai PP Disiplin PNS.", dt.date(2024, 6, 1), "law:pp-2021-94"),
        ("Pelanggar dihukum sesuai PP Disiplin PNS.", dt.date(2019, 6, 1), "law:pp-2010-53"),
        ("Kenaikan pangkat mengacu PP Manajemen PNS.", dt.date(2024, 6, 1), "law:pp-2020-17"),
        ("Anggaran dikelola sesuai UU Keuangan Negara.", dt.date(2024, 6, 1), "law:uu-2003-17"),
    ],
)
def test_short_names_over_time(text, published, expected):
    assert keys(text, published=published) == [expected]


def test_short_name_without_date_uses_latest_year_in_text():
    assert keys("Pada Pemilu 2019, ASN tunduk pada UU ASN.", published=None) == ["law:uu-2014-5"]


def test_short_name_without_any_date_uses_current_meaning():
    assert keys("ASN tunduk pada UU ASN.", published=None) == ["law:uu-2023-20"]


def test_short_name_with_explicit_reference_date():
    assert keys("ASN tunduk pada UU ASN.", published=None, reference_date=dt.date(2021, 1, 1)) == ["law:uu-2014-5"]


def test_short_name_follows_explicit_citation_in_same_text():
    text = "UU Nomor 5 Tahun 2014 mengatur netralitas. Karena itu UU ASN wajib dipatuhi."
    assert keys(text, published=dt.date(2024, 9, 1)) == ["law:uu-2014-5", "law:uu-2014-5"]


def test_same_law_same_key():
    text = (
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara mengatur netralitas. "
        "Dalam UU 20/2023 itu, dan menurut UU ASN, pegawai wajib netral."
    )
    assert set(keys(text)) == {"law:uu-2023-20"}
    assert len(keys(text)) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Pemerintah juga ambil bagian sesuai dengan ketentuan Undang-undang.",
        "UU ini dengan tegas mengatur kewajiban pegawai.",
        "Semua pihak harus menaati aturan yang berlaku.",
        "SE menjelaskan, berkaitan dengan tahapan pemilu.",
        "Anggota Satpol PP Kota Bogor berjaga di lokasi.",
        "Sosialisasi Undang-undang dengan tema netralitas digelar.",
        "UNDANG-UNDANG : NETRALITAS ASN PADA PEMILUKADA TAHUN 2024",
        "Sesuai peraturan perundang-undangan yang berlaku.",
        "Pegawai se-Aceh hadir dalam rapat.",
        "Surat itu bernomor 100/812/Protkom.",
        "Sebanyak 5 PP dan 2 UU dibahas DPR tahun 2024.",
        "Bupati membacakan Keputusan Mendagri di gedung serbaguna.",
        "SK pengangkatan diserahkan kepada pegawai.",
    ],
)
def test_no_false_laws(text):
    assert keys(text) == []


def test_title_label_and_span():
    text = 'Ia menyebut "pelanggaran terhadap Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara," jelasnya.'
    (m,) = EXTRACT(text, published=PUB)
    assert m.type == "Law"
    assert text[m.start : m.end] == m.text
    assert m.label == "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"


@pytest.mark.parametrize(
    "text, label",
    [
        (
            "Hal itu sesuai Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara kepada pegawai daerah.",
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
        ),
        (
            "Aturan itu dimuat dalam UU Nomor 10 Tahun 2016 tentang pemilihan gubernur, bupati dan wali kota,” ucapnya.",
            "UU Nomor 10 Tahun 2016 tentang pemilihan gubernur, bupati dan wali kota",
        ),
        (
            "Perda Nomor 4 Tahun 2019 tentang Pajak Daerah, yang berlaku sejak tahun lalu.",
            "Perda Nomor 4 Tahun 2019 tentang Pajak Daerah",
        ),
        (
            "Dasarnya UU Nomor 1 Tahun 2015 tentang Pemilihan Gubernur, Bupati, dan Walikota Menjadi Undang-Undang, ujarnya.",
            "UU Nomor 1 Tahun 2015 tentang Pemilihan Gubernur, Bupati, dan Walikota Menjadi Undang-Undang",
        ),
    ],
)
def test_title_boundaries(text, label):
    (m,) = EXTRACT(text, published=PUB)
    assert m.label == label


def test_article_qualifiers():
    (m,) = EXTRACT("Larangan itu ada di Pasal 71 Ayat 3 Undang-Undang Nomor 10 Tahun 2016.", published=PUB)
    assert {"article:71", "paragraph:3"} <= m.qualifiers
    assert m.key == "law:uu-2016-10"


def test_helpers():
    assert law_key("SK-Kemendagri", "100.2.3.1/1234/OTDA", None) == "law:sk-kemendagri-100.2.3.1-1234-otda"
    assert law_key("uu", "20", 2023) == "law:uu-2023-20"
    assert resolve_short_name("ASN", on=dt.date(2020, 1, 1)) == ("uu", "5", 2014)
    assert resolve_short_name("Aparatur Sipil Negara") == ("uu", "20", 2023)
    assert resolve_short_name("Tidak Ada") is None
    assert reference_date("x", dt.date(2022, 1, 1)) == dt.date(2022, 1, 1)
    assert reference_date("Pemilu 2019 dan UU Nomor 20 Tahun 2023", None, today=dt.date(2025, 1, 1)) == dt.date(2019, 12, 31)
    assert reference_date("tanpa tahun", None) is None


def test_seed_articles():
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "sources"
    files = {f.name: f for f in src.glob("*.txt")}
    if "002_4a1be61ee1cc3ba7.txt" not in files:
        pytest.skip("seed articles missing")
    text = files["002_4a1be61ee1cc3ba7.txt"].read_text("utf-8")
    found = EXTRACT(text, published=dt.date(2024, 9, 14))
    assert found and {m.key for m in found} == {"law:uu-2023-20"}
    for m in found:
        assert text[m.start : m.end] == m.text
