"""Offices: a title, an optional description, and the body or region it belongs to.

"Pj Bupati Aceh Utara", "Asisten Administrasi Umum Sekda Aceh", "Kepala Kantor
Regional XIII BKN Aceh", "Kapolres Lahat", "Mendagri RI". The organization or region
is a mention the institution extractor found right after the title (or after the
description and a comma). Fused titles ("Kapolres", "Mendagri") carry their body
in the gazetteer. A title with no body in the sentence takes the article's region
when its level fits, marked ``inferred-scope``: such an office is kept only when a
person holds it.

Key: ``office:<role>@<scope key>``, e.g. ``office:bupati@place:11.08``.
"""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Mention
from ..text import slug, squash
from .institutions import clean_name, clean_names
from .lexicon import TITLES, Hit, find, is_acronym

DESC_WORD = re.compile(r"\s*(?:(?:[A-Z][\w'’.-]*|[A-Z]{2,}|[IVX]{1,4}\b|\d{1,4}\b|dan\b|&))")
NATIONAL = re.compile(r"\s*(?:RI\b|R\.I\b\.?|Republik Indonesia\b)")
SEKDA = {"Sekretaris Daerah"}
# Police sub-units and the command they belong to when only a region is written ("Kasat Reskrim Lahat").
POLICE_PARENTS = {**{k: "polda" for k in ("ditreskrimsus", "ditreskrimum", "ditresnarkoba", "ditlantas", "ditintelkam",
                                          "ditsamapta", "ditbinmas", "bidhumas", "bidpropam")},
                  **{k: "polres" for k in ("satreskrim", "satlantas", "satresnarkoba", "satintelkam", "satsamapta",
                                           "satbinmas")}}
GOVERNMENT_HEADS = {"pemprov", "pemkab", "pemkot", "pemda", "setda"}
GENERIC = re.compile(r"\s*(?:seluruh|se-|se\s|masing-masing|di\s+seluruh)", re.IGNORECASE)
MILITARY_NUMBER = re.compile(r"\s+(\d{2,4}|[IVX]{1,6})(?=[\s/,.]|$)")
GENERIC_BEFORE = re.compile(r"\b(?:seluruh|para|setiap|tiap|masing-masing|semua|sejumlah|beberapa)\s+$", re.IGNORECASE)
ALIAS = re.compile(r"\s*\(\s*([^()\n,]{2,30}?)\s*\)")


@cache
def _config():
    h = load_yaml("heads.yaml")
    return set(h.get("descriptive_titles", [])), dict(h.get("national_titles", {}))


def _region_by_code(code):
    return gazetteer.region(code)


