"""The sides of an event: who acts and who is acted upon, from the parse with the
repairs Russian news needs, and, when no slot names a target, a careful guess.

A side is a coded actor with the span of text that names it.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from ..actors.relations import load_relations, related
from ..language.spelling import fold
from ..records import Actor, Mention, Span
from .arguments import POSSESSIVES, RELATIVES, Tree, misread_agent, plural_to_singular, slot
from .lexicon import Predicate
from .modality import WORDS as MODALITY_WORDS
from .modality import speaker
from .triggers import QUANTITIES, Trigger
from .where import BORDERS, SPATIAL, beside_border, resolve_place
from .words import grammar, pairs, valued, vowelled, words

# How far (in characters) a target no slot names may be from its trigger: on the
# development gold, guesses further away were wrong four times in five.
GUESS_AFTER, GUESS_BEFORE = 70, 10
# Sectors the word lists may give (CAMEO actor sectors of people and bodies).
SECTORS = ("GOV", "JUD", "COP", "SPY", "MIL", "LEG", "OPP", "MED", "HRI", "CVL", "EDU", "BUS",
           "REB", "LAB")
IN = grammar("in")  # the preposition of `в Китае`, `в ходе визита`
DOER = f"prep:{grammar('doer')}"  # the slot of `со стороны России`: who did it


@dataclass(frozen=True, slots=True)
class Side:
    actor: Actor
    span: Span
    place: bool = False  # a place standing for its state: a target, never a doer


def side_of(mention: Mention) -> Side:
    return Side(mention.actor, Span(mention.start, mention.end, mention.text))


def place_side(mention: Mention, tree: Tree) -> Side | None:
    """A place no actor names stands for the state it lies in: `захватила Крым` → UKR."""
    place = resolve_place(tree, mention)
    if place.country is None:
        return None
    return Side(Actor(place.country, place.country, None, place.name),
                Span(mention.start, mention.end, mention.text), place=True)


PRONOUNS = words("pronouns")
STAND_INS = words("stand-ins")
ALLIANCES = words("alliances")
OTHER_THAN = words("other-than")  # `другое государство`: not the one named before


def _clause_subjects(tree: Tree, i: int, above: bool = True) -> set[int]:
    """Where the subjects of the clauses above token i start (or of its own clause only,
    `above=False`): `Брюссель ввел санкции против него` — a pronoun never means the subject
    of its own clause (that is `себя`)."""
    starts, node = set(), tree.head(i)
    while node is not None:
        starts |= {tree.tokens[c].start for c in tree.children[node]
                   if tree.rel(c) in ("nsubj", "nsubj:pass")}
        if not above and (tree.tokens[node].pos in ("VERB", "AUX") or any(
                tree.rel(c) == "cop" for c in tree.children[node])):
            break  # a clause ends at its verb, or at a predicate with its copula
        node = tree.head(node)
    return starts


def _antecedent(tree: Tree, i: int) -> Side | None:
    """Light coreference: a pronoun, or `страна`/`сторона` with no name of its own, is the
    last coded actor named before it (`Брюссель ввел санкции против него`). `он`, `она`
    take the last name of their gender, and nothing if no dictionary knows that name
    (`Захаровой: она обвинила …`)."""
    token = tree.tokens[i]
    possessive = POSSESSIVES.get(fold(token.lemma)) if token.pos == "DET" else None
    pronoun = (token.pos == "PRON" and token.lemma in PRONOUNS) or possessive is not None
    if not (pronoun or token.lemma in STAND_INS):
        return None
    if not pronoun and any(c in tree.mention_at or (tree.rel(c) == "amod" and (
            token.feat("Number") != "Sing" or tree.tokens[c].pos != "ADJ"
            or tree.tokens[c].lemma in OTHER_THAN)) for c in tree.children[i]):
        # `страны НАТО`, `западные страны`: a group described; `соседняя республика`: not
        # the one named (`центральноамериканское государство` is)
        return None
    if possessive is not None:
        gender = possessive if possessive != "Plur" else None  # `их`: of either gender
    else:
        gender = token.feat("Gender") if pronoun and token.feat("Number") == "Sing" else None
    # `его правительство`, said by Kan, is Kan's: a possessive is bound in its own clause only
    bound = _clause_subjects(tree, i, possessive is None) if pronoun else set()
    for mention in reversed(tree.earlier):
        if mention.end > token.start or mention.kind in ("ADJ", "LOC") or (
                mention.start in bound):  # a place named as one (`уехал в Киев`) is no
            # antecedent: what acts is named as a state, as for the context stage
            continue
        coded = mention.actor is not None and bool(mention.actor.code)
        if gender is not None and tree.genders.get(mention.start) == gender and (
                coded or possessive is None):  # `его` of a name unknown: nobody's; whose
            return side_of(mention) if coded else None  # `его правительство`: a coded one's
        if gender is None and coded:
            return side_of(mention)
    return None


FIRST_PERSON = words("first-person")
QUOTE_MARKS = ("«", "»")


def _quote_around(tree: Tree, i: int) -> tuple[int, int] | None:
    """The token indices of the quotation marks around token i in its sentence, if any."""
    opened = None
    for k, token in enumerate(tree.tokens):
        if token.text == QUOTE_MARKS[0]:
            opened = k
        elif token.text == QUOTE_MARKS[1] and opened is not None:
            if opened < i < k:
                return opened, k
            opened = None
    return None


def _speaker_of(tree: Tree, verb: int) -> Side | None:
    """The coded subject of a verb of saying; a gerund's (`признал поражение, сказав: …`)
    is its head verb's; a document's author, for what is said in it (`говорится в
    заявлении МИД России`)."""
    node: int | None = verb
    for _ in range(2):
        if node is None:
            return None
        found = speaker(tree, node)
        if found is not None:
            coded = isinstance(found, Mention) and found.actor is not None and found.actor.code
            return side_of(found) if coded else None
        if authors := said_in(tree, node):
            return authors[0]
        if tree.tokens[node].feat("VerbForm") != "Conv":
            return None
        node = tree.head(node)
    return None


def speaker_side(tree: Tree, i: int) -> Side | None:
    """A first-person pronoun or possessive (`мы`, `наш`) in someone's speech is the
    speaker: inside quotation marks, the speaker named by a verb of saying outside them
    (`«Мы осуждаем удары», — заявил Лавров`, `сказав: «Я поздравляю …»`); in reported
    speech, the speaker of a verb of saying above it (`Лавров заявил, что мы не признаем
    …`). The span is the pronoun's. Outside speech it is the writer's: no actor."""
    token = tree.tokens[i]
    if fold(token.lemma) not in FIRST_PERSON:
        return None
    speaker = None
    if (quote := _quote_around(tree, i)) is not None:
        verbs = [k for k, t in enumerate(tree.tokens) if t.lemma in MODALITY_WORDS.attributing
                 and not quote[0] < k < quote[1]]
        for verb in sorted(verbs, key=lambda k: min(abs(k - quote[0]), abs(k - quote[1]))):
            if (speaker := _speaker_of(tree, verb)) is not None:
                break
    else:
        node = tree.head(i)
        while node is not None and speaker is None:
            if tree.tokens[node].lemma in MODALITY_WORDS.attributing:
                speaker = _speaker_of(tree, node)
            node = tree.head(node)
    if speaker is None:
        return None
    return Side(speaker.actor, Span(token.start, token.end, token.text))


def _alliance(tree: Tree, i: int) -> Side | None:
    """`альянс` with no name of its own is the last international organisation named before
    it (`НАТО … страны — члены альянса договорились`); the dictionaries leave the bare word
    out, since it is NATO only where NATO was named."""
    token = tree.tokens[i]
    if any(tree.rel(c) == "amod" for c in tree.children[i]):
        return None  # `новый альянс`, `военный альянс` of whoever: a group described
    for mention in reversed(tree.earlier):
        if mention.end <= token.start and mention.actor is not None \
                and mention.actor.sector == "IGO" and mention.actor.code:
            return Side(mention.actor, Span(token.start, token.end, token.text))
    return None


SPORTS = words("sports")  # sportspeople and teams: a side they name is no political actor


def _sporting(tree: Tree, i: int) -> bool:
    """Whether token i names sportspeople, or describes or owns a noun that does
    (`Российский боксёр`, `сборной Грузии`)."""
    head = tree.head(i)
    return fold(tree.tokens[i].lemma) in SPORTS or (
        head is not None and tree.rel(i) in ("amod", "nmod")
        and fold(tree.tokens[head].lemma) in SPORTS)


def _beyond_border(tree: Tree, border: int) -> Side | None:
    """The state a border's `с`-phrase names: `перебросила войска к границе с Украиной`
    aims at Ukraine as `к украинской границе` does. (Where an act only happens near a
    border, `взрыв у границы с Румынией`, no slot of the act holds the border.)"""
    for child in tree.children[border]:
        mention = tree.mention_at.get(child)
        if (mention is not None and mention.actor is not None and mention.actor.code
                and tree.preposition(child) == grammar("with")):
            return side_of(mention)
    return None


def actor_of(tree: Tree, i: int, depth: int = 0) -> Side | None:
    """The actor a phrase names: its own mention; or the owner of a thing (`заправку SOCAR`,
    `российские снаряды`, `Дому Азербайджана`); or the doer of an act (`помощи, которую
    оказывает азербайджанская сторона`). A coded owner beats a name no dictionary knows."""
    if _sporting(tree, i):
        return None  # `Сборная России разгромила чехов`: a match, no political act
    mention = tree.mention_at.get(i)
    if mention is not None and mention.actor is None and mention.kind == "LOC":
        return place_side(mention, tree)
    if mention is None and tree.tokens[i].lemma in ALLIANCES:
        return _alliance(tree, i)
    if mention is None and tree.tokens[i].lemma in BORDERS:  # `к границе с Украиной`: a
        beyond = _beyond_border(tree, i)  # border stands for who is beyond it, as
        if beyond is not None:  # `к украинской границе`
            return beyond
    if mention is None and (depth == 0 or tree.tokens[i].pos == "PRON"):  # `его представитель`
        antecedent = speaker_side(tree, i) or _antecedent(tree, i)
        if antecedent is not None:
            return antecedent
    named = mention is not None and mention.actor is not None and bool(
        mention.actor.code or mention.actor.name)
    if named and mention.actor.code:
        return side_of(mention)
    if mention is None and tree.tokens[i].lemma in STAND_INS:
        for child in tree.children[i]:  # `страной НАТО Турцией`: the state is Turkey,
            apposed = tree.mention_at.get(child)  # NATO the group it belongs to
            in_apposition = tree.rel(child) == "appos" or (  # or hung as an nmod in its case
                tree.rel(child) == "nmod" and tree.case(child) == tree.case(i) != "Gen")
            if in_apposition and apposed is not None and apposed.actor is not None \
                    and apposed.actor.code:
                return side_of(apposed)
    owner = _owner(tree, i, depth) if depth < 2 else None
    if owner is not None and not owner.actor.code and depth == 0 and mention is None:
        apposed = _apposed(tree, i)  # `глава Международного фонда Доминик Стросс-Кан`: the
        if apposed is not None and apposed.actor.code:  # coded name, not the uncoded owner
            return apposed
    if owner is not None and (not named or owner.actor.code) and not (
            not owner.actor.code and depth == 0 and tree.tokens[i].lemma in BARE):
        return owner  # `прокурор Андрей Сергеев`, a name no dictionary knows: the body's
    if depth == 0 and tree.tokens[i].lemma in BARE and (mention is None or not named or
                                                         not mention.actor.code):
        return _bare_body(tree, i) or (side_of(mention) if named else None)
    if depth == 0 and named and mention.kind == "PER":
        office = _office(tree, i)  # `прокурор Андрей Сергеев`: a person no dictionary knows,
        if office is not None:  # of the body whose office is named with him
            return office
    if depth == 0 and mention is not None and not (named and mention.actor.code):
        apposed = _apposed(tree, i)
        if apposed is not None:
            return apposed
    return side_of(mention) if named else None


def _apposed(tree: Tree, i: int) -> Side | None:
    """What a name no dictionary knows is said to be, in apposition: `Сухейль Шахин,
    официальный представитель талибов` (the Taliban), `Абид Насир, пакистанец`."""
    for child in tree.children[i]:
        if tree.rel(child) == "appos":
            side = actor_of(tree, child, 1)
            if side is not None and (side.actor.code or side.actor.country):
                return side
    return None


def _office(tree: Tree, i: int) -> Side | None:
    """The body of a person named with the word of his office (`прокурор Андрей Сергеев`,
    `следователь Иванов`): the office's head word hangs on the name, or the name on it."""
    head = tree.head(i)
    words = [c for c in tree.children[i] if tree.rel(c) in ("appos", "nmod", "amod", "nsubj")
             and c < i]
    if head is not None and tree.rel(i) in ("appos", "flat:name", "nmod") and head < i:
        words.append(head)
    for word in words:
        if tree.tokens[word].lemma in BARE and word not in tree.mention_at:
            return _bare_body(tree, word)
    return None


