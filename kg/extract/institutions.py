"""Regions, national agencies and regional bodies, read as *chains*.

A chain is a run of adjacent gazetteer hits ("Kantor Regional XIII" + "BKN" +
"Aceh", "Pemerintah Kabupaten" + "(Pemkab)" + "REJANG LEBONG"). It is read from
the right: the last region is the scope, each organization is part of the one to
its right. So "Biro Perekonomian Sekretariat Daerah Provinsi Kalimantan Barat" gives
the Setda of Kalimantan Barat and its Biro Perekonomian, and "Bawaslu Kota
Pontianak" is a different body from "Bawaslu RI".

Keys: ``place:<kemendagri code>``, ``place:indonesia``, ``org:<agency>``,
``org:<agency>:<region code>`` (a regional branch: "KPU Mura"),
``org:pemda:<code>`` (any form of a regional government), ``org:<unit>:<code>``
and ``<parent key>/<slug>`` for a body inside another one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Mention
from ..text import ascii_words, fold, name_variants, slug, squash
from .lexicon import TITLES, Entry, Hit, find

GOVERNMENT_UNITS = {"pemda", "pemprov", "pemkab", "pemkot", "pemerintah"}
ROMAN = r"(?:[IVXLC]{1,6}|\d{1,5})(?:/[A-Z][\w ]{0,30}?)?"
NATIONAL = re.compile(r"\s*(?:RI\b|R\.I\b\.?|Republik Indonesia\b|Pusat\b)")
DESIGNATOR = re.compile(rf"\s+({ROMAN})(?=[\s,.;:)]|$)")
SUFFIX = re.compile(r"\s+([A-Z]{2,8})(?=[\s,.;:)]|$)")
PAREN = re.compile(r"\s*\(\s*([^()\n]{1,60}?)\s*\)")
UPT = re.compile(r"\bUPTD?\s+")
KIND_TAIL = re.compile(r"\s+(Provinsi|Kabupaten|Kota)\b(?!\s*[-–(])")
GAP = re.compile(r"^[\s\-–/]*$")
REGIONAL = re.compile(r"\s+(?:Kantor\s+)?Perwakilan(?=\s+[A-Z])")
MAX_CHAIN = 8   # bodies in one name; real chains hold up to 5, longer runs are repeated words


@cache
def _heads() -> dict:
    return load_yaml("heads.yaml")


@cache
def _org_head_re() -> re.Pattern:
    heads = sorted(_heads()["organization_heads"] + _heads()["organization_heads_weak"], key=len, reverse=True)
    alt = "|".join(re.escape(h) for h in heads)
    word = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})"
    tail = rf"(?:\s+(?:{word}|dan(?=\s+[A-Z])))*"
    return re.compile(rf"\b(?:{alt})\s+{word}{tail}")


_KIND_WORDS = {"kabupaten": "regency", "kab": "regency", "kota": "city", "kotamadya": "city",
               "provinsi": "province", "prov": "province", "propinsi": "province"}


def kind_word(text: str) -> str | None:
    """The region kind a name ends with: "KPU Kabupaten" -> regency, "DPRD Kota" -> city."""
    words = text.split()
    return _KIND_WORDS.get(words[-1].rstrip(".").casefold()) if len(words) > 1 else None


_DOUBLED = re.compile(r"\b(\w+)(\s+\1\b)+", re.IGNORECASE)
_NATIONAL_TWICE = re.compile(r"\b(?:Republik Indonesia|RI)\s+(?:RI|Republik Indonesia)\b")
GENERIC_NAMES = {"pemerintah", "pemerintah daerah", "pemda", "pemerintah pusat"}


def _may_double(name: str) -> bool:
    """Can ``_DOUBLED`` match? Only where one word (a run of word characters) occurs twice,
    ignoring case: checked without the regex for ASCII names (all others go to the regex)."""
    if not name.isascii():
        return True
    words = ascii_words(name)
    return len(set(words)) != len(words)


def _clean(name: str) -> str:
    name = squash(name)
    if _may_double(name):
        name = _DOUBLED.sub(r"\1", name)
    if "RI" not in name and "Republik Indonesia" not in name:
        return name   # what _NATIONAL_TWICE needs is not there
    return _NATIONAL_TWICE.sub(lambda m: m.group(0).split()[0] if m.group(0).startswith("RI") else "Republik Indonesia", name)


@lru_cache(maxsize=1 << 16)
def clean_name(name: str) -> str:
    """"Kabupaten Kabupaten Bogor" -> "Kabupaten Bogor", "... Republik Indonesia RI" -> "... Republik Indonesia"."""
    return _clean(name)


def clean_names(names, *, bodies: bool = True) -> set[str]:
    """Names fit for a label: no doubled words, balanced brackets; for bodies also no trailing bare
    kind word ("KPU Kabupaten") and no "Pemerintah" alone."""
    fit = _fit_body if bodies else _fit_name
    out = {fit(n) for n in names}
    out.discard(None)
    return out


# Most names are made up per mention (every form of a body with every name of its region) and
# seen once: a small cache of the verdict per name, no cache of the cleaned form in between.
@lru_cache(maxsize=1 << 14)
def _fit_name(n: str) -> str | None:
    n = _clean(n)
    if not n or n.count("(") != n.count(")"):
        return None
    return n


@lru_cache(maxsize=1 << 14)
def _fit_body(n: str) -> str | None:
    n = _fit_name.__wrapped__(n)
    if n is None or n.casefold() in GENERIC_NAMES or kind_word(n):
        return None
    return n


def region_formal(r) -> str:
    if r.kind == "province":
        return f"Provinsi {r.name}"
    return f"{'Kabupaten' if r.kind == 'regency' else 'Kota'} {r.name}"


def region_names(r) -> set[str]:
    names = {r.name, region_formal(r), *r.aliases}
    if r.kind != "province":
        names.add(f"{'Kab' if r.kind == 'regency' else 'Kota'} {r.name}")
    return names


@dataclass
class Item:
    start: int
    end: int
    text: str
    cat: str                     # region | agency | unit | country | generic
    entries: tuple[Entry, ...] = ()
    name_end: int = 0            # end of the item's own name (designator included)
    alias: str | None = None     # a parenthetical acronym after it: "(BKN)"
    national: bool = False       # followed by "RI" / "Republik Indonesia"
    regional: bool = False       # followed by "Perwakilan": "Ombudsman RI Perwakilan Jawa Tengah"
    fraksi: tuple = ()           # a council's party group: "Fraksi Golkar", "Fraksi PAN-Nasdem" (party keys)
    spelled: bool = False        # spelled out with commas before its acronym: "Dinas A, B dan C (DABC)"
    kind_hint: str | None = None  # followed by a bare "Provinsi" / "Kabupaten" / "Kota"

    def ref(self):
        return self.entries[0].ref if self.entries else None


@dataclass
class Org:
    key: str
    label: str
    names: set[str] = field(default_factory=set)
    start: int = 0
    end: int = 0
    region: object = None


def choose_region(entries: tuple[Entry, ...], *, levels=None, preferred=()) -> object | None:
    regions = [e.ref for e in entries if e.cat == "region"]
    if not regions:
        return None
    if levels:
        fitting = [r for r in regions if r.kind in levels]
        regions = fitting or regions
    for code in preferred:
        for r in regions:
            if r.code == code:
                return r
    order = {"city": 0, "province": 1, "regency": 2}
    return sorted(regions, key=lambda r: (order[r.kind], r.code))[0]


def _items(text: str, hits: list[Hit]) -> list[Item]:
    items: list[Item] = []
    covered = []
    for h in hits:
        for cat in ("region", "agency", "unit", "country"):
            if h.has(cat):
                entries = h.of(cat)
                if cat == "region" and h.has("agency"):
                    continue  # an agency spelled like a region is the agency
                if cat == "region" and not any(e.prefixed for e in entries) and \
                        any(t.start == 0 and t.end == len(h.text) for t in find(h.text, TITLES)):
                    continue  # "Karo" (Kepala Biro) before a region named Karo, unless "Kabupaten Karo"
                items.append(Item(h.start, h.end, h.text, cat, entries, h.end))
                covered.append((h.start, h.end))
                break
        else:
            covered.append((h.start, h.end))  # titles and prefixes stop generic names
    # generic bodies the gazetteers cannot list: "Lembaga Pendamping Desa"
    for m in _org_head_re().finditer(text):
        if any(s == m.start() for s, e in covered):
            continue  # "Dinas Perhubungan dan ...": the gazetteer's "Dinas Perhubungan" wins
        if any(s < m.end() and m.start() < e for s, e in covered if not (s == m.start() and e < m.end())):
            # keep only when no gazetteer hit lies inside it (other than at its head)
            inside = [(s, e) for s, e in covered if m.start() < s < m.end()]
            if inside:
                end = inside[0][0]
                span = re.sub(r"(?:\s+(?:dan|serta|&))+\s*$", "", text[m.start():end].rstrip())
                if len(span.split()) < 2:
                    continue
                items.append(Item(m.start(), m.start() + len(span), span, "generic", (), m.start() + len(span)))
            continue
        items.append(Item(m.start(), m.end(), m.group(0), "generic", (), m.end()))
    items = _spelled_out(text, items)
    for it in items:
        u = UPT.search(text, max(0, it.start - 12), it.start)
        if it.cat == "unit" and u and u.end() == it.start:
            it.start = u.start()   # "UPTD Puskesmas Sukamaju" is the Puskesmas, run as a technical unit
    items.sort(key=lambda i: (i.start, -i.end))
    out: list[Item] = []
    starts = {it.start for it in items}
    for it in items:
        if out and it.start < out[-1].end:
            continue
        _extend(text, it, starts)
        out.append(it)
    return out


SPELLED_HEAD = re.compile(r"\b(?:Dinas|Badan|Kantor|Lembaga|Komisi|Balai|Biro|Bagian|Direktorat|Pusat|Unit)\b")
SPELLED = re.compile(
    r"\b(?:Dinas|Badan|Kantor|Lembaga|Komisi|Balai|Biro|Bagian|Direktorat|Pusat|Unit|Unit Pelaksana Teknis)"
    r"\s+[A-Z][\w’'-]*(?:(?:\s*,\s*|\s+)(?:dan\s+|&\s+)?[A-Z][\w’'-]*){0,12}\s*\(\s*([A-Z][A-Za-z]{1,15})\s*\)")


def _spelled_out(text: str, items: list[Item]) -> list[Item]:
    """A body spelled out with commas and its acronym in brackets is one body: "Dinas Pendidikan,
    Perpustakaan dan Arsip Daerah (DPPAD)", "Dinas Komunikasi, Informatika, dan Statistik (Diskominfotik)".
    The acronym must be a listed one or spell the name; the gazetteer's shorter hits inside give way."""
    from ..text import _initials_fit

    taken_end = -1
    for h in SPELLED_HEAD.finditer(text):
        m = SPELLED.match(text, h.start())
        if not m or h.start() < taken_end:
            continue
        acr = m.group(1)
        inner = text[m.start():m.start(1)].rstrip(" (")
        words = re.findall(r"[\w’'-]+", inner)
        known = [e for h in find(acr) if h.start == 0 and h.end == len(acr) for e in h.entries
                 if e.cat in ("unit", "agency")]
        if not known and not _initials_fit(words, acr):
            continue
        if "," not in inner and known:
            continue   # "Dinas Kesehatan (Dinkes)": the gazetteer reads it already
        items = [it for it in items if it.end <= m.start() or it.start >= m.end()]
        cat = known[0].cat if known else "generic"
        taken_end = m.end()
        it = Item(m.start(), m.end(), squash(inner), cat, tuple(known[:1]), m.start() + len(inner), alias=acr)
        it.spelled = True
        items.append(it)
    return items


