"""A fast whole-word phrase matcher on one Aho-Corasick automaton (pyahocorasick).

    m = PhraseMatcher([("Aceh Utara", "11.08"), ("Aceh", "11")])
    m.find("Pemkab ACEH\\nUTARA dan Aceh")
    # [Match(7, 17, 'ACEH\\nUTARA', ('11.08',)), Match(22, 26, 'Aceh', ('11',))]

Matching folds case (unless ``case_sensitive=True``) and treats every run of
whitespace (spaces, tabs, newlines, NBSP) as one space, both in the phrases and in
the text; offsets are always into the ORIGINAL text. A match may not start or end
inside a word (letters and digits are word characters): "Aceh" does not match in
"Acehnese" nor "BKN" in "BKN2". Among overlapping candidates the leftmost wins, and
among those starting at the same place the longest; kept matches never overlap.
When several entries share one (folded) phrase, the match carries all their
payloads, in the order given.
"""
from __future__ import annotations

from functools import lru_cache

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import ahocorasick

T = TypeVar("T")

_WS_RUN = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # whitespace that squashing would change


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """A phrase found in a text: ``text[start:end]`` is the original surface form."""

    start: int
    end: int
    text: str
    payload: tuple[T, ...]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


class PhraseMatcher(Generic[T]):
    """Find many phrases at once; see the module docstring for the rules."""

    __slots__ = ("case_sensitive", "_automaton", "_size")

    def __init__(self, entries: Iterable[tuple[str, T]], *, case_sensitive: bool = False) -> None:
        self.case_sensitive = case_sensitive
        payloads: dict[str, list[T]] = {}
        for phrase, payload in entries:
            key = self._normalize_phrase(phrase)
            if not key:
                continue
            bucket = payloads.setdefault(key, [])
            if payload not in bucket:
                bucket.append(payload)
        self._size = len(payloads)
        self._automaton: ahocorasick.Automaton | None = None
        if payloads:
            auto = ahocorasick.Automaton()
            for key, bucket in payloads.items():
                # first and last char kinds decide whether boundaries must be checked
                auto.add_word(key, (len(key), tuple(bucket), _is_word(key[0]), _is_word(key[-1])))
            auto.make_automaton()
            self._automaton = auto

    def __len__(self) -> int:
        """Number of distinct (folded) phrases."""
        return self._size

    def _fold(self, text: str) -> str:
        return text if self.case_sensitive else text.casefold()

    def _normalize_phrase(self, phrase: str) -> str:
        return self._fold(" ".join(phrase.split()))  # whitespace squashed

    def _normalize_text(self, text: str) -> tuple[str, "list[int] | range"]:
        """The folded, whitespace-squashed text and, for each of its chars, the original index."""
        return _normalize(text, self.case_sensitive)


    def candidates(self, text: str) -> Iterator[Match[T]]:
        """Every whole-word occurrence, overlapping ones included, in automaton order."""
        if self._automaton is None or not text:
            return
        norm, offsets = self._normalize_text(text)
        n = len(text)
        for end_idx, (length, payload, word_start, word_end) in self._automaton.iter(norm):
            s_norm = end_idx - length + 1
            start = offsets[s_norm]
            end = offsets[end_idx] + 1
            if word_start and start > 0 and _is_word(text[start - 1]):
                continue
            if word_end and end < n and _is_word(text[end]):
                continue
            # a match must not begin or end in the middle of an expanded char
            if s_norm > 0 and offsets[s_norm - 1] == start:
                continue
            if end_idx + 1 < len(offsets) and offsets[end_idx + 1] == end - 1:
                continue
            yield Match(start, end, text[start:end], payload)

    def find(self, text: str) -> list[Match[T]]:
        """Leftmost-longest, non-overlapping whole-word matches, in text order."""
        cands = sorted(self.candidates(text), key=lambda m: (m.start, -m.end))
        out: list[Match[T]] = []
        last_end = -1
        for m in cands:
            if m.start >= last_end:
                out.append(m)
                last_end = m.end
        return out


@lru_cache(maxsize=4096)
def _normalize(text: str, case_sensitive: bool) -> tuple[str, "list[int] | range"]:
    """See :meth:`Matcher._normalize_text`; cached, since every matcher of the pipeline
    normalizes the same sentences."""
    folded = text if case_sensitive else text.casefold()
    if len(folded) == len(text) and not _ODD_SPACE.search(folded):
        return folded, range(len(folded))  # nothing to squash: offsets are the identity
    if len(folded) == len(text):
        # casefold never shrinks a string, so equal length means char-for-char alignment
        parts: list[str] = []
        offsets: list[int] = []
        pos = 0
        for ws in _WS_RUN.finditer(folded):
            a, b = ws.span()
            parts.append(folded[pos:a])
            offsets.extend(range(pos, a))
            parts.append(" ")
            offsets.append(a)
            pos = b
        parts.append(folded[pos:])
        offsets.extend(range(pos, len(folded)))
        return "".join(parts), offsets
    # slow path: some characters fold to several ("ß" -> "ss")
    chars: list[str] = []
    offsets = []
    in_ws = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_ws:
                chars.append(" ")
                offsets.append(i)
            in_ws = True
            continue
        in_ws = False
        for f in (ch if case_sensitive else ch.casefold()):
            chars.append(f)
            offsets.append(i)
    return "".join(chars), offsets


class PrefilteredRegex:
    """A case-insensitive regex that can only match where one of ``words`` occurs: it is
    run only on text in which one of them does (one Aho-Corasick pass over the
    lowercased text). Same matches as the regex alone, for much less time on the many
    sentences without any of the words."""

    def __init__(self, plain: re.Pattern, words: Iterable[str]) -> None:
        self.plain = plain
        self._words = ahocorasick.Automaton()
        for w in {w.lower() for w in words}:
            self._words.add_word(w, w)
        self._words.make_automaton()

    def finditer(self, text: str):
        for _ in self._words.iter(text.lower()):
            return self.plain.finditer(text)
        return iter(())
