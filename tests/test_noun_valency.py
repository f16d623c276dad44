"""Acts named by a noun: where a deverbal or light-verb noun finds its doer and the side it
acts on (`predicates/00-valency.yaml`: `noun-slots`, `receivers`; the rules
`arguments.participle_agent`, `arguments._stray_instrumental`, `rules.received_from`,
`rules.received_by`). Sentences written for these tests."""

import pytest

from relata.events.lexicon import load

from conftest import code, sides, write


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # received acts: the receiver is the target, `от` (or the noun's owner) the doer
        ("Грузия получила отказ от НАТО.", ("REJECT", "NATO", "GEO")),
        ("Израиль получил поддержку Вашингтона.", ("SUPPORT", "USA", "ISR")),
        ("Армения получала угрозы от Азербайджана.", ("THREATEN", "AZE", "ARM")),
        ("Сербия получила от Евросоюза отказ.", ("REJECT", "EU", "SRB")),
        ("Грузия подверглась нападению России.", ("ASSAULT", "RUS", "GEO")),
        ("Сирия подверглась авиаударам Израиля.", ("ASSAULT", "ISR", "SYR")),
        ("Турция столкнулась с санкциями США.", ("SANCTION", "USA", "TUR")),
        ("Иран подвергся критике со стороны Евросоюза.", ("ACCUSE", "EU", "IRN")),
        # the participle of a verb that does the act names its doer in the instrumental
        ("Начатая Израилем атака на Газу продолжалась неделю.", ("ASSAULT", "ISR", "PSE")),
        ("Предпринятое Турцией наступление на курдов осудили в Европе.",
         ("ASSAULT", "TUR", None)),
        # an agent in the instrumental between the noun and its genitive patient
        ("Посол вернулся в Тегеран после захвата в октябре иранскими военными британского "
         "судна.", ("COERCE", "IRN", "GBR")),
        ("Переговоры начались после задержания в Москве российскими силовиками гражданина "
         "США.", ("COERCE", "RUS", "USA")),
        ("После ареста американскими властями российского бизнесмена Москва выразила протест.",
         ("COERCE", "USA", "RUS")),
        # … or after the genitive, the parser hanging one on the other
        ("Оккупация Ираком Кувейта длилась семь месяцев.", ("COERCE", "IRQ", "KWT")),
        ("Освобождение украинских моряков Россией стало сигналом.", ("RETREAT", "RUS", "UKR")),
        # a light verb's nominalization takes the verb's pair, its doer as a noun's
        ("Франция объявила о выделении Мали кредита.", ("AID", "FRA", "MLI")),
        ("Нанесение Израилем ударов по Газе продолжается.", ("ASSAULT", "ISR", "PSE")),
        ("Объявление Турцией эмбарго против Израиля стало неожиданностью.",
         ("SANCTION", "TUR", "ISR")),
        ("Предоставление Украине американских кредитов продолжится.", ("AID", "USA", "UKR")),
        # a recipient in the dative hung on the noun's other phrase
        ("Помощь от Евросоюза Украине поступает регулярно.", ("AID", "EU", "UKR")),
        # people expelled from a state are expelled by it
        ("Депортация граждан Грузии из России началась осенью.", ("COERCE", "RUS", "GEO")),
        ("Высылка российских дипломатов из США стала ответом на кибератаки.",
         ("SANCTION", "USA", "RUS")),
        # an act a decision is about is the act of whose decision it is
        ("Решение Евросоюза о продлении санкций против России принято в пятницу.",
         ("SANCTION", "EU", "RUS")),
        ("Решение Вашингтона о выводе войск из Сирии удивило союзников.",
         ("RETREAT", "USA", "SYR")),
        # a phrase that names only the side aimed at leaves the genitive the doer
        ("Критика Вашингтона в адрес Пекина усилилась.", ("ACCUSE", "USA", "CHN")),
        ("Расследование ФБР в отношении России продолжается.", ("ACCUSE", "USA", "RUS")),
    ],
)
def test_sides_of_noun_acts(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a participle that only talks about the act does not name its doer
        ("Осужденный Японией бойкот продолжался месяц.", ("SANCTION", "JPN", None)),
        # an act noun as a verb's subject: its owner does the noun's act, not the verb's
        ("Российские санкции против Турции ударили по туризму.", ("ASSAULT", "RUS", "TUR")),
        ("Гуманитарная помощь России прибыла в Дамаск.", ("CONSULT", "RUS", "SYR")),
        # a thing received is no act (`получил письмо`), and a receiver is never the doer
        ("Грузия получила отказ от НАТО.", ("REJECT", "GEO", "NATO")),
        ("Армения получала угрозы от Азербайджана.", ("THREATEN", "ARM", "AZE")),
    ],
)
def test_no_wrong_doer_of_noun_acts(pipeline, text, wrong):
    assert wrong not in sides(code(pipeline, text))


