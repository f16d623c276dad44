"""The parse's features of the sentiment model: where an entity stands, and how well or
badly the words around it speak. Sentences written for these tests."""

from dataclasses import replace

import numpy as np
import pytest

from relata.events.lexicon import LexiconError
from relata.language.russian import parse_sentences
from relata.language.words import DIMENSIONS, word_vectors
from relata.stance import polar, syntax
from relata.stance.features import FEATURES, NEGATION, PRAISE, Target, featurise


def _where(sentence: str, entity: str):
    (tokens,) = parse_sentences([sentence])
    start = sentence.index(entity)
    return tokens, syntax.place(tokens, start, start + len(entity))


@pytest.mark.parametrize(("sentence", "entity", "rel", "role", "verb", "clause"), [
    ("Россия атаковала Украину.", "Россия", "nsubj", "nsubj", "атаковать",
     ["атаковала", "Украину", "."]),
    ("Россия атаковала Украину.", "Украину", "obj", "obj", "атаковать",
     ["Россия", "атаковала", "."]),
    # a name in apposition plays the role of its phrase: the one arrested
    ("Лидер партии Иванов был арестован полицией.", "Иванов", "appos", "nsubj:pass",
     "арестовать", ["Лидер", "партии", "был", "арестован", "полицией", "."]),
    ("Лидер партии Иванов был арестован полицией.", "полицией", "obl", "obl",
     "арестовать", ["Лидер", "партии", "Иванов", "был", "арестован", "."]),
    # the second of two objects is an object too
    ("Министр поблагодарил Японию и Китай за помощь.", "Китай", "conj", "obj",
     "поблагодарить", ["Министр", "поблагодарил", "Японию", "и", "за", "помощь", "."]),
    ("Путин", "Путин", "root", "root", None, []),
])
def test_place_of_an_entity(sentence, entity, rel, role, verb, clause):
    tokens, where = _where(sentence, entity)
    assert (where.rel, where.role) == (rel, role)
    assert (tokens[where.verb].lemma if where.verb is not None else None) == verb
    assert [tokens[j].text for j in where.clause] == clause
    assert not set(where.entity) & set(where.clause)


@pytest.mark.parametrize(("entity", "slot"), [("Россия", 3), ("Украину", 4)])
def test_the_verb_is_crossed_with_the_role(entity, slot):
    """Blocks: verb, governor, modifiers, verb × subject, × object, × oblique."""
    tokens, where = _where("Россия атаковала Украину.", entity)
    vectors = word_vectors([t.text for t in tokens])
    row = syntax.features(tokens, where, vectors, frozenset(), PRAISE, NEGATION)
    assert row.shape == (syntax.FEATURES,)
    blocks = row[: syntax.VECTORS * DIMENSIONS].reshape(syntax.VECTORS, DIMENSIONS)
    verb = vectors[where.verb]
    assert np.allclose(blocks[0], verb)
    assert np.allclose(blocks[slot], verb)
    assert [np.abs(blocks[k]).sum() > 0 for k in (3, 4, 5)] == [k == slot for k in (3, 4, 5)]


@pytest.mark.parametrize(("word", "lemma", "side"), [
    ("похвалил", "похвалить", "positive"),  # a seed
    ("разгромили", "разгромить", "negative"),  # a seed
    ("восхитительный", "восхитительный", "positive"),  # no seed: by nearness alone
    ("злодеяние", "злодеяние", "negative"),
])
def test_words_score_by_their_nearness_to_the_seeds(word, lemma, side):
    seeds = polar.load_seeds()
    (tokens,) = parse_sentences([word])
    praise, blame, is_praise, is_blame = polar.scores(
        tokens, word_vectors([t.text for t in tokens]), seeds)[0]
    assert (praise > blame) == (side == "positive")
    seeded = lemma in (seeds.positive if side == "positive" else seeds.negative)
    assert (is_praise if side == "positive" else is_blame) == float(seeded)


def test_a_seed_list_that_is_not_lemmas_is_refused(tmp_path):
    (tmp_path / "positive.txt").write_text("победа\nпобеда\n", encoding="utf-8")
    (tmp_path / "negative.txt").write_text("два слова!\n", encoding="utf-8")
    with pytest.raises(LexiconError) as error:
        polar.load_seeds(tmp_path)
    message = str(error.value)
    assert "positive.txt" in message and "repeated" in message
    assert "negative.txt" in message and "not a lemma" in message


def test_a_parse_handed_in_gives_the_same_row_as_parsing_here():
    """The attitudes hand in the pipeline's parse; `relata eval rusentne` parses here."""
    sentence = "Суд оштрафовал компанию «Ромашка» за нарушение закона."
    start = sentence.index("компанию")
    target = Target(sentence, start, start + len("компанию"), "ORGANIZATION")
    (tokens,) = parse_sentences([sentence])
    rows = featurise([target, replace(target, tokens=tokens)])
    assert rows.shape == (2, FEATURES)
    assert np.allclose(rows[0], rows[1])
    assert featurise([Target("", 0, 0)]).shape == (1, FEATURES)  # nothing to parse
