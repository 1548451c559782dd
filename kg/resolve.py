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
from .names import spelling_key
from .text import fold, slug, squash

ENTITY_TYPES = ("Person", "Organization", "Office", "Event", "Law", "Place")


@dataclass(frozen=True, slots=True)
class Resolved:
    sentence: Sentence
    mention: Mention
    key: str


def resolve_entities(doc) -> None:
    art = doc.article
    pairs = _nested_places(doc, doc.all_mentions())
    pairs = _people(doc, pairs)
    persons = _scope_bare_names(_person_keys(pairs), doc)
    events, main = _event_keys(doc, pairs)
    holders = {dict(m.links).get("holdsOffice") for _, m in pairs if m.type == "Person"}
    venues = _venue_keys(pairs)
    unscoped = {m.key for _, m in pairs if m.type == "Place" and m.key and "unscoped" in m.qualifiers}
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
            if key in unscoped:  # a place no region scopes: one per article
                key = f"{key}@{slug(art.id.rsplit('.', 1)[0])}"
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
        if not (m.type == "Event" and "anaphora" in m.qualifiers):   # "kegiatan tersebut" is no name
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
    # the event's own kind named with its own head word or its short form ("kunjungan kerja ..."
    # or "kunker ..." rather than "peninjauan udara"; "Rapat Paripurna ..." rather than the
    # "Penyerahan" it holds)
    kind = key.split(":", 1)[-1].split("@")[0]
    own = [m for m in ms if m.label and m.value and slug(m.value) == kind and "anaphora" not in m.qualifiers]
    head = [m.label for m in own if fold(m.label.split()[0])[:2] == fold(m.value.split()[0])[:2]]  # or Rakor, Kunker
    best = head or [m.label for m in own] or full
    return max(best, key=lambda s: (len(s.split()), len(s), s))


# "Indonesia" followed by these is part of a name, not the country: the anthem and party
# "(Gerakan) Indonesia Raya", "Partai Demokrasi Indonesia Perjuangan", "Kabinet Indonesia
# Maju", "Indonesia Emas 2045", "Kartu Indonesia Sehat/Pintar", "Indonesia Bersatu".
_RAYA = re.compile(r"\s+(?:Raya|Perjuangan|Maju|Emas|Sehat|Pintar|Bersatu|Hebat|Baru)\b")


_LOCAL_BODIES = ("org:kecamatan:", "org:desa:", "org:kelurahan:")


def _nested_places(doc, pairs):
    """Place mentions that name no place of their own: a region read inside a district's or
    village's name ("Palas", Padang Lawas, in "Kecamatan Tanjung Palas Barat"), and
    "Indonesia" in "Indonesia Raya" (the anthem, "Partai Gerakan Indonesia Raya") and like names;
    and a district or village body keyed by a region that is really part of the district's name."""
    text = doc.article.text
    subs = [(s.index, m.start, m.end) for s, m in pairs if m.type == "Place" and m.source == "subregions"]
    out = []
    for s, m in pairs:
        if m.type == "Place" and m.key == "place:indonesia" and _RAYA.match(text, m.end):
            continue
        if subs and m.type == "Place" and m.source != "subregions" and \
                any(i == s.index and a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for i, a, b in subs):
            continue
        if subs and m.type == "Organization" and (m.key or "").startswith(_LOCAL_BODIES) and \
                any(i == s.index and a < m.end and m.start < b for i, a, b in subs):
            continue  # "Kecamatan Bogor Tengah" read as a kecamatan of the city of Bogor
        out.append((s, m))
    return out


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
    not_names = _not_names()
    for m in full:
        for w in m.label.split():
            w = w.strip(".")
            if len(w) >= 3 and w.casefold() not in not_names:
                words.setdefault(w, m.label)
    if not words:
        return pairs
    find = _word_finder(words)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for sent, m in pairs:
        by_sentence[sent.index].append(m)
    out = list(pairs)
    for sent in doc.sentences:
        taken = None
        for start, end, word in find(sent.text):
            if taken is None:
                taken = [(m.start, m.end) for m in by_sentence[sent.index] if m.type != "Date"]
            s, e = sent.start + start, sent.start + end
            if any(a < e and s < b for a, b in taken):
                continue
            m = Mention("Person", word, s, e, label=word, key=f"person:{slug(word)}",
                        names=frozenset({word}), qualifiers=frozenset({"coref"}), source="resolve")
            out.append((sent, m))
            taken.append((s, e))
    out.sort(key=lambda p: (p[0].index, p[1].start))
    return out


