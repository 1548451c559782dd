"""kg.serve_conneg: Accept headers read as RFC 9110 says."""
import pytest

from kg.serve_conneg import GRAPH_FORMATS, RESULT_FORMATS, negotiate, parse_accept


def test_parse_accept():
    assert parse_accept("text/csv;q=0.5, application/json ; charset=utf-8, *;q=abc") == [
        ("text/csv", 0.5), ("application/json", 1.0), ("*/*", 1.0)]
    assert parse_accept("text/turtle;q=7, text/plain;q=-1") == [("text/turtle", 1.0), ("text/plain", 0.0)]


@pytest.mark.parametrize("accept, formats, expected", [
    (None, RESULT_FORMATS, "json"),
    ("", GRAPH_FORMATS, "turtle"),
    ("text/csv;q=0.4, text/tab-separated-values;q=0.6", RESULT_FORMATS, "tsv"),
    ("*/*;q=0.1, application/sparql-results+xml;q=0.1", RESULT_FORMATS, "xml"),   # named beats wildcard at equal q
    ("text/*;q=0, */*", RESULT_FORMATS, "json"),                                    # the more specific range rules
    ("application/sparql-results+json;q=0, application/*", RESULT_FORMATS, "xml"),
    ("text/*", RESULT_FORMATS, "csv"),                                              # not text/xml: an alias
    ("application/n-triples;q=0.9, text/turtle;q=0.8", GRAPH_FORMATS, "nt"),
    ("application/xml", GRAPH_FORMATS, "rdfxml"),
    ("application/json", GRAPH_FORMATS, "jsonld"),
    ("image/png", GRAPH_FORMATS, None),
    ("text/turtle;q=0", GRAPH_FORMATS, None),
])
def test_negotiate(accept, formats, expected):
    got = negotiate(accept, formats)
    assert (got and got.name) == expected


@pytest.mark.parametrize("params, formats, expected", [
    (["csv"], RESULT_FORMATS, "csv"),
    (["xml"], GRAPH_FORMATS, "rdfxml"),
    (["rdf+xml", "application/rdf+xml"], GRAPH_FORMATS, "rdfxml"),   # as SPARQLWrapper sends it
    (["json-ld"], GRAPH_FORMATS, "jsonld"),
    (["n3"], GRAPH_FORMATS, "turtle"),
    (["turtle"], RESULT_FORMATS, "json"),    # not a results format: the Accept header decides
])
def test_format_parameter(params, formats, expected):
    assert negotiate("application/sparql-results+json, text/turtle", formats, params).name == expected
