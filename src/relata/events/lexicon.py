"""The Russian predicate lexicon (`data/predicates/*.yaml`): triggers and their argument slots.

Format in `data/README.md`. Every entry is checked on load; problems name file and line.
A trigger has one of five shapes: a word (`lemma`), a light verb with its noun (`verb` +
`noun`), a verb with its preposition (`verb` + `prep`: `выступить против`), a verb with its
predicative complement (`verb` + `complement`: `признать виновным`), or a noun with the
adjective that makes it an act (`adjective` + `noun`: `ядерное испытание`).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..datafile import Problem, Problems, Where, fields, read_sections
from ..errors import RelataError
from ..language.spelling import fold
from .ontology import Ontology, load_ontology, plover_type

BUILTIN = Path(__file__).parent / "data" / "predicates"  # one file per group of types
TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
SLOTS = frozenset({"subject", "object", "dative", "instrumental", "genitive", "adjective",
                   "agent"})
SIDES = ("source", "target")
_SPEC = {
    "lemma": ("str", False), "verb": ("str", False), "noun": ("str", False),
    "prep": ("str", False), "complement": ("str", False), "adjective": ("str", False),
    "type": ("str", True), "cameo": ("str", True), "mode": ("str", False),
    "source": ("list", False), "target": ("list", False),
    "symmetric": ("bool", False), "reversal": ("bool", False), "negative": ("bool", False),
    "aimed": ("bool", False),
}


@dataclass(frozen=True, slots=True)
class Predicate:
    type: str
    cameo: str
    lemma: str | None = None  # a trigger word …
    verb: str | None = None  # … or a light verb with its noun
    noun: str | None = None
    prep: str | None = None  # a verb with its preposition: `выступить против`
    complement: str | None = None  # a verb with its predicative word: `признать виновным`
    adjective: str | None = None  # a noun with its adjective: `ядерное испытание`
    mode: str | None = None
    source: tuple[str, ...] = ("subject",)
    target: tuple[str, ...] = ("object",)
    symmetric: bool = False
    reversal: bool = False
    negative: bool = False
    aimed: bool = False  # an act only when its own words name whom it is aimed at
    where: Where | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        if self.lemma:
            return self.lemma
        if self.adjective:
            return f"{self.adjective} {self.noun}"
        part = self.noun or (self.prep and f"prep:{self.prep}") or f"as:{self.complement}"
        return f"{self.verb} {part}"

    @property
    def frame(self) -> tuple[str, str, str] | None:
        """(head lemma, kind, word) of a verb + preposition, verb + complement or adjective +
        noun trigger; None for a word or a light verb."""
        if self.prep and self.verb:
            return (self.verb, "prep", self.prep)
        if self.complement and self.verb:
            return (self.verb, "complement", self.complement)
        if self.adjective and self.noun:
            return (self.noun, "adjective", self.adjective)
        return None


@dataclass(frozen=True, slots=True)
class Receiver:
    """A verb whose subject undergoes the act its noun names: the noun's preposition (None:
    the noun is its object or a bare dative, `получила отказ`, `подверглась нападению`), and
    the slots, of the verb and then of the noun, where the act's doer is."""

    prep: str | None
    source: tuple[str, ...]
    # verbs of giving whose light pairs this verb receives (`дать гарантии` → `получить
    # гарантии`): the pair's act, done by the giver, to the receiver
    converse_of: tuple[str, ...] = ()
    converse_except: frozenset[str] = frozenset()  # nouns whose received sense differs


