"""Typed, immutable records shared by every stage of the pipeline.

Offsets (``start``/``end``) are character offsets into ``Article.text``, which is
the article file as read (decoded), so a user can find every fact in the source.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

# The six entity types of the ontology, and the eight relations.
ENTITY_TYPES = ("Person", "Organization", "Office", "Event", "Law", "Place")
RELATIONS = ("holdsOffice", "officeOf", "spokeAt", "attended", "organizedBy", "heldIn", "heldOn", "cites")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: its index and span in ``Article.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """An article read from disk, page furniture already set apart.

    ``text`` is the whole decoded file; ``body`` lists the (start, end) spans of the
    paragraphs that belong to the article (furniture left out), in order.
    """

    id: str                      # file name, e.g. "000_d40a057968a70726.txt"
    path: str
    text: str
    body: tuple[tuple[int, int], ...]
    title: str | None = None
    title_span: tuple[int, int] | None = None
    published: _dt.date | None = None
    dateline: str | None = None  # place named in the dateline ("Banda Aceh")
    author: str | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed span found by an extractor.

    ``type`` is one of ENTITY_TYPES, or "Date" / "Quote" for helper mentions.
    ``key`` is a canonical key when the extractor can tell identity
    ("org:bkn", "place:11.71", "law:uu-2023-20"); ``label`` the normalized name
    (degrees and honorifics stripped); ``value`` a typed value where one exists
    (an ISO date for a Date, "YYYY-MM-DD/YYYY-MM-DD" for a range).
    ``qualifiers`` are flags such as "acting" or "former".
    """

    type: str
    text: str
    start: int
    end: int
    key: str | None = None
    label: str | None = None
    value: str | None = None
    qualifiers: frozenset[str] = frozenset()
    source: str = ""             # the extractor that found it
    names: frozenset[str] = frozenset()          # other names the mention stands for ("BKN", "Badan Kepegawaian Negara")
    links: tuple[tuple[str, str], ...] = ()      # relations the mention itself states: (("officeOf", "org:bkn"),)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: article, sentence and character span."""

    article: str
    sentence: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, identified by its canonical key."""

    key: str
    type: str
    label: str
    names: frozenset[str] = frozenset()
    ids: tuple[tuple[str, str], ...] = ()   # external identifiers, e.g. (("kemendagri", "11.71"),)


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed edge between two entity keys (or an entity and an ISO date for heldOn)."""

    subject: str
    predicate: str
    object: str
    qualifiers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Fact:
    """A relation with the evidence that supports it."""

    relation: Relation
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Sighting:
    """An entity seen in an article (provenance for nodes)."""

    key: str
    text: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Statement:
    """What a person said: a direct quote or reported speech, with where it was read."""

    speaker: str                 # person key
    quote: str
    evidence: Evidence           # the span of the quoted or reported words
    event: str | None = None     # the event it was said at, when the article says so
    direct: bool = True          # a quotation (True) or reported speech (False)


@dataclass(slots=True)
class DocumentGraph:
    """Everything extracted from one article, before the cross-article merge."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    sightings: list[Sighting] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Conjunct:
    """One member of a list: ``text`` is the source slice ``[start:end]`` (trimmed)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Coordination:
    """Spans that the text coordinates, with the conjunction that closes the list
    ("dan", "serta", ..., or "," for a list without one)."""

    members: tuple[tuple[int, int], ...]
    conjunction: str

    @property
    def start(self) -> int:
        return self.members[0][0]

    @property
    def end(self) -> int:
        return self.members[-1][1]
