"""Districts (kecamatan/distrik) and villages (desa/kelurahan/nagari/gampong ...).

There are 7,285 districts and 83,762 villages, many named like everyday words
("Sukamaju", "Tanjung", "Baru"), so a name alone never makes a place. One is read
only where the text cues it:

* a kind word before it: "Kecamatan Lembang", "Kec. Lembang", "Desa Sukamaju",
  "Kelurahan Sukamaju", "Nagari Koto Baru", "Gampong Meunasah", "Distrik Wasior";
  a lower-case kind word ("di desa Sukamaju") or a district/village head's title
  ("Camat Lembang", "Kades Sukamaju", "Lurah Sukamaju") only for a name of the data
  that lies in the article's own regions;
* its parent right after it, as the data knows it: "Cibodas, Kecamatan Lembang",
  "Kalawat Minahasa Utara", "Mapanget Kota Manado", "Cibodas, Lembang";
* "di X" when X is a district or village of the article's own regency or city
  ("ditemui di Cisarua" in an article about Kabupaten Bandung Barat).

A name found in the data is keyed by its Kemendagri code (``place:32.17.01``,
``place:32.17.01.2006``). A name after an explicit kind word that the data does not
know ("Kecamatan Sukamaju Utara") is still a named place (GUIDELINES: a district or
village is a Place); it is keyed inside the nearest region the text or the article
gives (``place:32.17:kecamatan-sukamaju-utara``), or, with no region at all, marked
``unscoped`` so that resolution keeps it inside its article.
"""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Mention
from ..text import slug, squash

# Kind words and the level they name. Written with a capital, they cue any proper name;
# in lower case only a name of the data inside the article's regions.
KIND_WORDS = {
    "Kecamatan": "district", "Kec.": "district", "Kec": "district", "Distrik": "district",
    "Desa": "village", "Ds.": "village", "Kelurahan": "village", "Kel.": "village",
    "Nagari": "village", "Gampong": "village", "Kampung": "village", "Pekon": "village",
    "Tiyuh": "village", "Dusun": "hamlet",
}
# Titles of a district's or village's head: they cue a name of the data in the article's regions.
HEAD_TITLES = {
    "Camat": "district", "Kepala Distrik": "district", "Kepala Desa": "village", "Kades": "village",
    "Lurah": "village", "Wali Nagari": "village", "Walinagari": "village", "Keuchik": "village",
    "Geuchik": "village", "Kepala Kampung": "village", "Perbekel": "village", "Kuwu": "village",
    "Kepala Pekon": "village", "Pj Kades": "village",
}
LEVEL_WORD = {"district": "Kecamatan", "village": "Desa", "hamlet": "Dusun"}
CAP = r"(?:[A-Z][\w'’-]*\.?|\d{1,2}(?:-\d{1,2})?)"
# Words that end a name: the next level's kind word, a region prefix.
STOP = {"Kecamatan", "Kec", "Kec.", "Kabupaten", "Kab", "Kab.", "Kota", "Provinsi", "Prov", "Prov.",
        "Desa", "Kelurahan", "Kel.", "Distrik", "Dusun", "Kampung", "Nagari", "Gampong", "RT", "RW"}
MAX_WORDS = 4
# Words that continue a district's or village's name ("Sukamaju Utara", "Koto Baru", "Sungai
# Lilin Jaya", "26 Ilir"): a shorter name of the data followed by one of them is another place.
CONTINUATIONS = {"utara", "selatan", "barat", "timur", "tengah", "tenggara", "barat daya", "laut", "darat",
                 "hulu", "hilir", "ilir", "ulu", "baru", "lama", "jaya", "raya", "indah", "makmur", "dalam",
                 "luar", "atas", "bawah", "induk", "asli", "permai", "sari", "mulya", "i", "ii", "iii", "iv", "v"}
# A word of a place's name: a capitalized word, or after the first word a number or Roman numeral.
NAME_WORD = re.compile(r"[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]*)*|[A-Z][a-z]{1,3}\.|[IVX]{1,4}|\d{1,2}")


@cache
def _not_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_yaml("names.yaml")["not_names"])


