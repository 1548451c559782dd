"""The streaming build behind ``kg build``: bounded memory at any number of articles.

1. **Plan** (this process): list every article's id and where it is (a file, or a
   line of a JSON Lines file, or a record of a previous build), without extracting;
   order them by id and settle duplicate ids (the rule of :func:`kg.pipeline.build`).
2. **Extract** (``jobs`` worker processes, in order): each worker reads its articles,
   runs the pipeline and returns, per article, its N-Triples lines (everything that
   depends on that article alone: the article, its sentences, mentions, assertions and
   statements, see :func:`kg.export.triples.article_lines`), the article as a record
   for ``articles.jsonl``, and small merge records (entities, relations, a few
   sample sources).
3. **Merge and write** (this process): article lines go straight into the N-Triples
   file being written in the output folder, article records into ``articles.jsonl``;
   only the entity and relation index stays in memory (:class:`StreamedGraph`), and
   its lines are appended at the end. Turtle is converted from the N-Triples by
   pyoxigraph.

The files are byte-identical to those an in-memory build (``kg.build``) exports.
"""
from __future__ import annotations

import json
import os
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path

import networkx as nx

from .graph import SAMPLE_ARTICLES, SAMPLE_SOURCES  # the samples of the in-memory views
from .budget import ARTICLE_SECONDS
from .graph import _better_label
from .model import Article, Entity

BATCH = 32              # articles per task sent to a worker
WINDOW = 4              # batches in flight per worker (sent, or done and not yet merged)
TTL_CHUNK = 50000       # entity and relation lines converted to Turtle at a time


# ---------------------------------------------------------------------------- plan
@dataclass(frozen=True, slots=True)
class Source:
    """Where one article is: ``kind`` "file" (path), "line" (path, line number) or
    "record" (an Article already read: a previous build's)."""

    id: str
    kind: str
    path: str
    line: int = 0
    article: Article | None = None


def plan(paths: Iterable, *, previous: Iterable[Article] = (), report: Callable[[str, str], None],
         skip: Iterable = ()) -> list[Source]:
    """Every article's source, in order of id, one per id (the files of
    :func:`kg.ingest.article_files`; ``skip``: folders never read)."""
    from .ingest import article_files
    from .readers import ArticleError, display, jsonl_lines

    found: list[Source] = [Source(a.id, "record", a.path, article=a) for a in previous]
    for f in article_files(paths, report=report, skip=skip):
        if f.suffix.lower() == ".jsonl":
            try:
                lines = [n for n, _ in jsonl_lines(f)]
            except ArticleError as exc:
                report(str(exc.path), exc.reason)
                continue
            if not lines:
                report(display(f), "no article in this JSON Lines file")
            found.extend(Source(f"{display(f.name)}#{n}", "line", str(f), n) for n in lines)
        else:
            found.append(Source(display(f.name), "file", str(f)))
    found.sort(key=_source_id)  # stable: sources with one id stay in the order found
    out = []
    i, n = 0, len(found)
    while i < n:  # runs of one id (no dict of lists: a million articles make a million lists)
        j = i + 1
        while j < n and found[j].id == found[i].id:
            j += 1
        out.append(found[i] if j == i + 1 else _settle(found[i:j], report))
        i = j
    return out


def _source_id(source: Source) -> str:
    return source.id


def _settle(group: list[Source], report) -> Source:
    """Several sources with one id: read them; the same text counts once, else the text
    that sorts first is kept and the others are reported (as kg.pipeline.build does)."""
    read = []
    for s in group:
        try:
            read.append((s, s.article or _read_one(s)))
        except Exception:  # unreadable: the worker will report it if it is chosen
            read.append((s, None))
    good = [(s, a) for s, a in read if a is not None]
    if not good:
        return group[0]
    keep_s, keep = min(good, key=lambda sa: (sa[1].text, sa[1].path))
    for s, a in good:
        if a.text != keep.text:
            report(a.path, f"another article has the id {keep.id}; kept {keep.path}")
    return Source(keep.id, "record", keep.path, article=keep)


_JSONL_CACHE: dict[str, dict[int, str]] = {}


