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
    """A stable ASCII slug for canonical keys: "Iskandar AP" -> "iskandar-ap"."""
    folded = fold(text)
    folded = folded.encode("ascii", "ignore").decode("ascii")
    return "-".join(folded.replace("_", " ").split()) or "x"
