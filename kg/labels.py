"""Which strings may stand as an entity's name (label or alternative name).

Extractors record every surface form of an entity as a name, and some of those forms are
not names: an anaphor ("acara tersebut"), the verb that reported an event ("dilantik"),
a generic head alone ("Rapat", "Pemerintah"), a doubled word
("Provinsi Provinsi Aceh"), an unbalanced bracket ("Pemilu) 2024"). Exported as
``skos:altLabel`` they mislead readers and queries, and across articles they make two
different events look alike. This module decides, once, for every entity type:

* :func:`tidy` repairs what can be repaired (doubled words, stray brackets, a trailing
  "RI" after "Republik Indonesia");
* :func:`acceptable` says whether a tidied string may be a name at all.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .data import load_yaml
from .text import fold, squash

_LEVEL_WORDS = ("Provinsi", "Kabupaten", "Kota", "Kecamatan", "Desa", "Kelurahan", "Daerah", "Republik", "Indonesia",
                "RI", "Administrasi", "Negeri")
# only administrative words are collapsed: "Bau Bau" is a city, "Provinsi Provinsi Aceh" is a slip
_DOUBLED = re.compile(r"\b(" + "|".join(_LEVEL_WORDS) + r")(\s+\1\b)+", re.IGNORECASE)
_RI_TWICE = re.compile(r"(Republik\s+Indonesia)\s*\(?\s*RI\s*\)?\s*$", re.IGNORECASE)
_TOKENS = re.compile(r"[^\W_]+")
_ALNUM = re.compile(r"[^\W_]")        # what str.isalnum() says of one character
_CLOSE_FIRST = re.compile(r"^[^(]*\)")
_BRACKETED = re.compile(r"\(([^()]+)\)")
# what a doubled level word looks like once squashed and lower-cased: a cheap test
# that lets most names skip _DOUBLED (it is exact for ASCII names; others take the regex)
_DOUBLED_LOWER = tuple(f"{w} {w}" for w in (w.lower() for w in _LEVEL_WORDS))


@cache
def _words() -> dict[str, frozenset[str]]:
    heads = load_yaml("heads.yaml")
    from . import gazetteer

    event_nouns = {f.casefold() for forms in gazetteer.vocab()["event_nouns"].values() for f in forms}
    return {
        "determiners": frozenset(w.casefold() for w in heads["event_anaphora_determiners"]),
        "event_heads": frozenset(event_nouns | {w.casefold() for w in heads["event_anaphora_nouns"]}),
        "generic_orgs": frozenset({"pemerintah", "pemerintah daerah", "pemda", "pemkab", "pemkot", "pemprov",
                                   "dinas", "badan", "kantor", "sekretariat", "lembaga", "instansi",
                                   "kementerian", "komisi", "fraksi", "partai", "dewan"}),
        "levels": frozenset({"provinsi", "kabupaten", "kota", "kecamatan", "desa", "kelurahan", "pusat", "daerah",
                             "ri", "republik indonesia"}),
    }


def _tidy(name: str) -> str:
    """``name`` with whitespace squashed, doubled words said once, brackets balanced and a
    redundant "RI" after "Republik Indonesia" dropped."""
    name = " ".join(name.split())   # text.squash: str.split and the regex agree on whitespace
    if name.isascii():  # case-insensitive matching is ASCII's here, so lower() tells what can match
        low = name.lower()
        for d in _DOUBLED_LOWER:
            if d in low:
                name = _DOUBLED.sub(_first_group, name)
                break
        if "republik" in low and low.rstrip(" )").endswith("ri"):
            name = _RI_TWICE.sub(_first_group, name)
    else:
        name = _DOUBLED.sub(_first_group, name)
        name = _RI_TWICE.sub(_first_group, name)
    name = _balance(name)
    return name.strip(" ,;:-")


tidy = lru_cache(maxsize=1 << 16)(_tidy)


def _first_group(m: re.Match) -> str:
    return m.group(1)


def _balance(name: str) -> str:
    if "(" not in name and ")" not in name:
        return name
    # a closing bracket before any opening one: the opening part was cut off ("Pemilu) 2024")
    while _CLOSE_FIRST.match(name):
        name = name.replace(")", "", 1)
    depth = 0
    for ch in name:
        depth += ch == "("
        depth -= ch == ")"
    if depth > 0:  # "Komisi Pemilihan Umum (KPU": close what was opened, or drop the tail
        cut = name.rfind("(")
        name = name[:cut] if cut > 0 else name.replace("(", "")
    return squash(name)


def _acceptable(name: str, type_: str) -> bool:
    """May ``name`` (already tidied) name an entity of ``type_``?"""
    if not name or len(name) > 200 or _ALNUM.search(name) is None:
        return False
    folded = name.casefold()
    words = _words()
    if type_ != "Event" and type_ != "Organization":
        for d in words["determiners"]:
            if d in folded:
                break
        else:
            return True   # no determiner can be a word of it (the casefold of a letter holds a letter)
    tokens = _TOKENS.findall(folded)
    if not tokens:
        return False
    if tokens[-1] in words["determiners"] or tokens[0] in words["determiners"]:
        return False          # "acara tersebut", "rapat itu", "ini"
    if type_ == "Event":
        if len(tokens) == 1 and name[:1].islower():
            return False      # a verb or a bare lower-case head: "dilantik", "rapat"
        if " ".join(tokens) in words["event_heads"]:
            return False      # a generic head alone: "Rapat", "Pelantikan"
    if type_ == "Organization":
        return _organization_ok(tokens, words)
    return True


acceptable = lru_cache(maxsize=1 << 16)(_acceptable)


@cache
def _triggers():
    """One automaton of what, in a lower-cased ASCII name, can make tidy() change more than
    its spacing and ends, or make a determiner a word of it: a doubled level word,
    "republik", a bracket, a determiner."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in (*_DOUBLED_LOWER, "republik", "(", ")", *_words()["determiners"]):
        auto.add_word(w, w)
    auto.make_automaton()
    return auto


