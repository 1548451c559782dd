"""kg: a knowledge-graph builder for Indonesian government news.

    >>> import kg
    >>> graph = kg.build(["sources/"])
    >>> graph.to_rdf()          # rdflib.Graph in the kg ontology
    >>> graph.to_networkx()     # networkx.MultiDiGraph
"""
from __future__ import annotations

__version__ = "0.1.0"


def build(paths, *, on_error=None, previous=(), jobs=1):
    """Build the merged graph of the articles in ``paths`` (files or folders), with
    ``jobs`` extraction processes (the graph is the same for any number)."""
    from .pipeline import build as _build

    if isinstance(paths, (str, bytes)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    return _build(paths, on_error=on_error, previous=previous, jobs=jobs)


__all__ = ["build", "__version__"]
