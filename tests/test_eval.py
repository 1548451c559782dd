"""Quality on the seed articles, measured with the shared scorer (../shared/eval)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

# issue #2: entity F1 >= 0.85 and relation F1 >= 0.70 on the five seeds built together
ENTITY_F1, RELATION_F1 = 0.85, 0.70


def test_seed_scores(tmp_path):
    if not (EVAL / "score.py").exists():
        pytest.fail(f"the scorer is missing: expected {EVAL}/score.py (shared/ beside the checkout)")
    from kg.cli import main

    assert main(["build", str(ROOT / "sources"), "-o", str(tmp_path)]) == 0
    out = tmp_path / "figures.json"
    cmd = [sys.executable, str(EVAL / "score.py"), "--quiet", "--json", str(out), "--graph", str(tmp_path / "graph.ttl")]
    for onto in sorted((ROOT / "ontology").glob("*.ttl")):
        cmd += ["--ontology", str(onto)]
    cmd += [str(p) for p in sorted((EVAL / "gold").glob("*.json"))]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    figures = json.loads(out.read_text())
    assert figures["ENTITIES"]["f1"] >= ENTITY_F1, run.stdout
    assert figures["RELATIONS"]["f1"] >= RELATION_F1, run.stdout