# Lower-case pieces of every cue, to skip the cue pattern in most sentences.
_CUE_STEMS = re.compile("kec|desa|ds\\.|kel\\.|kelurahan|distrik|nagari|gampong|kampung|pekon|tiyuh|dusun|camat|kades"
                        "|lurah|keuchik|geuchik|perbekel|kuwu")


@cache
def _cue_re() -> re.Pattern:
    def either(word: str) -> str:  # "[Kk]ecamatan": faster than re.IGNORECASE
        return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() and (i == 0 or word[i - 1] == " ") else re.escape(c)
                       for i, c in enumerate(word))
    kinds = "|".join(either(k) for k in sorted(KIND_WORDS, key=len, reverse=True))
    heads = "|".join(either(k) for k in sorted(HEAD_TITLES, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?:(?P<kind>{kinds})|(?P<head>{heads}))(?=\s+[A-Z0-9])")


_WORD = re.compile(r"\S+")
_SEP_AFTER = re.compile(r"\s*,?\s*")
_DISTRICT_WORD = re.compile(r"(?:Kecamatan|Kec\.?|Distrik)\s+")
_NEXT_NAME = re.compile(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")
_FOLLOWED = re.compile(r"\s*,?\s*[A-Z]")
_FUND = re.compile(r"\b(?:[Dd]ana|DD|ADD)\s+$")
_WORDS = re.compile(rf"\s+({CAP})")
_RUN = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
_BARE = re.compile(r"(?<![\w.-])" + _RUN)
_RUN_AT = re.compile(_RUN)
_RUN_END = re.compile(r"(?<![\w.-])(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\s*,?\s*$")
_AT = re.compile(r"\b(?:di|ke|dari)\s+(?:(?:daerah|wilayah|kawasan)\s+)?$")
# What may lie between a place and the region that contains it: "Desa A, Kabupaten B",
# "Desa A dan Desa B di Provinsi C", "Desa A, Kecamatan B, Kabupaten C".
_BETWEEN = re.compile(r"(?:[\s,]+|\b(?:dan|serta|di)\b|(?:Desa|Kelurahan|Kecamatan|Kec\.|Distrik|Nagari|Gampong|Kampung)"
                      r"(?:\s+[A-Z][\w'’-]*){1,3})*")


def _words_after(text: str, pos: int) -> list[tuple[int, int, str]]:
    """The capitalized words right after ``pos``: (start, end, word), up to a stop word."""
    out = []
    while len(out) < MAX_WORDS:
        m = _WORDS.match(text, pos)
        if not m:
            break
        w = m.group(1)
        if w in STOP or w.rstrip(".") in STOP or (out and w.casefold() in _not_names()):
            break
        if w.endswith(".") and not re.match(r"^[A-Z][a-z]{1,3}\.$", w):
            w = w[:-1]  # a sentence's full stop, not an abbreviation ("Mns.")
        out.append((m.start(1), m.start(1) + len(w), w))
        pos = m.start(1) + len(w)
        if w != m.group(1):
            break
    return out


def _own_regions(context) -> tuple[str, ...]:
    """The article's own regencies/cities: the first two of its main regions that are."""
    codes = [c for c in (getattr(context, "region_codes", ()) or ()) if len(c) == 5]
    return tuple(codes[:2])


def _article_regions(context) -> tuple[str, ...]:
    return tuple(getattr(context, "region_codes", ()) or ())


class SubregionExtractor:
    """Districts and villages where the text cues them (see the module docstring)."""

    name = "subregions"

    def __call__(self, text: str, *, context) -> list[Mention]:
        known = [m for m in context.known if m.type in ("Place", "Organization", "Law", "Date", "Person")]
        regions = [m for m in context.known if m.type == "Place" and m.key and m.key[6:7].isdigit()]
        out: list[Mention] = []
        spans: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return not any(a < e and s < b for a, b in spans)

        def add(m: Mention | None) -> None:
            if m is not None and free(m.start, m.end):
                out.append(m)
                spans.append((m.start, m.end))

        cued = _CUE_STEMS.search(text.lower()) is not None
        if not regions and " di " not in text and not cued:
            return out
        for cue in _cue_re().finditer(text) if cued else ():
            add(self._cued(text, cue, context, regions, known))
        covered = bytearray(len(text))  # characters of earlier mentions and of places found here
        for m in known:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        for a, b in spans:
            covered[a:b] = b"\x01" * (b - a)
        runs = {}
        for m in _BARE.finditer(text):  # a run with "di" before it or a possible parent after it
            start, end = m.span()
            if covered[start]:
                continue
            nxt = text[end:end + 2]
            if nxt[:1] == "," or (nxt[:1] == " " and nxt[1:2].isupper()) or 1 in covered[start:end] \
                    or _after_at(text, start):
                runs[start] = m
        for r in regions:  # the words right before a region: "Panen di desa Tontalete Minahasa Utara"
            head = text[max(0, r.start - 40):r.start]
            stripped = head.rstrip(" ,")
            word = stripped[stripped.rfind(" ") + 1:]
            last = r.start - (len(head) - len(stripped)) - 1
            if last < 0 or not word[:1].isupper() or covered[last]:
                continue  # no capitalized word right before it, or it belongs to another mention
            before = _RUN_END.search(text, max(0, r.start - 80), r.start)
            if before:
                for w in _WORD.finditer(before.group("name")):
                    m = _RUN_AT.match(text, before.start("name") + w.start())
                    if m and m.start("name") not in runs:
                        runs[m.start("name")] = m
        for start in sorted(runs):
            m = runs[start]
            if covered[start]:
                continue
            words = []
            for w in _WORD.finditer(m.group("name")):
                s, e = start + w.start(), start + w.end()
                if 1 in covered[s:e]:
                    break
                words.append((s, e, w.group(0)))
            if words and words[0][2].casefold() not in _not_names():
                found = self._bare(text, words, context, regions)
                if found is not None:
                    add(found)
                    covered[found.start:found.end] = b"\x01" * (found.end - found.start)
        return out

    # ------------------------------------------------------------ "Kecamatan X", "Camat X"
    def _cued(self, text, cue, context, regions, known) -> Mention | None:
        word = cue.group(0)
        if cue.group("kind"):
            key = next(k for k in KIND_WORDS if k.casefold() == word.casefold())
            level, strong = KIND_WORDS[key], word[0].isupper()
        else:
            key = next(k for k in HEAD_TITLES if k.casefold() == word.casefold())
            level, strong = HEAD_TITLES[key], False
        if _FUND.search(text[max(0, cue.start() - 20):cue.start()]):
            return None  # "Dana Desa Puncak Jaya": the village fund of a regency
        words = _words_after(text, cue.end())
        if not words:
            return None
        kinds = ("district",) if level == "district" else ("village",) if level == "village" else ()
        parent, parent_at = self._parent_after(text, words, regions)
        scopes = [((parent,), parent_at)] if parent else []
        for code in sorted(_article_regions(context), key=len, reverse=True):  # regencies, then provinces
            scopes.append(((code,), len(words)))
        if strong and not any(m.start == words[0][0] for m in regions):
            scopes.append(((), len(words)))  # anywhere, when the name is unique (and not a region's)
        for scope, upto in scopes if kinds else ():
            for n in range(upto, 0, -1):  # the longest name of the data
                if n < upto and (not scope or words[n][2].casefold() in CONTINUATIONS):
                    continue  # "Kecamatan Sukamaju Utara" is not Kecamatan Sukamaju
                name = text[words[0][0]:words[n - 1][1]]
                found = gazetteer.subregions_named(name, within=scope, kinds=kinds)
                if len(found) == 1:
                    return _mention(text, cue.start() if strong else words[0][0], words[n - 1][1], found[0],
                                    written=name)
        if not strong:
            return None
        # an explicit kind word before a proper name the data does not know
        plain = [w for _, _, w in words[:parent_at or len(words)]]
        while plain and plain[-1].casefold() in _not_names():
            plain.pop()
        if not plain or plain[0].casefold() in _not_names() or not plain[0][:1].isalpha() or \
                not all(NAME_WORD.fullmatch(w) for w in plain):
            return None  # "Dana Desa Rp2,02": not a name
        if any(w.isupper() and len(w) > 1 for w in plain) or \
                any(_inside(known, s, e) for s, e, _ in words[:len(plain)]):
            return None  # "Desa BUMDes", a body or person after the word: not a place name
        end = words[len(plain) - 1][1]
        name = text[words[0][0]:end]
        label = f"{LEVEL_WORD[level]} {name}"
        codes = (parent,) if parent else _article_regions(context)[:1]
        qual = frozenset() if codes else frozenset({"unscoped"})
        key = f"place:{codes[0]}:{slug(label)}" if codes else f"place:area:{slug(label)}"
        return Mention("Place", text[cue.start():end], cue.start(), end, key=key, label=label,
                       names=frozenset({label, name, squash(text[cue.start():end])}), value=level,
                       qualifiers=qual, source=self.name)

    @staticmethod
    def _parent_after(text, words, regions) -> tuple[str | None, int]:
        """A region that closes the name or follows it ("Desa X Minahasa Utara", "Desa X,
        Kabupaten Y"): its code, and how many of ``words`` come before it."""
        end = words[-1][1]
        for m in sorted(regions, key=lambda r: r.start):
            if words[0][0] < m.start <= end:
                before = sum(1 for s, _, _ in words if s < m.start)
                if before:
                    return m.key[6:], before
            elif end <= m.start <= end + 80 and _BETWEEN.fullmatch(text[end:m.start]) is not None:
                return m.key[6:], len(words)  # "Desa A dan Desa B di Provinsi C"
        return None, len(words)

    # ------------------------------------------------------------ bare names
    def _bare(self, text, words, context, regions) -> Mention | None:
        own = _own_regions(context)
        at = bool(_AT.search(text[max(0, words[0][0] - 30):words[0][0]]))
        for n in range(len(words), 0, -1):
            s, e = words[0][0], words[n - 1][1]
            name = text[s:e]
            if not at and not _FOLLOWED.match(text, e):
                continue
            parents = self._parent_codes(text, e, context, regions)
            if parents:
                kinds = ("village",) if all(len(c) == 8 for c in parents) else ("district", "village")
                found = gazetteer.subregions_named(name, within=parents, kinds=kinds)
                if len(found) == 1:
                    return _mention(text, s, e, found[0], written=name)
            if at and own:
                found = gazetteer.subregions_named(name, within=own)
                if found and all(f.code[:8] == found[0].code for f in found[1:]):
                    return _mention(text, s, e, found[0], written=name)  # a district, or its village of one name
        return None

    @staticmethod
    def _parent_codes(text, end, context, regions) -> tuple[str, ...]:
        """Codes of the place written right after ``end``: a region mention, or a district
        ("Kecamatan Lembang", or after a comma a district of the article's regions)."""
        after = text[end:end + 60]
        sep = _SEP_AFTER.match(after).end()
        for r in regions:
            if r.start == end + sep:
                return (r.key[6:],)
        if not sep:
            return ()
        d = _DISTRICT_WORD.match(after, sep)
        nxt = _NEXT_NAME.match(after, d.end() if d else sep)
        if not nxt or not (d or _article_regions(context)):
            return ()
        parts = nxt.group(0).split()
        for k in range(len(parts), 0, -1):
            ds = gazetteer.subregions_named(" ".join(parts[:k]), within=_article_regions(context), kinds=("district",))
            if d and not ds and not _article_regions(context):
                ds = gazetteer.subregions_named(" ".join(parts[:k]), kinds=("district",))
            if ds:
                return tuple(x.code for x in ds)
        return ()


def _after_at(text: str, start: int) -> bool:
    """"di X", "ke X", "dari X", "di daerah X"."""
    before = text[max(0, start - 16):start]
    if before.endswith(("di ", "ke ", "dari ")):
        return True
    return before.endswith(("daerah ", "wilayah ", "kawasan ")) and _AT.search(before) is not None


def _inside(known, s, e) -> bool:
    return any(m.start < e and s < m.end for m in known)


def _mention(text: str, start: int, end: int, place, *, written: str) -> Mention:
    names = {place.name, place.qualified_name, squash(text[start:end]), written}
    if place.kind == "district":
        names.add(f"Kecamatan {place.name}")
    return Mention("Place", text[start:end], start, end, key=f"place:{place.code}", label=place.qualified_name,
                   names=frozenset(names), value=place.kind, source="subregions")
