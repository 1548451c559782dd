"""Who cites which law (kg/relations/citations.py), on invented articles run through the pipeline."""
import datetime as dt

from kg.model import Article
from kg.pipeline import Pipeline

PIPELINE = Pipeline()


def facts_of(body: str, *, published=dt.date(2024, 10, 2)):
    art = Article("test.txt", "test.txt", body, ((0, len(body)),), published=published)
    graph = PIPELINE(art)
    labels = {k: e.label for k, e in graph.entities.items()}
    return graph, {(labels.get(f.relation.subject, f.relation.subject), f.relation.predicate,
                    labels.get(f.relation.object, f.relation.object))
                   for f in graph.facts}


def cites(facts):
    return {(s, o) for s, p, o in facts if p == "cites"}


def test_speaker_cites_the_law_in_their_sentence():
    _, facts = facts_of("Kepala BKPSDM Kota Banjarbaru, Hendra Wijaya, mengatakan pegawai wajib netral sesuai dengan "
                        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara.")
    assert ("Hendra Wijaya", "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara") in cites(facts)


def test_speaker_cites_every_law_of_a_list():
    _, facts = facts_of("Sekda Kabupaten Banjar, Rahmat Hidayat, mengatakan mutasi mengacu pada UU Nomor 5 Tahun 2014 "
                        "dan PP Nomor 11 Tahun 2017 serta Perbup Nomor 3 Tahun 2020.")
    cited = {o for s, o in cites(facts) if s == "Rahmat Hidayat"}
    assert cited == {"UU Nomor 5 Tahun 2014", "PP Nomor 11 Tahun 2017", "Perbup Nomor 3 Tahun 2020"}


def test_account_carries_over_to_the_next_sentence():
    _, facts = facts_of("Sekda Kabupaten Banjar, Rahmat Hidayat, menegaskan pegawai wajib disiplin. Hal itu sesuai "
                        "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS.")
    assert ("Rahmat Hidayat", "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS") in cites(facts)


def test_quotation_attributed_where_it_closes():
    _, facts = facts_of("Pelapor, Dedi Kurniawan, hadir di ruang sidang. \"Berdasarkan pasal 10 Bawaslu 7 tahun 2022 "
                        "laporan cukup diperiksa kelengkapannya. Namun laporan kami ditolak,\" kata Dedi Kurniawan.")
    assert ("Dedi Kurniawan", "Bawaslu 7 tahun 2022") in cites(facts)


def test_law_named_again_is_cited_by_the_reader():
    _, facts = facts_of(
        "Penjabat itu ditetapkan dengan Keputusan Menteri Dalam Negeri Nomor 100.2.1.3-1234 Tahun 2024. "
        "\"Jalankan amanah ini,\" kata Penjabat Gubernur Kalimantan Selatan, Andi Saputra, membacakan "
        "Keputusan Mendagri di Banjarbaru.")
    assert ("Andi Saputra", "Keputusan Menteri Dalam Negeri Nomor 100.2.1.3-1234 Tahun 2024") in cites(facts)


def test_sitting_cites_the_draft_it_discusses():
    _, facts = facts_of("Rapat Paripurna DPRD Kabupaten Banjar pada Senin (30/9/2024) membahas Ranperda Perubahan "
                        "APBD 2024.")
    assert any(o == "Ranperda Perubahan APBD 2024" and "Rapat Paripurna" in s for s, o in cites(facts))


def test_body_acting_on_a_rule_cites_it():
    graph, _ = facts_of("KPU Kota Banjarbaru menetapkan daftar pemilih tetap berdasarkan PKPU Nomor 7 Tahun 2024.")
    assert [(f.relation.subject, f.relation.object) for f in graph.facts if f.relation.predicate == "cites"] == [
        ("org:kpu:63.72", "law:pkpu-2024-7")]


def test_law_in_a_quote_is_the_speakers_not_the_events():
    _, facts = facts_of(
        "Pemkot Banjarbaru menggelar Sosialisasi Netralitas ASN di Aula Gawi Sabarataan, Rabu (2/10/2024). "
        "Narasumber, Rina Marlina, mengingatkan peserta. \"Politik praktis melanggar UU Nomor 20 Tahun 2023,\" "
        "jelasnya.")
    cited = cites(facts)
    assert ("Rina Marlina", "UU Nomor 20 Tahun 2023") in cited
    assert not any("Sosialisasi" in s for s, _ in cited)


def test_governor_in_a_regulation_name_is_no_speaker():
    _, facts = facts_of("Gubernur Kalimantan Selatan, Andi Saputra, melantik 40 pejabat di Banjarbaru. "
                        "Pegawai berhak atas tunjangan menurut Peraturan Gubernur Nomor 4 Tahun 2019.")
    assert not any(s == "Andi Saputra" for s, _ in cites(facts))
