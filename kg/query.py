"""SPARQL over a built graph, on an embedded Oxigraph store (pyoxigraph).

Why Oxigraph and not rdflib's in-memory store: on this machine pyoxigraph loads Turtle
10-15 times faster and answers joins 100-300 times faster than rdflib (see
``../shared/notes/toolchain.md``, re-measured by ``make bench-query``), with the
same answers.

    store = load("exports/")              # a folder with graph.ttl / graph.nt, or a file
    result = run(store, "SELECT ...")     # Result(columns, rows) or Result(boolean=...)
    print(to_table(result))               # or to_csv / to_json (SPARQL 1.1 JSON results)
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .query_guard import SERVICE_REFUSED, query_form, uses_service

FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".nq": ox.RdfFormat.N_QUADS,
           ".rdf": ox.RdfFormat.RDF_XML, ".jsonld": None}
PREFIXES = {
    "kg": "https://w3id.org/kg-id/ontology#",
    "kgid": "https://w3id.org/kg-id/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
}


class QueryError(Exception):
    """A graph that cannot be loaded or a query that cannot run; the message says why."""


@dataclass
class Result:
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)      # each cell: an rdflib-free term dict or None
    boolean: bool | None = None

    def values(self) -> list[tuple[str | None, ...]]:
        """Rows as plain strings (IRIs and literal values), None for unbound."""
        return [tuple(None if c is None else c["value"] for c in row) for row in self.rows]


def graph_file(path: str | Path) -> Path:
    p = Path(path)
    if p.is_dir():
        for name in ("graph.ttl", "graph.nt"):
            if (p / name).exists():
                return p / name
        raise QueryError(f"{p}: no graph.ttl or graph.nt in this folder (run `kg build` first)")
    if not p.exists():
        raise QueryError(f"{p}: no such file or folder")
    if p.suffix not in FORMATS or FORMATS[p.suffix] is None:
        raise QueryError(f"{p}: not a graph file (.ttl, .nt, .nq, .rdf)")
    return p


def load(path: str | Path) -> ox.Store:
    """An in-memory store with the graph of a file or build folder."""
    f = graph_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(f), format=FORMATS[f.suffix])
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{f}: cannot load the graph: {exc}") from None
    return store


def _term(t) -> dict | None:
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = t.datatype.value
        return out
    return {"type": "triple", "value": str(t)}


def read_query(text_or_path: str) -> str:
    """A query string, or the text of a ``.rq`` file."""
    p = Path(text_or_path)
    if text_or_path.endswith(".rq") or (len(text_or_path) < 4096 and "\n" not in text_or_path and p.is_file()):
        if not p.is_file():
            raise QueryError(f"{p}: no such query file")
        return p.read_text(encoding="utf-8")
    return text_or_path


def is_update(query: str) -> bool:
    """Is this a SPARQL Update (INSERT, DELETE, LOAD...)? Decided by the first keyword after
    the prologue, so a string literal or IRI that contains "add" or "load" does not count."""
    return query_form(query) == "update"


def check(query: str, *, allow_service: bool = False) -> None:
    """Raise QueryError for what kg never runs: updates, and federated queries unless allowed."""
    if is_update(query):
        raise QueryError("this is a read-only graph: update queries are refused")
    if not allow_service and uses_service(query):
        raise QueryError(SERVICE_REFUSED)


def run(store: ox.Store, query: str, *, allow_service: bool = False) -> Result:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE); updates are refused, and so
    are federated queries (SERVICE) unless ``allow_service``."""
    check(query, allow_service=allow_service)
    try:
        answer = store.query(query, prefixes=PREFIXES)
    except SyntaxError as exc:
        from .sparql_errors import syntax_message

        raise QueryError(syntax_message(exc, query, prefixes=PREFIXES)) from None
    if isinstance(answer, ox.QueryBoolean):
        return Result(boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        cols = [v.value for v in answer.variables]
        rows = [tuple(_term(sol[c]) for c in cols) for sol in answer]
        return Result(cols, rows)
    rows = [(_term(t.subject), _term(t.predicate), _term(t.object)) for t in answer]
    return Result(["subject", "predicate", "object"], rows)


def _cell(c: dict | None) -> str:
    if c is None:
        return ""
    return c["value"]


def to_table(result: Result, *, width: int = 60) -> str:
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    cells = [[(_cell(c) if len(_cell(c)) <= width else _cell(c)[: width - 1] + "…") for c in row]
             for row in result.rows]
    widths = [max([len(col)] + [len(r[i]) for r in cells]) for i, col in enumerate(result.columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(result.columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(out)


def to_csv(result: Result) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    if result.boolean is not None:
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.columns)
    for row in result.rows:
        w.writerow([_cell(c) for c in row])
    return buf.getvalue()


def to_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [{c: v for c, v in zip(result.columns, row) if v is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}}, ensure_ascii=False)
