"""Legal instruments in Indonesian news text -> ``Mention(type="Law", key="law:...")``.

Recognizes an instrument head (Undang-Undang/UU, PP, Perpres, Permendagri, Keputusan
Menteri Dalam Negeri, SE Menpan RB, SK Kemendagri, Perda Kota X, PKPU ...), then a number
("Nomor 20 Tahun 2023", "No. 20/2023", "Nomor: 100.2.3.1/1234/OTDA"), an optional title
("tentang Aparatur Sipil Negara"), or a short name ("UU ASN", "UU tentang Pemilu") that
``kg/data/laws.yaml`` maps to the instrument it denoted at the reference date.

Key: ``law:<type>[-<issuer>]-<year>-<number>`` lowercased, "/" -> "-"; no year -> left out.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..model import Mention
from ..text import fold, slug, squash

__all__ = ["LawExtractor", "reference_date", "resolve_short_name", "law_key"]

SOURCE = "laws"


# ---------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class _Meaning:
    number: str
    year: int
    start: dt.date | None
    until: dt.date | None
    title: str


@dataclass(frozen=True, slots=True)
class _ShortName:
    type: str
    names: tuple[str, ...]
    meanings: tuple[_Meaning, ...]


@dataclass(frozen=True, slots=True)
class _Data:
    instruments: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    ministries: dict[str, dict[str, tuple[str, ...]]]
    issuers: tuple[str, ...]
    short_names: tuple[_ShortName, ...]


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v))


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = yaml.safe_load(resources.files("kg.data").joinpath("laws.yaml").read_text("utf-8"))
    instruments = {
        k: (tuple(v.get("long") or ()), tuple(v.get("acronyms") or ())) for k, v in raw["instruments"].items()
    }
    ministries = {
        k: {part: tuple(v.get(part) or ()) for part in ("topic", "minister", "ministry")}
        for k, v in raw["ministries"].items()
    }
    shorts = tuple(
        _ShortName(
            type=s["type"],
            names=tuple(s["names"]),
            meanings=tuple(
                _Meaning(
                    number=str(m["number"]),
                    year=int(m["year"]),
                    start=_date(m.get("from")),
                    until=_date(m.get("until")),
                    title=str(m.get("title", "")),
                )
                for m in s["meanings"]
            ),
        )
        for s in raw["short_names"]
    )
    return _Data(instruments, ministries, tuple(raw.get("issuers") or ()), shorts)


def _alt(words, *, flexible_space: bool = True) -> str:
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w)
        if flexible_space:
            p = p.replace(r"\ ", r"\s+").replace(r"\-", r"\s*-\s*")
        parts.append(p)
    return "|".join(parts)


def _ci(p: str) -> str:
    return f"(?i:{p})"


# ---------------------------------------------------------------- patterns

# case-insensitive fragments (kept out of f-string expressions: no backslashes there in 3.11)
_PERATURAN_MENTERI = _ci(r'Peraturan\s+Menteri')
_PERMEN = _ci(r'Permen\s*-?\s*')
_KEPUTUSAN_MENTERI = _ci(r'(?:Surat\s+)?Keputusan\s+Menteri')
_KEPUTUSAN = _ci(r'(?:Surat\s+)?Keputusan')
_KEPMEN = _ci(r'Kepmen\s*-?\s*')
_SURAT_EDARAN = _ci(r'Surat\s+Edaran(?:\s+Bersama)?')
_MENTERI = _ci('Menteri')
_KEMENTERIAN = _ci('Kementerian')
_SURAT_KEPUTUSAN = _ci(r'Surat\s+Keputusan')
_NOMOR = _ci(r'(?:Nomor|Nomer|Nmr\.?|No\.?)')
_TAHUN = _ci(r'(?:Tahun|Thn\.?|Th\.?)')
_TENTANG = _ci('tentang')
_JO = _ci(r'jo\.?|juncto|junto')
_NOMOR_AHEAD = _ci(r'Nomor|No\.?')


@dataclass(frozen=True, slots=True)
class _Patterns:
    head: re.Pattern[str]
    heads: dict[str, str]                # group name -> instrument type
    number: re.Pattern[str]
    bare_number: re.Pattern[str]
    year: re.Pattern[str]
    tentang: re.Pattern[str]
    short: re.Pattern[str]
    region: re.Pattern[str]
    article: re.Pattern[str]
    chain: re.Pattern[str]
    ministry_alias: dict[str, str]       # folded alias -> ministry slug


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = _data()
    groups: list[str] = []
    heads: dict[str, str] = {}

    # ministries
    topic_alias: dict[str, str] = {}
    minister_alias: dict[str, str] = {}
    ministry_alias: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    for slug_, parts in data.ministries.items():
        for t in parts["topic"]:
            topic_alias[t] = slug_
        for m in parts["minister"]:
            minister_alias[m] = slug_
            if m.lower().startswith("men") and not m.lower().startswith("menteri"):
                suffixes[m[3:]] = slug_
        for m in parts["ministry"]:
            ministry_alias[m] = slug_
    topic = _alt(topic_alias)
    minister = _alt(minister_alias)
    ministry = _alt(ministry_alias)
    suffix = _alt(suffixes)
    ri = r"(?:\s+(?:Republik\s+Indonesia|RI))?(?:\s*\((?:[^()\n]{1,25})\))?"
    issuer = _alt(data.issuers)

    def add(name: str, typ: str, pattern: str) -> None:
        groups.append(f"(?P<{name}>{pattern})")
        heads[name] = typ

    # ministerial instruments first (longest heads)
    add("permen", "permen",
        rf"{_PERATURAN_MENTERI}\s+(?P<permen_t>{topic})|{_PERMEN}(?P<permen_s>{suffix})(?![\w-])"
        rf"|(?P<permen_pmk>PMK)(?=\s+(?i:Nomor|No\b|No\.))")
    add("kepmen", "kepmen",
        rf"(?:{_KEPUTUSAN_MENTERI}|SK\s+Menteri)\s+(?P<kepmen_t>{topic})"
        rf"|(?:{_KEPUTUSAN}|SK)\s+(?P<kepmen_m>{minister})(?![\w-])"
        rf"|{_KEPMEN}(?P<kepmen_s>{suffix})(?![\w-])")
    add("se", "se",
        rf"(?:{_SURAT_EDARAN}|SE|SEB)"
        rf"(?:\s+(?:(?:{_MENTERI})\s+(?P<se_t>{topic})|{_KEMENTERIAN}\s+(?P<se_kt>{topic}){ri}"
        rf"|(?P<se_m>{minister}|{ministry})(?![\w-])|(?P<se_i>{issuer})(?![\w-])))?")
    add("sk", "sk",
        rf"(?:{_SURAT_KEPUTUSAN}|SK)"
        rf"(?:\s+(?:{_KEMENTERIAN}\s+(?P<sk_t>{topic}){ri}|(?P<sk_m>{ministry})(?![\w-])|(?P<sk_i>{issuer})(?![\w-])))?")
    # the rest, from laws.yaml
    order = sorted(data.instruments.items(), key=lambda kv: -max((len(x) for x in kv[1][0] + kv[1][1]), default=0))
    for i, (typ, (long, acr)) in enumerate(order):
        alts = []
        if long:
            alts.append(_ci(_alt(long)))
        if acr:
            alts.append(_alt(acr))
        add(f"i{i}", typ, "|".join(alts))

    head = re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w])")
    number = re.compile(
        rf"\s*,?\s*{_NOMOR}\s*[:.]?\s*(?P<num>\d[\w.\-/]*)"
    )
    bare_number = re.compile(r"\s+(?P<num>\d{1,4}(?:\s*/\s*(?:19|20)\d\d)?)(?=\s+(?i:tahun)\s|\s*/|\s*[^\w/]|$)")
    year = re.compile(rf"\s*,?\s*{_TAHUN}\s*(?P<year>(?:19|20)\d\d)(?!\d)")
    tentang = re.compile(rf"\s+{_TENTANG}\s+")
    names = [n for s in data.short_names for n in s.names]
    short = re.compile(rf"\s+(?:{_TENTANG}\s+)?(?P<name>{_ci(_alt(names))})(?![\w-])")
    region = re.compile(
        r"\s+(?P<region>(?:(?i:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})"
        r"(?=\s*,?\s*(?i:Nomor|Nomer|No\.?)\s*[:.]?\s*\d)"
    )
    article = re.compile(
        r"(?i:pasal)\s+(?P<art>\d+[A-Z]?)(?:\s*(?i:ayat)\s*\(?(?P<par>\d+)\)?)?"
        r"(?:\s*(?i:huruf)\s+\w)?\s*$"
    )
    chain = re.compile(rf"\s*(?:{_JO})\s*(?={_NOMOR_AHEAD})")
    folded_ministry = {fold(k): v for k, v in {**ministry_alias, **minister_alias, **topic_alias, **suffixes}.items()}
    return _Patterns(head, heads, number, bare_number, year, tentang, short, region, article, chain, folded_ministry)


# ---------------------------------------------------------------- helpers


def law_key(typ: str, number: str | None, year: int | None) -> str:
    """``law:<type>-<year>-<number>`` lowercased; "/" and spaces in the number -> "-"."""
    parts = [typ]
    if year is not None:
        parts.append(str(year))
    if number:
        parts.append(re.sub(r"[/\s]+", "-", number.strip()))
    return "law:" + "-".join(parts).lower()


_YEAR = re.compile(r"(?<![\w./-])((?:19|20)\d\d)(?![\w/]|[.,]\d)")


def reference_date(text: str, published: dt.date | None, *, today: dt.date | None = None) -> dt.date | None:
    """The date against which short names are read: ``published``, else Dec 31 of the
    latest year the text mentions outside law citations (not after ``today``), else None."""
    if published is not None:
        return published
    today = today or dt.date.today()
    cleaned = text
    for m in sorted(_raw_mentions(text), key=lambda m: -m.start):
        cleaned = cleaned[: m.start] + " " * (m.end - m.start) + cleaned[m.end :]
    years = [int(y) for y in _YEAR.findall(cleaned) if 1990 <= int(y) <= today.year]
    if not years:
        return None
    return min(dt.date(max(years), 12, 31), today)


def resolve_short_name(name: str, *, typ: str = "uu", on: dt.date | None = None) -> tuple[str, str, int] | None:
    """(type, number, year) the short name ("ASN", "Pemilu") denotes on date ``on``
    (None: the current meaning)."""
    entry = _short_entry(name, typ)
    if entry is None:
        return None
    m = _meaning_on(entry, on)
    return entry.type, m.number, m.year


def _short_entry(name: str, typ: str) -> _ShortName | None:
    f = fold(name)
    for s in _data().short_names:
        if s.type == typ and any(fold(n) == f for n in s.names):
            return s
        if s.type == typ and any(fold(m.title) == f for m in s.meanings):
            return s
    return None


def _meaning_on(entry: _ShortName, on: dt.date | None) -> _Meaning:
    if on is None:
        return entry.meanings[-1]
    for m in entry.meanings:
        if (m.start is None or m.start <= on) and (m.until is None or on <= m.until):
            return m
    if entry.meanings[0].start and on < entry.meanings[0].start:
        return entry.meanings[0]
    return entry.meanings[-1]


_FUNCTION = {
    "tentang", "dan", "atau", "dan/atau", "atas", "di", "dalam", "bagi", "untuk", "pada", "serta",
    "menjadi", "dengan", "oleh", "ke", "dari", "sebagai", "terhadap", "melalui", "antara", "jo",
    "nomor", "tahun", "perubahan", "kedua", "ketiga", "penetapan", "peraturan", "undang-undang",
}
_CLAUSE = {
    "yang", "bahwa", "sehingga", "karena", "agar", "supaya", "namun", "tetapi", "maka", "kepada",
    "kata", "ujar", "ucap", "jelas", "tegas", "ungkap", "tutur", "sebut", "terang", "imbuh", "lanjut",
    "katanya", "ujarnya", "ucapnya", "jelasnya", "tegasnya", "ungkapnya", "tuturnya", "sebutnya",
    "terangnya", "imbuhnya", "lanjutnya", "pungkasnya", "papar", "paparnya", "harus", "wajib",
    "telah", "sudah", "akan", "adalah", "merupakan", "ini", "itu", "tersebut", "mengatur", "menyebutkan",
    "disebutkan", "dijelaskan", "menjelaskan", "menegaskan", "ditegaskan", "sebagaimana", "sesuai",
}
_TOKEN = re.compile(r"[ \t]*(?:(?P<w>[\w][\w'’/-]*)|(?P<c>,))")


def _title_end(text: str, pos: int, *, max_words: int = 30) -> int:
    """End offset of a law title starting at ``pos`` (just after "tentang ")."""
    first = _TOKEN.match(text, pos)
    if not first or not first.group("w"):
        return pos
    title_mode = first.group("w")[0].isupper()
    good_end = pos
    words = 0
    i = pos
    limit = max_words if title_mode else 14
    while words < limit:
        m = _TOKEN.match(text, i)
        if not m:
            break
        if m.group("c"):
            nxt = _TOKEN.match(text, m.end())
            if not nxt or not nxt.group("w"):
                break
            w = nxt.group("w")
            if title_mode:
                if not (w[0].isupper() or w.lower() in ("dan", "serta", "atau")):
                    break
            elif w.lower() in _CLAUSE or w.lower().endswith("nya"):
                break
            i = m.end()
            continue
        w = m.group("w")
        lw = w.lower()
        if title_mode:
            if w[0].isupper() or w[0].isdigit():
                good_end = m.end()
            elif lw not in _FUNCTION:
                break
        else:
            if lw in _CLAUSE or (lw.endswith("nya") and words > 0):
                break
            good_end = m.end()
        words += 1
        i = m.end()
    return good_end


# ---------------------------------------------------------------- extractor


@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    end: int
    typ: str
    number: str | None
    year: int | None
    title: str | None
    short: str | None
    qualifiers: frozenset[str]


_UUD_TAIL = re.compile(r"(?:\s+(?i:Negara\s+Republik\s+Indonesia))?(?:\s+(?i:Tahun))?\s+1945(?!\d)")


def _raw_mentions(text: str) -> list[_Raw]:
    pat = _patterns()
    out: list[_Raw] = []
    prev_type: str | None = None
    for m in pat.head.finditer(text):
        # the outer group of the matched alternative
        name = next(g for g in pat.heads if m.group(g) is not None)
        typ = pat.heads[name]
        gd = {k: v for k, v in m.groupdict().items() if v is not None}
        # refine ministerial and issuer types
        if typ in ("permen", "kepmen"):
            if gd.get("permen_pmk"):
                typ = "permenkeu"
            else:
                alias = next(v for k, v in gd.items() if k.startswith(typ + "_"))
                typ = typ + pat.ministry_alias.get(fold(alias), slug(alias).replace("-", ""))
        elif typ in ("se", "sk"):
            alias = next((v for k, v in gd.items() if k.startswith(typ + "_")), None)
            if alias is not None:
                mslug = pat.ministry_alias.get(fold(alias))
                if mslug:
                    typ = f"{typ}-{'men' if typ == 'se' else 'kemen'}{mslug}"
                else:
                    typ = f"{typ}-{slug(alias)}"
        pos = m.end()
        region = None
        if typ in ("perda", "pergub", "perbup", "perwal"):
            r = pat.region.match(text, pos)
            if r:
                region = slug(r.group("region").replace("Kab.", "Kabupaten").replace("Prov.", "Provinsi"))
                pos = r.end()
        number = year = title = short = None
        if typ == "uud":
            u = _UUD_TAIL.match(text, pos)
            out.append(_Raw(m.start(), u.end() if u else pos, typ, None, 1945, None, None, frozenset()))
            continue
        n = pat.number.match(text, pos)
        if n is None and typ not in ("se", "sk", "skb", "putusan-mk") and not typ.startswith(("se-", "sk-")):
            n = pat.bare_number.match(text, pos)
        if n is not None:
            number = n.group("num").rstrip(".-/")
            pos = n.start("num") + len(number)
            y = pat.year.match(text, pos)
            if y:
                year = int(y.group("year"))
                pos = y.end()
            else:
                split = re.fullmatch(r"(\d{1,4})\s*/\s*((?:19|20)\d\d)", number)
                if split and typ != "putusan-mk":
                    number, year = split.group(1), int(split.group(2))
                elif n.re is pat.bare_number:
                    number = None  # "UU 2024" or "PP 5" alone is not a citation
                    pos = m.end()
        if number is None:
            s = pat.short.match(text, pos)
            if s and _short_entry(s.group("name"), typ):
                # "UU ASN Nomor 20 Tahun 2023": the explicit number wins
                if not pat.number.match(text, s.end()):
                    short = s.group("name")
                    pos = s.end()
        t = pat.tentang.match(text, pos)
        if t:
            tend = _title_end(text, t.end())
            if tend > t.end():
                title = squash(text[t.end() : tend])
                pos = tend
        if number is None and short is None:
            if title is None:
                continue
            if _short_entry(title, typ):
                short = title
            elif not title[0].isupper() or typ in ("se", "sk"):
                continue
        quals = set()
        a = pat.article.search(text[max(0, m.start() - 40) : m.start()])
        if a:
            quals.add(f"article:{a.group('art')}")
            if a.group("par"):
                quals.add(f"paragraph:{a.group('par')}")
        if region:
            typ = f"{typ}-{region}"
        out.append(_Raw(m.start(), pos, typ, number, year, title, short, frozenset(quals)))
        prev_type = typ
        # "UU Nomor 31 Tahun 1999 jo. Nomor 20 Tahun 2001"
        c = pat.chain.match(text, pos)
        if c and prev_type:
            n2 = pat.number.match(text, c.end())
            if n2:
                num2 = n2.group("num").rstrip(".-/")
                p2 = n2.start("num") + len(num2)
                y2 = pat.year.match(text, p2)
                out.append(
                    _Raw(c.end(), y2.end() if y2 else p2, prev_type, num2,
                         int(y2.group("year")) if y2 else None, None, None, frozenset())
                )
    # drop mentions nested in another's span (a law cited inside a title)
    out.sort(key=lambda r: (r.start, -r.end))
    kept: list[_Raw] = []
    for r in out:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept


class LawExtractor:
    """Find legal instruments: ``LawExtractor()(text, published=..., reference_date=...)``.

    Settings (keyword-only):
    - ``untitled_topics``: keep "UU tentang <Title>" whose topic is not in laws.yaml, keyed
      by the title slug (``law:uu-<slug>``).
    """

    name = SOURCE

    def __init__(self, *, untitled_topics: bool = True) -> None:
        self.untitled_topics = untitled_topics

    def __call__(
        self,
        text: str,
        *,
        published: dt.date | None = None,
        reference_date: dt.date | None = None,
    ) -> list[Mention]:
        raws = _raw_mentions(text)
        ref = published or reference_date
        if ref is None:
            ref = _reference_date(text, None)
        explicit = {(r.typ, r.number, r.year) for r in raws if r.number}
        out: list[Mention] = []
        for r in raws:
            key: str
            if r.typ == "uud":
                key = "law:uud-1945"
            elif r.number:
                key = law_key(r.typ, r.number, r.year)
            else:
                entry = _short_entry(r.short, r.typ) if r.short else None
                if entry is None:
                    if not self.untitled_topics or not r.title:
                        continue
                    key = f"law:{r.typ}-{slug(r.title)}"
                else:
                    # a meaning cited explicitly in the same text wins
                    hit = next(
                        (m for m in reversed(entry.meanings) if (entry.type, m.number, m.year) in explicit), None
                    )
                    mean = hit or _meaning_on(entry, ref)
                    key = law_key(entry.type, mean.number, mean.year)
            span = text[r.start : r.end]
            out.append(
                Mention(
                    type="Law",
                    text=span,
                    start=r.start,
                    end=r.end,
                    key=key,
                    label=squash(span),
                    qualifiers=r.qualifiers | ({"short-name"} if r.short and not r.number else frozenset()),
                    source=SOURCE,
                )
            )
        return out


_reference_date = reference_date
