"""The query processes of `kg serve`: queries run in forked workers, under limits.

``max_queries`` worker processes are forked when the server starts; each inherits the
loaded store (copy-on-write) and answers one query at a time, sending back the serialized
answer. The parent gives a worker a query and waits at most the time limit: a worker that
has not answered by then is killed and replaced by a fresh fork, so a runaway query
cannot hold the server (and a query that needs no killing costs no fork). Around that:

- at most ``max_queries`` queries run at once; up to ``max_waiting`` more requests wait
  for a worker (at most ``max_wait`` seconds, then 503), any beyond that get 503 at once;
- the answer is written into a buffer that stops at ``max_result`` bytes (413: the
  million-row answer is never built whole);
- each worker gets an address-space budget of ``max_memory`` bytes above what it
  inherited, so a query that materialises a cross join (ORDER BY, GROUP BY) ends its own
  worker, which is replaced, and never the machine;
- a worker is replaced after ``RECYCLE`` queries, so nothing it accumulates lasts.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import re
import resource
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pyoxigraph as ox

from .query import PREFIXES
from .query_guard import SERVICE_REFUSED, query_form, uses_service
from .serve_conneg import BY_NAME, GRAPH_FORMATS, OX_GRAPHS, OX_RESULTS, RESULT_FORMATS, not_acceptable

Answer = tuple[int, str, bytes]   # status, content type, body


@dataclass(frozen=True)
class QueryLimits:
    timeout: float = 10.0               # seconds a query may run
    max_result: int = 50 * 10**6        # bytes of one serialized answer
    max_queries: int = 4                # query processes at once
    max_waiting: int = 256              # requests waiting for a free query process
    max_wait: float = 30.0              # seconds a request waits for one
    max_memory: int = 2**30             # bytes of memory one query process may add (0: no limit)
    allow_service: bool = False         # SPARQL SERVICE (federated queries)


@dataclass(frozen=True)
class Job:
    """One query and how to run and write it (sent to a worker process, so plain values)."""
    query: str
    results: str | None = "json"            # format name for SELECT / ASK answers; None: 406
    graph: str | None = "turtle"            # ... for CONSTRUCT / DESCRIBE answers
    base_iri: str | None = None             # relative IRIs in the query resolve against it
    default_graphs: tuple[str, ...] | None = None   # the protocol's dataset (None: the store's)
    named_graphs: tuple[str, ...] | None = None
    accept: str = ""                         # for the message of a 406


class ResultTooLarge(Exception):
    pass


class CappedBuffer:
    """A binary writer that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.limit, self.size, self.parts = limit, 0, []

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise ResultTooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _too_large(limit: int) -> Answer:
    return 413, "text/plain", (f"the result is larger than the limit of {limit:,} bytes: "
                               "ask for less (LIMIT, fewer variables, a narrower pattern)\n").encode()


def _vm_size() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * resource.getpagesize()


class NotXmlName(Exception):
    """A predicate RDF/XML cannot write: its IRI does not end in an XML name."""


_XML_LOCAL = re.compile(r"[A-Za-z_\u00C0-\U000EFFFF][\w.\-\u00B7]*$")


def _xml_writable(triples):
    """The triples, stopping at the first whose predicate RDF/XML cannot name (Oxigraph
    would write an element that is not XML)."""
    for t in triples:
        if not _XML_LOCAL.search(t.predicate.value):
            raise NotXmlName(t.predicate.value)
        yield t


def _dataset(job: Job) -> dict:
    """The query's dataset from the protocol's default-graph-uri / named-graph-uri: given
    either, it replaces the store's and any FROM / FROM NAMED in the query."""
    if job.default_graphs is None and job.named_graphs is None:
        return {}
    return {"default_graph": [ox.NamedNode(g) for g in job.default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or ()]}


def _answer(store: ox.Store, job: Job, limits: QueryLimits) -> Answer:
    """In a worker: run one query, serialize its answer under the size limit."""
    query = job.query
    try:
        answer = store.query(query, prefixes=PREFIXES, base_iri=job.base_iri, **_dataset(job))
        graph = isinstance(answer, ox.QueryTriples)
        name = job.graph if graph else job.results
        if name is None:
            kind = "a graph (CONSTRUCT, DESCRIBE)" if graph else "results (SELECT, ASK)"
            return 406, "text/plain", not_acceptable(kind, GRAPH_FORMATS if graph else RESULT_FORMATS, job.accept)
        buf = CappedBuffer(limits.max_result)
        try:
            if graph:
                ox.serialize(_xml_writable(answer) if name == "rdfxml" else answer, buf, format=OX_GRAPHS[name])
            else:
                answer.serialize(buf, format=OX_RESULTS[name])
        except Exception as exc:  # noqa: BLE001 - the writer's refusal may come back wrapped
            if buf.size > buf.limit:
                return _too_large(limits.max_result)
            cause = exc if isinstance(exc, NotXmlName) else exc.__cause__ or exc.__context__
            if isinstance(cause, NotXmlName):
                return 406, "text/plain", (f"this graph cannot be written as RDF/XML: the predicate <{cause}> does not "
                                           "end in an XML name; ask for Turtle, N-Triples or JSON-LD\n").encode()
            raise
        return 200, BY_NAME[name].mime, buf.getvalue()
    except SyntaxError as exc:
        from .sparql_errors import syntax_message

        return 400, "text/plain", (syntax_message(exc, query, prefixes=PREFIXES) + "\n").encode()
    except MemoryError:
        return 503, "text/plain", b"the query needed more memory than a query may use\n"
    except Exception as exc:  # noqa: BLE001 - reported to the client, the server goes on
        return 500, "text/plain", f"query failed: {type(exc).__name__}: {exc}\n".encode()


