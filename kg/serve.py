"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a built graph, and the HTML view.

The HTTP side is uvicorn (h11) running the small ASGI app of ``kg.serve_app``; queries run
in forked processes under the limits of ``kg.serve_exec``. What uvicorn gives: a listen
backlog of 2048 (hundreds of clients connecting at once are queued, not dropped), keep-alive
with an idle timeout, strict HTTP parsing (a Content-Length that is not a number is a 400),
HEAD. What kg adds on top: a deadline for a request's head (a client that connects and says
nothing, or sends its headers a byte at a time, is disconnected after ``idle_timeout``), the
body, result, concurrency and memory limits, the Host check, and the security headers.

    server = make_server("exports/", port=0)      # binds at once; port 0: any free port
    server.serve_forever()                         # until server.shutdown() from another thread
"""
from __future__ import annotations

import asyncio
import socket
import threading

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .query import QueryError, graph_file
from .store import open_graph
from .serve_app import HttpLimits, SparqlApp, loopback_names
from .serve_exec import Job, QueryLimits, QueryRunner, check, run_in_child

BACKLOG = 2048
MAX_HEAD = 64 * 1024   # bytes of request line + headers (a GET query string included)


def _protocol(idle_timeout: float):
    class KgH11Protocol(H11Protocol):
        """uvicorn's h11 protocol with a deadline for each request head."""

        def connection_made(self, transport):
            super().connection_made(transport)
            self._arm_head_deadline()

        def on_response_complete(self):
            super().on_response_complete()
            self._arm_head_deadline()

        def _arm_head_deadline(self):
            old = getattr(self, "_head_deadline", None)
            if old is not None:
                old.cancel()
            self._head_deadline = self.loop.call_later(idle_timeout, self._head_too_slow)

        def _head_too_slow(self):
            # still waiting for (the rest of) a request line and headers: close
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

        def connection_lost(self, exc):
            old = getattr(self, "_head_deadline", None)
            if old is not None:
                old.cancel()
            super().connection_lost(exc)

    return KgH11Protocol


class Server:
    """A bound kg SPARQL server: ``serve_forever()``, ``shutdown()``, ``server_close()``."""

    def __init__(self, app: SparqlApp, sock: socket.socket, *, idle_timeout: float, max_connections: int):
        self.app, self.socket = app, sock
        self.server_address = sock.getsockname()
        config = uvicorn.Config(app, http=_protocol(idle_timeout), lifespan="on", log_config=None,
                                log_level="warning", access_log=False, server_header=False,
                                timeout_keep_alive=max(1, int(idle_timeout)), backlog=BACKLOG,
                                limit_concurrency=max_connections, h11_max_incomplete_event_size=MAX_HEAD,
                                timeout_graceful_shutdown=2)
        self._uvicorn = uvicorn.Server(config)
        self._stopped = threading.Event()

    def serve_forever(self) -> None:
        try:
            if threading.current_thread() is threading.main_thread():
                self._uvicorn.run(sockets=[self.socket])
            else:  # no signal handlers outside the main thread
                asyncio.run(self._uvicorn.serve(sockets=[self.socket]))
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        self._uvicorn.should_exit = True
        self._stopped.wait(10)

    def server_close(self) -> None:
        self.app.runner.close()
        self.socket.close()


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


def make_server(graph, *, host: str = "127.0.0.1", port: int = 8000, timeout: float = 10.0,
                allow_service: bool = False, cors: str | tuple[str, ...] | None = None,
                max_body: int = HttpLimits.max_body, max_result: int = QueryLimits.max_result,
                max_queries: int = QueryLimits.max_queries, max_waiting: int = QueryLimits.max_waiting,
                max_wait: float = QueryLimits.max_wait,
                max_memory: int = QueryLimits.max_memory, idle_timeout: float = 10.0,
                max_connections: int = 1000, allowed_hosts: tuple[str, ...] = (), log: bool = True) -> Server:
    """Load the graph and bind the server (port 0: any free port); call ``serve_forever()``."""
    for name, value, least in (("timeout", timeout, 1e-3), ("max_body", max_body, 0), ("max_result", max_result, 1),
                               ("max_queries", max_queries, 1), ("max_waiting", max_waiting, 0),
                               ("max_query_memory", max_memory, 0), ("idle_timeout", idle_timeout, 1e-3)):
        if value < least:
            raise QueryError(f"--{name.replace('_', '-')} must be {'positive' if least else 'at least 0'} (got {value:g})")
    path = graph_file(graph)
    store = open_graph(graph)  # as kg query: the build's on-disk store when current (kg.store), else the file
    limits = QueryLimits(timeout=timeout, max_result=max_result, max_queries=max_queries,
                         max_waiting=max_waiting, max_wait=max_wait, max_memory=max_memory,
                         allow_service=allow_service)
    if isinstance(cors, str):
        cors = (cors,)
    try:
        sock = _bind(host, port)
    except OSError as exc:
        import errno

        if exc.errno == errno.EADDRINUSE:
            raise QueryError(f"port {port} on {host} is already in use (another kg serve?): "
                             "stop it or choose another with --port") from None
        raise QueryError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    app = SparqlApp(QueryRunner(store, limits), html=path.parent / "graph.html",
                    limits=HttpLimits(max_body=max_body, body_timeout=idle_timeout), cors=tuple(cors or ()),
                    hosts=loopback_names(host, tuple(allowed_hosts)), log=log)
    return Server(app, sock, idle_timeout=idle_timeout, max_connections=max_connections)


def run_query(store, job: Job | str, *, limits: QueryLimits = QueryLimits()):
    """One query as the server runs it (a Job, or a query text written in the default
    formats): (status, content type, body)."""
    job = Job(job) if isinstance(job, str) else job
    return check(job.query, allow_service=limits.allow_service) or run_in_child(store, job, limits)


__all__ = ["make_server", "run_query", "Job", "Server", "QueryError"]