def _read_one(source: Source) -> Article:
    from .ingest import parse_article, read_article
    from .readers import jsonl_lines, parse_jsonl_line

    if source.kind == "record":
        return source.article  # type: ignore[return-value]
    if source.kind == "file":
        return read_article(source.path)
    lines = _JSONL_CACHE.get(source.path)
    if lines is None:
        _JSONL_CACHE.clear()  # one file at a time: sources come grouped by file
        lines = _JSONL_CACHE[source.path] = dict(jsonl_lines(Path(source.path)))
    return parse_jsonl_line(Path(source.path), source.line, lines[source.line], parse_article)


# ---------------------------------------------------------------------------- extract (workers)
_PIPELINE = None
_PROVENANCE = "full"   # kg.export.triples.article_lines(provenance=...), set before the workers fork


def _process(sources: list[Source], timeout: float | None = None) -> list[tuple]:
    """Worker: read and extract a batch; per article ``(id, path, error, payload)``.
    An article that takes more than ``timeout`` seconds of CPU time is reported."""
    global _PIPELINE
    from .budget import ArticleTimeout, article_budget
    from .pipeline import Pipeline

    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    out = []
    for source in sources:
        try:
            with article_budget(timeout):
                out.append(_process_one(source))
        except ArticleTimeout as exc:
            out.append((source.id, source.path if source.kind != "line" else f"{source.path}:{source.line}",
                        str(exc), None))
    return out


def _process_one(source: Source) -> tuple:
    from .export.articles import dump
    from .export.rdf import turtle_chunk
    from .export.triples import article_lines
    from .graph import records
    from .readers import ArticleError

    try:
        article = _read_one(source)
    except ArticleError as exc:
        return (source.id, str(exc.path), exc.reason, None)
    except Exception as exc:  # noqa: BLE001 - a bad file is reported, never fatal
        return (source.id, source.path, f"could not be read: {type(exc).__name__}: {exc}", None)
    try:
        doc = _PIPELINE(article)
    except Exception as exc:  # noqa: BLE001
        return (source.id, article.path, f"extraction failed: {type(exc).__name__}: {exc}", None)
    lines = article_lines(article, doc.sentences, doc, provenance=_PROVENANCE)
    nt = ("\n".join(lines) + "\n").encode("utf-8")
    header, ttl = turtle_chunk(nt)
    payload = {
        "nt": nt, "ttl": ttl, "ttl_header": header,
        "record": dump(article),
        "entities": _entity_summaries(doc),
        "relations": [(ident, rec["qualifiers"]) for (kind, ident), rec in records(doc) if kind == "r"],
    }
    return (article.id, article.path, None, payload)


def _entity_summaries(doc) -> list[tuple]:
    """Per entity of the article: key, type, label, names, ids, and its first sources
    (distinct sentences, in text order) with the sentence and the span in it."""
    sents = {s.index: s for s in doc.sentences}
    seen: dict[str, list] = {}
    sighted: set[str] = set()
    for s in sorted(doc.sightings, key=lambda s: (s.key, s.evidence.sentence, s.evidence.start, s.evidence.end,
                                                   s.text)):
        if s.key not in doc.entities:
            continue
        sighted.add(s.key)
        evs = seen.setdefault(s.key, [])
        idx = s.evidence.sentence
        sent = sents.get(idx)
        if sent is None or any(e[0] == idx for e in evs) or len(evs) >= SAMPLE_SOURCES:
            continue
        evs.append((idx, sent.text, sent.start, s.evidence.start - sent.start, s.evidence.end - sent.start))
    out = []
    for key in sorted(doc.entities):
        e = doc.entities[key]
        out.append((key, e.type, e.label, frozenset(e.names), dict(e.ids), tuple(seen.get(key, ())), key in sighted))
    return out


# ---------------------------------------------------------------------------- the index
SEP = "\x00"   # between the names of an entity in its packed string (a name never holds it: see _Names)


class _Names:
    """The distinct names of one entity, packed: one string ``"a\\0b\\0c"`` instead of a set
    of string objects (a name costs its characters and a separator, not a string object
    and a hash-table slot: about a quarter of the memory, for the million spellings of
    a 10k-article build). New names wait in a set and are folded in when they outnumber
    half the packed ones, so folding costs a constant per name. A name holding the
    separator (never seen) is kept in a set of its own."""

    __slots__ = ("packed", "n", "pending", "odd")

    def __init__(self) -> None:
        self.packed = ""
        self.n = 0
        self.pending: set | None = None
        self.odd: set | None = None

    def update(self, names, label: str) -> None:
        pending = self.pending
        if pending is None:
            pending = self.pending = set(names)
        else:
            pending |= names
        pending.add(label)
        if len(pending) > 8 + (self.n >> 1):
            self.fold()

    def fold(self) -> None:
        pending = self.pending
        self.pending = None
        if not pending:
            return
        if any(SEP in name for name in pending):
            odd = {name for name in pending if SEP in name}
            pending -= odd
            self.odd = odd if self.odd is None else self.odd | odd
        if self.n:
            pending.update(self.packed.split(SEP))
        self.packed = SEP.join(pending)
        self.n = len(pending)

    def as_set(self) -> set:
        self.fold()
        out = set(self.packed.split(SEP)) if self.n else set()
        if self.odd:
            out |= self.odd
        return out


