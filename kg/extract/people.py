"""People: names with their honorifics, ranks and academic degrees.

A run of capitalized words is a person only where the sentence says so: next to an
office ("Pj Bupati Aceh Utara, Rahmatsyah," / "Fadli Ramadhan, Dirjen ..." / "Asisten
... (Hendra Kurniawan, AP, M.Si)"), after a quote attribution ("kata Sulaiman"), before a
verb of saying ("Sulaiman mengatakan"), after "Menurut", with an honorific ("H.",
"Prof.") or police/military rank before it, or with degrees after it. The label is
the bare name: "Dewi Lestari, S.IP, M.Si" is Dewi Lestari.

Lists and appositions (``kg.coordination``): the members of "yakni A, B dan C",
"dihadiri Wakil Ketua A, B dan C", "A dan B (nomor urut 1)" and the names coordinated
with a person already found are people when they look like names; bare names that follow
an office holder in one list share the office ("Wakil Ketua DPRD X A dan B").

Every candidate passes the name model (``kg.names``): a span with a verb form, an office,
unit, law or rank word ("Bupati Resmikan Pasar", "Perbup", "Kol") or that is a place
("Gubernur Sulbar", "Camat Tanjung Barat") is no person; weak cues (lists, appositions,
title lines) need positive evidence, a known given name or surname.

Mentions carry ``links`` for what the sentence states at once:
``("holdsOffice", office key)`` for an office next to the name.
"""
from __future__ import annotations

import bisect
import re
import threading
from functools import cache

from .. import gazetteer
from .. import names as name_model
from ..coordination import split as split_list
from ..data import load_yaml
from ..match import PrefilteredRegex
from .. import prefilter
from ..prefilter import Located
from ..model import Mention
from ..text import slug, squash
from ..text import trie_alternation

# the sentence being read, per thread: names parsed in it, and whether it is a title line
_STATE = threading.local()
VERB_LIKE = re.compile(r"^(?:Ber|Me|Mem|Men|Meng|Meny|Di|Ter|Se)[a-z]{5,}$")
NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z]+)?(?![A-Za-z])|[A-Z]{3,}(?![a-z])|[A-Z]\.(?=\s)|Muh\.?(?=\s))"
# a middle initial without its full stop: "Rafael O Ambrauw"
MIDDLE_INITIAL = r"[A-Z](?=\s+[A-Z][a-z])"


@cache
def _config():
    voc = gazetteer.vocab()
    nn = load_yaml("names.yaml")
    honorifics = [h for h in voc.get("honorifics", []) if isinstance(h, str)]
    ranks = []
    for key in ("police_ranks", "military_ranks"):
        val = voc.get(key, [])
        if isinstance(val, dict):
            for k, v in val.items():
                ranks.append(k)
                if isinstance(v, list):
                    ranks.extend(x for x in v if isinstance(x, str))
                elif isinstance(v, str):
                    ranks.append(v)
        else:
            ranks.extend(x for x in val if isinstance(x, str))
    ranks.extend(c for c in voc.get("military_corps", []) if isinstance(c, str) and "(" not in c)
    degrees = [d for d in voc.get("degrees", []) if isinstance(d, str)]
    attribution = [a for a in voc.get("attribution_verbs", []) if not a.endswith("nya")]
    speech = set(voc.get("speech_verbs", [])) | set(nn["subject_speech_verbs"]) | set(nn["subject_action_verbs"])
    speech = {s for s in speech if " " not in s}
    not_names = {w.casefold() for w in nn["not_names"]}
    return honorifics, ranks, degrees, attribution, speech, not_names




@cache
def _speech_anywhere() -> re.Pattern:
    """Any speech verb as a word: without one, no name can be followed by one."""
    speech = _config()[4]
    return re.compile(rf"(?<!\w)(?:{trie_alternation(speech)})\b")


