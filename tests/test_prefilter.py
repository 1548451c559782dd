"""The prefilters never drop a match: filtered and plain regexes agree on invented sentences."""
import re
import sys

import pytest
from hypothesis import given, settings, strategies as st

from kg.prefilter import Anchors, Guarded, Located, fold_for_anchors, words_of


def _all_chars() -> str:
    return "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_every_char_that_re_matches_to_an_ascii_letter_is_folded_to_it():
    everything = _all_chars()
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for ch in re.findall(letter, everything, re.IGNORECASE):
            assert fold_for_anchors(ch) == letter, hex(ord(ch))


def test_folding_keeps_every_position():
    everything = _all_chars()
    assert len(fold_for_anchors(everything)) == len(everything)


def test_anchors_find_words_in_any_case():
    a = Anchors(["mei", "Rapat", "sidang"])
    assert "Rapat MEI" in a and "rApAt" in a and "MEİ" in a
    assert "Kegiatan hari ini" not in a
    assert a.words == ("mei", "rapat", "sidang")
    assert Anchors(["rapat", "rapat koordinasi"]).words == ("rapat",)   # the longer adds nothing


def test_anchors_refuse_cased_non_ascii_words():
    with pytest.raises(ValueError):
        Anchors(["Ñandú"])
    Anchors(["jum’at"])   # a character without case is fine


def test_located_reports_words_inside_other_words():
    loc = Located(re.compile(r"(?:she|he)\b", re.I), ["she", "he"])
    assert loc.starts("ushe") == [1, 2]
    assert [m.span() for m in loc.finditer("She said he did")] == [(0, 3), (9, 11)]


# ------------------------------------------------------------------ invented sentences
_SPECIAL = ["İ", "ı", "ſ", "\u212a", "’", "-", ",", ".", "(", ")", "/", "\n", "  ", "Rp1.500", "di", "dan", "yang"]


def _sentences(vocab):
    """Invented sentences from ``vocab``: words in any case, bits of other words, digits,
    dates in every shape and the characters that fold in odd ways."""
    word = st.one_of(
        st.sampled_from(vocab),
        st.sampled_from(vocab).map(str.upper),
        st.sampled_from(vocab).map(str.lower),
        st.sampled_from(vocab).map(lambda w: w[:-1]),
        st.sampled_from(vocab).map(lambda w: w.replace("i", "ı").replace("s", "ſ").replace("I", "İ")),
        st.sampled_from(_SPECIAL),
        st.from_regex(r"[0-3]?\d[/.-][01]?\d(?:[/.-](?:20)?\d\d)?", fullmatch=True),
        st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True),
        st.text(max_size=3),
    )
    glue = st.sampled_from([" ", "", ", ", " (", ") ", "-", "\n"])
    return st.lists(st.tuples(word, glue), max_size=14).map(lambda parts: "".join(w + g for w, g in parts))


def _vocab_events_venues_dates():
    from kg import gazetteer
    from kg.extract.dates import calendar
    from kg.extract.events import _config

    c = _config()
    cal = calendar()
    return sorted({*c["nouns"], *gazetteer.vocab()["venue_heads"], *cal.months, *cal.weekdays,
                   "Kantor Bupati", "Rapat Koordinasi", "hingga", "s.d.", "Jl. Merdeka"})


@settings(max_examples=300, deadline=None)
@given(_sentences(_vocab_events_venues_dates()))
def test_located_patterns_of_the_pipeline_give_the_plain_matches(text):
    from kg.extract.events import _regexes as event_regexes
    from kg.extract.venues import _patterns as venue_patterns

    for loc in (event_regexes()[0], venue_patterns()[0]):
        assert isinstance(loc, Located)
        assert [m.span() for m in loc.finditer(text)] == [m.span() for m in loc.pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_sentences(_vocab_events_venues_dates()))
def test_date_probes_hold_wherever_their_pattern_matches(text):
    from kg.extract.dates import _patterns

    pat = _patterns()
    for plain in (pat.range_months, pat.range_days, pat.full_text):
        if plain.search(text):
            assert text in pat.month_anchors and pat.day_month.search(text)
    if pat.numeric_range.search(text):
        assert "/" in text and pat.day_month_year.search(text)
    if pat.numeric.search(text):
        assert pat.numeric_probe.search(text)
    if pat.yearless_numeric.search(text):
        assert "/" in text and pat.yearless_probe.search(text)


