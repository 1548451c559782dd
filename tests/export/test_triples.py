"""The N-Triples lines written by hand (kg.export.triples): literals escaped as the
N-Triples grammar wants, read back by a parser as the text they came from."""
import pyoxigraph as ox
import pytest

from kg.export.triples import lit, pct_key, pct


@pytest.mark.parametrize("text, expected", [
    ("Kepala Dinas Pendidikan Kabupaten Sleman", '"Kepala Dinas Pendidikan Kabupaten Sleman"'),
    ('Ia berkata "netral" kemarin', '"Ia berkata \\"netral\\" kemarin"'),
    ("baris satu\nbaris dua\tlagi", '"baris satu\\nbaris dua\\tlagi"'),
    ("garis miring \\ terbalik", '"garis miring \\\\ terbalik"'),
    ("kontrol \x01 dan \x7f", '"kontrol \\u0001 dan \\u007F"'),
    ("“Kutipan” dengan é", '"“Kutipan” dengan é"'),
    ("", '""'),
])
def test_literals_are_escaped_and_read_back_as_the_text(text, expected):
    assert lit(text) == expected
    line = f"<http://example.org/s> <http://example.org/p> {lit(text)} .\n".encode("utf-8")
    (triple,) = list(ox.parse(line, format=ox.RdfFormat.N_TRIPLES))
    assert triple.object.value == text


@pytest.mark.parametrize("key", ["org:bkn", "office:kepala@org:setda:31/biro-adpim", "person:budi santoso@32.04"])
def test_the_cached_percent_encoding_of_keys_is_the_plain_one(key):
    assert pct_key(key) == pct(key)
