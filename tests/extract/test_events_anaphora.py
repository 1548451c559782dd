"""The backwards search for "<noun> <determiner>" finds exactly what the plain regex finds."""
from pathlib import Path

import pytest

from kg.extract.events import _regexes
from kg.ingest import iter_articles
from kg.pipeline import make_doc

ROOT = Path(__file__).resolve().parents[2]
SENTENCES = [
    "Rakor itu dibuka oleh Bupati Contoh, dan rapat tersebut berlangsung lancar.",
    "Kegiatan ini, kegiatan itu dan acara tersebut tidak sama dengan Rapat Koordinasi ini.",
    "Sosialisasi   tersebut   digelar; apel itu ditunda. Pelatihan tersebutlah yang dimaksud.",
    "Rapat-rapat itu, pra-rapat ini, dan RAPAT KERJA TERSEBUT.",
    "Itu rapat. Ini kegiatan. Tersebut.",
    "",
]


def sentences():
    arts = list(iter_articles([ROOT / "sources"], on_error=lambda *a: None))
    return SENTENCES + [s.text for a in arts for s in make_doc(a).sentences]


@pytest.mark.parametrize("text", sentences())
def test_same_matches_as_the_plain_regex(text):
    ana = _regexes()[2]
    want = [(m.start(), m.end(), m.group(0), m.group(1), m.group(2)) for m in ana.plain.finditer(text)]
    got = [(m.start(), m.end(), m.group(0), m.group(1), m.group(2)) for m in ana.finditer(text)]
    assert got == want


def test_the_examples_do_match():
    ana = _regexes()[2]
    assert [m.group(0) for m in ana.finditer(SENTENCES[0])] == ["Rakor itu", "rapat tersebut"]


@pytest.mark.parametrize("text", sentences())
def test_event_nouns_prefiltered_give_the_plain_matches(text):
    noun = _regexes()[0]
    assert [m.span() for m in noun.finditer(text)] == [m.span() for m in noun.pattern.finditer(text)]
