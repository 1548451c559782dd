"""Load test for `kg serve`: latency under concurrent clients, a burst of 200 clients, memory.

    python bench/serve_load.py [--graph exports/] [--kg .venv/bin/kg] [--clients 16] [--requests 25]

Starts `kg serve` as a child process on a free loopback port and runs, against it:

1. steady load: CLIENTS threads, each sending REQUESTS SPARQL SELECTs (JSON results, one
   connection per request, as most SPARQL clients do); p50 / p99 latency, throughput, errors;
2. burst: 200 clients connect at the same moment and send one query each; how many are
   answered, how many stall (no answer within --burst-timeout seconds), slowest answer;
3. with ``--hostile N``: N clients at once send a cross join that must be sorted whole
   (``ORDER BY`` over every pair of triples), then one client asks for a 1M-row answer;
   statuses, time, and the memory peak of each;
4. memory: proportional set size (PSS: pages shared by forked processes counted once
   in all) of the server and its query processes, sampled every 100 ms (the peak of the
   sum), idle and during the load.

The same script measures any version of kg (it only uses the command line), so before and
after a change are compared with the same load. Not a test: nothing here is timed in the suite.
"""
from __future__ import annotations

import argparse
import json
import shlex
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import psutil

QUERY = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw_request(port: int, query: str, timeout: float) -> tuple[int, float]:
    """One GET on a fresh connection; (status, seconds). Status 0: no answer (stall/reset)."""
    path = "/sparql?" + urllib.parse.urlencode({"query": query})
    req = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
           "Accept: application/sparql-results+json\r\nConnection: close\r\n\r\n").encode()
    started = time.perf_counter()
    data = b""
    try:  # an answer counts once the server has closed the connection (Connection: close)
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(req)
            while chunk := s.recv(65536):
                data += chunk
                if time.perf_counter() - started > timeout:
                    raise TimeoutError
    except OSError:
        return 0, time.perf_counter() - started
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/") else 0
    return status, time.perf_counter() - started


class MemorySampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.peak = 0
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def pss(self) -> int:
        total = 0
        try:
            procs = [self.proc, *self.proc.children(recursive=True)]
        except psutil.NoSuchProcess:
            return 0
        for p in procs:
            try:
                total += p.memory_full_info().pss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return total

    def run(self):
        while not self.stop.is_set():
            now = self.pss()
            self.samples.append((time.perf_counter(), now))
            self.peak = max(self.peak, now)
            time.sleep(0.1)

    def peak_since(self, started: float) -> int:
        return max((m for t, m in self.samples if t >= started), default=0)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def steady(port: int, clients: int, requests: int, timeout: float) -> dict:
    results: list[tuple[int, float]] = []
    lock = threading.Lock()

    def worker():
        for _ in range(requests):
            r = raw_request(port, QUERY, timeout)
            with lock:
                results.append(r)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    ok = [s for st, s in results if st == 200]
    return {"requests": len(results), "ok": len(ok), "errors": len(results) - len(ok),
            "p50_ms": pct(ok, 0.50) * 1000, "p99_ms": pct(ok, 0.99) * 1000,
            "req_per_s": len(ok) / wall, "wall_s": wall}


def burst(port: int, n: int, timeout: float) -> dict:
    results: list[tuple[int, float]] = [(0, 0.0)] * n
    go = threading.Event()

    def worker(i):
        go.wait()
        results[i] = raw_request(port, QUERY, timeout)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    go.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    statuses: dict[int, int] = {}
    for st, _ in results:
        statuses[st] = statuses.get(st, 0) + 1
    answered = [s for st, s in results if st != 0]
    return {"clients": n, "answered": len(answered), "stalled_or_reset": statuses.get(0, 0),
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "slowest_answer_s": max(answered, default=float("nan")), "wall_s": wall}


HOSTILE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
BIG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 1000000"


def hostile(port: int, n: int, sampler: "MemorySampler", timeout: float, query: str = HOSTILE) -> dict:
    results: list[tuple[int, float]] = [(0, 0.0)] * n

    def worker(i):
        results[i] = raw_request(port, query, timeout)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses: dict[str, int] = {}
    for st, _ in results:
        statuses[str(st)] = statuses.get(str(st), 0) + 1
    return {"clients": n, "statuses": statuses, "wall_s": time.perf_counter() - started,
            "peak_pss_mb": sampler.peak_since(started) / 2**20}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--graph", default="exports", help="a build folder or graph file (default: exports/)")
    ap.add_argument("--kg", default=str(Path(sys.executable).with_name("kg")),
                    help="the kg command to measure (a command line: 'python old/kg_cli.py' works)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=25, help="requests per client in the steady phase")
    ap.add_argument("--burst", type=int, default=200)
    ap.add_argument("--burst-timeout", type=float, default=30.0)
    ap.add_argument("--hostile", type=int, default=0, metavar="N",
                    help="also N concurrent sorted cross joins (memory under attack; default: skip)")
    ap.add_argument("--label", default="", help="a name for this run in the JSON line")
    args = ap.parse_args()

    port = free_port()
    server = subprocess.Popen([*shlex.split(args.kg), "serve", args.graph, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        server.stdout.readline()  # "kg: serving ..." once it listens
        deadline = time.monotonic() + 60
        while raw_request(port, "ASK {}", 5)[0] != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("kg serve did not start")
            time.sleep(0.2)
        sampler = MemorySampler(server.pid)
        idle_pss = sampler.pss()
        sampler.start()
        out = {"label": args.label, "graph": args.graph, "idle_pss_mb": idle_pss / 2**20}
        out["steady"] = steady(port, args.clients, args.requests, args.burst_timeout)
        out["burst"] = burst(port, args.burst, args.burst_timeout)
        out["peak_pss_mb"] = sampler.peak / 2**20
        if args.hostile:
            out["hostile"] = hostile(port, args.hostile, sampler, 120.0)
            out["big"] = hostile(port, 1, sampler, 120.0, BIG)
            out["after_hostile_ok"] = raw_request(port, QUERY, 30)[0] == 200
        sampler.stop.set()
        sampler.join()
        out["server_alive"] = server.poll() is None
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(json.dumps(out, indent=1))
    s, b = out["steady"], out["burst"]
    print(f"| {args.label} | {args.clients}x{args.requests} | {s['p50_ms']:.0f} | {s['p99_ms']:.0f} | "
          f"{s['req_per_s']:.1f} | {s['errors']} | {b['answered']}/{b['clients']} | {b['stalled_or_reset']} | "
          f"{b['slowest_answer_s']:.1f} | {out['idle_pss_mb']:.0f} | {out['peak_pss_mb']:.0f} |")
    if args.hostile:
        h = out["hostile"]
        print(f"| {args.label} | {h['clients']} sorted cross joins | {h['statuses']} | {h['wall_s']:.1f} s | "
              f"{h['peak_pss_mb']:.0f} MB | server answers after: {out['after_hostile_ok']} |")
        h = out["big"]
        print(f"| {args.label} | one 1M-row answer | {h['statuses']} | {h['wall_s']:.1f} s | {h['peak_pss_mb']:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
