"""Who attended the event: people and bodies said to take part without being said to speak.

Read from the cues of each sentence (vocabulary in ``kg/data/attendance.yaml``):

* a list after an attendance cue: "Turut hadir A, B dan C", "Hadir pula ...", "Hadir dalam
  kegiatan tersebut ...", "dihadiri (oleh) ...", "diikuti oleh ...", "didampingi ...",
  "disaksikan ...", "yang hadir yakni ...", "diwakili ..." (the representative): every
  person and body named in the list (``kg.coordination`` cuts it) attended;
* a subject before a verb of taking part: "Bupati A bersama Kapolres B menghadiri ...",
  "A turut hadir", "A mengikuti ...": every person and body of the subject phrase attended;
* the people installed: "melantik A sebagai ... dan B sebagai ...", and at an installation
  the people of a sentence that moves someone into an office ("A kini menjadi ...",
  "jabatan X diserahkan kepada B");
* the parties to a signing: "penandatanganan nota kesepahaman antara A dan B".

Absentees never attended (GUIDELINES, settled case 5): a cue under negation ("tidak
dihadiri A", "A tak hadir", "batal hadir", "berhalangan hadir") marks its people absent,
and any attended fact for them (from any rule) is removed. Whoever is said to speak at the
event spoke at it: a listed guest who also spoke keeps only spokeAt.

The event is the one the sentence names (an election is never attended this way), else
the article's main event; an article with no event gets no attendance.
"""
from __future__ import annotations

import re
from functools import cache

from ..coordination import split
from ..data import load_yaml
from ..text import trie_alternation as alternation
from . import add_fact, by_sentence
from .roles import holders

ACTOR_TYPES = ("Person", "Organization")


@cache
def _vocab():
    return load_yaml("attendance.yaml")


@cache
def _regexes():
    v = _vocab()
    word = lambda ws: rf"(?<![\w-])(?:{alternation(ws)})(?![\w-])"  # noqa: E731
    return {
        "list": re.compile(word(v["list_cues"]) + r"[\s:,]*", re.IGNORECASE),
        "subject": re.compile(word(v["subject_verbs"]), re.IGNORECASE),
        "installed": re.compile(word(v["installing_verbs"]) + r"\s+", re.IGNORECASE),
        "signing": re.compile(word(v["signing_cues"]), re.IGNORECASE),
        "rotation": re.compile(word(v["rotation_cues"]), re.IGNORECASE),
        "negation": re.compile(rf"{word(v['negations'])}\s+(?:\w+\s+)?$", re.IGNORECASE),
        "absent": re.compile(word(v["absence_phrases"]), re.IGNORECASE),
        "glue": re.compile(rf"^(?:[\s,()]|{word(v['subject_glue'])})*$", re.IGNORECASE),
        "skip_org": re.compile(rf"(?:{word(v['not_attending_before'])}|{word(v['office_heads'])}(?:\s+\S+)?)\s*$",
                               re.IGNORECASE),
        "clause_end": re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])\.(?=\s|$)|:\s|\s[-–]\s|[“”\"]"),
    }


# the cue regexes that read words only, and their words
_WORD_CUES = {"list": "list_cues", "subject": "subject_verbs", "installed": "installing_verbs",
              "signing": "signing_cues", "rotation": "rotation_cues", "absent": "absence_phrases"}
# the characters that match an ASCII letter when case is ignored yet lower-case to another
_ODD_CASE = ("İ", "ı", "ſ", "K")


@cache
def _cue_words():
    """(automaton of the lower-cased cue words -> the regexes they belong to, the regexes
    that must always run: those with a word not in ASCII)."""
    import ahocorasick

    v = _vocab()
    where: dict[str, set[str]] = {}
    always = set()
    for name, key in _WORD_CUES.items():
        if all(w.isascii() for w in v[key]):
            for w in v[key]:
                if w:
                    where.setdefault(w.lower(), set()).add(name)
        else:
            always.add(name)
    auto = ahocorasick.Automaton()
    for w, names in where.items():
        auto.add_word(w, frozenset(names))
    auto.make_automaton()
    return auto, frozenset(always)


def _may_match(text: str) -> set[str]:
    """The word cue regexes that can match in ``text``: those one of whose words is in it,
    ignoring case (one automaton pass instead of a regex scan each)."""
    if any(c in text for c in _ODD_CASE):
        return set(_WORD_CUES)
    auto, found = _cue_words()
    found = set(found)
    for _, names in auto.iter(text.lower()):
        found |= names
    return found


