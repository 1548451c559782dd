import pytest


def events(extract, text, **kw):
    return extract(text, types={"Event"}, **kw)


@pytest.mark.parametrize("text, key", [
    ("ASN harus netral pada Pemilu 2024.", "event:pemilu-2024"),
    ("Menjelang Pilkada Serentak 2024, ASN diingatkan.", "event:pilkada-2024"),
    ("Netralitas ASN pada Pemilukada Tahun 2024.", "event:pilkada-2024"),
    ("Pemilihan Umum (Pemilu) dan Pemilihan Kepala Daerah (Pilkada) tahun 2024 segera tiba.", "event:pemilu-2024"),
    ("KPU menyelenggarakan Pemilukada Sumsel 2018.", "event:pilkada-16-2018"),
])
def test_elections(extract, text, key):
    assert key in {m.key for m in events(extract, text)}


@pytest.mark.parametrize("text, label", [
    ("Sekda membuka Rapat Koordinasi (Rakor) Bidang Kepegawaian dengan tema netralitas.",
     "Rapat Koordinasi (Rakor) Bidang Kepegawaian"),
    ("Pemkab menggelar sosialisasi peraturan netralitas Aparatur Sipil Negara (ASN), yang terlaksana kemarin.",
     "sosialisasi peraturan netralitas Aparatur Sipil Negara (ASN)"),
    ("Pemkab Bogor melaksanakan apel siaga bencana, di lapangan.", "apel siaga bencana"),
    ("Asep berbicara dalam workshop yang digelar Pemkot.", "workshop"),
])
def test_event_names(extract, text, label):
    assert label in {m.label for m in events(extract, text)}


def test_event_anaphora(extract):
    found = events(extract, "Kegiatan tersebut dihadiri 60 peserta.")
    assert found and "anaphora" in found[0].qualifiers


def test_lowercase_everyday_word_is_no_event(extract):
    assert events(extract, "Pihaknya akan rapat dengan warga dan melakukan kunjungan.") == []


def test_event_names_its_organizer(extract):
    ev = next(m for m in events(extract, "Usai mengikuti Rakor Pengawasan dan Pengendalian Badan Kepegawaian Negara (BKN) di Denpasar."))
    assert ("organizedBy", "org:bkn") in ev.links
