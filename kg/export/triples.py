"""The graph's triples as N-Triples lines, written by hand: the one place that decides
what kg says in RDF (Turtle, N-Triples and the rdflib graph all come from here).

rdflib adds and serializes about 25k triples a second here; formatting the lines
directly runs at several hundred thousand a second, and pyoxigraph turns them into
Turtle at over a million a second (measured in bench/results.md).

Layout (every IRI minted from a canonical key, the same on every build):

* per article (in order of article id): the ``kg:Article`` with title, date,
  dateline, author and publisher; its sentences as ``kg:Sentence`` with offsets and
  text; each sighting of an entity as a ``kg:Mention`` (and ``kg:mentionedIn``); one
  ``kg:Assertion`` per relation and sentence (``rdf:subject/predicate/object``,
  offsets, ``kg:acting``/``kg:former`` and ``kg:assertedOn``); each ``kg:Statement``;
* then per entity (in order of key): type, ``rdfs:label``, ``kg:key``,
  ``skos:altLabel`` for the other names, ``kg:regionCode``;
* then per relation (in order): the plain triple ``s kg:<relation> o`` (``heldOn`` and
  ``endDate`` to an ``xsd:date``).

Each article's lines depend on that article alone, so they can be produced by the
process that extracted it and written as they come (see :mod:`kg.stream`).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..namespace import BASE, ID, _pct

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph
    from ..model import Article, DocumentGraph, Sentence

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCT = "http://purl.org/dc/terms/"
SCHEMA = "https://schema.org/"
KGO = BASE + "ontology#"

TYPE = f"<{RDF}type>"
CLASSES = {t: f"<{KGO}{t}>" for t in ("Person", "Organization", "Office", "Event", "Law", "Place")}
RELATIONS = {p: f"<{KGO}{p}>" for p in ("holdsOffice", "officeOf", "spokeAt", "attended", "organizedBy",
                                          "heldIn", "heldOn", "cites", "endDate")}
DATES = {"heldOn", "endDate"}


def _p(local: str) -> str:
    return f"<{KGO}{local}>"


P = {name: _p(name) for name in (
    "Article", "Sentence", "Mention", "Assertion", "Statement", "sourceFile", "dateline", "inArticle",
    "sentenceIndex", "startOffset", "endOffset", "text", "key", "regionCode", "mentionedIn", "mentionOf",
    "inSentence", "acting", "former", "assertedOn", "speaker", "quote", "saidAt")}
LABEL, ALT = f"<{RDFS}label>", f"<{SKOS}altLabel>"
SUBJ, PRED, OBJ = f"<{RDF}subject>", f"<{RDF}predicate>", f"<{RDF}object>"
TITLE, DATE, PUBLISHER, AUTHOR = f"<{DCT}title>", f"<{DCT}date>", f"<{DCT}publisher>", f"<{SCHEMA}author>"
TRUE = f'"true"^^<{XSD}boolean>'

_ESCAPE = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_TABLE = {i: _ESCAPE.get(chr(i), f"\\u{i:04X}") for i in [*range(0x20), 0x22, 0x5C, 0x7F]}


_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f]')   # the characters of _TABLE


def lit(text: str) -> str:
    """A plain string literal (xsd:string)."""
    if _NEEDS_ESCAPE.search(text) is None:  # most names and sentences: nothing to escape (a search is
        return f'"{text}"'                  # several times faster than translate with a table)
    return '"' + text.translate(_TABLE) + '"'


def integer(n: int) -> str:
    return f'"{int(n)}"^^<{XSD}integer>'


def date(value: str) -> str:
    return f'"{value}"^^<{XSD}date>'


_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]")


def _hex(m: re.Match) -> str:
    return f"%{ord(m.group()):02X}"


def pct(text: str) -> str:
    """Percent-encoding as :func:`kg.namespace.iri_for` does it, fast for ASCII."""
    return _UNSAFE.sub(_hex, text) if text.isascii() else _pct(text)


@lru_cache(maxsize=1 << 15)
def pct_key(key: str) -> str:
    """:func:`pct` of an entity key (keys recur from article to article: cached)."""
    return pct(key)


@lru_cache(maxsize=1 << 16)   # bounded: a worker of a 100k build sees hundreds of thousands of keys
def iri(key: str) -> str:
    """``<IRI>`` of a key, the same as :func:`kg.namespace.iri_for` (a test checks)."""
    kind, _, rest = key.partition(":")
    if not rest:
        kind, rest = "x", key
    return f"<{ID}{pct(kind)}/{pct(rest)}>"


def article_iri(article_id: str) -> str:
    return iri(f"article:{article_id}")


def sentence_iri(article_id: str, index: int) -> str:
    return f"<{ID}sentence/{pct(article_id)}%3A{index}>"


def relation_digest(subject: str, predicate: str, obj: str) -> str:
    return hashlib.sha1(f"{subject}|{predicate}|{obj}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


PROVENANCE = ("full", "facts")


def article_lines(article: "Article", sentences: Iterable["Sentence"], doc: "DocumentGraph | None" = None,
                  *, sightings=None, facts=None, statements=None, provenance: str = "full") -> list[str]:
    """The lines that depend on one article: the article, its sentences, and (from its
    ``DocumentGraph``) mentions, assertions and statements.

    ``provenance="facts"`` leaves out the ``kg:Mention`` nodes (one per sighting of an
    entity, most of the triples) and the sentences no assertion or statement cites;
    assertions and statements keep their article, sentence and offsets."""
    if provenance not in PROVENANCE:
        raise ValueError(f"provenance must be one of {', '.join(PROVENANCE)}, not {provenance!r}")
    out: list[str] = []
    add = out.append
    a = article_iri(article.id)
    aid = pct(article.id)
    sent_iri = f"<{ID}sentence/{aid}%3A"
    add(f"{a} {TYPE} {P['Article']} .")
    add(f"{a} {P['sourceFile']} {lit(article.id)} .")
    if article.title:
        add(f"{a} {TITLE} {lit(' '.join(article.title.split()))} .")
    published = date(article.published.isoformat()) if article.published else None
    if published:
        add(f"{a} {DATE} {published} .")
    if article.dateline:
        add(f"{a} {P['dateline']} {lit(article.dateline)} .")
    if article.author:
        add(f"{a} {AUTHOR} {lit(article.author)} .")
    if article.publisher:
        add(f"{a} {PUBLISHER} {lit(article.publisher)} .")
    if doc is not None:
        sightings = sorted({(s.key, s.evidence.sentence, s.evidence.start, s.evidence.end, s.text)
                            for s in doc.sightings if s.key in doc.entities})
        quals: dict[tuple, set] = {}
        evidence: dict[tuple, set] = {}
        for fact in doc.facts:
            r = fact.relation
            ident = (r.subject, r.predicate, r.object)
            quals.setdefault(ident, set()).update(r.qualifiers)
            evidence.setdefault(ident, set()).add((fact.evidence.sentence, fact.evidence.start, fact.evidence.end))
        facts = [(ident, quals[ident], sorted(evidence[ident])) for ident in sorted(evidence)]
        statements = sorted((st for st in doc.statements if st.speaker in doc.entities),
                            key=lambda st: (st.evidence.start, st.evidence.end))
    mentions = provenance == "full"
    if not mentions:
        cited = {sent for _, _, evs in facts or () for sent, _, _ in evs}
        cited |= {st.evidence.sentence for st in statements or ()}
        sentences = [sent for sent in sentences if sent.index in cited]
    for sent in sentences:
        s = f"{sent_iri}{sent.index}>"
        add(f"{s} {TYPE} {P['Sentence']} .")
        add(f"{s} {P['inArticle']} {a} .")
        add(f"{s} {P['sentenceIndex']} {integer(sent.index)} .")
        add(f"{s} {P['startOffset']} {integer(sent.start)} .")
        add(f"{s} {P['endOffset']} {integer(sent.end)} .")
        add(f"{s} {P['text']} {lit(sent.text)} .")
    seen_in: set[str] = set()
    for key, sent, start, end, text in sightings or ():
        e = iri(key)
        if key not in seen_in:
            seen_in.add(key)
            add(f"{e} {P['mentionedIn']} {a} .")
        if not mentions:
            continue
        m = f"<{ID}mention/{aid}%3A{start}-{end}%3A{pct_key(key)}>"
        add(f"{m} {TYPE} {P['Mention']} .")
        add(f"{m} {P['mentionOf']} {e} .")
        add(f"{m} {P['inArticle']} {a} .")
        add(f"{m} {P['inSentence']} {sent_iri}{sent}> .")
        add(f"{m} {P['startOffset']} {integer(start)} .")
        add(f"{m} {P['endOffset']} {integer(end)} .")
        add(f"{m} {P['text']} {lit(text)} .")
    for (subject, predicate, obj), q, evs in facts or ():
        s, p = iri(subject), RELATIONS[predicate]
        o = date(obj) if predicate in DATES else iri(obj)
        digest = relation_digest(subject, predicate, obj)
        for sent, start, end in evs:
            x = f"<{ID}assertion/{aid}%3A{sent}%3A{digest}>"
            add(f"{x} {TYPE} {P['Assertion']} .")
            add(f"{x} {SUBJ} {s} .")
            add(f"{x} {PRED} {p} .")
            add(f"{x} {OBJ} {o} .")
            add(f"{x} {P['inArticle']} {a} .")
            add(f"{x} {P['inSentence']} {sent_iri}{sent}> .")
            add(f"{x} {P['startOffset']} {integer(start)} .")
            add(f"{x} {P['endOffset']} {integer(end)} .")
            if "acting" in q:
                add(f"{x} {P['acting']} {TRUE} .")
            if "former" in q:
                add(f"{x} {P['former']} {TRUE} .")
            if published:
                add(f"{x} {P['assertedOn']} {published} .")
    for st in statements or ():
        ev = st.evidence
        x = f"<{ID}statement/{aid}%3A{ev.start}-{ev.end}>"
        add(f"{x} {TYPE} {P['Statement']} .")
        add(f"{x} {P['speaker']} {iri(st.speaker)} .")
        add(f"{x} {P['quote']} {lit(st.quote)} .")
        add(f"{x} {P['inArticle']} {a} .")
        add(f"{x} {P['inSentence']} {sent_iri}{ev.sentence}> .")
        add(f"{x} {P['startOffset']} {integer(ev.start)} .")
        add(f"{x} {P['endOffset']} {integer(ev.end)} .")
        if st.event:
            add(f"{x} {P['saidAt']} {iri(st.event)} .")
        if published:
            add(f"{x} {DATE} {published} .")
    return dedupe(out)


def dedupe(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in lines if not (x in seen or seen.add(x))]


def entity_lines(key: str, type_: str, label: str, names: Iterable[str], ids: Iterable[tuple[str, str]]) -> list[str]:
    e = iri(key)
    out = [f"{e} {TYPE} {CLASSES[type_]} .", f"{e} {LABEL} {lit(label)} .", f"{e} {P['key']} {lit(key)} ."]
    out += [f"{e} {ALT} {lit(n)} ." for n in sorted(set(names) - {label})]
    out += [f"{e} {P['regionCode']} {lit(v)} ." for scheme, v in sorted(ids) if scheme == "region"]
    return out


def relation_line(subject: str, predicate: str, obj: str) -> str:
    o = date(obj) if predicate in DATES else iri(obj)
    return f"{iri(subject)} {RELATIONS[predicate]} {o} ."


def graph_lines(kg: "KnowledgeGraph") -> Iterator[str]:
    """Every line of ``kg``'s graph, in the order described above (with the graph's
    ``provenance`` setting, "full" unless set)."""
    by_article = kg.by_article()
    provenance = getattr(kg, "provenance", "full")
    for art_id in sorted(kg.articles):
        yield from article_lines(kg.articles[art_id], kg.sentences.get(art_id, []), **by_article.get(art_id, {}),
                                 provenance=provenance)
    for ent in kg.entities():
        yield from entity_lines(ent.key, ent.type, ent.label, ent.names, ent.ids)
    for rel, _quals, _evidence in kg.facts():
        yield relation_line(rel.subject, rel.predicate, rel.object)
