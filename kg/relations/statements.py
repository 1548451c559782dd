"""Who said what: every direct quote and every piece of reported speech becomes a
``Statement`` (speaker, words, article span, the event it was said at).

* A quotation ("“...”", "\\"...\\"", "‘’...’’") is attributed by the words after it
  ("kata Sulaiman", "ujar dia", "tegasnya", "kata Bupati Bondowoso") or, failing that,
  by a speaker and a verb of saying before it in the same sentence
  ("Sulaiman mengatakan, “...”"). Pronouns and "-nya" stand for the last speaker.
* Reported speech: a person followed by a verb of saying ("Sulaiman mengatakan,
  Indonesia tengah bersiap ...") or "Menurut X, ..." gives the rest of the sentence.
* The event is the one the speaker spoke at in this article, if any, unless the
  sentence reports the words as said earlier or elsewhere (``occasion.py``).
A quote nobody can be found for is left out.
"""
from __future__ import annotations

import re
from functools import cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Evidence, Statement
from ..text import alternation, squash
from .occasion import elsewhere_sentences
from .roles import holders, is_election

OPEN_CLOSE = (("“", "”"), ("‘’", "’’"), ("''", "''"), ('"', '"'), ("‘", "’"))
MIN_QUOTE = 12


@cache
def _regexes():
    voc = gazetteer.vocab()
    nn = load_yaml("names.yaml")
    roles = load_yaml("roles.yaml")
    attribution = alternation(voc["attribution_verbs"])
    speech = alternation({s for s in set(voc["speech_verbs"]) | set(nn["subject_speech_verbs"]) if " " not in s
                          and not s.startswith("di")})
    pronouns = alternation(roles["pronouns"])
    after = re.compile(rf"^[\s,]*(?:{attribution})\b(?P<nya>nya)?(?:\s+(?P<pron>{pronouns})\b)?", re.IGNORECASE)
    nya = re.compile(r"^[\s,]*[a-z]+nya\b")
    speech_re = re.compile(rf"\b(?:{speech})\b\s*(?:bahwa\b)?\s*,?\s*")
    menurut = re.compile(r"^(?:Menurut|Kata)\s+")
    return after, nya, speech_re, menurut


def _quotes(text: str, start: int, end: int):
    """(open, close) spans of quotations inside [start, end)."""
    out = []
    pos = start
    while pos < end:
        best = None
        for o, c in OPEN_CLOSE:
            i = text.find(o, pos, end)
            if i >= 0 and (best is None or i < best[0]):
                best = (i, o, c)
        if best is None:
            break
        i, o, c = best
        j = text.find(c, i + len(o), end)
        if j < 0:
            break
        inner_s, inner_e = i + len(o), j
        if inner_e - inner_s >= MIN_QUOTE:
            out.append((inner_s, inner_e, j + len(c)))
        pos = j + len(c)
    return out


