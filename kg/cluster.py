"""A build on a Dask cluster: ``kg build --engine dask [--scheduler ADDRESS]``.

The driver reads the articles (as a local build does: one per id, in order of id)
and hands them to the cluster as a bag of partitions. Extraction is a map over the
partitions: each worker runs the pipeline and turns every article into records keyed
by what they are about (:func:`kg.graph.records`: the article, each entity by its
canonical key, each relation by subject, predicate and object). The merge is a
reduce by key (``Bag.foldby`` with :func:`kg.graph.merge_records`, commutative and
associative), and the driver absorbs the merged records into one
:class:`~kg.graph.KnowledgeGraph`, which is exported as usual: the files are the same
bytes as a single-process build's.

Without ``scheduler`` a ``LocalCluster`` is started for the build (``jobs`` worker
processes, one thread each) and closed after.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from .graph import KnowledgeGraph, merge_records, records
from .model import Article

_PIPELINE = None


def _extract_partition(articles: Iterable[Article]) -> list[tuple]:
    """Map step, on a worker: records of each article, or ``(("!", id), (path, message))``."""
    global _PIPELINE
    if _PIPELINE is None:
        from .pipeline import Pipeline

        _PIPELINE = Pipeline()
    out: list[tuple] = []
    for article in articles:
        try:
            doc = _PIPELINE(article)
        except Exception as exc:  # reported by the driver, which skips the article
            out.append((("!", article.id), (article.path, f"extraction failed: {type(exc).__name__}: {exc}")))
            continue
        out.extend(records(doc))
    return out


def _fold(acc: tuple, item: tuple) -> tuple:
    if acc[0][0] == "!":  # an article that failed: reported once
        return acc
    return (acc[0], merge_records(acc[1], item[1]))


def build_on_dask(paths: Iterable, *, scheduler: str | None = None, jobs: int = 2, partitions: int | None = None,
                  on_error: Callable[[str, str], None] | None = None, previous=(), skip=()) -> KnowledgeGraph:
    """Like :func:`kg.pipeline.build`, with extraction and merge on Dask distributed."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    from .ingest import iter_articles
    from .pipeline import choose_articles

    def report(path, reason):
        if on_error is not None:
            on_error(str(path), reason)

    articles = choose_articles([*previous, *iter_articles(paths, on_error=report, skip=skip)], report)
    graph = KnowledgeGraph()
    if not articles:
        return graph
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        scheduler = cluster.scheduler_address
    try:
        with Client(scheduler) as client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            n = partitions or max(1, min(len(articles), 4 * workers))
            bag = db.from_sequence(articles, npartitions=n)
            merged = (bag.map_partitions(_extract_partition)
                      .foldby(lambda item: item[0], _fold, combine=_fold)
                      .compute(scheduler=client))
    finally:
        if cluster is not None:
            cluster.close()
    for key, (_, record) in sorted(merged, key=lambda kv: repr(kv[0])):
        if key[0] == "!":
            report(*record)
        else:
            graph.absorb(key, record)
    return graph