@cache
def _speech_words() -> Located:
    """Where a speech verb (any case) begins: a superset of where ``speech_after`` finds one."""
    speech = _config()[4]
    return Located(re.compile(rf"(?:{trie_alternation(speech)})\b"), speech)


def _speech_starts(text: str) -> list[int]:
    return _speech_words().starts(text)


_NAME_START = re.compile(rf"(?<![\w.])(?={NAME_WORD})")
# what may stand between a name and its speech verb ("Budi, juga mengatakan"): see speech_after
_SPEECH_GAP = re.compile(r"[\s,jugapnkembalitr]*")


def _speech_reachable(text: str, pos: int, verbs: list[int], person: re.Pattern) -> bool:
    """Can a name parsed at ``pos`` be followed by a speech verb (``speech_after``)? The
    name ends after ``pos`` and at most where ``person`` matching at ``pos`` ends (its
    words, then its degrees); ``speech_after`` needs a verb at or after that end, with
    only spaces, commas and one of "juga", "pun", "kembali", "turut" between. So the
    first verb after ``pos`` must begin within the match, or after it with only such
    characters between (any later verb has those characters before it too)."""
    if not prefilter.active:
        return True
    i = bisect.bisect_right(verbs, pos)
    if i == len(verbs):
        return False
    m = person.match(text, pos)
    if m is None:
        return False   # _parse finds no name here either
    j = verbs[i]
    return j <= m.end() or _SPEECH_GAP.fullmatch(text, m.end(), j) is not None


@cache
def _regexes():
    honorifics, ranks, degrees, attribution, speech, _ = _config()
    hon = trie_alternation([h for h in honorifics if h.endswith(".")] + [h for h in honorifics if len(h) > 3] + ranks
                      + list(SHORT_HONORIFICS))
    deg = trie_alternation(degrees)
    prefix = rf"(?:(?:{hon})(?:\s+|(?<=\.)(?=[A-Z][a-z])))*"
    name = rf"{NAME_WORD}(?:\s+(?:{NAME_WORD}|{MIDDLE_INITIAL})){{0,4}}"
    deg_run = rf"(?:\s*[,.]?\s*(?:{deg})(?![\w]))+"
    person = re.compile(rf"(?P<prefix>{prefix})(?P<name>{name})(?P<degrees>{deg_run})?")
    honor = re.compile(rf"(?<![\w.])(?:{hon})(?:\s+|(?<=\.)(?=[A-Z][a-z]))(?={NAME_WORD})")
    attr = re.compile(rf"(?<![\w])(?:{trie_alternation(attribution)})\s+(?=[A-Z])")
    menurut = re.compile(r"(?<![\w])(?:Menurut|menurut|Kata|Ujar)\s+(?=[A-Z])")
    speech_after = re.compile(rf"^\s*,?\s*(?:juga\s+|pun\s+|kembali\s+|turut\s+)?(?:{trie_alternation(speech)})\b")
    degrees_only = re.compile(rf"^{deg_run}")
    return person, honor, attr, menurut, speech_after, degrees_only


