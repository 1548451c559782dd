#!/usr/bin/env python3
"""Turtle and N-Triples writers compared on the same graph (make bench-serializers).

    python bench/serializers.py [--articles 1000] [--seed 1]

Builds a synthetic corpus with kg (or reuses bench/.corpus/), then times, on the
graph's triples: kg's own N-Triples line writer (kg/export/triples.py), rdflib
(parse the N-Triples, serialize Turtle and N-Triples), and pyoxigraph (parse the
N-Triples, serialize Turtle). Prints triples per second for each.
"""
from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def timed(label: str, triples: int, fn) -> float:
    t = time.perf_counter()
    fn()
    s = time.perf_counter() - t
    print(f"{label:52s} {s:7.2f} s {triples / s:12,.0f} triples/s", flush=True)
    return s


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    import pyoxigraph as ox
    from rdflib import Graph

    import kg
    from kg.export.rdf import OX_PREFIXES, write_lines
    from kg.export.triples import graph_lines
    from run import corpus  # bench/run.py

    graph = kg.build([corpus(args.articles, args.seed)], jobs=2)
    lines = list(graph_lines(graph))
    n = len(lines)
    print(f"{args.articles} articles, {n:,} triples")
    timed("kg: N-Triples lines from the graph", n, lambda: list(graph_lines(graph)))
    buf = io.BytesIO()
    timed("kg: writing the lines", n, lambda: write_lines(lines, buf))
    nt = buf.getvalue()
    timed("pyoxigraph: parse N-Triples + write Turtle", n,
          lambda: ox.serialize(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                               prefixes=OX_PREFIXES))
    g = Graph()
    timed("rdflib: parse N-Triples", n, lambda: g.parse(data=nt, format="nt"))
    timed("rdflib: write Turtle", n, lambda: g.serialize(format="turtle"))
    timed("rdflib: write N-Triples", n, lambda: g.serialize(format="nt"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
