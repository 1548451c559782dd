"""Packaging (issue 12, item 11): a plain ``pip install .`` (the runtime dependencies
alone, no test extras) reads .html inputs. Before, trafilatura failed on every page with
"lxml.html.clean module is now a separate project".

The virtual environment is made once per set of runtime dependencies (a hash of the
``dependencies`` of pyproject.toml) under .test-venvs/ and kept; each run reinstalls kg
itself into it (``--no-deps``), so it tests the current code."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGE = ("<html><head><title>Bupati Lahat Pimpin Apel</title><script>alert('x')</script></head><body>"
        "<nav>Beranda | Berita</nav><article><h1>Bupati Lahat Pimpin Apel</h1>"
        "<p>LAHAT – Bupati Lahat, Slamet Riyadi, memimpin apel siaga bencana di Lapangan Merdeka Lahat, "
        "Senin (2/10/2023).</p><p>“Semua personel siap menghadapi musim hujan tahun ini,” kata Slamet.</p>"
        "</article></body></html>")


def runtime_venv() -> Path:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    key = hashlib.sha256(json.dumps(sorted(deps)).encode()).hexdigest()[:16]
    venv = Path(os.environ.get("KG_TEST_VENVS", ROOT / ".test-venvs")) / f"runtime-{key}"
    python = venv / "bin" / "python"
    if not (venv / ".complete").exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(ROOT)], check=True)  # plain pip install .
        (venv / ".complete").touch()
    else:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", str(ROOT)],
                       check=True)
    return venv


@pytest.mark.slow
def test_a_plain_install_reads_html(tmp_path):
    venv = runtime_venv()
    python = venv / "bin" / "python"
    # the runtime dependencies alone: none of the test extras
    assert subprocess.run([str(python), "-c", "import pytest"], capture_output=True).returncode != 0
    (tmp_path / "page.html").write_text(PAGE)
    done = subprocess.run([str(venv / "bin" / "kg"), "build", str(tmp_path / "page.html"), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr
    record = json.loads((tmp_path / "out" / "articles.jsonl").read_text().splitlines()[0])
    assert record["id"] == "page.html" and "Slamet Riyadi" in record["text"] and "alert" not in record["text"]
    assert "Slamet Riyadi" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
