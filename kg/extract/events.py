"""Events: meetings, ceremonies, trainings ("Rapat Koordinasi (Rakor) Bidang
Kepegawaian", "apel siaga bencana") and elections ("Pemilu 2024", "Pilkada Serentak
2024", "Pemilukada Sumsel 2018"), plus references back to the article's event
("kegiatan tersebut", "Rakor itu").

Mentions carry ``value`` = the event kind ("Rapat Koordinasi", "pemilu", ...);
elections get their key here (``event:pemilu-2024``, ``event:pilkada-<region>-2018``);
other events get theirs when the article's mentions are resolved into one event per
kind. An anaphoric mention has the qualifier ``anaphora``.
"""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Mention
from ..prefilter import Located, fold_for_anchors
from ..text import alternation, name_variants, squash
from .calendar_words import is_calendar_word

YEAR_AFTER = re.compile(r"\s*\)?\s*(?:\(\s*[A-Za-z]+\s*\)\s*)?(?:[Ss]erentak\s+)?(?:(?:[Tt]ahun|TAHUN|Thn\.?)\s+)?((?:19|20)\d\d)\b")
PAREN = re.compile(r"\s*\(\s*([A-Za-z][\w-]{0,15})\s*\)")
TOKEN = re.compile(r"\s*([A-Za-z][\w'’/-]*|\d+)")
VERB_PREFIX = re.compile(r"^(?:me|di|ber|ter)[a-z]{3,}$")
NYA = re.compile(r"^[a-z]{3,}nya$")   # "kaitannya", "mitranya": a clause, not the name
AGENDA = re.compile(r"(?:dengan\s+)?(?:agenda|beragendakan|beragenda|mata\s+acara)\b\s*:?", re.IGNORECASE)


@cache
def _config():
    h = load_yaml("heads.yaml")
    voc = gazetteer.vocab()
    nouns: dict[str, str] = {}
    for kind, forms in voc["event_nouns"].items():
        if kind in h["generic_event_kinds"]:
            continue
        for f in forms:
            nouns[f] = kind
    elections = dict(voc["elections"])
    return {
        "nouns": nouns,
        "elections": elections,
        "weak": set(h["weak_event_kinds"]),
        "stops": set(h["event_name_stops"]),
        "anaphora": set(h["event_anaphora_nouns"]),
        "determiners": set(h["event_anaphora_determiners"]),
        "years": {k: list(v) for k, v in h["election_years"].items()},
        "verbs": dict(h.get("event_verbs", {})),
        "roles": set(h.get("event_role_words", [])),
        "other": {w.casefold() for w in voc.get("other_occurrence_words", [])},
    }




@cache
def _coordinated_election_re() -> re.Pattern:
    """ "... dan Pilkada tahun 2024": the year of an election name coordinated with another."""
    return re.compile(rf"\s*(?:\(\s*[A-Za-z]+\s*\)\s*)?(?:dan|serta|&)\s+(?:{alternation(_config()['elections'])})"
                      rf"(?:\s*\(\s*[A-Za-z]+\s*\))?(?:\s+[Ss]erentak)?\s+(?:[Tt]ahun\s+)?((?:19|20)\d\d)\b",
                      re.IGNORECASE)


@cache
def _regexes():
    c = _config()
    noun_re = re.compile(rf"(?<![\w-])({alternation(c['nouns'])})(?:nya)?(?![\w-])", re.IGNORECASE)
    elect_re = re.compile(rf"(?<![\w-])({alternation(c['elections'])})(?!\w)", re.IGNORECASE)
    det = alternation(c["determiners"])
    ana_re = re.compile(rf"(?<![\w-])({alternation(c['anaphora'] | set(c['nouns']))})\s+({det})(?![\w-])", re.IGNORECASE)
    verb_re = re.compile(rf"(?<![\w-])({alternation(c['verbs'])})(?![\w-])")
    return Located(noun_re, c["nouns"]), elect_re, _Anaphora(ana_re, c, det), verb_re   # every noun_re match begins with a noun


class _Anaphora:
    """``finditer`` of "<noun> <determiner>" ("Rakor itu", "kegiatan tersebut") with
    the matches of the plain regex, found from the determiners backwards: the
    alternation of every event noun is tried only just before a determiner, not at
    every position of the sentence (a test checks both give the same matches)."""

    WINDOW = 120  # characters before a determiner in which its noun may start

    def __init__(self, plain: re.Pattern, c: dict, det: str) -> None:
        self.plain = plain
        self.det = re.compile(rf"(?<=\s)({det})(?![\w-])", re.IGNORECASE)
        self.before = re.compile(rf"(?<![\w-])({alternation(c['anaphora'] | set(c['nouns']))})\s+$", re.IGNORECASE)

    def finditer(self, text: str):
        last = 0
        for d in self.det.finditer(text):
            if d.start() < last:
                continue
            m = self.before.search(text, max(last, d.start() - self.WINDOW), d.start())
            if m is not None:
                last = d.end()
                yield _Found(text, m.start(), d.end(), m.group(1), d.group(1))


