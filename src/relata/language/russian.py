"""Russian NLP: razdel + slovnet (through natasha) adapted to relata's own records.

No natasha or slovnet object leaves this module. Models load once per process;
sentences of a whole batch of documents go through each model together, sorted
by length so that padded batches waste little work.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

import numpy as np
from natasha import MorphVocab
from natasha.data import NEWS_MORPH, NEWS_NER, NEWS_SYNTAX
from natasha.doc import DocToken
from natasha.morph.lemma import lemmatize
from natasha.norm import normalize, syntax_normalize
from razdel import sentenize
from slovnet import NER, Morph, Syntax
from slovnet.exec.encoders import WordShapeInput
from slovnet.exec.model import NER as NERModule
from slovnet.shape import word_shape
from threadpoolctl import ThreadpoolController

from ..records import Analysis, Mention, Sentence, Token
from .cnn import Forward, viterbi
from .glosses import glossed
from .markup import Visible, prose
from .sites import sites
from .tokens import token_spans
from .words import navec

MODEL_BATCH = 32  # sentences per model call: measured fastest on 2 cores (8-128 tried)
NER_BATCH = 8  # whole documents per NER call: long ones pad the rest (1-32 tried)
LEMMA_CACHE = 500_000
WORD_CACHE = 200_000  # word forms whose vocabulary ids each model keeps
NAME_CACHE = 100_000  # normal forms of names
# The parser scores every word of a sentence as the head of every other: its memory grows
# with the square of the sentence's length (3 GB for 7,000 words in one batch). A longer
# sentence, which is a text without full stops, is cut into pieces of at most this many
# tokens. The longest sentence of RuSentRel and FactRuEval has 131.
MAX_SENTENCE_TOKENS = 250
# NER reads a whole body at once, as in natasha; a longer one in runs of whole sentences
# of at most this many tokens, so that a batch of documents is bounded in memory too. The
# longest document of RuSentRel and FactRuEval has 3,621.
NER_WINDOW_TOKENS = 5000


class _Model:
    """A slovnet model run on lists of words, giving its raw output: morph gives CoNLL
    tags (`NOUN|Case=Nom|…`), syntax (ids, head ids, relations), NER BIO tags. No record
    is built per token (the records cost as much as a model here), and each word's ids
    in the model's vocabularies (its lower case, its shape) are looked up once."""

    def __init__(self, model: Any):
        infer = model.infer
        # slovnet's own inference steps, around relata's faster forward pass
        self.infer = type(infer)(Forward(infer.model), infer.encoder, infer.decoder)
        self.process = self._tags if isinstance(infer.model, NERModule) else self.infer.process
        self.decode = infer.decoder
        encoder = infer.encoder
        self.batch_size = encoder.batch_size
        words, shapes = encoder.words_vocab, encoder.shapes_vocab
        self.word_pad, self.shape_pad = words.pad_id, shapes.pad_id

        @functools.lru_cache(maxsize=WORD_CACHE)
        def ids(word: str) -> tuple[int, int]:
            return words.encode(word.lower()), shapes.encode(word_shape(word))

        self.ids = ids

    def __call__(self, items: list[list[str]]) -> list:
        return list(self.decode(self.process(self._inputs(items))))

    def _tags(self, inputs: Iterable[WordShapeInput]) -> Iterator[np.ndarray]:
        """NER's tag ids: slovnet's `NERInfer.process`, with a faster Viterbi."""
        forward = self.infer.model
        for batch in inputs:
            scores = forward(batch.word_id, batch.shape_id, batch.pad_mask)
            yield from viterbi(forward.head.crf, scores, ~batch.pad_mask)

    def _inputs(self, items: list[list[str]]) -> Iterator[WordShapeInput]:
        """slovnet's encoder's padded arrays, the same values in the same dtype."""
        for start in range(0, len(items), self.batch_size):
            chunk = items[start : start + self.batch_size]
            size = max(len(words) for words in chunk)
            word_id = np.full((len(chunk), size), self.word_pad)
            shape_id = np.full((len(chunk), size), self.shape_pad)
            ids = np.array([self.ids(word) for words in chunk for word in words],
                           dtype=word_id.dtype).reshape(-1, 2)
            filled = np.arange(size) < np.array([len(words) for words in chunk])[:, None]
            word_id[filled], shape_id[filled] = ids[:, 0], ids[:, 1]  # row by row, in order
            yield WordShapeInput(word_id, shape_id, word_id == self.word_pad)


