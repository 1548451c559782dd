"""Who cites which law. A law named in a quote, or in a sentence with a speaker, is
cited by that speaker (pronouns and "-nya" attributions stand for the last person
named); a law named in a sentence that names an event is cited by the event."""
from __future__ import annotations

from . import add_fact, by_sentence
from .roles import QUOTE, _pronoun_re, find_cues, holders, is_election


def citations(doc) -> None:
    sentences = by_sentence(doc)
    holder = holders(doc)
    last_person = None
    for sent in doc.sentences:
        rs = sentences.get(sent.index, [])
        laws = [r for r in rs if r.mention.type == "Law"]
        persons = [r for r in rs if r.mention.type == "Person"]
        persons += [type(r)(r.sentence, r.mention, holder[r.key]) for r in rs
                    if r.mention.type == "Office" and r.key in holder]
        persons.sort(key=lambda r: r.mention.start)
        if laws:
            speaker = None
            kinds = {k for _, _, k in find_cues(sent.text, sent.start)}
            pron = _pronoun_re().search(sent.text)
            if persons and (kinds & {"speak-subject", "attribution"} or QUOTE.search(sent.text)):
                speaker = persons[0].key
            elif pron and last_person:
                speaker = last_person
            events = [r for r in rs if r.mention.type == "Event" and not is_election(r.key)]
            for law in laws:
                if speaker:
                    add_fact(doc, speaker, "cites", law.key, sent, law.mention.start, law.mention.end)
                if events:
                    add_fact(doc, events[0].key, "cites", law.key, sent, law.mention.start, law.mention.end)
        if persons:
            last_person = persons[-1].key
