"""The ASGI application of `kg serve`: the SPARQL 1.1 Protocol at /sparql, the HTML view at /.

    GET/POST /sparql   query=... (GET, form POST) or an application/sparql-query body, with
                       default-graph-uri / named-graph-uri (the dataset, replacing FROM);
                       results as JSON, XML, CSV, TSV, graphs (CONSTRUCT, DESCRIBE) as
                       Turtle, N-Triples, RDF/XML, JSON-LD, by Accept (q-values) or
                       ``format=`` (``kg.serve_conneg``); relative IRIs resolve against
                       the endpoint's URL
    GET /sparql        without a query: the service description (``kg.serve_describe``)
    GET /              the build's graph.html
    HEAD               on both, the headers of the GET answer

What it refuses and why:
- a Host header that does not name this server when it listens on loopback (403): a page
  on another site whose name was re-bound to 127.0.0.1 (DNS rebinding) cannot talk to it;
- a body larger than ``max_body`` (413, from Content-Length before anything is read, or
  while reading a chunked body); a body that does not arrive within ``body_timeout`` (408);
- updates (403) and federated queries (400), see ``kg.query_guard``;
- what the protocol calls malformed (400): ``query`` given twice, a query string or body
  that is not UTF-8, a dataset parameter that is not an IRI; a POST whose Content-Type is
  missing, another type, or another charset than UTF-8 (415); a method other than GET,
  HEAD, POST, OPTIONS (405 with ``Allow``); an Accept header no format meets (406).
Every answer says ``X-Content-Type-Options: nosniff``; the HTML view gets a
Content-Security-Policy that lets it run only its own inline code and reach nothing else.
CORS headers are sent only for the origins given with ``--cors``.
"""
from __future__ import annotations

import asyncio
import ipaddress
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox

from .query_guard import query_verb
from .serve_conneg import GRAPH_FORMATS, RESULT_FORMATS, negotiate, not_acceptable
from .serve_describe import description
from .serve_describe import serialize as describe_as
from .serve_exec import Job, QueryRunner

HTML_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "img-src data: blob:; font-src data:; connect-src 'self'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")
READ_ONLY = b"this endpoint is read-only: update queries are refused\n"
ALLOW = "GET, HEAD, POST, OPTIONS"
FORM, DIRECT = "application/x-www-form-urlencoded", "application/sparql-query"
MAX_LISTED_GRAPHS = 1000   # named graphs listed in the service description
_HOST = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


class Refused(Exception):
    """A request answered with an error status and a message, not run."""

    def __init__(self, status: int, message: str, extra: dict | None = None):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra or {}


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Refused(400, f"the {what} is not UTF-8 (byte {exc.start}): the SPARQL protocol takes UTF-8 only") from None