class LexiconError(RelataError):
    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        shown = "\n  ".join(map(str, self.problems[:10]))
        super().__init__(f"{len(problems)} problems in the predicate lexicon:\n  {shown}")


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: dict[str, Predicate]  # trigger lemma → predicate
    # (verb lemma, noun lemma) → predicate; the noun may be an adjective and a noun
    # (`пригрозить`, `ядерный удар`) or a noun and its genitive (`прекращение огонь`): the
    # second word narrows the code
    light: dict[tuple[str, str], Predicate]
    # (head lemma, "prep" | "complement" | "adjective", word) → predicate
    frames: dict[tuple[str, str, str], Predicate] = field(default_factory=dict)
    # verbs whose subject undergoes the act of their noun (`получить отказ`, `подвергнуться
    # нападению`) → the noun's preposition and where that act's doer is
    receivers: dict[str, Receiver] = field(default_factory=dict)
    # phrases that name only the side an act is aimed at (`в адрес`): never its doer
    aimed_slots: frozenset[str] = frozenset()
    # phrases of a verb whose act noun the verb's subject underwent (`вышел после ареста`)
    undergone_slots: frozenset[str] = frozenset()
    # Made once: every parsed sentence asks for them.
    light_verbs: frozenset[str] = field(init=False, repr=False, compare=False)
    frame_heads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "light_verbs", frozenset(verb for verb, _ in self.light))
        object.__setattr__(self, "frame_heads", frozenset(head for head, _, _ in self.frames))

    @property
    def lemmas(self) -> frozenset[str]:
        """Every lemma that may start an event: words, light verbs and their nouns, the
        heads of frames (a frame's other word never starts one alone)."""
        return (frozenset(self.words) | {w for pair in self.light for part in pair
                                         for w in part.split()}  # `ядерный удар`: both
                | self.frame_heads)

    @property
    def predicates(self) -> list[Predicate]:
        return [*self.words.values(), *self.light.values(), *self.frames.values()]


def _slot_ok(slot: str) -> bool:
    return slot in SLOTS or (slot.startswith("prep:") and len(slot) > 5)


def _check(p: Predicate, ontology: Ontology, problems: Problems) -> bool:
    ok = True
    if _shape(p) is None:
        problems.add(p.where, "give either 'lemma', or 'verb' and 'noun', or 'verb' and 'prep', "
                              "or 'verb' and 'complement', or 'adjective' and 'noun'")
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


SHAPES = {  # the fields a trigger of each shape gives, and no other of lemma … adjective
    "word": {"lemma"}, "light": {"verb", "noun"}, "prep": {"verb", "prep"},
    "complement": {"verb", "complement"}, "adjective": {"adjective", "noun"},
}
_PARTS = ("lemma", "verb", "noun", "prep", "complement", "adjective")


@functools.cache
def _vowelled() -> dict[str, str]:
    from .words import pairs  # here: words reports its problems with this module's error

    return dict(pairs("vowelled-prepositions"))


def plain_preposition(preposition: str) -> str:
    """A preposition as the lexicon keys it, without the vowel Russian adds before some
    words (`со стороны`, `ко всем`, `во Франции`), which the parser may keep as its lemma."""
    first, _, rest = preposition.partition(" ")
    first = _vowelled().get(first, first)
    return f"{first} {rest}" if rest else first


def _shape(p: Predicate) -> str | None:
    given = {name for name in _PARTS if getattr(p, name) is not None}
    return next((shape for shape, names in SHAPES.items() if given == names), None)


def _files(paths: Sequence[Path]) -> list[Path]:
    return [f for p in paths for f in (sorted(Path(p).glob("*.yaml")) if Path(p).is_dir()
                                       else [Path(p)])]


