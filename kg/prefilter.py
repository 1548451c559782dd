"""Which patterns can match a text: literal anchors, looked for before the regex runs.

Most extractor patterns can only match where some literal word occurs: a date with a
month name needs one of "jan", "feb", ... "des"; a list cue needs one of its cue words.
An :class:`Anchors` set says, with plain substring searches (or one Aho-Corasick pass
for many words) over the folded text, whether any of its words occurs; a
:class:`Guarded` pattern runs its regex only then. The answer is never "no" where the
regex could match: the anchors are looked for in a folding of the text in which every
character that ``re`` matches to an ASCII letter, with or without ``re.IGNORECASE``,
becomes that letter (``fold_for_anchors``), so "MEİ" is found by the anchor "mei" as
the regex ``(?i)mei`` finds it. Anchors are ASCII; the folded text of the sentence being
read is computed once and shared by every guard (a small cache keyed by the text).

    months = Anchors(["jan", "feb", "mar"])
    full = Guarded(re.compile(r"\\d+\\s+(?:januari|februari|maret)", re.I), months)
    list(full.finditer("Rapat 3 Maret"))   # the regex ran
    list(full.finditer("Rapat hari ini"))  # no anchor: the regex did not run
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import ahocorasick

# Characters outside ASCII that ``re`` matches to an ASCII letter: under IGNORECASE "İ" and
# "ı" match "i", "ſ" matches "s", the Kelvin sign matches "k" (tests/test_prefilter.py
# checks every code point). Mapped to their letter before lowering the text.
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

MANY = 16   # from this many words on, one Aho-Corasick pass beats a substring search per word

# False: every guard lets every text through (tests compare the extractors with and without)
active = True


@contextmanager
def disabled():
    """Run the patterns on every text, as if there were no prefilter (for tests)."""
    global active
    saved, active = active, False
    try:
        yield
    finally:
        active = saved


def probe(rx: re.Pattern, text: str) -> bool:
    """Does ``rx`` (a part of a pattern that every match holds) occur in ``text``?"""
    return not active or rx.search(text) is not None


@lru_cache(maxsize=64)
def fold_for_anchors(text: str) -> str:
    """``text`` lowered, with the characters of ``_TO_ASCII`` made ASCII first. Any span that
    a pattern matches to an ASCII literal (any case) appears in it as that literal in
    lower case. Cached: every guard of the pipeline asks it for the same sentence."""
    return text.translate(_TO_ASCII).lower()


def _checked(words: Iterable[str]) -> set[str]:
    """The words in lower case; each must be ASCII but for characters without case ("’")."""
    lowered = {w.lower() for w in words}
    if not lowered or "" in lowered or not all(c.isascii() or c.lower() == c.upper() == c
                                               for w in lowered for c in w):
        raise ValueError(f"anchors must be non-empty words, ASCII or without case: {sorted(lowered)[:5]}")
    return lowered


class Anchors:
    """Literal words (ASCII, any case) of which a text must hold one for a pattern to match."""

    __slots__ = ("words", "_automaton")

    def __init__(self, words: Iterable[str]) -> None:
        lowered = _checked(words)
        # a word holding another one adds nothing: a text with it holds the shorter one too
        self.words = tuple(sorted(w for w in lowered if not any(o != w and o in w for o in lowered)))
        self._automaton = None
        if len(self.words) >= MANY:
            auto = ahocorasick.Automaton()
            for w in self.words:
                auto.add_word(w, w)
            auto.make_automaton()
            self._automaton = auto

    def __contains__(self, text: str) -> bool:
        """Does ``text`` hold one of the words (case ignored)?"""
        if not active:
            return True
        low = fold_for_anchors(text)
        if self._automaton is not None:
            for _ in self._automaton.iter(low):
                return True
            return False
        for w in self.words:
            if w in low:
                return True
        return False

    def __or__(self, other: "Anchors") -> "Anchors":
        return Anchors(self.words + other.words)


class Guarded:
    """A compiled regex that runs only on texts holding one of its anchors; the same
    matches as the regex alone (which the caller vouches needs one of the anchors)."""

    __slots__ = ("pattern", "anchors")

    def __init__(self, pattern: re.Pattern, anchors: Anchors | Iterable[str]) -> None:
        self.pattern = pattern
        self.anchors = anchors if isinstance(anchors, Anchors) else Anchors(anchors)

    def finditer(self, text: str, *args) -> Iterator[re.Match]:
        if text in self.anchors:
            return self.pattern.finditer(text, *args)
        return iter(())

    def search(self, text: str, *args) -> re.Match | None:
        if text in self.anchors:
            return self.pattern.search(text, *args)
        return None


class Located:
    """A compiled regex each of whose matches *begins* with one of ``words`` (any case; the
    caller vouches for it, a test checks it): ``finditer`` tries the regex only where one of
    the words begins, found by one Aho-Corasick pass, instead of at every position, and
    yields the matches ``pattern.finditer`` yields (the same attempts at those positions,
    the same left-to-right, non-overlapping order; lookbehinds and ``\\b`` see the text
    before a position as they do in a scan). The folded text has the positions of the text
    (``fold_for_anchors`` changes no length)."""

    __slots__ = ("pattern", "_automaton")

    def __init__(self, pattern: re.Pattern, words: Iterable[str]) -> None:
        self.pattern = pattern
        auto = ahocorasick.Automaton()
        for w in _checked(words):
            auto.add_word(w, len(w))
        auto.make_automaton()
        self._automaton = auto

    def starts(self, text: str) -> list[int]:
        """Where one of the words begins in ``text``, in order (every position when disabled)."""
        if not active:
            return list(range(len(text)))
        return sorted({end - n + 1 for end, n in self._automaton.iter(fold_for_anchors(text))})

    def finditer(self, text: str) -> Iterator[re.Match]:
        if not active:
            yield from self.pattern.finditer(text)
            return
        last = 0
        match = self.pattern.match
        for p in self.starts(text):
            if p < last:
                continue
            m = match(text, p)
            if m is not None:
                if m.end() == p:
                    raise ValueError(f"{self.pattern.pattern[:40]!r} matched the empty string")
                last = m.end()
                yield m


def words_of(alternatives: Iterable[str], length: int = 3) -> Anchors:
    """Anchors for an alternation of words: each word's first ``length`` characters (lower
    case), enough to find every word and few enough to search fast."""
    return Anchors(w.lower()[:length] for w in alternatives)
