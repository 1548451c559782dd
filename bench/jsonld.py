#!/usr/bin/env python3
"""JSON-LD of one build both ways: rdflib (what kg used before: parse the N-Triples,
serialize JSON-LD with the context, sort) and kg's streaming writer
(kg/export/jsonld.py, with and without the build's on-disk store).

    python bench/jsonld.py BUILD_FOLDER [--no-rdflib]

Prints seconds for each and checks that both give the same triples (rdflib parses
the new file back; skipped with --no-rdflib, as it is the slow part).
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rdflib_jsonld(nt: Path) -> bytes:
    from rdflib import Graph

    from kg.export.jsonld import CONTEXT
    from kg.namespace import bind_prefixes

    g = Graph()
    bind_prefixes(g)
    g.parse(nt, format="nt")
    data = json.loads(g.serialize(format="json-ld", context=CONTEXT, auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    for node in nodes:
        for k, v in list(node.items()):
            if isinstance(v, list):
                node[k] = sorted(v, key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda n: str(n.get("@id", "")))
    return (json.dumps({"@context": CONTEXT, "@graph": nodes}, ensure_ascii=False, sort_keys=True, indent=1)
            + "\n").encode("utf-8")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build")
    ap.add_argument("--no-rdflib", action="store_true")
    args = ap.parse_args(argv)
    from kg.export.jsonld import write_jsonld

    folder = Path(args.build)
    nt = folder / "graph.nt"
    triples = sum(1 for _ in open(nt, "rb"))
    print(f"{folder}: {triples:,} triples")
    store = folder / "graph.oxigraph"
    runs = [("kg writer, scratch store", None)] + ([("kg writer, the build's store", store)] if store.exists() else [])
    new = b""
    for label, path in runs:
        buf = io.BytesIO()
        t = time.perf_counter()
        write_jsonld(nt, buf, store_path=path)
        print(f"{label:32s} {time.perf_counter() - t:8.2f} s  {len(buf.getvalue()) / 2**20:8.1f} MB", flush=True)
        new = buf.getvalue()
    if not args.no_rdflib:
        from rdflib import Graph
        from rdflib.compare import isomorphic

        t = time.perf_counter()
        old = rdflib_jsonld(nt)
        print(f"{'rdflib (before)':32s} {time.perf_counter() - t:8.2f} s  {len(old) / 2**20:8.1f} MB", flush=True)
        same = isomorphic(Graph().parse(data=new.decode("utf-8"), format="json-ld"),
                          Graph().parse(data=old.decode("utf-8"), format="json-ld"))
        print(f"same triples: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
