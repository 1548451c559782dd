"""The HTML view opens in Firefox too (Debian's firefox-esr, headless).

Playwright can only drive its own Firefox build, which cannot be downloaded here, so
this test uses Firefox's own ``--screenshot`` mode: a probe script added to a copy of
the page checks, once the page has loaded, that vis drew every node, that search
finds "BKN" and opens its panel, and that no error was raised; it then paints the
window green (all good) or red, and the test reads the colour from the screenshot.
"""
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

import kg
from kg.export.html import HtmlExporter

ROOT = Path(__file__).resolve().parents[2]
FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
PROBE = """<script>
window.__errors = [];
window.addEventListener("error", function (e) { window.__errors.push(String(e.message)); });
window.addEventListener("load", function () {
  var ok = false;
  try {
    var search = document.getElementById("kg-search");
    search.value = "BKN";
    search.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
    var panel = document.getElementById("kg-panel");
    ok = network.body.nodeIndices.length === EXPECTED && panel.style.display === "block" &&
         panel.textContent.indexOf("org:bkn") >= 0 && window.__errors.length === 0;
  } catch (e) { ok = false; }
  var d = document.createElement("div");
  d.style.cssText = "position:fixed;inset:0;z-index:999;background:" + (ok ? "#00ff00" : "#ff0000");
  document.body.appendChild(d);
});
</script>"""


def png_pixel(data: bytes, x: int, y: int) -> tuple[int, ...]:
    """One pixel of an 8-bit RGB/RGBA PNG (enough of a decoder for a screenshot)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            bpp = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, prev, rows = zlib.decompress(idat), width * bpp, bytearray(width * bpp), []
    for r in range(y + 1):
        f, line = raw[r * (stride + 1)], bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        prev = line
    return tuple(prev[x * bpp:(x + 1) * bpp])


def test_the_seed_page_works_in_firefox(tmp_path):
    if FIREFOX is None:
        pytest.fail("firefox-esr is missing: run `make sysdeps` (Debian package firefox-esr)")
    graph = kg.build([ROOT / "sources"])
    HtmlExporter().write(graph, tmp_path)
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    page = tmp_path / "probe.html"
    page.write_text(html.replace("<head>", "<head>" + PROBE.replace("EXPECTED", str(len(graph))), 1),
                    encoding="utf-8")
    profile = tmp_path / "profile"
    profile.mkdir()
    shot = tmp_path / "shot.png"
    subprocess.run([FIREFOX, "--headless", "--no-remote", "--profile", str(profile), "--window-size=800,600",
                    "--screenshot", str(shot), page.as_uri()], check=True, timeout=120,
                   capture_output=True, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert png_pixel(shot.read_bytes(), 400, 300)[:3] == (0, 255, 0)