def _word_finder(words):
    r"""``find(text)``: the (start, end, word) of each of ``words`` standing alone in ``text``
    (no word character or dot before it, no word character after it), longest first, left to
    right: what the regex ``(?<![\w.])(w1|w2|...)(?!\w)`` finds, without compiling one regex
    per article."""
    words = tuple(words)

    def find(text):
        hits = []
        n = len(text)
        for w in words:
            i = text.find(w)
            while i >= 0:
                e = i + len(w)
                if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_.")) and \
                        (e == n or not (text[e].isalnum() or text[e] == "_")):
                    hits.append((i, -len(w), w))
                i = text.find(w, i + 1)
        if not hits:
            return hits
        hits.sort()
        found, pos = [], 0
        for i, minus, w in hits:   # at each place the longest word, then on after it
            if i >= pos:
                pos = i - minus
                found.append((i, pos, w))
        return found

    return find


def _person_keys(pairs) -> dict[int, str]:
    people = [m for _, m in pairs if m.type == "Person"]
    fulls = sorted({m.label for m in people}, key=lambda s: (-len(s.split()), s))
    tokens = {label: [spelling_key(t) for t in label.split()] for label in fulls}
    having: dict[str, list[str]] = defaultdict(list)   # a word (spelling key) -> the names holding it, in order
    for label in fulls:
        for t in dict.fromkeys(tokens[label]):
            having[t].append(label)
    canon: dict[str, str] = {}
    spelled: dict[tuple[str, ...], str] = {}   # spelling variants are one person: Mohammad/Muhammad Ali
    for label in fulls:
        toks = tokens[label]
        target = spelled.get(tuple(toks))
        # a longer name holding these words in a row holds the first one: look there only
        for other in (having[toks[0]] if toks else fulls):
            if target is not None:
                break
            if other == label or len(tokens[other]) <= len(toks):
                continue
            if _contiguous(toks, tokens[other]):
                target = canon.get(other, other)
                break
        canon[label] = target or label
        spelled.setdefault(tuple(toks), canon[label])
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
        for word in re.findall(r"\(([^()]+)\)", m.label or "") + _agenda_heads(m.label or ""):
            other = nouns.get(word.strip().casefold())
            if other and other != m.value:
                parent[find(other)] = find(m.value)
                if other not in order:
                    order.append(other)
    # "Penyerahan LHP dilakukan melalui Rapat Paripurna ...": the act is part of the sitting
    plain = [(s, m) for s, m in events if m.value and not ({"election", "anaphora"} & m.qualifiers)]
    for (s1, a), (s2, b) in zip(plain, plain[1:]):
        if s1.index == s2.index and find(a.value) != find(b.value) and PART_OF.fullmatch(art.text[a.end:b.start]):
            parent[find(a.value)] = find(b.value)
    main = None
    slug_doc = article_tag(art.id)
    kind_key: dict[str, str] = {}
    kinds = [find(m.value) for _, m in events if m.value and "election" not in m.qualifiers
             and "anaphora" not in m.qualifiers and len((m.label or "").split()) > 1]
    named_at: dict[str, tuple[int, int]] = {}   # kind -> where a capitalized name of it first comes
    for s, m in events:
        if m.value and not ({"election", "anaphora"} & m.qualifiers) and (m.label or "x")[0].isupper():
            named_at.setdefault(find(m.value), (s.index, m.start))
    for s, m in events:
        if "election" in m.qualifiers or "anaphora" in m.qualifiers or not m.value:
            continue
        if len((m.label or "").split()) == 1 or (m.label or "x")[0].islower():
            # "Rapat dipimpin ..." or "memimpin jalannya rapat persidangan" after "Rapat Paripurna ...":
            # the bare or lower-case head names the same event
            first = (m.label or "").split()[0].casefold()
            family = [k for k in kinds if k != find(m.value) and k.split()[0].casefold() == first
                      and named_at.get(k, (1 << 30,))[:2] < (s.index, m.start)]
            if family and find(family[0]) != find(m.value):   # (already one kind: linking would loop)
                parent[find(m.value)] = find(family[0])
        root = find(m.value)
        if root not in kind_key:
            kind_key[root] = f"event:{slug(root)}@{slug_doc}"
        keys[id(m)] = kind_key[root]
        if main is None:
            main = kind_key[root]
    if main is None:
        # an article that names no event but an act it dates or places: "Gubernur melantik X
        # sebagai Pjs Bupati di Gedung Y, Selasa (24/9/2024)" is the installation
        for s, m in events:
            if "anchored" in m.qualifiers and m.value:
                main = kind_key[find(m.value)] = f"event:{slug(find(m.value))}@{slug_doc}"
                break
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