def _clean(name: str, type_: str) -> tuple[str, bool]:
    """``(tidy(name), acceptable(tidy(name), type_))``: most names are plain ASCII with none of
    the triggers, and then neither needs a regex."""
    t = " ".join(name.split())
    if t.isascii():
        low = t.lower()
        for _ in _triggers().iter(low):
            break
        else:
            t = t.strip(" ,;:-")
            if not t or len(t) > 200 or _ALNUM.search(t) is None:
                return t, False
            if type_ != "Event" and type_ != "Organization":
                return t, True
            if type_ == "Organization" and t.replace(" ", "").isalnum():   # its words are its tokens
                return t, _organization_ok(t.lower().split(" "), _words())
    t = _tidy(name)
    return t, bool(t) and _acceptable(t, type_)


def _organization_ok(tokens: list[str], words) -> bool:
    """The test of an organization's name in :func:`acceptable`, on its (casefolded) tokens."""
    if " ".join(tokens) in words["generic_orgs"]:
        return False      # "Pemerintah"
    levels, others = words["levels"], 0
    for t in tokens:
        if t not in levels:
            others += 1
            if others > 1:
                return True
    rest = [t for t in tokens if t not in levels]
    return not (len(rest) < len(tokens) and (not rest or rest[0] in words["generic_orgs"]))   # "Dinas Kabupaten"


_CLEAN_SIZE = 1 << 16
_CLEAN: dict[str, dict[str, tuple[str, bool]]] = {}   # type -> name -> (tidied, acceptable)


def names_for(type_: str, names, label: str) -> tuple[str, frozenset[str]]:
    """The tidied label and the acceptable tidied names of an entity (the label is kept even
    when generic: an entity needs a name, and a bare one is better than none)."""
    label = tidy(label) or label
    kept = {label}
    # what the label itself gives in brackets is a name of the thing ("Kunjungan Kerja (Kunker)")
    declared = {fold(a) for a in _BRACKETED.findall(label)} if "(" in label else None
    cache = _CLEAN.get(type_)
    if cache is None or len(cache) > _CLEAN_SIZE:
        cache = _CLEAN[type_] = {}
    for n in names:
        hit = cache.get(n)
        if hit is None:
            hit = cache[n] = _clean(n, type_)
        t, ok = hit
        if ok or (t and declared and fold(t) in declared):
            kept.add(t)
    return label, frozenset(kept)
