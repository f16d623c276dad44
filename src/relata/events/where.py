"""Where an event happened: a place the trigger's clause names, resolved offline."""

from __future__ import annotations

from ..places import lookup_span
from ..records import Location, Mention
from .arguments import Tree
from .triggers import Trigger
from .words import grammar, words

SPATIAL = words("spatial-prepositions")
BORDERS = words("borders")


def locate(tree: Tree, trigger: Trigger, until: int,
              used: set[tuple[int, int]]) -> Location | None:
    """A place the trigger's own clause gives (`атаковала … в Житомирской области`): in its
    subtree, or else the first one after it and before the next trigger."""
    after = range(trigger.last + 1, until)
    for i in [*sorted(tree.subtree(trigger.head, 3)), *after]:
        border = _border(tree, i)
        if border is not None:
            return border
        mention = tree.mention_at.get(i)
        if mention is None or (mention.start, mention.end) in used:
            continue
        if mention.kind in ("LOC", "LOCORG") and tree.preposition(i) in SPATIAL:
            return resolve_place(tree, mention)
    return None


def beside_border(tree: Tree, mention: Mention) -> bool:
    for i, token in enumerate(tree.tokens):
        if mention.start <= token.start < mention.end:
            head = tree.head(i)
            return head is not None and tree.tokens[head].lemma in BORDERS
    return False


def _border(tree: Tree, i: int) -> Location | None:
    """`у границы с Румынией`: near a border, on a side the sentence does not say."""
    if tree.tokens[i].lemma not in BORDERS or tree.preposition(i) not in SPATIAL:
        return None
    with_ = grammar("with")
    for child in tree.children[i]:
        mention = tree.mention_at.get(child)
        if mention is not None and mention.actor is not None and tree.preposition(child) == with_:
            # as written: `граница с Румынией`
            return Location(f"{tree.tokens[i].lemma} {with_} {mention.text}")
    return None


def resolve_place(tree: Tree, mention: Mention) -> Location:
    """The gazetteer's place for the mention's words, or at least its actor's country."""
    place = lookup_span(tree.tokens, mention.start, mention.end)
    if place is not None:
        return Location(place.name, place.country, place.lat, place.lon)
    country = mention.actor.country if mention.actor else None
    return Location(mention.normal or mention.text, country)
