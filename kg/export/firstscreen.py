"""What the HTML view opens on, decided at build time: view-only links that tie articles
together through the entities they share, and the part of a large view drawn first.
Nothing here changes the graph; the links are marked as a view aid in the page.
"""
from __future__ import annotations

import networkx as nx

LINKS_PER_LONER = 8       # at most this many "mentioned with" links per unrelated entity
FIRST_SCREEN = 150        # larger views open on the busiest events and their neighbours; the rest on demand


def mentioned_with(graph: nx.MultiDiGraph, shown: list[str]) -> list[tuple[str, str]]:
    """View-only links (nothing is added to the graph itself): each drawn entity that has
    no relation at all and is named in two articles or more (an election named in passing, a law cited by nobody) is joined to
    the drawn events of the articles that name it, the busiest first, so an election named
    in four articles ties them together instead of floating alone."""
    keep = set(shown)
    events_of: dict[str, list[str]] = {}
    for key in shown:
        if graph.nodes[key].get("type") == "Event":
            for a in graph.nodes[key].get("articles", []):
                events_of.setdefault(a, []).append(key)
    out = []
    for key in shown:
        if graph.degree(key) or graph.nodes[key].get("article_count", len(graph.nodes[key].get("articles", []))) < 2:
            continue
        found = {e for a in graph.nodes[key].get("articles", []) for e in events_of.get(a, []) if e != key}
        for e in sorted(found, key=lambda m: (-graph.degree(m), m))[:LINKS_PER_LONER]:
            out.append((e, key) if e in keep else (key, e))
    return sorted(out)



def first_screen(graph: nx.MultiDiGraph, shown: list[str], links: list[tuple[str, str]], *,
                 limit: int = FIRST_SCREEN) -> list[str]:
    """What the page opens on: everything when it is small; else the busiest events and
    their neighbours, event by event, up to ``limit`` nodes (the others are drawn on demand)."""
    if len(shown) <= limit:
        return list(shown)
    keep = set(shown)
    view = nx.Graph()
    view.add_nodes_from(shown)
    view.add_edges_from((u, v) for u, v in graph.edges() if u in keep and v in keep)
    view.add_edges_from(links)
    ranked = sorted(shown, key=lambda n: (graph.nodes[n].get("type") != "Event", -view.degree(n), n))
    out: list[str] = []
    seen: set[str] = set()
    for hub in ranked:
        group = [hub] + sorted(set(view.neighbors(hub)) - seen, key=lambda m: (-view.degree(m), m))
        for n in group:
            if n not in seen and len(out) < limit:
                seen.add(n)
                out.append(n)
        if len(out) >= limit:
            break
    return sorted(out)
