"""The interactive HTML network (pyvis / vis-network), one self-contained file.

* vis-network is inlined (``cdn_resources="in_line"``) and the Bootstrap links that
  pyvis 0.3.2 still puts in its template are removed: the page makes no request.
* Positions are computed at build time (:mod:`kg.export.layout`) and physics is off,
  so the drawing is stable, opens drawn and is the same on every build.
* Colour and shape say the type (legend with counts, which doubles as a type filter);
  size grows with the number of articles; edges are labelled with the relation.
* The viewer (``templates/viewer.js``) adds search by any name or acronym, filters by
  type, relation, article and date, a side panel per node (names, type, identifiers,
  relations, source sentences) and an article view with the source span highlighted.
* Large graphs: at most ``max_nodes`` entities are drawn, the most connected or those
  around ``focus``; the neighbours left out travel along as light records, so a node's
  panel can draw them on demand ("show N more").
* Text from articles is untrusted: it goes into the page only as JSON (``<``, ``>``,
  ``&`` escaped), and the viewer inserts it with ``textContent``, never as HTML.
"""
from __future__ import annotations

import json
import re
from html import escape
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from . import write_atomic
from .layout import layout

if TYPE_CHECKING:  # pragma: no cover
    from ..graph import KnowledgeGraph

STYLE = {  # type: (colour, shape)
    "Person": ("#e15759", "dot"),
    "Organization": ("#4e79a7", "square"),
    "Office": ("#f28e2b", "diamond"),
    "Event": ("#59a14f", "star"),
    "Law": ("#b07aa1", "triangle"),
    "Place": ("#76b7b2", "triangleDown"),
}
WORDS = {
    "holdsOffice": "holds office",
    "officeOf": "office of",
    "spokeAt": "spoke at",
    "attended": "attended",
    "organizedBy": "organized by",
    "heldIn": "held in",
    "cites": "cites",
}
GLYPHS = {"dot": "\u25cf", "square": "\u25a0", "diamond": "\u25c6", "star": "\u2605", "triangle": "\u25b2",
          "triangleDown": "\u25bc"}  # the legend draws each vis shape with the same-looking character
