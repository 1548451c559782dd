import pytest


def orgs(extract, text, **kw):
    return {m.key: m for m in extract(text, types={"Organization"}, **kw)}


@pytest.mark.parametrize("text, key", [
    ("Pemerintah Kabupaten (Pemkab) REJANG LEBONG menggelar sosialisasi.", "org:pemda:17.02"),
    ("Pemkab Rejang Lebong menggelar sosialisasi.", "org:pemda:17.02"),
    ("Hal itu disampaikan Pemerintah Aceh.", "org:pemda:11"),
    ("Rakor Badan Kepegawaian Negara (BKN) digelar.", "org:bkn"),
    ("Pihak Kemenpan-RB hadir.", "org:kemenpanrb"),
    ("KemenPANRB menerbitkan surat edaran.", "org:kemenpanrb"),
    ("Bawaslu Kota Pontianak mengawasi.", "org:bawaslu:61.71"),
    ("Polres Lahat menggelar rapat.", "org:polres:16.04"),
    ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan (Kemenko Polhukam) menyoroti.", "org:kemenkopolhukam"),
])
def test_organization_key(extract, text, key):
    assert key in orgs(extract, text)


def test_three_bawaslu_stay_apart(extract):
    keys = set()
    for text in ("Bawaslu RI hadir.", "Bawaslu Kota Pontianak hadir.", "Bawaslu Rejang Lebong hadir."):
        keys |= {k for k in orgs(extract, text) if k.startswith("org:bawaslu")}
    assert keys == {"org:bawaslu", "org:bawaslu:61.71", "org:bawaslu:17.02"}


def test_unit_without_region_takes_the_articles_region(extract):
    assert "org:bkpsdm:17.02" in orgs(extract, "Hadir Kesbangpol, Diskominfo, BKPSDM dan Satpol PP.", regions=("17.02",))


@pytest.mark.parametrize("text", ["Bidang kepegawaian sangat penting.", "batu itu besar.", "Tim kami bekerja."])
def test_common_words_are_not_bodies(extract, text):
    assert orgs(extract, text) == {}


@pytest.mark.parametrize("text, key", [
    ("Rakor digelar di Denpasar, Bali.", "place:51.71"),
    ("ASN di Kota Bogor hadir.", "place:32.71"),
    ("Apel di Kabupaten Bogor.", "place:32.01"),
    ("Gubernur Kalbar hadir.", "place:61"),
])
def test_places(extract, text, key):
    assert key in {m.key for m in extract(text, types={"Place"})}
