"""The source and target of a trigger, found by named rules tried in order (razdel's
`RULES` style): the first rule that finds a side wins, and the coder knows which one did
(an explicit subject is surer than a side borrowed from a governing verb).

Each rule is a function of the act (`Act`: the parse, the trigger, the slots its
predicate names for the side sought) that returns the sides it finds, or nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from . import sides
from .arguments import Tree
from .lexicon import Predicate
from .sides import Side, fill, governor_fill, refused, shared, under
from .triggers import Trigger


@dataclass(frozen=True, slots=True)
class Act:
    """A trigger seen from one of its sides: the slots its predicate names for that side,
    and those of its light verb's noun (`noun_slots`, empty when it has none)."""

    tree: Tree
    trigger: Trigger
    predicate: Predicate
    slots: Sequence[str]
    noun_slots: Sequence[str] = ()


Rule = Callable[[Act], list[Side]]


def explicit_slot(act: Act) -> list[Side]:
    """A slot of the trigger word itself: `Россия ввела санкции против Ирана`."""
    return fill(act.tree, act.trigger.head, act.slots)


def noun_slot(act: Act) -> list[Side]:
    """A slot of a light verb's noun: `заключение соглашения между Украиной и ЕС`."""
    if act.trigger.noun is None:
        return []
    return fill(act.tree, act.trigger.noun, act.noun_slots)


def governor_subject(act: Act) -> list[Side]:
    """The subject of the verb above: `Россия пригрозила ввести санкции`, `Азербайджан
    направил помощь`."""
    return governor_fill(act.tree, act.trigger.head, ("subject",))


def own_subject(act: Act) -> list[Side]:
    """`свое вторжение`: the act of its clause's subject."""
    return sides.own_subject(act.tree, act.trigger.head)


def seat_subject(act: Act) -> list[Side]:
    """`В Кремле заявили`: a seat of power as the unnamed subject of a plural verb."""
    return sides.seat_subject(act.tree, act.trigger.head)


def shared_slot(act: Act) -> list[Side]:
    """A slot of a coordinated noun: `российскую оккупацию и аннексию Крыма`."""
    return shared(act.tree, act.trigger.head, act.slots)


def governor_object(act: Act) -> list[Side]:
    """The object or dative of the verb above: `направил помощь Украине`, `пригрозила
    Украине ввести санкции`."""
    return governor_fill(act.tree, act.trigger.head, (*act.slots, "dative"))


def responded_to(act: Act) -> list[Side]:
    """Who the act is under or answers: `под давлением России`, `ответила на санкции ЕС
    эмбарго`."""
    return under(act.tree, act.trigger.head)


def refused_aim(act: Act) -> list[Side]:
    """A refusal is aimed where the refused act is: `отказывается признать Палестинское
    государство`."""
    if act.predicate.type != "REJECT":
        return []
    return refused(act.tree, act.trigger.head)


SOURCE_RULES: list[Rule] = [explicit_slot, noun_slot, governor_subject, own_subject,
                            seat_subject, shared_slot]
TARGET_RULES: list[Rule] = [explicit_slot, noun_slot, governor_object, shared_slot,
                            responded_to, refused_aim]
# Rules that find a side the trigger's own words name: a source found so makes the act
# clearly the source's (what an event with no target needs).
EXPLICIT = frozenset({"explicit_slot", "noun_slot"})


def apply(rules: Sequence[Rule], act: Act) -> tuple[str | None, list[Side]]:
    """The first rule's sides, with the rule's name (None: no rule found any)."""
    for rule in rules:
        found = rule(act)
        if found:
            return rule.__name__, found
    return None, []