# Bodies news names without their state when the state is clear from what came before:
# `Власти тогда применили силу`, `Оппозиция обвиняет Саакашвили`.
BARE = valued("bare-bodies", SECTORS)
BARE_CONTEXT = 300  # characters back in which one state, and one only, must be named


def _bare_body(tree: Tree, i: int) -> Side | None:
    """A body named without its state: of the state it is in (`суд в Китае`), else of the
    one state named shortly before (`Власти тогда применили силу`)."""
    token = tree.tokens[i]
    sector = BARE[token.lemma]
    for child in tree.children[i]:
        mention = tree.mention_at.get(child)
        if (tree.preposition(child) == IN and mention is not None and mention.actor
                and mention.actor.country and mention.actor.code == mention.actor.country):
            country = mention.actor.country
            return Side(Actor(f"{country}{sector}", country, sector, token.lemma),
                        Span(token.start, token.end, token.text))
    # the one state named shortly before, or in the sentence itself (`прокурор просил …
    # по статье УК РФ`)
    countries = {m.actor.country for m in (*tree.earlier, *tree.mentions)
                 if m.actor is not None and m.actor.country and (
                     m in tree.mentions or token.start - m.end <= BARE_CONTEXT)}
    if len(countries) != 1:
        return None
    (country,) = countries
    return Side(Actor(f"{country}{sector}", country, sector, token.lemma),
                Span(token.start, token.end, token.text))


# Groups sent by a state, whose `из`-phrase is the state they speak for: `делегация из Китая`.
DELEGATIONS = words("delegations")


def _owner(tree: Tree, i: int, depth: int) -> Side | None:
    for child in tree.children[i]:
        rel = tree.rel(child)
        if rel == "amod" and child in tree.mention_at and tree.mention_at.get(
                i) is tree.mention_at[child]:
            continue  # `Народной партии`: a word of the name itself, not whose the name is
        if rel in ("amod", "nmod", "flat:name", "appos") and (
                rel == "amod" or tree.preposition(child) is None  # not `санкции против X`
        ) and (rel == "amod" or child > i):  # an owner follows its noun: `посол Италии`
            side = actor_of(tree, child, depth + 1)
            if rel == "nmod" and side is not None:
                side = _through_relation(tree, i, side)
        elif rel == "det" and fold(tree.tokens[child].lemma) in POSSESSIVES:
            side = _antecedent(tree, child)  # `его правительство`
        elif rel == "det" and fold(tree.tokens[child].lemma) in FIRST_PERSON:
            side = speaker_side(tree, child)  # `наша страна`, said by someone
        elif (rel in ("acl", "amod") and tree.tokens[child].feat("VerbForm") == "Part"
              and tree.tokens[child].feat("Voice") == "Pass" and agrees(tree, child, i)
              and tree.tokens[i].feat("Animacy") != "Anim"):
            # what an actor did or made is its: `санкции, введенные Россией`, `мер, принятых
            # Бараком Обамой` (not whom it was done to: `застреленного полицией`)
            side = next(filter(None, (actor_of(tree, agent, depth + 1)
                                      for agent in slot(tree, child, "instrumental"))), None)
            side = side if side is not None and not side.place else None
        elif (rel == "nmod" and tree.preposition(child) == grammar("under")
              and tree.tokens[child].lemma in FLAGS):
            # a vessel is of the state whose flag it flies: `танкер под флагом Панамы`
            side = next(filter(None, (actor_of(tree, g, depth + 1) for g in tree.children[child]
                                      if tree.rel(g) == "nmod" and tree.case(g) == "Gen")),
                        None)
        elif rel == "acl:relcl":  # the act's doer: the subject of its relative clause
            subjects = [g for g in tree.children[child] if tree.rel(g) == "nsubj"]
            side = actor_of(tree, subjects[0], depth + 1) if subjects else None
        elif _from_state(tree, child, i):
            # people, or a delegation, from a state are of it: `экономист из США`,
            # `делегация из Китая` (things from it are not: `газ из России`)
            mention = tree.mention_at.get(child)
            country = _country(tree, mention) if mention is not None else None
            sector = "GOV" if tree.tokens[i].lemma in DELEGATIONS else "CVL"
            side = None if country is None else Side(
                Actor(f"{country}{sector}", country, sector, tree.tokens[i].lemma),
                Span(tree.tokens[i].start, tree.tokens[child].end,
                     tree.tokens[i].text))
        else:
            continue
        if side is not None:
            return side
    return None


RELATIONS = load_relations().relations  # actors/data/context/relations.yaml
# What a vessel sails under, its genitive the state it is of: `под флагом Панамы`.
FLAGS = words("flags")


def _through_relation(tree: Tree, noun: int, owner: Side) -> Side | None:
    """The side of a relation noun with its actor in the genitive is what the noun passes
    on (relations.yaml): `сторонники Мурси` are Egyptians, not Egypt's government;
    `оппоненты Моралеса` Bolivia's opposition; `союзники США`, `адвокат Навального`
    nobody the genitive tells."""
    relation = RELATIONS.get(fold(tree.tokens[noun].lemma))
    if relation is None:
        return owner
    actor = related(relation, owner.actor, tree.tokens[noun].lemma)
    return None if actor is None else Side(actor, owner.span, owner.place)


def side_key(side: Side) -> str | None:
    return side.actor.country or side.actor.code or side.actor.name


def stands_for(tree: Tree, i: int) -> Side | None:
    """The actor `который` stands for: `российский бомбардировщик Су-24, который …
    нарушил` (through an apposition to the noun it names)."""
    if tree.tokens[i].lemma not in RELATIVES:
        return None
    noun = referent(tree, i)
    head = tree.head(noun)
    side = actor_of(tree, noun)
    if side is None and tree.rel(noun) == "appos" and head is not None:
        side = actor_of(tree, head)
    return side


# Verbs that link a subject to a predicate noun: `Сальвадор стал третьей страной, которая …`.
COPULAS = words("copulas")
# Clauses a relative pronoun's verb heads, as the parser hangs them on the noun: as a
# relative clause, or, after a dash or parenthesis, a clause beside it.
RELATIVE_CLAUSES = frozenset({"acl:relcl", "acl", "parataxis"})


def agrees(tree: Tree, word: int, noun: int) -> bool:
    """Whether a relative pronoun or participle agrees with a noun: in number, and in the
    singular in gender (`которая` → `компании`, not `Даньдуне`)."""
    a, b = tree.tokens[word], tree.tokens[noun]
    number = a.feat("Number")
    if number and b.feat("Number") and number != b.feat("Number"):
        return False
    return not (number == "Sing" and a.feat("Gender") and b.feat("Gender")
                and a.feat("Gender") != b.feat("Gender"))


def _fits(tree: Tree, relative: int, noun: int) -> int | None:
    """The phrase a relative pronoun may stand for at `noun`: the noun, if they agree; for a
    plural one, the coordination the noun is part of (`Россия и Китай, которые …`)."""
    if agrees(tree, relative, noun):
        return noun
    head = tree.head(noun) if tree.rel(noun) == "conj" else noun
    if (tree.tokens[relative].feat("Number") == "Plur" and head is not None
            and len(tree.conjuncts(head)) > 1):
        return head
    return None


def _clause_noun(tree: Tree, i: int) -> int | None:
    """The noun the clause of a relative pronoun hangs on, by the parse: up through the
    clause's verb to the relative clause, then its head, if that comes before."""
    node = tree.head(i)
    while node is not None and tree.rel(node) not in RELATIVE_CLAUSES:
        node = tree.head(node) if tree.tokens[node].pos not in ("NOUN", "PROPN") else None
    head = tree.head(node) if node is not None else None
    if head is None or head > i or tree.tokens[head].pos not in ("NOUN", "PROPN", "PRON"):
        return None
    return head


def _nearest_agreeing(tree: Tree, i: int) -> int | None:
    """The nearest noun before a relative pronoun that agrees with it, when the parser hung
    its clause elsewhere (`лидером оппозиции Хуаном Гуайдо, которого США … признали`, parsed
    as a clause of its own)."""
    for k in range(i - 1, -1, -1):
        token = tree.tokens[k]
        if token.pos in ("VERB", "AUX") and token.feat("VerbForm") == "Fin":
            return None  # a clause of its own between: too far
        fit = _fits(tree, i, k) if token.pos in ("NOUN", "PROPN") else None
        if fit is not None:
            return fit
    return None


def predicate_subject(tree: Tree, i: int) -> int:
    """A predicate noun stands for its clause's subject when it names no actor itself:
    `Сальвадор стал третьей страной` → `Сальвадор` (`стать`, `являться` … with the noun in
    the instrumental, or a copula on the noun: `Россия — страна, которая …`)."""
    head = tree.head(i)
    if tree.rel(i) == "xcomp" and head is not None and tree.tokens[head].lemma in COPULAS:
        clause = head
    elif any(tree.rel(c) == "cop" for c in tree.children[i]):
        clause = i
    else:
        return i
    subjects = [c for c in tree.children[clause] if tree.rel(c) in ("nsubj", "nsubj:pass")]
    if not subjects or actor_of(tree, i) is not None:
        return i
    return subjects[0]


