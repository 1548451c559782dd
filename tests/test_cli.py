"""The command line's manners (kg/cli.py): bad usage exits 2, --version, --debug shows
the traceback, a busy port in words, kg show on JSON Lines, --update with -o, and
the Dask engine as an extra."""
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cli import main

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
SEEDS = sorted(SOURCES.glob("*.txt"))


@pytest.mark.parametrize("args, words", [
    (["--formats", "turtle,csv"], "unknown format csv"),
    (["--formats", ","], "unknown format"),
    (["--jobs", "0"], "at least 1"),
    (["-j", "many"], "not a whole number"),
    (["--html-max-nodes", "0"], "at least 1"),
    (["--provenance", "some"], "invalid choice"),
])
def test_bad_usage_exits_2_with_a_message(args, words, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", str(SOURCES), "-o", str(tmp_path / "o"), *args])
    assert exc.value.code == 2
    assert words in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_usage_errors_found_after_parsing_exit_2(tmp_path, capsys):
    assert main(["build", "-o", str(tmp_path / "o")]) == 2
    assert "no inputs" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"kg {kg.__version__}"


def boom(*args, **kwargs):
    raise RuntimeError("a bug in kg")


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch, tmp_path, capsys):
    import kg.stream

    monkeypatch.setattr(kg.stream, "build_streaming", boom)
    assert main(["build", str(SOURCES), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError: a bug in kg" in err and "--debug" in err and "Traceback" not in err
    for argv in (["--debug", "build", str(SOURCES), "-o", str(tmp_path / "o")],
                 ["build", str(SOURCES), "-o", str(tmp_path / "o"), "--debug"]):
        with pytest.raises(RuntimeError, match="a bug in kg"):
            main(argv)


def test_debug_prints_the_traceback_from_the_command_line(tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg", "--debug", "query", str(tmp_path / "nowhere.ttl"), str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "no such file" in run.stderr  # a known error stays one line


def test_a_busy_port_is_said_in_words(tmp_path, capsys):
    out = tmp_path / "b"
    assert main(["build", str(SEEDS[0]), "-o", str(out), "-q", "--formats", "turtle"]) == 0
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(1)
        port = sock.getsockname()[1]
        assert main(["serve", str(out), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"port {port} on 127.0.0.1 is already in use" in err and "--port" in err
    assert "Errno" not in err


def test_show_on_json_lines_shows_each_article(tmp_path, capsys):
    f = tmp_path / "news.jsonl"
    lines = [{"title": "Bupati Membuka Rapat Koordinasi", "published": "2024-03-07",
              "text": "Bupati Sleman Kustini Sri Purnomo membuka rapat koordinasi di Sleman, Kamis (7/3/2024)."},
             {"title": "Gubernur Meninjau Banjir",
              "text": "Gubernur Jawa Tengah meninjau banjir di Demak pada Senin (4/3/2024)."}]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["show", str(f)]) == 0
    out = capsys.readouterr().out
    assert "# news.jsonl#1 " in out and "title='Bupati Membuka Rapat Koordinasi'" in out
    assert "# news.jsonl#2 " in out and "title='Gubernur Meninjau Banjir'" in out
    assert '"text"' not in out and "{" not in out.splitlines()[0]
    assert main(["show", f"{f}#2"]) == 0
    out = capsys.readouterr().out
    assert "news.jsonl#2" in out and "news.jsonl#1" not in out
    assert main(["show", f"{f}#9"]) == 1
    assert "no article on line 9" in capsys.readouterr().err


def test_update_with_output_writes_there_and_leaves_the_build(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["build", *map(str, SEEDS[:3]), "-o", str(first), "-q"]) == 0
    before = {p.name: p.read_bytes() for p in first.iterdir() if p.is_file()}
    assert main(["build", "--update", str(first), *map(str, SEEDS[3:]), "-o", str(second), "-q"]) == 0
    assert {p.name: p.read_bytes() for p in first.iterdir() if p.is_file()} == before
    every = tmp_path / "every"
    assert main(["build", *map(str, SEEDS), "-o", str(every), "-q"]) == 0
    assert (second / "graph.nt").read_bytes() == (every / "graph.nt").read_bytes()


def test_the_dask_engine_without_dask_says_which_extra(monkeypatch, tmp_path, capsys):
    import builtins

    real = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    assert main(["build", str(SEEDS[0]), "-o", str(tmp_path / "o"), "--engine", "dask"]) == 1
    assert "pip install 'kg[cluster]'" in capsys.readouterr().err
