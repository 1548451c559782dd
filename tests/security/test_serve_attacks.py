"""kg serve and kg query against hostile queries and hostile clients (issue 12, items 1-4).

Everything runs on loopback. Each test drives the server the way an attacker would: raw
sockets where an HTTP library would clean the request up, a listener of our own to catch
any outbound request.
"""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import psutil
import pytest

from kg.cli import main
from kg.query import QueryError, load, run
from kg.serve import make_server

N = 150  # people in the invented graph: a 2-pattern cross join has (3 N)^2 rows


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("attack")
    lines = ["@prefix kg: <https://w3id.org/kg-id/ontology#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    for i in range(N):
        lines.append(f'<https://w3id.org/kg-id/id/p{i}> a kg:Person ; rdfs:label "Orang {i}" ; '
                     f'kg:holdsOffice <https://w3id.org/kg-id/id/o{i}> .')
    (out / "graph.ttl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "graph.html").write_text("<!doctype html><title>kg</title><script>var vis = 1;</script>", encoding="utf-8")
    return out


@contextmanager
def serving(graph, **options):
    options.setdefault("timeout", 3)
    server = make_server(graph, host="127.0.0.1", port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture(scope="module")
def port(graph):
    with serving(graph) as p:
        yield p


def request(port, path, data=None, headers=None, method=None, timeout=20):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get(port, query, **kw):
    return request(port, "/sparql?" + urllib.parse.urlencode({"query": query}), **kw)


def raw(port, data: bytes, *, timeout=10.0, shutdown_write=False) -> bytes:
    """Send bytes as they are; everything the server answers until it closes (or the timeout)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        if shutdown_write:
            s.shutdown(socket.SHUT_WR)
        answer = b""
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline and (chunk := s.recv(65536)):
                answer += chunk
        except (TimeoutError, ConnectionResetError):
            pass
        return answer


def status_of(answer: bytes) -> int:
    assert answer.startswith(b"HTTP/1."), f"no HTTP answer: {answer[:80]!r}"
    return int(answer.split(b" ", 2)[1])


# ---------------------------------------------------------------- 1. no outbound requests


class Listener:
    """A TCP listener that counts connections and answers as an empty SPARQL endpoint."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.contacts = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        body = json.dumps({"head": {"vars": ["s", "p", "o"]}, "results": {"bindings": []}}).encode()
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.contacts += 1
            with conn:
                conn.settimeout(2)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                 b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
                except OSError:
                    pass

    def close(self):
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener():
    li = Listener()
    yield li
    li.close()


def nested(depth: int, endpoint: str) -> str:
    inner = "?s ?p ?o"
    for _ in range(depth):
        inner = f"SERVICE <{endpoint}> {{ {inner} }}"
    return f"SELECT * WHERE {{ {inner} }}"


SERVICE_QUERIES = {
    "plain": "SELECT * WHERE { SERVICE <{ep}> { ?s ?p ?o } }",
    "lowercase-silent": "select * where { service silent <{ep}> { ?s ?p ?o } }",
    "in-exists": "SELECT * WHERE { VALUES ?x { 1 } FILTER EXISTS { SERVICE <{ep}> { ?s ?p ?o } } }",
    "in-subquery": "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <{ep}> { ?s ?p ?o } } } }",
    "variable-endpoint": "SELECT * WHERE { VALUES ?e { <{ep}> } SERVICE SILENT ?e { ?s ?p ?o } }",
    "prefixed-endpoint": "PREFIX x: <{base}> SELECT * WHERE { SERVICE x:sparql { ?s ?p ?o } }",
    "after-tricky-comment": "SELECT * WHERE { # a \" and a ' and a <\n SERVICE <{ep}> { ?s ?p ?o } }",
    "ask": "ASK { SERVICE <{ep}> { ?s ?p ?o } }",
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{ep}> { ?s ?p ?o } }",
    "nested-100": None,
}


def service_query(name: str, port: int) -> str:
    ep = f"http://127.0.0.1:{port}/sparql"
    if name == "nested-100":
        return nested(100, ep)
    return SERVICE_QUERIES[name].replace("{ep}", ep).replace("{base}", f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize("name", sorted(set(SERVICE_QUERIES) - {"variable-endpoint"}))  # Oxigraph 0.5 skips that one
def test_the_listener_is_reached_when_service_is_allowed(graph, listener, name):
    """The control: each of these queries does reach the listener if SERVICE is allowed."""
    run(load(graph), service_query(name, listener.port), allow_service=True)
    assert listener.contacts >= 1


@pytest.mark.parametrize("name", sorted(SERVICE_QUERIES))
def test_kg_query_refuses_service(graph, listener, name):
    with pytest.raises(QueryError, match="SERVICE"):
        run(load(graph), service_query(name, listener.port))
    time.sleep(0.3)
    assert listener.contacts == 0


def test_kg_query_command_refuses_service_unless_allowed(graph, listener, capsys):
    q = service_query("plain", listener.port)
    assert main(["query", str(graph), q]) == 1
    assert "SERVICE" in capsys.readouterr().err and listener.contacts == 0
    assert main(["query", str(graph), q, "--allow-service"]) == 0
    assert listener.contacts == 1


@pytest.mark.parametrize("how", ["GET", "POST-query", "POST-form"])
@pytest.mark.parametrize("name", sorted(SERVICE_QUERIES))
def test_serve_refuses_service(port, listener, name, how):
    q = service_query(name, listener.port)
    if how == "GET":
        status, _, body = get(port, q)
    elif how == "POST-query":
        status, _, body = request(port, "/sparql", data=q.encode(), headers={"Content-Type": "application/sparql-query"})
    else:
        status, _, body = request(port, "/sparql", data=urllib.parse.urlencode({"query": q}).encode(),
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and b"SERVICE" in body
    time.sleep(0.2)
    assert listener.contacts == 0


def test_serve_allow_service_is_an_explicit_opt_in(graph, listener):
    with serving(graph, allow_service=True) as p:
        status, _, _ = get(p, service_query("plain", listener.port))
    assert status == 200 and listener.contacts == 1


# ---------------------------------------------------------------- 4. read/update from the parse

LITERAL_QUERIES = [
    'SELECT ?x WHERE { BIND("add load drop insert service" AS ?x) }',
    "SELECT ?p WHERE { ?p rdfs:label ?l FILTER(?l != ' ADD ') } LIMIT 1",
    'ASK { ?s rdfs:label " load " }',
    'SELECT ?x WHERE { BIND("""copy\nmove\nclear""" AS ?x) }',
    'SELECT ?x WHERE { BIND(" Add " AS ?x) }  # and a comment that says SERVICE',
    'SELECT ?x WHERE { BIND(" create "@service AS ?x) }',
]


@pytest.mark.parametrize("q", LITERAL_QUERIES)
def test_words_in_literals_do_not_make_an_update(graph, port, q):
    run(load(graph), q)  # no QueryError
    status, _, body = get(port, q)
    assert status == 200, body


# ---------------------------------------------------------------- 2. bounded resources

def test_a_body_over_the_limit_is_413_before_it_is_read(port):
    head = (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
            f"Content-Length: {100 * 2**20}\r\n\r\n").encode()
    started = time.monotonic()
    answer = raw(port, head + b"SELECT * WHERE { ?s ?p ?o }", timeout=10)
    assert status_of(answer) == 413 and time.monotonic() - started < 8


def test_a_streamed_body_over_the_limit_is_413(port):
    """A chunked body (no Content-Length) is counted while it is read: 1 MB is the default cap."""
    chunk = b"#" + b"x" * (600_000 - 2) + b"\n"
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(2)) + b"0\r\n\r\n"
    head = (f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query\r\n"
            f"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode()
    answer = raw(port, head + body)
    assert status_of(answer) == 413 and b"1,000,000" in answer
    assert get(port, "ASK {}")[0] == 200


@pytest.mark.parametrize("length", [b"abc", b"-5", b"1e9", b"12, 13", b"9" * 40])
def test_bad_content_length_is_400_or_413(port, length):
    head = (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: " + length + b"\r\n\r\nASK {}")
    assert status_of(raw(port, head)) in ((400, 413) if length == b"9" * 40 else (400,))
    assert get(port, "ASK {}")[0] == 200


def test_head_works(port):
    status, headers, body = request(port, "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0
    status, _, body = request(port, "/sparql?query=ASK%7B%7D", method="HEAD")
    assert status == 200 and body == b""


def test_a_big_result_is_refused_without_building_it(graph):
    with serving(graph, max_result=200_000, timeout=20) as p:
        started = time.monotonic()
        status, _, body = get(p, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")
        assert status == 413 and b"result" in body and b"LIMIT" in body
        assert time.monotonic() - started < 15
        assert get(p, "ASK {}")[0] == 200


def test_a_query_that_needs_too_much_memory_ends_alone(graph):
    materialised = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
    with serving(graph, max_memory=64 * 2**20, timeout=30) as p:
        started = time.monotonic()
        status, _, body = get(p, materialised)
        assert status == 503 and b"memory" in body and time.monotonic() - started < 20
        assert get(p, "ASK {}")[0] == 200


def _children() -> set[int]:
    """Live processes forked from this one (the query workers); other programs the test
    session runs (the Virtuoso server of tests/db) are not counted."""
    alive = set()
    me = psutil.Process()
    for p in me.children(recursive=True):
        try:
            if p.status() != psutil.STATUS_ZOMBIE and p.name() == me.name():
                alive.add(p.pid)
        except psutil.NoSuchProcess:
            pass
    return alive


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _most_processes_while(threads) -> int:
    for t in threads:
        t.start()
    most = 0
    while any(t.is_alive() for t in threads):
        most = max(most, len(_children()))
        time.sleep(0.02)
    return most


def test_concurrent_query_processes_are_capped(port):
    """Eight slow queries at once: the default of 4 query processes holds, the others wait."""
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(get(port, SLOW, timeout=60)[0])) for _ in range(8)]
    assert _most_processes_while(threads) <= 4
    assert answers == [503] * 8  # each cut off at the time limit, none refused
    assert get(port, "ASK {}")[0] == 200


def test_past_the_waiting_line_the_answer_is_503(graph):
    with serving(graph, max_queries=2, max_waiting=2, max_wait=1, timeout=3) as p:
        answers = []
        threads = [threading.Thread(target=lambda: answers.append(get(p, SLOW, timeout=30))) for _ in range(8)]
        assert _most_processes_while(threads) <= 2 + 4  # this server's 2, the module server's 4
        busy = [body for status, headers, body in answers if status == 503 and b"busy" in body]
        assert len(busy) >= 4 and all(h["Retry-After"] for _, h, _ in answers)  # 2 running + 2 waiting
        assert get(p, "ASK {}")[0] == 200


def test_two_hundred_clients_at_once_are_all_answered(port):
    answers = [b""] * 200
    go = threading.Event()

    def client(i):
        go.wait()
        answers[i] = raw(port, f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                               f"Connection: close\r\n\r\n".encode(), timeout=60)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(200)]
    for t in threads:
        t.start()
    go.set()
    for t in threads:
        t.join()
    assert all(a.startswith(b"HTTP/1.1 ") for a in answers), sum(not a for a in answers)
    statuses = [status_of(a) for a in answers]
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 100, statuses


def test_idle_and_slow_connections_are_closed(graph):
    with serving(graph, idle_timeout=1) as p:
        with socket.create_connection(("127.0.0.1", p), timeout=10) as s:  # says nothing
            started = time.monotonic()
            assert s.recv(100) == b"" and time.monotonic() - started < 6
        with socket.create_connection(("127.0.0.1", p), timeout=10) as s:  # a header a byte at a time
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            closed = False
            while time.monotonic() - started < 8:
                try:
                    s.sendall(b"X")
                    time.sleep(0.2)
                except OSError:
                    closed = True
                    break
            assert closed and time.monotonic() - started < 6
        with socket.create_connection(("127.0.0.1", p), timeout=10) as s:  # a body that never comes
            s.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                      b"Content-Length: 100\r\n\r\nASK")
            started = time.monotonic()
            answer = b""
            while chunk := s.recv(1000):
                answer += chunk
            assert time.monotonic() - started < 6
            assert answer == b"" or status_of(answer) == 408


# ---------------------------------------------------------------- 3. headers

def test_nosniff_and_csp(port):
    _, headers, _ = request(port, "/")
    assert headers["X-Content-Type-Options"] == "nosniff"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    _, headers, _ = get(port, "ASK {}")
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_no_cors_unless_asked(port, graph):
    _, headers, _ = get(port, "ASK {}", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in headers
    status, headers, _ = request(port, "/sparql", method="OPTIONS", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in headers
    with serving(graph, cors="https://news.example") as p:
        _, headers, _ = get(p, "ASK {}", headers={"Origin": "https://news.example"})
        assert headers["Access-Control-Allow-Origin"] == "https://news.example"
        _, headers, _ = get(p, "ASK {}", headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in headers


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil"])
def test_dns_rebinding_host_is_refused(port, host):
    for path in ("/", "/sparql?query=ASK%7B%7D"):
        answer = raw(port, f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        assert status_of(answer) in (403, 421) and b"Host" in answer
