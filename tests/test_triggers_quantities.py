"""Light verbs whose noun is counted or measured: the trigger is the verb with the noun a
word of number or measure governs (`отвела 20 процентов сил`), never with the measure."""

import pytest

from relata.events.arguments import Tree
from relata.events.lexicon import load_lexicon
from relata.events.triggers import find_triggers

from conftest import code, sides


def trigger_keys(pipeline, text: str) -> set[str]:
    """The lexicon keys of the triggers found in a one-sentence text."""
    analysis = pipeline(text)
    (sentence,) = analysis.sentences
    tree = Tree(sentence.tokens, analysis.mentions, analysis.mentions)
    return {t.predicate.key for t in find_triggers(tree, load_lexicon())}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Россия отвела 20 процентов своих сил от границы.", "отвести сила"),
        ("Китай передал Венесуэле 65 тонн медицинской помощи.", "передать помощь"),
        ("Евросоюз ввел против России ряд новых санкций.", "ввести санкция"),
        ("Турция ввела в Сирию часть своих войск.", "ввести войско"),
        ("Япония передала Украине партию гуманитарной помощи.", "передать помощь"),
        ("Введение ряда санкций против Ирана обсуждалось долго.", "введение санкция"),
    ],
)
def test_a_light_verb_reaches_the_noun_a_measure_counts(pipeline, text, key):
    assert key in trigger_keys(pipeline, text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a measure that counts no act noun makes no pair
        ("Россия отвела 20 процентов бюджета на медицину.", "отвести сила"),
        # the genitive of a noun that is no measure is not what the verb acts on
        ("Китай передал Венесуэле копию документов о помощи.", "передать помощь"),
    ],
)
def test_no_pair_through_a_noun_that_counts_nothing(pipeline, text, key):
    assert key not in trigger_keys(pipeline, text)


def test_a_counted_noun_is_coded_with_the_verbs_sides(pipeline):
    events = code(pipeline, "Китай передал Венесуэле 65 тонн медицинской помощи.")
    assert ("AID", "CHN", "VEN") in sides(events)
