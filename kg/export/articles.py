"""The articles a graph was built from, as read (``articles.jsonl``), so that
``kg build --update OUT new.txt`` can add articles to a build without the original
files: the update rebuilds from these records plus the new ones, which gives the same
graph as building everything at once."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..model import Article
from . import take_streamed, write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

FIELDS = ("id", "path", "text", "body", "title", "title_span", "published", "dateline", "author", "publisher", "url")


def dump(article: Article) -> str:
    rec = {f: getattr(article, f) for f in FIELDS}
    rec["published"] = article.published.isoformat() if article.published else None
    rec["body"] = [list(span) for span in article.body]
    rec["title_span"] = list(article.title_span) if article.title_span else None
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def load(path: Path) -> Iterator[Article]:
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        rec["body"] = tuple(tuple(span) for span in rec["body"])
        rec["title_span"] = tuple(rec["title_span"]) if rec["title_span"] else None
        rec["published"] = dt.date.fromisoformat(rec["published"]) if rec["published"] else None
        yield Article(**{f: rec.get(f) for f in FIELDS})


class ArticlesExporter:
    name = "articles"
    filename = "articles.jsonl"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        target = Path(out_dir) / self.filename
        if take_streamed(graph, "articles_path", target):
            return target
        lines = [dump(graph.articles[k]) for k in sorted(graph.articles)]
        return write_atomic(Path(out_dir) / self.filename, ("\n".join(lines) + "\n").encode("utf-8"))
