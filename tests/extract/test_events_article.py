"""One node per event within an article: invented articles through the whole pipeline."""
import datetime as dt

import pytest

from kg.model import Article
from kg.pipeline import Pipeline


def build(body, published=dt.date(2024, 3, 7)):
    art = Article("t.txt", "t.txt", body, ((0, len(body)),), published=published)
    graph = Pipeline()(art)
    events = {k: e for k, e in graph.entities.items() if e.type == "Event" and "pemilu" not in k and "pilkada" not in k}
    facts = {(f.relation.subject, f.relation.predicate, f.relation.object) for f in graph.facts}
    return events, facts


@pytest.mark.parametrize("body", [
    # the act is done through the sitting
    "Penyerahan laporan keuangan dilakukan melalui Rapat Paripurna DPRD Kabupaten Bogor, Senin (4/3/2024). "
    "Rapat Paripurna DPRD Kabupaten Bogor dipimpin Ketua DPRD Rudi Susanto.",
    # the agenda of the sitting
    "Rapat Paripurna DPRD Kota Medan dengan agenda Penyampaian Nota Keuangan digelar Senin (4/3/2024). "
    "Penyampaian Nota Keuangan dibacakan Wali Kota Medan Bobby Susanto.",
    # a lower-case "rapat ..." after the sitting is named is the same sitting
    "Rapat Paripurna DPRD Kota Medan digelar Senin (4/3/2024). Ketua DPRD Rudi Susanto memimpin jalannya "
    "rapat persidangan dengan tertib.",
])
def test_one_event_per_sitting(body):
    events, _ = build(body)
    assert len(events) == 1 and next(iter(events)).startswith("event:rapat-paripurna@")


def test_act_dated_and_placed_is_the_article_event():
    events, facts = build(
        "Bupati Contoh Raya Ahmad Fauzi menyerahkan bantuan paket sembako kepada warga di Kantor Camat Sukamaju, "
        "Rabu (6/3/2024). Kegiatan ini dihadiri Camat Sukamaju Budi Santoso.")
    assert len(events) == 1
    key, ev = next(iter(events.items()))
    assert ev.label == "Penyerahan bantuan paket sembako"
    assert (key, "heldOn", "2024-03-06") in facts
    assert any(s == key and p == "heldIn" for s, p, _ in facts)


def test_act_without_date_or_place_makes_no_event():
    events, _ = build("Bupati Contoh Raya Ahmad Fauzi menyerahkan bantuan paket sembako kepada warga.")
    assert events == {}


def test_next_sitting_is_not_the_sitting():
    events, _ = build("Sidang Perkara Korupsi Dana Desa digelar di Pengadilan Negeri Palu, Selasa (5/3/2024). "
                      "“Sidang selanjutnya akan menghadirkan saksi ahli,” kata jaksa.")
    assert len(events) == 1 and "selanjutnya" not in next(iter(events.values())).label


@pytest.mark.parametrize("body, day, not_day", [
    ("Bupati Contoh Raya Ahmad Fauzi membuka Musrenbang Kecamatan Sukamaju di Aula Kantor Camat Sukamaju, "
     "Senin (4/3/2024). Usulan desa diserahkan paling lambat 31 Maret 2024.", "2024-03-04", "2024-03-31"),
    ("KPU Kota Contoh menggelar Rapat Pleno Terbuka Penetapan Calon Terpilih Hasil Pilkada serentak tanggal "
     "27 November 2024, di Hotel Sukamaju, Kamis (9/1/2025).", "2025-01-09", "2024-11-27"),
    ("Rapat Persiapan Kunjungan Menteri digelar di Aula Kantor Gubernur, Rabu (15/7/2020), sesuai surat "
     "Nomor 100/757/Adpim tanggal 13 Juli 2020.", "2020-07-15", "2020-07-13"),
    ("Bupati Contoh Raya Ahmad Fauzi membuka Rapat Koordinasi Stunting, Senin (4/3/2024). “Rapat berikutnya "
     "kita gelar Senin, 18 Maret 2024,” katanya.", "2024-03-04", "2024-03-18"),
])
def test_held_on_is_the_event_day_not_a_deadline_a_document_or_another_day(body, day, not_day):
    events, facts = build(body)
    key = next(k for k in events)
    days = {o for s, p, o in facts if s == key and p == "heldOn"}
    assert day in days and not_day not in days


