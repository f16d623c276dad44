"""Russian word lists live in data files, not in the code of the modules that use them."""

import ast
import re

import pytest

from relata.datafile import Problems
from relata.events.modality import BUILTIN, ModalityWords, load_modality
from relata.events.speech import read_words

from conftest import ROOT

CYRILLIC = re.compile("[а-яё]", re.I)
EVENTS = ROOT / "src" / "relata" / "events"


def cyrillic_literals(path) -> list[str]:
    """String constants holding a Cyrillic letter, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and CYRILLIC.search(node.value)]


@pytest.mark.parametrize("module", ["modality.py", "acts.py", "speech.py"])
def test_few_russian_literals_in_code(module):
    found = cyrillic_literals(EVENTS / module)
    assert len(found) <= 5, found


def test_the_literal_counter_skips_docstrings_and_comments(tmp_path):
    path = tmp_path / "m.py"
    path.write_text('"""Модуль."""\n# комментарий\ndef f():\n    """Функция."""\n'
                    '    return "слово", "word"\n', encoding="utf-8")
    assert cyrillic_literals(path) == ["слово"]


def test_modality_lists_load():
    words = load_modality()
    assert "пригрозить" in words.threat and "намереваться" in words.intent
    assert words.opinion_stems and all(isinstance(w, frozenset)
                                       for w in (words.threat, words.hypothesis))


def test_every_modality_list_is_a_clean_file():
    for field in ModalityWords.__dataclass_fields__:
        problems = Problems()
        assert read_words(BUILTIN / f"{field}.txt", problems)
        assert not problems, field