class _Stops(set):
    """Positions where an event name stops, with the title positions of the sentence
    (looked up once, when a name is first extended)."""

    titles: set | None = None


class _Found:
    """The parts of a match that EventExtractor reads."""

    __slots__ = ("_text", "_start", "_end", "_groups")

    def __init__(self, text: str, start: int, end: int, *groups: str) -> None:
        self._text, self._start, self._end, self._groups = text, start, end, groups

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, n: int = 0) -> str:
        return self._text[self._start:self._end] if n == 0 else self._groups[n - 1]


def election_names(kind: str, year: int, region_name: str | None) -> tuple[str, set[str]]:
    if kind == "pemilu":
        label = f"Pemilu {year}"
        names = {label, f"Pemilihan Umum {year}", f"Pemilu Tahun {year}", f"Pemilu Serentak {year}",
                 f"Pemilihan Umum Serentak {year}", f"Pemilihan Umum Tahun {year}"}
        return label, names
    if region_name:
        label = f"Pilkada {region_name} {year}"
        return label, {label, f"Pemilukada {region_name} {year}", f"Pemilihan Kepala Daerah {region_name} {year}"}
    label = f"Pilkada Serentak {year}"
    names = {label, f"Pilkada {year}", f"Pemilihan Kepala Daerah {year}", f"Pemilukada {year}",
             f"Pilkada Tahun {year}", f"Pemilukada Tahun {year}", f"Pemilihan Kepala Daerah Serentak {year}",
             f"Pemilihan Serentak {year}"}
    return label, names