def _close_inherited_sockets(keep: int) -> None:
    """A worker forked while the server runs holds copies of its sockets: the listening one
    and every open client connection, which then would not close when the server closes
    them. Close every socket but the worker's own pipe (files, such as an on-disk store's,
    stay open)."""
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd == keep:
            continue
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass


def _worker(store: ox.Store, limits: QueryLimits, conn) -> None:
    """The loop of a worker process: a job in, an answer out, until the pipe closes."""
    _close_inherited_sockets(conn.fileno())
    if limits.max_memory:
        try:
            budget = _vm_size() + limits.max_memory
            resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
        except (OSError, ValueError):
            pass
    try:
        while True:
            try:
                job = conn.recv()
            except (EOFError, OSError):
                return
            conn.send(_answer(store, job, limits))
    finally:
        conn.close()


RECYCLE = 1000   # queries a worker answers before it is replaced


class Worker:
    """One query process and its pipe (used by one thread at a time)."""

    def __init__(self, store: ox.Store, limits: QueryLimits):
        self.store, self.limits = store, limits
        self.proc = self.conn = None
        self.served = 0
        self.start()

    def start(self) -> None:
        ctx = mp.get_context("fork")
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker, args=(self.store, self.limits, child), daemon=True)
        self.proc.start()
        child.close()
        self.served = 0

    def stop(self) -> None:
        if self.proc is not None and self.proc.is_alive():
            self.proc.kill()
        if self.proc is not None:
            self.proc.join(1)
        if self.conn is not None:
            self.conn.close()

    def restart(self) -> None:
        self.stop()
        self.start()

    def run(self, job: Job) -> Answer:
        """Run one query (blocking), killing and replacing the worker at the time limit."""
        limits = self.limits
        try:
            self.conn.send(job)
        except OSError:  # the worker died between two queries
            self.restart()
            self.conn.send(job)
        try:
            if not self.conn.poll(limits.timeout):
                self.restart()
                return 503, "text/plain", f"query cut off after {limits.timeout:g} s (the time limit)\n".encode()
            answer = self.conn.recv()
        except (EOFError, OSError):
            self.proc.join(1)
            why = (f"it needed more than the {limits.max_memory / 2**20:,.0f} MiB of memory a query may use"
                   if limits.max_memory else f"exit status {self.proc.exitcode}")
            self.restart()
            return 503, "text/plain", f"the query process ended without an answer ({why})\n".encode()
        self.served += 1
        if self.served >= RECYCLE:
            self.restart()
        return answer


def check(query: str, *, allow_service: bool) -> Answer | None:
    """The answer for a query that is not run at all, else None."""
    if query_form(query) == "update":
        return 403, "text/plain", b"this endpoint is read-only: update queries are refused\n"
    if not allow_service and uses_service(query):
        return 400, "text/plain", (SERVICE_REFUSED + "\n").encode()
    return None


def run_in_child(store: ox.Store, job: Job, limits: QueryLimits) -> Answer:
    """Run one query in a worker of its own (blocking); for one-off use."""
    worker = Worker(store, limits)
    try:
        return worker.run(job)
    finally:
        worker.stop()


class QueryRunner:
    """Runs queries for the server: checks, the workers, the waiting line."""

    def __init__(self, store: ox.Store, limits: QueryLimits):
        self.store, self.limits = store, limits
        self.idle = [Worker(store, limits) for _ in range(limits.max_queries)]
        self.all = list(self.idle)
        self.pool = ThreadPoolExecutor(max_workers=limits.max_queries, thread_name_prefix="kg-query")
        self._slots: asyncio.Semaphore | None = None
        self.waiting = 0

    def busy(self) -> Answer:
        return 503, "text/plain", (f"busy: {self.limits.max_queries} queries are running and "
                                   f"{self.waiting} waiting; try again shortly\n").encode()

    async def answer(self, job: Job) -> Answer:
        refused = check(job.query, allow_service=self.limits.allow_service)
        if refused:
            return refused
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limits.max_queries)
        if self._slots.locked():
            if self.waiting >= self.limits.max_waiting:
                return self.busy()
            self.waiting += 1
            try:
                await asyncio.wait_for(self._slots.acquire(), self.limits.max_wait)
            except TimeoutError:
                return self.busy()
            finally:
                self.waiting -= 1
        else:
            await self._slots.acquire()
        worker = self.idle.pop()
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self.pool, worker.run, job)
        finally:
            self.idle.append(worker)
            self._slots.release()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        for worker in self.all:
            worker.stop()
