"""Bad and varied input: every problem is one line naming the file, the rest is built."""
import json
from pathlib import Path

import pytest

import kg
from kg.cli import main

ARTICLE = ("Bupati Lahat Pimpin Apel Siaga\n\nLAHAT, Kabarkita.id – Bupati Lahat, Slamet Riyadi, memimpin apel siaga "
           "bencana di Lapangan Merdeka Lahat, Senin (2/10/2023). “Semua personel siap,” kata Slamet.\n")


def build(paths):
    errors = []
    graph = kg.build(paths, on_error=lambda p, r: errors.append((Path(p).name, r)))
    return graph, errors


def test_markdown_and_html(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.html").write_text(
        "<html><head><title>Bupati Lahat Pimpin Apel</title><script>alert('x')</script>"
        "<style>p{color:red}</style></head><body><nav>Beranda | Berita</nav><article><h1>Bupati Lahat Pimpin Apel</h1>"
        "<p>LAHAT – Bupati Lahat, Slamet Riyadi, memimpin apel siaga bencana di Lapangan Merdeka Lahat, "
        "Senin (2/10/2023).</p><p>“Semua personel siap menghadapi musim hujan tahun ini,” kata Slamet.</p>"
        "</article></body></html>")
    graph, errors = build([tmp_path])
    assert errors == []
    assert sorted(graph.articles) == ["a.md", "b.html"]
    html = graph.articles["b.html"]
    assert "alert" not in html.text and "color:red" not in html.text
    assert "person:slamet-riyadi" in {e.key for e in graph.entities()}


def test_jsonl_lines_and_bad_lines(tmp_path):
    f = tmp_path / "feed.jsonl"
    good = {"title": "Bupati Lahat Pimpin Apel", "text": ARTICLE.split("\n\n", 1)[1], "url": "https://x.example/1",
            "published": "2023-10-02", "publisher": "Kabarkita"}
    f.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"title": "no text"}), "",
                            json.dumps(dict(good, text="Wali Kota Medan membuka rapat koordinasi."))]) + "\n")
    graph, errors = build([f])
    assert sorted(graph.articles) == ["feed.jsonl#1", "feed.jsonl#5"]
    art = graph.articles["feed.jsonl#1"]
    assert art.title == "Bupati Lahat Pimpin Apel" and art.url == "https://x.example/1"
    assert str(art.published) == "2023-10-02" and art.publisher == "Kabarkita"
    reasons = dict(errors)
    assert "not JSON" in reasons["feed.jsonl:2"] and "text" in reasons["feed.jsonl:3"]


@pytest.mark.parametrize("name, data", [
    ("utf16.txt", "\ufeff".encode("utf-16-le") + ARTICLE.encode("utf-16-le")),
    ("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode()),
    ("latin.txt", ARTICLE.replace("“", '"').replace("”", '"').replace("–", "-").encode("cp1252")),
    ("mojibake.txt", ARTICLE.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")),
])
def test_encodings(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    graph, errors = build([tmp_path / name])
    assert errors == []
    text = graph.articles[name].text
    assert "Slamet Riyadi" in text and "Ã" not in text and "â€" not in text


def test_bad_inputs_are_reported_and_the_rest_built(tmp_path, capsys):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "oneline.txt").write_text("Judul\n\n" + ("kata " * 200_000) + "Bupati Lahat hadir.")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    code = main(["build", str(tmp_path), str(tmp_path / "missing.txt"), str(empty_dir), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 3
    lines = [line for line in err.splitlines() if line.startswith("kg: skipped")]
    for name in ("empty.txt", "binary.txt", "big.txt", "missing.txt", "nothing", "bad.jsonl"):
        assert sum(name in line for line in lines) >= 1, name
    assert "Traceback" not in err
    assert (tmp_path / "out" / "graph.ttl").exists()
    graph = kg.build([tmp_path / "good.txt", tmp_path / "oneline.txt"])
    assert {"good.txt", "oneline.txt"} <= set(graph.articles)


def test_folder_with_no_articles_is_an_error(tmp_path, capsys):
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    assert "no article" in capsys.readouterr().err
