"""Reading articles: the text as scraped, with the page furniture set apart.

``read_article(path) -> Article`` decodes the file (kg/readers.py: UTF-8 with or
without BOM, UTF-16, else Windows-1252, mojibake repaired; .html through trafilatura),
normalizes line endings to "\\n" (nothing else changes length, so offsets point into
the text as read) and finds:

* the body: the paragraphs that belong to the article, as (start, end) spans, without
  weather widgets, "TERKINI", "BACA JUGA", comment forms, share buttons, bylines and
  everything from "Berita Terkait" on; photo captions are kept without their credit;
* the title (the "# " line, or the first line when it reads like a headline);
* the dateline place and the outlet ("REJANG LEBONG, KABARDAERAH.COM -"), cut from
  the first paragraph so that extractors do not see the outlet's name;
* the publication date and the author, from the byline, never from the story.

Patterns live in ``kg/data/furniture.yaml``.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .data import load_yaml
from .model import Article
from .readers import ArticleError, clean, decode, display, kind_of, read_bytes, read_html, read_jsonl

WIDGET = re.compile(r"^\d{1,2}([.,]\d)?\s*°?\s*[CF]$")
# a markdown link "[Outlet](https://...)": no bracket inside the label or the address, so
# that a run of "[" before a run of "]" costs one pass, not one pass per "["
LINK = re.compile(r"\[([^\[\]]+)\]\(https?://[^()]+\)")
DASH = re.compile(r"\s+[–—-]{1,2}\s+|\s*[–—]\s*")


@dataclass(frozen=True)
class _Furniture:
    drop: re.Pattern
    cut: re.Pattern
    credits: tuple[re.Pattern, ...]
    authors: tuple[re.Pattern, ...]
    outlets: tuple[str, ...]


@cache
def _furniture() -> _Furniture:
    f = load_yaml("furniture.yaml")
    return _Furniture(
        drop=re.compile("^(?:" + "|".join(f"(?:{p})" for p in f["drop_lines"]) + ")$", re.IGNORECASE),
        cut=re.compile("^(?:" + "|".join(f"(?:{p})" for p in f["cut_from"]) + ")$", re.IGNORECASE),
        credits=tuple(re.compile(p, re.IGNORECASE if not p.startswith("^[A-Z]") else 0) for p in f["credits"]),
        authors=tuple(re.compile(p, re.IGNORECASE) for p in f["authors"]),
        outlets=tuple(f["outlet_markers"]),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def read_article(path) -> Article:
    """One article from a .txt or .md file (or the only article of an .html page)."""
    p = Path(path)
    if p.suffix.lower() in (".html", ".htm"):
        return read_html(p, parse_article)
    text = decode(read_bytes(p), display(p))
    return parse_article(text, id=display(p.name), path=display(p))


def parse_article(text: str, *, id: str, path: str = "") -> Article:
    text = clean(text)
    fur = _furniture()
    lines = [_strip(text, s, e) for s, e in _lines(text)]
    lines = [(s, e) for s, e in lines if e > s]
    kept: list[tuple[int, int]] = []
    meta: list[str] = []
    seen: set[str] = set()
    after_widget = False
    for s, e in lines:
        line = text[s:e]
        bare = line.lstrip("#").strip()
        if fur.cut.match(bare):
            break
        if after_widget and len(bare.split()) <= 3:
            after_widget = False
            continue  # the city under a weather widget
        after_widget = False
        if fur.drop.match(bare):
            meta.append(bare)
            after_widget = bool(WIDGET.match(bare))
            continue
        key = " ".join(bare.split()).casefold()
        if key in seen:
            continue  # a repeated headline
        seen.add(key)
        kept.append((s, e))
    if not kept:
        raise ArticleError(path or id, "no article text")

    # the title: a "# " line, else a first line that reads like a headline
    title = title_span = None
    first_s, first_e = kept[0]
    first = text[first_s:first_e]
    if first.startswith("#") or (len(kept) > 1 and len(first) <= 250 and not first.rstrip().endswith((".", "”", '"'))):
        ts = first_s + (len(first) - len(first.lstrip("#").lstrip()))
        title_span = (ts, first_e)
        title = text[ts:first_e]
        kept = kept[1:]

    # an author line under the title: a short lowercase name followed by a dropped date line
    author = None
    if kept and title is not None:
        s, e = kept[0]
        cand = text[s:e]
        if len(cand.split()) <= 3 and cand.islower() and re.fullmatch(r"[a-z .'-]+", cand) and meta:
            author = cand.strip()
            kept = kept[1:]

    # captions keep their text but lose the credit
    body: list[tuple[int, int]] = []
    for s, e in kept:
        for rx in fur.credits:
            line = text[s:e]
            m = rx.search(line)
            if m and m.start() == 0 and m.end() < len(line):
                s += m.end()
            elif m and m.end() == len(line) and m.start() > 0:
                e = s + m.start()
        s, e = _strip(text, s, e)
        if e > s:
            body.append((s, e))
    if not body:
        raise ArticleError(path or id, "no article text")

    dateline, publisher, body = _dateline(text, body, fur)
    body = _join_lines(text, body)
    published = _published(meta)
    if author is None:
        for line in meta:
            for rx in fur.authors:
                m = rx.search(line)
                if m:
                    author = m.group("author").strip()
                    break
            if author:
                break
    if publisher is None:
        m = LINK.search(text, 0, body[0][1])
        if m:
            publisher = m.group(1)
    return Article(id=id, path=path, text=text, body=tuple(body), title=title, title_span=title_span,
                   published=published, dateline=dateline, author=author, publisher=publisher)


def _dateline(text: str, body: list[tuple[int, int]], fur: _Furniture):
    """"BANDA ACEH, Outlet.id – ..." -> ("Banda Aceh", "Outlet.id", body without the dateline).
    The dateline opens one of the first paragraphs (captions and standfirsts may come first)."""
    for i in range(min(4, len(body))):
        place, outlet, rest = _dateline_at(text, body[i:], fur)
        if place is not None:
            return place, outlet, body[:i] + rest
    return None, None, body


def _dateline_at(text: str, body: list[tuple[int, int]], fur: _Furniture):
    s, e = body[0]
    head = text[s:min(e, s + 120)]
    head = re.sub(r"^\[[^\]]+\]\([^)]+\)\s*\|\s*", lambda m: " " * len(m.group(0)), head)
    m = DASH.search(head)
    whole_line = False
    if m and m.start() <= 70:
        prefix = head[:m.start()]
        cut = s + m.end()
        # "BONDOWOSO - kabarkota.net - ...": a second dash after the outlet
        m2 = DASH.match(text, cut + len(re.match(r"[^\s–—-]*", text[cut:]).group(0)))
        if m2 and _is_outlet(text[cut:m2.start()], fur):
            prefix += ", " + text[cut:m2.start()]
            cut = m2.end()
    elif len(body) > 1 and len(head) <= 60 and "," in head and not head.rstrip().endswith("."):
        prefix, cut, whole_line = head, e, True   # "Musi Rawas, Outlet.com" on its own line
    else:
        return None, None, body
    paren = re.match(r"^\s*(.+?)\s*\(([^()]{2,40})\)\s*$", prefix)
    if paren:  # "Sleman (ANTARA)", "Jakarta (Outlet)"
        prefix = f"{paren.group(1)}, {paren.group(2)}"
    parts = [p.strip() for p in re.split(r"[,|]", prefix) if p.strip()]
    if not parts or len(prefix.split()) > 8:
        return None, None, body
    if any(not _is_outlet(p, fur) and any(w[:1].islower() for w in p.split()) for p in parts):
        return None, None, body  # "Bupati membuka rapat – ..." is a sentence, not a dateline
    place = outlet = None
    from .extract.lexicon import find

    for part in parts:
        if any(h.start == 0 and h.end == len(part) and h.has("region") for h in find(part)):
            place = part
            break
    rest = [p for p in parts if p != place]
    if place is None:
        plain = [p for p in parts if not _is_outlet(p, fur)]
        if len(plain) == 1 and len(parts) > 1:
            place = plain[0]
            rest = [p for p in parts if p != place]
        elif len(parts) == 1 and not _is_outlet(parts[0], fur) and parts[0].isupper():
            place, rest = parts[0], []
    if place is None:
        return None, None, body
    outlet = rest[0] if rest else None
    new_body = body[1:] if whole_line else [(cut, e)] + body[1:]
    new_body = [(a, b) for a, b in (_strip(text, a, b) for a, b in new_body) if b > a]
    pretty = place.title() if place.isupper() else place
    return pretty, outlet, new_body


def _join_lines(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines that follow each other with a single newline form one paragraph span; the
    sentence splitter tells hard-wrapped lines from one-line paragraphs."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text[out[-1][1]:s].count("\n") == 1 and not text[out[-1][1]:s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _is_outlet(part: str, fur: _Furniture) -> bool:
    low = part.casefold()
    return any(mark in low for mark in fur.outlets)


def _published(meta: list[str]) -> dt.date | None:
    from .extract.dates import DateExtractor

    extractor = DateExtractor(relative_weekdays=False, infer_from_weekday=False)
    for line in meta:
        for m in extractor(line):
            if m.value and "/" not in m.value and "relative" not in m.qualifiers:
                return dt.date.fromisoformat(m.value)
        d = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", line)
        if d:
            try:
                return dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
            except ValueError:
                pass
    return None


SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
# what kg writes next to an output folder while it builds (kg.export.outdir); never read
OWN_NAMES = re.compile(r"^\..+\.kg-(?:new|old|lock)(?:-.*)?$")


def is_build_folder(folder: Path) -> bool:
    """Is this folder a kg build (its article records and its graph), not articles?"""
    return (folder / "articles.jsonl").is_file() and ((folder / "graph.nt").is_file()
                                                     or (folder / "graph.ttl").is_file())


def article_files(paths: Iterable, *, report: Callable[[str, str], None], skip: Iterable = ()) -> Iterator[Path]:
    """The article files of ``paths``, in order: a file given as such, and the .txt, .md,
    .html and .jsonl files of a folder and its sub-folders (sorted). Reported through
    ``report`` and not read: a missing input, a broken link, a FIFO, a device or a
    socket, a folder that cannot be read, a kg build folder inside a folder; ``skip``:
    folders never read (the build's own output folder)."""
    skipped = {os.path.realpath(x) for x in skip}
    for path in paths:
        p = Path(path)
        try:
            st = p.stat()
        except FileNotFoundError:
            report(display(p), "a broken link (its target does not exist)" if p.is_symlink()
                   else "no such file or folder")
            continue
        except OSError as exc:
            report(display(p), f"cannot be read ({exc.strerror})")
            continue
        real = os.path.realpath(p)
        if any(real == x or real.startswith(x.rstrip(os.sep) + os.sep) for x in skipped):
            report(display(p), "the output folder of this build (or inside it): not read as articles")
            continue
        if not stat.S_ISDIR(st.st_mode):
            yield p  # a file given as such is read whatever its name; a FIFO is refused when opened
            continue
        files = sorted(_walk(p, report, skipped))
        if not files:
            report(display(p), "no articles in this folder (.txt, .md, .html, .jsonl)")
        yield from files


def _walk(top: Path, report, skipped: set[str]) -> Iterator[Path]:
    def unreadable(exc: OSError) -> None:
        report(display(exc.filename or top), f"folder cannot be read ({exc.strerror or exc}): not read")

    for folder, dirs, names in os.walk(top, onerror=unreadable):
        keep = []
        for d in sorted(dirs):
            full = os.path.join(folder, d)
            if OWN_NAMES.match(d) or os.path.realpath(full) in skipped:
                continue  # the build's own output and working folders
            if not os.path.islink(full) and is_build_folder(Path(full)):
                report(display(full), "a kg build folder (kg's own output), not articles: not read")
                continue
            keep.append(d)
        dirs[:] = keep
        for name in names:
            full = os.path.join(folder, name)
            if OWN_NAMES.match(name):
                continue
            try:
                mode = os.stat(full).st_mode
            except FileNotFoundError:
                report(display(full), "a broken link (its target does not exist): not read")
                continue
            except OSError as exc:
                report(display(full), f"cannot be read ({exc.strerror}): not read")
                continue
            if stat.S_ISREG(mode):
                if os.path.splitext(name)[1].lower() in SUFFIXES:
                    yield Path(full)
            elif not stat.S_ISDIR(mode):
                report(display(full), f"not a regular file ({kind_of(mode) or 'a special file'}): not read")


def iter_articles(paths: Iterable, *, on_error: Callable[[Path, str], None], skip: Iterable = ()) -> Iterator[Article]:
    """Articles from files and folders (folders: their .txt, .md, .html and .jsonl files,
    sorted: :func:`article_files`); a file or JSON line that cannot be read is reported
    through ``on_error`` with the reason, and skipped. ``skip``: folders never read."""
    for f in article_files(paths, report=on_error, skip=skip):
        if f.suffix.lower() == ".jsonl":
            try:
                for item in read_jsonl(f, parse_article):
                    if isinstance(item, ArticleError):
                        on_error(item.path, item.reason)
                    else:
                        yield item
            except ArticleError as exc:
                on_error(display(f), exc.reason)
            continue
        try:
            yield read_article(f)
        except ArticleError as exc:
            on_error(display(f), exc.reason)