# Demonstratives that, standing alone, point to the last actor named: `те`, `последний`.
DEMONSTRATIVES = valued("demonstratives", ("Plur", "Any"))


def _demonstrative(tree: Tree, i: int) -> int | None:
    """`Израиль начал операцию против палестинских боевиков после того, как те …`: `те`,
    `последний` standing alone as an argument is the nearest actor before it in the sentence
    that agrees with it, never the subject of a clause above (that would be `он`); in the
    number the word list gives (`это`, `то` stand for what happened, not for anyone)."""
    token = tree.tokens[i]
    number = DEMONSTRATIVES.get(token.lemma)
    if (number is None or i in tree.mention_at
            or tree.rel(i) not in ("nsubj", "nsubj:pass", "obj", "iobj")
            or number not in ("Any", token.feat("Number"))
            or (token.feat("Number") == "Sing" and token.feat("Gender") == "Neut")):
        return None
    bound = _clause_subjects(tree, i)
    for k in range(i - 1, -1, -1):
        if (tree.tokens[k].pos in ("NOUN", "PROPN") and tree.tokens[k].start not in bound
                and agrees(tree, i, k)):
            side = actor_of(tree, k)
            if side is not None and side.actor.code:
                return k
    return None


def referent(tree: Tree, i: int) -> int:
    """The phrase a slot's head stands for: a relative pronoun's noun (`которая`), from the
    parse when it hangs the clause on an agreeing noun before it, else the nearest such noun;
    a predicate noun's subject (`Сальвадор стал третьей страной, которая разорвала …`); and
    the actor a demonstrative points to (`после того, как те провели …`)."""
    if tree.tokens[i].lemma in RELATIVES:
        noun = _clause_noun(tree, i)
        noun = _fits(tree, i, noun) if noun is not None else None
        if noun is None:
            noun = _nearest_agreeing(tree, i)
        i = noun if noun is not None else i
    pointed = _demonstrative(tree, i)
    return predicate_subject(tree, _quantified(tree, i if pointed is None else pointed))


def _quantified(tree: Tree, i: int) -> int:
    """Who a word of quantity counts, where the parser made it the head of the phrase:
    `Более шести тысяч демонстрантов собрались` (`более` the subject, `демонстрантов` its
    genitive), `много беженцев`, `пятеро военных`. An adverb or numeral names no actor, so
    its genitive, not a preposition's phrase, is what the phrase stands for."""
    if i in tree.mention_at or tree.tokens[i].pos not in ("ADV", "NUM"):
        return i
    for child in tree.children[i]:
        if (tree.rel(child) in ("nmod", "obl") and tree.preposition(child) is None
                and tree.case(child) == "Gen" and tree.tokens[child].pos in ("NOUN", "PROPN")):
            return child
    return i


def _genitive_owner(tree: Tree, child: int, head: int) -> bool:
    """`главы дипведомств РФ`, `Совета НАТО-Россия`: a name after its noun, no preposition."""
    return child > head and tree.preposition(child) is None and (
        tree.rel(child) == "appos" or (tree.rel(child) == "nmod" and tree.case(child) == "Gen")
    ) and not misread_agent(tree, child)


def paired(tree: Tree, i: int) -> list[Side]:
    """The other owners of a noun with coordinated owners: `американские и российские
    дипломаты`, `главы дипведомств РФ и КНР` are two sides."""
    found, frontier = [], [i]
    for level in range(2):
        frontier = [c for n in frontier for c in tree.children[n]
                    if (tree.rel(c) == "amod" and level == 0) or _genitive_owner(tree, c, n)
                    or (level == 0 and _from_state(tree, c, n))]
        for owner in frontier:  # an adjective's own actor is not the noun's (`российские
            first = 0 if tree.rel(owner) == "amod" else 1  # дипломаты` is one mention)
            for other in tree.conjuncts(owner)[first:]:
                mention = tree.mention_at.get(other)
                if mention is not None and mention.actor is not None and mention.actor.code:
                    found.append(side_of(mention))
            found += _hyphenated(tree, owner)
    return found + _hyphenated(tree, i)


def _from_state(tree: Tree, child: int, head: int) -> bool:
    """Whether `child` is the state people or a delegation at `head` come from (`экономист
    из США`, `делегация из Китая`; not `газ из России`): `_owner` takes the first state,
    `paired` the others (`коллеги из Индии и Китая`)."""
    return (child > head and tree.rel(child) == "nmod"
            and tree.preposition(child) == grammar("out-of")
            and (tree.tokens[head].feat("Animacy") == "Anim"
                 or tree.tokens[head].lemma in DELEGATIONS))


def _hyphenated(tree: Tree, i: int) -> list[Side]:
    """The second name in one hyphenated word: `Совета НАТО-Россия`."""
    token = tree.tokens[i]
    inside = [m for m in tree.mentions if token.start <= m.start and m.end <= token.end
              and m.actor is not None and m.actor.code]
    return [side_of(m) for m in inside[1:]]


def fill(tree: Tree, trigger: int, slots: Sequence[str]) -> list[Side]:
    for name in slots:
        sides: list[Side] = []
        for head in slot(tree, trigger, name):
            for side in fill_head(tree, head):
                if side_key(side) not in map(side_key, sides):
                    sides.append(side)  # two names of one country fill a slot once
        if sides:
            return sides
    return []


def fill_head(tree: Tree, head: int) -> list[Side]:
    """The sides the phrase headed by token `head` names: it and its conjuncts, through a
    pronoun to what it stands for."""
    sides: list[Side] = []
    for conjunct in tree.conjuncts(referent(tree, head)):
        if _sporting(tree, conjunct):
            continue  # `российский боксёр`: its owners are no side either
        for side in [actor_of(tree, conjunct), *paired(tree, conjunct)]:
            if side is not None and side_key(side) not in map(side_key, sides):
                sides.append(side)
    return sides


# Adverbs that join a companion to the doer: `Макрон вместе с лидерами Германии`,
# `совместно с Германией`, `наряду с Китаем`.
TOGETHER = words("together")


def companions(tree: Tree, trigger: int) -> list[Side]:
    """Who does the act together with its subject: the `с`-phrase beside `вместе`,
    `совместно`, `наряду` on the verb or on its subject (`Макрон вместе с лидерами Германии
    и Италии призвал` → Germany and Italy, each a source of its own)."""
    found: list[Side] = []
    subjects = [c for c in tree.children[trigger] if tree.rel(c) == "nsubj"]
    for node in (trigger, *subjects):
        adverbs = [c for c in tree.children[node]
                   if tree.rel(c) == "advmod" and tree.tokens[c].lemma in TOGETHER]
        if not adverbs:
            continue
        # the `с`-phrase hangs on the verb, or on the adverb (`совместно с Германией`)
        for child in [c for n in (node, *adverbs) for c in tree.children[n]]:
            if tree.preposition(child) == grammar("with") and tree.rel(child) in ("obl", "nmod"):
                for conjunct in tree.conjuncts(child):
                    for side in [actor_of(tree, conjunct), *paired(tree, conjunct)]:
                        if side is not None and side_key(side) not in map(side_key, found):
                            found.append(side)
    return found


GOVERNED = frozenset({"obj", "iobj", "xcomp", "nsubj", "obl", "nsubj:pass"})
# Verbs that do a noun's act (`направил помощь`, `начала атаку`): their subject is its source.
# Other verbs only talk about it (`контролирует поставки`), and lend it nothing.
SUPPORT_VERBS = words("support-verbs")
# Nouns of a will to act, whose infinitive is the act of who has them: `Лига вынесла решение
# просить ООН`, `США проявляли готовность работать с Россией`.
CONTROL_NOUNS = words("control-nouns")
# Verbs of having a will or a right (`иметь право`, `оставлять за собой право`): its
# infinitive's act is their subject's.
HAVING = words("having")
# Verbs whose dative does what their infinitive says: `Белоруссии пришлось продать`.
DATIVE_SUBJECT = words("dative-subject")
# Verbs that share their subject; a subjectless clause said by someone is theirs too:
# `премьер заявил, что не полетит в Вашингтон`.
SHARED_SUBJECT = frozenset({"conj", "advcl", "xcomp", "ccomp"})
# Verbs whose object, not subject, does what their infinitive says: `призвал Россию
# вывести войска`, `помешать Азербайджану сблизиться с Западом`.
OBJECT_CONTROL = words("object-control")
FRAMES = words("frames")
TELL = words("tell")  # verbs that tell of an act with `о`
# Prepositions of a cause (`words/causes.txt`: `в связи с`, `из-за`): an act noun in such a
# phrase of a verb is why the verb's act is done, not an act of its subject
GIVEN_CAUSES = words("causes")
TOLD_WITH = grammar("about")  # the preposition of what is told: `о`
FRAMED = words("framed")  # the same, parsed as one preposition
THAT = words("that")


def _own_subject(tree: Tree, verb: int) -> bool:
    return any(tree.rel(c) in ("nsubj", "nsubj:pass") and not plural_to_singular(tree, verb, c)
               for c in tree.children[verb])