# what lies between an act and the sitting it is part of: "Penyerahan LHP dilakukan melalui Rapat Paripurna"
PART_OF = re.compile(r"\W*(?:yang\s+)?(?:(?:di\w+|ber\w+)\s+)?(?:melalui|dalam|pada|saat|di\s+sela(?:-sela)?)\s+",
                     re.IGNORECASE)
AGENDA_WORD = re.compile(r"\b(?:agenda|beragendakan|beragenda|mata\s+acara)\s*:?\s+", re.IGNORECASE)


def _agenda_heads(label: str) -> list[str]:
    """The event nouns that open the agenda in an event's name: "Rapat Paripurna DPRD X
    dengan agenda Penyerahan LHP" -> ["Penyerahan LHP", "Penyerahan"] (the longest first)."""
    m = AGENDA_WORD.search(label)
    if not m:
        return []
    words = label[m.end():].split()
    return [" ".join(words[:n]) for n in range(min(len(words), 5), 0, -1)]


def article_tag(article_id: str) -> str:
    """The part of an event key that names its article: the file name without its
    extension, slugged, and the line of a JSON Lines file after "#" ("a.txt" -> "a",
    "corpus.jsonl#12" -> "corpus#12"), so that two articles never share a generic event
    ("Rapat" of line 12 is not "Rapat" of line 45). A slug never holds "#", so an id
    with a line number never meets one without."""
    name, hashmark, line = article_id.partition("#")
    stem = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    tag = slug(stem)
    return f"{tag}#{slug(line)}" if hashmark else tag


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
        # a town that is no region is a district or village of the data ("WASIOR", "CURUP");
        # anything else in the dateline slot (the outlet, a reporter's name) is no place
        place = _dateline_subregion(name, doc.region_codes)
        if place is None:
            return
        key, label = f"place:{place.code}", place.qualified_name
        names = {place.name, place.qualified_name}
    names = set(names) | {name}
    old = doc.graph.entities.get(key)
    if old is not None:
        names |= set(old.names)
        label = old.label
    doc.graph.entities[key] = Entity(key, "Place", label, frozenset(names))
    sent = doc.sentences[0].index if doc.sentences else 0
    doc.graph.sightings.append(Sighting(key, name, Evidence(art.id, sent, start, end)))
    doc.dateline_key = key


def _dateline_subregion(name: str, region_codes):
    """The district (else village) written in a dateline: the one inside the article's
    regions, else the only one of that name."""
    from . import gazetteer

    for kinds in (("district",), ("village",)):
        found = gazetteer.subregions_named(name, kinds=kinds)
        inside = [p for p in found if any(p.code.startswith(c + ".") for c in region_codes)]
        for group in (inside, found):
            if len(group) == 1:
                return group[0]
            if group:
                break
    return None


@cache
def _not_names() -> frozenset[str]:
    """Words of a person's label that are no name of theirs (casefolded), from names.yaml."""
    return frozenset(w.casefold() for w in load_yaml("names.yaml")["not_names"])


@cache
def _event_nouns() -> dict[str, str]:
    """Event noun (casefolded) -> event kind, from vocab.yaml."""
    from . import gazetteer

    return {f.casefold(): kind for kind, forms in gazetteer.vocab()["event_nouns"].items() for f in forms}
