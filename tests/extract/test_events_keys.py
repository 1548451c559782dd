"""Event keys name their article: two articles never share a generic event, also when
they are two lines of one JSON Lines file."""
import json

import pytest

from kg.pipeline import build
from kg.resolve import article_tag


@pytest.mark.parametrize("article_id, tag", [
    ("berita-1.txt", "berita-1"),
    ("Berita Satu.html", "berita-satu"),
    ("corpus.jsonl#12", "corpus#12"),
    ("corpus.jsonl#45", "corpus#45"),
    ("tanpa_ekstensi", "tanpa-ekstensi"),
])
def test_article_tag(article_id, tag):
    assert article_tag(article_id) == tag


def test_line_numbers_keep_tags_apart():
    assert article_tag("corpus.jsonl#1") != article_tag("corpus.jsonl#2")
    assert article_tag("corpus.jsonl#1") != article_tag("corpus-1.txt")


def test_two_json_lines_do_not_share_a_generic_event(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"title": "Pemkab Contoh Gelar Sosialisasi",
         "text": "Pemerintah Kabupaten Lahat menggelar Sosialisasi Netralitas ASN di Aula Kantor Bupati Lahat, "
                 "Senin (2/10/2023).", "published": "2023-10-02"},
        {"title": "Pemkot Contoh Gelar Sosialisasi",
         "text": "Pemerintah Kota Medan menggelar Sosialisasi Netralitas ASN di Aula Kantor Wali Kota Medan, "
                 "Kamis (9/11/2023).", "published": "2023-11-09"},
    ]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    graph = build([feed])
    events = [e for e in graph.entities() if e.type == "Event"]
    assert len(events) == 2
    assert {e.key for e in events} == {"event:sosialisasi@feed#1", "event:sosialisasi@feed#2"}