def problems_of(tmp_path, text: str) -> list[str]:
    path = write(tmp_path / "v.yaml", text)
    _, problems = load([path])
    return [str(p).replace(str(path), "v.yaml") for p in problems]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("noun-slots:\n  - {side: doer, slots: [agent]}\n",
         "v.yaml:2: side must be one of source, target"),
        ("noun-slots:\n  - {side: source, slots: [owner]}\n",
         "v.yaml:2: unknown argument slot 'owner'"),
        ("noun-slots:\n  - {side: source, slots: [agent]}\n  - {side: source, slots: [genitive]}\n",
         "v.yaml:3: noun slots of the source given twice"),
        ("receivers:\n  - {verbs: [получить], source: [owner]}\n",
         "v.yaml:2: unknown argument slot 'owner'"),
        ("receivers:\n  - {verbs: [получить], source: [\"prep:от\"]}\n"
         "  - {verbs: [получить], source: [genitive]}\n",
         "v.yaml:3: a receiving verb is given once: 'получить' again"),
        ("receivers:\n  - {verbs: [получить]}\n", "v.yaml:2: missing field 'source'"),
        ("nominals:\n  - {noun: выделение, verbs: [выделить]}\n"
         "  - {noun: выделение, verbs: [выделить, выделять]}\n",
         "v.yaml:3: a nominal is a noun and its verbs, each pair once: 'выделить' again"),
        ("aimed-slots:\n  - {slots: [dative]}\n",
         "v.yaml:2: an aimed slot is a preposition's (prep:X), not 'dative'"),
        ("nominal-slots:\n  - {side: target, slots: [genitive]}\n",
         "v.yaml:2: side must be one of source, mutual"),
        ("nominal-slots:\n  - {side: mutual, slots: [owner]}\n",
         "v.yaml:2: unknown argument slot 'owner'"),
    ],
)
def test_valency_problems_name_file_and_line(tmp_path, text, problem):
    found = problems_of(tmp_path, text)
    assert any(p.startswith(problem) for p in found), found


def test_noun_entries_take_the_noun_slots_and_verbs_do_not():
    lexicon, problems = load()
    assert problems == []
    assert lexicon.words["визит"].source[-1] == "agent"  # after its own slots
    assert lexicon.light[("введение", "санкция")].source[-1] == "agent"
    assert "agent" not in lexicon.words["атаковать"].source
    assert lexicon.receivers["получать"].source == ("prep:от", "genitive", "adjective")
    assert lexicon.receivers["сталкиваться"].prep == "с"
    assert "prep:в адрес" in lexicon.aimed_slots


def test_nominals_take_the_verbs_pairs_and_keep_their_own():
    lexicon, _ = load()
    struck = lexicon.light[("нанесение", "удар")]
    assert (struck.type, struck.cameo) == ("ASSAULT", "190")
    assert "prep:по" in struck.target and "subject" not in struck.source
    talks = lexicon.light[("проведение", "переговоры")]
    assert talks.symmetric and talks.source[0] == "prep:между"
    # written for the noun: stays as written
    assert lexicon.light[("введение", "санкция")].where != \
        lexicon.light[("ввести", "санкция")].where
    # the verb's target is its subject (`получить помощь`): no noun of it
    assert ("получение", "помощь") not in lexicon.light
    # a verb may have two nouns
    assert {("приостановление", "поставка"), ("приостановка", "поставка")} <= set(lexicon.light)
