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
import os
import re
import stat
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
    # mojibake opens with one of three letters: looking for them is far cheaper than the regex
    if ("Ã" in text or "Â" in text or "â" in text) and MOJIBAKE.search(text):
        import ftfy

        text = ftfy.fix_encoding(text)
    if CONTROL.search(text) is None:
        return text
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


def display(path) -> str:
    """A path as text that any file and exporter can hold: bytes of a file name that are
    not UTF-8 become U+FFFD (the file is still read under its real name)."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        return text.decode("utf-8", "replace")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "replace")


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file or a folder is ("a FIFO", ...), else None."""
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return None


def open_regular(path: Path):
    """A binary file object of the regular file at ``path``; ``ArticleError`` for a
    folder, a FIFO, a device, a socket, a broken link, a missing or unreadable file.
    Never blocks: a FIFO is opened without waiting for a writer, then refused."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        reason = "a broken link (its target does not exist)" if os.path.islink(path) else "no such file"
        raise ArticleError(display(path), reason) from None
    except PermissionError:
        raise ArticleError(display(path), "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(display(path), "a folder, not an article") from None
    except OSError as exc:  # a socket (ENXIO), a loop of links...
        try:
            other = kind_of(os.stat(path).st_mode)
        except OSError:
            other = None
        raise ArticleError(display(path), f"not a regular file ({other})" if other
                           else f"cannot be opened ({exc.strerror})") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ArticleError(display(path), "a folder, not an article")
        if not stat.S_ISREG(mode):
            raise ArticleError(display(path), f"not a regular file ({kind_of(mode) or 'a special file'}): not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _too_large(path, size: int | None = None) -> ArticleError:
    what = f"{size / 1e6:.0f} MB" if size is not None else f"over {MAX_BYTES // 2**20} MiB"
    return ArticleError(display(path), f"too large ({what}, the limit is {MAX_BYTES // 2**20} MiB)")


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, at most MAX_BYTES: the limit holds while reading,
    whatever size the file claims (a file that grows, /dev/zero behind a link)."""
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_BYTES:
            raise _too_large(path, size)
        try:
            data = fh.read(MAX_BYTES + 1)
        except OSError as exc:
            raise ArticleError(display(path), f"could not be read ({exc.strerror})") from None
        if len(data) > MAX_BYTES:
            raise _too_large(path)
        return data


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
    return _compose(parse_article, id=display(path.name), path=display(path), title=getattr(meta, "title", None), text=text,
                    published=getattr(meta, "date", None), publisher=getattr(meta, "sitename", None),
                    author=getattr(meta, "author", None), url=getattr(meta, "url", None))


def jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The non-blank lines of a JSON Lines file, numbered from 1. The 20 MiB limit holds
    per line (one article), not per file: a large UTF-8 file is read line by line, and
    no line is held longer than the limit."""
    path = Path(path)
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size <= MAX_BYTES:
            data = fh.read(MAX_BYTES + 1)
            if len(data) <= MAX_BYTES:
                text = decode(data, path)
                for n, line in enumerate(text.split("\n"), 1):
                    if line.strip():
                        yield n, line
                return
            fh.seek(0)  # grew past the limit while we looked: read it line by line
        head = fh.read(4096)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            raise ArticleError(display(path), f"too large ({size / 1e6:.0f} MB) for UTF-16 or binary data: "
                                              "give large JSON Lines files in UTF-8")
        fh.seek(0)
        n = 0
        while True:
            raw = fh.readline(MAX_BYTES + 1)
            if not raw:
                break
            n += 1
            if len(raw) > MAX_BYTES:
                while raw and not raw.endswith(b"\n"):  # the rest of the line, in pieces, dropped
                    raw = fh.readline(1 << 20)
                raise ArticleError(f"{display(path)}:{n}", f"line too large (over {MAX_BYTES // 2**20} MiB, "
                                                           f"the limit is {MAX_BYTES // 2**20} MiB)")
            if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("cp1252", errors="replace")
            yield n, clean(line.rstrip("\r\n"))


def parse_jsonl_line(path: Path, n: int, line: str, parse_article):
    """The article of line ``n`` of a JSON Lines file; ``ArticleError`` when it has none."""
    where = f"{display(path)}:{n}"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ArticleError(where, f"not JSON ({exc.msg})") from None
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise ArticleError(where, "a JSON line needs an object with a \"text\" string")
    return _compose(parse_article, id=f"{display(Path(path).name)}#{n}", path=where, title=rec.get("title"),
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
