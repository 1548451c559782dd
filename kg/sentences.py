"""Sentence splitting for Indonesian news, with offsets into the article text.

Splits after . ! ? (and any closing quotes or brackets) when a capital, a digit or an
opening quote follows; never after an honorific, an academic degree or another
abbreviation ("H.", "Prof.", "S.H.", "M.Si.", "No.", "Jl.", "PT."), inside a number
("Rp54,77", "100.2.2.6"), or after a lone initial ("H. M. Nasir"). A single newline
inside a paragraph is a wrapped line, not a break; a blank line is a break, unless
the line before ends without punctuation and the next starts in lower case (a
sentence the scraper cut in two).
"""
from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from .data import load_yaml
from .model import Sentence

END = re.compile(r"[.!?]+[\"”’'»)\]]*")
OPENERS = "\"“‘'«(["


_SPACE = re.compile(r"\s+")
MAX_SENTENCE = 2000   # characters; the longest sentence of the dev articles has 519

_TOKEN_END = re.compile(r"([\w.]+)$")


@cache
def _abbreviations() -> frozenset[str]:
    words = load_yaml("abbreviations.yaml")["abbreviations"]
    return frozenset(w.casefold().rstrip(".") for w in words)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the "." at ``dot`` the end of an abbreviation or an initial?"""
    m = _TOKEN_END.search(text, max(0, dot - 64), dot)  # the token before the dot (a window: tokens are short)
    if not m:
        return False
    token = m.group(1)
    last = token.split(".")[-1] if "." in token else token
    if len(last) == 1 and last.isalpha():
        return True  # an initial: "H.", "M.", "S.H."
    if token.casefold().rstrip(".") in _abbreviations() or last.casefold() in _abbreviations():
        return True
    return False


def _paragraphs(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join paragraphs that a scraper split in the middle of a sentence."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        # blank lines inside a span are paragraph breaks too; single newlines are
        # breaks when the text is not hard-wrapped (its lines are long paragraphs)
        lines = [ln for ln in text[start:end].split("\n") if ln.strip()]
        lengths = sorted(len(ln) for ln in lines)
        wrapped = len(lines) > 2 and lengths[len(lengths) // 2] <= 100
        breaks = r"\n[ \t]*\n\s*" if wrapped else r"\n\s*"
        pos = start
        for m in re.finditer(breaks, text[start:end]):
            out.append((pos, start + m.start()))
            pos = start + m.end()
        out.append((pos, end))
    joined: list[tuple[int, int]] = []
    for s, e in out:
        chunk = text[s:e].strip()
        if not chunk:
            continue
        if joined:
            ps, pe = joined[-1]
            prev = text[ps:pe].rstrip()
            if prev and prev[-1] not in ".!?\"”’:;)" and chunk[0].islower():
                joined[-1] = (ps, e)
                continue
        joined.append((s, e))
    return joined


def split_sentences(text: str, spans: Iterable[tuple[int, int]]) -> list[Sentence]:
    sentences: list[Sentence] = []
    for start, end in _paragraphs(text, spans):
        pos = start
        for m in END.finditer(text, start, end):
            cut = m.end()
            nxt = _SPACE.match(text, cut, end)
            if not nxt:
                continue
            after = nxt.end()
            if after >= end:
                continue
            first = text[after]
            if not (first.isupper() or first.isdigit() or first in OPENERS):
                continue
            punct = m.group(0)
            if punct.startswith(".") and punct.rstrip("\"”’'»)]") == "." and _is_abbreviation(text, m.start()):
                continue
            _add(sentences, text, pos, cut)
            pos = after
        _add(sentences, text, pos, end)
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    """A sentence; one longer than MAX_SENTENCE characters (no real sentence is: they
    are runs of words with no full stop) is cut at spaces into pieces of at most that
    length, so that no step spends more than a bounded time on one sentence."""
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
        _append(out, text, start, cut if cut > start else limit)
        start = cut if cut > start else limit
    _append(out, text, start, end)


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))
