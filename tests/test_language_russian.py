import itertools

import pytest

from relata.records import Analysis, Document
from relata.sources import parse_text

from conftest import assert_tree


def test_sentences_tile_the_body(founding_nlp):
    text = founding_nlp.document.text
    assert len(founding_nlp.sentences) >= 15
    assert founding_nlp.sentences[0].start == founding_nlp.document.body_start
    sentences = founding_nlp.sentences
    for sentence, following in itertools.pairwise(sentences):
        assert sentence.end <= following.start
        assert text[sentence.end : following.start].strip() == ""


def test_tokens_point_into_the_file_text(founding_nlp):
    text = founding_nlp.document.text
    tokens = [t for s in founding_nlp.sentences for t in s.tokens]
    assert len(tokens) > 300
    for token in tokens:
        assert text[token.start : token.end] == token.text


def test_every_sentence_is_a_tree(founding_nlp):
    for sentence in founding_nlp.sentences:
        assert_tree(sentence.tokens)


def _token(analysis: Analysis, word: str):
    return next(t for s in analysis.sentences for t in s.tokens if t.text == word)


@pytest.mark.parametrize(
    ("word", "lemma", "pos", "feats"),
    [
        ("Украиной", "украина", "PROPN", {"Case": "Ins"}),
        ("атаковала", "атаковать", "VERB", {"Tense": "Past", "Gender": "Fem"}),
        ("гуманитарной", "гуманитарный", "ADJ", {"Case": "Gen"}),
        ("дронов", "дрон", "NOUN", {"Case": "Gen", "Number": "Plur"}),
    ],
)
def test_morphology(founding_nlp, word, lemma, pos, feats):
    token = _token(founding_nlp, word)
    assert (token.lemma, token.pos) == (lemma, pos)
    assert {k: token.feat(k) for k in feats} == feats


def test_syntax_subject_and_object(founding_nlp):
    sentence = next(s for s in founding_nlp.sentences
                    if any(t.text == "атаковала" for t in s.tokens))
    tokens = sentence.tokens
    verb = next(i for i, t in enumerate(tokens, 1) if t.text == "атаковала")
    dependents = {t.text: t.rel for t in tokens if t.head == verb}
    assert dependents.get("армия") == "nsubj"
    assert dependents.get("заправку") == "obj"


@pytest.mark.parametrize(
    ("text", "kind", "normal"),
    [
        ("Москвой", "LOC", "Москва"),
        ("Баку", "LOC", "Баку"),
        ("Ильхама Алиева", "PER", "Ильхам Алиев"),
        ("Леонид Пастернак", "PER", "Леонид Пастернак"),
        ("Житомирской области", "LOC", "Житомирская область"),
        ("Турцию", "LOC", "Турция"),
        ("НАТО", "ORG", "НАТО"),
    ],
)
def test_named_entities(founding_nlp, text, kind, normal):
    found = {(m.text, m.kind, m.normal) for m in founding_nlp.mentions}
    assert (text, kind, normal) in found


def test_mention_spans_point_into_the_file_text(founding_nlp):
    text = founding_nlp.document.text
    assert len(founding_nlp.mentions) >= 25
    for mention in founding_nlp.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_batch_of_several_documents_keeps_each_apart(nlp_pipeline):
    documents = [
        parse_text(" date 2025-01-02 Вчера Путин встретился с Алиевым в Баку.", "a"),
        Document(id="en", text="President Putin met President Aliyev in Baku to discuss trade."),
        parse_text("Вчера Эрдоган прибыл в Анкару. Переговоры продолжатся завтра.", "b"),
    ]
    first, english, second = nlp_pipeline(documents)
    assert [m.text for m in first.mentions] == ["Путин", "Алиевым", "Баку"]
    assert english.skipped == "language en" and not english.sentences
    assert len(second.sentences) == 2
    assert [m.normal for m in second.mentions] == ["Эрдоган", "Анкара"]
    assert first.mentions[0].start == first.document.text.index("Путин")


@pytest.mark.parametrize(
    ("heads", "rels", "repaired"),
    [
        ([2, 0, 2], ["nsubj", "root", "obj"], [2, 0, 2]),  # already a tree
        ([2, 0, 0], ["nsubj", "root", "root"], [2, 0, 2]),  # two roots
        ([3, 1, 2, 0], ["obj", "nmod", "nmod", "root"], [4, 1, 2, 0]),  # a cycle 1→3→2→1
        ([1, 1], ["amod", "nsubj"], [0, 1]),  # no root at all, a self-loop
    ],
)
def test_repair_tree(heads, rels, repaired):
    from relata.language.russian import repair_tree

    fixed, fixed_rels = repair_tree(heads, rels)
    assert fixed == repaired
    assert fixed.count(0) == 1 and fixed_rels[fixed.index(0)] == "root"