class EventExtractor:
    name = "events"

    def __init__(self, *, max_modifier_words: int = 7) -> None:
        self.max_modifier_words = max_modifier_words

    def __call__(self, text: str, *, context) -> list[Mention]:
        noun_re, elect_re, ana_re, verb_re = _regexes()
        c = _config()
        known = sorted(context.known, key=lambda m: m.start)
        stops_at = _Stops(m.start for m in known if m.type in ("Date", "Law", "Person"))
        out: list[Mention] = []
        # names of bodies, offices and laws are not events ("Komisi Pemilihan Umum", "UU ... tentang Pemilihan Umum")
        taken: list[tuple[int, int]] = [(m.start, m.end) for m in known if m.type in ("Organization", "Office", "Law")]

        def free(s, e):
            return not any(a < e and s < b for a, b in taken)

        for m in elect_re.finditer(text):
            mention = self._election(text, m, context, known)
            if mention is not None and free(mention.start, mention.end):
                out.append(mention)
                taken.append((mention.start, mention.end))
        for m in ana_re.finditer(text):
            if not free(m.start(), m.end()):
                continue
            noun = m.group(1)
            kind = c["nouns"].get(_form(noun, c["nouns"])) if noun.lower() not in c["anaphora"] else None
            label = squash(noun) if kind else None
            out.append(Mention("Event", m.group(0), m.start(), m.end(), value=kind, label=label,
                               names=frozenset({label} if label else ()),
                               qualifiers=frozenset({"anaphora"}), source=self.name))
            taken.append((m.start(), m.end()))
        for m in noun_re.finditer(text):
            if not free(m.start(), m.end()):
                continue
            form = _form(m.group(1), c["nouns"])
            kind = c["nouns"][form]
            word = m.group(1)
            prev = text[:m.start()].split()
            if prev and prev[-1] in c["roles"]:
                continue  # "Inspektur Upacara" is a role
            nxt = TOKEN.match(text, m.end())
            if nxt and nxt.group(1).casefold() in c["other"]:
                continue  # "sidang selanjutnya": another sitting than the article's
            if word[0].islower() and kind in c["weak"] and not (_governed(text, m.start()) or PAREN.match(text, m.end())):
                continue  # cheap test first: an everyday word nothing governs is no event
            end = self._extend(text, m.end(), stops_at, known, c)
            if word[0].islower() and kind in c["weak"] and not self._is_event_here(text, m, end, known):
                continue  # "rapat pleno" in passing is no event; "memimpin rapat persiapan" is
            span = text[m.start():end]
            label = squash(span)
            orgs = [k for k in known if k.type == "Organization" and m.start() <= k.start and k.end <= end]
            links = tuple(("organizedBy", o.key) for o in orgs if o.key)
            out.append(Mention("Event", span, m.start(), end, label=label, value=kind,
                               names=frozenset(_variants(label) | name_variants(label)), links=links, source=self.name))
            taken.append((m.start(), end))
        for m in verb_re.finditer(text):
            if free(m.start(), m.end()):
                kind = c["verbs"][m.group(1)]
                quals = {"anaphora", "verb"}
                label = None
                if _anchored(text, m.end(), known):
                    # "Bupati menyerahkan bantuan sembako ... di Kantor Camat, Rabu (7/12/2022)":
                    # the act, dated or placed, may be the article's event ("Penyerahan bantuan sembako")
                    quals.add("anchored")
                    end = self._extend(text, m.end(), stops_at, known, c)
                    label = squash(f"{kind} {text[m.end():end]}")
                out.append(Mention("Event", m.group(0), m.start(), m.end(), value=kind, label=label,
                                   names=frozenset({label} if label else ()),
                                   qualifiers=frozenset(quals), source=self.name))
        return sorted(out, key=lambda x: x.start)

    def _is_event_here(self, text, m, end, known) -> bool:
        """A lower-case everyday event word ("rapat", "persidangan", "kunjungan kerja") names
        an event when a verb or preposition of holding governs it and, for a bare word, the
        words after it say which ("memimpin rapat penanganan banjir") or the sentence dates
        or places it ("dalam persidangan di Pengadilan Negeri X")."""
        if len(m.group(1).split()) >= 2:
            return _governed(text, m.start()) or bool(PAREN.match(text, m.end()))
        if not _governed(text, m.start()):
            return False
        return bool(text[m.end():end].strip(" ,()")) or _anchored(text, m.end(), known)

    # ------------------------------------------------------------ elections
    def _election(self, text, m, context, known) -> Mention | None:
        c = _config()
        form = _form(m.group(1), c["elections"])
        kind = c["elections"].get(form)
        if kind is None:
            return None
        if kind == "pilkades":
            return None
        if _inside_acronym_name(text, m):
            return None   # "Kode Etik Penyelenggara Pemilu (KEPP)" names a code, not the election
        end = m.end()
        region = None
        # "Pilgub Sumsel", "Pemilukada Sumsel 2018": a region right after the name
        for k in known:
            if k.type == "Place" and k.key and k.key[6:7].isdigit() and re.fullmatch(r"\s+", text[end:k.start] or "x"):
                region = k
                end = k.end
                break
        y = YEAR_AFTER.match(text, end)
        year = int(y.group(1)) if y else None
        if y:
            end = y.end()
        else:
            s = re.match(r"\s*(?:\(\s*[A-Za-z]+\s*\))?\s*(?:[Ss]erentak)?", text[end:])
            if s and s.group(0).strip():
                end += len(s.group(0).rstrip())
            # "Pemilu dan Pilkada tahun 2024": a year after a coordinated election name
            co = _coordinated_election_re().match(text[end:])
            if co:
                year = int(co.group(1))
        if region is None and year is not None and kind != "pemilu" and "erentak" not in text[m.start():end]:
            # "Pilkada 2024 di Kabupaten Contoh": one region's election (GUIDELINES, settled keys)
            for k in known:
                if k.type == "Place" and k.key and k.key[6:7].isdigit() and k.key.count(".") <= 1 \
                        and re.fullmatch(r"\s+di\s+", text[end:k.start]):
                    region = k
                    end = k.end
                    break
        level_kind = "pemilu" if kind == "pemilu" else "pilkada"
        qualifiers = set()
        if year is None:
            qualifiers.add("no-year")
        region_code = region.key[6:] if region else None
        if kind in ("pilgub", "pilbup", "pilwalkot") and region is None:
            qualifiers.add("no-region")
        key = None
        names = {squash(text[m.start():end])}
        label = squash(text[m.start():end])
        if year is not None:
            rname = region.label if region else None
            if region_code:
                key = f"event:pilkada-{region_code}-{year}"
            else:
                key = f"event:{level_kind}-{year}"
            label, more = election_names(level_kind, year, rname)
            names |= more
        return Mention("Event", text[m.start():end], m.start(), end, key=key, label=label,
                       value=level_kind if not region_code else f"pilkada:{region_code}",
                       names=frozenset(names), qualifiers=frozenset(qualifiers | {"election"}),
                       source=self.name)

    # ------------------------------------------------------------ other events
    def _extend(self, text, pos, stops_at, known, c) -> int:
        from .lexicon import TITLES, find

        if stops_at.titles is None:   # "kunker Menteri ..." stops at the title (found once per sentence)
            stops_at.titles = {h.start for h in find(text, TITLES)}
        stops_at = stops_at | stops_at.titles
        end = pos
        p = PAREN.match(text, pos)
        if p:
            end = pos = p.end()
        words = 0
        inside = {k.start: k.end for k in known if k.type in ("Organization", "Place")}
        while words < self.max_modifier_words:
            if _skip_ws(text, pos) in inside:
                k_end = inside[_skip_ws(text, pos)]
                end = pos = k_end
                words += 1
                p = PAREN.match(text, pos)
                if p:
                    end = pos = p.end()
                continue
            t = TOKEN.match(text, pos)
            if not t:
                break
            word = t.group(1)
            start = t.start(1)
            agenda = AGENDA.match(text, start)
            if agenda and words and start not in stops_at:
                # "Rapat Paripurna DPRD X dengan agenda Penyampaian Y" is one event
                end = pos = agenda.end()
                words = 0
                continue
            if start in stops_at or word.lower() in c["stops"] or is_calendar_word(word) or NYA.match(word) \
                    or VERB_PREFIX.match(word) or word.lower() in ("dan", "&") and not _next_cap(text, t.end()):
                break
            if "\n\n" in text[pos:start]:
                break
            pos = t.end()
            if word.lower() not in ("dan", "&"):
                end = pos
            words += 1
            p = PAREN.match(text, pos)
            if p:
                end = pos = p.end()
        return end