def governor_fill(tree: Tree, trigger: int, slots: Sequence[str],
                  told_own: bool = False) -> list[Side]:
    """A missing side from the word above: `Азербайджан направил помощь Украине`, `Россия
    пригрозила ввести санкции`, `Россия захватила Крым, вторглась на Украину` (coordinated
    verbs), `ездили в Россию, чтобы встретиться с Путиным`; with `told_own`, the teller of
    an act told of with `о` (`Турция заявила о поддержке Азербайджана`) is its doer."""
    node = trigger
    for _ in range(4):
        head = tree.head(node)
        verb = tree.tokens[node].pos == "VERB" or any(  # `что будет терпеливо … вести`: a
            tree.rel(c) == "cop" for c in tree.children[node])  # predicate with its copula
        if head is None:
            return []
        if verb and tree.rel(node) == "acl" and tree.tokens[head].lemma in THAT:
            if "subject" in slots and _own_subject(tree, node):
                return []  # `после того, как государство разорвало …`: its own doer
            node = head  # `перед тем, как встретиться`, `о том, чтобы возобновить`
            continue
        if not verb and tree.rel(node) == "conj":
            node = head  # `восприимчивость и готовность`: what holds the first holds both
            continue
        if (verb and tree.rel(node) in ("nmod", "acl") and "subject" in slots
                and tree.tokens[head].lemma in CONTROL_NOUNS):
            found = fill(tree, head, ("genitive", "adjective"))  # `решение Лиги просить`
            if found:
                return found
            node = head
            continue
        if (verb and tree.rel(node) in ("csubj", "xcomp") and "subject" in slots
                and tree.tokens[head].lemma in DATIVE_SUBJECT):
            return fill(tree, head, ("dative",))
        if tree.tokens[head].lemma in FRAMES and tree.rel(node) == "nmod":
            node = head  # `в результате совместной работы`, parsed as a noun's genitive
            continue
        if (not verb and tree.rel(node) == "nmod" and tree.tokens[head].lemma in QUANTITIES
                and tree.case(node) == "Gen" and tree.preposition(node) is None):
            node = head  # `осуществили серию авиаударов`, `провели волну арестов`: what the
            continue  # word of number counts is done by who does the counted whole
        if not (tree.rel(node) in GOVERNED or (verb and tree.rel(node) in SHARED_SUBJECT)):
            return []
        if verb and "subject" in slots and _own_subject(tree, node):
            return []  # `заявила, что санкции ударят`: the clause has a subject of its own
        if (verb and tree.rel(node) in ("xcomp", "advcl") and "subject" in slots
                and tree.tokens[head].lemma in OBJECT_CONTROL
                and tree.tokens[head].pos == "VERB" and not tree.is_passive(head)
                and tree.tokens[node].feat("VerbForm") != "Conv"):  # `Встретившись с Си,
            # Байден призвал Пекин`: a converb's doer is its verb's subject, never its object
            return fill(tree, head, ("object", "dative"))  # `помешать Азербайджану сблизиться`
        if tree.tokens[head].lemma in FRAMES and tree.rel(node) == "nmod":
            node = head  # `в ходе визита`, `во время встречи`: the act of the clause's doer
            continue
        framed = (tree.preposition(node) or "").replace(f"{vowelled(IN)} ", f"{IN} ") in FRAMED
        told = (told_own and "subject" in slots and tree.tokens[head].lemma in TELL
                and tree.preposition(node) == TOLD_WITH)  # `об`, `обо`: lemma `о`
        held = (tree.tokens[node].lemma in CONTROL_NOUNS and tree.rel(node) == "obj"
                and tree.tokens[head].lemma in HAVING)  # `Москва имеет право ввести`
        if (not verb and not framed and not told and not held
                and tree.tokens[node].lemma not in THAT | FRAMES
                and tree.tokens[head].lemma not in SUPPORT_VERBS):
            return []  # `Москва контролирует поставки`: not Moscow's supplies
        if not verb and (tree.preposition(node) or "") in GIVEN_CAUSES:
            return []  # `выразил протест в связи с задержанием`: why it is done, not its act
        found = fill(tree, head, slots)
        if found:
            return found
        node = head
    return []


RESPONSES = words("responses")
ANSWERS = words("answers")  # `в ответ на`


def under(tree: Tree, trigger: int) -> list[Side]:
    """`Молдавия оказалась под давлением России`: who is under an act is its target; and
    who responds to it (`Белорусская сторона отреагировала на ультиматум России`). An act
    done in response is aimed at who it responds to: `ответила на санкции ЕС эмбарго`,
    `Евросоюз ввел санкции, и Москва ответила эмбарго`."""
    head = tree.head(trigger)
    if head is None:
        return []
    preposition = tree.preposition(trigger)
    response = tree.tokens[head].lemma in RESPONSES
    if preposition == grammar("under") or (preposition == grammar("on") and response):
        return fill(tree, head, ("subject",)) or governor_fill(tree, head, ("subject",))
    verb = tree.head(head)
    if preposition == grammar("on") and tree.tokens[head].lemma in ANSWERS and verb is not None:
        return fill(tree, verb, ("subject",)) or seat_subject(tree, verb)  # `в ответ на`
    if response and preposition is None and tree.case(trigger) in ("Ins", "Dat"):
        # `Dat`: the parser's guess for an indeclinable `эмбарго`
        return fill(tree, head, (f"prep:{grammar('on')}",)) or _answered(tree, head)
    return []


def _answered(tree: Tree, verb: int) -> list[Side]:
    """Who a response answers when it does not say: the doer of the clause before it,
    `Евросоюз ввел санкции, и Москва ответила эмбарго` (the clause it is coordinated with,
    or, when the parser hung it elsewhere, the nearest one before with a subject)."""
    before = tree.head(verb) if tree.rel(verb) == "conj" else None
    found = fill(tree, before, ("subject",)) if before is not None else []
    for k in range(verb - 1, -1, -1):
        if found:
            break
        if tree.tokens[k].pos == "VERB" and tree.rel(k) in ("advcl", "conj", "root"):
            found = fill(tree, k, ("subject",))
    return found


def refused(tree: Tree, trigger: int) -> list[Side]:
    """Who a refused act is aimed at is who the refusal is aimed at: `Израиль отказывается
    заморозить расширение поселений и признать Палестинское государство`; the partner of
    the refused act's noun (`отказался вести переговоры с Вашингтоном`, `провести встречу
    с`); the infinitive of a noun of refusal too (`отказ Анкары одобрить заявку Швеции`)."""
    with_ = f"prep:{grammar('with')}"
    for child in tree.children[trigger]:
        # a noun's infinitive in the same stretch, no comma between (the parser hangs a
        # later clause's infinitive on the noun too: `ввиду отказа Израиля пойти на это,
        # Лига решила просить ООН признать …`)
        infinitive = tree.tokens[child].feat("VerbForm") == "Inf" and child > trigger and not any(
            tree.tokens[k].pos == "PUNCT" for k in range(trigger + 1, child))
        if tree.tokens[child].pos == "VERB" and (tree.rel(child) == "xcomp" or (
                tree.rel(child) in ("nmod", "acl") and infinitive)):
            for verb in tree.conjuncts(child):
                found = fill(tree, verb, ("object", "dative", with_))
                for noun in [c for c in tree.children[verb] if tree.rel(c) == "obj"]:
                    found = found or fill(tree, noun, (with_, "genitive"))
                if found:
                    return found
    return []


# Words that point back to what was just told: `подобный шаг`, `это предложение`.
BACK = words("back")


def rejects_what_was_said(tree: Tree, trigger: int) -> bool:
    """A refusal of something told before, not named here: `отвергают подобный шаг`,
    `отказались от этого предложения`."""
    for child in tree.children[trigger]:
        if (tree.rel(child) in ("obj", "obl") and tree.tokens[child].pos == "NOUN"
                and child not in tree.mention_at
                and any(tree.tokens[c].lemma in BACK and tree.rel(c) in ("det", "amod")
                        for c in tree.children[child])):
            return True
    return False


# Verbs whose `в`-phrase is an act of their object: `обвинили ГРУ в кибератаке`.
CHARGED_WITH = words("charged-with")
REFLEXIVE = grammar("reflexive")  # the postfix of a reflexive verb: `подозреваться`


def charged(tree: Tree, trigger: int) -> list[Side]:
    """The doer of an act someone is accused or suspected of is who is accused: the object
    of the verb (`обвинили ГРУ в кибератаке против Грузии`, `Россию подозревают во
    вмешательстве`; the subject of a passive, `Иран обвиняется в поставках оружия`)."""
    head = tree.head(trigger)
    if (head is None or tree.tokens[trigger].pos != "NOUN"
            or tree.tokens[head].lemma not in CHARGED_WITH
            or tree.preposition(trigger) != IN or tree.case(trigger) != "Loc"):
        return []
    if not tree.is_passive(head) and tree.tokens[head].lemma.endswith(REFLEXIVE):
        # `в нападении подозреваются иракские боевики`: a reflexive passive the parser
        # reads as active, its subject the one suspected
        return fill(tree, head, ("subject",))
    return fill(tree, head, ("object",))


# Verbs that aim a measure at an act: `мер, направленных на нормализацию отношений`.
AIMED = words("aimed")


def aimed(tree: Tree, trigger: int) -> list[Side]:
    """An act a measure or policy is aimed at is the act of whose measure it is: `мер,
    принятых Бараком Обамой, направленных на нормализацию отношений с Кубой` (the
    participle's noun), `политика России направлена на сдерживание` (the subject), `США
    приняли меры, направленные на поддержку Украины` (who takes them)."""
    head = tree.head(trigger)
    if (head is None or tree.tokens[trigger].pos != "NOUN"
            or tree.tokens[head].lemma not in AIMED
            or tree.preposition(trigger) != grammar("on")):
        return []
    noun = tree.head(head)
    if tree.rel(head) in ("acl", "amod") and noun is not None:
        measures = [noun]  # `мер, направленных на …`
    else:
        measures = [c for c in tree.children[head] if tree.rel(c) in ("nsubj", "nsubj:pass")]
    for measure in measures[:1]:  # its owner, or who takes it (`США приняли меры, …`)
        side = actor_of(tree, measure)
        if side is not None and not side.place:
            return [side]
        return governor_fill(tree, measure, ("subject",))
    return []


def aimed_phrase(tree: Tree, trigger: int, slots: Sequence[str]) -> list[Side]:
    """Whom an act is aimed at, said by a participle of aiming beside its noun: `акция
    протеста, направленная против политики властей Москвы`, `санкции, направленные против
    России` (the participle's phrases of the act's own target slots)."""
    if tree.tokens[trigger].pos != "NOUN":
        return []
    for child in tree.children[trigger]:
        if tree.rel(child) in ("acl", "amod") and tree.tokens[child].lemma in AIMED:
            found = fill(tree, child, [name for name in slots if name.startswith("prep:")])
            if found:
                return found
    return []


def shared(tree: Tree, trigger: int, slots: Sequence[str],
           acts: Mapping[int, Sequence[str]] | None = None) -> list[Side]:
    """Coordinated nouns share their arguments: `российскую оккупацию и аннексию Крыма`; a
    noun of another act (`acts`: its slots for the side, by token) fills the side by its
    own slots (`аннексии Крыма и интервенцию Москвы`: Moscow, the genitive of the
    intervention, does the annexation too)."""
    if tree.tokens[trigger].pos != "NOUN":
        return []
    acts = acts or {}
    head = tree.head(trigger)
    others = [c for c in tree.children[trigger] if tree.rel(c) == "conj"]
    if head is not None and tree.rel(trigger) == "conj":
        others.insert(0, head)
    for other in others:
        if tree.tokens[other].pos == "NOUN":
            found = fill(tree, other, acts.get(other, slots))
            if found:
                return found
    return []


def purpose(tree: Tree, trigger: int, acts: Mapping[int, Sequence[str]]) -> list[Side]:
    """The doer of an act done for another (`визит Обамы в поддержку Кэмерона`: `в` with
    the accusative, or `для`, on the noun of the other act, `acts` giving its slots for
    the side by token): the other act's, by its own slots."""
    head = tree.head(trigger)
    if (head is None or head not in acts or tree.tokens[trigger].pos != "NOUN"
            or tree.rel(trigger) != "nmod"
            or not ((tree.preposition(trigger) == IN and tree.case(trigger) == "Acc")
                    or tree.preposition(trigger) == grammar("for"))):
        return []
    return fill(tree, head, acts[head])


def own_subject(tree: Tree, trigger: int) -> list[Side]:
    """`свое вторжение`, `своим присоединением`: the act of the subject of its clause."""
    if not any(tree.tokens[c].lemma == grammar("own") for c in tree.children[trigger]):
        return []
    node = tree.head(trigger)
    while node is not None and tree.tokens[node].pos not in ("VERB", "AUX"):
        node = tree.head(node)
    if node is None:
        return []
    subjects = [c for c in tree.children[node] if tree.rel(c) in ("nsubj", "nsubj:pass")]
    return [side for c in subjects[:1] for side in [actor_of(tree, c)] if side is not None]


