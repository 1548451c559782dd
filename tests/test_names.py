import pytest

from kg import names


@pytest.mark.parametrize("word, kind", [
    ("Supriyanto", names.NAME),        # ranked in Indonesia
    ("Hendra", names.NAME),
    ("Sulaiman", names.NAME),          # ranked in the Malay-speaking neighbours
    ("Budi", names.AMBIGUOUS),         # a name and a word
    ("Resmikan", names.WORD),          # resmi + -kan
    ("Tetapkan", names.WORD),
    ("Menetapkan", names.WORD),        # meN- + tetap + -kan
    ("Perbup", names.WORD),            # a law type
    ("Kol", names.WORD),               # a rank
    ("Inf", names.WORD),               # a corps
    ("Sekretariat", names.WORD),       # a word of institution names
    ("Harus", names.ROOT),
    ("Zxqwarbo", names.UNKNOWN),
])
def test_word_kind(word, kind):
    assert names.word_kind(word) == kind


@pytest.mark.parametrize("span", ["Andi Wijaya", "Dewi Lestari", "Renville Napitupulu", "Sarmili", "Guntur"])
def test_likely_names(span):
    assert names.assess(span).likely


@pytest.mark.parametrize("span", ["Resmikan Pasar", "Harus Jaga Transparansi", "Sulbar", "Tanjung Barat",
                                  "No", "Kol", "Perbup", "Tekankan Sinergi", "Pastikan Karhutla"])
def test_not_names(span):
    assert not names.assess(span).likely


@pytest.mark.parametrize("span", ["Gorontalo", "Aceh Utara", "Sukamaju Barat"])
def test_places_are_not_people(span):
    assert names.assess(span).place


@pytest.mark.parametrize("a, b", [("Mohammad", "Muhammad"), ("Muhamad", "Muhammad"), ("Moh.", "Muhammad"),
                                  ("Soeharto", "Suharto"), ("Djoko", "Joko"), ("Tjahjo", "Cahyo")])
def test_spelling_variants_fold_together(a, b):
    assert names.spelling_key(a) == names.spelling_key(b)


def test_distinct_names_stay_apart():
    assert names.spelling_key("Budi") != names.spelling_key("Badu")


def test_spelling_variants_in_one_article_are_one_person():
    import datetime as dt

    from kg.model import Article
    from kg.pipeline import Pipeline

    body = ("Bupati Bantul, Mohammad Rizal Hidayat, membuka Rapat Koordinasi di Aula Kantor Bupati Bantul. "
            "“Kita harus netral,” kata Muhammad Rizal Hidayat.")
    graph = Pipeline()(Article("t.txt", "t.txt", body, ((0, len(body)),), published=dt.date(2024, 3, 4)))
    people = [e for e in graph.entities.values() if e.type == "Person"]
    assert len(people) == 1