@cache
def _governing_verbs() -> tuple[re.Pattern, re.Pattern]:
    voc = gazetteer.vocab()
    verbs = set(voc["organizing_verbs"]) | set(voc["opening_verbs"]) | set(voc["attending_verbs"])
    verbs = {v for v in verbs if v not in ("bersama",)}
    near = alternation(voc.get("event_governors", []))
    return (re.compile(rf"(?:{alternation(verbs)})(?:\s+\S+){{0,2}}\s*$"),
            re.compile(rf"(?<![\w-])(?:{near})\s+$", re.IGNORECASE))


def _governed(text: str, pos: int) -> bool:
    """Is the event noun the object of a verb of holding, leading or attending, or of a
    preposition of time ("dalam persidangan", "di awal rapat", "jelang debat")?"""
    before = text[max(0, pos - 60):pos]
    verbs, near = _governing_verbs()
    return bool(verbs.search(before) or near.search(before))


AT_PLACE = re.compile(r"(?:\b(?:di|bertempat\s+di|berlokasi\s+di)\s+)$", re.IGNORECASE)


def _anchored(text: str, pos: int, known) -> bool:
    """Does the sentence date the act, or place it after ``pos`` at a place or a body
    ("... di Aula X, Senin (4/3/2024)", "... di Pengadilan Negeri X")?"""
    for k in known:
        if k.type == "Date" and k.value and "relative" not in k.qualifiers:
            return True
        if k.type in ("Place", "Organization") and k.start >= pos and AT_PLACE.search(text[max(0, k.start - 20):k.start]):
            return True
    return False


@cache
def _election_forms() -> frozenset[str]:
    return frozenset(f.casefold() for f in _config()["elections"])


def _inside_acronym_name(text: str, m) -> bool:
    """Is the election word the last word of a longer name spelled by the acronym after it
    ("Kode Etik Penyelenggara Pemilu (KEPP)", "Sistem Informasi Pemilu (Sipol)")?"""
    from ..text import _initials_fit

    p = PAREN.match(text, m.end())
    if not p:
        return False
    acronym = p.group(1)
    if len(acronym) < 3 or acronym.casefold() in _election_forms():
        return False  # "Pemilihan Umum (Pemilu)" is the election itself
    words = text[max(0, m.start() - 80):m.end()].split()
    own = len(m.group(1).split())
    return any(_initials_fit(words[-n:], acronym) for n in range(own + 1, min(len(words), own + 6) + 1))


def _form(word: str, table: dict) -> str:
    """The table's spelling of ``word``, compared as the case-blind regex compares it
    ("PEMİLU" and "Pemılu" are "Pemilu")."""
    low = fold_for_anchors(word)
    for f in table:
        if fold_for_anchors(f) == low:
            return f
    return word


def _next_cap(text: str, pos: int) -> bool:
    t = TOKEN.match(text, pos)
    return bool(t and t.group(1)[0].isupper())


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _variants(label: str) -> set[str]:
    """"Rapat Koordinasi (Rakor) Bidang X" -> also "Rapat Koordinasi Bidang X", "Rakor Bidang X"."""
    out = {label}
    m = re.search(r"^(.*?)\s*\(\s*([^()]+?)\s*\)\s*(.*)$", label)
    if m:
        before, acr, after = m.groups()
        out.add(squash(f"{before} {after}"))
        if after.strip():  # "Rakor ... (BKN)" is not itself named "BKN"
            out.add(squash(f"{acr} {after}"))
    return out
