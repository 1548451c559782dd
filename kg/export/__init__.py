"""Exporters: one small interface, one module per format.

An exporter has a ``name``, the ``filename`` it writes inside the output folder, and
``write(graph, out_dir) -> Path``. Adding a format is adding a module and one line in
``EXPORTERS``. Files are written to a temporary name and moved into place, so an
interrupted build leaves the previous export intact.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph


class Exporter(Protocol):
    name: str
    filename: str

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path: ...


def write_via_temp(path: Path, produce) -> Path:
    """``produce(binary_file)`` writes the content; it appears at ``path`` only when
    whole (a temporary file in the same folder, fsync, rename), so an interrupted
    build leaves the previous file intact."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.filename is None:  # a write that failed (a full disk): name the file it was for
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_atomic(path: Path, data: bytes) -> Path:
    """Write bytes to ``path`` through a temporary file in the same folder."""
    return write_via_temp(path, lambda fh: fh.write(data))


def take_file(source: Path, target: Path) -> Path:
    """Put a file a streaming build wrote into place: moved when it is in the target's
    folder, else copied (atomically)."""
    import shutil

    source, target = Path(source), Path(target)
    if source.resolve().parent == target.resolve().parent:
        os.replace(source, target)
        return target

    def copy(fh):
        with open(source, "rb") as src:
            shutil.copyfileobj(src, fh, 1 << 20)
    return write_via_temp(target, copy)


def take_streamed(graph, attr: str, target: Path) -> Path | None:
    """When ``graph`` comes from a streaming build that wrote this export as it went
    (its path in ``graph.<attr>``), put that file into place and return the target."""
    source = getattr(graph, attr, None)
    if source is None:
        return None
    setattr(graph, attr, take_file(source, target))
    return Path(target)


def exporters(*, html_max_nodes: int = 2000, focus: str | None = None,
              formats: list[str] | None = None) -> list[Exporter]:
    """The exporters ``kg build`` runs, in order (``formats``: only those with these
    names; an unknown name raises ``ValueError``)."""
    from .articles import ArticlesExporter
    from .graphml import GraphMLExporter
    from .html import HtmlExporter
    from .jsonld import JsonLdExporter
    from .neo4j import Neo4jExporter
    from .ntriples import NTriplesExporter
    from .rdf import TurtleExporter
    from .store import OxigraphExporter

    every = [TurtleExporter(), NTriplesExporter(), OxigraphExporter(), JsonLdExporter(), GraphMLExporter(), Neo4jExporter(),
             HtmlExporter(max_nodes=html_max_nodes, focus=focus), ArticlesExporter()]
    if formats is None:
        return every
    names = [e.name for e in every]
    unknown = sorted(set(formats) - set(names))
    if unknown:
        raise ValueError(f"unknown format {', '.join(unknown)} (known: {', '.join(names)})")
    return [e for e in every if e.name in formats]
