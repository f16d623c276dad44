"""Acts of organs of law told otherwise than by an active verb with a named organ (issue 14,
round 9): nouns whose doer goes unnamed (`rules.patients_state`, `rules.undergone_by_subject`,
the `undergone-slots` of predicates/00-valency.yaml, the `patients-state` policy of
ontology.yaml), coordinated passives (`rules.coordinated_organ`), a future's infinitive
(`sides.agentless`), and the words added for trials, acquittals, sentences, the dock and the
wanted list (11-disapprove.yaml, 17-coerce.yaml). Sentences written for these tests."""

import pytest

from relata.events.lexicon import load
from relata.events.ontology import load_ontology
from test_noun_valency import problems_of

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of custody in a phrase of time of the verb: its subject underwent it
        ("Оппозиционер Алексей Навальный вышел на свободу после 15 суток административного "
         "ареста.", ("COERCE", "RUS", "RUS")),
        ("Оппозиционер Алексей Навальный находится под домашним арестом.",
         ("COERCE", "RUS", "RUS")),
        # a noun whose patient is its genitive or `в отношении`, no doer named
        ("Расследование в отношении Сильвио Берлускони начато в прошлом году.",
         ("ACCUSE", "ITA", "ITA")),
        ("Допрос Юлии Тимошенко продолжался пять часов.", ("ACCUSE", "UKR", "UKR")),
        ("В Киеве начался судебный процесс над Юлией Тимошенко.", ("COERCE", "UKR", "UKR")),
        # a verb with no subject: the case opened against a citizen
        ("Против Алексея Навального возбуждено новое уголовное дело.",
         ("ACCUSE", "RUS", "RUS")),
        # coordinated passives: the charge is the sentencing court's
        ("Бернард Мэдофф был обвинен в мошенничестве и приговорен к тюремному сроку.",
         ("COERCE", "USA", "USA")),
        ("Бернард Мэдофф был обвинен в мошенничестве и приговорен к тюремному сроку.",
         ("ACCUSE", "USA", "USA")),
        # the future: its auxiliary says no one is named
        ("Михаила Ходорковского будут судить заочно.", ("COERCE", "RUS", "RUS")),
        # the dock, acquittal, a sentence passed, the wanted list
        ("Бывший мэр Москвы Юрий Лужков оказался на скамье подсудимых.",
         ("COERCE", "RUS", "RUS")),
        ("Суд оправдал Алексея Навального.", ("ACCUSE", "RUS", "RUS")),
        ("Михаила Ходорковского осудили к восьми годам колонии.", ("ACCUSE", "RUS", "RUS")),
        ("МВД Украины объявило о розыске Виктора Януковича.", ("COERCE", "UKR", "UKR")),
        ("Наказание понесли министр культуры России и его заместитель.",
         ("COERCE", "RUS", "RUS")),
    ],
)
def test_acts_of_organs_of_law(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Бернард Мэдофф был обвинен в мошенничестве и приговорен к тюремному сроку.", "173"),
        ("Суд оправдал Алексея Навального.", "116"),
        ("Михаила Ходорковского осудили к восьми годам колонии.", "116"),
        ("Михаила Ходорковского будут судить заочно.", "173"),
    ],
)
def test_codes_of_legal_acts(pipeline, text, cameo):
    assert cameo in {e.cameo for e in code(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # another state named: whose organ held him is not told
        ("После ареста россиянина Олега Иванова Москва вызвала посла США.",
         ("COERCE", "RUS", "RUS")),
        # what is asked for is no act
        ("Алексей Навальный потребовал ареста Владимира Путина.", ("COERCE", "RUS", "RUS")),
        # `судя по`: judging, no trial
        ("Судя по заявлениям Кремля, Россия не отступит.", ("COERCE", "RUS", None)),
        # a release is by the captors, not by the state of the one released
        ("Боевики потребовали денег за освобождение гражданина США.",
         ("RETREAT", "USA", "USA")),
        # custody ended by a release the sentence tells is no act of its own
        ("Истек срок ареста Алексея Навального, и полиция России выпустила его на свободу.",
         ("COERCE", "RUS", "RUS")),
    ],
)
def test_no_wrong_legal_acts(pipeline, text, wrong):
    assert wrong not in sides(code(pipeline, text))


def test_condemning_stays_condemning(pipeline):
    """`осудить` is a verdict only with a term (`к`, `срок`): `осудила в прошлом году`."""
    events = code(pipeline, "Россия осудила в прошлом году действия США.")
    assert {e.cameo for e in events} == {"111"}


def test_undergone_slots_and_policy_are_data(tmp_path):
    lexicon, problems = load()
    assert problems == []
    assert "prep:после" in lexicon.undergone_slots
    assert lexicon.words["оправдать"].negative
    assert "173" in load_ontology().policy("patients-state").codes
    # round 14: a release only from custody or on bail (words/custody.txt)
    assert "0841" in load_ontology().policy("patients-state").codes
    found = problems_of(tmp_path, "undergone-slots:\n  - {slots: [genitive]}\n")
    assert any(p.startswith("v.yaml:2: an undergone slot is a preposition's") for p in found)


def test_grounds_of_a_charge_are_alleged(pipeline):
    """`по обвинению в`: the grounds of the arrest are alleged, no accusation of their own."""
    events = code(pipeline, "Алексея Навального задержали по обвинению в мошенничестве и "
                            "приговорили к пяти годам.")
    assert {e.cameo for e in events} == {"173", "116"}
