"""Who spoke at, attended and organized the event, read from the cues of each sentence.

For every person or organization in a sentence, the nearest cue before it and the
nearest verb after it decide its role:

* after "dihadiri (oleh)", "didampingi", "seperti": attended;
* after "narasumber", "dipimpin", "dibuka oleh", "memberikan materi": spoke at;
* after "melantik": attended (the person installed);
* before a verb of saying or opening ("mengatakan", "membuka", "memimpin"): spoke at;
* before "mengikuti", "menghadiri", "hadir": attended;
* after a quote attribution ("kata Sulaiman"): spoke at.

Pronoun attributions ("ujar dia", "tegasnya", "Ia berharap") stand for the last person
named. Organizations before "menggelar" / "mengadakan" or after "digelar oleh"
organized the event. The event is the one the sentence names, else the article's
main event; an article with no event gets no roles.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import gazetteer
from ..data import load_yaml
from . import add_fact, by_sentence
from .occasion import article_quotes, elsewhere_sentences, inside
from ..text import alternation

QUOTE = re.compile(r"[\"“”‘’]|''")
ACT_AFTER = re.compile(r"[\s,]*(?:(?:juga|telah|resmi|secara\s+resmi|kembali)\s+)*")




@cache
def _tables() -> list[tuple[list[str], str]]:
    """The cue words, by kind of cue, in order of precedence."""
    voc = gazetteer.vocab()
    roles = load_yaml("roles.yaml")
    nn = load_yaml("names.yaml")
    speech = set(voc["speech_verbs"]) | set(nn["subject_speech_verbs"]) | set(nn["subject_action_verbs"]) | set(voc["opening_verbs"])
    active_speech = {s for s in speech if not s.startswith("di") and " oleh" not in s}
    attribution = set(voc["attribution_verbs"])
    return [
        (roles["presenter_cues"], "present"),
        (roles["attendee_cues"], "attend-after"),
        (roles["attending_object_verbs"], "attend-object"),
        (roles["accompany_verbs"], "accompany"),
        (roles["attending_subject_verbs"], "attend-subject"),
        (roles["organizer_object_cues"], "organize-after"),
        (roles["organizer_subject_verbs"], "organize-subject"),
        (sorted(attribution), "attribution"),
        (sorted(active_speech), "speak-subject"),
    ]


@cache
def cues() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])"), kind) for words, kind in _tables()]


@cache
def _cue_words():
    """One automaton of every cue word (as written: the cue regexes are case-sensitive),
    each with its length and the indices of the cue tables it belongs to."""
    import ahocorasick

    where: dict[str, set[int]] = {}
    for i, (words, _) in enumerate(_tables()):
        for w in words:
            where.setdefault(w, set()).add(i)
    auto = ahocorasick.Automaton()
    for w, idx in where.items():
        auto.add_word(w, (len(w), tuple(sorted(idx))))
    auto.make_automaton()
    return auto


@cache
def _pronoun_re() -> re.Pattern:
    roles = load_yaml("roles.yaml")
    voc = gazetteer.vocab()
    nya = [a for a in voc["attribution_verbs"] if a.endswith("nya")]
    pron = alternation(roles["pronouns"])
    return re.compile(rf"(?<![\w-])(?:(?:{pron})(?=\s+(?:juga\s+|pun\s+)?[a-z]+)|(?:{alternation(nya)}))(?![\w-])")


@lru_cache(maxsize=256)   # the roles and the citations read the cues of the same sentences
def find_cues(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The cues of ``text`` (a sentence at ``offset``): (start, end, kind), in order. What
    each cue regex of :func:`cues` finds (a cue word with no word character or hyphen on
    either side; at one place the longest; left to right), a cue overlapping one of an
    earlier table dropped; read off one automaton pass. Callers share the list: they must
    not change it."""
    tables = cues()
    hits: list[list[tuple[int, int]]] = [[] for _ in tables]
    n = len(text)
    for last, (size, idx) in _cue_words().iter(text):
        start, end = last + 1 - size, last + 1
        if start and (text[start - 1].isalnum() or text[start - 1] in "_-"):
            continue
        if end < n and (text[end].isalnum() or text[end] in "_-"):
            continue
        for i in idx:
            hits[i].append((start, -size))
    found = []
    taken: list[tuple[int, int]] = []
    for i, (_, kind) in enumerate(tables):
        pos = 0
        for start, minus in sorted(hits[i]):
            if start < pos:
                continue
            pos = start - minus   # the regex goes on after its match
            s, e = offset + start, offset + pos
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            found.append((s, e, kind))
    return sorted(found)


