"""Small text helpers shared by extractors: normalization and slugs for keys."""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")


def squash(text: str) -> str:
    """Collapse every run of whitespace (newlines included) into one space."""
    return _WS.sub(" ", text).strip()


def fold(text: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive form, for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def slug(text: str) -> str:
    """A stable ASCII slug for canonical keys: "Sulaiman AP" -> "iskandar-ap"."""
    folded = fold(text)
    folded = folded.encode("ascii", "ignore").decode("ascii")
    return "-".join(folded.replace("_", " ").split()) or "x"


_PAREN = re.compile(r"\s*\(\s*([^()]{1,40}?)\s*\)")
_SMALL = {"dan", "&", "di", "ke", "dari", "se", "atau", "untuk", "bagi", "pada"}


def _initials_fit(words: list[str], acronym: str) -> bool:
    """Do the words spell the acronym ("Asosiasi Pemerintah Desa Seluruh Indonesia" ~ APDESI)?"""
    letters = [w[0].upper() for w in words if w.lower() not in _SMALL and w[:1].isalpha()]
    acr = [c for c in acronym.upper() if c.isalpha()]
    if not letters or not acr or letters[0] != acr[0]:
        return False
    i = 0
    for c in acr:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i == len(letters)


def name_variants(name: str) -> set[str]:
    """Other ways to write a name with acronyms in brackets:
    "Dewan Pimpinan Cabang (DPC) Asosiasi ... (APDESI) Kabupaten X" also reads
    "DPC APDESI Kabupaten X" and "Dewan Pimpinan Cabang Asosiasi ... Kabupaten X"."""
    name = squash(name)
    out = {name, squash(_PAREN.sub("", name))}
    short = name
    for m in reversed(list(_PAREN.finditer(name))):
        acr = m.group(1)
        before = short[:m.start()].split()
        free = 0
        while free < len(before) and "(" not in before[-1 - free] and ")" not in before[-1 - free]:
            free += 1
        for n in range(free, 0, -1):
            if _initials_fit(before[-n:], acr):
                short = " ".join(before[:-n] + [acr]) + short[m.end():]
                break
        else:
            short = short[:m.start()] + short[m.end():]
    out.add(squash(short))
    trailing = re.match(r"^(.*?)\s*\(\s*[^()]+\)\s*$", name)
    if trailing:
        out.add(squash(trailing.group(1)))
    return {o for o in out if o}


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so "Rapat Koordinasi" wins over "Rapat")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def trie_alternation(words) -> str:
    """The same language as :func:`alternation`, as a prefix tree ("S\\.(?:H\\.(?:I\\.)?|E)"):
    the regex engine then tries one branch per character instead of every word in turn.
    Longer words still win (optional tails are greedy)."""
    trie: dict = {}
    for w in set(words):
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"
