"""Gazetteers: Indonesian regions, central agencies, regional unit forms, office titles, vocab.

Every file under kg/data/ is read once (functools.cache) through importlib.resources
and exposed as frozen dataclasses. Sources are documented in kg/data/SOURCES.md.

Lookups by name fold case, accents, punctuation and spacing (kg.text.fold), so
"ACEH UTARA", "Aceh  Utara" and "aceh-utara" are one name.
"""
from __future__ import annotations

import csv
import gzip
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from kg.text import fold

__all__ = [
    "Region", "Subregion", "Agency", "UnitForm", "OfficeTitle",
    "regions", "region", "regions_named", "provinces",
    "districts", "villages", "subregion", "subregions_named",
    "agencies", "agency", "agencies_named",
    "unit_forms", "unit_form", "unit_forms_named", "RegionalOffice", "regional_offices", "regional_office",
    "office_titles", "office_titles_named", "vocab",
]

REGION_KINDS = ("province", "regency", "city")


@dataclass(frozen=True, slots=True)
class Region:
    """A province, regency (kabupaten) or city (kota), keyed by its Kemendagri code."""

    code: str                       # "11", "11.08", "11.71"
    name: str                       # "Aceh Utara" (no Kabupaten/Kota/Provinsi prefix)
    kind: str                       # province | regency | city
    province_code: str | None       # "11" for 11.08; None for a province
    aliases: tuple[str, ...] = ()   # "Kalbar", "DKI Jakarta", ...

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def qualified_name(self) -> str:
        """"Kabupaten Aceh Utara", "Kota Banda Aceh", "Provinsi Aceh"."""
        prefix = {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}[self.kind]
        return f"{prefix} {self.name}"


@dataclass(frozen=True, slots=True)
class Subregion:
    """A district (kecamatan/distrik) or village (kelurahan/desa), keyed by its Kemendagri code.

    Loaded only when asked for (83,762 villages): ``districts()``, ``villages()``,
    ``subregions_named()``."""

    code: str                       # "32.17.01" (district), "32.17.01.2006" (village)
    name: str                       # "Lembang", "Cibodas"

    @property
    def kind(self) -> str:
        """district | village"""
        return "district" if len(self.code) == 8 else "village"

    @property
    def level(self) -> str:
        """How the place is called: kecamatan, distrik (Papua), kelurahan, desa."""
        if len(self.code) == 8:
            return "distrik" if self.code[:2] in _DISTRIK_PROVINCES else "kecamatan"
        return "kelurahan" if self.code[9] == "1" else "desa"

    @property
    def parent_code(self) -> str:
        """The regency/city of a district, the district of a village."""
        return self.code[:5] if len(self.code) == 8 else self.code[:8]

    @property
    def regency_code(self) -> str:
        return self.code[:5]

    @property
    def qualified_name(self) -> str:
        """"Kecamatan Lembang", "Distrik Wasior", "Desa Cikole", "Kelurahan Cikole"."""
        return f"{self.level.capitalize()} {self.name}"


# Papua provinces call their districts "distrik" (UU 21/2001 and the new provinces of 2022).
_DISTRIK_PROVINCES = frozenset({"91", "92", "93", "94", "95", "96"})


@dataclass(frozen=True, slots=True)
class Agency:
    """A central-government body (ministry, LPNK, commission, DG, ...)."""

    key: str                        # "kemendagri"
    name: str                       # "Kementerian Dalam Negeri"
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    kind: str
    parent: str | None              # another agency key

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.acronyms, *self.aliases)


@dataclass(frozen=True, slots=True)
class UnitForm:
    """A form of regional government unit, instantiated over a region ("Dinkes" + "Aceh Utara")."""

    key: str                        # "dinkes"
    name: str                       # "Dinas Kesehatan"
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    kind: str                       # government, office, agency, police, ...
    levels: tuple[str, ...]         # region kinds it exists at; also "district", "village"
    note: str = ""
    agency: str | None = None       # the national body this is the regional office of ("bpk", "kpu")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.acronyms, *self.aliases)


