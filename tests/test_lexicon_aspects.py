"""Both aspects of a verb are in the lexicon (issue 14, item 3): the other aspect of a
verb the lexicon has codes the same act, save where one aspect means something else."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Путин попенял Громову за срыв сроков.", ("ACCUSE", "RUS", "RUS")),
        ("Эрдоган отругал Макрона.", ("ACCUSE", "TUR", "FRA")),
        ("Индия закупает у России нефть.", ("COOPERATE", "IND", "RUS")),
        ("Израиль ударяет по позициям Хезболлы.", ("ASSAULT", "ISR", "HEZBOLLAH")),
        ("Путин перезвонил Эрдогану.", ("CONSULT", "RUS", "TUR")),
        ("Армения отблагодарила Францию за помощь.", ("SUPPORT", "ARM", "FRA")),
        ("Китай раскритиковывает США за пошлины.", ("ACCUSE", "CHN", "USA")),
        # light verbs: the other aspect with the same nouns
        ("Россия поставляет Китаю сжиженный газ.", ("COOPERATE", "RUS", "CHN")),
        ("Сирия запросила у России поддержку.", ("REQUEST", "SYR", "RUS")),
    ],
)
def test_the_other_aspect_codes_the_same_act(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_a_comparison_is_no_concession(pipeline):
    """`уступать` is mostly `to be inferior to`: the guide's comparisons of power."""
    assert sides(code(pipeline, "Россия уступает США по числу авианосцев.")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Медведев поручил правительству разработать законопроект.", ("REQUEST", "RUS", "RUS")),
        ("Медведев дал поручение правительству подготовить доклад.", ("REQUEST", "RUS", "RUS")),
        ("Обама поручил Пентагону подготовить план.", ("REQUEST", "USA", "USA")),
    ],
)
def test_an_order_to_someone_is_a_demand(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Власти Мьянмы выпустили Аун Сан Су Чжи из-под домашнего ареста.",
         {("RETREAT", "MMR", "MMR")}),
        # `выпустить` in its other sense stays what its noun says
        ("КНДР выпустила ракету в сторону Японии.", {("ASSAULT", "PRK", "JPN")}),
    ],
)
def test_released_from_custody(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected
