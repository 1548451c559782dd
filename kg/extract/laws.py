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

from ..coordination import groups
from ..model import Mention
from ..text import fold, slug, squash

__all__ = ["LawExtractor", "reference_date", "resolve_short_name", "law_key", "bare_references"]

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
        rf"|(?P<permen_pmk>PMK)(?=\s+(?i:Nomor|No\b|No\.))"
        rf"|(?i:Peraturan)\s+(?P<permen_m>{minister})(?![\w-])")
    add("kepmen", "kepmen",
        rf"(?:{_KEPUTUSAN_MENTERI}|SK\s+Menteri)\s+(?P<kepmen_t>{topic})"
        rf"|(?:{_KEPUTUSAN}|SK)\s+(?P<kepmen_m>{minister})(?![\w-])"
        rf"|{_KEPMEN}(?P<kepmen_s>{suffix})(?![\w-])")
    add("se", "se",
        rf"(?:{_SURAT_EDARAN}|SE|SEB)(?:\s*\(\s*(?:SE|SEB)\s*\))?"
        rf"(?:\s+(?:(?:{_MENTERI})\s+(?P<se_t>{topic})|{_KEMENTERIAN}\s+(?P<se_kt>{topic}){ri}"
        rf"|(?P<se_m>{minister}|{ministry})(?![\w-])|(?P<se_i>{issuer})(?![\w-])))?")
    add("sk", "sk",
        rf"(?:{_SURAT_KEPUTUSAN}|SK)(?:\s*\(\s*SK\s*\))?"
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
    comma = None          # where the last comma of a title-case title stands
    closed = False        # whether a conjunction followed it ("Gubernur, Bupati, dan Walikota")
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
                comma, closed = m.start("c"), w.lower() in ("dan", "serta", "atau")
            elif w.lower() in _CLAUSE or w.lower().endswith("nya"):
                break
            i = m.end()
            continue
        w = m.group("w")
        lw = w.lower()
        if title_mode:
            if w[0].isupper() or w[0].isdigit():
                good_end = m.end()
            elif lw in ("dan", "serta", "atau") and comma is not None:
                closed = True
            elif lw not in _FUNCTION:
                # "tentang Pemilu, ASN wajib netral": a new clause began at the comma
                if comma is not None and not closed:
                    good_end = min(good_end, comma)
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
    region: str | None = None           # as written ("Kota Bogor", "Jabar")
    names: tuple[str, ...] = ()         # other forms of the same instrument


_UUD_TAIL = re.compile(r"(?:\s+(?i:Negara\s+Republik\s+Indonesia))?(?:\s+(?i:Tahun))?\s+1945(?!\d)")
# "Peraturan Pemerintah (PP) Nomor 11": the acronym the article gives in brackets
_ACRONYM = re.compile(r"\s*\(\s*(?P<acr>[A-Za-z][\w.\- ]{0,14}?)\s*\)")
# another number under the same head: "UU Nomor 31 Tahun 1999 jo. Nomor 20 Tahun 2001",
# "Permendagri Nomor 77 Tahun 2020 dan Nomor 90 Tahun 2019". List separators ("," "dan"
# "serta") are kg.coordination's; the legal links (jo, sebagaimana diubah) are the law's own.
_NUMBER = r"(?i:Nomor|Nomer|No\.?)\s*[:.]?\s*\d"   # "Nomor 20", "No. 5", "Nomor: 3"
_NUMBER_WORD = re.compile(r"(?<![\w-])" + _NUMBER)
_LEGAL_LINK = re.compile(
    r"\s*,?\s*(?:(?i:jo\.?|juncto|junto)"
    r"|(?i:(?:yang\s+|sebagaimana\s+)(?:telah\s+)?(?:diubah|diganti)(?:\s+(?:dengan|menjadi|oleh))?))\s*"
    rf"(?={_NUMBER})"
)


def _chained(text: str, pos: int) -> int | None:
    """Where a number coordinated with the instrument ending at ``pos`` starts, or None."""
    link = _LEGAL_LINK.match(text, pos)
    if link:
        return link.end()
    nxt = _NUMBER_WORD.search(text, pos, pos + 24)
    if nxt is None or nxt.start() > pos + 12:
        return None
    together = groups([(pos - 1, pos), (nxt.start(), nxt.end())], text)
    return nxt.start() if len(together) == 1 else None


# what a title must not end with once it is cut before the next instrument
_TRAIL = re.compile(
    r"(?:[\s,;]+|^)(?:(?i:dan|serta|atau|jo\.?|juncto|junto|tentang|atas|dengan|menjadi|penetapan|telah|yang"
    r"|sebagaimana|diubah|diganti|perubahan|kedua|ketiga|keempat|kelima"
    r"|pasal\s+\d+[A-Za-z]?(?:\s+ayat\s*\(?\d+\)?)?(?:\s+huruf\s+\w)?))$"
)
# "pasal 22 Bawaslu 9 tahun 2020": a regulation written by its issuer alone, after an article number
_ISSUER_REG = {"bawaslu": "perbawaslu", "kpu": "pkpu", "bkn": "perbkn", "dkpp": "perdkpp"}
_ISSUER_FORM = re.compile(
    r"(?<![\w-])(?i:pasal)\s+\d+[A-Za-z]?(?:\s+(?i:ayat)\s*\(?\d+\)?)?(?:\s+(?i:huruf)\s+\w)?\s+"
    r"(?P<iss>Bawaslu|KPU|BKN|DKPP)\s+(?:(?i:Nomor|No\.?)\s*)?(?P<num>\d{1,4})\s*(?:(?i:tahun)\s*|/\s*)"
    r"(?P<year>(?:19|20)\d\d)(?!\d)"
)


@lru_cache(maxsize=1)
def _signed() -> re.Pattern[str]:
    """"tanggal 13 Juli 2020" after an instrument's number: its signing date (month names
    from calendar.yaml, full names only)."""
    from ..data import load_yaml

    months = [m for m in load_yaml("calendar.yaml")["months"] if len(m) > 3 and "." not in m]
    return re.compile(
        r"\s*,?\s*(?i:tanggal|tertanggal|tgl\.?)\s+\d{1,2}\s+"
        rf"(?i:{_alt(months)})\s+(?:19|20)\d\d(?!\d)"
    )


_RI = re.compile(rf"\s+(?:RI|Republik\s+Indonesia)(?=\s*(?:\(|,|{_NUMBER}))")
_JOINT_HEAD = re.compile(r"(?i:Surat\s+Edaran\s+Bersama|SEB|SKB|Surat\s+Keputusan\s+Bersama|Keputusan\s+Bersama)\b")
# the officials who sign a joint instrument, up to its number: capitalised words, commas and "dan"
_SIGNERS = re.compile(r"(?:\s*,?\s*(?:(?:dan|serta|dalam|dengan)\s+)?[A-Z][\w./-]*){1,30}?\s*,?\s*" + rf"(?={_NUMBER})")
_HOW_MANY = re.compile(
    r"\s+(?P<what>(?:\d{1,2}|(?i:dua|tiga|empat|lima|enam|tujuh|delapan))\s+"
    r"(?i:Menteri|Kementerian(?:\s*/\s*Lembaga)?|Lembaga|Instansi|Pimpinan\s+Lembaga))(?![\w-])"
)
_PERPPU_TAIL = re.compile(r"\s+(?i:menjadi\s+undang\s*-?\s*undang)$")
_REGIONAL_ISSUER = {"gubernur": "province", "bupati": "regency", "wali-kota": "city", "walikota": "city"}


@dataclass(slots=True)
class _Head:
    start: int
    core_end: int               # end of head + number + year (or short name)
    typ: str
    number: str | None = None
    year: int | None = None
    short: str | None = None
    region: str | None = None
    acronym: str | None = None
    paren: tuple[int, int] | None = None
    head_end: int = 0

    @property
    def anchor(self) -> bool:
        return bool(self.number or self.short or self.typ == "uud")


def _refine_type(pat: _Patterns, m: re.Match, typ: str) -> str:
    gd = {k: v for k, v in m.groupdict().items() if v is not None}
    if typ in ("permen", "kepmen"):
        if gd.get("permen_pmk"):
            return "permenkeu"
        alias = next(v for k, v in gd.items() if k.startswith(typ + "_"))
        return typ + pat.ministry_alias.get(fold(alias), slug(alias).replace("-", ""))
    if typ in ("se", "sk"):
        alias = next((v for k, v in gd.items() if k.startswith(typ + "_")), None)
        if alias is not None:
            mslug = pat.ministry_alias.get(fold(alias))
            if mslug:
                return f"{typ}-{'men' if typ == 'se' else 'kemen'}{mslug}"
            full = f"{typ}-{slug(alias)}"
            return _DECISIONS.get(full, full)
    return typ


# "SK Bupati" is a Keputusan Bupati
_DECISIONS = {"sk-gubernur": "kepgub", "sk-bupati": "kepbup", "sk-wali-kota": "kepwal", "sk-walikota": "kepwal"}


def _parse_head(text: str, m: re.Match, pat: _Patterns) -> _Head:
    name = next(g for g in pat.heads if m.group(g) is not None)
    typ = _refine_type(pat, m, pat.heads[name])
    h = _Head(m.start(), m.end(), typ, head_end=m.end())
    pos = m.end()
    if typ == "uud":
        u = _UUD_TAIL.match(text, pos)
        h.core_end = u.end() if u else pos
        h.year = 1945
        return h
    ri = _RI.match(text, pos)
    if ri:
        pos = ri.end()
    a = _ACRONYM.match(text, pos)
    if a and (pat.number.match(text, a.end()) or pat.region.match(text, a.end())):
        h.acronym, h.paren = a.group("acr"), (a.start(), a.end())
        pos = a.end()
        ri = _RI.match(text, pos)
        if ri:
            pos = ri.end()
    if (typ in ("skb", "se") or typ.startswith("se-")) and _JOINT_HEAD.match(text, h.start):
        # "Surat Edaran Bersama Menteri PANRB, Mendagri, Kepala BKN dan Ketua Bawaslu Nomor 1 Tahun 2023"
        typ = h.typ = "skb" if typ == "skb" else "seb"
        signers = _SIGNERS.match(text, pos)
        if signers and pat.number.match(text, signers.end()):
            pos = signers.end()
        else:
            n = _HOW_MANY.match(text, pos)
            if n:   # "SKB 5 Menteri": named by its signers alone
                h.short = squash(n.group("what"))
                h.core_end = n.end()
                return h
    if _regional_kind(typ):
        r = pat.region.match(text, pos)
        if r:
            h.region = r.group("region")
            pos = r.end()
    n = pat.number.match(text, pos)
    if n is None and typ not in ("se", "sk", "skb", "putusan-mk") and not typ.startswith(("se-", "sk-")):
        n = pat.bare_number.match(text, pos)
    if n is not None:
        number = n.group("num").rstrip(".-/")
        end = n.start("num") + len(number)
        y = pat.year.match(text, end)
        if y:
            h.number, h.year, pos = number, int(y.group("year")), y.end()
        else:
            split = re.fullmatch(r"(\d{1,4})\s*/\s*((?:19|20)\d\d)", number)
            if split and typ != "putusan-mk":
                h.number, h.year, pos = split.group(1), int(split.group(2)), end
            elif n.re is not pat.bare_number:
                h.number, pos = number, end
            # else "UU 2024" or "PP 5" alone is not a citation
    if h.number is not None:
        # "Nomor 100/757/Adpim tanggal 13 Juli 2020": the date is the instrument's, not an event's
        d = _signed().match(text, pos)
        if d:
            pos = d.end()
            if h.year is None:
                h.year = int(d.group(0)[-4:])
    if h.number is None:
        s = pat.short.match(text, pos)
        # "UU ASN Nomor 20 Tahun 2023": the explicit number wins
        if s and _short_entry(s.group("name"), typ) and not pat.number.match(text, s.end()):
            h.short = s.group("name")
            pos = s.end()
    h.core_end = pos
    return h


def _regional_kind(typ: str) -> str | None:
    """The kind of region whose government issues an instrument of this type, if any."""
    if typ in ("perda", "ranperda", "rapbd", "perkada"):
        return "any"
    if typ in ("kepkpu", "pkpu", "perbawaslu"):
        return "written"     # national unless the text names a region ("Keputusan KPU Kota X")
    if typ in ("pergub", "kepgub"):
        return "province"
    if typ in ("perbup", "kepbup"):
        return "regency"
    if typ in ("perwal", "kepwal"):
        return "city"
    for issuer, kind in _REGIONAL_ISSUER.items():
        if typ in (f"se-{issuer}", f"sk-{issuer}"):
            return kind
    return None


def _cut_title(text: str, start: int, limit: int) -> int:
    """End of a title that starts at ``start`` and must end before ``limit`` (the next
    instrument): function words and article numbers left dangling are cut off."""
    end = _title_end(text[:limit], start)
    while end > start:
        t = _TRAIL.search(text, max(0, start - 1), end)
        if not t or t.start() < start - 1:
            break
        end = max(t.start(), start)
    return end


@lru_cache(maxsize=1)
def _prefilter():
    """(automaton of lowercased words, short acronyms as written): a text that has none of
    them names no instrument, so the patterns are not run on it."""
    import ahocorasick

    data = _data()
    words = {"permen", "kepmen", "peraturan", "keputusan", "surat", "instruksi", "rancangan", "ranperda",
             "raperda", "rapbd", "r-apbd", "pasal", "pmk", "inmen"}
    exact = set()
    for long, acronyms in data.instruments.values():
        for form in long:
            words.add(re.split(r"[\s-]", form.lower())[0])
        for a in acronyms:
            if len(a) <= 3 and a.isupper():
                exact.add(a)
            else:
                words.add(re.split(r"[\s-]", a.lower())[0])
    exact |= {"SE", "SEB", "SK", "SKB", "PMK"}
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, w)
    auto.make_automaton()
    return auto, tuple(sorted(exact))


