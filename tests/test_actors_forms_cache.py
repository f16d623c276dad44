"""The words' forms kept in relata's cache: an index built from them is the one built
without them (an equivalence test for a speed hack), and a damaged file costs only time."""

import json

import pytest

from relata.actors import load_dictionary
from relata.actors.patterns import FORMS_FILE, Index


def _patterns(index: Index) -> dict:
    return {form: [(words, target.role, target.surface) for words, target, _ in found]
            for form, found in index._first.items()}


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


@pytest.fixture(scope="module")
def uncached(dictionary):
    return _patterns(Index(dictionary, cached=False))


def test_an_index_from_the_cache_is_the_index_without_it(dictionary, uncached, tmp_path,
                                                         monkeypatch):
    monkeypatch.setenv("RELATA_CACHE_DIR", str(tmp_path))
    assert _patterns(Index(dictionary)) == uncached  # builds and writes the cache
    kept = json.loads((tmp_path / FORMS_FILE).read_text(encoding="utf-8"))
    assert len(kept["forms"]) > 5000
    assert _patterns(Index(dictionary)) == uncached  # reads it back


@pytest.mark.parametrize("damage", [
    "not JSON", "[]", '{"key": "other", "forms": {}}',
    '{"key": [1], "forms": {"Россия": "россия"}}',
])
def test_a_damaged_cache_costs_only_time(dictionary, uncached, tmp_path, monkeypatch, damage):
    monkeypatch.setenv("RELATA_CACHE_DIR", str(tmp_path))
    (tmp_path / FORMS_FILE).write_text(damage, encoding="utf-8")
    assert _patterns(Index(dictionary)) == uncached


def test_forms_of_the_wrong_kind_are_computed_again(dictionary, uncached, tmp_path,
                                                    monkeypatch):
    monkeypatch.setenv("RELATA_CACHE_DIR", str(tmp_path))
    Index(dictionary)
    kept = json.loads((tmp_path / FORMS_FILE).read_text(encoding="utf-8"))
    for word in list(kept["forms"])[:100]:
        kept["forms"][word] = 7 if len(word) % 2 else []
    (tmp_path / FORMS_FILE).write_text(json.dumps(kept), encoding="utf-8")
    assert _patterns(Index(dictionary)) == uncached
