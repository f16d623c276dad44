"""Bodies and officials named without their state take the one state the sentence (or the
text just before) names: real sentences written for these tests, negatives included."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person no dictionary knows, named with the word of his office: the body's
        ("В суде России прокурор Андрей Сергеев обвинил журналиста Ивана Петрова в клевете.",
         {("ACCUSE", "RUS", "RUS")}),
        # a body without its state, the one state named later in the same sentence
        ("Суд приговорил блогера к двум годам колонии по статье УК России.",
         {("ACCUSE", "RUS", "RUS")}),
        # two states named: the prosecutor is of neither (no accusation is coded); the act
        # he accuses Georgia of is Georgia's (rules.charged_doer)
        ("Прокурор Андрей Сергеев обвинил Грузию в давлении на суды России.",
         {("COERCE", "GEO", "RUS")}),
        # no state named at all, no name a dictionary knows: no event
        ("Прокурор Джон Смит обвинил журналиста Питера Брауна в клевете.", set()),
        # ... unless the surnames tell (actors/data/context/name-origins.yaml)
        ("Прокурор Андрей Сергеев обвинил журналиста Ивана Петрова в клевете.",
         {("ACCUSE", "RUS", "RUS")}),
    ],
)
def test_body_of_the_one_state_named(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected <= found and (expected or not found)
