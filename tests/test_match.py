"""Tests for kg/match.py (correctness only; no timing asserts)."""
from __future__ import annotations

import pytest

from kg.match import Match, PhraseMatcher

ENTRIES = [
    ("Aceh", "11"),
    ("Aceh Utara", "11.08"),
    ("Bogor", "32.01"),
    ("Bogor", "32.71"),
    ("Kab.", "kab"),
    ("Wali Kota", "walikota"),
    ("Kota", "kota"),
    ("BKN", "bkn"),
]
M = PhraseMatcher(ENTRIES)


def spans(text: str, matcher: PhraseMatcher = M) -> list[tuple[str, tuple]]:
    return [(m.text, m.payload) for m in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bupati Aceh Utara hadir.", [("Aceh Utara", ("11.08",))]),
        ("ACEH UTARA", [("ACEH UTARA", ("11.08",))]),
        ("Aceh\nUtara", [("Aceh\nUtara", ("11.08",))]),
        ("Aceh \n\t  Utara", [("Aceh \n\t  Utara", ("11.08",))]),
        ("Aceh Utaranya", [("Aceh", ("11",))]),           # no end inside a word
        ("Acehnese", []),                                 # no start/end inside a word
        ("BKN2 dan BKN.", [("BKN", ("bkn",))]),           # digits are word characters
        ("xBKN BKN", [("BKN", ("bkn",))]),
        ("Bogor", [("Bogor", ("32.01", "32.71"))]),       # several payloads
        ("Kab. Bogor", [("Kab.", ("kab",)), ("Bogor", ("32.01", "32.71"))]),
        ("Wali Kota Bogor", [("Wali Kota", ("walikota",)), ("Bogor", ("32.01", "32.71"))]),  # longest
        ("Kota Bogor", [("Kota", ("kota",)), ("Bogor", ("32.01", "32.71"))]),
        ("", []),
    ],
)
def test_find(text: str, expected: list) -> None:
    assert spans(text) == expected


def test_offsets_point_into_original_text() -> None:
    text = "Di  ACEH\n\nUTARA,  Wali   Kota Bogor hadir."
    for m in M.find(text):
        assert text[m.start:m.end] == m.text
    assert [m.text for m in M.find(text)] == ["ACEH\n\nUTARA", "Wali   Kota", "Bogor"]


def test_leftmost_wins_over_longer_later_match() -> None:
    m = PhraseMatcher([("a b", 1), ("b c d", 2)])
    assert [(x.text, x.payload) for x in m.find("a b c d")] == [("a b", (1,))]


def test_case_sensitive() -> None:
    m = PhraseMatcher([("MA", "ma")], case_sensitive=True)
    assert [x.start for x in m.find("MA ma Ma MA")] == [0, 9]
    assert len(PhraseMatcher([("MA", "ma")]).find("MA ma Ma")) == 3


def test_expanding_case_fold_keeps_offsets() -> None:
    m = PhraseMatcher([("strasse", "s"), ("Aceh", "11")])
    text = "Straße in Aceh"
    found = m.find(text)
    assert [(x.start, x.end, x.text) for x in found] == [(0, 6, "Straße"), (10, 14, "Aceh")]


def test_phrase_with_punctuation_edges() -> None:
    m = PhraseMatcher([("(Purn)", "former"), ("S.H.", "degree")])
    assert [x.text for x in m.find("Kolonel (Purn) Ahmad, S.H., M.H.")] == ["(Purn)", "S.H."]


def test_duplicate_entries_and_empty_matcher() -> None:
    m = PhraseMatcher([("Aceh", 1), ("ACEH", 1), ("aceh", 2), ("  ", 3)])
    assert len(m) == 1
    assert m.find("aceh") == [Match(0, 4, "aceh", (1, 2))]
    assert PhraseMatcher([]).find("apa saja") == []


def test_matcher_over_the_gazetteer() -> None:
    from kg import gazetteer as g

    m = PhraseMatcher((n, r.code) for r in g.regions() for n in r.names)
    text = "Pj Bupati Aceh Utara dan Wali Kota Pontianak bertemu di Kalbar, juga Pemkab Bogor."
    got = {x.text: set(x.payload) for x in m.find(text)}
    assert got["Aceh Utara"] == {"11.08"}
    assert got["Pontianak"] == {"61.71"}
    assert got["Kalbar"] == {"61"}
    assert got["Bogor"] == {"32.01", "32.71"}
    assert "Aceh" not in got


@pytest.mark.parametrize("text", ["Rapat itu digelar Senin lalu.", "SENIN DEPAN ada rapat", "tanpa hari apa pun",
                                  "senin-senin lalu", "", "Kamis\u00a0nanti", "rAbU lalu, Rabu depan"])
def test_prefiltered_regex_gives_the_plain_matches(text):
    import re

    from kg.match import PrefilteredRegex

    plain = re.compile(r"(?<![\w-])(senin|rabu|kamis)\s+(lalu|depan|nanti)\b", re.I)
    fast = PrefilteredRegex(plain, ["Senin", "Rabu", "Kamis"])
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