@dataclass(frozen=True, slots=True)
class OfficeTitle:
    """An office title and its written forms.

    ``head_of`` is the unit-form or agency key the holder heads (or sits in);
    ``expands_to`` is (title word, unit/agency key) for fused titles:
    Kapolres -> ("Kepala", "polres"), Mendagri -> ("Menteri", "kemendagri").
    """

    title: str
    forms: tuple[str, ...]
    kind: str
    head_of: str | None
    levels: tuple[str, ...]
    expands_to: tuple[str, str] | None = None


# ----------------------------------------------------------------------------- reading

def _read_text(name: str) -> str:
    return resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in io.StringIO(_read_text(name)) if not ln.lstrip().startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


def _split(value: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in value.split("|"):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


def _index(items, names_of) -> dict[str, tuple]:
    idx: dict[str, list] = defaultdict(list)
    for item in items:
        for n in names_of(item):
            bucket = idx[fold(n)]
            if item not in bucket:
                bucket.append(item)
    return {k: tuple(v) for k, v in idx.items()}


# ----------------------------------------------------------------------------- regions

@cache
def regions() -> tuple[Region, ...]:
    """All 38 provinces and 514 regencies/cities, ordered by code."""
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in _rows("region_aliases.csv"):
        if row["alias"] not in aliases[row["code"]]:
            aliases[row["code"]].append(row["alias"])
    out = []
    for row in _rows("regions.csv"):
        listed = aliases.get(row["code"], [])
        derived = [v for v in derived_region_names(row["name"]) if v not in listed]
        out.append(Region(
            code=row["code"], name=row["name"], kind=row["kind"],
            province_code=row["province_code"] or None,
            aliases=tuple(listed + derived),
        ))
    known = {r.code for r in out}
    missing = set(aliases) - known
    if missing:
        raise ValueError(f"region_aliases.csv names unknown codes: {sorted(missing)}")
    return tuple(out)


def derived_region_names(name: str) -> list[str]:
    """Spelling variants of an official name that follow from the name itself:
    "Kepulauan Riau" -> "Kep. Riau"; "Sumatera Utara" -> "Sumatra Utara";
    "Toli-Toli" -> "Toli Toli", "Tolitoli"."""
    out = []
    if name.startswith("Kepulauan "):
        out.append("Kep. " + name[len("Kepulauan "):])
    if name.startswith("Sumatera "):
        out.append("Sumatra " + name[len("Sumatera "):])
    if "-" in name:
        out.append(name.replace("-", " "))
        out.append(name.replace("-", "").capitalize() if name.count("-") == 1 else name.replace("-", ""))
    return [v for v in out if v != name]


@cache
def _regions_by_code() -> dict[str, Region]:
    return {r.code: r for r in regions()}


@cache
def _regions_by_name() -> dict[str, tuple[Region, ...]]:
    return _index(regions(), lambda r: r.names)


def region(code: str) -> Region | None:
    """The region with this Kemendagri code ("11.08"), or None."""
    return _regions_by_code().get(code.strip())


def provinces() -> tuple[Region, ...]:
    return tuple(r for r in regions() if r.kind == "province")


# Written prefixes that name the kind: "Kabupaten Bogor", "Kab. Bogor", "Kota Bogor", "Provinsi Aceh".
_KIND_PREFIX = re.compile(
    r"^(?:(?P<regency>kabupaten(?:\s+administrasi)?|kab\.?)"
    r"|(?P<city>kota(?:\s+administrasi)?|kotamadya|kodya|kot\.?)"
    r"|(?P<province>provinsi|propinsi|prov\.?))\s+(?P<rest>.+)$",
    re.IGNORECASE | re.DOTALL,
)


def regions_named(name: str) -> tuple[Region, ...]:
    """Regions written as ``name``: official names and aliases, case-insensitive.

    A bare name may be several regions ("Bogor": regency 32.01 and city 32.71;
    "Bengkulu": province 17 and city 17.71). A kind prefix ("Kabupaten", "Kab.",
    "Kota", "Provinsi", "Prov.") narrows the result to that kind; if the prefixed
    form is itself a name ("Kota Baru" for Kotabaru), that name is used.
    """
    index = _regions_by_name()
    m = _KIND_PREFIX.match(name.strip())
    if m:
        kind = next(k for k in REGION_KINDS if m.group(k))
        narrowed = tuple(r for r in index.get(fold(m.group("rest")), ()) if r.kind == kind)
        if narrowed:
            return narrowed
    return index.get(fold(name), ())


# ----------------------------------------------------------------------------- districts, villages

_SUBREGION_FILES = {"district": "regions_districts.csv.gz", "village": "regions_villages.csv.gz"}


@cache
def _lines_by_regency(kind: str) -> dict[str, tuple[str, ...]]:
    """The raw ``code,name`` lines of one table, grouped by regency code (the file is
    ordered by code). Parsing and indexing is left to the regencies a lookup needs."""
    raw = resources.files("kg.data").joinpath(_SUBREGION_FILES[kind]).read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").split("\n")
    out: dict[str, list[str]] = defaultdict(list)
    for line in lines[1:]:  # header: code,name
        if line:
            out[line[:5]].append(line)
    return {k: tuple(v) for k, v in out.items()}


def _parse(line: str) -> tuple[str, str]:
    code, _, name = line.partition(",")
    if name.startswith('"'):
        name = next(csv.reader([name]))[0]
    return code, name


@cache
def districts() -> tuple[Subregion, ...]:
    """All 7,285 districts (kecamatan/distrik), ordered by code."""
    return tuple(Subregion(*_parse(ln)) for lines in _lines_by_regency("district").values() for ln in lines)


@cache
def villages() -> tuple[Subregion, ...]:
    """All 83,762 villages (kelurahan/desa), ordered by code."""
    return tuple(Subregion(*_parse(ln)) for lines in _lines_by_regency("village").values() for ln in lines)


_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")
_ASCII_DROP = str.maketrans("", "", "".join(chr(c) for c in range(128) if not chr(c).isalnum()))


def _compact(name: str) -> str:
    """A subregion name for lookup: folded, a trailing "(...)" dropped, spaces removed, so
    "Suka Maju" and "Sukamaju", "Tanjung Sari" and "Tanjungsari" are one name."""
    if "(" in name:
        name = _PAREN_TAIL.sub("", name)
    if name.isascii():  # fast path for the 90k names of the tables (same result as fold)
        return name.lower().translate(_ASCII_DROP)
    return fold(name).replace(" ", "")


def _name_index(rows) -> dict[str, tuple[tuple[str, str], ...]]:
    idx: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for line in rows:
        code, name = _parse(line)
        idx[_compact(name)].append((code, name))
    return {k: tuple(v) for k, v in idx.items()}


@cache
def _area_index(kind: str, area: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Names of the districts or villages of one regency ("32.17") or province ("32"),
    built the first time a lookup needs them."""
    table = _lines_by_regency(kind)
    if len(area) >= 5:
        return _name_index(table.get(area, ()))
    return _name_index(line for r, lines in table.items() if r.startswith(area + ".") for line in lines)


@cache
def _lines_by_initial(kind: str) -> dict[str, tuple[str, ...]]:
    """The lines of one table grouped by the first letter or digit of the name."""
    out: dict[str, list[str]] = defaultdict(list)
    for lines in _lines_by_regency(kind).values():
        for line in lines:
            i = line.index(",") + 1
            ch = line[i].lower() if line[i].isalnum() else (_compact(_parse(line)[1]) or " ")[0]
            out[ch].append(line)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _national_index(kind: str, initial: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """Names of all districts or villages that begin with ``initial``, for a lookup with
    no region to narrow it (one letter of the table is indexed at a time)."""
    return _name_index(_lines_by_initial(kind).get(initial, ()))


def subregion(code: str) -> Subregion | None:
    """The district ("32.17.01") or village ("32.17.01.2006") with this code, or None."""
    code = code.strip()
    if len(code) not in (8, 13):
        return None
    kind = "district" if len(code) == 8 else "village"
    for line in _lines_by_regency(kind).get(code[:5], ()):
        if line.startswith(code + ","):
            return Subregion(*_parse(line))
    return None


@lru_cache(maxsize=65536)
def subregions_named(name: str, *, within: str | tuple[str, ...] = (),
                     kinds: tuple[str, ...] = ("district", "village")) -> tuple[Subregion, ...]:
    """Districts and villages written as ``name`` (case, spacing and a bracketed
    addition ignored), districts first. ``within``: a region or district code (or
    several) the place must lie in: ``subregions_named("Cikole", within="32.17")``.
    Only the regencies or provinces asked for are indexed; a lookup with no ``within``
    indexes the names of the country that begin with its first letter."""
    key = _compact(name)
    if not key:
        return ()
    scopes = (within,) if isinstance(within, str) else tuple(within)
    out = []
    for kind in kinds:
        if not scopes:
            out.extend(Subregion(c, n) for c, n in sorted(_national_index(kind, key[0]).get(key, ())))
            continue
        areas = dict.fromkeys(w[:5] if len(w) >= 5 else w for w in scopes)
        found = [row for area in areas for row in _area_index(kind, area).get(key, ())]
        if found:
            out.extend(Subregion(c, n) for c, n in sorted(set(found))
                       if any(c.startswith(w + ".") or c == w for w in scopes))
    return tuple(out)


# ----------------------------------------------------------------------------- agencies

@cache
def agencies() -> tuple[Agency, ...]:
    out = tuple(
        Agency(key=row["key"], name=row["name"], acronyms=_split(row["acronyms"]),
               aliases=_split(row["aliases"]), kind=row["kind"], parent=row["parent"] or None)
        for row in _rows("agencies.csv")
    )
    keys = {a.key for a in out}
    bad = [a.key for a in out if a.parent and a.parent not in keys]
    if bad:
        raise ValueError(f"agencies.csv: unknown parent for {bad}")
    return out


@cache
def _agencies_by_key() -> dict[str, Agency]:
    return {a.key: a for a in agencies()}


@cache
def _agencies_by_name() -> dict[str, tuple[Agency, ...]]:
    return _index(agencies(), lambda a: a.names)


def agency(key: str) -> Agency | None:
    return _agencies_by_key().get(key)


def agencies_named(name: str) -> tuple[Agency, ...]:
    """Agencies whose name, acronym or alias is ``name`` (folded)."""
    return _agencies_by_name().get(fold(name), ())


# ----------------------------------------------------------------------------- unit forms

@cache
def unit_forms() -> tuple[UnitForm, ...]:
    return tuple(
        UnitForm(key=row["key"], name=row["name"], acronyms=_split(row["acronyms"]),
                 aliases=_split(row["aliases"]), kind=row["kind"], levels=_split(row["levels"]),
                 note=row.get("note", ""), agency=row.get("agency") or None)
        for row in _rows("units.csv")
    )


@dataclass(frozen=True, slots=True)
class RegionalOffice:
    """A numbered regional office of a national body and its seat: Kantor Regional XIII BKN, Banda Aceh."""

    agency: str                     # agencies.csv key
    unit: str                       # units.csv key
    designator: str                 # "XIII"
    seat: str                       # region code of the seat
    seat_province: str


@cache
def regional_offices() -> tuple[RegionalOffice, ...]:
    out = tuple(RegionalOffice(row["agency"], row["unit"], row["designator"], row["seat"], row["seat_province"])
                for row in _rows("regional_offices.csv"))
    for o in out:
        if agency(o.agency) is None or unit_form(o.unit) is None or region(o.seat) is None:
            raise ValueError(f"regional_offices.csv: unknown key in {o}")
    return out


def regional_office(agency_key: str, *, designator: str | None = None, region_code: str | None = None):
    """The numbered office of ``agency_key`` with this designator, or seated in this region (city or province)."""
    for o in regional_offices():
        if o.agency != agency_key:
            continue
        if designator is not None and o.designator == designator.upper():
            return o
        if designator is None and region_code is not None and region_code in (o.seat, o.seat_province):
            return o
    return None


@cache
def _units_by_key() -> dict[str, UnitForm]:
    return {u.key: u for u in unit_forms()}


@cache
def _units_by_name() -> dict[str, tuple[UnitForm, ...]]:
    return _index(unit_forms(), lambda u: u.names)


def unit_form(key: str) -> UnitForm | None:
    return _units_by_key().get(key)


def unit_forms_named(name: str) -> tuple[UnitForm, ...]:
    """Unit forms written as ``name`` ("BKD" gives both Badan Kepegawaian and Badan Keuangan Daerah)."""
    return _units_by_name().get(fold(name), ())


# ----------------------------------------------------------------------------- offices

_MINISTRY_KINDS = ("ministry", "coordinating-ministry")


def _minister_forms(a: Agency) -> list[str]:
    """"Menteri X" from "Kementerian X" (name and Kementerian-/Kemenko- aliases)."""
    forms = []
    for n in (a.name, *a.acronyms, *a.aliases):
        n = n.split("/")[0].strip() if n == a.name else n
        if n.startswith("Kementerian "):
            forms.append("Menteri " + n[len("Kementerian "):])
        elif n.startswith("Kemenko "):
            forms.append("Menko " + n[len("Kemenko "):])
    return forms


@cache
def office_titles() -> tuple[OfficeTitle, ...]:
    """Office titles from offices.csv, plus a "Menteri X" form for every ministry in agencies.csv."""
    known_heads = {a.key for a in agencies()} | {u.key for u in unit_forms()}
    titles: list[OfficeTitle] = []
    for row in _rows("offices.csv"):
        exp = None
        if row["expands_to"]:
            word, _, key = row["expands_to"].partition("|")
            exp = (word.strip(), key.strip())
        head = row["head_of"] or None
        for k in (head, exp[1] if exp else None):
            if k and k not in known_heads:
                raise ValueError(f"offices.csv: {row['title']!r} refers to unknown key {k!r}")
        forms = _split(row["forms"])
        if row["title"] not in forms:
            forms = (row["title"], *forms)
        titles.append(OfficeTitle(title=row["title"], forms=forms, kind=row["kind"], head_of=head,
                                  levels=_split(row["levels"]), expands_to=exp))
    titles += _fused_head_titles(titles)
    by_head = {t.head_of: i for i, t in enumerate(titles) if t.kind == "minister" and t.head_of}
    for a in agencies():
        if a.kind not in _MINISTRY_KINDS:
            continue
        generated = _minister_forms(a)
        if not generated:
            continue
        if a.key in by_head:
            t = titles[by_head[a.key]]
            extra = tuple(f for f in generated if f not in t.forms)
            titles[by_head[a.key]] = OfficeTitle(t.title, t.forms + extra, t.kind, t.head_of, t.levels, t.expands_to)
        else:
            word = "Menteri Koordinator" if a.kind == "coordinating-ministry" else "Menteri"
            titles.append(OfficeTitle(title=generated[0], forms=tuple(dict.fromkeys(generated)),
                                      kind="minister", head_of=a.key, levels=("national",),
                                      expands_to=(word, a.key)))
    return tuple(titles)


def _fused_head_titles(titles: list[OfficeTitle]) -> list[OfficeTitle]:
    """"Ka" fused with a dinas acronym names its head: Kadinkes, Kadisdik, Kadispora, Kadisdukcapil.
    Derived from units.csv so every dinas has its form; forms already listed are left alone."""
    listed = {fold(f) for t in titles for f in t.forms}
    out = []
    for u in unit_forms():
        if u.kind != "office":
            continue
        forms = tuple(dict.fromkeys(
            "Ka" + a[0].lower() + a[1:] for a in u.acronyms
            if a[:3] in ("Dis", "Din") and " " not in a and fold("Ka" + a) not in listed))
        if forms:
            out.append(OfficeTitle(title=f"Kepala {u.name}", forms=forms, kind="head", head_of=u.key,
                                   levels=u.levels, expands_to=("Kepala", u.key)))
    return out


@cache
def _offices_by_form() -> dict[str, tuple[OfficeTitle, ...]]:
    return _index(office_titles(), lambda t: t.forms)


def office_titles_named(form: str) -> tuple[OfficeTitle, ...]:
    """Office titles written as ``form`` ("Kapolres", "Mendagri", "Wali Kota")."""
    return _offices_by_form().get(fold(form), ())


# ----------------------------------------------------------------------------- vocab

@cache
def _vocab() -> dict[str, Any]:
    data = yaml.safe_load(_read_text("vocab.yaml"))
    if not isinstance(data, dict):
        raise ValueError("vocab.yaml must be a mapping")
    return data


def vocab() -> dict[str, Any]:
    """The word lists of vocab.yaml (a fresh copy; cache what you derive from it)."""
    import copy
    return copy.deepcopy(_vocab())