def _extend(text: str, it: Item, starts=frozenset()) -> None:
    """Designators ("XIII", "0409"), an acronym that completes a unit's name
    ("Disperindag ESDM", "Kejari RL"), national markers ("RI") and a parenthetical alias."""
    if it.cat in ("unit", "generic", "agency"):
        d = DESIGNATOR.match(text, it.end)
        if d:
            it.end = it.name_end = d.end()
    if it.cat in ("unit", "generic"):
        a = SUFFIX.match(text, it.end)
        if a and a.start(1) not in starts:
            it.end = it.name_end = a.end()
        k = KIND_TAIL.match(text, it.end)
        if k and k.start(1) not in starts:
            # "Dinas ... (Diskominfotik) Provinsi Budi": the provincial one, no region written
            it.end, it.kind_hint = k.end(), _KIND_WORDS[k.group(1).casefold()]
    if it.cat == "agency":
        if re.search(r"(?:\bRI|R\.I\.?|Republik Indonesia|\bPusat)$", it.text):
            it.national = True   # "KPU RI" is a listed form: the national body, never the article's branch
        n = NATIONAL.match(text, it.end)
        if n:
            it.end, it.national = n.end(), True
        r = REGIONAL.match(text, it.end)
        if r:
            it.end = it.name_end = r.end()
            it.regional, it.national = True, False
    p = PAREN.match(text, it.end)
    if p and _alias_like(p.group(1)):
        it.alias = p.group(1)
        it.end = p.end()
        if it.cat == "agency" and not it.national:
            n = NATIONAL.match(text, it.end)
            if n:
                it.end, it.national = n.end(), True


