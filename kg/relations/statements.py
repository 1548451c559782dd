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
from bisect import bisect_left, bisect_right
from functools import cache

from .. import gazetteer
from ..data import load_yaml
from ..model import Evidence, Statement
from ..text import alternation, squash
from .occasion import elsewhere_sentences, next_quote
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
    ahead: dict[str, int] = {}   # the next place of each opening mark at or after pos (-1: none)
    while pos < end:
        best = next_quote(text, pos, end, OPEN_CLOSE, ahead)
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
    starts = [s[0] for s in speakers]   # speakers sorted by start: found by bisection, not by a scan
    found: list[Statement] = []
    quoted: list[tuple[int, int]] = []
    last: tuple[int, str] | None = None    # (where, who) of the last quote's speaker
    # people said to speak in narrative ("X mengatakan"): "ujarnya" may stand for them
    said = [(s, key) for s, e, key in speakers if speech_re.match(text, _skip(text, e))]
    said_starts = [x[0] for x in said]

    def who_after(pos: int) -> str | None:
        m = after_re.match(text[pos:pos + 80])
        if m:
            if m.group("nya") or m.group("pron") or m.group(0).rstrip().endswith("nya"):
                return "last"
            tail = pos + m.end()
            i = bisect_left(starts, tail)
            return speakers[i][2] if i < len(speakers) and speakers[i][0] <= tail + 3 else None
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
        for i in range(bisect_left(starts, sent.start), bisect_right(starts, qstart)):
            if speakers[i][1] <= qstart:
                return speakers[i][2]
        return None

    for qs, qe, close in _quotes(text, body_start, body_end):
        who = who_after(close) or who_before(qs - 1)
        if who == "last":  # "ujarnya": a speaker named before the quote in its sentence, else the last speaker
            sent = sentence_of(qs)
            prior = next((speakers[i] for i in range(bisect_right(starts, qs) - 1, -1, -1) if speakers[i][1] <= qs),
                         None)
            if prior is not None and sent is not None and prior[0] >= sent.start:
                who = prior[2]
            else:
                k = bisect_left(said_starts, qs)
                earlier = ([said[k - 1]] if k else []) + ([last] if last else [])
                who = max(earlier)[1] if earlier else (prior[2] if prior else None)
        if not who:
            continue
        last = (qs, who)
        quoted.append((qs, qe))
        found.append(_make(doc, who, text, qs, qe, spoke, sentence_of, elsewhere, direct=True))
    # reported speech: "X mengatakan, ...", "Menurut X, ..."
    for sent in doc.sentences:
        if art.title_span and sent.start == art.title_span[0]:
            continue
        i = bisect_left(quoted, (sent.end,))   # quotations come in text order, without overlaps
        if i and quoted[i - 1][1] > sent.start:
            continue
        s_text = sent.text
        who = None
        words_from = None
        m = menurut_re.match(s_text)
        if m:
            at = sent.start + m.end()
            first = speakers[bisect_left(starts, at):bisect_right(starts, at)]
            comma = s_text.find(",", m.end())
            if first and comma > 0:
                who, words_from = first[0][2], sent.start + comma + 1
        else:
            for s, e, key in speakers[bisect_left(starts, sent.start):bisect_right(starts, sent.end)]:
                if e > sent.end:
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
    return _SKIP.match(text, pos).end()


_SKIP = re.compile(r"[\s,]*(?:juga\s+|pun\s+|kembali\s+)?")


def _make(doc, who, text, start, end, spoke, sentence_of, elsewhere, *, direct) -> Statement:
    """A statement; said at the speaker's event unless its sentence says it was said
    earlier or elsewhere ("Sebelumnya, ...", "... kepada wartawan")."""
    sent = sentence_of(start)
    ev = Evidence(doc.article.id, sent.index if sent else 0, start, end)
    at = None if sent is not None and sent.index in elsewhere else spoke.get(who)
    return Statement(who, squash(text[start:end]).strip(" ,"), ev, at, direct)


def _sentence_index(doc):
    spans = [(s.start, s.end, s) for s in doc.sentences]
    ordered = sorted(spans, key=lambda x: (x[0], x[1]))
    starts = [a for a, _, _ in ordered]
    apart = all(ordered[i][1] <= ordered[i + 1][0] for i in range(len(ordered) - 1))

    def find(pos: int):
        if apart:  # sentences do not overlap (always, from make_doc): found by bisection
            i = bisect_right(starts, pos) - 1
            return ordered[i][2] if i >= 0 and pos < ordered[i][1] else None
        for a, b, s in spans:
            if a <= pos < b:
                return s
        return None

    return find


@cache
def _verb_after_re() -> re.Pattern:
    return re.compile(r"^[\s,]*(?:" + alternation(gazetteer.vocab()["attribution_verbs"]) + r")")
