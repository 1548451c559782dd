"""Positions for the HTML view, computed once at build time so the page opens drawn
and never drifts (physics stays off in the browser).

Each connected part is laid out on its own with a force-directed layout
(Fruchterman-Reingold, vectorised with numpy), then the parts are packed in rows,
largest first. Above ``exact`` nodes in one part, the repulsion of each step is
estimated from a seeded sample of the nodes (scaled up), which keeps 10,000 nodes
to a few seconds. The same graph always gives the same positions.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx
import numpy as np

ROW_WIDTH = 2400  # pixels; parts are packed left to right in rows this wide


def force_layout(n: int, edges: np.ndarray, *, iterations: int = 60, seed: int = 7,
                 exact: int = 1500) -> np.ndarray:
    """Fruchterman-Reingold positions in the unit square for nodes ``0..n-1``;
    ``edges`` is an (m, 2) integer array."""
    rng = np.random.default_rng(seed)
    x = rng.random(n).astype(np.float32)
    y = rng.random(n).astype(np.float32)
    if n == 1:
        return np.zeros((1, 2))
    src, dst = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    k = np.float32(1.0 / math.sqrt(n))
    temperature, cooling = 0.1, 0.1 / (iterations + 1)
    fx = np.empty(n, np.float32)
    fy = np.empty(n, np.float32)
    for _ in range(iterations):
        if n > exact:  # repulsion from a sample, scaled to the whole
            pick = rng.choice(n, exact, replace=False)
            sx, sy, scale = x[pick], y[pick], np.float32(n / exact)
        else:
            sx, sy, scale = x, y, np.float32(1.0)
        block = max(1, 4_000_000 // len(sx))
        for s in range(0, n, block):
            dx = x[s:s + block, None] - sx[None, :]
            dy = y[s:s + block, None] - sy[None, :]
            inv = dx * dx
            inv += dy * dy
            np.maximum(inv, 1e-6, out=inv)
            np.reciprocal(inv, out=inv)
            fx[s:s + block] = (dx * inv).sum(axis=1)
            fy[s:s + block] = (dy * inv).sum(axis=1)
        fx *= k * k * scale
        fy *= k * k * scale
        if len(src):  # attraction along edges
            ex, ey = x[src] - x[dst], y[src] - y[dst]
            d = np.sqrt(ex * ex + ey * ey) / k
            np.add.at(fx, src, -ex * d)
            np.add.at(fy, src, -ey * d)
            np.add.at(fx, dst, ex * d)
            np.add.at(fy, dst, ey * d)
        length = np.sqrt(fx * fx + fy * fy)
        np.maximum(length, 1e-9, out=length)
        step = np.minimum(length, temperature) / length
        x += fx * step
        y += fy * step
        temperature -= cooling
    pos = np.stack([x, y], axis=1).astype(np.float64)
    pos -= pos.mean(axis=0)
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
        radius = 110 * math.sqrt(len(part)) if len(part) > 1 else 40
        size = 2 * radius + 120
        if x0 + size > ROW_WIDTH and x0 > 0:
            x0, y0, row_height = 0.0, y0 + row_height, 0.0
        for n, (px, py) in zip(part, pos):
            out[n] = (int(round(x0 + size / 2 + px * radius)), int(round(y0 + size / 2 + py * radius)))
        x0 += size
        row_height = max(row_height, size)
    return out