def _alias_like(inner: str) -> bool:
    """"(BKN)", "(Pemkab)", "(Mura)", "(Kemendagri RI)" -- not "(Taufik, M.Si)"."""
    if "," in inner or len(inner.split()) > 3 or not inner[:1].isupper():
        return False
    if sum(c.isupper() for c in inner) >= 2:
        return True
    return any(h.start == 0 and h.end == len(inner) for h in find(inner))


@cache
def _rank_re() -> re.Pattern:
    """Police and military ranks ("Mayjen TNI", "Irjen Pol"): the body inside is part of the rank."""
    voc = gazetteer.vocab()
    ranks = []
    for key in ("police_ranks", "military_ranks"):
        val = voc.get(key, {})
        ranks += list(val) if isinstance(val, (dict, list)) else []
    ranks = [r for r in ranks if isinstance(r, str) and " " in r]
    alt = "|".join(re.escape(r) for r in sorted(ranks, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w])(?:{alt})(?=\s+[A-Z])")


def _after_wali(text: str, h: Hit) -> Hit:
    """"Wali Kota Medan": "Kota" belongs to the title, the region is "Medan"."""
    if not re.search(r"\bWali\s*$", text[max(0, h.start - 8):h.start], re.IGNORECASE):
        return h
    m = re.match(r"Kota\s+", h.text, re.IGNORECASE)
    if not m:
        return h
    rest = h.text[m.end():]
    entries = tuple(e for e in (x for x in find(rest) if x.start == 0 and x.end == len(rest)) for e in e.entries)
    if not entries:
        return h
    entries = tuple(Entry(e.cat, e.ref, e.form, True) if e.cat == "region" and e.ref.kind == "city" else e
                    for e in entries)
    city = tuple(e for e in entries if e.cat != "region" or e.ref.kind == "city") or entries
    return Hit(h.start + m.end(), h.end, rest, city)


