"""Neo4j: CSV files in the layout of `neo4j-admin database import`, and a Cypher script
that loads the same files with LOAD CSV.

    neo4j/nodes.csv          id:ID,:LABEL,label,names:string[],articles:string[],dates:string[],end_dates:string[]
    neo4j/relationships.csv  :START_ID,:END_ID,:TYPE,articles:string[]
    neo4j/load.cypher        CREATE CONSTRAINT + LOAD CSV ... MERGE
    neo4j/after_import.cypher  run after neo4j-admin: undoes the spreadsheet guard
    neo4j/README.txt         the neo4j-admin command line

Cells are guarded against spreadsheet formulas (OWASP): one starting with = + - @,
tab, CR or ' is written with a leading ', which every loading path takes off again.

Arrays use ";" (neo4j-admin's default array delimiter). Relation types are
UPPER_SNAKE_CASE; heldOn dates are the node property ``dates``.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

from . import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

NODE_HEADER = ["id:ID", ":LABEL", "label", "names:string[]", "articles:string[]", "dates:string[]",
               "end_dates:string[]"]
REL_HEADER = [":START_ID", ":END_ID", ":TYPE", "articles:string[]"]

# OWASP "CSV injection": a cell that starts with one of these is a formula to a
# spreadsheet; it is written with a "'" in front (and so is a cell that starts with "'",
# so that taking one "'" off every cell that starts with it gives the value back).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def guard(cell: str) -> str:
    """The cell as written: a leading "'" before a formula character (and before "'")."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def unguard(cell: str) -> str:
    """The value of a written cell: what load.cypher's ``kg_value`` expression gives."""
    return cell[1:] if cell.startswith("'") else cell


def _v(column: str) -> str:
    """Cypher for the value of a column: one leading "'" taken off (see guard)."""
    return f"CASE WHEN row.`{column}` STARTS WITH \"'\" THEN substring(row.`{column}`, 1) ELSE row.`{column}` END"


CYPHER = f"""// Load kg's neo4j/ CSV files with LOAD CSV (copy them into Neo4j's import folder first).
// Cells that start with = + - @ tab, CR or ' were written with a ' in front (a spreadsheet
// would run them as formulas); each value below takes that ' off again.
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (n:Entity {{id: row.`id:ID`}})
SET n.label = {_v("label")},
    n.type = row.`:LABEL`,
    n.names = split({_v("names:string[]")}, ';'),
    n.articles = split({_v("articles:string[]")}, ';'),
    n.dates = CASE row.`dates:string[]` WHEN '' THEN [] ELSE split({_v("dates:string[]")}, ';') END,
    n.end_dates = CASE row.`end_dates:string[]` WHEN '' THEN [] ELSE split({_v("end_dates:string[]")}, ';') END
WITH n, row
CALL apoc.create.addLabels(n, [row.`:LABEL`]) YIELD node
RETURN count(node);

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
MATCH (a:Entity {{id: row.`:START_ID`}}), (b:Entity {{id: row.`:END_ID`}})
CALL apoc.merge.relationship(a, row.`:TYPE`, {{}}, {{articles: split({_v("articles:string[]")}, ';')}}, b) YIELD rel
RETURN count(rel);
"""

# after neo4j-admin database import (or Memgraph's LOAD CSV below): the same ' taken off the
# imported properties (they hold the cells as written; a guarded list has its ' on its first item)
AFTER_IMPORT = """// Run once after `neo4j-admin database import` (see README.txt): takes off the ' that
// kg wrote in front of cells starting with = + - @ tab, CR or ' (spreadsheet safety).
MATCH (n) WHERE n.label STARTS WITH "'" SET n.label = substring(n.label, 1);
""" + "".join(f"""MATCH (n) WHERE size(n.{p}) > 0 AND n.{p}[0] STARTS WITH "'"
  SET n.{p} = [substring(n.{p}[0], 1)] + n.{p}[1..];
""" for p in ("names", "articles", "dates", "end_dates")) + """MATCH ()-[r]->() WHERE size(r.articles) > 0 AND r.articles[0] STARTS WITH "'"
  SET r.articles = [substring(r.articles[0], 1)] + r.articles[1..];
"""

# Kùzu (embedded Cypher): one node table, one relationship table. QUOTE/ESCAPE must be given
# and AUTO_DETECT switched off: the default COPY fails on quoted labels that hold commas.
KUZU_LOAD = """CREATE NODE TABLE Entity(id STRING, kind STRING, label STRING, names STRING, articles STRING,
    dates STRING, end_dates STRING, PRIMARY KEY(id));
CREATE REL TABLE Rel(FROM Entity TO Entity, type STRING, articles STRING);
COPY Entity FROM '{folder}/nodes.csv' (HEADER=true, QUOTE='"', ESCAPE='"', AUTO_DETECT=false);
COPY Rel FROM '{folder}/relationships.csv' (HEADER=true, QUOTE='"', ESCAPE='"', AUTO_DETECT=false);
""" + "".join(f"""MATCH (n:Entity) WHERE starts_with(n.{p}, "'") SET n.{p} = substring(n.{p}, 2, size(n.{p}));
""" for p in ("label", "names", "articles", "dates", "end_dates")) + \
    """MATCH ()-[r:Rel]->() WHERE starts_with(r.articles, "'") SET r.articles = substring(r.articles, 2, size(r.articles));
"""  # the spreadsheet guard taken off (see guard())

