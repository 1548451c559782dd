#!/usr/bin/env python3
"""The scale benchmark behind ``make bench``.

    python bench/run.py [--sizes 1000 10000 100000] [--jobs N] [--seed 1] [--out bench/results.md]

For each size: a synthetic corpus (bench/make_corpus.py, seeded, cached under
bench/.corpus/) is built end to end with ``kg build --formats turtle,ntriples,html``
(read, extract, merge, write Turtle and N-Triples, and the capped HTML view) in a
separate process, and the run is measured: wall time, articles and triples per second,
peak memory (the largest sum of RSS over the kg process and its workers, sampled every
50 ms, and the largest single process), output size. In the same run a floor is timed:
one pass of a plain Aho-Corasick scan (pyahocorasick) of every gazetteer name over the
same corpus (reading the JSON lines included), and kg's time is printed as a multiple
of it. The ratio of the largest size's time to the previous one shows how time grows.
``BENCH_FULL=1`` adds 1,000,000 articles. Results are appended to bench/results.md
with the machine noted.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / ".corpus"
PYTHON = sys.executable


def corpus(n: int, seed: int) -> Path:
    out = CORPORA / f"n{n}-s{seed}"
    done = out / ".complete"
    if not done.exists():
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([PYTHON, str(ROOT / "bench" / "make_corpus.py"), "--articles", str(n), "--out", str(out),
                        "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
        done.write_text("ok\n")
    return out


def gazetteer_names() -> list[str]:
    """Every name in the gazetteers: regions, agencies (names, acronyms, aliases),
    regional units, office forms."""
    data = ROOT / "kg" / "data"
    names: set[str] = set()
    with open(data / "regions.csv", encoding="utf-8") as fh:
        names |= {row["name"] for row in csv.DictReader(fh)}
    for file, columns in (("agencies.csv", ("name", "acronyms", "aliases")), ("units.csv", ("name", "acronyms", "aliases")),
                          ("offices.csv", ("title", "forms"))):
        with open(data / file, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                for col in columns:
                    names |= {x.strip() for x in (row.get(col) or "").split("|") if x.strip()}
    return sorted(names)


def floor_seconds(folder: Path) -> tuple[float, int]:
    """One pass of a plain Aho-Corasick scan of the gazetteer names over the corpus."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for i, name in enumerate(gazetteer_names()):
        auto.add_word(name, i)
    auto.make_automaton()
    hits = 0
    t = time.perf_counter()
    for f in sorted(folder.glob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                for _ in auto.iter(json.loads(line)["text"]):
                    hits += 1
    return time.perf_counter() - t, hits


def run_build(folder: Path, out: Path, jobs: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(Path(PYTHON).parent / "kg"), "build", str(folder), "-o", str(out), "--jobs", str(jobs),
           "--formats", "turtle,ntriples,html"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_total = peak_one = 0
    while proc.poll() is None:
        try:
            procs = [ps, *ps.children(recursive=True)]
            rss = []
            for p in procs:
                try:
                    rss.append(p.memory_info().rss)
                except psutil.Error:
                    pass
            peak_total = max(peak_total, sum(rss))
            peak_one = max([peak_one, *rss])
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - t
    stdout, stderr = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"kg build failed ({proc.returncode}): {stderr.strip()[-2000:]}")
    with open(out / "graph.nt", "rb") as fh:
        triples = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b""))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return {"seconds": seconds, "triples": triples, "peak_total": peak_total, "peak_one": peak_one, "bytes": size,
            "summary": stdout.strip().splitlines()[-1] if stdout.strip() else ""}


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return (f"{cpu}, {len(os.sched_getaffinity(0))} cores available, {mem:.0f} GiB RAM, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sizes = [1000, 10000, 100000] + ([1000000] if os.environ.get("BENCH_FULL") == "1" else [])
    ap.add_argument("--sizes", type=int, nargs="+", default=sizes)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.md"))
    ap.add_argument("--keep", action="store_true", help="keep the build folders under bench/.corpus/")
    args = ap.parse_args(argv)

    header = (f"{'articles':>9} {'seconds':>8} {'art/s':>7} {'triples':>11} {'triples/s':>10} {'peak RSS':>9} "
              f"{'1 proc':>8} {'output':>9} {'floor s':>8} {'x floor':>7}")
    print(machine())
    print(header, flush=True)
    rows = []
    for n in args.sizes:
        folder = corpus(n, args.seed)
        out = CORPORA / f"build-n{n}"
        r = run_build(folder, out, args.jobs)
        floor, _ = floor_seconds(folder)
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
        r.update(n=n, floor=floor)
        rows.append(r)
        print(f"{n:9d} {r['seconds']:8.1f} {n / r['seconds']:7.0f} {r['triples']:11d} {r['triples'] / r['seconds']:10.0f} "
              f"{r['peak_total'] / 2**20:7.0f}MB {r['peak_one'] / 2**20:6.0f}MB {r['bytes'] / 2**20:7.0f}MB "
              f"{floor:8.2f} {r['seconds'] / floor:7.1f}", flush=True)
    ratios = [(b["n"], a["n"], b["seconds"] / a["seconds"]) for a, b in zip(rows, rows[1:])]
    for big, small, ratio in ratios:
        print(f"time({big}) / time({small}) = {ratio:.2f} (linear: {big / small:.0f})")

    lines = [f"\n## {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} — `kg build --jobs {args.jobs} "
             f"--formats turtle,ntriples,html`, seed {args.seed}\n", f"Machine: {machine()}\n",
             "| articles | seconds | articles/s | triples | triples/s | peak RSS (all processes) | largest process "
             "| output | scan floor (s) | kg / floor |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['seconds']:.1f} | {r['n'] / r['seconds']:.0f} | {r['triples']:,} | "
                     f"{r['triples'] / r['seconds']:,.0f} | {r['peak_total'] / 2**20:,.0f} MB | "
                     f"{r['peak_one'] / 2**20:,.0f} MB | {r['bytes'] / 2**20:,.0f} MB | {r['floor']:.2f} | "
                     f"{r['seconds'] / r['floor']:.1f} |")
    for big, small, ratio in ratios:
        lines.append(f"\ntime({big:,}) / time({small:,}) = {ratio:.2f} (linear would be {big / small:.0f})")
    out = Path(args.out)
    if not out.exists():
        out.write_text("# Benchmark results\n\nWritten by `make bench` (bench/run.py); newest last.\n", encoding="utf-8")
    with open(out, "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
