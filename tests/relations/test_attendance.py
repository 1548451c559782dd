"""Attendance rules (kg/relations/attendance.py) on invented articles."""
import datetime as dt

import pytest

from kg.model import Article
from kg.pipeline import Pipeline


def extract(body: str, *, published=dt.date(2024, 3, 7)):
    art = Article("test.txt", "test.txt", body, ((0, len(body)),), published=published)
    graph = Pipeline()(art)
    labels = {k: e.label for k, e in graph.entities.items()}
    return graph, {(labels.get(f.relation.subject, f.relation.subject), f.relation.predicate,
                    labels.get(f.relation.object, f.relation.object)) for f in graph.facts}

OPENING = ("Bupati Bantul, Ahmad Fauzi membuka Rapat Koordinasi Penanganan Stunting di Aula Kantor Bupati "
           "Bantul, Senin (4/3/2024). ")


def attended(facts):
    return {s for s, p, _ in facts if p == "attended"}


@pytest.mark.parametrize("sentence, people", [
    ("Turut hadir Wakil Ketua DPRD Bantul Rudi Hartono, Dewi Lestari dan Agus Salim.",
     {"Rudi Hartono", "Dewi Lestari", "Agus Salim"}),
    ("Hadir pula Kapolres Bantul AKBP Hendra Gunawan serta Sekretaris Daerah Bambang Suryadi.",
     {"Hendra Gunawan", "Bambang Suryadi"}),
    ("Hadir dalam kegiatan tersebut Kepala Dinas Kesehatan Siti Rahmawati.", {"Siti Rahmawati"}),
    ("Rapat itu dihadiri oleh Camat Sewon, Joko Widodo Santoso, dan Lurah Mekarsari, Agus Priyanto.",
     {"Joko Widodo Santoso", "Agus Priyanto"}),
])
def test_listed_guests_attend(sentence, people):
    _, facts = extract(OPENING + sentence, published=dt.date(2024, 3, 4))
    assert people <= attended(facts)
    assert "Ahmad Fauzi" not in attended(facts)   # the opener spoke


def test_subject_of_taking_part_attends():
    _, facts = extract(OPENING + "Wakil Bupati Bantul Hendra Wijaya bersama Ketua DPRD Bantul Budi Santoso "
                                 "turut menghadiri rapat tersebut.", published=dt.date(2024, 3, 4))
    assert {"Hendra Wijaya", "Budi Santoso"} <= attended(facts)


@pytest.mark.parametrize("sentence, absentee", [
    ("Namun rapat itu tidak dihadiri Kepala Dinas Sosial Bantul Rahmat Hidayat.", "Rahmat Hidayat"),
    ("Kepala Dinas Sosial Bantul Rahmat Hidayat batal hadir karena tugas lain.", "Rahmat Hidayat"),
    ("Kepala Dinas Sosial Bantul, Rahmat Hidayat tak hadir dan hanya diwakili sekretarisnya.", "Rahmat Hidayat"),
])
def test_absentees_never_attend(sentence, absentee):
    _, facts = extract(OPENING + "Rapat dihadiri para camat. " + sentence, published=dt.date(2024, 3, 4))
    assert absentee not in attended(facts)


def test_representative_attends():
    _, facts = extract(OPENING + "Kepala Dinas Sosial Bantul berhalangan hadir dan diwakili oleh "
                                 "Sekretaris Dinas Sosial Bantul Yusuf Maulana.", published=dt.date(2024, 3, 4))
    assert "Yusuf Maulana" in attended(facts)


def test_staff_of_a_body_do_not_make_it_attend():
    _, facts = extract(OPENING + "Rapat dihadiri para pegawai di lingkungan Pemerintah Kabupaten Bantul.",
                       published=dt.date(2024, 3, 4))
    assert "Pemerintah Kabupaten Bantul" not in attended(facts)


def test_the_people_installed_attend_the_installation():
    _, facts = extract("Gubernur Sulawesi Tengah, Rusdi Mastura, melantik Hendra Kusuma sebagai Penjabat Bupati "
                       "Poso dan Wahyu Pratama sebagai Penjabat Bupati Sigi dalam Pelantikan di Palu, Senin (4/3/2024).",
                       published=dt.date(2024, 3, 4))
    assert {"Hendra Kusuma", "Wahyu Pratama"} <= attended(facts)


def test_no_event_no_attendance():
    _, facts = extract("Turut hadir Wakil Ketua DPRD Bantul Rudi Hartono dan Dewi Lestari.")
    assert not attended(facts)


def test_an_office_named_alone_stands_for_its_holder():
    _, facts = extract("Gubernur Jawa Tengah, Ganjar Santoso, menerima penghargaan di Semarang. " + OPENING +
                       "Rapat dihadiri oleh Gubernur Jawa Tengah, para camat dan Kepala Dinas Kesehatan Bantul "
                       "Siti Rahmawati.", published=dt.date(2024, 3, 4))
    assert {"Ganjar Santoso", "Siti Rahmawati"} <= attended(facts)


def test_signing_parties_attend():
    _, facts = extract("Pemerintah Kabupaten Bantul menggelar Penandatanganan Nota Kesepahaman di Aula Kantor Bupati "
                       "Bantul, Senin (4/3/2024). Penandatanganan dilakukan antara Pemerintah Kabupaten Bantul dan "
                       "Badan Pusat Statistik.", published=dt.date(2024, 3, 4))
    assert "Badan Pusat Statistik" in attended(facts)


def test_taking_part_in_an_election_is_no_attendance():
    _, facts = extract(OPENING + "Partai Golkar ikut Pemilu 2024 dengan calon terbanyak.", published=dt.date(2024, 3, 4))
    assert not any(p == "attended" and s.startswith("Partai") for s, p, _ in facts)
