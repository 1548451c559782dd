"""JSON-LD with a context: short names for the kg terms and the vocabularies used,
so the file reads as plain JSON and expands to the same triples as the Turtle.

Written as a stream, one node object per line of ``@graph``, from the build's
N-Triples parsed by pyoxigraph (rdflib's JSON-LD writer took minutes at 3,000
articles). Provenance nodes (articles, sentences, mentions, assertions, statements)
come together in the N-Triples and are written as they come; an entity's triples are
spread over the file (``kg:mentionedIn`` in each article, then its names, then its
relations), so each entity is written whole, once, where it is first named, from an
Oxigraph store: the build's ``graph.oxigraph`` when this build wrote it, else a
temporary store of the entity triples alone.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..namespace import ID
from . import write_via_temp
from .rdf import spooled
from .store import built_store

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

KG = "https://w3id.org/kg-id/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
PREFIXES = {
    "kg": KG,
    "kgid": "https://w3id.org/kg-id/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
LINKS = ("holdsOffice", "officeOf", "spokeAt", "attended", "organizedBy", "heldIn", "cites")
CONTEXT = {
    **PREFIXES,
    "label": "rdfs:label",
    "altLabel": "skos:altLabel",
    **{name: {"@id": f"kg:{name}", "@type": "@id"} for name in LINKS},
    "heldOn": {"@id": "kg:heldOn", "@type": "xsd:date"},
}
# predicate IRI -> (key, what its values must be to use the key: "iri", "string" or a datatype IRI)
TERMS = {
    PREFIXES["rdfs"] + "label": ("label", "string"),
    PREFIXES["skos"] + "altLabel": ("altLabel", "string"),
    **{KG + name: (name, "iri") for name in LINKS},
    KG + "heldOn": ("heldOn", PREFIXES["xsd"] + "date"),
}
PROVENANCE = tuple(f"{ID}{kind}/" for kind in ("article", "sentence", "mention", "assertion", "statement"))
SCRATCH_IN_MEMORY = 64 << 20  # N-Triples bytes up to which the scratch store stays in memory
KGID = PREFIXES["kgid"]
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


@lru_cache(maxsize=1 << 12)
def _compact_vocab(iri: str) -> str:
    return compact(iri)


def compact(iri: str) -> str:
    """``kg:Person`` for the full IRI, when a prefix of the context fits."""
    if iri.startswith(KGID):
        rest = iri[len(KGID):]
        return iri if rest.startswith("//") else "kgid:" + rest
    for prefix, ns in _BY_LENGTH:
        if iri.startswith(ns):
            rest = iri[len(ns):]
            if not rest.startswith("//"):  # "p://x" would read as an absolute IRI
                return f"{prefix}:{rest}"
    return iri


def _ref(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact(term.value)


def _value(term, coerce: str | None):
    """The JSON value of an object term under a key with ``coerce`` (None: a plain key)."""
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return _ref(term) if coerce == "iri" else {"@id": _ref(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    dt = term.datatype.value
    if coerce == dt or (dt == XSD_STRING and coerce in (None, "string")):
        return term.value
    return {"@value": term.value, "@type": _compact_vocab(dt)}


def node(subject, pairs: Iterable[tuple]) -> dict:
    """One JSON-LD node object from the (predicate, object) terms of ``subject``."""
    out: dict = {"@id": _ref(subject)}
    for p, o in pairs:
        p = p.value
        if p == RDF_TYPE and isinstance(o, ox.NamedNode):
            out.setdefault("@type", []).append(_compact_vocab(o.value))
            continue
        key, coerce = TERMS.get(p, (None, None))
        if key is not None:
            kind = "iri" if isinstance(o, (ox.NamedNode, ox.BlankNode)) else (
                "string" if not o.language and o.datatype.value == XSD_STRING else
                (o.datatype.value if not o.language else None))
            if kind != coerce:
                key, coerce = None, None
        if key is None:
            key = _compact_vocab(p)
        out.setdefault(key, []).append(_value(o, coerce))
    for key, values in out.items():
        if key != "@id":
            if len(values) == 1:
                out[key] = values[0]
            else:
                values.sort(key=_order)
    return out


def _order(value) -> tuple:
    if isinstance(value, str):
        return (0, value)
    return (1, *(str(value.get(k, "")) for k in ("@id", "@value", "@type", "@language")))


def _is_provenance(subject) -> bool:
    return isinstance(subject, ox.NamedNode) and subject.value.startswith(PROVENANCE)


def nodes(nt_path: str | Path, store: ox.Store) -> Iterator[dict]:
    """Node objects in the order things first appear in the N-Triples."""
    done: set = set()
    current, pairs = None, []
    for t in ox.parse(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES):
        s = t.subject
        if _is_provenance(s):
            if s != current:
                if pairs:
                    yield node(current, pairs)
                current, pairs = s, []
            pairs.append((t.predicate, t.object))
            continue
        if s not in done:
            done.add(s)
            yield node(s, ((q.predicate, q.object) for q in
                           store.quads_for_pattern(s, None, None, ox.DefaultGraph())))
    if pairs:
        yield node(current, pairs)


def write_jsonld(nt_path: str | Path, fh, *, store_path: str | Path | None = None) -> None:
    """Write the JSON-LD of an N-Triples file to the binary file ``fh``."""
    tmp = None
    if store_path is not None:
        store = ox.Store.read_only(str(Path(store_path) / "data"))
    else:  # a scratch store of the triples about entities (a fraction of the whole), on disk when large
        if Path(nt_path).stat().st_size > SCRATCH_IN_MEMORY:
            tmp = tempfile.mkdtemp(prefix="kg-jsonld-")
        store = ox.Store(tmp)
        store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object)
                          for t in ox.parse(path=str(nt_path), format=ox.RdfFormat.N_TRIPLES)
                          if not _is_provenance(t.subject))
    try:
        head = json.dumps({"@context": CONTEXT}, ensure_ascii=False, sort_keys=True, indent=1)
        fh.write((head[:-2] + ',\n "@graph": [').encode("utf-8"))
        sep = b"\n"
        for n in nodes(nt_path, store):
            fh.write(sep + json.dumps(n, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            sep = b",\n"
        fh.write(b"\n ]\n}\n")
    finally:
        del store
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def jsonld_bytes(graph: "KnowledgeGraph") -> bytes:
    import io

    buf = io.BytesIO()
    write_jsonld(spooled(graph), buf, store_path=built_store(graph))
    return buf.getvalue()


class JsonLdExporter:
    name = "jsonld"
    filename = "graph.jsonld"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        source, store_path = spooled(graph), built_store(graph)
        return write_via_temp(Path(out_dir) / self.filename,
                              lambda fh: write_jsonld(source, fh, store_path=store_path))
