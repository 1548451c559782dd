"""The seed graph in an on-disk Oxigraph store (reopened, so it persisted) answers the
ready-made questions like kg query."""
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.query import load, read_query, run

ROOT = Path(__file__).resolve().parents[2]
QUERIES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory, seed_export):
    path = tmp_path_factory.mktemp("oxigraph") / "store"
    store = ox.Store(str(path))
    store.bulk_load(path=str(seed_export / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    return ox.Store(str(path))


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.name)
def test_same_answers_as_kg_query(disk_store, seed_export, path):
    query = read_query(str(path))
    assert sorted(run(disk_store, query).values(), key=str) == sorted(run(load(seed_export), query).values(), key=str)


def test_store_persisted_every_triple(disk_store, seed_export):
    assert len(disk_store) == len(load(seed_export))
