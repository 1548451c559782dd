"""Within one article: mentions become entities.

* People: a short form ("Sulaiman", "Muis") is the person whose full name has that
  word; later bare mentions of a known name are found in every sentence.
* Events: all mentions of one kind ("Rapat Koordinasi (Rakor) ...", "Rakor itu")
  are one event; "kegiatan tersebut", "acara itu" refer to the article's main event
  (the first one it names). Elections without a year take the year the article
  gives elsewhere, else the next election after the article's date.
* Offices whose body was inferred from the article's region are kept only when a
  person holds them.
"""
from __future__ import annotations

from functools import cache

import re
from collections import defaultdict
from dataclasses import dataclass

from .data import load_yaml
from .labels import acceptable, names_for
from .model import DocumentGraph, Entity, Evidence, Mention, Sentence, Sighting
from .text import fold, slug, squash

ENTITY_TYPES = ("Person", "Organization", "Office", "Event", "Law", "Place")


@dataclass(frozen=True, slots=True)
class Resolved:
    sentence: Sentence
    mention: Mention
    key: str


def resolve_entities(doc) -> None:
    art = doc.article
    pairs = doc.all_mentions()
    pairs = _people(doc, pairs)
    persons = _scope_bare_names(_person_keys(pairs), doc)
    events, main = _event_keys(doc, pairs)
    holders = {dict(m.links).get("holdsOffice") for _, m in pairs if m.type == "Person"}
    venues = _venue_keys(pairs)
    resolved: list[Resolved] = []
    for sent, m in pairs:
        if m.type not in ENTITY_TYPES:
            continue
        if m.type == "Person":
            key = persons.get(id(m))
        elif m.type == "Event":
            key = events.get(id(m))
        elif m.type == "Office" and "inferred-scope" in m.qualifiers and m.key not in holders:
            key = None
        else:
            key = venues.get(m.key, m.key)
        if key:
            resolved.append(Resolved(sent, m, key))
    doc.resolved = resolved
    doc.main_event = main
    graph = DocumentGraph(article=art, sentences=list(doc.sentences))
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for r in resolved:
        by_key[r.key].append(r.mention)
        graph.sightings.append(Sighting(r.key, squash(r.mention.text),
                                        Evidence(art.id, r.sentence.index, r.mention.start, r.mention.end)))
    for key, ms in by_key.items():
        graph.entities[key] = _entity(key, ms, doc)
    doc.graph = graph


def _entity(key: str, ms: list[Mention], doc=None) -> Entity:
    typ = ms[0].type
    names: set[str] = set()
    labels = []
    for m in ms:
        names |= set(m.names)
        names.add(squash(m.text))
        if m.label:
            labels.append(m.label)
            names.add(m.label)
    if typ == "Person":
        label = max(labels, key=lambda s: (len(s.split()), len(s), s))
    elif typ == "Event":
        label = _event_label(key, ms, labels)
    else:
        label = min(labels, key=lambda s: (labels.index(s),)) if labels else squash(ms[0].text)
    label, kept = names_for(typ, names, label)
    if typ == "Event" and doc is not None and not acceptable(label, typ):
        label, kept = _situated(label, kept, doc)
    return Entity(key, typ, label, kept)


def _situated(label: str, names: frozenset[str], doc) -> tuple[str, frozenset[str]]:
    """A generic event name ("Pelantikan", "Rapat") says nothing once articles are merged:
    it is written with the article's region, "Pelantikan (Kabupaten Contoh)", and the bare
    head is no longer one of its names."""
    from . import gazetteer

    where = next((r for r in map(gazetteer.region, doc.region_codes) if r is not None), None)
    if where is None:
        return label, names
    situated = f"{label} ({where.qualified_name})"
    return situated, frozenset(n for n in names if n != label) | {situated}


def _event_label(key, ms, labels):
    canonical = [m.label for m in ms if m.key == key and m.label]
    if canonical:  # an election named with its year: "Pemilu 2024"
        return canonical[0]
    full = [m.label for m in ms if m.label and "anaphora" not in m.qualifiers] or [m.label for m in ms if m.label]
    if not full:
        return key
    return max(full, key=lambda s: (len(s.split()), len(s), s))


