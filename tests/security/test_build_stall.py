"""No input can stall a build (issue 12, item 6).

The growth of time with input size is measured by bench/stall.py, not here. These tests
check what makes a stage linear or capped (the size of what it produces), that a text
which took minutes to hours finishes (a subprocess with a generous CPU-time guard: a
hang detector, not a speed target) and that the per-article budget reports a slow article
and builds the others, with one job and with several."""
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.ingest import parse_article
from kg.pipeline import Pipeline, make_doc
from kg.text import name_variants

CPU_GUARD = 60     # CPU seconds: the texts below took from 4 minutes to hours before the fix, 1-12 s after
WALL_GUARD = 900

ARTICLE = ("Bupati Lahat Pimpin Apel Siaga\n\nLAHAT, Kabarkita.id – Bupati Lahat, Slamet Riyadi, memimpin apel siaga "
           "bencana di Lapangan Merdeka Lahat, Senin (2/10/2023). “Semua personel siap,” kata Slamet.\n")


def names_size(text: str) -> tuple[int, int]:
    """(characters in all the names the institutions extractor gives its mentions,
    characters of the text)."""
    from kg.extract.institutions import InstitutionExtractor
    from kg.pipeline import Context

    mentions = InstitutionExtractor()(text, context=Context((), None, None, None, ()))
    return sum(len(n) for m in mentions for n in m.names), len(text)


@pytest.mark.parametrize("unit", ["Bawaslu ", "Badan Pengawas Pemilu (Bawaslu) ", "Kabupaten Lahat Bawaslu "])
def test_a_repeated_name_gives_names_linear_in_the_text(unit):
    # before: every body of the run was named after the whole rest of the run (quadratic)
    total, length = names_size(unit * 600)
    assert total <= 50 * length


def test_name_variants_of_many_brackets_are_those_of_few():
    name = "Dewan Pimpinan Cabang (DPC) Asosiasi Pemerintah Desa Seluruh Indonesia (APDESI) Kabupaten Lahat"
    assert name_variants(name) == {name, "Dewan Pimpinan Cabang Asosiasi Pemerintah Desa Seluruh Indonesia Kabupaten Lahat",
                                   "DPC APDESI Kabupaten Lahat"}
    long = " ".join(["Komisi Pemilihan Umum (KPU)"] * 3000)   # 3000 brackets: minutes before, now a blink
    variants = name_variants(long)
    assert " ".join(["KPU"] * 3000) in variants and len(variants) == 4


def test_no_sentence_is_longer_than_the_cap():
    from kg.sentences import MAX_SENTENCE

    article = parse_article("Judul\n\n" + "kata Budi, " * 5000, id="x.txt")
    doc = make_doc(article)
    assert max(len(s.text) for s in doc.sentences) <= MAX_SENTENCE
    assert all(article.text[s.start:s.end] == s.text for s in doc.sentences)


def run_guarded(code: str, text: str) -> subprocess.CompletedProcess:
    """Run in a child limited to CPU_GUARD seconds of CPU time (killed past it: a load
    on the machine does not count), with a wall-clock backstop."""
    import resource

    def limit():
        resource.setrlimit(resource.RLIMIT_CPU, (CPU_GUARD, CPU_GUARD))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], input=text, capture_output=True, text=True,
                          timeout=WALL_GUARD, preexec_fn=limit)


EXTRACT = """
    import sys
    from kg.ingest import parse_article
    from kg.pipeline import Pipeline
    Pipeline()(parse_article("Judul\\n\\n" + sys.stdin.read(), id="x.txt"))
    print("done")
"""


@pytest.mark.parametrize("text", [
    "[" * 200_000 + "]" * 200_000,                       # one regex: 15.6 s at 40k, minutes here
    "Bawaslu " * 32_768,                                 # 256 KB of one word: hours before
    "Badan Pengawas Pemilu (Bawaslu) " * 4096,
    "Senin (2/10/2023) " * 116_000,                      # 2 MB of dates: minutes before
], ids=["brackets", "one-word", "acronyms", "dates"])
def test_hostile_texts_finish(text):
    done = run_guarded(EXTRACT, text)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"


# ------------------------------------------------------------------ the budget
def spin_on_slow(monkeypatch):
    """Make the article "slow.txt" spin (pure Python, like a runaway rule) for up to 60 s."""
    real = Pipeline.__call__

    def call(self, article):
        if article.id == "slow.txt":
            end = time.monotonic() + 60
            while time.monotonic() < end:
                pass
        return real(self, article)

    monkeypatch.setattr(Pipeline, "__call__", call)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_over_the_budget_is_reported_and_the_others_built(tmp_path, monkeypatch, jobs):
    from kg.stream import build_streaming

    src = tmp_path / "src"
    src.mkdir()
    for i in range(40 if jobs > 1 else 3):  # more than one batch: the workers do the articles
        (src / f"a{i:02d}.txt").write_text(ARTICLE.replace("Slamet", f"Slamet {chr(65 + i % 26)}"))
    (src / "slow.txt").write_text(ARTICLE)
    spin_on_slow(monkeypatch)
    errors = []
    started = time.monotonic()
    graph = build_streaming([src], tmp_path / "out", jobs=jobs, article_timeout=1.0,
                            on_error=lambda p, r: errors.append((Path(p).name, r)))
    graph.discard()
    assert time.monotonic() - started < 50  # the spinning article was cut off, not waited for
    assert [name for name, _ in errors] == ["slow.txt"]
    assert "per-article budget" in errors[0][1]
    assert "slow.txt" not in graph.articles and len(graph.articles) == (40 if jobs > 1 else 3)


def test_kg_build_has_an_article_timeout_option(tmp_path, monkeypatch, capsys):
    from kg.cli import main

    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE)
    (src / "slow.txt").write_text(ARTICLE)
    spin_on_slow(monkeypatch)
    code = main(["build", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", "--article-timeout", "1"])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "slow.txt" in err and "--article-timeout" in err
    assert (tmp_path / "out" / "graph.ttl").exists()