@dataclass(slots=True)
class _Ent:
    type: str
    label: str
    names: _Names = field(default_factory=_Names)
    ids: dict | None = None                         # per scheme the smallest value (None: none yet)
    count: int = 0
    articles: list = field(default_factory=list)
    evidence: list = field(default_factory=list)    # (article, index, sentence, offset, start, end)
    texts: list = field(default_factory=list)       # distinct sentence texts (networkx "sentences")


@dataclass(slots=True)
class _Rel:
    qualifiers: frozenset | None = None             # None: no qualifier (most relations)
    count: int = 0
    articles: list = field(default_factory=list)


_NO_QUALIFIERS: frozenset = frozenset()


class _Articles(Mapping):
    """The articles of a streaming build, by id, read back from ``articles.jsonl`` when
    asked for (metadata only: ``text`` is ""; the text is :meth:`text`). In memory: the
    ids (in order: a build adds them sorted) and where each record ends, about 100
    bytes an article instead of an Article object and an offset pair (650)."""

    def __init__(self, graph: "StreamedGraph") -> None:
        self._graph = graph
        self._ids: list[str] = []
        self._ends = array("q")

    def append(self, article_id: str, end: int) -> None:
        if self._ids and article_id <= self._ids[-1]:
            raise ValueError(f"articles must come in order of id: {article_id} after {self._ids[-1]}")
        self._ids.append(article_id)
        self._ends.append(end)

    def _index(self, article_id) -> int:
        i = bisect_left(self._ids, article_id)
        if i == len(self._ids) or self._ids[i] != article_id:
            raise KeyError(article_id)
        return i

    def _record(self, article_id: str) -> dict:
        i = self._index(article_id)
        start = self._ends[i - 1] if i else 0
        with open(self._graph.articles_path, "rb") as fh:
            fh.seek(start)
            return json.loads(fh.read(self._ends[i] - start))

    def __getitem__(self, article_id: str) -> Article:
        rec = self._record(article_id)
        return Article(id=rec["id"], path=rec["path"], text="", body=(), title=rec.get("title") or None,
                       url=rec.get("url") or None, published=_date(rec.get("published") or ""))

    def __contains__(self, article_id) -> bool:
        try:
            self._index(article_id)
        except (KeyError, TypeError):
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def text(self, article_id: str) -> str:
        return self._record(article_id)["text"]


