"""Trigger words that name no act where they stand (relata.events.acts), on real sentences."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Международная амнистия обвиняет США в двойном подходе.",
         ("ACCUSE", "AMNESTY", "USA"), "RETREAT"),  # `амнистия` inside a name
        ("Алиев договорился с Токаевым о начале нового этапа сотрудничества между Баку и "
         "Астаной.", ("AGREE", "AZE", "KAZ"), "COOPERATE"),  # what was agreed
        ("Сотрудничество между Россией и Великобританией необходимо.", None, "COOPERATE"),
        ("Любой удар США по Ирану будет отражен.", None, "ASSAULT"),
        ("Визит премьер-министра Израиля в Москву призван решить эту проблему.",
         ("CONSULT", "ISR", "RUS"), "REQUEST"),  # `призван`: is meant to
        ("Премьер Японии пообещал, что правительство будет настаивать на возвращении "
         "островов Россией.", None, "AGREE"),  # the act promised, not the promise
        ("Тегеран хочет и впредь поддерживать режим Мадуро.", ("SUPPORT", "IRN", "VEN"),
         "REQUEST"),  # the act wanted, not the wish
        ("Израиль отказывается признать Палестинское государство.", None, "SUPPORT"),
        ("Захарова заявила, что санкции ударят по экономике Евросоюза.", None,
         "ASSAULT"),  # a thing hits, no one attacks
        ("Президент России прибыл в Екатеринбург.", None, "CONSULT"),  # a visit at home
        ("Белый дом отверг просьбу Киева о поставках оружия.",
         ("REQUEST", "UKR", "USA"), None),  # a refused request is still a request
    ],
)
def test_not_an_act(pipeline, text, present, absent):
    found = sides(code(pipeline, text))
    if present:
        assert present in found
    if absent:
        assert absent not in {t for t, _, _ in found}


@pytest.mark.parametrize(
    ("text", "grounds"),
    [
        ("Полиция Польши и ФБР задержали гражданина Белоруссии по подозрению в кибератаках "
         "на банки.",
         "кибератаках"),
        ("Полиция Ямайки объявила о розыске Уоллеса в связи с убийством Питера Грина.",
         "убийством"),
        ("Полиция Франции задержала Петрова по обвинению в нападении на посольство США.",
         "нападении"),
    ],
)
def test_the_grounds_of_a_legal_act_are_not_told_as_done(pipeline, text, grounds):
    """What someone is arrested, sought or charged for is alleged: no event of its own."""
    assert grounds not in [e.trigger.text for e in code(pipeline, text)]


def test_one_act_told_twice_is_coded_once(pipeline):
    text = ("Армия РФ атаковала заправку SOCAR, а также был нанесен ущерб в результате "
            "ракетного обстрела Дому Азербайджана в Киеве.")
    found = code(pipeline, text, "2025-08-07")
    assert [e.trigger.text for e in found] == ["атаковала", "нанесен ущерб"]
    assert all(e.target.country == "AZE" for e in found)
