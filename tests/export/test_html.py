"""The HTML network: self-contained, deterministic, legend, safe with hostile text."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.export.html import STYLE, WORDS, node_data, render, write_html

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'a "quoted" \\ name', "</script><b>x",
           "x</SCRIPT >y", "<!--<script>", "'); alert(1); //", "\u2028line\u2029sep"]
# any tag that would fetch something: an absolute or protocol-relative URL in src/href/data
FETCH = re.compile(r"<(?:script|link|img|iframe|source|embed|object|audio|video|image|use)\b[^>]*"
                   r"\b(?:src|href|data|srcset)\s*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)


def small_graph(names=("Sulaiman AP", "Kementerian Dalam Negeri"), *, reverse=False):
    g = nx.MultiDiGraph()
    nodes = [
        ("person:a", dict(type="Person", label=names[0], names=[names[0], "Pak Sulaiman"], articles=["a.txt"],
                          sentences=[f"{names[0]} membuka rapat koordinasi."], ids={}, dates=[])),
        ("org:b", dict(type="Organization", label=names[1], names=sorted([names[1], "Kemendagri"]),
                       articles=["a.txt", "b.txt", "c.txt"], sentences=[], ids={}, dates=[])),
        ("event:c", dict(type="Event", label="Rakor", names=["Rakor"], articles=["a.txt"], sentences=[], ids={},
                         dates=["2023-05-23"])),
        ("office:d", dict(type="Office", label="Menteri Dalam Negeri", names=["Menteri Dalam Negeri"],
                          articles=["a.txt"], sentences=[], ids={}, dates=[])),
        ("law:e", dict(type="Law", label="Undang-Undang Nomor 20 Tahun 2023", names=["UU ASN"],
                       articles=["b.txt"], sentences=[], ids={}, dates=[])),
        ("place:f", dict(type="Place", label="Jakarta", names=["Jakarta"], articles=["a.txt"], sentences=[],
                         ids={}, dates=[])),
    ]
    edges = [("person:a", "event:c", "spokeAt"), ("event:c", "org:b", "organizedBy"),
             ("person:a", "office:d", "holdsOffice"), ("office:d", "org:b", "officeOf"),
             ("event:c", "place:f", "heldIn"), ("person:a", "law:e", "cites"), ("person:a", "event:c", "attended")]
    if reverse:
        nodes, edges = nodes[::-1], edges[::-1]
    for key, data in nodes:
        g.add_node(key, **data)
    for u, v, p in edges:
        g.add_edge(u, v, key=p, predicate=p, articles=["a.txt"])
    return g


def viewer(html):
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def edge_data(html):
    m = re.search(r"edges = new vis\.DataSet\((\[.*?\])\);", html, re.S)
    return json.loads(m.group(1))


def test_no_request_leaves_the_page():
    html = render(small_graph())
    assert not FETCH.search(html)
    assert not re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", html, re.I), "everything is inline"
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", html, re.I)
    assert "bootstrap" not in html.lower() and "cdnjs" not in html


def test_the_fetch_check_would_catch_what_pyvis_writes():
    # the check above is not vacuous: it flags pyvis's own Bootstrap link
    assert FETCH.search('<link href="https://cdn.jsdelivr.net/npm/bootstrap@5.0.0/dist/css/bootstrap.min.css" '
                        'rel="stylesheet">')
    assert FETCH.search("<script src='//example.org/x.js'></script>")


def test_vis_network_is_inlined():
    html = render(small_graph())
    assert "@version 9.1.2" in html and "vis-network" in html
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert max(len(s) for s in scripts) > 300_000  # the library itself, not just a call into it
    assert "div.vis-tooltip" in html  # its stylesheet too
    assert html.startswith("<!DOCTYPE html>")


def test_every_node_and_edge_is_in_the_page_with_its_type_style():
    g = small_graph()
    nodes = {n["id"]: n for n in node_data(render(g))}
    assert set(nodes) == set(g.nodes)
    for key, n in nodes.items():
        assert (n["color"], n["shape"]) == STYLE[g.nodes[key]["type"]]
    assert len({n["shape"] for n in nodes.values()}) == 6
    assert nodes["org:b"]["size"] > nodes["person:a"]["size"]  # three articles against one
    edges = edge_data(render(g))
    assert sorted((e["from"], e["label"], e["to"]) for e in edges) == sorted(
        (u, WORDS[p], v) for u, v, p in g.edges(keys=True))
    assert all(e["arrows"] == "to" for e in edges)
    assert {e["label"] for e in edges} == set(WORDS.values()) - {"mentioned with"}  # no loner here


def test_tooltip_has_type_names_dates_and_sentence():
    nodes = {n["id"]: n for n in node_data(render(small_graph()))}
    person = nodes["person:a"]["title"]
    assert person.startswith("Person: Sulaiman AP")
    assert "Pak Sulaiman" in person and "membuka rapat koordinasi." in person
    assert "2023-05-23" in nodes["event:c"]["title"]


def test_long_labels_are_shortened_but_kept_whole_in_the_tooltip():
    long = "Badan Perencanaan Pembangunan Daerah Provinsi Sumatera Selatan"
    node = {n["id"]: n for n in node_data(render(small_graph((long, "Org"))))}["person:a"]
    assert len(node["label"]) <= 32 and node["label"].endswith("…")
    assert long in node["title"]


def test_legend_is_html_with_the_six_types_and_their_colours():
    html = render(small_graph())
    legend = html.split('<fieldset id="kg-legend"', 1)[1].split("</fieldset>", 1)[0]
    for t, (colour, _) in STYLE.items():
        assert f'data-type="{t}"' in legend and f"color:{colour}" in legend
        assert f' {t} (<span data-count="{t}">1</span>)' in legend
    data = viewer(html)
    assert set(data["styles"]) == set(STYLE)


def test_panel_data_has_names_relations_and_sources():
    data = viewer(render(small_graph()))
    person = data["nodes"]["person:a"]
    assert {"dir": "out", "pred": "spokeAt", "word": "spoke at", "other": "event:c", "label": "Rakor"} \
        in person["relations"]
    assert {"dir": "in", "pred": "officeOf", "word": "office of", "other": "office:d",
            "label": "Menteri Dalam Negeri"} in data["nodes"]["org:b"]["relations"]
    assert person["evidence"][0]["sentence"].endswith("membuka rapat koordinasi.")
    assert data["nodes"]["event:c"]["dates"] == ["2023-05-23"]


def test_physics_is_off_and_layout_fixed():
    html = render(small_graph())
    nodes = node_data(html)
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) and n.get("physics") is False for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    assert re.search(r'"physics":\s*\{[^}]*"enabled":\s*false', html)


def test_title_is_escaped_in_the_head():
    html = render(small_graph(), title='kg <b>"x"</b>')
    from html import unescape

    head = re.search(r"<title>(.*?)</title>", html).group(1)
    assert "<" not in head and '"' not in head and unescape(head) == 'kg <b>"x"</b>'


def test_write_html_is_byte_identical(tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b" / "b.html"
    write_html(small_graph(), a, title="t")
    write_html(small_graph(reverse=True), b, title="t")  # insertion order does not matter either
    assert a.read_bytes() == b.read_bytes()
    assert not re.search(rb"\d{4}-\d\d-\d\dT\d\d:\d\d", a.read_bytes().replace(b"2022-03-28T20:17:35", b""))


def test_write_html_is_byte_identical_across_processes(tmp_path):
    code = ("import sys; sys.path.insert(0, sys.argv[2]); from test_html import small_graph; "
            "from kg.export.html import write_html; from pathlib import Path; "
            "write_html(small_graph(), Path(sys.argv[1]), title='t')")
    outs = []
    for seed in ("1", "12345"):
        out = tmp_path / f"{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", code, str(out), str(Path(__file__).parent)], check=True, env=env,
                       cwd=ROOT)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    write_html(small_graph(), tmp_path / "here.html", title="t")
    assert (tmp_path / "here.html").read_bytes() == outs[0]


def script_tags(html):
    return len(re.findall(r"<script\b", html, re.I)), len(re.findall(r"</script", html, re.I))


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_stay_data(name):
    html = render(small_graph((name, name)), title=name)
    # nothing opens or closes a script element beyond what a harmless graph has
    assert script_tags(html) == script_tags(render(small_graph()))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>x" not in html
    assert "<!--<script>" not in html and "\u2028" not in html.split("<body>", 1)[1]
    # and the text survives intact, as data: in vis's node JSON and in the viewer's JSON
    nodes = {n["id"]: n for n in node_data(html)}
    assert name in nodes["person:a"]["title"] and name in nodes["org:b"]["title"]
    assert viewer(html)["nodes"]["person:a"]["label"] == name
    assert viewer(html)["title"] == name


def test_vis_shows_string_tooltips_as_text():
    # vis-network 9.1.2 Popup.setText: an Element is appended, anything else goes to innerText;
    # so tooltips must stay plain strings (escaping them would show "&lt;" to the reader)
    html = render(small_graph())
    assert "else this.frame.innerText=t" in html
    assert all(isinstance(n["title"], str) and "&lt;" not in n["title"] for n in node_data(html))


def chain(n):
    """A star of ``n`` people around one body, plus a person linked to one of them."""
    g = nx.MultiDiGraph()
    g.add_node("org:hub", type="Organization", label="Badan Contoh", names=["Badan Contoh", "BACO"],
               articles=["a.txt"], sentences=[], ids={}, dates=[])
    for i in range(n):
        g.add_node(f"person:{i:03d}", type="Person", label=f"Orang {i:03d}", names=[f"Orang {i:03d}"],
                   articles=["a.txt"], sentences=[], ids={}, dates=[])
        g.add_edge(f"person:{i:03d}", "org:hub", key="attended", predicate="attended")
    g.add_node("person:far", type="Person", label="Orang Jauh", names=["Orang Jauh"], articles=["b.txt"],
               sentences=[], ids={}, dates=[])
    g.add_edge("person:far", "person:000", key="cites", predicate="cites")
    return g


def test_max_nodes_keeps_the_most_connected_and_carries_the_rest_for_show_more():
    html = render(chain(30), max_nodes=10)
    drawn = {n["id"] for n in node_data(html)}
    assert len(drawn) == 10 and "org:hub" in drawn and "person:000" in drawn  # degree 31 and 2 first
    data = viewer(html)
    assert data["shown"] == 10 and data["total"] == 32 and set(data["nodes"]) == drawn
    # every neighbour left out is carried with its links to drawn nodes
    assert set(data["extra"]) == {f"person:{i:03d}" for i in range(30)} - drawn | {"person:far"}
    assert data["extra"]["person:far"]["links"] == [["person:far", "person:000", "cites"]]
    assert all(not (set(x["links"][0][:2]) - drawn - {k}) for k, x in data["extra"].items())


def test_focus_draws_the_named_entity_and_its_neighbourhood():
    drawn = {n["id"] for n in node_data(render(chain(30), max_nodes=3, focus="orang jauh"))}
    assert drawn == {"person:far", "person:000", "org:hub"}
    drawn = {n["id"] for n in node_data(render(chain(30), max_nodes=5, focus="BACO"))}  # any name, acronyms too
    assert "org:hub" in drawn and len(drawn) == 5
    with pytest.raises(ValueError, match="matches no entity"):
        render(chain(3), focus="tidak ada")


def test_every_node_is_drawn_when_under_the_cap():
    g = chain(40)
    assert {n["id"] for n in node_data(render(g))} == set(g.nodes)
    assert viewer(render(g))["extra"] == {}


def test_sources_give_the_span_inside_the_sentence_and_bound_the_texts(tmp_path):
    import kg
    from kg.export.html import sources

    text = ("Rapat Koordinasi Digelar di Kota Contoh\n\nKOTA CONTOH - Kepala Badan Kepegawaian Negara, "
            "Sutrisno Wibowo, membuka rapat koordinasi di Kota Bandung, Senin (6/2/2023).\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("Sutrisno Wibowo", "Sutrisno Wibowo Putra"), encoding="utf-8")
    graph = kg.build([tmp_path])
    keys = [e.key for e in graph.entities()]
    evidence, articles = sources(graph, keys)
    person = next(k for k in keys if k.startswith("person:") and "putra" not in k)
    ev = evidence[person][0]
    assert ev["sentence"][ev["start"]:ev["end"]] == "Sutrisno Wibowo"
    assert articles[ev["article"]]["text"][ev["offset"] + ev["start"]:ev["offset"] + ev["end"]] == "Sutrisno Wibowo"
    _, small = sources(graph, keys, max_text=len(text) + 5)  # room for one article's text only
    assert sum("text" in a for a in small.values()) == 1 and all("title" in a for a in small.values())


def test_an_unrelated_entity_named_in_several_articles_joins_their_events_in_the_view_only():
    g = small_graph()
    g.nodes["event:c"]["articles"] = ["a.txt"]
    g.add_node("event:z", type="Event", label="Rapat Lain", names=["Rapat Lain"], articles=["b.txt"], sentences=[],
               ids={}, dates=[])
    g.add_edge("person:a", "event:z", key="attended", predicate="attended")
    g.add_node("event:pemilu", type="Event", label="Pemilu 2024", names=["Pemilu 2024"], articles=["a.txt", "b.txt"],
               article_count=2, sentences=[], ids={}, dates=[])
    g.add_node("org:once", type="Organization", label="Dinas Sekali", names=["Dinas Sekali"], articles=["a.txt"],
               sentences=[], ids={}, dates=[])
    html = render(g)
    seen = {(e["from"], e["to"]) for e in edge_data(html) if e["predicate"] == "mentionedWith"}
    assert seen == {("event:c", "event:pemilu"), ("event:z", "event:pemilu")}  # one-article loners stay alone
    assert all(e["dashes"] for e in edge_data(html) if e["predicate"] == "mentionedWith")
    # the panel's relations (the graph's own) do not list the view aid
    assert viewer(html)["nodes"]["event:pemilu"]["relations"] == []


def test_statements_go_under_the_speaker_and_the_event():
    from kg.export.html import statement_records
    from kg.model import Evidence, Statement

    g = small_graph()
    ev = Evidence(article="a.txt", sentence=0, start=0, end=10)
    said = statement_records([Statement("person:a", "Kita jaga netralitas", ev, event="event:c"),
                              Statement("person:a", "ASN harus netral", ev, direct=False),
                              Statement("person:gone", "x", ev)], g, {"a.txt": {"published": "2023-05-20T08:00:00"}})
    assert [s["quote"] for s in said["person:a"]] == ["Kita jaga netralitas", "ASN harus netral"]
    assert said["person:a"][0]["date"] == "2023-05-23" and said["person:a"][0]["event_label"] == "Rakor"
    assert said["person:a"][1]["date"] == "2023-05-20"
    assert [s["speaker_label"] for s in said["event:c"]] == ["Sulaiman AP"]
    assert "person:gone" not in said
    data = viewer(render(g, statements=said))
    assert data["nodes"]["event:c"]["statements"][0]["quote"] == "Kita jaga netralitas"


def test_pyvis_is_the_pinned_version_and_drives_the_page_through_its_template_mechanism():
    import tomllib
    from importlib.metadata import version

    from pyvis.network import Network

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert "pyvis==0.3.2" in deps and version("pyvis") == "0.3.2"
    # the public pieces the page relies on are there in this pyvis
    net = Network(cdn_resources="in_line")
    assert callable(net.set_template_dir) and callable(net.set_options) and callable(net.generate_html)
    assert (Path(net.template_dir) / "lib" / "vis-9.1.2" / "vis-network.min.js").is_file()
    html = render(small_graph())
    # pyvis filled kg's template: its node and edge records and the options set through set_options
    assert len(node_data(html)) == 6 and len(edge_data(html)) == 7
    assert re.search(r'"hideEdgesOnDrag":\s*false', html) and '"improvedLayout": false' in html
    # and nothing of pyvis's own page template (Bootstrap card, loading bar, empty heading) is left
    assert 'class="card' not in html and "loadingBar" not in html and "<center>" not in html
