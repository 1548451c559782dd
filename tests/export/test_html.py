"""The HTML network: self-contained, deterministic, legend, safe with hostile text."""
import re

import networkx as nx
import pytest

from kg.export.html import STYLE, node_data, render

HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'a "quoted" \\ name', "</script><b>x"]


def small_graph(names=("Sulaiman AP", "Kementerian Dalam Negeri")):
    g = nx.MultiDiGraph()
    g.add_node("person:a", type="Person", label=names[0], names=[names[0]], articles=["a.txt"],
               sentences=[f"{names[0]} membuka rapat."], ids={}, dates=[])
    g.add_node("org:b", type="Organization", label=names[1], names=[names[1], "Kemendagri"], articles=["a.txt", "b.txt"],
               sentences=[], ids={}, dates=[])
    g.add_node("event:c", type="Event", label="Rakor", names=["Rakor"], articles=["a.txt"], sentences=[], ids={},
               dates=["2023-05-23"])
    g.add_edge("person:a", "event:c", key="spokeAt", predicate="spokeAt", articles=["a.txt"])
    g.add_edge("event:c", "org:b", key="organizedBy", predicate="organizedBy", articles=["a.txt"])
    return g


def test_no_request_leaves_the_page():
    html = render(small_graph())
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*(src|href)=\"https?:", html, re.I)
    assert "vis.Network" in html and "DataSet" in html


def test_every_node_is_in_the_page_with_its_type_style():
    nodes = {n["id"]: n for n in node_data(render(small_graph()))}
    assert set(nodes) == {"person:a", "org:b", "event:c"}
    assert nodes["event:c"]["shape"] == STYLE["Event"][1]
    assert "2023-05-23" in nodes["event:c"]["title"]


def test_legend_lists_the_six_types():
    html = render(small_graph())
    for t in STYLE:
        assert t in html.split('id="kg-legend"', 1)[1].split("</div>", 1)[0]


def test_physics_is_off_and_layout_fixed():
    nodes = node_data(render(small_graph()))
    assert all("x" in n and "y" in n and n.get("physics") is False for n in nodes)


def test_output_is_deterministic():
    assert render(small_graph()) == render(small_graph())


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_stay_text(name):
    html = render(small_graph((name, "Org")))
    script_free = html.replace("<script>alert(1)</script>", "") != html
    assert not script_free, "raw <script> from a name reached the page"
    assert "<img src=x onerror" not in html
    assert "</script><b>" not in html
    labels = {n["label"] for n in node_data(html)}
    assert any(name[:20] in lab or lab.rstrip("…") in name for lab in labels)
