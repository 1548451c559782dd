import pytest


def orgs(extract, text, **kw):
    return {m.key: m for m in extract(text, types={"Organization"}, **kw)}


@pytest.mark.parametrize("text, key", [
    ("Pemerintah Kabupaten (Pemkab) REJANG LEBONG menggelar sosialisasi.", "org:pemda:17.02"),
    ("Pemkab Rejang Lebong menggelar sosialisasi.", "org:pemda:17.02"),
    ("Hal itu disampaikan Pemerintah Aceh.", "org:pemda:11"),
    ("Rakor Badan Kepegawaian Negara (BKN) digelar.", "org:bkn"),
    ("Pihak Kemenpan-RB hadir.", "org:kemenpanrb"),
    ("KemenPANRB menerbitkan surat edaran.", "org:kemenpanrb"),
    ("Bawaslu Kota Pontianak mengawasi.", "org:bawaslu:61.71"),
    ("Polres Lahat menggelar rapat.", "org:polres:16.04"),
    ("Kementerian Koordinator Bidang Politik, Hukum, dan Keamanan (Kemenko Polhukam) menyoroti.", "org:kemenkopolhukam"),
])
def test_organization_key(extract, text, key):
    assert key in orgs(extract, text)


def test_three_bawaslu_stay_apart(extract):
    keys = set()
    for text in ("Bawaslu RI hadir.", "Bawaslu Kota Pontianak hadir.", "Bawaslu Rejang Lebong hadir."):
        keys |= {k for k in orgs(extract, text) if k.startswith("org:bawaslu")}
    assert keys == {"org:bawaslu", "org:bawaslu:61.71", "org:bawaslu:17.02"}


def test_unit_without_region_takes_the_articles_region(extract):
    assert "org:bkpsdm:17.02" in orgs(extract, "Hadir Kesbangpol, Diskominfo, BKPSDM dan Satpol PP.", regions=("17.02",))


@pytest.mark.parametrize("text", ["Bidang kepegawaian sangat penting.", "batu itu besar.", "Tim kami bekerja."])
def test_common_words_are_not_bodies(extract, text):
    assert orgs(extract, text) == {}


@pytest.mark.parametrize("text, key", [
    ("Rakor digelar di Denpasar, Bali.", "place:51.71"),
    ("ASN di Kota Bogor hadir.", "place:32.71"),
    ("Apel di Kabupaten Bogor.", "place:32.01"),
    ("Gubernur Kalbar hadir.", "place:61"),
])
def test_places(extract, text, key):
    assert key in {m.key for m in extract(text, types={"Place"})}


# ---------------------------------------------------------------- regional offices of national bodies

@pytest.mark.parametrize("text, key", [
    ("Kanwil Kemenag Jawa Barat menggelar bimtek.", "org:kemenag:32"),
    ("Kantor Wilayah Kementerian Agama Provinsi Jawa Barat menggelar bimtek.", "org:kemenag:32"),
    ("Kanwil DJPb Sulawesi Selatan menyerahkan DIPA.", "org:ditjen-perbendaharaan:73"),
    ("BPK Perwakilan Provinsi Sulawesi Tengah menyerahkan laporan.", "org:bpk:72"),
    ("Ombudsman RI Perwakilan Jawa Tengah menerima aduan.", "org:ombudsman:33"),
    ("Kantor Regional IX BKN Jayapura menggelar seleksi.", "org:bkn:kanreg-bkn-ix"),
    ("Kanreg XIII BKN menggelar seleksi.", "org:bkn:kanreg-bkn-xiii"),
    ("BKN Jayapura menggelar seleksi.", "org:bkn:kanreg-bkn-ix"),
    ("Kantor Kementerian Agama Kabupaten Bogor menggelar rapat.", "org:kemenag:32.01"),
])
def test_regional_office_key(extract, text, key):
    assert key in orgs(extract, text)


