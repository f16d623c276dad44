"""Who takes part in an act does it (`rules.participant`, words/participation.txt), and whom
an act is aimed at said by a participle of aiming beside its noun
(`rules.aimed_by_participle`). Sentences written for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of taking part: its subject
        ("Германия участвовала в переговорах с Ираном.", ("CONSULT", "DEU", "IRN")),
        ("Литва присоединилась к санкциям против России.", ("SANCTION", "LTU", "RUS")),
        ("Эстония присоединяется к санкциям против Белоруссии.", ("SANCTION", "EST", "BLR")),
        # the noun `участие`: the subject of the verb it is the object of
        ("Турция приняла участие в военной операции против Сирии.",
         ("ASSAULT", "TUR", "SYR")),
        ("Польша примет участие в переговорах с Украиной.", ("CONSULT", "POL", "UKR")),
        # a participle of aiming names whom the noun's act is aimed at
        ("Украинские активисты провели акцию протеста, направленную против политики "
         "российских властей.", ("PROTEST", "UKR", "RUS")),
        ("Евросоюз ввел санкции, направленные против Ирана.", ("SANCTION", "EU", "IRN")),
    ],
)
def test_participation_and_aim(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        # taking part in what is no act: no event
        "Германия участвовала в чемпионате мира по футболу.",
        # the act's own doer is named: the participant does not replace it
        "Франция отказалась от участия в переговорах.",
    ],
)
def test_no_participant_without_an_act(pipeline, text):
    assert ("CONSULT", "FRA", "FRA") not in sides(code(pipeline, text))
    assert all(event[0] != "ASSAULT" for event in sides(code(pipeline, text)))
