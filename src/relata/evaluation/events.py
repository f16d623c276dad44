"""The event gold set: who did what to whom, sentence by sentence.

A gold file (`gold/events-dev.jsonl`) has one JSON object per sentence:

    {"doc": "rusentrel-1.1-train/art1.txt", "sentence": [start, end],
     "events": [{"type": "ACCUSE", "source": {"country": "SYR", "sector": "GOV"},
                 "target": {"country": "USA", "sector": "GOV"},
                 "modality": "factual", "trigger": [start, end]}]}

`doc` is relative to the data folder, offsets are Python str indices into the
file as text mode reads it, and a sentence without events is a (hard) negative.
`country` holds an ISO 3166 alpha-3 code or, for organisations, their code
(NATO, EU, UN, ISIL …); `target` is null when there is none.

`evaluate` runs a pipeline over the gold documents and compares, sentence by
sentence, the events whose trigger starts inside a gold sentence: a predicted
event matches a gold one with the same type, source side and target side (a
side is `actor.country or actor.code`, None for no target), one to one, pairs
whose triggers overlap first. Events outside the gold sentences are not scored.
A gold file without sentences is an EvaluationError, not a score.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import EvaluationError
from ..records import Actor, Analysis, Document, Event
from ..sources import parse_text

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
MODALITIES = ("factual", "negated", "intended", "threatened", "predicted", "hypothetical")


@dataclass(frozen=True, slots=True)
class GoldActor:
    country: str | None  # ISO 3166 alpha-3 or an organisation code
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    source: GoldActor
    target: GoldActor | None
    modality: str
    trigger_start: int
    trigger_end: int

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        target = self.target.country if self.target else None
        return self.type, self.source.country, target


@dataclass(frozen=True, slots=True)
class GoldSentence:
    doc: str  # relative to the data folder
    start: int
    end: int
    events: tuple[GoldEvent, ...] = ()
    line: int = 0  # 1-based line of the gold file

    @property
    def negative(self) -> bool:
        return not self.events


@dataclass(frozen=True, slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Case:
    """A false positive or a miss, with what is needed to look at it."""

    doc: str
    sentence: str
    type: str
    source: str | None
    target: str | None
    modality: str
    trigger: str

    def __str__(self) -> str:
        return (f"{self.type} {self.source}>{self.target or '-'} {self.modality} "
                f"«{self.trigger}» | {self.doc}: {self.sentence}")


@dataclass(frozen=True, slots=True)
class EventReport:
    overall: Score
    per_type: Mapping[str, Score]
    sentences: int  # gold sentences
    negatives: int  # gold sentences without events
    negatives_hit: int  # negatives in which something was predicted
    gold: int  # gold events
    predicted: int  # predicted events whose trigger starts in a gold sentence
    modality_right: int  # matched events whose modality agrees
    false_positives: tuple[Case, ...] = ()
    misses: tuple[Case, ...] = ()
    unanalysed: tuple[str, ...] = ()  # documents the pipeline skipped or failed on, and why
    unknown_triggers: Mapping[str, int] = dataclasses.field(default_factory=dict)
    # lemmas of gold triggers the lexicon does not have: what to add to it next

    @property
    def matched(self) -> int:
        return self.overall.tp

    @property
    def modality_accuracy(self) -> float:
        return self.modality_right / self.matched if self.matched else 0.0


class Runner(Protocol):
    def run(self, documents: Iterable[Document]) -> Iterable[Analysis]: ...


# ---------------------------------------------------------------- reading the gold


def read_gold(path: str | Path) -> list[GoldSentence]:
    """The gold sentences in file order; a malformed line raises EvaluationError (a
    ValueError) naming it."""
    sentences = []
    try:
        with Path(path).open(encoding="utf-8") as file:
            for number, line in enumerate(file, 1):
                if line.strip():
                    try:
                        sentences.append(_sentence(json.loads(line), number))
                    except (ValueError, KeyError, TypeError) as e:
                        raise EvaluationError(f"{path}:{number}: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{path}: unreadable: {e}") from e
    return sentences


def _sentence(raw: dict[str, Any], line: int) -> GoldSentence:
    start, end = _span(raw["sentence"], "sentence")
    if not isinstance(raw["doc"], str) or not raw["doc"]:
        raise ValueError("doc must be a path")
    events = tuple(_event(e) for e in raw["events"])
    for event in events:
        if not start <= event.trigger_start < event.trigger_end <= end:
            raise ValueError(f"trigger [{event.trigger_start}, {event.trigger_end}] "
                             f"outside the sentence [{start}, {end}]")
    return GoldSentence(raw["doc"], start, end, events, line)


def _event(raw: dict[str, Any]) -> GoldEvent:
    if raw["type"] not in TYPES:
        raise ValueError(f"unknown event type {raw['type']!r}")
    if raw["modality"] not in MODALITIES:
        raise ValueError(f"unknown modality {raw['modality']!r}")
    source = _actor(raw["source"])
    if source is None:
        raise ValueError("an event needs a source")
    start, end = _span(raw["trigger"], "trigger")
    return GoldEvent(raw["type"], source, _actor(raw["target"]), raw["modality"], start, end)


def _actor(raw: dict[str, Any] | None) -> GoldActor | None:
    return None if raw is None else GoldActor(raw["country"], raw.get("sector"))


def _span(raw: Any, what: str) -> tuple[int, int]:
    if not (isinstance(raw, list) and len(raw) == 2 and all(type(x) is int for x in raw)
            and 0 <= raw[0] < raw[1]):
        raise ValueError(f"{what} must be [start, end] with 0 <= start < end, not {raw!r}")
    return raw[0], raw[1]


# ---------------------------------------------------------------- scoring


def side(actor: Actor | None) -> str | None:
    """What a predicted actor is compared on: its country, else its code (IGOs)."""
    return None if actor is None else (actor.country or actor.code)


def evaluate(gold_path: str | Path, data_root: str | Path, pipeline: Runner) -> EventReport:
    gold = read_gold(gold_path)
    if not gold:
        raise EvaluationError(f"{gold_path}: no gold sentences: nothing to score")
    texts = {}
    for sentence in gold:
        if sentence.doc not in texts:
            path = Path(data_root) / sentence.doc
            try:
                texts[sentence.doc] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise EvaluationError(f"{gold_path}:{sentence.line}: document {path}: "
                                      f"{getattr(e, 'strerror', None) or e}") from e
    documents = [dataclasses.replace(parse_text(text, doc), id=doc, lang="ru", origin=doc)
                 for doc, text in texts.items()]
    predicted: dict[str, list[Event]] = {}
    unanalysed = []
    tokens: dict[str, list] = {}
    for analysis in pipeline.run(documents):
        doc = analysis.document.origin
        predicted.setdefault(doc, []).extend(analysis.events)
        tokens[doc] = [t for s in analysis.sentences for t in s.tokens]
        if analysis.skipped or analysis.failure:
            unanalysed.append(f"{doc}: {analysis.skipped or analysis.failure}")
    report = score(gold, texts, predicted, tuple(unanalysed))
    return dataclasses.replace(report, unknown_triggers=_unknown_triggers(gold, tokens))


def _unknown_triggers(gold: Iterable[GoldSentence], tokens: Mapping[str, list]) -> dict:
    """How often each gold trigger whose words the lexicon lacks occurs, most frequent first."""
    from ..events import load_lexicon  # here: the scorer itself needs no lexicon

    known = load_lexicon().lemmas
    unknown: Counter[str] = Counter()
    for sentence in gold:
        for event in sentence.events:
            lemmas = [t.lemma for t in tokens.get(sentence.doc, ())
                      if event.trigger_start <= t.start and t.end <= event.trigger_end]
            if lemmas and not any(lemma in known for lemma in lemmas):
                unknown[" ".join(lemmas)] += 1
    return dict(unknown.most_common())


def score(
    gold: Iterable[GoldSentence],
    texts: Mapping[str, str],
    predicted: Mapping[str, Iterable[Event]],
    unanalysed: tuple[str, ...] = (),
) -> EventReport:
    """Compare predicted events (by document) with the gold sentences."""
    gold = list(gold)
    if not gold:
        raise EvaluationError("no gold sentences: nothing to score")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    false_positives: list[Case] = []
    misses: list[Case] = []
    n_predicted = modality_right = negatives_hit = 0
    events = {doc: list(found) for doc, found in predicted.items()}
    for sentence in gold:
        text = texts[sentence.doc]
        found = [e for e in events.get(sentence.doc, ())
                 if sentence.start <= e.trigger.start < sentence.end]
        n_predicted += len(found)
        negatives_hit += bool(sentence.negative and found)
        pairs = match(sentence.events, found)
        for g, p in pairs:
            tp[g.type] += 1
            modality_right += g.modality == p.modality
        matched_gold = {id(g) for g, _ in pairs}
        matched_found = {id(p) for _, p in pairs}
        words = " ".join(text[sentence.start : sentence.end].split())
        for g in sentence.events:
            if id(g) not in matched_gold:
                fn[g.type] += 1
                misses.append(Case(sentence.doc, words, *g.key, g.modality,
                                   text[g.trigger_start : g.trigger_end]))
        for p in found:
            if id(p) not in matched_found:
                fp[p.type] += 1
                false_positives.append(Case(sentence.doc, words, p.type, side(p.source),
                                            side(p.target), p.modality, p.trigger.text))
    per_type = {t: Score(tp[t], fp[t], fn[t]) for t in sorted(tp.keys() | fp.keys() | fn.keys())}
    overall = Score(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return EventReport(
        overall=overall,
        per_type=per_type,
        sentences=len(gold),
        negatives=sum(s.negative for s in gold),
        negatives_hit=negatives_hit,
        gold=sum(len(s.events) for s in gold),
        predicted=n_predicted,
        modality_right=modality_right,
        false_positives=tuple(false_positives),
        misses=tuple(misses),
        unanalysed=unanalysed,
    )


def match(gold: Iterable[GoldEvent], found: Iterable[Event]) -> list[tuple[GoldEvent, Event]]:
    """One-to-one pairs with equal (type, source side, target side), greedily: pairs whose
    triggers overlap first, then by the distance between the trigger starts."""
    gold, found = list(gold), list(found)
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(found):
            if g.key == (p.type, side(p.source), side(p.target)):
                overlap = p.trigger.start < g.trigger_end and g.trigger_start < p.trigger.end
                candidates.append((not overlap, abs(p.trigger.start - g.trigger_start), i, j))
    pairs = []
    used_gold: set[int] = set()
    used_found: set[int] = set()
    for _, _, i, j in sorted(candidates):
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            pairs.append((gold[i], found[j]))
    return pairs


# ---------------------------------------------------------------- the report as text


def format_report(report: EventReport, errors: int = 20) -> str:
    """A summary, a per-type table and up to `errors` false positives and misses each."""
    o = report.overall
    lines = [
        f"sentences {report.sentences} ({report.negatives} without events) · "
        f"gold events {report.gold} · predicted {report.predicted} · matched {report.matched}",
        f"precision {o.precision:.3f} · recall {o.recall:.3f} · F1 {o.f1:.3f}",
        f"modality right on matched events: {report.modality_accuracy:.3f} "
        f"({report.modality_right}/{report.matched})",
        f"negative sentences with a predicted event: {report.negatives_hit}/{report.negatives}",
        "",
        f"{'type':<10} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name, s in report.per_type.items():
        lines.append(f"{name:<10} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>5} "
                     f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    for title, cases in (("false positives", report.false_positives),
                         ("misses", report.misses)):
        if cases:
            shown = cases[:errors]
            lines += ["", f"{title} ({len(shown)} of {len(cases)}):"]
            lines += [f"  {case}" for case in shown]
    if report.unknown_triggers:
        missing = sum(report.unknown_triggers.values())
        lines += ["", f"gold triggers the lexicon lacks: {missing} of {report.gold}: " + ", ".join(
            f"{lemma} ×{n}" for lemma, n in list(report.unknown_triggers.items())[:20])]
    if report.unanalysed:
        lines += ["", "not analysed:"] + [f"  {u}" for u in report.unanalysed]
    return "\n".join(lines)