def _also_regional(it: Item) -> bool:
    """A national body that also has regional branches (KPU, Bawaslu) is listed as a unit too."""
    return any(e.cat == "agency" and gazetteer.unit_form(e.ref.key) is not None for e in it.entries)


def _is_court(it: Item) -> bool:
    return it.cat == "unit" and it.ref().kind == "court"


def _chains(text: str, items: list[Item]) -> list[list[Item]]:
    chains: list[list[Item]] = []
    for it in items:
        prev = chains[-1][-1] if chains else None
        court = prev is not None and _is_court(prev) and _is_court(it) and \
            re.match(r"^\s+pada\s+$", text[prev.end:it.start])   # "Pengadilan Tipikor pada PN Banda Aceh"
        if chains and (GAP.match(text[chains[-1][-1].end:it.start]) or court) and it.cat != "generic" \
                and chains[-1][-1].cat != "country" and len(chains[-1]) < MAX_CHAIN:
            chains[-1].append(it)
        else:
            chains.append([it])
    return chains


FRAKSI = re.compile(r"\bFraksi\s+$")
LIST_GAP = re.compile(r"^\s*(?:,\s*(?:dan\s+|serta\s+)?|dan\s+|serta\s+)$")
JOINED = re.compile(r"^\s*[-–/]\s*$")


def _is_party(it: Item) -> bool:
    return it.cat == "agency" and it.ref().kind == "party"


