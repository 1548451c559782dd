"""The ready-made questions in queries/, run on the seed build, with answers checked
against what the seed articles say."""
from pathlib import Path

import pytest

import kg
from kg.export.rdf import TurtleExporter
from kg.query import load, read_query, run

ROOT = Path(__file__).resolve().parent.parent
QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed")
    TurtleExporter().write(kg.build([ROOT / "sources"]), out)
    return load(out)


def ask(store, name):
    result = run(store, read_query(str(ROOT / "queries" / f"{name}.rq")))
    return [dict(zip(result.columns, row)) for row in result.values()]


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_every_query_says_what_it_answers_and_runs(store, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "a .rq file starts with a comment saying what it answers"
    assert "PREFIX kg:" in text, "prefixes are declared so the file runs in any store"
    assert run(store, text).rows


def test_at_least_the_asked_questions_exist():
    names = {p.stem for p in QUERIES}
    assert {"who_spoke_where", "statements_by_official", "laws_cited", "events_by_region_month",
            "offices_by_person", "provenance_of_fact"} <= names


def test_who_spoke_where(store):
    rows = ask(store, "who_spoke_where")
    rakor = [r for r in rows if r["person"] == "Iskandar" and r["event"].startswith("Rapat Koordinasi")]
    assert {r["date"] for r in rakor} >= {"2023-05-23"}
    assert any(r["place"] == "Gedung Serbaguna Setda Aceh" for r in rakor)
    assert any(r["person"] == "Novfry Iranas" and r["place"] == "Aula Hotel Mutiara Curup" for r in rows)


def test_statements_by_official(store):
    rows = ask(store, "statements_by_official")
    cecep = [r for r in rows if r["speaker"] == "Cecep Supriatna"]
    assert any("Undang-Undang Nomor 20 Tahun 2023" in r["quote"] for r in cecep)
    assert all(r["date"] == "2024-09-14" for r in cecep)
    assert any(r["body"] and "Politik, Hukum, dan Keamanan" in r["body"] for r in cecep)


def test_laws_cited(store):
    rows = ask(store, "laws_cited")
    assert {(r["citer"], r["kind"]) for r in rows if "Nomor 20 Tahun 2023" in r["law"]} >= {
        ("Cecep Supriatna", "Person")}
    assert any(r["kind"] == "Event" and r["citer"].startswith("Sosialisasi") for r in rows)


def test_events_by_region_month(store):
    rows = ask(store, "events_by_region_month")
    assert {"place": "Aula Hotel Mutiara Curup", "month": "2023-07", "events": "1"} in rows
    assert {"place": "Denpasar", "month": "2024-02", "events": "1"} in rows


def test_offices_by_person(store):
    rows = ask(store, "offices_by_person")
    haryono = [r for r in rows if r["person"] == "Haryono Dwi Putranto"]
    assert haryono and haryono[0]["acting"] == "true" and haryono[0]["of"] == "Badan Kepegawaian Negara"
    mahyuzar = [r for r in rows if r["person"] == "Mahyuzar"]
    assert mahyuzar and mahyuzar[0]["acting"] == "true" and mahyuzar[0]["office"] == "Bupati Aceh Utara"
    cecep = [r for r in rows if r["person"] == "Cecep Supriatna"]
    assert cecep[0]["asserted"] == "2024-09-14"


def test_provenance_of_fact(store):
    rows = ask(store, "provenance_of_fact")
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "sources").glob("*.txt")}
    assert rows
    for r in rows:
        text = texts[r["file"]]
        assert r["sentence"] in text
        assert 0 <= int(r["start"]) < int(r["end"]) <= len(text)
