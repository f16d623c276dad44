"""Round 11, CAMEO 01-08 by class: made-up sentences, one or more per word of each class
(the challenge set tests/data/challenge/coop.tsv holds the longer news sentences)."""

import pytest

from conftest import code


def coded(pipeline, text):
    return {(e.type, e.cameo, e.source.country or e.source.code,
             e.target and (e.target.country or e.target.code), e.modality)
            for e in code(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # 085: every easing verb with every trade barrier, the target told by the goods
        ("США отменили пошлины на китайские товары.", ("RETREAT", "085", "USA", "CHN", "factual")),
        ("Китай снизил пошлины на австралийское вино.",
         ("RETREAT", "085", "CHN", "AUS", "factual")),
        ("Вашингтон не станет снимать пошлины на канадскую сталь.",
         ("RETREAT", "085", "USA", "CAN", "negated")),
        ("Индия ослабила квоты на импорт бангладешского риса.",
         ("RETREAT", "085", "IND", "BGD", "factual")),
        ("Отмена Турцией пошлин на иранские товары вступила в силу.",
         ("RETREAT", "085", "TUR", "IRN", "factual")),
        # 086: monitors admitted by every verb of admitting, the monitors an object or dative
        ("Белоруссия допустила наблюдателей ОБСЕ на выборы.",
         ("RETREAT", "0862", "BLR", "OSCE", "factual")),
        ("Сирия разрешила инспекторам ОЗХО посетить склад.",
         ("RETREAT", "086", "SYR", "OPCW", "factual")),
        ("Судан позволил миротворцам ООН войти в Дарфур.",
         ("RETREAT", "086", "SDN", "UNPKO", "factual")),
        # 0842: property returned
        ("Россия вернула Украине три катера.", ("RETREAT", "0842", "RUS", "UKR", "factual")),
        ("Германия вернула Нигерии бронзовые реликвии.",
         ("RETREAT", "0842", "DEU", "NGA", "factual")),
        # 0841: people released, more nouns of people held
        ("Власти Ирана освободили британского туриста.",
         ("RETREAT", "0841", "IRN", "GBR", "factual")),
        ("Венесуэла освободила американского бизнесмена.",
         ("RETREAT", "0841", "VEN", "USA", "factual")),
    ],
)
def test_yield_classes(pipeline, text, event):
    assert event in coded(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Правительство снизило квоты на вылов рыбы.",  # a barrier on no foreign side
        "Министр допустил ошибку в расчетах.",  # `допустить` is no admission of monitors
    ],
)
def test_yield_classes_no_event(pipeline, text):
    assert not {e for e in code(pipeline, text) if e.type == "RETREAT"}


@pytest.mark.parametrize(
    ("text", "source", "target", "absent"),
    [
        # a noun of will (`намерение`, `готовность`, `желание`, `стремление`) makes its
        # infinitive's act intended, so AGREE 03x, not the act done
        ("Россия выразила намерение наладить сотрудничество с Мали.", "RUS", "MLI", "COOPERATE"),
        ("Израиль выразил готовность освободить палестинских заключенных.", "ISR", "PSE",
         "RETREAT"),
        ("США выразили желание помочь Украине.", "USA", "UKR", "AID"),
        ("Индия подтвердила стремление расширить сотрудничество с Ираном.", "IND", "IRN",
         "COOPERATE"),
    ],
)
def test_will_nouns_are_intent(pipeline, text, source, target, absent):
    events = code(pipeline, text)
    agree = [e for e in events if e.type == "AGREE"]
    assert agree and all(e.modality == "intended" for e in agree)
    assert agree[0].source.country == source
    if target:
        assert agree[0].target.country == target
    assert absent not in {e.type for e in events}


def test_one_agree_a_sentence_for_two_sides(pipeline):
    """The readiness and the aid it is readiness for are one intent to cooperate."""
    events = code(pipeline, "Китай заявил о готовности оказать помощь Пакистану.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("AGREE", "CHN", "PAK")]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # readiness for talks told by the predicative adjective: AGREE 036, intended
        ("Пекин готов к переговорам с Вашингтоном.",
         ("AGREE", "036", "CHN", "USA", "intended")),
        ("Армения готова к консультациям с Азербайджаном.",
         ("AGREE", "036", "ARM", "AZE", "intended")),
        ("Москва не готова к встрече с Киевом.", ("AGREE", "036", "RUS", "UKR", "negated")),
        ("Сеул готов к диалогу с Пхеньяном.", ("AGREE", "036", "KOR", "PRK", "intended")),
    ],
)
def test_ready_for_talks(pipeline, text, event):
    assert event in coded(pipeline, text)


