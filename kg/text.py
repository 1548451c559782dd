"""Small text helpers shared by extractors: normalization and slugs for keys."""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^\w]+")


def squash(text: str) -> str:
    """Collapse every run of whitespace (newlines included) into one space.

    ``str.split`` and the regex ``\\s`` know the same whitespace (``str.isspace``), so this
    is ``re.sub(r"\\s+", " ", text).strip()``, several times faster."""
    return " ".join(text.split())


# for bytes.translate: ASCII punctuation and controls -> space, what _NON_WORD does to an ASCII text
_ASCII_NON_WORD = bytes(c if c < 128 and (chr(c).isalnum() or c == ord("_")) else 32 for c in range(256))


def ascii_words(text: str) -> list[bytes]:
    """The runs of word characters (``\\w+``) of an ASCII ``text``, lowered, as bytes."""
    return text.encode("ascii").translate(_ASCII_NON_WORD).lower().split()


def fold(text: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive form, for comparing names."""
    if text.isascii():  # no accents, casefold is lower: the same result, without regex or NFKD
        return b" ".join(ascii_words(text)).decode("ascii")
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


def _initials(words: list[str]) -> list[str]:
    """The initials an acronym spells: of each word but the small ones ("dan", "di")."""
    return [w[0].upper() for w in words if w.lower() not in _SMALL and w[:1].isalpha()]


def _initials_fit(words: list[str], acronym: str) -> bool:
    """Do the words spell the acronym ("Asosiasi Pemerintah Desa Seluruh Indonesia" ~ APDESI)?"""
    return _letters_fit(_initials(words), acronym)


def _letters_fit(letters: list[str], acronym: str) -> bool:
    acr = [c for c in acronym.upper() if c.isalpha()]
    if not letters or not acr or letters[0] != acr[0]:
        return False
    i = 0
    for c in acr:
        if i < len(letters) and c == letters[i]:
            i += 1
    return i == len(letters)


def _spelled_by(words: list[str], acronym: str) -> int:
    """The most trailing words (0: none) that spell ``acronym``, as trying every count
    from all the words down to one with :func:`_initials_fit` finds, in time linear in
    the words: whether n words fit depends only on how many initials they hold, and no
    more initials than the acronym has letters can fit."""
    counted = [i for i, w in enumerate(words) if w.lower() not in _SMALL and w[:1].isalpha()]
    letters = [words[i][0].upper() for i in counted]
    longest = sum(c.isalpha() for c in acronym)
    for k in range(min(len(counted), longest), 0, -1):
        if _letters_fit(letters[-k:], acronym):
            # the most words holding exactly these k initials: back to the initial before them
            return len(words) - (counted[-k - 1] + 1 if k < len(counted) else 0)
    return 0


_WORD = re.compile(r"\S+")


def name_variants(name: str) -> set[str]:
    """Other ways to write a name with acronyms in brackets:
    "Dewan Pimpinan Cabang (DPC) Asosiasi ... (APDESI) Kabupaten X" also reads
    "DPC APDESI Kabupaten X" and "Dewan Pimpinan Cabang Asosiasi ... Kabupaten X".

    Linear in the length of the name: each bracket looks only at the words between it
    and the bracket before it (a word with a bracket ends the acronym's words anyway)."""
    name = squash(name)
    out = {name, squash(_PAREN.sub("", name))}
    pieces: list[str] = []
    prev_start = prev_end = 0
    for m in _PAREN.finditer(name):
        # the words before the bracket as far as the previous bracket (its closing word included)
        words = [(w.start(), w.group(0)) for w in _WORD.finditer(name, prev_start, m.start())]
        free = 0
        while free < len(words) and "(" not in words[-1 - free][1] and ")" not in words[-1 - free][1]:
            free += 1
        n = _spelled_by([w for _, w in words[len(words) - free:]], m.group(1)) if free else 0
        if n:
            pieces += [name[prev_end:words[-n][0]], m.group(1)]   # "... Cabang (DPC)" -> "... DPC"
        else:
            pieces.append(name[prev_end:m.start()])                 # the bracket dropped
        prev_start, prev_end = m.start(), m.end()
    pieces.append(name[prev_end:])
    out.add(squash("".join(pieces)))
    trailing = _TRAILING.match(name)
    if trailing:
        out.add(squash(trailing.group(1)))
    return {o for o in out if o}


_TRAILING = re.compile(r"^(.*?)\s*\(\s*[^()]+\)\s*$")


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
