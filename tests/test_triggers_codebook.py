"""Entries completed from the CAMEO codebook for act families the lexicon lacked: talks
sought (`посоветовавшись`), recognition of a head of state (054),
street protests (141), wars and combat begun or waged (190); with what stays no act."""

import pytest

from test_triggers_quantities import trigger_keys

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Посоветовавшись с Берлином, Париж отказался от плана.", "посоветоваться"),
        ("США признали Гуайдо временным главой Венесуэлы.", "признать as:глава"),
        ("Оппозиция провела уличные акции в Минске.", "уличный акция"),
        ("Сербы начали боевые действия в Боснии.", "боевой действие"),
        ("Грузия развязала войну против Южной Осетии.", "развязать война"),
        ("Погибли 289 человек от авиударов афганской армии.", "авиудар"),
    ],
)
def test_an_act_of_the_family_is_found(pipeline, text, key):
    assert key in trigger_keys(pipeline, text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Батальон был отозван в период армяно-азербайджанской войны.", "война"),
        ("Акции Газпрома подешевели на бирже.", "уличный акция"),
        ("Министерство приняло меры и начало действия по защите прав.", "боевой действие"),
        ("Суд признал документ подлинным.", "признать as:глава"),
        # a resignation accedes to no demand (0831 needs one): no entry of its own
        ("Правительство Болгарии уходит в отставку.", "уходить отставка"),
    ],
)
def test_words_of_the_family_that_name_no_act(pipeline, text, key):
    assert key not in trigger_keys(pipeline, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("США признали Хуана Гуайдо временным президентом Венесуэлы.",
         ("SUPPORT", "USA", "VEN")),
        ("Россия посоветовалась с Китаем.", ("CONSULT", "RUS", "CHN")),
    ],
)
def test_the_family_is_coded(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))
