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
