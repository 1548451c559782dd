import pytest


def persons(extract, text, **kw):
    return {m.label: m for m in extract(text, types={"Person"}, **kw)}


@pytest.mark.parametrize("text, name", [
    ("Pj Bupati Aceh Utara, Rahmatsyah, mengintruksikan kepada seluruh ASN.", "Rahmatsyah"),
    ("Kepala BKPSDM Kota Pontianak (Dewi Lestari, S.IP, M.Si) menjadi narasumber.", "Dewi Lestari"),
    ("Asisten I Setda Rejang Lebong, Slamet Riyadi SH MSi menyampaikan bahwa kegiatan ini penting.", "Slamet Riyadi"),
    ("Gubernur Kalimantan Barat, H. Syamsul Bahri, S.H., M. Hum., mengikuti rapat.", "Syamsul Bahri"),
    ("Rapat dipimpin Mendagri RI, Prof. Drs. H. Muhammad Arif Wibowo, M.A., Ph.D., kemarin.", "Muhammad Arif Wibowo"),
    ("“Kita wajib netral,” kata Sulaiman.", "Sulaiman"),
    ("Menurut Asep, ASN memiliki peran penting.", "Asep"),
    ("Sulaiman mengatakan, Indonesia tengah bersiap menghadapi tahun politik.", "Sulaiman"),
    ("Kapolres Lahat AKBP Hariyanto, SIK, didampingi Wakapolres Kompol Yusran mengatakan hal itu.", "Hariyanto"),
    ("Ketua KPU Lahat Joko Susilo mengatakan, pihaknya siap.", "Joko Susilo"),
    ("Bupati Sijunjung, Arman Syahputra melantik pejabat.", "Arman Syahputra"),
    ("Pemateri adalah Fadli Ramadhan, Dirjen Otonomi Daerah Kementerian Dalam Negeri.", "Fadli Ramadhan"),
])
def test_person_found(extract, text, name):
    assert name in persons(extract, text)


@pytest.mark.parametrize("text", [
    "Sementara itu, pemerintah juga ambil bagian dalam Pemilu 2024.",
    "Kegiatan itu diikuti oleh Sekda dan Kepala BKPSDM seluruh Kabupaten/Kota di Aceh.",
    "Selasa (23/05/2023) Rakor Bidang Kepegawaian digelar di Banda Aceh.",
    "Netralitas ASN Harus Terjaga Jelang Pemilu 2024",
])
def test_no_person(extract, text):
    assert persons(extract, text) == {}


def test_person_holds_the_office_next_to_it(extract):
    ms = extract("Ketua Bawaslu Rejang Lebong, Rudi Hartono SE menjelaskan tahapan pemilu.", regions=("17.02",))
    person = next(m for m in ms if m.type == "Person")
    office = next(m for m in ms if m.type == "Office")
    assert person.label == "Rudi Hartono"
    assert ("holdsOffice", office.key) in person.links


@pytest.mark.parametrize("text, name", [
    ("Bupati Lahat, MUHAMMAD RIDHO, membuka apel.", "Muhammad Ridho"),
    ("“Netralitas itu wajib,” kata SUGIHARTO.", "Sugiharto"),
])
def test_names_in_capitals(extract, text, name):
    assert name in persons(extract, text)


@pytest.mark.parametrize("text", ["“Semua siap,” kata ASN itu.", "Kepala OPD hadir dan TKD dibahas."])
def test_acronyms_are_not_names(extract, text):
    assert persons(extract, text) == {}


# ---------------------------------------------------------------- the name model
@pytest.mark.parametrize("text, wrong", [
    ("Bupati Resmikan Pasar Rakyat di Bantul", "Resmikan Pasar"),
    ("Gubernur Sulbar meminta ASN menjaga netralitas.", "Sulbar"),
    ("Camat Tanjung Barat mengatakan warga sudah siap.", "Tanjung Barat"),
    ("Hal itu diatur dalam Perbup No. 12 Tahun 2023, kata Ahmad Fauzi.", "No"),
    ("Danrem 071 Kol Inf. Budi Santoso mengatakan, pasukan siap.", "Kol"),
    ("Sekretariat Andi Wijaya mengatakan berkas sudah lengkap.", "Sekretariat Andi Wijaya"),
    ("Gubernur Tekankan Sinergi Antardaerah", "Tekankan Sinergi"),
])
def test_invented_people_are_killed(extract, text, wrong):
    assert wrong not in persons(extract, text)


def test_faction_word_is_cut_from_the_name(extract):
    assert "Andi Wijaya" in persons(extract, "Sekretariat Andi Wijaya mengatakan berkas sudah lengkap.")