def test_ready_for_no_talks(pipeline):
    assert not code(pipeline, "Киев готов к обороне.")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # a wish to meet or negotiate is AGREE 036 (CAMEO: express intent to meet)
        ("Премьер Греции хотел бы провести переговоры с МВФ.", ("AGREE", "036", "GRC", "IMF")),
        ("Токаев выразил желание встретиться с Лукашенко.", ("AGREE", "036", "KAZ", "BLR")),
        ("Пекин стремится к диалогу с Вашингтоном.", ("AGREE", "036", "CHN", "USA")),
        ("Токио заинтересован в переговорах с Сеулом.", ("AGREE", "036", "JPN", "KOR")),
        # a plan or an announced intention is a meeting to come, not a stated wish
        ("Путин планирует встретиться с Си Цзиньпином.", ("CONSULT", "040", "RUS", "CHN")),
        ("Канцлер Австрии намерен встретиться с президентом Сербии.",
         ("CONSULT", "040", "AUT", "SRB")),
    ],
)
def test_wish_to_meet(pipeline, text, event):
    assert event in [e[:4] for e in coded(pipeline, text)]


def test_wish_for_no_talks(pipeline):
    assert "AGREE" not in {e.type for e in code(pipeline, "Россия стремится к господству.")}


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # 063: a wanted person handed over; 064: information handed over or shared
        ("Казахстан выдал России беглого олигарха.", ("COOPERATE", "063", "KAZ", "RUS", "factual")),
        ("Испания выдала США российского хакера.", ("COOPERATE", "063", "ESP", "USA", "factual")),
        ("Израиль передал США сведения о планах Ирана.",
         ("COOPERATE", "064", "ISR", "USA", "factual")),
        ("Франция предоставила Украине разведданные.",
         ("COOPERATE", "064", "FRA", "UKR", "factual")),
        ("Турция поделилась данными с Азербайджаном.",
         ("COOPERATE", "064", "TUR", "AZE", "factual")),
        # 060: every verb of widening cooperation
        ("Беларусь наращивает сотрудничество с Россией.",
         ("COOPERATE", "060", "BLR", "RUS", "factual")),
    ],
)
def test_cooperate_classes(pipeline, text, event):
    assert event in coded(pipeline, text)


def test_issued_to_citizens_is_no_extradition(pipeline):
    assert not code(pipeline, "Россия выдала гражданам Абхазии паспорта.")


@pytest.mark.parametrize(
    ("text", "mediator", "sides"),
    [
        # 045: `при посредничестве X` on an act is X's mediation with each who does the act
        ("Лавров встретился с Чавушоглу при посредничестве ООН.", "UN", {"RUS", "TUR"}),
        ("Россия и Украина обменялись пленными при посредничестве Катара.", "QAT",
         {"RUS", "UKR"}),
        ("Переговоры Армении и Азербайджана прошли при посредничестве России.", "RUS",
         {"ARM", "AZE"}),
    ],
)
def test_mediated_sides(pipeline, text, mediator, sides):
    found = {(e.source.country or e.source.code, e.target.country or e.target.code)
             for e in code(pipeline, text) if e.cameo == "045"}
    assert found == {(mediator, side) for side in sides}


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # 073: relief goods sent, brought, handed over or out
        ("Германия направила в Пакистан медикаменты и палатки.", "DEU", "PAK"),
        ("Россия доставила в Сирию лекарства.", "RUS", "SYR"),
        ("Япония отправила продовольствие в Северную Корею.", "JPN", "PRK"),
        ("ООН начала раздачу продовольствия жителям Гаити.", "UN", "HTI"),
    ],
)
def test_relief_goods(pipeline, text, source, target):
    assert ("AID", "073", source, target, "factual") in coded(pipeline, text)


def test_relief_by_no_state(pipeline):
    assert not code(pipeline, "Врачи раздали лекарства жителям деревни.")


def test_one_aid_a_sentence_for_two_states(pipeline):
    """Aid told twice, the second time naming a sector (`больницы`: UKRHLH), is one aid."""
    events = code(pipeline, "Турция оказала Сирии гуманитарную помощь: в больницы Алеппо "
                            "доставлены медикаменты.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("AID", "TUR", "SYR")]