def _is_election(key: str) -> bool:
    return key.startswith(("event:pemilu", "event:pilkada", "event:pilgub", "event:pilbup", "event:pilwalkot"))


def _clause_end(text: str, pos: int) -> int:
    m = _regexes()["clause_end"].search(text, pos)
    return m.start() if m else len(text)


def attendance(doc) -> None:
    main = getattr(doc, "main_event", None)
    if main is None:
        return
    rx = _regexes()
    installing = bool(re.search(_vocab()["installation_event"], main))
    absent: set[tuple[str, str]] = set()
    attended: list[tuple[str, str, object, int, int]] = []
    sentences = by_sentence(doc)
    holder = holders(doc)
    for sent in doc.sentences:
        rs = sentences.get(sent.index, [])
        if not rs:
            continue
        text, off = sent.text, sent.start
        events = [r for r in rs if r.mention.type == "Event" and r.key and not _is_election(r.key)]
        actors = _actors(rs)
        if not actors:
            continue

        def event_for(pos: int) -> str:
            after = [r for r in events if r.mention.start - off >= pos]
            return (events[0].key if events else main) if not after else after[0].key

        def record(r, ev, negated):
            if negated:
                absent.add((r.key, ev))
            else:
                attended.append((r.key, ev, sent, r.mention.start, r.mention.end))

        # a list after a cue: "Turut hadir A, B dan C", "tidak dihadiri Kadis A"
        can = _may_match(text)
        for m in (rx["list"].finditer(text) if "list" in can else ()):
            negated = bool(rx["negation"].search(text[:m.start()]))
            end = _clause_end(text, m.end())
            ev = event_for(0) if not events else _event_named_near(events, off + m.start())
            for r in _members(text, off, m.end(), end, actors, rs, holder=holder):
                record(r, ev, negated)
        # a subject before a verb of taking part: "Bupati A bersama B menghadiri ..."
        elections = [r for r in rs if r.mention.type == "Event" and r.key and _is_election(r.key)]
        for m in (rx["subject"].finditer(text) if "subject" in can else ()):
            nxt = min((r for r in events + elections if r.mention.start - off >= m.end()),
                      key=lambda r: r.mention.start, default=None)
            if nxt is not None and nxt in elections:
                continue  # "Partai X ikut Pemilu 2024": taking part in an election is no attendance
            negated = bool(rx["negation"].search(text[:m.start()]))
            ev = event_for(m.end())
            for r in _subject(text, off, m.start(), actors, rs):
                record(r, ev, negated)
        # "A batal hadir", "A berhalangan hadir", "A absen"
        for m in (rx["absent"].finditer(text) if "absent" in can else ()):
            ev = event_for(0)
            for r in _subject(text, off, m.start(), actors, rs):
                absent.add((r.key, ev))
                absent.add((r.key, main))
        # the people installed, at an installation
        if installing or any(re.search(_vocab()["installation_event"], r.key) for r in events):
            for m in (rx["installed"].finditer(text) if "installed" in can else ()):
                end = _clause_end(text, m.end())
                ev = next((r.key for r in events if re.search(_vocab()["installation_event"], r.key)), main)
                for r in _members(text, off, m.end(), end, actors, rs, people_only=True):
                    record(r, ev, False)
        # at an installation, the people moved into an office: "A kini menjadi Asisten ...",
        # "jabatan Kepala Dinas X diserahkan kepada B"
        inst = next((r.key for r in events if re.search(_vocab()["installation_event"], r.key)),
                    main if installing else None)
        if inst and "rotation" in can and rx["rotation"].search(text):
            for r in actors:
                if r.mention.type == "Person":
                    record(r, inst, False)
        # the parties to a signing: "penandatanganan MoU antara Pemkab A dan Universitas B"
        for m in (rx["signing"].finditer(text) if "signing" in can else ()):
            g = re.compile(r"\b(?:antara|oleh|dengan)\s+").search(text, m.end())
            if g and g.start() - m.end() < 120:
                end = _clause_end(text, g.end())
                ev = event_for(0) if not events else _event_named_near(events, off + m.start())
                for r in _members(text, off, g.end(), end, actors, rs):
                    record(r, ev, False)
    spoke = {(f.relation.subject, f.relation.object) for f in doc.graph.facts if f.relation.predicate == "spokeAt"}
    for key, ev, sent, s, e in attended:
        if (key, ev) in absent or (key, ev) in spoke:
            continue
        add_fact(doc, key, "attended", ev, sent, s, e)
    # whatever rule said a person or body attended: never an absentee, never a body named
    # only as where the guests come from ("Kepala BKPSDM X", "pegawai di lingkungan Pemkab X")
    text = doc.article.text
    orgs = {k for k, e in doc.graph.entities.items() if e.type == "Organization"}

    def keep(f) -> bool:
        if f.relation.predicate != "attended":
            return True
        if (f.relation.subject, f.relation.object) in absent:
            return False
        if f.relation.subject in orgs:
            sent = doc.sentences[f.evidence.sentence]
            before = text[max(sent.start, f.evidence.start - 30):f.evidence.start]
            if rx["skip_org"].search(before):
                return False
        return True

    doc.graph.facts[:] = [f for f in doc.graph.facts if keep(f)]