class PersonExtractor:
    name = "people"

    def __call__(self, text: str, *, context) -> list[Mention]:
        person, honor, attr, menurut, speech_after, _ = _regexes()
        known = sorted(context.known, key=lambda m: m.start)
        blocked = [(m.start, m.end) for m in known if m.type != "Date"]
        offices = [m for m in known if m.type == "Office"]
        found: dict[tuple[int, int], Mention] = {}
        _STATE.memo = {"text": text, "blocked": blocked}   # names parsed in this sentence
        _STATE.title = context.is_title
        # a title line is in title case: every candidate needs a known name in it
        weak = "likely" if context.is_title else "plausible"

        def add(pos: int, *, cue: str, office: Mention | None = None, need_end_ok: bool = False,
                need: str = weak, office_key: str | None = None):
            if context.is_title and need == "plausible" and cue != "honorific":
                need = "likely"
            m = self._parse(text, pos, blocked, need=need)
            if m is None:
                return None
            if need_end_ok and not _ends_well(text, m.end):
                nxt = re.match(r"\s+([A-Z]\w*)", text[m.end:])
                if not (context.is_title and nxt and name_model.word_kind(nxt.group(1)) in
                        (name_model.WORD, name_model.ROOT)
                        and nxt.group(1).casefold() not in name_model.vocabulary_words()):
                    return None   # in a title, the headline's verb may follow the name
            if any(s < m.end and m.start < e for s, e in found if (s, e) != (m.start, m.end)):
                return None  # overlaps a person already found
            key = office.key if office is not None else office_key
            links = (("holdsOffice", key),) if key else ()
            prev = found.get((m.start, m.end))
            if prev is not None:
                links = tuple(sorted(set(prev.links) | set(links)))
            found[(m.start, m.end)] = Mention("Person", m.text, m.start, m.end, label=m.label, key=m.key,
                                              names=m.names, links=links, qualifiers=frozenset({cue}),
                                              source=self.name)
            return m

        # an office, then the name: "Bupati Sijunjung, Arman Syahputra", "Setdako (Hendra Kurniawan, AP)"
        for o in offices:
            g = re.match(r"\s*(?:,\s*|\(\s*|\s)", text[o.end:])
            if g:
                add(o.end + g.end(), cue="office", office=o, need_end_ok=True)
        # the name, then its office: "Fadli Ramadhan, Dirjen ..."
        for o in offices:
            before = text[:o.start]
            g = re.search(r",\s*$", before)
            if not g:
                continue
            tail = before[:g.start()]
            start = self._start_before(tail, blocked)
            if start is not None and any(re.fullmatch(r"[\s,(]*", text[p.end:start]) for p in offices if p.end <= start):
                continue  # "Office1 Name1, Office2 Name2": Name1 belongs to Office1
            if start is not None:
                m = add(start, cue="office", office=o)
                if m is not None and m.end != g.start() and not self._degrees_to(text, m.end, g.start()):
                    found.pop((m.start, m.end), None)
        for rx, cue in ((attr, "attribution"), (menurut, "attribution"), (honor, "honorific")):
            for m in rx.finditer(text):
                add(m.end() if cue != "honorific" else m.start(), cue=cue)
        # "Sulaiman mengatakan", "Abdul Muis, mengatakan" (only where a speech verb occurs at all)
        verbs = _speech_starts(text) if _speech_anywhere().search(text) else ()
        for m in (_NAME_START.finditer(text) if verbs else ()):
            if any(s <= m.start() < e for s, e in found):
                continue
            if not _speech_reachable(text, m.start(), verbs, person):
                continue   # no name read here can end right before a speech verb: not parsed
            p = self._parse(text, m.start(), blocked, need=weak)
            if p is None or not speech_after.match(text[p.end:]):
                continue
            if p.start > 0 and text[p.start - 1].isalpha():
                continue
            add(p.start, cue="speech")
        # "X sebagai Pjs Bupati ...", "X akan menjabat Kepala ...", "X Jabat Pjs Bupati ..."
        holding = _holding_re()
        for o in offices:
            base = max(0, o.start - 80)   # the cues are short: only the text just before the office
            g = holding.search(text, base, o.start)
            if not g or g.end() != o.start:
                continue
            tail_end = g.start()
            prev = next((q for q in offices if q.end <= tail_end and re.fullmatch(r"[\s,]*", text[q.end:tail_end])), None)
            if prev is not None:
                # "X yang sebelumnya menjabat Kepala A kini menjadi Asisten B": skip the former office
                f = _FORMER_HOLDING.search(text[:prev.start])
                if f:
                    tail_end = f.start()
            start = self._start_before(text[:tail_end], blocked)
            if start is not None:
                p = self._parse(text, start, blocked)
                if p is not None and re.fullmatch(r"[\s,]*", text[p.end:tail_end] or " "):
                    add(start, cue="holding", office=o)
        # "jabatan Kepala Dinas X kini diisi oleh Y", "... diserahkan kepada Y": Y holds it
        for o in offices:
            if not re.search(r"(?i)\bjabatan\s+$", text[max(0, o.start - 10):o.start]):
                continue
            stop = _list_end(text, o.end)
            for h in _HANDOVER.finditer(text, o.end, stop):
                add(h.end(), cue="handover", office=o, need="plausible")
        # a name with its degrees: "Nikolas Kodomo,SH.MH", "Dewi Lestari, S.IP, M.Si"
        if _degree_after_name().search(text):
            for m in re.finditer(rf"(?<![\w.])(?={NAME_WORD})", text):
                if any(s <= m.start() < e for s, e in found):
                    continue
                g = person.match(text, m.start())
                if g and g.group("degrees") and re.search(r"[.,]", g.group("degrees")) \
                        and not g.group("degrees").strip(" ,.").isalpha():
                    add(m.start(), cue="degrees")
                elif g and g.group("degrees") and len(re.findall(r"\w+", g.group("degrees"))) >= 2:
                    add(m.start(), cue="degrees")
        # "melantik Yohanes Wanma sebagai ..."
        for m in re.finditer(r"\b(?:melantik|mengukuhkan|menunjuk|menetapkan)\s+(?=[A-Z])", text):
            add(m.end(), cue="object")
        # lists after a cue: "yakni A, B dan C", "dihadiri Wakil Ketua A dan B", "Hadir pula A"
        for m in _list_cue_re().finditer(text):
            self._read_list(text, m.end(), offices, blocked, add)
        # appositions: "X yang sebelumnya menjabat ...", "A dan B (nomor urut 1)"
        for m in _apposition_re().finditer(text):
            start = self._start_before(text[:m.start()].rstrip(" ,"), blocked)
            if start is not None and not any(s <= start < e for s, e in found):
                office = next((o for o in offices if re.fullmatch(r"[\s,]*", text[o.end:start])), None)
                add(start, cue="apposition", office=office, need="plausible" if office else "likely")
        # names coordinated with a person found: "Sarmili dan Mahliana", "Wakil Ketua A, B dan C"
        done: set = set()
        for _ in range(12):
            if not self._coordinated(text, found, offices, blocked, add, done):
                break
        return sorted(found.values(), key=lambda x: x.start)

    # ------------------------------------------------------------ lists
    def _member(self, text, start, end, offices, blocked, add, *, cue, need="likely", office_key=None):
        """One conjunct of a list: "[office] name [degrees] [(...)] [lowercase words]"."""
        for o in (o for o in offices if start <= o.start < end and o.end < end):
            g = re.match(r"\s*,?\s*", text[o.end:end])
            got = add(o.end + g.end(), cue=cue, office=o, need_end_ok=True, need="plausible")
            if got is not None:
                return got
        if not text[start:start + 1].isupper():
            return None
        return add(start, cue=cue, need_end_ok=True, need=need, office_key=office_key)

    def _read_list(self, text, pos, offices, blocked, add):
        end = _list_end(text, pos)
        if end <= pos:
            return
        for c in split_list(text, pos, end, protect=[b for b in blocked if b[1] > pos]):
            self._member(text, c.start, c.end, offices, blocked, add, cue="list")

    def _coordinated(self, text, found, offices, blocked, add, done) -> bool:
        """Add the names coordinated with a person already found; True if any was added."""
        before = dict(found)
        for (s, e), m in sorted(found.items()):
            if (s, e, m.links) in done:
                continue
            done.add((s, e, m.links))
            office_key = dict(m.links).get("holdsOffice") if m.qualifiers & {"office", "list", "coordination"} else None
            # forwards: "A, B dan C"
            g = _SEP_AFTER.match(text, e)
            if g:
                nxt = g.end()
                stop = _list_end(text, nxt)
                conj = split_list(text, nxt, stop, protect=[b for b in blocked if b[1] > nxt])
                if conj:
                    c = conj[0]
                    has_office = any(c.start <= o.start < c.end for o in offices)
                    self._member(text, c.start, c.end, offices, blocked, add, cue="coordination",
                                 need="plausible", office_key=None if has_office else office_key)
            # backwards: "B dan [A]"
            g = _SEP_BEFORE.search(text[:s])
            if g:
                tail = text[:g.start()]
                start = self._start_before(tail, blocked, need="plausible")
                if start is not None and not any(a <= start < b for a, b in found):
                    prev_sep = text[:start].rstrip()
                    if not prev_sep or prev_sep[-1] in ",;" or re.search(
                            r"(?:\b(?:dan|serta|yakni|yaitu|adalah|masing-masing|oleh)|[A-Z][\w.]*)$", prev_sep):
                        add(start, cue="coordination", need="plausible", need_end_ok=True)
        return found != before

    # --------------------------------------------------------------- parsing
    class _Parsed:
        __slots__ = ("start", "end", "text", "label", "key", "names")

    def _parse(self, text: str, pos: int, blocked, need: str = "plausible"):
        """The name that starts at ``pos`` (memoized for the sentence being read)."""
        memo = getattr(_STATE, "memo", None)
        if memo is None or memo.get("text") is not text or memo.get("blocked") is not blocked:
            return self._parse_uncached(text, pos, blocked, need)
        key = (pos, need)
        if key not in memo:
            memo[key] = self._parse_uncached(text, pos, blocked, need)
        return memo[key]

    def _parse_uncached(self, text: str, pos: int, blocked, need: str):
        person, *_ = _regexes()
        _, _, _, _, _, not_names = _config()
        m = person.match(text, pos)
        if not m:
            return None
        if _named_after_re().search(text, max(0, pos - 40), pos):
            return None  # "Jalan Kapten Maulana Lubis", "RSUD Dr. Soetomo": a place named after someone
        name_start, name_end = m.start("name"), m.end("name")
        words = list(re.finditer(r"\S+", text[name_start:name_end]))
        # stop at a blocked span (an office, organization, place ...) or a non-name word
        keep = []
        for w in words:
            ws, we = name_start + w.start(), name_start + w.end()
            if any(s < we and ws < e for s, e in blocked):
                break
            if w.group(0).strip(".").casefold() in not_names:
                # a title or opener before the name ("Majelis Andi ..."): dropped below, and
                # only if a likely name follows; after a name word it ends the name
                if m.group("prefix") or any(x.group(0).strip(".").casefold() not in not_names for x in keep):
                    break
            if keep and re.match(r"\d", text[we:we + 2].lstrip(". ")) and w.group(0).endswith("."):
                break  # "No. 12"
            keep.append(w)
        if not keep:
            return None
        # the name model: a verb form, an office or rank word ends the name ("Andi Resmikan");
        # before the name it is dropped when nothing precedes it ("Sekretariat Andi Wijaya")
        kinds = [name_model.WORD if w.group(0).strip(".").casefold() in not_names
                 else name_model.word_kind(w.group(0)) if len(w.group(0).strip(".")) > 1 else name_model.UNKNOWN
                 for w in keep]
        lead = 0
        if not m.group("prefix"):
            # titles and acronyms of bodies before the name: "Kadis PUPR Budi", "JPU Siti"
            mixed = any(re.search(r"[a-z]", w.group(0)) for w in keep)
            while lead < len(keep) - 1 and (kinds[lead] == name_model.WORD
                                            or (mixed and _ACRONYM.fullmatch(keep[lead].group(0)))):
                lead += 1
            if lead and _LOCATIVE.search(text[max(0, name_start - 12):name_start]):
                return None  # "dari Lanud Sri Mulyono": a place named after someone
        g = _LOCATIVE_WORD.search(text[max(0, name_start - 40):name_start])
        if g and (g.group(1).casefold() in not_names or _ACRONYM.fullmatch(g.group(1))
                  or name_model.word_kind(g.group(1)) == name_model.WORD):
            return None
        # in a title line a plain root word after the name is the headline's verb: "Budi Santoso Minta ..."
        stop = (name_model.WORD, name_model.ROOT) if getattr(_STATE, "title", False) else (name_model.WORD,)
        cut = next((i for i in range(lead + 1, len(keep)) if kinds[i] in stop), len(keep))
        if lead and not name_model.assess(" ".join(w.group(0) for w in keep[lead:cut])).likely:
            return None  # "Kades Sukamaju": what is left after the title must be a name
        if lead:
            name_start = name_start + keep[lead].start()
            base = keep[lead].start()
            keep = [w for w in keep[lead:cut]]
            keep = [_Shift(w, base) for w in keep]
        else:
            keep = keep[:cut]
        if any(w.group(0).strip(".").casefold() in not_names for w in keep):
            return None   # only openers and titles ("Kecamatan dan Kelurahan")
        name_end = name_start + keep[-1].end()
        name = squash(text[name_start:name_end])
        if all(len(x.strip(".")) == 1 for x in name.split()):
            return None
        if _DEGREE_SHAPE.match(text, name_start) and _DEGREE_SHAPE.match(text, name_start).end() >= name_end:
            return None  # "M. Hum.", "M. Si": a degree written with a space
        if len(name.split()) == 1 and VERB_LIKE.match(name):
            return None  # "Bertindak sebagai ...": a verb opening the sentence
        verdict = name_model.assess(name)
        if not (verdict.likely if need == "likely" else verdict.plausible):
            return None
        if len(keep) == len(words) and m.group("degrees") and not lead:
            end = m.end("degrees")
        else:
            end = name_end
        start = m.start() if m.group("prefix") else name_start
        if any(s < end and start < e for s, e in blocked if not (s >= name_end)):
            if any(s < name_end and name_start < e for s, e in blocked):
                return None
        p = PersonExtractor._Parsed()
        p.start, p.end = start, end
        p.text = text[start:end]
        if all(w.isupper() for w in name.split() if len(w) > 2):
            # a name in capitals: "NOVITA SARI" is Novita Sari; a lone capital word must look like a name
            words = [w for w in name.split() if len(w) > 2]
            if len(words) == 1 and (len(words[0]) < 5 or sum(c in "AIUEO" for c in words[0]) < 2):
                return None
            name = " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
        elif any(w.isupper() and len(w) > 2 for w in name.split()):
            return None  # "Kepala DINAS" or "Budi BKN": a mixed run is not a name
        p.label = name
        p.key = f"person:{slug(name)}"
        p.names = frozenset({name, squash(text[start:end]), squash(text[name_start:end])})
        return p

    def _start_before(self, tail: str, blocked, need: str = "plausible") -> int | None:
        """The start of a name (with degrees) that ends ``tail``."""
        _, _, _, _, _, degrees_only = _regexes()
        words = list(re.finditer(r"\S+", tail))
        best = None
        for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
            start = words[i].start()
            p = self._parse(tail, start, blocked, need=need)
            if p is not None and (p.end == len(tail.rstrip()) or degrees_only.match(tail[p.end:].rstrip() or "x")):
                best = p.start
            if not re.match(NAME_WORD, words[i].group(0)) and best is not None:
                break
        if best is not None and re.search(r"(?<![\w-])(?:di|ke|dari|menuju)\s+(?:[A-Z][\w.]*\s+){1,3}$", tail[:best]):
            return None  # "dari Lanud Sri Mulyono, Kepala ...": the run is a place's name
        return best

    def _degrees_to(self, text, start, end) -> bool:
        *_, degrees_only = _regexes()
        chunk = text[start:end]
        return not chunk.strip() or bool(degrees_only.match(chunk) and degrees_only.match(chunk).end() == len(chunk))


