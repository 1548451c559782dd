"""Who said what, for the HTML view's panels, from either kind of built graph.

An in-memory :class:`kg.graph.KnowledgeGraph` hands its statements over directly; a
streaming build (:class:`kg.stream.StreamedGraph`) keeps no statements in memory but
has written them into its N-Triples file: they are read back from there, only the
lines of statement nodes, parsed by pyoxigraph.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Evidence, Statement
from ..namespace import ID
from .triples import P, article_iri, iri


def graph_statements(graph) -> list[Statement]:
    """The statements of ``graph``, in article and text order."""
    if hasattr(graph, "statements"):
        return list(graph.statements())
    path = getattr(graph, "nt_path", None)
    if path is None or not Path(path).exists():
        return []
    import pyoxigraph

    prefix = f"<{ID}statement/".encode()
    with open(path, "rb") as fh:
        lines = b"".join(line for line in fh if line.startswith(prefix))
    keys = {iri(e.key)[1:-1]: e.key for e in graph.entities()}
    arts = {article_iri(a)[1:-1]: a for a in graph.articles}
    fields: dict[str, dict] = {}
    names = {P[n][1:-1]: n for n in ("speaker", "quote", "inArticle", "inSentence", "startOffset", "endOffset",
                                     "saidAt")}
    for t in pyoxigraph.parse(lines, format=pyoxigraph.RdfFormat.N_TRIPLES):
        name = names.get(t.predicate.value)
        if name:
            fields.setdefault(t.subject.value, {})[name] = t.object.value
    out = []
    for f in fields.values():
        speaker, article = keys.get(f.get("speaker", "")), arts.get(f.get("inArticle", ""))
        if not speaker or not article or "quote" not in f:
            continue
        sentence = int(f.get("inSentence", "%3A-1").rsplit("%3A", 1)[-1])
        ev = Evidence(article=article, sentence=sentence, start=int(f.get("startOffset", -1)),
                      end=int(f.get("endOffset", -1)))
        # the RDF does not say whether the words were quoted or reported: left open (None)
        out.append(Statement(speaker, f["quote"], ev, event=keys.get(f.get("saidAt", "")), direct=None))
    return sorted(out, key=lambda st: (st.evidence.article, st.evidence.start, st.evidence.end, st.speaker, st.quote))


def statement_records(statements, graph: nx.MultiDiGraph, articles: dict) -> dict[str, list[dict]]:
    """Who said what, for the panels: under the speaker and under the event it was said at.
    Whether the words were quoted or reported is left out: the RDF that a streaming build
    reads them back from does not say, and both builds give the same page.
    ``statements`` are :class:`kg.model.Statement`; the date is the event's, else the
    article's publication date."""
    out: dict[str, list[dict]] = {}
    for st in statements:
        if st.speaker not in graph:
            continue
        event = st.event if st.event in graph else None
        date = ""
        if event and graph.nodes[event].get("dates"):
            date = sorted(graph.nodes[event]["dates"])[0]
        elif st.evidence.article in articles:
            date = articles[st.evidence.article].get("published", "")[:10]
        rec = {"speaker": st.speaker, "speaker_label": graph.nodes[st.speaker].get("label", st.speaker),
               "quote": st.quote, "event": event or "",
               "event_label": graph.nodes[event].get("label", event) if event else "", "date": date,
               "article": st.evidence.article}
        out.setdefault(st.speaker, []).append(rec)
        if event:
            out.setdefault(event, []).append(rec)
    return out
