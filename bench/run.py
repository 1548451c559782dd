#!/usr/bin/env python3
"""The scale benchmark behind ``make bench``.

    python bench/run.py [--sizes 10000 100000] [--corpora synthetic real] [--jobs N] [--seed 1]
                        [--provenance full facts] [--formats LIST] [--shared ../shared] [--out bench/results.md]

Two corpora, each at every size (10k and 100k; 1M with ``BENCH_FULL=1``; any list with
``BENCH_SIZES=1000,10000``, the quick mode for development):

* ``synthetic``: bench/make_corpus.py (seeded, cached under bench/.corpus/);
* ``real``: the seed articles (``../shared/seeds``) and the dev articles
  (``../shared/eval/dev/sources``) replicated, line after line, into a temporary JSON
  Lines corpus made at run time and deleted at the end (every line is a new article id;
  nothing of them is kept in the repository). Without ``../shared`` this corpus is
  skipped, and said so.

Each is built end to end with ``kg build --verbose --formats turtle,ntriples`` (the
formats of the issue 14 targets; ``--formats`` for others) in a separate process, and
the run is measured: wall time and articles per second; CPU time of all processes
(the kg process and its workers, from ``getrusage``) and of the main process alone,
per article; peak RSS of the main process, of the largest process and of all
processes together (sampled every 50 ms); output bytes per format; the seconds of
each phase as kg reports them. In the same run a floor is timed: one pass of a plain
Aho-Corasick scan (pyahocorasick) of every gazetteer name over the same corpus
(reading the JSON lines included), and kg's time is printed as a multiple of it; and
the growth ratio (time at the larger size over time at the smaller) per corpus. When
the store is built (``--formats ...,oxigraph``) the first answer to a question is
timed from it (and, up to 10,000 articles, by parsing graph.ttl). Results are appended
to bench/results.md with the machine and its load noted.
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


PER_FILE = 10_000   # lines per JSON Lines file (as bench/make_corpus.py)


def real_articles(shared: Path) -> list[Path]:
    """The seed and dev article files under ``shared``, in a fixed order ([] if absent)."""
    files: list[Path] = []
    for folder in (shared / "seeds", shared / "eval" / "dev" / "sources"):
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return files


def real_corpus(n: int, files: list[Path], where: Path) -> Path:
    """``n`` articles made of ``files`` replicated in turn, as JSON Lines in ``where``
    (a temporary folder): line i is file i mod len(files), whole (page furniture
    included), read as kg reads a .txt page; each line is its own article id."""
    texts = [p.read_bytes().decode("utf-8") for p in files]
    lines = [(json.dumps({"text": t}, ensure_ascii=False) + "\n").encode("utf-8") for t in texts]
    where.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, PER_FILE):
        with open(where / f"real-{start // PER_FILE:03d}.jsonl", "wb") as fh:
            for i in range(start, min(n, start + PER_FILE)):
                fh.write(lines[i % len(lines)])
    return where


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


def monitored(cmd: list[str]) -> dict:
    """Run ``cmd`` and measure it: wall ``seconds``; ``cpu`` (user + system seconds of
    it and of every descendant it waited for, from getrusage) and ``cpu_main`` (the
    process alone, its last sample); peak RSS of all its processes summed
    (``peak_total``), of the largest one (``peak_one``) and of the main process
    (``peak_main``); ``stdout``, ``stderr``, exit ``code``."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_total = peak_one = peak_main = 0
    cpu_main = 0.0
    import threading

    out: dict[str, str] = {}

    def drain(name, stream):  # a full pipe would stall the build
        out[name] = stream.read()
    readers = [threading.Thread(target=drain, args=(n, s), daemon=True)
               for n, s in (("stdout", proc.stdout), ("stderr", proc.stderr))]
    for r in readers:
        r.start()
    while proc.poll() is None:
        try:
            procs = [ps, *ps.children(recursive=True)]
            rss = []
            for p in procs:
                try:
                    rss.append(p.memory_info().rss)
                    if p.pid == ps.pid:
                        peak_main = max(peak_main, rss[-1])
                        c = p.cpu_times()
                        cpu_main = c.user + c.system
                except psutil.Error:
                    pass
            peak_total = max(peak_total, sum(rss))
            peak_one = max([peak_one, *rss])
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - t
    for r in readers:
        r.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "cpu": cpu, "cpu_main": cpu_main, "peak_total": peak_total, "peak_one": peak_one,
            "peak_main": peak_main, "stdout": out.get("stdout", ""), "stderr": out.get("stderr", ""),
            "code": proc.returncode}


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
    m = monitored(cmd)
    if m["code"] != 0:
        raise SystemExit(f"kg build failed ({m['code']}): {m['stderr'].strip()[-2000:]}")
    triples = 0
    if (out / "graph.nt").exists():
        with open(out / "graph.nt", "rb") as fh:
            triples = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b""))
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    sizes = {name: sum(p.stat().st_size for p in ([out / name] if (out / name).is_file() else (out / name).rglob("*"))
                       if p.is_file()) for name, _ in FORMAT_COLUMNS if (out / name).exists()}
    stdout = m.pop("stdout")
    return {**{k: v for k, v in m.items() if k not in ("stderr", "code")}, "triples": triples, "bytes": size,
            "phases": phase_seconds(m["stderr"]), "sizes": sizes,
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


def first_answer(out: Path, n: int) -> dict:
    """Seconds and peak memory from a fresh process to the first answer, from the store
    when the build made one, and (up to 10,000 articles: it takes minutes and GBs above)
    by parsing graph.ttl."""
    res = {}
    if not (out / "graph.oxigraph").exists():
        return res
    for how, target in (("turtle", out / "graph.ttl"), ("store", out)):
        if how == "turtle" and (not target.exists() or n > 10000):
            continue
        m = monitored([PYTHON, "-c", FIRST_ANSWER, how, str(target), QUESTION])
        if m["code"] != 0:
            raise SystemExit(f"query failed ({how}): {m['stderr'].strip()[-2000:]}")
        answer, _inner = m["stdout"].split()
        res[how] = {"seconds": m["seconds"], "peak": m["peak_total"], "rows": int(answer)}
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


def _sizes() -> list[int]:
    env = os.environ.get("BENCH_SIZES")
    if env:
        return [int(x.replace("_", "")) for x in env.replace(" ", ",").split(",") if x.strip()]
    return [10000, 100000] + ([1000000] if os.environ.get("BENCH_FULL") == "1" else [])


def main(argv=None) -> int:
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=_sizes(),
                    help="articles per corpus (default 10000 100000; BENCH_SIZES=1000,10000; BENCH_FULL=1 adds 1M)")
    ap.add_argument("--corpora", nargs="+", choices=("synthetic", "real"), default=["synthetic", "real"])
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--provenance", nargs="+", choices=("full", "facts"), default=["full"])
    ap.add_argument("--formats", default="turtle,ntriples",
                    help="exports to build (kg build --formats; 'all' for every one); default turtle,ntriples")
    ap.add_argument("--shared", default=os.environ.get("SHARED", str(ROOT.parent / "shared")),
                    help="the shared folder with seeds/ and eval/dev/sources/ (default ../shared)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results.md"))
    ap.add_argument("--keep", action="store_true", help="keep the build folders under bench/.corpus/")
    args = ap.parse_args(argv)
    formats = None if args.formats == "all" else args.formats

    print(machine())
    corpora = list(args.corpora)
    notes = []
    real_files = real_articles(Path(args.shared)) if "real" in corpora else []
    if "real" in corpora and not real_files:
        msg = (f"real-article corpus skipped: no seed or dev articles under {args.shared} "
               "(give --shared or SHARED=...)")
        print(msg)
        notes.append(msg)
        corpora.remove("real")
    header = (f"{'corpus':>9} {'articles':>9} {'prov':>5} {'seconds':>8} {'art/s':>6} {'CPU ms/a':>8} {'main ms/a':>9} "
              f"{'RSS main':>8} {'RSS 1':>7} {'RSS all':>7} {'triples':>10} {'output':>8} {'floor s':>7} {'x floor':>7}")
    print(header, flush=True)
    rows = []
    scratch = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        for kind in corpora:
            for n in args.sizes:
                if kind == "synthetic":
                    folder = corpus(n, args.seed)
                else:
                    shutil.rmtree(scratch / "real", ignore_errors=True)
                    folder = real_corpus(n, real_files, scratch / "real")
                floor, _ = floor_seconds(folder)
                for prov in args.provenance:
                    out = CORPORA / f"build-{kind}-n{n}-{prov}"
                    r = run_build(folder, out, args.jobs, provenance=prov, formats=formats)
                    r["answer"] = first_answer(out, n)
                    if not args.keep:
                        shutil.rmtree(out, ignore_errors=True)
                    r.update(corpus=kind, n=n, floor=floor, provenance=prov, load=os.getloadavg()[0])
                    rows.append(r)
                    print(f"{kind:>9} {n:9d} {prov:>5} {r['seconds']:8.1f} {n / r['seconds']:6.0f} "
                          f"{1000 * r['cpu'] / n:8.2f} {1000 * r['cpu_main'] / n:9.2f} "
                          f"{r['peak_main'] / 2**20:6.0f}MB {r['peak_one'] / 2**20:5.0f}MB {r['peak_total'] / 2**20:5.0f}MB "
                          f"{r['triples']:10d} {r['bytes'] / 2**20:6.0f}MB {floor:7.2f} {r['seconds'] / floor:7.1f}",
                          flush=True)
                    print("   phases (s): " + ", ".join(f"{k} {v:.1f}" for k, v in r["phases"].items())
                          + "; bytes: " + ", ".join(f"{k} {mb(v)}" for k, v in r["sizes"].items()), flush=True)
                    if r["answer"]:
                        print("   first answer: " + ", ".join(f"{k} {v['seconds']:.2f} s / {v['peak'] / 2**20:.0f} MB"
                                                           for k, v in r["answer"].items()), flush=True)
                if kind == "real":
                    shutil.rmtree(scratch / "real", ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    ratios = []
    for kind in corpora:
        for prov in args.provenance:
            mine = [r for r in rows if r["corpus"] == kind and r["provenance"] == prov]
            for a, b in zip(mine, mine[1:]):
                ratios.append((kind, prov, b["n"], a["n"], b["seconds"] / a["seconds"], b["cpu"] / a["cpu"]))
    for kind, prov, big, small, ratio, cpu_ratio in ratios:
        print(f"{kind} ({prov}): time({big}) / time({small}) = {ratio:.2f}, CPU {cpu_ratio:.2f} "
              f"(linear: {big / small:.0f})")

    what = f"`kg build --jobs {args.jobs} --verbose" + (f" --formats {formats}" if formats else "") + "`"
    lines = [f"\n## {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} — {what}, synthetic seed {args.seed}\n",
             f"Machine: {machine()}\n", *[f"{x}\n" for x in notes],
             "CPU: user + system seconds of the kg process and its workers (getrusage), per article; main: the "
             "kg process alone. Peak RSS sampled every 50 ms: main process, largest process, all processes "
             "summed. Load: the 1-minute load average when the row finished.\n",
             "| corpus | articles | provenance | seconds | articles/s | CPU ms/article | main CPU ms/article "
             "| peak RSS main | largest process | all processes | triples | output | scan floor (s) | kg / floor "
             "| load |",
             "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['corpus']} | {r['n']:,} | {r['provenance']} | {r['seconds']:.1f} | "
                     f"{r['n'] / r['seconds']:.0f} | {1000 * r['cpu'] / r['n']:.2f} | "
                     f"{1000 * r['cpu_main'] / r['n']:.2f} | {r['peak_main'] / 2**20:,.0f} MB | "
                     f"{r['peak_one'] / 2**20:,.0f} MB | {r['peak_total'] / 2**20:,.0f} MB | {r['triples']:,} | "
                     f"{r['bytes'] / 2**20:,.0f} MB | {r['floor']:.2f} | {r['seconds'] / r['floor']:.1f} | "
                     f"{r['load']:.1f} |")
    cols = [("extract", "extraction")] + [(name, label) for name, label in FORMAT_COLUMNS]
    cols = [c for c in cols if c[0] == "extract" or any(c[0] in r["sizes"] for r in rows)]
    lines += ["\nSeconds per phase, as `kg build --verbose` reports them (bytes of each output):\n",
              "| corpus | articles | provenance | " + " | ".join(label for _, label in cols) + " |",
              "|---|---:|---|" + "---:|" * len(cols)]
    for r in rows:
        lines.append(f"| {r['corpus']} | {r['n']:,} | {r['provenance']} | " + " | ".join(
            (f"{r['phases'][key]:.1f}" if key in r["phases"] else "–") +
            (f" ({r['sizes'][key]:,} B)" if key in r.get("sizes", {}) else "") for key, _ in cols) + " |")
    answered = [r for r in rows if r["answer"]]
    if answered:
        lines += ["\nFirst answer to `SELECT (COUNT(*) AS ?facts) WHERE { ?person kg:spokeAt ?event }` from a fresh "
                  "process: parsing graph.ttl into memory and opening graph.oxigraph:\n",
                  "| corpus | articles | provenance | answer | from graph.ttl: seconds | peak RSS "
                  "| from the store: seconds | peak RSS |",
                  "|---|---:|---|---:|---:|---:|---:|---:|"]
        for r in answered:
            a = r["answer"]
            t, st = a.get("turtle"), a.get("store")
            lines.append(f"| {r['corpus']} | {r['n']:,} | {r['provenance']} | {(st or t or {}).get('rows', '–')} | "
                         + (f"{t['seconds']:.2f} | {t['peak'] / 2**20:,.0f} MB | " if t else "– | – | ")
                         + (f"{st['seconds']:.2f} | {st['peak'] / 2**20:,.0f} MB |" if st else "– | – |"))
    for kind, prov, big, small, ratio, cpu_ratio in ratios:
        lines.append(f"\n{kind} ({prov}): time({big:,}) / time({small:,}) = {ratio:.2f}, CPU {cpu_ratio:.2f} "
                     f"(linear would be {big / small:.0f})")
    out = Path(args.out)
    if not out.exists():
        out.write_text("# Benchmark results\n\nWritten by `make bench` (bench/run.py); newest last.\n", encoding="utf-8")
    with open(out, "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
