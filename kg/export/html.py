"""The interactive HTML network (pyvis / vis-network), one self-contained file.

* vis-network is inlined (``cdn_resources="in_line"``) and the Bootstrap links that
  pyvis 0.3.2 still puts in its template are removed: the page makes no request.
* The layout is computed here (networkx spring layout, fixed seed) and physics is off,
  so the drawing is stable, fast and the same on every build.
* Colour and shape say the type (with a legend); size grows with the number of
  articles; edges are labelled with the relation in words; a tooltip gives the type,
  names, dates and source sentences; a search box focuses a node by any of its names.
* Text from articles is untrusted: node data goes into the page as JSON (Jinja's
  ``tojson`` escapes ``<``, ``>`` and ``&``) and vis-network shows string tooltips as
  text; the legend and search box insert nothing from the graph as HTML.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from . import write_atomic

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
REMOTE = re.compile(r"<(link|script)\b[^>]*\b(?:href|src)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.IGNORECASE)


def _short(label: str, limit: int = 32) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _tooltip(key: str, data: dict) -> str:
    lines = [f"{data['type']}: {data['label']}", f"key: {key}"]
    others = [n for n in data.get("names", []) if n != data["label"]]
    if others:
        lines.append("also: " + "; ".join(others[:8]))
    if data.get("dates"):
        lines.append("on: " + ", ".join(sorted(set(data["dates"]))))
    if data.get("articles"):
        lines.append("articles: " + ", ".join(data["articles"][:5]))
    for s in data.get("sentences", [])[:3]:
        lines.append("“" + _short(s, 240) + "”")
    return "\n".join(lines)


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """Positions in pixels, the same for the same graph: each connected part laid out on
    its own (spring layout, fixed seed), the parts packed in rows, largest first, so
    that small parts do not push the big ones into a corner."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u != v))
    parts = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    out: dict[str, tuple[int, int]] = {}
    row_width = 1800
    x0 = y0 = row_height = 0
    for part in parts:
        sub = nx.Graph()  # a plain copy: subgraph views iterate in set (hash) order
        sub.add_nodes_from(part)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in simple.subgraph(part).edges()))
        radius = 70 * math.sqrt(len(part)) if len(part) > 1 else 40
        if len(part) > 1:
            pos = nx.spring_layout(sub, seed=7, iterations=200, k=2.0 / math.sqrt(len(part)))
        else:
            pos = {part[0]: (0.0, 0.0)}
        size = 2 * radius + 120
        if x0 + size > row_width and x0 > 0:
            x0, y0, row_height = 0, y0 + row_height, 0
        for n, (x, y) in pos.items():
            out[n] = (int(round(x0 + size / 2 + x * radius)), int(round(y0 + size / 2 + y * radius)))
        x0 += size
        row_height = max(row_height, size)
    return out


def render(graph: nx.MultiDiGraph, *, title: str = "kg") -> str:
    from pyvis.network import Network

    net = Network(height="92vh", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    positions = layout(graph)
    for key in sorted(graph.nodes):
        data = graph.nodes[key]
        colour, shape = STYLE.get(data.get("type"), ("#999999", "dot"))
        x, y = positions.get(key, (0, 0))
        net.add_node(key, label=_short(data.get("label", key)), title=_tooltip(key, data), color=colour,
                     shape=shape, size=10 + 5 * min(len(data.get("articles", [])), 8), x=x, y=y, physics=False,
                     font={"size": 14, "face": "sans-serif"})
    for u, v, k, data in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1])):
        word = WORDS.get(data.get("predicate", k), k)
        net.add_edge(u, v, label=word, title=word, arrows="to", font={"size": 10, "align": "middle"},
                     color="#aaaaaa")
    net.toggle_physics(False)
    html = net.generate_html(notebook=False)
    html = REMOTE.sub("", html)                       # no request leaves the page
    html = html.replace("<body>", "<body>\n" + _chrome(graph, title), 1)
    html = html.replace("</body>", _search_script() + "\n</body>", 1)
    return html


def _chrome(graph: nx.MultiDiGraph, title: str) -> str:
    """Title, legend and search box: fixed markup, graph text only as escaped counts."""
    from html import escape

    counts = {t: 0 for t in STYLE}
    for _, d in graph.nodes(data=True):
        if d.get("type") in counts:
            counts[d["type"]] += 1
    items = "".join(
        f'<span class="kg-item"><span class="kg-swatch" style="background:{c}"></span>{t} ({counts[t]})</span>'
        for t, (c, _) in STYLE.items()
    )
    return f"""<style>
#kg-bar {{font: 14px sans-serif; padding: 6px 10px; border-bottom: 1px solid #ddd; display: flex;
  gap: 16px; align-items: center; flex-wrap: wrap}}
#kg-bar h1 {{font-size: 16px; margin: 0}}
.kg-item {{display: inline-flex; align-items: center; gap: 4px; margin-right: 8px}}
.kg-swatch {{width: 12px; height: 12px; display: inline-block; border-radius: 2px}}
#kg-search {{padding: 3px 6px; width: 220px}}
</style>
<div id="kg-bar"><h1>{escape(title)}</h1><div id="kg-legend">{items}</div>
<label>Find <input id="kg-search" type="search" placeholder="name or acronym" autocomplete="off"></label>
<span id="kg-found"></span></div>"""


def _search_script() -> str:
    return """<script>
(function () {
  var box = document.getElementById("kg-search"), found = document.getElementById("kg-found");
  function norm(s) { return (s || "").toLowerCase(); }
  box.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || typeof nodes === "undefined") { return; }
    var q = norm(box.value.trim()), hit = null;
    if (!q) { return; }
    nodes.get().forEach(function (n) {
      if (hit === null && (norm(n.label).indexOf(q) >= 0 || norm(n.title).indexOf(q) >= 0)) { hit = n; }
    });
    if (hit === null) { found.textContent = "not found"; return; }
    found.textContent = hit.label;
    network.selectNodes([hit.id]);
    network.focus(hit.id, {scale: 1.4, animation: false});
  });
})();
</script>"""


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "kg") -> Path:
    return write_atomic(Path(path), render(graph, title=title).encode("utf-8"))


class HtmlExporter:
    name = "html"
    filename = "graph.html"

    def write(self, graph: "KnowledgeGraph", out_dir: Path) -> Path:
        nxg = graph.to_networkx()
        title = f"kg — {len(graph.articles)} articles, {nxg.number_of_nodes()} entities"
        return write_html(nxg, Path(out_dir) / self.filename, title=title)


def node_data(html: str) -> list[dict]:
    """The nodes embedded in a written page (for tests)."""
    m = re.search(r"nodes = new vis\.DataSet\((\[.*?\])\);", html, re.S)
    return json.loads(m.group(1)) if m else []
