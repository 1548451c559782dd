"""N-Triples: the triples of the Turtle export, one per line, sorted (byte-identical
on every build), written through pyoxigraph (much faster than rdflib's writer)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from . import write_atomic
from .rdf import turtle_bytes

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph


def ntriples_bytes(graph: "KnowledgeGraph") -> bytes:
    triples = ox.parse(turtle_bytes(graph), format=ox.RdfFormat.TURTLE)
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return ("\n".join(lines) + "\n").encode("utf-8")


class NTriplesExporter:
    name = "ntriples"
    filename = "graph.nt"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        return write_atomic(Path(out_dir) / self.filename, ntriples_bytes(graph))
