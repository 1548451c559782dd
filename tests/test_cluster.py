"""kg build --engine dask: extraction as a map over partitions and the merge as a
reduce by canonical key on Dask distributed give the same graph as a local build."""
from pathlib import Path

import pytest

from kg.cli import main
from kg.store import STORE_DIR  # an on-disk store: the same triples, not the same bytes (tests/test_store.py)

ROOT = Path(__file__).resolve().parent.parent


def files(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and STORE_DIR not in p.parts}


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


@pytest.fixture(scope="module")
def local_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    assert main(["build", str(ROOT / "sources"), "-o", str(out), "--jobs", "1"]) == 0
    return out


def test_a_two_worker_cluster_builds_the_same_graph(cluster, local_build, tmp_path):
    assert len(cluster.scheduler_info["workers"]) == 2
    out = tmp_path / "dask"
    assert main(["build", str(ROOT / "sources"), "-o", str(out), "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 0
    assert files(out) == files(local_build)


def test_more_partitions_than_workers_and_an_unreadable_article(cluster, tmp_path):
    """Entities and relations seen in several partitions are merged by key; a file
    that cannot be read is reported and the rest is built."""
    from kg.cluster import build_on_dask
    from kg.export.ntriples import ntriples_bytes
    import kg

    src = tmp_path / "src"
    src.mkdir()
    for f in sorted((ROOT / "sources").glob("*.txt")):
        for copy in ("a", "b"):
            (src / f"{copy}_{f.name}").write_bytes(f.read_bytes())
    (src / "c_empty.txt").write_text("")
    errors = []
    graph = build_on_dask([src], scheduler=cluster.scheduler_address, partitions=7,
                          on_error=lambda p, r: errors.append(p))
    assert ntriples_bytes(graph) == ntriples_bytes(kg.build([src]))
    assert [Path(e).name for e in errors] == ["c_empty.txt"]


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path, capsys):
    assert main(["build", str(ROOT / "sources"), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err


def test_a_failing_extraction_is_reported_once():
    from kg.cluster import _fold, _extract_partition
    from kg.model import Article

    bad = Article(id="x.txt", path="/x.txt", text=None, body=((0, 5),))  # not text: the pipeline fails
    (item,) = _extract_partition([bad])
    assert item[0] == ("!", "x.txt") and item[1][0] == "/x.txt" and "extraction failed" in item[1][1]
    assert _fold(item, item) == item
