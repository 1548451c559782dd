"""Relation rules on small invented articles, run through the whole pipeline."""
import datetime as dt

import pytest

from kg.model import Article
from kg.pipeline import Pipeline


def extract(body: str, *, title: str | None = None, published=dt.date(2024, 3, 7), dateline=None):
    text = (title + "\n\n" if title else "") + body
    start = len(title) + 2 if title else 0
    art = Article("test.txt", "test.txt", text, ((start, len(text)),), title=title,
                  title_span=(0, len(title)) if title else None, published=published, dateline=dateline)
    graph = Pipeline()(art)
    labels = {k: e.label for k, e in graph.entities.items()}
    facts = {(labels.get(f.relation.subject, f.relation.subject), f.relation.predicate,
              labels.get(f.relation.object, f.relation.object)) for f in graph.facts}
    return graph, facts


def test_holds_office_and_office_of():
    _, facts = extract("Ketua Bawaslu Kota Pontianak, Taufik, menjadi narasumber dalam Sosialisasi itu.")
    assert ("Taufik", "holdsOffice", "Ketua Bawaslu Kota Pontianak") in facts
    assert any(p == "officeOf" and s == "Ketua Bawaslu Kota Pontianak" for s, p, _ in facts)


def test_acting_holding_is_qualified():
    graph, _ = extract("Pj Bupati Aceh Utara, Rahmatsyah, membuka Rakor Kepegawaian di Lhokseumawe.")
    holding = next(f for f in graph.facts if f.relation.predicate == "holdsOffice")
    assert "acting" in holding.relation.qualifiers


def test_opener_speaks_and_listed_guests_attend():
    _, facts = extract(
        "Bupati Sijunjung, Arman Syahputra membuka Rapat Koordinasi (Rakor) Pembangunan di Aula Kantor Bupati, "
        "Jumat (5/4/2024). Rakor itu dihadiri Wakil Bupati Zulkarnain dan Sekretaris Daerah Edi Saputra.",
        published=dt.date(2024, 4, 5))
    rakor = next(o for s, p, o in facts if p == "spokeAt")
    assert ("Arman Syahputra", "spokeAt", rakor) in facts
    assert ("Zulkarnain", "attended", rakor) in facts
    assert ("Edi Saputra", "attended", rakor) in facts
    assert (rakor, "heldOn", "2024-04-05") in facts
    assert (rakor, "heldIn", "Aula Kantor Bupati") in facts


def test_quote_attribution_with_pronoun_cites_law():
    _, facts = extract(
        "Asisten Deputi Koordinasi Wawasan Kebangsaan Kemenko Polhukam, Asep Sunandar, berbicara dalam workshop "
        "yang digelar oleh Pemerintah Kota Bogor, Sabtu (14/9/2024). “Pelanggaran terhadap Undang-Undang Nomor 20 "
        "Tahun 2023 tentang Aparatur Sipil Negara,” jelasnya.", published=dt.date(2024, 9, 14))
    assert ("Asep Sunandar", "cites", "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara") in facts
    assert any(p == "organizedBy" and o == "Pemerintah Kota Bogor" for _, p, o in facts)


def test_organizer_before_the_verb():
    _, facts = extract("Pemkab Rejang Lebong bersama Bawaslu menggelar sosialisasi netralitas ASN di Aula Hotel Mutiara "
                       "Curup, Kamis (13/7/2023).", published=dt.date(2023, 7, 14))
    organizers = {o for s, p, o in facts if p == "organizedBy"}
    assert "Pemerintah Kabupaten Rejang Lebong" in organizers
    assert any("Bawaslu" in o for o in organizers)


def test_no_event_no_roles():
    _, facts = extract("Kepala BKN, Bambang Setiawan, mengatakan ASN harus netral.")
    assert not any(p in ("spokeAt", "attended") for _, p, _ in facts)


@pytest.mark.parametrize("body, year", [
    ("ASN wajib netral menjelang Pemilu tahun ini.", 2024),
])
def test_election_without_year_takes_the_next_one(body, year):
    graph, _ = extract(body, published=dt.date(2023, 5, 1))
    assert f"event:pemilu-{year}" in graph.entities


def test_date_range_gives_start_and_end():
    _, facts = extract("Rapat Koordinasi (Rakor) Kepegawaian digelar di Gedung Serbaguna Setda Jambi mulai hari Senin "
                       "22 Mei hingga 25 Mei 2023.", published=dt.date(2023, 5, 20))
    rakor = next(s for s, p, o in facts if p == "heldOn")
    assert (rakor, "heldOn", "2023-05-22") in facts
    assert (rakor, "endDate", "2023-05-25") in facts
