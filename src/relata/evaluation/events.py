"""The event gold set: who did what to whom, sentence by sentence.

Two formats, told apart line by line. relata's own (`gold/events-dev.jsonl`)
points into documents of the shared data folder:

    {"doc": "rusentrel-1.1-train/art1.txt", "sentence": [start, end],
     "events": [{"type": "ACCUSE", "source": {"country": "SYR", "sector": "GOV"},
                 "target": {"country": "USA", "sector": "GOV"},
                 "modality": "factual", "trigger": [start, end], "symmetric": false}]}

`doc` is relative to the data folder, offsets are Python str indices into the
file as text mode reads it. The sentence format (`../shared/gold/README.md`)
holds each sentence, which stands alone:

    {"id": "dev-062", "text": "…",
     "events": [{"type": "REQUEST", "cameo": "1041",
                 "source": {"text": "…", "code": "CZE", "sector": "POL"},
                 "target": {"text": "…", "code": "CZE", "sector": "GOV"},
                 "modality": "factual", "trigger": "пытались убедить",
                 "symmetric": false}]}

A sentence without events is a (hard) negative. A side is an ISO 3166 alpha-3
code or, for organisations, their code (NATO, EU, UN, ISIL …); `target` is null
when there is none.

`evaluate` runs a pipeline over the gold documents and compares, sentence by
sentence, the events whose trigger starts inside a gold sentence, as relata is
measured from outside (`../shared/ANNOTATION.md`): a predicted event matches a
gold one with the same type (CAMEO 163 counts as SANCTION) and the same source
and target sides (sector suffixes dropped, UN bodies counted as UN), one to
one, pairs whose triggers overlap first. A symmetric (mutual) gold event matches
either direction, and the mirror image of a matched one is no false positive; a
predicted or hypothetical event that matches nothing is no false positive
either. Events outside the gold sentences are not scored.

Each gold file is split once, when it is made, into a tuning part and a
held-out part (`gold/held-out/NAME.txt` lists the held-out documents or
sentence ids); figures are given for both, errors only for the tuning part.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from ..errors import EvaluationError

if TYPE_CHECKING:
    from ..events.coder import Traced
from ..records import Actor, Analysis, Document, Event
from ..sources import parse_text
from ..vocabulary import EVENT_TYPES, MODALITIES

T = TypeVar("T")
TYPES = EVENT_TYPES
FORECASTS = frozenset({"predicted", "hypothetical"})  # unmatched, no false positive
# The sector suffixes an actor code may carry (RUSGOV), dropped when sides are compared,
# and the codes that count as one side, as the outside scorer has them.
SECTORS = frozenset({
    "GOV", "MIL", "LEG", "JUD", "POL", "OPP", "REB", "BUS", "MED", "NGO", "CVL", "REL", "IGO",
    "ELI", "SPY", "COP", "SEP", "EDU", "HLH", "LAB", "AGR", "ENV", "CRM", "UAF", "REF", "MNC",
    "DEV", "HRI", "JEW", "MOD", "RAD", "INS",
})  # fmt: skip
# A predicted event on a missed gold event's pair, of a type in the same one of these
# groups, is a near miss rather than a false positive: the outside scorer's rule, kept so
# that both give the same figures (its groups, not the ontology's quad classes).
NEAR_TYPES = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "REQUEST": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3, "SANCTION": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
SAME_SIDE = {
    "UNSC": "UN", "UNGA": "UN", "UNHRC": "UN", "OHCHR": "UN", "UNO": "UN",
    "ARABLEAGUE": "ARL", "LAS": "ARL", "PACE": "COE", "OPECPLUS": "OPEC",
    "IS": "ISIL", "ISIS": "ISIL", "DAESH": "ISIL", "IG": "ISIL",
}


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
    symmetric: bool = False  # a mutual act: one event, matched in either direction

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        target = canonical_side(self.target.country) if self.target else None
        return self.type, canonical_side(self.source.country), target

    def matches(self, key: tuple[str, str | None, str | None]) -> bool:
        mine = self.key
        return key == mine or (self.symmetric and key == (mine[0], mine[2], mine[1]))


@dataclass(frozen=True, slots=True)
class GoldSentence:
    doc: str  # relative to the data folder, or the sentence's id in the sentence format
    start: int
    end: int
    events: tuple[GoldEvent, ...] = ()
    line: int = 0  # 1-based line of the gold file
    text: str | None = None  # the sentence itself, in the sentence format

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
    why_missed: Mapping[str, int] = dataclasses.field(default_factory=dict)
    # the misses by what the coder did at their trigger (`--why`): where recall is lost

    @property
    def matched(self) -> int:
        return self.overall.tp

    @property
    def modality_accuracy(self) -> float:
        return self.modality_right / self.matched if self.matched else 0.0


class Runner(Protocol):
    def run(self, documents: Iterable[Document]) -> Iterable[Analysis]: ...


# ---------------------------------------------------------------- reading the gold


def read_gold(path: str | Path, data_root: str | Path | None = None) -> list[GoldSentence]:
    """The gold sentences in file order; a malformed line raises EvaluationError naming it.
    `data_root`: where a sentence given by reference (`source`, `start`, `end`: a span of a
    data file, read as a sentence standing alone) is read from."""
    return read_json_lines(path, functools.partial(_sentence, data_root=data_root))


def read_json_lines(path: str | Path, parse: Callable[[Any, int], T]) -> list[T]:
    """`parse(record, line)` of each non-blank line of a JSON Lines gold file, in order; a
    line it rejects (ValueError, KeyError, TypeError) raises EvaluationError naming it."""
    records = []
    try:
        with Path(path).open(encoding="utf-8") as file:
            for number, line in enumerate(file, 1):
                if line.strip():
                    try:
                        records.append(parse(json.loads(line), number))
                    except (ValueError, KeyError, TypeError) as e:
                        raise EvaluationError(f"{path}:{number}: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{path}: unreadable: {e}") from e
    return records


def _sentence(raw: dict[str, Any], line: int, data_root: str | Path | None = None
              ) -> GoldSentence:
    if "text" in raw:
        return _standalone(raw, line)
    if "source" in raw:
        return _standalone({**raw, "text": _referenced(raw, data_root)}, line)
    start, end = _span(raw["sentence"], "sentence")
    if not isinstance(raw["doc"], str) or not raw["doc"]:
        raise ValueError("doc must be a path")
    events = tuple(_event(e) for e in raw["events"])
    for event in events:
        if not start <= event.trigger_start < event.trigger_end <= end:
            raise ValueError(f"trigger [{event.trigger_start}, {event.trigger_end}] "
                             f"outside the sentence [{start}, {end}]")
    return GoldSentence(raw["doc"], start, end, events, line)


def _referenced(raw: dict[str, Any], data_root: str | Path | None) -> str:
    """The sentence a reference gives (`source` under the data folder, `start`, `end`), its
    spaces as one: the words stay in the data folder, the gold holds where they are."""
    if data_root is None:
        raise ValueError("a sentence given by `source` needs the data folder (--data-root)")
    start, end = _span([raw["start"], raw["end"]], "source span")
    path = Path(data_root) / raw["source"]
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"source {path}: {getattr(e, 'strerror', None) or e}") from None
    if end > len(text):
        raise ValueError(f"source span [{start}, {end}] past the end of {path}")
    return " ".join(text[start:end].split())


def _standalone(raw: dict[str, Any], line: int) -> GoldSentence:
    """A sentence of the sentence format: its own document, named by its id."""
    text, name = raw["text"], raw["id"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text must be the sentence")
    if not isinstance(name, str) or not name:
        raise ValueError("id must be a string")
    events = []
    for event in raw["events"]:
        trigger = event["trigger"]
        start = text.find(trigger) if isinstance(trigger, str) and trigger else -1
        if start < 0:
            raise ValueError(f"trigger {trigger!r} is not in the sentence")
        events.append(_event(event, (start, start + len(trigger))))
    return GoldSentence(name, 0, len(text), tuple(events), line, text)


def _event(raw: dict[str, Any], trigger: tuple[int, int] | None = None) -> GoldEvent:
    kind = "SANCTION" if str(raw.get("cameo") or "").startswith("163") else raw["type"]
    if kind not in TYPES:
        raise ValueError(f"unknown event type {raw['type']!r}")
    if raw["modality"] not in MODALITIES:
        raise ValueError(f"unknown modality {raw['modality']!r}")
    source = _actor(raw["source"])
    if source is None:
        raise ValueError("an event needs a source")
    start, end = trigger or _span(raw["trigger"], "trigger")
    return GoldEvent(kind, source, _actor(raw["target"]), raw["modality"], start, end,
                     symmetric=raw.get("symmetric") is True)


def _actor(raw: dict[str, Any] | None) -> GoldActor | None:
    if raw is None:
        return None
    side = raw.get("country") or raw.get("code")
    if not isinstance(side, str) or not side:
        raise ValueError(f"an actor needs a country or code, not {raw!r}")
    return GoldActor(side, raw.get("sector"))


def read_held_out(path: str | Path) -> frozenset[str]:
    """The held-out documents (or sentence ids) a split file lists, one a line, `#` comments."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def held_out_file(gold_path: str | Path) -> Path | None:
    """Where a gold file's split is recorded: `held-out/NAME.txt` beside it, else in this
    checkout's `gold/held-out/` (the shared gold files are split in the repository)."""
    gold_path = Path(gold_path)
    for folder in (gold_path.parent / "held-out", Path("gold") / "held-out"):
        if (folder / f"{gold_path.stem}.txt").is_file():
            return folder / f"{gold_path.stem}.txt"
    return None


