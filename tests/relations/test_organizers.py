"""Who organized an event (kg/relations/organizers.py), on invented articles run through the pipeline."""
import datetime as dt

from kg.model import Article
from kg.pipeline import Pipeline

PIPELINE = Pipeline()


def organized(body: str, *, published=dt.date(2024, 10, 2)):
    art = Article("test.txt", "test.txt", body, ((0, len(body)),), published=published)
    graph = PIPELINE(art)
    return {(f.relation.subject, f.relation.object) for f in graph.facts if f.relation.predicate == "organizedBy"}


def test_a_sitting_is_held_by_its_council():
    got = organized("Rapat Paripurna DPRD Kota Banjarbaru digelar Senin (30/9/2024) di Gedung DPRD.")
    assert any(o == "org:dprd:63.72" for _, o in got)


def test_the_partner_after_dengan_is_no_host():
    got = organized("Rapat Dengar Pendapat Komisi II DPRD Kota Banjarbaru dengan Dinas Pendidikan Kota Banjarbaru "
                    "berlangsung Selasa (1/10/2024).")
    hosts = {o for _, o in got}
    assert "org:dprd:63.72" in hosts
    assert not any("dinas" in o or "disdik" in o for o in hosts)


def test_body_named_by_oleh_after_the_event():
    got = organized("Wali kota menghadiri rapat kerja nasional pengadaan barang/jasa pemerintah oleh Lembaga "
                    "Kebijakan Pengadaan Barang/Jasa Pemerintah (LKPP) di Jakarta, Rabu (2/10/2024).")
    assert any(o == "org:lkpp" for _, o in got)


def test_oleh_before_a_person_is_no_organizer():
    got = organized("Rapat koordinasi dibuka oleh Wali Kota Banjarbaru, Andi Saputra, di Aula Balai Kota, "
                    "Rabu (2/10/2024).")
    assert got == set()


def test_acara_ini_is_the_main_event():
    got = organized("Sosialisasi Netralitas ASN berlangsung di Aula Gawi Sabarataan, Rabu (2/10/2024). Acara ini "
                    "diselenggarakan oleh Bawaslu Kota Banjarbaru dan diikuti 200 pegawai.")
    assert any(o == "org:bawaslu:63.72" for _, o in got)
