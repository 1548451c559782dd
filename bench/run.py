#!/usr/bin/env python3
"""The scale benchmark behind ``make bench``.

    python bench/run.py [--sizes 1000 10000 100000] [--jobs N] [--seed 1] [--provenance full facts]
                        [--formats LIST] [--out bench/results.md]

For each size: a synthetic corpus (bench/make_corpus.py, seeded, cached under
bench/.corpus/) is built end to end with ``kg build --verbose`` (every format unless
``--formats``) in a separate process, and the run is measured: wall time, articles and
triples per second, peak memory (the largest sum of RSS over the kg process and its
workers, sampled every 50 ms, and the largest single process), output size, and the
seconds of each phase as kg reports them (extraction, then each format written).
Then the first answer to a ready-made question (queries/who_spoke_where.rq) is timed
in a fresh process both ways: parsing graph.ttl into memory (what ``kg query`` did
before the store) and opening the build's on-disk store (graph.oxigraph), with peak
memory. In the same run a floor is timed: one pass of a plain Aho-Corasick scan
(pyahocorasick) of every gazetteer name over the same corpus (reading the JSON lines
included), and kg's time is printed as a multiple of it. ``BENCH_FULL=1`` adds
1,000,000 articles. Results are appended to bench/results.md with the machine noted.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import re
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


FORMAT_COLUMNS = [("graph.ttl", "ttl"), ("graph.nt", "nt"), ("graph.oxigraph", "store"), ("graph.jsonld", "jsonld"),
                  ("graph.graphml", "graphml"), ("neo4j", "neo4j"), ("graph.html", "html"),
                  ("articles.jsonl", "articles")]
# The first answer: a question over the whole graph with a one-row answer, so the time
# is that of getting the graph ready (parsing graph.ttl, or opening the store), not of
# printing rows. (The ready-made who_spoke_where.rq joins every speaker with every
# place of every event: millions of rows on a synthetic corpus.)
QUESTION = ("PREFIX kg: <https://w3id.org/kg-id/ontology#>\n"
            "SELECT (COUNT(*) AS ?facts) WHERE { ?person kg:spokeAt ?event }")


def monitored(cmd: list[str]) -> tuple[float, int, int, str, str, int]:
    """Run ``cmd``; (seconds, peak RSS of it and its children summed, largest single
    process, stdout, stderr, exit status)."""
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
    return seconds, peak_total, peak_one, stdout, stderr, proc.returncode


def phase_seconds(stderr: str) -> dict[str, float]:
    """``kg build --verbose`` lines ("kg: writing graph.ttl: 1.23 s") as {phase: seconds}."""
    out = {}
    for line in stderr.splitlines():
        m = re.match(r"kg: (extracting|writing (\S+)): ([0-9.]+) s", line)
        if m:
            out[m.group(2) or "extract"] = float(m.group(3))
    return out


def run_build(folder: Path, out: Path, jobs: int, *, provenance: str = "full", formats: str | None = None) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(Path(PYTHON).parent / "kg"), "build", str(folder), "-o", str(out), "--jobs", str(jobs), "--verbose",
           "--provenance", provenance] + (["--formats", formats] if formats else [])
    seconds, peak_total, peak_one, stdout, stderr, code = monitored(cmd)
    if code != 0:
        raise SystemExit(f"kg build failed ({code}): {stderr.strip()[-2000:]}")
    triples = 0
    if (out / "graph.nt").exists():
        with open(out / "graph.nt", "rb") as fh:
            triples = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b""))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    sizes = {name: sum(p.stat().st_size for p in ([out / name] if (out / name).is_file() else (out / name).rglob("*"))
                       if p.is_file()) for name, _ in FORMAT_COLUMNS if (out / name).exists()}
    return {"seconds": seconds, "triples": triples, "peak_total": peak_total, "peak_one": peak_one, "bytes": size,
            "phases": phase_seconds(stderr), "sizes": sizes,
            "summary": stdout.strip().splitlines()[-1] if stdout.strip() else ""}


FIRST_ANSWER = """
import sys, time
t = time.perf_counter()
from kg.query import load, read_query, run
from kg.store import open_graph
store = load(sys.argv[2]) if sys.argv[1] == "turtle" else open_graph(sys.argv[2])
rows = run(store, read_query(sys.argv[3])).values()
print(rows[0][0], time.perf_counter() - t)
"""


def first_answer(out: Path) -> dict:
    """Seconds and peak memory from a fresh process to the first answer, from the Turtle and from the store."""
    res = {}
    for how, target in (("turtle", out / "graph.ttl"), ("store", out)):
        if how == "turtle" and not target.exists() or how == "store" and not (out / "graph.oxigraph").exists():
            continue
        seconds, peak, _, stdout, stderr, code = monitored([PYTHON, "-c", FIRST_ANSWER, how, str(target), QUESTION])
        if code != 0:
            raise SystemExit(f"query failed ({how}): {stderr.strip()[-2000:]}")
        answer, _inner = stdout.split()
        res[how] = {"seconds": seconds, "peak": peak, "rows": int(answer)}
    if len(res) == 2 and res["turtle"]["rows"] != res["store"]["rows"]:
        raise SystemExit(f"the store and the Turtle disagree: {res}")
    return res


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
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}, "
            f"load average {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")


def mb(n: float) -> str:
    return f"{n / 2**20:,.0f} MB" if n >= 2**20 else f"{n / 2**20:,.1f} MB"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sizes = [1000, 10000, 100000] + ([1000000] if os.environ.get("BENCH_FULL") == "1" else [])
    ap.add_argument("--sizes", type=int, nargs="+", default=sizes)
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--provenance", nargs="+", choices=("full", "facts"), default=["full"])
    ap.add_argument("--formats", help="only these exports (kg build --formats); default: all")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.md"))
    ap.add_argument("--keep", action="store_true", help="keep the build folders under bench/.corpus/")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse a kept build and its measures (bench/.corpus/build-*.json) instead of building again")
    args = ap.parse_args(argv)

    print(machine())
    header = (f"{'articles':>9} {'prov':>5} {'seconds':>8} {'art/s':>7} {'triples':>11} {'peak RSS':>9} "
              f"{'1 proc':>8} {'output':>9} {'floor s':>8} {'x floor':>7}")
    print(header, flush=True)
    rows = []
    for n in args.sizes:
        folder = corpus(n, args.seed)
        floor, _ = floor_seconds(folder)
        for prov in args.provenance:
            out = CORPORA / f"build-n{n}-{prov}"
            record = CORPORA / f"build-n{n}-{prov}.json"
            if args.reuse and record.exists() and out.exists():
                r = json.loads(record.read_text(encoding="utf-8"))
            else:
                r = run_build(folder, out, args.jobs, provenance=prov, formats=args.formats)
                record.write_text(json.dumps(r), encoding="utf-8")
            r["answer"] = first_answer(out)
            if not args.keep:
                shutil.rmtree(out, ignore_errors=True)
            r.update(n=n, floor=floor, provenance=prov)
            rows.append(r)
            print(f"{n:9d} {prov:>5} {r['seconds']:8.1f} {n / r['seconds']:7.0f} {r['triples']:11d} "
                  f"{r['peak_total'] / 2**20:7.0f}MB {r['peak_one'] / 2**20:6.0f}MB {r['bytes'] / 2**20:7.0f}MB "
                  f"{floor:8.2f} {r['seconds'] / floor:7.1f}", flush=True)
            print("   phases (s): " + ", ".join(f"{k} {v:.1f}" for k, v in r["phases"].items()), flush=True)
            print("   first answer: " + ", ".join(f"{k} {v['seconds']:.2f} s / {v['peak'] / 2**20:.0f} MB"
                                                   for k, v in r["answer"].items()), flush=True)
    full = [r for r in rows if r["provenance"] == args.provenance[0]]
    ratios = [(b["n"], a["n"], b["seconds"] / a["seconds"]) for a, b in zip(full, full[1:])]
    for big, small, ratio in ratios:
        print(f"time({big}) / time({small}) = {ratio:.2f} (linear: {big / small:.0f})")

    what = f"`kg build --jobs {args.jobs} --verbose" + (f" --formats {args.formats}" if args.formats else "") + "`"
    lines = [f"\n## {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} — {what}, seed {args.seed}\n",
             f"Machine: {machine()}\n",
             "| articles | provenance | seconds | articles/s | triples | triples/s | peak RSS (all processes) "
             "| largest process | output | scan floor (s) | kg / floor |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['provenance']} | {r['seconds']:.1f} | {r['n'] / r['seconds']:.0f} | "
                     f"{r['triples']:,} | {r['triples'] / r['seconds']:,.0f} | {r['peak_total'] / 2**20:,.0f} MB | "
                     f"{r['peak_one'] / 2**20:,.0f} MB | {r['bytes'] / 2**20:,.0f} MB | {r['floor']:.2f} | "
                     f"{r['seconds'] / r['floor']:.1f} |")
    cols = [("extract", "extraction")] + [(name, label) for name, label in FORMAT_COLUMNS]
    lines += ["\nSeconds per phase, as `kg build --verbose` reports them (size of each output below):\n",
              "| articles | provenance | " + " | ".join(label for _, label in cols) + " |",
              "|---:|---|" + "---:|" * len(cols)]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['provenance']} | " + " | ".join(
            (f"{r['phases'][key]:.1f}" if key in r["phases"] else "–") +
            (f" ({mb(r['sizes'][key])})" if key in r.get("sizes", {}) else "") for key, _ in cols) + " |")
    lines += ["\nFirst answer to `SELECT (COUNT(*) AS ?facts) WHERE { ?person kg:spokeAt ?event }` from a fresh "
              "process (Python start-up and imports included): parsing graph.ttl into memory (before) and opening "
              "graph.oxigraph (after):\n",
              "| articles | provenance | answer | from graph.ttl: seconds | peak RSS | from the store: seconds | peak RSS |",
              "|---:|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        a = r["answer"]
        t, st = a.get("turtle"), a.get("store")
        lines.append(f"| {r['n']:,} | {r['provenance']} | {(st or t or {}).get('rows', '–')} | "
                     + (f"{t['seconds']:.2f} | {t['peak'] / 2**20:,.0f} MB | " if t else "– | – | ")
                     + (f"{st['seconds']:.2f} | {st['peak'] / 2**20:,.0f} MB |" if st else "– | – |"))
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
