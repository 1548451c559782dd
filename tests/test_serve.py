"""kg serve: a real SPARQL client (SPARQLWrapper) against the endpoint on loopback."""
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

import kg
from kg.export.html import HtmlExporter
from kg.export.rdf import TurtleExporter
from kg.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    out = tmp_path_factory.mktemp("serve")
    graph = kg.build([ROOT / "sources"])
    TurtleExporter().write(graph, out)
    HtmlExporter().write(graph, out)
    server = make_server(out, host="127.0.0.1", port=0, timeout=2)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()


def client(url, fmt, query=PEOPLE, method="GET"):
    w = SPARQLWrapper(url + "/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    w.setMethod(method)
    return w.query()


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_json_results_with_sparqlwrapper(endpoint, method):
    data = client(endpoint, JSON, method=method).convert()
    names = [b["name"]["value"] for b in data["results"]["bindings"]]
    assert "Cecep Supriatna" in names and names == sorted(names)


def test_csv_and_xml_results(endpoint):
    csv_text = client(endpoint, CSV).convert().decode("utf-8")
    assert csv_text.splitlines()[0] == "name" and "Cecep Supriatna" in csv_text
    xml = client(endpoint, XML).convert()
    assert "Cecep Supriatna" in xml.toxml()


def test_ask(endpoint):
    assert client(endpoint, JSON, "ASK { ?s kg:holdsOffice ?o }").convert()["boolean"] is True


def request(url, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_cors_and_preflight(tmp_path):
    (tmp_path / "graph.ttl").write_text("<x:a> <x:b> <x:c> .\n")
    server = make_server(tmp_path, host="127.0.0.1", port=0, cors="*")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = "http://127.0.0.1:%d" % server.server_address[1]
    try:
        origin = {"Origin": "https://news.example"}
        status, headers, _ = request(url + "/sparql", method="OPTIONS", headers=origin)
        assert status == 204 and headers["Access-Control-Allow-Origin"] == "*"
        status, headers, _ = request(url + "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D", headers=origin)
        assert status == 200 and headers["Access-Control-Allow-Origin"] == "*"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}"])
def test_loopback_host_names_are_served(endpoint, host):
    port = int(endpoint.rsplit(":", 1)[1])
    status, _, _ = request(endpoint + "/sparql?query=ASK%7B%7D", headers={"Host": host.format(port=port)})
    assert status == 200


def test_head(endpoint):
    status, headers, body = request(endpoint + "/", method="HEAD")
    assert status == 200 and body == b"" and headers["Content-Type"].startswith("text/html")


def test_sparql_query_body(endpoint):
    status, headers, body = request(endpoint + "/sparql", data=PEOPLE.encode(),
                                    headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
    assert status == 200 and headers["Content-Type"].startswith("text/csv")


@pytest.mark.parametrize("data, ctype", [
    (b"update=INSERT%20DATA%20%7B%3Ca%3A1%3E%20%3Ca%3A2%3E%20%3Ca%3A3%3E%7D", "application/x-www-form-urlencoded"),
    (b"INSERT DATA { <a:1> <a:2> <a:3> }", "application/sparql-update"),
    (b"query=DELETE%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D", "application/x-www-form-urlencoded"),
    (b"LOAD <http://127.0.0.1:9/x>", "application/sparql-query"),
    (b"query=WITH%20%3Ca%3Ag%3E%20DELETE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D",
     "application/x-www-form-urlencoded"),
])
def test_updates_are_refused(endpoint, data, ctype):
    status, _, body = request(endpoint + "/sparql", data=data, headers={"Content-Type": ctype})
    assert status == 403 and b"read-only" in body


def test_syntax_error_is_400(endpoint):
    status, _, body = request(endpoint + "/sparql?query=SELEC%20x")
    assert status == 400 and b"syntax" in body


def test_long_query_is_cut_off(endpoint):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    started = time.monotonic()
    status, _, body = request(endpoint + "/sparql?" + urllib.parse.urlencode({"query": slow}))
    assert status == 503 and b"cut off" in body
    assert time.monotonic() - started < 15


def test_connections_close_after_a_query_is_cut_off(endpoint):
    """The query process that replaces a killed one must not keep client connections open."""
    import socket

    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    host, port = endpoint.removeprefix("http://").split(":")
    first = f"GET /sparql?{urllib.parse.urlencode({'query': slow})} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    second = f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    for request_text in (first, second, second):  # the second and third are served after a replacement
        started = time.monotonic()
        with socket.create_connection((host, int(port)), timeout=20) as s:
            s.sendall(request_text.encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        assert data.startswith(b"HTTP/1.1 ") and time.monotonic() - started < 15


def test_html_view_and_404(endpoint):
    status, headers, body = request(endpoint + "/")
    assert status == 200 and b"vis.Network" in body
    assert request(endpoint + "/../exports/graph.ttl")[0] == 404
    assert request(endpoint + "/nothing")[0] == 404
