"""The HTML view in a real browser (Playwright driving Debian's Chromium), as a user
would use it, with the network blocked."""
import shutil
from pathlib import Path

import pytest

import kg
from kg.export.html import HtmlExporter

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
XSS = ("Bupati Lahat Pimpin Apel <script>window.__xss=1</script>\n\n"
       "LAHAT, Kabarkita.id – Bupati Lahat, Budi<img src=x onerror=\"window.__xss=2\"> Santoso, memimpin apel siaga "
       "bencana di Lapangan <script>window.__xss=3</script> Merdeka, Senin (2/10/2023). \"Kita siap \\\" </script>"
       "<svg onload=window.__xss=4>,\" kata Budi.\n")


@pytest.fixture(scope="module")
def browser():
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: run `make sysdeps` (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors, requests = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("file:", "data:", "blob:")):
            return r.continue_()
        requests.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_function("typeof network !== 'undefined' && network.body.nodeIndices.length > 0", timeout=30000)
    return page, errors, requests


@pytest.fixture(scope="module")
def seed_page_path(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    graph = kg.build([ROOT / "sources"])
    HtmlExporter().write(graph, out)
    return out / "graph.html", len(graph)


def test_loads_offline_without_errors_and_draws_every_node(browser, seed_page_path):
    path, n = seed_page_path
    page, errors, requests = open_page(browser, path)
    assert page.evaluate("network.body.nodeIndices.length") == n
    assert errors == [] and requests == []
    page.close()


def test_search_finds_bkn_and_opens_the_panel(browser, seed_page_path):
    page, errors, _ = open_page(browser, seed_page_path[0])
    page.fill("#kg-search", "BKN")
    page.press("#kg-search", "Enter")
    assert page.text_content("#kg-found") == "Badan Kepegawaian Negara"
    assert page.is_visible("#kg-panel")
    assert "org:bkn" in page.text_content("#kg-panel")
    assert errors == []
    page.close()


def test_click_on_a_node_shows_its_source_sentence_and_article(browser, seed_page_path):
    page, errors, _ = open_page(browser, seed_page_path[0])
    pos = page.evaluate("""() => { const p = network.getPosition('person:cecep-supriatna');
                                   network.focus('person:cecep-supriatna', {scale: 1.5, animation: false});
                                   const d = network.canvasToDOM(network.getPosition('person:cecep-supriatna'));
                                   const r = document.getElementById('mynetwork').getBoundingClientRect();
                                   return {x: d.x + r.left, y: d.y + r.top}; }""")
    page.mouse.click(pos["x"], pos["y"])
    page.wait_for_selector("#kg-panel .kg-sentence")
    assert "Cecep Supriatna" in page.text_content("#kg-panel h2")
    assert "ASN" in page.text_content("#kg-panel .kg-sentence")
    mark = page.text_content("#kg-panel .kg-sentence mark")
    assert mark and mark in page.evaluate("nodes.get('person:cecep-supriatna').title")
    page.click("#kg-panel a.kg-source >> nth=0")
    assert page.is_visible("#kg-article") and page.text_content("#kg-article mark") == mark
    page.keyboard.press("Escape")
    assert not page.is_visible("#kg-article")
    assert errors == []
    page.close()


def test_filters_hide_and_show(browser, seed_page_path):
    page, _, _ = open_page(browser, seed_page_path[0])
    count = "nodes.get({filter: n => !n.hidden}).length"
    before = page.evaluate(count)
    page.uncheck("#kg-legend input[data-type=Person]")
    assert page.evaluate(count) == before - 12
    page.check("#kg-legend input[data-type=Person]")
    page.select_option("#kg-articlesel", "002_4a1be61ee1cc3ba7.txt")
    assert 0 < page.evaluate(count) < before
    page.select_option("#kg-articlesel", "")
    page.fill("#kg-from", "2024-01-01")
    page.dispatch_event("#kg-from", "change")
    shown_events = page.evaluate("nodes.get({filter: n => !n.hidden && n.shape === 'star'}).length")
    assert shown_events < page.evaluate("nodes.get({filter: n => n.shape === 'star'}).length")
    page.click("#kg-reset")
    assert page.evaluate(count) == before
    edges = "edges.get({filter: e => !e.hidden}).length"
    all_edges = page.evaluate(edges)
    spoke = page.evaluate("edges.get({filter: e => e.predicate === 'spokeAt'}).length")
    page.uncheck("#kg-relations input[data-pred=spokeAt]")
    assert spoke > 0 and page.evaluate(edges) == all_edges - spoke
    page.close()


def test_a_cut_graph_shows_more_on_demand(browser, tmp_path):
    graph = kg.build([ROOT / "sources"])
    HtmlExporter(max_nodes=20).write(graph, tmp_path)
    page, errors, _ = open_page(browser, tmp_path / "graph.html")
    assert page.evaluate("network.body.nodeIndices.length") == 20
    assert "showing 20 of" in page.text_content("#kg-note")
    data = page.evaluate("JSON.parse(document.getElementById('kg-data').textContent)")
    left_out = {}
    for key, extra in data["extra"].items():
        for u, v, _ in extra["links"]:
            left_out.setdefault(v if u == key else u, set()).add(key)
    anchor = sorted(left_out, key=lambda k: (-len(left_out[k]), k))[0]
    page.evaluate("k => window.kgFocus(k)", anchor)
    button = page.wait_for_selector("#kg-panel button.kg-more")
    assert int(button.text_content().split()[1]) == len(left_out[anchor])
    more = int(button.text_content().split()[1])
    button.click()
    assert page.evaluate("network.body.nodeIndices.length") == 20 + more
    assert "not drawn" not in page.text_content("#kg-panel")
    assert errors == []
    page.close()


def test_hostile_article_runs_no_script(browser, tmp_path):
    src = tmp_path / "xss.txt"
    src.write_text(XSS)
    graph = kg.build([src])
    HtmlExporter().write(graph, tmp_path)
    page, errors, requests = open_page(browser, tmp_path / "graph.html")
    for key in [e.key for e in graph.entities()]:  # open every panel and every source article
        page.evaluate("""k => { window.kgFocus(k);
                               document.querySelectorAll('#kg-panel a.kg-link').forEach(a => a.click());
                               document.getElementById('kg-article').style.display = 'none'; }""", key)
    page.fill("#kg-search", "Budi")
    page.press("#kg-search", "Enter")
    assert "<img" in page.text_content("#kg-panel")  # shown as text
    page.click("#kg-panel a.kg-source >> nth=0")
    assert "<script>window.__xss=3</script>" in page.text_content("#kg-article")
    page.mouse.move(700, 450)
    assert page.evaluate("window.__xss") is None
    assert errors == [] and requests == []
    page.close()


TOP_NAMES = """() => { const s = network.getScale(), box = document.getElementById('mynetwork').getBoundingClientRect();
  return nodes.get().filter(n => n.font.size >= 30).map(n => { const d = network.canvasToDOM({x: n.x, y: n.y});
    return {id: n.id, px: n.font.size * s, inside: d.x >= 0 && d.y >= 0 && d.x <= box.width && d.y <= box.height}; }); }"""


def test_first_screen_names_the_most_important_nodes_legibly(browser, seed_page_path):
    page, errors, _ = open_page(browser, seed_page_path[0])
    top = page.evaluate(TOP_NAMES)
    assert len(top) >= 10
    assert all(t["inside"] for t in top), top           # the view is fitted to them
    assert min(t["px"] for t in top) >= 12, top          # and their names are at least 12 px on screen
    ids = {t["id"] for t in top}
    assert "event:pemilu-2024" in ids                      # the election ties the articles together
    assert page.evaluate("network.getConnectedNodes('event:pemilu-2024').length") >= 4
    assert errors == []
    page.close()


def test_panels_show_who_said_what(browser, seed_page_path):
    page, errors, _ = open_page(browser, seed_page_path[0])
    page.evaluate("kgFocus('event:rapat-koordinasi@000-d40a057968a70726')")
    panel = page.text_content("#kg-panel")
    assert "Who spoke, and what they said" in panel and "Iskandar" in panel and "menjaga netralitas" in panel
    page.evaluate("kgFocus('person:iskandar@11')")
    panel = page.text_content("#kg-panel")
    assert "Statements" in panel and "at Rapat Koordinasi" in panel and "menjaga netralitas" in panel
    assert page.locator("#kg-panel .kg-statement").count() >= 3
    assert errors == []
    page.close()


def test_a_large_view_opens_folded_on_the_busiest_events(browser, tmp_path):
    import networkx as nx

    from kg.export.html import FIRST_SCREEN, write_html

    g = nx.MultiDiGraph()
    for e in range(40):
        g.add_node(f"event:{e:02d}", type="Event", label=f"Rapat {e:02d}", names=[f"Rapat {e:02d}"],
                   articles=[f"{e}.txt"], sentences=[], ids={}, dates=[])
        for i in range(e + 3):
            p = f"person:{e:02d}-{i:02d}"
            g.add_node(p, type="Person", label=f"Orang {e:02d} {i:02d}", names=[f"Orang {e:02d} {i:02d}"],
                       articles=[f"{e}.txt"], sentences=[], ids={}, dates=[])
            g.add_edge(p, f"event:{e:02d}", key="attended", predicate="attended")
    assert g.number_of_nodes() > 2 * FIRST_SCREEN
    write_html(g, tmp_path / "big.html")
    page, errors, _ = open_page(browser, tmp_path / "big.html")
    visible = page.evaluate("nodes.get({filter: n => !n.hidden}).map(n => n.id)")
    assert len(visible) <= FIRST_SCREEN and "event:39" in visible and "event:00" not in visible
    assert page.is_visible("#kg-all")
    page.evaluate("kgFocus('event:39')")
    page.click("#kg-all")
    assert page.evaluate("nodes.get({filter: n => !n.hidden}).length") == g.number_of_nodes()
    assert errors == []
    page.close()