def _span(raw: Any, what: str) -> tuple[int, int]:
    if not (isinstance(raw, list) and len(raw) == 2 and all(type(x) is int for x in raw)
            and 0 <= raw[0] < raw[1]):
        raise ValueError(f"{what} must be [start, end] with 0 <= start < end, not {raw!r}")
    return raw[0], raw[1]


# ---------------------------------------------------------------- scoring


def canonical_side(code: str | None) -> str | None:
    """A side as sides are compared: upper case, no sector suffix, UN bodies as UN."""
    if not code:
        return None
    code = code.upper().replace("-", "").replace("_", "").replace(" ", "")
    code = SAME_SIDE.get(code, code)
    if len(code) > 3 and code[-3:] in SECTORS:
        code = code[:-3]
    return SAME_SIDE.get(code, code) or None


def side(actor: Actor | None) -> str | None:
    """What a predicted actor is compared on: its country, else its code (IGOs)."""
    return None if actor is None else canonical_side(actor.country or actor.code)


def evaluate(gold_path: str | Path, data_root: str | Path, pipeline: Runner) -> EventReport:
    """The pipeline's events scored on a whole gold file."""
    gold = read_gold(gold_path, data_root)
    run = _run(gold, gold_path, data_root, pipeline)
    report = score(gold, run.texts, run.predicted, run.unanalysed)
    return dataclasses.replace(report, unknown_triggers=_unknown_triggers(gold, run.tokens))