README = """kg graph for property-graph databases: nodes.csv (one row per entity; :LABEL is its
type; names, articles and heldOn dates are ';'-joined lists) and relationships.csv (one row
per relation; :TYPE is SPOKE_AT, HOLDS_OFFICE, ...). An event's heldOn dates are its
``dates``, the last day of a multi-day event its ``end_dates``. Statements and the evidence of each
fact are in the RDF exports (graph.ttl), not here.

Neo4j 5, bulk import into a new database:

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
        --array-delimiter=';' neo4j

then, once the database runs: cypher-shell -u neo4j -p PASSWORD -f after_import.cypher

Neo4j 5, into a running database: copy the CSV files into the import folder and run
load.cypher (it uses APOC for the dynamic labels and relationship types):

    cypher-shell -u neo4j -p PASSWORD -f load.cypher

Memgraph: copy the CSV files to the Memgraph host (e.g. /import) and run in mgconsole:

    LOAD CSV FROM '/import/nodes.csv' WITH HEADER AS row
    CREATE (n:Entity {id: row['id:ID'], type: row[':LABEL'], label: row.label,
                      names: split(row['names:string[]'], ';'),
                      articles: split(row['articles:string[]'], ';'),
                      dates: split(row['dates:string[]'], ';'),
                      end_dates: split(row['end_dates:string[]'], ';')});
    CREATE INDEX ON :Entity(id);
    LOAD CSV FROM '/import/relationships.csv' WITH HEADER AS row
    MATCH (a:Entity {id: row[':START_ID']}), (b:Entity {id: row[':END_ID']})
    CREATE (a)-[:REL {type: row[':TYPE'], articles: split(row['articles:string[]'], ';')}]->(b);

then run the statements of after_import.cypher.

Kùzu (pip install kuzu; embedded, Cypher), from Python, with this folder as FOLDER
(the QUOTE/ESCAPE options are needed: labels can hold commas):

    import kuzu
    conn = kuzu.Connection(kuzu.Database("kg.kuzu"))
""" + "".join(f"    conn.execute(\"\"\"{s.strip()}\"\"\")\n" for s in KUZU_LOAD.format(folder="FOLDER").split(";")
              if s.strip()) + """
(the last statements take the spreadsheet guard off). Then, for example, who spoke at
which event:

    MATCH (p:Entity)-[:Rel {type: 'SPOKE_AT'}]->(e:Entity) RETURN p.label, e.label;

Spreadsheet safety (OWASP, CSV injection): a cell that starts with = + - @, a tab or a
carriage return (a title or a file name can) would run as a formula when the CSV is
opened in a spreadsheet. kg writes such a cell with a ' in front, and a cell that
starts with ' gets one more, so the rule can be undone exactly: take one leading '
off every cell that starts with one. load.cypher does this as it loads;
after_import.cypher does it after neo4j-admin or Memgraph's LOAD CSV; the Kùzu
statements above end with it. Either way the database holds the values kg extracted,
unchanged. In a list cell ("a;b;c") the ' stands before the first item only.
"""


def relation_type(predicate: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", predicate).upper()


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(rows[0])
    w.writerows([guard(cell) for cell in row] for row in rows[1:])
    return buf.getvalue().encode("utf-8")


def _array(values) -> str:
    return ";".join(v.replace(";", ",") for v in values)


def files(graph: "KnowledgeGraph") -> dict[str, bytes]:
    nxg = graph.to_networkx()
    nodes = [NODE_HEADER]
    for key in sorted(nxg.nodes):
        d = nxg.nodes[key]
        nodes.append([key, d["type"], d["label"], _array(d["names"]), _array(d["articles"]),
                      _array(sorted(set(d["dates"]))), _array(sorted(set(d.get("end_dates", ()))))])
    rels = [REL_HEADER]
    for u, v, k, d in sorted(nxg.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        rels.append([u, v, relation_type(d["predicate"]), _array(d["articles"])])
    return {"nodes.csv": _csv(nodes), "relationships.csv": _csv(rels),
            "load.cypher": CYPHER.encode("utf-8"), "after_import.cypher": AFTER_IMPORT.encode("utf-8"),
            "README.txt": README.encode("utf-8")}


def read_back(folder: Path) -> tuple[list[dict], list[dict]]:
    """(nodes, relationships) as load.cypher loads them from the CSV files: each cell
    unguarded, lists split on ";"."""
    def rows(name):
        with open(Path(folder) / name, newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    def array(cell):
        return unguard(cell).split(";") if cell else []

    nodes = [{"id": r["id:ID"], "type": r[":LABEL"], "label": unguard(r["label"]),
              "names": array(r["names:string[]"]), "articles": array(r["articles:string[]"]),
              "dates": array(r["dates:string[]"]), "end_dates": array(r["end_dates:string[]"])}
             for r in rows("nodes.csv")]
    rels = [{"start": r[":START_ID"], "end": r[":END_ID"], "type": r[":TYPE"],
             "articles": array(r["articles:string[]"])} for r in rows("relationships.csv")]
    return nodes, rels


class Neo4jExporter:
    name = "neo4j"
    filename = "neo4j"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        folder = Path(out_dir) / self.filename
        for name, data in files(graph).items():
            write_atomic(folder / name, data)
        return folder
