"""Accusations, demands and praise in reported speech, and the word lists that drive them."""

import itertools

import pytest

from relata.actors import ResolveActors
from relata.datafile import Problems
from relata.events import CodeEvents
from relata.events.lexicon import load_lexicon
from relata.events.speech import KINDS, load_speech, read_words
from relata.language import DetectLanguage, RussianNLP
from relata.pipeline import Pipeline
from relata.sources import parse_text

from conftest import ROOT

MINI = ROOT / "tests" / "data" / "predicates-mini.yaml"


@pytest.fixture(scope="module")
def coder():  # the mini lexicon has no reporting verbs: what is found here comes from speech
    return Pipeline([DetectLanguage(), RussianNLP(), ResolveActors(),
                     CodeEvents(lexicon=load_lexicon((MINI,)))])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Кремль считает, что США спонсировали «цветные революции» и вмешательство в дела "
         "соседей.", [("ACCUSE", "112", "RUSGOV", "USA", "factual")]),
        ("Главы МИД РФ и КНР охарактеризовали инициативу Вашингтона как недопустимое "
         "вмешательство.",  # both heads speak: each accuses
         [("ACCUSE", "111", "RUSGOV", "USAGOV", "factual"),
          ("ACCUSE", "111", "CHN", "USAGOV", "factual")]),
        # the minister with his remit is his state's government (heads.yaml)
        ("Путин стремится ослабить Евросоюз, считает министр иностранных дел Украины.",
         [("ACCUSE", "112", "UKRGOV", "RUSGOV", "factual")]),
        ("Госсекретарь США называет Россию важным партнером.",
         [("SUPPORT", "051", "USA", "RUS", "factual")]),
        ("Лавров заявил, что встреча с Керри прошла в Женеве.", []),  # no blame, no praise
        ("Лавров заявил, что угроза терроризма растет.", []),  # blame, but of no other actor
        ("Лавров не считает, что Вашингтон вмешивается в дела Сирии.",
         [("ACCUSE", "112", "RUSGOV", "USAGOV", "negated")]),
        # the content's own predicate is the wrongful act; its subject is the one blamed
        ("Официальный представитель иранского МИД ответил, что Британия распускает слухи, лжёт "
         "и вмешивается во внутренние дела Ирана.",
         [("ACCUSE", "112", "IRNGOV", "GBR", "factual")]),
        ("Лавров сказал, что Украина виновна в срыве переговоров.",
         [("ACCUSE", "112", "RUSGOV", "UKR", "factual")]),
        ("Лукашенко сказал, что ответственность за это лежит на литовских властях.",
         [("ACCUSE", "112", "BLRGOV", "LTUGOV", "factual")]),
        # a headline `X: «…»`, and the kind of blame CAMEO names apart
        ("Эво Моралес: «США и Колумбия провоцируют войну в регионе»",
         [("ACCUSE", "1123", "BOLGOV", "USA", "factual"),
          ("ACCUSE", "1123", "BOLGOV", "COL", "factual")]),
        ("Пентагон: Россия стоит за атакой на спутник",
         [("ACCUSE", "112", "USAMIL", "RUS", "factual")]),
        ("Сирия: США атаковали аэродром",  # a dateline: a place, no quote, no speaker
         [("ASSAULT", "190", "USA", "SYR", "factual")]),
        ("В заявлении МИД России говорится, что США нарушают договор.",
         [("ACCUSE", "112", "RUSGOV", "USA", "factual")]),
        ("По словам Лаврова, Вашингтон нарушает договор о ракетах средней и меньшей дальности.",
         [("ACCUSE", "112", "RUSGOV", "USAGOV", "factual")]),
        # the speaker's own acts, or acts said not to have been done, blame no one
        ("Заместитель главы турецкого МИД Мехмет Кылыч заявил: «Турция не намеревалась и не "
         "намерена никоим образом вмешиваться во внутренние дела Армении».", []),
        ("Лавров заявил, что США не нарушали договор.", []),
        # demands: what another actor must, should or is hoped to do
        ("Олланд подчеркнул, что ООН и ОБСЕ должны теснее взаимодействовать во всех горячих "
         "точках.", [("REQUEST", "100", "FRAGOV", "UN", "factual"),
                     ("REQUEST", "100", "FRAGOV", "OSCE", "factual")]),
        ("Лавров заявил, что Киеву следует выполнить минские соглашения.",
         [("REQUEST", "100", "RUSGOV", "UKRGOV", "factual")]),
        ("Олланд заявил, что он надеется на то, что Нидерланды пересмотрят свою позицию в "
         "вопросе мигрантов.", [("REQUEST", "100", "FRAGOV", "NLD", "factual")]),
        ("Лавров заявил, что Россия должна ответить.", []),  # of itself: no demand
        ("Лавров заявил, что необходимые меры приняты.", []),  # no obligation of anyone
        ("Иначе говоря, Турция надеется, что Нидерланды пересмотрят свою позицию.", []),  # a wish
        # a duty denied blames; the speaker's own debt does not
        ("Киев считает, что Москва задолжала ему за хранение российской нефти в Венгрии 300 "
         "млн евро, а Россия уверена, что Украина не оплатила ту же сумму за уже полученный "
         "газ.", [("ACCUSE", "112", "UKRGOV", "RUSGOV", "factual"),
                  ("ACCUSE", "112", "RUS", "UKR", "factual")]),
        # what is called so, done by no one named: not the first actor named after it, but
        # no one (round 10: an accusation with no target, as the annotation guide codes it)
        ("Франция назвала это решение «серьезной эскалацией» конфликта между ливийским "
         "правительством и ополченцами, противостоящими маршалу Халифе Хафтару.",
         [("ACCUSE", "112", "FRA", None, "factual")]),
        # a blame word describing the speech is no doer: who is spoken of is blamed
        ("В целом эксперты отметили, что в этом месяце Эрдоган вел себя спокойнее, чем "
         "прежде, и избегал агрессивных высказываний в адрес Израиля и Греции.",
         [("ACCUSE", "1123", "TURGOV", "ISR", "negated"),
          ("ACCUSE", "1123", "TURGOV", "GRC", "negated")]),
        ("Министр обороны Великобритании заявил, что Россия стоит за кибератаками на "
         "британские компании.", [("ACCUSE", "112", "GBRMIL", "RUS", "factual")]),
        ("Представитель МИД Ирана заявил, что Саудовская Аравия финансирует терроризм.",
         [("ACCUSE", "1121", "IRNGOV", "SAU", "factual")]),
        ("Президент Турции Эрдоган заявил, что Израиль совершает военные преступления в Газе.",
         [("ACCUSE", "1124", "TURGOV", "ISR", "factual")]),
        # a duty the speaker shares is a joint resolve, no demand of the others
        ("Меркель сказала, что Германия и Франция должны работать вместе.", []),
        # by hearsay a hostile act told is news of that act, no accusation by the teller
        ("По словам Минобороны, ВСУ атаковали Донецк.",
         [("ASSAULT", "190", "UKRMIL", None, "factual")]),
        # an analyst's view is no act, whatever nation names him; an official's is
        ("Британский политолог полагает, что Россия вмешивается в выборы.", []),
        ("Америка вмешивается во внутренние дела Китая, считает американский экономист.", []),
        ("Американский дипломат считает, что Греция нарушает правила еврозоны.",
         [("ACCUSE", "112", "USAGOV", "GRC", "factual")]),
        # what a speaker calls another's act or person: criticism or praise (CAMEO 111, 051)
        ("Макрон назвал решение Вашингтона ошибкой.",
         [("ACCUSE", "111", "FRAELI", "USAGOV", "factual")]),
        ("Песков назвал обвинения Лондона бредом.",
         [("ACCUSE", "111", "RUSGOV", "GBRGOV", "factual")]),
        ("Трамп назвал Путина выдающимся лидером.",
         [("SUPPORT", "051", "USAELI", "RUSGOV", "factual")]),
        ("Медведев назвал переговоры с Китаем прорывом.",
         [("SUPPORT", "051", "RUSGOV", "CHN", "factual")]),
        # a plea of guilt is no accusation
        ("Гражданин Украины Игорь Дмитренко в Германии признал себя виновным в совершении ряда "
         "мошенничеств.", []),
    ],
)
def test_reported_speech(coder, text, expected):
    events = coder([parse_text(f" date 2016-05-01 {text}", "t")])[0].events
    assert [(e.type, e.cameo, e.source.code, e.target and e.target.code, e.modality)
            for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a converb that says what its verb did: one act, coded by the lexicon's verb
        ("Госдеп осудил действия Москвы, назвав их провокацией.",
         [("ACCUSE", "USAGOV", "RUSGOV", "осудил")]),
        # blame said under a verb of the lexicon that codes it (`осуждает`): coded once
        ("Лавров заявил, что Россия осуждает агрессию Турции против Сирии.",
         [("ACCUSE", "RUS", "TUR", "осуждает"), ("ASSAULT", "TUR", "SYR", "агрессию")]),
    ],
)
def test_an_act_the_lexicon_codes_is_not_coded_again(text, expected):
    coder = Pipeline([DetectLanguage(), RussianNLP(), ResolveActors(), CodeEvents()])
    events = coder([parse_text(f" date 2016-05-01 {text}", "t")])[0].events
    assert [(e.type, e.source.code, e.target.code, e.trigger.text) for e in events] == expected


def test_builtin_word_lists_load():
    words = load_speech()
    assert {"считать", "назвать"} <= words.reporting
    assert "агрессия" in words.aggression and "партнер" in words.praise
    assert "должный" in words.demand and "надеяться" in words.hope


def test_each_blame_has_one_kind():
    words = load_speech()
    kinds = [getattr(words, kind) for kind, _ in KINDS]
    for a, b in itertools.combinations([*kinds, words.praise], 2):
        assert not a & b, a & b


def test_a_bad_word_list_names_file_and_line(tmp_path):
    path = tmp_path / "blame.txt"
    path.write_text("# comment\nагрессия\nдва слова!\nагрессия  # again\n", encoding="utf-8")
    problems = Problems()
    assert read_words(path, problems) == {"агрессия"}
    assert [(p.origin, p.reason) for p in problems] == [
        (f"{path}:3", "not a lemma: 'два слова!'"),
        (f"{path}:4", "'агрессия' repeated (first at line 2)"),
    ]
