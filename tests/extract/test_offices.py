import pytest


def offices(extract, text, **kw):
    return [m for m in extract(text, types={"Office"}, **kw)]


@pytest.mark.parametrize("text, office, scope", [
    ("Pj Bupati Aceh Utara, Rahmatsyah, hadir.", "Pj Bupati Aceh Utara", "place:11.08"),
    ("Ketua Bawaslu Kota Pontianak hadir.", "Ketua Bawaslu Kota Pontianak", "org:bawaslu:61.71"),
    ("Plt Kepala BKN RI, Bambang, hadir.", "Plt Kepala BKN RI", "org:bkn"),
    ("Asisten Administrasi Umum Sekda Aceh, Sulaiman AP, membuka rapat.", "Asisten Administrasi Umum Sekda Aceh",
     "org:setda:11"),
    ("Dirjen Otonomi Daerah Kementerian Dalam Negeri hadir.", "Dirjen Otonomi Daerah Kementerian Dalam Negeri",
     "org:kemendagri"),
    ("Kapolres Lahat hadir.", "Kapolres Lahat", "org:polres:16.04"),
    ("Kajati Sultra mendampingi menteri.", "Kajati Sultra", "org:kejati:74"),
    ("Menpan RB, Ahmad Fauzi menekankan hal itu.", "Menpan RB", "org:kemenpanrb"),
])
def test_office_and_its_body(extract, text, office, scope):
    found = offices(extract, text)
    hit = next((m for m in found if " ".join(m.text.split()) == office), None)
    assert hit is not None, [m.text for m in found]
    assert ("officeOf", scope) in hit.links


def test_acting_office_is_marked(extract):
    found = offices(extract, "Pj Bupati Aceh Utara, Rahmatsyah, hadir.")
    assert "acting" in found[0].qualifiers


def test_same_office_written_two_ways_has_one_key(extract):
    a = offices(extract, "Kepala Badan Kepegawaian Negara hadir.")
    b = offices(extract, "Kepala BKN hadir.")
    assert a and b and a[0].key == b[0].key


def test_title_without_body_needs_a_region(extract):
    assert offices(extract, "Bupati tidak bisa sembarangan menghentikan ASN.", regions=()) == []


def test_former_holder_is_marked(extract):
    found = offices(extract, "Mantan Bupati Lahat, Slamet Riyadi, hadir.")
    assert found and "former" in found[0].qualifiers
    found = offices(extract, "Acara itu dihadiri mantan Kapolres Lahat.")
    assert found and "former" in found[0].qualifiers