def _params(raw: bytes | str, what: str) -> dict[str, list[str]]:
    """Parameters of a query string or form body; its percent-escapes must decode as UTF-8."""
    text = _utf8(raw, what) if isinstance(raw, bytes) else raw
    try:
        return parse_qs(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise Refused(400, f"the {what} is not UTF-8 once its %-escapes are decoded: "
                           "the SPARQL protocol takes UTF-8 only") from None


def _content_type(value: str) -> tuple[str, str | None]:
    """(media type, charset or None), both lower-case."""
    parts = value.split(";")
    charset = None
    for p in parts[1:]:
        key, _, v = p.partition("=")
        if key.strip().lower() == "charset":
            charset = v.strip().strip('"').lower()
    return parts[0].strip().lower(), charset


def _graphs(params: dict[str, list[str]], name: str) -> tuple[str, ...] | None:
    """The IRIs of a dataset parameter (default-graph-uri, named-graph-uri); None if absent."""
    if name not in params:
        return None
    out = []
    for value in params[name]:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise Refused(400, f"{name}={value[:200]!r} is not an absolute IRI") from None
        out.append(value)
    return tuple(out)


@dataclass(frozen=True)
class HttpLimits:
    max_body: int = 10**6          # bytes of a request body
    body_timeout: float = 10.0     # seconds for a request body to arrive


def loopback_names(host: str, extra: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The Host names accepted for a server bound to ``host``; None: any (not a loopback bind)."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        return None
    return frozenset({"localhost", "127.0.0.1", "[::1]", "::1", host.lower(), *(h.lower() for h in extra)})


def _host_name(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value[: value.find("]") + 1] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class SparqlApp:
    def __init__(self, runner: QueryRunner, *, html: Path | None, limits: HttpLimits = HttpLimits(),
                 cors: tuple[str, ...] = (), hosts: frozenset[str] | None = None, log: bool = True):
        self.runner, self.html, self.limits = runner, html, limits
        self.cors, self.hosts, self.log = tuple(cors), hosts, log
        self._named: list | None = None   # the store's named graphs, for the service description

    # ---------------------------------------------------------------- ASGI entry
    async def __call__(self, scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    self.runner.close()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        headers: dict[str, str] = {}
        for k, v in scope["headers"]:
            headers[k.decode("latin-1").lower()] = v.decode("latin-1")
        status, mime, body, extra = await self._route(scope, receive, headers)
        await self._send(send, scope, headers, status, mime, body, extra)
        if self.log:
            target = scope["path"] + ("?…" if scope["query_string"] else "")
            sys.stderr.write(f"kg serve: {scope['client'][0] if scope.get('client') else '-'} "
                             f"{scope['method']} {target} {status}\n")

    async def _route(self, scope, receive, headers):
        method, path = scope["method"], scope["path"]
        if self.hosts is not None and "host" in headers and _host_name(headers["host"]) not in self.hosts:
            return 403, "text/plain", (b"this server answers only to its own name (Host header refused: "
                                       b"it listens on loopback)\n"), {}
        if path == "/":
            if method not in ("GET", "HEAD"):
                return 405, "text/plain", b"method not allowed\n", {"allow": "GET, HEAD"}
            if self.html is not None and self.html.is_file():
                return 200, "text/html", self.html.read_bytes(), {"content-security-policy": HTML_CSP}
            return 200, "text/html", b"<!doctype html><p>No graph.html here: run <code>kg build</code>.</p>", \
                {"content-security-policy": HTML_CSP}
        if path != "/sparql":
            return 404, "text/plain", b"not found\n", {}
        if method == "OPTIONS":
            return 204, "text/plain", b"", {"allow": ALLOW}
        if method not in ("GET", "HEAD", "POST"):
            return 405, "text/plain", (f"method {method} not allowed here: a SPARQL query is sent with GET or "
                                       "POST\n").encode(), {"allow": ALLOW}
        try:
            return await self._sparql(scope, receive, headers)
        except Refused as r:
            return r.status, "text/plain", (r.message + "\n").encode(), r.extra

    async def _sparql(self, scope, receive, headers):
        """The SPARQL 1.1 Protocol's query operation (and its refusal of updates)."""
        params = _params(scope["query_string"], "query string of the URL")
        query = None
        if scope["method"] == "POST":
            body = await self._read_body(receive, headers)
            if isinstance(body, tuple):
                return body
            ctype, charset = _content_type(headers.get("content-type", ""))
            if ctype == "application/sparql-update":
                return 403, "text/plain", READ_ONLY, {}
            if ctype not in (FORM, DIRECT):
                said = f"Content-Type {ctype[:100]}" if ctype else "no Content-Type"
                raise Refused(415, f"a POST with {said}: send {FORM} (query=...) or {DIRECT} (the query as the body)")
            if charset not in (None, "utf-8", "utf8"):
                raise Refused(415, f"the body is in {charset[:40]}: the SPARQL protocol takes UTF-8 only")
            text = _utf8(body, "request body")
            if ctype == FORM:
                form = _params(text, "form body")
                for key, values in form.items():
                    params.setdefault(key, []).extend(values)
            else:
                if "query" in params:
                    raise Refused(400, f"a {DIRECT} POST has the query as its body: no query= parameter as well")
                query = text.removeprefix("\ufeff")
        if "update" in params:
            return 403, "text/plain", READ_ONLY, {}
        accept = headers.get("accept")
        formats = params.get("format", []) + params.get("output", [])
        if query is None:
            queries = params.get("query")
            if not queries:
                if scope["method"] == "POST":
                    raise Refused(400, "missing query parameter (query=...)")
                return self._describe(scope, headers, accept, formats)
            if len(queries) > 1:
                raise Refused(400, f"the query parameter is given {len(queries)} times: send one query per request")
            query = queries[0]
        verb = query_verb(query)
        results = negotiate(accept, RESULT_FORMATS, formats)
        graph = negotiate(accept, GRAPH_FORMATS, formats)
        if verb in ("SELECT", "ASK") and results is None:
            return 406, "text/plain", not_acceptable("results (SELECT, ASK)", RESULT_FORMATS, accept), {}
        if verb in ("CONSTRUCT", "DESCRIBE") and graph is None:
            return 406, "text/plain", not_acceptable("a graph (CONSTRUCT, DESCRIBE)", GRAPH_FORMATS, accept), {}
        job = Job(query, results and results.name, graph and graph.name, base_iri=self._endpoint(scope, headers),
                  default_graphs=_graphs(params, "default-graph-uri"), named_graphs=_graphs(params, "named-graph-uri"),
                  accept=accept or "")
        return (*await self.runner.answer(job), {})

    def _endpoint(self, scope, headers) -> str:
        """This endpoint's URL as the client addressed it (the base IRI of its queries)."""
        host = headers.get("host", "")
        if not _HOST.match(host):
            server = scope.get("server") or ("127.0.0.1", 80)
            host = f"[{server[0]}]:{server[1]}" if ":" in server[0] else f"{server[0]}:{server[1]}"
        return f"{scope.get('scheme', 'http')}://{host}{scope['path']}"

    def _describe(self, scope, headers, accept, formats):
        fmt = negotiate(accept, GRAPH_FORMATS, formats)
        if fmt is None:
            return 406, "text/plain", not_acceptable("the service description", GRAPH_FORMATS, accept), {}
        if self._named is None:
            names = []
            for g in self.runner.store.named_graphs():
                if isinstance(g, ox.NamedNode):
                    names.append(g)
                    if len(names) >= MAX_LISTED_GRAPHS:
                        break
            self._named = sorted(names, key=lambda g: g.value)
        triples = description(self._endpoint(scope, headers), limits=self.runner.limits, http_limits=self.limits,
                              named_graphs=self._named)
        return 200, fmt.mime, describe_as(triples, fmt), {}

    async def _read_body(self, receive, headers) -> bytes | tuple:
        cap = self.limits.max_body
        too_large = (413, "text/plain", f"the request body is larger than the limit of {cap:,} bytes\n".encode(),
                     {"connection": "close"})
        length = headers.get("content-length")
        if length is not None and int(length) > cap:  # h11 has checked it is a number
            return too_large
        parts, size = [], 0
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.body_timeout
        while True:
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                return 408, "text/plain", b"the request body did not arrive in time\n", {"connection": "close"}
            if message["type"] == "http.disconnect":
                return 400, "text/plain", b"the client went away\n", {"connection": "close"}
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                return too_large
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts)

    async def _send(self, send, scope, headers, status, mime, body, extra) -> None:
        out = [(b"content-type", (mime + ("; charset=utf-8" if mime.startswith("text/") else "")).encode()),
               (b"content-length", str(len(body)).encode()),
               (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer"),
               (b"cache-control", b"no-store")]
        if status == 503:
            out.append((b"retry-after", b"1"))
        origin = headers.get("origin")
        if origin and self.cors and ("*" in self.cors or origin in self.cors):
            out += [(b"access-control-allow-origin", b"*" if "*" in self.cors else origin.encode("latin-1")),
                    (b"access-control-allow-methods", b"GET, HEAD, POST, OPTIONS"),
                    (b"access-control-allow-headers", b"Content-Type, Accept"),
                    (b"vary", b"Origin")]
        out += [(k.encode(), v.encode()) for k, v in extra.items()]
        await send({"type": "http.response.start", "status": status, "headers": out})
        await send({"type": "http.response.body", "body": body})
