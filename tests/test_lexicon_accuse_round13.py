"""Round 13, ACCUSE (CAMEO 11x) grown by class from the codebook and the language: the
verbs of belief and claim that report an accusation, the light verbs of displeasure, the
nouns of official complaints and suits, rallying against, name-calling. Sentences made up
for the tables."""

import pytest

from conftest import code, sides


# --- a speaker's belief or claim whose content says another actor did a wrongful act
@pytest.mark.parametrize("text", [
    "Джонсон думает, что за атакой стоит Россия.",
    "Джонсон верит, что за атакой стоит Россия.",
    "Джонсон предположил, что за атакой стоит Россия.",
    "Джонсон уверяет, что за атакой стоит Россия.",
    "Джонсон намекнул, что за атакой стоит Россия.",
    "Джонсон повторил, что за атакой стоит Россия.",
    "В заявлении МИД Великобритании отмечается, что Россия стоит за атакой.",
    "В заявлении МИД Великобритании подчеркивается, что Россия стоит за атакой.",
    "Джонсон выразил уверенность, что за атакой стоит Россия.",
])
def test_belief_and_claim_verbs_accuse(pipeline, text):
    assert ("ACCUSE", "GBR", "RUS") in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    # a wrongful act said not to have happened blames no one; a view with no wrong in it
    "Джонсон уверяет, что Россия не вмешивалась в выборы.",
    "Джонсон думает, что переговоры с Россией пройдут в Женеве.",
])
def test_belief_without_blame_accuses_no_one(pipeline, text):
    assert not any(e.type == "ACCUSE" for e in code(pipeline, text))


# --- displeasure voiced, reproach, mockery, rallying against, complaints and suits
@pytest.mark.parametrize(("text", "expected"), [
    ("Москва выразила неудовольствие решением Вашингтона.", ("ACCUSE", "RUS", "USA")),
    ("Россия выразила раздражение действиями Вашингтона.", ("ACCUSE", "RUS", "USA")),
    ("Лавров высказал возмущение действиями Киева.", ("ACCUSE", "RUS", "UKR")),
    ("Песков попрекнул Киев.", ("ACCUSE", "RUS", "UKR")),
    ("Захарова насмехается над Лондоном.", ("ACCUSE", "RUS", "GBR")),
    ("Вашингтон пытается сплотить Запад против Москвы.", ("ACCUSE", "USA", "RUS")),
    ("МИД Китая вручил протест японскому послу.", ("ACCUSE", "CHN", "JPN")),
    ("Газпром выставил претензии Нафтогазу.", ("ACCUSE", "RUS", "UKR")),
    ("Газпром предъявил Нафтогазу иск.", ("ACCUSE", "RUS", "UKR")),
    ("Верховная Рада Украины признала Россию агрессором.", ("ACCUSE", "UKR", "RUS")),
])
def test_disapproval_classes(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    # satisfaction voiced is no disapproval
    "Лавров выразил удовлетворение решением Вашингтона.",
])
def test_other_feelings_are_no_accusation(pipeline, text):
    assert not any(e.type == "ACCUSE" for e in code(pipeline, text))


# --- name-calling: a person called a criminal is accused
@pytest.mark.parametrize("text", [
    "Лавров обозвал Джонсона вором.",
    "Лавров назвал Джонсона мошенником.",
    "Лавров окрестил Лондон бандитами.",
])
def test_name_calling_accuses(pipeline, text):
    assert ("ACCUSE", "RUS", "GBR") in sides(code(pipeline, text))


def test_praise_naming_stays_support(pipeline):
    assert ("SUPPORT", "POL", "DEU") in sides(
        code(pipeline, "Президент Польши назвал Германию надежным партнером."))


# --- wrongful acts said of another: deceit, wrecking, coups, arming and paying armed men
@pytest.mark.parametrize(("text", "expected"), [
    ("Лавров заявил, что Лондон вводит мир в заблуждение.", ("ACCUSE", "RUS", "GBR")),
    ("Лавров заявил, что Вашингтон манипулирует фактами.", ("ACCUSE", "RUS", "USA")),
    ("Лавров заявил, что Киев искажает историю.", ("ACCUSE", "RUS", "UKR")),
    ("Лавров заявил, что Киев торпедирует переговоры.", ("ACCUSE", "RUS", "UKR")),
    ("Лавров заявил, что США организовали переворот на Украине.", ("ACCUSE", "RUS", "USA")),
    ("Асад заявил, что Вашингтон финансирует боевиков.", ("ACCUSE", "SYR", "USA")),
    ("Лавров заявил, что Вашингтон вооружает сепаратистов.", ("ACCUSE", "RUS", "USA")),
])
def test_wrongful_acts_said(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    "Лавров заявил, что Россия не искажает историю.",  # denied
    "Лавров заявил, что Россия и Китай организовали форум.",  # no wrong organised
])
def test_no_wrong_said(pipeline, text):
    assert not any(e.type == "ACCUSE" for e in code(pipeline, text))


