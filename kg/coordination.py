"""Lists and coordination: "A, B, C dan D", "Wakil Ketua X dan Y", "Fraksi Golkar, PKS dan PAN".

One mechanism for every extractor that meets coordinated phrases (people, attendance,
offices, laws, organizations):

* :func:`split` cuts a stretch of text into its conjuncts at the separators of the top
  level (",", ";", "dan", "serta", "maupun", "atau", "&", and their combinations such as
  ", dan" or ", serta"), never inside brackets nor inside a protected span (a known
  name such as "Dinas Kebudayaan dan Pariwisata" keeps its "dan"). Offsets are into
  the text given.
* :func:`groups` joins spans that the text coordinates: two mentions with only a
  separator between them belong to one list ("UU A, UU B dan UU C").
* :func:`complete_left` and :func:`complete_right` share a head or a tail between the
  conjuncts: "Ketua dan Wakil Ketua DPRD X" is "Ketua DPRD X" and "Wakil Ketua DPRD X";
  "Fraksi Golkar, PKS dan PAN" is "Fraksi Golkar", "Fraksi PKS" and "Fraksi PAN".

Nothing here knows what a conjunct is: callers decide, with their own recognizers,
which conjuncts are names, offices or laws.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .model import Conjunct, Coordination

CONJUNCTIONS = ("dan", "serta", "maupun", "atau", "&")

# A separator: a comma or semicolon (optionally followed by a conjunction), or a
# conjunction between spaces. "dan juga", "serta para" keep their second word in the
# conjunct; only the conjunction itself separates.
_SEP = re.compile(
    r"\s*[,;]\s*(?:(?:dan|serta|maupun|atau|&)\s+)?"
    r"|\s+(?:dan|serta|maupun|atau|&)\s+"
    r"|\s*&\s*",
)
_CONJ_IN = re.compile(r"(?<![\w-])(dan|serta|maupun|atau)(?![\w-])|&")
_OPEN, _CLOSE = "([{“\"", ")]}”\""
_BRACKET = re.compile(r"[(\[{“)\]}”]")   # what opens and closes a bracket in separators()


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < pos < e for s, e in spans)


def separators(text: str, start: int = 0, end: int | None = None, *,
               protect: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """The top-level separators between ``start`` and ``end``: (start, end, conjunction or
    punctuation). Separators inside brackets or quotes or inside a protected span are not
    separators."""
    end = len(text) if end is None else end
    protect = [(s, e) for s, e in protect if e > start and s < end]
    # bracket depth at every position (quotes that open and close count as brackets)
    closed: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _BRACKET.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch in "([{“":
            stack.append(i)
        elif stack:
            closed.append((stack.pop(), i + 1))
    if stack:  # an unclosed bracket shields the rest of the stretch
        closed.append((stack[0], end))
    shields = protect + closed
    out = []
    for m in _SEP.finditer(text, start, end):
        if m.start() == m.end() or m.start() == start or m.end() == end:
            continue
        if _inside(m.start(), shields) or _inside(m.end() - 1, shields) or any(
                s <= m.start() and m.end() <= e for s, e in shields):
            continue
        word = _CONJ_IN.search(m.group(0))
        out.append((m.start(), m.end(), word.group(0) if word else m.group(0).strip()))
    return out


def split(text: str, start: int = 0, end: int | None = None, *,
          protect: Iterable[tuple[int, int]] = ()) -> list[Conjunct]:
    """Cut ``text[start:end]`` into conjuncts at its top-level separators.

    >>> [c.text for c in split("Andi Wijaya, Siti Aminah dan Budi Santoso")]
    ['Andi Wijaya', 'Siti Aminah', 'Budi Santoso']
    """
    end = len(text) if end is None else end
    protect = list(protect)
    out = []
    pos = start
    for s, e, _ in separators(text, start, end, protect=protect) + [(end, end, "")]:
        chunk = text[pos:s]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            out.append(Conjunct(pos + lead, pos + trail, chunk[lead:trail]))
        pos = e
    return out


def groups(spans: Iterable[tuple[int, int]], text: str, *, protect: Iterable[tuple[int, int]] = (),
           between: str | None = None) -> list[Coordination]:
    """Join spans (sorted, not overlapping) that only a separator divides into lists.

    ``between`` is an optional regex of what else may stand between two members besides
    the separator (e.g. an honorific); a lone span is a list of one.
    """
    spans = sorted(spans)
    extra = re.compile(between) if between else None
    out: list[Coordination] = []
    current: list[tuple[int, int]] = []
    conj = ","
    for span in spans:
        if current:
            gap = text[current[-1][1]:span[0]]
            m = _SEP.fullmatch(gap)
            if m is None and extra is not None:
                m2 = re.match(rf"({_SEP.pattern})(?:{extra.pattern})\s*$", gap)
                m = m2
            if m is not None and not any(s < span[0] and current[-1][1] < e for s, e in protect):
                word = _CONJ_IN.search(gap)
                if word:
                    conj = word.group(0)
                current.append(span)
                continue
            out.append(Coordination(tuple(current), conj))
        current, conj = [span], ","
    if current:
        out.append(Coordination(tuple(current), conj))
    return out


def _head_of(words: list[str], heads: set[str]) -> int:
    """How many leading words of ``words`` form the longest head in ``heads`` (casefolded)."""
    best = 0
    for n in range(1, len(words) + 1):
        if " ".join(words[:n]).casefold() in heads:
            best = n
    return best


def complete_left(items: Sequence[str], heads: Iterable[str]) -> list[str]:
    """Items that are a bare head take the tail of the last item:
    ["Ketua", "Wakil Ketua DPRD Kota X"] -> ["Ketua DPRD Kota X", "Wakil Ketua DPRD Kota X"]."""
    heads = {h.casefold() for h in heads}
    if len(items) < 2:
        return list(items)
    last = items[-1].split()
    n = _head_of(last, heads)
    if not n or n == len(last):
        return list(items)
    tail = " ".join(last[n:])
    out = []
    for it in items[:-1]:
        words = it.split()
        out.append(f"{it} {tail}" if words and _head_of(words, heads) == len(words) else it)
    return out + [items[-1]]


def complete_right(items: Sequence[str], heads: Iterable[str]) -> list[str]:
    """Items after the first that lack a head take the head of the first:
    ["Fraksi Golkar", "PKS", "PAN"] -> ["Fraksi Golkar", "Fraksi PKS", "Fraksi PAN"]."""
    heads = {h.casefold() for h in heads}
    if len(items) < 2:
        return list(items)
    first = items[0].split()
    n = _head_of(first, heads)
    if not n or n == len(first):
        return list(items)
    head = " ".join(first[:n])
    out = [items[0]]
    for it in items[1:]:
        out.append(it if _head_of(it.split(), heads) else f"{head} {it}")
    return out