def _may_cite(text: str) -> bool:
    auto, exact = _prefilter()
    for _ in auto.iter(text.lower()):
        return True
    return any(a in text for a in exact)


def _raw_mentions(text: str) -> list[_Raw]:
    if not _may_cite(text):
        return []
    pat = _patterns()
    heads = [_parse_head(text, m, pat) for m in pat.head.finditer(text)]
    anchors = sorted(h.start for h in heads if h.anchor)
    out: list[_Raw] = []
    for h in heads:
        if h.typ == "uud":
            out.append(_Raw(h.start, h.core_end, "uud", None, 1945, None, None, frozenset()))
            continue
        pos = h.core_end
        limit = next((a for a in anchors if a >= pos), len(text))
        title = None
        t = pat.tentang.match(text, pos)
        if t and t.end() < limit:
            tend = _cut_title(text, t.end(), limit)
            if h.typ == "perppu":
                # "Penetapan Perppu ... tentang X Menjadi Undang-Undang": the tail belongs to the UU
                tail = _PERPPU_TAIL.search(text, t.end(), tend)
                if tail:
                    tend = tail.start()
            if tend > t.end():
                title = squash(text[t.end() : tend])
                pos = tend
        short = h.short
        if h.number is None and short is None:
            if title is None:
                continue
            if _short_entry(title, h.typ):
                short = title
            elif not title[0].isupper() or h.typ in ("se", "sk") or h.typ.startswith(("se-", "sk-")):
                continue
        quals = _article_qualifiers(text, h.start)
        out.append(_Raw(h.start, pos, h.typ, h.number, h.year, title, short, quals, h.region,
                        _core_names(text, h)))
        # "UU Nomor 31 Tahun 1999 jo. Nomor 20 Tahun 2001": the head's type carries over
        chain_from = h.core_end if h.number else None
        for from_ in (chain_from, pos):
            if from_ is None:
                continue
            p = from_
            while True:
                c = _chained(text, p)
                if c is None:
                    break
                n2 = pat.number.match(text, c)
                num2 = n2.group("num").rstrip(".-/")
                p2 = n2.start("num") + len(num2)
                y2 = pat.year.match(text, p2)
                end2 = y2.end() if y2 else p2
                year2 = int(y2.group("year")) if y2 else None
                head = h.acronym or squash(text[h.start : h.head_end])
                names2 = (f"{head} Nomor {num2} Tahun {year2}", f"{head} {num2}/{year2}") if year2 else ()
                out.append(_Raw(c, end2, h.typ, num2, year2, None, None, frozenset(), h.region, names2))
                p = end2
            if p != from_:
                break
    for m in _ISSUER_FORM.finditer(text):
        typ = _ISSUER_REG[m.group("iss").lower()]
        out.append(_Raw(m.start("iss"), m.end(), typ, m.group("num"), int(m.group("year")), None, None,
                        _article_qualifiers(text, m.start("iss")), None,
                        (squash(text[m.start():m.end()]),)))
    out.extend(_drafts(text))
    # drop mentions nested in another's span (an acronym in brackets, a short name)
    out.sort(key=lambda r: (r.start, -r.end))
    kept: list[_Raw] = []
    for r in out:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept


