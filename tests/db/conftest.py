"""Real databases for the loading tests: a scratch Virtuoso on loopback, started and
stopped by the tests. A server that cannot start fails the test with the reason; it
is never skipped."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import kg
from kg.export.rdf import TurtleExporter

ROOT = Path(__file__).resolve().parents[2]
PACKAGED_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
GRAPH_IRI = "urn:kg:seed"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scratch_ini(folder: Path, exports: Path, isql_port: int, http_port: int) -> Path:
    """The packaged virtuoso.ini with its database in ``folder`` and both ports on loopback."""
    section = None
    out = []
    for line in PACKAGED_INI.read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            section = stripped.strip("[]")
        key = stripped.split("=", 1)[0].strip() if "=" in stripped and not stripped.startswith(";") else None
        if section in ("Database", "TempDatabase") and key in ("DatabaseFile", "ErrorLogFile", "LockFile",
                                                                "TransactionFile", "xa_persistent_file"):
            suffix = "-temp" if section == "TempDatabase" else ""
            ext = {"DatabaseFile": "db", "ErrorLogFile": "log", "LockFile": "lck", "TransactionFile": "trx",
                   "xa_persistent_file": "pxa"}[key]
            line = f"{key} = {folder}/virtuoso{suffix}.{ext}"
        elif section == "Parameters" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{isql_port}"
        elif section == "Parameters" and key == "DirsAllowed":
            line = f"DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, {exports}"
        elif section == "Parameters" and key in ("NumberOfBuffers", "MaxDirtyBuffers"):
            line = f"{key} = {'20000' if key == 'NumberOfBuffers' else '15000'}"
        elif section == "HTTPServer" and key == "ServerPort":
            line = f"ServerPort = 127.0.0.1:{http_port}"
        elif section == "Plugins" and key and key.startswith("Load"):
            continue
        out.append(line)
    ini = folder / "scratch.ini"
    ini.write_text("\n".join(out) + "\n")
    return ini


class Virtuoso:
    def __init__(self, folder: Path, exports: Path) -> None:
        for tool in ("virtuoso-t", "isql-vt"):
            if shutil.which(tool) is None:
                pytest.fail(f"{tool} is not installed: run `make sysdeps` (Debian package virtuoso-opensource)")
        if not PACKAGED_INI.exists():
            pytest.fail(f"{PACKAGED_INI} is missing: the virtuoso-opensource package is not installed properly")
        self.folder, self.exports = folder, exports
        self.isql_port, self.http_port = free_port(), free_port()
        self.ini = scratch_ini(folder, exports, self.isql_port, self.http_port)
        self.proc = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", str(self.ini)], cwd=folder,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def isql(self, sql: str, timeout: float = 60) -> subprocess.CompletedProcess:
        return subprocess.run(["isql-vt", f"127.0.0.1:{self.isql_port}", "dba", "dba", f"exec={sql}"],
                              capture_output=True, text=True, timeout=timeout)

    def wait(self, deadline: float = 90) -> None:
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                out = self.proc.stdout.read().decode(errors="replace")[-800:]
                pytest.fail(f"virtuoso-t exited with {self.proc.returncode} while starting: {out}")
            try:
                if self.isql("status();", timeout=10).returncode == 0:
                    return
            except subprocess.TimeoutExpired:
                pass
            time.sleep(1)
        pytest.fail(f"Virtuoso did not answer on 127.0.0.1:{self.isql_port} within {deadline:g} s")

    def load(self, name: str = "graph.ttl") -> None:
        run = self.isql(f"ld_dir('{self.exports}', '{name}', '{GRAPH_IRI}'); rdf_loader_run(); checkpoint;", timeout=120)
        if run.returncode != 0 or "Error" in run.stdout + run.stderr:
            pytest.fail(f"loading into Virtuoso failed: {(run.stdout + run.stderr)[-800:]}")

    def select(self, query: str) -> dict:
        params = urllib.parse.urlencode({"query": query, "default-graph-uri": GRAPH_IRI})
        req = urllib.request.Request(f"http://127.0.0.1:{self.http_port}/sparql?{params}",
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())

    def stop(self) -> None:
        if self.proc.poll() is None:
            try:
                self.isql("shutdown;", timeout=20)
                self.proc.wait(30)
            except (subprocess.TimeoutExpired, OSError):
                pass
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


@pytest.fixture(scope="session")
def seed_export(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-export")
    TurtleExporter().write(kg.build([ROOT / "sources"]), out)
    return out


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory, seed_export):
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"), seed_export)
    try:
        server.wait()
        server.load()
        yield server
    finally:
        server.stop()