class _Parser(_Model):
    """The syntax model on lists of at most MAX_SENTENCE_TOKENS words: a longer list is
    parsed in pieces, which are joined into one parse whose pieces' roots are all roots
    (`repair_tree` hangs the others on the first)."""

    def __call__(self, items: list[list[str]]) -> list:
        limit = MAX_SENTENCE_TOKENS
        if all(len(words) <= limit for words in items):
            return super().__call__(items)
        starts = [range(0, len(words), limit) for words in items]
        parts = iter(super().__call__(
            [words[k : k + limit] for words, ks in zip(items, starts, strict=True) for k in ks]))
        return [_joined([next(parts) for _ in ks]) for ks in starts]


def _joined(parses: Sequence[tuple[list[str], list[str], list[str]]]) -> tuple:
    """One parse of the pieces' parses (slovnet's ids, head ids and relations, 1-based
    in each piece), head ids numbered in the whole."""
    heads: list[str] = []
    rels: list[str] = []
    for _, piece_heads, piece_rels in parses:
        offset = len(heads)
        heads += [head if head == "0" else str(int(head) + offset) for head in piece_heads]
        rels += piece_rels
    return [str(k) for k in range(1, len(heads) + 1)], heads, rels


@dataclasses.dataclass(frozen=True, slots=True)
class _Models:
    morph: _Model
    syntax: _Model
    ner: _Model
    vocab: MorphVocab


@functools.cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[Any]:
    """A context in which numpy's BLAS runs on one thread. slovnet's models make hundreds
    of small matrix products per batch: a second thread gains little on them, and on a
    busy machine each product waits for it to be scheduled (relata ran 2.5 times slower
    end to end with two threads on 2 cores shared with other jobs). Cores are used by
    `--workers` instead, whose processes run one thread each too, so the parse no longer
    depends on the number of processes or cores (threads sum some products in another
    order, which can move a near-tie: one head in 1,602 sentences of FactRuEval)."""
    return _blas().limit(limits=1, user_api="blas")


@functools.cache
def morph_vocab() -> MorphVocab:
    # pymorphy2 imports pkg_resources here, which setuptools 80 warns about (and 81
    # removed: the dependency is pinned below it). The warning is the library's, not the
    # user's business; it is silenced for this call only, the user's filters untouched.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated as an API",
                                category=UserWarning)
        return MorphVocab()


@functools.cache
def models() -> _Models:
    """natasha's news models, loaded with slovnet directly: natasha's wrappers would copy
    every token into records of their own, which costs time and gives nothing."""
    embedding = navec()
    taggers = (
        _Model(Morph.load(NEWS_MORPH, batch_size=MODEL_BATCH).navec(embedding)),
        _Parser(Syntax.load(NEWS_SYNTAX, batch_size=MODEL_BATCH).navec(embedding)),
        _Model(NER.load(NEWS_NER, batch_size=NER_BATCH).navec(embedding)),
    )
    return _Models(*taggers, morph_vocab())


def normal_forms(word: str) -> set[str]:
    """The lemmas a dictionary word (written in the nominative) may get in text: the word
    itself and the normal form of each nominative or caseless reading, lower case, ё as е.
    A word with no such reading (`Хезболла`, read only as a genitive) takes them all."""
    parses = morph_vocab().parse(word)
    nominative = [p for p in parses if p.tag.case in (None, "nomn")]
    # Not a plural: `Асадов` is a surname, not «of the Asads».
    other = [p for p in parses if p.tag.number != "plur"]
    forms = {p.normal_form for p in nominative or other} | {word.lower()}
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
    """A sentence while it is being annotated: offsets in the text the NLP reads, and its
    words."""

    start: int
    end: int
    spans: list[tuple[int, int]]  # token offsets
    words: list[str]

    @classmethod
    def of(cls, text: str, start: int, end: int, spans: list[tuple[int, int]]) -> _Segment:
        return cls(start, end, spans, [text[s:e] for s, e in spans])


def _lines(text: str) -> Iterable[tuple[int, str]]:
    """Pieces of text between line breaks that end a sentence: a break before a capital
    letter (or a blank line) ends one; a break inside wrapped text does not."""
    start = 0
    for match in re.finditer(r"\n(?=\s*[A-ZА-ЯЁ«\"{(\[—–-]|\s*\n|\s*$)", text):
        yield start, text[start : match.start()]
        start = match.end()
    yield start, text[start:]


