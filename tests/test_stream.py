"""The streaming build (what ``kg build`` runs) writes the same files as exporting an
in-memory build (``kg.build``), and keeps only the index in memory."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.export import exporters
from kg.stream import build_streaming, plan
from kg.store import STORE_DIR  # an on-disk store: the same triples, not the same bytes (tests/test_store.py)

ROOT = Path(__file__).resolve().parent.parent


def files(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and STORE_DIR not in p.parts}


def in_memory(inputs, out: Path, **kw) -> dict:
    graph = kg.build(inputs, **kw)
    for exp in exporters():
        exp.write(graph, out)
    return files(out)


def streamed(inputs, out: Path, **kw) -> dict:
    graph = build_streaming(inputs, out, **kw)
    try:
        for exp in exporters():
            exp.write(graph, out)
    finally:
        graph.discard()
    return files(out)


def corpus(folder: Path, n: int = 40) -> Path:
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--articles", str(n), "--out",
                    str(folder), "--seed", "3"], check=True, capture_output=True)
    return folder


@pytest.mark.parametrize("jobs", [1, 2])
def test_seed_articles_give_the_same_files(tmp_path, jobs):
    a = in_memory([ROOT / "sources"], tmp_path / "mem")
    b = streamed([ROOT / "sources"], tmp_path / "stream", jobs=jobs)
    assert a.keys() == b.keys() and a == b


def test_a_synthetic_corpus_with_bad_lines_gives_the_same_files_and_reports(tmp_path):
    src = corpus(tmp_path / "src")
    with open(src / "corpus-000.jsonl", "a", encoding="utf-8") as fh:
        fh.write("not json\n" + json.dumps({"title": "no text"}) + "\n")
    (src / "empty.jsonl").write_text("\n\n")
    (src / "bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    errs_a, errs_b = [], []
    a = in_memory([src], tmp_path / "mem", on_error=lambda p, r: errs_a.append((Path(p).name, r)))
    b = streamed([src], tmp_path / "stream", jobs=2, on_error=lambda p, r: errs_b.append((Path(p).name, r)))
    assert a == b
    assert sorted(errs_a) == sorted(errs_b) and len(errs_b) == 4


def test_duplicate_ids_are_settled_as_in_memory(tmp_path):
    for d, text in (("x", "Bupati Contoh membuka rapat.\n"), ("y", "Aku duluan. Bupati Contoh membuka rapat.\n")):
        (tmp_path / d).mkdir()
        (tmp_path / d / "same.txt").write_text(text)
    errs_a, errs_b = [], []
    a = in_memory([tmp_path / "x", tmp_path / "y"], tmp_path / "mem", on_error=lambda p, r: errs_a.append(p))
    b = streamed([tmp_path / "y", tmp_path / "x"], tmp_path / "st", on_error=lambda p, r: errs_b.append(p))
    assert a == b and errs_a == errs_b and len(errs_a) == 1


def test_plan_orders_by_id_without_reading_texts(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.jsonl").write_text('{"text": "1"}\n\n{"text": "2"}\n')
    assert [s.id for s in plan([tmp_path], report=lambda *a: None)] == ["a.jsonl#1", "a.jsonl#3", "b.txt"]


def test_the_index_keeps_samples_not_every_source(tmp_path):
    """Memory is bounded by the index: per entity a count, 50 article ids and 5 sources."""
    src = tmp_path / "src"
    src.mkdir()
    seed = sorted((ROOT / "sources").glob("*.txt"))[1].read_bytes()
    for i in range(60):
        (src / f"{i:03d}.txt").write_bytes(seed)
    graph = build_streaming([src], tmp_path / "out", jobs=2)
    try:
        nodes = graph._nodes.values()
        assert max(n.count for n in nodes) == 60
        assert all(len(n.articles) <= 50 and len(n.evidence) <= 5 and len(n.texts) <= 5 for n in nodes)
        assert not hasattr(graph, "sentences")
        assert all(a.text == "" for a in graph.articles.values())
    finally:
        graph.discard()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_kg_build_with_a_relative_output_folder_writes_the_same_files(tmp_path, monkeypatch):
    from kg.cli import main

    expected = in_memory([ROOT / "sources"], tmp_path / "mem")
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(ROOT / "sources"), "-o", "rel/", "--jobs", "2"]) == 0
    assert files(tmp_path / "rel") == expected


def test_a_json_lines_file_over_20_mib_is_read_line_by_line(tmp_path):
    from kg.readers import MAX_BYTES

    line = json.dumps({"title": "Rapat Koordinasi", "text": "Bupati Contoh membuka rapat koordinasi. " * 60}) + "\n"
    n = MAX_BYTES // len(line) + 50
    (tmp_path / "big.jsonl").write_text(line * n, encoding="utf-8")
    sources = plan([tmp_path / "big.jsonl"], report=lambda p, r: pytest.fail(f"{p}: {r}"))
    assert len(sources) == n


def test_turtle_written_in_small_chunks_is_the_same_file(tmp_path, monkeypatch):
    import kg.stream

    monkeypatch.setattr(kg.stream, "TTL_CHUNK", 7)
    a = in_memory([ROOT / "sources"], tmp_path / "mem")
    b = streamed([ROOT / "sources"], tmp_path / "stream")
    assert a["graph.ttl"] == b["graph.ttl"] and a["graph.nt"] == b["graph.nt"]


@pytest.mark.parametrize("batches", [
    [({"Kepala Dinas Pendidikan"}, "Kepala Dinas Pendidikan")],
    [({"Bupati Sleman", "Bupati Kabupaten Sleman"}, "Bupati Sleman"),
     ({"Bupati Sleman"}, "Bupati Kabupaten Sleman"), (set(), "Bupati Sleman")],
    [({f"Camat Wilayah {i}" for i in range(k, k + 20)}, f"Camat Wilayah {k}") for k in range(0, 200, 7)],
    [({"nama\x00dengan pemisah", "Lurah Sukamaju"}, "Lurah Sukamaju"), ({"Lurah Sukamaju", ""}, "nama\x00lain")],
])
def test_packed_names_hold_the_same_names_as_a_set(batches):
    """The index packs an entity's names in one string: the same names as a set union,
    whatever the order of arrival, a name holding the separator included."""
    from kg.stream import _Names

    names, expected = _Names(), set()
    for batch, label in batches:
        names.update(frozenset(batch), label)
        expected |= batch | {label}
    assert names.as_set() == expected
    assert names.as_set() == expected  # folding twice changes nothing
    names.update(frozenset(), "Kepala Baru")
    assert names.as_set() == expected | {"Kepala Baru"}


def test_plan_keeps_one_source_per_id_in_order_of_id(tmp_path):
    """Two files with one name (one id) in two folders: the same text counts once; a
    different text is reported and the text that sorts first is kept."""
    body = "Bupati Sleman membuka rapat koordinasi di Pendopo Kabupaten Sleman, Senin (4/3/2024).\n"
    for folder, name, text in (("a", "berita.txt", "A. " + body), ("b", "berita.txt", "B. " + body),
                               ("a", "lain.txt", body), ("b", "lain.txt", body), ("a", "awal.txt", body)):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_text(text, encoding="utf-8")
    reports = []
    sources = plan([tmp_path / "b", tmp_path / "a"], report=lambda path, reason: reports.append((path, reason)))
    assert [s.id for s in sources] == ["awal.txt", "berita.txt", "lain.txt"]
    assert sources[1].article.text.startswith("A. ")
    assert len(reports) == 1 and reports[0][0].endswith("b/berita.txt") and "kept" in reports[0][1]
