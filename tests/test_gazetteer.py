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
