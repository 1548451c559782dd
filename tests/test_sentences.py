"""Sentence splitting with offsets."""
import pytest

from kg.sentences import split_sentences


def split(text):
    return [s.text for s in split_sentences(text, [(0, len(text))])]


@pytest.mark.parametrize("text, n", [
    ("Gubernur Kalimantan Barat, H. Syamsul Bahri, S.H., M. Hum., hadir. Rapat dimulai.", 2),
    ("Rapat dipimpin Prof. Drs. H. Muhammad Arif Wibowo, M.A., Ph.D., dan diikuti gubernur. Ia berpesan.", 2),
    ("Dana Rp12,50 Triliun naik 3,20 persen. Rinciannya DBH Rp1,10 Triliun.", 2),
    ("Keputusan Nomor 100.2.3.1/1234/OTDA berlaku. Pelantikan digelar.", 2),
    ("Kepala Seksi H. M. Nasir hadir.", 1),
    ("“Kita wajib netral,” kata Sulaiman. “Pesta demokrasi harus sukses.”", 2),
    ("Ia tiba di Jl. Sudirman No. 5 pukul 12.30 WITA. Acara dimulai.", 2),
])
def test_sentence_count(text, n):
    assert len(split(text)) == n, split(text)


def test_hard_wrapped_lines_are_one_sentence():
    text = ("Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten menggelar apel di\n"
            "alun-alun kota pada hari Kamis pagi bersama seluruh jajaran perangkat daerah\n"
            "dan relawan yang hadir sejak pukul tujuh pagi di lokasi acara tersebut.\n"
            "Bupati memimpin apel itu dengan penuh semangat bersama para kepala dinas.")
    assert len(split(text)) == 2


def test_one_line_paragraphs_break_without_a_full_stop():
    text = ("Menteri berharap hasilnya meningkat untuk kesejahteraan masyarakat di seluruh daerah yang dikunjungi.” Tukasnya\n"
            "Kegiatan dilanjutkan dengan penandatanganan nota kesepahaman bersama lembaga perbankan di kota itu.")
    assert split(text)[-1].startswith("Kegiatan")


def test_paragraph_cut_mid_sentence_is_joined():
    text = "Acara itu dilangsungkan mulai hari Senin 22 Mei\n\nhingga 25 Mei 2023 mendatang."
    assert split(text) == ["Acara itu dilangsungkan mulai hari Senin 22 Mei\n\nhingga 25 Mei 2023 mendatang."]


def test_offsets():
    text = "  Satu kalimat.  Dua kalimat!  "
    for s in split_sentences(text, [(0, len(text))]):
        assert text[s.start:s.end] == s.text
    assert [s.index for s in split_sentences(text, [(0, len(text))])] == [0, 1]
