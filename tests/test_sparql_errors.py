"""SPARQL syntax errors in a few words, with line, column and a caret (kg/sparql_errors.py)."""
import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.query import PREFIXES, QueryError, run
from kg.sparql_errors import syntax_message


def message(query):
    with pytest.raises(SyntaxError) as exc:
        ox.Store().query(query, prefixes=PREFIXES)
    return syntax_message(exc.value, query, prefixes=PREFIXES)


def test_an_unknown_prefix_is_named_without_unicode_ranges():
    text = message("SELECT ?x WHERE {\n  ?x foo:bar ?y\n}")
    first = text.splitlines()[0]
    assert first.startswith("SPARQL syntax error at line 2, column 6: unknown prefix foo:")
    assert "PREFIX foo:" in first and "kg, kgid" in first
    assert "\\u{" not in text and "..=" not in text
    assert text.splitlines()[1] == "    ?x foo:bar ?y" and text.splitlines()[2] == "       ^"


@pytest.mark.parametrize("query, line, words", [
    ("SELEC ?x WHERE { ?x ?p ?o }", 1, "expected"),
    ("SELECT ?x WHERE {\n ?x ?p ?o\n FILTER(?x = ) }", 3, "expected one of"),
    ("SELECT * WHERE { ?s ?p ?o } LIMIT x", 1, "expected"),
])
def test_other_errors_give_line_column_and_few_words(query, line, words):
    text = message(query)
    first = text.splitlines()[0]
    assert first.startswith(f"SPARQL syntax error at line {line}, column ")
    assert words in first and len(first) < 160 and "[" not in first
    assert len(text.splitlines()) == 3 and text.splitlines()[2].strip() == "^"


def test_a_message_without_a_position_is_kept_short():
    assert syntax_message(SyntaxError("something odd\nmore"), "x") == "SPARQL syntax error: something odd"


def test_kg_query_prints_the_short_message(tmp_path, capsys):
    (tmp_path / "graph.ttl").write_text("<urn:a> <urn:p> <urn:o> .\n", encoding="utf-8")
    assert main(["query", str(tmp_path), "SELECT ?x WHERE { ?x nope:p ?y }"]) == 1
    err = capsys.readouterr().err
    assert "unknown prefix nope:" in err and "line 1, column 22" in err and len(err.splitlines()) == 3


def test_run_raises_query_error():
    with pytest.raises(QueryError, match="unknown prefix zz:"):
        run(ox.Store(), "ASK { zz:a ?p ?o }")


def test_prefixes_inside_strings_iris_and_comments_are_not_taken_for_unknown():
    from kg.sparql_errors import unknown_prefix

    q = ('PREFIX a: <http://x#>\nSELECT * WHERE { ?s a:b "zz:q" ; <http://e.org/c:d> ?o  # yy:z\n'
         ' FILTER(?o < 3 && ?o > 2) . ?s rdf:type ?t ; a:c "1"^^xsd:int . _:b1 a:d ?o }')
    assert unknown_prefix(q, ["rdf", "xsd"]) is None
    assert unknown_prefix(q, ["rdf"]) == ("xsd", q.index("xsd:int"))
