"""JSON-LD with a context: short names for the kg terms and the vocabularies used,
so the file reads as plain JSON and expands to the same triples as the Turtle."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from . import write_atomic
from .rdf import to_rdf

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

KG = "https://w3id.org/kg-id/ontology#"
CONTEXT = {
    "kg": KG,
    "kgid": "https://w3id.org/kg-id/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "label": "rdfs:label",
    "altLabel": "skos:altLabel",
    **{name: {"@id": f"kg:{name}", "@type": "@id"} for name in
       ("holdsOffice", "officeOf", "spokeAt", "attended", "organizedBy", "heldIn", "cites")},
    "heldOn": {"@id": "kg:heldOn", "@type": "xsd:date"},
}


def jsonld_bytes(graph: "KnowledgeGraph") -> bytes:
    g = to_rdf(graph)
    data = json.loads(g.serialize(format="json-ld", context=CONTEXT, auto_compact=True))
    nodes = data.get("@graph", [data] if "@id" in data else [])
    for node in nodes:
        for k, v in list(node.items()):
            if isinstance(v, list):
                node[k] = sorted(v, key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda n: str(n.get("@id", "")))
    doc = {"@context": CONTEXT, "@graph": nodes}
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


class JsonLdExporter:
    name = "jsonld"
    filename = "graph.jsonld"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        return write_atomic(Path(out_dir) / self.filename, jsonld_bytes(graph))