# Words of taking part in an act, each with the preposition of the act's phrase.
PARTICIPATION = pairs("participation")
VOWELLED = {plain: form for form, plain in pairs("vowelled-prepositions").items()}


def participant(tree: Tree, trigger: int) -> list[Side]:
    """Who takes part in an act does it: the subject of a verb of taking part (`Германия
    участвовала в переговорах с Ираном`, `Литва присоединилась к санкциям`); the owner of the
    noun (`участие Франции в операции`), else the subject of the verb it is the object of
    (`Турция приняла участие в операции против курдов`)."""
    word = tree.head(trigger)
    if word is None or (wanted := PARTICIPATION.get(tree.tokens[word].lemma)) is None or (
            tree.preposition(trigger) not in (wanted, VOWELLED.get(wanted))):
        return []
    if tree.tokens[word].pos in ("VERB", "AUX"):
        return fill(tree, word, ("subject",))
    if tree.tokens[word].pos != "NOUN":
        return []
    own = fill(tree, word, ("genitive", "adjective"))
    verb = tree.head(word)
    if own or verb is None or tree.rel(word) != "obj":
        return own
    return fill(tree, verb, ("subject",))


def speakers(tree: Tree, i: int) -> list[Side]:
    """Who says it: the subject of a reporting verb (or of the verb it depends on:
    `…, заявив, что`); the owner of a reporting noun (`заявления Анкары`, `со стороны России
    звучат утверждения`)."""
    if tree.tokens[i].pos == "NOUN":
        head = tree.head(i)
        own = fill(tree, i, ("genitive", "adjective", DOER))
        if own or head is None:
            return own
        # `Путин вел себя … и избегал агрессивных высказываний`: the verb's shared subject
        return (fill(tree, head, (DOER, "subject"))
                or governor_fill(tree, head, ("subject",)))
    return (fill(tree, i, ("subject",)) or governor_fill(tree, i, ("subject",))
            or seat_subject(tree, i))


DECISIONS = words("decisions")  # `решение`, `приказ`, `указ`: what an act is done by
BASIS = words("basis")  # `по`, `согласно`, `в соответствии с`


def decided(tree: Tree, trigger: int) -> list[Side]:
    """Who decided an act that names no doer: the maker of the decision, order or plan it
    is done by, said on the act's verb, the verb it completes (`согласно решению греческого
    суда должен быть экстрадирован`) or the verb it is coordinated with (`по решению суда
    арестован и экстрадирован`): `по решению суда Москвы`, `согласно плану Трампа`."""
    nodes, node = [trigger], trigger
    for _ in range(2):
        head = tree.head(node)
        if head is None or tree.rel(node) not in ("xcomp", "conj"):
            break
        nodes.append(head)
        node = head
    for node in nodes:
        for child in tree.children[node]:
            if (tree.tokens[child].lemma in DECISIONS and _preposition(tree, child) in BASIS
                    and tree.rel(child) in ("obl", "nmod", "parataxis")):
                found = fill(tree, child, ("genitive", "adjective"))
                if found:
                    return found
    return []


DOCUMENTS = words("documents")
CLAUSE_OF_NOUN = ("acl", "acl:relcl")


def authored(tree: Tree, trigger: int) -> list[Side]:
    """Who an act told by a document is by: the document's author, when the act's clause
    hangs on the document (`Совбез принял резолюцию, осуждающую Израиль`, `распространил
    заявление, в котором осудил удары`) or the act is told in it (`в заявлении МИД России
    осуждаются удары`). The author is the document's own genitive or adjective (`заявление
    МИД России`), else the subject of the verb whose object it is (`принял резолюцию`, `дал
    интервью`) or that it is voiced with (`выступил с заявлением, в котором обвинил …`)."""
    if any(tree.rel(c) == "nsubj" for c in tree.children[trigger]):
        return []  # `письмо прадеда, в котором тот просит`: the clause names its own doer
    document = tree.head(trigger)
    if document is None or tree.rel(trigger) not in CLAUSE_OF_NOUN \
            or tree.tokens[document].lemma not in DOCUMENTS:
        return said_in(tree, trigger)
    found = fill(tree, document, ("genitive", "adjective"))
    if found:
        return found
    verb = tree.head(document)
    if verb is not None and (tree.rel(document) == "obj" or (
            tree.rel(document) == "obl" and tree.preposition(document) == grammar("with"))):
        return fill(tree, verb, ("subject",))  # `дал интервью`, `выступил с заявлением`
    return []


def said_in(tree: Tree, verb: int) -> list[Side]:
    """The author of the document a verb tells something in: `в заявлении МИД России`
    (its own genitive or adjective)."""
    document = next((c for c in tree.children[verb]
                     if tree.tokens[c].lemma in DOCUMENTS and tree.rel(c) == "obl"
                     and _preposition(tree, c) == grammar("in")), None)
    return fill(tree, document, ("genitive", "adjective")) if document is not None else []


# Sectors of a body that stands as the unnamed subject of an act done in it: `в Кремле
# заявили`, `в Госдуме потребовали`, `в Пентагоне сообщили` (a state's organs), `в
# Еврокомиссии одобрили` (an international body, named by its code).
SEAT_SECTORS = frozenset({"GOV", "LEG", "MIL", "SPY", "JUD", "COP"})
SEAT_TOPICS = words("seat-topics")  # `вопрос`, `возможность`: what a seat decides on
DECIDED = SEAT_TOPICS | CONTROL_NOUNS  # the subjects of a passive told of a seat's act


def _seat(tree: Tree, verb: int) -> Side | None:
    """The seat of power in the `в`-phrase of a verb: a state's organ or capital (`в Кремле`,
    `в парламенте Японии`), or an international body (`в НАТО`)."""
    for child in tree.children[verb]:
        mention = tree.mention_at.get(child)
        if tree.preposition(child) != IN or not mention or not mention.actor:
            continue
        actor = mention.actor
        if (actor.sector in SEAT_SECTORS and actor.country) or (
                actor.sector == "IGO" and actor.code):
            return side_of(mention)
    return None


def _topic_chain(tree: Tree, trigger: int) -> int | None:
    """The passive verb whose subject is a noun of deciding or weighing (`DECIDED`) that the
    act is about, through the act's own nouns: `ужесточения санкций ← возможность ←
    обсуждалась`, `высылке ← решение ← было принято`; None when a noun on the
    way names a doer of its own (`решение Лондона о высылке`)."""
    node = trigger
    for _ in range(4):
        head = tree.head(node)
        if head is None or (node != trigger and fill(tree, node, ("genitive", "adjective"))):
            return None
        if (tree.tokens[node].lemma in DECIDED
                and tree.rel(node) == "nsubj:pass" and node != trigger):
            return head
        if tree.tokens[head].pos not in ("NOUN", "PROPN") or tree.rel(node) != "nmod" or (
                tree.preposition(node) not in (None, TOLD_WITH)):
            return None
        node = head
    return None


def _lends_subject(tree: Tree, noun: int, verb: int, told_own: bool,
                   acts: Collection[str]) -> bool:
    """Whether a verb's subject does the act its noun names: a verb that does it (`ввели
    санкции`), one that tells of it with `о` when the act is of a kind told by its doer
    (`told_own`), or one that is no act word of its own (`acts`, the lexicon's words: `не
    скрывают раздражения`, `заявили о нанесении удара`); not an act word that takes the noun
    for what it is aimed at (`в МИД Франции осудили удар по Газе`: France struck no one)."""
    lemma = tree.tokens[verb].lemma
    return lemma in SUPPORT_VERBS or lemma not in acts or (
        told_own and lemma in TELL and tree.preposition(noun) == TOLD_WITH)


def seat_subject(tree: Tree, trigger: int, told_own: bool = False,
                 acts: Collection[str] = frozenset()) -> list[Side]:
    """`В Кремле заявили`, `в Москве не скрывают`, `в Госдуме потребовали`: a seat of power
    (`_seat`) as the unnamed subject of a verb in the third person plural (of a noun's act,
    only a verb that lends the noun its subject, `_lends_subject`: `в Кремле ввели санкции`,
    not `в Кремле осудили удар`); or of a passive whose subject is what the seat decides or
    weighs (`_topic_chain`): `в Кремле было принято решение о введении санкций`, `в
    парламенте Японии обсуждалась возможность ужесточения санкций против КНДР`."""
    node = trigger
    if tree.tokens[trigger].pos in ("NOUN", "PROPN"):
        head = tree.head(trigger)
        if head is None or not _lends_subject(tree, trigger, head, told_own, acts):
            node = None
    for _ in range(2 if node is not None else 0):
        token = tree.tokens[node]
        if token.pos != "VERB" or token.feat("Number") != "Plur" or any(
                tree.rel(c) == "nsubj" for c in tree.children[node]):
            node = tree.head(node)
            if node is None:
                break
            continue
        seat = _seat(tree, node)
        if seat is not None:
            return [seat]
        node = tree.head(node)
        if node is None:
            break
    verb = _topic_chain(tree, trigger) if tree.tokens[trigger].pos in ("NOUN", "PROPN") else None
    if verb is not None and tree.is_passive(verb) and not slot(tree, verb, "instrumental"):
        seat = _seat(tree, verb)
        if seat is not None:
            return [seat]
    return []


def protest_voices(tree: Tree, trigger: Trigger) -> list[int]:
    """The words that voice what a protest is for: a converb hung on its words (`собрались
    на митинг, требуя отставки президента`, `пикетировали посольство, осуждая …`) or a
    noun `с …` (`вышли на улицы с требованием отставки`); on the protest's words, or on
    the verb a protest noun is the object of (`провела митинг, обвиняя …`)."""
    found = []
    words = {trigger.head, *range(trigger.first, trigger.last + 1)}
    head = tree.head(trigger.head)
    if tree.tokens[trigger.head].pos == "NOUN" and head is not None and tree.rel(
            trigger.head) in ("obj", "obl"):
        words.add(head)
    for i in words:
        for c in tree.children[i]:
            token = tree.tokens[c]
            if (tree.rel(c) == "advcl" and token.feat("VerbForm") == "Conv") or (
                    token.pos == "NOUN" and tree.preposition(c) == grammar("with")):
                found.append(c)
    return sorted(found)


STATUS = words("status")


def legal_status(tree: Tree, i: int) -> bool:
    """Whether token `i` is a participle of legal status as an attribute, the disclaimer
    (`запрещённой в России организации`, `признанная в РФ экстремистской`): a passive
    participle of `words/status.txt` that hangs on a noun, names where (`в`, `на` with a
    place) and neither a doer (its bare instrumental) nor a time (a number)."""
    token = tree.tokens[i]
    if (token.lemma not in STATUS or token.feat("VerbForm") != "Part"
            or tree.rel(i) not in ("amod", "acl")):
        return False
    below = tree.subtree(i) - {i}
    if any(tree.tokens[k].pos == "NUM" for k in below) or any(
            tree.case(c) == "Ins" and tree.preposition(c) is None and c in tree.mention_at
            for c in tree.children[i]):
        return False
    return any(c in tree.mention_at and tree.preposition(c) in (IN, grammar("on"))
               for c in tree.children[i])


