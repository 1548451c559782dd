"""N-Triples: the graph's lines (:mod:`kg.export.triples`), one triple per line, in a
fixed order (articles by id, then entities by key, then relations), so every build of
the same articles gives the same bytes. Written as a stream, never held whole."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import take_streamed, write_via_temp
from .rdf import copy_spool, spooled

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph


def ntriples_bytes(graph: "KnowledgeGraph") -> bytes:
    return Path(spooled(graph)).read_bytes()


class NTriplesExporter:
    name = "ntriples"
    filename = "graph.nt"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        target = Path(out_dir) / self.filename
        if take_streamed(graph, "nt_path", target):
            return target
        return write_via_temp(Path(out_dir) / self.filename, lambda fh: copy_spool(graph, fh))