MAX_NODES = 2000          # default cap of drawn entities (kg build --html-max-nodes)
MAX_EXTRA = 5000          # neighbours left out but carried as light records, for "show more"
MAX_TEXT = 4_000_000      # characters of article text embedded for the article view
EVIDENCE_PER_NODE = 5
REMOTE = re.compile(r"<(link|script)\b[^>]*\b(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.IGNORECASE)
# pyvis leftovers with no use here: a commented-out link to a local vis copy and an empty heading
LEFTOVERS = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->|<center>\s*<h1>\s*</h1>\s*</center>", re.S)


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _tooltip(key: str, data: dict) -> str:
    lines = [f"{data['type']}: {data['label']}", f"key: {key}"]
    others = [n for n in data.get("names", []) if n != data["label"]]
    if others:
        lines.append("also: " + "; ".join(others[:8]))
    if data.get("dates"):
        lines.append("on: " + ", ".join(sorted(set(data["dates"]) | set(data.get("end_dates", ())))))
    if data.get("articles"):
        more = data.get("article_count", len(data["articles"])) - 5
        lines.append("articles: " + ", ".join(data["articles"][:5]) + (f" (+{more})" if more > 0 else ""))
    for s in data.get("sentences", [])[:2]:
        lines.append("“" + _short(s, 240) + "”")
    lines.append("(click for details)")
    return "\n".join(lines)


def _template(name: str) -> str:
    return resources.files("kg.export").joinpath("templates", name).read_text(encoding="utf-8")


def _json_for_script(value) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def select(graph: nx.MultiDiGraph, *, max_nodes: int, focus: str | None = None) -> list[str]:
    """At most ``max_nodes`` nodes, the same choice on every build: with ``focus``, the
    nodes whose names contain it (case-insensitive) and then their neighbours, breadth
    first; without, the most connected nodes. Raises ``ValueError`` when ``focus``
    matches nothing."""
    nodes = sorted(graph.nodes)
    if focus:
        want = focus.casefold()
        seeds = [n for n in nodes if any(want in str(name).casefold() for name in
                                         [*graph.nodes[n].get("names", []), graph.nodes[n].get("label", ""), n])]
        if not seeds:
            raise ValueError(f"--focus {focus!r} matches no entity")
        undirected = graph.to_undirected(as_view=True)
        keep: list[str] = []
        seen: set[str] = set()
        frontier = sorted(seeds, key=lambda n: (-graph.degree(n), n))
        while frontier and len(keep) < max_nodes:
            nxt: list[str] = []
            for n in frontier:
                if n in seen:
                    continue
                seen.add(n)
                keep.append(n)
                if len(keep) >= max_nodes:
                    break
                nxt.extend(sorted(set(undirected.neighbors(n)) - seen, key=lambda m: (-graph.degree(m), m)))
            frontier = nxt
        return sorted(keep)
    if len(nodes) <= max_nodes:
        return nodes
    return sorted(sorted(nodes, key=lambda n: (-graph.degree(n), n))[:max_nodes])


def _relations(graph: nx.MultiDiGraph, key: str) -> list[dict]:
    rels = []
    for _, v, k, e in sorted(graph.out_edges(key, keys=True, data=True), key=lambda x: (x[2], x[1])):
        p = e.get("predicate", k)
        rels.append({"dir": "out", "pred": p, "word": WORDS.get(p, p), "other": v,
                     "label": graph.nodes[v].get("label", v)})
    for u, _, k, e in sorted(graph.in_edges(key, keys=True, data=True), key=lambda x: (x[2], x[0])):
        p = e.get("predicate", k)
        rels.append({"dir": "in", "pred": p, "word": WORDS.get(p, p), "other": u,
                     "label": graph.nodes[u].get("label", u)})
    return rels


def viewer_data(graph: nx.MultiDiGraph, shown: list[str], *, title: str, evidence=None, articles=None) -> dict:
    """What the viewer needs beyond vis's own node list: per drawn node its names,
    identifiers, dates, relations and sources; per left-out neighbour a light record
    (type, label, names, its edges to drawn nodes) so that it can be drawn on demand."""
    evidence = evidence or {}
    keep = set(shown)
    nodes = {}
    for key in shown:
        d = graph.nodes[key]
        ev = evidence.get(key)
        if ev is None:  # no KnowledgeGraph at hand: the node's sentences, without offsets
            ev = [{"article": a, "sentence": s, "start": -1, "end": -1}
                  for a, s in zip(d.get("articles", []), d.get("sentences", []))]
        nodes[key] = {"type": d.get("type", ""), "label": d.get("label", key), "names": list(d.get("names", [])),
                      "articles": list(d.get("articles", [])),
                      "count": d.get("article_count", len(d.get("articles", []))), "dates": sorted(set(d.get("dates", [])) | set(d.get("end_dates", []))),
                      "ids": dict(d.get("ids", {})), "relations": _relations(graph, key),
                      "evidence": ev[:EVIDENCE_PER_NODE]}
    extra_keys = sorted({m for n in shown for m in nx.all_neighbors(graph, n)} - keep,
                        key=lambda m: (-graph.degree(m), m))[:MAX_EXTRA]
    extra = {}
    for key in sorted(extra_keys):
        d = graph.nodes[key]
        links = [[u, v, WORDS.get(e.get("predicate", k), k)] for u, v, k, e in
                 sorted(graph.out_edges(key, keys=True, data=True)) if v in keep]
        links += [[u, v, WORDS.get(e.get("predicate", k), k)] for u, v, k, e in
                  sorted(graph.in_edges(key, keys=True, data=True)) if u in keep]
        extra[key] = {"type": d.get("type", ""), "label": d.get("label", key), "names": list(d.get("names", []))[:10],
                      "articles": d.get("article_count", len(d.get("articles", []))), "links": links}
    counts = {t: 0 for t in STYLE}
    for n in nodes.values():
        if n["type"] in counts:
            counts[n["type"]] += 1
    dates = sorted({x for n in nodes.values() for x in n["dates"]})
    return {"title": title, "styles": {t: [c, s] for t, (c, s) in STYLE.items()}, "counts": counts, "words": WORDS,
            "shown": len(nodes), "total": graph.number_of_nodes(), "articles": articles or {}, "nodes": nodes,
            "extra": extra, "dates": [dates[0], dates[-1]] if dates else []}


def legend(counts: dict[str, int]) -> str:
    """The legend as fixed HTML: a checkbox (the viewer uses it as a type filter), the
    type's shape in its colour, the type name and how many are drawn. Only constants
    and integers go in, nothing from the articles."""
    items = []
    for t, (colour, shape) in STYLE.items():
        items.append(f'<label class="kg-type"><input type="checkbox" checked data-type="{t}">'
                     f'<span class="kg-swatch" style="color:{colour}">{GLYPHS.get(shape, GLYPHS["dot"])}</span>'
                     f" {t} (<span data-count=\"{t}\">{int(counts.get(t, 0))}</span>)</label>")
    return "\n".join(items)


def node_options(key: str, data: dict, xy: tuple[int, int]) -> dict:
    colour, shape = STYLE.get(data.get("type"), ("#999999", "dot"))
    return {"id": key, "label": _short(data.get("label", key)), "title": _tooltip(key, data), "color": colour,
            "shape": shape, "size": 10 + 5 * min(data.get("article_count", len(data.get("articles", []))), 8), "x": xy[0], "y": xy[1],
            "physics": False, "font": {"size": 14, "face": "sans-serif"}}


def render(graph: nx.MultiDiGraph, *, title: str = "kg", max_nodes: int | None = None, focus: str | None = None,
           evidence=None, articles=None) -> str:
    """The page for ``graph`` (a view as built by :meth:`KnowledgeGraph.to_networkx`)."""
    from pyvis.network import Network

    shown = select(graph, max_nodes=max_nodes if max_nodes is not None else MAX_NODES, focus=focus)
    keep = set(shown)
    view_edges = sorted(((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep),
                        key=lambda e: (e[0], e[2], e[1]))
    positions = layout(shown, [(u, v) for u, v, _, _ in view_edges])
    net = Network(height="calc(100vh - 90px)", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    # pyvis's add_node/add_edge look nodes up in lists (quadratic); the records are the same
    net.nodes = [node_options(key, graph.nodes[key], positions[key]) for key in shown]
    net.node_ids = list(shown)
    net.node_map = {n["id"]: n for n in net.nodes}
    for i, (u, v, k, data) in enumerate(view_edges):
        predicate = data.get("predicate", k)
        word = WORDS.get(predicate, predicate)
        net.edges.append({"id": f"e{i}", "from": u, "to": v, "label": word, "title": word, "arrows": "to",
                          "font": {"size": 10, "align": "middle"}, "color": "#aaaaaa", "predicate": predicate})
    net.toggle_physics(False)
    net.set_options(json.dumps({"physics": {"enabled": False},
                                "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(shown) > 500,
                                                "hideEdgesOnZoom": len(shown) > 500},
                                "edges": {"smooth": False}, "layout": {"improvedLayout": False}}))
    html = net.generate_html(notebook=False)
    html = REMOTE.sub("", html)                       # no request leaves the page
    html = LEFTOVERS.sub("", html)
    html = "<!DOCTYPE html>\n" + html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n        <title>'
                                               + escape(title) + "</title>", 1)
    payload = viewer_data(graph, shown, title=title, evidence=evidence, articles=articles)
    chrome = _template("viewer.html").replace("<!--kg:legend-->", legend(payload["counts"]), 1)
    html = html.replace("<body>", "<body>\n" + chrome, 1)
    html = html.replace("</body>", '<script type="application/json" id="kg-data">' + _json_for_script(payload)
                        + "</script>\n<script>\n" + _template("viewer.js") + "</script>\n</body>", 1)
    return html


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "kg", **options) -> Path:
    """Write the page for ``graph`` to ``path`` (atomically); the same graph gives the same bytes."""
    return write_atomic(Path(path), render(graph, title=title, **options).encode("utf-8"))