def _fraksi(text: str, items: list[Item]) -> list[Item]:
    """"Fraksi Golkar", "Fraksi Partai Amanat Nasional (PAN)-Nasdem", "Fraksi Golkar, PKS dan PAN": each is a
    party group of a council (GUIDELINES, settled case 9). The party item becomes the fraksi, starting at
    "Fraksi"; parties joined by a hyphen are one fraksi; parties listed after a fraksi are fraksi too."""
    out: list[Item] = []
    last: Item | None = None
    for it in items:
        if _is_party(it):
            m = FRAKSI.search(text, max(0, it.start - 8), it.start)
            if m and m.end() == it.start:
                it.start, it.fraksi = m.start(), (it.ref().key,)
            elif last is not None and JOINED.match(text[last.end:it.start]):
                last.fraksi += (it.ref().key,)
                last.end = last.name_end = it.end
                continue
            elif last is not None and LIST_GAP.match(text[last.end:it.start]):
                it.fraksi = (it.ref().key,)
        last = it if it.fraksi else None
        out.append(it)
    return out


def _fraksi_org(text: str, it: Item, parent: Org | None, scope, end: int, context_region) -> Org:
    parties = [gazetteer.agency(k) for k in it.fraksi]
    short = "-".join(p.acronyms[0] if p.acronyms else p.name.removeprefix("Partai ") for p in parties)
    if parent is not None and parent.key.startswith("org:dprd:"):
        council, region = parent, parent.region
        key = f"{parent.key}/fraksi-{'-'.join(it.fraksi)}"
    else:
        region = scope or context_region
        key = f"org:dprd:{region.code}/fraksi-{'-'.join(it.fraksi)}" if region is not None else \
            f"org:fraksi-{'-'.join(it.fraksi)}"
    own = squash(text[it.start:it.name_end])
    names = {n for n in {own} | name_variants(own) if n.startswith("Fraksi")} | {f"Fraksi {short}"}
    if len(parties) == 1:
        p = parties[0]
        names |= {f"Fraksi {n}" for n in (p.name, *p.acronyms, *p.aliases)}
    if region is not None:
        names |= {f"{n} DPRD {region.name}" for n in list(names) if len(n) < 60}
    return Org(key, f"Fraksi {short}" + (f" DPRD {region.name}" if region is not None else ""), names,
               it.start, end, region)


# Second words of district and village names: "Sukamaju Barat", "Sukamaju Utara", "Tanjung Raya".
LOCAL_QUALIFIERS = {"Utara", "Selatan", "Barat", "Timur", "Tengah", "Raya", "Baru", "Lama", "Hulu", "Hilir",
                    "Ilir", "Ulu", "Jaya", "Induk", "Besar", "Kecil", "Atas", "Bawah", "Dalam", "Luar", "Kota",
                    "Laut", "Darat", "Pesisir", "Indah", "Makmur", "Asri", "Permai", "Sari", "Mulya", "Mulia"}
LOCAL_NAME = re.compile(r"\s+([A-Z][a-z'’-]+)(?:\s+([A-Z][a-z'’-]+))?")


@cache
def _not_names() -> frozenset[str]:
    return frozenset(load_yaml("names.yaml").get("not_names", []))


def _local_name(text: str, pos: int) -> tuple[str, int] | None:
    """The district name right after a district-level body: one capitalized word, two when the second
    qualifies a place ("Sukamaju Barat"); never a known title, rank, region or common word."""
    m = LOCAL_NAME.match(text, pos)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    bad = _not_names() | set(_rank_words())
    if first in bad or find(first, TITLES) or gazetteer.regions_named(first):
        return None
    if second and second in LOCAL_QUALIFIERS:
        return f"{first} {second}", m.end(2)
    return first, m.end(1)


@cache
def _rank_words() -> frozenset[str]:
    voc = gazetteer.vocab()
    return frozenset(str(r).split()[0] for k in ("police_ranks", "military_ranks") for r in (voc.get(k) or {}))


def _designator(own: str) -> str | None:
    m = re.search(r"\s((?:[IVXL]{1,6}))$", own)
    return m.group(1) if m else None


