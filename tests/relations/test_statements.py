"""Who said what: quotes and reported speech as Statements."""
import datetime as dt

import pytest

from kg.model import Article
from kg.pipeline import Pipeline


def statements(body, published=dt.date(2024, 3, 7)):
    art = Article("t.txt", "t.txt", body, ((0, len(body)),), published=published)
    graph = Pipeline()(art)
    return [(st.speaker, st.quote, st.direct, st.event) for st in graph.statements], graph


def test_quote_attributed_after_it():
    found, _ = statements("Bupati Bondowoso, Hasan Basri, membuka apel siaga bencana. "
                          "“Kesiapsiagaan sangat penting bagi setiap orang,” kata Hasan.")
    assert ("person:hasan-basri", "Kesiapsiagaan sangat penting bagi setiap orang", True,
            next(f[3] for f in found)) in found


def test_nya_attribution_takes_the_last_speaker():
    found, _ = statements("Ketua Bawaslu Kota Pontianak, Taufik, hadir. “ASN wajib netral selama Pilkada,” tegasnya.")
    assert [(s, d) for s, _, d, _ in found] == [("person:taufik@61-71", True)]  # a one-word name is scoped to its region


def test_reported_speech():
    found, _ = statements("Kepala BKN, Bambang Setiawan, menegaskan bahwa netralitas ASN adalah landasan pemerintahan.")
    assert found and found[0][0] == "person:bambang-setiawan" and found[0][2] is False
    assert found[0][1].startswith("netralitas ASN adalah landasan")


def test_statement_at_the_event_the_speaker_spoke_at():
    found, graph = statements("Asisten I Setda Rejang Lebong, Slamet Riyadi membuka sosialisasi netralitas ASN di Aula "
                              "Hotel Mutiara Curup. “Jangan takut terhadap hal itu,” ujarnya.")
    assert found and all(ev and ev.startswith("event:sosialisasi") for _, _, _, ev in found)


def test_quote_without_a_speaker_is_left_out():
    found, _ = statements("“Netralitas adalah harga mati bagi semua aparatur,” demikian bunyi spanduk itu.")
    assert found == []


# ---------------------------------------------------------------- speech at the event or elsewhere
OPENING = ("Bupati Contoh Raya, Ahmad Fauzi, membuka Rapat Koordinasi Pembangunan Desa di Aula Kantor Bupati "
           "Contoh Raya, Senin (4/3/2024). ")


def facts_of(body):
    art = Article("t.txt", "t.txt", body, ((0, len(body)),), published=dt.date(2024, 3, 7))
    graph = Pipeline()(art)
    labels = {k: e.label for k, e in graph.entities.items()}
    assert "Budi Santoso" in labels.values() or "Budi Santoso" not in body
    return {(labels.get(f.relation.subject), f.relation.predicate, labels.get(f.relation.object, f.relation.object))
            for f in graph.facts}


def spoke_at(body):
    return {s for s, p, _ in facts_of(OPENING + body) if p == "spokeAt"}


@pytest.mark.parametrize("body", [
    "Sebelumnya, Wakil Bupati Budi Santoso mengatakan angka stunting di desa terus turun.",
    "Secara terpisah, Wakil Bupati Budi Santoso menjelaskan angka stunting di desa terus turun.",
    "“Angka stunting di desa terus turun,” kata Budi Santoso saat dikonfirmasi.",
    "“Angka stunting di desa terus turun,” ujar Budi Santoso kepada wartawan.",
    "“Angka stunting di desa terus turun,” tutur Budi Santoso melalui pesan WhatsApp.",
    "“Angka stunting di desa terus turun,” kata Budi Santoso kepada contohwarta.com.",
    # the earlier speaker goes on: a pronoun and a quote of his do not bring him to the meeting
    "Sebelumnya, Wakil Bupati Budi Santoso mengatakan angka stunting turun. "
    "“Data posyandu kami perbarui setiap bulan,” ujarnya.",
])
def test_speech_reported_as_earlier_or_elsewhere_is_not_at_the_event(body):
    speakers = spoke_at(body)
    assert "Ahmad Fauzi" in speakers and "Budi Santoso" not in speakers


@pytest.mark.parametrize("body", [
    "“Desa harus menjadi ujung tombak pembangunan,” kata Ahmad Fauzi dalam sambutannya.",
    "Dalam rapat itu, Wakil Bupati Budi Santoso memaparkan angka stunting di desa.",
])
def test_speech_at_the_event(body):
    assert "Budi Santoso" in spoke_at(body) or "Ahmad Fauzi" in spoke_at(body)


def test_event_named_inside_a_quote_is_a_topic_not_the_occasion():
    facts = facts_of(
        OPENING + "“Pekan depan kita laksanakan bimbingan teknis bagi perangkat desa,” kata Ahmad Fauzi.")
    targets = {o for s, p, o in facts if p == "spokeAt" and s == "Ahmad Fauzi"}
    assert targets and all(o.startswith("Rapat Koordinasi") for o in targets)


def test_statement_said_elsewhere_has_no_event():
    found, _ = statements(OPENING + "Sebelumnya, Wakil Bupati Budi Santoso mengatakan angka stunting "
                                    "di desa terus turun.")
    budi = [f for f in found if f[0] == "person:budi-santoso"]
    assert budi and all(ev is None for *_, ev in budi)


def test_nya_attribution_takes_the_last_speaker_not_the_last_name():
    found, _ = statements(
        "Armada Putra mengatakan sidang ditunda. Saksi yang tidak hadir ialah Bupati Banjar Rudi Hartono dan "
        "Wakil Bupati Banjar Sarmili Yusuf. “Sidang dilanjutkan dengan saksi ahli,” ujarnya.")
    quote = [f for f in found if f[1].startswith("Sidang dilanjutkan")]
    assert quote and quote[0][0] == "person:armada-putra"


def test_event_in_reported_content_is_a_topic_not_the_occasion():
    facts = facts_of(OPENING + "Dalam paparannya, Wakil Bupati Budi Santoso mengatakan desa wajib melaksanakan "
                               "studi banding ke daerah lain.")
    targets = {o for s, p, o in facts if p == "spokeAt" and s == "Budi Santoso"}
    assert targets and all(o.startswith("Rapat Koordinasi") for o in targets)



@pytest.mark.parametrize("body", [
    "Rapat itu dihadiri Wakil Bupati Bogor Budi Santoso. Hingga berita ini diturunkan, Budi Santoso belum menjawab "
    "pesan wartawan.",
    "Rapat itu dihadiri Wakil Bupati Bogor Budi Santoso. Budi Santoso enggan berkomentar soal hasil rapat.",
])
def test_who_did_not_answer_did_not_speak(body):
    assert "Budi Santoso" not in spoke_at(body)


def test_who_installs_leads_the_installation():
    facts = facts_of("Bupati Contoh Raya, Ahmad Fauzi melantik 40 pejabat administrator di Aula Kantor Bupati "
                     "Contoh Raya, Kamis (7/3/2024).")
    assert any(s == "Ahmad Fauzi" and p == "spokeAt" for s, p, _ in facts)
