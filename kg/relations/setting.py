"""Where and when the event took place.

heldIn: the first place after "di" / "bertempat di" (and any venue) in a sentence
that names the event; when none, the lead sentence's "di <place>", then the
dateline. heldOn: the dates of the sentences that name the event (the first day of
a range); when none, the date of the lead sentence. A deadline, a start, a document's
date, a date inside a quote or an election's own day is not the event's day; an
election written with its day ("Pilkada tanggal 27 November 2024") is held on it.
"""
from __future__ import annotations

import re

from . import add_fact, by_sentence
from .occasion import article_quotes, inside
from .roles import is_election

AT = re.compile(r"(?:\b(?:di|bertempat\s+di|berlokasi\s+di)\s+)$", re.IGNORECASE)
# "di Gedung Contoh, Kota Contoh": the place after a named spot the extractors did not read
AT_AFTER = re.compile(r"\b(?:di|bertempat\s+di|berlokasi\s+di)\s+(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*,\s*$")
# words before a date that make it a deadline, a start or the date of a document, not the day
# of the event: "paling lambat 31 Maret", "sejak 1 Januari", "surat ... tanggal 13 Juli"
NOT_THE_DAY = re.compile(r"(?:paling\s+lambat|selambat-lambatnya|batas\s+waktu|tenggat(?:\s+waktu)?|deadline|"
                         r"sejak|terhitung(?:\s+mulai)?(?:\s+tanggal)?|berlaku(?:\s+mulai)?|mulai\s+berlaku|"
                         r"ditetapkan(?:\s+pada)?|ditandatangani(?:\s+pada)?|diundangkan(?:\s+pada)?|"
                         r"tertanggal|bertanggal)(?:\s+(?:pada|tanggal|hari))?\s*,?\s*$", re.IGNORECASE)
DOCUMENT_DATE = re.compile(r"\b(?:Nomor|Nomer|No\.?)\s*:?\s*[\w./-]+\s*,?\s+(?:tanggal|tertanggal|tgl\.?)\s+$", re.IGNORECASE)
# what may stand between an election and its own day: "Pilkada serentak tanggal 27 November 2024"
ELECTION_DAY = re.compile(r"\s*(?:(?:yang\s+)?(?:digelar|berlangsung|dilaksanakan|diselenggarakan)\s+)?"
                          r"(?:pada\s+)?(?:tanggal\s+)?(?:hari\s+)?$", re.IGNORECASE)


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
    elections = [r for r in doc.resolved if r.mention.type == "Event" and is_election(r.key)]
    _election_days(doc, elections)
    for r in elections:   # one region's election is held there: "Pilkada Kabupaten Contoh 2024"
        code = (r.mention.value or "").partition("pilkada:")[2]
        if code:
            add_fact(doc, r.key, "heldIn", f"place:{code}", r.sentence, r.mention.start, r.mention.end)
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
    quotes = article_quotes(doc)
    for sent in doc.sentences:
        rs = sentences.get(sent.index, [])
        named = [r for r in rs if r.mention.type == "Event" and r.key in events and not is_election(r.key)
                 and not inside(quotes, r.mention.start, r.mention.end)]
        if not named:
            continue

        def owner(pos: int) -> str:
            """The event a place or a date at ``pos`` belongs to: the one named last before it."""
            before_it = [r for r in named if r.mention.end <= pos]
            return (before_it[-1] if before_it else named[0]).key

        # where: the venues the sentence names (and a "di <place>" after them), else its first
        # "di <place>", else a body it is held at ("di Pengadilan Negeri X": in X)
        at = [r for r in _places_at(before, rs) if r.key != "place:indonesia"]
        venues = [r for r in rs if r.mention.type == "Place" and r.mention.value == "venue"]
        if venues:
            where = venues + [a for a in at[:1] if a.mention.start > venues[0].mention.start and a not in venues]
        else:
            where = at[:1] or _body_region(doc, before, rs)
        newly: set[str] = set()
        for r in where:
            event = owner(r.mention.start)
            if event in placed and event not in newly:
                continue
            add_fact(doc, event, "heldIn", r.key, sent, r.mention.start, r.mention.end)
            newly.add(event)
        placed |= newly
        nxt = doc.sentences[sent.index + 1] if sent.index + 1 < len(doc.sentences) else None
        trailing = doc.mentions.get(nxt.index, []) if nxt is not None and _only_a_date(nxt, doc) else []
        for m in doc.mentions.get(sent.index, []) + trailing:
            if m.type == "Date" and m.value and not _not_the_day(doc, sent, m, quotes, elections):
                event = owner(min(m.start, sent.end))
                add_fact(doc, event, "heldOn", m.value.split("/")[0], sent, m.start, m.end)
                if "/" in m.value:  # "mulai Senin 22 Mei hingga 25 Mei 2023"
                    add_fact(doc, event, "endDate", m.value.split("/")[1], sent, m.start, m.end)
                dated.add(event)
    body = [s for s in doc.sentences if not (art.title_span and s.start == art.title_span[0])]
    lead = body[0] if body else None
    if lead is not None and any(r.mention.type == "Event" and not is_election(r.key)
                                for r in sentences.get(lead.index, [])):
        lead = None   # a lead that names an event gave its place and day to that event above
    if lead is not None and main not in placed:
        at = _places_at(before, sentences.get(lead.index, []))
        if at:
            add_fact(doc, main, "heldIn", at[0].key, lead, at[0].mention.start, at[0].mention.end)
            placed.add(main)
    if main not in placed and art.dateline:
        key = doc.dateline_key
        if key:
            add_fact(doc, main, "heldIn", key, lead or (body[0] if body else doc.sentences[0]), 0, 0)
    if lead is not None and main not in dated:
        for m in doc.mentions.get(lead.index, []):
            if m.type == "Date" and m.value and not _not_the_day(doc, lead, m, quotes, elections):
                add_fact(doc, main, "heldOn", m.value.split("/")[0], lead, m.start, m.end)
                break



