"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pySHACL).

``validate(path) -> Report``; ``kg validate GRAPH`` exits non-zero when the graph does
not conform. The shapes and the ontology ship inside the package (kg/data/ontology/,
kept equal to ontology/ by a test), so validation also works from an installed kg.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph

from .query import graph_file


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: int
    text: str


def _shipped(name: str) -> Graph:
    root = Path(__file__).resolve().parent.parent / "ontology" / name
    if root.exists():
        return Graph().parse(root)
    data = resources.files("kg.data").joinpath("ontology", name).read_text(encoding="utf-8")
    return Graph().parse(data=data, format="turtle")


def validate(path, *, shapes: Graph | None = None) -> Report:
    from pyshacl import validate as shacl

    data = Graph().parse(graph_file(path))
    conforms, _, text = shacl(data, shacl_graph=shapes if shapes is not None else _shipped("shapes.ttl"),
                              ont_graph=_shipped("kg.ttl"), inference="none", abort_on_first=False,
                              allow_warnings=True)
    m = re.search(r"Results \((\d+)\)", text)
    return Report(bool(conforms), int(m.group(1)) if m else 0, text)