@settings(max_examples=200, deadline=None)
@given(_sentences(["Senin", "Maret", "mei", "Juli", "Rapat", "rapat koordinasi"]))
def test_guarded_gives_the_plain_matches(text):
    plain = re.compile(r"\d+\s+(?:maret|mei|juli)", re.I)
    g = Guarded(plain, words_of(["maret", "mei", "juli"]))
    assert [m.span() for m in g.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert (g.search(text) is None) == (plain.search(text) is None)


class _Always(Anchors):
    def __contains__(self, text):
        return True


@settings(max_examples=200, deadline=None)
@given(_sentences(_vocab_events_venues_dates()))
def test_dates_with_and_without_probes_agree(text):
    import dataclasses
    import datetime as dt
    from unittest import mock

    from kg.extract import dates

    pat = dates._patterns()
    anything = re.compile("")
    open_ = dataclasses.replace(pat, month_anchors=_Always(["x"]), day_month=anything, day_month_year=anything,
                                numeric_probe=anything, yearless_probe=anything)
    ex = dates.DateExtractor()
    for published in (None, dt.date(2024, 2, 6)):
        filtered = ex(text, published=published)
        with mock.patch.object(dates, "_patterns", lambda: open_):
            plain = ex(text, published=published)
        assert filtered == plain, text


# ------------------------------------------------------------------ the whole extractor chain
_CHAIN_VOCAB = ["Budi", "Santoso", "Siti", "Rahmawati", "Hendra", "Kurniawan", "BUDI", "Bupati", "Wakil Bupati",
                "Kepala Dinas", "Kepala Dinas Kesehatan", "Camat", "Ketua KPU", "Gubernur", "Sekda", "H.", "Hj",
                "Prof.", "Dr.", "AKBP", "S.H.", "M.Si", "SE", "S.IP", "mengatakan", "menjelaskan", "kata", "ujar",
                "menurut", "Menurut", "juga", "pun", "kembali", "turut", "yakni", "dihadiri", "melantik",
                "sebagai", "dan", "serta", ",", "Kabupaten Bogor", "Kota Medan", "Aceh", "Jawa Barat", "BKN",
                "Pemkab", "Desa", "Kecamatan", "Sukamaju", "di", "Rapat Koordinasi", "rapat", "Rakor", "itu",
                "tersebut", "Pemilu", "Pilkada", "Aula", "Kantor Bupati", "Gedung", "Hotel", "Selasa", "Maret",
                "Mei", "2024", "UU Nomor 5 Tahun 2014", "Perbup", "“", "”"]


_NAMES = st.lists(st.sampled_from(["Budi", "Santoso", "Siti", "Rahmawati", "Hendra", "BUDI", "A.", "Muh."]),
                  min_size=1, max_size=3).map(" ".join)
_PHRASE = st.tuples(
    st.sampled_from(["", "Bupati Bogor ", "Kepala Dinas Kesehatan, ", "H. ", "Menurut ", "“Siap,” kata ", "yakni "]),
    _NAMES,
    st.sampled_from(["", ", S.H.", " SE", ", M.Si", " S.IP, M.Si"]),
    st.sampled_from([" ", ", ", ",", "  ", " juga ", ", pun ", " kembali ", " Sekda ", " dan Siti "]),
    st.sampled_from(["mengatakan", "menjelaskan", "ujar", "melantik", "dan", "Mengatakan", "mengatakannya"]),
).map("".join)
_CHAIN_SENTENCES = st.lists(st.one_of(_PHRASE, _sentences(_CHAIN_VOCAB)), min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_CHAIN_SENTENCES)
def test_extractors_with_and_without_prefilters_agree(text):
    import datetime as dt

    from kg import prefilter
    from kg.extract.adapters import DateAdapter, LawAdapter
    from kg.extract.events import EventExtractor
    from kg.extract.institutions import InstitutionExtractor
    from kg.extract.offices import OfficeExtractor
    from kg.extract.people import PersonExtractor
    from kg.extract.subregions import SubregionExtractor
    from kg.extract.venues import VenueExtractor
    from kg.pipeline import Context

    def run_extractors(text, extractors, *, regions, published):   # as the pipeline runs them
        found = []
        for ex in extractors:
            ctx = Context(tuple(found), published, published, published.year if published else None, tuple(regions))
            found += ex(text, context=ctx)
        return found

    chain = [DateAdapter(), LawAdapter(), InstitutionExtractor(), VenueExtractor(), SubregionExtractor(),
             EventExtractor(), OfficeExtractor(), PersonExtractor()]
    def run(regions, published):
        try:
            return run_extractors(text, chain, regions=regions, published=published)
        except Exception as exc:   # an extractor that fails (on odd letters: "Pemılu") must fail alike
            return repr(exc)

    for regions, published in (((), dt.date(2024, 3, 7)), (("32.01",), None)):
        filtered = run(regions, published)
        with prefilter.disabled():
            plain = run(regions, published)
        assert filtered == plain
