#!/usr/bin/env python3
"""How long the HTML view takes to write and to open, at growing sizes.

    python bench/html_load.py [--nodes 500 2000 10000]

A synthetic graph (a news-like mix of types, about 3 edges per node) is written with
kg's HTML exporter and opened in Debian's Chromium (Playwright); the load time runs
from navigation to the first complete drawing of every node. Also printed: the size
the default ``--html-max-nodes`` (2000) gives for the same graph.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.export.html import MAX_NODES, STYLE, render  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PREDICATES = ["holdsOffice", "officeOf", "spokeAt", "attended", "organizedBy", "heldIn", "cites"]


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    types = list(STYLE)
    g = nx.MultiDiGraph()
    for i in range(n):
        t = types[i % len(types)]
        g.add_node(f"{t.lower()}:{i}", type=t, label=f"{t} {i}", names=[f"{t} {i}"], articles=[f"a{i % 97}.txt"],
                   sentences=[f"Kalimat sumber untuk {t} {i}."], ids={}, dates=["2024-01-01"] if t == "Event" else [])
    ids = list(g.nodes)
    for i in range(3 * n):
        u, v = rnd.choice(ids), rnd.choice(ids)
        if u != v:
            p = rnd.choice(PREDICATES)
            g.add_edge(u, v, key=p, predicate=p, articles=["a1.txt"])
    return g


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, nargs="+", default=[500, 2000, 10000])
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(f"{'graph':>7} {'drawn':>6} {'edges':>7} {'write s':>8} {'size MB':>8} {'open s':>7}")
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for n in args.nodes:
            graph = synthetic(n)
            for cap in sorted({n, min(n, MAX_NODES)}, reverse=True):
                t = time.perf_counter()
                html = render(graph, title="bench", max_nodes=cap)
                written = time.perf_counter() - t
                path = Path(tmp) / f"g{n}-{cap}.html"
                path.write_text(html, encoding="utf-8")
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                t = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("typeof network !== 'undefined' && network.body.nodeIndices.length > 0",
                                       timeout=300000)
                page.evaluate("new Promise(r => { network.once('afterDrawing', () => r()); network.redraw(); })")
                opened = time.perf_counter() - t
                drawn = page.evaluate("network.body.nodeIndices.length")
                edges = page.evaluate("edges.length")
                page.close()
                print(f"{n:7d} {drawn:6d} {edges:7d} {written:8.2f} {len(html) / 1e6:8.2f} {opened:7.2f}", flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