def _venue_keys(pairs) -> dict[str, str]:
    """A venue written short and long in one article is one place: "Balairung Kantor Bupati X"
    is "Balairung Y Kantor Bupati X" when every word of the short name is in the long one."""
    venues = {m.key: [fold(w) for w in (m.label or m.text).split()] for _, m in pairs
              if m.type == "Place" and m.value == "venue" and m.key}
    out = {}
    for key, words in venues.items():
        longer = [k for k, w in venues.items() if k != key and len(w) > len(words)
                  and w[0] == words[0] and set(words) <= set(w)]
        if longer:
            out[key] = max(longer, key=lambda k: (len(venues[k]), k))
    return out


# ---------------------------------------------------------------- people
def _people(doc, pairs):
    """Find later bare mentions of the people already named in the article."""
    full = [m for _, m in pairs if m.type == "Person" and len(m.label.split()) >= 1]
    words: dict[str, str] = {}
    not_names = {w.casefold() for w in load_yaml("names.yaml")["not_names"]}
    for m in full:
        for w in m.label.split():
            w = w.strip(".")
            if len(w) >= 3 and w.casefold() not in not_names:
                words.setdefault(w, m.label)
    if not words:
        return pairs
    rx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])")
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for sent, m in pairs:
        by_sentence[sent.index].append(m)
    out = list(pairs)
    for sent in doc.sentences:
        taken = [(m.start, m.end) for m in by_sentence[sent.index] if m.type != "Date"]
        for hit in rx.finditer(sent.text):
            s, e = sent.start + hit.start(), sent.start + hit.end()
            if any(a < e and s < b for a, b in taken):
                continue
            m = Mention("Person", hit.group(1), s, e, label=hit.group(1), key=f"person:{slug(hit.group(1))}",
                        names=frozenset({hit.group(1)}), qualifiers=frozenset({"coref"}), source="resolve")
            out.append((sent, m))
            taken.append((s, e))
    out.sort(key=lambda p: (p[0].index, p[1].start))
    return out


def _person_keys(pairs) -> dict[int, str]:
    people = [m for _, m in pairs if m.type == "Person"]
    fulls = sorted({m.label for m in people}, key=lambda s: (-len(s.split()), s))
    canon: dict[str, str] = {}
    for label in fulls:
        toks = [fold(t) for t in label.split()]
        target = None
        for other in fulls:
            if other == label or len(other.split()) <= len(label.split()):
                continue
            otoks = [fold(t) for t in other.split()]
            if _contiguous(toks, otoks):
                target = canon.get(other, other)
                break
        canon[label] = target or label
    return {id(m): f"person:{slug(canon[m.label])}" for m in people}


def _scope_bare_names(keys: dict[int, str], doc) -> dict[int, str]:
    """A one-word name ("Budiman") is not evidence enough that two articles speak of one
    person: its key is scoped to the article's main province or regency, else to the
    article itself. Two articles about one regency still share "Budiman"; "Budiman" of
    Kota Bogor and "Budiman" of Kabupaten Jayapura stay two people. Full names
    ("Budiman Sudjatmiko") are keyed by the name alone."""
    scope = None
    for code in doc.region_codes:
        scope = code
        break
    if scope is None:
        scope = slug(doc.article.id)
    out = {}
    for ident, key in keys.items():
        name = key.split(":", 1)[1]
        out[ident] = f"{key}@{slug(scope)}" if "-" not in name else key
    return out


def _contiguous(small: list[str], big: list[str]) -> bool:
    n = len(small)
    return any(big[i:i + n] == small for i in range(len(big) - n + 1))


