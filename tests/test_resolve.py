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
