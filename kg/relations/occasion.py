"""Whether what is said in a sentence was said at the article's event.

A speaker quoted at the event spoke at it; speech the article reports as earlier or
elsewhere did not: "Sebelumnya, Bupati X mengatakan ...", "... kata X saat
dikonfirmasi", "... ujarnya kepada wartawan", "... melalui pesan WhatsApp". Such a
sentence is *elsewhere*, and so are the sentences after it that go on with the same
speaker (a pronoun, "-nya", the same name, a quote) until a sentence names an event
or brings in someone else. Events named inside a quotation are what the speaker
talks about, not where they speak ("“... kita laksanakan bimbingan teknis,” kata X").
The cue words are in ``kg/data/occasion.yaml``.
"""
from __future__ import annotations

import re
from functools import cache

from ..data import load_yaml
from ..match import PrefilteredRegex
from ..text import alternation

QUOTE_PAIRS = (("“", "”"), ("‘’", "’’"), ("''", "''"), ('"', '"'))


@cache
def _cues() -> tuple["re.Pattern | _AfterNonWord", PrefilteredRegex]:
    cfg = load_yaml("occasion.yaml")
    if all(re.match(r"\w", w) for w in cfg["openers"]):
        # "^\W*(?:...)" where every opener begins with a letter: the opener can only begin where
        # the leading non-word characters end (not at each of them in turn, which a sentence
        # opening with a long blanked quotation makes slow)
        opener = _AfterNonWord(re.compile(rf"(?:{alternation(cfg['openers'])})\b\s*,?", re.IGNORECASE))
    else:
        opener = re.compile(rf"^\W*(?:{alternation(cfg['openers'])})\b\s*,?", re.IGNORECASE)
    anywhere = re.compile(rf"(?<![\w-])(?:{alternation(cfg['anywhere'])})(?![\w-])|{cfg['to_site']}", re.IGNORECASE)
    # run only on sentences holding one of the phrases or a news domain
    return opener, PrefilteredRegex(anywhere, [*cfg["anywhere"], ".com", ".id", ".net", ".org", ".news"])


_NON_WORD = re.compile(r"\W*")


class _AfterNonWord:
    """``match(text)``: ``pattern`` matched where the leading non-word characters end."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern

    def match(self, text: str):
        return self.pattern.match(text, _NON_WORD.match(text).end())


def reported_elsewhere(text: str) -> bool:
    """Does the sentence say its speech was given earlier or elsewhere?"""
    opener, anywhere = _cues()
    return bool(opener.match(text)) or next(iter(anywhere.finditer(text)), None) is not None


def next_quote(text: str, pos: int, end: int, pairs, ahead: dict[str, int] | None = None):
    """The first opening mark of ``pairs`` in ``text[pos:end]`` as ``(index, open, close)``,
    or None. ``ahead`` (kept by the caller across calls with a growing ``pos``) remembers
    where each mark was found, so a long text is not searched again for it."""
    ahead = {} if ahead is None else ahead
    best = None
    for o, c in pairs:
        i = ahead.get(o)
        if i is None or 0 <= i < pos:
            i = ahead[o] = text.find(o, pos, end)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, o, c)
    return best


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans inside quotation marks in ``text[start:end]`` (a quote may run over
    several sentences; an unclosed quote runs to the end of its paragraph)."""
    out: list[tuple[int, int]] = []
    pos = start
    ahead: dict[str, int] = {}
    while pos < end:
        best = next_quote(text, pos, end, QUOTE_PAIRS, ahead)
        if best is None:
            break
        i, o, c = best
        j = text.find(c, i + len(o), end)
        para = text.find("\n\n", i, end)
        if j < 0 or (para >= 0 and para < j):
            stop = para if para >= 0 else end
            out.append((i, stop))
            pos = stop
            continue
        out.append((i, j + len(c)))
        pos = j + len(c)
    return out


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def article_quotes(doc) -> list[tuple[int, int]]:
    """The quotation spans of the article's body (computed once per article)."""
    cached = getattr(doc, "_quote_spans", None)
    if cached is None:
        art = doc.article
        body_start = art.body[0][0] if art.body else 0
        body_end = art.body[-1][1] if art.body else len(art.text)
        cached = doc._quote_spans = quote_spans(art.text, body_start, body_end)
    return cached


def elsewhere_sentences(doc, *, is_election=lambda key: False) -> set[int]:
    """Indices of the sentences whose speech was not given at the article's event
    (computed once per article, after resolution)."""
    cached = getattr(doc, "_elsewhere", None)
    if cached is None:
        cached = doc._elsewhere = _elsewhere(doc, is_election)
    return cached


def _elsewhere(doc, is_election) -> set[int]:
    art = doc.article
    quotes = article_quotes(doc)
    by_sentence: dict[int, list] = {}
    for r in doc.resolved:
        by_sentence.setdefault(r.sentence.index, []).append(r)
    out: set[int] = set()
    speakers: set[str] | None = None   # who goes on speaking elsewhere (None: nobody)
    for sent in doc.sentences:
        rs = by_sentence.get(sent.index, [])
        people = {r.key for r in rs if r.mention.type == "Person"}
        named = [r for r in rs if r.mention.type == "Event" and not is_election(r.key)
                 and not inside(quotes, r.mention.start, r.mention.end)]
        if reported_elsewhere(_outside(art.text, sent.start, sent.end, quotes)):
            out.add(sent.index)
            speakers = people or (speakers if speakers is not None else set())
            continue
        if speakers is None:
            continue
        if named or (people and not people <= speakers):
            speakers = None
            continue
        out.add(sent.index)
    return out


def _outside(text: str, start: int, end: int, quotes) -> str:
    """The sentence with its quoted words blanked: a cue inside a quote is the speaker's."""
    spans = [(max(a, start), min(b, end)) for a, b in quotes if a < end and start < b]
    if not spans:
        return text[start:end]
    chars = list(text[start:end])
    for a, b in spans:
        chars[a - start:b - start] = " " * (b - a)
    return "".join(chars)
