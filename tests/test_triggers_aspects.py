"""Both aspects of a verb trigger alike (`00-aspects.yaml`): an entry written for one form
(`нанести удар`, `выступить против`) serves its partners (`наносит удар`, `выступает
против`), and a partner's own entry, or a verb kept out of the groups, stays as it is."""

import pytest

from relata.events.lexicon import load
from test_triggers_quantities import trigger_keys

from conftest import code, sides, write


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Турция устанавливает запрет на ввоз российской пшеницы.", "устанавливать запрет"),
        ("Россия настаивает на экстрадиции бизнесмена из Лондона.", "настаивать экстрадиция"),
        ("Германия выделяет Украине транш в 500 миллионов евро.", "выделять транш"),
        ("Польша выдворяет наблюдателей ОБСЕ.", "выдворять наблюдатель"),
        ("Власти Сирии принимают наблюдателей ООН.", "принимать наблюдатель"),
        ("Израиль открывает посольство в Абу-Даби.", "открывать посольство"),
        ("Европейцы подписывают протокол с Киевом.", "подписывать протокол"),
        ("Армия продолжает наносить ущерб инфраструктуре.", "наносить ущерб"),
    ],
)
def test_an_imperfective_triggers_as_its_perfective(pipeline, text, key):
    assert key in trigger_keys(pipeline, text)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Армения входит в состав ОДКБ.", "входить"),  # a state, not an act
        ("Премьер утверждает, что бюджет будет исполнен.", "утверждать"),  # "claims"
    ],
)
def test_a_verb_kept_out_of_the_groups_gets_no_entry(pipeline, text, verb):
    assert not any(k.startswith(verb + " ") for k in trigger_keys(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Торговля между Россией и Китаем требует новых решений.",  # "needs"
        "Украине грозит война с Россией.",  # a danger faced, no one threatens
    ],
)
def test_an_imperfective_of_another_sense_codes_nothing(pipeline, text):
    found = {t for t, _, _ in sides(code(pipeline, text))}
    assert not found & {"REQUEST", "THREATEN"}, found


def test_every_group_verb_of_an_entry_gets_it_and_written_entries_stay(tmp_path):
    path = write(tmp_path / "p.yaml", """aspects:
  - {verbs: [ввести, вводить]}
predicates:
  - {verb: ввести, noun: санкция, type: SANCTION, cameo: "163", target: [dative]}
  - {verb: вводить, noun: миротворец, type: AID, cameo: "074", target: ["prep:в"]}
  - {verb: ввести, noun: миротворец, type: MOBILIZE, cameo: "154", target: ["prep:в"]}
  - {verb: ввести, prep: против, type: SANCTION, cameo: "163"}
""")
    lexicon, problems = load([path])
    assert problems == []
    assert lexicon.light[("вводить", "санкция")].type == "SANCTION"
    assert lexicon.light[("вводить", "миротворец")].type == "AID"  # its own entry
    assert lexicon.frames[("вводить", "prep", "против")].verb == "вводить"


@pytest.mark.parametrize(
    "group",
    ["{verbs: [ввести]}", "{verbs: [ввести, ввести]}",
     "{verbs: [ввести, вводить]}\n  - {verbs: [ввести, введение]}"],
)
def test_a_bad_aspect_group_is_a_problem(tmp_path, group):
    _, problems = load([write(tmp_path / "p.yaml", f"aspects:\n  - {group}\n")])
    assert any("an aspect group is two or more verbs" in str(p) for p in problems), problems


def test_the_builtin_groups_give_both_aspects():
    lexicon, problems = load()
    assert problems == []
    for perfective, imperfective in (("нанести", "наносить"), ("подписать", "подписывать"),
                                     ("выступить", "выступать")):
        nouns = {n for v, n in lexicon.light if v == perfective}
        assert nouns <= {n for v, n in lexicon.light if v == imperfective}
