"""The export set is one unit (issue 12, item 8): SIGINT or SIGTERM during a build, two
builds into one folder at once, or a full disk leave the previous complete set or the
new complete set, never files of two builds; no temporary file is left behind; a full
disk names the file that could not be written."""
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "sources").glob("*.txt"))


def kg_build(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file of an export set (relative name -> hash). The on-disk store's files are not
    byte-identical from build to build, so the store counts by whether it was made from the
    graph files beside it (kg.store.stale_reason)."""
    from kg.store import stale_reason

    found = {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(folder.rglob("*")) if p.is_file() and "graph.oxigraph" not in p.relative_to(folder).parts}
    if (folder / "graph.oxigraph").exists():
        found["graph.oxigraph"] = stale_reason(folder / "graph.oxigraph") or "made from this set"
    return found


def leftovers(parent: Path, out: Path) -> list[str]:
    """Temporary files or folders a build left (the lock file is kept on purpose)."""
    found = [p.name for p in parent.iterdir() if p.name.startswith(".") and not p.name.endswith(".kg-lock")]
    found += [p.name for p in out.rglob(".*")] if out.exists() else []
    return found


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """An old set (one seed), a corpus (the seeds 16 times) and the new set it makes."""
    base = tmp_path_factory.mktemp("sets")
    corpus = base / "corpus"
    corpus.mkdir()
    for i in range(16):
        for s in SEEDS:
            shutil.copy(s, corpus / f"{i:03d}_{s.name}")
    one = base / "one"
    one.mkdir()
    shutil.copy(SEEDS[0], one / SEEDS[0].name)
    for name, src in (("old", one), ("new", corpus)):
        p = kg_build(src, "-o", base / name, "--jobs", "2")
        assert p.wait(timeout=600) == 0, p.stderr.read()
    return base, corpus, fingerprint(base / "old"), fingerprint(base / "new")


def test_a_signal_leaves_the_old_or_the_new_set_and_no_temporary_files(sets, tmp_path):
    base, corpus, old, new = sets
    out = tmp_path / "out"
    seen = set()
    for sig, delay in ((signal.SIGTERM, 0.5), (signal.SIGINT, 3.0), (signal.SIGTERM, 7.0), (signal.SIGINT, 12.0),
                       (signal.SIGTERM, 12.0)):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(base / "old", out)
        proc = kg_build(corpus, "-o", out, "--jobs", "2")
        time.sleep(delay)
        proc.send_signal(sig)
        proc.communicate(timeout=120)
        now = fingerprint(out)
        assert now in (old, new), f"a mix of two builds after {sig!r} at {delay} s"
        assert leftovers(tmp_path, out) == [], f"temporary files left after {sig!r} at {delay} s"
        seen.add("old" if now == old else "new")
    assert "old" in seen  # at least one signal landed during the build


def test_two_builds_into_one_folder_leave_one_complete_set(sets, tmp_path):
    base, corpus, old, new = sets
    # two corpora of nearly the same size, so that both builds reach their exports together
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    for extra in sorted(other.iterdir())[:5]:
        extra.unlink()
    sets_of = {new["graph.ttl"]: new}
    alone = fingerprint_of(other, tmp_path)
    sets_of[alone["graph.ttl"]] = alone
    out = tmp_path / "out"
    for _ in range(3):
        shutil.rmtree(out, ignore_errors=True)
        a = kg_build(corpus, "-o", out, "--jobs", "1")
        b = kg_build(other, "-o", out, "--jobs", "1")
        b_out, b_err = b.communicate(timeout=600)
        a_out, a_err = a.communicate(timeout=600)
        now = fingerprint(out)
        assert now == sets_of.get(now.get("graph.ttl")), "files of two builds in one folder"
        assert a.returncode == 0 or b.returncode == 0
        for proc, err in ((a, a_err), (b, b_err)):
            if proc.returncode:
                assert "another kg build is writing" in err
        assert leftovers(tmp_path, out) == []


_REFERENCE: dict = {}


def fingerprint_of(corpus: Path, tmp_path: Path) -> dict[str, str]:
    """The set a build of ``corpus`` alone writes (made once)."""
    if corpus not in _REFERENCE:
        ref = tmp_path / f"ref-{corpus.name}"
        p = kg_build(corpus, "-o", ref, "--jobs", "2")
        assert p.wait(timeout=600) == 0
        _REFERENCE[corpus] = fingerprint(ref)
        shutil.rmtree(ref)
    return _REFERENCE[corpus]


def test_a_full_disk_names_the_file_and_keeps_the_old_set(sets, tmp_path):
    base, corpus, old, new = sets
    out = tmp_path / "out"
    shutil.copytree(base / "old", out)
    limit = 256 * 1024  # no file may grow past 256 KB: the new graph files are larger (a disk that fills up)

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    proc = kg_build(corpus, "-o", out, "--jobs", "1", preexec_fn=small_disk)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 1, err
    line = err.strip().splitlines()[-1]
    assert "could not write" in line and str(out) in line, line
    assert any(f"{out}{os.sep}{name}" in line for name in ("graph.", "articles.jsonl", "neo4j")), line
    assert "Traceback" not in err
    assert fingerprint(out) == old
    assert leftovers(tmp_path, out) == []


def test_an_output_folder_with_other_files_is_refused(tmp_path, capsys):
    from kg.cli import main

    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.docx").write_text("a user's file")
    assert main(["build", str(SEEDS[0]), "-o", str(out)]) == 1
    assert "notes.docx" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["notes.docx"]
