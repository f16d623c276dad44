"""Doers the side rules find in passive and impersonal constructions (round 14): a passive's
agent named by an indeclinable abbreviation, whose instrumental no ending shows. Made-up
sentences."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the abbreviation hung by the parser as a genitive of the dative or of the `против`
        # phrase: the doer, not an owner of that name; its conjunct a doer too
        ("Экономисты оценили условия кредитов, предоставленных Греции ЕС и МВФ.",
         {("AID", "EU", "GRC"), ("AID", "IMF", "GRC")}),
        ("Кредиты, выданные Египту МВФ, пойдут на нужды бюджета.", {("AID", "IMF", "EGY")}),
        ("Санкции, введенные против России США и ЕС, ударили по экспорту.",
         {("SANCTION", "USA", "RUS"), ("SANCTION", "EU", "RUS")}),
        ("Помощь, оказанная Сирии ООН, достигла лагерей беженцев.", {("AID", "UN", "SYR")}),
        # a declined doer, as before
        ("Санкции, введенные Евросоюзом против России, продлены на полгода.",
         {("SANCTION", "EU", "RUS")}),
    ],
)
def test_indeclinable_agent(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a body named by a common noun keeps its genitive owner: no doer is named
        "Помощь, предоставленная правительству США, оказалась мала.",
    ],
)
def test_owner_is_no_agent(pipeline, text):
    assert not any(e.source.country == "USA" and e.type == "AID"
                   for e in code(pipeline, text))
