"""The SPARQL 1.1 Service Description of `kg serve` (GET /sparql without a query).

It says what a client needs before its first query, in the W3C vocabulary
(https://www.w3.org/TR/sparql11-service-description/): the endpoint's URL, that it speaks
SPARQL 1.1 Query and not Update (read-only), the formats it writes results and graphs in,
the dataset (the default graph and any named graphs of the store), and, in words, its
limits. Written by Oxigraph in the format content negotiation picks (Turtle by default).
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .serve_conneg import GRAPH_FORMATS, OX_GRAPHS, RESULT_FORMATS, Format

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
DCT_TITLE = ox.NamedNode("http://purl.org/dc/terms/title")
# the W3C's names for the formats (https://www.w3.org/ns/formats/)
FORMAT_IRIS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
               "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "nt": "N-Triples", "rdfxml": "RDF_XML",
               "jsonld": "JSON-LD"}
PREFIXES = {"sd": SD, "formats": FORMATS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "dcterms": "http://purl.org/dc/terms/"}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def limits_sentence(limits, http_limits) -> str:
    """The limits a client meets, in words."""
    return (f"Read-only: update requests are refused (403). Limits: a query may run {limits.timeout:g} s (then 503); "
            f"an answer may be {limits.max_result:,} bytes (then 413: ask for less); a request body "
            f"{http_limits.max_body:,} bytes (413); {limits.max_queries} queries run at once, up to "
            f"{limits.max_waiting} more wait at most {limits.max_wait:g} s (then 503). "
            + ("Federated queries (SERVICE) are run." if limits.allow_service
               else "Federated queries (SERVICE) are refused (400)."))


def description(endpoint: str, *, limits, http_limits, named_graphs: Iterable[ox.NamedNode | ox.BlankNode] = ()
                ) -> list[ox.Triple]:
    """The triples of the service description of the endpoint at ``endpoint``."""
    service, dataset, default = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("default")
    t = [ox.Triple(service, RDF_TYPE, _sd("Service")),
         ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
         ox.Triple(service, DCT_TITLE, ox.Literal("kg: a knowledge graph of Indonesian government news")),
         ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
         ox.Triple(service, _sd("defaultEntailmentRegime"), ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
         ox.Triple(service, RDFS_COMMENT, ox.Literal(limits_sentence(limits, http_limits), language="en"))]
    if limits.allow_service:
        t.append(ox.Triple(service, _sd("feature"), _sd("BasicFederatedQuery")))
    for fmt in RESULT_FORMATS + GRAPH_FORMATS:
        t.append(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS + FORMAT_IRIS[fmt.name])))
    t += [ox.Triple(service, _sd("defaultDataset"), dataset),
          ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
          ox.Triple(dataset, _sd("defaultGraph"), default),
          ox.Triple(default, RDF_TYPE, _sd("Graph"))]
    for i, name in enumerate(named_graphs):
        node = ox.BlankNode(f"named{i}")
        t += [ox.Triple(dataset, _sd("namedGraph"), node), ox.Triple(node, RDF_TYPE, _sd("NamedGraph")),
              ox.Triple(node, _sd("name"), name)]
    return t


def serialize(triples: list[ox.Triple], fmt: Format) -> bytes:
    options = {"prefixes": PREFIXES} if fmt.name == "turtle" else {}
    return ox.serialize(triples, format=OX_GRAPHS[fmt.name], **options)
