"""The events stage's faster paths give what the plain ones gave (equivalence tests for
speed hacks): a word of blame looked up among the entries that hold its lemma only
(events/speech.py), a token's feature read by a loop (records.py). The plain paths are kept
here as they were written before, and both run on the parsed sentences of real texts."""

from __future__ import annotations

import pytest

from relata.events.arguments import Tree
from relata.events.speech import KINDS, _entries, _matches, load_speech
from relata.records import Token
from relata.sources import read

from conftest import DATA, EXAMPLES

FACTRUEVAL_TEXTS = 40


def _plain_entries(words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(entry.split()) for entry in words)


def _plain_matches(tree: Tree, i: int, entries: tuple[tuple[str, ...], ...]) -> bool:
    lemma = tree.tokens[i].lemma
    near: set[str] | None = None
    for entry in entries:
        if lemma not in entry:
            continue
        if len(entry) == 1:
            return True
        if near is None:
            near = {tree.tokens[k].lemma for k in tree.subtree(i, depth=2)}
        if near.issuperset(entry):
            return True
    return False


def _plain_feat(token: Token, name: str) -> str | None:
    return next((value for key, value in token.feats if key == name), None)


@pytest.fixture(scope="module")
def analyses(pipeline):
    files = sorted(EXAMPLES.glob("*.txt"))
    files += sorted((DATA / "factrueval-2016-dev").glob("*.txt"))[:FACTRUEVAL_TEXTS]
    documents = [d for d in read([*files, EXAMPLES / "news.jsonl"]) if hasattr(d, "text")]
    return pipeline(documents)


def test_words_of_blame_are_found_where_the_plain_search_finds_them(analyses):
    words = load_speech()
    lists = [(getattr(words, kind), kind) for kind, _ in KINDS]
    found = tried = 0
    for analysis in analyses:
        for sentence in analysis.sentences:
            if not sentence.parsed:
                continue
            inside = [m for m in analysis.mentions if sentence.start <= m.start < sentence.end]
            tree = Tree(sentence.tokens, inside)
            for i in range(len(sentence.tokens)):
                for entries, kind in lists:
                    answer = _matches(tree, i, _entries(entries))
                    assert answer == _plain_matches(tree, i, _plain_entries(entries)), (
                        kind, sentence.tokens[i])
                    found += answer
                    tried += 1
    assert tried > 10_000 and found > 5


def test_a_token_s_features_are_the_plain_reading_s(analyses):
    names = {"Case", "Gender", "Number", "Animacy", "VerbForm", "Voice", "Aspect", "None"}
    tokens = [t for a in analyses for s in a.sentences for t in s.tokens]
    assert len(tokens) > 10_000
    for token in tokens:
        for name in names | {key for key, _ in token.feats}:
            assert token.feat(name) == _plain_feat(token, name)


@pytest.mark.parametrize("kind", [kind for kind, _ in KINDS])
def test_the_entries_under_a_word_are_those_the_plain_search_would_try(kind):
    """What makes the lookup the plain search: under each word, every entry that holds it,
    in the order the plain search tries them; no entry elsewhere."""
    words = getattr(load_speech(), kind)
    plain = _plain_entries(words)
    by_word = _entries(words)
    assert set(by_word) == {word for entry in plain for word in entry}
    for word, entries in by_word.items():
        assert entries == tuple(entry for entry in plain if word in entry)
