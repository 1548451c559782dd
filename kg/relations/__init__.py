"""Relation rules, run after the mentions of an article are resolved into entities.

Each step reads ``doc.resolved`` (mentions with their entity keys) and appends
``Fact``s to ``doc.graph``. In order: what a mention states itself (an office's body,
a person's office), who spoke at and attended which event and who organized it, who
attended it (lists, subjects of taking part, absentees),
where and when it was held, which laws are cited, and who said what (``Statement``s).
"""
from __future__ import annotations

from collections import defaultdict

from ..model import Evidence, Fact, Relation


LITERAL = {"heldOn", "endDate"}   # predicates whose object is a date, not an entity


def relation_steps():
    from .attendance import attendance
    from .citations import citations
    from .organizers import organizers
    from .roles import roles
    from .setting import setting
    from .stated import stated
    from .statements import statements

    return [stated, roles, attendance, organizers, setting, citations, statements]


def add_fact(doc, subject: str, predicate: str, obj: str, sentence, start: int, end: int,
             qualifiers=frozenset()) -> None:
    graph = doc.graph
    if subject not in graph.entities:
        return
    if predicate not in LITERAL and obj not in graph.entities:
        return
    if subject == obj:
        return
    rel = Relation(subject, predicate, obj, frozenset(qualifiers))
    ev = Evidence(doc.article.id, sentence.index, start, end)
    fact = Fact(rel, ev)
    seen = getattr(doc, "_fact_ids", None)
    if seen is None:
        seen = doc._fact_ids = set()
    ident = (subject, predicate, obj, sentence.index)
    if ident in seen:
        return
    seen.add(ident)
    graph.facts.append(fact)


def by_sentence(doc):
    """Sentence index -> the resolved mentions in it, in order; made once per article and
    shared by the relation steps (which only read it)."""
    made = getattr(doc, "_by_sentence", None)
    if made is not None and made[0] is doc.resolved and made[1] == len(doc.resolved):
        return made[2]
    out = defaultdict(list)
    for r in doc.resolved:
        out[r.sentence.index].append(r)
    for v in out.values():
        v.sort(key=_start)
    doc._by_sentence = (doc.resolved, len(doc.resolved), out)
    return out


def _start(r) -> int:
    return r.mention.start