@dataclass(frozen=True, slots=True)
class SplitReport:
    """The figures of a gold file's tuning part and of its held-out part."""

    tuning: EventReport
    held_out: EventReport | None  # None: the file has no recorded split


def evaluate_split(gold_path: str | Path, data_root: str | Path, pipeline: Runner,
                   held_out: frozenset[str] | None,
                   trace: Sequence[Traced] | None = None) -> SplitReport:
    """The pipeline run once over the whole gold file, its two parts scored apart.
    `trace`: the list the event coder fills as it runs (`CodeEvents.trace`), to tell why
    each miss of the tuning part was missed."""
    gold = read_gold(gold_path, data_root)
    held_out = held_out or frozenset()
    unknown = held_out - {s.doc for s in gold}
    if unknown:
        raise EvaluationError(f"the split names what {gold_path} does not hold: "
                         f"{', '.join(sorted(unknown)[:3])}")
    run = _run(gold, gold_path, data_root, pipeline)
    tuning, held = ([s for s in gold if (s.doc in held_out) == part] for part in (False, True))
    why = why_missed(tuning, run, trace) if trace is not None else {}
    return SplitReport(
        dataclasses.replace(score(tuning, run.texts, run.predicted, run.unanalysed),
                            unknown_triggers=_unknown_triggers(tuning, run.tokens),
                            why_missed=why),
        score(held, run.texts, run.predicted, run.unanalysed) if held_out else None,
    )


def why_missed(gold: Iterable[GoldSentence], run: _Run, trace: Sequence[Traced]
               ) -> dict[str, int]:
    """How many misses each mechanism explains, most first: whether the gold trigger's
    words are in the lexicon, whether the coder found a trigger there (of the gold's type or
    another), why the one it found was dropped, or which side its event got wrong."""
    from ..events import load_lexicon  # here: the scorer itself needs no lexicon

    known = load_lexicon().lemmas
    traced: dict[str, list[Traced]] = {}
    for t in trace:
        traced.setdefault(t.doc_id, []).append(t)
    why: Counter[str] = Counter()
    for sentence in gold:
        found = [e for e in run.predicted.get(sentence.doc, ())
                 if sentence.start <= e.trigger.start < sentence.end]
        matched = {id(g) for g, _ in match(sentence.events, found)}
        for g in sentence.events:
            if id(g) not in matched:
                why[_why(g, found, traced.get(sentence.doc, ()),
                         run.tokens.get(sentence.doc, ()), known)] += 1
    return dict(why.most_common())


def _why(gold: GoldEvent, found: list[Event], traced: Sequence[Traced], tokens: Sequence,
         known: Collection[str]) -> str:
    def at(start: int, end: int) -> bool:
        return start < gold.trigger_end and gold.trigger_start < end

    events = [e for e in found if at(e.trigger.start, e.trigger.end) and e.type == gold.type]
    if events:
        if any(side(e.source) in gold.key[1:] for e in events):
            return "an event of the type and source: the target wrong or missing"
        return "an event of the type: the source wrong"
    if any(at(e.trigger.start, e.trigger.end) for e in found):
        return "an event of another type"
    here = [t for t in traced if at(t.start, t.end)]
    same = [t for t in here if t.type == gold.type]
    dropped = [t.reason for t in same if t.reason is not None]
    if dropped:
        return f"a trigger of the type, dropped: {dropped[-1]}"
    if same:
        return "a trigger of the type, no event (its sides went to no event)"
    if here:
        return "a trigger of another type only"
    words = [t.lemma for t in tokens if gold.trigger_start <= t.start and t.end <= gold.trigger_end]
    if any(lemma in known for lemma in words):
        return "no trigger: the words are in the lexicon, no entry or frame matched"
    return "no trigger: the words are not in the lexicon"


