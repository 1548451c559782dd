"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a built graph, and the HTML view.

    GET/POST /sparql   query=... (GET, form POST) or an application/sparql-query body;
                       results as JSON, CSV, XML (Accept header or ``format=json|csv|xml``),
                       CONSTRUCT/DESCRIBE as Turtle or N-Triples; CORS allowed
    GET /              the build's graph.html

Updates are refused (403). A query that runs longer than the time limit is cut off
(503): each query runs in a forked child process that inherits the loaded store and
is killed at the deadline, so a runaway query cannot hold the server.
"""
from __future__ import annotations

import multiprocessing as mp
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyoxigraph as ox

from .query import PREFIXES, QueryError, graph_file, is_update
from .store import open_graph

RESULT_TYPES = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
}
GRAPH_TYPES = {
    "turtle": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}

_STORE: ox.Store | None = None   # inherited by the forked query processes


def _choose(accept: str, fmt: str | None, *, graph: bool) -> tuple[str, object]:
    table = GRAPH_TYPES if graph else RESULT_TYPES
    if fmt:
        key = fmt.lower().removeprefix("text/").removeprefix("application/")
        for name, (mime, f) in table.items():
            if key in (name, mime, mime.split("/")[-1]):
                return mime, f
    for part in (accept or "").split(","):
        mime = part.split(";")[0].strip().lower()
        for name, (m, f) in table.items():
            if mime == m or (mime in ("application/json",) and name == "json") \
                    or (mime == "application/xml" and name == "xml"):
                return m, f
    return next(iter(table.values()))


def _execute(query: str, accept: str, fmt: str | None, conn) -> None:
    """In the child process: run the query and send (status, content type, bytes)."""
    try:
        answer = _STORE.query(query, prefixes=PREFIXES)
        if isinstance(answer, ox.QueryTriples):
            mime, f = _choose(accept, fmt, graph=True)
            body = ox.serialize(answer, format=f)
        else:
            mime, f = _choose(accept, fmt, graph=False)
            body = answer.serialize(format=f)
        conn.send((200, mime, body))
    except SyntaxError as exc:
        from .sparql_errors import syntax_message

        conn.send((400, "text/plain", (syntax_message(exc, query, prefixes=PREFIXES) + "\n").encode()))
    except Exception as exc:  # noqa: BLE001 - reported to the client, the server goes on
        conn.send((500, "text/plain", f"query failed: {type(exc).__name__}: {exc}\n".encode()))
    finally:
        conn.close()


def run_query(query: str, accept: str, fmt: str | None, timeout: float) -> tuple[int, str, bytes]:
    if is_update(query):
        return 403, "text/plain", b"this endpoint is read-only: update queries are refused\n"
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_execute, args=(query, accept, fmt, child), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(timeout):
            return parent.recv()
        return 503, "text/plain", f"query cut off after {timeout:g} s (the time limit)\n".encode()
    except EOFError:
        return 500, "text/plain", b"query process ended without an answer\n"
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(1)
        parent.close()


class Handler(BaseHTTPRequestHandler):
    server_version = "kg-sparql/0.1"
    html: Path | None = None
    timeout_s: float = 10.0

    def log_message(self, fmt, *args):  # quiet: one line per request on stderr
        sys.stderr.write("kg serve: " + fmt % args + "\n")

    def _send(self, status: int, mime: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", mime + ("; charset=utf-8" if mime.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_OPTIONS(self):  # CORS preflight
        self._send(204, "text/plain", b"")

    def do_GET(self):
        url = urlparse(self.path)
        params = parse_qs(url.query)
        if url.path == "/":
            if self.html is not None and self.html.exists():
                return self._send(200, "text/html", self.html.read_bytes())
            return self._send(200, "text/html", b"<!doctype html><p>No graph.html here: run <code>kg build</code>.</p>")
        if url.path != "/sparql":
            return self._send(404, "text/plain", b"not found\n")
        if "update" in params:
            return self._send(403, "text/plain", b"this endpoint is read-only: update queries are refused\n")
        if "query" not in params:
            return self._send(400, "text/plain", b"missing query parameter\n")
        self._answer(params["query"][0], params.get("format", [None])[0])

    def do_POST(self):
        url = urlparse(self.path)
        if url.path != "/sparql":
            return self._send(404, "text/plain", b"not found\n")
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8", errors="replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fmt = parse_qs(url.query).get("format", [None])[0]
        if ctype == "application/sparql-update":
            return self._send(403, "text/plain", b"this endpoint is read-only: update queries are refused\n")
        if ctype == "application/sparql-query":
            return self._answer(raw, fmt)
        form = parse_qs(raw)
        if "update" in form:
            return self._send(403, "text/plain", b"this endpoint is read-only: update queries are refused\n")
        if "query" not in form:
            return self._send(400, "text/plain", b"missing query parameter\n")
        self._answer(form["query"][0], form.get("format", [fmt])[0])

    def _answer(self, query: str, fmt: str | None) -> None:
        status, mime, body = run_query(query, self.headers.get("Accept", ""), fmt, self.timeout_s)
        self._send(status, mime, body)


def make_server(graph, *, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0) -> ThreadingHTTPServer:
    """Load the graph and bind the server (port 0: any free port); call ``serve_forever()``."""
    global _STORE
    path = graph_file(graph)
    _STORE = open_graph(graph)  # the build's on-disk store when current (kg.store), else the file loaded
    handler = type("KgHandler", (Handler,), {"html": path.parent / "graph.html", "timeout_s": timeout})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


__all__ = ["make_server", "run_query", "QueryError"]
