"""kg serve against a hostile web page, in a real browser (Debian's Chromium via Playwright).

A page the user happens to open must not reach the server by re-binding its own name to
127.0.0.1 (DNS rebinding, simulated here with Chromium's host resolver rules): the page
is then same-origin with the server as far as the browser knows, so only the server's
Host check stands between it and the graph. (A page of another site that fetches from
127.0.0.1 is stopped by the missing CORS headers: tests/security/test_serve_attacks.py.)
"""
import shutil
import threading

import pytest

from kg.serve import make_server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP rebind.example 127.0.0.1"]


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


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser")
    (out / "graph.ttl").write_text('<https://w3id.org/kg-id/id/p1> <http://www.w3.org/2000/01/rdf-schema#label> "Rahasia" .\n')
    (out / "graph.html").write_text("<!doctype html><title>kg</title><p id=secret>Rahasia</p>")
    server = make_server(out, host="127.0.0.1", port=0, timeout=5)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


STEAL = """async (url) => {
    try { const r = await fetch(url); return r.status + ' ' + await r.text(); }
    catch (e) { return 'blocked: ' + e; }
}"""


def test_browser_dns_rebinding_is_refused(browser, port):
    page = browser.new_page()
    response = page.goto(f"http://rebind.example:{port}/")
    assert response.status == 403 and "Rahasia" not in page.content()
    got = page.evaluate(STEAL, f"http://rebind.example:{port}/sparql?query=SELECT%20%3Fl%20%7B%3Fs%20rdfs%3Alabel%20%3Fl%7D")
    page.close()
    assert got.startswith("403") and "Rahasia" not in got
