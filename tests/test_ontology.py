"""ontology/kg.ttl and its Python mirror kg.namespace.KG."""
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.namespace import KG, iri_for

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
CORE = {"Person", "Organization", "Office", "Event", "Law", "Place"}
RELATIONS = {"holdsOffice", "officeOf", "spokeAt", "attended", "organizedBy", "heldIn", "heldOn", "cites"}


@pytest.fixture(scope="module")
def onto():
    return Graph().parse(ONTOLOGY)


def declared(onto):
    ns = str(KG._NS)
    return {str(s)[len(ns):] for s in onto.subjects(RDF.type, None) if str(s).startswith(ns)}


def test_python_namespace_and_ontology_declare_the_same_terms(onto):
    python_terms = set(KG.__annotations__)
    assert declared(onto) == python_terms


def test_core_classes_and_relations_are_declared(onto):
    assert CORE | RELATIONS <= declared(onto)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_term_has_a_label_and_a_comment_in_english_and_indonesian(onto, lang):
    for term in declared(onto):
        iri = KG._NS[term]
        labels = {o.language for o in onto.objects(iri, RDFS.label) if isinstance(o, Literal)}
        comments = {o.language for o in onto.objects(iri, RDFS.comment) if isinstance(o, Literal)}
        assert lang in labels and lang in comments, term


def test_each_core_class_reaches_exactly_its_own_core_name(onto):
    def closure(c):
        seen, todo = set(), [c]
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(onto.objects(x, RDFS.subClassOf))
        return seen

    for name in CORE:
        names = {str(c).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for c in closure(KG._NS[name])}
        assert names & CORE == {name}


def test_misspelled_term_fails():
    with pytest.raises(AttributeError):
        KG.holdOffice  # noqa: B018


@pytest.mark.parametrize("key", ["org:bkn", "person:iskandar-ap", "place:11.08", 'person:a "b" <c> d\\e',
                                 "event:ñandú/ü", "no-kind-at-all", "law:uu 2023/20"])
def test_iri_for_is_stable_and_valid(key):
    iri = iri_for(key)
    assert iri == iri_for(key)
    assert not any(c in str(iri) for c in ' <>"{}|\\^`')
    g = Graph()
    g.add((iri, RDF.type, KG.Person))
    again = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert (URIRef(str(iri)), RDF.type, KG.Person) in again


def test_different_keys_give_different_iris():
    assert iri_for("org:bawaslu") != iri_for("org:bawaslu:61.71")
