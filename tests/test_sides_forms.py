"""Sides found by grammatical form: coordinated doers, participles, relative clauses,
converbs (made-up sentences)."""

import pytest

from conftest import code, sides


def both(*events):
    """Mutual acts, matched in either direction."""
    return {*events, *((t, b, a) for t, a, b in events)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated doers of a mutual act with a partner named: each with the partner
        ("Лидеры Германии и Франции встретились с Путиным.",
         both(("CONSULT", "DEU", "RUS"), ("CONSULT", "FRA", "RUS"))),
        ("Россия и Китай договорились с Ираном о сотрудничестве.",
         both(("AGREE", "RUS", "IRN"), ("AGREE", "CHN", "IRN"))),
        ("Франция и Германия подписали соглашение с Украиной.",
         both(("SUPPORT", "FRA", "UKR"), ("SUPPORT", "DEU", "UKR"))),
        # with no partner, or only a place, the doers' act is mutual between them
        ("Россия и Китай договорились о сотрудничестве.",
         both(("AGREE", "RUS", "CHN"))),
        ("Путин и Эрдоган встретились в Сочи.",
         both(("CONSULT", "RUS", "TUR"))),
        ("Переговоры между Украиной и Азербайджаном прошли в Баку.",
         both(("CONSULT", "UKR", "AZE"))),
    ],
)
def test_coordinated_doers(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected
