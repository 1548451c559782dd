"""Content negotiation for `kg serve`: which format an answer is written in.

A query's answer is results (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE, and the
service description); each has its formats, in the server's order of preference:

    results  application/sparql-results+json, application/sparql-results+xml, text/csv,
             text/tab-separated-values
    graphs   text/turtle, application/n-triples, application/rdf+xml, application/ld+json

``negotiate`` reads the Accept header as RFC 9110 says: each offered type gets the
quality of the most specific range that matches it (``text/csv`` before ``text/*`` before
``*/*``), ``q=0`` excludes it, the highest quality wins and, among equals, the type the
client named itself and then the server's order. No Accept header: the first format. A
``format=`` parameter (a short name such as ``json``, ``csv``, ``turtle``, ``rdf+xml``, or
a media type) chooses directly when it names a format of the answer's kind; names it does
not know are left to the Accept header (SPARQLWrapper sends ``format=`` and
``output=`` beside its Accept header). None: nothing the client accepts can be written (406).
"""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    name: str                       # short name, also the key given to a query worker
    mime: str                       # the Content-Type of the answer
    aliases: tuple[str, ...] = ()   # other media types a client may ask it by
    names: tuple[str, ...] = ()     # other format= names

    def media_types(self) -> tuple[str, ...]:
        return (self.mime, *self.aliases)


RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json",), ("srj",)),
    Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("srx",)),
    Format("csv", "text/csv"),
    Format("tsv", "text/tab-separated-values", (), ("tab-separated-values",)),
)
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3",
                                     "application/n3"), ("ttl", "n3")),
    Format("nt", "application/n-triples", ("text/plain",), ("ntriples", "n-triples")),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), ("rdf+xml", "rdf", "xml", "rdf/xml")),
    Format("jsonld", "application/ld+json", ("application/json", "application/x-json+ld"), ("json-ld", "json")),
)
OX_RESULTS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
              "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
OX_GRAPHS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
             "jsonld": ox.RdfFormat.JSON_LD}
BY_NAME = {f.name: f for f in RESULT_FORMATS + GRAPH_FORMATS}


def parse_accept(header: str) -> list[tuple[str, float]]:
    """``[(media range, quality)]`` from an Accept header; parameters other than q are dropped."""
    ranges = []
    for part in header.split(","):
        bits = [b.strip() for b in part.split(";")]
        media = bits[0].lower()
        if not media:
            continue
        if "/" not in media:
            media = "*/*" if media == "*" else media + "/*"   # lenient: "json" or "*" as clients sometimes send
        q = 1.0
        for param in bits[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value.strip())))
                except ValueError:
                    q = 1.0
        ranges.append((media, q))
    return ranges


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> tuple[float, int]:
    """(quality, specificity) of ``fmt`` under the client's ranges; specificity 0: not matched."""
    best = (0.0, 0)
    kind = fmt.mime.split("/")[0]
    for media, q in ranges:   # a wildcard stands for the format's own type, not for its aliases
        spec = 3 if media in fmt.media_types() else 2 if media == f"{kind}/*" else 1 if media == "*/*" else 0
        if spec and (spec > best[1] or (spec == best[1] and q > best[0])):
            best = (q, spec)
    return best


def by_parameter(values: list[str], formats: tuple[Format, ...]) -> Format | None:
    """The first ``format=`` value that names one of ``formats``."""
    for value in values:
        key = value.strip().lower()
        for fmt in formats:
            if key == fmt.name or key in fmt.names or key in fmt.media_types():
                return fmt
    return None


def negotiate(accept: str | None, formats: tuple[Format, ...], params: list[str] = ()) -> Format | None:
    """The format to write an answer in, or None (406)."""
    chosen = by_parameter(list(params), formats)
    if chosen is not None:
        return chosen
    if accept is None or not accept.strip():
        return formats[0]
    ranges = parse_accept(accept)
    scored = []
    for order, fmt in enumerate(formats):
        q, spec = _quality(fmt, ranges)
        if spec and q > 0:
            scored.append((q, spec == 3, -order, fmt))
    return max(scored, key=lambda s: s[:3])[3] if scored else None


def not_acceptable(kind: str, formats: tuple[Format, ...], accept: str | None) -> bytes:
    """The body of a 406."""
    offered = ", ".join(f.mime for f in formats)
    names = "|".join(f.name if f.name not in ("rdfxml", "jsonld") else f.names[0] for f in formats)
    return (f"cannot write {kind} in any type the Accept header allows ({(accept or '').strip()[:200]}): "
            f"this endpoint writes {offered} (or choose with format={names})\n").encode()
