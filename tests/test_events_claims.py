"""Accusations by class (round 10): blame said by a predicate of guilt or danger, words of
condemnation, blame laid to someone's charge, scolding verbs, a light noun the parser hung
below its verb's object, news told with words of blame. Made-up sentences."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # guilt and danger said of another (speech/accuse.txt)
        ("Лавров заявил, что Украина виновата в срыве переговоров.", ("ACCUSE", "RUS", "UKR")),
        ("Лавров назвал Киев ответственным за срыв переговоров.", ("ACCUSE", "RUS", "UKR")),
        ("Хэммонд утверждает, что Россия представляет собой угрозу для всех нас.",
         ("ACCUSE", "GBR", "RUS")),
        ("Нетаньяху заявил, что Иран представляет опасность для региона.",
         ("ACCUSE", "ISR", "IRN")),
        ("Лавров заявил, что Вашингтон шантажирует Тегеран.", ("ACCUSE", "RUS", "USA")),
        # words of condemnation, crime and conquest (blame.txt, crime.txt, aggression.txt)
        ("Эрдоган назвал Израиль террористическим государством.", ("ACCUSE", "TUR", "ISR")),
        ("Пекин заявил, что доклад Вашингтона предвзятый.", ("ACCUSE", "CHN", "USA")),
        ("Лавров назвал политику Киева злом.", ("ACCUSE", "RUS", "UKR")),
        ("Дамаск заявил, что Анкара поддерживает терроризм.", ("ACCUSE", "SYR", "TUR")),
        ("Баку заявил, что Ереван проводит оккупационную политику.", ("ACCUSE", "AZE", "ARM")),
        # `заметил, что …` introduces a claim
        ("Эрдоган заметил, что Израиль совершает преступления.", ("ACCUSE", "TUR", "ISR")),
        # blame laid to someone's charge, both aspects
        ("Москва поставила в вину Киеву срыв переговоров.", ("ACCUSE", "RUS", "UKR")),
        ("Москва ставит Киеву в вину срыв переговоров.", ("ACCUSE", "RUS", "UKR")),
        ("Москва вменила Киеву в вину срыв переговоров.", ("ACCUSE", "RUS", "UKR")),
        # scolding verbs and the noun of reproach
        ("Путин отругал Киев.", ("ACCUSE", "RUS", "UKR")),
        ("Иранские СМИ поносят Вашингтон.", ("ACCUSE", "IRN", "USA")),
        ("Укор Москвы в адрес Киева остался без ответа.", ("ACCUSE", "RUS", "UKR")),
        # the light noun hung on the object's genitive: still the verb's
        ("Путин подверг решение Киева резкой критике.", ("ACCUSE", "RUS", "UKR")),
        ("Евросоюз подверг позицию Турции жесткой критике.", ("ACCUSE", "EU", "TUR")),
    ],
)
def test_accusations(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    # guilt or danger said of no other actor, or a view of one's own, accuses no one
    "Лавров заявил, что Россия представляет интерес для инвесторов.",
    "Лавров заявил, что встреча с Керри была полезной.",
    "Политолог считает, что Украина виновата в срыве переговоров.",
    # `поставить` without `вину`: a supply
    "Россия поставила Китаю зенитные комплексы.",
])
def test_no_accusation(pipeline, text):
    assert "ACCUSE" not in {t for t, _, _ in sides(code(pipeline, text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act named so, its doer not named: an accusation with no target
        ("Франция назвала этот шаг «опасной эскалацией».", ("ACCUSE", "FRA", None)),
        ("МИД России назвал провокацией учения у границ.", ("ACCUSE", "RUS", None)),
        ("Лавров охарактеризовал это решение как провокацию.", ("ACCUSE", "RUS", None)),
        ("Киев квалифицировал обстрел как военное преступление.", ("ACCUSE", "UKR", None)),
        # its doer named: the doer is the target, as before
        ("Лавров назвал действия Киева провокацией.", ("ACCUSE", "RUS", "UKR")),
    ],
)
def test_an_act_named_so(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    # a person called so is the one blamed: unknown, no event; a thing judged by an
    # adjective is a view whose doer the context tells; a name of no blame
    "Лавров назвал его вруном.",
    "Лавров назвал решение абсурдным.",
    "Лавров назвал встречу полезной.",
    "Лавров заявил, что угроза терроризма растет.",
])
def test_no_accusation_of_no_one(pipeline, text):
    assert ("ACCUSE" not in {t for t, _, _ in sides(code(pipeline, text))})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # complicity said of another (speech/accuse.txt)
        ("Лавров заявил, что Киев причастен к убийству.", ("ACCUSE", "RUS", "UKR")),
        ("Лавров заявил, что в убийстве замешаны спецслужбы Украины.", ("ACCUSE", "RUS", "UKR")),
        ("Лавров назвал Киев заказчиком убийства.", ("ACCUSE", "RUS", "UKR")),
        ("Лавров назвал Киев соучастником преступления.", ("ACCUSE", "RUS", "UKR")),
        # praise by a phrase (speech/praise.txt): a contribution, a leader extolled
        ("Норвегия заявила, что Франция внесла важный вклад в борьбу с насилием.",
         ("SUPPORT", "NOR", "FRA")),
        ("Путин назвал Си Цзиньпина великим лидером.", ("SUPPORT", "RUS", "CHN")),
    ],
)
def test_complicity_and_praise(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_a_customer_is_no_accomplice(pipeline):
    found = sides(code(pipeline, "Лавров заявил, что заказчиком контракта является Индия."))
    assert "ACCUSE" not in {t for t, _, _ in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # vilification nouns and their light verbs
        ("Москва развернула травлю Киева.", ("ACCUSE", "RUS", "UKR")),
        ("Российские СМИ устроили травлю Украины.", ("ACCUSE", "RUS", "UKR")),
        # `по мнению X`: X's view voiced accuses by words of blame
        ("По мнению Лаврова, США вмешиваются во внутренние дела России.",
         ("ACCUSE", "RUS", "USA")),
        ("По мнению Москвы, Киев нарушил перемирие.", ("ACCUSE", "RUS", "UKR")),
    ],
)
def test_vilification_and_views(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_an_analysts_view_is_no_accusation(pipeline):
    text = "По мнению политолога, США вмешиваются во внутренние дела России."
    assert "ACCUSE" not in {t for t, _, _ in sides(code(pipeline, text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # insult and offence (blame.txt)
        ("Премьер-министр Японии заявил, что визит Медведева оскорбляет японцев.",
         ("ACCUSE", "JPN", "RUS")),
        ("Лавров заявил, что Киев попирает права русскоязычных.", ("ACCUSE", "RUS", "UKR")),
        # an act pointed back to (`этот`, `подобный`): who did the act told last
        ("После поездки Медведева на Курилы премьер-министр Японии заявил, что этот визит "
         "вызывает сожаление.", ("ACCUSE", "JPN", "RUS")),
        ("Турция сбила российский самолет. Москва назвала этот шаг провокацией.",
         ("ACCUSE", "RUS", "TUR")),
        ("США ввели санкции против России. Лавров заявил, что подобные действия недопустимы.",
         ("ACCUSE", "RUS", "USA")),
    ],
)
def test_insult_and_acts_pointed_back(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_the_speakers_own_act_pointed_back_blames_no_one(pipeline):
    text = "Россия ввела санкции против Турции. Лавров назвал этот шаг вынужденным."
    assert ("ACCUSE", "RUS", "RUS") not in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a response or a judgement voiced harshly (verb + adverb frames), both aspects
        ("Путин жёстко ответил Байдену.", ("ACCUSE", "RUS", "USA")),
        ("Путин резко отреагировал на заявление Байдена.", ("ACCUSE", "RUS", "USA")),
        ("Путин негативно отозвался о решении Минска.", ("ACCUSE", "RUS", "BLR")),
        ("Путин резко высказывается в адрес Вашингтона.", ("ACCUSE", "RUS", "USA")),
        ("Путин отрицательно оценил решение Минска.", ("ACCUSE", "RUS", "BLR")),
        ("Путин критически оценивает политику США.", ("ACCUSE", "RUS", "USA")),
    ],
)
def test_harsh_responses(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_a_harsh_response_and_its_converb_are_one_act(pipeline):
    events = code(pipeline, "Путин резко отреагировал на заявление Байдена, заявив, что оно "
                            "недопустимо.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("ACCUSE", "RUS", "USA")]


def test_an_answer_is_no_accusation(pipeline):
    assert "ACCUSE" not in {t for t, _, _ in sides(code(
        pipeline, "Путин ответил на вопрос американского журналиста."))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a judgement voiced favourably: praise (SUPPORT 051), both aspects
        ("Путин положительно оценил решение Минска.", ("SUPPORT", "RUS", "BLR")),
        ("Путин позитивно оценивает роль Китая.", ("SUPPORT", "RUS", "CHN")),
        ("Путин тепло отозвался о Назарбаеве.", ("SUPPORT", "RUS", "KAZ")),
    ],
)
def test_favourable_judgements(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))

