"""Names an entity may carry (kg.labels), and the names a build actually exports."""
import re
from pathlib import Path

import kg

import pytest

from kg.labels import acceptable, names_for, tidy


@pytest.mark.parametrize("raw, expected", [
    ("Sekretariat Daerah Provinsi Provinsi Maluku", "Sekretariat Daerah Provinsi Maluku"),
    ("KPU Kabupaten Kabupaten Garut", "KPU Kabupaten Garut"),
    ("Kementerian Sosial Republik Indonesia RI", "Kementerian Sosial Republik Indonesia"),
    ("Kementerian Sosial Republik Indonesia (RI)", "Kementerian Sosial Republik Indonesia"),
    ("Pilkada) 2020", "Pilkada 2020"),
    ("Badan Pusat Statistik (BPS", "Badan Pusat Statistik"),
    ("Bau Bau", "Bau Bau"),                      # a city's own name is not a slip
    ("  Rapat   Kerja\nKomisi II ", "Rapat Kerja Komisi II"),
])
def test_tidy(raw, expected):
    assert tidy(raw) == expected


@pytest.mark.parametrize("name, type_, ok", [
    ("acara tersebut", "Event", False),
    ("Kegiatan itu", "Event", False),
    ("agenda ini", "Event", False),
    ("dilantik", "Event", False),
    ("Rapat", "Event", False),
    ("Pelantikan", "Event", False),
    ("Rapat Kerja Komisi II DPRD Garut", "Event", True),
    ("Pemilu 2024", "Event", True),
    ("Pemerintah", "Organization", False),
    ("KPU Kabupaten", "Organization", True),        # within its article it names one body
    ("Pemerintah Kota", "Organization", False),
    ("KPU Kabupaten Garut", "Organization", True),
    ("Bawaslu RI", "Organization", True),
    ("Bupati Garut", "Office", True),
    ("Sutrisno", "Person", True),
])
def test_acceptable(name, type_, ok):
    assert acceptable(name, type_) is ok


def test_label_survives_even_when_generic():
    label, names = names_for("Event", {"Rapat", "rapat tersebut", "dilaksanakan"}, "Rapat")
    assert label == "Rapat" and names == {"Rapat"}


DOUBLED = re.compile(r"\b(Provinsi|Kabupaten|Kota)\s+\1\b", re.IGNORECASE)
DEMONSTRATIVE = re.compile(r"\b(tersebut|itu|ini)$", re.IGNORECASE)


ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev" / "sources"


@pytest.fixture(scope="module")
def built():
    """The seed articles and, where ../shared is beside the checkout, the dev articles, built together."""
    paths = [ROOT / "sources"] + ([DEV] if DEV.is_dir() else [])
    return kg.build(paths)


def test_exported_names_are_clean(built):
    """Every name: no doubled level word, balanced brackets, no anaphor, no generic head alone."""
    bad = []
    for ent in built.entities():
        for n in {ent.label} | set(ent.names):
            if DOUBLED.search(n) or n.count("(") != n.count(")") or DEMONSTRATIVE.search(n):
                bad.append((ent.key, n))
            elif n != ent.label and n not in names_for(ent.type, {n}, ent.label)[1]:
                bad.append((ent.key, n))
    assert not bad


def test_an_acronym_the_label_declares_is_kept():
    label, names = names_for("Event", {"kunker", "dilantik"}, "kunjungan kerja (kunker)")
    assert names == {"kunjungan kerja (kunker)", "kunker"}


# tidy and acceptable skip their regexes when a cheap test says they cannot match: the
# answers must be those of the regexes, whatever the case, the spacing or the alphabet
@pytest.mark.parametrize("raw, expected", [
    ("KOTA kota Bogor", "KOTA Bogor"),
    ("Dinas  Kota\tKota Contoh", "Dinas Kota Contoh"),
    ("Kotabaru Kota Baru", "Kotabaru Kota Baru"),                 # a word that begins with "Kota"
    ("Kantor Desa Desanya", "Kantor Desa Desanya"),
    ("(Kota Kota) Contoh", "(Kota) Contoh"),
    ("Dinas Sosial Kota Kota Contoh – Utara", "Dinas Sosial Kota Contoh – Utara"),   # not ASCII
    ("Kementerian Dalam Negeri Republik Indonesia ( RI )", "Kementerian Dalam Negeri Republik Indonesia"),
    ("Kementerian Republik Indonesia RI Jakarta", "Kementerian Republik Indonesia RI Jakarta"),   # not at the end
    ("Kementerian Sosial Republik Indonesia (RI) – Jakarta", "Kementerian Sosial Republik Indonesia (RI) – Jakarta"),
    ("Kementerian Hukum Republik Indonesia Rİ", "Kementerian Hukum Republik Indonesia"),   # İ matches I, ignoring case
])
def test_tidy_fast_path_agrees_with_the_regexes(raw, expected):
    assert tidy(raw) == expected


@pytest.mark.parametrize("name, type_, ok", [
    ("Kepala Dinas tersebut", "Office", False),
    ("Ini Kantor Camat", "Place", False),
    ("Kepala Dinas Inisiatif Daerah", "Office", True),     # "ini" inside a word is no determiner
    ("Sitinjau Lauik", "Place", True),                     # "itu" inside a word neither
    ("Dinas Kabupaten", "Organization", False),
    ("Dinas Provinsi Kota", "Organization", False),
    ("Dinas Sosial Kabupaten", "Organization", True),
    ("Kabupaten Kota", "Organization", False),
    ("Pemerintah Daerah", "Organization", False),
    ("Pemerintah Daerah Kota Contoh", "Organization", True),
    ("—", "Office", False),
    ("", "Person", False),
])
def test_acceptable_fast_paths(name, type_, ok):
    assert acceptable(name, type_) is ok


def test_names_for_answers_alike_the_second_time():
    first = names_for("Organization", {"Dinas Kabupaten", "Dinas  Sosial Kabupaten Contoh"}, "Dinas Sosial")
    again = names_for("Organization", {"Dinas Kabupaten", "Dinas  Sosial Kabupaten Contoh"}, "Dinas Sosial")
    assert first == again == ("Dinas Sosial", frozenset({"Dinas Sosial", "Dinas Sosial Kabupaten Contoh"}))


@pytest.mark.parametrize("type_", ["Organization", "Office", "Event", "Place", "Person", "Law"])
@pytest.mark.parametrize("name", [
    "Dinas Kabupaten", "Dinas  Sosial Kabupaten Contoh ", "Pemerintah Daerah", "Kabupaten Kota", "rapat itu",
    "Kepala Dinas Inisiatif", "KPU Kota Kota Contoh", "Badan (BPS", "Rapat", "dilantik", "Kementerian Republik Indonesia RI",
    "- Dinas Sosial -", "Bupati Contoh;", "Balai  Kota", "Pemkab Contoh", "Kantor Camat ini", "Dinas Sosial ’Contoh’",
])
def test_names_for_keeps_a_name_as_tidy_and_acceptable_say(name, type_):
    tidied = tidy(name)
    kept = tidied in names_for(type_, {name}, "Nama Lain Sekali")[1]
    assert kept is (bool(tidied) and acceptable(tidied, type_))
