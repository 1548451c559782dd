"""The extraction pipeline: one explicit list of components, run in order.

An article becomes a ``Doc`` (its sentences, the title as sentence 0). Mention
extractors run first, each over every sentence, and each sees the mentions that
the earlier ones found (as spaCy components see ``doc.ents``). Then the
document-level steps run: resolution (mentions -> entities, within-article
coreference) and the relation rules. The result is a ``DocumentGraph``.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol, Sequence

from .model import Article, DocumentGraph, Mention, Sentence


class MentionExtractor(Protocol):
    """Text in, typed mentions out. ``context`` gives the earlier mentions of the same text."""

    name: str

    def __call__(self, text: str, *, context: "Context") -> list[Mention]: ...


@dataclass(frozen=True, slots=True)
class Context:
    """What an extractor may know besides the text of one sentence."""

    known: tuple[Mention, ...]          # mentions from earlier extractors, offsets relative to the text
    published: dt.date | None
    reference_date: dt.date | None      # publication date, else one implied by the article
    year_hint: int | None
    region_codes: tuple[str, ...]       # the article's main regions (most specific first)
    is_title: bool = False


@dataclass
class Doc:
    """An article on its way through the pipeline (mutable working state)."""

    article: Article
    sentences: list[Sentence]
    mentions: dict[int, list[Mention]] = field(default_factory=dict)   # sentence index -> mentions (absolute offsets)
    year_hint: int | None = None
    reference_date: dt.date | None = None
    region_codes: tuple[str, ...] = ()
    graph: DocumentGraph | None = None
    resolved: list = field(default_factory=list)     # mentions with their entity keys (resolve step)
    main_event: str | None = None
    dateline_key: str | None = None

    def all_mentions(self) -> list[tuple[Sentence, Mention]]:
        return [(self.sentences[i], m) for i in sorted(self.mentions) for m in self.mentions[i]]


def shift(m: Mention, by: int) -> Mention:
    """``m`` moved by ``by`` characters (what ``dataclasses.replace`` does, faster)."""
    return Mention(m.type, m.text, m.start + by, m.end + by, m.key, m.label, m.value, m.qualifiers, m.source,
                   m.names, m.links)


def make_doc(article: Article) -> Doc:
    from .sentences import split_sentences

    sentences: list[Sentence] = []
    if article.title and article.title_span:
        s, e = article.title_span
        sentences.append(Sentence(0, s, e, article.text[s:e]))
    for sent in split_sentences(article.text, article.body):
        sentences.append(Sentence(len(sentences), sent.start, sent.end, sent.text))
    return Doc(article, sentences)


def run_extractors(doc: Doc, extractors: Sequence[MentionExtractor]) -> None:
    title_index = 0 if doc.article.title_span else -1
    for sent in doc.sentences:
        found: list[Mention] = []
        for extractor in extractors:
            ctx = Context(
                known=tuple(found),
                published=doc.article.published,
                reference_date=doc.reference_date,
                year_hint=doc.year_hint,
                region_codes=doc.region_codes,
                is_title=sent.index == title_index,
            )
            found.extend(extractor(sent.text, context=ctx))
        doc.mentions[sent.index] = [shift(m, sent.start) for m in found]


DocStep = Callable[[Doc], None]


def default_pipeline() -> tuple[list[DocStep], list[MentionExtractor], list[DocStep]]:
    """(before, extractors, after): the components of kg, in order."""
    from .extract.adapters import DateAdapter, LawAdapter
    from .extract.events import EventExtractor
    from .extract.offices import OfficeExtractor
    from .extract.institutions import InstitutionExtractor
    from .extract.people import PersonExtractor
    from .extract.subregions import SubregionExtractor
    from .extract.venues import VenueExtractor
    from .relations import relation_steps
    from .resolve import add_dateline, resolve_entities
    from .setting import document_setting

    before: list[DocStep] = [document_setting]
    extractors: list[MentionExtractor] = [
        DateAdapter(),
        LawAdapter(),
        InstitutionExtractor(),   # regions, agencies, regional units
        VenueExtractor(),
        SubregionExtractor(),     # districts and villages, where the text cues them
        EventExtractor(),
        OfficeExtractor(),
        PersonExtractor(),
    ]
    after: list[DocStep] = [resolve_entities, add_dateline, *relation_steps()]
    return before, extractors, after


class Pipeline:
    """Runs the components over articles: ``Pipeline()(article) -> DocumentGraph``."""

    def __init__(self) -> None:
        self.before, self.extractors, self.after = default_pipeline()

    def __call__(self, article: Article) -> DocumentGraph:
        doc = make_doc(article)
        for step in self.before:
            step(doc)
        run_extractors(doc, self.extractors)
        for step in self.after:
            step(doc)
        assert doc.graph is not None
        return doc.graph


_WORKER_PIPELINE: Pipeline | None = None


def _extract(article: Article):
    """Worker side of a parallel build: (DocumentGraph, None) or (None, error message)."""
    try:
        return _WORKER_PIPELINE(article), None  # type: ignore[misc]
    except Exception as exc:  # reported by the parent, which skips the article
        return None, f"extraction failed: {type(exc).__name__}: {exc}"


def extract_all(articles: Sequence[Article], *, jobs: int = 1, chunksize: int = 16):
    """``(article, DocumentGraph or None, error or None)`` for each article, in the
    order given, extracted by ``jobs`` worker processes (1: in this process). The
    pipeline is built once, before the workers are forked, so they share its tables."""
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline()
    if jobs <= 1 or len(articles) < 2:
        for article in articles:
            yield (article, *_extract(article))
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    with ctx.Pool(processes=jobs) as pool:
        for article, result in zip(articles, pool.imap(_extract, articles, chunksize=chunksize)):
            yield (article, *result)


def default_jobs() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def choose_articles(articles: Iterable[Article], report: Callable[[str, str], None]) -> list[Article]:
    """One article per id, in order of id: of two different articles with one id, the
    one whose text sorts first is kept (the other is reported); an article given twice
    counts once."""
    chosen: dict[str, Article] = {}
    for article in articles:
        old = chosen.get(article.id)
        if old is None:
            chosen[article.id] = article
        elif old.text != article.text:
            keep, drop = sorted((old, article), key=lambda a: (a.text, a.path))
            chosen[article.id] = keep
            report(drop.path, f"another article has the id {article.id}; kept {keep.path}")
    return [chosen[key] for key in sorted(chosen)]


def build(paths: Iterable[str], *, on_error: Callable[[str, str], None] | None = None, previous=(),
          jobs: int = 1):
    """Read, extract and merge articles: ``kg.build(paths) -> KnowledgeGraph``.

    ``previous``: articles already built (``kg build --update``), merged with the new ones.
    ``jobs``: worker processes for extraction; the graph is the same for any number.
    The same inputs in any order give the same graph: articles are taken in order of
    their id; two different articles with one id keep the one whose text sorts first
    (the other is reported); an article given twice counts once.
    """
    from .graph import KnowledgeGraph
    from .ingest import iter_articles

    def report(path, reason):
        if on_error is not None:
            on_error(str(path), reason)

    articles = choose_articles([*previous, *iter_articles(paths, on_error=report)], report)
    graph = KnowledgeGraph()
    for article, doc, error in extract_all(articles, jobs=jobs):
        if doc is None:  # a bad article is reported and skipped; the others are built
            report(article.path, error)
        else:
            graph.add(doc)
    return graph