def _article_qualifiers(text: str, start: int) -> frozenset[str]:
    quals = set()
    a = _patterns().article.search(text[max(0, start - 40) : start])
    if a:
        quals.add(f"article:{a.group('art')}")
        if a.group("par"):
            quals.add(f"paragraph:{a.group('par')}")
    return frozenset(quals)


def _core_names(text: str, h: _Head) -> tuple[str, ...]:
    """Other forms a reader accepts for the instrument: without the bracketed acronym, with
    the acronym instead of the long head, "PP 11/2017"."""
    core = text[h.start : h.core_end]
    names = [squash(core)]
    signed = _signed().search(core)
    if signed:
        core = core[: signed.start()]
        names.append(squash(core))
    if h.paren:
        ps, pe = h.paren[0] - h.start, h.paren[1] - h.start
        names.append(squash(core[:ps] + " " + core[pe:]))
        if h.acronym:
            names.append(squash(h.acronym + " " + core[pe:]))
    if h.number and h.year:
        heads = [h.acronym or squash(text[h.start : h.head_end])]
        spelled = _data().instruments.get(h.typ)
        if spelled and spelled[1]:
            heads.append(spelled[1][0])     # "Peraturan Bawaslu Nomor 3" is "Perbawaslu Nomor 3"
        for head in dict.fromkeys(heads):
            if " " not in head and "-" not in head:
                names.append(f"{head} Nomor {h.number} Tahun {h.year}")
                names.append(f"{head} {h.number}/{h.year}")
    return tuple(dict.fromkeys(n for n in names if n))


