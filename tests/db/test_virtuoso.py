"""The seed graph loaded into a real Virtuoso answers the ready-made questions like kg query."""
from pathlib import Path

import pytest

from kg.query import load, read_query, run

ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
BOOL = "http://www.w3.org/2001/XMLSchema#boolean"


def normalize(binding: dict | None) -> str | None:
    if binding is None:
        return None
    value = binding["value"]
    if binding.get("datatype") == BOOL:
        value = {"1": "true", "0": "false"}.get(value, value)
    return value


def virtuoso_rows(answer: dict) -> list[tuple]:
    names = answer["head"]["vars"]
    return sorted(tuple(normalize(b.get(n)) for n in names) for b in answer["results"]["bindings"])


def kg_rows(store, query) -> list[tuple]:
    result = run(store, query)
    rows = []
    for row in result.rows:
        rows.append(tuple(None if c is None else normalize(c) for c in row))
    return sorted(rows, key=lambda r: tuple("" if v is None else v for v in r))


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_same_answers_as_kg_query(virtuoso, seed_export, path):
    query = read_query(str(path))
    expected = kg_rows(load(seed_export), query)
    got = sorted(virtuoso_rows(virtuoso.select(query)), key=lambda r: tuple("" if v is None else v for v in r))
    assert got == expected


def test_virtuoso_has_every_triple(virtuoso, seed_export):
    from rdflib import Graph

    n = len(Graph().parse(seed_export / "graph.ttl"))
    answer = virtuoso.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(answer["results"]["bindings"][0]["n"]["value"]) == n
