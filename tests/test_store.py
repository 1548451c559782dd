"""The on-disk Oxigraph store of a build (kg/store.py, kg/export/store.py): written by
kg build, opened by kg query when current, replaced atomically, never trusted stale."""
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.export.store import write_store
from kg.query import load, run
from kg.store import STORE_DIR, open_graph, stale_reason, store_for

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    assert main(["build", str(ROOT / "sources"), "-o", str(out), "-q"]) == 0
    return out


def triples(store):
    return {(q.subject, q.predicate, q.object) for q in store}


def test_build_writes_a_current_store_with_the_graph(build):
    assert (build / STORE_DIR / "data").is_dir()
    assert stale_reason(build / STORE_DIR) is None
    store = open_graph(build)
    assert len(store) > 1000
    assert triples(store) == triples(load(build / "graph.nt"))


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_the_store_answers_as_the_turtle_does(build, query):
    text = query.read_text(encoding="utf-8")
    from_store = run(open_graph(build), text)
    from_turtle = run(load(build / "graph.ttl"), text)
    assert sorted(from_store.values()) == sorted(from_turtle.values())
    assert from_store.columns == from_turtle.columns


def test_open_graph_uses_the_store_for_a_folder_a_graph_file_and_the_store_itself(build, monkeypatch):
    import kg.query

    def no_parsing(path):
        raise AssertionError(f"parsed {path} although the store is current")

    monkeypatch.setattr(kg.query, "load", no_parsing)
    for path in (build, build / "graph.ttl", build / "graph.nt", build / STORE_DIR):
        assert len(open_graph(path)) > 1000


def test_a_changed_graph_file_makes_the_store_stale(tmp_path, build):
    import shutil

    out = tmp_path / "b"
    shutil.copytree(build, out)
    write_store(out / "graph.nt", out / STORE_DIR)
    assert stale_reason(out / STORE_DIR) is None
    ttl = out / "graph.ttl"
    ttl.write_text(ttl.read_text(encoding="utf-8") + "\n<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    notes = []
    store = open_graph(out, on_stale=notes.append)
    assert notes and "graph.ttl" in notes[0]
    assert ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")) in store


def test_kg_query_notes_a_stale_store_and_answers_from_the_turtle(tmp_path, build, capsys):
    import shutil

    out = tmp_path / "b"
    shutil.copytree(build, out)
    os.utime(out / "graph.ttl", ns=(1, 1))
    assert main(["query", str(out), "ASK { ?s ?p ?o }"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "true"
    assert "note:" in captured.err and "loading the graph file instead" in captured.err


def test_the_store_is_replaced_whole_and_no_temporary_folder_stays(tmp_path):
    first, second = tmp_path / "1.nt", tmp_path / "2.nt"
    first.write_text("<urn:a> <urn:p> <urn:one> .\n", encoding="utf-8")
    second.write_text("<urn:a> <urn:p> <urn:two> .\n<urn:b> <urn:p> <urn:two> .\n", encoding="utf-8")
    target = tmp_path / "out" / STORE_DIR
    write_store(first, target)
    write_store(second, target)
    store = open_graph(target)
    assert len(store) == 2 and {t.object.value for t in store} == {"urn:two"}
    assert [p.name for p in target.parent.iterdir()] == [STORE_DIR]


def test_a_failed_load_leaves_the_previous_store(tmp_path):
    good, bad = tmp_path / "good.nt", tmp_path / "bad.nt"
    good.write_text("<urn:a> <urn:p> <urn:one> .\n", encoding="utf-8")
    bad.write_text("<urn:a> <urn:p> this is not N-Triples\n", encoding="utf-8")
    target = tmp_path / "out" / STORE_DIR
    write_store(good, target)
    with pytest.raises(SyntaxError):
        write_store(bad, target)
    assert len(open_graph(target)) == 1
    assert [p.name for p in target.parent.iterdir()] == [STORE_DIR]


def test_no_store_means_the_turtle_is_loaded(tmp_path):
    (tmp_path / "graph.ttl").write_text("<urn:a> <urn:p> <urn:o> .\n", encoding="utf-8")
    assert store_for(tmp_path) is None
    assert len(open_graph(tmp_path)) == 1


def test_kg_serve_answers_from_the_store(build, monkeypatch):
    import json
    import threading
    import urllib.parse
    import urllib.request

    import kg.query
    from kg import serve

    expected = len(load(build / "graph.nt"))

    def no_parsing(path):
        raise AssertionError(f"parsed {path} although the store is current")

    monkeypatch.setattr(kg.query, "load", no_parsing)
    server = serve.make_server(build, port=0, log=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        q = urllib.parse.quote("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        with urllib.request.urlopen(f"http://{host}:{port}/sparql?query={q}&format=json", timeout=20) as r:
            n = int(json.loads(r.read())["results"]["bindings"][0]["n"]["value"])
        assert n == expected
    finally:
        server.shutdown()
        server.server_close()