def load(paths: Sequence[Path] = (BUILTIN,), user: Sequence[Path] = ()
         ) -> tuple[Lexicon, list[Problem]]:
    """The lexicon from files or folders of files; entries with problems are left out.
    The `user` files come last: an entry of theirs with the key of an entry of `paths` (the
    same lemma, verb + noun, …) replaces it; a key twice among the `paths`, or twice among
    the `user` files, is a problem.
    A light verb may take a class of nouns (`noun: "@forces"`, the class given in a `nouns`
    section of any file): one pair for each noun of the class, which an entry written for
    that pair replaces. A verb of an `aspects` group (`нанести`, `наносить`) triggers as its
    partners do where no entry of its own says otherwise (see `_with_aspects`).
    A predicate's type is the one the CAMEO → PLOVER table gives its code (`подписать
    соглашение`, 057, is SUPPORT), with the guide's one departure: sanctions, embargoes and
    boycotts (163) are SANCTION (`../shared/ANNOTATION.md`)."""
    problems = Problems()
    ontology = load_ontology()
    words: dict[str, Predicate] = {}
    light: dict[tuple[str, str], Predicate] = {}
    frames: dict[tuple[str, str, str], Predicate] = {}
    added = {str(path) for path in _files(user)}
    entries = [entry for path in [*_files(paths), *_files(user)]
               for entry in read_sections(path, dict.fromkeys(SECTIONS), problems)]
    classes = _noun_classes([(raw, where) for section, raw, where in entries
                             if section == "nouns"], problems)
    expanded: set[tuple[str, str]] = set()  # pairs made from a class, which a pair replaces
    for _, raw, where in (entry for entry in entries if entry[0] == "predicates"):
        values = fields(raw, _SPEC, where, problems)
        if values is None:
            continue
        for name in _PARTS:  # written as in text, matched as lemmas
            if name in values:
                values[name] = fold(values[name])
        if values.get("prep"):
            values["prep"] = plain_preposition(values["prep"])
        if values.get("prep") and "target" not in values:  # `выступить против X`: X
            values["target"] = [f"prep:{values['prep']}"]
        nouns = [values.get("noun")]
        from_class = (values.get("noun") or "").startswith("@")
        if from_class:
            nouns = classes.get(values["noun"][1:], [])
            if not nouns:
                problems.add(where, f"unknown class of nouns {values['noun']!r} (known: "
                                    f"{', '.join('@' + c for c in sorted(classes)) or 'none'})")
                continue
            if not values.get("verb"):
                problems.add(where, "a class of nouns goes with a light verb ('verb')")
                continue
        for noun in nouns:
            predicate = Predicate(**{**values, "noun": noun} if noun else values, where=where)
            if not _check(predicate, ontology, problems):
                break
            table, key = ((words, predicate.lemma) if predicate.lemma
                          else (light, (predicate.verb, predicate.noun)) if predicate.frame is None
                          else (frames, predicate.frame))
            first = table.get(key)
            if from_class:  # from a class: a pair of its own, written anywhere, stays
                if first is None:
                    table[key] = predicate
                    expanded.add(key)
                continue
            if (first is not None and key not in expanded
                    and not (where.file in added and first.where.file not in added)):
                problems.add(where, f"duplicate entry {predicate.key!r} (first at {first.where})")
                continue
            expanded.discard(key)
            table[key] = predicate
    groups = _aspect_groups([(raw, where) for section, raw, where in entries
                             if section == "aspects"], problems)
    extra = _noun_slots([(raw, where) for section, raw, where in entries
                         if section == "noun-slots"], problems)
    receivers = _receivers([(raw, where) for section, raw, where in entries
                            if section == "receivers"], problems)
    aimed = _aimed_slots([(raw, where) for section, raw, where in entries
                          if section == "aimed-slots"], problems)
    undergone = _aimed_slots([(raw, where) for section, raw, where in entries
                              if section == "undergone-slots"], problems, "an undergone slot")
    nominals = _nominals([(raw, where) for section, raw, where in entries
                          if section == "nominals"], problems)
    nominal_slots = _noun_slots([(raw, where) for section, raw, where in entries
                                 if section == "nominal-slots"], problems, ("source", "mutual"))
    lexicon = _with_converses(_with_nominals(
        _with_aspects(Lexicon(words, light, frames, receivers, aimed), groups),
        nominals, nominal_slots))
    words, light, frames = ({key: _with_noun_slots(p, extra) for key, p in table.items()}
                            for table in (lexicon.words, lexicon.light, lexicon.frames))
    return Lexicon(words, light, frames, receivers, aimed, undergone), list(problems)


