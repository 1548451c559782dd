"""Who said what: quotes and reported speech as Statements."""
import datetime as dt

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
