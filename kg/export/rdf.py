"""RDF export: the merged graph in the kg ontology, with provenance, as Turtle.

What the graph says is decided in :mod:`kg.export.triples` (one place, N-Triples
lines); this module turns those lines into Turtle with pyoxigraph (streaming, over a
million triples a second) and into an rdflib ``Graph`` for the exporters and checks
that want one (JSON-LD, SHACL).
"""
from __future__ import annotations

import io
import os
import shutil
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Graph

from ..namespace import PREFIXES, bind_prefixes
from . import take_streamed, write_via_temp
from .triples import graph_lines

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

OX_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def to_rdf(kg: "KnowledgeGraph") -> Graph:
    """The graph as an rdflib ``Graph`` (for small graphs: rdflib holds every triple)."""
    g = Graph()
    bind_prefixes(g)
    g.parse(spooled(kg), format="nt")
    return g


def write_lines(lines: Iterable[str], fh, *, batch: int = 20000) -> int:
    """Write N-Triples lines to a binary file in batches; returns how many."""
    n, buf = 0, []
    for line in lines:
        buf.append(line)
        if len(buf) >= batch:
            fh.write(("\n".join(buf) + "\n").encode("utf-8"))
            n += len(buf)
            buf.clear()
    if buf:
        fh.write(("\n".join(buf) + "\n").encode("utf-8"))
        n += len(buf)
    return n


def ntriples_to_turtle(source, target) -> None:
    """Stream N-Triples (a file path, a binary file or bytes) into Turtle with kg's prefixes."""
    triples = (ox.parse(path=source, format=ox.RdfFormat.N_TRIPLES) if isinstance(source, (str, Path))
               else ox.parse(source, format=ox.RdfFormat.N_TRIPLES))
    ox.serialize(triples, target, format=ox.RdfFormat.TURTLE, prefixes=OX_PREFIXES)


def turtle_chunk(nt: bytes) -> tuple[bytes, bytes]:
    """(prefix header, statements) of some N-Triples lines in Turtle. Chunks of whole
    subjects can be written one after the other below one header: the file is the one
    a single conversion of all the lines gives (a test checks)."""
    if not nt.strip():
        return b"", b""
    out = ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                       prefixes=OX_PREFIXES)
    pos = 0
    while out.startswith(b"@prefix ", pos):
        pos = out.index(b"\n", pos) + 1
    return out[:pos], out[pos:]


def turtle_bytes(kg: "KnowledgeGraph") -> bytes:
    out = io.BytesIO()
    ntriples_to_turtle(spooled(kg), out)
    return out.getvalue()


_SPOOLS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def spooled(graph: "KnowledgeGraph") -> str:
    """A temporary N-Triples file of ``graph``'s lines, made once per state of the graph
    and shared by the exporters of one build (deleted with the graph)."""
    if getattr(graph, "nt_path", None) is not None:  # a streaming build wrote its lines as it went
        return str(graph.nt_path)
    cached = _SPOOLS.get(graph)
    if cached is not None and cached[0] == graph.version and os.path.exists(cached[1]):
        return cached[1]
    fd, path = tempfile.mkstemp(prefix="kg-", suffix=".nt")
    with os.fdopen(fd, "wb") as fh:
        write_lines(graph_lines(graph), fh)
    weakref.finalize(graph, _remove, path)
    _SPOOLS[graph] = (graph.version, path)
    return path


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class TurtleExporter:
    name = "turtle"
    filename = "graph.ttl"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        target = Path(out_dir) / self.filename
        if take_streamed(graph, "ttl_path", target):
            return target
        source = spooled(graph)
        return write_via_temp(Path(out_dir) / self.filename, lambda fh: ntriples_to_turtle(source, fh))


def copy_spool(graph: "KnowledgeGraph", fh) -> None:
    with open(spooled(graph), "rb") as src:
        shutil.copyfileobj(src, fh, 1 << 20)
