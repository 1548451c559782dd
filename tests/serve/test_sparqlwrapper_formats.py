"""SPARQLWrapper 2.0.0 asks `kg serve` for every format it knows, by GET, form POST and
direct POST, and must get an answer its ``convert()`` parses (or, for the text formats it
hands back as bytes, one that parses as that format) without a warning that the endpoint
sent another type than the one asked for. Graph answers are compared with the same query
run by Oxigraph directly (``rdflib.compare.isomorphic``)."""
from __future__ import annotations

import csv
import io
import threading
import warnings
from pathlib import Path
from xml.dom.minidom import Document

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, \
    SPARQLWrapper

import kg
from kg.export.rdf import TurtleExporter
from kg.query import PREFIXES
from kg.serve import make_server

ROOT = Path(__file__).resolve().parent.parent.parent
PROLOGUE = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
QUERIES = {
    "SELECT": PROLOGUE + "SELECT ?p ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name",
    "ASK": PROLOGUE + "ASK { ?p a kg:Person ; rdfs:label \"Cecep Supriatna\" }",
    "CONSTRUCT": PROLOGUE + "CONSTRUCT { ?p rdfs:label ?name ; a kg:Person } WHERE { ?p a kg:Person ; rdfs:label ?name }",
    "DESCRIBE": PROLOGUE + "DESCRIBE ?p WHERE { ?p a kg:Person ; rdfs:label \"Cecep Supriatna\" }",
}
METHODS = {"GET": ("GET", None), "POST-form": (POST, URLENCODED), "POST-direct": (POST, POSTDIRECTLY)}
# (query form, SPARQLWrapper format, extra Accept header or None, what convert() gives back)
CASES = [(form, fmt, None) for form in ("SELECT", "ASK") for fmt in (JSON, XML, CSV, TSV)] + \
        [(form, fmt, None) for form in ("CONSTRUCT", "DESCRIBE") for fmt in (XML, RDFXML, TURTLE, N3, JSONLD, JSON)] + \
        [(form, N3, "application/n-triples") for form in ("CONSTRUCT", "DESCRIBE")]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    out = tmp_path_factory.mktemp("wrapper")
    TurtleExporter().write(kg.build([ROOT / "sources"]), out)
    server = make_server(out, host="127.0.0.1", port=0, timeout=10, log=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    store = ox.Store()
    store.bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", store
    finally:
        server.shutdown()
        server.server_close()


def expected_graph(store, form) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=ox.serialize(store.query(QUERIES[form]), format=ox.RdfFormat.N_TRIPLES), format="nt")
    return g


def ask(url, form, fmt, accept, method):
    w = SPARQLWrapper(url)
    w.setQuery(QUERIES[form])
    w.setReturnFormat(fmt)
    verb, request_method = METHODS[method]
    w.setMethod(verb)
    if request_method:
        w.setRequestMethod(request_method)
    if accept:
        w.onlyConneg = True
        w.addCustomHttpHeader("Accept", accept)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = w.query()
        converted = result.convert()
    wrong = [str(c.message) for c in caught if "has been returned by the endpoint" in str(c.message) or "unknown response" in str(c.message)]
    return result.info()["content-type"], converted, wrong


@pytest.mark.parametrize("method", list(METHODS))
@pytest.mark.parametrize("form, fmt, accept", CASES, ids=[f"{c[0]}-{c[1]}{'-nt' if c[2] else ''}" for c in CASES])
def test_sparqlwrapper_parses_every_format(served, form, fmt, accept, method):
    url, store = served
    ctype, converted, wrong = ask(url, form, fmt, accept, method)
    assert not wrong, wrong
    if form == "SELECT":
        names = set()
        if fmt == JSON:
            names = {b["name"]["value"] for b in converted["results"]["bindings"]}
        elif fmt == XML:
            assert isinstance(converted, Document)
            names = {lit.firstChild.data for b in converted.getElementsByTagName("binding") if b.getAttribute("name") == "name"
                     for lit in b.getElementsByTagName("literal")}
        else:
            rows = list(csv.reader(io.StringIO(converted.decode("utf-8")), delimiter="," if fmt == CSV else "\t"))
            assert [c.lstrip("?") for c in rows[0]] == ["p", "name"], rows[0]
            names = {r[1].strip('"') for r in rows[1:]}
        assert "Cecep Supriatna" in names and len(names) > 5
    elif form == "ASK":
        if fmt == JSON:
            assert converted["boolean"] is True
        elif fmt == XML:
            assert converted.getElementsByTagName("boolean")[0].firstChild.data == "true"
        else:
            assert converted.decode("utf-8").strip().splitlines()[-1] == "true"
    else:
        if isinstance(converted, bytes):   # Turtle / N-Triples: SPARQLWrapper hands back the text
            syntax = "nt" if "n-triples" in ctype else "turtle"
            assert ("n-triples" in ctype) == bool(accept), ctype
            graph = rdflib.Graph().parse(data=converted, format=syntax)
        else:                              # RDF/XML and JSON-LD: parsed by SPARQLWrapper into rdflib
            assert fmt in (XML, RDFXML, JSONLD, JSON), ctype
            graph = rdflib.Graph()
            for triple in converted:
                graph.add(triple[:3])
        expected = expected_graph(store, form)
        assert len(expected) > 3 and isomorphic(graph, expected)

