// Load kg's neo4j/ CSV files with LOAD CSV (copy them into Neo4j's import folder first).
// Cells that start with = + - @ tab, CR or ' were written with a ' in front (a spreadsheet
// would run them as formulas); each value below takes that ' off again.
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
MERGE (n:Entity {id: row.`id:ID`})
SET n.label = CASE WHEN row.`label` STARTS WITH "'" THEN substring(row.`label`, 1) ELSE row.`label` END,
    n.type = row.`:LABEL`,
    n.names = split(CASE WHEN row.`names:string[]` STARTS WITH "'" THEN substring(row.`names:string[]`, 1) ELSE row.`names:string[]` END, ';'),
    n.articles = split(CASE WHEN row.`articles:string[]` STARTS WITH "'" THEN substring(row.`articles:string[]`, 1) ELSE row.`articles:string[]` END, ';'),
    n.dates = CASE row.`dates:string[]` WHEN '' THEN [] ELSE split(CASE WHEN row.`dates:string[]` STARTS WITH "'" THEN substring(row.`dates:string[]`, 1) ELSE row.`dates:string[]` END, ';') END,
    n.end_dates = CASE row.`end_dates:string[]` WHEN '' THEN [] ELSE split(CASE WHEN row.`end_dates:string[]` STARTS WITH "'" THEN substring(row.`end_dates:string[]`, 1) ELSE row.`end_dates:string[]` END, ';') END
WITH n, row
CALL apoc.create.addLabels(n, [row.`:LABEL`]) YIELD node
RETURN count(node);

LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row
MATCH (a:Entity {id: row.`:START_ID`}), (b:Entity {id: row.`:END_ID`})
CALL apoc.merge.relationship(a, row.`:TYPE`, {}, {articles: split(CASE WHEN row.`articles:string[]` STARTS WITH "'" THEN substring(row.`articles:string[]`, 1) ELSE row.`articles:string[]` END, ';')}, b) YIELD rel
RETURN count(rel);
