"""The events stage's faster paths give what the plain ones gave (equivalence tests for
speed hacks): a word of blame looked up among the entries that hold its lemma only
(events/speech.py), reports sought only at a colon or a word of saying (events/speech.py),
a token's feature read by a loop (records.py), light verbs sought only
among the words that may be one (events/triggers.py), the tokens of a mention found by
bisection (events/arguments.py). The plain paths are kept here as they were written before,
and both run on the parsed sentences of real texts."""

from __future__ import annotations

import pytest

from relata.events import triggers
from relata.events.arguments import NOMINAL, Tree
from relata.events.lexicon import load_lexicon
from relata.events.speech import KINDS, _entries, _matches, load_speech
from relata.events.triggers import REFLEXIVE, Trigger, active_lemma, find_triggers
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


def _plain_mention_at(tree: Tree) -> dict:
    covered = {}
    for mention in tree.mentions:
        for i, token in enumerate(tree.tokens):
            if (mention.start <= token.start and token.end <= mention.end) or (
                    token.start < mention.end and mention.start < token.end):
                covered.setdefault(i, mention)
    return covered


def _plain_active_lemma(token: Token) -> str:
    lemma = token.lemma
    if token.pos == "VERB" and token.feat("Voice") == "Pass" and lemma.endswith(REFLEXIVE):
        return lemma[: -len(REFLEXIVE)]
    return lemma


def _plain_find_triggers(tree: Tree, lexicon) -> list[Trigger]:
    """find_triggers as it was: every token's lemmas listed before its part of speech is
    asked."""
    found: list[Trigger] = []
    used: set[int] = set()
    light_verbs = lexicon.light_verbs
    for i, token in enumerate(tree.tokens):
        lemmas = [lemma for lemma in dict.fromkeys((token.lemma, _plain_active_lemma(token)))
                  if lemma in light_verbs]
        if not lemmas or token.pos not in ("VERB", "AUX", "NOUN"):
            continue
        nouns = (triggers._light_nouns(tree, i) if token.pos != "NOUN"
                 else triggers._noun_objects(tree, i))
        if token.lemma in lexicon.receivers:
            nouns = [n for n in nouns if not triggers.receiving_subject(tree, n)]
        for noun in [n for found in nouns for n in (found, *triggers._counted(tree, found),
                                                    *triggers._said(tree, found))]:
            carried = lemmas
            if triggers._said(tree, tree.head(noun)):
                carried = [*lemmas, *(triggers.SENDING[w] for w in lemmas
                                      if w in triggers.SENDING)]
            predicate = next((p for lemma in carried
                              for phrase in triggers._qualified(tree, noun)
                              if (p := lexicon.light.get((lemma, phrase))) is not None),
                             None)
            if predicate is not None:
                found.append(Trigger(i, predicate, min(i, noun), max(i, noun), noun,
                                     tree.tokens[noun].lemma))
                used |= {i, noun, *triggers._counted(tree, noun)}
                break
    if lexicon.frames:
        for trigger in triggers._frames(tree, lexicon, used):
            found.append(trigger)
            used |= {trigger.head, trigger.first, trigger.last}
    for i, token in enumerate(tree.tokens):
        predicate = lexicon.words.get(token.lemma)
        if predicate is not None and i not in used and token.pos in ("VERB", *NOMINAL):
            found.append(Trigger(i, predicate, i, i))
    return sorted(found, key=lambda t: t.first)


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


def _trees(analyses) -> list[Tree]:
    """Each parsed sentence as the coder reads it: its mentions, the document's before it."""
    trees = []
    for analysis in analyses:
        everything = analysis.mentions
        for sentence in analysis.sentences:
            if sentence.parsed:
                inside = [m for m in everything if sentence.start <= m.start < sentence.end]
                earlier = [m for m in everything if m.start < sentence.end]
                trees.append(Tree(sentence.tokens, inside, earlier))
    return trees


def test_triggers_are_those_the_plain_search_finds(analyses):
    lexicon = load_lexicon()
    found = light = 0
    for tree in _trees(analyses):
        answer = find_triggers(tree, lexicon)
        assert answer == _plain_find_triggers(tree, lexicon), [t.text for t in tree.tokens]
        found += len(answer)
        light += sum(t.noun is not None for t in answer)
        for token in tree.tokens:
            assert active_lemma(token) == _plain_active_lemma(token)
    assert found > 300 and light > 20


def test_the_mention_at_each_token_is_the_plain_search_s(analyses):
    trees = _trees(analyses)
    covered = 0
    for tree in trees:
        answer = tree.mention_at
        assert list(answer.items()) == list(_plain_mention_at(tree).items())
        covered += len(answer)
    # mentions of other sentences too: none of their tokens is in this one
    for tree in trees[:200]:
        wide = Tree(tree.tokens, tree.earlier)
        assert list(wide.mention_at.items()) == list(_plain_mention_at(wide).items())
    assert covered > 1000


def test_questions_are_those_the_plain_test_finds(analyses):
    """`_question` looks behind the closing quotes only of a sentence with a question mark."""
    from relata.events.coder import _question
    from relata.language.markup import visible

    found = 0
    for analysis in analyses:
        text = analysis.document.text
        for sentence in analysis.sentences:
            plain = visible(text[sentence.start : sentence.end]).rstrip(" »\"").endswith("?")
            assert _question(text, sentence) == plain, text[sentence.start : sentence.end]
            found += plain
    assert found > 3


def _plain_reports(tree: Tree, words, hostile):
    """speech.reports as it was: every token asked whether it is a headline's colon."""
    from relata.events import speech

    for i, token in enumerate(tree.tokens):
        speaker = speech.headline_speaker(tree, i)
        hearsay = token.lemma in words.hearsay and tree.preposition(i) == speech.BY
        if speaker is not None:
            said = set(range(i + 1, len(tree.tokens)))
        elif hearsay:
            said = speech.content(tree, i, words.hearsay)
        elif token.lemma in words.reporting and token.pos in ("VERB", "ADJ", "NOUN"):
            said = speech.content(tree, i, words.claims)
            if token.pos == "VERB":
                speaker = speech.owner_of_words(tree, i, words)
        else:
            continue
        if speech._analyst(tree, i, words):
            continue
        report = speech._report(tree, i, said, words, hostile, speaker, hearsay)
        if report is not None:
            yield report


def test_reports_are_those_the_plain_loop_finds(analyses):
    from relata.events.coder import CodeEvents
    from relata.events.speech import reports

    coder = CodeEvents()
    words, hostile = coder.speech, coder.hostile
    found = 0
    for tree in _trees(analyses):
        answer = list(reports(tree, words, hostile))
        assert answer == list(_plain_reports(tree, words, hostile)), [
            t.text for t in tree.tokens]
        found += len(answer)
    assert found >= 20
