"""The on-disk Oxigraph store of a build, and how ``kg query`` / ``kg serve`` open a graph.

``kg build`` writes ``graph.oxigraph/`` into the output folder (see
:mod:`kg.export.store`): the RocksDB files of a pyoxigraph store under ``data/`` and
``source.json``, which records the size and modification time of ``graph.ttl`` and
``graph.nt`` as they were when the store was written. Opening that store read-only
takes milliseconds; parsing the Turtle again takes about 7 s per million triples.

    store = open_graph("exports/")    # the store when it is current, else the Turtle loaded

A store is *current* when every graph file now in the folder is the one it was
written with; otherwise (a later ``kg build --formats turtle``, a file edited by hand)
the file is loaded as before and ``on_stale`` is told why.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

STORE_DIR = "graph.oxigraph"
DATA = "data"
SOURCE = "source.json"
GRAPH_FILES = ("graph.ttl", "graph.nt")
FORMAT_VERSION = 1


def file_stamps(folder: Path) -> dict[str, list[int]]:
    """Size and modification time (ns) of the graph files in ``folder``."""
    out = {}
    for name in GRAPH_FILES:
        p = Path(folder) / name
        if p.exists():
            st = p.stat()
            out[name] = [st.st_size, st.st_mtime_ns]
    return out


def stale_reason(store_dir: Path) -> str | None:
    """Why the store in ``store_dir`` does not match the graph files beside it (None: it does)."""
    store_dir = Path(store_dir)
    try:
        source = json.loads((store_dir / SOURCE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"{store_dir} has no readable {SOURCE}"
    if source.get("version") != FORMAT_VERSION or source.get("pyoxigraph") != ox.__version__:
        return f"{store_dir} was written by another version of kg or pyoxigraph"
    if not (store_dir / DATA).is_dir():
        return f"{store_dir} has no {DATA}/ folder"
    now = file_stamps(store_dir.parent)
    recorded = source.get("files", {})
    for name, stamp in now.items():
        if recorded.get(name) != stamp:
            return f"{store_dir.parent / name} changed after {store_dir.name} was written"
    return None


def open_store(store_dir: Path) -> ox.Store:
    """The store in ``store_dir``, opened read-only."""
    from .query import QueryError

    try:
        return ox.Store.read_only(str(Path(store_dir) / DATA))
    except OSError as exc:
        raise QueryError(f"{store_dir}: cannot open the store: {exc}") from None


def store_for(path: str | Path) -> Path | None:
    """The build's store folder for ``path`` (a build folder, a graph file in it, or the
    store folder itself), whether or not it is current; None if there is none."""
    p = Path(path)
    if p.is_dir() and (p / DATA).is_dir() and (p / SOURCE).exists():
        return p
    folder = p if p.is_dir() else p.parent
    candidate = folder / STORE_DIR
    if candidate.is_dir() and (p.is_dir() or p.name in GRAPH_FILES):
        return candidate
    return None


def open_graph(path: str | Path, *, on_stale: Callable[[str], None] | None = None) -> ox.Store:
    """A store with the graph of ``path`` (a build folder, ``graph.ttl`` / ``graph.nt``, or
    ``graph.oxigraph``): the build's on-disk store when it is current, else the graph
    file loaded into memory (:func:`kg.query.load`)."""
    from .query import load

    store_dir = store_for(path)
    if store_dir is not None:
        if Path(path) == store_dir:
            return open_store(store_dir)
        reason = stale_reason(store_dir)
        if reason is None:
            return open_store(store_dir)
        if on_stale is not None:
            on_stale(reason)
    return load(path)