def _regional_org(agency_key: str, own: str, region, it: Item, text: str, end: int, names: set,
                  unit=None) -> Org | None:
    """The regional office of a national body: numbered ("Kantor Regional XIII BKN", keyed by its
    number whatever seat is written) or the body's office in one region ("BPK Perwakilan Sulsel",
    "Kanwil Kemenag Jawa Barat", "KPU Kabupaten Bogor": ``org:<agency>:<region code>``)."""
    a = gazetteer.agency(agency_key)
    if a is None:
        return None
    short = a.acronyms[0] if a.acronyms else a.name
    d = _designator(own)
    o = gazetteer.regional_office(agency_key, designator=d) if d else \
        gazetteer.regional_office(agency_key, region_code=region.code) if region is not None else None
    if o is not None and (unit is None or unit.key == o.unit or unit.kind == "regional-office"):
        u = gazetteer.unit_form(o.unit)
        head = u.name.removesuffix(" " + a.name) if u.name.endswith(a.name) else u.name
        label = f"{head} {o.designator} {a.name}"
        seat = gazetteer.region(o.seat)
        names = set(names) | {f"{h} {o.designator} {n}" for h in (head, *u.acronyms, *u.aliases)
                              for n in (short, a.name) if not h.endswith(n)}
        if seat is not None:
            names |= {f"{n} {s}" for n in list(names) for s in (seat.name,) if len(n) < 60}
        return Org(f"org:{agency_key}:{o.unit}-{o.designator.lower()}", label, names, it.start, end, region or seat)
    if region is None:
        return None
    if unit is not None and unit.kind == "regional-office" and unit.key not in ("kanreg-bkn",):
        head = unit.name.removesuffix(" " + a.name).removesuffix(" Republik Indonesia") \
            if a.name in unit.name else f"{unit.name} {a.name}"
        if not head.endswith(a.name):
            head = f"{head} {a.name}"
        label = f"{head} {region_formal(region)}" if not head.startswith("Perwakilan") else \
            f"{a.name} Perwakilan {region_formal(region)}"
    elif unit is not None:
        label = f"{unit.name} {region_formal(region)}"
    else:
        label = f"{a.name} Perwakilan {region_formal(region)}"
    names = set(names) | {label} | {f"{n} {rn}" for n in (short, a.name) for rn in region_names(region)}
    if unit is not None:
        names |= {f"{f} {rn}" for f in (unit.name, *unit.acronyms, *unit.aliases) for rn in region_names(region)}
    return Org(f"org:{agency_key}:{region.code}", label, names, it.start, end, region)


