"""Light verbs that take a class of nouns (`noun: "@troops"`): each verb of deployment or
withdrawal takes every noun of the classes it is given, so that `сосредоточить
военнослужащих` is found as `сосредоточить войска` is; the pairs written in full keep their
own entries, and verbs with civil senses take only the classes that are never civil."""

import pytest

from relata.events.lexicon import load
from test_triggers_quantities import trigger_keys

from conftest import write

SIMPLE = 'type: MOBILIZE, cameo: "154", source: [subject], target: ["prep:в"]'


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Россия сосредоточила у границ Украины тысячи военнослужащих.",
         "сосредоточить военнослужащий"),
        ("США разместили в Польше бронетехнику.", "разместить бронетехника"),
        ("Русские начали развертывать авиацию на побережье Сирии.", "развертывать авиация"),
        ("Израиль отвел танки от границы с Ливаном.", "отвести танк"),
        ("Россия направила в Средиземное море фрегат.", "направить фрегат"),
        ("Вывод американских вертолетов из Афганистана завершен.", "вывод вертолет"),
        ("Турция подтянула к границе артиллерию.", "подтянуть артиллерия"),
        ("Россия ввела в Абхазию батальон десантников.", "ввести батальон"),
    ],
)
def test_a_verb_of_deployment_takes_every_noun_of_its_classes(pipeline, text, key):
    assert key in trigger_keys(pipeline, text)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Россия отправила самолет за гражданами в Ухань.", "отправить"),  # an evacuation
        ("Германия направила Украине оружие.", "направить"),  # aid, not a deployment
        ("Банк сосредоточил усилия на кредитовании.", "сосредоточить"),
        ("Правительство вывело экономику из кризиса.", "вывести"),
        ("Компания разместила облигации в Лондоне.", "разместить"),
    ],
)
def test_no_deployment_of_what_is_no_force_or_is_sent_as_aid(pipeline, text, verb):
    keys = trigger_keys(pipeline, text)
    assert not any(k.startswith(verb + " ") for k in keys), keys


def test_a_pair_written_in_full_keeps_its_own_entry():
    lexicon, problems = load()
    assert problems == []
    assert lexicon.light[("ввести", "миротворец")].type == "AID"  # not a deployment
    assert lexicon.light[("сосредоточить", "военнослужащий")].type == "MOBILIZE"
    assert lexicon.light[("вывести", "бронетехника")].type == "RETREAT"
    assert ("направить", "самолет") not in lexicon.light


def test_a_class_expands_and_yields_to_a_written_pair(tmp_path):
    path = write(tmp_path / "p.yaml", f"""predicates:
  - {{verb: ввести, noun: "@forces", {SIMPLE}}}
  - {{verb: ввести, noun: миротворец, type: AID, cameo: "074", target: ["prep:в"]}}
nouns:
  - {{class: forces, nouns: [войско, миротворец]}}
""")
    lexicon, problems = load([path])
    assert problems == []
    assert lexicon.light[("ввести", "войско")].type == "MOBILIZE"
    assert lexicon.light[("ввести", "миротворец")].type == "AID"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (f'predicates:\n  - {{verb: ввести, noun: "@nothing", {SIMPLE}}}\n',
         "unknown class of nouns '@nothing'"),
        (f'predicates:\n  - {{lemma: ввести, noun: "@forces", {SIMPLE}}}\n'
         "nouns:\n  - {class: forces, nouns: [войско]}\n",
         "a class of nouns goes with a light verb"),
        ("nouns:\n  - {class: forces, nouns: [войско]}\n  - {class: forces, nouns: [танк]}\n",
         "class of nouns 'forces' given twice"),
        ("nouns:\n  - {class: forces, nouns: [войско, войско]}\n", "a noun empty or repeated"),
    ],
)
def test_a_bad_class_is_a_problem(tmp_path, text, problem):
    _, problems = load([write(tmp_path / "p.yaml", text)])
    assert any(problem in str(p) for p in problems), problems
