"""N-Triples: the graph's lines (:mod:`kg.export.triples`), one triple per line, in a
fixed order (articles by id, then entities by key, then relations), so every build of
the same articles gives the same bytes. Written as a stream, never held whole."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .rdf import copy_spool, write_via_temp
from .triples import graph_lines

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph


def ntriples_bytes(graph: "KnowledgeGraph") -> bytes:
    return ("\n".join(graph_lines(graph)) + "\n").encode("utf-8")


class NTriplesExporter:
    name = "ntriples"
    filename = "graph.nt"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        return write_via_temp(Path(out_dir) / self.filename, lambda fh: copy_spool(graph, fh))
