"""The Turtle export: valid, deterministic, traceable to sentences with SPARQL."""
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.export.rdf import turtle_bytes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def built():
    return kg.build([ROOT / "sources"])


def test_turtle_round_trip(built):
    data = turtle_bytes(built)
    parsed = Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert isomorphic(parsed, built.to_rdf())


def test_turtle_is_deterministic(built):
    assert turtle_bytes(built) == turtle_bytes(kg.build([ROOT / "sources"]))


def test_every_relation_traces_to_a_sentence_with_offsets(built):
    g = Graph().parse(data=turtle_bytes(built).decode("utf-8"), format="turtle")
    rows = g.query("""
        PREFIX kg: <https://w3id.org/kg-id/ontology#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?s ?p ?o ?file ?text ?start ?end WHERE {
          ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             kg:inArticle/kg:sourceFile ?file ; kg:inSentence/kg:text ?text ;
             kg:startOffset ?start ; kg:endOffset ?end .
        }""")
    rows = list(rows)
    assert rows
    sources = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "sources").glob("*.txt")}
    for s, p, o, file, text, start, end in rows:
        article = sources[str(file)]
        assert str(text) in article
        assert 0 <= int(start) <= int(end) <= len(article)
    # every plain relation triple has at least one assertion
    plain = set(g.query("""
        PREFIX kg: <https://w3id.org/kg-id/ontology#>
        SELECT ?s ?p ?o WHERE { VALUES ?p { kg:holdsOffice kg:officeOf kg:spokeAt kg:attended
          kg:organizedBy kg:heldIn kg:heldOn kg:cites } ?s ?p ?o }"""))
    asserted = {(r[0], r[1], r[2]) for r in rows}
    assert plain <= asserted


def test_every_entity_has_a_mention_with_its_text(built):
    g = Graph().parse(data=turtle_bytes(built).decode("utf-8"), format="turtle")
    missing = list(g.query("""
        PREFIX kg: <https://w3id.org/kg-id/ontology#>
        SELECT ?e WHERE { ?e kg:key ?k . FILTER NOT EXISTS { ?m kg:mentionOf ?e ; kg:inArticle ?a } }"""))
    assert missing == []


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.integers(min_value=0, max_value=10**6))
def test_fast_iris_equal_the_namespace_ones(key, n):
    from kg.export.triples import iri, sentence_iri
    from kg.namespace import iri_for

    assert iri(key) == f"<{iri_for(key)}>"
    assert sentence_iri(key, n) == f"<{iri_for(f'sentence:{key}:{n}')}>"
    mention = f"mention:{key}:{n}-{n + 1}:{key}"
    from kg.export.triples import ID, pct
    assert f"<{ID}mention/{pct(key)}%3A{n}-{n + 1}%3A{pct(key)}>" == f"<{iri_for(mention)}>"
