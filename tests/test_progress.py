"""kg build's progress: a bar with articles/s and time left on a terminal, plain timed
lines with --verbose, nothing when piped or with --quiet (kg/progress.py)."""
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.progress import Progress, choose_mode

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_mode_follows_the_stream_and_the_flags():
    assert choose_mode(Terminal()) == "bar"
    assert choose_mode(io.StringIO()) == "off"
    assert choose_mode(Terminal(), quiet=True) == "off"
    assert choose_mode(io.StringIO(), verbose=True) == "log"
    with pytest.raises(ValueError):
        Progress("loud")


def test_the_bar_shows_rate_and_time_left():
    out = Terminal()
    p = Progress("bar", out)
    p.start(4)
    for _ in range(4):
        p.advance()
    p.close()
    with p.phase("writing graph.ttl"):
        pass
    text = out.getvalue()
    assert "4/4" in text and "articles/s" in text and "left" in text
    assert "kg: writing graph.ttl ..." in text and text.rstrip().endswith("s")
    assert [name for name, _ in p.timings] == ["extracting", "writing graph.ttl"]


def test_off_says_nothing_but_reports_still_show():
    out = io.StringIO()
    p = Progress("off", out)
    p.start(3)
    p.advance(3)
    p.close()
    with p.phase("writing graph.ttl"):
        pass
    assert out.getvalue() == ""
    p.report("skipped a.txt: empty")
    assert out.getvalue() == "kg: skipped a.txt: empty\n"


def run_kg(*args, tty=False, cwd=None):
    """kg build in a subprocess; with ``tty`` its stderr is a pseudo-terminal."""
    cmd = [sys.executable, "-m", "kg", *args]
    if not tty:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    import pty

    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=child_fd, cwd=cwd, text=True)
    os.close(child_fd)
    chunks = []
    while True:
        try:
            data = os.read(main_fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out, _ = proc.communicate()
    os.close(main_fd)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, b"".join(chunks).decode("utf-8", "replace"))


def test_on_a_terminal_kg_build_shows_phases_and_the_bar(tmp_path):
    run = run_kg("build", str(SOURCES), "-o", str(tmp_path / "o"), "--formats", "turtle,oxigraph", tty=True)
    assert run.returncode == 0, run.stderr
    assert "extracting" in run.stderr and "5/5" in run.stderr and "articles/s" in run.stderr
    assert "writing graph.ttl" in run.stderr and "writing graph.oxigraph" in run.stderr
    assert run.stdout.startswith("kg: 5 articles")


def test_piped_kg_build_says_nothing_on_stderr(tmp_path):
    run = run_kg("build", str(SOURCES), "-o", str(tmp_path / "o"), "--formats", "turtle")
    assert run.returncode == 0
    assert run.stderr == ""
    assert run.stdout.startswith("kg: 5 articles")


def test_quiet_on_a_terminal_says_nothing(tmp_path):
    run = run_kg("build", str(SOURCES), "-o", str(tmp_path / "o"), "--formats", "turtle", "--quiet", tty=True)
    assert run.returncode == 0
    assert run.stderr == "" and run.stdout == ""


def test_quiet_still_reports_skipped_inputs(tmp_path):
    run = run_kg("build", str(SOURCES), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o"),
                 "--formats", "turtle", "--quiet")
    assert run.returncode == 3
    assert "skipped" in run.stderr and "missing.txt" in run.stderr


def test_verbose_gives_each_phase_its_seconds(tmp_path):
    run = run_kg("build", str(SOURCES), "-o", str(tmp_path / "o"), "--formats", "turtle,jsonld", "--verbose")
    assert run.returncode == 0
    lines = run.stderr.splitlines()
    assert any(line.startswith("kg: extracting: ") and "5 articles" in line for line in lines)
    for name in ("graph.ttl", "graph.jsonld"):
        assert any(line.startswith(f"kg: writing {name}: ") and line.endswith(" s") for line in lines), name


def test_a_slow_rate_still_reads_as_articles_per_second():
    from tqdm import tqdm

    from kg.progress import BAR_FORMAT

    line = tqdm.format_meter(1, 5, 3.6, ncols=80, bar_format=BAR_FORMAT, unit=" articles", prefix="extracting")
    assert "0.28 articles/s" in line and "s/ articles" not in line and "00:14 left" in line