# ---------------------------------------------------------------- events
def _event_keys(doc, pairs):
    cfg = load_yaml("heads.yaml")
    years = cfg["election_years"]
    art = doc.article
    events = [(s, m) for s, m in pairs if m.type == "Event"]
    keys: dict[int, str] = {}
    # elections
    dated: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for s, m in events:
        if "election" in m.qualifiers and m.key:
            dated[m.value.split(":")[0]].append((m.start, m.key))
            if ":" in m.value:
                dated[m.value].append((m.start, m.key))
    ref = doc.reference_date
    for s, m in events:
        if "election" not in m.qualifiers:
            continue
        if m.key:
            keys[id(m)] = m.key
            continue
        if not m.text[:1].isupper():
            continue
        kind = m.value
        same = dated.get(kind) or ([] if ":" in kind else [])
        if "no-region" in m.qualifiers:
            same = [x for k, v in dated.items() if ":" in k for x in v] or same
        if same:
            keys[id(m)] = min(same, key=lambda x: abs(x[0] - m.start))[1]
        elif ref is not None and ":" not in kind:
            later = [y for y in years.get(kind, []) if y >= ref.year]
            if later:
                keys[id(m)] = f"event:{kind}-{later[0]}"
    # other events: one per kind, kinds joined when one mention names both ("Pelatihan ... (Bimtek)")
    nouns = _event_nouns()
    parent: dict[str, str] = {}

    def find(k):
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    order: list[str] = []
    for s, m in events:
        if "election" in m.qualifiers or "anaphora" in m.qualifiers or not m.value:
            continue
        if m.value not in order:
            order.append(m.value)
        for word in re.findall(r"\(([^()]+)\)", m.label or ""):
            other = nouns.get(word.strip().casefold())
            if other and other != m.value:
                parent[find(other)] = find(m.value)
                if other not in order:
                    order.append(other)
    main = None
    slug_doc = slug(art.id.rsplit(".", 1)[0])
    kind_key: dict[str, str] = {}
    kinds = [find(m.value) for _, m in events if m.value and "election" not in m.qualifiers
             and "anaphora" not in m.qualifiers and len((m.label or "").split()) > 1]
    for s, m in events:
        if "election" in m.qualifiers or "anaphora" in m.qualifiers or not m.value:
            continue
        if len((m.label or "").split()) == 1:
            # "Rapat dipimpin ..." after "Rapat Paripurna ...": the bare head names the same event
            family = [k for k in kinds if k != find(m.value) and k.split()[0].casefold() == m.label.casefold()]
            if family:
                parent[find(m.value)] = family[0]
        root = find(m.value)
        if root not in kind_key:
            kind_key[root] = f"event:{slug(root)}@{slug_doc}"
        keys[id(m)] = kind_key[root]
        if main is None:
            main = kind_key[root]
    for s, m in events:
        if "anaphora" in m.qualifiers and m.value and "verb" not in m.qualifiers and find(m.value) not in kind_key:
            # "Penyerahan DIPA ini ...": a named event, even with no earlier mention
            kind_key[find(m.value)] = f"event:{slug(find(m.value))}@{slug_doc}"
            main = main or kind_key[find(m.value)]
    for s, m in events:
        if "anaphora" not in m.qualifiers:
            continue
        if m.value and find(m.value) in kind_key:
            keys[id(m)] = kind_key[find(m.value)]
        elif main is not None and not m.value and "verb" not in m.qualifiers:
            keys[id(m)] = main
    return keys, main


def add_dateline(doc) -> None:
    """The dateline place ("BANDA ACEH, Warta -") is a place of the article."""
    from .extract.institutions import choose_region, region_names
    from .extract.lexicon import find

    art = doc.article
    if not art.dateline or doc.graph is None:
        return
    name = squash(art.dateline)
    head = art.text[: (art.body[0][0] if art.body else len(art.text))]
    pos = head.casefold().rfind(name.casefold())
    if pos < 0:
        pos = art.text.casefold().find(name.casefold())
    start, end = (pos, pos + len(name)) if pos >= 0 else (0, 0)
    hits = [h for h in find(name) if h.has("region") and h.start == 0 and h.end == len(name)]
    if hits:
        r = choose_region(hits[0].of("region"), preferred=doc.region_codes)
        key, label, names = f"place:{r.code}", r.name, region_names(r)
    elif fold(name) == "indonesia":
        key, label, names = "place:indonesia", "Indonesia", {"Indonesia"}
    else:
        label = name.title() if name.isupper() else name
        key, names = f"place:{slug(label)}", {label}
    names = set(names) | {name}
    old = doc.graph.entities.get(key)
    if old is not None:
        names |= set(old.names)
        label = old.label
    doc.graph.entities[key] = Entity(key, "Place", label, frozenset(names))
    sent = doc.sentences[0].index if doc.sentences else 0
    doc.graph.sightings.append(Sighting(key, name, Evidence(art.id, sent, start, end)))
    doc.dateline_key = key


@cache
def _event_nouns() -> dict[str, str]:
    """Event noun (casefolded) -> event kind, from vocab.yaml."""
    from . import gazetteer

    return {f.casefold(): kind for kind, forms in gazetteer.vocab()["event_nouns"].items() for f in forms}
