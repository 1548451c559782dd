"""Spreadsheet safety of the Neo4j CSV (issue 12, item 10): no cell starts with a formula
character (= + - @ tab CR), as OWASP recommends, and both ways of loading the files take
the guard off again, so Neo4j holds the values unchanged."""
import csv
import io
from pathlib import Path

import pytest

import kg
from kg.export import neo4j
from kg.export.neo4j import files

ARTICLE = ("Bupati Lahat Pimpin Apel Siaga\n\nLAHAT, Kabarkita.id – Bupati Lahat, Slamet Riyadi, memimpin apel siaga "
           "bencana di Lapangan Merdeka Lahat, Senin (2/10/2023). “Semua personel siap,” kata Slamet.\n")
HOSTILE_NAMES = ["=HYPERLINK(\"x.example\",\"klik\").txt", "+1+1.txt", "-2+3.txt", "@SUM(A1).txt",
                 "'kutip.txt", "biasa.txt"]


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    for i, name in enumerate(HOSTILE_NAMES):
        (src / name).write_text(ARTICLE.replace("Slamet Riyadi", f"Slamet Riyadi{' Putra' * i}"))
    g = kg.build([src])
    assert sorted(g.articles) == sorted(HOSTILE_NAMES)
    return g


@pytest.mark.parametrize("value", ["=1+1", "+62 812", "-", "@user", "\tx", "\rx", "'", "''=x", "Bupati", "", "a=b"])
def test_guard_then_unguard_gives_the_value(value):
    written = neo4j.guard(value)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert neo4j.unguard(written) == value


def test_no_cell_starts_with_a_formula_character(graph):
    for name in ("nodes.csv", "relationships.csv"):
        rows = list(csv.reader(io.StringIO(files(graph)[name].decode("utf-8"))))
        cells = [cell for row in rows[1:] for cell in row]
        assert any(cell.startswith("'=HYPERLINK") for cell in cells) or name == "relationships.csv"
        bad = [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert bad == [], name


def test_the_import_reads_the_values_back_unchanged(graph, tmp_path):
    from kg.export.neo4j import Neo4jExporter

    folder = Neo4jExporter().write(graph, tmp_path)
    nodes, rels = neo4j.read_back(folder)
    nxg = graph.to_networkx()
    assert {n["id"]: (n["label"], n["names"], n["articles"]) for n in nodes} == \
        {k: (d["label"], sorted(d["names"]), sorted(d["articles"])) for k, d in nxg.nodes(data=True)}
    articles = {a for n in nodes for a in n["articles"]} | {a for r in rels for a in r["articles"]}
    assert set(HOSTILE_NAMES) <= articles
    assert (folder / "after_import.cypher").exists()


def test_both_loading_paths_take_the_guard_off():
    # load.cypher: every value column is read through the unguard expression
    for column in ("label", "names:string[]", "articles:string[]", "dates:string[]"):
        assert f"CASE WHEN row.`{column}` STARTS WITH \"'\" THEN substring(row.`{column}`, 1)" in neo4j.CYPHER
    # after neo4j-admin: the same for the properties it imported as they were
    for prop in ("n.label", "n.names[0]", "n.articles[0]", "n.dates[0]", "r.articles[0]"):
        assert f"{prop} STARTS WITH \"'\"" in neo4j.AFTER_IMPORT
    readme = files.__globals__["README"]
    assert "after_import.cypher" in readme and "OWASP" in readme


def test_a_real_property_graph_database_reads_the_values_back_unchanged(graph, tmp_path):
    kuzu = pytest.importorskip("kuzu", reason="kuzu is pinned in the test extras")
    from kg.export.neo4j import Neo4jExporter

    folder = Neo4jExporter().write(graph, tmp_path / "csv")
    conn = kuzu.Connection(kuzu.Database(str(tmp_path / "db")))
    for statement in neo4j.KUZU_LOAD.format(folder=folder).split(";"):
        if statement.strip():
            conn.execute(statement)

    def rows(query):
        res = conn.execute(query)
        out = []
        while res.has_next():
            out.append(res.get_next())
        return out

    loaded = {key: (label, sorted((articles or "").split(";")))
              for key, label, articles in rows("MATCH (n:Entity) RETURN n.id, n.label, n.articles")}
    nxg = graph.to_networkx()
    assert loaded == {k: (d["label"], sorted(d["articles"])) for k, d in nxg.nodes(data=True)}
    assert set(HOSTILE_NAMES) == {a for _, arts in loaded.values() for a in arts}
    in_rels = {a for (arts,) in rows("MATCH ()-[r:Rel]->() RETURN r.articles") for a in arts.split(";")}
    assert in_rels == {a for _, _, d in nxg.edges(data=True) for a in d["articles"]}
