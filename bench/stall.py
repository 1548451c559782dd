#!/usr/bin/env python3
"""Hostile texts against the pipeline: time against input size (a benchmark, not a test).

    python bench/stall.py [--sizes 4096 8192 16384 32768] [--kinds word brackets ...] [--limit 60]

Each text is built from a pattern repeated to the given size in bytes (one word
repeated, 40k "[" then 40k "]", nested brackets, long chains of names, ...). For each
kind and size, one article is read (kg.ingest.parse_article) and extracted
(kg.pipeline.Pipeline) in a fresh process, with ``--limit`` seconds of wall time at
most (a run over the limit prints "> LIMIT" and the larger sizes of that kind are not
tried), and the CPU seconds and peak memory (maximum RSS) are printed. The last column
is the time of a size over the time of the previous size: about 2 when time grows
linearly with the input (doubling sizes), about 4 when it grows with its square.
The per-article time budget of ``kg build`` (``--article-timeout``) is off here: this
shows what each stage costs, not what the budget cuts off.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap

KINDS = {
    # name: (head, unit repeated to the size, tail)
    "word": ("", "Bawaslu ", ""),
    "name": ("", "Budi ", ""),
    "region": ("", "Kabupaten Lahat ", ""),
    "title-name": ("", "Bupati Slamet ", ""),
    "acronyms": ("", "Badan Pengawas Pemilu (Bawaslu) ", ""),
    "generic-tail": ("Dinas ", "Abc ", ""),
    "event": ("", "Rapat Koordinasi ", ""),
    "said": ("", "kata Budi, ", ""),
    "dates": ("", "Senin (2/10/2023) ", ""),
    "open-brackets": ("", "[", "]"),          # n "[" then n "]" (the tail is repeated as often)
    "open-parens": ("", "(", ")"),
    "open-quotes": ("", "“", "”"),
    "quotes": ("", '"', ""),
    "dashes": ("", "- ", ""),
    "capitals": ("", "ABC ", ""),
    "long-word": ("", "a", ""),
    "lines": ("", "Baca Juga\n", ""),
    "short-lines": ("", "x.\n", ""),
    "dots": ("", "a. ", ""),
    "sentences": ("", "Bupati Slamet membuka rapat di Lahat. ", ""),
    "said-sentences": ("", "Budi berkata bahwa rapat dimulai. ", ""),
}

SYLLABLES = ["ba", "di", "ku", "ra", "so", "te", "wi", "ma", "ni", "lu", "ga", "pe", "ro", "sa", "ti", "yu"]


def distinct(i: int) -> str:
    """A distinct capitalized made-up word for every i."""
    word = ""
    while True:
        word += SYLLABLES[i % 16]
        i //= 16
        if not i:
            return word.capitalize()


GENERATED = {
    # name: one sentence per i, every one naming different people or places
    "distinct-people": lambda i: f"Bupati {distinct(i)} {distinct(i + 7)} hadir. ",
    "distinct-said": lambda i: f"“Kami siap bekerja,” kata {distinct(i)} {distinct(i + 3)}. ",
    "distinct-venues": lambda i: f"Rapat digelar di Gedung {distinct(i)} {distinct(i + 5)}. ",
}

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from kg.ingest import parse_article
    from kg.pipeline import Pipeline
    text = sys.stdin.read()
    pipeline = Pipeline()
    pipeline(parse_article("Bupati Lahat membuka rapat di Lahat, Senin (2/10/2023).", id="warm.txt"))  # tables loaded
    c0 = time.process_time()
    article = parse_article("Judul Berita Hari Ini\\n\\n" + text, id="stall.txt")
    c1 = time.process_time()
    doc = pipeline(article)
    c2 = time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"read": c1 - c0, "extract": c2 - c1, "rss": rss, "entities": len(doc.entities)}))
""")


def text_of(kind: str, size: int) -> str:
    if kind in GENERATED:
        out, n, i = [], 0, 0
        while n < size:
            out.append(GENERATED[kind](i))
            n += len(out[-1].encode())
            i += 1
        return "".join(out)
    head, unit, tail = KINDS[kind]
    if tail:
        n = max(1, size // (len(unit.encode()) + len(tail.encode())))
        return head + unit * n + tail * n
    n = max(1, size // len(unit.encode()))
    return head + unit * n


def measure(kind: str, size: int, limit: float) -> dict | None:
    try:
        done = subprocess.run([sys.executable, "-c", CHILD], input=text_of(kind, size), capture_output=True,
                              text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[4096, 8192, 16384, 32768, 65536])
    ap.add_argument("--kinds", nargs="+", choices=sorted([*KINDS, *GENERATED]), default=[*KINDS, *GENERATED])
    ap.add_argument("--limit", type=float, default=60.0, help="wall seconds per run (default 60)")
    args = ap.parse_args(argv)
    print(f"{'kind':14} {'bytes':>8} {'read s':>8} {'extract s':>10} {'MB':>7} {'entities':>8} {'x prev':>7}")
    for kind in args.kinds:
        prev = None
        for size in args.sizes:
            r = measure(kind, size, args.limit)
            if r is None:
                print(f"{kind:14} {size:8} {'> ' + str(int(args.limit)) + ' s wall':>27}")
                break
            if "error" in r:
                print(f"{kind:14} {size:8} error: {r['error']}")
                break
            total = r["read"] + r["extract"]
            ratio = f"{total / prev:7.1f}" if prev and prev > 0.05 else f"{'':7}"
            print(f"{kind:14} {size:8} {r['read']:8.2f} {r['extract']:10.2f} {r['rss']:7.0f} {r['entities']:8} {ratio}",
                  flush=True)
            prev = total
    return 0


if __name__ == "__main__":
    sys.exit(main())