def test_election_written_with_its_day_is_held_on_it():
    _, facts = build("KPU Kota Contoh menetapkan calon terpilih hasil Pilkada serentak tanggal 27 November 2024 "
                     "dalam Rapat Pleno Terbuka di Hotel Sukamaju, Kamis (9/1/2025).")
    assert ("event:pilkada-2024", "heldOn", "2024-11-27") in facts


def labelled(body):
    art = Article("t.txt", "t.txt", body, ((0, len(body)),), published=dt.date(2024, 3, 7))
    graph = Pipeline()(art)
    labels = {k: e.label for k, e in graph.entities.items()}
    return {(labels.get(f.relation.subject), f.relation.predicate, labels.get(f.relation.object, f.relation.object))
            for f in graph.facts}


def test_body_that_installs_holds_the_installation():
    facts = labelled("Komisi Pemilihan Umum (KPU) Kabupaten Bulungan melantik 50 anggota PPK di Hotel Sukamaju, "
                     "Rabu (4/1/2023).")
    assert any(p == "organizedBy" and "Bulungan" in o for _, p, o in facts)


def test_guests_attend_the_event_named_before_the_guest_list():
    facts = labelled("Setelah melakukan patroli udara, Kepala BNPB Suharto Wibowo memimpin rapat penanganan banjir "
                     "di Kantor Gubernur Jambi, Selasa (5/3/2024), dihadiri oleh Wakil Gubernur Jambi Ahmad Fauzi.")
    attended = {o for s, p, o in facts if p == "attended" and s == "Ahmad Fauzi"}
    assert attended and all(o.startswith("rapat penanganan banjir") for o in attended)


def test_held_at_the_venue_not_at_a_region_talked_about():
    facts = labelled("Rapat Koordinasi Penanganan Banjir di Kabupaten Bogor digelar di Aula Kantor Gubernur Jawa "
                     "Barat, Senin (4/3/2024).")
    places = {o for s, p, o in facts if p == "heldIn"}
    assert places and all(o.startswith("Aula") for o in places)


def test_held_at_a_body_is_held_in_its_region():
    facts = labelled("Sidang Pembacaan Dakwaan Perkara Dana Desa digelar di Pengadilan Negeri Banda Aceh, "
                     "Jumat (8/3/2024).")
    assert {o for s, p, o in facts if p == "heldIn"} == {"Banda Aceh"}


def test_place_and_day_go_to_the_event_named_before_them():
    facts = labelled("Usai Apel Siaga Bencana, Wali Kota Bogor membuka Rapat Koordinasi Kebencanaan di Aula Balai "
                     "Kota Bogor, Senin (4/3/2024).")
    assert {s for s, p, o in facts if p == "heldIn"} == {"Rapat Koordinasi Kebencanaan"}


def test_anaphora_resolves_to_the_event_and_is_never_a_name():
    events, _ = build("Bupati Contoh Raya Ahmad Fauzi membuka Sosialisasi Netralitas ASN di Aula Kantor Bupati, "
                      "Senin (4/3/2024). Kegiatan tersebut diikuti 200 peserta. Acara itu ditutup siang hari.")
    assert len(events) == 1
    names = {n.casefold() for n in next(iter(events.values())).names}
    assert "kegiatan tersebut" not in names and "acara itu" not in names


@pytest.mark.parametrize("body, label", [
    ("Rapat Dengar Pendapat Komisi B selalu erat kaitannya dengan anggaran, Senin (4/3/2024).",
     "Rapat Dengar Pendapat Komisi B"),
    ("Rapat Koordinasi Stunting hari ini digelar di Aula Kantor Camat, Senin (4/3/2024).", "Rapat Koordinasi Stunting"),
])
def test_event_name_stops_before_a_clause(body, label):
    events, _ = build(body)
    assert [e.label for e in events.values()] == [label]


def test_one_regions_election_is_held_there():
    _, facts = build("Bawaslu menerima laporan dugaan pelanggaran dalam Pilkada 2024 di Kabupaten Bulukumba.")
    assert ("event:pilkada-73.02-2024", "heldIn", "place:73.02") in facts