class _Shift:
    """A word match moved to a new base offset (after leading non-name words are dropped)."""

    __slots__ = ("_s", "_e", "_t")

    def __init__(self, m, base: int):
        self._s, self._e, self._t = m.start() - base, m.end() - base, m.group(0)

    def start(self):
        return self._s

    def end(self):
        return self._e

    def group(self, _=0):
        return self._t


_ACRONYM = re.compile(r"[A-Z]{2,}[a-z]?[A-Z]*")
_LOCATIVE = re.compile(r"(?<![\w-])(?:di|ke|dari|menuju|dalam|pada)\s+$", re.IGNORECASE)
_LOCATIVE_WORD = re.compile(r"(?<![\w-])(?:di|ke|dari|menuju)\s+([A-Z][\w.]*)\s+$")
_FORMER_HOLDING = re.compile(r"\s*,?\s+yang\s+(?:sebelumnya|semula|dulu|sebelumnya\s+telah)\s+(?:menjabat(?:\s+sebagai)?|sebagai)\s+$")
_HANDOVER = re.compile(r"(?<![\w-])(?:diisi|dijabat|ditempati|diduduki)(?:\s+oleh)?\s+"
                       r"|(?<![\w-])(?:diserahkan|diberikan|dipercayakan|diamanahkan)\s+kepada\s+")
