"""Sides found by grammatical form: coordinated doers, participles, relative clauses,
converbs (made-up sentences)."""

import dataclasses

import pytest

from relata.events.arguments import Tree, slot
from relata.sources import parse_text

from conftest import code, sides


def both(*events):
    """Mutual acts, matched in either direction."""
    return {*events, *((t, b, a) for t, a, b in events)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated doers of a mutual act with a partner named: each with the partner
        ("Лидеры Германии и Франции встретились с Путиным.",
         both(("CONSULT", "DEU", "RUS"), ("CONSULT", "FRA", "RUS"))),
        ("Россия и Китай договорились с Ираном о сотрудничестве.",
         both(("AGREE", "RUS", "IRN"), ("AGREE", "CHN", "IRN"))),
        ("Франция и Германия подписали соглашение с Украиной.",
         both(("SUPPORT", "FRA", "UKR"), ("SUPPORT", "DEU", "UKR"))),
        # with no partner, or only a place, the doers' act is mutual between them
        ("Россия и Китай договорились о сотрудничестве.",
         both(("AGREE", "RUS", "CHN"))),
        ("Путин и Эрдоган встретились в Сочи.",
         both(("CONSULT", "RUS", "TUR"))),
        ("Переговоры между Украиной и Азербайджаном прошли в Баку.",
         both(("CONSULT", "UKR", "AZE"))),
    ],
)
def test_coordinated_doers(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `который` that can only be nominative (a person's) is the subject, the name after
        # the verb its object
        ("Помощник министра США, который в среду посетил Белград, заявил о поддержке.",
         {("CONSULT", "USA", "SRB")}),
        ("Министр Франции, который вчера посетил Москву, заявил о поддержке.",
         {("CONSULT", "FRA", "RUS")}),
        # an inanimate `который` may be the object: the name after the verb is the subject
        ("Закон, который принял парламент Грузии, осудила Россия.", {("ACCUSE", "RUS", "GEO")}),
        ("Премьер Индии, которого критикует Пакистан, прибыл в Москву.",
         {("ACCUSE", "PAK", "IND"), ("CONSULT", "IND", "RUS")}),
        # a plural noun is no subject of a verb in the singular (by its ending, whatever the
        # tagger says): the object; the subject is the clause's above
        ("Насер настроил против себя Британию, после того как национализировал британские "
         "компании.", {("COERCE", "EGY", "GBR")}),
        # ... it is the subject of the plural verb after it
        ("Санкара сбежал в США, власти Перу добиваются от Вашингтона его экстрадиции.",
         {("REQUEST", "PER", "USA")}),
    ],
)
def test_agreement(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle before its noun: the instrumental between them is its agent, the noun
        # it agrees with what the act was done to, wherever the parser hung them
        ("Тегеран ввел санкции в ответ на сбитый американскими ВВС иранский самолет.",
         {("SANCTION", "IRN", "USA"), ("ASSAULT", "USA", "IRN")}),
        ("Египет осудил нанесенные Израилем удары по Газе.",
         {("ACCUSE", "EGY", "ISR"), ("ASSAULT", "ISR", "PSE")}),
        ("Пекин раскритиковал одобренные Конгрессом США санкции против Китая.",
         {("ACCUSE", "CHN", "USA"), ("SANCTION", "USA", "CHN")}),
    ],
)
def test_participle_phrase(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `со стороны` on the verb an act noun is the subject of names the act's doer
        ("Со стороны России последовали угрозы в адрес Украины.",
         {("THREATEN", "RUS", "UKR")}),
        ("Со стороны Китая прозвучала критика в адрес США.", {("ACCUSE", "CHN", "USA")}),
        ("Критика в адрес Вашингтона прозвучала со стороны Пекина.",
         {("ACCUSE", "CHN", "USA")}),
        # on the noun itself, as before
        ("Угрозы со стороны КНДР в адрес Южной Кореи усилились.",
         {("THREATEN", "PRK", "KOR")}),
    ],
)
def test_doer_beside_the_verb(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "participle", "wrong", "doer"),
    [
        # after a comma, a participle's doer is the noun before it that it agrees with in
        # number and case, though the parser hung it on a noun of the clause before
        ("Он получил звание и возглавил отряды курдов, начавших наступление на Мосул.",
         "начавших", "звание", "курдов"),
        ("Министр осудил действия военных, обстрелявших сектор Газа.",
         "обстрелявших", "Министр", "военных"),
    ],
)
def test_participle_hung_elsewhere(pipeline, text, participle, wrong, doer):
    sentence = pipeline([parse_text(f" date 2016-05-01 {text}", "t")])[0].sentences[0]
    tokens = list(sentence.tokens)
    words = [t.text for t in tokens]
    i, j = words.index(participle), words.index(wrong)
    tokens[i] = dataclasses.replace(tokens[i], head=j + 1)  # hung on the wrong noun
    tree = Tree(tokens, [])
    assert [tree.tokens[k].text for k in slot(tree, i, "subject")] == [doer]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a converb's doer is its verb's subject, even beside a verb whose object does what
        # its infinitive says; and what it tells was done, not asked
        ("Встретившись с Си Цзиньпином, Байден призвал Пекин осудить Россию.",
         {("CONSULT", "USA", "CHN", "factual"), ("REQUEST", "USA", "CHN", "factual"),
          ("ACCUSE", "CHN", "RUS", "hypothetical")}),
        ("Посетив Киев, Макрон призвал Москву начать переговоры.",
         {("CONSULT", "FRA", "UKR", "factual"), ("REQUEST", "FRA", "RUS", "factual")}),
    ],
)
def test_converb_beside_an_appeal(pipeline, text, expected):
    assert {(e.type, e.source.country, e.target and e.target.country, e.modality)
            for e in code(pipeline, text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `как и X` between the subject and the verb: X does the same
        ("Германия, как и Франция, призвала Россию прекратить огонь.",
         {("REQUEST", "DEU", "RUS"), ("REQUEST", "FRA", "RUS")}),
        # `не только X, но и Y`: Y a second subject, not the object
        ("Не только Россия, но и Китай осудили удары США по Сирии.",
         {("ACCUSE", "RUS", "USA"), ("ACCUSE", "CHN", "USA"), ("ASSAULT", "USA", "SYR")}),
        ("Как Россия, так и Китай осудили удары США по Сирии.",
         {("ACCUSE", "RUS", "USA"), ("ACCUSE", "CHN", "USA"), ("ASSAULT", "USA", "SYR")}),
    ],
)
def test_correlative_doers(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase of an act noun hung on the noun's verb, no act word of its own
        ("Визит Путина и Лукашенко в Китай завершился.",
         {("CONSULT", "RUS", "CHN"), ("CONSULT", "BLR", "CHN")}),
        ("Визит Путина завершился в Пекине.", {("CONSULT", "RUS", "CHN")}),
        ("Удар Израиля пришелся на Газу.", {("ASSAULT", "ISR", "PSE")}),
    ],
)
def test_noun_phrase_on_its_verb(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who fears an act that names no target is its target
        ("Грузия опасается нападения со стороны России.", {("ASSAULT", "RUS", "GEO")}),
        ("Израиль ожидает ракетных ударов со стороны Ирана.", {("ASSAULT", "IRN", "ISR")}),
        # the act's own target first
        ("Москва опасается удара США по Ирану.", {("ASSAULT", "USA", "IRN")}),
    ],
)
def test_feared_act(pipeline, text, expected):
    assert sides(code(pipeline, text)) == expected
