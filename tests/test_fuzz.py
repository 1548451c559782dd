"""Property-based fuzzing of the whole pipeline: random and hostile text never crashes
it, the Turtle always parses back to the same graph, IRIs are always valid, and the
graph passes the SHACL shapes."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.export.rdf import to_rdf, turtle_bytes
from kg.graph import KnowledgeGraph
from kg.ingest import ArticleError, parse_article
from kg.namespace import iri_for
from kg.pipeline import Pipeline

PIPELINE = Pipeline()
WORDS = ["Bupati", "Kepala", "BKN", "Pemkab", "Aceh", "Utara", "Rakor", "di", "Gedung", "kata", "“", "”", '"',
         "Senin", "(12/3/2024)", "UU", "Nomor", "20", "Tahun", "2023", "Ketua", "Bawaslu", "Kota", "Pontianak", ",",
         ".", "\n", "\n\n", "<script>", "</script>", ">", "<", "\\", "@prefix", "\"\"\"", "'", "Pj", "Sekda", "&amp;",
         "Budi", "Santoso", "mengatakan", "sosialisasi", "dihadiri", "oleh", "Lembaga", "X" * 300]
HOSTILE = st.text(alphabet=st.characters(), max_size=300)          # any code point, surrogates included
NEWSY = st.lists(st.one_of(st.sampled_from(WORDS), HOSTILE), max_size=60).map(" ".join)


def build(text: str):
    try:
        art = parse_article(text, id="fuzz.txt", path="fuzz.txt")
    except ArticleError:
        return None
    art = art.__class__(**{**{f: getattr(art, f) for f in art.__dataclass_fields__}, "published": dt.date(2024, 3, 7)})
    graph = KnowledgeGraph()
    graph.add(PIPELINE(art))
    return graph


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(HOSTILE, NEWSY))
def test_pipeline_never_crashes_and_turtle_round_trips(text):
    graph = build(text)
    if graph is None:
        return
    data = turtle_bytes(graph)
    parsed = Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert isomorphic(parsed, to_rdf(graph))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=80))
def test_minted_iris_are_valid(key):
    iri = iri_for(key)
    assert not any(c in str(iri) for c in ' <>"{}|\\^`\n\r\t')
    g = Graph()
    g.add((iri, URIRef("http://example.org/p"), iri))
    back = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert (URIRef(str(iri)), URIRef("http://example.org/p"), URIRef(str(iri))) in back


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(NEWSY)
def test_fuzzed_graphs_conform_to_the_shapes(tmp_path_factory, text):
    from kg.validate import validate

    graph = build(text)
    if graph is None:
        return
    out = tmp_path_factory.mktemp("fuzz") / "graph.ttl"
    out.write_bytes(turtle_bytes(graph))
    report = validate(out)
    assert report.conforms, report.text
