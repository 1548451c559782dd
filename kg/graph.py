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
SAMPLE_SOURCES = 5      # source sentences kept per entity in views (networkx, HTML)
SAMPLE_ARTICLES = 50    # article ids listed per node and edge in views (article_count counts all)


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
        self.version = 0  # grows with every merge (exporters cache by it)

    # ------------------------------------------------------------------ merge
    def add(self, doc: DocumentGraph) -> None:
        """Merge one article's extraction into the graph (idempotent per article)."""
        if doc.article.id in self.articles:
            return
        for key, record in records(doc):
            self.absorb(key, record)

    def absorb(self, key: tuple, record: dict) -> None:
        """Merge one keyed record (see :func:`records`). Merging is commutative and
        associative, so records can be combined in any order and grouping: this is the
        reduce of a distributed build (``kg build --engine dask``)."""
        kind, ident = key
        self.version += 1
        if kind == "a":
            if ident not in self.articles:
                self.articles[ident] = record["article"]
                self.sentences[ident] = list(record["sentences"])
                self._statements.extend(record["statements"])
        elif kind == "e":
            node = self._nodes.get(ident)
            if node is None:
                node = self._nodes[ident] = _Node(ident, record["type"], record["label"])
            merge_entity_into(node.__dict__, record)
            node.sightings |= record["sightings"]
        else:
            edge = self._edges.get(ident)
            if edge is None:
                edge = self._edges[ident] = _Edge(Relation(*ident))
            edge.qualifiers |= record["qualifiers"]
            edge.evidence |= record["evidence"]
            for art, quals in record["article_qualifiers"].items():
                edge.article_qualifiers.setdefault(art, set()).update(quals)

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
        return sorted((st for st in self._statements if st.speaker in self._nodes),
                      key=lambda st: (st.evidence.article, st.evidence.start, st.evidence.end, st.speaker, st.quote))

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
        """Entities as nodes, relations as edges (heldOn dates as the node attribute ``dates``, endDate as ``end_dates``).
        ``articles`` lists the first 50 articles (by id), ``article_count`` counts all;
        ``sentences`` gives the first five distinct source sentences."""
        g = nx.MultiDiGraph()
        for ent in self.entities():
            sights = self.sightings(ent.key)
            sentences: list[str] = []
            for art, idx, *_ in sights:
                text = " ".join(self.sentence_text(art, idx).split())
                if text and text not in sentences and len(sentences) < SAMPLE_SOURCES:
                    sentences.append(text)
            arts = self.articles_of(ent.key)
            g.add_node(ent.key, type=ent.type, label=ent.label, names=sorted(ent.names),
                       articles=arts[:SAMPLE_ARTICLES], article_count=len(arts), sentences=sentences,
                       ids=dict(ent.ids), dates=[], end_dates=[])
        for rel, quals, evidence in self.facts():
            arts = sorted({e.article for e in evidence})
            if rel.predicate in ("heldOn", "endDate"):
                if rel.subject in g:
                    g.nodes[rel.subject]["dates" if rel.predicate == "heldOn" else "end_dates"].append(rel.object)
                continue
            if rel.subject in g and rel.object in g:
                g.add_edge(rel.subject, rel.object, key=rel.predicate, predicate=rel.predicate,
                           qualifiers=sorted(quals), articles=arts[:SAMPLE_ARTICLES], article_count=len(arts))
        return g

    def relation_count(self) -> int:
        return len(self._edges)

    def evidence_for(self, key: str) -> list[tuple]:
        """(article, sentence index, sentence, sentence offset, start, end) of the first
        sources of ``key``: one per sentence, in order of article and text."""
        out, seen = [], set()
        for art, idx, start, end, _text in self.sightings(key):
            if (art, idx) in seen:
                continue
            sents = self.sentences.get(art, [])
            if not 0 <= idx < len(sents):
                continue
            seen.add((art, idx))
            s = sents[idx]
            out.append((art, idx, s.text, s.start, start - s.start, end - s.start))
            if len(out) >= SAMPLE_SOURCES:
                break
        return out

    def article_text(self, article_id: str) -> str:
        return self.articles[article_id].text

    def to_rdf(self):
        """The graph as an rdflib ``Graph`` in the kg ontology, with provenance."""
        from .export.rdf import to_rdf

        return to_rdf(self)


def records(doc: DocumentGraph) -> list[tuple[tuple, dict]]:
    """One article's extraction as records keyed by what they are about: ``("a", id)``
    the article with its sentences and statements, ``("e", key)`` an entity with its
    sightings, ``("r", (s, p, o))`` a relation with its evidence."""
    article = doc.article
    out: list[tuple[tuple, dict]] = [(("a", article.id), {"article": article, "sentences": tuple(doc.sentences),
                                                          "statements": list(doc.statements)})]
    entities: dict[str, dict] = {}
    for ent in doc.entities.values():
        rec = entities.setdefault(ent.key, {"type": ent.type, "label": ent.label, "names": set(), "ids": {},
                                            "sightings": set()})
        merge_entity_into(rec, {"label": ent.label, "names": set(ent.names), "ids": dict(ent.ids)})
    for s in doc.sightings:
        rec = entities.get(s.key)
        if rec is not None:
            ev = s.evidence
            rec["sightings"].add((ev.article, ev.sentence, ev.start, ev.end, s.text))
    out += [(("e", key), rec) for key, rec in entities.items()]
    relations: dict[tuple, dict] = {}
    for fact in doc.facts:
        rel = fact.relation
        ident = (rel.subject, rel.predicate, rel.object)
        rec = relations.setdefault(ident, {"qualifiers": set(), "evidence": set(), "article_qualifiers": {}})
        rec["qualifiers"] |= rel.qualifiers
        rec["evidence"].add(fact.evidence)
        rec["article_qualifiers"].setdefault(article.id, set()).update(rel.qualifiers)
    out += [(("r", ident), rec) for ident, rec in relations.items()]
    return out


def merge_entity(label: str, names: set, ids: dict, other_label: str, other_names, other_ids: dict) -> str:
    """Two sightings of one entity merged the same way whatever the order: ``names``
    and ``ids`` are updated in place (all names; per identifier scheme the smallest
    value) and the fuller label is returned."""
    names |= other_names
    names.add(other_label)
    for scheme, value in other_ids.items():
        old = ids.get(scheme)
        ids[scheme] = value if old is None else min(old, value)
    return _better_label(label, other_label)


def merge_entity_into(target: dict, other: dict) -> None:
    """:func:`merge_entity` on records (dicts with label, names and ids)."""
    target["label"] = merge_entity(target["label"], target["names"], target["ids"], other["label"], other["names"],
                                   other["ids"])


def merge_records(a: dict, b: dict) -> dict:
    """Two records with one key merged into a new one (the reduce of a dask build)."""
    if "article" in a:
        return a
    if "type" in a:
        out = {"type": a["type"], "label": a["label"], "names": set(a["names"]), "ids": dict(a["ids"]),
               "sightings": a["sightings"] | b["sightings"]}
        merge_entity_into(out, b)
        return out
    quals = {art: set(q) for art, q in a["article_qualifiers"].items()}
    for art, q in b["article_qualifiers"].items():
        quals.setdefault(art, set()).update(q)
    return {"qualifiers": a["qualifiers"] | b["qualifiers"], "evidence": a["evidence"] | b["evidence"],
            "article_qualifiers": quals}


def _ev_order(e: Evidence):
    return (e.article, e.sentence, e.start, e.end)
