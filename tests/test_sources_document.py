import datetime as dt

import pytest

from relata.sources.document import InputError, decode, document_id, make_document, parse_date


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("Москва\n".encode(), "Москва\n"),
        (b"a\r\nb\rc", "a\nb\nc"),  # as Python's text mode reads it
        ("\ufeffБаку".encode(), "\ufeffБаку"),  # the BOM stays a character, like open() keeps it
    ],
)
def test_decode_matches_python_text_mode(raw, text, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    assert decode(raw) == text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0IHDR", "binary file"),
        ("Москва".encode("cp1251"), "not UTF-8: undecodable byte 0xcc at byte 0"),
    ],
)
def test_decode_rejects(raw, reason):
    with pytest.raises(InputError, match=reason):
        decode(raw)


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2025-08-07", dt.date(2025, 8, 7)),
        ("2025-08-07T10:30:00Z", dt.date(2025, 8, 7)),
        ("2025-08-07 10:30:00+03:00", dt.date(2025, 8, 7)),
        ("07.08.2025", dt.date(2025, 8, 7)),
        ("2025/08/07", dt.date(2025, 8, 7)),
    ],
)
def test_parse_date(value, date):
    assert parse_date(value) == date


@pytest.mark.parametrize("value", ["2025-13-45", "вчера", "", "2025-02-30"])
def test_parse_date_rejects(value):
    with pytest.raises(InputError, match="unparseable date"):
        parse_date(value)


def test_id_ignores_whitespace_and_unicode_composition():
    composed, decomposed = "Ёлка в Москве", "Е\u0308лка в Москве"
    assert document_id(composed) == document_id(decomposed)
    assert document_id("Баку  и\nМосква ") == document_id("Баку и Москва")
    assert document_id("Баку и Москва") != document_id("Москва и Баку")


def test_id_is_of_the_body_not_the_header():
    with_header = make_document(" date 2025-01-01 Текст.", origin="a", body_start=17)
    plain = make_document("Текст.", origin="b")
    assert with_header.id == plain.id


def test_blank_text_is_rejected():
    with pytest.raises(InputError, match="empty"):
        make_document(" \n\t", origin="a")
