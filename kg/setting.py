"""Document-level setting, computed before extraction: the article's main regions
(to scope "Setdako", "Polres", "Sekda" written without a region), the years it
implies, and the reference date for short law names and partial dates."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

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

    text = "\n".join(s.text for s in doc.sentences)
    years = [int(m.value[:4]) for m in DateExtractor()(text) if m.value and "relative" in m.qualifiers]
    return Counter(years).most_common(1)[0][0] if years else None
