"""Input formats and decoding: bytes in, article text out.

* decoding: UTF-8 (with or without BOM), UTF-16 (BOM), else Windows-1252; mojibake
  ("Ã©", "â€œ") repaired with ftfy's ``fix_encoding``; control characters (other than
  newline and tab) and unpaired surrogates replaced one for one, so offsets hold and
  every exporter can write the text;
* ``.html``: the main text taken out with trafilatura (scripts, styles, menus and
  comments dropped), with the page's title, date, author and site name;
* ``.jsonl``: one article per line with ``text`` and optional ``title``, ``url``,
  ``published``, ``publisher``; a line that is not such an object is reported alone.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Iterator

MAX_BYTES = 20 * 1024 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")
MOJIBAKE = re.compile(r"[ÃÂâ][\x80-\xbf€™œ˜šž“”‘’–—…]|â€")


class ArticleError(Exception):
    """An article that cannot be read; ``reason`` says why in a few words."""

    def __init__(self, path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def clean(text: str) -> str:
    """Newlines to "\\n"; mojibake repaired; controls and lone surrogates to spaces/U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_encoding(text)
    return CONTROL.sub(lambda m: "\ufffd" if "\ud800" <= m.group(0) <= "\udfff" else " ", text)


def decode(data: bytes, path) -> str:
    if not data.strip():
        raise ArticleError(path, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(path, "binary file, not text")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return clean(data.decode(enc, errors="replace").lstrip("\ufeff"))
    try:
        return clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        return clean(data.decode("cp1252", errors="replace"))


def read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ArticleError(path, "a folder, not an article")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(path, f"too large ({size / 1e6:.0f} MB, the limit is {MAX_BYTES // 2**20} MiB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(path, "no such file") from None
    except PermissionError:
        raise ArticleError(path, "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(path, "a folder, not an article") from None


def _date(value) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _compose(parse_article, *, id: str, path: str, title: str | None, text: str, published=None,
             publisher=None, author=None, url=None):
    """An article from separate title and text: "title\\n\\ntext", parsed like a page."""
    from dataclasses import replace

    title = clean(" ".join((title or "").split()))
    body = clean(text)
    if not body.strip():
        raise ArticleError(path, "no article text")
    full = f"# {title}\n\n{body}" if title else body
    art = parse_article(full, id=id, path=path)
    return replace(art, published=_date(published) or art.published, publisher=publisher or art.publisher,
                   author=author or art.author, url=url)


def read_html(path: Path, parse_article):
    import trafilatura

    html = decode(read_bytes(path), path)
    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False,
                               favor_precision=True)
    if not text or not text.strip():
        raise ArticleError(path, "no article text in the page")
    meta = trafilatura.extract_metadata(html)
    return _compose(parse_article, id=path.name, path=str(path), title=getattr(meta, "title", None), text=text,
                    published=getattr(meta, "date", None), publisher=getattr(meta, "sitename", None),
                    author=getattr(meta, "author", None), url=getattr(meta, "url", None))


def jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The non-blank lines of a JSON Lines file, numbered from 1. The 20 MiB limit holds
    per line (one article), not per file: a large UTF-8 file is read line by line."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size <= MAX_BYTES:
        data = decode(read_bytes(path), path)
        for n, line in enumerate(data.split("\n"), 1):
            if line.strip():
                yield n, line
        return
    with open(path, "rb") as fh:
        head = fh.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            raise ArticleError(path, f"too large ({size / 1e6:.0f} MB) for UTF-16 or binary data: "
                                     "give large JSON Lines files in UTF-8")
        fh.seek(0)
        for n, raw in enumerate(fh, 1):
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            if len(raw) > MAX_BYTES:
                raise ArticleError(f"{path}:{n}", f"line too large ({len(raw) / 1e6:.0f} MB, "
                                                  f"the limit is {MAX_BYTES // 2**20} MiB)")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("cp1252", errors="replace")
            yield n, clean(line.rstrip("\r\n"))


def parse_jsonl_line(path: Path, n: int, line: str, parse_article):
    """The article of line ``n`` of a JSON Lines file; ``ArticleError`` when it has none."""
    where = f"{path}:{n}"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(where, f"not JSON ({exc.msg})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise ArticleError(where, "a JSON line needs an object with a \"text\" string")
    return _compose(parse_article, id=f"{Path(path).name}#{n}", path=where, title=rec.get("title"),
                    text=rec["text"], published=rec.get("published"), publisher=rec.get("publisher"),
                    url=rec.get("url"))


def read_jsonl(path: Path, parse_article) -> Iterator:
    """Articles, or ``ArticleError`` for a bad line (yielded, not raised, so the others go on)."""
    found = False
    for n, line in jsonl_lines(path):
        try:
            yield parse_jsonl_line(path, n, line, parse_article)
            found = True
        except ArticleError as exc:
            yield exc
    if not found:
        yield ArticleError(path, "no article in this JSON Lines file")