class OfficeExtractor:
    name = "offices"

    def __init__(self, *, max_description_words: int = 8) -> None:
        self.max_description_words = max_description_words

    def __call__(self, text: str, *, context) -> list[Mention]:
        hits = find(text, TITLES)
        descriptive, national = _config()
        scopes: dict[int, list[Mention]] = {}
        for m in context.known:
            if m.type in ("Organization", "Place"):
                scopes.setdefault(m.start, []).append(m)
        hits = _with_lowercase_titles(text, hits, scopes)
        events = [(m.start, m.end) for m in context.known
                  if m.type == "Event" or (m.type == "Place" and m.value == "venue")]
        ceremonial = _ceremonial()
        titles = [_split(h, scopes) for h in hits if h.has("title")
                  and not any(a <= h.start < b for a, b in events) and not ceremonial.match(text, h.start)]
        acting = {h.end: h for h in hits if h.has("acting")}
        out: list[Mention] = []
        for i, hit in enumerate(titles):
            if out and hit.start < out[-1].end:
                continue
            office = self._office(text, hit, hits, acting, scopes, descriptive, national, context,
                                  [m for m in out if m.type == "Office"])
            if office is not None:
                out.extend(office)
        return out

    # ---------------------------------------------------------------- one title
    def _office(self, text, hit: Hit, hits, acting, scopes, descriptive, national, context, earlier=()):
        entry = hit.of("title")[0]
        t = entry.ref
        start = hit.start
        qualifiers: set[str] = set()
        before = text[:hit.start].rstrip()
        for end, a in acting.items():
            if end == len(before) and a.end <= hit.start:
                start = a.start
                qualifiers.add("acting" if "acting" in {e.ref for e in a.of("acting")} else "former")
        role = t.title
        fused_unit = None
        if t.expands_to:
            role, fused_unit = t.expands_to
        pos = hit.end
        n = NATIONAL.match(text, pos)
        national_marker = bool(n)
        if n:
            pos = n.end()
        extra: list[Mention] = []

        # a description before the scope: "Asisten Administrasi Umum", "Asisten I"
        description = ""
        scope: Mention | None = None
        if fused_unit is None:
            scope = self._scope_at(text, pos, scopes)
            if scope is None and t.title in descriptive:
                q = pos
                words = 0
                while words < self.max_description_words:
                    w = DESC_WORD.match(text, q)
                    if not w or q in scopes or any(h.start == _skip_ws(text, q) and h.has("title") for h in hits):
                        break
                    q = w.end()
                    words += 1
                    scope = self._scope_at(text, q, scopes, allow_comma=True)
                    if scope is not None:
                        description = squash(text[pos:q]).strip(" ,")
                        break
                    sekda = self._sekda_scope(text, q, hits, scopes)
                    if sekda is not None:
                        description = squash(text[pos:q]).strip(" ,")
                        scope = sekda
                        extra.append(sekda)
                        break
                if scope is None:
                    # "Asisten I" with no body: keep a numeral description only
                    r = re.match(r"\s+([IVX]{1,4})\b", text[pos:])
                    d = re.match(r"(?:\s+(?:[A-Z][\w'’-]*|dan\b(?=\s+[A-Z])))+", text[pos:])
                    if r:
                        description = r.group(1)
                        pos += r.end()
                    elif d:
                        description = squash(d.group(0))
                        ditjen = _directorate(t.title, description)
                        if ditjen is not None:
                            pos += d.end()
                            scope = Mention("Organization", "", pos, pos, key=f"org:{ditjen.key}", label=ditjen.name,
                                            names=frozenset({ditjen.name, *ditjen.acronyms, *ditjen.aliases}))
                        else:
                            pos += d.end()
        if scope is None and fused_unit is None and t.head_of is None and not description \
                and t.title in ACRONYM_HEADS:
            scope = _acronym_body(text, pos, t, context)   # "Ketua BKAD Sukamaju Raya", "Kadis PUPR"
            if scope is not None:
                extra.append(scope)
        if scope is None and fused_unit is None and t.head_of in LOCAL_UNITS:
            scope = _local_place(text, pos, t.head_of, context)   # "Camat Sukamaju Barat", "Kades Sukamaju"
            if scope is not None:
                extra.append(scope)
        inferred = inherited = False
        end = pos
        if scope is not None:
            end = max(scope.end, pos)
            scope_key, scope_names, scope_label = scope.key, set(scope.names) | {squash(scope.text)}, scope.label
        elif fused_unit is not None:
            scope_key, scope_names, scope_label, end, inferred = self._fused_scope(
                text, pos, fused_unit, t, scopes, context, national_marker)
            if scope_key is None:
                return None
        elif t.title in national:
            scope_key, scope_names, scope_label = national[t.title], {"Indonesia", "RI", "Republik Indonesia"}, "RI"
        elif t.head_of is None and not description:
            # "Ketua DPRD X didampingi Wakil Ketua Y": a bare title after an office shares its body
            shared = _shared_body(text, hit, t, earlier, scopes)
            if shared is not None:
                scope_key, scope_names, scope_label = shared
                inherited = True
            else:
                # a bare title stands for the article's own body ("Ketua, Budi, mengatakan"), unless it
                # heads a body the gazetteers do not know ("Ketua Majelis ...", "Kepala Balai ...")
                region = None if _unknown_body_follows(text, pos) else self._context_region(t.levels, context)
                if region is None:
                    return None
                inferred = True
                scope_key, scope_names, scope_label = f"place:{region.code}", {region.name}, region.name
        else:
            region = self._context_region(t.levels, context)
            if region is None:
                return None
            inferred = True
            scope_key = f"place:{region.code}"
            scope_names = {region.name}
            scope_label = region.name
        if scope is not None and scope.type == "Place" and (
                (set(t.levels or ()) and set(t.levels) <= {"district", "village"}
                 and re.fullmatch(r"place:\d{2}(?:\.\d{2})?", scope.key))   # a province or regency, not a district
                or (scope.key.startswith("place:area:") and
                    gazetteer.regions_named(squash(scope.text).split(" ", 1)[-1]))):
            return None   # "Kepala Kampung Puncak Jaya": the village heads of a regency, not one office
        if t.title == "Anggota" and re.match(r"org:forkopim", scope_key or ""):
            return None   # the members of a leaders' forum hold their own offices, not one of the forum
        if inferred:
            qualifiers.add("inferred-scope")
        if GENERIC.match(text, end) or GENERIC_BEFORE.search(text[max(0, start - 20):start]):
            return None  # "Kepala BKPSDM seluruh Kabupaten/Kota", "seluruh Kepala SKPA": every one, not one office
        parent = re.match(r"\s*,\s*", text[end:])
        if parent and scope is not None:
            # "Kepala Biro X, Setda Papua Barat, Octavianus": the body's parent, after a comma
            q = end + parent.end()
            above = [m for m in scopes.get(q, []) if m.type == "Organization"]
            if above and re.match(r"\s*(?:,|$)", text[max(a.end for a in above):]):
                end = max(a.end for a in above)
        alias = ALIAS.match(text, end)
        if alias and find(alias.group(1), TITLES):
            end = alias.end()  # "Menteri Dalam Negeri Republik Indonesia (Mendagri RI)"
        role_text = squash(text[hit.start:hit.end])
        area = re.match(r"place:area:([a-z]+)-", scope_key or "")
        if t.title == "Koordinator Divisi" and description and scope is not None and scope.type == "Organization":
            # "Kordiv Teknis KPU X" is the Koordinator of the Divisi Teknis of KPU X
            scope_key = f"{scope_key}/divisi-{slug(description)}"
            scope_names = {f"Divisi {description} {n}" for n in scope_names if len(n) < 60}
            role, description = "Koordinator", ""
        if role in ACRONYM_HEADS and scope is not None and scope.type == "Organization":
            role = "Kepala"   # "Kadis Dukcapil X" and "Kepala Dinas Dukcapil X": the head of that dinas
        if role == "Kepala" and area and area.group(1) in AREA_HEADS:
            role = AREA_HEADS[area.group(1)]   # "Kepala Desa Sukamaju" is the Kades of Sukamaju
        role_full = f"{role} {description}".strip()
        key_scope = scope_key
        m_gov = re.match(r"org:(?:pemda|setda):([\d.]+)$", scope_key or "")
        if m_gov and t.head_of in GOVERNMENT_HEADS:
            key_scope = f"place:{m_gov.group(1)}"   # "Sekda Pemprov Kalsel" is "Sekda Kalsel"
        key = f"office:{slug(role_full)}@{key_scope}"
        forms = {role_text, role, t.title, *t.forms} if not description else {f"{role_text} {description}", role_full}
        names = {squash(text[start:end]), squash(text[hit.start:end])}
        for f in forms:
            for s in scope_names:
                if len(s) < 80:
                    names.add(f"{f} {s}")
        if fused_unit is not None:
            names |= {f for f in t.forms}
        label = squash(text[hit.start:end]) if not (inferred or inherited) else f"{role_full} {scope_label}"
        label = label[:1].upper() + label[1:]
        links = (("officeOf", scope_key),) if scope_key else ()
        if fused_unit is not None and not inferred and scope_key.startswith("org:") and \
                _among_bodies(text, start, end, scopes):
            # "hadir Polres, Dandim 0409, Kejari RL": in a list of bodies a fused title names the body
            own = squash(text[start:end])
            return [*extra, Mention("Organization", text[start:end], start, end, key=scope_key, label=own,
                                    names=frozenset({own, *scope_names}), source=self.name)]
        office = Mention("Office", text[start:end], start, end, key=key, label=clean_name(label),
                         names=frozenset(clean_names(names, bodies=False)), qualifiers=frozenset(qualifiers),
                         links=links, source=self.name)
        return [*extra, office]

    def _scope_at(self, text, pos, scopes, *, allow_comma=False) -> Mention | None:
        q = _skip_ws(text, pos)
        if q not in scopes and allow_comma:
            m = re.match(r"\s*,\s*", text[pos:])
            if m:
                q = pos + m.end()
                cands = [s for s in scopes.get(q, []) if s.type == "Organization"]
                return max(cands, key=lambda s: s.end) if cands else None
        cands = scopes.get(q, [])
        if not cands:
            return None
        orgs = [s for s in cands if s.type == "Organization"]
        return max(orgs or cands, key=lambda s: s.end)

    def _sekda_scope(self, text, pos, hits, scopes) -> Mention | None:
        """"Sekda Aceh" after an Asisten title names the secretariat (Setda), not the office."""
        q = _skip_ws(text, pos)
        for h in hits:
            if h.start == q and h.has("title") and h.of("title")[0].ref.title in SEKDA:
                place = self._scope_at(text, h.end, scopes)
                if place is not None and place.type == "Place" and place.key.startswith("place:") \
                        and place.key[6:7].isdigit():
                    r = _region_by_code(place.key[6:])
                    names = {f"{p} {n}" for p in ("Setda", "Sekretariat Daerah", squash(h.text)) for n in place.names}
                    return Mention("Organization", text[q:place.end], q, place.end, key=f"org:setda:{r.code}",
                                   label=f"Sekretariat Daerah {r.name}", names=frozenset(names), source=self.name)
        return None

    def _fused_scope(self, text, pos, unit_key, t, scopes, context, national_marker):
        """The body of a fused title: "Kapolres Lahat" -> Polres of Musi Rawas."""
        agency = gazetteer.agency(unit_key)
        if agency is not None and "national" in (t.levels or ("national",)):
            names = {agency.name, *agency.acronyms, *agency.aliases}
            return f"org:{agency.key}", names, (agency.acronyms or (agency.name,))[0], pos, False
        place = self._scope_at(text, pos, scopes)
        region = None
        end = pos
        inferred = False
        unit = gazetteer.unit_form(unit_key)
        parent_unit = POLICE_PARENTS.get(unit_key)
        if place is not None and place.type == "Organization":
            # "Kasat Reskrim Polres Lahat", "Kakanwil Kemenag Jawa Barat": the body is named after the title
            names = set(place.names) | {squash(place.text)}
            if parent_unit and re.match(r"org:(?:polda|polres|polresta|polrestabes):", place.key):
                # "Dirreskrimsus Polda Jabar" heads the Ditreskrimsus of that Polda
                return f"{place.key}/{unit_key}", {f"{f} {n}" for f in (unit.name, *unit.acronyms) for n in names}, \
                    f"{unit.acronyms[0]} {place.label}", place.end, False
            if parent_unit:
                return None, None, None, pos, False   # "Kabid Humas" of a body that is not the police
            return place.key, names, place.label, place.end, False
        d = MILITARY_NUMBER.match(text, pos) if unit is not None and unit.kind == "military" else None
        if d:
            # "Dandim 0621/Kabupaten Bogor", "Pangdam XVIII/Kasuari": numbered commands, one in the country
            number = d.group(1)
            forms = (unit.name, *unit.acronyms)
            names = {f"{f} {number}" for f in forms}
            end = d.end()
            if text.startswith("/", end):
                tail = self._scope_at(text, end + 1, scopes)
                words = re.match(r"/\s?([A-Z][\w'’-]*)(?:\s+([A-Z][\w'’-]*))?", text[end:])
                if tail is not None and tail.type == "Place":
                    name, end = squash(tail.text), tail.end
                elif words:
                    second = words.group(2)
                    if second and second not in _ranks():
                        name, end = f"{words.group(1)} {second}", end + words.end()
                    else:
                        name, end = words.group(1), end + words.end(1)
                else:
                    name = None
                if name:
                    names |= {f"{f} {number}/{name}" for f in forms}
            return f"org:{unit_key}:{slug(number)}", names, f"{forms[-1] if len(forms) > 1 else forms[0]} {number}", \
                end, False
        if place is not None and place.type == "Place" and place.key[6:7].isdigit():
            region = _region_by_code(place.key[6:])
            end = place.end
        if region is None and unit is not None and set(unit.levels) <= {"district", "village"}:
            from .institutions import _local_name
            local = _local_name(text, pos)   # "Kapolsek Sukamaju Barat", "Danramil Sukamaju"
            seat = self._context_region(("regency", "city"), context)
            if local is not None:
                name, end = local
                key = f"org:{unit_key}:{seat.code}/{slug(name)}" if seat else f"org:{unit_key}:{slug(name)}"
                return key, {f"{f} {name}" for f in (unit.name, *unit.acronyms)}, name, end, False
        if region is None:
            region = self._context_region(t.levels, context)
            inferred = region is not None
        if region is None:
            return None, None, None, pos, False
        unit_names = {unit.name, *unit.acronyms} if unit else {unit_key}
        names = {f"{u} {r}" for u in unit_names for r in {region.name}}
        body = unit.agency if unit is not None and unit.agency else unit_key
        if parent_unit:
            return f"org:{parent_unit}:{region.code}/{unit_key}", names, region.name, end, inferred
        return f"org:{body}:{region.code}", names, region.name, end, inferred

    def _context_region(self, levels, context):
        for code in getattr(context, "region_codes", ()) or ():
            r = _region_by_code(code)
            if r is not None and (not levels or r.kind in levels):
                return r
        return None


