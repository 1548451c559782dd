"""One phrase matcher over every gazetteer: regions, agencies, regional units, office
titles and acting prefixes, built once per process.

``find(text)`` returns the lexicon hits of a text, already filtered by the case rules
that keep common words out: an acronym matches only in its own spelling or in
capitals ("BI" is Bank Indonesia, "bi" is not), a name only when it starts with a
capital ("Batu" the city, not "batu").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .. import gazetteer
from ..match import PhraseMatcher

REGION_PREFIX = {
    "province": ("Provinsi", "Prov.", "Prov", "Propinsi"),
    "regency": ("Kabupaten", "Kab.", "Kab"),
    "city": ("Kota", "Kotamadya"),
}


@dataclass(frozen=True, slots=True)
class Entry:
    cat: str            # region | agency | unit | title | acting | country
    ref: Any            # the gazetteer record (Region, Agency, UnitForm, OfficeTitle) or a flag
    form: str           # the phrase as listed
    prefixed: bool = False   # a region written with its prefix ("Kota Pontianak")


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]

    def of(self, cat: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.cat == cat)

    def has(self, cat: str) -> bool:
        return any(e.cat == cat for e in self.entries)


def is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    uppers = sum(c.isupper() for c in letters)
    return bool(letters) and (uppers == len(letters) or uppers >= 2 and not form.istitle())


def case_ok(form: str, text: str) -> bool:
    if is_acronym(form):
        return text == form or (text.isupper() and text.upper() == form.upper()) or \
            " ".join(text.split()) == form
    last = text.split()[-1] if text.split() else text
    return text[:1].isupper() or text[:1].isdigit() or (last[:1].isupper() and len(text.split()) > 1)


INSTITUTIONS = ("region", "agency", "unit", "country")
TITLES = ("title", "acting")


def _entries():
    pemda = gazetteer.unit_form("pemda")
    if pemda is not None:
        yield "Pemerintah", Entry("unit", pemda, "Pemerintah")  # "Pemerintah Aceh"
    for r in gazetteer.regions():
        names = {r.name, *r.aliases}
        for name in names:
            yield name, Entry("region", r, name)
            for prefix in REGION_PREFIX[r.kind]:
                yield f"{prefix} {name}", Entry("region", r, f"{prefix} {name}", prefixed=True)
    for a in gazetteer.agencies():
        for form in {a.name, *a.acronyms, *a.aliases}:
            if form:
                yield form, Entry("agency", a, form)
    for u in gazetteer.unit_forms():
        for form in {u.name, *u.acronyms, *u.aliases}:
            if form:
                yield form, Entry("unit", u, form)
    for t in gazetteer.office_titles():
        for form in {t.title, *t.forms}:
            if form:
                yield form, Entry("title", t, form)
    voc = gazetteer.vocab()
    for form in voc.get("acting_prefixes", []):
        yield form, Entry("acting", "acting", form)
    for form in voc.get("former_markers", []):
        yield form, Entry("acting", "former", form)
    for form in ("Indonesia", "Republik Indonesia", "Negara Kesatuan Republik Indonesia", "NKRI"):
        yield form, Entry("country", "indonesia", form)


@cache
def matcher(cats: tuple[str, ...]) -> PhraseMatcher:
    return PhraseMatcher([(f, e) for f, e in _entries() if e.cat in cats], case_sensitive=False)


# A word right before a bare region name that says its kind: "KPU Kabupaten Bogor" (where the
# unit's form "KPU Kabupaten" took the prefix), "Bupati Bogor", "Pemkot Bogor", "Gubernur Riau".
_KIND_BEFORE = re.compile(
    r"(?:(?P<regency>\b(?:Kabupaten|Kab\.?|Bupati|Pemkab|Setdakab|DPRK)\s+)"
    r"|(?P<city>\b(?:Kota|Kotamadya|Wali\s*[Kk]ota|Pemkot|Setdako|Balai\s+Kota)\s+)"
    r"|(?P<province>\b(?:Provinsi|Prov\.?|Propinsi|Gubernur|Pemprov|Setdaprov)\s+))$")


def _narrow_kind(text: str, hit: Hit) -> Hit:
    """A bare region name that is both a regency and a city (Bogor, Bekasi, Serang ...) or a
    province and a city (Bengkulu, Jambi ...) takes the kind the word before it names."""
    if len(hit.entries) < 2:
        return hit
    regions = [e for e in hit.entries if e.cat == "region"]
    if len({e.ref.kind for e in regions}) < 2 or any(e.prefixed for e in regions):
        return hit
    m = _KIND_BEFORE.search(text, max(0, hit.start - 16), hit.start)
    if not m:
        return hit
    kind = next(k for k in ("regency", "city", "province") if m.group(k))
    fitting = tuple(Entry(e.cat, e.ref, e.form, True) for e in regions if e.ref.kind == kind)
    if not fitting:
        return hit
    return Hit(hit.start, hit.end, hit.text, fitting + tuple(e for e in hit.entries if e.cat != "region"))


def find(text: str, cats: tuple[str, ...] = INSTITUTIONS) -> list[Hit]:
    """Lexicon hits of one family: institutions (regions, agencies, units, the
    country) or titles (office titles and acting prefixes). The two families are
    matched apart, so "Kepala Badan" (a title) does not hide "Badan Kepegawaian
    Negara" (an agency). A region name of two kinds is narrowed by the word before it
    ("Kabupaten", "Bupati", "Kota", "Wali Kota", "Gubernur" ...)."""
    return list(_find(text, cats))


@lru_cache(maxsize=4096)
def _find(text: str, cats: tuple[str, ...]) -> tuple[Hit, ...]:
    """find() without the copy: one sentence is looked up by the document setting and by
    several extractors, so the hits of recent texts are kept (records are immutable)."""
    hits = []
    for m in matcher(cats).find(text):
        entries = tuple(e for e in m.payload if e.cat == "acting" or case_ok(e.form, m.text))
        if entries:
            hit = Hit(m.start, m.end, m.text, entries)
            hits.append(_narrow_kind(text, hit) if "region" in cats else hit)
    return tuple(hits)
