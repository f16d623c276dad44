"""A surname alone names a dictionary person only when the person is known by it, or the
document names the person's state or the person in full (actors/surnames.py)."""

import pytest

from relata.actors.surnames import SURNAMES, SurnamesError, load_surnames
from relata.sources import parse_text


def mentions(pipeline, text):
    return pipeline([parse_text(text, "t")])[0].mentions


def country_of(pipeline, text, name):
    mention = next(m for m in mentions(pipeline, text) if m.text == name)
    return mention.actor.country if mention.actor else None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # a surname of an office holder of a state news covers thinly: anyone who bears it
        ("Врачи сообщили, что Роули был госпитализирован.", "Роули", None),
        ("Холнесс прибыл на встречу с бизнесменами.", "Холнесс", None),
        ("По словам соседей, Моттли уехала из города.", "Моттли", None),
        # … the person, where the document names the state
        ("Холнесс заявил, что Ямайка поддержит резолюцию.", "Холнесс", "JAM"),
        ("Марапе прибыл в Порт-Морсби. Власти Папуа — Новой Гвинеи встретили его.",
         "Марапе", "PNG"),
        # … or names the person in full, or with the office
        ("Эндрю Холнесс выступил в ООН. Холнесс призвал к переговорам.", "Холнесс", "JAM"),
        ("Премьер-министр Ямайки Холнесс выступил в ООН.", "Холнесс", "JAM"),
        # a leader news names by the surname alone
        ("Мугабе выступил с речью перед сторонниками.", "Мугабе", "ZWE"),
        ("Мадуро выступил с речью перед сторонниками.", "Мадуро", "VEN"),
        # an office holder of a state covered in depth
        ("Олбрайт выступила с речью перед студентами.", "Олбрайт", "USA"),
    ],
)
def test_surname_alone(pipeline, text, name, country):
    assert country_of(pipeline, text, name) == country


def test_no_state_in_focus_from_a_doubtful_surname(pipeline):
    found = mentions(pipeline, "Полиция утверждает, что Смитсон и Роули были отравлены.")
    assert all(m.actor is None or m.actor.country != "TTO" for m in found)


def test_resolve_says_the_same():
    from relata.coding import resolve

    alone, known, full = resolve(["Роули", "Мугабе", "Кит Роули"])
    assert alone is None
    assert known.actor.country == "ZWE" and full.actor.country == "TTO"
    [in_context] = resolve(["Холнесс"], context="Ямайка поддержала резолюцию.")
    assert in_context.actor.country == "JAM"


def test_the_builtin_file_names_known_countries_and_people():
    from relata.actors.load import load_dictionary

    d = load_dictionary()
    surnames = load_surnames(SURNAMES, frozenset(d.countries), frozenset(d.people))
    assert {"USA", "RUS", "CUB"} <= surnames.states
    assert "mugabe-robert" in surnames.people


def test_the_file_is_checked_on_load(tmp_path):
    path = tmp_path / "surnames.yaml"
    path.write_text("states:\n  - name: x\n    countries: [XXX, RUS, RUS]\n"
                    "people:\n  - name: y\n    ids: [nobody]\n", encoding="utf-8")
    with pytest.raises(SurnamesError) as error:
        load_surnames(path, frozenset({"RUS"}), frozenset({"putin-vladimir"}))
    text = str(error.value)
    assert "unknown country 'XXX'" in text and "'RUS' listed twice" in text
    assert "unknown person 'nobody'" in text


@pytest.mark.parametrize(
    ("phrase", "code", "person"),
    [
        # a state or adjective that is none of the dictionary person's: a namesake
        ("британский журналист Джон Сноу", "GBRMED", False),
        ("французский бизнесмен Джон Сноу", "FRABUS", False),
        # … one of the person's own: the person
        ("министр финансов США Джон Сноу", "USAGOV", True),
        ("президент Азербайджана Ильхам Алиев", "AZEGOV", True),
        ("российский президент Путин", "RUSGOV", True),
        # a former state tells no namesake
        ("советский министр Громыко", "SUNGOV", True),
    ],
)
def test_namesake_of_another_state(phrase, code, person):
    from relata.coding import resolve

    [found] = resolve([phrase], date=None)
    assert found.actor.code == code
    assert (found.actor.id is not None) == person


def test_the_surname_of_a_namesake_is_the_namesake(pipeline):
    found = mentions(pipeline, "Британский журналист Джон Сноу прибыл в Москву. "
                               "Сноу обвинил власти во лжи.")
    codes = {m.text: m.actor.code for m in found if m.kind == "PER"}
    assert codes["Сноу"] == codes["Британский журналист Джон Сноу"] == "GBRMED"
