"""Build-time positions for the HTML view (igraph's Fruchterman-Reingold, parts packed)."""
import random

import igraph
import networkx as nx
import numpy as np

from kg.export.layout import force_layout, layout


def ring_with_tail(prefix, n):
    nodes = [f"{prefix}{i:02d}" for i in range(n)]
    return nodes, [(nodes[i], nodes[(i + 1) % n]) for i in range(n)]


def test_same_graph_same_positions_whatever_the_order():
    nodes, edges = ring_with_tail("a", 12)
    first = layout(nodes, edges)
    assert layout(nodes[::-1], edges[::-1]) == first
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in first.values())


def test_the_global_random_generator_is_left_alone():
    random.seed(3)
    expected = random.random()
    random.seed(3)
    force_layout(20, np.array([(i, i + 1) for i in range(19)]))
    assert random.random() == expected
    assert igraph.Graph.Ring(5).layout_fruchterman_reingold() is not None  # igraph still usable afterwards


def test_positions_are_centred_in_the_unit_square_and_distinct():
    g = nx.gnm_random_graph(300, 900, seed=1)
    pos = force_layout(300, np.array(list(g.edges())))
    assert pos.shape == (300, 2) and np.abs(pos).max() <= 1.0 + 1e-9
    assert np.isclose(np.abs(pos).max(), 1.0)
    assert len({tuple(p) for p in np.round(pos, 6)}) == 300
    assert force_layout(1, np.zeros((0, 2), int)).tolist() == [[0.0, 0.0]]


def test_linked_nodes_lie_closer_than_unlinked_ones():
    # two dense clusters joined by one edge: a force layout keeps each cluster together
    g = nx.disjoint_union(nx.complete_graph(15), nx.complete_graph(15))
    g.add_edge(0, 15)
    pos = force_layout(30, np.array(list(g.edges())))
    d = lambda a, b: np.linalg.norm(pos[a] - pos[b])
    inside = np.mean([d(a, b) for a in range(15) for b in range(a + 1, 15)])
    across = np.mean([d(a, b) for a in range(15) for b in range(15, 30)])
    assert across > 2 * inside


def test_parts_are_packed_apart_largest_first():
    big, big_edges = ring_with_tail("a", 20)
    small, small_edges = ring_with_tail("b", 4)
    pos = layout(big + small + ["lone"], big_edges + small_edges)
    box = lambda keys: (min(pos[k][0] for k in keys), max(pos[k][0] for k in keys),
                        min(pos[k][1] for k in keys), max(pos[k][1] for k in keys))
    bx, sx = box(big), box(small)
    assert bx[1] < sx[0] or bx[3] < sx[2]  # the boxes do not overlap
    assert bx[0] <= sx[0]  # largest part first
    assert pos["lone"][0] > sx[1] or pos["lone"][1] > max(bx[3], sx[3])  # the lone node last (or next row)
