"""Round 12, events told by nouns and light verbs, repaired by class from the challenge set
`tests/data/challenge/nouns.tsv`: each table holds sentences written for it, a class's words
beyond those the challenge rows show, and the senses that stay as they were."""

import pytest

from conftest import code, sides

FACTUAL = {"factual", "negated"}  # what the scorers count as told to have happened or not


# --- a noun of chance, prospect or danger over an act noun: a possibility, no act told
@pytest.mark.parametrize("text", [
    "Возможность переговоров между Ираном и Саудовской Аравией обсуждается в Омане.",
    "Перспективы сотрудничества Индии и Японии в космосе оценили участники форума.",
    "Угроза войны между Арменией и Азербайджаном сохраняется, считают аналитики.",
    "Шансы на встречу лидеров Сербии и Косово в этом году невелики.",
    "Сценарий удара Израиля по Ирану обсуждают в американской прессе.",
    "Идея переговоров Киева и Москвы обсуждалась на форуме в Давосе.",
])
def test_possible_acts_are_not_told(pipeline, text):
    told = [e for e in code(pipeline, text) if e.modality in FACTUAL]
    assert not told, [(e.type, e.trigger.text, e.modality) for e in told]


@pytest.mark.parametrize(("text", "kind"), [
    # the act noun on its own, or a threat with its own doer, stays as it was
    ("Переговоры между Ираном и Саудовской Аравией прошли в Багдаде.", "CONSULT"),
    ("Угрозы Пхеньяна в адрес Сеула прозвучали в заявлении агентства ЦТАК.", "THREATEN"),
])
def test_acts_beside_them_stay(pipeline, text, kind):
    assert kind in {e.type for e in code(pipeline, text) if e.modality == "factual"}


# --- an act noun subject of a verb of taking place or of scheduling: that verb's modality
@pytest.mark.parametrize(("text", "kind", "modality"), [
    ("Визит премьер-министра Японии в Пекин запланирован на осень.", "CONSULT", "intended"),
    ("Переговоры министров обороны России и Турции намечены на март.", "CONSULT", "intended"),
    ("В ближайшие дни ожидается визит канцлера Германии в Варшаву.", "CONSULT", "intended"),
    ("Встреча президентов Армении и Азербайджана предстоит в Праге.", "CONSULT", "intended"),
    ("Переговоры Ирана и Саудовской Аравии пройдут в Багдаде.", "CONSULT", "intended"),
    ("Переговоры Сербии и Косово в Брюсселе не состоялись.", "CONSULT", "negated"),
    ("Подписание соглашения между Египтом и Суданом ожидается в мае.", "SUPPORT", "predicted"),
])
def test_act_noun_takes_its_verb_modality(pipeline, text, kind, modality):
    found = {(e.type, e.modality) for e in code(pipeline, text)}
    assert (kind, modality) in found, found


@pytest.mark.parametrize(("text", "kind"), [
    # a verb that only talks about the act lends it nothing
    ("Санкции Евросоюза против России не помогли остановить войну.", "SANCTION"),
    ("Визит президента Франции в Алжир состоялся в прошлом месяце.", "CONSULT"),
])
def test_other_verbs_of_an_act_noun_lend_nothing(pipeline, text, kind):
    assert kind in {e.type for e in code(pipeline, text) if e.modality == "factual"}


