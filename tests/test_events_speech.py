"""Accusations and praise in reported speech, and the word lists that drive them."""

import pytest

from relata.actors import ResolveActors
from relata.datafile import Problems
from relata.events import CodeEvents
from relata.events.lexicon import load_lexicon
from relata.events.speech import load_speech, read_words
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
         "соседей.", [("ACCUSE", "RUSGOV", "USA", "factual")]),
        ("Главы МИД РФ и КНР охарактеризовали инициативу Вашингтона как недопустимое "
         "вмешательство.",  # both heads speak: each accuses
         [("ACCUSE", "RUSGOV", "USAGOV", "factual"), ("ACCUSE", "CHN", "USAGOV", "factual")]),
        ("Путин стремится ослабить Евросоюз, считает министр иностранных дел Украины.",
         [("ACCUSE", "UKR", "RUSGOV", "factual")]),
        ("Госсекретарь США называет Россию важным партнером.",
         [("SUPPORT", "USA", "RUS", "factual")]),
        ("Лавров заявил, что встреча с Керри прошла в Женеве.", []),  # no blame, no praise
        ("Лавров заявил, что угроза терроризма растет.", []),  # blame, but of no other actor
        ("Лавров не считает, что Вашингтон вмешивается в дела Сирии.",
         [("ACCUSE", "RUSGOV", "USAGOV", "negated")]),
    ],
)
def test_reported_speech(coder, text, expected):
    events = coder([parse_text(f" date 2016-05-01 {text}", "t")])[0].events
    assert [(e.type, e.source.code, e.target.code, e.modality) for e in events] == expected


def test_builtin_word_lists_load():
    words = load_speech()
    assert {"считать", "назвать"} <= words.reporting
    assert "агрессия" in words.blame and "партнер" in words.praise
    assert not words.blame & words.praise


def test_a_bad_word_list_names_file_and_line(tmp_path):
    path = tmp_path / "blame.txt"
    path.write_text("# comment\nагрессия\nдва слова!\nагрессия  # again\n", encoding="utf-8")
    problems = Problems()
    assert read_words(path, problems) == {"агрессия"}
    assert [(p.origin, p.reason) for p in problems] == [
        (f"{path}:3", "not a lemma: 'два слова!'"),
        (f"{path}:4", "'агрессия' repeated (first at line 2)"),
    ]
