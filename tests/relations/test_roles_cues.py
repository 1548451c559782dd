"""Cue finding with the Aho-Corasick precheck gives what running every cue regex gives."""
from pathlib import Path

import pytest

from kg.ingest import iter_articles
from kg.pipeline import make_doc
from kg.relations import roles

ROOT = Path(__file__).resolve().parents[2]
EXTRA = ["Acara dihadiri oleh Bupati Contoh dan didampingi Wakil Bupati.", "kata dia, ujarnya, tegasnya.",
         "Kegiatan itu digelar oleh Dinas Contoh, dibuka oleh Sekda.", ""]


def every_regex(text, offset):
    found, taken = [], []
    for rx, kind in roles.cues():
        for m in rx.finditer(text):
            s, e = offset + m.start(), offset + m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            found.append((s, e, kind))
    return sorted(found)


def sentences():
    arts = list(iter_articles([ROOT / "sources"], on_error=lambda *a: None))
    return EXTRA + [s.text for a in arts for s in make_doc(a).sentences]


@pytest.mark.parametrize("text", sentences())
def test_same_cues(text):
    assert roles.find_cues(text, 7) == every_regex(text, 7)