class StreamedGraph:
    """What a streaming build keeps in memory: the entity and relation index, with
    counts and a few samples, plus the files written as it went (``nt_path``: the
    N-Triples so far, ``articles_path``: the article records). The exporters read it
    as they read a :class:`~kg.graph.KnowledgeGraph`."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        self.out_dir = out_dir
        self._nodes: dict[str, _Ent] = {}
        self._rels: dict[tuple, _Rel] = {}
        self.articles = _Articles(self)  # metadata only, read back from articles_path
        fd, nt = tempfile.mkstemp(prefix=".graph.nt.", dir=out_dir)
        self.nt_path = Path(nt)
        self._nt = os.fdopen(fd, "wb")
        fd, tp = tempfile.mkstemp(prefix=".graph.ttl.", dir=out_dir)
        self.ttl_path = Path(tp)
        self._ttl = os.fdopen(fd, "wb")
        self._ttl_header = False
        fd, ap = tempfile.mkstemp(prefix=".articles.jsonl.", dir=out_dir)
        self.articles_path = Path(ap)
        self._art = os.fdopen(fd, "wb")
        self._names = {id(self._nt): "graph.nt", id(self._ttl): "graph.ttl", id(self._art): "articles.jsonl"}

    # -- during the build
    def add(self, article_id: str, path: str, payload: dict) -> None:
        self._put(self._nt, payload["nt"])
        self._write_ttl(payload["ttl_header"], payload["ttl"])
        record = (payload["record"] + "\n").encode("utf-8")
        self._put(self._art, record)
        self.articles.append(article_id, self._art.tell())
        for key, type_, label, names, ids, evs, sighted in payload["entities"]:
            node = self._nodes.get(key)
            if node is None:
                node = self._nodes[key] = _Ent(type_, label)
            # kg.graph.merge_entity on the packed names: every name and label, per
            # identifier scheme the smallest value, the fuller label
            node.names.update(names, label)
            if ids:
                have = node.ids
                if have is None:
                    node.ids = dict(ids)
                else:
                    for scheme, value in ids.items():
                        old = have.get(scheme)
                        have[scheme] = value if old is None else min(old, value)
            if label != node.label:
                node.label = _better_label(node.label, label)
            if sighted:
                node.count += 1
                if len(node.articles) < SAMPLE_ARTICLES:
                    node.articles.append(article_id)
            if len(node.evidence) >= SAMPLE_SOURCES and len(node.texts) >= SAMPLE_SOURCES:
                continue
            for idx, text, offset, start, end in evs:
                if len(node.evidence) < SAMPLE_SOURCES:
                    node.evidence.append((article_id, idx, text, offset, start, end))
                if len(node.texts) < SAMPLE_SOURCES:
                    squashed = " ".join(text.split())
                    if squashed == text:
                        squashed = text  # one string object for both samples
                    if squashed and squashed not in node.texts:
                        node.texts.append(squashed)
        for ident, quals in payload["relations"]:
            rel = self._rels.get(ident)
            if rel is None:
                rel = self._rels[ident] = _Rel()
            if quals:
                rel.qualifiers = frozenset(quals) if rel.qualifiers is None else rel.qualifiers | quals
            rel.count += 1
            if len(rel.articles) < SAMPLE_ARTICLES:
                rel.articles.append(article_id)

    def _write_ttl(self, header: bytes, body: bytes) -> None:
        if header and not self._ttl_header:
            self._put(self._ttl, header)
            self._ttl_header = True
        self._put(self._ttl, body)

    def _put(self, fh, data: bytes) -> None:
        """Write; a failed write (a full disk) names the export file it was for."""
        try:
            fh.write(data)
        except OSError as exc:
            raise OSError(exc.errno, exc.strerror, str(self.out_dir / self._names[id(fh)])) from exc

    def finish(self) -> None:
        """Append the entity and relation lines; close the files."""
        from .export.rdf import turtle_chunk
        from .export.triples import entity_lines, relation_line

        def all_lines():
            for key in sorted(self._nodes):
                n = self._nodes[key]
                yield from entity_lines(key, n.type, n.label, n.names.as_set(), n.ids.items() if n.ids else ())
            for s, p, o in sorted(self._rels):
                yield relation_line(s, p, o)

        def flush(buf):
            nt = ("\n".join(buf) + "\n").encode("utf-8")
            self._nt.write(nt)
            self._write_ttl(*turtle_chunk(nt))

        buf: list[str] = []
        for line in all_lines():  # in chunks that end with a subject, so Turtle groups as one pass would
            if len(buf) >= TTL_CHUNK and line.split(" ", 1)[0] != buf[-1].split(" ", 1)[0]:
                flush(buf)
                buf = []
            buf.append(line)
        if buf:
            flush(buf)
        for fh in (self._nt, self._ttl, self._art):
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(self.out_dir / self._names[id(fh)])) from exc
            os.fchmod(fh.fileno(), 0o644)
            fh.close()

    def discard(self) -> None:
        """Remove the files still under temporary names."""
        for fh in (self._nt, self._ttl, self._art):
            if not fh.closed:
                fh.close()
        for p in (self.nt_path, self.ttl_path, self.articles_path):
            if p.name.startswith("."):
                p.unlink(missing_ok=True)

    # -- what the exporters read
    def __len__(self) -> int:
        return len(self._nodes)

    def entities(self) -> list[Entity]:
        return [Entity(k, n.type, n.label, frozenset(n.names.as_set()), tuple(sorted(n.ids.items())) if n.ids else ())
                for k, n in sorted(self._nodes.items())]

    def relation_count(self) -> int:
        return len(self._rels)

    def article_text(self, article_id: str) -> str:
        return self.articles.text(article_id)

    def evidence_for(self, key: str) -> list[tuple]:
        """(article, sentence index, sentence, sentence offset, start, end) of the first sources."""
        return list(self._nodes[key].evidence)

    def to_networkx(self) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        for key in sorted(self._nodes):
            n = self._nodes[key]
            g.add_node(key, type=n.type, label=n.label, names=sorted(n.names.as_set()), articles=sorted(n.articles),
                       article_count=n.count, sentences=list(n.texts), ids=dict(n.ids or {}), dates=[], end_dates=[])
        for (s, p, o), rel in sorted(self._rels.items()):
            if p in ("heldOn", "endDate"):
                if s in g:
                    g.nodes[s]["dates" if p == "heldOn" else "end_dates"].append(o)
                continue
            if s in g and o in g:
                g.add_edge(s, o, key=p, predicate=p, qualifiers=sorted(rel.qualifiers or _NO_QUALIFIERS),
                           articles=sorted(rel.articles),
                           article_count=rel.count)
        return g


def _date(value: str):
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


# ---------------------------------------------------------------------------- build
def _batches(sources: list[Source], size: int) -> Iterator[list[Source]]:
    for i in range(0, len(sources), size):
        yield sources[i:i + size]


def _worker_signals() -> None:
    """A worker dies on SIGTERM: the main process's handler (kg.export.outdir, which cleans
    up the output folder) is inherited by the fork, and a worker that raised it while
    waiting on the pool's queue lock kept ``Pool.terminate`` waiting for ever."""
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the main process's to handle


