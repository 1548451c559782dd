#!/usr/bin/env python3
"""Measure rdflib's in-memory store against pyoxigraph for `kg query`: load a graph and
run three typical questions, on the seed build replicated to the sizes asked.

    python bench/query_stores.py [--copies 1 10 100]

Each copy of the seed graph gets its own IRIs (so the graph grows, not repeats).
Prints load time, triples/s and median query times for both stores, and checks that
they give the same number of answers.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.query import PREFIXES  # noqa: E402

PRE = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
QUERIES = {
    "spoke-at join": PRE + "SELECT ?name ?ev ?place WHERE { ?p kg:spokeAt ?e . ?p rdfs:label ?name . "
                           "?e rdfs:label ?ev . OPTIONAL { ?e kg:heldIn/rdfs:label ?place } }",
    "label contains": PRE + 'SELECT ?s ?l WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(?l), "bawaslu")) }',
    "provenance": PRE + "SELECT ?s ?o ?f ?a WHERE { ?x a kg:Assertion ; rdf:subject ?s ; rdf:predicate kg:holdsOffice ; "
                        "rdf:object ?o ; kg:inArticle/kg:sourceFile ?f ; kg:startOffset ?a }",
}


def synthetic(seed_nt: str, copies: int) -> str:
    out = []
    for i in range(copies):
        out.append(seed_nt.replace("https://w3id.org/kg-id/id/", f"https://w3id.org/kg-id/id/c{i}/"))
    return "".join(out)


def timed(fn, repeat=3):
    times = []
    value = None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), value


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100])
    args = ap.parse_args(argv)
    import kg
    from kg.export.rdf import to_rdf

    seed_nt = to_rdf(kg.build([ROOT / "sources"])).serialize(format="nt")
    print(f"{'triples':>9} {'store':10} {'load s':>8} {'triples/s':>10} " + " ".join(f"{q:>16}" for q in QUERIES))
    for copies in args.copies:
        data = synthetic(seed_nt, copies)
        with tempfile.NamedTemporaryFile("w", suffix=".nt", delete=False) as fh:
            fh.write(data)
            path = fh.name
        n = data.count("\n")
        t, g = timed(lambda: Graph().parse(path, format="nt"), repeat=1)
        rd = [timed(lambda q=q: len(list(g.query(q))))[0] * 1000 for q in QUERIES.values()]
        rd_counts = [len(list(g.query(q))) for q in QUERIES.values()]
        print(f"{n:9d} {'rdflib':10} {t:8.2f} {n / t:10.0f} " + " ".join(f"{x:13.1f} ms" for x in rd))

        def load_ox():
            s = ox.Store()
            s.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
            return s

        t, s = timed(load_ox, repeat=1)
        oxt = [timed(lambda q=q: len(list(s.query(q))))[0] * 1000 for q in QUERIES.values()]
        ox_counts = [len(list(s.query(q))) for q in QUERIES.values()]
        print(f"{n:9d} {'pyoxigraph':10} {t:8.2f} {n / t:10.0f} " + " ".join(f"{x:13.1f} ms" for x in oxt))
        if rd_counts != ox_counts:
            print(f"  answers differ: rdflib {rd_counts} pyoxigraph {ox_counts}")
        Path(path).unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
