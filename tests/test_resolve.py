"""Within-article resolution (kg.resolve): later bare mentions of the people an article names."""
import re

import pytest

from kg.resolve import _word_finder


def _by_regex(words, text):
    rx = re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])")
    return [(h.start(), h.end(), h.group(1)) for h in rx.finditer(text)]


@pytest.mark.parametrize("words, text", [
    (["Budi", "Budiman"], "Budiman menyapa Budi, lalu Budi pergi."),
    (["Budi"], "Pak Budianto dan Budi_ serta .Budi dan Budi."),
    (["Al-Amin", "Amin"], "Ustaz Al-Amin bertemu Amin dan Al-Aminah."),
    (["Abd.Rahman", "Rahman"], "Abd.Rahman, Abd.Rahmani dan Rahman hadir."),
    (["O'Neil", "Neil"], "O'Neil dan Neil; O'Neill tidak."),
    (["Özil", "ÖZİL"], "Özil bermain, ÖZİL menonton, Özilmu tidak."),
    (["(Budi"], "Saksi (Budi) hadir."),                  # a word that begins with no word character
    (["Sri", "Sri-Rejeki"], "Sri-Rejeki-Baru dan Sri-Rejeki hadir, Sri juga."),
])
def test_bare_names_are_found_as_the_regex_finds_them(words, text):
    assert _word_finder(dict.fromkeys(words))(text) == _by_regex(words, text)


def test_bare_heads_that_join_kinds_already_one_do_not_loop():
    """"Rapat" and "rapat paripurna" each join the first rapat the article names; a later
    "Rapat" must not link that kind to one already joined to it (a loop: the build hung)."""
    from types import SimpleNamespace

    from kg.model import Mention, Sentence
    from kg.resolve import _event_keys

    said = [("Rapat Koordinasi Daerah", "Rapat Koordinasi"), ("Rapat Paripurna DPRD", "Rapat Paripurna"),
            ("Rapat", "Rapat"), ("rapat paripurna", "Rapat Paripurna"), ("Rapat", "Rapat")]
    text = ". ".join(label for label, _ in said) + "."
    pairs, pos = [], 0
    for i, (label, kind) in enumerate(said):
        sent = Sentence(i, pos, pos + len(label), label)
        pairs.append((sent, Mention("Event", label, pos, pos + len(label), label=label, value=kind)))
        pos += len(label) + 2
    doc = SimpleNamespace(article=SimpleNamespace(id="contoh.txt", text=text), reference_date=None)
    keys, main = _event_keys(doc, pairs)   # returns
    assert main == "event:rapat-koordinasi@contoh"
    assert [keys[id(m)] for _, m in pairs if m.label == "Rapat"] == [main, main]
