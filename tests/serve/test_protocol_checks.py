"""kg serve beyond the W3C suite: what the SPARQL 1.1 Protocol asks of a query endpoint
and a careful client would check by hand with curl. Each request is sent with http.client
exactly as written (no Content-Type or Accept of its own)."""
from __future__ import annotations

import http.client
import json
import threading
import urllib.parse

import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.serve import make_server

KG = "https://w3id.org/kg-id/ontology#"
ID = "https://w3id.org/kg-id/id/"
DATA = f"""<{ID}p1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG}Person> .
<{ID}p1> <http://www.w3.org/2000/01/rdf-schema#label> "Siti Rahmawati" .
<{ID}p2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG}Person> .
<{ID}p2> <http://www.w3.org/2000/01/rdf-schema#label> "Bambang Wibisono" .
<{ID}p1> <{KG}holdsOffice> <{ID}o1> .
<http://example.org/a> <http://example.org/in> "g1" <http://example.org/g1> .
<http://example.org/b> <http://example.org/in> "g2" <http://example.org/g2> .
"""
SELECT = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"
CONSTRUCT = "CONSTRUCT { ?p rdfs:label ?name } WHERE { ?p a kg:Person ; rdfs:label ?name }"
RDF_SYNTAX = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
              "application/ld+json": "json-ld"}


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    out = tmp_path_factory.mktemp("checks")
    (out / "data.nq").write_text(DATA, encoding="utf-8")
    server = make_server(out / "data.nq", host="127.0.0.1", port=0, timeout=5, log=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def send(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
    finally:
        conn.close()


def q(query, **extra):
    return "/sparql?" + urllib.parse.urlencode({"query": query, **extra})


def ctype(headers):
    return headers.get("content-type", "").split(";")[0]


# ---------------------------------------------------------------- malformed requests

@pytest.mark.parametrize("method, path, body, headers", [
    ("GET", "/sparql?query=ASK%7B%7D&query=SELECT%20*%7B%7D", None, {}),
    ("POST", "/sparql", b"query=ASK%7B%7D&query=ASK%7B%7D", {"Content-Type": "application/x-www-form-urlencoded"}),
    ("POST", "/sparql?query=ASK%7B%7D", b"query=ASK%7B%7D", {"Content-Type": "application/x-www-form-urlencoded"}),
    ("POST", "/sparql?query=ASK%7B%7D", b"ASK {}", {"Content-Type": "application/sparql-query"}),
], ids=["get-twice", "form-twice", "form-url-and-body", "direct-and-url"])
def test_more_than_one_query_is_400(port, method, path, body, headers):
    status, _, text = send(port, method, path, body, headers)
    assert status == 400 and b"query" in text


@pytest.mark.parametrize("headers", [{}, {"Content-Type": "text/plain"}, {"Content-Type": "multipart/form-data"}],
                         ids=["none", "text-plain", "multipart"])
def test_a_post_without_a_protocol_content_type_is_415(port, headers):
    status, _, text = send(port, "POST", "/sparql", b"query=ASK%7B%7D", headers)
    assert status == 415 and b"application/sparql-query" in text


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405_with_allow(port, method):
    status, headers, _ = send(port, method, q("ASK {}"), b"", {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 405 and headers["allow"] == "GET, HEAD, POST, OPTIONS"


def test_head_answers_as_get_without_a_body(port):
    status, headers, body = send(port, "HEAD", q(SELECT), headers={"Accept": "text/csv"})
    assert status == 200 and body == b"" and ctype(headers) == "text/csv" and int(headers["content-length"]) > 0
    status, headers, body = send(port, "HEAD", "/sparql")
    assert status == 200 and body == b"" and ctype(headers) == "text/turtle"


# ---------------------------------------------------------------- encodings

@pytest.mark.parametrize("body, content_type, status", [
    ("ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16", 415),
    (b"query=ASK%7B%7D", "application/x-www-form-urlencoded; charset=ISO-8859-1", 415),
    ('SELECT * { ?s ?p "Bambang Wibisono\xe9" }'.encode("latin-1"), "application/sparql-query", 400),
    (b"query=SELECT%20*%20%7B%3Fs%20%3Fp%20%22%FF%22%7D", "application/x-www-form-urlencoded", 400),
], ids=["utf16-charset", "form-latin1-charset", "latin1-bytes", "form-escape-not-utf8"])
def test_non_utf8_bodies_are_refused_as_such(port, body, content_type, status):
    got, _, text = send(port, "POST", "/sparql", body, {"Content-Type": content_type})
    assert got == status and b"UTF-8" in text


def test_a_query_string_that_is_not_utf8_is_400(port):
    status, _, text = send(port, "GET", "/sparql?query=ASK%20%7B%3Fs%20%3Fp%20%22%FF%22%7D")
    assert status == 400 and b"UTF-8" in text


def test_utf8_with_charset_and_bom_is_served(port):
    body = '\ufeffASK { ?p rdfs:label "Siti Rahmawati" }'.encode("utf-8")
    status, _, text = send(port, "POST", "/sparql", body, {"Content-Type": "application/sparql-query; charset=utf-8"})
    assert status == 200 and json.loads(text)["boolean"] is True


# ---------------------------------------------------------------- base IRI

def test_relative_iris_resolve_against_the_endpoint(port):
    status, headers, body = send(port, "GET", q("CONSTRUCT { <s> <p> 1 } WHERE {}"), headers={"Accept": "application/n-triples"})
    assert status == 200, body
    assert body.decode().startswith(f"<http://127.0.0.1:{port}/s> <http://127.0.0.1:{port}/p> ")
    status, _, body = send(port, "GET", q("BASE <http://example.org/x/> CONSTRUCT { <s> <p> 1 } WHERE {}"),
                           headers={"Accept": "application/n-triples"})
    assert body.decode().startswith("<http://example.org/x/s> <http://example.org/x/p> ")


def test_the_base_is_the_host_the_client_named(port):
    status, _, body = send(port, "GET", q("SELECT (STR(<x>) AS ?iri) {}"), headers={"Host": f"localhost:{port}",
                                                                                     "Accept": "text/csv"})
    assert status == 200 and f"http://localhost:{port}/x" in body.decode()


# ---------------------------------------------------------------- content negotiation

@pytest.mark.parametrize("query, accept, expected", [
    (SELECT, "text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "application/sparql-results+json;q=0, */*", "application/sparql-results+xml"),
    (SELECT, "application/sparql-results+json;q=0, */*;q=0.1, text/csv;q=0.2", "text/csv"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (SELECT, "application/json", "application/sparql-results+json"),
    (SELECT, "text/*", "text/csv"),
    (SELECT, "", "application/sparql-results+json"),
    ("ASK {}", "application/xml", "application/sparql-results+xml"),
    (CONSTRUCT, "application/rdf+xml", "application/rdf+xml"),
    (CONSTRUCT, "application/ld+json", "application/ld+json"),
    (CONSTRUCT, "application/n-triples", "application/n-triples"),
    (CONSTRUCT, "text/turtle;q=0.1, application/n-triples;q=0.9", "application/n-triples"),
    (CONSTRUCT, "application/sparql-results+xml, application/rdf+xml, */*", "application/rdf+xml"),
    (CONSTRUCT, "application/json", "application/ld+json"),
    (CONSTRUCT, "*/*", "text/turtle"),
    ("DESCRIBE <https://w3id.org/kg-id/id/p1>", "application/rdf+xml;q=0.8, application/ld+json", "application/ld+json"),
])
def test_content_negotiation(port, query, accept, expected):
    status, headers, body = send(port, "GET", q(query), headers={"Accept": accept} if accept else {})
    assert status == 200 and ctype(headers) == expected, body[:300]
    if expected in RDF_SYNTAX:
        graph = rdflib.Graph().parse(data=body, format=RDF_SYNTAX[expected])
        assert len(graph) >= 2


def test_every_graph_format_holds_the_same_graph(port):
    graphs = []
    for mime, syntax in RDF_SYNTAX.items():
        status, headers, body = send(port, "GET", q(CONSTRUCT), headers={"Accept": mime})
        assert status == 200 and ctype(headers) == mime
        graphs.append(rdflib.Graph().parse(data=body, format=syntax))
    assert len(graphs[0]) == 2 and all(isomorphic(graphs[0], g) for g in graphs[1:])


@pytest.mark.parametrize("query", [SELECT, "ASK {}", CONSTRUCT, "DESCRIBE <https://w3id.org/kg-id/id/p1>"])
def test_what_cannot_be_served_is_406(port, query):
    status, _, body = send(port, "GET", q(query), headers={"Accept": "image/png, text/html;q=0.9"})
    assert status == 406 and b"image/png" in body and b"format=" in body
    status, _, _ = send(port, "GET", q(query), headers={"Accept": "*/*;q=0"})
    assert status == 406


def test_format_parameter_chooses(port):
    status, headers, _ = send(port, "GET", q(SELECT, format="csv"), headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and ctype(headers) == "text/csv"
    status, headers, _ = send(port, "GET", q(CONSTRUCT, format="rdf+xml"))
    assert status == 200 and ctype(headers) == "application/rdf+xml"
    status, headers, _ = send(port, "POST", "/sparql", urllib.parse.urlencode({"query": SELECT, "format": "tsv"}).encode(),
                              {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and ctype(headers) == "text/tab-separated-values"


def test_a_predicate_rdfxml_cannot_write_is_406_not_broken_xml(port):
    status, _, body = send(port, "GET", q("CONSTRUCT { <http://example.org/s> <http://example.org/> 1 } WHERE {}"),
                           headers={"Accept": "application/rdf+xml"})
    assert status == 406 and b"RDF/XML" in body and b"Turtle" in body


# ---------------------------------------------------------------- dataset

def ask(port, query, **params):
    status, _, body = send(port, "GET", q(query, **params))
    assert status == 200, body
    return json.loads(body)["boolean"]


def test_without_dataset_parameters_the_default_graph_is_the_store_s(port):
    assert ask(port, 'ASK { ?p rdfs:label "Siti Rahmawati" }')
    assert ask(port, "ASK { GRAPH <http://example.org/g1> { ?s ?p ?o } }")


def test_default_graph_uri_sets_the_default_graph(port):
    assert ask(port, 'ASK { <http://example.org/a> ?p "g1" }', **{"default-graph-uri": "http://example.org/g1"})
    assert not ask(port, 'ASK { ?p rdfs:label "Siti Rahmawati" }', **{"default-graph-uri": "http://example.org/g1"})
    # a graph this endpoint does not hold is empty (nothing is fetched from elsewhere)
    assert not ask(port, "ASK { ?s ?p ?o }", **{"default-graph-uri": "http://example.org/nothing"})


def test_protocol_dataset_replaces_from(port):
    query = 'ASK FROM <http://example.org/g2> { <http://example.org/b> ?p "g2" }'
    assert ask(port, query)
    assert not ask(port, query, **{"default-graph-uri": "http://example.org/g1"})
    named = "ASK { GRAPH ?g { ?s ?p ?o } }"
    assert not ask(port, named, **{"default-graph-uri": "http://example.org/g1"})   # no named graphs given
    assert ask(port, named, **{"named-graph-uri": "http://example.org/g2"})


def test_a_dataset_parameter_that_is_not_an_iri_is_400(port):
    status, _, body = send(port, "GET", q("ASK {}", **{"named-graph-uri": "not an iri"}))
    assert status == 400 and b"named-graph-uri" in body


# ---------------------------------------------------------------- service description

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = rdflib.Namespace("http://www.w3.org/ns/formats/")


def test_service_description(port):
    status, headers, body = send(port, "GET", "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and ctype(headers) == "text/turtle"
    g = rdflib.Graph().parse(data=body, format="turtle")
    service = g.value(predicate=rdflib.RDF.type, object=SD.Service)
    assert g.value(service, SD.endpoint) == rdflib.URIRef(f"http://127.0.0.1:{port}/sparql")
    assert set(g.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}    # no SPARQL11Update: read-only
    assert set(g.objects(service, SD.resultFormat)) == {
        FORMATS[n] for n in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                             "Turtle", "N-Triples", "RDF_XML", "JSON-LD")}
    comment = str(g.value(service, rdflib.RDFS.comment))
    assert "Read-only" in comment and "5 s" in comment and "413" in comment and "SERVICE" in comment
    dataset = g.value(service, SD.defaultDataset)
    names = {g.value(n, SD.name) for n in g.objects(dataset, SD.namedGraph)}
    assert names == {rdflib.URIRef("http://example.org/g1"), rdflib.URIRef("http://example.org/g2")}


def test_service_description_in_every_rdf_format(port):
    graphs = []
    for mime, syntax in RDF_SYNTAX.items():
        status, headers, body = send(port, "GET", "/sparql", headers={"Accept": mime})
        assert status == 200 and ctype(headers) == mime
        graphs.append(rdflib.Graph().parse(data=body, format=syntax))
    assert len(graphs[0]) > 15 and all(isomorphic(graphs[0], g) for g in graphs[1:])
    status, _, _ = send(port, "GET", "/sparql", headers={"Accept": "application/sparql-results+json"})
    assert status == 406


def test_a_post_without_a_query_is_still_400(port):
    status, _, body = send(port, "POST", "/sparql", b"format=json", {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"query" in body