_DETERMINER = re.compile(r"\s+(?:(?i:tersebut|itu|ini)(?![\w-])|(?i:yang\s+(?:baru|lama)))")
# types too general to refer back to one instrument without a determiner ("sesuai Undang-Undang")
_GENERIC = {"uu", "pp", "perda", "se", "sk", "perpres", "keppres", "inpres", "skb", "uud"}


def bare_references(text: str) -> list[tuple[int, int, str]]:
    """(start, end, type) of instruments named again without their number: "Keputusan
    Mendagri", "Pergub yang baru", "Perda tersebut". A general type ("Undang-Undang")
    counts only with a determiner. The caller decides which cited law each refers to."""
    if not _may_cite(text):
        return []
    pat = _patterns()
    out = []
    for m in pat.head.finditer(text):
        h = _parse_head(text, m, pat)
        if h.anchor or pat.tentang.match(text, h.core_end) or h.region:
            continue
        d = _DETERMINER.match(text, h.core_end)
        if h.typ in _GENERIC and not d:
            continue
        out.append((h.start, d.end() if d else h.core_end, h.typ))
    return out


# ---------------------------------------------------------------- draft regulations

_DRAFT_HEAD = re.compile(
    r"(?<![\w-])(?:(?P<long>(?i:Rancangan\s+Peraturan\s+Daerah))(?:\s*\(\s*(?:Ranperda|Raperda|RANPERDA|RAPERDA)\s*\))?"
    r"|Ranperda|Raperda|RANPERDA|RAPERDA)(?:\s+(?i:tentang))?\s+"
)
_RAPBD_HEAD = re.compile(
    r"(?<![\w-])(?:RAPBD|R-APBD|(?i:Rancangan\s+(?:APBD|Anggaran\s+Pendapatan\s+dan\s+Belanja\s+Daerah))(?:\s*\(\s*R?APBD\s*\))?)"
    r"(?P<change>\s+(?i:Perubahan|P))?\b"
)
_DRAFT_TOKEN = re.compile(r"\s*(?:(?P<paren>\(\s*[A-Z][\w.\- ]{0,14}?\s*\))|(?P<w>[\w][\w'’/.-]*[\w]|\w))")
_DRAFT_YEAR = re.compile(r"\s*(?:(?i:Tahun)\s+(?:(?i:Anggaran)\s+)?|(?i:TA\.?)\s*)?(?P<year>(?:19|20)\d\d)(?![\w/.-]\d)")
_DRAFT_STOP = {
    "yang", "di", "ke", "dari", "pada", "oleh", "untuk", "dalam", "kepada", "bersama", "dengan", "sebagai",
    "ini", "itu", "tersebut", "agar", "bisa", "dapat", "akan", "sudah", "telah", "belum", "juga", "pun",
    "menjadi", "secara", "setelah", "sebelum", "hingga", "sampai", "serta", "melalui", "terkait", "guna",
}
_VERBISH = re.compile(r"(?i:me|di|ber|ter|se)\w{3,}$")
_CONNECT = {"dan", "atau", "tentang", "atas"}


