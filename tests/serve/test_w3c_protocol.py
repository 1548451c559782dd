"""The W3C SPARQL 1.1 Protocol test suite (tests/serve/protocol/, see its NOTICE.md) against
a real `kg serve` on loopback.

The manifest is read with rdflib and every request is sent as it is written there (method,
path, headers, body in its declared encoding) with http.client, which adds no Content-Type
of its own. Each test runs against two servers: the suite's data as named graphs (every
expectation checked) and the seed build (tests that need the suite's data judged on status
and content type only). kg is read-only: see ``adapted`` for the update tests.
"""
from __future__ import annotations

import http.client
import json
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, Namespace
from rdflib.collection import Collection

import kg
from kg.export.rdf import TurtleExporter
from kg.serve import make_server

HERE = Path(__file__).resolve().parent
SUITE = HERE / "protocol"
ROOT = HERE.parent.parent

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

RESULT_TYPES = {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"}
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
             "application/ld+json": "json-ld"}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    status: set[int]                 # accepted classes: 2, 3, 4, 5
    format: str | None = None        # "boolean", "tabular", "RDF"
    boolean: bool | None = None


@dataclass
class ProtocolTest:
    name: str
    title: str
    requests: list[Request]
    graph_data: dict[str, str] = field(default_factory=dict)   # graph name -> data file

    @property
    def is_update(self) -> bool:
        return self.name.startswith(("update_", "bad_update_"))


def read_manifest() -> list[ProtocolTest]:
    g = rdflib.Graph()
    g.parse(SUITE / "manifest.ttl", format="turtle")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    tests = []
    for node in Collection(g, g.value(manifest, MF.entries)):
        requests = []
        action = g.value(node, MF.action)
        for req in Collection(g, g.value(action, HT.requests)):
            headers = {}
            if (hl := g.value(req, HT.headers)) is not None:
                for h in Collection(g, hl):
                    headers[str(g.value(h, HT.fieldName))] = str(g.value(h, HT.fieldValue))
            body = None
            if (b := g.value(req, HT.body)) is not None:
                body = str(g.value(b, CNT.chars)).encode(str(g.value(b, CNT.characterEncoding)))
            resp = g.value(req, HT.resp)
            status = {int(str(s).rsplit("StatusCode", 1)[1][0]) for s in g.objects(resp, MF.expectedStatus)}
            fmt = g.value(resp, MF.expectedFormat)
            boolean = g.value(resp, MF.expectedBoolean)
            requests.append(Request(str(g.value(req, HT.methodName)), str(g.value(req, HT.absolutePath)), headers,
                                    body, status, None if fmt is None else str(fmt),
                                    None if boolean is None else boolean.toPython()))
        data = {str(g.value(d, RDFS.label)): str(g.value(d, UT.graph)).rsplit("/", 1)[-1]
                for d in g.objects(node, UT.graphData)}
        tests.append(ProtocolTest(str(node).rsplit("#", 1)[-1], str(g.value(node, MF.name)), requests, data))
    return tests


TESTS = read_manifest()


def adapted(test: ProtocolTest, req: Request) -> Request:
    """kg is read-only: an update the suite expects to succeed must be refused (403), and an
    ASK that looks for what it would have written answers false."""
    if not test.is_update:
        return req
    ctype = req.headers.get("content-type", "")
    if ctype.startswith("application/sparql-update") and req.status & {2, 3}:
        return Request(req.method, req.path, req.headers, req.body, {403})
    if ctype.startswith("application/x-www-form-urlencoded") and req.body and req.body.startswith(b"update=") \
            and req.status & {2, 3}:
        return Request(req.method, req.path, req.headers, req.body, {403})
    if req.boolean is True:
        return Request(req.method, req.path, req.headers, req.body, req.status, req.format, False)
    return req


def _serve(path):
    server = make_server(path, host="127.0.0.1", port=0, timeout=5, log=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    out = tmp_path_factory.mktemp("w3c")
    quads = []
    for t in TESTS:
        for name, file in t.graph_data.items():
            for line in (SUITE / file).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    quads.append(line.rstrip().removesuffix(".").rstrip() + f" <{name}> .")
    (out / "dataset.nq").write_text("\n".join(sorted(set(quads))) + "\n", encoding="utf-8")
    seed = tmp_path_factory.mktemp("seed")
    TurtleExporter().write(kg.build([ROOT / "sources"]), seed)
    running = {"w3c": _serve(out / "dataset.nq"), "seed": _serve(seed)}
    try:
        yield {k: s.server_address[1] for k, s in running.items()}
    finally:
        for s in running.values():
            s.shutdown()
            s.server_close()


def boolean_of(ctype: str, body: bytes) -> bool:
    if ctype == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    if ctype == "application/sparql-results+xml":
        el = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
        return el.text.strip() == "true"
    if ctype in ("text/csv", "text/tab-separated-values"):
        return body.decode().splitlines()[-1].strip() == "true"
    raise AssertionError(f"a boolean answer as {ctype}")


def send(port: int, req: Request):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        path = req.path.replace("/sparql/", "/sparql", 1)
        conn.request(req.method, path, body=req.body, headers=req.headers)
        r = conn.getresponse()
        return r.status, (r.getheader("Content-Type") or "").split(";")[0].strip(), r.read()
    finally:
        conn.close()


def check(test: ProtocolTest, graph: str, port: int) -> None:
    for i, original in enumerate(test.requests):
        req = adapted(test, original)
        status, ctype, body = send(port, req)
        where = f"{test.name} request {i + 1} ({req.method} {req.path[:60]}): {status} {ctype} {body[:200]!r}"
        assert status in req.status or status // 100 in req.status, where
        if req.format == "boolean" or req.format == "tabular":
            assert ctype in RESULT_TYPES, where
        if req.format == "RDF":
            assert ctype in RDF_TYPES, where
            rdflib.Graph().parse(data=body, format=RDF_TYPES[ctype])
        if req.boolean is not None and (graph == "w3c" or not test.graph_data):
            assert boolean_of(ctype, body) is req.boolean, where


@pytest.mark.parametrize("graph", ["w3c", "seed"])
@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_w3c_protocol(servers, test, graph):
    check(test, graph, servers[graph])


def test_the_whole_suite_is_here():
    assert len(TESTS) == 34 and len({t.name for t in TESTS}) == 34
    assert sum(t.is_update for t in TESTS) == 13
