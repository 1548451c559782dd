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


def holder_of(extract, text, name, **kw):
    found = extract(text, types={"Person", "Office"}, **kw)
    person = next((m for m in found if m.type == "Person" and name in m.text), None)
    return dict(person.links).get("holdsOffice") if person else None


@pytest.mark.parametrize("text, office, scope", [
    # a fused or section title is tied to the body named after it, not cut short
    ("Kepala Seksi Intelijen Kejari Kota Bogor, Andi Wijaya, menjelaskan hal itu.",
     "Kepala Seksi Intelijen Kejari Kota Bogor", "org:kejari:32.71"),
    ("Kasi Pidsus Kejari Lahat, Rudi Hartono, menjelaskan.", "Kasi Pidsus Kejari Lahat", "org:kejari:16.04"),
    ("Kasat Reskrim Polres Lahat AKP Budi Hartono mengatakan.", "Kasat Reskrim Polres Lahat",
     "org:polres:16.04/satreskrim"),
    ("Kepala Satreskrim Polres Lahat AKP Budi Hartono mengatakan.", "Kepala Satreskrim Polres Lahat",
     "org:polres:16.04/satreskrim"),
    ("Direktur Ditreskrimsus Polda Jawa Barat Kombes Pol Ahmad Fauzi mengatakan.",
     "Direktur Ditreskrimsus Polda Jawa Barat", "org:polda:32/ditreskrimsus"),
    ("Kakanwil Kemenag Jawa Barat, Ahmad Fauzi, membuka acara.", "Kakanwil Kemenag Jawa Barat", "org:kemenag:32"),
    ("Kepala Kanwil Kemenag Jawa Barat, Ahmad Fauzi, membuka acara.", "Kepala Kanwil Kemenag Jawa Barat",
     "org:kemenag:32"),
    ("Kepala Ombudsman RI Perwakilan Jawa Tengah, Siti Rahma, menerima aduan.",
     "Kepala Ombudsman RI Perwakilan Jawa Tengah", "org:ombudsman:33"),
    ("Kepala Kantor Regional IX BKN Jayapura, Yohanes Wenda, hadir.", "Kepala Kantor Regional IX BKN Jayapura",
     "org:bkn:kanreg-bkn-ix"),
    ("Kepala BPK Perwakilan Provinsi Sulawesi Tengah, Made Sudarsa, hadir.",
     "Kepala BPK Perwakilan Provinsi Sulawesi Tengah", "org:bpk:72"),
    ("Koordinator Divisi Teknis KPU Kabupaten Bogor, Budi Santoso, menjelaskan.",
     "Koordinator Divisi Teknis KPU Kabupaten Bogor", "org:kpu:32.01/divisi-teknis"),
    ("Anggota Bawaslu Kota Bogor, Dewi Lestari, hadir.", "Anggota Bawaslu Kota Bogor", "org:bawaslu:32.71"),
    ("Kadis Dukcapil Kabupaten Bogor, Joko Susilo, hadir.", "Kadis Dukcapil Kabupaten Bogor",
     "org:disdukcapil:32.01"),
    ("Kadinkes Kota Bogor, Rina Marlina, hadir.", "Kadinkes Kota Bogor", "org:dinkes:32.71"),
    ("Kadispora Kabupaten Bogor, Rina Marlina, hadir.", "Kadispora Kabupaten Bogor", "org:dispora:32.01"),
    ("Ketua Komisi II DPRD Kota Bogor, Ahmad Fauzi, memimpin rapat.", "Ketua Komisi II DPRD Kota Bogor",
     "org:dprd:32.71/komisi-ii"),
    ("Wakil Ketua DPRD Kabupaten Bogor, Ahmad Fauzi, memimpin rapat.", "Wakil Ketua DPRD Kabupaten Bogor",
     "org:dprd:32.01"),
    ("Sekwan DPRD Kota Bogor, Ahmad Fauzi, membacakan surat.", "Sekwan DPRD Kota Bogor", "org:dprd:32.71"),
    ("Dandim 0621/Kabupaten Bogor Letkol Inf Ahmad Fauzi hadir.", "Dandim 0621/Kabupaten Bogor", "org:kodim:0621"),
    ("Pangdam XVIII/Kasuari Mayjen TNI Ahmad Fauzi hadir.", "Pangdam XVIII/Kasuari", "org:kodam:xviii"),
    ("Danrem 061/Suryakancana Kolonel Inf Ahmad Fauzi hadir.", "Danrem 061/Suryakancana", "org:korem:061"),
    ("Asintel Kejati Papua, Yohanes Wenda, hadir.", "Asintel Kejati Papua", "org:kejati:91"),
    ("Dirreskrimsus Polda Jawa Barat Kombes Pol Ahmad Fauzi mengatakan.", "Dirreskrimsus Polda Jawa Barat",
     "org:polda:32/ditreskrimsus"),
    ("Rektor Universitas Sukamaju Raya, Ahmad Fauzi, memberi sambutan.", "Rektor Universitas Sukamaju Raya",
     "org:universitas-sukamaju-raya"),
])
def test_office_tied_to_the_right_body(extract, text, office, scope):
    found = offices(extract, text)
    hit = next((m for m in found if " ".join(m.text.split()) == office), None)
    assert hit is not None, [m.text for m in found]
    assert ("officeOf", scope) in hit.links


