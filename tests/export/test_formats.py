"""N-Triples, JSON-LD, GraphML and Neo4j CSV: parse back, deterministic, hostile names survive."""
import csv
import datetime as dt
import io
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.export import exporters
from kg.export.graphml import graphml_bytes
from kg.export.jsonld import jsonld_bytes
from kg.export.neo4j import files, relation_type
from kg.export.ntriples import ntriples_bytes
from kg.export.rdf import turtle_bytes
from kg.graph import KnowledgeGraph
from kg.model import Article, DocumentGraph, Entity, Evidence, Fact, Relation, Sentence, Sighting

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = 'Budi "Bos", <script>alert(1)</script>\nbaris; dua\\tiga'


@pytest.fixture(scope="module")
def seed():
    return kg.build([ROOT / "sources"])


@pytest.fixture(scope="module")
def hostile():
    text = "Teks."
    art = Article("h.txt", "h.txt", text, ((0, len(text)),), published=dt.date(2024, 1, 1))
    d = DocumentGraph(art, [Sentence(0, 0, len(text), text)])
    d.entities["person:h"] = Entity("person:h", "Person", HOSTILE, frozenset({HOSTILE, "Budi"}))
    d.entities["event:e"] = Entity("event:e", "Event", "Rapat, \"besar\"", frozenset())
    for key in d.entities:
        d.sightings.append(Sighting(key, "Teks", Evidence("h.txt", 0, 0, 4)))
    d.facts.append(Fact(Relation("person:h", "spokeAt", "event:e"), Evidence("h.txt", 0, 0, 4)))
    g = KnowledgeGraph()
    g.add(d)
    return g


def turtle(graph):
    return Graph().parse(data=turtle_bytes(graph).decode("utf-8"), format="turtle")


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_ntriples_and_jsonld_parse_back_to_the_turtle_graph(which, request):
    graph = request.getfixturevalue(which)
    ref = turtle(graph)
    nt = Graph().parse(data=ntriples_bytes(graph).decode("utf-8"), format="nt")
    assert isomorphic(nt, ref)
    jl = Graph().parse(data=jsonld_bytes(graph).decode("utf-8"), format="json-ld")
    assert isomorphic(jl, ref)


def test_jsonld_has_a_context_with_short_names(seed):
    import json

    doc = json.loads(jsonld_bytes(seed))
    assert doc["@context"]["holdsOffice"]["@id"] == "kg:holdsOffice"
    assert any("holdsOffice" in node for node in doc["@graph"])


@pytest.mark.parametrize("which", ["seed", "hostile"])
def test_graphml_reads_back_with_the_same_counts(which, request):
    graph = request.getfixturevalue(which)
    g = nx.read_graphml(io.BytesIO(graphml_bytes(graph)))
    ref = graph.to_networkx()
    assert g.number_of_nodes() == ref.number_of_nodes()
    assert g.number_of_edges() == ref.number_of_edges()
    if which == "hostile":
        assert g.nodes["person:h"]["label"] == HOSTILE


def test_neo4j_csv_layout(seed):
    out = files(seed)
    nodes = list(csv.reader(io.StringIO(out["nodes.csv"].decode())))
    rels = list(csv.reader(io.StringIO(out["relationships.csv"].decode())))
    assert nodes[0][:2] == ["id:ID", ":LABEL"] and rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    ids = {row[0] for row in nodes[1:]}
    assert all(r[0] in ids and r[1] in ids for r in rels[1:])
    assert {r[2] for r in rels[1:]} <= {"HOLDS_OFFICE", "OFFICE_OF", "SPOKE_AT", "ATTENDED", "ORGANIZED_BY",
                                         "HELD_IN", "CITES"}
    assert "LOAD CSV" in out["load.cypher"].decode() and "neo4j-admin" in out["README.txt"].decode()


def test_neo4j_csv_survives_hostile_names(hostile):
    nodes = list(csv.reader(io.StringIO(files(hostile)["nodes.csv"].decode())))
    person = next(r for r in nodes if r[0] == "person:h")
    assert person[2] == HOSTILE


def test_relation_types():
    assert relation_type("holdsOffice") == "HOLDS_OFFICE" and relation_type("heldIn") == "HELD_IN"


def test_every_export_is_deterministic(seed, tmp_path):
    for exp in exporters():
        a = exp.write(seed, tmp_path / "a")
        b = exp.write(kg.build([ROOT / "sources"]), tmp_path / "b")
        if exp.name == "oxigraph":  # RocksDB files differ run to run: the same triples is what counts
            from kg.store import open_store

            assert set(open_store(a)) == set(open_store(b)) and len(open_store(a)) > 0
        elif a.is_dir():
            for f in sorted(a.iterdir()):
                assert f.read_bytes() == (b / f.name).read_bytes(), f
        else:
            assert a.read_bytes() == b.read_bytes(), a.name
