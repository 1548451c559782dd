"""Districts and villages (kg/extract/subregions.py) on invented sentences; the article-level
rules (nested regions, datelines, unscoped keys) through the whole pipeline."""
import datetime as dt

import pytest

from kg.ingest import parse_article
from kg.model import Article
from kg.pipeline import Pipeline


def places(extract, text, regions=()):
    return {(m.text, m.key) for m in extract(text, regions=regions, types={"Place"}) if m.source == "subregions"}


@pytest.mark.parametrize("text, regions, expected", [
    # a kind word before a name of the data
    ("Bupati meninjau Desa Cikole, Kecamatan Lembang, Kabupaten Bandung Barat.", (),
     {("Desa Cikole", "place:32.17.01.2006"), ("Kecamatan Lembang", "place:32.17.01")}),
    ("Warga Kelurahan Sempur mengikuti kerja bakti.", ("32.71", "32"),
     {("Kelurahan Sempur", "place:32.71.03.1006")}),
    ("Kantor Distrik Wasior ramai dikunjungi.", (), {("Distrik Wasior", "place:92.07.01")}),
    ("Longsor melanda Kecamatan Tanjung Palas Barat pekan lalu.", ("65.01", "65"),
     {("Kecamatan Tanjung Palas Barat", "place:65.01.02")}),
    # the parent written right after the name
    ("Panen raya digelar di Tontalete Minahasa Utara.", (), {("Tontalete", "place:71.06.01.2008")}),
    ("Menteri meninjau gudang di Mapanget Kota Manado.", (), {("Mapanget", "place:71.71.08")}),
    ("Tanah kas desa itu berada di Cikole, Lembang.", ("32.17", "32"), {("Cikole", "place:32.17.01.2006")}),
    # "di X" inside the article's own regency
    ("Ia ditemui di Cisarua, Kamis (28/10/2021).", ("32.17", "32"), {("Cisarua", "place:32.17.03")}),
    # a district's or village's head: a name of the data in the article's regions
    ("Camat Mendo Barat Hendra Wijaya hadir.", ("19.01", "19"), {("Mendo Barat", "place:19.01.04")}),
    ("Kades Cibogo turut diperiksa penyidik.", ("32.17", "32"), {("Cibogo", "place:32.17.01.2012")}),
    # a kind word before a proper name the data does not know: scoped by the nearest region
    ("Warga Kecamatan Sukamaju Utara menolak rencana itu.", ("32.01", "32"),
     {("Kecamatan Sukamaju Utara", "place:32.01:kecamatan-sukamaju-utara")}),
    ("Rombongan mengunjungi Desa Ketapanrame dan Desa Contohrejo di Provinsi Jawa Timur.", ("11.11",),
     {("Desa Ketapanrame", "place:35.16.04.2001"), ("Desa Contohrejo", "place:35:desa-contohrejo")}),
    ("Warga Desa Sukamaju menyambut rombongan.", (), {("Desa Sukamaju", "place:area:desa-sukamaju")}),
])
def test_cued_subregions(extract, text, regions, expected):
    assert places(extract, text, regions) == expected


@pytest.mark.parametrize("text, regions", [
    ("Ia ditemui di Cisarua, Kamis (28/10/2021).", ()),             # no regency to place it in
    ("Tim Sukamaju menang dua gol tanpa balas.", ("32.01",)),        # a village's name without a cue
    ("Penyaluran Dana Desa Rp2,02 triliun tuntas.", ()),             # an amount, not a name
    ("Kasus Dana Desa Puncak Jaya diekspos jaksa.", ("91",)),        # the village fund of a regency
    ("Camat Sukamaju hadir.", ()),                                   # a head's title needs the article's region
    ("Pemerintah desa Tanjung diminta transparan.", ()),             # lower-case kind word, name unknown here
])
def test_no_subregion(extract, text, regions):
    assert places(extract, text, regions) == set()


def test_unknown_village_is_scoped_by_the_region_after_it(extract):
    found = places(extract, "Banjir merendam Desa Contohmakmur, Kabupaten Bandung Barat.")
    assert found == {("Desa Contohmakmur", "place:32.17:desa-contohmakmur")}


def _graph(body, *, title=None, dateline=None, id="test.txt"):
    text = (title + "\n\n" if title else "") + body
    start = len(title) + 2 if title else 0
    art = Article(id, id, text, ((start, len(text)),), title=title,
                  title_span=(0, len(title)) if title else None, published=dt.date(2024, 3, 7), dateline=dateline)
    return Pipeline()(art)


def test_region_inside_a_district_name_is_no_place():
    graph = _graph("Pelantikan PPK Kecamatan Tanjung Palas Barat di Kabupaten Bulungan berjalan lancar.")
    assert "place:65.01.02" in graph.entities
    assert "place:12.21" not in graph.entities  # "Palas" (Padang Lawas) inside the district's name


def test_unscoped_village_stays_inside_its_article():
    a = _graph("Warga Desa Sukamaju menyambut rombongan.", id="satu.txt")
    b = _graph("Warga Desa Sukamaju menolak tambang.", id="dua.txt")
    ka = [k for k, e in a.entities.items() if e.label == "Desa Sukamaju"]
    kb = [k for k, e in b.entities.items() if e.label == "Desa Sukamaju"]
    assert len(ka) == len(kb) == 1 and ka != kb


@pytest.mark.parametrize("text, place", [
    ("WASIOR, KabarContoh.com – Bupati membuka rapat di Aula Kantor Bupati.\n\nRapat berjalan lancar.",
     "place:92.07.01"),
    ("KABAR SATU CONTOH – Bupati membuka rapat.\n\nRapat berjalan lancar.", None),
])
def test_dateline_place(text, place):
    art = parse_article("Judul Berita Contoh\n\n" + text, id="x.txt")
    assert art.dateline  # the slot is read as a dateline either way
    graph = Pipeline()(art)
    if place:
        assert place in graph.entities
    else:
        assert not any(e.type == "Place" for e in graph.entities.values())


@pytest.mark.parametrize("body", [
    "Upacara diawali lagu Indonesia Raya yang dinyanyikan peserta.",
    "Fraksi Partai Demokrasi Indonesia Perjuangan menyampaikan pandangan umum.",
])
def test_indonesia_inside_a_name_is_no_place(body):
    assert "place:indonesia" not in _graph(body).entities


def test_regency_and_city_of_one_name_stay_apart():
    graph = _graph("KPU Kota Bogor dan KPU Kabupaten Bogor menggelar rapat di Kantor Bupati Bogor. "
                   "Ketua KPU Kabupaten Bogor Ahmad Fauzi memimpin rapat.")
    assert {"place:32.01", "place:32.71", "org:kpu:32.01", "org:kpu:32.71"} <= set(graph.entities)
    venue = next(k for k, e in graph.entities.items() if e.label == "Kantor Bupati Bogor")
    assert venue.endswith("32.01")


def test_village_right_before_its_regency_without_di(extract):
    found = places(extract, "Panen Tontalete Minahasa Utara melimpah tahun ini.")
    assert found == {("Tontalete", "place:71.06.01.2008")}


def test_short_venue_name_joins_its_long_unscoped_form():
    graph = _graph("Rapat digelar di Aula Melati Kantor Bupati, Senin. Usai rapat di Aula Melati, peserta makan siang.")
    venues = [k for k, e in graph.entities.items() if e.type == "Place"]
    assert venues == ["place:venue:aula-melati-kantor-bupati@test"]
