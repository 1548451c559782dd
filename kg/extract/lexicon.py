"""One phrase matcher over every gazetteer: regions, agencies, regional units, office
titles and acting prefixes, built once per process.

``find(text)`` returns the lexicon hits of a text, already filtered by the case rules
that keep common words out: an acronym matches only in its own spelling or in
capitals ("BI" is Bank Indonesia, "bi" is not), a name only when it starts with a
capital ("Batu" the city, not "batu").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
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


def find(text: str, cats: tuple[str, ...] = INSTITUTIONS) -> list[Hit]:
    """Lexicon hits of one family: institutions (regions, agencies, units, the
    country) or titles (office titles and acting prefixes). The two families are
    matched apart, so "Kepala Badan" (a title) does not hide "Badan Kepegawaian
    Negara" (an agency)."""
    hits = []
    for m in matcher(cats).find(text):
        entries = tuple(e for e in m.payload if e.cat == "acting" or case_ok(e.form, m.text))
        if entries:
            hits.append(Hit(m.start, m.end, m.text, entries))
    return hits
