"""Reading articles: furniture out, metadata in, bad files reported."""
import datetime as dt
from pathlib import Path

import pytest

from kg.ingest import ArticleError, iter_articles, parse_article, read_article

SOURCES = Path(__file__).resolve().parent.parent / "sources"


def body_text(art):
    return "\n".join(art.text[s:e] for s, e in art.body)


@pytest.mark.parametrize("name, title, published, dateline, author", [
    ("000_d40a057968a70726.txt", "Sekda Aceh Buka Rakor Kepegawaian", dt.date(2023, 5, 23), "Banda Aceh", "Maulya"),
    ("001_71f44d028c269415.txt", "Pemilu 2024, Pj Bupati Aceh Utara", None, "Bali", None),
    ("002_4a1be61ee1cc3ba7.txt", "Netralitas ASN dalam Pilkada Serentak 2024", dt.date(2024, 9, 14), "Bogor", "Fatkhurrohim"),
    ("003_98f41c5ab9aeb6cb.txt", "SOSIALISASI UNDANG-UNDANG", dt.date(2024, 3, 7), None, "iwan"),
    ("004_8d72835ff627c6b8.txt", "Netralitas ASN Harus Terjaga", None, "Rejang Lebong", None),
])
def test_seed_metadata(name, title, published, dateline, author):
    art = read_article(SOURCES / name)
    assert art.title.startswith(title)
    assert art.published == published
    assert art.dateline == dateline
    assert art.author == author


@pytest.mark.parametrize("name, furniture", [
    ("001_71f44d028c269415.txt", ["spot_img", "TERKINI", "POPULER", "26.9 C", "TINGGALKAN KOMENTAR", "Editor:",
                                  "Silakan masukkan", "ACEH INFO"]),
    ("002_4a1be61ee1cc3ba7.txt", ["Berita Terkait", "Oleh Eko Budiono", "Redaktur", "Foto. Humas", "InfoPublik"]),
    ("003_98f41c5ab9aeb6cb.txt", ["07 Mar 2024", "• Berita"]),
    ("004_8d72835ff627c6b8.txt", ["BACA JUGA", "Sumber:", "ARI/CE", "CURUPEKSPRESS"]),
    ("000_d40a057968a70726.txt", ["written by", "Category:", "Orinews"]),
])
def test_furniture_is_not_in_the_body(name, furniture):
    body = body_text(read_article(SOURCES / name))
    for piece in furniture:
        assert piece not in body


def test_caption_text_is_kept_without_its_credit():
    body = body_text(read_article(SOURCES / "004_8d72835ff627c6b8.txt"))
    assert "Saat kegiatan sosialisasi berlangsung di Aula Hotel Mutiara Curup" in body


def test_offsets_point_into_the_file_as_read():
    path = SOURCES / "000_d40a057968a70726.txt"
    art = read_article(path)
    raw = path.read_text(encoding="utf-8")
    assert art.text == raw
    assert art.text[art.body[0][0]:].startswith("Asisten Administrasi Umum Sekda Aceh")


@pytest.mark.parametrize("text, place, outlet", [
    ("Judul berita di sini\n\nKOTA BARU, Warta.id – Bupati membuka rapat.", "Kota Baru", "Warta.id"),
    ("Judul berita\n\nBupati membuka rapat – katanya kemarin di kantor.", None, None),
    ("Judul berita\n\nSEMARANG, KABARKITA – Bupati membuka rapat kerja.", "Semarang", "KABARKITA"),
    ("Judul berita\n\nTRIBUNSATU.COM, WASIOR - Menteri menetapkan penjabat.", "Wasior", "TRIBUNSATU.COM"),
    ("Judul berita\n\nMALANG - beritaku.net - Wali Kota membuka festival.", "Malang", "beritaku.net"),
    ("Judul berita\n\nMusi Rawas, KabarSumsel.com\nKapolres memimpin apel pagi ini.", "Musi Rawas", "KabarSumsel.com"),
])
def test_dateline_forms(text, place, outlet):
    art = parse_article(text, id="x.txt")
    assert art.dateline == place
    if place:
        assert art.publisher == outlet
        assert outlet not in body_text(art)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x00\x01\x02binary\x00data", "binary"),
    (b"TERKINI\nPOPULER\nspot_img\n", "no article text"),
])
def test_bad_files_raise_a_clear_error(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    with pytest.raises(ArticleError) as err:
        read_article(f)
    assert reason in err.value.reason


def test_encodings(tmp_path):
    text = "Judul\n\nBupati Sukirman membuka rapat koordinasi di Desa Banyubiru."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "cp1252.txt").write_bytes("Judul\n\nCaf\xe9 \u201ckopi\u201d dibuka.".encode("cp1252"))
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert read_article(tmp_path / "bom.txt").text == text
    assert "\u201ckopi\u201d" in read_article(tmp_path / "cp1252.txt").text
    assert read_article(tmp_path / "crlf.txt").text == text


def test_iter_articles_reports_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Judul\n\nBupati membuka rapat.")
    (tmp_path / "b.txt").write_text("")
    errors = []
    arts = list(iter_articles([tmp_path, tmp_path / "missing.txt"], on_error=lambda p, r: errors.append((Path(p).name, r))))
    assert [a.id for a in arts] == ["a.txt"]
    assert ("b.txt", "empty file") in errors
    assert any(name == "missing.txt" for name, _ in errors)


def test_agency_style_dateline_and_dated_byline():
    art = parse_article("Judul berita di sini\n\nSenin, 12 Februari 2024 | 10:15 WIB\n\n"
                        "Sleman (KANTORBERITA) - Bupati Sleman melantik pejabat.\n\nCOPYRIGHT © KANTORBERITA 2024",
                        id="x.txt")
    assert art.dateline == "Sleman" and art.publisher == "KANTORBERITA"
    assert art.published == dt.date(2024, 2, 12)
    body = body_text(art)
    assert body.startswith("Bupati Sleman") and "COPYRIGHT" not in body
