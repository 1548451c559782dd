"""kg query: SPARQL over a built graph on the embedded Oxigraph store."""
import json
from pathlib import Path

import pytest

import kg
from kg.cli import main
from kg.export.rdf import TurtleExporter
from kg.query import QueryError, load, read_query, run, to_csv, to_json, to_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    TurtleExporter().write(kg.build([ROOT / "sources"]), out)
    return out


def test_select_with_default_prefixes(build):
    result = run(load(build), "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name")
    names = [row[0] for row in result.values()]
    assert "Cecep Supriatna" in names and names == sorted(names)


def test_ask_and_construct(build):
    store = load(build / "graph.ttl")
    assert run(store, "ASK { ?s kg:holdsOffice ?o }").boolean is True
    triples = run(store, "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a kg:Law ; rdfs:label ?l }")
    assert triples.columns == ["subject", "predicate", "object"] and triples.rows


@pytest.mark.parametrize("query", ["INSERT DATA { <a:b> <a:c> <a:d> }", "DELETE WHERE { ?s ?p ?o }", "DROP ALL",
                                   "PREFIX x: <a:> LOAD <http://127.0.0.1:9/x>", "add default to graph <a:g>",
                                   "WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"])
def test_updates_are_refused(build, query):
    with pytest.raises(QueryError, match="read-only"):
        run(load(build), query)


def test_syntax_error_is_a_query_error(build):
    with pytest.raises(QueryError, match="syntax"):
        run(load(build), "SELEC ?x")


def test_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(QueryError, match="no graph.ttl"):
        load(tmp_path)


def test_formats(build):
    result = run(load(build), "SELECT ?s ?l WHERE { ?s a kg:Law ; rdfs:label ?l }")
    data = json.loads(to_json(result))
    assert data["head"]["vars"] == ["s", "l"] and data["results"]["bindings"][0]["s"]["type"] == "uri"
    assert to_csv(result).splitlines()[0] == "s,l"
    assert "(1 row)" in to_table(result) or "rows)" in to_table(result)


def test_query_from_a_file(tmp_path, build):
    rq = tmp_path / "count.rq"
    rq.write_text("# how many people\nSELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Person }\n")
    assert int(run(load(build), read_query(str(rq))).values()[0][0]) > 5


def test_cli_query(build, capsys):
    assert main(["query", str(build), "SELECT ?l WHERE { ?s a kg:Law ; rdfs:label ?l }", "--format", "csv"]) == 0
    assert "Undang-Undang Nomor 20 Tahun 2023" in capsys.readouterr().out
    assert main(["query", str(build), "DELETE WHERE { ?s ?p ?o }"]) == 1
    assert "read-only" in capsys.readouterr().err


@pytest.mark.parametrize("query, form", [
    ("SELECT * WHERE { ?s ?p ?o }", "query"), ("PREFIX a: <x:> BASE <y:> ask {}", "query"),
    ("# INSERT\nCONSTRUCT WHERE { ?s ?p ?o }", "query"), ("DESCRIBE <x:load>", "query"),
    ("PREFIX select: <x:> INSERT DATA { select:a select:b select:c }", "update"), ("clear all", "update"),
    ("", None), ("?x", None),
])
def test_query_form_from_the_tokens(query, form):
    from kg.query_guard import query_form

    assert query_form(query) == form


@pytest.mark.parametrize("query, federated", [
    ("SELECT * WHERE { SERVICE <x:e> { ?s ?p ?o } }", True),
    ("SELECT * WHERE { service:x ?p ?o }", True),  # could read as SERVICE :x: refused on the safe side
    ("SELECT * WHERE { ?s ?p 'SERVICE' }", False),
    ('SELECT * WHERE { ?s ?p """a \' service""" }', False),
    ("SELECT ?service WHERE { ?service <x:service> ?o } # SERVICE", False),
    ("SELECT * WHERE { ?s ex:service ?o }", False),
])
def test_uses_service(query, federated):
    from kg.query_guard import uses_service

    assert uses_service(query) is federated


def test_from_and_describe_fetch_nothing(build):
    """FROM, FROM NAMED and DESCRIBE name graphs of the store, never URLs to fetch."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(1.5)
    url = "http://127.0.0.1:%d/g" % listener.getsockname()[1]
    contacts = []

    def accept():
        try:
            conn, _ = listener.accept()
            contacts.append(conn)
        except OSError:
            pass

    thread = threading.Thread(target=accept)
    thread.start()
    store = load(build)
    try:
        for q in (f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }}", f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
                  f"DESCRIBE <{url}>"):
            assert run(store, q).rows == []
        thread.join()
    finally:
        listener.close()
    assert contacts == []