def statements(doc) -> None:
    if doc.graph is None:
        return
    after_re, nya_re, speech_re, menurut_re = _regexes()
    art = doc.article
    text = art.text
    holder = holders(doc)
    people = sorted(((r.mention.start, r.mention.end, r.key) for r in doc.resolved if r.mention.type == "Person"))
    offices = sorted(((r.mention.start, r.mention.end, holder[r.key]) for r in doc.resolved
                      if r.mention.type == "Office" and r.key in holder))
    speakers = sorted(people + offices)
    spoke = {f.relation.subject: f.relation.object for f in doc.graph.facts if f.relation.predicate == "spokeAt"}
    body_start = art.body[0][0] if art.body else 0
    body_end = art.body[-1][1] if art.body else 0
    sentence_of = _sentence_index(doc)
    elsewhere = elsewhere_sentences(doc, is_election=is_election)
    found: list[Statement] = []
    quoted: list[tuple[int, int]] = []
    last: tuple[int, str] | None = None    # (where, who) of the last quote's speaker
    # people said to speak in narrative ("X mengatakan"): "ujarnya" may stand for them
    said = [(s, key) for s, e, key in speakers if speech_re.match(text, _skip(text, e))]

    def who_after(pos: int) -> str | None:
        m = after_re.match(text[pos:pos + 80])
        if m:
            if m.group("nya") or m.group("pron") or m.group(0).rstrip().endswith("nya"):
                return "last"
            tail = pos + m.end()
            nxt = [s for s in speakers if tail <= s[0] <= tail + 3]
            return nxt[0][2] if nxt else None
        if nya_re.match(text[pos:pos + 40]) and _verb_after_re().match(text[pos:pos + 40]):
            return "last"
        return None

    def who_before(qstart: int) -> str | None:
        sent = sentence_of(qstart)
        if sent is None:
            return None
        lead = text[sent.start:qstart]
        if not speech_re.search(lead):
            return None
        cands = [s for s in speakers if sent.start <= s[0] and s[1] <= qstart]
        return cands[0][2] if cands else None

    for qs, qe, close in _quotes(text, body_start, body_end):
        who = who_after(close) or who_before(qs - 1)
        if who == "last":  # "ujarnya": a speaker named before the quote in its sentence, else the last speaker
            sent = sentence_of(qs)
            prior = [s for s in speakers if s[1] <= qs]
            here = [s for s in prior if sent is not None and s[0] >= sent.start]
            earlier = [x for x in said if x[0] < qs] + ([last] if last else [])
            who = here[-1][2] if here else (max(earlier)[1] if earlier else (prior[-1][2] if prior else None))
        if not who:
            continue
        last = (qs, who)
        quoted.append((qs, qe))
        found.append(_make(doc, who, text, qs, qe, spoke, sentence_of, elsewhere, direct=True))
    # reported speech: "X mengatakan, ...", "Menurut X, ..."
    for sent in doc.sentences:
        if art.title_span and sent.start == art.title_span[0]:
            continue
        if any(a < sent.end and sent.start < b for a, b in quoted):
            continue
        s_text = sent.text
        who = None
        words_from = None
        m = menurut_re.match(s_text)
        if m:
            first = [s for s in speakers if s[0] == sent.start + m.end()]
            comma = s_text.find(",", m.end())
            if first and comma > 0:
                who, words_from = first[0][2], sent.start + comma + 1
        else:
            for s, e, key in speakers:
                if not (sent.start <= s and e <= sent.end):
                    continue
                v = speech_re.match(text, e) or speech_re.match(text, _skip(text, e))
                if v and v.start() - e <= 40:
                    who, words_from = key, v.end()
                    break
        if who and words_from is not None and sent.end - words_from >= MIN_QUOTE:
            ws = _skip(text, words_from)
            found.append(_make(doc, who, text, ws, sent.end, spoke, sentence_of, elsewhere, direct=False))
    doc.graph.statements.extend(found)


def _skip(text: str, pos: int) -> int:
    m = re.match(r"[\s,]*(?:juga\s+|pun\s+|kembali\s+)?", text[pos:])
    return pos + (m.end() if m else 0)


def _make(doc, who, text, start, end, spoke, sentence_of, elsewhere, *, direct) -> Statement:
    """A statement; said at the speaker's event unless its sentence says it was said
    earlier or elsewhere ("Sebelumnya, ...", "... kepada wartawan")."""
    sent = sentence_of(start)
    ev = Evidence(doc.article.id, sent.index if sent else 0, start, end)
    at = None if sent is not None and sent.index in elsewhere else spoke.get(who)
    return Statement(who, squash(text[start:end]).strip(" ,"), ev, at, direct)


def _sentence_index(doc):
    spans = [(s.start, s.end, s) for s in doc.sentences]

    def find(pos: int):
        for a, b, s in spans:
            if a <= pos < b:
                return s
        return None

    return find


@cache
def _verb_after_re() -> re.Pattern:
    return re.compile(r"^[\s,]*(?:" + alternation(gazetteer.vocab()["attribution_verbs"]) + r")")
