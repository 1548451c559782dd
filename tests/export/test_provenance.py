"""--provenance facts (kg/export/triples.py): no kg:Mention nodes, the assertions and
statements keep their article, sentence and offsets, the same answers to the
ready-made questions, and a smaller graph that still conforms to the shapes."""
from pathlib import Path

import pytest
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from kg.cli import main
from kg.query import load, run
from kg.validate import validate

ROOT = Path(__file__).resolve().parents[2]
KG = Namespace("https://w3id.org/kg-id/ontology#")
QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    out = {}
    for mode in ("full", "facts"):
        folder = tmp_path_factory.mktemp(mode)
        assert main(["build", str(ROOT / "sources"), "-o", str(folder), "-q", "--provenance", mode,
                     "--formats", "turtle,ntriples,oxigraph"]) == 0
        out[mode] = folder
    return out


def graph(folder):
    return Graph().parse(folder / "graph.nt", format="nt")


def test_facts_has_no_mentions_and_keeps_every_assertion(builds):
    full, facts = graph(builds["full"]), graph(builds["facts"])
    assert set(full.subjects(RDF.type, KG.Mention)) and not set(facts.subjects(RDF.type, KG.Mention))
    for cls in (KG.Assertion, KG.Statement, KG.Article):
        assert set(full.subjects(RDF.type, cls)) == set(facts.subjects(RDF.type, cls))
    for x in facts.subjects(RDF.type, KG.Assertion):
        sentence = facts.value(x, KG.inSentence)
        assert facts.value(x, KG.inArticle) is not None and facts.value(sentence, KG.text) is not None
        assert set(facts.predicate_objects(x)) == set(full.predicate_objects(x))
    assert set(facts.subject_objects(KG.mentionedIn)) == set(full.subject_objects(KG.mentionedIn))
    assert len(facts) < 0.8 * len(full)
    assert (builds["facts"] / "graph.nt").stat().st_size < (builds["full"] / "graph.nt").stat().st_size


def test_facts_keeps_only_the_sentences_cited(builds):
    facts = graph(builds["facts"])
    cited = set(facts.objects(None, KG.inSentence))
    assert set(facts.subjects(RDF.type, KG.Sentence)) == cited


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_the_ready_made_questions_answer_the_same(builds, query):
    text = query.read_text(encoding="utf-8")
    a = run(load(builds["full"]), text).values()
    b = run(load(builds["facts"]), text).values()
    assert sorted(a) == sorted(b)


def test_facts_conforms_to_the_shapes(builds):
    assert validate(builds["facts"]).conforms


def test_an_unknown_provenance_is_refused():
    from kg.export.triples import article_lines
    from kg.model import Article

    with pytest.raises(ValueError):
        article_lines(Article("a", "a", "x", ()), [], provenance="some")
    with pytest.raises(SystemExit) as exc:
        main(["build", str(ROOT / "sources"), "--provenance", "some"])
    assert exc.value.code == 2
