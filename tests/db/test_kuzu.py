"""The Neo4j CSV export loaded into a real property-graph database (Kùzu, embedded
Cypher) answers the ready-made questions with the same rows as ``kg query``.

The CSV holds entities and relations (with heldOn dates as the node property ``dates``);
statements and per-sentence evidence live only in the RDF exports, so the questions about
them (statements_by_official, provenance_of_fact) have no Cypher equivalent here, and the
acting/asserted columns of offices_by_person (read from assertions) are left out of the
comparison. Empty list cells load as NULL.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.export.neo4j import KUZU_LOAD, Neo4jExporter
from kg.export.rdf import TurtleExporter
from kg.query import load, read_query, run

kuzu = pytest.importorskip("kuzu", reason="kuzu is pinned in the test extras")

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-neo4j")
    graph = kg.build([ROOT / "sources"])
    TurtleExporter().write(graph, out)
    Neo4jExporter().write(graph, out)
    return out


@pytest.fixture(scope="module")
def cypher(exported, tmp_path_factory):
    db = kuzu.Database(str(tmp_path_factory.mktemp("kuzu") / "db"))
    conn = kuzu.Connection(db)
    for statement in KUZU_LOAD.format(folder=exported / "neo4j").split(";"):
        if statement.strip():
            conn.execute(statement)

    def ask(query: str) -> list[tuple]:
        res = conn.execute(query)
        rows = []
        while res.has_next():
            rows.append(tuple(None if v is None else str(v) for v in res.get_next()))
        return sorted(rows, key=str)

    return ask


def sparql(exported: Path, name: str, columns: int | None = None) -> list[tuple]:
    rows = run(load(exported), read_query(str(QUERIES / name))).values()
    if columns is not None:
        rows = list(set(r[:columns] for r in rows))
    return sorted(rows, key=str)


def test_every_node_and_relationship_is_loaded(cypher, exported):
    nodes = (exported / "neo4j" / "nodes.csv").read_text(encoding="utf-8").count("\n") - 1
    rels = (exported / "neo4j" / "relationships.csv").read_text(encoding="utf-8").count("\n") - 1
    assert cypher("MATCH (n:Entity) RETURN count(n)") == [(str(nodes),)]
    assert cypher("MATCH ()-[r:Rel]->() RETURN count(r)") == [(str(rels),)]


def test_who_spoke_where(cypher, exported):
    rows = cypher("""
        MATCH (p:Entity)-[:Rel {type: 'SPOKE_AT'}]->(e:Entity)
        OPTIONAL MATCH (e)-[:Rel {type: 'HELD_IN'}]->(pl:Entity)
        UNWIND string_split(coalesce(e.dates, '-'), ';') AS d
        RETURN p.label, e.label, CASE WHEN d = '-' THEN NULL ELSE d END, pl.label""")
    assert rows and rows == sparql(exported, "who_spoke_where.rq")


def test_laws_cited(cypher, exported):
    rows = cypher("""
        MATCH (x:Entity)-[:Rel {type: 'CITES'}]->(l:Entity)
        WITH l, count(x) AS citations
        MATCH (c:Entity)-[:Rel {type: 'CITES'}]->(l)
        WHERE c.kind IN ['Person', 'Event', 'Organization']
        RETURN l.label, c.label, c.kind, citations""")
    assert rows and rows == sparql(exported, "laws_cited.rq")


def test_offices_by_person(cypher, exported):
    rows = cypher("""
        MATCH (p:Entity)-[:Rel {type: 'HOLDS_OFFICE'}]->(o:Entity)
        OPTIONAL MATCH (o)-[:Rel {type: 'OFFICE_OF'}]->(b:Entity)
        RETURN DISTINCT p.label, o.label, b.label""")
    assert rows and rows == sparql(exported, "offices_by_person.rq", columns=3)


def test_events_by_region_month(cypher, exported):
    rows = cypher("""
        MATCH (e:Entity)-[:Rel {type: 'HELD_IN'}]->(pl:Entity)
        WHERE e.dates IS NOT NULL
        UNWIND string_split(e.dates, ';') AS d
        RETURN pl.label, substring(d, 1, 7), count(DISTINCT e.id)""")
    assert rows and rows == sparql(exported, "events_by_region_month.rq")