def extract_stream(sources: list[Source], *, jobs: int, article_timeout: float | None = None) -> Iterator[tuple]:
    """``(id, path, error, payload)`` per source, in order, from ``jobs`` workers; an
    article over ``article_timeout`` CPU seconds gives an error (kg.budget)."""
    if jobs <= 1 or len(sources) <= BATCH:
        for batch in _batches(sources, BATCH):
            yield from _process(batch, article_timeout)
        return
    import multiprocessing as mp

    from .pipeline import Pipeline

    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()  # built once here, shared by the forked workers
    with mp.get_context("fork").Pool(processes=jobs, initializer=_worker_signals) as pool:
        # a window of batches in flight, not Pool.imap: imap sends every task at once and
        # keeps every result the main process has not taken yet (when it falls behind, as
        # on a loaded machine, the payloads pile up in its memory)
        from collections import deque

        task = partial(_process, timeout=article_timeout)
        batches = _batches(sources, BATCH)
        flying: deque = deque(pool.apply_async(task, (b,)) for b in islice(batches, WINDOW * jobs))
        while flying:
            results = flying.popleft().get()
            for b in islice(batches, 1):
                flying.append(pool.apply_async(task, (b,)))
            yield from results


def build_streaming(paths: Iterable, out_dir: Path, *, jobs: int = 1, previous: Iterable[Article] = (),
                    on_error: Callable[[str, str], None] | None = None,
                    article_timeout: float | None = ARTICLE_SECONDS,
                    skip: Iterable[Path] = (), provenance: str = "full", progress=None) -> StreamedGraph:
    """Read, extract and merge ``paths`` into ``out_dir`` as a stream; the returned
    graph holds the index, and the N-Triples and article records written so far.
    ``article_timeout``: CPU seconds an article may take (None: no limit), then it is
    reported and skipped; ``skip``: folders and files never read (the output folder);
    ``progress`` (a :class:`kg.progress.Progress`) is told the number of articles and
    each one done."""
    global _PROVENANCE
    _PROVENANCE = provenance

    from .readers import display

    def report(path, reason):
        if on_error is not None:
            on_error(display(str(path)), reason)

    sources = plan(paths, previous=previous, report=report, skip=skip)
    graph = StreamedGraph(Path(out_dir))
    if progress is not None:
        progress.start(len(sources))
    jsonl_found: dict[str, bool] = {}
    stream = extract_stream(sources, jobs=jobs, article_timeout=article_timeout)
    try:
        for (article_id, path, error, payload), source in zip(stream, sources):
            if progress is not None:
                progress.advance()
            if source.kind == "line":
                jsonl_found.setdefault(source.path, False)
            if error is not None:
                report(path, error)
                continue
            if source.kind == "line":
                jsonl_found[source.path] = True
            graph.add(article_id, path, payload)
        for path, ok in sorted(jsonl_found.items()):
            if not ok:
                report(path, "no article in this JSON Lines file")
        graph.finish()
    except BaseException:
        graph.discard()
        raise
    return graph
