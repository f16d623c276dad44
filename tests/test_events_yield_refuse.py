"""Round 13: refusals, threats, retreats and concessions by class (made-up sentences)."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a refusal to comment or answer rejects no one (acts.refused_to_speak)
        ("Лавров отказался комментировать слова Хаммонда.", None, "REJECT"),
        ("Песков отказался от комментариев по поводу заявления Байдена.", None, "REJECT"),
        ("Министр отказался отвечать на вопросы журналистов о Польше.", None, "REJECT"),
        # a refusal of something asked stays a refusal
        ("Израиль отказался от переговоров с Палестиной.", ("REJECT", "ISR", "PSE"), None),
        # a state or its forces leaving a country (0874), only when the `из` names an actor
        ("НАТО уходит из Афганистана.", ("RETREAT", "NATO", "AFG"), None),
        ("Американские войска уходят из Ирака.", ("RETREAT", "USA", "IRQ"), None),
        ("Уход американских войск из Ирака завершился.", ("RETREAT", "USA", "IRQ"), None),
        ("Ушедший из жизни президент Франции посетил Германию.", ("CONSULT", "FRA", "DEU"),
         "RETREAT"),
        ("Министр Германии ушел из политики после встречи с Путиным.", None, "RETREAT"),
        # the noun of `предупредить`
        ("Предупреждение Москвы в адрес Анкары прозвучало в понедельник.",
         ("THREATEN", "RUS", "TUR"), None),
        # eased at home, aimed at no one (rules.eased_rule)
        ("Власти Египта отменили чрезвычайное положение.", ("RETREAT", "EGY", None), None),
        ("Власти Таиланда отменили комендантский час.", ("RETREAT", "THA", None), None),
        ("Верховный суд Египта снял запрет на деятельность партии.", ("CONCEDE", "EGY", None),
         None),
        ("Россия сняла запрет на ввоз турецких овощей.", ("CONCEDE", "RUS", "TUR"), None),
        # a retaliation promised is a threat, not an intent to cooperate
        ("Иран пообещал жесткий ответ Израилю.", ("THREATEN", "IRN", "ISR"), "AGREE"),
        ("Россия пообещала ответные меры Вашингтону.", ("THREATEN", "RUS", "USA"), "AGREE"),
        ("Иран пообещал отомстить Израилю.", ("THREATEN", "IRN", "ISR"), "AGREE"),
        # a refusal given as an answer
        ("Минск ответил отказом Москве.", ("REJECT", "BLR", "RUS"), None),
        # a demand met, a side met halfway, monitors let in
        ("Грузия согласилась на условия России.", ("CONCEDE", "GEO", "RUS"), None),
        ("Киев пошел навстречу Москве.", ("CONCEDE", "UKR", "RUS"), None),
        ("Министр пошел навстречу журналистам.", None, "CONCEDE"),
        ("Польша пустила российских наблюдателей.", ("RETREAT", "POL", "RUS"), None),
        # a blockade eased; bodies given back
        ("Израиль смягчил блокаду сектора Газа.", ("RETREAT", "ISR", "PSE"), None),
        ("Россия вернула Украине тела погибших военнослужащих.", ("RETREAT", "RUS", "UKR"),
         None),
    ],
)
def test_yield_and_refuse(pipeline, text, present, absent):
    found = sides(code(pipeline, text))
    if present:
        assert present in found
    if absent:
        assert absent not in {t for t, _, _ in found}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Иран пообещал жесткий ответ Израилю.", "factual"),  # the threat is made
        ("Иран пообещал отомстить Израилю.", "factual"),
        ("Иран намерен пригрозить Израилю санкциями.", "intended"),
    ],
)
def test_a_promised_retaliation_is_a_threat_made(pipeline, text, modality):
    threats = [e for e in code(pipeline, text) if e.type == "THREATEN"]
    assert threats and threats[0].modality == modality
