#!/usr/bin/env python3
"""Print the scorer's tables for the seed articles (built together), the dev set (each
article built alone, then all built together) and the aggregate line of the blind check
set, using ../shared/eval/score.py and score_each.py.

    python tools/evaluate.py [--shared ../shared] [--verbose] [--record "what changed"]

The check set is blind: only its last (aggregate) line is ever printed. ``--record``
appends one line with the four figures to docs/accuracy.md (the learning record).
"""
from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--verbose", action="store_true", help="list every miss and extra")
    ap.add_argument("--record", metavar="CHANGE", help="append the figures to docs/accuracy.md under this name")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    evaldir = shared / "eval"
    global EVAL_SCORE
    EVAL_SCORE = evaldir / "score.py"
    if not (evaldir / "score.py").exists():
        print(f"evaluate: no scorer at {evaldir}", file=sys.stderr)
        return 1
    kg = str(Path(sys.executable).parent / "kg")
    onto = [str(p) for p in sorted((ROOT / "ontology").glob("*.ttl"))]
    figures = {}
    print("== seed articles, built together")
    figures["seeds"] = together(kg, onto, evaldir / "gold" / "*.json", ROOT / "sources", args.verbose)
    dev = evaldir / "dev"
    if (dev / "gold").is_dir():
        print("\n== dev set, each article built alone (micro-average)")
        figures["dev alone"] = each(kg, dev, args.verbose)
        print("\n== dev set, all articles built together")
        figures["dev together"] = together(kg, onto, dev / "gold" / "*.json", dev / "sources", args.verbose)
    check = evaldir / "check"
    if (check / "gold").is_dir():
        print("\n== check set (blind: aggregate line only), each article built alone")
        figures["check"] = each(kg, check, verbose=False, last_line_only=True)
    if args.record:
        record(args.record, figures)
    return 0


def _last_line(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def _pair(line: str) -> str:
    """ "entity F1 0.836 relation F1 0.701" -> "0.836 / 0.701" """
    nums = [w for w in line.split() if w[:1].isdigit()]
    return " / ".join(nums[-2:]) if len(nums) >= 2 else "-"


def together(kg, onto, gold_glob: Path, sources: Path, verbose: bool) -> str:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([kg, "build", str(sources), "-o", out, "--formats", "turtle"], check=True,
                       stdout=subprocess.DEVNULL)
        cmd = [sys.executable, str(EVAL_SCORE), "--graph", f"{out}/graph.ttl"]
        for o in onto:
            cmd += ["--ontology", o]
        if not verbose:
            cmd.append("--quiet")
        cmd += [str(p) for p in sorted(gold_glob.parent.glob(gold_glob.name))]
        run = subprocess.run(cmd, check=True, capture_output=True, text=True)
    print(run.stdout, end="")
    return _pair(_last_line(run.stdout))


def each(kg, folder: Path, verbose: bool, last_line_only: bool = False) -> str:
    # score_each.py's --ontology option fails when given (its default is a string, not a
    # list); kg's classes carry the core local names themselves, so none is needed here
    cmd = [sys.executable, str(EVAL_SCORE.parent / "score_each.py"), "--kg", kg]
    if verbose and not last_line_only:
        cmd.append("--verbose")
    run = subprocess.run(cmd + [str(folder)], check=True, capture_output=True, text=True)
    print(_last_line(run.stdout) if last_line_only else run.stdout.rstrip())
    return _pair(_last_line(run.stdout))


def record(change: str, figures: dict) -> None:
    path = ROOT / "docs" / "accuracy.md"
    row = "| {} | {} | {} | {} | {} | {} |\n".format(
        dt.date.today().isoformat(), change, figures.get("seeds", "-"), figures.get("dev alone", "-"),
        figures.get("dev together", "-"), figures.get("check", "-"))
    with path.open("a", encoding="utf-8") as fh:
        fh.write(row)
    print(f"\nrecorded in {path.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