def _not_the_day(doc, sent, m, quotes, elections) -> bool:
    """Is the date in the event's sentence something else than the event's day: a deadline
    or a start ("paling lambat 31 Maret 2024"), a document's date ("surat Nomor 100/757
    tanggal 13 Juli 2020"), a date said inside a quote, or an election's own day
    ("Hasil Pilkada serentak tanggal 27 November 2024")?"""
    text = doc.article.text
    before = text[max(sent.start, m.start - 40):m.start]
    if NOT_THE_DAY.search(before) or DOCUMENT_DATE.search(before):
        return True
    if inside(quotes, m.start, m.end):
        return True
    laws = [k for k in doc.mentions.get(sent.index, []) if k.type == "Law" and k.end <= m.start]
    if laws and re.fullmatch(r"[\s,]*(?:tanggal|tertanggal|pada\s+tanggal)\s+", text[laws[-1].end:m.start], re.I):
        return True
    return any(r.mention.end <= m.start and r.sentence.index == sent.index
               and ELECTION_DAY.fullmatch(text[r.mention.end:m.start]) for r in elections)


def _election_days(doc, elections) -> None:
    """"Pilkada serentak tanggal 27 November 2024": the election's own day."""
    text = doc.article.text
    for r in elections:
        for m in doc.mentions.get(r.sentence.index, []):
            if m.type == "Date" and m.value and m.start >= r.mention.end \
                    and ELECTION_DAY.fullmatch(text[r.mention.end:m.start]) and text[r.mention.end:m.start].strip():
                add_fact(doc, r.key, "heldOn", m.value.split("/")[0], r.sentence, m.start, m.end)


REGION_IN_KEY = re.compile(r":(\d\d(?:\.\d\d){0,3})$")


def _body_region(doc, before, rs) -> list:
    """"di Pengadilan Negeri Banda Aceh", "di Kantor KPU Kota X": a body after "di" with a
    region in its name places the event in that region (when the article names it)."""
    out = []
    for r in rs:
        if r.mention.type == "Organization" and AT.search(before(r.mention.start)):
            m = REGION_IN_KEY.search(r.key)
            key = f"place:{m.group(1)}" if m else None
            if key and key in doc.graph.entities:
                out.append(type(r)(r.sentence, r.mention, key))
                break
    return out