class InstitutionExtractor:
    """Places (regions, the country) and organizations from the gazetteers."""

    name = "institutions"

    def __init__(self, *, infer_scope: bool = True) -> None:
        self.infer_scope = infer_scope

    def __call__(self, text: str, *, context) -> list[Mention]:
        hits = [_after_wali(text, h) for h in find(text)]
        ranks = [(m.start(), m.end()) for m in _rank_re().finditer(text)]
        items = [it for it in _items(text, hits) if not any(a <= it.start and it.end <= b for a, b in ranks)]
        items = _fraksi(text, items)
        mentions: list[Mention] = []
        weak = tuple(_heads()["organization_heads_weak"])
        for chain in _chains(text, items):
            if len(chain) == 1 and chain[0].cat == "generic" and not chain[0].alias \
                    and chain[0].text.startswith(weak):
                continue
            mentions.extend(self._read(text, chain, context))
        return mentions

    # ---------------------------------------------------------------- a chain
    def _read(self, text: str, chain: list[Item], context) -> list[Mention]:
        out: list[Mention] = []
        preferred = tuple(getattr(context, "region_codes", ()) or ())
        scope = None
        national = False
        last = chain[-1]
        if last.cat == "country":
            national = True
        elif last.cat == "region":
            before = chain[-2] if len(chain) > 1 else None
            levels = None
            if before is not None and before.cat == "unit":
                levels = set(before.ref().levels) or None
            if before is not None and before.cat in ("unit", "agency"):
                kind = kind_word(before.text)   # "KPU Kabupaten" + "Bogor": the regency
                if kind:
                    levels = {kind}
            scope = choose_region(last.entries, levels=levels, preferred=preferred)
        for it in chain:
            if it.cat == "region":
                r = scope if it is last and scope is not None else choose_region(it.entries, preferred=preferred)
                out.append(self._place(it, r))
            elif it.cat == "country":
                if self._after_title(text, it.start):
                    continue  # "Menteri Dalam Negeri Republik Indonesia": part of the office
                out.append(Mention("Place", it.text, it.start, it.name_end, key="place:indonesia",
                                   label="Indonesia", source=self.name))
        parent: Org | None = None
        org_items = [it for it in chain if it.cat in ("agency", "unit", "generic")]
        for i, it in reversed(list(enumerate(org_items))):
            has_child = i > 0
            org = self._org(text, it, parent, scope, national or it.national, chain, context, has_child)
            if org is None:
                continue
            qualifiers = frozenset({"inferred-scope"}) if getattr(org, "inferred", False) else frozenset()
            out.append(Mention("Organization", text[it.start:org.end], it.start, org.end, key=org.key,
                               label=clean_name(org.label), names=frozenset(clean_names(org.names)),
                               qualifiers=qualifiers,
                               source=self.name))
            parent = org
        return out

    @staticmethod
    def _after_title(text: str, pos: int) -> bool:
        head = text[max(0, pos - 60):pos].rstrip()
        return any(h.end == len(head) for h in find(head, TITLES))

    def _place(self, it: Item, r) -> Mention:
        names = region_names(r) | {squash(it.text)}
        return Mention("Place", it.text, it.start, it.name_end, key=f"place:{r.code}", label=r.name,
                       names=frozenset(names), value=r.kind, source=self.name)

    def _org(self, text, it: Item, parent: Org | None, scope, national: bool, chain, context,
             has_child: bool = False) -> Org | None:
        end = chain[-1].end
        own = squash(text[it.start:it.name_end])
        full = squash(text[it.start:end])
        names = {own} | name_variants(text[it.start:end])
        if it.alias:
            names.add(it.alias)
        inferred = False
        if it.fraksi:
            return _fraksi_org(text, it, parent, scope, end, self._context_region(("province", "regency", "city"),
                                                                                    context))
        if it.cat == "agency":
            a = it.ref()
            base = {a.name, *a.acronyms, *a.aliases} - {""}
            if scope is None and not national and not has_child and parent is None \
                    and _also_regional(it):
                region = self._context_region(("province", "regency", "city"), context)
                if region is not None:
                    scope, inferred = region, True
            if it.regional and scope is not None and parent is None:
                org = _regional_org(a.key, own, scope, it, text, end, names)   # "Ombudsman RI Perwakilan Jateng"
                org.inferred = inferred
                return org
            if scope is not None and parent is None and not has_child and not national:
                o = gazetteer.regional_office(a.key, region_code=scope.code)
                if o is not None:   # "BKN Jayapura" is the Kantor Regional IX of BKN, not BKN
                    org = _regional_org(a.key, own, scope, it, text, end, names)
                    org.inferred = inferred
                    return org
            if parent is not None or scope is None or has_child:
                key, label = f"org:{a.key}", a.name
                if scope is not None:
                    # "BKN" inside "Kantor Regional IX BKN Jayapura": the national body, not named by the seat
                    names = {own} | name_variants(text[it.start:it.end])
                if scope is None or has_child or parent is not None:
                    names |= base
                    if national or parent is None:
                        names |= {f"{n} RI" for n in base if not n.endswith((" RI", "Republik Indonesia"))}
            else:
                key, label = f"org:{a.key}:{scope.code}", f"{a.acronyms[0] if a.acronyms else a.name} {scope.name}"
                names |= {f"{n} {rn}" for n in base for rn in region_names(scope)}
            org = Org(key, label, names, it.start, end, scope)
            org.inferred = inferred
            return org
        elif it.cat == "unit":
            u = it.ref()
            region = scope
            if scope is not None and u.kind in ("district", "village") and scope.kind not in u.levels:
                return None   # "Kampung" + "Puncak Jaya": villages are named by their own name, not a regency's
            if region is None and parent is None:
                region = self._context_region((it.kind_hint,) if it.kind_hint else u.levels, context)
                inferred = region is not None
            if u.key in GOVERNMENT_UNITS or u.kind == "government":
                if region is None or (inferred and own in ("Pemerintah", "Pemda")):
                    return None
                key = f"org:pemda:{region.code}"
                kind_name = {"province": "Pemerintah Provinsi", "regency": "Pemerintah Kabupaten",
                             "city": "Pemerintah Kota"}[region.kind]
                short = {"province": "Pemprov", "regency": "Pemkab", "city": "Pemkot"}[region.kind]
                label = f"{kind_name} {region.name}"
                names |= {label, f"{short} {region.name}", f"Pemerintah {region.name}", f"Pemda {region.name}"}
                if region.kind == "province":
                    names.add(f"Pemerintah Provinsi {region.name}")
                return Org(key, label, names, it.start, end, region)
            forms = {u.name, *u.acronyms, *u.aliases} - {""}
            is_form = it.spelled or fold(own) in {fold(f) for f in forms}
            own_slug = slug(own) if not is_form else u.key
            if parent is not None and u.kind == "court" and parent.key.startswith("org:pengadilan-") \
                    and parent.region is not None:
                # the Tipikor court sitting in a Pengadilan Negeri is the Tipikor court of that seat
                region, parent = parent.region, None
            body = u.agency
            if u.kind == "regional-office" and parent is not None and parent.key.count(":") == 1 \
                    and gazetteer.agency(parent.key[4:]) is not None:
                body = parent.key[4:]   # "Kanwil" + "Kemenag" + "Jawa Barat": the ministry's office there
            if body and (region is not None or _designator(own)) and (parent is None or body == parent.key[4:]):
                org = _regional_org(body, own, region, it, text, end, names, unit=u)
                if org is not None:
                    org.inferred = inferred
                    return org
            if region is None and parent is None and set(u.levels) <= {"district", "village"} \
                    and u.kind not in ("district", "village"):
                local = _local_name(text, end)
                if local is not None:
                    # "Polsek Sukamaju Barat", "Forkopimcam Sukamaju": district bodies named by their district
                    name, end = local
                    seat = self._context_region(("regency", "city"), context)
                    short = u.acronyms[0] if u.acronyms else u.name
                    key = f"org:{u.key}:{seat.code}/{slug(name)}" if seat else f"org:{u.key}:{slug(name)}"
                    names = {f"{f} {name}" for f in forms} | {squash(text[it.start:end])}
                    org = Org(key, f"{short} {name}", names, it.start, end, seat)
                    org.inferred = False
                    return org
            if parent is not None:
                key = f"{parent.key}/{own_slug}"
                label = f"{own} {parent.label}" if is_form else full
                names |= {f"{f} {n}" for f in forms for n in parent.names if len(n) < 60}
                region = parent.region
            elif region is not None:
                key = f"org:{own_slug}:{region.code}"
                label = f"{u.name} {region_formal(region)}" if is_form else f"{own} {region.name}"
                names |= {f"{f} {rn}" for f in forms for rn in region_names(region)}
            else:
                if is_form:
                    return None  # "Desa", "BKPSDM" with no region anywhere: not one body
                key = f"org:{own_slug}"
                label = own
            names.add(label)
            org = Org(key, label, names, it.start, end, region)
        else:  # generic head + name
            region = scope if parent is None else parent.region
            if parent is not None and scope is not None and own.startswith(tuple(_heads()["branch_heads"])) \
                    and parent.key.count(":") == 1:
                # "DPC APDESI Kabupaten X" is the branch of APDESI in X, however it is written
                key = f"{parent.key}:{scope.code}"
                base = {n for n in parent.names if len(n) < 60 and not n.endswith(" RI")}
                names |= {f"{b} {rn}" for b in base for rn in region_names(scope)}
                org = Org(key, full, names, it.start, end, scope)
                org.inferred = False
                return org
            own_slug = slug(own)   # by its name, so a later mention without the acronym is the same body
            if parent is not None:
                key, label = f"{parent.key}/{own_slug}", full
                names |= {f"{own} {n}" for n in parent.names if len(n) < 60}
            elif region is not None:
                key, label = f"org:{own_slug}:{region.code}", full
            else:
                key, label = f"org:{slug(own)}", own
            org = Org(key, label, names, it.start, end, region)
        org.inferred = inferred
        return org

    def _context_region(self, levels, context):
        if not self.infer_scope:
            return None
        for code in getattr(context, "region_codes", ()) or ():
            r = gazetteer.region(code)
            if r is not None and (not levels or r.kind in levels):
                return r
        return None