def _in_status(tree: Tree, i: int) -> bool:
    """Whether token `i` is the place a legal status names (`в РФ` of `запрещённой в РФ`)."""
    head = tree.head(i)
    return head is not None and legal_status(tree, head)


def place_target(tree: Tree, source: Side | None) -> list[Side]:
    """Where an attack on a thing no actor owns happened: `… в Украину`, not `из США`, nor
    the state of a disclaimer (`запрещённой в РФ`)."""
    for i in range(len(tree.tokens)):
        mention = tree.mention_at.get(i)
        if (mention and mention.actor and mention.actor.country
                and tree.preposition(i) in (IN, grammar("on"))
                and (source is None or mention.actor.country != source.actor.country)
                and not beside_border(tree, mention) and not _in_status(tree, i)):
            return [Side(Actor(mention.actor.country, mention.actor.country, None,
                               mention.actor.name), Span(mention.start, mention.end,
                                                         mention.text))]
    return []


# People a state acts on at home (`уничтожать оппозицию`, `разгон манифестантов`), with the
# sector they are coded in.
CITIZENS = valued("citizens", SECTORS)
# Words of number whose genitive is who is counted: `десятки протестующих`.
COUNTS = words("counts")
# Gatherings whose genitive names their people: `разогнали митинг оппозиции`.
GATHERINGS = words("gatherings")
# Who is expelled, deported or extradited is a foreigner, not one of the state's own people.
FOREIGNERS = words("foreigners")


# CAMEO roots of what a state does to its own people: investigate (09), accuse and find
# guilty (11), coerce and arrest (17), assault (18), fight (19).
FORCE_ROOTS = frozenset({"17", "18", "19"})
LEGAL_ROOTS = frozenset({"09", "11"})
# … and what a government does for them (the guide codes domestic events): praise, honours
# and congratulations (05), `Ющенко присвоил Бандере звание Героя Украины`.
HONOUR_ROOTS = frozenset({"05"})
# … and whom a state's organ releases or pardons (CAMEO 0841): those it held, its own.
RELEASED = ("0841",)
# Sectors of state organs: a court, prosecutor, police or government accuses and
# investigates at home; anyone else's accusation of an unknown person says nothing of
# where that person is from.
ORGANS = frozenset({"GOV", "JUD", "COP", "SPY", "MIL", "LEG"})


def acts_at_home(p: Predicate, source: Side) -> bool:
    """Whether an unknown person or group the act is aimed at is taken to be of the
    source's own country: force and coercion by any state; investigations, charges,
    verdicts, release and pardon by a state organ (RELEASED); praise and honours by a
    government (HONOUR_ROOTS)."""
    if source.actor.country is None:
        return False
    root = p.cameo[:2]
    if p.type in ("ASSAULT", "COERCE") or root in FORCE_ROOTS:
        return True
    if root in HONOUR_ROOTS:
        return source.actor.sector == "GOV"
    if p.cameo.startswith(RELEASED):
        return source.actor.sector in ORGANS  # `В Мьянме выпустили журналиста`
    return root in LEGAL_ROOTS and source.actor.sector in ORGANS


def sent_away(tree: Tree, trigger: int) -> bool:
    """Whether who the act is done to is sent out of the country by it or by a verb it is
    coordinated with (`задержан в Швейцарии и затем экстрадирован в США`, `арестовали и
    депортировали`): a foreigner there, not one of the state's own people."""
    head = tree.head(trigger)
    verbs = [trigger, *(c for c in tree.children[trigger] if tree.rel(c) == "conj")]
    if head is not None and tree.rel(trigger) == "conj":
        verbs += [head, *(c for c in tree.children[head] if tree.rel(c) == "conj")]
    return any(tree.tokens[v].lemma in FOREIGNERS | EXTRADITE for v in verbs)


def self_loop(source: Side, target: Side) -> bool:
    """One actor on both sides: the same words, or the same actor named twice. A court and
    a citizen of one country are two sides (a domestic event, coded as CAMEO codes it);
    so are the two actors one word stands for (`Стороны`, after Russia and China)."""
    a, b = source.actor, target.actor
    if source.span == target.span:
        return a.code == b.code
    return a.code == b.code and ((a.id is not None and a.id == b.id) or a.name == b.name)


def _counted(tree: Tree, i: int) -> int:
    """The people a word of number counts: `десятки протестующих` → `протестующих`."""
    if tree.tokens[i].lemma in COUNTS:
        for child in tree.children[i]:
            if tree.rel(child) == "nmod" and tree.case(child) == "Gen":
                return child
    return i


def domestic(tree: Tree, triggers: Sequence[int], slots: Sequence[str], source: Side,
             found: Sequence[Side] = ()) -> list[Side]:
    """The target of a state's act against one of its own people, named but not an actor:
    `Путин изгнал медиа-магната Гусинского`, `уничтожать оппозицию`, `суд приговорил
    Мирзаева`, the people of a gathering (`разогнали митинг оппозиции`: words/gatherings.txt),
    and who was `found` otherwise (`Гусинский …, попав под арест`). `triggers`:
    the trigger's word and the noun of its light verb (`возбудил дело против журналиста`).
    A person whose origin is stated is of that country: `суд приговорил уроженца
    Дагестана`."""
    country = source.actor.country
    if country is None:
        return []
    starts = {side.span.start for side in found}
    heads = [i for trigger in triggers for name in slots for i in slot(tree, trigger, name)]
    heads += [i for i, token in enumerate(tree.tokens) if token.start in starts]
    heads += [g for trigger in triggers for c in tree.children[trigger]
              if tree.preposition(c) == grammar("for")
              for g in tree.children[c] if tree.rel(g) == "nmod"]  # `для разгона манифестантов`
    heads += [g for i in heads if tree.tokens[i].lemma in GATHERINGS
              for g in tree.children[i]  # `разогнали митинг оппозиции`: its people
              if tree.rel(g) == "nmod" and tree.case(g) == "Gen" and tree.preposition(g) is None]
    for i in map(functools.partial(_counted, tree), heads):
        named = [c for c in tree.children[i] if tree.rel(c) in ("appos", "flat:name")]
        origin = next(filter(None, (_origin(tree, k) for k in (i, *named))), None)
        if origin is not None:
            return [origin]
        mention = tree.mention_at.get(i) or next(  # `медиа-магната Гусинского`
            (tree.mention_at[c] for c in named if c in tree.mention_at), None)
        person = mention is not None and mention.kind == "PER" and not (
            mention.actor and mention.actor.code)
        token = tree.tokens[i]
        if person or (mention is None and token.lemma in CITIZENS):
            start, end, text = ((mention.start, mention.end, mention.text) if mention
                                else (token.start, token.end, token.text))
            sector = CITIZENS.get(token.lemma, "CVL")
            return [Side(Actor(f"{country}{sector}", country, sector, token.lemma),
                         Span(start, end, text))]
        group = _group_of(tree, i) if mention is None else None
        if group is not None:  # `задержала лидера оппозиции`: one of the state's own people
            sector = CITIZENS[tree.tokens[group].lemma]
            return [Side(Actor(f"{country}{sector}", country, sector, token.lemma),
                         Span(token.start, tree.tokens[group].end,
                              f"{token.text} {tree.tokens[group].text}"))]
    return []


def _group_of(tree: Tree, i: int) -> int | None:
    """The people (words/citizens.txt) a person no one names is told by, as a bare genitive:
    `лидера оппозиции`, `одного из организаторов протестующих`; None when there is none, or
    the genitive names an actor of its own (`лидера Рабочей партии Курдистана`)."""
    return next((c for c in tree.children[i]
                 if tree.rel(c) == "nmod" and tree.case(c) == "Gen"
                 and tree.preposition(c) is None and c not in tree.mention_at
                 and tree.tokens[c].lemma in CITIZENS), None)


# Words of where a person comes from: `уроженца Дагестана`, `выходца из Армении`.
ORIGINS = words("origins")


def _origin(tree: Tree, i: int) -> Side | None:
    """A person of the country the words say they come from: `уроженца Дагестана` (RUS),
    `выходца из Армении`, `жителя Гонконга`."""
    token = tree.tokens[i]
    if token.lemma not in ORIGINS:
        return None
    for child in tree.children[i]:
        mention = tree.mention_at.get(child)
        if mention is None or tree.rel(child) != "nmod" or not (
                tree.preposition(child) == grammar("out-of")
                or (tree.preposition(child) is None and tree.case(child) == "Gen")):
            continue
        country = _country(tree, mention)
        if country is not None:
            return Side(Actor(f"{country}CVL", country, "CVL", token.lemma),
                        Span(token.start, token.end, token.text))
    return None



def _phrase(tree: Tree, span: Span) -> set[int]:
    """The tokens of the phrase a span heads: `страной НАТО Турцией` with `НАТО` in it."""
    inside = [i for i, t in enumerate(tree.tokens) if span.start <= t.start < span.end]
    roots = [i for i in inside if tree.head(i) not in inside]
    roots = [head if head is not None and (tree.rel(r) in ("appos", "flat:name")
                                           or tree.tokens[head].lemma in STAND_INS)
             else r for r, head in ((r, tree.head(r)) for r in roots)]
    # `страной НАТО Турцией`: the phrase of `страной`
    return set(inside).union(*(tree.subtree(r, 3) for r in roots))


# Prepositions of a cause or a topic: `санкции из-за Украины` are not against Ukraine.
CAUSES = words("causes")
ABOUT = CAUSES | words("topics")  # `санкции — за Крым`


def _preposition(tree: Tree, i: int) -> str | None:
    """The token's preposition as the word lists write it: the parser's `из - за` is
    `из-за`."""
    preposition = tree.preposition(i)
    return preposition.replace(" - ", "-") if preposition else preposition


def _a_place(tree: Tree, i: int, mention: Mention) -> bool:
    """A place named as where something happens (`в Вене`, `на Украине`), or a cause or
    topic (`из-за Украины`): not a party to the act."""
    preposition = _preposition(tree, i)
    return preposition in ABOUT or _in_a_cause(tree, i) or (
        mention.kind in ("LOC", "LOCORG") and preposition in SPATIAL and tree.case(i) == "Loc")


def _in_a_cause(tree: Tree, i: int, depth: int = 4) -> bool:
    """Deep inside a phrase of cause: `за поддержку повстанцев на востоке Украины`."""
    node: int | None = i
    while node is not None and depth > 0 and tree.tokens[node].pos != "VERB":
        if _preposition(tree, node) in CAUSES:
            return True
        node, depth = tree.head(node), depth - 1
    return False


