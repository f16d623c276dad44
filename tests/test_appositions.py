"""A role noun set beside a known person's name restates the person
(`relata.actors.context.appositions`), and a place named as one is no antecedent
(`events.sides._antecedent`): a pronoun after them means the person. Sentences written
for these tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(("text", "event"), [
    ("Лукашенко, последний диктатор Европы, не раз бывал в Москве. "
     "Брюссель ввел санкции против него в 2011 году.", ("SANCTION", "EU", "BLR")),
    # a place named as one is no antecedent either (`уехал в Киев … его`)
    ("Саакашвили уехал в Киев. Тбилиси объявил его в розыск.", ("COERCE", "GEO", "GEO")),
    ("Навальный вылетел в Берлин. Москва обвинила его в нарушении условий приговора.",
     ("ACCUSE", "RUS", "RUS")),
])
def test_a_pronoun_after_an_apposition_means_the_person(pipeline, text, event):
    assert event in sides(code(pipeline, text))


def test_appositions_are_role_nouns_after_a_coded_name(pipeline):
    from relata.actors.context import appositions
    from relata.sources import parse_text

    text = "Лукашенко, последний диктатор Европы, и министр обороны России встретились."
    analysis = pipeline([parse_text(text, "t")])[0]
    found = appositions(text, analysis.mentions)
    starts = {m.text: m.start for m in analysis.mentions}
    assert starts["диктатор Европы"] in found
    assert not any(m.text.startswith("министр") and m.start in found
                   for m in analysis.mentions)
