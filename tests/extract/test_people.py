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
