"""Where an entity stands in the parse of its sentence, for the targeted-sentiment model.

Averaged word vectors do not say who a sentence is hard on: in `A победил B` both
names have the same neighbours. The parse does: the entity's relation, the role its
phrase plays in its clause (subject, object, oblique), the word that governs it, the
nearest verb above it, what modifies it, and the words of blame and praise in its own
clause rather than anywhere in the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..events.arguments import Tree
from ..language.words import DIMENSIONS
from ..records import Token

# Relations of the entity's head word, and of the phrase it belongs to: one-hot each.
RELS = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "appos", "conj", "amod",
        "root", "parataxis", "flat:foreign", "acl", "xcomp", "ccomp", "advcl", "det")
# A name inside a larger noun phrase (`лидер партии X`, `X и Y`) plays that phrase's role.
THROUGH = frozenset({"nmod", "conj", "appos", "flat:foreign", "flat:name", "flat"})
VERBS = frozenset({"VERB", "AUX"})
SUBJECT, OBJECTS, OBLIQUE = "nsubj", frozenset({"obj", "nsubj:pass", "iobj"}), "obl"
CUES = 2 * len(RELS) + 7
VECTORS = 6  # 300-wide blocks: verb, governor, modifiers, verb × (subject, object, oblique)
FEATURES = VECTORS * DIMENSIONS + CUES


@dataclass(frozen=True, slots=True)
class Place:
    """Token indices of an entity's place in the parse."""

    entity: tuple[int, ...]
    head: int  # the entity's token whose head is outside it
    rel: str  # the head's relation
    role: str  # the relation of the phrase the entity heads or sits in
    above: tuple[int, ...]  # the heads from the entity's head up to the root
    verb: int | None  # the nearest verb among them
    clause: tuple[int, ...]  # the verb's subtree, the entity left out
    modifiers: tuple[int, ...]  # the subtrees of the entity's dependents

    @property
    def governor(self) -> int | None:
        return self.above[0] if self.above else None


def entity_tokens(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """The tokens overlapping [start, end); offsets between words take the next word."""
    inside = [i for i, t in enumerate(tokens) if t.start < end and t.end > start]
    if not inside:
        inside = [i for i, t in enumerate(tokens) if t.start >= start][:1] or [len(tokens) - 1]
    return inside


def place(tokens: Sequence[Token], start: int, end: int) -> Place:
    """The entity at char offsets [start, end) in a parsed, non-empty sentence."""
    tree = Tree(tokens, ())
    entity = entity_tokens(tokens, start, end)
    inside = set(entity)
    head = next((i for i in entity if tree.head(i) not in inside), entity[0])
    above, seen, node = [], {head}, tree.head(head)
    while node is not None and node not in seen:  # repaired trees have no cycle; be safe
        above.append(node)
        seen.add(node)
        node = tree.head(node)
    role, node = tree.rel(head), head
    while role in THROUGH and tree.head(node) is not None:
        node = tree.head(node)
        role = tree.rel(node)
    verb = next((j for j in above if tokens[j].pos in VERBS), None)
    clause = sorted(tree.subtree(verb) - inside) if verb is not None else []
    dependents = [j for i in entity for j in tree.children[i] if j not in inside]
    modifiers = sorted({k for j in dependents for k in tree.subtree(j)} - inside)
    return Place(tuple(entity), head, tree.rel(head), role, tuple(above), verb,
                 tuple(clause), tuple(modifiers))


def features(tokens: Sequence[Token], where: Place, vectors: np.ndarray,
             blame: frozenset[str], praise: frozenset[str],
             negation: frozenset[str]) -> np.ndarray:
    """The parse's columns: the vectors of the verb, the governor and the modifiers, the
    verb's vector crossed with the entity's role (the same verb is good news for its
    subject and bad for its object), then the cues. `vectors` has a row per token."""
    zero = np.zeros(DIMENSIONS, dtype=np.float32)
    verb = vectors[where.verb] if where.verb is not None else zero
    governor = vectors[where.governor] if where.governor is not None else zero
    modifiers = vectors[list(where.modifiers)].mean(0) if where.modifiers else zero
    subject = float(where.role.startswith(SUBJECT) and where.role != "nsubj:pass")
    obj, oblique = float(where.role in OBJECTS), float(where.role == OBLIQUE)
    lemmas = [t.lemma for t in tokens]
    negated = where.verb is not None and any(
        lemmas[j] in negation for j, t in enumerate(tokens) if t.head - 1 == where.verb)
    cues = np.array([
        *(float(where.rel == r) for r in RELS), *(float(where.role == r) for r in RELS),
        sum(lemmas[j] in blame for j in where.clause),
        sum(lemmas[j] in praise for j in where.clause),
        sum(lemmas[j] in blame for j in where.modifiers),
        sum(lemmas[j] in praise for j in where.modifiers),
        float(negated),
        float(where.verb is not None and tokens[where.verb].feat("Voice") == "Pass"),
        len(where.above) / 10,  # depth in the tree
    ], dtype=np.float32)
    return np.concatenate([verb, governor, modifiers,
                           verb * subject, verb * obj, verb * oblique, cues])
