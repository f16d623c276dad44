"""A text without sentence marks is analysed in pieces of bounded length, offsets kept."""

import itertools
import json
import subprocess
import sys

from relata.language import russian
from relata.language.russian import MAX_SENTENCE_TOKENS, parse_sentences, segment
from relata.language.tokens import token_spans
from relata.sources import parse_text

from conftest import FOUNDING, ROOT, assert_tree, unpunctuated


def test_long_unpunctuated_text_is_cut_into_bounded_sentences(nlp_pipeline):
    (analysis,) = nlp_pipeline([parse_text(unpunctuated(15_000), "long.txt")])
    text, start = analysis.document.text, analysis.document.body_start
    sentences = analysis.sentences
    assert len(sentences) >= 4
    tokens = [t for s in sentences for t in s.tokens]
    # every token once, in order, where razdel puts it in the whole text
    assert [(t.start, t.end) for t in tokens] == [
        (start + a, start + b) for a, b in token_spans(analysis.document.body)]
    for sentence in sentences:
        assert 0 < len(sentence.tokens) <= MAX_SENTENCE_TOKENS
        assert sentence.start <= sentence.tokens[0].start
        assert sentence.tokens[-1].end <= sentence.end
        assert_tree(sentence.tokens)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert len(analysis.mentions) > 50
    assert all(text[m.start : m.end] == m.text for m in analysis.mentions)


def test_a_long_sentence_is_cut_after_a_comma_where_it_has_one():
    text = "Россия и Азербайджан подписали соглашение, " * 200
    pieces = segment(text)
    assert len(pieces) > 1
    for piece in pieces[:-1]:
        assert len(piece.words) <= MAX_SENTENCE_TOKENS
        assert piece.words[-1] == ","


def test_the_parser_never_reads_more_than_the_limit_at_once(monkeypatch):
    widths = []
    inputs = russian._Model._inputs
    parser = russian.models().syntax

    def spy(self, items):
        if self is parser:
            widths.append(max(len(words) for words in items))
        return inputs(self, items)

    monkeypatch.setattr(russian._Model, "_inputs", spy)
    text = unpunctuated(8_000)
    (tokens,) = parse_sentences([text])
    assert max(widths) <= MAX_SENTENCE_TOKENS
    assert len(tokens) > 2 * MAX_SENTENCE_TOKENS
    assert [(t.start, t.end) for t in tokens] == token_spans(text)
    assert_tree(tokens)


MEASURE = """
import json, resource, sys
from relata.language.russian import models
from relata.pipeline import Pipeline
from relata.sources import parse_text
sys.path.insert(0, sys.argv[2])
from conftest import unpunctuated
rss = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
pipeline = Pipeline()
models()
loaded = rss()
(analysis,) = pipeline([parse_text(unpunctuated(int(sys.argv[1])), "long.txt")])
print(json.dumps({"failure": analysis.failure, "loaded": loaded, "peak": rss(),
                  "longest": max(len(s.tokens) for s in analysis.sentences)}))
"""


def test_memory_grows_with_the_text_not_its_square():
    """150 KB without a full stop took 1.9 GB when the parser read it whole (peak resident
    memory, numpy's arrays included, in a fresh process)."""
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, "150000", str(ROOT / "tests")],
        capture_output=True, text=True, check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["failure"] is None
    assert figures["longest"] <= MAX_SENTENCE_TOKENS
    assert figures["peak"] - figures["loaded"] < 400, figures


def test_ner_reads_a_long_body_in_runs_of_whole_sentences(monkeypatch, nlp_pipeline,
                                                          founding_nlp):
    monkeypatch.setattr(russian, "NER_WINDOW_TOKENS", 60)
    text = FOUNDING.read_text(encoding="utf-8")
    sentences = segment(text)
    windows = russian._ner_windows(sentences, len(text))
    assert len(windows) > 5
    assert windows[0][0] == 0 and windows[-1][1] == len(text)  # they tile the text
    assert all(a[1] == b[0] for a, b in itertools.pairwise(windows))
    starts = {s.start for s in sentences}
    for start, end in windows:
        assert start == 0 or start in starts
        assert sum(len(s.spans) for s in sentences if start <= s.start < end) <= 60
    (analysis,) = nlp_pipeline([parse_text(text, FOUNDING.name)])
    mentions = analysis.mentions
    assert all(analysis.document.text[m.start : m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    # the names stay what they were when NER read the article whole, but for a few at a cut
    assert len(set(mentions) & set(founding_nlp.mentions)) > 0.9 * len(founding_nlp.mentions)


def test_a_place_in_a_line_without_end_reads_a_bounded_part_of_it():
    """Each place read its whole line: a text without line breaks cost its length per place
    (60 s of 72 for 1 MB)."""
    from relata.actors.places import CONTEXT_CHARS, context
    from relata.records import Token

    text = "слово " * 100_000 + "в Москве" + " слово" * 100_000
    start = text.index("Москве")
    tokens = (Token(start - 2, start - 1, "в", "в", "ADP", (), 2, "case"),
              Token(start, start + 6, "Москве", "москва", "PROPN", (("Case", "Loc"),), 0, "root"))
    found = context(text, tokens, 1, 2)
    assert found.before == text[start - CONTEXT_CHARS : start]
    assert found.after == text[start + 6 : start + 6 + CONTEXT_CHARS]
    assert (found.preposition, found.case) == ("в", "Loc")
