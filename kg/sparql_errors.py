"""Short messages for SPARQL syntax errors.

Oxigraph's parser says ``error at 1:29: expected one of Prefix not found, ['%'],
['-' | '0' ..= '9' | '\\u{00B7}' ...`` — the grammar's every character class. A user
needs the place, what was wrong, and the line with a caret under it:

    SPARQL syntax error at line 1, column 22: unknown prefix foo: (declare it with
    PREFIX foo: <...>; predefined: kg, kgid, rdf, ...)
      SELECT ?x WHERE { ?x foo:bar ?y }
                           ^
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_AT = re.compile(r"^error at (\d+):(\d+):\s*(.*)$", re.S)
MAX_EXPECTED = 8


def _expected(text: str) -> str:
    """``expected one of A, B, ['0'..='9'], C`` without the character classes, at most a few."""
    m = re.match(r"expected (one of )?(.*)$", text, re.S)
    if not m:
        return " ".join(text.split())
    items, depth, cur = [], 0, ""
    for ch in m.group(2):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            items.append(cur.strip())
            cur = ""
        else:
            cur += ch
    items.append(cur.strip())
    words = [i for i in items if i and not i.startswith("[")]
    if not words:
        return "unexpected character here"
    shown = ", ".join(words[:MAX_EXPECTED]) + (", ..." if len(words) > MAX_EXPECTED else "")
    return f"expected {'one of ' if len(words) > 1 else ''}{shown}"


# blanked out before looking for prefixed names: comments, strings, IRIs (offsets kept)
_OPAQUE = re.compile(r"""'\'\'\'.*?'\'\'\'|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^\s<>"{}|^`]*>|#[^\n]*""",
                     re.S)
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
_USED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\]|\s|$)")


def unknown_prefix(query: str, prefixes: Iterable[str] = ()) -> tuple[str, int] | None:
    """The first prefix used in ``query`` that is neither declared nor predefined, with
    its offset; None if every prefix is known."""
    plain = _OPAQUE.sub(lambda m: " " * len(m.group()), query)
    known = set(prefixes) | {m.group(1) or "" for m in _DECLARED.finditer(plain)}
    for m in _USED.finditer(plain):
        name = m.group(1) or ""
        if name not in known:
            return name, m.start()
    return None


def syntax_message(exc: BaseException, query: str, *, prefixes: Iterable[str] = ()) -> str:
    """One short message (and the offending line with a caret) for a SPARQL syntax error."""
    raw = str(exc)
    m = _AT.match(raw.strip())
    unknown = unknown_prefix(query, prefixes)
    if not m and unknown is None:
        first = raw.strip().splitlines()[0] if raw.strip() else type(exc).__name__
        return f"SPARQL syntax error: {first[:200]}"
    if unknown is not None:  # the parser's own message about it is a list of character ranges, or misleading
        name, offset = unknown
        line_no = query.count("\n", 0, offset) + 1
        col = offset - (query.rfind("\n", 0, offset) + 1) + 1
        known = ", ".join(prefixes)
        what = (f"unknown prefix {name}: (declare it with PREFIX {name}: <...>"
                + (f"; predefined: {known})" if known else ")"))
    else:
        line_no, col = int(m.group(1)), int(m.group(2))
        what = _expected(m.group(3))
    lines = query.splitlines() or [""]
    text = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
    caret = " " * (max(col, 1) - 1) + "^"
    shown = text if len(text) <= 160 else text[:160] + "…"
    return f"SPARQL syntax error at line {line_no}, column {col}: {what}\n  {shown}\n  {caret}"