# --- `в отношении` names the side a measure, charge or threat is aimed at, as `против` does
@pytest.mark.parametrize(("text", "expected"), [
    ("Госдепартамент США ввел визовые ограничения в отношении ряда грузинских чиновников.",
     ("SANCTION", "USA", "GEO")),
    ("Канада ввела ограничения в отношении иранских чиновников.", ("SANCTION", "CAN", "IRN")),
    ("Евросоюз пригрозил санкциями в отношении Белоруссии.", ("THREATEN", "EU", "BLR")),
    ("Министерство юстиции США выдвинуло обвинения в отношении граждан Китая.",
     ("COERCE", "USA", "CHN")),
])
def test_aimed_at_in_otnoshenii(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


# --- words of a series or a batch between a light verb and its act noun
@pytest.mark.parametrize(("text", "expected"), [
    ("Вооруженные силы Турции осуществили серию авиаударов по провинции Хасеке в Сирии.",
     ("ASSAULT", "TUR", "SYR")),
    ("Израиль нанес череду ударов по территории Ливана.", ("ASSAULT", "ISR", "LBN")),
    ("США передали Украине очередной пакет военной помощи.", ("AID", "USA", "UKR")),
    ("Китай провел серию учений у берегов Тайваня.", ("MOBILIZE", "CHN", "TWN")),
])
def test_series_of_acts(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


@pytest.mark.parametrize("text", [
    # a pair on the word of number itself stays one act, not a second of the noun it counts
    "Россия и Япония провели новый раунд переговоров о мирном договоре.",
    "Евросоюз ввел новый пакет санкций против Ирана.",
])
def test_one_act_for_a_counted_pair(pipeline, text):
    events = code(pipeline, text)
    assert len(events) == 1, [(e.type, e.trigger.text) for e in events]


# --- a decree or a law signed enacts what it is about, the signer's act; it is no agreement
@pytest.mark.parametrize(("text", "expected"), [
    ("Президент России подписал указ о введении ответных санкций против США.",
     ("SANCTION", "RUS", "USA")),
    ("Премьер-министр Грузии подписал постановление о выделении помощи Армении.",
     ("AID", "GEO", "ARM")),
    ("Президент Белоруссии подписал указ о запрете ввоза польских товаров.",
     ("SANCTION", "BLR", "POL")),
    ("Президент Турции издал распоряжение о закрытии проливов для военных кораблей России.",
     ("COERCE", "TUR", "RUS")),
])
def test_decreed_acts(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found
    assert not any(kind == "SUPPORT" and source == expected[1] and target == expected[2]
                   for kind, source, target in found), found


def test_an_agreement_signed_stays(pipeline):
    found = sides(code(pipeline, "Россия и Китай подписали соглашение о поставках газа."))
    assert ("SUPPORT", "RUS", "CHN") in found, found


# --- what a protest or a criticism is voiced about (`в связи с`) is told as done, not by the
# protester; the grounds of a legal act stay alleged
@pytest.mark.parametrize(("text", "expected"), [
    ("Москва выразила протест Кишиневу в связи с визитом молдавской делегации в Киев.",
     ("CONSULT", "MDA", "UKR")),
    ("МИД России выразил протест в связи с задержанием российского гражданина в Эстонии.",
     ("COERCE", "EST", "RUS")),
])
def test_protested_act_is_told(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


def test_the_protester_does_not_do_what_it_protests(pipeline):
    found = sides(code(pipeline, "МИД России выразил протест в связи с задержанием "
                                 "российского гражданина в Эстонии."))
    assert not any(kind == "COERCE" and source == "RUS" for kind, source, _ in found), found


def test_grounds_of_a_legal_act_stay_alleged(pipeline):
    events = code(pipeline, "Полиция Грузии задержала гражданина России в связи с нападением "
                            "на сотрудников посольства Украины.")
    assert "ASSAULT" not in {e.type for e in events if e.modality == "factual"}


# --- peacekeeping forces by any of their names, sent or brought in (074)
@pytest.mark.parametrize(("text", "expected"), [
    ("Ввод миротворческих сил ОДКБ в Казахстан был завершен за двое суток.",
     ("AID", "CSTO", "KAZ")),
    ("ООН разместила миротворческие силы на юге Ливана.", ("AID", "UN", "LBN")),
    ("Казахстан направил миротворческий батальон в Сирию.", ("AID", "KAZ", "SYR")),
    ("Индия развернула миротворческий контингент в Южном Судане.", ("AID", "IND", "SSD")),
])
def test_peacekeepers_sent(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


def test_peacekeepers_discussed_are_not_sent(pipeline):
    events = code(pipeline, "США и Россия обсудили размещение миротворческих сил в Сирии.")
    assert "AID" not in {e.type for e in events}


# --- a visit `на` a state (islands, `на Украину`) as `в` one: every visit and travel entry
@pytest.mark.parametrize(("text", "expected"), [
    ("Пекин выразил протест Токио в связи с визитом японских парламентариев на Тайвань.",
     ("CONSULT", "JPN", "TWN")),
    ("Президент Венесуэлы прилетел на Кубу с официальным визитом.", ("CONSULT", "VEN", "CUB")),
    ("Глава МИД Греции совершил поездку на Кипр.", ("CONSULT", "GRC", "CYP")),
    ("Министр обороны Японии прибыл на Филиппины для переговоров.", ("CONSULT", "JPN", "PHL")),
])
def test_visit_na(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


# --- a disapproval an act provoked (`вызвало протест`) is aimed at the doer of that act
@pytest.mark.parametrize(("text", "expected"), [
    ("Признание Мадридом палестинского государства вызвало протест израильского МИД.",
     ("ACCUSE", "ISR", "ESP")),
    ("Введение Евросоюзом пошлин на китайские автомобили вызвало протест Пекина.",
     ("ACCUSE", "CHN", "EU")),
    ("Визит японского премьера в храм Ясукуни вызвал протест Китая.",
     ("ACCUSE", "CHN", "JPN")),
])
def test_provoked_disapproval(pipeline, text, expected):
    found = sides(code(pipeline, text))
    assert expected in found, found


def test_provoked_people_protest_is_no_state_act(pipeline):
    assert not code(pipeline, "Решение властей вызвало протест оппозиции.")
