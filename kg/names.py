"""The name model: does a run of capitalized words look like a person's name?

Capital letters alone say little in Indonesian news: titles are in title case
("Bupati Resmikan Pasar"), and regions, bodies, ranks and laws are capitalized too.
Each word of a candidate is weighed by evidence that generalizes:

* ``NAME``: a given name or surname ranked in Indonesia or its Malay-speaking neighbours
  (``kg/data/person_names.tsv``, derived from names-dataset by ``tools/make_names.py``);
* ``WORD``: an affixed form of an Indonesian root word ("Resmikan", "Tetapkan",
  "Pelantikan"; roots in ``kg/data/root_words.txt``), or a word of kg's own vocabulary
  that names no person: office titles, units and agencies, law types, ranks and corps,
  event nouns, venue heads, sentence openers (``names.yaml``);
* ``ROOT``: a plain root word that is not a ranked name ("Sekretariat", "Harus"; but
  also Arabic loans used as names, "Jihad", "Furqan"): against a name unless a known
  name stands beside it;
* ``AMBIGUOUS``: a name that is also a word ("Budi", "Jaya", "Tanjung");
* ``UNKNOWN``: none of these (rare regional names are absent from every list).

A whole span that is a region ("Sulbar", "Aceh Utara") or ends in a compass word
("Sukamaju Barat") is a place, not a person. :func:`assess` gives the verdict for a span;
the extractors decide with their cues how much evidence they need.

:func:`spelling_key` folds the spelling variants of one name (Mohammad/Muhammad,
Soeharto/Suharto) so that one article's variants are one person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

NAME, AMBIGUOUS, ROOT, WORD, UNKNOWN = "name", "ambiguous", "root", "word", "unknown"

_PREFIXES = ("memper", "diper", "mem", "men", "meng", "meny", "me", "ber", "be", "ter", "di", "per", "pem",
             "pen", "peng", "peny", "pe", "ke", "se")
_SUFFIXES = ("kannya", "kan", "nya", "an", "i", "lah", "kah")
COMPASS = {"barat", "timur", "utara", "selatan", "tengah", "laut", "darat", "raya"}
# Particles inside names written in lower case or as initials ("bin", "binti", "van").
PARTICLES = {"bin", "binti", "van", "de", "da", "al", "el"}


def _lines(name: str) -> list[str]:
    text = resources.files("kg.data").joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln and not ln.startswith("#")]


@cache
def name_table() -> dict[str, tuple[str, int]]:
    """Folded name -> (flags, rank): g given, s surname, m Malay-world, w also a root word."""
    out = {}
    for ln in _lines("person_names.tsv"):
        name, flags, rank = ln.split("\t")
        out[name.casefold()] = (flags, int(rank))
    return out


@cache
def root_words() -> frozenset[str]:
    return frozenset(_lines("root_words.txt"))


def _flatten(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in (k, *_flatten(v))]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _flatten(v)]
    return []


@cache
def vocabulary_words() -> frozenset[str]:
    """Single words of kg's vocabulary that never stand for a person's name (folded)."""
    from . import gazetteer
    from .data import load_yaml

    voc = gazetteer.vocab()
    words: set[str] = set()
    for key in ("police_ranks", "military_ranks", "military_corps", "event_nouns", "venue_heads",
                "acting_prefixes", "former_markers"):
        for phrase in _flatten(voc.get(key, [])):
            for w in phrase.split():
                words.add(w.strip(".()").casefold())
    words |= {w.casefold() for w in load_yaml("names.yaml")["not_names"] if " " not in w}
    for title in gazetteer.office_titles():
        for form in title.forms:
            if " " not in form:
                words.add(form.strip(".").casefold())
    for unit in gazetteer.unit_forms():
        for form in unit.acronyms:
            if " " not in form:
                words.add(form.casefold())
    for agency in gazetteer.agencies():
        for form in agency.acronyms:
            if " " not in form:
                words.add(form.casefold())
    # the words of institution and office names that are no one's name ("Sekretariat",
    # "Majelis", "Komisi", "Balai"): a name never contains them
    table = name_table()
    phrases = [n for u in gazetteer.unit_forms() for n in u.names]
    phrases += [n for a in gazetteer.agencies() for n in a.names]
    phrases += [f for t in gazetteer.office_titles() for f in t.forms]
    for phrase in phrases:
        for w in phrase.split():
            w = w.strip(".,()").casefold()
            if len(w) > 3 and w.isalpha() and w not in table:
                words.add(w)
    laws = load_yaml("laws.yaml").get("instruments", {})
    for spec in laws.values():
        if isinstance(spec, dict):
            for form in spec.get("acronyms", []) or []:
                if " " not in form:
                    words.add(form.strip(".").casefold())
    words.discard("")
    # ranks and titles that are also common names stay names ("Mayor" is a rank only
    # before a name; the honorific regexes handle it)
    kept = {w for w in words if w not in name_table() or "w" in name_table()[w][0] or len(w) <= 3 or w.isupper()}
    # openers and titles of names.yaml are never names, whatever profile names say ("Kecamatan")
    return frozenset(kept | {w.casefold() for w in load_yaml("names.yaml")["not_names"] if " " not in w})


def _is_affixed_root(w: str, roots: frozenset[str]) -> bool:
    """"resmikan" (resmi+kan), "menetapkan" (me+tetap+kan), "pelantikan" (pe+lantik+an)."""
    if len(w) < 5:
        return False
    stems = {w}
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stems.add(w[: -len(suf)])
    for s in list(stems):
        for pre in _PREFIXES:
            if s.startswith(pre) and len(s) - len(pre) >= 3:
                rest = s[len(pre):]
                stems.add(rest)
                # meN-/peN- drop the first consonant of the root: menetapkan <- tetap, memukul <- pukul
                if pre in ("men", "pen"):
                    stems.add("t" + rest)
                elif pre in ("mem", "pem"):
                    stems.add("p" + rest)
                elif pre in ("meng", "peng"):
                    stems.add("k" + rest)
                elif pre in ("meny", "peny"):
                    stems.add("s" + rest)
    stems.discard(w)
    # a bare "-i" or "-an" after a root is how many names end ("Gafuri", "Setiawan"): only
    # a prefix or a verbal suffix makes a derived word
    plain = {w[: -len(suf)] for suf in ("i", "an") if w.endswith(suf)}
    return any(s in roots for s in stems - plain)


@cache
def word_kind(word: str) -> str:
    """NAME, AMBIGUOUS, WORD or UNKNOWN for one capitalized word."""
    w = word.strip(".,’'`").casefold()
    w = re.sub(r"[’'`]", "", w)
    if not w:
        return WORD
    if w in vocabulary_words():
        return WORD
    entry = name_table().get(w)
    if entry is not None:
        return AMBIGUOUS if "w" in entry[0] else NAME
    roots = root_words()
    if w in roots:
        return ROOT
    if _is_affixed_root(w, roots):
        return WORD
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        kinds = {word_kind(p) for p in parts}
        if NAME in kinds and WORD not in kinds:
            return NAME
        if WORD in kinds or ROOT in kinds:
            return WORD
    return UNKNOWN


@dataclass(frozen=True, slots=True)
class Verdict:
    """The evidence for one span: the kind of each word, and whether the span is a place."""

    kinds: tuple[str, ...]
    place: bool
    common_ambiguous: bool = False   # one word, a name common in Indonesia that is also a word ("Guntur")

    @property
    def names(self) -> int:
        return self.kinds.count(NAME)

    @property
    def words(self) -> int:
        return self.kinds.count(WORD)

    @property
    def roots(self) -> int:
        return self.kinds.count(ROOT)

    @property
    def plausible(self) -> bool:
        """No word speaks against a name, and the span is no place."""
        return not self.place and self.words == 0 and bool(self.kinds)

    @property
    def likely(self) -> bool:
        """Plausible, and a word or the shape speaks for it: a known name, or two or more
        words none of them a plain root word ("Renville Napitupulu", not "Harus Jaga")."""
        return self.plausible and (self.names > 0 or (len(self.kinds) >= 2 and self.roots == 0)
                                   or self.common_ambiguous)


def _is_place(words: list[str]) -> bool:
    from . import gazetteer

    if words and words[-1].casefold() in COMPASS and len(words) >= 2:
        return True
    return bool(gazetteer.regions_named(" ".join(words)))


@lru_cache(maxsize=1 << 16)
def assess(name: str) -> Verdict:
    """The verdict for a bare name (no honorifics or degrees): "Andi Wijaya", "Resmikan Pasar"."""
    words = [w for w in name.split() if w.casefold() not in PARTICLES]
    if len(words) == 1 and len(words[0].strip(".’'")) <= 2:
        return Verdict((WORD,), False)  # "No" of "No. 12", "Mo"
    kinds = []
    counted = []
    for w in words:
        if len(w.strip(".")) <= 1 or (w.isupper() and len(w) <= 3):
            continue  # initials ("P.", "HM") are neutral
        kinds.append(word_kind(w))
        counted.append(w)
    common = False
    if kinds == [AMBIGUOUS]:
        flags, rank = name_table().get(re.sub(r"[’'`.,]", "", counted[0]).casefold(), ("", 10**6))
        common = ("g" in flags or "s" in flags) and rank <= 500
    return Verdict(tuple(kinds), _is_place(words), common)


_MUH = re.compile(r"^(?:mu?h?ammad|moh?ammad|muhamad|mohamad|moh|muh|moch|mochammad|mochamad|muchammad|md)$")


@lru_cache(maxsize=1 << 16)
def spelling_key(token: str) -> str:
    """One form for the spelling variants of a name word: Mohammad/Muhammad/Muh. ->
    "muhammad"; old spellings Soeharto -> "suharto", Djoko -> "joko", Tjahjo -> "cahyo"."""
    from .text import fold

    t = fold(token).replace(" ", "")
    if _MUH.match(t):
        return "muhammad"
    t = t.replace("oe", "u").replace("dj", "j").replace("tj", "c").replace("sj", "sy").replace("nj", "ny")
    t = re.sub(r"(?<=[^aeiou])j(?=[aeiou])", "y", t) if t.startswith(("c", "s", "n")) else t
    t = re.sub(r"(.)\1", r"\1", t)
    return t
