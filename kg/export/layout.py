"""Positions for the HTML view, computed once at build time so the page opens drawn
and never drifts (physics stays off in the browser).

Each connected part is laid out on its own with igraph's Fruchterman-Reingold (grid
variant on large parts), then the parts are packed in rows, largest first. igraph's
random draws (the start positions among them) come from a seeded generator, so the same graph
always gives the same positions.
"""
from __future__ import annotations

import math
import random
from collections.abc import Iterable
from contextlib import contextmanager

import igraph
import networkx as nx
import numpy as np

ROW_WIDTH = 2400  # pixels; parts are packed left to right in rows this wide


@contextmanager
def _seeded(seed: int):
    """igraph draws from one process-wide generator: give it a private seeded one for
    the call, and put the usual one (Python's ``random``) back afterwards."""
    igraph.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        igraph.set_random_number_generator(random)


def force_layout(n: int, edges: np.ndarray, *, iterations: int = 500, seed: int = 7) -> np.ndarray:
    """Fruchterman-Reingold positions in [-1, 1]² for nodes ``0..n-1``, centred;
    ``edges`` is an (m, 2) integer array."""
    if n == 1:
        return np.zeros((1, 2))
    g = igraph.Graph(n=n, edges=[tuple(map(int, e)) for e in edges])
    with _seeded(seed):  # igraph draws the start positions from it
        coords = g.layout_fruchterman_reingold(niter=iterations, grid="auto").coords
    pos = np.asarray(coords, dtype=np.float64)
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos


def _parts(graph: nx.Graph) -> list[list[str]]:
    return sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))


def layout(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Pixel positions for ``nodes``: each connected part laid out on its own, the
    parts packed in rows, largest first, so small parts do not crowd the big one."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(nodes))
    simple.add_edges_from(sorted((u, v) for u, v in edges if u != v))
    out: dict[str, tuple[int, int]] = {}
    x0 = y0 = row_height = 0.0
    for part in _parts(simple):
        index = {n: i for i, n in enumerate(part)}
        pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in simple.edges(part)})
        pos = force_layout(len(part), np.array(pairs, dtype=np.int64).reshape(-1, 2))
        radius = 160 * math.sqrt(len(part)) if len(part) > 1 else 40
        size = 2 * radius + 120
        if x0 + size > ROW_WIDTH and x0 > 0:
            x0, y0, row_height = 0.0, y0 + row_height, 0.0
        for n, (px, py) in zip(part, pos):
            out[n] = (int(round(x0 + size / 2 + px * radius)), int(round(y0 + size / 2 + py * radius)))
        x0 += size
        row_height = max(row_height, size)
    return out
