"""JSON-LD written as a stream (kg/export/jsonld.py): the same triples as the Turtle,
each thing in one node object, short names from the context, and the same bytes with
or without the build's store."""
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.export.jsonld import CONTEXT, compact, node, write_jsonld
from kg.export.rdf import spooled
from kg.export.store import write_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed():
    return kg.build([ROOT / "sources"])


@pytest.fixture(scope="module")
def seed_jsonld(seed):
    buf = io.BytesIO()
    write_jsonld(spooled(seed), buf)
    return buf.getvalue()


def test_the_json_ld_expands_to_the_n_triples(seed, seed_jsonld):
    ref = Graph().parse(spooled(seed), format="nt")
    assert isomorphic(Graph().parse(data=seed_jsonld.decode("utf-8"), format="json-ld"), ref)


def test_each_node_appears_once_with_short_names(seed_jsonld):
    doc = json.loads(seed_jsonld)
    assert doc["@context"] == CONTEXT
    ids = [n["@id"] for n in doc["@graph"]]
    assert len(ids) == len(set(ids))
    people = [n for n in doc["@graph"] if n.get("@type") == "kg:Person"]
    assert people and all(isinstance(p["label"], str) for p in people)
    holders = [p for p in people if "holdsOffice" in p]
    assert holders and all(isinstance(o, str) and o.startswith("kgid:office/")
                           for p in holders for o in ([p["holdsOffice"]] if isinstance(p["holdsOffice"], str)
                                                      else p["holdsOffice"]))
    assert all("kg:mentionedIn" in p for p in people)


def test_with_the_build_store_the_bytes_are_the_same(seed, seed_jsonld, tmp_path):
    store = write_store(spooled(seed), tmp_path / "graph.oxigraph")
    buf = io.BytesIO()
    write_jsonld(spooled(seed), buf, store_path=store)
    assert buf.getvalue() == seed_jsonld


def test_a_large_graph_uses_a_scratch_store_on_disk(seed, seed_jsonld, monkeypatch):
    import kg.export.jsonld as jl

    monkeypatch.setattr(jl, "SCRATCH_IN_MEMORY", 0)
    buf = io.BytesIO()
    write_jsonld(spooled(seed), buf)
    assert buf.getvalue() == seed_jsonld


NT = """<https://w3id.org/kg-id/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "Budi"@id .
<https://w3id.org/kg-id/id/person/a> <http://www.w3.org/2000/01/rdf-schema#label> "B. \\"Bos\\"\\n<x>" .
<https://w3id.org/kg-id/id/person/a> <https://w3id.org/kg-id/ontology#holdsOffice> "not an IRI" .
<https://w3id.org/kg-id/id/person/a> <https://w3id.org/kg-id/ontology#heldOn> "2024-02-14"^^<http://www.w3.org/2001/XMLSchema#date> .
<https://w3id.org/kg-id/id/person/a> <https://w3id.org/kg-id/ontology#heldOn> "kemarin" .
<https://w3id.org/kg-id/id/person/a> <https://w3id.org/kg-id/ontology#spokeAt> _:b1 .
<https://w3id.org/kg-id/id/person/a> <urn:x:y> <https://w3id.org/kg-id/id//odd> .
_:b1 <http://www.w3.org/2000/01/rdf-schema#label> "Rapat" .
"""


def test_awkward_terms_survive_the_round_trip(tmp_path):
    """Language tags, a literal under a key that coerces to IRIs, an xsd:date and a plain
    string under heldOn, blank nodes, an IRI that must not be compacted."""
    nt = tmp_path / "g.nt"
    nt.write_text(NT, encoding="utf-8")
    buf = io.BytesIO()
    write_jsonld(nt, buf)
    got = Graph().parse(data=buf.getvalue().decode("utf-8"), format="json-ld")
    assert isomorphic(got, Graph().parse(nt, format="nt"))


def test_compact_keeps_iris_that_would_read_as_absolute():
    assert compact("https://w3id.org/kg-id/ontology#Person") == "kg:Person"
    assert compact("https://w3id.org/kg-id/id//odd") == "kgid:/odd"
    assert compact("https://w3id.org/kg-id/id///odd") == "https://w3id.org/kg-id/id///odd"  # kgid://odd: absolute
    assert compact("urn:x:y") == "urn:x:y"


def test_node_uses_a_term_only_for_values_it_fits():
    s = ox.NamedNode("https://w3id.org/kg-id/id/event/e")
    held = ox.NamedNode("https://w3id.org/kg-id/ontology#heldOn")
    date = ox.Literal("2024-02-14", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    assert node(s, [(held, date)]) == {"@id": "kgid:event/e", "heldOn": "2024-02-14"}
    assert node(s, [(held, ox.Literal("x"))]) == {"@id": "kgid:event/e", "kg:heldOn": "x"}


def test_a_store_of_an_older_state_of_the_graph_is_not_used(tmp_path):
    from kg.export.store import OxigraphExporter, built_store

    graph = kg.build([sorted((ROOT / "sources").glob("*.txt"))[0]])
    path = OxigraphExporter().write(graph, tmp_path)
    assert built_store(graph) == path
    graph.version += 1  # what a merge does
    assert built_store(graph) is None
