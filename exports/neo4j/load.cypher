// Load kg's neo4j/ CSV files with LOAD CSV (copy them into Neo4j's import folder first).
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