def nearest_other(tree: Tree, trigger: Trigger, sources: Sequence[Side],
                   symmetric: bool = False) -> list[Side]:
    """The side an act is aimed at when no slot names it: the nearest other actor in the
    sentence, after the trigger first (`Евросоюз ввел санкции, и Москва ответила …`); never
    one of the sources, nor a name inside their phrases (`Ассамблея ООН`) unless the act is
    mutual (`заседание Совета НАТО-Россия`)."""
    taken = {(s.actor.country or s.actor.code) for s in sources}
    phrases = set() if symmetric else set().union(*(_phrase(tree, s.span) for s in sources))
    candidates = []
    for i, mention in sorted(tree.mention_at.items()):
        actor = mention.actor
        if actor is None or not actor.code or mention.kind in ("ADJ",):
            continue
        if (actor.country or actor.code) in taken or i in phrases:
            continue
        if beside_border(tree, mention) or _a_place(tree, i, mention):
            continue  # `у границы с Румынией`, `договорились в Вене` say where, not whom
        if _according_to(tree, i):
            continue  # `по данным южнокорейских исследователей`: who says so, not whom
        after = mention.start >= tree.tokens[trigger.last].end
        distance = (mention.start - tree.tokens[trigger.last].end if after
                    else tree.tokens[trigger.first].start - mention.end)
        if distance <= (GUESS_AFTER if after else GUESS_BEFORE):
            candidates.append((distance + (0 if after else 1000), mention))
    if not candidates:
        return []
    return [side_of(min(candidates, key=lambda c: c[0])[1])]


ACCORDING = MODALITY_WORDS.according  # `по данным`, `по словам`: data/modality/according.txt


def _according_to(tree: Tree, i: int) -> bool:
    """Whether token i is in a `по данным X`, `по словам X` phrase (or is its X): the
    source of what the sentence says, never the one an act is aimed at."""
    node: int | None = i
    for _ in range(5):
        if node is None:
            return False
        if tree.tokens[node].lemma in ACCORDING and tree.preposition(node) == grammar("by"):
            return True
        node = tree.head(node)
    return False


def done_by_verb(tree: Tree, noun: int) -> bool:
    """Whether a noun is the object of a verb that does its act (`провели уличные акции`,
    `объявили забастовку`): the verb's subject is its doer as plainly as a light verb's."""
    head = tree.head(noun)
    return (head is not None and tree.rel(noun) == "obj" and tree.tokens[noun].pos == "NOUN"
            and tree.tokens[head].lemma in SUPPORT_VERBS)


def places_aimed(tree: Tree, trigger: int, slots: Sequence[str]) -> list[int]:
    """The words of the target slots that are places, not actors (`в город`, `к
    границе`): what `thing_aimed` found."""
    return [i for name in slots for i in slot(tree, trigger, name)
            if tree.tokens[i].pos == "NOUN" and i not in tree.mention_at]


def asks_an_act(tree: Tree, verb: int) -> bool:
    """Whether a verb of asking has an act for its content, an infinitive: `призывают
    запретить показ`, `просил переквалифицировать обвинение`."""
    return any(tree.rel(c) == "xcomp" and tree.tokens[c].feat("VerbForm") == "Inf"
               for c in tree.children[verb])


def thing_aimed(tree: Tree, trigger: int, slots: Sequence[str]) -> bool:
    """Whether a target slot is filled by a thing, not an actor: `одобрили решение суда`,
    `отвергли этот план` (an act with no target, as the guide codes it)."""
    heads = [i for name in slots for i in slot(tree, trigger, name)]
    return bool(heads) and all(
        tree.tokens[i].pos == "NOUN" and i not in tree.mention_at
        and tree.tokens[i].lemma not in STAND_INS | BARE.keys() | CITIZENS.keys()
        for i in heads)


# CAMEO codes of what a state's organs do to people, which no one but a state's organ does:
# investigate (09), charge, sue and convict (112, 115, 116), administrative sanctions,
# arrest and deportation (172-174), repression (175), handing over (063), release (0841).
# Not property seized or destroyed (171): armies and armed groups do that too.
ORGAN_ACTS = ("09", "112", "115", "116", "172", "173", "174", "175", "063", "0841")
# Where an organ acts: `в США`, `на Украине` (the locative case; `экстрадирован в США` is
# where to, a receiver).
AT = words("locative-prepositions")
EXTRADITE = words("extradite")
# A court named as a light verb's noun (`предстал перед судом`): the acting organ, whose
# state its place tells.
COURTS = words("courts")


# Acts whose noun says where they happened, not what about: `задержание в Лондоне`, not
# `расследование химатаки в Сирии` (investigations are of what happened there).
PLACED_NOUNS = ("172", "173", "174")


def organ_act(p: Predicate) -> bool:
    """Whether the act is one only a state's organ does (an arrest, a charge, a verdict)."""
    return p.cameo.startswith(ORGAN_ACTS)


def agentless(tree: Tree, i: int, p: Predicate) -> bool:
    """A verb that names no doer: passive (`был задержан`, `предъявлены обвинения`), a
    participle (`арестованный в Греции`), a third person plural with no subject (`В
    Шанхае оштрафовали организатора`, `его обвиняют`), or a verb whose subject the lexicon
    makes the one acted on (`под расследование попали`, `предстал перед судом`); or a noun
    of an arrest whose doer no rule found (`после задержания в Лондоне`)."""
    token = tree.tokens[i]
    if token.pos == "NOUN":
        return p.cameo.startswith(PLACED_NOUNS)
    if token.pos not in ("VERB", "AUX"):
        return False
    if "subject" in p.target and "subject" not in p.source:
        return True  # `под расследование попали пять экс-президентов`: the subject is acted on
    if token.feat("VerbForm") == "Part":  # `задержавшие его полицейские` name their doer
        return token.feat("Voice") == "Pass"
    if tree.is_passive(i):
        return True
    # `его будут судить`: the future's auxiliary carries the person the infinitive lacks
    auxiliary = next((c for c in tree.children[i] if tree.rel(c) == "aux"), None)
    if token.feat("VerbForm") == "Inf" and auxiliary is not None:
        token = tree.tokens[auxiliary]
    # `неизвестные ворвались и задержали`: a subject of the first of coordinated verbs
    return (token.feat("Number") == "Plur" and token.feat("Person") in ("3", None)
            and token.feat("VerbForm") == "Fin"
            and not any(tree.rel(c) in ("nsubj", "nsubj:pass")
                        for verb in _with_first(tree, i) for c in tree.children[verb]))


def _with_first(tree: Tree, i: int) -> list[int]:
    """The verb and, when it is coordinated (or set beside it: `признал …, приговорил`),
    the first verb it shares its words with."""
    head = tree.head(i)
    return [i, head] if tree.rel(i) in ("conj", "parataxis") and head is not None else [i]


def _country(tree: Tree, mention: Mention) -> str | None:
    """The country of a place or actor: `в Шанхае` (CHN), `Дагестана` (RUS)."""
    if mention.actor is not None and mention.actor.country:
        return mention.actor.country
    return resolve_place(tree, mention).country


def organ_at(tree: Tree, trigger: Trigger, p: Predicate) -> list[Side]:
    """The unnamed organ of the state where an agentless organ's act happened: `В Шанхае
    оштрафовали организатора` (CHN), `В США Виннику предъявлены обвинения` (USA),
    `задержан в Швейцарии и затем экстрадирован в США` (both Switzerland's). The guide: an
    act by an unnamed organ whose state is clear has that state's organ as source. A court
    that a light verb names (`предстал перед судом в США`, `доставлен в суд города
    Нью-Йорка`: words/courts.txt) is such an organ, its place said on it or on the verb."""
    head = trigger.head
    court = (trigger.noun if trigger.noun is not None
             and tree.tokens[trigger.noun].lemma in COURTS else None)
    if not organ_act(p) or not (court is not None or agentless(tree, head, p)):
        return []
    # `задержан в Швейцарии и экстрадирован`: the place is shared; a court's own place
    # (`предстал перед судом в США`, `доставлен в суд города Нью-Йорка`) is the state's
    nodes = [*_with_first(tree, head), *((court,) if court is not None else ())]
    for node in nodes:
        if node == head and p.lemma in EXTRADITE:
            continue  # `экстрадирован в США`: where to, not where
        for child in tree.children[node]:
            mention = tree.mention_at.get(child)
            if mention is None or beside_border(tree, mention) or not (
                    (tree.preposition(child) in AT and tree.case(child) == "Loc")
                    or (node == court and tree.rel(child) == "nmod"
                        and tree.case(child) == "Gen" and tree.preposition(child) is None)):
                continue
            country = _country(tree, mention)
            if country is None:
                continue
            sector = "COP" if p.cameo.startswith("17") and court is None else "JUD"
            return [Side(Actor(f"{country}{sector}", country, sector, mention.normal
                               or mention.text), Span(mention.start, mention.end,
                                                      mention.text))]
    placed = _place_of_place(tree, head) if head in nodes and p.lemma not in EXTRADITE else None
    if placed is not None:
        mention, country = placed
        sector = "COP" if p.cameo.startswith("17") and court is None else "JUD"
        return [Side(Actor(f"{country}{sector}", country, sector, mention.normal
                           or mention.text), Span(mention.start, mention.end, mention.text))]
    return _organ_named(tree, head) or _organ_of_own(tree, head, p, court)


# Prepositions of where someone is held or taken from: `из тюрьмы в Иране`.
HELD_IN = AT | {grammar("out-of")}


def _place_of_place(tree: Tree, verb: int) -> tuple[Mention, str] | None:
    """A place named inside a place phrase of the verb, that no actor names: `в аэропорту
    Тбилиси` (its genitive, or a name that does not change for case), `из тюрьмы в Иране`
    (its own locative) — the country of the city or state named there."""
    if tree.tokens[verb].lemma in CHARGED_WITH:
        return None  # `обвиняемого в убийстве афганца в Афганистане`: what, not where
    for child in tree.children[verb]:
        if (child in tree.mention_at or tree.tokens[child].pos != "NOUN"
                or tree.preposition(child) not in HELD_IN):
            continue
        for grandchild in tree.children[child]:
            mention = tree.mention_at.get(grandchild)
            if mention is None or mention.kind not in ("LOC", "LOCORG") or beside_border(
                    tree, mention) or not (
                    (tree.preposition(grandchild) in AT and tree.case(grandchild) == "Loc")
                    or (tree.preposition(grandchild) is None and tree.rel(grandchild) in (
                        "nmod", "appos") and (tree.case(grandchild) == "Gen"
                                              or fold(mention.normal) == fold(mention.text)))):
                continue
            country = _country(tree, mention)
            if country is not None:
                return mention, country
    return None


# What a state does to its own people, told with no place: arrests, detentions, bans (17x);
# verdicts (116) and release or pardon (0841) only where the sentence tells no other state.
OWN_PEOPLE = ("17",)
OWN_PEOPLE_ALONE = ("116", "0841")


def one_state(tree: Tree, country: str) -> bool:
    """Whether every state the sentence names is `country`."""
    return all(m.actor.country == country for m in tree.mentions
               if m.actor is not None and m.actor.country)


def _organ_of_own(tree: Tree, head: int, p: Predicate, court: int | None) -> list[Side]:
    """No place said: the organ of the state whose citizen is arrested or held (CAMEO 17x)
    (`Владимир Королёв … был арестован`, `гражданином Индии, которому предъявили
    обвинения`), a person or people of a state; one of its officials or organs
    (`Министр обороны Грузии арестован`), a verdict (`Саакашвили признали виновным`) or a
    release or pardon (`Скрипаля помиловали`) only where the sentence tells no other state.
    Only a finite verb or a short participle: a participle that describes the person
    (`пакистанец, арестованный по подозрению`) and a noun are told of people held abroad as
    often as at home; so are charges (`россиянина обвиняют в атаке в США`), left out; and
    who is sent out of the country (`российский хакер экстрадирован в США`, `задержан и
    депортирован`) is held and sent by a state not his own."""
    token = tree.tokens[head]
    own, alone = p.cameo.startswith(OWN_PEOPLE), p.cameo.startswith(OWN_PEOPLE_ALONE)
    if not (own or alone) or token.pos not in ("VERB", "AUX") or (
            token.feat("VerbForm") == "Part" and token.feat("Variant") != "Short"):
        return []
    if sent_away(tree, head):
        return []
    for side in fill(tree, head, p.target):
        actor = side.actor
        if not (actor.country and actor.code and actor.code.startswith(actor.country)):
            continue
        if (alone or actor.sector in ORGANS) and not one_state(tree, actor.country):
            continue
        sector = "COP" if own and court is None else "JUD"
        return [Side(Actor(f"{actor.country}{sector}", actor.country, sector, actor.name),
                     side.span)]
    return []


LAW = frozenset({"JUD", "COP", "SPY"})  # organs of law: courts, prosecutors, police, security


def _organ_named(tree: Tree, head: int) -> list[Side]:
    """No place said: the organ of law the sentence names, of one state only (`Хунсян
    подозревают в преступлениях, как следует из сообщений полиции провинции Ляонин`, `как
    сообщает ФБР, россиянину предъявлены обвинения`): whoever reports a suspicion, charge or
    arrest no one is said to have made is the organ that made it, before the citizenship of
    who it is made against. A state named without an organ (`его обвиняют в шпионаже в
    пользу США`) is what the act is about, not who did it. Not who is sent out of the
    country; as for citizens, only a finite verb or a short participle."""
    token = tree.tokens[head]
    if token.pos not in ("VERB", "AUX") or (
            token.feat("VerbForm") == "Part" and token.feat("Variant") != "Short"):
        return []  # `пакистанец, арестованный по подозрению`: held wherever
    organs = [m for m in tree.mentions if m.actor is not None and m.actor.country
              and m.actor.sector in LAW]
    if len({m.actor.country for m in organs}) != 1 or sent_away(tree, head):
        return []
    return [side_of(organs[0])]


RECIPROCAL = words("reciprocal")  # `друг друга`
EXCHANGES = words("exchanges")  # `обменялись ударами`


def reciprocal(tree: Tree, trigger: int) -> bool:
    """Whether an act is done by its doers to each other: a reciprocal pronoun on its verb
    (`обвинили друг друга`, `договорились друг с другом`: its lemma twice) or a verb of
    exchange (`обменялись ударами`)."""
    tokens = tree.tokens
    verb = trigger if tokens[trigger].pos == "VERB" else tree.head(trigger)
    if verb is None:
        return False
    if tokens[verb].lemma in EXCHANGES:
        return True
    for k, token in enumerate(tokens):
        if token.lemma not in RECIPROCAL:
            continue
        after = k + 1 + (k + 1 < len(tokens) and tokens[k + 1].pos == "ADP")
        above = tree.head(after) if after < len(tokens) else None
        if after < len(tokens) and tokens[after].lemma in RECIPROCAL and verb in (
                tree.head(k), above, tree.head(above) if above is not None else None):
            return True
    return False


def at_border(tree: Tree, side: Side) -> bool:
    """Whether a side is named by a border beside which an act happens (`у границы с
    Арменией`, `вблизи границ Армении`): where a joint act is held, no partner of it
    (`Турция и Азербайджан провели совместные учения у границы с Арменией` is between
    Turkey and Azerbaijan)."""
    for i, token in enumerate(tree.tokens):
        if side.span.start <= token.start < side.span.end:
            head = tree.head(i)
            return (token.lemma in BORDERS or (head is not None
                    and tree.tokens[head].lemma in BORDERS))
    return False


# Where a crowd no one names protests (rules.protest_site): the prepositions of a site,
# the buildings of a mission abroad (never where the protest is), the crowd's sector by the
# protest's word.
SITE_PREPOSITIONS = words("site-prepositions")
MISSIONS = words("missions")
PROTEST_DOERS = valued("protest-doers", SECTORS)
# Seats of a state's power a protest gathers at: its country is where it is held (`у здания
# мэрии Москвы`, `перед Белым домом`); another organisation's building says nothing.
SEATS = frozenset({"GOV", "LEG", "JUD"})
# Verbs whose place is their protest noun's: who gathers, holds or joins it, or its taking
# place (`собрались на митинг в Тбилиси`, `провели акцию у мэрии`, `митинг прошёл в Афинах`).
# The words of voicing a protest (`выразили протест`, `протестуют`, protest.txt): a state's
# note handed in its capital as often as a crowd's; who voices one must be named.
VOICED = words("protest")
HOLDING = words("protest-holding") | SUPPORT_VERBS | MODALITY_WORDS.occurring
LOCATIVE = frozenset({IN, grammar("on"), vowelled(IN)})  # `во Франции`


def _protest_nodes(tree: Tree, trigger: Trigger) -> list[int]:
    """The words a protest's site may hang on: the trigger and its light verb's noun, the
    verb that holds a protest noun or tells it takes place (HOLDING: `митинг прошёл в
    Афинах`, `собрались на митинг в Тбилиси`, `провели акцию у мэрии`), and a converb of
    those (`провести голодовку, стоя перед Белым домом`)."""
    nodes = [trigger.head, *((trigger.noun,) if trigger.noun is not None else ())]
    for node in list(nodes):
        head = tree.head(node)
        if (tree.tokens[node].pos == "NOUN" and head is not None
                and tree.tokens[head].pos in ("VERB", "AUX")
                and tree.tokens[head].lemma in HOLDING
                and tree.rel(node) in ("nsubj", "obj", "obl")):
            nodes.append(head)
    for node in list(nodes):
        nodes += [c for c in tree.children[node] if tree.rel(c) == "advcl"
                  and tree.tokens[c].feat("VerbForm") == "Conv"]
    return list(dict.fromkeys(nodes))


def _held(tree: Tree, trigger: Trigger) -> bool:
    """Whether a protest is told as held: a verb (`митинговали`, `объявили голодовку`), or a
    noun a verb of HOLDING holds (`митинг прошёл`, `провели акцию`). A bare noun in another
    act's phrase (`после протестов в Египте`, `за участие в марше`) is told about, its
    crowd and aim left to what came before. Nor a noun with a genitive of a thing, whose
    sense it is: a display or a commemoration (`в Москве прошла демонстрация оружия`)."""
    head = tree.head(trigger.head)
    if any(tree.rel(c) == "nmod" and tree.case(c) == "Gen" and tree.preposition(c) is None
           and c != trigger.noun and c not in tree.mention_at
           for c in tree.children[trigger.head]):
        return False  # `демонстрация силы`, `шествие памяти`: a display, a commemoration
    return tree.tokens[trigger.head].pos != "NOUN" or trigger.noun is not None or (
        head is not None and tree.tokens[head].lemma in HOLDING
        and tree.rel(trigger.head) in ("nsubj", "obj", "obl"))


def mission(tree: Tree, mention: Mention) -> bool:
    """Whether a mention names a state's mission abroad (`посольства США`: MISSIONS)."""
    return any(t.lemma in MISSIONS for t in tree.tokens if mention.start <= t.start < mention.end)


def _site_country(tree: Tree, i: int, preposition: str | None) -> tuple[Mention, str] | None:
    """The country of the site a phrase names: a place (`в Афинах`), a seat of a state's
    power (`у здания мэрии Москвы`, `перед Белым домом`), not a mission abroad."""
    mention = tree.mention_at.get(i)
    if mention is None or beside_border(tree, mention) or _in_status(tree, i):
        return None
    if mission(tree, mention):
        return None
    actor = mention.actor
    if mention.kind not in ("LOC", "LOCORG") and not (
            actor is not None and actor.sector in SEATS and preposition not in LOCATIVE):
        return None
    country = _country(tree, mention)
    return (mention, country) if country else None


def protest_site(tree: Tree, trigger: Trigger) -> list[Side]:
    """The crowd no one names that holds a protest is of the state where it is held: `в
    Афинах прошёл митинг` (GRCCVL), `тысячи человек вышли на улицы Минска`, `акция протеста
    состоялась у здания мэрии Москвы` (RUS), `голодовка перед Белым домом` (USA), `рабочие
    объявили забастовку в Белфасте` (GBRLAB: protest-doers.txt), when the sites the
    protest's words name lie in one state only. The guide: an act by an unnamed actor whose
    state is clear takes that state. A mission abroad is never the site (`у посольства США
    в Москве` is in Russia); a place after `в`, `на` only in the locative, or owning a site
    noun (`на улицы Афин`, `в центре Москвы`). Not a protest voiced (VOICED: `в Тбилиси
    послу вручили ноту протеста` is the state's, `выразили протест` needs its voice named).
    """
    if tree.tokens[trigger.head].lemma in VOICED or not _held(tree, trigger):
        return []
    found: dict[str, Mention] = {}
    for node in _protest_nodes(tree, trigger):
        for child in tree.children[node]:
            preposition = tree.preposition(child)
            if preposition not in SITE_PREPOSITIONS:
                continue
            located = preposition not in LOCATIVE or tree.case(child) == "Loc"
            phrases = [child] if located else []
            # `на улицах Афин`, `у здания мэрии Москвы`: the site's owner; `у посольства
            # США в Москве`: where the site is
            phrases += [g for g in tree.children[child]
                        if (tree.rel(g) == "nmod" and tree.case(g) == "Gen"
                            and tree.preposition(g) is None and child not in tree.mention_at)
                        or (tree.preposition(g) in LOCATIVE and tree.case(g) == "Loc")]
            for phrase in phrases:
                site = _site_country(tree, phrase, tree.preposition(phrase) or preposition)
                if site is not None:
                    found.setdefault(site[1], site[0])
    if len(found) != 1:
        return []
    (country, mention), = found.items()
    sector = PROTEST_DOERS.get(tree.tokens[trigger.head].lemma) or (
        PROTEST_DOERS.get(tree.tokens[trigger.noun].lemma) if trigger.noun is not None
        else None) or "CVL"
    return [Side(Actor(f"{country}{sector}", country, sector, mention.normal or mention.text),
                 Span(mention.start, mention.end, mention.text))]


def home_government(tree: Tree, source: Side) -> list[Side]:
    """The government of a crowd's own state that the sentence names, not as a place: what a
    protest at home no words aim is against (`правительство уходит в отставку после
    протестов`, `у здания мэрии Москвы состоялась акция`: the crowd's rulers)."""
    for mention in tree.mentions:
        actor = mention.actor
        if (actor is not None and actor.country == source.actor.country
                and actor.sector == "GOV" and mention.kind not in ("LOC", "LOCORG")):
            return [side_of(mention)]
    return []
