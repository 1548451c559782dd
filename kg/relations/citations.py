"""Who cites which law (``cites``: a person, an event or an organization that invokes a
law as a basis, rule or topic).

For each sentence that names a law, or names again one cited earlier ("Keputusan
Mendagri", "Pergub yang baru", "UU tersebut"):

* the speaker cites it: the person the sentence quotes or attributes speech to (an
  office named alone stands for its holder); a pronoun or "-nya" attribution stands
  for the last person named; a sentence with no one in it that follows, within two
  sentences, one in which a person spoke continues that person's account ("Ia
  menambahkan ... . Hal itu sesuai PP Nomor ...");
* the event the sentence names cites it (a sitting that discusses a Ranperda, a trial
  under a law); a law the narration names with no speaker is cited by the article's
  main event, which is what the article reports;
* an organization that is the subject of an invoking verb ("KPU menetapkan ...
  berdasarkan PKPU ...") cites it.

Elections (Pemilu, Pilkada) are not subjects of ``cites``.
"""
from __future__ import annotations

import re

from ..extract.laws import bare_references
from . import add_fact, by_sentence
from .roles import _pronoun_re, find_cues, holders, is_election

CARRY = 2   # sentences a speaker's account runs on without naming them again
AHEAD = 4   # sentences a quotation may run before its attribution ("..." kata X)

# quotation marks; an apostrophe inside a word ("Mas’ud") is none
QUOTE = re.compile(r"[\"“”]|''|(?<![\w])[‘’]|[‘’](?![\w])")
_OPENS = re.compile(r"^\s*[\"“‘]")

# verbs by which a body acts on a rule ("KPU menetapkan ... berdasarkan PKPU")
_ORG_ACTS = re.compile(
    r"\s*,?\s*(?:(?:telah|akan|juga|sudah|kemudian|pun|resmi)\s+)*(?:menetapkan|memutuskan|menerbitkan|mengeluarkan|menjatuhkan|memberhentikan|melantik|"
    r"mengangkat|menyusun|menggelar|melaksanakan|menindaklanjuti|mengacu|merujuk|berpedoman|berpegang)(?![\w-])"
)


def citations(doc) -> None:
    sentences = by_sentence(doc)
    holder = holders(doc)
    main = getattr(doc, "main_event", None)
    if main is not None and (is_election(main) or main not in doc.graph.entities):
        main = None
    last_person = None            # the last person named
    last_speaker = None           # (person, sentence index) of the last one said to speak
    cited: list[tuple[int, str]] = []    # (sentence index, law key), in order
    for sent in doc.sentences:
        rs = sentences.get(sent.index, [])
        spans = [(r.mention.start, r.mention.end) for r in rs if r.mention.type == "Law"]
        # "Gubernur" in "Peraturan Gubernur" is no one speaking
        rs = [r for r in rs if r.mention.type == "Law"
              or not any(a <= r.mention.start and r.mention.end <= b for a, b in spans)]
        laws = [(r.key, r.mention.start, r.mention.end) for r in rs if r.mention.type == "Law"]
        for key, _, _ in laws:
            cited.append((sent.index, key))
        if not laws and cited:
            laws = _referred(sent, cited)
        persons = [r for r in rs if r.mention.type == "Person"]
        persons += [type(r)(r.sentence, r.mention, holder[r.key]) for r in rs
                    if r.mention.type == "Office" and r.key in holder]
        persons.sort(key=lambda r: r.mention.start)
        kinds = {k for _, _, k in find_cues(sent.text, sent.start)}
        spoke = bool(kinds & {"speak-subject", "attribution"}) or bool(QUOTE.search(sent.text))
        pron = _pronoun_re().search(sent.text)
        speaker = None
        if persons and spoke:
            speaker = persons[0].key
        elif pron and last_person:
            speaker = last_person
        elif not persons and last_speaker and sent.index - last_speaker[1] <= CARRY:
            speaker = last_speaker[0]
        if speaker is None and laws and not persons and _OPENS.match(sent.text):
            speaker = _attributed_later(doc, sent, sentences, holder)
        if laws:
            events = [r for r in rs if r.mention.type == "Event" and not is_election(r.key)]
            # a law in someone's words is theirs; the article's event cites what the narration
            # ties to it, or a law of a sentence that names the event
            event = events[0].key if events else (None if speaker else main)
            orgs = _acting_orgs(rs, sent) if not speaker else []
            for key, start, end in laws:
                if speaker:
                    add_fact(doc, speaker, "cites", key, sent, start, end)
                if event:
                    add_fact(doc, event, "cites", key, sent, start, end)
                for org in orgs:
                    add_fact(doc, org, "cites", key, sent, start, end)
        if persons:
            last_person = persons[-1].key
        if speaker and (spoke or pron):
            last_speaker = (speaker, sent.index)
        elif persons:
            last_speaker = None   # someone else is the subject now


def _attributed_later(doc, sent, sentences, holder) -> str | None:
    """The person a quotation opened in ``sent`` is attributed to where it closes, a few
    sentences on: '"Berdasarkan ... . Namun ...," kata X.'"""
    if len(QUOTE.findall(sent.text)) != 1:
        return None
    for later in doc.sentences[sent.index + 1 : sent.index + 1 + AHEAD]:
        if not QUOTE.search(later.text):
            continue
        kinds = {k for _, _, k in find_cues(later.text, later.start)}
        if "attribution" not in kinds:
            return None
        rs = sentences.get(later.index, [])
        people = [r.key for r in rs if r.mention.type == "Person"]
        people += [holder[r.key] for r in rs if r.mention.type == "Office" and r.key in holder]
        return people[0] if len(set(people)) == 1 else None
    return None


def _referred(sent, cited) -> list[tuple[str, int, int]]:
    """Laws named again without their number: the latest cited law of that type."""
    out = []
    for start, end, typ in bare_references(sent.text):
        prefix = f"law:{typ}-"
        hit = next((key for _, key in reversed(cited) if key.startswith(prefix)), None)
        if hit:
            out.append((hit, sent.start + start, sent.start + end))
    return out


def _acting_orgs(rs, sent) -> list[str]:
    """Organizations that are the subject of a verb of acting on a rule, before the law."""
    laws = [r.mention.start for r in rs if r.mention.type == "Law"]
    if not laws:
        return []
    out = []
    for r in rs:
        if r.mention.type != "Organization" or r.mention.start > laws[0]:
            continue
        after = sent.text[r.mention.end - sent.start: laws[0] - sent.start]
        if _ORG_ACTS.match(after) and not any(o.mention.type in ("Person", "Office")
                                                  and o.mention.start < r.mention.start for o in rs):
            out.append(r.key)
    return out
