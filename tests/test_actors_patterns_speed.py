"""The actors stage's faster paths find what the plain ones found (equivalence tests for
speed hacks): dictionary patterns tried longest first and strictest first, with each
token's keys asked once (actors/patterns.py), and the head words kept by the word as
written (actors/remits.py). The plain paths are kept here as they were written before, and
both run on the sentences of real texts."""

from __future__ import annotations

import copy
from collections.abc import Sequence

import pytest

from relata.actors import load_dictionary
from relata.actors import patterns as patterns_module
from relata.actors.codes import normal
from relata.actors.context import load_references
from relata.actors.patterns import Index, Word, token_keys
from relata.actors.remits import Heads
from relata.records import Analysis, Token
from relata.sources import read

from conftest import DATA, EXAMPLES

FACTRUEVAL_TEXTS = 40  # of the dev split's 122, to keep the language stages short


def _plain_fits(word: Word, token: Token) -> bool:
    if word.case == "upper" and not token.text.isupper():
        return False
    if word.case == "title" and not token.text[:1].isupper():
        return False
    return any(key in word.forms for key in token_keys(token))


class PlainIndex(Index):
    """Index.match and Index._longest as they were: every pattern under each of the
    token's keys is tried, and a longer or stricter one that fits replaces the best."""

    def match(self, tokens, text, keys=None):
        matches = []
        first = self._first
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if "-" not in token.text and not any(key in first for key in token_keys(token)):
                i += 1
                continue
            found = self._longest(tokens, i)
            if found:
                words, target = found
                last = i + len(words)
                matches.append(patterns_module.Match(i, last, tokens[i].start,
                                                     tokens[last - 1].end, target))
                i = last
                continue
            matches.extend(self._compound(tokens, i, text))
            i += 1
        return matches

    def _longest(self, tokens, i, keys=None):
        token = tokens[i]
        best = None
        best_strictness: tuple[int, ...] = ()
        for key in dict.fromkeys(token_keys(token)):
            for words, target, strictness in self._first.get(key, ()):
                if best is not None and (len(words), best_strictness) <= (
                    len(best[0]), strictness
                ):
                    continue
                if i + len(words) <= len(tokens) and all(
                    _plain_fits(w, t) for w, t in zip(words, tokens[i : i + len(words)],
                                                      strict=False)
                ):
                    best, best_strictness = (words, target), strictness
        return best

    def may_match(self, tokens):
        names = self._name_starts
        return any("-" in t.text or any(key in names for key in token_keys(t))
                   for t in tokens)


def _plain(index: Index) -> PlainIndex:
    plain = copy.copy(index)
    plain.__class__ = PlainIndex
    return plain


def _plain_head(heads: Heads, token: Token):
    found = heads.by_form.get(normal(token.lemma)) or heads.by_form.get(normal(token.text))
    if found is None and "-" in token.text[1:]:  # `экс-министр`: the word after a hyphen
        return heads.by_form.get(normal(token.lemma.rpartition("-")[2])) or \
            heads.by_form.get(normal(token.text.rpartition("-")[2]))
    return found


@pytest.fixture(scope="module")
def sentences(nlp_pipeline) -> list[tuple[str, Sequence[Token]]]:
    """(document text, tokens) of every sentence of the examples and of factRuEval texts."""
    files = sorted(EXAMPLES.glob("*.txt"))
    files += sorted((DATA / "factrueval-2016-dev").glob("*.txt"))[:FACTRUEVAL_TEXTS]
    documents = [d for d in read([*files, EXAMPLES / "news.jsonl"]) if hasattr(d, "text")]
    found = [(a.document.text, s.tokens) for a in nlp_pipeline(documents)
             for s in a.sentences]
    assert len(found) > 200
    return found


@pytest.fixture(scope="module")
def dictionary():
    return load_dictionary()


@pytest.fixture(scope="module", params=["actors", "references"])
def index(request, dictionary) -> Index:
    """The actors' dictionary index, and the reference words' (actors/context.py)."""
    if request.param == "actors":
        return Index(dictionary)
    return load_references(dictionary).index


def test_matches_are_the_plain_search_s(index, sentences):
    plain = _plain(index)
    matched = 0
    for text, tokens in sentences:
        found = index.match(tokens, text)
        assert found == plain.match(tokens, text), [t.text for t in tokens]
        matched += len(found)
    assert matched > 100


def test_the_longest_pattern_at_every_token_is_the_plain_search_s(index, sentences):
    """At every token, not only where a match starts: a pattern inside another too."""
    plain = _plain(index)
    tried = 0
    for _, tokens in sentences:
        keys = [token_keys(t) for t in tokens]
        for i in range(len(tokens)):
            if index.first_forms.isdisjoint(keys[i]):
                continue
            assert index._longest(tokens, i, keys) == plain._longest(tokens, i), tokens[i]
            assert index._longest(tokens, i) == plain._longest(tokens, i)  # keys asked here
            tried += 1
    assert tried > 300


