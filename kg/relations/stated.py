"""Relations a single mention states: "Pj Bupati Aceh Utara, Rahmatsyah" (holdsOffice,
acting), "Kepala BKN" (officeOf BKN), "Rakor ... Badan Kepegawaian Negara" (organizedBy)."""
from __future__ import annotations

from . import add_fact


def stated(doc) -> None:
    key_of = {id(r.mention): r.key for r in doc.resolved}
    office_quals = {r.key: r.mention.qualifiers for r in doc.resolved if r.mention.type == "Office"}
    for r in doc.resolved:
        m = r.mention
        for predicate, target in m.links:
            if predicate == "holdsOffice" and m.type == "Person":
                quals = office_quals.get(target, frozenset()) & {"acting", "former"}
                add_fact(doc, r.key, "holdsOffice", target, r.sentence, m.start, m.end, quals)
            elif predicate == "officeOf" and m.type == "Office":
                add_fact(doc, r.key, "officeOf", target, r.sentence, m.start, m.end)
            elif predicate == "organizedBy" and m.type == "Event":
                add_fact(doc, key_of[id(m)], "organizedBy", target, r.sentence, m.start, m.end)