def _with_nominals(lexicon: Lexicon, nominals: dict[str, tuple[str, ...]],
                   slots: dict[str, tuple[str, ...]]) -> Lexicon:
    """The lexicon with each light pair of a verb of `nominals` (verb → its deverbal nouns)
    given to the nouns (`нанести удар` → `нанесение удара`), with the slots a nominalization
    takes (`nominal-slots`: its doer's, and for a mutual act those naming both sides); the
    verb's other slots (dative, prepositions) stay. A pair the noun has, written or from a
    class, stays; a pair whose verb's subject is its target (`получить помощь`) has no such
    noun, nor one whose verb takes an instrumental (`выразить обеспокоенность действиями`),
    which the noun would take for its doer."""
    light = dict(lexicon.light)
    doer, mutual = slots.get("source", ()), slots.get("mutual", ())
    if not doer:
        return lexicon
    for (verb, noun), p in sorted(lexicon.light.items(), key=lambda item: item[0]):
        if "subject" not in p.source or "instrumental" in p.target:
            continue
        for nominal in nominals.get(verb, ()):
            if (nominal, noun) in light:
                continue
            target = tuple(t for t in p.target if t not in ("subject", "object"))
            source = (*mutual, *doer) if p.symmetric else doer
            if p.symmetric:
                target = (*target, *(m for m in mutual if m not in target))
            light[(nominal, noun)] = dataclasses.replace(p, verb=nominal, source=source,
                                                         target=target)
    return dataclasses.replace(lexicon, light=light)


def _with_converses(lexicon: Lexicon) -> Lexicon:
    """The lexicon with each light pair of a verb of giving given to the receiving verbs
    whose `converse-of` lists it: `дать гарантии Украине` (AGREE) → `Украина получила
    гарантии от США`, `вынести предупреждение` → `получить предупреждение от X`; the giver
    in the receiver's slots, the receiver's subject the target. Only pairs whose recipient
    is their dative (what is given to someone) and whose doer is their subject; a noun
    whose givers' pairs disagree on the act gets none, and a pair written for the
    receiving verb (`получить помощь`) stays, and a noun of its `except` list (`получить
    санкцию на арест` is a permission) gets none."""
    light = dict(lexicon.light)
    for receiving, receiver in sorted(lexicon.receivers.items()):
        if not receiver.converse_of or receiver.prep is not None:
            continue
        givers = set(receiver.converse_of)
        given: dict[str, list[Predicate]] = {}
        for (verb, noun), p in sorted(lexicon.light.items(), key=lambda item: item[0]):
            if verb in givers and "subject" in p.source and "dative" in p.target:
                given.setdefault(noun, []).append(p)
        for noun, pairs in given.items():
            if ((receiving, noun) in light or noun in receiver.converse_except
                    or len({(p.type, p.cameo) for p in pairs}) > 1):
                continue
            light[(receiving, noun)] = dataclasses.replace(
                pairs[0], verb=receiving, source=receiver.source, target=("subject",))
    return dataclasses.replace(lexicon, light=light)


_NOMINALS_SPEC = {"noun": ("str", True), "verbs": ("list", True)}


def _nominals(raws: Sequence[tuple[dict, Where]], problems: Problems
              ) -> dict[str, tuple[str, ...]]:
    """The `nominals` sections: verb → its deverbal nouns (`приостановить` → `приостановление`,
    `приостановка`), a noun and verb together once."""
    found: dict[str, tuple[str, ...]] = {}
    for raw, where in raws:
        values = fields(raw, _NOMINALS_SPEC, where, problems)
        if values is None:
            continue
        noun, verbs = fold(values["noun"]), [fold(v) for v in values["verbs"]]
        again = [v for v in verbs if noun in found.get(v, ()) or not v]
        if not noun or not verbs or again or len(set(verbs)) < len(verbs):
            problems.add(where, "a nominal is a noun and its verbs, each pair once"
                                f"{': ' + repr(again[0]) + ' again' if again else ''}")
            continue
        for verb in verbs:
            found[verb] = (*found.get(verb, ()), noun)
    return found


