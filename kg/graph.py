"""The cross-article merge: one node per canonical key, every fact with its evidence.

Documents are merged into a networkx ``MultiDiGraph``. A node is an entity key
("org:bkn"); an edge is one relation (subject, predicate, object) with the list of
evidence that supports it. ``heldOn`` facts point at a date, not an entity; they are
kept as edges to a literal date and as the node attribute ``dates``.

The merge is order-independent: labels, names and evidence are chosen and sorted
by rules that do not depend on which article came first, so the same articles in
any order give the same graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from .model import Article, DocumentGraph, Entity, Evidence, Relation, Sentence, Statement

DATE_PREFIX = "date:"


def _better_label(a: str, b: str) -> str:
    """The fuller of two labels, deterministic: more words, then longer, then alphabetical."""
    return min(a, b, key=lambda s: (-len(s.split()), -len(s), s))


@dataclass
class _Node:
    key: str
    type: str
    label: str
    names: set[str] = field(default_factory=set)
    ids: dict[str, str] = field(default_factory=dict)
    sightings: set[tuple[str, int, int, int, str]] = field(default_factory=set)  # article, sentence, start, end, text


@dataclass
class _Edge:
    relation: Relation
    qualifiers: set[str] = field(default_factory=set)
    evidence: set[Evidence] = field(default_factory=set)
    article_qualifiers: dict[str, set[str]] = field(default_factory=dict)  # what each article says (acting...)


class KnowledgeGraph:
    """The merged graph of any number of articles."""

    def __init__(self) -> None:
        self._nodes: dict[str, _Node] = {}
        self._edges: dict[tuple[str, str, str], _Edge] = {}
        self.articles: dict[str, Article] = {}
        self.sentences: dict[str, list[Sentence]] = {}
        self._statements: list[Statement] = []

    # ------------------------------------------------------------------ merge
    def add(self, doc: DocumentGraph) -> None:
        """Merge one article's extraction into the graph (idempotent per article)."""
        article = doc.article
        if article.id in self.articles:
            return
        self.articles[article.id] = article
        self.sentences[article.id] = list(doc.sentences)
        for entity in doc.entities.values():
            self._add_entity(entity)
        for s in doc.sightings:
            node = self._nodes.get(s.key)
            if node is not None:
                ev = s.evidence
                node.sightings.add((ev.article, ev.sentence, ev.start, ev.end, s.text))
        for fact in doc.facts:
            rel = fact.relation
            ident = (rel.subject, rel.predicate, rel.object)
            edge = self._edges.get(ident)
            if edge is None:
                edge = self._edges[ident] = _Edge(Relation(rel.subject, rel.predicate, rel.object))
            edge.qualifiers |= rel.qualifiers
            edge.evidence.add(fact.evidence)
            edge.article_qualifiers.setdefault(article.id, set()).update(rel.qualifiers)
        self._statements.extend(st for st in doc.statements if st.speaker in self._nodes)

    def _add_entity(self, entity: Entity) -> None:
        node = self._nodes.get(entity.key)
        if node is None:
            node = self._nodes[entity.key] = _Node(entity.key, entity.type, entity.label)
        else:
            node.label = _better_label(node.label, entity.label)
        node.names |= set(entity.names) | {entity.label}
        node.ids.update(dict(entity.ids))

    # ------------------------------------------------------------------ views
    def entities(self) -> list[Entity]:
        out = []
        for key in sorted(self._nodes):
            n = self._nodes[key]
            out.append(Entity(n.key, n.type, n.label, frozenset(n.names), tuple(sorted(n.ids.items()))))
        return out

    def sightings(self, key: str) -> list[tuple[str, int, int, int, str]]:
        return sorted(self._nodes[key].sightings)

    def facts(self) -> list[tuple[Relation, frozenset[str], list[Evidence]]]:
        out = []
        for ident in sorted(self._edges):
            e = self._edges[ident]
            out.append((e.relation, frozenset(e.qualifiers), sorted(e.evidence, key=_ev_order)))
        return out

    def statements(self) -> list[Statement]:
        """Who said what, in article and text order."""
        return sorted(self._statements, key=lambda st: (st.evidence.article, st.evidence.start, st.evidence.end))

    def articles_of(self, key: str) -> list[str]:
        return sorted({s[0] for s in self._nodes[key].sightings})

    def sentence_text(self, article: str, index: int) -> str:
        sents = self.sentences.get(article, [])
        return sents[index].text if 0 <= index < len(sents) else ""

    def by_article(self) -> dict[str, dict]:
        """Per article, what :func:`kg.export.triples.article_lines` needs: the sightings
        (key, sentence, start, end, text), the facts ((s, p, o), qualifiers, [(sentence,
        start, end)]) and the statements it supports."""
        out: dict[str, dict] = {a: {"sightings": [], "facts": [], "statements": []} for a in self.articles}
        for key in sorted(self._nodes):
            for art, sent, start, end, text in sorted(self._nodes[key].sightings):
                out[art]["sightings"].append((key, sent, start, end, text))
        for ident in sorted(self._edges):
            edge = self._edges[ident]
            evs: dict[str, list] = {}
            for ev in edge.evidence:
                evs.setdefault(ev.article, []).append((ev.sentence, ev.start, ev.end))
            for art, spans in evs.items():
                out[art]["facts"].append((ident, edge.article_qualifiers.get(art, set()), sorted(set(spans))))
        for st in self.statements():
            out[st.evidence.article]["statements"].append(st)
        for entry in out.values():
            entry["sightings"].sort()
        return out

    def __len__(self) -> int:
        return len(self._nodes)

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, relations as edges (heldOn dates as the node attribute ``dates``)."""
        g = nx.MultiDiGraph()
        for ent in self.entities():
            sights = self.sightings(ent.key)
            sentences = []
            for art, idx, *_ in sights:
                text = " ".join(self.sentence_text(art, idx).split())
                if text and text not in sentences:
                    sentences.append(text)
            g.add_node(
                ent.key,
                type=ent.type,
                label=ent.label,
                names=sorted(ent.names),
                articles=self.articles_of(ent.key),
                sentences=sentences[:5],
                ids=dict(ent.ids),
                dates=[],
            )
        for rel, quals, evidence in self.facts():
            arts = sorted({e.article for e in evidence})
            if rel.predicate in ("heldOn", "endDate"):
                if rel.subject in g:
                    g.nodes[rel.subject]["dates"].append(rel.object)
                continue
            if rel.subject in g and rel.object in g:
                g.add_edge(rel.subject, rel.object, key=rel.predicate, predicate=rel.predicate,
                           qualifiers=sorted(quals), articles=arts)
        return g

    def to_rdf(self):
        """The graph as an rdflib ``Graph`` in the kg ontology, with provenance."""
        from .export.rdf import to_rdf

        return to_rdf(self)


def _ev_order(e: Evidence):
    return (e.article, e.sentence, e.start, e.end)
