"""Russian NLP: razdel + slovnet (through natasha) adapted to relata's own records.

No natasha or slovnet object leaves this module. Models load once per process;
sentences of a whole batch of documents go through each model together, sorted
by length so that padded batches waste little work.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
from natasha.doc import DocToken
from natasha.morph.lemma import lemmatize
from natasha.norm import normalize, syntax_normalize
from razdel import sentenize, tokenize

from ..records import Analysis, Mention, Sentence, Token

MODEL_BATCH = 32  # sentences per model call: measured fastest on 2 cores (8-128 tried)
NER_BATCH = 8  # whole documents per NER call: long ones pad the rest (1-32 tried)
LEMMA_CACHE = 500_000


@dataclasses.dataclass(frozen=True, slots=True)
class _Models:
    morph: Any
    syntax: Any
    ner: Any
    vocab: MorphVocab


@functools.cache
def morph_vocab() -> MorphVocab:
    return MorphVocab()


@functools.cache
def models() -> _Models:
    embedding = NewsEmbedding()
    taggers = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
    for tagger, size in zip(taggers, (MODEL_BATCH, MODEL_BATCH, NER_BATCH), strict=True):
        tagger.batch_size = tagger.infer.encoder.batch_size = size  # slovnet chops twice
    return _Models(*taggers, morph_vocab())


def normal_forms(word: str) -> set[str]:
    """The lemmas a dictionary word (written in the nominative) may get in text: the word
    itself and the normal form of each nominative or caseless reading, lower case, ё as е.
    A word with no such reading (`Хезболла`, read only as a genitive) takes them all."""
    parses = morph_vocab().parse(word)
    nominative = [p for p in parses if p.tag.case in (None, "nomn")]
    forms = {p.normal_form for p in nominative or parses} | {word.lower()}
    return {form.replace("ё", "е") for form in forms}


@functools.lru_cache(maxsize=LEMMA_CACHE)
def _lemma(word: str, pos: str, feats: tuple[tuple[str, str], ...]) -> str:
    return lemmatize(models().vocab, word, pos, dict(feats))


def _run_sorted(model_map: Callable[[list], Iterable], items: Sequence) -> list:
    """model_map over items in length order (less padding), results in input order."""
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    results: list = [None] * len(items)
    for index, result in zip(order, model_map([items[i] for i in order]), strict=True):
        results[index] = result
    return results


@dataclasses.dataclass(frozen=True, slots=True)
class _Segment:
    """A sentence while it is being annotated: document offsets and its words."""

    start: int
    end: int
    text: str
    spans: list[tuple[int, int]]  # token offsets in the document

    @property
    def words(self) -> list[str]:
        return [self.text[s - self.start : e - self.start] for s, e in self.spans]


def segment(text: str, offset: int = 0) -> list[_Segment]:
    """Sentences and tokens of `text`, with offsets shifted by `offset`."""
    segments = []
    for sent in sentenize(text):
        start = offset + sent.start
        spans = [(start + t.start, start + t.stop) for t in tokenize(sent.text)]
        if spans:
            segments.append(_Segment(start, offset + sent.stop, sent.text, spans))
    return segments


def repair_tree(heads: list[int], rels: list[str]) -> tuple[list[int], list[str]]:
    """Make the parser's output one tree. slovnet picks each head on its own, so a
    sentence can come out with two roots or a cycle: both are hung on the root."""
    heads, rels = list(heads), list(rels)
    roots = [i for i, h in enumerate(heads, 1) if h == 0]
    root = next((i for i in roots if rels[i - 1] == "root"), roots[0] if roots else 1)
    heads[root - 1], rels[root - 1] = 0, "root"
    for i in range(1, len(heads) + 1):
        path, node = set(), i
        while node != root:
            if heads[node - 1] == 0 or node in path:  # another root, or back in a cycle
                heads[node - 1] = root
                rels[node - 1] = "parataxis" if rels[node - 1] == "root" else rels[node - 1]
                break
            path.add(node)
            node = heads[node - 1]
    return heads, rels


def _tokens(segment: _Segment, morph: Any, syntax: Any) -> tuple[Token, ...]:
    heads, rels = repair_tree([int(t.head_id) for t in syntax.tokens],
                              [t.rel for t in syntax.tokens])
    tokens = []
    for (start, end), word, tag, head, rel in zip(
        segment.spans, segment.words, morph.tokens, heads, rels, strict=True
    ):
        feats = tuple(sorted(tag.feats.items()))
        tokens.append(
            Token(start, end, word, _lemma(word, tag.pos, feats), tag.pos, feats, head, rel)
        )
    return tuple(tokens)


def _normal(kind: str, tokens: Sequence[tuple[int, Token]]) -> str:
    """The name in the nominative (`Украине` → `Украина`), as natasha normalises spans.
    `tokens` are (1-based index in the sentence, token), so heads keep their meaning."""
    if not tokens:
        return ""
    adapted = [
        DocToken(t.start, t.end, t.text, id=str(i), head_id=str(t.head),
                 rel=t.rel, pos=t.pos, feats=dict(t.feats))
        for i, t in tokens
    ]
    method = syntax_normalize if kind == "ORG" else normalize
    return method(models().vocab, adapted)


def _mentions(text: str, offset: int, sentences: list[Sentence], ner: Any) -> list[Mention]:
    """NER spans of a whole body (NER sees across sentences, as in natasha), as mentions;
    a name's normal form comes from the tokens of the sentence it starts in."""
    starts = [s.start for s in sentences]
    mentions = []
    for span in ner.spans:
        start, end = offset + span.start, offset + span.stop
        sentence = sentences[max(0, bisect.bisect_right(starts, start) - 1)]
        inside = [(i, t) for i, t in enumerate(sentence.tokens, 1)
                  if start <= t.start and t.end <= end]
        mentions.append(Mention(start, end, text[start:end], span.type,
                                _normal(span.type, inside)))
    return mentions


class RussianNLP:
    """Stage: sentences, tokens (lemma, UD POS and features, head, relation) and NER mentions."""

    name = "russian"

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        todo = [i for i, a in enumerate(batch) if a.analysed and a.document.lang == "ru"]
        segments = {i: segment(batch[i].document.body, batch[i].document.body_start) for i in todo}
        flat = [s for i in todo for s in segments[i]]
        if not flat:
            return batch
        m = models()
        words = [s.words for s in flat]
        morphs = _run_sorted(m.morph.map, words)
        parses = _run_sorted(m.syntax.map, words)
        entities = _run_sorted(m.ner.map, [batch[i].document.body for i in todo])
        annotated = iter(zip(flat, morphs, parses, strict=True))
        result = list(batch)
        for i, ner in zip(todo, entities, strict=True):
            document = batch[i].document
            sentences = [Sentence(seg.start, seg.end, _tokens(seg, morph, parse))
                         for seg, morph, parse in (next(annotated) for _ in segments[i])]
            mentions = _mentions(document.text, document.body_start, sentences, ner)
            result[i] = dataclasses.replace(
                batch[i], sentences=tuple(sentences), mentions=tuple(mentions)
            )
        return result
