"""An on-disk Oxigraph store of the graph (``graph.oxigraph/``), which ``kg query`` and
``kg serve`` open in milliseconds instead of parsing the Turtle again (:mod:`kg.store`).

The store is bulk-loaded from the build's N-Triples into a temporary folder beside the
target, with ``source.json`` recording the graph files it matches, and then swapped
into place in one step (``renameat2(RENAME_EXCHANGE)`` where the kernel has it, else
two renames), so a build killed mid-way leaves the previous store whole. It must run
after the Turtle and N-Triples exporters of the same build, whose files it records.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..store import DATA, FORMAT_VERSION, SOURCE, STORE_DIR, file_stamps
from .rdf import spooled

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where that is not available."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def replace_dir(source: Path, target: Path) -> None:
    """Put the folder ``source`` at ``target``, replacing what was there."""
    if not target.exists():
        os.replace(source, target)
        return
    if _exchange(source, target):
        shutil.rmtree(source, ignore_errors=True)  # now the previous store
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.replace(target, old / target.name)
    os.replace(source, target)
    shutil.rmtree(old, ignore_errors=True)


def write_store(nt_path: str | Path, target: Path) -> Path:
    """Bulk-load an N-Triples file into an on-disk store at ``target`` (atomically)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        store = ox.Store(str(tmp / DATA))
        store.bulk_load(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        store.optimize()
        del store  # closes RocksDB before the folder moves
        source = {"version": FORMAT_VERSION, "pyoxigraph": ox.__version__, "files": file_stamps(target.parent)}
        (tmp / SOURCE).write_text(json.dumps(source, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.chmod(tmp, 0o755)
        replace_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def built_store(graph) -> Path | None:
    """The store this build wrote for ``graph`` (in its present state), if any: the
    JSON-LD exporter reads whole entities from it."""
    made = getattr(graph, "_kg_store", None)
    if made is None:
        return None
    path, version = made
    return path if version == getattr(graph, "version", None) and (path / DATA).is_dir() else None


class OxigraphExporter:
    name = "oxigraph"
    filename = STORE_DIR

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        path = write_store(spooled(graph), Path(out_dir) / self.filename)
        graph._kg_store = (path, getattr(graph, "version", None))
        return path
