"""A site named by its address is an organisation (relata.language.sites)."""

from __future__ import annotations

import pytest

from relata.language.sites import sites

CASES = [
    # (text, the spans NER found, the sites added)
    ("Об этом сообщает baltinfo.ru со ссылкой на жюри.", [], ["baltinfo.ru"]),
    ("«Мы заинтересованы», — цитирует infox.ru директора.", [], ["infox.ru"]),
    ("Как пишет Lenta.ru, заявок много.", [("Lenta.ru", "ORG")], []),  # NER's already
    ("Подробности на http://www.kremlin.ru/news/123 и в почте press@mail.ru.", [], []),
    ("Сайт kremlin.ru/events закрыт.", [], []),  # part of an address with a path
    ("В 2010.ru году ничего не было.", [], []),  # no letter: no name
    ("Цена выросла на 1.5 процента.", [], []),
]


@pytest.mark.parametrize(("text", "ner", "added"), CASES)
def test_sites(text, ner, added):
    spans = [(text.index(words), text.index(words) + len(words), kind) for words, kind in ner]
    found = sites(text, spans)
    assert [text[a:b] for a, b, kind in found if (a, b, kind) not in spans] == added
    assert all(kind == "ORG" for a, b, kind in found if (a, b, kind) not in spans)
