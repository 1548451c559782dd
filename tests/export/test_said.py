"""Statements for the HTML view come out the same from an in-memory and a streaming build."""
from pathlib import Path

import kg
from kg.export.said import graph_statements
from kg.stream import build_streaming

ROOT = Path(__file__).resolve().parents[2]


def shape(st):
    return (st.speaker, st.quote, st.event, st.evidence.article, st.evidence.sentence, st.evidence.start,
            st.evidence.end)


def test_streamed_build_statements_match_the_in_memory_ones(tmp_path):
    memory = graph_statements(kg.build([ROOT / "sources"]))
    streamed = graph_statements(build_streaming([ROOT / "sources"], tmp_path))
    assert len(memory) >= 10 and any(st.event for st in memory)
    assert [shape(s) for s in streamed] == [shape(s) for s in memory]
    assert all(s.direct is None for s in streamed)  # the RDF does not say quoted or reported
