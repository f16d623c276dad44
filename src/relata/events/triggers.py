"""Triggers: where the lexicon's words stand in a parsed sentence, light-verb pairs first."""

from __future__ import annotations

from dataclasses import dataclass

from .arguments import NOMINAL, Tree
from .lexicon import Lexicon, Predicate


@dataclass(frozen=True, slots=True)
class Trigger:
    head: int  # the token whose arguments are sought
    predicate: Predicate
    first: int  # token range of the trigger words
    last: int
    noun: int | None = None  # a light verb's noun, which may carry arguments too
    noun_lemma: str | None = None


def find_triggers(tree: Tree, lexicon: Lexicon) -> list[Trigger]:
    """Light-verb pairs first (`оказать помощь`), then single trigger words."""
    found: list[Trigger] = []
    used: set[int] = set()
    light_verbs = lexicon.light_verbs
    for i, token in enumerate(tree.tokens):
        if token.lemma not in light_verbs or token.pos not in ("VERB", "AUX", "NOUN"):
            continue
        nouns = (_light_nouns(tree, i) if token.pos != "NOUN"  # `введение санкций`: a noun's
                 else [c for c in tree.children[i] if tree.case(c) == "Gen"])  # genitive
        for noun in nouns:
            predicate = lexicon.light.get((token.lemma, tree.tokens[noun].lemma))
            if predicate is not None:
                found.append(Trigger(i, predicate, min(i, noun), max(i, noun), noun,
                                     tree.tokens[noun].lemma))
                used |= {i, noun}
                break
    for i, token in enumerate(tree.tokens):
        predicate = lexicon.words.get(token.lemma)
        if predicate is not None and i not in used and token.pos in ("VERB", *NOMINAL):
            found.append(Trigger(i, predicate, i, i))
    return sorted(found, key=lambda t: t.first)


def _light_nouns(tree: Tree, verb: int) -> list[int]:
    """The nouns a verb may carry: its object (or passive subject), or the noun a relative
    clause hangs on (`помощи, которую оказывает`)."""
    nouns = [c for c in tree.children[verb]  # `подвергая Россию словесной критике`: iobj, obl
             if tree.rel(c) in ("obj", "nsubj:pass", "nsubj", "iobj", "obl")
             and tree.tokens[c].pos == "NOUN"]
    head = tree.head(verb)
    if head is not None and tree.rel(verb) in ("acl:relcl", "acl"):  # `санкций, введенных …`
        nouns.append(head)
    for j in range(verb + 1, min(verb + 8, len(tree.tokens))):
        token = tree.tokens[j]  # a noun the parser hung elsewhere: near, or further on in
        if token.pos in ("VERB", "PUNCT"):  # the accusative (`принимает в Белом доме своего
            break  # коллегу`), with no clause or comma between
        if token.pos == "NOUN" and (j < verb + 4 or token.feat("Case") == "Acc"):
            nouns.append(j)
    return nouns
