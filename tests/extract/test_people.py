import pytest


def persons(extract, text, **kw):
    return {m.label: m for m in extract(text, types={"Person"}, **kw)}


@pytest.mark.parametrize("text, name", [
    ("Pj Bupati Aceh Utara, Mahyuzar, mengintruksikan kepada seluruh ASN.", "Mahyuzar"),
    ("Kepala BKPSDM Kota Pontianak (Yuni Rosdiah, S.IP, M.Si) menjadi narasumber.", "Yuni Rosdiah"),
    ("Asisten I Setda Rejang Lebong, Pranoto Majid SH MSi menyampaikan bahwa kegiatan ini penting.", "Pranoto Majid"),
    ("Gubernur Kalimantan Barat, H. Sutarmidji, S.H., M. Hum., mengikuti rapat.", "Sutarmidji"),
    ("Rapat dipimpin Mendagri RI, Prof. Drs. H. Muhammad Tito Karnavian, M.A., Ph.D., kemarin.", "Muhammad Tito Karnavian"),
    ("“Kita wajib netral,” kata Iskandar.", "Iskandar"),
    ("Menurut Cecep, ASN memiliki peran penting.", "Cecep"),
    ("Iskandar mengatakan, Indonesia tengah bersiap menghadapi tahun politik.", "Iskandar"),
    ("Kapolres Mura AKBP Pambudi, SIK, didampingi Wakapolres Kompol Benny mengatakan hal itu.", "Pambudi"),
    ("Ketua KPU Muratara Agus Maryanto mengatakan, pihaknya siap.", "Agus Maryanto"),
    ("Bupati Sijunjung, Benny Dwifa Yuswir melantik pejabat.", "Benny Dwifa Yuswir"),
    ("Pemateri adalah Akmal Malik, Dirjen Otonomi Daerah Kementerian Dalam Negeri.", "Akmal Malik"),
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
    ms = extract("Ketua Bawaslu Rejang Lebong, Novfry Iranas SE menjelaskan tahapan pemilu.", regions=("17.02",))
    person = next(m for m in ms if m.type == "Person")
    office = next(m for m in ms if m.type == "Office")
    assert person.label == "Novfry Iranas"
    assert ("holdsOffice", office.key) in person.links