# --- the nouns of name-calling: insults, the outcast, the provocateur, the tyrant, the butcher
@pytest.mark.parametrize(("text", "target"), [
    ("Лавров назвал Джонсона клоуном.", "GBR"),
    ("Лавров назвал Порошенко провокатором.", "UKR"),
    ("Лавров назвал Саакашвили тираном.", "GEO"),
    ("Лавров назвал Порошенко палачом.", "UKR"),
    ("Лавров назвал Киев людоедским режимом.", "UKR"),
    ("Лавров назвал Саакашвили изгоем.", "GEO"),
])
def test_name_calling_nouns(pipeline, text, target):
    assert ("ACCUSE", "RUS", target) in sides(code(pipeline, text))


def test_a_clown_told_of_is_no_insult(pipeline):
    events = code(pipeline, "Лавров заявил, что клоун выступил в Москве.")
    assert not any(e.type == "ACCUSE" for e in events)


# --- a thing called by the noun of a hostile act: an accusation of its doer
@pytest.mark.parametrize(("text", "expected"), [
    ("Лавров назвал действия Турции ударом в спину.", ("ACCUSE", "RUS", "TUR")),
    ("Лавров назвал удар США по Сирии нападением на суверенное государство.",
     ("ACCUSE", "RUS", "USA")),
    ("Лавров назвал заявление Джонсона частью скоординированной атаки на Россию.",
     ("ACCUSE", "RUS", "GBR")),
])
def test_called_a_hostile_act(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    # the hostile act named is what is judged, not the name given
    "Лавров назвал удар США по ИГ оправданным.",
    "Лавров назвал визит Эрдогана в Москву важным.",
])
def test_a_hostile_act_judged_is_not_called_so(pipeline, text):
    assert not any(e.type == "ACCUSE" for e in code(pipeline, text))


# --- an act told in a clause of a text or speech one authors is its author's
@pytest.mark.parametrize(("text", "expected"), [
    ("Лавров опубликовал статью, где жестко ответил Джонсону.", ("ACCUSE", "RUS", "GBR")),
    ("Лавров выступил с заявлением, в котором обвинил Вашингтон во вмешательстве.",
     ("ACCUSE", "RUS", "USA")),
    ("Лавров выступил с речью, в которой осудил политику США.", ("ACCUSE", "RUS", "USA")),
    ("Лавров дал интервью, в котором раскритиковал политику США.", ("ACCUSE", "RUS", "USA")),
    ("Путин записал видеообращение, в котором обвинил Киев в эскалации.",
     ("ACCUSE", "RUS", "UKR")),
    # the clause names its own doer
    ("Лавров дал интервью, в котором Джонсон раскритиковал политику США.",
     ("ACCUSE", "GBR", "USA")),
])
def test_authored_texts(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


# --- an inquiry set about (09x); joining together against someone (113)
@pytest.mark.parametrize(("text", "expected"), [
    ("Еврокомиссия приступила к расследованию деятельности Газпрома.", ("ACCUSE", "EU", "RUS")),
    ("Еврокомиссия приступает к проверке Газпрома.", ("ACCUSE", "EU", "RUS")),
    ("Еврокомиссия инициировала проверку Газпрома.", ("ACCUSE", "EU", "RUS")),
    ("Франция и Германия объединились против России.", ("ACCUSE", "FRA", "RUS")),
    ("США и Япония сплотились против Пекина.", ("ACCUSE", "JPN", "CHN")),
])
def test_inquiries_and_rallying(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    "Еврокомиссия приступила к работе.",
    "Страны объединились против терроризма.",
])
def test_no_inquiry_no_one_opposed(pipeline, text):
    assert not any(e.type == "ACCUSE" for e in code(pipeline, text))


# --- a feeling of disapproval aroused in a seat of power is that government's
@pytest.mark.parametrize(("text", "expected"), [
    ("Заявление Джонсона вызвало негодование в Москве.", ("ACCUSE", "RUS", "GBR")),
    ("Решение Вашингтона вызвало недовольство в Пекине.", ("ACCUSE", "CHN", "USA")),
    ("В Пекине решение Вашингтона вызвало раздражение.", ("ACCUSE", "CHN", "USA")),
])
def test_felt_in_seat(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_felt_in_a_country_is_no_ones_act(pipeline):
    events = code(pipeline, "Решение властей вызвало недовольство в стране.")
    assert not any(e.type == "ACCUSE" for e in events)