_DEGREE_SHAPE = re.compile(r"[A-Z]\.\s?[A-Z][a-z]{1,3}\.?(?=[\s,]|$)")
# honorifics written without their full stop: "H Rudy", "HM Arsyadi", "Hj Siti"
SHORT_HONORIFICS = ("H", "Hj", "HM", "KH", "Tgk", "Ny")
_SEP_AFTER = re.compile(r"\s*(?:,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+)(?=[A-Z])")
_SEP_BEFORE = re.compile(r"(?:\s*,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+)$")


def _list_end(text: str, pos: int) -> int:
    """Where a list that starts at ``pos`` ends at the latest: the end of the clause
    (a full stop, a colon, a quote) or of the sentence."""
    m = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])\.(?=\s|$)|[:;“”\"]|\s-\s").search(text, pos)
    return m.start() if m else len(text.rstrip())


@cache
def _named_after_re() -> re.Pattern:
    """Heads of places and bodies named after people, right before a name."""
    heads = [h.rstrip(".") for h in gazetteer.vocab().get("venue_heads", []) if isinstance(h, str)]
    heads += load_yaml("names.yaml")["named_after_heads"]
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(heads)})\.?\s+$")


@cache
def _degree_after_name() -> re.Pattern:
    """A degree right after a word in lower case: the end of a name with its degrees."""
    degrees = _config()[2]
    return re.compile(rf"[a-z’'][\s,.]+(?=[A-Z])(?:{trie_alternation(degrees)})(?![\w])")


@cache
def _list_cue_re() -> re.Pattern:
    cues = load_yaml("names.yaml")["list_cues"]
    return PrefilteredRegex(re.compile(rf"(?<![\w-])(?:{trie_alternation(cues)})(?![\w-])\s+(?:oleh\s+)?", re.IGNORECASE),
                            cues)


@cache
def _apposition_re() -> re.Pattern:
    cues = load_yaml("names.yaml")["apposition_cues"]
    return PrefilteredRegex(re.compile(rf"\s*,?\s+(?:{trie_alternation(cues)})(?![\w-])"), cues)


@cache
def _holding_re() -> re.Pattern:
    cues = load_yaml("roles.yaml")["holding_cues"]
    alt = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"\s+(?:(?:dipastikan|akan|resmi|kini|telah|definitif|sekarang)\s+)?(?:{alt})\s+$", re.IGNORECASE)


def _ends_well(text: str, end: int) -> bool:
    """A name after an office must end the phrase: a comma, a bracket, a verb, the end."""
    rest = text[end:]
    return not rest.strip() or bool(re.match(r"\s*(?:[,.;:)\]”\"'’]|\s+[a-z]|$)", rest))
