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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a seat of power in the locative, the verb in the third person plural: any organ of
        # a state, or an international body, as well as a government
        ("В Госдуме потребовали от Киева прекратить обстрелы Донбасса.",
         ("REQUEST", "RUS", "UKR")),
        ("В Еврокомиссии оказали помощь Молдавии.", ("AID", "EU", "MDA")),
        ("В Пентагоне заявили о выводе войск из Ирака.", ("RETREAT", "USA", "IRQ")),
        # a passive whose subject is what the seat decides or weighs
        ("В Кремле было принято решение о введении санкций против Турции.",
         ("SANCTION", "RUS", "TUR")),
        ("Ранее в парламенте Австралии обсуждалась возможность ужесточения санкций против "
         "Ирана.", ("SANCTION", "AUS", "IRN")),
        ("В Лондоне было принято решение о высылке российских дипломатов.",
         ("SANCTION", "GBR", "RUS")),
    ],
)
def test_seat_as_subject(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        # the noun names a doer of its own; a place where a deal was signed is no doer
        "В Москве было принято к сведению решение Лондона о высылке дипломатов.",
        "В Вене было подписано соглашение о прекращении огня.",
        # a noun's act under a verb that only talks about it is not the seat's
        "В Кремле осудили удар по Донецку.",
        "В МИД Австрии осудили удар по Газе.",
    ],
)
def test_seat_not_subject(pipeline, text):
    assert not any(e.source.country in ("RUS", "AUT") and e.type != "ACCUSE"
                   for e in code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act an effort is by way of (`по`) is the act of who makes the effort
        ("Журналисты писали об усилиях Москвы по поддержке Асада.",
         ("SUPPORT", "RUS", "SYR")),
        ("Он рассказал о мерах Евросоюза по оказанию помощи Украине.", ("AID", "EU", "UKR")),
        ("Эксперты обсуждают планы США по размещению ракет в Польше.",
         ("MOBILIZE", "USA", "POL")),
    ],
)
def test_effort_by_way_of(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a right had or kept (`words/having.txt`): the infinitive's act is the holder's, a
        # possibility (hypothetical), not an act done
        ("Москва имеет полное право ввести санкции против Вашингтона.",
         ("SANCTION", "RUS", "USA", "hypothetical")),
        ("Китай оставляет за собой право ввести ответные пошлины против США.",
         ("SANCTION", "CHN", "USA", "hypothetical")),
    ],
)
def test_right_had(pipeline, text, expected):
    assert expected in {(*side, e.modality) for e in code(pipeline, text)
                        for side in sides([e])}


def test_right_criticised_is_not_the_critic(pipeline):
    """Only verbs of having lend their subject: a right criticised is its holder's."""
    found = sides(code(pipeline, "Россия критикует право США вводить санкции против Ирана."))
    assert ("SANCTION", "RUS", "IRN") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the instrumental agent tagged as a dative object (`iobj`), with its conjunct
        ("Помощь Украине была оказана Японией и Канадой.",
         {("AID", "JPN", "UKR"), ("AID", "CAN", "UKR")}),
        # a passive verb's `против` phrase hung on its agent, a name
        ("Санкции вводятся Евросоюзом против России с 2014 года.",
         {("SANCTION", "EU", "RUS")}),
    ],
)
def test_passive_misparsed(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected
