"""Triggers: where the lexicon's words stand in a parsed sentence, light-verb pairs first,
then frames (a verb with its preposition or complement, a noun with its adjective), then
single words."""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Token
from .arguments import NOMINAL, Tree
from .lexicon import Lexicon, Predicate, plain_preposition
from .words import grammar, pairs, words

# Words of number and measure, whose genitive is what a light verb acts on: `ряд санкций`.
QUANTITIES = words("counts") | words("measures")
# Nouns of a message whose genitive is the act it does (`письмо поддержки`), and the verbs
# of sending one with the light verb whose pairs they take through such a noun.
MESSAGES = words("messages")
SENDING = pairs("sending")


@dataclass(frozen=True, slots=True)
class Trigger:
    head: int  # the token whose arguments are sought
    predicate: Predicate
    first: int  # token range of the trigger words
    last: int
    noun: int | None = None  # a light verb's noun, which may carry arguments too
    noun_lemma: str | None = None


def find_triggers(tree: Tree, lexicon: Lexicon) -> list[Trigger]:
    """Light-verb pairs first (`оказать помощь`), then frames (`выступить против`,
    `признать виновным`, `ядерное испытание`), then single trigger words: a word that is
    part of a longer trigger is not a trigger of its own."""
    found: list[Trigger] = []
    used: set[int] = set()
    light_verbs = lexicon.light_verbs
    for i, token in enumerate(tree.tokens):
        if token.pos not in _LIGHT_POS:
            continue
        # a reflexive passive's own entry first (`проводиться переговоры`: its slots say
        # who meets), else its active verb's (`вводятся ограничения` as `вводить`)
        lemma, active = token.lemma, active_lemma(token)
        if lemma not in light_verbs and active not in light_verbs:
            continue  # most words: asked before any list is made
        lemmas = [word for word in dict.fromkeys((lemma, active)) if word in light_verbs]
        nouns = (_light_nouns(tree, i) if token.pos != "NOUN"  # `введение санкций`: a noun's
                 else _noun_objects(tree, i))  # genitive, or its bare instrumental
        if lemma in lexicon.receivers:  # a receiver's subject undergoes the act, never is
            nouns = [n for n in nouns if not receiving_subject(tree, n)]  # it
        for noun in [n for found in nouns
                     for n in (found, *_counted(tree, found), *_said(tree, found))]:
            # through a message noun, a verb of sending as the verb of expressing
            carried = [*lemmas, *(SENDING[w] for w in lemmas if w in SENDING)
                       ] if _said(tree, tree.head(noun)) else lemmas
            predicate = next((p for lemma in carried for phrase in _qualified(tree, noun)
                              if (p := lexicon.light.get((lemma, phrase))) is not None),
                             None)
            if predicate is not None:
                found.append(Trigger(i, predicate, min(i, noun), max(i, noun), noun,
                                     tree.tokens[noun].lemma))
                # a pair on a word of number takes what it counts (`провели раунд
                # переговоров`, `ввел пакет санкций`): one act, not a second of its noun
                used |= {i, noun, *_counted(tree, noun)}
                break
    if lexicon.frames:
        for trigger in _frames(tree, lexicon, used):
            found.append(trigger)
            used |= {trigger.head, trigger.first, trigger.last}
    for i, token in enumerate(tree.tokens):
        predicate = lexicon.words.get(token.lemma)
        if predicate is not None and i not in used and token.pos in ("VERB", *NOMINAL):
            found.append(Trigger(i, predicate, i, i))
    return sorted(found, key=lambda t: t.first)


REFLEXIVE = grammar("reflexive")  # the postfix of `вводиться`
# the words a light-verb pair starts with; ADJ for a predicative adjective with its phrase
# (`готов к переговорам`, 03-agree.yaml)
_LIGHT_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})


def active_lemma(token: Token) -> str:
    """The lemma a light verb is listed by: a reflexive passive stands for its active verb
    (`вводятся ограничения` as `вводить ограничения`, `наносятся удары`, `ведутся
    переговоры`); any other word for itself."""
    lemma = token.lemma
    if token.pos == "VERB" and lemma.endswith(REFLEXIVE) and token.feat("Voice") == "Pass":
        return lemma[: -len(REFLEXIVE)]
    return lemma


def _qualified(tree: Tree, noun: int) -> list[str]:
    """The ways a light verb's noun is looked up, narrowest first: with each of its
    adjectives (`ядерный удар`, `гуманитарный помощь`: a code of its own), with its bare
    genitive (`прекращение огонь`: a ceasefire, where `прекращение` alone is any end), then
    alone."""
    lemma = tree.tokens[noun].lemma
    children = tree.children[noun]
    return [*(f"{tree.tokens[c].lemma} {lemma}" for c in children if tree.rel(c) == "amod"),
            *(f"{lemma} {tree.tokens[c].lemma}" for c in children if tree.rel(c) == "nmod"
              and tree.case(c) == "Gen" and tree.preposition(c) is None),
            lemma]


def _light_nouns(tree: Tree, verb: int) -> list[int]:
    """The nouns a verb may carry: its object (or passive subject), or the noun a relative
    clause hangs on (`помощи, которую оказывает`)."""
    nouns = [c for c in tree.children[verb]  # `подвергая Россию словесной критике`: iobj, obl
             if tree.rel(c) in ("obj", "nsubj:pass", "nsubj", "iobj", "obl")
             and tree.tokens[c].pos == "NOUN"]
    # the object before the obliques, where both make a pair: `взял под контроль дело` is
    # about the case, not control of a place
    nouns.sort(key=lambda c: tree.rel(c) not in ("obj", "nsubj:pass"))
    head = tree.head(verb)
    if head is not None and tree.rel(verb) in ("acl:relcl", "acl"):  # `санкций, введенных …`
        nouns.append(head)
    # the verb's phrase hung on its object, or on a conjunct of it: `призвала Баку и Ереван
    # к прекращению огня`
    for own in [c for c in tree.children[verb] if tree.rel(c) in ("obj", "iobj")]:
        nouns += [g for k in tree.conjuncts(own) for g in tree.children[k]
                  if tree.rel(g) == "nmod" and tree.tokens[g].pos == "NOUN"
                  and tree.preposition(g) is not None]
        nouns += _stray_bare(tree, own)
    for j in range(verb + 1, min(verb + 8, len(tree.tokens))):
        token = tree.tokens[j]  # a noun the parser hung elsewhere: near, or further on in
        if token.pos in ("VERB", "PUNCT"):  # the accusative (`принимает в Белом доме своего
            break  # коллегу`), with no clause or comma between
        if token.pos == "NOUN" and (j < verb + 4 or token.feat("Case") == "Acc"):
            nouns.append(j)
    return nouns


STRAY_CASES = frozenset({"Dat", "Ins"})  # cases no noun governs bare: a verb's


def _stray_bare(tree: Tree, own: int) -> list[int]:
    """A verb's bare dative or instrumental noun that the parser hung on its object or on
    the object's genitive (`подверг решение Киева резкой критике`): no noun governs those
    cases bare, so the noun is the verb's."""
    below = [own, *(g for g in tree.children[own] if tree.rel(g) == "nmod"
                    and tree.case(g) == "Gen" and tree.preposition(g) is None)]
    return [g for k in below for g in tree.children[k]
            if tree.rel(g) == "nmod" and tree.tokens[g].pos == "NOUN"
            and tree.case(g) in STRAY_CASES and tree.preposition(g) is None]


def _noun_objects(tree: Tree, noun: int) -> list[int]:
    """What a deverbal noun acts on: its genitive (`введение санкций`), or the bare
    instrumental of a noun of exchange or trade (`обмен пленными`, `обмен информацией`)."""
    return [c for c in tree.children[noun] if tree.case(c) == "Gen"
            or (tree.case(c) == "Ins" and tree.preposition(c) is None)]


def _counted(tree: Tree, noun: int) -> list[int]:
    """What a word of number or measure counts, its genitive noun: `отвела 20 процентов
    сил`, `передал 65 тонн помощи`, `введение ряда санкций`; nothing for any other noun."""
    token = tree.tokens[noun]
    if not (token.lemma in QUANTITIES or token.pos == "NUM"
            or any(tree.rel(c) == "nummod" for c in tree.children[noun])):
        return []
    return [c for c in tree.children[noun] if tree.tokens[c].pos == "NOUN"
            and tree.case(c) == "Gen" and tree.preposition(c) is None]


def receiving_subject(tree: Tree, noun: int) -> bool:
    """Whether a noun is the subject of a receiving verb, which undergoes its act: `nsubj`,
    or a nominative the parser took for an object (`Предложение компании получило отказ`);
    not the subject of a passive (`помощь была получена`), which is the act received."""
    return tree.rel(noun) == "nsubj" or (tree.rel(noun) != "nsubj:pass"
                                          and tree.case(noun) == "Nom")


def _said(tree: Tree, noun: int | None) -> list[int]:
    """What a noun of a message does, its genitive act noun: `письмо поддержки`, `слова
    осуждения`; nothing for any other noun (or for None)."""
    if noun is None or tree.tokens[noun].lemma not in MESSAGES:
        return []
    return [c for c in tree.children[noun] if tree.tokens[c].pos == "NOUN"
            and tree.case(c) == "Gen" and tree.preposition(c) is None]


_FRAME_HEADS = {"prep": ("VERB", "NOUN"), "complement": ("VERB",), "adjective": ("NOUN",)}
_COMPLEMENT_RELS = frozenset({"xcomp", "obl", "obj", "nmod", "advmod"})


def _frames(tree: Tree, lexicon: Lexicon, used: set[int]) -> list[Trigger]:
    """Frame triggers: a head word with the preposition of one of its phrases (`выступила
    против резолюции`, `выход из договора`), with its predicative complement (`признал
    виновным`, `был признан виновным`), or a noun with its adjective (`ядерное испытание`,
    `совместной борьбы`). The span runs from the first of the two words to the last."""
    found = []
    for i, token in enumerate(tree.tokens):
        if token.lemma not in lexicon.frame_heads or i in used:
            continue
        for child in tree.children[i]:
            match = _frame_of(tree, lexicon, i, child)
            if match is not None:
                predicate, part = match
                found.append(Trigger(i, predicate, min(i, part), max(i, part)))
                break
    return found


def _frame_of(tree: Tree, lexicon: Lexicon, head: int,
              child: int) -> tuple[Predicate, int] | None:
    """The frame that the head word and one of its dependents make, with the token that
    stands for the dependent in the trigger span (the preposition itself, for a phrase)."""
    lemma, pos, rel = tree.tokens[head].lemma, tree.tokens[head].pos, tree.rel(child)
    preposition = tree.preposition(child)
    if preposition is not None and pos in _FRAME_HEADS["prep"]:
        predicate = lexicon.frames.get((lemma, "prep", plain_preposition(preposition)))
        if predicate is not None and not _unarmed(tree, head, predicate):
            case = next(c for c in tree.children[child] if tree.rel(c) == "case")
            return predicate, case
    word = tree.tokens[child].lemma
    if rel in _COMPLEMENT_RELS and pos in _FRAME_HEADS["complement"]:
        predicate = lexicon.frames.get((lemma, "complement", word))
        if predicate is not None:
            return predicate, child
    if rel == "amod" and pos in _FRAME_HEADS["adjective"]:
        predicate = lexicon.frames.get((lemma, "adjective", word)) or (
            _paired(tree, lexicon, head, child))
        if predicate is not None:
            return predicate, child
    return None


PAIR = "@pair"  # the lexicon's adjective for any compound naming two sides
UNARMED = words("unarmed")  # `торговая война`: no fighting


def _paired(tree: Tree, lexicon: Lexicon, head: int, child: int) -> Predicate | None:
    """The frame of a noun with a compound adjective naming two sides (`российско-грузинская
    война`, `ирано-иракский конфликт`), unless another adjective makes it no fight (`торговая
    война`); None for any other adjective."""
    token = tree.tokens[child]
    named = [m for m in tree.mentions if token.start <= m.start and m.end <= token.end
             and m.actor is not None and m.actor.code]
    if len({m.actor.country or m.actor.code for m in named}) < 2:
        return None
    predicate = lexicon.frames.get((tree.tokens[head].lemma, "adjective", PAIR))
    return None if predicate is None or _unarmed(tree, head, predicate) else predicate


def _unarmed(tree: Tree, head: int, predicate: Predicate) -> bool:
    """`торговая война между США и Китаем`: a fight that an adjective says is none."""
    return predicate.type == "ASSAULT" and tree.tokens[head].pos == "NOUN" and any(
        tree.rel(c) == "amod" and tree.tokens[c].lemma in UNARMED for c in tree.children[head])
