import pytest

from kg.text import alternation, fold, name_variants, slug


@pytest.mark.parametrize("text, expected", [
    ("Iskandar  AP", "iskandar-ap"), ("Pemkab ACEH\nUTARA", "pemkab-aceh-utara"), ("Ñandú", "nandu"), ("", "x"),
])
def test_slug(text, expected):
    assert slug(text) == expected


def test_fold_ignores_case_space_and_punctuation():
    assert fold("Kemenpan-RB") == fold("KEMENPAN RB") == "kemenpan rb"


@pytest.mark.parametrize("name, variant", [
    ("Rapat Koordinasi (Rakor) Bidang Kepegawaian", "Rakor Bidang Kepegawaian"),
    ("Rapat Koordinasi (Rakor) Bidang Kepegawaian", "Rapat Koordinasi Bidang Kepegawaian"),
    ("Dewan Pimpinan Cabang (DPC) Asosiasi Pemerintah Desa Seluruh Indonesia (APDESI) Kabupaten Lahat",
     "DPC APDESI Kabupaten Lahat"),
    ("Badan Kepegawaian Negara (BKN)", "Badan Kepegawaian Negara"),
])
def test_name_variants(name, variant):
    assert variant in name_variants(name)


def test_alternation_prefers_longer_words():
    import re

    assert re.match(alternation(["Rapat", "Rapat Koordinasi"]), "Rapat Koordinasi").group(0) == "Rapat Koordinasi"


def test_trie_alternation_matches_like_alternation():
    import random
    import re

    from kg.text import alternation, trie_alternation

    words = ["S.H.", "S.H.I.", "SH", "SHI", "M.Si", "M.Si.", "MSi", "dihadiri", "dihadiri oleh", "di", "&"]
    a = re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)")
    b = re.compile(rf"(?<!\w)(?:{trie_alternation(words)})(?!\w)")
    rnd = random.Random(7)
    for _ in range(500):
        text = " ".join(rnd.choice(words + ["Budi", ",", "oleh", "x"]) for _ in range(20))
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
    assert trie_alternation([]) == "(?!)"


# --- fast paths give what the regex forms gave (any text, not only Indonesian) -------------
from hypothesis import given, settings, strategies as st  # noqa: E402

_TEXTS = st.text(alphabet=st.one_of(st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x85\xa0\u2003\u3000Aa.,-_()’İıſ")),
                                    st.characters()), max_size=40)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_squash_is_the_whitespace_regex(text):
    import re

    from kg.text import squash

    assert squash(text) == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)))
def test_fold_fast_path_is_the_general_form(text):
    import re
    import unicodedata

    general = unicodedata.normalize("NFKD", text)
    general = "".join(c for c in general if not unicodedata.combining(c)).casefold()
    assert fold(text) == " ".join(re.sub(r"[^\w]+", " ", general).split())
