// Run once after `neo4j-admin database import` (see README.txt): takes off the ' that
// kg wrote in front of cells starting with = + - @ tab, CR or ' (spreadsheet safety).
MATCH (n) WHERE n.label STARTS WITH "'" SET n.label = substring(n.label, 1);
MATCH (n) WHERE size(n.names) > 0 AND n.names[0] STARTS WITH "'"
  SET n.names = [substring(n.names[0], 1)] + n.names[1..];
MATCH (n) WHERE size(n.articles) > 0 AND n.articles[0] STARTS WITH "'"
  SET n.articles = [substring(n.articles[0], 1)] + n.articles[1..];
MATCH (n) WHERE size(n.dates) > 0 AND n.dates[0] STARTS WITH "'"
  SET n.dates = [substring(n.dates[0], 1)] + n.dates[1..];
MATCH (n) WHERE size(n.end_dates) > 0 AND n.end_dates[0] STARTS WITH "'"
  SET n.end_dates = [substring(n.end_dates[0], 1)] + n.end_dates[1..];
MATCH ()-[r]->() WHERE size(r.articles) > 0 AND r.articles[0] STARTS WITH "'"
  SET r.articles = [substring(r.articles[0], 1)] + r.articles[1..];
