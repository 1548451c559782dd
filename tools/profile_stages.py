#!/usr/bin/env python3
"""CPU milliseconds per article for each stage of the pipeline (make_doc, the document
setting, each mention extractor, each document step), measured with time.process_time
in this process, without a profiler.

    python tools/profile_stages.py [--warm CORPUS] [--reps N] CORPUS...

CORPUS: article files, folders or JSON Lines files (read as ``kg build`` reads them).
``--warm``: articles run first and not counted, so that the caches are filled as in a
long build but not with the measured texts. ``--reps``: passes over the articles; the
least time of each stage is printed. Passes after the first see the same texts again, so
caches keyed by a text flatter them: for new articles, use ``--reps 1`` and run the
script several times. The machine is shared: compare two versions run one after another.
"""
from __future__ import annotations

import argparse
import collections
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--warm", action="append", default=[])
    ap.add_argument("--reps", type=int, default=1)
    args = ap.parse_args()

    from kg import stream
    from kg.pipeline import Pipeline, make_doc, run_extractors

    def articles(paths):
        return [stream._read_one(s) for s in stream.plan(paths, report=lambda path, reason: None)]

    pipe = Pipeline()
    for a in articles(args.warm):
        pipe(a)
    arts = articles(args.corpus)
    clock = time.process_time
    spent: collections.Counter = collections.Counter()

    def timed(ex):
        def run(text, *, context):
            t = clock()
            try:
                return ex(text, context=context)
            finally:
                spent[ex.name] += clock() - t
        run.name = ex.name
        return run

    extractors = [timed(ex) for ex in pipe.extractors]
    best: dict[str, float] = {}
    for _ in range(args.reps):
        spent.clear()
        for a in arts:
            t0 = clock()
            doc = make_doc(a)
            spent["make_doc"] += clock() - t0
            for step in pipe.before:
                t = clock()
                step(doc)
                spent[f"before:{step.__name__}"] += clock() - t
            t = clock()
            run_extractors(doc, extractors)
            spent["extractors (all, with the loop)"] += clock() - t
            for step in pipe.after:
                t = clock()
                step(doc)
                spent[f"after:{getattr(step, '__name__', type(step).__name__)}"] += clock() - t
            spent["TOTAL"] += clock() - t0
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    print(f"{len(arts)} articles, CPU ms per article (least of {args.reps} pass(es))")
    for k, v in best.items():
        print(f"{k:36s} {v * 1000 / max(1, len(arts)):8.3f}")


if __name__ == "__main__":
    main()
