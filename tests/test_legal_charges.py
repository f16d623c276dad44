"""Round 14: charges told with no doer and acts of organs of law as a class (the
`charged-unnamed` and `patients-state` policies of ontology.yaml, words/charging.txt,
`rules.patients_state`, `policies.charges_told_passive_coerce`). Sentences written for these
tests."""

import pytest

from relata.events.ontology import load_ontology
from relata.events.words import words

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of charging with no subject: a third person plural, a reflexive passive
        ("Экс-президента Грузии обвинили в растрате государственных средств.",
         ("COERCE", "GEO", "GEO")),
        ("Бывший президент Перу обвиняется в получении взяток.", ("COERCE", "PER", "PER")),
        ("Бывшего министра обороны Армении обвиняют в растрате.", ("COERCE", "ARM", "ARM")),
        ("Бывшего премьер-министра Молдавии обвинят в превышении полномочий.",
         ("COERCE", "MDA", "MDA")),
        # a short participle, as before
        ("Бывший министр финансов Украины был обвинен в хищении.",
         ("COERCE", "UKR", "UKR")),
    ],
)
def test_charges_with_no_doer(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a state accused, not charged: no organ of its own accuses it
        ("Россию обвиняют во вмешательстве в выборы.", ("COERCE", "RUS", "RUS")),
        ("Россию обвиняют во вмешательстве в выборы.", ("ACCUSE", "RUS", "RUS")),
        ("Иран обвиняется в поставках оружия.", ("COERCE", "IRN", "IRN")),
        # a person told by name only may be charged abroad: whose organ is not told
        ("Алексея Петрова обвиняют в хищении данных кредитных карт.",
         ("COERCE", "RUS", "RUS")),
        # another state named: whose organ charges him is not told
        ("Экс-премьера Украины обвинили в сговоре с Россией.", ("COERCE", "UKR", "UKR")),
        # a noun of accusation is as often a politician's: no organ is implied
        ("Обвинения против бывшего президента Грузии прозвучали в парламенте.",
         ("ACCUSE", "GEO", "GEO")),
    ],
)
def test_no_charge_guessed(pipeline, text, wrong):
    assert wrong not in sides(code(pipeline, text))


def test_suspicion_stays_an_accusation(pipeline):
    """`подозревают`: suspicion is no formal charge; told with no doer, by the organ of the
    state of the one suspected."""
    events = code(pipeline, "Бывшего министра обороны Армении подозревают в растрате.")
    assert {(e.type, e.cameo) for e in events} == {("ACCUSE", "112")}
    assert ("ACCUSE", "ARM", "ARM") in sides(events)


def test_political_accusation_stays(pipeline):
    events = code(pipeline, "Лидер оппозиции Грузии обвинил правительство в коррупции.")
    assert {e.type for e in events} == {"ACCUSE"}


def test_charges_are_data():
    assert {"обвинить", "обвинять", "обвиняться"} <= words("charging")
    assert "подозревать" not in words("charging")
    assert "112" in load_ontology().policy("patients-state").codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # released on bail or out of custody, no doer named: the organ of his state
        ("Бывший мэр Тбилиси выпущен под залог.", ("RETREAT", "GEO", "GEO")),
        ("Лидер турецкой оппозиции освобожден из тюрьмы.", ("RETREAT", "TUR", "TUR")),
        ("Бывшего губернатора Кировской области выпустили из колонии досрочно.",
         ("RETREAT", "RUS", "RUS")),
        ("Бывший министр обороны Армении освобожден под подписку о невыезде.",
         ("RETREAT", "ARM", "ARM")),
        # the organ named, or the place
        ("Суд Египта освободил под залог бывшего министра обороны страны.",
         ("RETREAT", "EGY", "EGY")),
        ("Бывший премьер-министр Пакистана выпущен под залог в Исламабаде.",
         ("RETREAT", "PAK", "PAK")),
    ],
)
def test_releases_from_custody(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # hostages go free by their captors' act, not their own state's
        ("Освобождение заложников из Израиля стало итогом переговоров.",
         ("RETREAT", "ISR", "ISR")),
        # going out oneself is no release told: the arrest undergone is the act
        ("Бывший мэр Тбилиси вышел из изолятора после ареста.", ("RETREAT", "GEO", "GEO")),
    ],
)
def test_no_release_guessed(pipeline, text, wrong):
    assert wrong not in sides(code(pipeline, text))


def test_custody_is_data():
    assert {"залог", "тюрьма", "сизо"} <= words("custody")
    assert "свобода" not in words("custody")
    assert "0841" in load_ontology().policy("patients-state").codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an organ of law charges with the verb: persons, firms and officials alike
        ("Генпрокуратура Казахстана обвинила бывшего главу Национального банка в хищении.",
         ("COERCE", "173")),
        ("Прокуратура Германии обвинила бывшего министра обороны в коррупции.",
         ("COERCE", "173")),
        ("Следственный комитет обвиняет российского бизнесмена в мошенничестве.",
         ("COERCE", "173")),
        # a state named alone is accused, not charged
        ("Прокуратура Германии обвинила Россию в кибератаке на бундестаг.", ("ACCUSE", "112")),
        # a politician's accusation stays one
        ("Лидер оппозиции Грузии обвинил правительство в коррупции.", ("ACCUSE", "1121")),
    ],
)
def test_charges_by_organs_of_law(pipeline, text, expected):
    assert expected in {(e.type, e.cameo) for e in code(pipeline, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the act one is suspected or accused of, told by a reflexive passive: the subject did it
        ("В нападении на посольство США подозреваются иракские боевики.",
         ("ASSAULT", "IRQ", "USA")),
        ("Иран обвиняется в поставках оружия хуситам.", ("COOPERATE", "IRN", "HOUTHI")),
        ("В отравлении журналиста подозревается бывший сотрудник полиции Мексики.",
         ("ASSAULT", "MEX", "MEX")),
    ],
)
def test_suspects_did_the_act(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_reflexive_charges_are_data():
    assert {"подозреваться", "обвиняться"} <= words("charged-with")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person told by the people he belongs to (a bare genitive of words/citizens.txt):
        # one of the state's own
        ("Полиция Кении задержала лидера оппозиции.", ("COERCE", "KEN", "KEN")),
        ("Полиция Турции задержала представителей оппозиции.", ("COERCE", "TUR", "TUR")),
        ("Суд Москвы приговорил главу компании к пяти годам.", ("ACCUSE", "RUS", "RUS")),
    ],
)
def test_people_told_by_their_group(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


def test_group_of_a_state_is_no_domestic_target(pipeline):
    """`лидера Рабочей партии Курдистана`: the genitive names an actor of its own."""
    assert ("COERCE", "TUR", "TUR") not in sides(code(
        pipeline, "Полиция Турции задержала лидера Рабочей партии Курдистана."))
