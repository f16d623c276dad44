"""Attitudes a document expresses: who is for (pos) or against (neg) whom, and why.

Two kinds of evidence, both per sentence, summed per ordered pair of parties:

- a coded event between them: the sign and weight of its Goldstein value
  (|g| / 10), discounted by its modality (an intention or a forecast says less than
  a deed; a negated event says nothing about the attitude) and its confidence;
- the targeted sentiment toward one party in a sentence where another is named:
  polarity (positive − negative probability) of the model's non-neutral verdicts,
  held by every other party of the sentence, at a lower weight, since the model
  does not say who holds it.

A pair whose score passes `threshold` in absolute value is an attitude, if an event
links them or they are named together in `MIN_SENTENCES` sentences or more: one
sentence's sentiment alone is too weak a sign (on RuSentRel train, 5 % of such pairs
were gold attitudes with the right sign, against 12-22 % with two to four sentences
and about 30 % with an event).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..language.markup import Visible, prose
from ..records import Analysis, Event, Mention, Token
from . import THRESHOLD
from .features import Target
from .sentiment import SentimentModel

MODALITY = {"factual": 1.0, "threatened": 0.8, "intended": 0.6, "predicted": 0.5,
            "hypothetical": 0.3, "negated": 0.0}
SENTIMENT_WEIGHT = 0.5  # an event is a deed named by the parse; a sentiment is a guess
MIN_SENTENCES = 2
# A state named as a place is still the state (`удар по Азербайджану`); a mere place
# (`в Житомирской области`) has no actor and is no party.
PARTY_KINDS = frozenset({"PER", "ORG", "LOC", "LOCORG", "GRP", "ADJ"})


@dataclass(frozen=True, slots=True)
class Party:
    """One mention of a party to attitudes. `key` groups mentions (a country, an
    organisation code, a name); `side` is what an event's source or target must be to
    be this party when their spans do not overlap (a country or a code)."""

    key: str
    name: str
    start: int
    end: int
    side: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    kind: str  # "event" or "sentiment"
    score: float  # its share of the attitude's score
    detail: str  # `ASSAULT «атаковала» goldstein -10.0 factual`, `sentiment toward X: neg 0.81`
    start: int  # the sentence, char offsets into the document
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Attitude:
    source: str  # party keys
    target: str
    source_name: str
    target_name: str
    label: str  # "pos" or "neg"
    score: float
    evidence: tuple[Evidence, ...]


def side(mention: Mention) -> str | None:
    actor = mention.actor
    return actor and (actor.country or actor.code)


def parties(analysis: Analysis) -> list[Party]:
    """The actors the document names: country level (RUSMIL and RUSGOV are RUS), an
    organisation by its code, a person or body no dictionary places by its name."""
    found = []
    for m in analysis.mentions:
        if m.kind not in PARTY_KINDS or m.actor is None:
            continue
        key = side(m) or m.actor.name or m.normal
        if key:
            found.append(Party(key, m.actor.name or m.normal, m.start, m.end, side(m)))
    return found


def attitudes(
    analysis: Analysis,
    found: Sequence[Party] | None = None,
    model: SentimentModel | None = None,
    threshold: float = THRESHOLD,
    min_sentences: int = MIN_SENTENCES,
) -> list[Attitude]:
    """The attitudes of `analysis` between `found` parties (default: its actors),
    strongest first."""
    found = parties(analysis) if found is None else found
    scores: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    # Each event is a deed of its own (the coder codes one act once, and a sentence may
    # report three attacks); the sentiment toward a party counts once per sentence.
    for pair, evidence in (*_from_events(analysis, found),
                           *_from_sentiment(analysis, found, model or SentimentModel.load())):
        scores[pair].append(evidence)
    names: dict[str, str] = {}
    for party in found:  # a party is called as it is first named
        names.setdefault(party.key, party.name)
    result = []
    for (source, target), evidence in scores.items():
        score = round(sum(e.score for e in evidence), 3)
        enough = len({e.start for e in evidence}) >= min_sentences or \
            any(e.kind == "event" for e in evidence)
        if enough and abs(score) >= threshold and score != 0:
            ranked = tuple(sorted(evidence, key=lambda e: -abs(e.score)))
            result.append(Attitude(source, target, names[source], names[target],
                                   "pos" if score > 0 else "neg", score, ranked))
    return sorted(result, key=lambda a: (-abs(a.score), a.source, a.target))


def _by_sentence(analysis: Analysis, found: Sequence[Party]) -> dict[int, list[Party]]:
    starts = [s.start for s in analysis.sentences]
    grouped: dict[int, list[Party]] = defaultdict(list)
    for party in found:
        index = bisect.bisect_right(starts, party.start) - 1
        if index >= 0 and party.end <= analysis.sentences[index].end:
            grouped[index].append(party)
    return grouped


def _sentence_text(analysis: Analysis, index: int) -> tuple[int, int, str]:
    sentence = analysis.sentences[index]
    return sentence.start, sentence.end, analysis.document.text[sentence.start:sentence.end]


def _matching(party: Party, span, actor) -> bool:
    if span is not None and party.start < span.end and span.start < party.end:
        return True
    return actor is not None and party.side is not None and \
        party.side == (actor.country or actor.code)


def _from_events(analysis: Analysis, found: Sequence[Party]) -> Iterable:
    starts = [s.start for s in analysis.sentences]
    grouped = _by_sentence(analysis, found)
    for event in analysis.events:
        weight = MODALITY.get(event.modality, 0.0) * event.confidence
        if not weight or event.goldstein is None or event.target is None:
            continue
        index = bisect.bisect_right(starts, event.sentence.start) - 1
        here = grouped.get(index, [])
        sources = {p.key for p in here if _matching(p, event.source_span, event.source)}
        targets = {p.key for p in here if _matching(p, event.target_span, event.target)}
        for source in sources:
            for target in targets - {source}:
                yield (source, target), _event_evidence(event, weight)
                if event.symmetric:  # a mutual act says as much of each side
                    yield (target, source), _event_evidence(event, weight)


def _event_evidence(event: Event, weight: float) -> Evidence:
    detail = (f"{event.type} «{event.trigger.text}» goldstein {event.goldstein:+.1f} "
              f"{event.modality}")
    return Evidence("event", round(event.goldstein / 10 * weight, 3), detail,
                    event.sentence.start, event.sentence.end, event.sentence.text)


def _own_tokens(analysis: Analysis, index: int) -> tuple[Token, ...]:
    """The sentence's parse with offsets into the sentence, as the model reads it; none
    for a sentence the pipeline did not parse (the model parses it then)."""
    sentence = analysis.sentences[index]
    if not sentence.parsed:
        return ()
    return tuple(replace(t, start=t.start - sentence.start, end=t.end - sentence.start)
                 for t in sentence.tokens)


def _from_sentiment(analysis: Analysis, found: Sequence[Party], model: SentimentModel
                    ) -> Iterable:
    """Sentiment toward each party in sentences that name two parties or more."""
    text = prose(analysis.document.text)
    asked: list[tuple[int, Party]] = []
    for index, here in sorted(_by_sentence(analysis, found).items()):
        if len({p.key for p in here}) > 1:
            asked.extend((index, p) for p in here)
    targets = []
    for index, party in asked:
        start, end, _ = _sentence_text(analysis, index)
        # the sentence as the NLP read it: offsets are taken into it without the invisible
        # characters the document may have
        where = Visible.of(text[start:end])
        tokens = tuple(replace(t, start=where.shown(t.start), end=where.shown(t.end))
                       for t in _own_tokens(analysis, index))
        targets.append(Target(where.text, where.shown(party.start - start),
                              where.shown(party.end - start), tokens=tokens))
    verdicts = model.predict(targets)
    toward: dict[tuple[int, str], list[float]] = defaultdict(list)
    for (index, party), verdict in zip(asked, verdicts, strict=True):
        toward[index, party.key].append(verdict.polarity if verdict.label else 0.0)
    keys_in = defaultdict(set)
    for index, key in toward:
        keys_in[index].add(key)
    names = {p.key: p.name for _, p in reversed(asked)}  # as first named
    for (index, key), polarities in toward.items():
        polarity = sum(polarities) / len(polarities)
        if not polarity:
            continue
        start, end, sentence = _sentence_text(analysis, index)
        label = "pos" if polarity > 0 else "neg"
        evidence = Evidence("sentiment", round(SENTIMENT_WEIGHT * polarity, 3),
                            f"sentiment toward {names[key]}: {label} {abs(polarity):.2f}",
                            start, end, sentence)
        for holder in keys_in[index] - {key}:
            yield (holder, key), evidence
