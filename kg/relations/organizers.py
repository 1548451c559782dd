"""Who organized an event (``organizedBy``), beyond the verb cues of ``roles``:

* a sitting is held by the body whose sitting it is: "Rapat Paripurna DPRD Kota X",
  "Rapat Dengar Pendapat Komisi IV DPRD X dengan Dinas Y" (the council and its
  commission, not the partner after "dengan"), "Rakor Polres X dengan KPU";
* the body named by "oleh" right after the event: "rapat kerja nasional ... oleh LKPP";
* "Acara ini diselenggarakan oleh KPU": an event referred to by a determiner is the
  article's main event.
"""
from __future__ import annotations

import re

from . import add_fact, by_sentence
from .roles import is_election

# events that are sittings of the body named in them
SITTING = re.compile(
    r"^(?:rapat|sidang|persidangan|paripurna|pleno|rdp|dengar\s+pendapat|hearing|rakor\w*|raker\w*|rakernas"
    r"|rakerda|rakorda|rakornas|musyawarah\s+(?!perencanaan))",
    re.IGNORECASE,
)
# a body after these is a partner or a subject, not the host
PARTNER = re.compile(r"(?<![\w-])(?:dengan|bersama|antara|dan|serta|terkait|tentang|membahas|soal|atas|mengenai)(?![\w-])",
                     re.IGNORECASE)
BY = re.compile(r"^\s*,?\s*(?:yang\s+)?(?:(?:di\w+|akan\s+di\w+)\s+)?oleh\s+$", re.IGNORECASE)
ANAPHOR = re.compile(r"(?<![\w-])(?:acara|kegiatan|agenda)\s+(?:ini|itu|tersebut)(?![\w-])", re.IGNORECASE)
HOSTED = re.compile(r"(?:digelar|diadakan|diselenggarakan|dilaksanakan|difasilitasi|diinisiasi|diprakarsai)"
                    r"\s+oleh\s+$", re.IGNORECASE)


def organizers(doc) -> None:
    sentences = by_sentence(doc)
    main = getattr(doc, "main_event", None)
    for sent in doc.sentences:
        rs = sentences.get(sent.index, [])
        events = [r for r in rs if r.mention.type == "Event" and not is_election(r.key)]
        orgs = [r for r in rs if r.mention.type == "Organization"]
        if not orgs:
            continue
        people = [r for r in rs if r.mention.type in ("Person", "Office")]
        for ev in events:
            e = ev.mention
            sitting = bool(SITTING.match(e.text.strip()))
            for org in orgs:
                o = org.mention
                if sitting and e.start < o.start <= e.end + 1:
                    between = doc.article.text[e.start:o.start]
                    if not PARTNER.search(between):
                        add_fact(doc, ev.key, "organizedBy", org.key, sent, o.start, o.end)
                elif o.start > e.end and BY.match(doc.article.text[e.end:o.start]) and not any(
                        e.end <= p.mention.start < o.start for p in people):
                    add_fact(doc, ev.key, "organizedBy", org.key, sent, o.start, o.end)
                    # "oleh Lembaga ... (LKPP)": the acronym in brackets is the same body
                    for other in orgs:
                        if other is not org and re.fullmatch(r"(?:[/&-]\w+)*[^\S\n]*\(",
                                                              doc.article.text[o.end:other.mention.start]):
                            add_fact(doc, ev.key, "organizedBy", other.key, sent, other.mention.start, other.mention.end)
        if not events and main and not is_election(main):
            a = ANAPHOR.search(sent.text)
            if a:
                for org in orgs:
                    before = doc.article.text[sent.start + a.end():org.mention.start]
                    if org.mention.start > sent.start + a.end() and HOSTED.search(before) and len(before) < 60:
                        add_fact(doc, main, "organizedBy", org.key, sent, org.mention.start, org.mention.end)
                        break

