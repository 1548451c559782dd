import pytest


def events(extract, text, **kw):
    return extract(text, types={"Event"}, **kw)


@pytest.mark.parametrize("text, key", [
    ("ASN harus netral pada Pemilu 2024.", "event:pemilu-2024"),
    ("Menjelang Pilkada Serentak 2024, ASN diingatkan.", "event:pilkada-2024"),
    ("Netralitas ASN pada Pemilukada Tahun 2024.", "event:pilkada-2024"),
    ("Pemilihan Umum (Pemilu) dan Pemilihan Kepala Daerah (Pilkada) tahun 2024 segera tiba.", "event:pemilu-2024"),
    ("KPU menyelenggarakan Pemilukada Sumsel 2018.", "event:pilkada-16-2018"),
    ("ASN harus netral dalam Pilkada 2024 di Kabupaten Bulukumba.", "event:pilkada-73.02-2024"),
    ("Pilkada serentak 2024 di Kabupaten Bogor berjalan lancar.", "event:pilkada-2024"),
    ("Pemilu 2024 di Kota Medan berjalan lancar.", "event:pemilu-2024"),
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


# ---------------------------------------------------------------- hearings, sittings, debates
@pytest.mark.parametrize("text, kind", [
    ("Jaksa membacakan dakwaan dalam persidangan di Pengadilan Negeri Banda Aceh, Jumat.", "Sidang"),
    ("Wali kota memimpin rapat penanganan banjir di Balai Kota Medan.", "Rapat"),
    ("Ketua komisi menegur kepala dinas di awal rapat komisi B, Senin (4/3/2024).", "Rapat"),
    ("Aula Serbaguna menjadi saksi bagi debat publik kedua pasangan calon bupati.", "Debat"),
    ("Kepala BNPB melakukan kunjungan kerja ke Kabupaten Ogan Ilir, Selasa (5/3/2024).", "Kunjungan Kerja"),
    ("Kejati Papua menggelar ekspos kasus dana desa di Jayapura.", "Ekspos"),
    ("Sidang Pembacaan Tuntutan terhadap terdakwa digelar di Pengadilan Negeri Palu.", "Sidang"),
])
def test_hearings_and_sittings(extract, text, kind):
    assert kind in {m.value for m in events(extract, text) if "anaphora" not in m.qualifiers}


@pytest.mark.parametrize("text", [
    "Pihaknya akan rapat dengan warga dan melakukan kunjungan.",
    "Ketua majelis menyatakan sidang selanjutnya digelar pekan depan.",
    "Rapat berikutnya akan membahas anggaran desa.",
    "Hal itu dibahas dalam rapat.",   # governed, but nothing says which rapat, when or where
])
def test_no_event_from_passing_words_or_other_occurrences(extract, text):
    assert [m for m in events(extract, text) if "anaphora" not in m.qualifiers] == []


def test_agenda_is_part_of_the_sitting(extract):
    found = events(extract, "Rapat Paripurna DPRD Kabupaten Bogor dengan agenda Penyampaian Pandangan Umum Fraksi "
                            "atas Ranperda digelar Senin.")
    assert [m.value for m in found] == ["Rapat Paripurna"]
    assert "dengan agenda Penyampaian" in found[0].label


@pytest.mark.parametrize("text", [
    "DKPP memeriksa dugaan pelanggaran Kode Etik Penyelenggara Pemilu (KEPP) di Makassar.",
    "Partai mengunggah dokumen ke Sistem Informasi Partai Politik Peserta Pemilu (Sipol) KPU.",
])
def test_election_word_inside_an_acronym_name_is_no_election(extract, text):
    assert [m for m in events(extract, text) if "election" in m.qualifiers] == []


def test_dated_act_carries_a_name(extract):
    found = events(extract, "Bupati Contoh Raya menyerahkan bantuan paket sembako kepada warga di Kantor Camat "
                            "Sukamaju, Rabu (7/12/2022).")
    verb = [m for m in found if "verb" in m.qualifiers]
    assert verb and "anchored" in verb[0].qualifiers and verb[0].label == "Penyerahan bantuan paket sembako"


def test_undated_act_is_only_a_reference(extract):
    found = events(extract, "Bantuan itu diserahkan kepada warga.")
    assert all("anchored" not in m.qualifiers for m in found)


@pytest.mark.parametrize("text", [
    "ASN harus netral pada PEMİLU 2024.",     # dotted capital I
    "ASN harus netral pada Pemılu 2024.",     # dotless i
])
def test_election_word_with_a_turkish_i_is_the_election(extract, text):
    # The case-blind regex matches these spellings; the article used to fail with a KeyError.
    assert "event:pemilu-2024" in {m.key for m in events(extract, text)}
