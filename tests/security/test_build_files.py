"""Special files and the build's own output (issue 12, items 7 and 9): only regular files
are read, with the size limit held while reading; what is not read is reported; a file
name that is not UTF-8 does not stop the build; the build never reads what it wrote."""
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cli import main

GUARD = 60  # seconds; a FIFO opened for reading blocked forever before the fix
ARTICLE = ("Bupati Lahat Pimpin Apel Siaga\n\nLAHAT, Kabarkita.id – Bupati Lahat, Slamet Riyadi, memimpin apel siaga "
           "bencana di Lapangan Merdeka Lahat, Senin (2/10/2023). “Semua personel siap,” kata Slamet.\n")


def kg_build(*args, memory=None):
    """``kg build`` in a child process (so that a hang or a runaway read cannot take the
    test run with it: a guard of GUARD seconds and, with ``memory``, an address-space cap)."""
    def limits():
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    return subprocess.run([sys.executable, "-m", "kg", "build", *map(str, args)], capture_output=True, text=True,
                          timeout=GUARD, preexec_fn=limits)


def article_ids(out: Path) -> list[str]:
    return sorted(json.loads(line)["id"] for line in (out / "articles.jsonl").read_text().splitlines())


def test_a_fifo_given_directly_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(ARTICLE)
    done = kg_build(fifo, tmp_path / "good.txt", "-o", tmp_path / "out", "--jobs", "1")
    assert done.returncode == 3, done.stderr
    assert "pipe.txt" in done.stderr and "FIFO" in done.stderr
    assert article_ids(tmp_path / "out") == ["good.txt"]


def test_dev_zero_is_refused_not_read_forever(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "good.txt").write_text(ARTICLE)
    # before the fix /dev/zero was read until memory ran out: 3 GB of address space stops that early
    done = kg_build(tmp_path / "zero.txt", tmp_path / "good.txt", "-o", tmp_path / "out", "--jobs", "1",
                    memory=3 * 2**30)
    assert done.returncode == 3, done.stderr
    assert "zero.txt" in done.stderr and "not a regular file" in done.stderr
    assert article_ids(tmp_path / "out") == ["good.txt"]


def test_the_size_limit_holds_while_reading(tmp_path, monkeypatch):
    from kg import readers

    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 50)
    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    real_fstat = os.fstat
    # a file that claims to be small (as /proc files and files still growing do)
    monkeypatch.setattr(readers.os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    with pytest.raises(readers.ArticleError, match="too large"):
        readers.read_bytes(big)


def test_special_files_in_a_folder_are_reported(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE)
    os.mkfifo(src / "pipe.txt")
    (src / "gone.txt").symlink_to(src / "nowhere.txt")
    locked = src / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(ARTICLE)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads any folder: make this one fail as it would for a user
        real_scandir = os.scandir

        def scandir(path="."):
            if Path(os.fsdecode(path)) == locked:
                raise PermissionError(13, "Permission denied", os.fsdecode(path))
            return real_scandir(path)
        monkeypatch.setattr(os, "scandir", scandir)
    errors = []
    try:
        graph = kg.build([src], on_error=lambda p, r: errors.append((Path(p).name, r)))
    finally:
        locked.chmod(0o755)
    reasons = dict(errors)
    assert sorted(graph.articles) == ["good.txt"]
    assert "FIFO" in reasons["pipe.txt"]
    assert "broken link" in reasons["gone.txt"]
    assert "cannot be read" in reasons["locked"]


def test_a_file_name_that_is_not_utf8_does_not_stop_the_build(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE)
    with open(os.path.join(os.fsencode(src), b"berita-caf\xe9.txt"), "w") as fh:
        fh.write(ARTICLE.replace("Slamet", "Budi"))
    done = kg_build(src, "-o", tmp_path / "out", "--jobs", "1")
    assert done.returncode == 0, done.stderr
    assert article_ids(tmp_path / "out") == ["berita-caf\ufffd.txt", "good.txt"]
    assert "berita-caf" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_building_a_folder_twice_into_itself_does_not_read_the_output(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.md").write_text(ARTICLE.replace("Slamet", "Budi"))
    monkeypatch.chdir(tmp_path)
    assert main(["build", ".", "-o", "exports/", "--jobs", "1"]) == 0
    first = (tmp_path / "exports" / "graph.ttl").read_bytes()
    assert main(["build", ".", "-o", "exports/", "--jobs", "1"]) == 0  # 0: nothing skipped, nothing reported
    assert article_ids(tmp_path / "exports") == ["a.txt", "b.md"]
    assert (tmp_path / "exports" / "graph.ttl").read_bytes() == first


def test_another_kg_build_folder_inside_the_inputs_is_reported_not_read(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE)
    assert main(["build", str(src), "-o", str(src / "old-exports"), "--jobs", "1"]) == 0
    assert main(["build", str(src), "-o", str(tmp_path / "out"), "--jobs", "1"]) == 3
    assert "old-exports" in capsys.readouterr().err
    assert article_ids(tmp_path / "out") == ["a.txt"]