def test_a_full_candidate_cache_is_emptied_and_finds_the_same(dictionary, sentences,
                                                              monkeypatch):
    monkeypatch.setattr(patterns_module, "CANDIDATE_CACHE", 3)
    index = Index(dictionary)
    plain = _plain(index)
    for text, tokens in sentences:
        assert index.match(tokens, text) == plain.match(tokens, text)
        assert len(index._sorted) <= 3 and len(index._starting) <= 3


def test_which_sentences_may_name_someone_is_the_plain_answer(dictionary, sentences):
    index = Index(dictionary)
    plain = _plain(index)
    answers = [index.may_match(tokens) for _, tokens in sentences]
    assert answers == [plain.may_match(tokens) for _, tokens in sentences]
    assert any(answers) and not all(answers)


@pytest.mark.parametrize("full_at", [100_000, 2])
def test_head_words_are_the_plain_lookup_s(dictionary, sentences, monkeypatch, full_at):
    from relata.actors import remits

    monkeypatch.setattr(remits, "WRITTEN_CACHE", full_at)
    heads = Heads.of(dictionary)
    found = 0
    for _, tokens in sentences:
        for token in tokens:
            head = heads.at(token)
            assert head == _plain_head(heads, token), token
            found += head is not None
    assert found > 20
    assert len(heads._found) <= max(full_at, 2)


def test_sentences_without_a_head_word_keep_their_phrases_as_the_full_path_would(
        dictionary, sentences):
    """`bodies_by_remit` returns a sentence's phrases as they are when no token is a head
    word; the full path, asked anyway, makes nothing of them either."""
    from relata.actors import remits
    from relata.actors.resolve import phrases

    index = Index(dictionary)
    heads = remits.heads_of(dictionary)
    made = 0
    for text, tokens in sentences:
        found = phrases(index.match(tokens, text), tokens)
        shortcut = remits.bodies_by_remit(found, tokens, dictionary)
        full = remits._bodies(found, tokens, [heads.at(t) for t in tokens])
        assert shortcut == full, [t.text for t in tokens]
        made += shortcut != found
    assert made > 5


def _plain_references(stage):
    """The context stage with its sentence loop as it was: the actors named before each
    token copied at every token."""
    import bisect

    from relata.actors import context

    class PlainReferences(context.ResolveReferences):
        def _sentence(self, sentence, text, said, said_starts, named):
            tokens = sentence.tokens
            inside = [m for m in named if sentence.start <= m.start < sentence.end]
            taken = [(m.start, m.end) for m in inside if not context._unknown_name(m)]
            unknown = [(m.start, m.end) for m in inside if context._unknown_name(m)]

            def free(start, end):
                return not any(a < end and start < b for a, b in taken) and all(
                    start <= a and b <= end for a, b in unknown if a < end and start < b)

            matches = {m.first: m for m in self.references.index.match(tokens, text)
                       if m.start == tokens[m.first].start
                       and m.end == tokens[m.last - 1].end}
            i = 0
            while i < len(tokens):
                token, match = tokens[i], matches.get(i)
                before = said[: bisect.bisect_left(said_starts, token.start)]
                last = self._remit_end(tokens, match) if match is not None else i
                if match is not None and free(match.start, tokens[last - 1].end):
                    found = self._word(tokens, match, text, before, inside, last)
                    i = last
                elif normal(token.lemma) in self.references.pronouns and token.pos in (
                        "PRON", "DET") and free(token.start, token.end):
                    found = self._pronoun(tokens, i, text, before)
                    i += 1
                else:
                    i += 1
                    continue
                if found:
                    taken += [(m.start, m.end) for m in found]
                    yield found

    plain = copy.copy(stage)
    plain.__class__ = PlainReferences
    return plain


def test_references_are_the_plain_loop_s(pipeline):
    """The context stage copies the actors named before a token only for a token that may
    refer; what it finds is what the copy at every token found."""
    files = sorted(EXAMPLES.glob("*.txt"))
    files += sorted((DATA / "factrueval-2016-dev").glob("*.txt"))[:FACTRUEVAL_TEXTS]
    documents = [d for d in read([*files, EXAMPLES / "news.jsonl"]) if hasattr(d, "text")]
    names = [stage.name for stage in pipeline.stages]
    batch = [Analysis(d) for d in documents]
    for stage in pipeline.stages[: names.index("context")]:
        batch = stage(batch)
    stage = pipeline.stages[names.index("context")]
    plain = _plain_references(stage)
    found = 0
    for analysis in batch:
        if analysis.analysed and analysis.sentences:
            mentions = list(stage.resolved(analysis))
            assert mentions == list(plain.resolved(analysis)), analysis.document.origin
            found += len(mentions)
    assert found > 20
