"""Tests for kg/extract/laws.py: invented Indonesian sentences -> law keys."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.laws import LawExtractor, bare_references, law_key, reference_date, resolve_short_name

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


# ---------------------------------------------------------------- several laws in one sentence


def _keys_in(text: str, codes=()) -> list[str]:
    return [m.key for m in EXTRACT(text, published=PUB, region_codes=codes)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Penataan itu sesuai Undang-Undang Nomor 23 Tahun 2014 tentang pemerintahan daerah dan Peraturan Pemerintah "
            "(PP) Nomor 18 Tahun 2016 tentang Perangkat Daerah serta Permendagri Nomor 5 Tahun 2017.",
            ["law:uu-2014-23", "law:pp-2016-18", "law:permendagri-2017-5"],
        ),
        ("Dasarnya UU ASN, UU Pemilu dan UU Pilkada.", ["law:uu-2023-20", "law:uu-2017-7", "law:uu-2016-10"]),
        (
            "Kebijakan itu berpedoman pada PP 12/2019 dan Pergub 8/2021.",
            ["law:pp-2019-12", "law:pergub-jawa-tengah-2021-8"],
        ),
        (
            "Tersangka dijerat Pasal 3 UU Nomor 31 Tahun 1999 sebagaimana diubah menjadi UU Nomor 20 Tahun 2001 "
            "tentang Pemberantasan Tindak Pidana Korupsi.",
            ["law:uu-1999-31", "law:uu-2001-20"],
        ),
        ("Pelaku dijerat UU Nomor 31 Tahun 1999 juncto Nomor 20 Tahun 2001.", ["law:uu-1999-31", "law:uu-2001-20"]),
        (
            "Anggaran disusun sesuai Permendagri Nomor 15 Tahun 2023 dan Nomor 90 Tahun 2019.",
            ["law:permendagri-2023-15", "law:permendagri-2019-90"],
        ),
        (
            "Tahapan diatur PKPU Nomor 2 Tahun 2024, Nomor 8 Tahun 2024, serta Nomor 13 Tahun 2024.",
            ["law:pkpu-2024-2", "law:pkpu-2024-8", "law:pkpu-2024-13"],
        ),
        (
            # a law named inside another's title is its own instrument
            "Hal itu tertuang dalam Perbup Nomor 9 Tahun 2022 tentang Perubahan atas Perbup Nomor 14 Tahun 2020 "
            "tentang Tunjangan Pegawai.",
            ["law:perbup-kabupaten-banyumas-2022-9", "law:perbup-kabupaten-banyumas-2020-14"],
        ),
        (
            "Penanganan wabah mengacu UU Nomor 2 Tahun 2020 tentang Penetapan Peraturan Pemerintah Pengganti "
            "Undang-Undang Nomor 1 Tahun 2020 tentang Kebijakan Keuangan Negara Menjadi Undang-Undang.",
            ["law:uu-2020-2", "law:perppu-2020-1"],
        ),
        (
            "Pemberhentian diatur Pasal 41 Peraturan BKN Nomor 3 Tahun 2020 tentang Petunjuk Teknis dan Pasal 52 "
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara.",
            ["law:perbkn-2020-3", "law:uu-2023-20"],
        ),
    ],
)
def test_several_laws_in_one_sentence(text, expected):
    assert _keys_in(text, codes=("33.02", "33")) == expected


@pytest.mark.parametrize(
    "text, label",
    [
        (
            "Penataan itu sesuai Undang-Undang Nomor 23 Tahun 2014 tentang pemerintahan daerah dan Peraturan "
            "Pemerintah Nomor 18 Tahun 2016.",
            "Undang-Undang Nomor 23 Tahun 2014 tentang pemerintahan daerah",
        ),
        (
            "Hal itu tertuang dalam Perbup Nomor 9 Tahun 2022 tentang Perubahan atas Perbup Nomor 14 Tahun 2020.",
            "Perbup Nomor 9 Tahun 2022",
        ),
        (
            "Sanksi diatur Peraturan Gubernur (Pergub) Nomor 6 Tahun 2018 tentang Disiplin Kerja.",
            "Peraturan Gubernur (Pergub) Nomor 6 Tahun 2018 tentang Disiplin Kerja",
        ),
    ],
)
def test_title_stops_at_the_next_law(text, label):
    assert EXTRACT(text, published=PUB)[0].label == label


def test_accepted_forms_are_names():
    (m,) = EXTRACT("Sanksi diatur Peraturan Pemerintah (PP) Nomor 30 Tahun 2019 tentang Penilaian Kinerja.", published=PUB)
    assert {"Peraturan Pemerintah Nomor 30 Tahun 2019", "PP Nomor 30 Tahun 2019", "PP 30/2019"} <= m.names
    chained = EXTRACT("Dijerat UU Nomor 31 Tahun 1999 jo Nomor 20 Tahun 2001.", published=PUB)[1]
    assert "UU Nomor 20 Tahun 2001" in chained.names


# ---------------------------------------------------------------- kinds, short forms, regions


@pytest.mark.parametrize(
    "text, codes, expected",
    [
        ("Jam kerja diatur Pergub No 1 tentang Disiplin.", ("61",), "law:pergub-kalimantan-barat-1"),
        ("Jam kerja diatur Pergub Nomor 3 Tahun 2022.", ("61.71", "61"), "law:pergub-kalimantan-barat-2022-3"),
        ("Hal itu diatur Peraturan Gubernur Jawa Barat Nomor 5 Tahun 2021.", ("61",), "law:pergub-jawa-barat-2021-5"),
        ("Hal itu diatur Pergub Jabar Nomor 5 Tahun 2021.", (), "law:pergub-jawa-barat-2021-5"),
        ("Tarif diatur Perwal Nomor 11 Tahun 2023.", ("61.71", "61"), "law:perwal-kota-pontianak-2023-11"),
        ("Tarif diatur Perbup Nomor 11 Tahun 2023.", ("61.71", "61"), "law:perbup-2023-11"),
        ("Retribusi diatur Perda Kabupaten Sambas Nomor 2 Tahun 2020.", ("61",), "law:perda-kabupaten-sambas-2020-2"),
        ("Pelantikan berdasarkan Keputusan Gubernur Nomor 821/45/BKD Tahun 2024.", ("61",),
         "law:kepgub-kalimantan-barat-2024-821-45-bkd"),
        ("Pelantikan berdasarkan SK Bupati Nomor 7 Tahun 2024.", ("61.02", "61"), "law:kepbup-kabupaten-mempawah-2024-7"),
        ("Pengawas berpegang pada pasal 12 Bawaslu 7 tahun 2022 soal laporan.", (), "law:perbawaslu-2022-7"),
        ("Pengawas berpegang pada pasal 5 ayat (2) KPU 3 tahun 2023.", (), "law:pkpu-2023-3"),
        ("Laporan ditangani sesuai Perbawaslu 9/2020.", (), "law:perbawaslu-2020-9"),
        ("Sidang etik mengacu Peraturan DKPP Nomor 2 Tahun 2017.", (), "law:perdkpp-2017-2"),
        ("Jadwal ditetapkan dengan Keputusan KPU Nomor 360 Tahun 2024.", (), "law:kepkpu-2024-360"),
        ("Penyidik berpedoman pada Perpol Nomor 7 Tahun 2022.", (), "law:perpol-2022-7"),
        ("Gugatan diatur Perma Nomor 1 Tahun 2016.", (), "law:perma-2016-1"),
        ("Pemberhentian sesuai Perban BKN 3/2020.", (), "law:perbkn-2020-3"),
        ("Status darurat ditetapkan lewat Perppu Nomor 1 Tahun 2022.", (), "law:perppu-2022-1"),
    ],
)
def test_kinds_short_forms_and_regions(text, codes, expected):
    assert _keys_in(text, codes) == [expected]


def test_same_regional_law_in_two_forms_has_one_key_and_other_regions_stay_apart():
    a = _keys_in("Sesuai Peraturan Gubernur Nomor 4 Tahun 2019 tentang Tunjangan.", ("72",))
    b = _keys_in("Pergub 4/2019 mengatur tunjangan.", ("72.71", "72"))
    c = _keys_in("Pergub 4/2019 mengatur tunjangan.", ("32",))
    assert a == b == ["law:pergub-sulawesi-tengah-2019-4"]
    assert c == ["law:pergub-jawa-barat-2019-4"]


# ---------------------------------------------------------------- draft regulations


@pytest.mark.parametrize(
    "text, codes, key, label",
    [
        ("Dewan membahas Ranperda Perubahan APBD 2026 bersama eksekutif.", ("63",),
         "law:ranperda-perubahan-apbd-kalimantan-selatan-2026", "Ranperda Perubahan APBD 2026"),
        ("Fraksi menyampaikan pandangan atas Ranperda perubahan APBD.", ("63",),
         "law:ranperda-perubahan-apbd-kalimantan-selatan-2024", "Ranperda perubahan APBD"),
        ("Ranperda tentang Pajak Daerah dan Retribusi Daerah Kabupaten Banjar disetujui menjadi Perda.", ("63",),
         "law:ranperda-pajak-daerah-dan-retribusi-daerah-kabupaten-banjar-2024",
         "Ranperda tentang Pajak Daerah dan Retribusi Daerah Kabupaten Banjar"),
        ("Rapat membahas Rancangan Peraturan Daerah (Ranperda) Pertanggungjawaban Pelaksanaan APBD Tahun Anggaran 2023.",
         ("63.71", "63"), "law:ranperda-pertanggungjawaban-pelaksanaan-apbd-kota-banjarmasin-2023",
         "Rancangan Peraturan Daerah (Ranperda) Pertanggungjawaban Pelaksanaan APBD Tahun Anggaran 2023"),
        ("DPRD menyetujui RAPBD Kota Banjarbaru 2025 pekan ini.", (), "law:rapbd-kota-banjarbaru-2025",
         "RAPBD Kota Banjarbaru 2025"),
    ],
)
def test_draft_regulations(text, codes, key, label):
    (m,) = EXTRACT(text, published=PUB, region_codes=codes)
    assert (m.key, m.label) == (key, label)


@pytest.mark.parametrize(
    "text",
    [
        "Dewan menerima dua Ranperda dari eksekutif.",
        "Ranperda yang dibahas tahun ini berjumlah tujuh.",
        "Ranperda inisiatif dewan segera dibahas.",
        "Rumah nomor 5 dan nomor 7 terbakar.",
        "RAPBD disahkan bulan depan.",
    ],
)
def test_no_false_drafts(text):
    assert _keys_in(text, ("63",)) == []


# ---------------------------------------------------------------- laws named again


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wali kota membacakan Keputusan Mendagri di aula.", ["kepmendagri"]),
        ("Pejabat dikukuhkan berdasarkan Perbup yang baru.", ["perbup"]),
        ("UU tersebut mengatur sanksi.", ["uu"]),
        ("Semua pihak tunduk pada Undang-Undang.", []),
        ("Perda Nomor 3 Tahun 2020 itu berlaku.", []),
    ],
)
def test_bare_references(text, expected):
    assert [t for _, _, t in bare_references(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pengawasan sesuai Peraturan Bawaslu RI Nomor 3 Tahun 2023.", ["law:perbawaslu-2023-3"]),
        ("Sesuai UU RI Nomor 7 Tahun 2017 dan Undang-Undang Republik Indonesia Nomor 10 Tahun 2016.",
         ["law:uu-2017-7", "law:uu-2016-10"]),
        ("Penyusunan mengacu Peraturan Mendagri Nomor 86 Tahun 2017.", ["law:permendagri-2017-86"]),
        ("Hal itu merujuk Surat Edaran (SE) Bupati Sigi Nomor 800/12/BKPSDM.", ["law:se-bupati-kabupaten-sigi-800-12-bkpsdm"]),
        ("Rapat menindaklanjuti SE Mendagri Nomor 100/757/Adpim tanggal 13 Juli 2020.",
         ["law:se-mendagri-2020-100-757-adpim"]),
        ("Netralitas diatur Surat Edaran Bersama Menteri PANRB, Mendagri, Kepala BKN dan Ketua Bawaslu Nomor 1 Tahun "
         "2023.", ["law:seb-2023-1"]),
        ("Pegawai wajib mematuhi SKB 5 Menteri tentang netralitas ASN.", ["law:skb-netralitas-asn"]),
    ],
)
def test_issuers_qualifiers_and_joint_instruments(text, expected):
    assert _keys_in(text) == expected


@pytest.mark.parametrize(
    "text, label",
    [
        ("Sesuai amanat UU Nomor 7 Tahun 2017 tentang Pemilu, ASN wajib netral.", "UU Nomor 7 Tahun 2017 tentang Pemilu"),
        ("Dasarnya UU Nomor 1 Tahun 2015 tentang Pemilihan Gubernur, Bupati, dan Walikota yang sudah diubah.",
         "UU Nomor 1 Tahun 2015 tentang Pemilihan Gubernur, Bupati, dan Walikota"),
        ("Perda Nomor 3 Tahun 2020 tanggal 12 Maret 2020 tentang Pajak Daerah diundangkan.",
         "Perda Nomor 3 Tahun 2020 tanggal 12 Maret 2020 tentang Pajak Daerah"),
    ],
)
def test_title_and_date_boundaries(text, label):
    assert EXTRACT(text, published=PUB)[0].label == label


@pytest.mark.parametrize(
    "text, codes, expected",
    [
        ("Penetapan berdasarkan Keputusan KPU Kota Palu Nomor 12 Tahun 2024.", ("72.71", "72"),
         ["law:kepkpu-kota-palu-2024-12"]),
        # a national body's instrument takes no region from the article
        ("Jadwal ditetapkan dengan Keputusan KPU Nomor 360 Tahun 2024.", ("72.71", "72"), ["law:kepkpu-2024-360"]),
        ("Tahapan sesuai PKPU Nomor 8 Tahun 2024.", ("72.71", "72"), ["law:pkpu-2024-8"]),
        ("Tarif diatur Perwali Nomor 8 Tahun 2022.", ("72.71", "72"), ["law:perwal-kota-palu-2022-8"]),
        ("Pungutan diatur Perdes Nomor 2 Tahun 2023.", (), ["law:perdes-2023-2"]),
    ],
)
def test_national_and_regional_issuers(text, codes, expected):
    assert _keys_in(text, codes) == expected


def test_prefilter_keeps_every_mention(monkeypatch):
    from kg.extract import laws

    texts = [
        "Sesuai UU No 20/2023 pegawai dilarang berpolitik.",
        "Dewan membahas Ranperda Perubahan APBD 2026 bersama eksekutif.",
        "Pengawas berpegang pada pasal 12 Bawaslu 7 tahun 2022 soal laporan.",
        "Rapat menindaklanjuti SE Mendagri Nomor 100/757/Adpim tanggal 13 Juli 2020.",
        "Qanun Aceh Nomor 5 Tahun 2020 berlaku.",
        "DPRD menyetujui RAPBD Kota Banjarbaru 2025 pekan ini.",
    ]
    filtered = [laws._raw_mentions(t) for t in texts]
    monkeypatch.setattr(laws, "_may_cite", lambda text: True)
    assert filtered == [laws._raw_mentions(t) for t in texts]
    assert all(filtered)
