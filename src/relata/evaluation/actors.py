"""Does a phrase that names an actor get the right country, in its document?

The gold (`gold/actors-dev.jsonl`, its guidelines in `gold/README.md`) holds one actor
phrase a line, pointing into a document of the shared data folder:

    {"doc": "rusentrel-1.1-train/art31.txt", "start": 522, "end": 531,
     "text": "президент", "kind": "role", "type": "official",
     "country": "USA", "sector": "GOV"}

`country` is an ISO 3166 alpha-3 code, an organisation's or a group's code (NATO, EU,
WST), a list of codes any of which is right (a phrase that names two sides, a disputed
place), or null when the phrase names no actor with a country. `sector` is given where
it is clear, else null. `kind` (`name` or `role`) and `type` (state, official, body …)
say what was drawn and what it is; figures are given for each.

Each phrase is resolved as `relata resolve --context` resolves it (`relata.coding.
resolve_phrases`): the phrase alone, after the text of its document before it. It is
right when the country (else the code) of the actor found is one of the gold's, or when
nothing is found and the gold is null; sides are compared as the event scorer compares
them (`evaluation.events.canonical_side`: upper case, no sector suffix, UN bodies as
UN). Sector accuracy is counted over the phrases whose gold gives a sector.

The gold is split by document into a tuning and a held-out part (`gold/held-out/NAME.txt`,
made once by `scripts/split_gold.py`): figures for both, errors for the tuning part only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..actors.codes import SECTORS
from ..errors import EvaluationError
from ..records import Mention
from ..sources import parse_text
from .events import canonical_side, read_json_lines

KINDS = ("name", "role")


@dataclass(frozen=True, slots=True)
class GoldPhrase:
    doc: str  # relative to the data folder
    start: int
    end: int
    text: str
    countries: tuple[str, ...]  # any of them is right; () when the phrase names no one
    sector: str | None = None
    kind: str = "name"
    type: str | None = None  # what the phrase names: state, official, body …
    line: int = 0  # 1-based line of the gold file


@dataclass(frozen=True, slots=True)
class Outcome:
    gold: GoldPhrase
    code: str | None  # the actor code found, or None
    side: str | None  # what it is compared on (country, else code), or None
    sector: str | None  # the sector found
    context: str = ""  # the end of the text before the phrase, to show with an error

    @property
    def right(self) -> bool:
        if not self.gold.countries:
            return self.side is None
        return self.side in {canonical_side(c) for c in self.gold.countries}

    @property
    def sector_right(self) -> bool | None:
        """None when the gold gives no sector to check."""
        return None if self.gold.sector is None else self.sector == self.gold.sector

    def __str__(self) -> str:
        want = "|".join(self.gold.countries) or "-"
        if self.gold.sector:
            want += f" {self.gold.sector}"
        return (f"{self.gold.doc}:{self.gold.start} «{self.gold.text}» want {want}, "
                f"got {self.code or '-'} | …{self.context}")


@dataclass(frozen=True, slots=True)
class Figures:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.accuracy:.3f} ({self.right}/{self.total})"


@dataclass(frozen=True, slots=True)
class ActorReport:
    outcomes: tuple[Outcome, ...] = field(default_factory=tuple)

    @property
    def country(self) -> Figures:
        return _figures(o.right for o in self.outcomes)

    @property
    def sector(self) -> Figures:
        return _figures(o.sector_right for o in self.outcomes if o.sector_right is not None)

    def by(self, key: Callable[[GoldPhrase], str | None]) -> dict[str, Figures]:
        """Country accuracy for each value of `key` (the kind, the type) in the gold."""
        groups: dict[str, list[bool]] = {}
        for outcome in self.outcomes:
            groups.setdefault(key(outcome.gold) or "-", []).append(outcome.right)
        return {name: _figures(rights) for name, rights in sorted(groups.items())}

    def errors(self) -> list[Outcome]:
        """The phrases whose country, or sector where the gold gives one, is wrong."""
        return [o for o in self.outcomes if not o.right or o.sector_right is False]


@dataclass(frozen=True, slots=True)
class SplitReport:
    tuning: ActorReport
    held_out: ActorReport | None  # None when the gold has no recorded split


def _figures(rights: Iterable[bool]) -> Figures:
    rights = list(rights)
    return Figures(sum(rights), len(rights))


# ---------------------------------------------------------------- reading the gold


def read_gold(path: str | Path) -> list[GoldPhrase]:
    """The gold phrases in file order; a malformed line raises EvaluationError naming it,
    a file without one raises it too (an evaluation over nothing is no figure)."""
    phrases = read_json_lines(path, _phrase)
    if not phrases:
        raise EvaluationError(f"{path}: no gold phrases: nothing to score")
    return phrases


def _phrase(raw: Any, line: int) -> GoldPhrase:
    if not isinstance(raw, dict):
        raise ValueError("a gold line is a JSON object")
    start, end = raw["start"], raw["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
        raise ValueError(f"start and end: integers, start < end, not {start!r}, {end!r}")
    country = raw["country"]
    countries = (() if country is None else (country,) if isinstance(country, str)
                 else tuple(country) if isinstance(country, list) else (None,))
    if not all(isinstance(c, str) and c for c in countries) or country == []:
        raise ValueError(f"country: a code, a list of codes or null, not {country!r}")
    sector = raw.get("sector")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"sector: one of {', '.join(sorted(SECTORS))} or null, not {sector!r}")
    kind = raw.get("kind", "name")
    if kind not in KINDS:
        raise ValueError(f"kind: one of {', '.join(KINDS)}, not {kind!r}")
    return GoldPhrase(doc=str(raw["doc"]), start=start, end=end, text=str(raw["text"]),
                      countries=countries, sector=sector, kind=kind, type=raw.get("type"),
                      line=line)


# ---------------------------------------------------------------- scoring

Resolver = Callable[[Sequence[Any]], Sequence[Mention | None]]


def evaluate(gold: Sequence[GoldPhrase], data_root: str | Path, resolver: Resolver,
             gold_path: str | Path = "<gold>") -> ActorReport:
    """Each gold phrase resolved after the text before it in its document. `resolver`
    takes `relata.coding.Phrase`s and gives a mention (or None) for each, in order."""
    from ..coding import Phrase

    if not gold:
        raise EvaluationError(f"{gold_path}: no gold phrases: nothing to score")
    documents: dict[str, Any] = {}
    phrases = []
    for item in gold:
        if item.doc not in documents:
            documents[item.doc] = _document(item, data_root, gold_path)
        document = documents[item.doc]
        if document.text[item.start:item.end] != item.text:
            raise EvaluationError(
                f"{gold_path}:{item.line}: {item.doc}[{item.start}:{item.end}] is "
                f"{document.text[item.start:item.end]!r}, not {item.text!r}")
        context = document.text[document.body_start:item.start] \
            if item.start >= document.body_start else ""
        phrases.append(Phrase(item.text, context, document.date))
    found = resolver(phrases)
    outcomes = []
    for item, phrase, mention in zip(gold, phrases, found, strict=True):
        actor = mention.actor if mention else None
        side = canonical_side(actor.country or actor.code) if actor else None
        outcomes.append(Outcome(item, actor.code if actor else None, side,
                                actor.sector if actor else None,
                                " ".join(phrase.context[-80:].split())))
    return ActorReport(tuple(outcomes))


def evaluate_split(gold_path: str | Path, data_root: str | Path, resolver: Resolver,
                   held_out: frozenset[str] | None = None) -> SplitReport:
    """`evaluate` on the tuning and the held-out documents apart (all tuning without a
    split). A part left empty by the split is an error: its figure would mean nothing."""
    gold = read_gold(gold_path)
    if held_out is None:
        return SplitReport(evaluate(gold, data_root, resolver, gold_path), None)
    report = evaluate(gold, data_root, resolver, gold_path)
    parts = ([o for o in report.outcomes if o.gold.doc not in held_out],
             [o for o in report.outcomes if o.gold.doc in held_out])
    for name, part in zip(("tuning", "held-out"), parts, strict=True):
        if not part:
            raise EvaluationError(f"{gold_path}: the {name} part has no phrase: "
                                  f"nothing to score")
    return SplitReport(ActorReport(tuple(parts[0])), ActorReport(tuple(parts[1])))


def _document(item: GoldPhrase, data_root: str | Path, gold_path: str | Path):
    path = Path(data_root) / item.doc
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{gold_path}:{item.line}: document {path} (--data-root): "
                              f"{getattr(e, 'strerror', None) or e}") from None
    return parse_text(text, item.doc)


def format_report(report: ActorReport, *, errors: int = 0) -> str:
    """The figures by kind and type, and the first `errors` errors."""
    lines = [f"country {report.country} · sector {report.sector} (where the gold gives one)"]
    for title, key in (("kind", lambda g: g.kind), ("type", lambda g: g.type)):
        lines.append(f"by {title}: " + " · ".join(
            f"{name} {figures}" for name, figures in report.by(key).items()))
    wrong = report.errors()
    if errors and wrong:
        lines.append(f"errors ({min(errors, len(wrong))} of {len(wrong)}):")
        lines.extend(f"  {o}" for o in wrong[:errors])
    return "\n".join(lines)
