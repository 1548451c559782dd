"""The HTML view served by kg serve, under its Content-Security-Policy, in Chromium."""
import shutil
import threading
from pathlib import Path

import pytest

import kg
from kg.export.html import HtmlExporter
from kg.export.rdf import TurtleExporter
from kg.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def test_browser_html_view_works_under_its_csp(tmp_path):
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: run `make sysdeps` (Debian package chromium)")
    from playwright.sync_api import sync_playwright

    graph = kg.build([ROOT / "sources"])
    TurtleExporter().write(graph, tmp_path)
    HtmlExporter().write(graph, tmp_path)
    server = make_server(tmp_path, host="127.0.0.1", port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = b.new_page()
            errors = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            response = page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            assert "default-src 'none'" in response.headers["content-security-policy"]
            page.wait_for_selector("canvas", timeout=20000)
            page.wait_for_timeout(1000)
            b.close()
        assert errors == []  # a CSP violation is reported as a console error
    finally:
        server.shutdown()
        server.server_close()