@cache
def _ranks() -> frozenset[str]:
    """First words of police and military ranks ("Mayjen", "Letkol"): they start a name, not a command's."""
    voc = gazetteer.vocab()
    return frozenset(str(r).split()[0] for k in ("police_ranks", "military_ranks") for r in (voc.get(k) or {}))


@cache
def _ceremonial() -> re.Pattern:
    roles = load_yaml("heads.yaml")["ceremonial_roles"]
    return re.compile("|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True)), re.IGNORECASE)


def _directorate(title: str, description: str):
    """"Dirjen Bina Keuangan" -> the Direktorat Jenderal Bina Keuangan Daerah."""
    if title != "Direktur Jenderal":
        return None
    for form in (f"Ditjen {description}", f"Direktorat Jenderal {description}"):
        found = gazetteer.agencies_named(form)
        if len(found) == 1:
            return found[0]
    want = description.casefold()
    cands = [a for a in gazetteer.agencies() if a.kind == "directorate-general"
             and a.name.casefold().removeprefix("direktorat jenderal ").startswith(want)]
    return cands[0] if len(cands) == 1 else None


# The head of a district or village, by the word that names it ("Kepala" + "Desa Sukamaju").
AREA_HEADS = {"desa": "Kepala Desa", "kampung": "Kepala Desa", "gampong": "Kepala Desa", "nagari": "Kepala Desa",
              "pekon": "Kepala Desa", "kelurahan": "Lurah", "kecamatan": "Camat", "distrik": "Camat"}
LOCAL_UNITS = {"kecamatan": "kecamatan", "kelurahan": "kelurahan", "desa": "desa"}
# Second words of district and village names: "Sukamaju Barat", "Sukamaju Utara", "Tanjung Raya".
LOCAL_QUALIFIERS = {"Utara", "Selatan", "Barat", "Timur", "Tengah", "Raya", "Baru", "Lama", "Hulu", "Hilir",
                    "Ilir", "Ulu", "Jaya", "Induk", "Besar", "Kecil", "Atas", "Bawah", "Dalam", "Luar", "Kota",
                    "Laut", "Darat", "Pesisir", "Indah", "Makmur", "Asri", "Permai", "Sari", "Mulya", "Mulia"}
LOCAL_NAME = re.compile(r"\s+([A-Z][a-z'’-]+)(?:\s+([A-Z][a-z'’-]+))?")
LOCAL_END = re.compile(r"\s*(?:[,;:)]|\.(?:\s|$)|$|\s+(?:dan|serta|setempat)\b)")


@cache
def _not_names() -> frozenset[str]:
    return frozenset(load_yaml("names.yaml").get("not_names", []))


def _local_place(text: str, pos: int, unit_key: str, context) -> Mention | None:
    """The district or village a Camat, Lurah or Kepala Desa heads, named right after the title and
    followed by a comma or a verb ("Camat Sukamaju Barat, Budi", "Kades Sukamaju mengatakan"):
    a Place scoped by the article's regency when it has one. A known district gazetteer, when the
    institutions extractor has one, puts the place there first and this is not used."""
    m = LOCAL_NAME.match(text, pos)
    if not m:
        return None
    first, second = m.group(1), m.group(2)
    if first in _not_names() or gazetteer.office_titles_named(first):
        return None
    if second and second not in LOCAL_QUALIFIERS:
        second = None   # "Camat Budi Santoso": a name, not a district
    name = f"{first} {second}" if second else first
    end = m.end(2) if second else m.end(1)
    if not second and not LOCAL_END.match(text, end):
        return None   # "Camat Budi mengatakan", "Camat Budi Santoso": more likely the holder's name
    kind = LOCAL_UNITS[unit_key]
    key = f"place:area:{kind}-{slug(name)}"   # the key "Kecamatan Sukamaju Barat" gets from the venue extractor
    word = {"kecamatan": "Kecamatan", "kelurahan": "Kelurahan", "desa": "Desa"}[kind]
    return Mention("Place", name, m.start(1), end, key=key, label=name, names=frozenset({name, f"{word} {name}"}),
                   value="district" if kind == "kecamatan" else "village", source="offices")


# Titles of the members of one board: "Ketua DPRD X didampingi Wakil Ketua Y dan Z" (same DPRD).
SHARED_BODY_TITLES = {"Wakil Ketua", "Anggota"}
SHARED_FROM = {"ketua", "wakil-ketua"}
SHARED_AFTER = re.compile(r"^[^.;:]{0,80}?(?:,|\b(?:didampingi|dan|serta|bersama|beserta|sedangkan|yakni)\b)[^.;:]{0,20}$")


def _shared_body(text: str, hit: Hit, t, earlier, scopes):
    """The body of the last office named before a bare member title of the same board, in the same
    sentence and tied to it by a list or "didampingi": "Ketua DPRD Provinsi X, A didampingi Wakil
    Ketua B" -> Wakil Ketua of that DPRD. The next word must start a name (no "Ketua panitia")."""
    if t.title not in SHARED_BODY_TITLES or not earlier:
        return None
    if not re.match(r"\s+[A-Z]|\s*,", text[hit.end:]):
        return None
    prev = earlier[-1]
    body = dict(prev.links).get("officeOf", "")
    if not body.startswith("org:") or "inferred-scope" in prev.qualifiers:
        return None
    role = prev.key[len("office:"):].split("@", 1)[0]
    if role not in SHARED_FROM or not SHARED_AFTER.match(text[prev.end:hit.start]):
        return None
    org = next((m for ms in scopes.values() for m in ms if m.key == body), None)
    if org is None:
        return None
    label = squash(org.text)
    return body, set(org.names) | {label}, label


def _among_bodies(text: str, start: int, end: int, scopes) -> bool:
    """Whether a span sits in a comma list between two organizations ("Polres, Dandim 0409, Kejari RL")."""
    before = re.search(r"(?:,|\bdan)\s*$", text[max(0, start - 6):start])
    after = re.match(r"\s*(?:,|dan\b)\s*", text[end:])
    if not before or not after:
        return False
    q = end + after.end()
    nxt = any(m.type == "Organization" for m in scopes.get(q, []))
    b = start - len(before.group(0))
    prev = any(m.type == "Organization" and m.end == b for ms in scopes.values() for m in ms)
    return nxt and prev


ACRONYM = re.compile(r"\s+([A-Z]{3,7})(?=[\s,.;:)]|$)")
# Acronyms that name a kind of body or person, not one body: "Ketua DPC", "Kepala SMAN", "Kepala OPD".
GENERIC_ACRONYMS = {"DPP", "DPW", "DPC", "PAC", "UPTD", "UPT", "SMA", "SMAN", "SMP", "SMPN", "SMK", "SMKN", "MAN",
                    "MTS", "MTSN", "OPD", "SKPD", "ASN", "PNS", "PPPK", "BUMD", "BUMN", "BUMDES", "LSM", "ORMAS",
                    "PT", "CV", "RT", "RW", "TPS", "KPPS", "TIM", "WIB", "WITA", "WIT", "JPU", "OTT", "DPO"}
# Titles that name a dinas or badan: "Kadis PUPR" is the head of the Dinas PUPR.
ACRONYM_HEADS = {"Kepala Dinas": "Dinas", "Kepala Badan": "Badan"}


def _acronym_body(text: str, pos: int, t, context) -> Mention | None:
    """A body the gazetteers do not list, written as an acronym after a title and maybe its own name
    before a comma: "Ketua BKAD Sukamaju Raya, Budi", "Kepala UPPD Samsat Utara, Budi", "Kadis PUPR"."""
    m = ACRONYM.match(text, pos)
    if not m:
        return None
    acr = m.group(1)
    if acr.upper() in GENERIC_ACRONYMS or gazetteer.regions_named(acr) or _ranks() & {acr, acr.title()} \
            or find(acr, TITLES):
        return None
    end = m.end(1)
    name = LOCAL_NAME.match(text, end)
    if name:
        words = [w for w in name.groups() if w]
        if name.group(2) and name.group(2) not in LOCAL_QUALIFIERS:
            words = words[:1]
        stop = name.end(1) if len(words) == 1 else name.end(2)
        if LOCAL_END.match(text, stop) and not any(w in _not_names() for w in words):
            end = stop
    own = squash(text[m.start(1):end])
    head = ACRONYM_HEADS.get(t.title)
    label = f"{head} {own}" if head else own
    regency = next((r for r in (gazetteer.region(c) for c in getattr(context, "region_codes", ()) or ())
                    if r is not None), None)
    key = f"org:{slug(label)}:{regency.code}" if regency else f"org:{slug(label)}"
    names = {own, label} | ({f"{label} {regency.name}"} if regency else set())
    return Mention("Organization", text[m.start(1):end], m.start(1), end, key=key, label=label,
                   names=frozenset(names), source="offices")


@cache
def _body_words() -> frozenset[str]:
    h = load_yaml("heads.yaml")
    words = {w.split()[0] for w in h["organization_heads"] + h["organization_heads_weak"]}
    return frozenset(words | {"Majelis", "Panitia", "Bidang", "Seksi", "Sub", "Subbagian", "Subbidang", "Unit",
                              "UPT", "UPTD", "Pusat", "Fraksi", "Kelompok", "Tim", "Satgas", "Pokja"})


def _unknown_body_follows(text: str, pos: int) -> bool:
    m = re.match(r"\s+([A-Z][\w-]*)", text[pos:])
    return bool(m) and m.group(1) in _body_words()


def _split(hit: Hit, scopes) -> Hit:
    """"Kepala Kantor" + "Kantor Regional XIII BKN": the body starts inside the title."""
    inner = [p for p in scopes if hit.start < p < hit.end]
    if not inner:
        return hit
    cut = min(inner)
    head = hit.text[: cut - hit.start].rstrip()
    titles = [e for e in find(head, TITLES) if e.start == 0 and e.end == len(head) and e.has("title")]
    if not titles and head[:1].islower():   # "kepala dinas Perdagangan": "kepala" + the body
        from .lexicon import matcher
        titles = [Hit(m.start, m.end, m.text, tuple(e for e in m.payload if e.cat == "title"))
                  for m in matcher(TITLES).find(head) if m.start == 0 and m.end == len(head)]
        titles = [t for t in titles if t.entries]
    if not titles:
        return hit
    return Hit(hit.start, hit.start + len(head), head, titles[0].entries)


def _with_lowercase_titles(text: str, hits: list[Hit], scopes) -> list[Hit]:
    """Titles written in lower case in running text ("anggota Bawaslu Sulsel", "wakil bupati Bengkalis")
    count when a body or region is named right after them."""
    from .lexicon import matcher

    taken = [(h.start, h.end) for h in hits]
    extra = []
    for m in matcher(TITLES).find(text):
        if not m.text[:1].islower() or any(a < m.end and m.start < b for a, b in taken):
            continue
        if m.start > 0 and (text[m.start - 1].isalnum() or text[m.start - 1] == "-"):
            continue
        q = _skip_ws(text, m.end)
        inside = any(m.start < p < m.end and text[p - 1].isspace() for p in scopes)
        if not inside and (q == m.end or q not in scopes):
            continue
        entries = tuple(e for e in m.payload if e.cat == "title" and len(e.form) > 3 and not is_acronym(e.form))
        if entries:
            extra.append(Hit(m.start, m.end, m.text, entries))
    return sorted(hits + extra, key=lambda h: (h.start, -h.end)) if extra else hits


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
