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
from functools import cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Mention
from ..text import name_variants, slug, squash
from .lexicon import TITLES, Entry, Hit, find

GOVERNMENT_UNITS = {"pemda", "pemprov", "pemkab", "pemkot", "pemerintah"}
ROMAN = r"(?:[IVXLC]{1,6}|\d{1,5})(?:/[A-Z][\w ]{0,30}?)?"
NATIONAL = re.compile(r"\s*(?:RI\b|R\.I\b\.?|Republik Indonesia\b|Pusat\b)")
DESIGNATOR = re.compile(rf"\s+({ROMAN})(?=[\s,.;:)]|$)")
SUFFIX = re.compile(r"\s+([A-Z]{2,8})(?=[\s,.;:)]|$)")
PAREN = re.compile(r"\s*\(\s*([^()\n]{1,60}?)\s*\)")
GAP = re.compile(r"^[\s\-–/]*$")
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
    items.sort(key=lambda i: (i.start, -i.end))
    out: list[Item] = []
    starts = {it.start for it in items}
    for it in items:
        if out and it.start < out[-1].end:
            continue
        _extend(text, it, starts)
        out.append(it)
    return out


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
    if it.cat == "agency":
        n = NATIONAL.match(text, it.end)
        if n:
            it.end, it.national = n.end(), True
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


def _chains(text: str, items: list[Item]) -> list[list[Item]]:
    chains: list[list[Item]] = []
    for it in items:
        if chains and GAP.match(text[chains[-1][-1].end:it.start]) and it.cat != "generic" \
                and chains[-1][-1].cat != "country" and len(chains[-1]) < MAX_CHAIN:
            chains[-1].append(it)
        else:
            chains.append([it])
    return chains


class InstitutionExtractor:
    """Places (regions, the country) and organizations from the gazetteers."""

    name = "institutions"

    def __init__(self, *, infer_scope: bool = True) -> None:
        self.infer_scope = infer_scope

    def __call__(self, text: str, *, context) -> list[Mention]:
        hits = [_after_wali(text, h) for h in find(text)]
        ranks = [(m.start(), m.end()) for m in _rank_re().finditer(text)]
        items = [it for it in _items(text, hits) if not any(a <= it.start and it.end <= b for a, b in ranks)]
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
                               label=org.label, names=frozenset(org.names), qualifiers=qualifiers,
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
        if it.cat == "agency":
            a = it.ref()
            base = {a.name, *a.acronyms, *a.aliases} - {""}
            if scope is None and not national and not has_child and parent is None \
                    and _also_regional(it):
                region = self._context_region(("province", "regency", "city"), context)
                if region is not None:
                    scope, inferred = region, True
            if parent is not None or scope is None or has_child:
                key, label = f"org:{a.key}", a.name
                if scope is None or has_child or parent is not None:
                    names |= base
                    if national or parent is None:
                        names |= {f"{n} RI" for n in base if not n.endswith(" RI")}
            else:
                key, label = f"org:{a.key}:{scope.code}", f"{a.acronyms[0] if a.acronyms else a.name} {scope.name}"
                names |= {f"{n} {rn}" for n in base for rn in region_names(scope)}
            org = Org(key, label, names, it.start, end, scope)
            org.inferred = inferred
            return org
        elif it.cat == "unit":
            u = it.ref()
            region = scope
            if region is None and parent is None:
                region = self._context_region(u.levels, context)
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
            own_slug = slug(own) if own not in forms else u.key
            if parent is not None:
                key = f"{parent.key}/{own_slug}"
                label = f"{own} {parent.label}" if own in forms else full
                names |= {f"{f} {n}" for f in forms for n in parent.names if len(n) < 60}
                region = parent.region
            elif region is not None:
                key = f"org:{own_slug}:{region.code}"
                label = f"{u.name} {region_formal(region)}" if own in forms else f"{own} {region.name}"
                names |= {f"{f} {rn}" for f in forms for rn in region_names(region)}
            else:
                if own in forms:
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
            if parent is not None:
                key, label = f"{parent.key}/{slug(own)}", full
                names |= {f"{own} {n}" for n in parent.names if len(n) < 60}
            elif region is not None:
                key, label = f"org:{slug(own)}:{region.code}", full
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

