"""End to end: the seed build, the committed exports, the CLI."""
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.export.rdf import turtle_bytes
from kg.store import STORE_DIR  # an on-disk store: the same triples, not the same bytes (tests/test_store.py)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def seed_graph():
    errors = []
    graph = kg.build([SOURCES], on_error=lambda p, r: errors.append((p, r)))
    assert errors == []
    return graph


def test_every_seed_article_is_built(seed_graph):
    assert sorted(seed_graph.articles) == sorted(p.name for p in SOURCES.glob("*.txt"))


def test_rebuild_gives_the_committed_graph(seed_graph):
    committed = Graph().parse(ROOT / "exports" / "graph.ttl")
    rebuilt = Graph().parse(data=turtle_bytes(seed_graph).decode("utf-8"), format="turtle")
    assert isomorphic(committed, rebuilt), "exports/graph.ttl is stale: run `make run` and commit exports/"


def test_rebuild_is_byte_identical(seed_graph, tmp_path):
    again = kg.build([SOURCES])
    assert turtle_bytes(again) == turtle_bytes(seed_graph)


def test_merge_makes_one_node_for_one_thing(seed_graph):
    keys = {e.key for e in seed_graph.entities()}
    assert "event:pemilu-2024" in keys and "event:pilkada-2024" in keys
    assert "law:uu-2023-20" in keys
    assert "place:indonesia" in keys
    # three election bodies that share a word stay three
    bawaslu = {k for k in keys if k.startswith("org:bawaslu")}
    assert {"org:bawaslu:61.71", "org:bawaslu:17.02"} <= bawaslu


def test_python_api_views(seed_graph):
    nxg = seed_graph.to_networkx()
    rdf = seed_graph.to_rdf()
    assert nxg.number_of_nodes() == len(seed_graph) and len(rdf) > 0


def test_cli_build_writes_the_exports(tmp_path, capsys):
    assert main(["build", str(SOURCES), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "graph.ttl").stat().st_size > 0
    assert (tmp_path / "graph.html").stat().st_size > 0


def test_cli_reports_a_bad_article_and_builds_the_rest(tmp_path, capsys):
    good = SOURCES / "000_d40a057968a70726.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["build", str(good), str(empty), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 3
    assert "empty.txt" in err and "missing.txt" in err
    assert "Traceback" not in err
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_cli_error_is_one_line_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(empty), "-o", str(tmp_path / "o")],
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "kg: error:" in run.stderr


def test_exports_do_not_depend_on_the_hash_seed(tmp_path):
    import os

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kg", "build", str(SOURCES), "-o", str(out)], check=True, env=env,
                       capture_output=True)
        outs.append(out)
    for name in ("graph.ttl", "graph.html"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name


def test_jobs_give_byte_identical_exports(tmp_path):
    """Extraction in worker processes (kg build --jobs N) changes nothing in the output."""
    from kg.cli import main

    outs = []
    for jobs in (1, 2, 3):
        out = tmp_path / f"j{jobs}"
        assert main(["build", str(ROOT / "sources"), "-o", str(out), "--jobs", str(jobs)]) == 0
        outs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and STORE_DIR not in p.parts})
    assert outs[0] == outs[1] == outs[2]
    assert len(outs[0]) >= 8


def test_a_failing_extraction_in_a_worker_is_reported_and_skipped(tmp_path, monkeypatch):
    from kg import pipeline

    real = pipeline.Pipeline.__call__

    def flaky(self, article):
        if article.id.startswith("001"):
            raise RuntimeError("boom")
        return real(self, article)

    monkeypatch.setattr(pipeline.Pipeline, "__call__", flaky)
    errors = []
    graph = kg.build([ROOT / "sources"], on_error=lambda p, r: errors.append((p, r)), jobs=2)
    assert len(graph.articles) == 4
    assert len(errors) == 1 and "001_" in errors[0][0] and "RuntimeError: boom" in errors[0][1]


def test_shift_moves_every_field_of_a_mention():
    """kg.pipeline.shift lists Mention's fields by position: a new field must be added there too."""
    import dataclasses

    from kg.model import Mention
    from kg.pipeline import shift

    values = {"type": "Person", "text": "x", "start": 1, "end": 2, "key": "k", "label": "l", "value": "v",
              "qualifiers": frozenset({"a"}), "source": "s", "names": frozenset({"n"}), "links": (("p", "o"),)}
    assert [f.name for f in dataclasses.fields(Mention)] == list(values)
    m = Mention(**values)
    assert shift(m, 5) == dataclasses.replace(m, start=6, end=7)