@pytest.mark.parametrize("text, name, key", [
    ("Kepala Kantor Regional IX BKN Jayapura, Yohanes Wenda, hadir.", "Yohanes Wenda",
     "office:kepala@org:bkn:kanreg-bkn-ix"),
    ("Kasat Reskrim Polres Lahat AKP Budi Hartono mengatakan.", "Budi Hartono",
     "office:kepala@org:polres:16.04/satreskrim"),
    ("Ketua KPU Kabupaten Bogor, Siti Aminah, mengatakan.", "Siti Aminah", "office:ketua@org:kpu:32.01"),
    ("Ketua KPU Kota Bogor, Siti Aminah, mengatakan.", "Siti Aminah", "office:ketua@org:kpu:32.71"),
])
def test_holder_of_the_right_office(extract, text, name, key):
    assert holder_of(extract, text, name) == key


def test_head_of_a_regional_office_is_not_head_of_the_national_body(extract):
    a = offices(extract, "Kepala Kantor Regional IX BKN Jayapura hadir.")
    b = offices(extract, "Kepala BKN hadir.")
    assert a and b and a[0].key != b[0].key


@pytest.mark.parametrize("text, office", [
    ("Acara itu dihadiri anggota Bawaslu Kota Bogor.", "anggota Bawaslu Kota Bogor"),
    ("Hadir pula wakil bupati Lahat.", "wakil bupati Lahat"),
    ("Rapat dipimpin ketua Komisi C DPRD Provinsi Maluku.", "ketua Komisi C DPRD Provinsi Maluku"),
])
def test_lowercase_title_before_a_body(extract, text, office):
    assert office in [" ".join(m.text.split()) for m in offices(extract, text)]


@pytest.mark.parametrize("text", [
    "Ia menjadi ketua panitia acara itu.",
    "Para kepala sekolah hadir.",
    "Rapat dipimpin kepala bagian umum.",
])
def test_lowercase_title_alone_is_not_an_office(extract, text):
    assert offices(extract, text, regions=("32.01",)) == []


@pytest.mark.parametrize("text, office, place", [
    ("Camat Sukamaju Utara, Hendra Gunawan, hadir.", "Camat Sukamaju Utara", "place:area:kecamatan-sukamaju-utara"),
    ("Camat Mekarsari dan Lurah Cempaka Baru hadir.", "Camat Mekarsari", "place:area:kecamatan-mekarsari"),
    ("Camat Mekarsari dan Lurah Cempaka Baru hadir.", "Lurah Cempaka Baru", "place:area:kelurahan-cempaka-baru"),
    ("Kades Sukamaju, Ujang Supriatna, hadir.", "Kades Sukamaju", "place:area:desa-sukamaju"),
])
def test_district_and_village_heads(extract, text, office, place):
    found = offices(extract, text, regions=("32.01",))
    hit = next((m for m in found if " ".join(m.text.split()) == office), None)
    assert hit is not None, [m.text for m in found]
    assert ("officeOf", place) in hit.links


@pytest.mark.parametrize("text", [
    "Camat Budi mengatakan hal itu.",         # a name, not a district
    "Camat Budi Santoso mengatakan hal itu.",
])
def test_camat_followed_by_a_name_invents_no_district(extract, text):
    assert not [m for m in extract(text, types={"Place"}, regions=("32.01",)) if m.key.startswith("place:area")]


@pytest.mark.parametrize("text", [
    "Sidang dipimpin oleh Ketua Majelis Ahmad Fauzi.",
    "Kepala Balai jalan dan Jembatan Wilayah IX, Budi Santoso, tak hadir.",
    "Ketua Panitia Budi Santoso mengatakan hal itu.",
])
def test_title_of_an_unlisted_body_takes_no_region_from_the_article(extract, text):
    assert [m for m in offices(extract, text, regions=("32.01",)) if "inferred-scope" in m.qualifiers] == []


@pytest.mark.parametrize("a, b", [
    ("Kasat Reskrim Polres Lahat hadir.", "Kepala Satreskrim Polres Lahat hadir."),
    ("Dirreskrimsus Polda Jawa Barat hadir.", "Direktur Ditreskrimsus Polda Jawa Barat hadir."),
    ("Sekda Pemprov Kalimantan Selatan hadir.", "Sekda Kalimantan Selatan hadir."),
    ("Kakanwil Kemenag Jawa Barat hadir.", "Kepala Kanwil Kemenag Jawa Barat hadir."),
    ("Kakanreg BKN Banda Aceh hadir.", "Kepala Kantor Regional XIII BKN hadir."),
    ("Kordiv Teknis KPU Kota Bogor hadir.", "Koordinator Divisi Teknis KPU Kota Bogor hadir."),
])
def test_one_office_written_two_ways(extract, a, b):
    oa, ob = offices(extract, a), offices(extract, b)
    assert oa and ob and oa[0].key == ob[0].key


