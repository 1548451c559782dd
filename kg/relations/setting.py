"""Where and when the event took place.

heldIn: the first place after "di" / "bertempat di" (and any venue) in a sentence
that names the event; when none, the lead sentence's "di <place>", then the
dateline. heldOn: the dates of the sentences that name the event (the first day of
a range); when none, the date of the lead sentence.
"""
from __future__ import annotations

import re

from . import add_fact, by_sentence

AT = re.compile(r"(?:\b(?:di|bertempat\s+di|berlokasi\s+di)\s+)$", re.IGNORECASE)
# "di Gedung Contoh, Kota Contoh": the place after a named spot the extractors did not read
AT_AFTER = re.compile(r"\b(?:di|bertempat\s+di|berlokasi\s+di)\s+(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*,\s*$")


def _places_at(text_before_fn, rs):
    out = []
    for r in rs:
        m = r.mention
        if m.type != "Place":
            continue
        if AT.search(text_before_fn(m.start)) or AT_AFTER.search(text_before_fn(m.start, 60)):
            out.append(r)
    return out


def _only_a_date(sent, doc) -> bool:
    """"... di Denpasar, Bali. Selasa, 6 Februari 2024.": a sentence that is only a date
    finishes the sentence before it."""
    dates = [m for m in doc.mentions.get(sent.index, []) if m.type == "Date"]
    rest = sent.text
    for m in dates:
        rest = rest.replace(doc.article.text[m.start:m.end], "")
    return bool(dates) and len(rest.strip(" .,;:-–()").split()) <= 1


def setting(doc) -> None:
    main = getattr(doc, "main_event", None)
    if main is None:
        return
    art = doc.article
    sentences = by_sentence(doc)
    text = art.text
    before = lambda pos, n=20: text[max(0, pos - n):pos]  # noqa: E731
    events = {r.key for r in doc.resolved if r.mention.type == "Event"}
    placed: set[str] = set()
    dated: set[str] = set()
    for sent in doc.sentences:
        rs = sentences.get(sent.index, [])
        named = [r.key for r in rs if r.mention.type == "Event" and r.key in events
                 and not r.key.startswith(("event:pemilu", "event:pilkada"))]
        if not named:
            continue
        event = named[0]
        if event not in placed:
            # the first sentence that says where: "di <place>", and the venues it names
            at = [r for r in _places_at(before, rs) if r.key != "place:indonesia"]
            venues = [r for r in rs if r.mention.type == "Place" and r.mention.value == "venue"]
            for r in (at[:1] + [v for v in venues if v not in at[:1]]):
                add_fact(doc, event, "heldIn", r.key, sent, r.mention.start, r.mention.end)
                placed.add(event)
        nxt = doc.sentences[sent.index + 1] if sent.index + 1 < len(doc.sentences) else None
        trailing = doc.mentions.get(nxt.index, []) if nxt is not None and _only_a_date(nxt, doc) else []
        for m in doc.mentions.get(sent.index, []) + trailing:
            if m.type == "Date" and m.value:
                add_fact(doc, event, "heldOn", m.value.split("/")[0], sent, m.start, m.end)
                if "/" in m.value:  # "mulai Senin 22 Mei hingga 25 Mei 2023"
                    add_fact(doc, event, "endDate", m.value.split("/")[1], sent, m.start, m.end)
                dated.add(event)
    body = [s for s in doc.sentences if not (art.title_span and s.start == art.title_span[0])]
    lead = body[0] if body else None
    if lead is not None and main not in placed:
        at = _places_at(before, sentences.get(lead.index, []))
        if at:
            add_fact(doc, main, "heldIn", at[0].key, lead, at[0].mention.start, at[0].mention.end)
            placed.add(main)
    if main not in placed and art.dateline:
        key = doc.dateline_key
        if key:
            add_fact(doc, main, "heldIn", key, lead or doc.sentences[0], 0, 0)
    if lead is not None and main not in dated:
        for m in doc.mentions.get(lead.index, []):
            if m.type == "Date" and m.value:
                add_fact(doc, main, "heldOn", m.value.split("/")[0], lead, m.start, m.end)
                break

