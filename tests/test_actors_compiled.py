"""The actor index kept compiled in relata's cache: the index read back is the one built
from the YAML (an equivalence test for a speed hack, on the real dictionaries), an edited
dictionary file is read again, and a damaged or missing cache only costs time."""

import pickle

import pytest

from relata.actors import compiled
from relata.actors.compiled import INDEX_FILE, compiled_index
from relata.actors.load import DictionaryError, load_dictionary

USER = ("people:\n  - id: ivanov-test\n    name: Иван Иванов\n    names: [{names}]\n")


def _state(index) -> dict:
    """Everything an index holds: the merged dictionary and every pattern and target."""
    return {"dictionary": index.dictionary, "first": index._first,
            "prefixes": index._prefixes}


def _from_yaml_only(monkeypatch):
    """Building from the YAML now fails: what follows must come from the cache."""
    def refuse(*args):
        raise AssertionError("built from the YAML, not read from the cache")
    monkeypatch.setattr(compiled, "load_dictionary", refuse)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RELATA_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture(scope="module")
def uncached():
    return _state(compiled_index(cached=False))


def test_the_index_from_the_cache_is_the_index_from_the_yaml(cache, uncached, monkeypatch):
    assert _state(compiled_index()) == uncached  # built, and written
    assert (cache / INDEX_FILE).stat().st_size > 100_000
    _from_yaml_only(monkeypatch)
    kept = compiled_index()
    assert _state(kept) == uncached
    assert len(kept._first) > 10_000 and kept.dictionary.countries["RUS"].names
    assert kept.first_forms == frozenset(uncached["first"])  # a working index


def test_an_edited_user_file_is_read_again(cache, tmp_path, monkeypatch):
    user = tmp_path / "user.yaml"
    user.write_text(USER.format(names="Иванов"), encoding="utf-8")
    first = compiled_index((str(user),))
    assert first.dictionary.people["ivanov-test"].names == ("Иванов",)
    user.write_text(USER.format(names="Иванов, Ивановский"), encoding="utf-8")
    load_dictionary.cache_clear()  # as a new process: only the cache keeps the old file
    second = compiled_index((str(user),))
    assert second.dictionary.people["ivanov-test"].names == ("Иванов", "Ивановский")
    _from_yaml_only(monkeypatch)
    assert compiled_index((str(user),)).dictionary == second.dictionary


def test_a_user_file_with_problems_is_reported_and_not_kept(cache, tmp_path):
    user = tmp_path / "user.yaml"
    user.write_text("countries:\n  - {code: XXA, name: Икс}\n", encoding="utf-8")
    for _ in range(2):  # the second time too: nothing was kept
        with pytest.raises(DictionaryError, match=r"user\.yaml:2: missing field 'names'"):
            compiled_index((str(user),))
    assert not (cache / INDEX_FILE).exists()


def test_a_missing_user_file_is_reported_as_without_the_cache(cache, tmp_path):
    with pytest.raises(DictionaryError, match=r"absent\.yaml"):
        compiled_index((str(tmp_path / "absent.yaml"),))


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01.",
                                    b"\x80\x05K\x01.\x80\x05K\x02."])
def test_a_damaged_cache_costs_only_time(cache, uncached, damage):
    cache.mkdir()
    (cache / INDEX_FILE).write_bytes(damage)
    assert _state(compiled_index()) == uncached


def test_a_kept_key_with_no_index_after_it_costs_only_time(cache, uncached):
    cache.mkdir()
    key = compiled.index_key((), True)
    (cache / INDEX_FILE).write_bytes(pickle.dumps(key) + pickle.dumps("no index"))
    assert _state(compiled_index()) == uncached
