"""Repeat runs: any input order gives the same bytes, --update equals building all at
once, re-adding changes nothing, and a build killed mid-export leaves the old exports."""
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "sources").glob("*.txt"))


def ttl(folder: Path) -> bytes:
    return (folder / "graph.ttl").read_bytes()


def test_any_order_gives_identical_bytes(tmp_path):
    assert main(["build", *map(str, SEEDS), "-o", str(tmp_path / "a")]) == 0
    assert main(["build", *map(str, reversed(SEEDS)), "-o", str(tmp_path / "b")]) == 0
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_update_equals_building_everything(tmp_path):
    assert main(["build", *map(str, SEEDS[:3]), "-o", str(tmp_path / "inc")]) == 0
    assert main(["build", "--update", str(tmp_path / "inc"), *map(str, SEEDS[3:])]) == 0
    assert main(["build", *map(str, SEEDS), "-o", str(tmp_path / "all")]) == 0
    a = Graph().parse(data=ttl(tmp_path / "inc").decode(), format="turtle")
    b = Graph().parse(data=ttl(tmp_path / "all").decode(), format="turtle")
    assert isomorphic(a, b)
    assert ttl(tmp_path / "inc") == ttl(tmp_path / "all")


def test_readding_an_article_changes_nothing(tmp_path):
    assert main(["build", *map(str, SEEDS), "-o", str(tmp_path)]) == 0
    before = ttl(tmp_path)
    assert main(["build", "--update", str(tmp_path), str(SEEDS[0])]) == 0
    assert ttl(tmp_path) == before


def test_update_needs_a_build(tmp_path, capsys):
    assert main(["build", "--update", str(tmp_path), str(SEEDS[0])]) == 1
    assert "not a kg build" in capsys.readouterr().err


def test_kill_during_export_leaves_readable_exports(tmp_path):
    out = tmp_path / "out"
    assert main(["build", *map(str, SEEDS[:1]), "-o", str(out)]) == 0
    old = ttl(out)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):  # a bigger build, so that a kill lands while it writes
        for s in SEEDS:
            shutil.copy(s, corpus / f"{i:03d}_{s.name}")
    new = None
    for delay in (0.5, 1.5, 3.0, 6.0):
        proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        data = ttl(out)
        Graph().parse(data=data.decode(), format="turtle")  # always a whole, readable graph
        if data != old:
            new = new or data
            assert data == new  # the complete new build, never a mix
    assert ttl(out) in (old, new)