@pytest.mark.parametrize("text, names", [
    ("Rapat itu dihadiri Rudi Hartono, Dewi Lestari, Agus Salim dan Bambang Suryadi.",
     {"Rudi Hartono", "Dewi Lestari", "Agus Salim", "Bambang Suryadi"}),
    ("Anggota komisi yang hadir yakni Daniel Siregar, Renville Napitupulu dan Dedi Saputra.",
     {"Daniel Siregar", "Renville Napitupulu", "Dedi Saputra"}),
    ("Dua terdakwa lain masing-masing Sarmili dan Mahliana.", {"Sarmili", "Mahliana"}),
    ("Jabatan Kepala Dinas Perhubungan kini diisi oleh Agus Priyanto.", {"Agus Priyanto"}),
    ("Mereka adalah Hendra Wijaya dan Siti Aminah (nomor urut 1), Budi Santoso dan Rina Marlina (nomor urut 2).",
     {"Hendra Wijaya", "Siti Aminah", "Budi Santoso", "Rina Marlina"}),
    ("Selanjutnya Syaiful Anwar yang sebelumnya menjabat Kepala Dinas Kominfo kini menjadi Asisten II.",
     {"Syaiful Anwar"}),
    ("Dandim 0735 Kolonel Inf.Hendra Gunawan memimpin apel.", {"Hendra Gunawan"}),
    ("Koordinator wilayah, Rafael O Kambu berharap kasus segera tuntas.", {"Rafael O Kambu"}),
])
def test_people_in_lists_and_appositions(extract, text, names):
    assert names <= set(persons(extract, text))


def test_shared_title_goes_to_every_name(extract):
    ms = extract("Rapat dihadiri Wakil Ketua DPRD Kabupaten Bantul Ekti Nugroho, Yeni Marlina, dan Ananda Putri.")
    people = {m.label: m for m in ms if m.type == "Person"}
    office = next(m for m in ms if m.type == "Office" and m.text.startswith("Wakil Ketua"))
    for name in ("Ekti Nugroho", "Yeni Marlina", "Ananda Putri"):
        assert ("holdsOffice", office.key) in people[name].links


@pytest.mark.parametrize("text", [
    "Rapat itu dihadiri para camat, kepala desa dan tokoh masyarakat.",
    "Sosialisasi diikuti oleh Dinas Pendidikan dan Dinas Kesehatan.",
    "Kegiatan ini dihadiri Kepala Dinas dan Sekretaris Daerah.",
    "Materi disampaikan kepada ASN Perangkat Daerah, Kecamatan dan Kelurahan serta guru.",
])
def test_lists_without_names_give_no_people(extract, text):
    assert persons(extract, text) == {}


@pytest.mark.parametrize("text, name", [
    ("Dakwaan dibacakan JPU Siti Rahmawati dan Agus Priyanto dalam persidangan.", "Agus Priyanto"),
    ("Rapat tidak dihadiri Kadis PUPR Bantul Hendra Gunawan.", "Hendra Gunawan"),
])
def test_titles_and_acronyms_before_a_name_are_dropped(extract, text, name):
    assert name in persons(extract, text)


def test_a_place_named_after_someone_is_no_person(extract):
    assert persons(extract, "Rombongan berangkat dari Lanud Adi Sucipto, Kepala BNPB memimpin peninjauan.") == {}


@pytest.mark.parametrize("text, name, office_start", [
    ("Jabatan Kepala Dinas Sosial Kabupaten Bantul kini diisi oleh Agus Priyanto.", "Agus Priyanto", "Kepala Dinas"),
    ("Jabatan Kasatpol PP Kabupaten Bantul yang sebelumnya dipegang Rudi Hartono, kini diserahkan kepada "
     "Hendra Wijaya.", "Hendra Wijaya", "Kasatpol"),
    ("Budi Santoso yang sebelumnya menjabat Kepala Dinas Sosial Kabupaten Bantul kini menjadi Sekretaris Daerah "
     "Kabupaten Bantul.", "Budi Santoso", "Sekretaris Daerah"),
    ("Kepala Bappeda sebelumnya, Yusuf Maulana definitif sebagai Sekretaris DPRD Kabupaten Bantul.",
     "Yusuf Maulana", "Sekretaris DPRD"),
])
def test_new_holder_of_an_office(extract, text, name, office_start):
    ms = extract(text)
    person = next(m for m in ms if m.type == "Person" and m.label == name)
    office = next(m for m in ms if m.type == "Office" and m.text.startswith(office_start))
    assert ("holdsOffice", office.key) in person.links


def test_former_holder_in_a_handover_gets_no_office(extract):
    ms = extract("Jabatan Kasatpol PP Kabupaten Bantul yang sebelumnya dipegang Rudi Hartono, kini diserahkan "
                 "kepada Hendra Wijaya.")
    rudi = next(m for m in ms if m.type == "Person" and m.label == "Rudi Hartono")
    assert not rudi.links


def test_headline_verb_after_a_name_is_cut():
    import datetime as dt

    from kg.extract.adapters import DateAdapter, LawAdapter
    from kg.extract.institutions import InstitutionExtractor
    from kg.extract.offices import OfficeExtractor
    from kg.extract.people import PersonExtractor
    from kg.pipeline import Context

    text = "Wali Kota Madiun Budi Santoso Minta ASN Jaga Netralitas"
    found = []
    for ex in (DateAdapter(), LawAdapter(), InstitutionExtractor(), OfficeExtractor(), PersonExtractor()):
        ctx = Context(tuple(found), dt.date(2024, 3, 7), dt.date(2024, 3, 7), 2024, (), is_title=True)
        found += ex(text, context=ctx)
    labels = {m.label for m in found if m.type == "Person"}
    assert labels == {"Budi Santoso"}


@pytest.mark.parametrize("text", [
    "Pasien dirujuk ke RSUD Dr. Soekardjo, kata petugas.",
    "Rombongan tiba di Bandara Sultan Hasanuddin, Jumat.",
    "Kantor itu berada di Jalan Kapten Maulana Lubis.",
])
def test_places_named_after_people_are_no_people(extract, text):
    assert persons(extract, text) == {}
