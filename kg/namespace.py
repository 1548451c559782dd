"""The kg ontology as a Python namespace, and stable IRIs for entities.

``KG`` mirrors ``ontology/kg.ttl`` term by term (a test keeps the two equal); a
misspelled term raises ``AttributeError`` at import or first use, not in a SPARQL
query. ``iri_for(key)`` mints the IRI of an entity from its canonical key: the same
key gives the same IRI on every build, and any key gives a valid IRI.
"""
from __future__ import annotations

from urllib.parse import quote

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

BASE = "https://w3id.org/kg-id/"
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace(BASE + "id/")


class KG(DefinedNamespace):
    """Terms of https://w3id.org/kg-id/ontology#."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Person: URIRef
    Organization: URIRef
    Office: URIRef
    Event: URIRef
    Election: URIRef
    Law: URIRef
    Place: URIRef
    Article: URIRef
    Sentence: URIRef
    Mention: URIRef
    Assertion: URIRef
    Statement: URIRef
    # the eight relations
    holdsOffice: URIRef
    officeOf: URIRef
    spokeAt: URIRef
    attended: URIRef
    organizedBy: URIRef
    heldIn: URIRef
    heldOn: URIRef
    cites: URIRef
    # provenance and structure
    mentionedIn: URIRef
    mentionOf: URIRef
    inArticle: URIRef
    inSentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sentenceIndex: URIRef
    text: URIRef
    sourceFile: URIRef
    dateline: URIRef
    key: URIRef
    regionCode: URIRef
    endDate: URIRef
    acting: URIRef
    former: URIRef
    assertedOn: URIRef
    speaker: URIRef
    quote: URIRef
    saidAt: URIRef


PREFIXES = {"kg": KG._NS, "kgid": ID, "schema": SCHEMA, "org": ORG, "prov": PROV, "skos": SKOS,
            "dcterms": DCTERMS, "foaf": FOAF, "owl": OWL, "rdf": RDF, "rdfs": RDFS, "xsd": XSD}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    return graph


_SAFE = "-._~"


def iri_for(key: str) -> URIRef:
    """``"org:bkn"`` -> ``https://w3id.org/kg-id/id/org/bkn``. The kind before the first
    ":" becomes a path segment; every other character outside [A-Za-z0-9._~-] is
    percent-encoded (UTF-8), so quotes, spaces, "<", ">" and non-ASCII letters are safe."""
    kind, _, rest = key.partition(":")
    if not rest:
        kind, rest = "x", key
    return URIRef(ID + _pct(kind) + "/" + _pct(rest))


def _pct(text: str) -> str:
    # "surrogatepass": a lone surrogate (possible in JSON input) is still encoded, never an error
    return quote(text.encode("utf-8", "surrogatepass"), safe=_SAFE)
