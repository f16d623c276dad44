"""Frames in the lexicon (issue 14, item 3): a verb with its preposition (`выступить
против`), a verb with its predicative complement (`признать виновным`), a noun with the
adjective that makes it an act (`ядерное испытание`); user lexicons that add and replace
entries. Sentences written for these tests."""

import pytest

from relata.events.lexicon import load, load_lexicon
from relata.events.triggers import find_triggers
from relata.pipeline import Pipeline
from relata.sources import parse_text

from conftest import code, sides, write


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verb + preposition: the phrase's owner is the target
        ("Россия выступила против резолюции США.", ("REJECT", "RUS", "USA")),
        ("Франция проголосовала против резолюции России.", ("REJECT", "FRA", "RUS")),
        ("Грузия пожаловалась на Россию в ООН.", ("ACCUSE", "GEO", "RUS")),
        ("Польша заступилась за Украину.", ("SUPPORT", "POL", "UKR")),
        ("Германия выступила в поддержку Киева.", ("SUPPORT", "DEU", "UKR")),
        # verb + complement: a finding of guilt (116)
        ("Суд Литвы признал виновным гражданина России.", ("ACCUSE", "LTU", "RUS")),
        # adjective + noun
        ("США начали военную операцию против Ирака.", ("ASSAULT", "USA", "IRQ")),
        ("КНДР провела ядерное испытание.", ("MOBILIZE", "PRK", None)),
        ("Россия и Китай ведут совместную борьбу с терроризмом.", ("COOPERATE", "RUS", "CHN")),
        # work done together, with the organs of several states: each is a partner; the
        # doer is the one whose act it results in (`в результате`)
        ("Полиция Франции провела совместную работу с полицией Германии.",
         ("COOPERATE", "FRA", "DEU")),
        ("Интерпол в результате совместной работы с полицией Китая и Малайзии пресек "
         "деятельность группировок.", ("COOPERATE", "INTERPOL", "MYS")),
    ],
)
def test_a_frame_codes_its_event(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    "text",
    [
        "Россия выступила на саммите в Китае.",  # `выступить` without `против`: a speech
        "Посол России выступил с лекцией в Берлине.",
        "Россия выступает за отмену санкций США.",  # no `за` frame: the act is no actor
        "Польша признала свою ошибку в споре с Россией.",  # `признать` without `виновным`
        "Россия провела испытание нового самолета в Сирии.",  # a test, not a nuclear one
        "Операция по спасению туристов из Египта завершилась.",  # `операция` alone
        "Россия провела работу над ошибками.",  # `работа` alone
        "Ученые провели совместную работу.",  # done together, by no actor
    ],
)
def test_the_head_alone_is_no_event(pipeline, text):
    assert code(pipeline, text) == ()


def _entry(tmp_path, line: str, name: str = "p.yaml"):
    return write(tmp_path / name, "predicates:\n" + line + "\n")


@pytest.mark.parametrize(
    ("line", "key", "frame"),
    [
        ('  - {verb: выступить, prep: против, type: REJECT, cameo: "120"}',
         "выступить prep:против", ("выступить", "prep", "против")),
        ('  - {verb: выступить, prep: со стороны, type: REJECT, cameo: "120"}',
         "выступить prep:с стороны", ("выступить", "prep", "с стороны")),
        ('  - {verb: признать, complement: Виновный, type: ACCUSE, cameo: "116"}',
         "признать as:виновный", ("признать", "complement", "виновный")),
        ('  - {adjective: ядерный, noun: испытание, type: MOBILIZE, cameo: "150"}',
         "ядерный испытание", ("испытание", "adjective", "ядерный")),
    ],
)
def test_frames_load_with_their_keys(tmp_path, line, key, frame):
    lexicon, problems = load([_entry(tmp_path, line)])
    assert problems == []
    (predicate,) = lexicon.frames.values()
    assert (predicate.key, predicate.frame) == (key, frame)
    assert frame[0] in lexicon.lemmas


def test_a_preposition_frame_targets_its_phrase_by_default(tmp_path):
    lexicon, _ = load([_entry(tmp_path, '  - {verb: выступить, prep: против, type: REJECT, '
                                        'cameo: "120"}')])
    assert list(lexicon.frames[("выступить", "prep", "против")].target) == ["prep:против"]


@pytest.mark.parametrize(
    "line",
    [
        '  - {verb: выступить, noun: речь, prep: против, type: REJECT, cameo: "120"}',
        '  - {lemma: выступить, prep: против, type: REJECT, cameo: "120"}',
        '  - {adjective: ядерный, type: MOBILIZE, cameo: "150"}',
        '  - {verb: признать, complement: виновный, adjective: ядерный, type: ACCUSE, '
        'cameo: "116"}',
    ],
)
def test_a_trigger_has_one_shape(tmp_path, line):
    _, problems = load([_entry(tmp_path, line)])
    assert any("give either 'lemma'" in str(p) for p in problems), problems


def test_a_user_entry_replaces_the_builtin_one(tmp_path):
    builtin = _entry(tmp_path, '  - {lemma: атаковать, type: ASSAULT, cameo: "190"}', "b.yaml")
    user = _entry(tmp_path, '  - {lemma: атаковать, type: ACCUSE, cameo: "111"}\n'
                            '  - {lemma: бранить, type: ACCUSE, cameo: "111"}', "u.yaml")
    lexicon, problems = load([builtin], [user])
    assert problems == []
    assert lexicon.words["атаковать"].cameo == "111"
    assert "бранить" in lexicon.words


def test_a_key_twice_among_user_files_is_a_problem(tmp_path):
    first = _entry(tmp_path, '  - {lemma: бранить, type: ACCUSE, cameo: "111"}', "a.yaml")
    second = _entry(tmp_path, '  - {lemma: бранить, type: ACCUSE, cameo: "112"}', "b.yaml")
    _, problems = load([], [first, second])
    assert [p.reason for p in problems] == [
        f"duplicate entry 'бранить' (first at {first}:2)"]


def test_a_user_lexicon_codes_through_the_pipeline(tmp_path):
    user = _entry(tmp_path, '  - {verb: выступить, prep: за, type: SUPPORT, cameo: "051", '
                            'source: [subject]}', "u.yaml")
    pipeline = Pipeline(lexicons=[str(user)])
    (analysis,) = pipeline([parse_text(" date 2016-05-01 Польша выступила за Украину.", "t")])
    assert ("SUPPORT", "POL", "UKR") in sides(analysis.events)
    assert load_lexicon(user=(user,)).frames[("выступить", "prep", "за")].cameo == "051"


def test_lexicons_are_read_from_the_settings(tmp_path, monkeypatch):
    from relata.config import load_config

    write(tmp_path / "relata.toml", '[events]\nlexicons = ["my.yaml"]\n')
    monkeypatch.chdir(tmp_path)
    assert load_config().lexicons == ("my.yaml",)


def test_a_frame_takes_the_words_of_both(pipeline):
    (analysis,) = pipeline([parse_text(" date 2016-05-01 Россия выступила против резолюции США.",
                                       "t")])
    from relata.events.arguments import Tree

    sentence = analysis.sentences[0]
    triggers = find_triggers(Tree(sentence.tokens, analysis.mentions), load_lexicon())
    assert [(t.predicate.key, t.first, t.last) for t in triggers] == [
        ("выступить prep:против", 1, 2)]