def _draft_subject(text: str, pos: int, *, max_words: int = 12) -> tuple[list[str], int, int | None]:
    """(subject words, end, year) of a draft's name starting at ``pos``."""
    words: list[str] = []
    end = pos
    i = pos
    while len(words) < max_words:
        y = _DRAFT_YEAR.match(text, i)
        if y and words:
            return words, y.end(), int(y.group("year"))
        m = _DRAFT_TOKEN.match(text, i)
        if not m or "\n" in text[i : m.start()]:
            break
        if m.group("paren"):
            if not words:
                break
            end = i = m.end()
            continue
        w = m.group("w")
        lw = w.lower()
        if lw in _CLAUSE or lw in _DRAFT_STOP or lw in _FUNCTION - _CONNECT - {"perubahan", "penetapan"}:
            break
        if w[0].islower() and _VERBISH.match(w) and lw not in ("pertanggungjawaban",):
            break
        if _DRAFT_HEAD.match(text, m.start("w")) or _patterns().head.match(text, m.start("w")):
            break
        if lw in _CONNECT:
            nxt = _DRAFT_TOKEN.match(text, m.end())
            if not words or not nxt or not nxt.group("w") or not nxt.group("w")[0].isupper():
                break
            if _DRAFT_HEAD.match(text, nxt.start("w")):
                break
            words.append(w)
            i = m.end()
            continue
        words.append(w)
        end = i = m.end()
    while words and words[-1].lower() in _CONNECT:
        words.pop()
    return words, end, None


