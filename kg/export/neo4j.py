"""Neo4j: CSV files in the layout of `neo4j-admin database import`, and a Cypher script
that loads the same files with LOAD CSV.

    neo4j/nodes.csv          id:ID,:LABEL,label,names:string[],articles:string[],dates:string[],end_dates:string[]
    neo4j/relationships.csv  :START_ID,:END_ID,:TYPE,articles:string[]
    neo4j/load.cypher        CREATE CONSTRAINT + LOAD CSV ... MERGE
    neo4j/README.txt         the neo4j-admin command line

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

CYPHER = """// Load kg's neo4j/ CSV files with LOAD CSV (copy them into Neo4j's import folder first).
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (n:Entity {id: row.`id:ID`})
SET n.label = row.label,
    n.type = row.`:LABEL`,
    n.names = split(row.`names:string[]`, ';'),
    n.articles = split(row.`articles:string[]`, ';'),
    n.dates = CASE row.`dates:string[]` WHEN '' THEN [] ELSE split(row.`dates:string[]`, ';') END,
    n.end_dates = CASE row.`end_dates:string[]` WHEN '' THEN [] ELSE split(row.`end_dates:string[]`, ';') END
WITH n, row
CALL apoc.create.addLabels(n, [row.`:LABEL`]) YIELD node
RETURN count(node);

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CALL apoc.merge.relationship(a, row.`:TYPE`, {}, {articles: split(row.`articles:string[]`, ';')}, b) YIELD rel
RETURN count(rel);
"""

# Kùzu (embedded Cypher): one node table, one relationship table. QUOTE/ESCAPE must be given
# and AUTO_DETECT switched off: the default COPY fails on quoted labels that hold commas.
KUZU_LOAD = """CREATE NODE TABLE Entity(id STRING, kind STRING, label STRING, names STRING, articles STRING,
    dates STRING, end_dates STRING, PRIMARY KEY(id));
CREATE REL TABLE Rel(FROM Entity TO Entity, type STRING, articles STRING);
COPY Entity FROM '{folder}/nodes.csv' (HEADER=true, QUOTE='"', ESCAPE='"', AUTO_DETECT=false);
COPY Rel FROM '{folder}/relationships.csv' (HEADER=true, QUOTE='"', ESCAPE='"', AUTO_DETECT=false);
"""

README = """kg graph for property-graph databases: nodes.csv (one row per entity; :LABEL is its
type; names, articles and heldOn dates are ';'-joined lists) and relationships.csv (one row
per relation; :TYPE is SPOKE_AT, HOLDS_OFFICE, ...). An event's heldOn dates are its
``dates``, the last day of a multi-day event its ``end_dates``. Statements and the evidence of each
fact are in the RDF exports (graph.ttl), not here.

Neo4j 5, bulk import into a new database:

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \\
        --array-delimiter=';' neo4j

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

Kùzu (pip install kuzu; embedded, Cypher), from Python, with this folder as FOLDER
(the QUOTE/ESCAPE options are needed: labels can hold commas):

    import kuzu
    conn = kuzu.Connection(kuzu.Database("kg.kuzu"))
""" + "".join(f"    conn.execute(\"\"\"{s.strip()}\"\"\")\n" for s in KUZU_LOAD.format(folder="FOLDER").split(";")
              if s.strip()) + """
Then, for example, who spoke at which event:

    MATCH (p:Entity)-[:Rel {type: 'SPOKE_AT'}]->(e:Entity) RETURN p.label, e.label;
"""


def relation_type(predicate: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", predicate).upper()


def _csv(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerows(rows)
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
            "load.cypher": CYPHER.encode("utf-8"), "README.txt": README.encode("utf-8")}


class Neo4jExporter:
    name = "neo4j"
    filename = "neo4j"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        folder = Path(out_dir) / self.filename
        for name, data in files(graph).items():
            write_atomic(folder / name, data)
        return folder
