"""The cross-article merge: one node per key, order-independent, evidence kept."""
import datetime as dt

from kg.graph import KnowledgeGraph
from kg.model import Article, DocumentGraph, Entity, Evidence, Fact, Relation, Sentence, Sighting


def doc(article_id, entities, facts, text="Teks."):
    art = Article(article_id, article_id, text, ((0, len(text)),), published=dt.date(2024, 1, 1))
    g = DocumentGraph(art, [Sentence(0, 0, len(text), text)])
    for e in entities:
        g.entities[e.key] = e
        g.sightings.append(Sighting(e.key, e.label, Evidence(article_id, 0, 0, len(e.label))))
    for s, p, o in facts:
        g.facts.append(Fact(Relation(s, p, o), Evidence(article_id, 0, 0, 4)))
    return g


BKN_A = Entity("org:bkn", "Organization", "BKN", frozenset({"BKN"}))
BKN_B = Entity("org:bkn", "Organization", "Badan Kepegawaian Negara", frozenset({"Badan Kepegawaian Negara"}))
RI = Entity("org:bawaslu", "Organization", "Bawaslu RI")
PTK = Entity("org:bawaslu:61.71", "Organization", "Bawaslu Kota Pontianak")
EV = Entity("event:rakor@a", "Event", "Rakor")


def build(*docs):
    g = KnowledgeGraph()
    for d in docs:
        g.add(d)
    return g


def test_one_node_per_key_with_all_names():
    g = build(doc("a.txt", [BKN_A], []), doc("b.txt", [BKN_B], []))
    (bkn,) = g.entities()
    assert bkn.names >= {"BKN", "Badan Kepegawaian Negara"}
    assert bkn.label == "Badan Kepegawaian Negara"
    assert g.articles_of("org:bkn") == ["a.txt", "b.txt"]


def test_different_keys_stay_apart():
    g = build(doc("a.txt", [RI, PTK], []))
    assert {e.key for e in g.entities()} == {"org:bawaslu", "org:bawaslu:61.71"}


def test_merge_does_not_depend_on_order():
    a = doc("a.txt", [BKN_A, EV], [("event:rakor@a", "organizedBy", "org:bkn")])
    b = doc("b.txt", [BKN_B], [])
    one, two = build(a, b), build(b, a)
    assert one.entities() == two.entities()
    assert one.facts() == two.facts()


def test_same_fact_from_two_articles_is_one_edge_with_two_evidences():
    a = doc("a.txt", [BKN_A, EV], [("event:rakor@a", "organizedBy", "org:bkn")])
    b = doc("b.txt", [BKN_B, EV], [("event:rakor@a", "organizedBy", "org:bkn")])
    ((rel, quals, evidence),) = build(a, b).facts()
    assert rel.predicate == "organizedBy" and [e.article for e in evidence] == ["a.txt", "b.txt"]


def test_adding_an_article_twice_changes_nothing():
    a = doc("a.txt", [BKN_A], [])
    g = build(a)
    before = (g.entities(), g.facts())
    g.add(a)
    assert (g.entities(), g.facts()) == before


def test_networkx_view_has_types_dates_and_edges():
    a = doc("a.txt", [BKN_A, EV], [("event:rakor@a", "organizedBy", "org:bkn"), ("event:rakor@a", "heldOn", "2024-01-01")])
    nxg = build(a).to_networkx()
    assert nxg.nodes["org:bkn"]["type"] == "Organization"
    assert nxg.nodes["event:rakor@a"]["dates"] == ["2024-01-01"]
    assert nxg.has_edge("event:rakor@a", "org:bkn")