def role_of(start: int, end: int, found, *, is_person: bool, text: str = "", offset: int = 0) -> str | None:
    before = [c for c in found if c[1] <= start]
    after = [c for c in found if c[0] >= end and c[2] in ("speak-subject", "attend-subject", "organize-subject",
                                                           "accompany")]
    prev = before[-1][2] if before else None
    nxt = after[0][2] if after else None
    first_after = next((c for c in found if c[0] >= end), None)
    if is_person and first_after and first_after[2] == "attend-object" and text and \
            len(text[end - offset:first_after[0] - offset].split()) <= 2 and prev != "attend-after":
        return "spokeAt"   # "Bupati X melantik ...": who installs leads the installation
    if prev == "attend-after":
        return "attended"
    if prev == "present":
        return "spokeAt"
    if prev in ("attend-object", "accompany"):
        return "attended" if is_person else None   # "melantik X": the people installed, not the body
    if prev == "organize-after" and not is_person:
        return "organizedBy"
    if nxt == "speak-subject" and is_person:
        return "spokeAt"
    if nxt == "attend-subject" or (nxt == "accompany" and is_person):
        return "attended"
    if nxt == "organize-subject" and not is_person:
        return "organizedBy"
    if prev == "attribution" and is_person:
        return "spokeAt"
    if prev == "organize-subject" and not is_person and text:
        between = text[before[-1][1] - offset:start - offset]
        if re.search(r"\b(?:dengan|bersama)\b", between):
            return "attended"  # "Polres menggelar rakor dengan KPU ..."
    return None


def roles(doc) -> None:
    main = getattr(doc, "main_event", None)
    if main is None:
        return
    sentences = by_sentence(doc)
    holder = holders(doc)
    last_person: str | None = None
    last_speaker: str | None = None   # "ujarnya", "Ia menyatakan" stand for the last speaker, else the last person
    listed: set[tuple[str, str]] = set()   # (person, event) attended by being listed among guests
    elsewhere = elsewhere_sentences(doc, is_election=is_election)   # speech given earlier or elsewhere
    quotes = article_quotes(doc)
    for sent in doc.sentences:
        rs = sentences.get(sent.index, [])
        named = [r for r in rs if r.mention.type == "Event" and not is_election(r.key)
                 and not inside(quotes, r.mention.start, r.mention.end)]   # an event in a quote is a topic
        event = named[0].key if named else main
        found = find_cues(sent.text, sent.start)
        office_spans = [(r.mention.start, r.mention.end) for r in rs if r.mention.type in ("Office", "Event")]
        persons = [r for r in rs if r.mention.type == "Person"]
        # pronouns and "-nya" attributions stand for the last person named
        actors = [(r.mention.start, r.mention.end, r.key, True) for r in persons]
        covered = [(r.mention.start, r.mention.end) for r in persons]
        for r in rs:  # an office named alone stands for its holder: "kata Bupati Bondowoso"
            if r.mention.type == "Office" and r.key in holder and \
                    not any(a <= r.mention.end and r.mention.start <= b + 3 for a, b in covered):
                actors.append((r.mention.start, r.mention.end, holder[r.key], True))
        for m in _pronoun_re().finditer(sent.text):
            s = sent.start + m.start()
            earlier = [r for r in persons if r.mention.end <= s]
            who = earlier[-1].key if earlier else (last_speaker or last_person)
            if who:
                actors.append((s, sent.start + m.end(), who, True))
        quoted = bool(QUOTE.search(sent.text))
        for s, e, key, _ in sorted(actors):
            role = role_of(s, e, found, is_person=True, text=sent.text, offset=sent.start)
            if role is None and quoted and len({a[2] for a in actors}) == 1:
                role = "spokeAt"
            if role is None and _is_nya(sent.text, s - sent.start):
                role = "spokeAt"
            if role == "attended" and not named:
                continue  # taking part needs the sentence to name the event
            if role == "spokeAt":
                last_speaker = key
            if role == "spokeAt" and not named and sent.index in elsewhere:
                continue  # "Sebelumnya, X mengatakan ...": not said at the article's event
            if role == "spokeAt":
                target = _occasion(named, s, e, doc.article.text) or main
            elif role == "attended" and named:
                # "rapat ..., dihadiri oleh X": the event before the guest list; "X menghadiri Rakor": the one after
                target = _event_near(named, s) if _listed(found, s) else (_event_after(named, e) or _event_near(named, s))
            else:
                target = event
            if role in ("spokeAt", "attended"):
                add_fact(doc, key, role, target, sent, s, e)
                if role == "attended" and _listed(found, s):
                    listed.add((key, target))
            if role == "spokeAt" and _attends_too(found, e):
                add_fact(doc, key, "attended", target, sent, s, e)
        orgs = [r for r in rs if r.mention.type == "Organization"]
        for r in orgs:
            m = r.mention
            if any(a <= m.start and m.end <= b for a, b in office_spans):
                continue
            if any(o is not r and o.mention.start <= m.start and m.end <= o.mention.end
                   and (o.mention.start, o.mention.end) != (m.start, m.end) for o in orgs):
                continue  # "Asosiasi ..." inside "DPC Asosiasi ... Kabupaten X": the outer body acts
            role = role_of(m.start, m.end, found, is_person=False, text=sent.text, offset=sent.start)
            if not named:
                continue  # a body's role needs the sentence to name the event
            acts = [n for n in named if "verb" in n.mention.qualifiers and n.mention.start >= m.end
                    and ACT_AFTER.fullmatch(doc.article.text[m.end:n.mention.start])]
            if role is None and acts:   # "KPU Kabupaten X melantik 50 PPK": the body holds the installation
                add_fact(doc, acts[0].key, "organizedBy", r.key, sent, m.start, m.end)
                continue
            if role == "organizedBy" and not _after_cue(found, m.start, "organize-after"):
                target = _event_after(named, m.end)   # "Pemkab X menggelar sosialisasi"
            else:                                      # "workshop yang digelar oleh Pemkot"
                target = _event_near(named, m.start)
            if target is None:
                continue
            if role == "attended":
                add_fact(doc, r.key, "attended", target, sent, m.start, m.end)
            elif role == "organizedBy":
                add_fact(doc, target, "organizedBy", r.key, sent, m.start, m.end)
        if actors:
            last_person = sorted(actors)[-1][2]
    # a guest who is also said to speak spoke at the event; "attended" is for those who did not
    spoke = {(f.relation.subject, f.relation.object) for f in doc.graph.facts if f.relation.predicate == "spokeAt"}
    doc.graph.facts[:] = [f for f in doc.graph.facts if not (
        f.relation.predicate == "attended" and (f.relation.subject, f.relation.object) in spoke
        and (f.relation.subject, f.relation.object) in listed)]


