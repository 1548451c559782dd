#!/usr/bin/env python3
"""Where the main process of a streaming build spends its memory and CPU.

    python bench/main_memory.py CORPUS [--jobs 2] [--provenance full]

Runs :func:`kg.stream.build_streaming` in this process (the main process of
``kg build``) into a temporary folder and prints: CPU seconds of this process and of
its workers (getrusage), peak RSS of this process, and the deep size of each part of
the index it keeps to the end (entities and their names, samples, relations, article
metadata). Not a test; a measuring tool for issue 14.
"""
from __future__ import annotations

import argparse
import gc
import resource
import sys
import tempfile
import time
from pathlib import Path


def deep_size(obj, seen: set) -> int:
    """Bytes of ``obj`` and everything it holds (each object counted once)."""
    size = 0
    stack = [obj]
    while stack:
        o = stack.pop()
        if id(o) in seen:
            continue
        seen.add(id(o))
        size += sys.getsizeof(o)
        if isinstance(o, dict):
            stack.extend(o.keys())
            stack.extend(o.values())
        elif isinstance(o, (list, tuple, set, frozenset)):
            stack.extend(o)
        elif hasattr(o, "__slots__"):
            stack.extend(getattr(o, s) for s in o.__slots__ if hasattr(o, s))
        elif hasattr(o, "__dict__"):
            stack.append(o.__dict__)
    return size


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--provenance", default="full")
    args = ap.parse_args(argv)
    from kg.stream import build_streaming

    t0, c0 = time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kg-mem-") as out:
        g = build_streaming([args.corpus], Path(out), jobs=args.jobs, provenance=args.provenance)
        wall = time.perf_counter() - wall
        main_cpu = time.process_time() - t0
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers = (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)
        n = len(g.articles)
        print(f"{n} articles, {len(g)} entities, {g.relation_count()} relations; wall {wall:.1f} s")
        print(f"CPU: main {main_cpu:.1f} s ({1000 * main_cpu / n:.2f} ms/article), workers {workers:.1f} s "
              f"({1000 * workers / n:.2f} ms/article)")
        print(f"peak RSS main: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        gc.collect()
        seen: set = set()
        parts = {}
        nodes = getattr(g, "_nodes", {})
        names = [getattr(e, "names", None) for e in nodes.values()]
        parts["entity names"] = deep_size(names, seen)
        parts["entity samples (evidence, texts, articles)"] = deep_size(
            [(getattr(e, "evidence", None), getattr(e, "texts", None), getattr(e, "articles", None))
             for e in nodes.values()], seen)
        parts["entity index (rest)"] = deep_size(nodes, seen)
        parts["relations"] = deep_size(getattr(g, "_rels", {}), seen)
        arts = g.articles
        parts["article metadata"] = deep_size([arts._ids, arts._ends] if hasattr(arts, "_ids") else arts, seen)
        parts["article offsets"] = deep_size(getattr(g, "_offsets", {}), seen)
        spellings = sum(len(x.as_set()) if hasattr(x, "as_set") else len(x) for x in names if x is not None)
        for k, v in parts.items():
            print(f"  {k:45s} {v / 2**20:8.1f} MB")
        print(f"  {'total':45s} {sum(parts.values()) / 2**20:8.1f} MB; {spellings:,} spellings")
        g.discard()
    return 0


if __name__ == "__main__":
    sys.exit(main())
