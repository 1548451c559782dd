"""What a SPARQL text asks for, read from its tokens rather than from words in it.

``kg query`` and ``kg serve`` run queries with Oxigraph's ``Store.query``, which parses
the text itself and accepts only the four query forms: an update can never run there.
Two decisions are made before it runs:

- **the form** (``query_form``): a query is a prologue (``BASE`` / ``PREFIX``) followed by
  ``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``; an update starts with ``INSERT``,
  ``DELETE``, ``LOAD``... So the first keyword after the prologue decides, and a string
  literal or IRI that contains "add" or "load" is just a string;
- **federation** (``uses_service``): a ``SERVICE`` pattern makes the store send HTTP
  requests to any address it names (kg's own server included: nested 100 deep, 100
  requests). Oxigraph has no switch to turn this off, so the text is tokenised as the
  SPARQL grammar does (comments, IRIs, the four string forms, language tags, variables,
  prefixed names; like Oxigraph, ``\\u`` escapes are read only inside strings and IRIs)
  and any ``SERVICE`` keyword found outside them is refused, wherever it is nested.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
              | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
              | '(?:[^'\\\n\r]|\\.)*'
              | "(?:[^"\\\n\r]|\\.)*")
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<var>[?$][^\W]+)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w\-:%]|\\.|\.(?=[\w\-:%\\]))*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})


def tokens(text: str):
    """(kind, text) for each token that is not white space or a comment."""
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind not in ("ws", "comment"):
            yield kind, m.group()


def query_verb(text: str) -> str | None:
    """The first keyword after the prologue, upper-cased (``SELECT``, ``INSERT``...), if it
    is a query or update form; None otherwise (the parser will say what is wrong)."""
    for kind, tok in tokens(text):
        if kind != "word":
            continue
        word = tok.upper()
        if word in ("BASE", "PREFIX"):
            continue
        return word if word in QUERY_FORMS or word in UPDATE_FORMS else None
    return None


def query_form(text: str) -> str | None:
    """'query', 'update', or None (no form keyword: the parser will say what is wrong)."""
    verb = query_verb(text)
    return None if verb is None else "query" if verb in QUERY_FORMS else "update"


def uses_service(text: str) -> bool:
    """Does the text contain a SPARQL ``SERVICE`` keyword (federated query), at any depth?

    A prefixed name whose prefix is ``service`` counts too (``SERVICE:x`` could be read
    as the keyword followed by ``:x``): refusing that rare prefix is the safe side.
    """
    for kind, tok in tokens(text):
        if kind == "word" and tok.upper() == "SERVICE":
            return True
        if kind == "pname" and tok.split(":", 1)[0].upper() == "SERVICE":
            return True
    return False


SERVICE_REFUSED = ("federated queries (SERVICE) are refused: they make this machine send requests "
                   "to other servers (--allow-service runs them)")
