"""Sides that are not a plain subject or object noun: the noun a relative pronoun or a
participle stands for, a predicate noun's subject, arguments the parser hung elsewhere, and
demonstratives pointing back (issue 14, item 5)."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `который` as subject, through a predicate noun (`стал третьей страной, которая`)
        ("В прошлом году Никарагуа стала второй страной — после Панамы и Гамбии — которая "
         "разорвала отношения с Тайванем в пользу КНР.", {("SANCTION", "NIC", "TWN")}),
        ("Грузия стала первой страной, которая подписала соглашение с Евросоюзом.",
         {("SUPPORT", "GEO", "EU"), ("SUPPORT", "EU", "GEO")}),  # signed: mutual
        # `который` as object, its clause parsed as a clause of its own: the agreeing noun
        # before it
        ("В Белоруссии продолжается противостояние между президентом Александром Лукашенко и "
         "лидером оппозиции Светланой Тихановской, которую Литва и ряд стран признали "
         "избранным президентом.", {("SUPPORT", "LTU", "BLR")}),
        # `который` as object, the subject after the verb parsed as a second object
        ("Премьер Индии, которого критикует Пакистан, приехал в Кашмир.",
         {("ACCUSE", "PAK", "IND")}),
        ("Китай осудил санкции, которые ввели США против китайских компаний.",
         {("ACCUSE", "CHN", "USA"), ("SANCTION", "USA", "CHN")}),
        ("Президент Сирии, которого поддерживает Россия, выступил в Дамаске.",
         {("SUPPORT", "RUS", "SYR")}),
        # a plural `который` on coordinated nouns stands for all of them
        ("Резолюцию заблокировали Россия и Китай, которые осудили удары США по Сирии.",
         {("ACCUSE", "RUS", "USA"), ("ACCUSE", "CHN", "USA"), ("ASSAULT", "USA", "SYR")}),
        # `который` parsed as an object beside another: the one agreeing with the verb
        ("Министры иностранных дел Франции и Германии, которые посетили Киев, вернулись "
         "домой.", {("CONSULT", "FRA", "UKR"), ("CONSULT", "DEU", "UKR")}),
    ],
)
def test_relative_pronoun(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an active participle's doer is the noun it describes
        ("Китай, обвинивший США в агрессии, провел учения.", {("ACCUSE", "CHN", "USA")}),
        ("Напавшие на Сирию турецкие войска отступили.", {("ASSAULT", "TUR", "SYR")}),
        ("Украина стала страной, подписавшей соглашение с ЕС.", {("SUPPORT", "UKR", "EU"),
                                                                      ("SUPPORT", "EU", "UKR")}),
        # a passive one's object is its noun, its agent the instrumental
        ("Президент Сирии, обвиняемый Вашингтоном в применении химического оружия, отверг "
         "обвинения.", {("ACCUSE", "USA", "SYR")}),
    ],
)
def test_participle(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject coordinated by the parser with a noun of the clause above
        ("Движение «Талибан» заявило 5 августа, что американские и пакистанские войска "
         "атаковали в провинции лагерь, где талибы держали пленных полицейских.",
         {("ASSAULT", "USA", "TALIBAN"), ("ASSAULT", "PAK", "TALIBAN")}),
        # an act noun's genitive hung on the word above it
        ("Великобритания и Украина решили углублять сотрудничество в области подготовки "
         "военных кадров, обмена разведданными и других важных оборонных сферах на фоне "
         "продолжающейся российской оккупации украинских территорий.",
         {("COERCE", "RUS", "UKR")}),
    ],
)
def test_misplaced_arguments(pipeline, text, expected):
    assert sides(code(pipeline, text)) >= expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `последний`: the last actor named, not the subject above
        ("Лавров встретился с Керри, после чего последний обвинил Россию в агрессии.",
         ("ACCUSE", "USA", "RUS")),
        ("США ввели санкции против талибов, после чего те атаковали американскую базу.",
         ("ASSAULT", "TALIBAN", "USA")),
    ],
)
def test_demonstrative(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        # `это` stands for what happened, not for an actor
        "Правительство Сирии обвинило повстанцев, это вызвало протест в Европе.",
        # a participle that is no act, a relative clause that names no one
        "Россия, находящаяся в Европе, граничит с Китаем.",
        "Лидер оппозиции, которому удалось бежать, выступил в Москве.",
        # the singular `тот` is as often the topic: here the great-grandfather, no actor
        "В газеты попало письмо прадеда нынешнего премьер-министра Канады, в котором тот "
        "просит власти северной Италии не высылать его за отказ от воинской службы.",
    ],
)
def test_no_side_borrowed(pipeline, text):
    assert not any((source in ("RUS", "SYR") and target is None) or type_ == "REQUEST"
                   for type_, source, target in sides(code(pipeline, text)))
