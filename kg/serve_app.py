"""The ASGI application of `kg serve`: the SPARQL 1.1 Protocol at /sparql, the HTML view at /.

    GET/POST /sparql   query=... (GET, form POST) or an application/sparql-query body;
                       results as JSON, CSV, TSV, XML (Accept header or ``format=``),
                       CONSTRUCT/DESCRIBE as Turtle or N-Triples
    GET /              the build's graph.html
    HEAD               on both, the headers of the GET answer

What it refuses and why:
- a Host header that does not name this server when it listens on loopback (403): a page
  on another site whose name was re-bound to 127.0.0.1 (DNS rebinding) cannot talk to it;
- a body larger than ``max_body`` (413, from Content-Length before anything is read, or
  while reading a chunked body); a body that does not arrive within ``body_timeout`` (408);
- updates (403) and federated queries (400), see ``kg.query_guard``.
Every answer says ``X-Content-Type-Options: nosniff``; the HTML view gets a
Content-Security-Policy that lets it run only its own inline code and reach nothing else.
CORS headers are sent only for the origins given with ``--cors``.
"""
from __future__ import annotations

import asyncio
import ipaddress
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs

from .serve_exec import QueryRunner

HTML_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            "img-src data: blob:; font-src data:; connect-src 'self'; base-uri 'none'; "
            "form-action 'none'; frame-ancestors 'none'")
READ_ONLY = b"this endpoint is read-only: update queries are refused\n"


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
            return 204, "text/plain", b"", {"allow": "GET, HEAD, POST, OPTIONS"}
        params = parse_qs(scope["query_string"].decode("latin-1"), encoding="utf-8", errors="replace")
        fmt = params.get("format", [None])[0]
        accept = headers.get("accept", "")
        if method in ("GET", "HEAD"):
            if "update" in params:
                return 403, "text/plain", READ_ONLY, {}
            if "query" not in params:
                return 400, "text/plain", b"missing query parameter\n", {}
            return (*await self.runner.answer(params["query"][0], accept, fmt), {})
        if method != "POST":
            return 405, "text/plain", b"method not allowed\n", {"allow": "GET, HEAD, POST, OPTIONS"}
        body = await self._read_body(receive, headers)
        if isinstance(body, tuple):
            return body
        ctype = headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-update":
            return 403, "text/plain", READ_ONLY, {}
        text = body.decode("utf-8", errors="replace")
        if ctype == "application/sparql-query":
            return (*await self.runner.answer(text, accept, fmt), {})
        form = parse_qs(text, encoding="utf-8", errors="replace")
        if "update" in form:
            return 403, "text/plain", READ_ONLY, {}
        if "query" not in form:
            return 400, "text/plain", b"missing query parameter\n", {}
        return (*await self.runner.answer(form["query"][0], accept, form.get("format", [fmt])[0]), {})

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
