"""RDF export: the merged graph in the kg ontology, with provenance, as Turtle.

Layout (every IRI minted from a canonical key, the same on every build):

* an entity: ``rdf:type kg:<Type>``, ``rdfs:label``, ``skos:altLabel`` for every
  other name, ``kg:key``, ``kg:mentionedIn`` each article;
* a relation: the plain triple ``s kg:<relation> o`` (``heldOn`` to an ``xsd:date``),
  plus one ``kg:Assertion`` per supporting sentence (``rdf:subject``,
  ``rdf:predicate``, ``rdf:object``, ``kg:inArticle``, ``kg:inSentence``,
  ``kg:startOffset``, ``kg:endOffset``, qualifiers ``kg:acting`` / ``kg:former`` and
  ``kg:assertedOn``);
* a sighting of an entity: a ``kg:Mention`` with the span and its sentence;
* what a person said: a ``kg:Statement`` (``kg:speaker``, ``kg:quote``, ``kg:saidAt``,
  ``dcterms:date`` of the article, the span and sentence);
* an article: ``kg:Article`` with title, publication date, dateline, author and
  publisher as literals; its sentences as ``kg:Sentence`` nodes with offsets.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from ..namespace import DCTERMS, KG, SCHEMA, bind_prefixes, iri_for
from . import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

CLASS = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Office": KG.Office,
    "Event": KG.Event,
    "Law": KG.Law,
    "Place": KG.Place,
}
PREDICATE = {
    "holdsOffice": KG.holdsOffice,
    "officeOf": KG.officeOf,
    "spokeAt": KG.spokeAt,
    "attended": KG.attended,
    "organizedBy": KG.organizedBy,
    "heldIn": KG.heldIn,
    "heldOn": KG.heldOn,
    "cites": KG.cites,
    "endDate": KG.endDate,
}
DATES = {"heldOn", "endDate"}


def article_iri(article_id: str) -> URIRef:
    return iri_for(f"article:{article_id}")


def sentence_iri(article_id: str, index: int) -> URIRef:
    return iri_for(f"sentence:{article_id}:{index}")


def _date(value: str) -> Literal:
    return Literal(value, datatype=XSD.date)


def to_rdf(kg: "KnowledgeGraph") -> Graph:
    g = Graph()
    bind_prefixes(g)
    add = g.add

    for art in kg.articles.values():
        a = article_iri(art.id)
        add((a, RDF.type, KG.Article))
        add((a, KG.sourceFile, Literal(art.id)))
        if art.title:
            add((a, DCTERMS.title, Literal(" ".join(art.title.split()))))
        if art.published:
            add((a, DCTERMS.date, _date(art.published.isoformat())))
        if art.dateline:
            add((a, KG.dateline, Literal(art.dateline)))
        if art.author:
            add((a, SCHEMA.author, Literal(art.author)))
        if art.publisher:
            add((a, DCTERMS.publisher, Literal(art.publisher)))
        for sent in kg.sentences.get(art.id, []):
            s = sentence_iri(art.id, sent.index)
            add((s, RDF.type, KG.Sentence))
            add((s, KG.inArticle, a))
            add((s, KG.sentenceIndex, Literal(sent.index)))
            add((s, KG.startOffset, Literal(sent.start)))
            add((s, KG.endOffset, Literal(sent.end)))
            add((s, KG.text, Literal(sent.text)))

    for ent in kg.entities():
        e = iri_for(ent.key)
        add((e, RDF.type, CLASS[ent.type]))
        add((e, RDFS.label, Literal(ent.label)))
        add((e, KG.key, Literal(ent.key)))
        for name in sorted(ent.names - {ent.label}):
            add((e, SKOS.altLabel, Literal(name)))
        for scheme, value in ent.ids:
            if scheme == "region":
                add((e, KG.regionCode, Literal(value)))
        for art_id, sent, start, end, text in kg.sightings(ent.key):
            a = article_iri(art_id)
            add((e, KG.mentionedIn, a))
            m = iri_for(f"mention:{art_id}:{start}-{end}:{ent.key}")
            add((m, RDF.type, KG.Mention))
            add((m, KG.mentionOf, e))
            add((m, KG.inArticle, a))
            add((m, KG.inSentence, sentence_iri(art_id, sent)))
            add((m, KG.startOffset, Literal(start)))
            add((m, KG.endOffset, Literal(end)))
            add((m, KG.text, Literal(text)))

    for rel, quals, evidence in kg.facts():
        s = iri_for(rel.subject)
        p = PREDICATE[rel.predicate]
        o = _date(rel.object) if rel.predicate in DATES else iri_for(rel.object)
        add((s, p, o))
        digest = hashlib.sha1(f"{rel.subject}|{rel.predicate}|{rel.object}".encode()).hexdigest()[:16]
        for ev in evidence:
            x = iri_for(f"assertion:{ev.article}:{ev.sentence}:{digest}")
            a = article_iri(ev.article)
            add((x, RDF.type, KG.Assertion))
            add((x, RDF.subject, s))
            add((x, RDF.predicate, p))
            add((x, RDF.object, o))
            add((x, KG.inArticle, a))
            add((x, KG.inSentence, sentence_iri(ev.article, ev.sentence)))
            add((x, KG.startOffset, Literal(ev.start)))
            add((x, KG.endOffset, Literal(ev.end)))
            if "acting" in quals:
                add((x, KG.acting, Literal(True)))
            if "former" in quals:
                add((x, KG.former, Literal(True)))
            published = kg.articles[ev.article].published if ev.article in kg.articles else None
            if published:
                add((x, KG.assertedOn, _date(published.isoformat())))
    for st in kg.statements():
        ev = st.evidence
        x = iri_for(f"statement:{ev.article}:{ev.start}-{ev.end}")
        add((x, RDF.type, KG.Statement))
        add((x, KG.speaker, iri_for(st.speaker)))
        add((x, KG.quote, Literal(st.quote)))
        add((x, KG.inArticle, article_iri(ev.article)))
        add((x, KG.inSentence, sentence_iri(ev.article, ev.sentence)))
        add((x, KG.startOffset, Literal(ev.start)))
        add((x, KG.endOffset, Literal(ev.end)))
        if st.event:
            add((x, KG.saidAt, iri_for(st.event)))
        published = kg.articles[ev.article].published if ev.article in kg.articles else None
        if published:
            add((x, DCTERMS.date, _date(published.isoformat())))
    return g


def turtle_bytes(kg: "KnowledgeGraph") -> bytes:
    data = to_rdf(kg).serialize(format="turtle")
    return data.encode("utf-8") if isinstance(data, str) else data


class TurtleExporter:
    name = "turtle"
    filename = "graph.ttl"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        return write_atomic(Path(out_dir) / self.filename, turtle_bytes(graph))
