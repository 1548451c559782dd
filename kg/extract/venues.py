"""Venues and lower-level places: "Gedung Serbaguna Setda Aceh", "di lapangan Tegar
Beriman", "Grand Hotel" (districts and villages are kg.extract.subregions). A venue is a head word from
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
from ..prefilter import Located
from ..text import slug, squash
from .calendar_words import is_calendar_word

WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,}|\d+[A-Za-z]?|[IVX]{1,5})"
PAREN = r"(?:\s+\([A-Z][^()\n]{0,20}\))"
# "di", or "di" and a word for a part of the place: "di halaman belakang kantor Bappeda".
_AT_SPOT = re.compile(r"\bdi\s+(?:(?:halaman|pelataran|depan|belakang|samping|dalam|luar|area|lingkungan|"
                      r"kawasan|sekitar|teras|lobi|lobby|lantai\s+\w+)\s+){0,2}$")


@cache
def _patterns():
    h = load_yaml("heads.yaml")
    heads = "|".join(_either_case(x) for x in sorted(gazetteer.vocab()["venue_heads"], key=len, reverse=True))
    tails = "|".join(re.escape(x) for x in sorted(h["venue_tails"], key=len, reverse=True))
    body = rf"(?:\s+{WORD}|{PAREN})*"
    # every match begins with a head word (its first letter in either case): tried only there
    head_re = Located(re.compile(rf"(?<![\w-])(?P<head>{heads})(?P<body>(?:\s+{WORD}){body})"),
                      gazetteer.vocab()["venue_heads"])
    strong = "|".join(re.escape(x) for x in sorted(h["venue_tails_named"], key=len, reverse=True))
    tail_re = re.compile(rf"(?<=\bdi\s)(?P<body>(?:{WORD}\s+){{1,3}})(?P<head>{tails})\b")
    named_re = re.compile(rf"(?<![\w.-])(?P<body>(?:(?:[A-Z][a-z'’]+|[A-Z]{{2,}})\s+){{1,3}})(?P<head>{strong})\b")
    return head_re, tail_re, named_re


@cache
def _named_tail_words() -> tuple[str, ...]:
    """The first word of each named tail ("Convention"), to skip the pattern in most sentences."""
    return tuple({t.split()[0] for t in load_yaml("heads.yaml")["venue_tails_named"]})


@cache
def _generic() -> frozenset[str]:
    return frozenset(load_yaml("heads.yaml")["generic_venue_words"])


@cache
def _rooms() -> frozenset[str]:
    return frozenset(load_yaml("heads.yaml")["generic_room_words"])


_NUMBER = re.compile(r"\d+[A-Za-z]?|[IVX]{1,5}")


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
        head_re, tail_re, named_re = _patterns()
        orgs = {m.start for m in context.known if m.type == "Organization"}
        taken = [(m.start, m.end) for m in context.known if m.type in ("Date", "Law")]
        regions = [m for m in context.known if m.type == "Place" and m.key and m.key[6:7].isdigit()]
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
            words = plain.split()
            if all(w in _rooms() or _NUMBER.fullmatch(w) for w in words):
                return  # "Ruang Rapat Lantai II", "Aula Kantor": a room with no name
            if all(w in _generic() for w in words[1:]) and not any(
                    re.fullmatch(r",?\s*", text[end:m.start]) for m in regions if m.start >= end):
                return  # "Sekolah Dasar" is a kind of place; "Gedung Daerah, Kota Jambi" is one place
            key, qualifiers = _venue_key(text, start, end, regions, context)
            out.append(Mention("Place", text[start:end], start, end, key=key, label=plain,
                               names=frozenset({label, plain}), value=kind, qualifiers=qualifiers,
                               source=self.name))

        for m in head_re.finditer(text):
            head = m.group("head")
            if head[0].islower() and not _AT_SPOT.search(text, max(0, m.start() - 40), m.start()):
                continue
            add(m.start(), m.end(), "venue")
        for m in tail_re.finditer(text):
            add(m.start(), m.end(), "venue")
        if any(w in text for w in _named_tail_words()):
            for m in named_re.finditer(text):
                add(m.start(), m.end(), "venue")
        return out


def _venue_key(text: str, start: int, end: int, regions, context) -> tuple[str, frozenset[str]]:
    """A venue is one place only within its region: "Gedung Daerah" of Riau and of
    Tanjungpinang are two. The key names the region by its code: the one written in the
    name ("Kantor Gubernur Sulsel" and "Kantor Gubernur Sulawesi Selatan" are one key), else
    the one written right after it ("Gedung Daerah, Kota Tanjungpinang"), else the article's
    main region; with none, the venue is ``unscoped`` (kept inside its article)."""
    paren = text.find("(", start, end)
    core = len(text[:paren].rstrip()) if paren > start else end  # "Gedung X (GX)": the name before the bracket
    inside = [m for m in regions if start <= m.start and m.end <= core]
    parts, pos = [], start
    for m in sorted(inside, key=lambda m: m.start):
        parts += [slug(text[pos:m.start]) if text[pos:m.start].strip() else "", m.key[6:]]
        pos = m.end
    parts.append(slug(text[pos:core]) if text[pos:core].strip() else "")
    name = "-".join(p for p in parts if p and p != "x")
    name = slug(re.sub(r"\s*\([^()]*\)", "", text[start:end])) if not inside else name
    if inside:
        return f"place:venue:{name}", frozenset()
    after = [m for m in regions if m.start >= end and re.fullmatch(r"[\s,]*(?:\([^()]{1,20}\)\s*)?,?\s*(?:di\s+)?", text[end:m.start])]
    codes = [after[0].key[6:]] if after else list(getattr(context, "region_codes", ()) or ())[:1]
    if codes:
        return f"place:venue:{name}:{codes[0]}", frozenset()
    return f"place:venue:{name}", frozenset({"unscoped"})