def _split_region(words: list[str]) -> tuple[list[str], str | None]:
    """("Perubahan APBD Kaltim" -> ["Perubahan", "APBD"], "Kaltim")."""
    from ..gazetteer import regions_named

    for k in (4, 3, 2, 1):
        if len(words) <= k:
            continue
        tail = words[-k:]
        if not all(w[0].isupper() for w in tail):
            continue
        name = " ".join(tail)
        if regions_named(name):
            return words[:-k], name
    return words, None


def _drafts(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    for m in _DRAFT_HEAD.finditer(text):
        words, end, year = _draft_subject(text, m.end())
        words, region = _split_region(words)
        named = [w for w in words if w[0].isupper() or any(c.isupper() for c in w[1:])]
        if not named or end <= m.end():
            continue
        subject = " ".join(w for w in words if w.lower() != "tentang")
        out.append(_Raw(m.start(), end, "ranperda", None, year, subject, None, frozenset(), region))
    for m in _RAPBD_HEAD.finditer(text):
        words, end, year = _draft_subject(text, m.end(), max_words=5)
        words, region = _split_region(words)
        if year is None or (words and not region):
            continue
        subject = "perubahan" if m.group("change") else ""
        out.append(_Raw(m.start(), end, "rapbd", None, year, subject, None, frozenset(), region))
    return out


def _region_slug(written: str | None, kind: str | None, codes: tuple[str, ...]) -> str | None:
    """The spelled-out region of a regional instrument: from the text ("Perda Kota Bogor",
    "Pergub Jabar"), else the article's own region of the issuer's kind."""
    from ..gazetteer import region, regions_named

    def spelled(r) -> str:
        return slug(r.name) if r.kind == "province" else slug(r.qualified_name)

    if written:
        found = regions_named(written.replace("Kab.", "Kabupaten").replace("Prov.", "Provinsi"))
        if kind in ("province", "regency", "city"):
            found = tuple(r for r in found if r.kind == kind) or found
        if found:
            inside = [r for r in found if r.code in codes]
            if inside or len(found) == 1:
                return spelled((inside or list(found))[0])
        return slug(written)
    if kind == "written":
        return None
    for code in codes:
        r = region(code)
        if r is None:
            continue
        if kind == "province":
            p = r if r.kind == "province" else region(r.province_code or "")
            if p is not None:
                return spelled(p)
        elif kind in ("any", r.kind):
            return spelled(r)
    return None


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
        region_codes: tuple[str, ...] = (),
    ) -> list[Mention]:
        """Law mentions of ``text``. ``region_codes``: the article's own regions (most
        specific first), which place a "Pergub Nomor 4 Tahun 2019" written without one."""
        raws = _raw_mentions(text)
        ref = published or reference_date
        if ref is None:
            ref = _reference_date(text, None)
        explicit = {(r.typ, r.number, r.year) for r in raws if r.number}
        out: list[Mention] = []
        for r in raws:
            key: str
            kind = _regional_kind(r.typ)
            place = _region_slug(r.region, kind, tuple(region_codes)) if kind else None
            typ = f"{r.typ}-{place}" if place else r.typ
            if r.typ == "uud":
                key = "law:uud-1945"
            elif r.typ in ("ranperda", "rapbd"):
                year = r.year or (ref.year if ref else None)
                parts = [r.typ, slug(r.title or "")] + ([place] if place else []) + ([str(year)] if year else [])
                key = "law:" + "-".join(p for p in parts if p and p != "x")
            elif r.number:
                key = law_key(typ, r.number, r.year)
            elif r.typ in ("skb", "seb") and r.short and not _short_entry(r.short, r.typ):
                key = f"law:{r.typ}-{slug(r.title or r.short)}"
            else:
                entry = _short_entry(r.short, r.typ) if r.short else None
                if entry is None:
                    if not self.untitled_topics or not r.title:
                        continue
                    key = f"law:{typ}-{slug(r.title)}"
                else:
                    # a meaning cited explicitly in the same text wins
                    hit = next(
                        (m for m in reversed(entry.meanings) if (entry.type, m.number, m.year) in explicit), None
                    )
                    mean = hit or _meaning_on(entry, ref)
                    key = law_key(entry.type, mean.number, mean.year)
            span = text[r.start : r.end]
            label = squash(span)
            out.append(
                Mention(
                    type="Law",
                    text=span,
                    start=r.start,
                    end=r.end,
                    key=key,
                    label=label,
                    qualifiers=r.qualifiers | ({"short-name"} if r.short and not r.number else frozenset()),
                    source=SOURCE,
                    names=frozenset(n for n in r.names if n != label),
                )
            )
        return out


_reference_date = reference_date