@cache
def _speech_verbs() -> re.Pattern:
    voc = gazetteer.vocab()
    words = {w for w in voc["speech_verbs"] if not w.startswith(("di", "dalam"))}
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])")


def _occasion(named, start: int, end: int, text: str):
    """The event a speaker spoke at among those the sentence names: one named before the
    speaker ("Dalam Rakor itu, X mengatakan"), else one after it that no verb of saying
    stands before ("X membuka Rakor ..."); an event in what the speaker says is a topic
    ("X mengatakan terdakwa melaksanakan studi banding"). None: the article's event."""
    before = [r for r in named if r.mention.end <= start]
    if before:
        return before[-1].key
    for r in named:
        if r.mention.start >= end and not _speech_verbs().search(text, end, r.mention.start):
            return r.key
    return None


def _is_nya(text: str, pos: int) -> bool:
    return text[pos:pos + 40].split(" ")[0].rstrip(",.;").endswith("nya")


def _attends_too(found, end: int) -> bool:
    """"tegasnya, usai mengikuti Rakor": the speaker also attended."""
    after = [c for c in found if c[0] >= end]
    return bool(after) and after[0][2] == "attend-subject"


def is_election(key: str) -> bool:
    return key.startswith(("event:pemilu", "event:pilkada"))


def holders(doc) -> dict[str, str]:
    """Office key -> the person the article says holds it."""
    out = {}
    for r in doc.resolved:
        if r.mention.type == "Person":
            for p, target in r.mention.links:
                if p == "holdsOffice":
                    out.setdefault(target, r.key)
    return out


def _after_cue(found, start: int, kind: str) -> bool:
    before = [c for c in found if c[1] <= start]
    return bool(before) and before[-1][2] == kind


def _listed(found, start: int) -> bool:
    before = [c for c in found if c[1] <= start]
    return bool(before) and before[-1][2] == "attend-after"


def _event_near(named, pos: int):
    """The event named closest before a body ("menggelar rakor dengan KPU X")."""
    before = [r for r in named if r.mention.end <= pos]
    return before[-1].key if before else (named[0].key if named else None)


def _event_after(named, pos: int):
    """The event an organizing verb governs: the first one named after the organizer."""
    after = [r for r in named if r.mention.start >= pos]
    return after[0].key if after else None