SECTIONS = ("predicates", "nouns", "aspects", "noun-slots", "receivers", "aimed-slots",
            "undergone-slots", "nominals", "nominal-slots")


def is_noun_entry(p: Predicate) -> bool:
    """Whether an entry is a noun's (`визит`, `введение санкций`, `ядерное испытание`): its
    doer is never a subject, where a verb's always may be. (A light verb whose subject is the
    target, `получить приглашение`, counts too: a noun slot on a verb finds nothing.)"""
    return "subject" not in p.source


def _with_noun_slots(p: Predicate, extra: dict[str, tuple[str, ...]]) -> Predicate:
    """A noun entry with the `noun-slots` every act noun takes after its own."""
    if not extra or not is_noun_entry(p):
        return p
    source = (*p.source, *(s for s in extra.get("source", ()) if s not in p.source))
    target = (*p.target, *(s for s in extra.get("target", ()) if s not in p.target))
    return dataclasses.replace(p, source=source, target=target)


_NOUN_SLOTS_SPEC = {"side": ("str", True), "slots": ("list", True)}


def _noun_slots(raws: Sequence[tuple[dict, Where]], problems: Problems,
                sides: Sequence[str] = SIDES) -> dict[str, tuple[str, ...]]:
    """The `noun-slots` sections: side (`source`, `target`) → the slots every noun entry
    takes after its own, each checked; also the `nominal-slots` sections, whose sides are
    `source` and `mutual`."""
    extra: dict[str, tuple[str, ...]] = {}
    for raw, where in raws:
        values = fields(raw, _NOUN_SLOTS_SPEC, where, problems)
        if values is None:
            continue
        side, slots = values["side"], tuple(values["slots"])
        bad = [s for s in slots if not _slot_ok(s)]
        if side not in sides:
            problems.add(where, f"side must be one of {', '.join(sides)}, not {side!r}")
        elif bad or not slots:
            problems.add(where, f"unknown argument slot {bad[0]!r}" if bad else "no slots")
        elif side in extra:
            problems.add(where, f"noun slots of the {side} given twice")
        else:
            extra[side] = slots
    return extra


def _aimed_slots(raws: Sequence[tuple[dict, Where]], problems: Problems,
                 what: str = "an aimed slot") -> frozenset[str]:
    """The `aimed-slots` sections: prepositional slots that name only an act's target; also
    the `undergone-slots` sections (`what` names them in a problem)."""
    found: set[str] = set()
    for raw, where in raws:
        values = fields(raw, {"slots": ("list", True)}, where, problems)
        if values is None:
            continue
        bad = [s for s in values["slots"] if not s.startswith("prep:") or not _slot_ok(s)]
        if bad:
            problems.add(where, f"{what} is a preposition's (prep:X), not {bad[0]!r}")
            continue
        found.update(f"prep:{plain_preposition(s[5:])}" for s in values["slots"])
    return frozenset(found)


_RECEIVERS_SPEC = {"verbs": ("list", True), "source": ("list", True), "prep": ("str", False),
                   "converse-of": ("list", False), "except": ("list", False)}


def _receivers(raws: Sequence[tuple[dict, Where]], problems: Problems) -> dict[str, Receiver]:
    """The `receivers` sections: verb → its noun's preposition and where the doer of the act
    it receives is; each verb once, each slot known."""
    found: dict[str, Receiver] = {}
    for raw, where in raws:
        values = fields(raw, _RECEIVERS_SPEC, where, problems)
        if values is None:
            continue
        verbs = [fold(v) for v in values["verbs"]]
        slots = tuple(values["source"])
        bad = [s for s in slots if not _slot_ok(s)]
        again = [v for v in verbs if v in found or not v]
        if bad or not slots:
            problems.add(where, f"unknown argument slot {bad[0]!r}" if bad else "no slots")
        elif again or len(set(verbs)) < len(verbs):
            problems.add(where, "a receiving verb is given once"
                                f"{': ' + repr(again[0]) + ' again' if again else ''}")
        else:
            prep = values.get("prep")
            receiver = Receiver(plain_preposition(fold(prep)) if prep else None, slots,
                                tuple(fold(v) for v in values.get("converse-of") or ()),
                                frozenset(fold(n) for n in values.get("except") or ()))
            found.update(dict.fromkeys(verbs, receiver))
    return found