@pytest.mark.parametrize("text", [
    "Kepala Kantor Regional IX BKN Jayapura membuka seleksi.",
    "BKN Jayapura membuka seleksi.",
    "Kanwil Kemenag Jawa Barat membuka seleksi.",
    "BPK Perwakilan Provinsi Sulawesi Tengah membuka rapat.",
])
def test_regional_office_is_not_its_national_body(extract, text):
    found = orgs(extract, text)
    regional = [m for k, m in found.items() if k.count(":") >= 2]
    assert regional
    for k, m in found.items():
        if k in ("org:bkn", "org:kemenag", "org:bpk"):
            # the national body named inside the office's name does not take the seat's name
            assert not any("Jayapura" in n or "Jawa Barat" in n or "Sulawesi" in n for n in m.names), m.names


def test_numbered_office_is_one_whatever_seat_is_written(extract):
    a = orgs(extract, "Kantor Regional XIII BKN Aceh hadir.")
    b = orgs(extract, "Kanreg XIII BKN Banda Aceh hadir.")
    c = orgs(extract, "BKN Banda Aceh hadir.")
    assert "org:bkn:kanreg-bkn-xiii" in a and "org:bkn:kanreg-bkn-xiii" in b and "org:bkn:kanreg-bkn-xiii" in c


@pytest.mark.parametrize("text, want, not_want", [
    ("KPU Kabupaten Bogor menetapkan hasil.", "org:kpu:32.01", "org:kpu:32.71"),
    ("KPU Kota Bogor menetapkan hasil.", "org:kpu:32.71", "org:kpu:32.01"),
    ("Bawaslu Kabupaten Bogor mengawasi.", "org:bawaslu:32.01", "org:bawaslu:32.71"),
    ("DPRD Kabupaten Bogor menggelar paripurna.", "org:dprd:32.01", "org:dprd:32.71"),
    ("DPRD Kota Bogor menggelar paripurna.", "org:dprd:32.71", "org:dprd:32.01"),
])
def test_regency_and_city_of_one_name_are_two_bodies(extract, text, want, not_want):
    found = orgs(extract, text)
    assert want in found and not_want not in found


def test_regency_and_city_bodies_in_one_sentence(extract):
    found = orgs(extract, "KPU Kota Bogor dan KPU Kabupaten Bogor menggelar rapat bersama.")
    assert {"org:kpu:32.71", "org:kpu:32.01"} <= set(found)
    assert "Kota" in found["org:kpu:32.71"].label and "Kabupaten" in found["org:kpu:32.01"].label


@pytest.mark.parametrize("text", [
    "KPU Kabupaten Bogor menetapkan hasil.",
    "Sekretariat Daerah Provinsi Aceh menggelar rapat.",
    "Pemerintah Kabupaten Bogor menggelar rapat.",
    "Kementerian Dalam Negeri Republik Indonesia (Kemendagri RI) menggelar rapat.",
    "Setda Kabupaten Bogor menggelar rapat.",
])
def test_organization_names_are_clean(extract, text):
    import re
    for m in orgs(extract, text).values():
        for n in {m.label, *m.names}:
            assert not re.search(r"\b(\w+)\s+\1\b", n, re.IGNORECASE), n
            assert not re.search(r"Republik Indonesia RI\b|\bRI RI\b", n), n
            assert n.split()[-1] not in ("Kabupaten", "Kota", "Provinsi"), n
            assert n not in ("Pemerintah", "Pemda"), n
            assert n.count("(") == n.count(")"), n


@pytest.mark.parametrize("name, clean", [
    ("Sekretariat Daerah Provinsi Provinsi Aceh", "Sekretariat Daerah Provinsi Aceh"),
    ("KPU Kabupaten Kabupaten Bogor", "KPU Kabupaten Bogor"),
    ("Kementerian Dalam Negeri Republik Indonesia RI", "Kementerian Dalam Negeri Republik Indonesia"),
])
def test_clean_name(name, clean):
    from kg.extract.institutions import clean_name
    assert clean_name(name) == clean


# ---------------------------------------------------------------- fraksi, spelled-out bodies, police units

@pytest.mark.parametrize("text, keys", [
    ("Fraksi Golongan Karya (Golkar) DPRD Kota Bogor menyampaikan pandangan.", {"org:dprd:32.71/fraksi-golkar"}),
    ("Pandangan Fraksi Golkar, PKS dan PAN disampaikan bergantian.",
     {"org:dprd:32.01/fraksi-golkar", "org:dprd:32.01/fraksi-pks", "org:dprd:32.01/fraksi-pan"}),
    ("Fraksi Partai Amanat Nasional (PAN)-Nasdem menerima laporan.", {"org:dprd:32.01/fraksi-pan-nasdem"}),
])
def test_fraksi_of_a_council(extract, text, keys):
    assert keys <= set(orgs(extract, text, regions=("32.01",)))