@dataclass(frozen=True, slots=True)
class _Run:
    texts: dict[str, str]  # by document
    predicted: dict[str, list[Event]]
    tokens: dict[str, list]
    unanalysed: tuple[str, ...]


def _run(gold: list[GoldSentence], gold_path: str | Path, data_root: str | Path,
         pipeline: Runner) -> _Run:
    """The gold's documents through the pipeline: a standalone sentence is its own document,
    the others are read from the data folder."""
    if not gold:
        raise EvaluationError(f"{gold_path}: no gold sentences: nothing to score")
    texts: dict[str, str] = {}  # what the gold offsets point into
    documents: list[Document] = []
    for sentence in gold:
        doc = sentence.doc
        if doc in texts:
            continue
        if sentence.text is not None:
            texts[doc] = sentence.text
            documents.append(Document(id=doc, text=sentence.text, lang="ru", origin=doc))
        else:
            path = Path(data_root) / doc
            try:
                texts[doc] = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise EvaluationError(f"{gold_path}:{sentence.line}: document {path} "
                                      f"(--data-root): {getattr(e, 'strerror', None) or e}"
                                      ) from None
            documents.append(dataclasses.replace(parse_text(texts[doc], doc), id=doc, lang="ru",
                                                 origin=doc))
    predicted: dict[str, list[Event]] = {}
    unanalysed = []
    tokens: dict[str, list] = {}
    for analysis in pipeline.run(documents):
        doc = analysis.document.origin
        predicted.setdefault(doc, []).extend(analysis.events)
        tokens[doc] = [t for s in analysis.sentences for t in s.tokens]
        if analysis.skipped or analysis.failure:
            unanalysed.append(f"{doc}: {analysis.skipped or analysis.failure}")
    return _Run(texts, predicted, tokens, tuple(unanalysed))


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
            modality_right += same_modality(g.modality, p.modality)
        matched_gold = {id(g) for g, _ in pairs}
        matched_found = {id(p) for _, p in pairs}
        # neither the other side's view of a matched mutual act, nor a near miss, nor an
        # unmatched forecast counts as a false positive
        matched_found |= _mirrors(pairs, [p for p in found if id(p) not in matched_found])
        matched_found |= _near_misses([g for g in sentence.events if id(g) not in matched_gold],
                                      [p for p in found if id(p) not in matched_found])
        matched_found |= {id(p) for p in found if p.modality in FORECASTS}
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
    """One-to-one pairs with equal (type, source side, target side), either direction for a
    mutual act, greedily: pairs whose triggers overlap first, then by the distance between
    the trigger starts."""
    gold, found = list(gold), list(found)
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(found):
            if g.matches(_key(p)):
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


def _key(event: Event) -> tuple[str, str | None, str | None]:
    return event.type, side(event.source), side(event.target)


def _near_misses(missed: list[GoldEvent], unmatched: list[Event]) -> set[int]:
    """The predicted events on a missed gold event's pair with a type of its group."""
    near: set[int] = set()
    for g in missed:
        for p in unmatched:
            kind, source, target = _key(p)
            if (id(p) not in near and NEAR_TYPES.get(kind) == NEAR_TYPES.get(g.type)
                    and g.matches((g.type, source, target))):
                near.add(id(p))
                break
    return near


def _mirrors(pairs: list[tuple[GoldEvent, Event]], unmatched: list[Event]) -> set[int]:
    """The predicted events that only restate a matched mutual act from the other side."""
    mirrors: set[int] = set()
    for g, p in pairs:
        if not g.symmetric:
            continue
        kind, source, target = _key(p)
        for other in unmatched:
            if id(other) not in mirrors and _key(other) == (kind, target, source):
                mirrors.add(id(other))
                break
    return mirrors


def same_modality(gold: str, predicted: str) -> bool:
    """Announced and threatened acts differ only by a condition: the guide counts them alike."""
    return gold == predicted or {gold, predicted} <= {"intended", "threatened"}


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
    if report.why_missed:
        lines += ["", f"why the {sum(report.why_missed.values())} misses were missed:"]
        lines += [f"  {n:>4}  {reason}" for reason, n in report.why_missed.items()]
    if report.unanalysed:
        lines += ["", "not analysed:"] + [f"  {u}" for u in report.unanalysed]
    return "\n".join(lines)