def _aspect_groups(raws: Sequence[tuple[dict, Where]], problems: Problems
                   ) -> list[tuple[str, ...]]:
    """The `aspects` groups: the forms of one verb (perfective first), each a lemma once."""
    groups: list[tuple[str, ...]] = []
    seen: dict[str, Where] = {}
    for raw, where in raws:
        values = fields(raw, {"verbs": ("list", True)}, where, problems)
        if values is None:
            continue
        verbs = tuple(fold(v) for v in values["verbs"])
        again = [v for v in verbs if v in seen or not v]
        if len(verbs) < 2 or again or len(set(verbs)) < len(verbs):
            problems.add(where, f"an aspect group is two or more verbs, each in one group only"
                                f"{': ' + repr(again[0]) + ' again' if again else ''}")
            continue
        seen.update(dict.fromkeys(verbs, where))
        groups.append(verbs)
    return groups


def _with_aspects(lexicon: Lexicon, groups: Sequence[tuple[str, ...]]) -> Lexicon:
    """The lexicon with each verb's entries given to its aspect partners: a word (`атаковать`),
    a light verb's pair (`нанести удар` → `наносить удар`), a frame with the verb as head
    (`выступить против` → `выступать против`). An entry the partner has, written or from a
    class, stays; where two forms of a group give one, the one written first is taken."""
    partners = {verb: group for group in groups for verb in group}
    words, light, frames = dict(lexicon.words), dict(lexicon.light), dict(lexicon.frames)
    for lemma, p in lexicon.words.items():
        for other in partners.get(lemma, ()):
            words.setdefault(other, dataclasses.replace(p, lemma=other))
    for (verb, noun), p in lexicon.light.items():
        for other in partners.get(verb, ()):
            light.setdefault((other, noun), dataclasses.replace(p, verb=other))
    for (head, kind, word), p in lexicon.frames.items():
        if p.verb is not None:  # not an adjective + noun frame
            for other in partners.get(head, ()):
                frames.setdefault((other, kind, word), dataclasses.replace(p, verb=other))
    return Lexicon(words, light, frames, lexicon.receivers, lexicon.aimed_slots)


_CLASS_SPEC = {"class": ("str", True), "nouns": ("list", True)}


def _noun_classes(raws: Sequence[tuple[dict, Where]], problems: Problems
                  ) -> dict[str, list[str]]:
    """The classes of nouns of the `nouns` sections: name → lemmas, each checked."""
    classes: dict[str, list[str]] = {}
    for raw, where in raws:
        values = fields(raw, _CLASS_SPEC, where, problems)
        if values is None:
            continue
        name = values["class"]
        lemmas = [fold(n) for n in values["nouns"]]
        if name in classes:
            problems.add(where, f"class of nouns {name!r} given twice")
        elif len(set(lemmas)) < len(lemmas) or not all(lemmas):
            problems.add(where, f"class of nouns {name!r}: a noun empty or repeated")
        else:
            classes[name] = lemmas
    return classes


@functools.cache
def load_lexicon(paths: tuple[Path, ...] = (BUILTIN,), user: tuple[Path, ...] = ()) -> Lexicon:
    """The lexicon of `paths` with the `user` files on top (see `load`), read once;
    LexiconError lists every problem with its file and line."""
    lexicon, problems = load(paths, user)
    if problems:
        raise LexiconError(problems)
    return lexicon