def test_party_alone_is_the_party(extract):
    found = orgs(extract, "Partai Golkar mengusung calon bupati.", regions=("32.01",))
    assert "org:golkar" in found and not [k for k in found if "fraksi" in k]


@pytest.mark.parametrize("text, key", [
    ("Dinas Pendidikan, Perpustakaan dan Arsip Daerah (DPPAD) Papua menyalurkan dana.", "org:dinas-pendidikan-perpustakaan-dan-arsip-daerah:91"),
    ("Dinas Komunikasi, Informatika, dan Statistik (Diskominfotik) Provinsi Jawa Barat membantah.",
     "org:diskominfo:32"),
    ("Ditreskrimsus Polda Jawa Barat menetapkan tersangka.", "org:polda:32/ditreskrimsus"),
    ("Satreskrim Polres Lahat menangkap pelaku.", "org:polres:16.04/satreskrim"),
])
def test_bodies_read_whole(extract, text, key):
    assert key in orgs(extract, text)


@pytest.mark.parametrize("text", [
    "Koordinator 125 Kepala Kampung Puncak Jaya hadir.",
    "Para kepala desa se-Kabupaten Bogor hadir.",
])
def test_village_words_before_a_regency_are_no_body(extract, text):
    assert not [k for k in orgs(extract, text) if k.startswith("org:desa")]


@pytest.mark.parametrize("text", ["Surat dari KPU RI sudah diterima.", "Data diunggah ke situs Bawaslu RI.",
                                  "Surat dari Komisi Pemilihan Umum Republik Indonesia sudah diterima."])
def test_national_form_is_never_the_articles_branch(extract, text):
    found = orgs(extract, text, regions=("61",))
    assert {"org:kpu", "org:bawaslu"} & set(found) and not [k for k in found if k.endswith(":61")]


@pytest.mark.parametrize("text, key", [
    ("Unsur Forkopimcam Sukamaju Barat turut hadir.", "org:forkopimcam:32.01/sukamaju-barat"),
    ("Polsek Cibungbulang menangkap dua pelaku.", "org:polsek:32.01/cibungbulang"),
    ("Koramil Cibungbulang Kapten Inf Budi hadir.", "org:koramil:32.01/cibungbulang"),
])
def test_district_bodies_named_by_their_district(extract, text, key):
    assert key in orgs(extract, text, regions=("32.01",))


@pytest.mark.parametrize("text", ["Polsek setempat hadir.", "Polsek Kapten Budi hadir.", "Polsek Bogor hadir."])
def test_district_body_without_a_district_name(extract, text):
    assert not [k for k in orgs(extract, text, regions=("32.01",)) if k.startswith("org:polsek:32.01/")]


@pytest.mark.parametrize("text", ["Sidang digelar di Pengadilan Tindak Pidana Korupsi pada Pengadilan Negeri Padang.",
                                  "Sidang digelar di Pengadilan Tipikor Padang."])
def test_anticorruption_court_of_a_seat(extract, text):
    assert "org:pengadilan-tipikor:13.71" in orgs(extract, text)


# --- clean_name skips its regexes only where they cannot match ------------------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

_NAME_WORDS = st.sampled_from(["Kota", "KOTA", "kota", "Kota-Kota", "(Kota)", "Bogor", "RI", "R.I", "Republik",
                               "Indonesia", "Kabupaten", "_a", "a_", "İ", "i", "Σ", "σ", "ς", "-", ",", "\n", " "])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_NAME_WORDS, st.text(max_size=4)), max_size=7))
def test_clean_name_fast_paths(words):
    from kg.extract.institutions import _DOUBLED, _NATIONAL_TWICE, clean_name
    from kg.text import squash

    name = " ".join(words)
    plain = _DOUBLED.sub(r"\1", squash(name))
    plain = _NATIONAL_TWICE.sub(lambda m: m.group(0).split()[0] if m.group(0).startswith("RI")
                                else "Republik Indonesia", plain)
    assert clean_name.__wrapped__(name) == plain