def sources(graph: "KnowledgeGraph", keys: list[str], *, per_node: int = EVIDENCE_PER_NODE,
            max_text: int = MAX_TEXT) -> tuple[dict, dict]:
    """Source sentences of ``keys`` (at most ``per_node`` each, one per sentence), each
    with the mention's span inside the sentence; and the articles they come from, with
    their text while the texts stay under ``max_text`` characters in all (the article
    view then shows the whole article, else the sentence)."""
    evidence: dict[str, list[dict]] = {}
    for key in keys:
        evidence[key] = [{"article": art, "sentence": text, "offset": offset, "start": start, "end": end}
                         for art, _idx, text, offset, start, end in graph.evidence_for(key)[:per_node]]
    used = sorted({e["article"] for evs in evidence.values() for e in evs})
    articles, budget = {}, max_text
    for a in used:
        art = graph.articles[a]
        entry = {"title": art.title or "", "url": art.url or "",
                 "published": art.published.isoformat() if art.published else ""}
        text = graph.article_text(a)
        if len(text) <= budget:
            entry["text"] = text
            budget -= len(text)
        articles[a] = entry
    return evidence, articles


class HtmlExporter:
    """The HTML view; large graphs are cut to ``max_nodes`` (the most connected, or those
    around ``focus``) so the page stays usable."""

    name = "html"
    filename = "graph.html"

    def __init__(self, *, max_nodes: int = MAX_NODES, focus: str | None = None) -> None:
        if max_nodes < 1:
            raise ValueError("--html-max-nodes must be at least 1")
        self.max_nodes = max_nodes
        self.focus = focus

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        nxg = graph.to_networkx()
        shown = select(nxg, max_nodes=self.max_nodes, focus=self.focus)
        evidence, articles = sources(graph, shown)
        total = nxg.number_of_nodes()
        title = f"kg — {len(graph.articles)} articles, {total} entities"
        html = render(nxg, title=title, max_nodes=self.max_nodes, focus=self.focus, evidence=evidence,
                      articles=articles)
        return write_atomic(Path(out_dir) / self.filename, html.encode("utf-8"))


def node_data(html: str) -> list[dict]:
    """The nodes embedded in a written page (for tests)."""
    m = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S)
    return json.loads(m.group(1)) if m else []
