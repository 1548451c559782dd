"""Document-level setting, computed before extraction: the article's main regions
(to scope "Setdako", "Polres", "Sekda" written without a region), the years it
implies, and the reference date for short law names and partial dates."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache

from .extract.lexicon import find

YEAR = re.compile(r"(?<![\d/.,-])(19[89]\d|20\d\d)(?![\d/.,-]\d)")


def document_setting(doc) -> None:
    art = doc.article
    pieces = [art.text[s:e] for s, e in ((se.start, se.end) for se in doc.sentences)]
    if art.dateline:
        pieces.append(art.dateline)
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for piece in pieces:
        for hit in find(piece):
            regions = [e for e in hit.entries if e.cat == "region"]
            if not regions or hit.has("agency"):
                continue
            prefixed = [e for e in regions if e.prefixed]
            chosen = prefixed or regions
            weight = 1.0 / len({e.ref.code for e in chosen})
            for e in chosen:
                counts[e.ref.code] += weight
                kinds[e.ref.code] = e.ref.kind
    specific = {"city": 0, "regency": 0, "province": 1}
    doc.region_codes = tuple(sorted(counts, key=lambda c: (-counts[c], specific[kinds[c]], c)))
    years = Counter(int(y) for piece in pieces for y in YEAR.findall(piece))
    doc.year_hint = art.published.year if art.published else implied_year(doc)
    if art.published:
        doc.reference_date = art.published
    elif years:
        # the latest year the article speaks of, minus one when it looks ahead ("jelang Pemilu 2024")
        doc.reference_date = dt.date(max(years), 1, 1)
    else:
        doc.reference_date = None


def implied_year(doc) -> int | None:
    """The year of the article's own partial dates ("Kamis (13/7)"), read from their
    weekdays and the years the article mentions, when no publication date is given."""
    from .extract.dates import DateExtractor

    text = date_windows("\n".join(s.text for s in doc.sentences))
    years = [int(m.value[:4]) for m in DateExtractor()(text) if m.value and "relative" in m.qualifiers]
    return Counter(years).most_common(1)[0][0] if years else None


# Where the date extractor can find anything in an undated text. Every date it reads holds a
# day: a run of one or two digits ("13/7", "6 Februari", "22-23/5"); every year it weighs is a
# run of four. What a match depends on lies within a bounded reach of its day: a weekday, a
# month, a range word, "hari", punctuation, a year and the look-arounds (whitespace aside,
# which is kept whole). So the text cut to a window of that reach around each day (a few
# characters around each year), cut only at whitespace, windows joined by a newline, gives the
# extractor the same dates and years in the same order, in a fraction of the text.
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=1)
def _reach() -> tuple[re.Pattern, re.Pattern]:
    """Matchers of a day's and a year's context: so many non-space characters, then to the
    end of the word and the space after it."""
    from .extract.dates import calendar

    cal = calendar()
    longest = lambda words: max(map(len, words))  # noqa: E731
    day = (2 * longest(cal.weekdays) + 2 * longest(cal.months) + longest(cal.range_separators)
           + 2 * len("hari ") + 40)   # 40: the digits, punctuation, look-arounds, one per space run
    return (re.compile(r"(?:\s*\S){0,%d}\S*\s*" % day), re.compile(r"(?:\s*\S){0,4}\S*\s*"))


def date_windows(text: str) -> str:
    """``text`` cut to the windows where the date extractor can find a day or a year (see above)."""
    day, year = _reach()
    backwards = None
    windows: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        width = m.end() - m.start()
        reach = day if width <= 2 else year if width == 4 else None
        if reach is None:
            continue
        if backwards is None:
            backwards = text[::-1]
        start = len(text) - reach.match(backwards, len(text) - m.start()).end()
        end = reach.match(text, m.end()).end()
        while windows and start <= windows[-1][1]:   # overlapping windows are one
            a, b = windows.pop()
            start, end = min(a, start), max(b, end)
        windows.append((start, end))
    return "\n".join(text[a:b] for a, b in windows)
