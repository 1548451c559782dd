"""GraphML (networkx) for Gephi and yEd: entities as nodes, relations as edges, list
attributes flattened to " | "-joined strings (GraphML has no lists)."""
from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from . import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph


def flat(graph: "KnowledgeGraph") -> nx.MultiDiGraph:
    src = graph.to_networkx()
    g = nx.MultiDiGraph()
    for key in sorted(src.nodes):
        d = src.nodes[key]
        g.add_node(key, type=d["type"], label=d["label"], names=" | ".join(d["names"]),
                   articles=" | ".join(d["articles"]), dates=" | ".join(sorted(set(d["dates"]) | set(d.get("end_dates", ())))))
    for u, v, k, d in sorted(src.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        g.add_edge(u, v, key=k, predicate=d["predicate"], articles=" | ".join(d["articles"]))
    return g


def graphml_bytes(graph: "KnowledgeGraph") -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(flat(graph), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


class GraphMLExporter:
    name = "graphml"
    filename = "graph.graphml"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        return write_atomic(Path(out_dir) / self.filename, graphml_bytes(graph))
