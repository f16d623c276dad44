"""A name glossed in brackets is a name of its own (relata.language.glosses)."""

from __future__ import annotations

import pytest

from relata.language.glosses import glossed


def _spans(text: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    """(start, stop, kind) of each (words, kind), found in `text` from left to right."""
    spans, at = [], 0
    for words, kind in names:
        start = text.index(words, at)
        spans.append((start, start + len(words), kind))
        at = start + len(words)
    return spans


CASES = [
    # (text, what NER found, what it should be)
    ("Тренер Юрген Клинсман (Jürgen Klinsmann) назвал состав.",
     [("Юрген Клинсман (Jürgen Klinsmann)", "PER")],
     [("Юрген Клинсман", "PER"), ("Jürgen Klinsmann", "PER")]),
    ("Адвокат Томас Винье (Thomas Vinje) не согласен.",
     [("Томас Винье", "PER")],
     [("Томас Винье", "PER"), ("Thomas Vinje", "PER")]),
    ("Заявление сделал Комитет защиты журналистов (КЗЖ) (Committee to Protect Journalists).",
     [("Комитет защиты журналистов (КЗЖ)", "ORG")],
     [("Комитет защиты журналистов", "ORG"), ("КЗЖ", "ORG"),
      ("Committee to Protect Journalists", "ORG")]),
    ("Об этом пишет газета «Кориера делла Сера» (Corriere della Sera).",
     [("Кориера делла Сера» (Corriere della Sera", "ORG")],
     [("Кориера делла Сера", "ORG"), ("Corriere della Sera", "ORG")]),
    ("Пишет газета «Ла стампа» (La Stampa).",
     [("Ла стампа", "ORG")],
     [("Ла стампа", "ORG"), ("La Stampa", "ORG")]),
    ("Телеканал World Fashion Channel (WFC) закрывается.",
     [("World Fashion Channel", "ORG")],
     [("World Fashion Channel", "ORG"), ("WFC", "ORG")]),
    ("Бюро по патентам (USPTO) выдало разрешение.",
     [("Бюро по патентам", "ORG")],
     [("Бюро по патентам", "ORG"), ("USPTO", "ORG")]),
    # an abbreviation after a person is their organisation, not their name
    ("Приехал архиепископ Лонгин Клинский (РПЦ МП).",
     [("Лонгин Клинский", "PER")],
     [("Лонгин Клинский", "PER")]),
    # a place in Cyrillic in brackets is another entity, which NER finds itself
    ("Играет Левон Аронян (Армения).",
     [("Левон Аронян", "PER"), ("Армения", "LOC")],
     [("Левон Аронян", "PER"), ("Армения", "LOC")]),
    # words in brackets that are no name
    ("Компания Apple (в прошлом году) выросла.",
     [("Apple", "ORG")],
     [("Apple", "ORG")]),
    ("Сенатор Джон Маккейн (78 лет) выступил.",
     [("Джон Маккейн (78 лет)", "PER")],
     [("Джон Маккейн", "PER")]),
    # a gloss NER found already is not added twice
    ("Компания «Газпром» (Gazprom) заявила.",
     [("Газпром", "ORG"), ("Gazprom", "ORG")],
     [("Газпром", "ORG"), ("Gazprom", "ORG")]),
]


@pytest.mark.parametrize(("text", "ner", "expected"), CASES)
def test_glossed(text, ner, expected):
    assert glossed(text, _spans(text, *ner)) == _spans(text, *expected)


def test_the_pipeline_splits_a_glossed_name(pipeline):
    from relata.records import Document

    text = "Вчера Юрген Клинсман (Jürgen Klinsmann) назвал состав сборной."
    (analysis,) = pipeline([Document(id="t", text=text, lang="ru")])
    names = {(m.text, m.kind) for m in analysis.mentions}
    assert {("Юрген Клинсман", "PER"), ("Jürgen Klinsmann", "PER")} <= names