def segment(text: str) -> list[_Segment]:
    """Sentences and tokens of `text`. A line break ends a sentence: news puts headlines,
    bylines and datelines on lines of their own. A sentence of more than
    MAX_SENTENCE_TOKENS tokens is cut into pieces, each a sentence of its own: the parser
    reads no more at once, and every later stage reads a sentence whole."""
    segments = []
    for line_start, line in _lines(text):
        for sent in sentenize(line):
            start = line_start + sent.start
            spans = [(start + a, start + b) for a, b in token_spans(sent.text)]
            if len(spans) > MAX_SENTENCE_TOKENS:
                segments += [_Segment.of(text, piece[0][0], piece[-1][1], piece)
                             for piece in _pieces(text, spans)]
            elif spans:
                segments.append(_Segment.of(text, start, start + len(sent.text), spans))
    return segments


_CUT_AFTER = frozenset({",", ";", ":", "—", "–", "-"})  # where a clause may end


def _pieces(text: str, spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """A long sentence's tokens in runs of at most MAX_SENTENCE_TOKENS, each cut after
    the last comma, colon or dash of its second half, if it has one."""
    limit, first = MAX_SENTENCE_TOKENS, 0
    while len(spans) - first > limit:
        cut = next((k for k in range(first + limit, first + limit // 2, -1)
                    if text[spans[k - 1][0] : spans[k - 1][1]] in _CUT_AFTER), first + limit)
        yield spans[first:cut]
        first = cut
    yield spans[first:]


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


def _entities(model: _Model, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """NER spans (start, stop, type) of each text, from slovnet's BIO tags directly
    (slovnet's tokens are razdel's, as `token_spans` gives them), a name's gloss in
    brackets a span of its own (`glosses`), and a site's address an organisation
    (`sites`)."""
    tokens = [token_spans(text) for text in texts]
    tags = model([[text[a:b] for a, b in ts] for text, ts in zip(texts, tokens, strict=True)])
    return [sites(text, glossed(text, _bio_spans(ts, tg)))
            for text, ts, tg in zip(texts, tokens, tags, strict=True)]


def _bio_spans(tokens: Sequence[tuple[int, int]],
               tags: Sequence[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    current: list = []  # [start, stop, type] of the open span
    for (start, stop), tag in zip(tokens, tags, strict=True):
        part, _, kind = tag.partition("-")
        if part == "I" and current and current[2] == kind:
            current[1] = stop
            continue
        if current:
            spans.append(tuple(current))
        current = [start, stop, kind] if part in ("B", "I") else []
    if current:
        spans.append(tuple(current))
    return spans


@functools.lru_cache(maxsize=4096)
def _tag(tag: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """`NOUN|Case=Nom|Number=Sing` → ("NOUN", (("Case", "Nom"), ("Number", "Sing")))."""
    pos, *feats = tag.split("|")
    return pos, tuple(sorted(tuple(f.split("=", 1)) for f in feats if "=" in f))


_SET_START, _SET_END, _SET_TEXT, _SET_LEMMA, _SET_POS, _SET_FEATS, _SET_HEAD, _SET_REL = (
    vars(Token)[field.name].__set__ for field in dataclasses.fields(Token))


def _token(start: int, end: int, text: str, lemma: str, pos: str,
           feats: tuple[tuple[str, str], ...], head: int, rel: str) -> Token:
    """`Token(start, end, text, lemma, pos, feats, head, rel)` without the frozen
    dataclass's `__init__`, which sets each field through `object.__setattr__`, looking it
    up by name every time: a batch makes two tokens a word (tagged, then parsed), sixty
    thousand on the factRuEval dev texts. Each slot is set directly instead, at half the
    cost; the record is the same (tests/test_language_speed.py)."""
    token = _NEW(Token)
    _SET_START(token, start)
    _SET_END(token, end)
    _SET_TEXT(token, text)
    _SET_LEMMA(token, lemma)
    _SET_POS(token, pos)
    _SET_FEATS(token, feats)
    _SET_HEAD(token, head)
    _SET_REL(token, rel)
    return token


_NEW = object.__new__


def _tokens(segment: _Segment, tags: Sequence[str], where: Visible,
            offset: int) -> tuple[Token, ...]:
    """The sentence's tokens, not parsed yet: every head is 0 and every relation empty.
    Their offsets are in the text `where` was made of, shifted by `offset`."""
    tokens = []
    for (start, end), word, tag in zip(segment.spans, segment.words, tags, strict=True):
        pos, feats = _tag(tag)
        tokens.append(_token(offset + where.start(start), offset + where.end(end), word,
                             _lemma(word, pos, feats), pos, feats, 0, ""))
    return tuple(tokens)


def _parsed(tokens: tuple[Token, ...], syntax: Any) -> tuple[Token, ...]:
    _, head_ids, rels = syntax
    heads, rels = repair_tree([int(h) for h in head_ids], list(rels))
    return tuple(_token(t.start, t.end, t.text, t.lemma, t.pos, t.feats, head, rel)
                 for t, head, rel in zip(tokens, heads, rels, strict=True))


def _normal(kind: str, tokens: Sequence[tuple[int, Token]], where: Visible,
            offset: int) -> str:
    """The name in the nominative (`Украине` → `Украина`), as natasha normalises spans.
    `tokens` are (1-based index in the sentence, token), so heads keep their meaning; their
    places (which give the spaces between the words) are taken in the text the NLP read."""
    if not tokens:
        return ""
    by_syntax = kind == "ORG"  # only syntax_normalize reads the heads
    origin = where.shown(tokens[0][1].start - offset)
    position = {i: k for k, (i, _) in enumerate(tokens)}
    return _normal_of(by_syntax, tuple(
        (where.shown(t.start - offset) - origin, where.shown(t.end - offset) - origin, t.text,
         t.pos, t.feats, position.get(t.head, -1) if by_syntax else -1)
        for _, t in tokens))


@functools.lru_cache(maxsize=NAME_CACHE)
def _normal_of(by_syntax: bool,
               tokens: tuple[tuple[int, int, str, str, tuple, int], ...]) -> str:
    """natasha's normal form of a span, cached: the same names recur in every article.
    What natasha reads of a token is all in the key: its text, POS, features, its place
    (for the spaces between words), and which token of the span is its head (-1: none)."""
    adapted = [
        DocToken(start, end, text, id=str(k), head_id=str(head), pos=pos, feats=dict(feats))
        for k, (start, end, text, pos, feats, head) in enumerate(tokens)
    ]
    method = syntax_normalize if by_syntax else normalize
    return method(models().vocab, adapted)


def _mentions(text: str, sentences: list[Sentence], ner: Iterable[tuple[int, int, str]],
              where: Visible, offset: int) -> list[Mention]:
    """NER spans of a body (offsets in the text `where` was made of, shifted by `offset`)
    as mentions of the document `text`; a name's normal form comes from the tokens of the
    sentence it starts in."""
    starts = [s.start for s in sentences]
    mentions = []
    for span_start, span_stop, kind in ner:
        start, end = offset + where.start(span_start), offset + where.end(span_stop)
        sentence = sentences[max(0, bisect.bisect_right(starts, start) - 1)]
        inside = [(i, t) for i, t in enumerate(sentence.tokens, 1)
                  if start <= t.start and t.end <= end]
        mentions.append(Mention(start, end, text[start:end], kind,
                                _normal(kind, inside, where, offset)))
    return mentions


def _ner_windows(segments: Sequence[_Segment], length: int) -> list[tuple[int, int]]:
    """The (start, end) of what NER reads at once of a body of `length` characters: all of
    it, or, past NER_WINDOW_TOKENS tokens, runs of whole sentences of at most that many
    tokens, which tile the body."""
    cuts, count = [0], 0
    for seg in segments:
        if count and count + len(seg.spans) > NER_WINDOW_TOKENS:
            cuts.append(seg.start)
            count = 0
        count += len(seg.spans)
    return list(itertools.pairwise([*cuts, length]))


def parse_sentences(texts: Sequence[str]) -> list[tuple[Token, ...]]:
    """Tokens of each text read as one sentence (offsets into that text), tagged and
    parsed: for models that are handed a sentence rather than a document."""
    m = models()
    shown = [Visible.of(text) for text in texts]
    segments = [_Segment.of(v.text, 0, len(v.text), token_spans(v.text)) for v in shown]
    todo = [i for i, s in enumerate(segments) if s.words]  # the models take no empty sentence
    with one_blas_thread():
        morphs = _run_sorted(m.morph, [segments[i].words for i in todo])
        parses = _run_sorted(m.syntax, [segments[i].words for i in todo])
    result: list[tuple[Token, ...]] = [() for _ in texts]
    for i, morph, parse in zip(todo, morphs, parses, strict=True):
        result[i] = _parsed(_tokens(segments[i], morph, shown[i], 0), parse)
    return result


# Whether a sentence is worth parsing: its tokens (lemmas, no heads yet) and whether NER
# found a name in it. Without one, every sentence is parsed.
ParseWhen = Callable[[Sequence[Token], bool], bool]


class RussianNLP:
    """Stage: sentences, tokens (lemma, UD POS and features, head, relation) and NER mentions.

    `parse_when` lets the dependency parser, the costliest model, skip sentences that
    cannot hold what later stages look for; their `Sentence.parsed` is False."""

    name = "russian"

    def __init__(self, parse_when: ParseWhen | None = None):
        self.parse_when = parse_when

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        with one_blas_thread():
            return self._annotate(batch)

    def _annotate(self, batch: list[Analysis]) -> list[Analysis]:
        todo = [i for i, a in enumerate(batch) if a.analysed and a.document.lang == "ru"]
        # What the models read of each body, in whose offsets they answer: `Visible` takes
        # them back to the document's.
        bodies = {i: Visible.of(prose(batch[i].document.body)) for i in todo}
        segments = {i: segment(bodies[i].text) for i in todo}
        flat = [s for i in todo for s in segments[i]]
        if not flat:
            return batch
        m = models()
        morphs = _run_sorted(m.morph, [s.words for s in flat])
        entities = self._entities(m.ner, todo, bodies, segments)
        k = 0
        tokens = []
        for i in todo:
            where, offset = bodies[i], batch[i].document.body_start
            for seg in segments[i]:
                tokens.append(_tokens(seg, morphs[k], where, offset))
                k += 1
        chosen = self._worth_parsing(todo, segments, tokens, entities)
        parses = dict(zip(chosen, _run_sorted(m.syntax,
                                              [flat[k].words for k in chosen]), strict=True))
        result = list(batch)
        k = 0
        for i in todo:
            document = batch[i].document
            where, offset = bodies[i], document.body_start
            sentences = []
            for seg in segments[i]:
                parse = parses.get(k)
                parsed = _parsed(tokens[k], parse) if parse is not None else tokens[k]
                sentences.append(Sentence(offset + where.start(seg.start),
                                          offset + where.end(seg.end), parsed,
                                          parsed=parse is not None))
                k += 1
            mentions = _mentions(document.text, sentences, entities[i], where, offset)
            result[i] = dataclasses.replace(
                batch[i], sentences=tuple(sentences), mentions=tuple(mentions)
            )
        return result

    @staticmethod
    def _entities(model: _Model, todo: list[int], bodies: dict[int, Visible],
                  segments: dict[int, list[_Segment]]) -> dict[int, list[tuple[int, int, str]]]:
        """NER spans (start, stop, type) of each body, in the offsets of the text the
        models read: NER sees across sentences, as in natasha."""
        windows = [(i, start, end) for i in todo
                   for start, end in _ner_windows(segments[i], len(bodies[i].text))]
        found = _run_sorted(lambda texts: _entities(model, texts),
                            [bodies[i].text[start:end] for i, start, end in windows])
        entities: dict[int, list[tuple[int, int, str]]] = {i: [] for i in todo}
        for (i, start, _), spans in zip(windows, found, strict=True):
            entities[i] += [(start + a, start + b, kind) for a, b, kind in spans]
        return entities

    def _worth_parsing(self, todo, segments, tokens, entities) -> list[int]:
        """Indexes (in the batch's flat list of sentences) of the sentences to parse."""
        total = sum(len(segments[i]) for i in todo)
        if self.parse_when is None:
            return list(range(total))
        chosen, k = [], 0
        for i in todo:
            starts = [start for start, _, _ in entities[i]]  # in order
            for seg in segments[i]:
                first = bisect.bisect_left(starts, seg.start)
                named = first < len(starts) and starts[first] < seg.end
                if self.parse_when(tokens[k], named):
                    chosen.append(k)
                k += 1
        return chosen