def test_fused_title_in_a_list_of_bodies_names_the_body(extract):
    found = extract("Sosialisasi dihadiri Polres, Dandim 0409, Kejari, Kemenag dan BKMT.", regions=("17.02",))
    assert "org:kodim:0409" in {m.key for m in found if m.type == "Organization"}
    assert not [m for m in found if m.type == "Office" and "Dandim" in m.text]


def test_vice_chair_shares_the_chairs_body(extract):
    found = offices(extract, "Ketua DPRD Provinsi Jambi, Ahmad Fauzi didampingi Wakil Ketua Budi Santoso hadir.")
    assert "office:wakil-ketua@org:dprd:15" in {m.key for m in found}
    assert offices(extract, "Ketua DPRD Provinsi Jambi hadir. Wakil Ketua panitia juga hadir.")[-1].key == \
        "office:ketua@org:dprd:15"


@pytest.mark.parametrize("text, office, scope", [
    ("Kadis SDABMBK Rudi Hartono tidak hadir.", "Kadis SDABMBK", "org:dinas-sdabmbk:32.01"),
    ("Kepala Dinas PKPP, Rudi Hartono, tidak hadir.", "Kepala Dinas PKPP", "org:dinas-pkpp:32.01"),
    ("Kaban BPPKAD Sukamaju Raya, Rudi Hartono, tidak hadir.", "Kaban BPPKAD Sukamaju Raya",
     "org:badan-bppkad-sukamaju-raya:32.01"),
])
def test_dinas_or_badan_title_before_an_unlisted_acronym(extract, text, office, scope):
    found = offices(extract, text, regions=("32.01",))
    hit = next((m for m in found if " ".join(m.text.split()) == office), None)
    assert hit is not None, [m.text for m in found]
    assert ("officeOf", scope) in hit.links


@pytest.mark.parametrize("text", ["Kepala SMAN 1 hadir.", "Ketua DPC hadir.", "Ketua RT hadir.",
                                  "Ketua KONI Budi Santoso mengatakan."])
def test_generic_acronym_is_no_body(extract, text):
    assert not [m for m in extract(text, regions=("32.01",)) if m.type == "Organization"]


@pytest.mark.parametrize("a, b", [
    ("Kadis Dukcapil Kabupaten Bogor hadir.", "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bogor hadir."),
    ("Kadisdukcapil Kabupaten Bogor hadir.", "Kepala Disdukcapil Kabupaten Bogor hadir."),
    ("Kades Sukamaju, Budi, hadir.", "Kepala Desa Sukamaju, Budi, hadir."),
    ("Camat Cibungbulang, Budi, hadir.", "Camat Cibungbulang, Budi, hadir."),
])
def test_head_titles_written_two_ways(extract, a, b):
    oa, ob = offices(extract, a, regions=("32.01",)), offices(extract, b, regions=("32.01",))
    assert oa and ob and oa[0].key == ob[0].key


def test_village_heads_of_a_regency_are_no_office(extract):
    found = offices(extract, "Koordinator 125 Kepala Kampung Puncak Jaya, Budi, hadir.", regions=("94.02",))
    assert not [m for m in found if "Kampung" in m.text or "Kepala Desa" in m.label]


def test_spelled_out_body_gives_its_head_a_holder(extract):
    text = "Plt Kepala Dinas Komunikasi, Informatika, dan Statistik (Diskominfotik) Provinsi Budi Santoso mengatakan."
    assert holder_of(extract, text, "Budi Santoso", regions=("31",)) == "office:kepala@org:diskominfo:31"


@pytest.mark.parametrize("text", [
    "Rapat diikuti seluruh Kepala SKPD Pemerintah Kota Bogor.",
    "Para Camat se-Kabupaten Bogor hadir.",
    "Kegiatan itu diikuti Kepala BKPSDM seluruh Kabupaten/Kota.",
])
def test_every_holder_of_a_kind_is_not_one_office(extract, text):
    assert offices(extract, text, regions=("32.01",)) == []


def test_head_of_a_district_body(extract):
    found = offices(extract, "Kapolsek Cibungbulang AKP Budi Santoso hadir.", regions=("32.01",))
    assert found and ("officeOf", "org:polsek:32.01/cibungbulang") in found[0].links


@pytest.mark.parametrize("text, scope", [
    ("Kepala UPTD Puskesmas Cibungbulang, Rina Marlina, menjelaskan.", "org:puskesmas:32.01/cibungbulang"),
    ("Kepala Perwakilan BPKP Provinsi Riau, Budi, hadir.", "org:bpkp:14"),
    ("Kepala BNNP Jawa Barat, Budi, hadir.", "org:bnn:32"),
    ("Kepala Kantor Pertanahan Kabupaten Bogor, Budi, hadir.", "org:kemenatr:32.01"),
    ("Kakanwil Kemenkumham Sulsel, Budi, hadir.", "org:kemenkumham:73"),
])
def test_heads_of_regional_and_vertical_offices(extract, text, scope):
    found = offices(extract, text, regions=("32.01",))
    assert found and ("officeOf", scope) in found[0].links
