#!/usr/bin/env python3
"""Screenshot of the HTML view with Debian's Chromium (the browser of the tests).

    python tools/screenshot.py exports/graph.html docs/graph.png [--search BKN]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("html")
    ap.add_argument("png")
    ap.add_argument("--search", default="Iskandar",
                    help="a name to look up, so the side panel shows (\"\" for none)")
    args = ap.parse_args(argv)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        page.goto(Path(args.html).resolve().as_uri())
        page.wait_for_function("typeof network !== 'undefined' && network.body.nodeIndices.length > 0")
        if args.search:
            page.fill("#kg-search", args.search)
            page.press("#kg-search", "Enter")
        # the first screen as a reader gets it (fitted to the most important nodes), moved
        # left of the side panel
        page.evaluate("""() => { kgFitImportant();
                                 network.moveTo({scale: network.getScale(), animation: false,
                                                 offset: {x: -200, y: 0}}); }""")
        Path(args.png).parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=args.png)
        browser.close()
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
