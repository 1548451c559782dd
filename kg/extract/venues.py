"""Venues and lower-level places: "Gedung Serbaguna Setda Aceh", "di lapangan Tegar
Beriman", "Grand Hotel", "Desa Sukamaju". A venue is a head word from
``kg/data/heads.yaml`` and the capitalized words after it (or capitalized words
closed by a tail word such as "Hotel"); a lowercase head counts only right after
"di". Spans that the institution extractor already read as an organization are left
to it."""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Mention
from ..text import slug, squash
from .calendar_words import is_calendar_word

WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}|\d+[A-Za-z]?|[IVX]{1,5})"
PAREN = r"(?:\s+\([A-Z][^()\n]{0,20}\))"


@cache
def _patterns():
    h = load_yaml("heads.yaml")
    heads = "|".join(_either_case(x) for x in sorted(gazetteer.vocab()["venue_heads"], key=len, reverse=True))
    tails = "|".join(re.escape(x) for x in sorted(h["venue_tails"], key=len, reverse=True))
    subs = "|".join(re.escape(x) for x in sorted(h["subregion_heads"], key=len, reverse=True))
    body = rf"(?:\s+{WORD}|{PAREN})*"
    head_re = re.compile(rf"(?<![\w-])(?P<head>{heads})(?P<body>(?:\s+{WORD}){body})")
    tail_re = re.compile(rf"(?<=\bdi\s)(?P<body>(?:{WORD}\s+){{1,3}})(?P<head>{tails})\b")
    sub_re = re.compile(rf"(?<![\w-])(?P<head>{subs})(?P<body>(?:\s+{WORD}){{1,3}})")
    return head_re, tail_re, sub_re


@cache
def _generic() -> frozenset[str]:
    return frozenset(load_yaml("heads.yaml")["generic_venue_words"])


def _either_case(word: str) -> str:
    """A head word with its first letter in either case: "[Gg]edung"."""
    first = word[0]
    return f"[{first.upper()}{first.lower()}]{re.escape(word[1:])}" if first.isalpha() else re.escape(word)


def _trim(text: str, start: int, end: int) -> int:
    """Cut a venue before a weekday/month word or a trailing connector."""
    words = list(re.finditer(r"\S+", text[start:end]))
    keep = end
    for w in words[1:]:
        token = w.group(0).strip(",.;:")
        if is_calendar_word(token):
            keep = start + w.start()
            break
    return len(text[:keep].rstrip(" ,.;:\n"))


class VenueExtractor:
    name = "venues"

    def __call__(self, text: str, *, context) -> list[Mention]:
        head_re, tail_re, sub_re = _patterns()
        orgs = {m.start for m in context.known if m.type == "Organization"}
        taken = [(m.start, m.end) for m in context.known if m.type in ("Date", "Law")]
        out: list[Mention] = []
        spans: list[tuple[int, int]] = []

        def add(start: int, end: int, kind: str) -> None:
            end = _trim(text, start, end)
            label = squash(text[start:end])
            if len(label.split()) < 2 or start in orgs:
                return
            if any(s < end and start < e for s, e in taken + spans):
                return
            spans.append((start, end))
            plain = squash(re.sub(r"\s*\([^()]*\)", "", label))
            if all(w in _generic() for w in plain.split()[1:]):
                return  # "Sekolah Dasar" is a kind of place
            key = f"place:{kind}:{slug(plain)}"
            out.append(Mention("Place", text[start:end], start, end, key=key, label=plain,
                               names=frozenset({label, plain}), value=kind, source=self.name))

        for m in head_re.finditer(text):
            head = m.group("head")
            if head[0].islower() and not re.search(r"\bdi\s+$", text[max(0, m.start() - 4):m.start()]):
                continue
            add(m.start(), m.end(), "venue")
        for m in tail_re.finditer(text):
            add(m.start(), m.end(), "venue")
        not_names = _not_names()
        for m in sub_re.finditer(text):
            words = m.group("body").split()
            if m.group("head")[0].isupper() and not any(w.casefold() in not_names for w in words) \
                    and not _is_region(" ".join(words)):
                add(m.start(), m.end(), "area")
        return out


@cache
def _not_names() -> frozenset[str]:
    """Words that are never part of a name (names.yaml), casefolded."""
    return frozenset(w.casefold() for w in load_yaml("names.yaml")["not_names"])


@cache
def _is_region(name: str) -> bool:
    """"Kampung Puncak Jaya" after "125 Kepala": a regency's name after a village word is no village."""
    return any(r.kind in ("province", "regency") for r in gazetteer.regions_named(name))
