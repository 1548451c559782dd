"""Day and month names (from kg/data/calendar.yaml), for extractors that must stop a
name before a date: "Gedung Serbaguna Selasa (23/05/2023)"."""
from __future__ import annotations

from functools import cache

from ..data import load_yaml


@cache
def _words() -> frozenset[str]:
    cal = load_yaml("calendar.yaml")
    words: set[str] = set()

    def walk(node):
        if isinstance(node, str):
            words.add(node.casefold())
        elif isinstance(node, dict):
            for k, v in node.items():
                if isinstance(k, str) and not k.isdigit():
                    words.add(k.casefold())
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for section in ("days", "months", "weekdays", "month_names"):
        if section in cal:
            walk(cal[section])
    return frozenset(w for w in words if w.isalpha() or "'" in w)


def is_calendar_word(token: str) -> bool:
    return token.casefold() in _words()
