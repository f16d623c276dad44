"""Corpus markup hidden from the NLP, offsets kept."""

import pytest

from relata.language.markup import prose


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{Author, Unknown} Москва и Пекин осудили.\n{Author, Unknown} Текст.",
         "                  Москва и Пекин осудили.\n                  Текст."),
        ("Слово {Author, Unknown} внутри строки не трогаем.",
         "Слово {Author, Unknown} внутри строки не трогаем."),
        ("Обычный текст.", "Обычный текст."),
    ],
)
def test_prose(text, expected):
    assert prose(text) == expected
    assert len(prose(text)) == len(text)


def test_rusentrel_author_marks_make_no_tokens(nlp_pipeline):
    from relata.sources import parse_text

    text = "{Author, Unknown} Москва и Пекин раскритиковали планы Вашингтона.\n"
    (analysis,) = nlp_pipeline([parse_text(text, "art.txt")])
    words = [t.text for s in analysis.sentences for t in s.tokens]
    assert words[:3] == ["Москва", "и", "Пекин"]
    assert all(m.text != "Unknown" for m in analysis.mentions)
