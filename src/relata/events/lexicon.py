"""The Russian predicate lexicon (`data/predicates.yaml`): triggers and their argument slots.

Format in `data/README.md`. Every entry is checked on load; problems name file and line.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..datafile import Problem, Problems, Where, fields, read_sections
from ..errors import RelataError
from .ontology import Ontology, load_ontology, plover_type

BUILTIN = Path(__file__).parent / "data" / "predicates"  # one file per group of types
TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
SLOTS = frozenset({"subject", "object", "dative", "instrumental", "genitive", "adjective"})
_SPEC = {
    "lemma": ("str", False), "verb": ("str", False), "noun": ("str", False),
    "type": ("str", True), "cameo": ("str", True), "mode": ("str", False),
    "source": ("list", False), "target": ("list", False),
    "symmetric": ("bool", False), "reversal": ("bool", False), "negative": ("bool", False),
}


@dataclass(frozen=True, slots=True)
class Predicate:
    type: str
    cameo: str
    lemma: str | None = None  # a trigger word …
    verb: str | None = None  # … or a light verb with its noun
    noun: str | None = None
    mode: str | None = None
    source: tuple[str, ...] = ("subject",)
    target: tuple[str, ...] = ("object",)
    symmetric: bool = False
    reversal: bool = False
    negative: bool = False
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        return self.lemma or f"{self.verb} {self.noun}"


class LexiconError(RelataError):
    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        shown = "\n  ".join(map(str, self.problems[:10]))
        super().__init__(f"{len(problems)} problems in the predicate lexicon:\n  {shown}")


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, Predicate]  # trigger lemma → predicate
    light: dict[tuple[str, str], Predicate]  # (verb lemma, noun lemma) → predicate
    # Made once: every parsed sentence asks for it.
    light_verbs: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "light_verbs", frozenset(verb for verb, _ in self.light))

    @property
    def lemmas(self) -> frozenset[str]:
        """Every lemma that may start an event: words, light verbs and their nouns."""
        return frozenset(self.words) | {w for pair in self.light for w in pair}


def _slot_ok(slot: str) -> bool:
    return slot in SLOTS or (slot.startswith("prep:") and len(slot) > 5)


def _check(p: Predicate, ontology: Ontology, problems: Problems) -> bool:
    ok = True
    if (p.lemma is None) == (p.verb is None or p.noun is None):
        problems.add(p.where, "give either 'lemma', or 'verb' and 'noun'")
        ok = False
    if p.type not in TYPES:
        problems.add(p.where, f"unknown PLOVER type {p.type!r}")
        ok = False
    code = ontology.cameo.get(p.cameo)
    if code is None:
        problems.add(p.where, f"unknown CAMEO code {p.cameo!r}")
        ok = False
    elif p.type in TYPES and p.type != plover_type(code):
        expected = plover_type(code)
        problems.add(p.where, f"CAMEO {p.cameo} is {expected}, not {p.type}" if expected else
                              f"CAMEO {p.cameo} has no PLOVER type: no event (the guide codes "
                              f"appeals with the 10x demand codes)")
        ok = False
    for slot in (*p.source, *p.target):
        if not _slot_ok(slot):
            problems.add(p.where, f"unknown argument slot {slot!r} (expected: "
                                  f"{', '.join(sorted(SLOTS))}, prep:X)")
            ok = False
    return ok


def _files(paths: Sequence[Path]) -> list[Path]:
    return [f for p in paths for f in (sorted(Path(p).glob("*.yaml")) if Path(p).is_dir()
                                       else [Path(p)])]


def load(paths: Sequence[Path] = (BUILTIN,)) -> tuple[Lexicon, list[Problem]]:
    """The lexicon from files or folders of files; entries with problems are left out.
    A predicate's type is the one the CAMEO → PLOVER table gives its code (`подписать
    соглашение`, 057, is SUPPORT), with the guide's one departure: sanctions, embargoes and
    boycotts (163) are SANCTION (`../shared/ANNOTATION.md`)."""
    problems = Problems()
    ontology = load_ontology()
    words: dict[str, Predicate] = {}
    light: dict[tuple[str, str], Predicate] = {}
    for path in _files(paths):
        for _, raw, where in read_sections(path, {"predicates": None}, problems):
            values = fields(raw, _SPEC, where, problems)
            if values is None:
                continue
            for name in ("lemma", "verb", "noun"):  # written as in text, matched as lemmas
                if name in values:
                    values[name] = values[name].lower().replace("ё", "е")
            predicate = Predicate(**values, where=where)
            if not _check(predicate, ontology, problems):
                continue
            table, key = (words, predicate.lemma) if predicate.lemma else (
                light, (predicate.verb, predicate.noun))
            first = table.get(key)
            if first is not None:
                problems.add(where, f"duplicate entry {predicate.key!r} (first at {first.where})")
                continue
            table[key] = predicate
    return Lexicon(words, light), list(problems)


@functools.cache
def load_lexicon(paths: tuple[Path, ...] = (BUILTIN,)) -> Lexicon:
    lexicon, problems = load(paths)
    if problems:
        raise LexiconError(problems)
    return lexicon