def _actors(rs):
    """The persons and bodies of a sentence that can attend: a body inside an office or a
    person's span, or inside a longer body, is part of that name, not an attendee."""
    spans = [(r.mention.start, r.mention.end) for r in rs if r.mention.type in ("Office", "Person", "Event")]
    out = []
    for r in rs:
        m = r.mention
        if m.type not in ACTOR_TYPES or not r.key:
            continue
        if m.type == "Organization":
            if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in spans):
                continue
            if any(o is not r and o.mention.type == "Organization" and o.mention.start <= m.start
                   and m.end <= o.mention.end and (o.mention.start, o.mention.end) != (m.start, m.end) for o in rs):
                continue
        out.append(r)
    return out


def _members(text, off, start, end, actors, rs, *, people_only=False, holder=None):
    """The actors named in the list ``text[start:end]``, one or more per conjunct; an
    office named alone stands for the person the article says holds it."""
    rx = _regexes()
    protect = [(r.mention.start - off, r.mention.end - off) for r in rs]
    names = [(r.mention.start - off, r.mention.end - off) for r in rs
             if r.mention.type in ("Person", "Organization", "Office", "Place")]
    offices = [r for r in rs if r.mention.type == "Office"]
    out = []
    for c in split(text, start, end, protect=protect):
        found = False
        for o in offices:
            s = o.mention.start - off
            if c.start <= s < c.end and _near_start(text, c.start, s, names):
                found = True   # "dihadiri Gubernur, Bupati dan ...": the list goes on
                if holder and o.key in holder and not people_only and not any(
                        r.mention.type == "Person" and c.start <= r.mention.start - off < c.end for r in actors):
                    out.append(_Stand(holder[o.key], o.mention))
        for r in actors:
            s = r.mention.start - off
            if not (c.start <= s < c.end):
                continue
            if not _near_start(text, c.start, s, names):
                continue  # "... dalam rangka ... ke Balai X": not what the list names
            found = True
            if people_only and r.mention.type != "Person":
                continue
            if r.mention.type == "Organization" and rx["skip_org"].search(text[max(c.start, s - 30):s]):
                continue  # "pegawai di lingkungan Pemkab X": the staff, not the body
            out.append(r)
        if not found:
            break  # the list ends at the first member that names no one
    return out


class _Stand:
    """An office named alone, standing for its holder (a person key)."""

    __slots__ = ("key", "mention")

    def __init__(self, key, mention):
        self.key, self.mention = key, mention


def _near_start(text: str, start: int, pos: int, names) -> bool:
    """Is ``pos`` at the head of its conjunct: at most three words before it besides the
    names of offices, bodies and places ("para Kepala OPD dan ...", "unsur Forkopimcam")?"""
    chunk = list(text[start:pos])
    for a, b in names:
        lo, hi = max(a, start), min(b, pos)
        if lo < hi:
            chunk[lo - start:hi - start] = " " * (hi - lo)
    return len([w for w in "".join(chunk).split() if any(c.isalnum() for c in w)]) <= 3


def _subject(text, off, verb, actors, rs):
    """The actors of the subject phrase that ends at ``verb``: walking back over names,
    offices and glue words ("bersama", "dan", "didampingi", "turut", "juga")."""
    rx = _regexes()
    spans = sorted(((r.mention.start - off, r.mention.end - off, r) for r in rs
                    if r.mention.type in ("Person", "Organization", "Office", "Place")), key=lambda t: t[0])
    out = []
    pos = verb
    for s, e, r in reversed(spans):
        if e > pos:
            continue
        if not rx["glue"].match(text[e:pos]):
            break
        if r in actors:
            out.append(r)
        pos = min(pos, s)
    return out


def _event_named_near(events, pos: int) -> str:
    before = [r for r in events if r.mention.end <= pos]
    return before[-1].key if before else events[0].key
