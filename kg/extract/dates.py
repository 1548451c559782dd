"""Dates in Indonesian news text -> ``Mention(type="Date", value="YYYY-MM-DD")``.

Handles full dates ("Selasa (23/05/2023)", "Selasa, 6 Februari 2024", "07 Mar 2024 09:25",
"Senin (20/6/22)", "Selasa (30/9/ 2025)"), day/month without a year ("Kamis (13/7) kemarin",
"22 Maret", "hari ini (18/11)"), "hari ini" (the publication date), resolved
against the publication date, a year hint or the weekday, and ranges ("18-19 Juli 2020",
"22 s.d. 25 Mei 2023", "Senin 22 Mei hingga 25 Mei 2023") -> value "start/end".

Never produces a date from a bare year, a time, a sum of money or a document number.
Vocabulary lives in ``kg/data/calendar.yaml``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Sequence

import yaml

from ..match import PrefilteredRegex
from .. import prefilter
from ..prefilter import Anchors, probe, words_of
from ..model import Mention
from ..text import alternation

__all__ = ["DateExtractor", "infer_year", "year_candidates", "calendar"]

SOURCE = "dates"


@dataclass(frozen=True, slots=True)
class Calendar:
    weekdays: dict[str, int]
    months: dict[str, int]
    past: tuple[str, ...]
    future: tuple[str, ...]
    range_separators: tuple[str, ...]


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    """The vocabulary of ``kg/data/calendar.yaml``."""
    raw = yaml.safe_load(resources.files("kg.data").joinpath("calendar.yaml").read_text("utf-8"))
    return Calendar(
        weekdays={k.casefold(): int(v) for k, v in raw["weekdays"].items()},
        months={k.casefold(): int(v) for k, v in raw["months"].items()},
        past=tuple(raw["relative"]["past"]),
        future=tuple(raw["relative"]["future"]),
        range_separators=tuple(raw["range_separators"]),
    )




@dataclass(frozen=True, slots=True)
class _Patterns:
    full_text: re.Pattern[str]
    range_days: re.Pattern[str]
    range_months: re.Pattern[str]
    numeric: re.Pattern[str]
    numeric_range: re.Pattern[str]
    yearless_numeric: re.Pattern[str]
    relative_weekday: PrefilteredRegex
    year: re.Pattern[str]
    today: re.Pattern[str]
    future_after: re.Pattern[str]
    past_after: re.Pattern[str]
    # probes: a part every match of a pattern holds, simple enough to search fast
    month_anchors: Anchors            # range_months, range_days, full_text need a month name
    day_month: re.Pattern[str]        # ... after a day: "<digit> <month>"
    day_month_year: re.Pattern[str]   # numeric_range needs "<d>/<m>/"
    numeric_probe: re.Pattern[str]    # numeric needs "<d>/<m>/", "<d>.<m>." or "<d>-<m>-"
    yearless_probe: re.Pattern[str]   # yearless_numeric needs "(<d>/<m>)"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    cal = calendar()
    wd = rf"(?:{alternation(cal.weekdays)})"
    mon = rf"(?:{alternation(cal.months)})"
    sep = rf"\s*(?:{alternation(cal.range_separators)})\s*"
    # optional weekday prefix: "Selasa, ", "hari Senin ", "Sabtu, ("
    wd_prefix = rf"(?:(?:hari\s+)?(?P<wd>{wd})\s*,?\s*)?"
    day = r"(?<![\w./-])(?P<d>[0-3]?\d)"
    year = r"(?P<y>(?:19|20)\d\d)(?![\w/])"
    full_text = re.compile(
        rf"{wd_prefix}{day}\s+(?P<m>{mon})\.?(?:\s*,?\s+{year})?(?![\w-])", re.I
    )
    range_days = re.compile(
        rf"{wd_prefix}(?<![\w./-])(?P<d1>[0-3]?\d){sep}(?P<d2>[0-3]?\d)\s+(?P<m>{mon})\.?"
        rf"(?:\s*,?\s+{year})?(?![\w-])",
        re.I,
    )
    range_months = re.compile(
        rf"{wd_prefix}(?<![\w./-])(?P<d1>[0-3]?\d)\s+(?P<m1>{mon})\.?(?:\s+(?P<y1>(?:19|20)\d\d))?"
        rf"{sep}(?:(?:hari\s+)?{wd}\s*,?\s*)?(?P<d2>[0-3]?\d)\s+(?P<m2>{mon})\.?"
        rf"(?:\s*,?\s+{year})?(?![\w-])",
        re.I,
    )
    numeric = re.compile(
        rf"(?:(?P<wd>{wd})\s*,?\s*(?P<par>\()?\s*)?(?<![\w./,:-])(?P<d>[0-3]?\d)(?P<s>[/.-])(?P<m>[01]?\d)(?P=s)"
        rf"(?:(?<=/) (?=(?:19|20)\d\d))?(?P<y>(?:19|20)\d\d|\d\d)(?![\w/.,-]?\d)(?(par)(?:\s*\))?)",
        re.I,
    )
    numeric_range = re.compile(
        rf"(?:(?P<wd>{wd})(?:\s*{sep}\s*{wd})?\s*,?\s*(?P<par>\()?\s*)?(?<![\w./,:-])"
        rf"(?P<d1>[0-3]?\d)\s*[-–]\s*(?P<d2>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d\d|\d\d)"
        rf"(?![\w/.,-]?\d)(?(par)(?:\s*\))?)",
        re.I,
    )
    yearless_numeric = re.compile(
        rf"(?P<wd>{wd})\s*,?\s*\(\s*(?P<d>[0-3]?\d)/(?P<m>[01]?\d)\s*\)", re.I
    )
    past = alternation(cal.past)
    future = alternation(cal.future)
    relative_weekday = PrefilteredRegex(re.compile(
        rf"(?:(?P<hari>hari)\s+)?(?P<wd>{wd})\s+(?P<rel>{past}|{future})\b", re.I
    ), cal.weekdays)
    return _Patterns(
        full_text=full_text,
        range_days=range_days,
        range_months=range_months,
        numeric=numeric,
        numeric_range=numeric_range,
        yearless_numeric=yearless_numeric,
        relative_weekday=relative_weekday,
        year=re.compile(r"(?<![\w./-])((?:19|20)\d\d)(?![\w/]|[.,]\d)"),
        today=re.compile(r"(?<![\w-])[Hh]ari\s+ini(?:\s*,?\s*\(\s*(?P<d>[0-3]?\d)/(?P<m>[01]?\d)\s*\))?(?![\w/-])"),
        future_after=re.compile(rf"^\s*(?:yang\s+)?(?:{future})\b", re.I),
        past_after=re.compile(rf"^\s*(?:yang\s+)?(?:{past})\b", re.I),
        month_anchors=words_of(cal.months),
        day_month=re.compile(rf"\d\s+(?:{mon})", re.I),
        day_month_year=re.compile(r"\d/[01]?\d/"),
        numeric_probe=re.compile(r"\d([/.-])[01]?\d\1"),
        yearless_probe=re.compile(r"\(\s*[0-3]?\d/[01]?\d\s*\)"),
    )


# ---------------------------------------------------------------- year helpers


def year_candidates(text: str, *, lo: int = 1990, hi: int = 2100) -> list[int]:
    """The 4-digit years lo..hi mentioned in ``text``, in order of first appearance."""
    seen: list[int] = []
    for m in _patterns().year.finditer(text):
        y = int(m.group(1))
        if lo <= y <= hi and y not in seen:
            seen.append(y)
    return seen


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def infer_year(
    text: str,
    *,
    weekday_dates: Sequence[tuple[int, int, int]],
    span: int = 7,
) -> int | None:
    """The year in which every (iso_weekday, day, month) of ``weekday_dates`` holds.

    Among the years that fit (searched within ``span`` years of the years mentioned
    in ``text``), pick the one closest to a mentioned year; ties go to the earlier
    year. If no year fits all, the one fitting most. None when the text mentions no
    year or no year fits.
    """
    mentioned = year_candidates(text)
    if not mentioned or not weekday_dates:
        return None
    best: tuple[int, int, int] | None = None  # (-fits, distance, year)
    best_year: int | None = None
    for year in range(min(mentioned) - span, max(mentioned) + span + 1):
        fits = 0
        for wd, d, m in weekday_dates:
            date = _valid(year, m, d)
            if date is not None and date.isoweekday() == wd:
                fits += 1
        if fits == 0:
            continue
        distance = min(abs(year - y) for y in mentioned)
        score = (-fits, distance, year)
        if best is None or score < best:
            best, best_year = score, year
    return best_year


def _two_digit(y: str) -> int:
    n = int(y)
    if len(y) == 4:
        return n
    return 2000 + n if n < 70 else 1900 + n


# ---------------------------------------------------------------- extractor


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int
    end: int
    kind: str                 # "full", "range", "yearless", "relative"
    value: str | None         # resolved value, or None for yearless
    day: int = 0
    month: int = 0
    weekday: int | None = None
    future: bool = False
    qualifiers: frozenset[str] = frozenset()
    priority: int = 0


class DateExtractor:
    """Find dates; ``DateExtractor()(text, published=..., year_hint=...)``.

    Settings (keyword-only):
    - ``relative_weekdays``: resolve "Sabtu nanti" / "Senin lalu" against ``published``.
    - ``infer_from_weekday``: with no publication date or year hint, infer the year of a
      day/month from its weekday and the years the text mentions.
    - ``min_year`` / ``max_year``: dates outside are dropped.
    """

    name = SOURCE

    def __init__(
        self,
        *,
        relative_weekdays: bool = True,
        infer_from_weekday: bool = True,
        min_year: int = 1945,
        max_year: int = 2100,
    ) -> None:
        self.relative_weekdays = relative_weekdays
        self.infer_from_weekday = infer_from_weekday
        self.min_year = min_year
        self.max_year = max_year

    # -- public ------------------------------------------------------------
    def __call__(
        self,
        text: str,
        *,
        published: dt.date | None = None,
        year_hint: int | None = None,
    ) -> list[Mention]:
        cands = self._candidates(text, published=published)
        chosen = _non_overlapping(cands)
        # years for day/month without year, when nothing else is known
        inferred: int | None = None
        if published is None and year_hint is None and self.infer_from_weekday:
            wds = [(c.weekday, c.day, c.month) for c in chosen if c.kind == "yearless" and c.weekday]
            inferred = infer_year(text, weekday_dates=wds) if wds else None
        out: list[Mention] = []
        for c in chosen:
            value = c.value
            quals = set(c.qualifiers)
            if c.kind == "yearless":
                value = self._resolve_yearless(
                    c, text=text, published=published, year_hint=year_hint, inferred=inferred
                )
                quals.add("relative")
            if value is None:
                continue
            if not all(self.min_year <= int(part[:4]) <= self.max_year for part in value.split("/")):
                continue
            out.append(
                Mention(
                    type="Date",
                    text=text[c.start : c.end],
                    start=c.start,
                    end=c.end,
                    value=value,
                    qualifiers=frozenset(quals),
                    source=SOURCE,
                )
            )
        return out

    # -- candidates ----------------------------------------------------------
    def _candidates(self, text: str, *, published: dt.date | None) -> list[_Cand]:
        cal = calendar()
        pat = _patterns()
        cands: list[_Cand] = []

        def weekday_of(m: re.Match[str], group: str = "wd") -> int | None:
            w = m.groupdict().get(group)
            if not w:
                return None
            return cal.weekdays.get(w.casefold().replace("’", "'"))

        def month_ok(word: str) -> int | None:
            key = word.casefold()
            num = cal.months.get(key)
            if num is None:
                return None
            if len(key) <= 4 and key not in ("mei", "juni", "juli") and not word[0].isupper():
                return None
            return num

        def start_of(m: re.Match[str]) -> int:
            # do not let a lowercase "minggu" (= week) or "hari" become part of the span
            s = m.start()
            w = m.groupdict().get("wd")
            if w and w.islower() and w.casefold() == "minggu":
                s = m.start("wd") + len(w)
                while s < len(text) and text[s] in " ,(":
                    s += 1
            return s

        if not _DIGIT.search(text):  # every pattern but "Senin lalu" needs a digit
            return self._relative(text, published, cands, cal, pat)
        # what each pattern needs, looked for with plain probes first (kg.prefilter): a pattern
        # whose probe finds nothing cannot match, and its loop is skipped
        day_month = text in pat.month_anchors and probe(pat.day_month, text)
        slash = "/" in text or not prefilter.active
        # ranges "22 Mei hingga 25 Mei 2023"
        for m in pat.range_months.finditer(text) if day_month else ():
            m1, m2 = month_ok(m.group("m1")), month_ok(m.group("m2"))
            if not m1 or not m2 or not m.group("y"):
                continue
            y2 = int(m.group("y"))
            y1 = int(m.group("y1")) if m.group("y1") else y2
            a = _valid(y1, m1, int(m.group("d1")))
            b = _valid(y2, m2, int(m.group("d2")))
            if a and b and a > b and not m.group("y1"):
                a = _valid(y2 - 1, m1, int(m.group("d1")))
            if not a or not b or a >= b or (b - a).days > 366:
                continue
            cands.append(_Cand(start_of(m), m.end(), "range", f"{a}/{b}", qualifiers=frozenset({"range"}), priority=3))
        # ranges "18-19 Juli 2020"
        for m in pat.range_days.finditer(text) if day_month else ():
            mo = month_ok(m.group("m"))
            if not mo or not m.group("y"):
                continue
            y = int(m.group("y"))
            a, b = _valid(y, mo, int(m.group("d1"))), _valid(y, mo, int(m.group("d2")))
            if not a or not b or a >= b:
                continue
            cands.append(_Cand(start_of(m), m.end(), "range", f"{a}/{b}", qualifiers=frozenset({"range"}), priority=3))
        # ranges "(22-23/5/2023)"
        for m in pat.numeric_range.finditer(text) if slash and probe(pat.day_month_year, text) else ():
            if _after_number_word(text, m.start("d1")):
                continue
            y = _two_digit(m.group("y"))
            mo = int(m.group("m"))
            a, b = _valid(y, mo, int(m.group("d1"))), _valid(y, mo, int(m.group("d2")))
            if not a or not b or a >= b:
                continue
            cands.append(_Cand(start_of(m), m.end(), "range", f"{a}/{b}", qualifiers=frozenset({"range"}), priority=3))
        # "Selasa, 6 Februari 2024", "22 Maret" (yearless)
        for m in pat.full_text.finditer(text) if day_month else ():
            mo = month_ok(m.group("m"))
            if not mo:
                continue
            d = int(m.group("d"))
            if m.group("y"):
                date = _valid(int(m.group("y")), mo, d)
                if date:
                    cands.append(_Cand(start_of(m), m.end(), "full", date.isoformat(), priority=2))
            elif _valid(2000, mo, d):  # leap-safe check
                if len(m.group("m")) <= 4 and m.group("m").casefold() not in ("mei", "juni", "juli"):
                    continue  # "5 Mar" without year: too ambiguous
                cands.append(
                    _Cand(
                        start_of(m), m.end(), "yearless", None, day=d, month=mo,
                        weekday=weekday_of(m), future=_is_future(text, m.end()), priority=1,
                    )
                )
        # "23/05/2023", "Sabtu, (14/9/2024)", "Senin (20/6/22)"
        for m in pat.numeric.finditer(text) if probe(pat.numeric_probe, text) else ():
            if _after_number_word(text, m.start("d")):
                continue
            if m.group("s") != "/" and len(m.group("y")) != 4:
                continue  # "12.30.45" or "1-2-3" are not dates
            date = _valid(_two_digit(m.group("y")), int(m.group("m")), int(m.group("d")))
            if date:
                cands.append(_Cand(start_of(m), m.end(), "full", date.isoformat(), priority=2))
        # "Kamis (13/7) kemarin"
        for m in pat.yearless_numeric.finditer(text) if slash and probe(pat.yearless_probe, text) else ():
            w = m.group("wd")
            if w.islower() and w.casefold() == "minggu":
                continue
            d, mo = int(m.group("d")), int(m.group("m"))
            if not _valid(2000, mo, d):
                continue
            cands.append(
                _Cand(
                    m.start(), m.end(), "yearless", None, day=d, month=mo,
                    weekday=weekday_of(m), future=_is_future(text, m.end()), priority=1,
                )
            )
        return self._relative(text, published, cands, cal, pat)

    def _relative(self, text: str, published: dt.date | None, cands: list[_Cand], cal, pat) -> list[_Cand]:
        # "hari ini (18/11)": the day and month given, the year resolved like any partial date;
        # "hari ini" alone: the publication date
        for m in (pat.today.finditer(text) if "ari ini" in text else ()):
            if m.group("d"):
                d, mo = int(m.group("d")), int(m.group("m"))
                if _valid(2000, mo, d):
                    cands.append(_Cand(m.start(), m.end(), "yearless", None, day=d, month=mo, priority=1))
            elif published is not None and self.relative_weekdays:
                cands.append(_Cand(m.start(), m.end(), "relative", published.isoformat(),
                                   qualifiers=frozenset({"relative", "today"}), priority=0))
        # "Sabtu nanti", "Senin lalu"
        if self.relative_weekdays and published is not None:
            for m in pat.relative_weekday.finditer(text):
                w = m.group("wd")
                if w.casefold() in ("minggu", "ahad") and not m.group("hari"):
                    continue  # "minggu lalu" = last week
                if w[0].islower() and not m.group("hari"):
                    continue
                wd = cal.weekdays[w.casefold().replace("’", "'")]
                rel = m.group("rel").casefold()
                if rel in [p.casefold() for p in cal.past]:
                    delta = (published.isoweekday() - wd) % 7 or 7
                    date = published - dt.timedelta(days=delta)
                else:
                    delta = (wd - published.isoweekday()) % 7 or 7
                    date = published + dt.timedelta(days=delta)
                s = m.start("wd")
                cands.append(
                    _Cand(s, m.end(), "relative", date.isoformat(), qualifiers=frozenset({"relative"}), priority=0)
                )
        return cands

    # -- year resolution -----------------------------------------------------
    def _resolve_yearless(
        self,
        c: _Cand,
        *,
        text: str,
        published: dt.date | None,
        year_hint: int | None,
        inferred: int | None,
    ) -> str | None:
        if published is not None:
            past = _valid(published.year, c.month, c.day) or _valid(published.year - 1, c.month, c.day)
            if past is None:
                return None
            if past > published:
                past = _valid(published.year - 1, c.month, c.day)
            nxt = _valid(published.year, c.month, c.day)
            if nxt is None or nxt <= published:
                nxt = _valid(published.year + 1, c.month, c.day)
            options = [d for d in ((nxt, past) if c.future else (past, nxt)) if d is not None]
            if not options:
                return None
            if c.weekday is not None:
                for d in options:
                    if d.isoweekday() == c.weekday and abs((d - published).days) <= 200:
                        return d.isoformat()
            return options[0].isoformat()
        if year_hint is not None:
            d = _valid(year_hint, c.month, c.day)
            return d.isoformat() if d else None
        if not self.infer_from_weekday or c.weekday is None:
            return None
        for year in ([inferred] if inferred else []) + [infer_year(text, weekday_dates=[(c.weekday, c.day, c.month)])]:
            if year is None:
                continue
            d = _valid(year, c.month, c.day)
            if d is not None and d.isoweekday() == c.weekday:
                return d.isoformat()
        return None


_NUMBER_WORD = re.compile(r"(?:nomor|nomer|no|nmr|no\s*\.|rp|pasal|ayat)\s*[.:]?\s*$", re.I)


def _after_number_word(text: str, pos: int) -> bool:
    """True when the digits at ``pos`` follow "Nomor", "No.", "Rp", "Pasal" ..."""
    return bool(_NUMBER_WORD.search(text[max(0, pos - 12) : pos]))


def _is_future(text: str, end: int) -> bool:
    pat = _patterns()
    tail = text[end : end + 40]
    tail = re.sub(r"^\s*(?:pukul\s+)?\d{1,2}[.:]\d\d(?:\s*(?:WIB|WITA|WIT))?", "", tail, flags=re.I)
    return bool(pat.future_after.search(tail))


_DIGIT = re.compile(r"\d")


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    """Keep the best candidate of each overlapping group: ranges, then longer spans."""
    ranked = sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
    chosen: list[_Cand] = []
    if any(c.end <= c.start for c in ranked):  # empty spans: the plain check
        for c in ranked:
            if not any(c.start < o.end and o.start < c.end for o in chosen):
                chosen.append(c)
        return sorted(chosen, key=lambda c: c.start)
    spans: list[tuple[int, int]] = []   # the chosen spans, sorted; they do not overlap, so a
    for c in ranked:                    # new one can only overlap its neighbours there
        i = bisect.bisect_left(spans, (c.start, c.end))
        if (i and spans[i - 1][1] > c.start) or (i < len(spans) and spans[i][0] < c.end):
            continue
        spans.insert(i, (c.start, c.end))
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
