"""The event coder: triggers from the lexicon, arguments from the parse, coded events.

One event per (trigger, source, target), with its evidence: the trigger, the
sentence and the spans of source and target, all char offsets into the input.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..places import lookup
from ..records import Actor, Analysis, Event, Location, Mention, Sentence, Span
from ..records import Attribution as AttributionRecord
from .acts import not_an_act
from .arguments import NOMINAL, Tree, slot
from .lexicon import Lexicon, Predicate, load_lexicon
from .modality import Attribution, attribution_in, modality, quoted_speakers
from .ontology import Ontology, load_ontology
from .speech import Report, SpeechWords, load_speech, reports
from .when import event_date

# Words that say how an act was done: `ракетный обстрел`, `гуманитарная помощь`.
MODE_WORDS = {
    "ASSAULT": {"дрон": "aerial", "беспилотник": "aerial", "ракета": "aerial",
                "ракетный": "aerial", "авиаудар": "aerial", "бомба": "aerial",
                "авиация": "aerial", "снаряд": "heavy-weapons", "артиллерия": "heavy-weapons",
                "артиллерийский": "heavy-weapons", "танк": "heavy-weapons"},
    "AID": {"гуманитарный": "humanitarian", "военный": "military", "финансовый": "economic",
            "экономический": "economic"},
}
SPATIAL = frozenset({"в", "на", "у", "около", "под", "близ", "вблизи", "возле"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION"})  # told of, they blame
SPEECH = {"ACCUSE": Predicate("ACCUSE", "111"), "SUPPORT": Predicate("SUPPORT", "051")}
# How far (in characters) a target no slot names may be from its trigger: on the
# development gold, guesses further away were wrong four times in five.
GUESS_AFTER, GUESS_BEFORE = 70, 10
# Refusal and coercion name whom they are aimed at, or leave it to an earlier sentence:
# a guess from the same sentence was more often wrong than right for them.
UNGUESSED = frozenset({"REJECT", "COERCE"})
INHERITED = frozenset({"ASSAULT", "COERCE"})  # a missing attacker: the last one in the sentence


@dataclass(frozen=True, slots=True)
class Trigger:
    head: int  # the token whose arguments are sought
    predicate: Predicate
    first: int  # token range of the trigger words
    last: int
    noun: int | None = None  # a light verb's noun, which may carry arguments too
    noun_lemma: str | None = None


@dataclass(frozen=True, slots=True)
class Side:
    actor: Actor
    span: Span
    place: bool = False  # a place standing for its state: a target, never a doer


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
    nouns = [c for c in tree.children[verb]
             if tree.rel(c) in ("obj", "nsubj:pass", "nsubj") and tree.tokens[c].pos == "NOUN"]
    head = tree.head(verb)
    if head is not None and tree.rel(verb) in ("acl:relcl", "acl"):  # `санкций, введенных …`
        nouns.append(head)
    nouns += [j for j in range(verb + 1, min(verb + 4, len(tree.tokens)))
              if tree.tokens[j].pos == "NOUN"]
    return nouns


def _side(mention: Mention) -> Side:
    return Side(mention.actor, Span(mention.start, mention.end, mention.text))


def _place_side(mention: Mention, tree: Tree) -> Side | None:
    """A place no actor names stands for the state it lies in: `захватила Крым` → UKR."""
    place = _resolve_place(tree, mention)
    if place.country is None:
        return None
    return Side(Actor(place.country, place.country, None, place.name),
                Span(mention.start, mention.end, mention.text), place=True)


PRONOUNS = frozenset({"он", "она", "оно", "они"})
STAND_INS = frozenset({"страна", "сторона", "государство", "республика"})  # `обе стороны`


def _clause_subjects(tree: Tree, i: int) -> set[int]:
    """Where the subjects of the clauses above token i start: `Брюссель ввел санкции против
    него` — a pronoun never means the subject of its own clause (that is `себя`)."""
    starts, node = set(), tree.head(i)
    while node is not None:
        starts |= {tree.tokens[c].start for c in tree.children[node]
                   if tree.rel(c) in ("nsubj", "nsubj:pass")}
        node = tree.head(node)
    return starts


def _antecedent(tree: Tree, i: int) -> Side | None:
    """Light coreference: a pronoun, or `страна`/`сторона` with no name of its own, is the
    last coded actor named before it (`Брюссель ввел санкции против него`). `он`, `она`
    take the last name of their gender, and nothing if no dictionary knows that name
    (`Захаровой: она обвинила …`)."""
    token = tree.tokens[i]
    pronoun = token.pos == "PRON" and token.lemma in PRONOUNS
    if not (pronoun or token.lemma in STAND_INS):
        return None
    if not pronoun and any(c in tree.mention_at or tree.rel(c) == "amod"
                           for c in tree.children[i]):
        return None  # `страны НАТО`, `другие страны`, `западные страны`: a group described
    gender = token.feat("Gender") if pronoun and token.feat("Number") == "Sing" else None
    bound = _clause_subjects(tree, i) if pronoun else set()
    for mention in reversed(tree.earlier):
        if mention.end > token.start or mention.kind == "ADJ" or mention.start in bound:
            continue
        coded = mention.actor is not None and bool(mention.actor.code)
        if gender is not None and tree.genders.get(mention.start) == gender:
            return _side(mention) if coded else None
        if gender is None and coded:
            return _side(mention)
    return None


def _actor_of(tree: Tree, i: int, depth: int = 0) -> Side | None:
    """The actor a phrase names: its own mention; or the owner of a thing (`заправку SOCAR`,
    `российские снаряды`, `Дому Азербайджана`); or the doer of an act (`помощи, которую
    оказывает азербайджанская сторона`). A coded owner beats a name no dictionary knows."""
    mention = tree.mention_at.get(i)
    if mention is not None and mention.actor is None and mention.kind == "LOC":
        return _place_side(mention, tree)
    if mention is None and depth == 0:
        antecedent = _antecedent(tree, i)
        if antecedent is not None:
            return antecedent
    named = mention is not None and mention.actor is not None and bool(
        mention.actor.code or mention.actor.name)
    if named and mention.actor.code:
        return _side(mention)
    owner = _owner(tree, i, depth) if depth < 2 else None
    if owner is not None and (not named or owner.actor.code):
        return owner
    return _side(mention) if named else None


def _owner(tree: Tree, i: int, depth: int) -> Side | None:
    for child in tree.children[i]:
        rel = tree.rel(child)
        if rel in ("amod", "nmod", "flat:name", "appos") and (
                rel == "amod" or tree.case(child) == "Gen" or tree.preposition(child) is None
        ) and (rel == "amod" or child > i):  # an owner follows its noun: `посол Италии`
            side = _actor_of(tree, child, depth + 1)
        elif rel == "acl:relcl":  # the act's doer: the subject of its relative clause
            subjects = [g for g in tree.children[child] if tree.rel(g) == "nsubj"]
            side = _actor_of(tree, subjects[0], depth + 1) if subjects else None
        else:
            continue
        if side is not None:
            return side
    return None


def _key(side: Side) -> str | None:
    return side.actor.country or side.actor.code or side.actor.name


def _relative(tree: Tree, i: int) -> int:
    """`который` stands for the noun its clause hangs on: `Миллер и Озерец, которые
    встречаются`."""
    if tree.tokens[i].lemma != "который":
        return i
    node = tree.head(i)
    while node is not None and tree.rel(node) not in ("acl:relcl", "acl"):
        node = tree.head(node) if tree.tokens[node].pos not in ("NOUN", "PROPN") else None
    antecedent = tree.head(node) if node is not None else None
    return antecedent if antecedent is not None else i


def _genitive_owner(tree: Tree, child: int, head: int) -> bool:
    """`главы дипведомств РФ`, `Совета НАТО-Россия`: a name after its noun, no preposition."""
    return child > head and tree.preposition(child) is None and (
        tree.rel(child) == "appos" or (tree.rel(child) == "nmod" and tree.case(child) == "Gen"))


def _paired(tree: Tree, i: int) -> list[Side]:
    """The other owners of a noun with coordinated owners: `американские и российские
    дипломаты`, `главы дипведомств РФ и КНР` are two sides."""
    found, frontier = [], [i]
    for level in range(2):
        frontier = [c for n in frontier for c in tree.children[n]
                    if (tree.rel(c) == "amod" and level == 0) or _genitive_owner(tree, c, n)]
        for owner in frontier:  # an adjective's own actor is not the noun's (`российские
            first = 0 if tree.rel(owner) == "amod" else 1  # дипломаты` is one mention)
            for other in tree.conjuncts(owner)[first:]:
                mention = tree.mention_at.get(other)
                if mention is not None and mention.actor is not None and mention.actor.code:
                    found.append(_side(mention))
            found += _hyphenated(tree, owner)
    return found + _hyphenated(tree, i)


def _hyphenated(tree: Tree, i: int) -> list[Side]:
    """The second name in one hyphenated word: `Совета НАТО-Россия`."""
    token = tree.tokens[i]
    inside = [m for m in tree.mentions if token.start <= m.start and m.end <= token.end
              and m.actor is not None and m.actor.code]
    return [_side(m) for m in inside[1:]]


def _fill(tree: Tree, trigger: int, slots: Sequence[str]) -> list[Side]:
    for name in slots:
        sides = []
        for head in slot(tree, trigger, name):
            for conjunct in tree.conjuncts(_relative(tree, head)):
                for side in [_actor_of(tree, conjunct), *_paired(tree, conjunct)]:
                    if side is not None and _key(side) not in map(_key, sides):
                        sides.append(side)  # two names of one country fill a slot once
        if sides:
            return sides
    return []


GOVERNED = frozenset({"obj", "xcomp", "nsubj", "obl", "nsubj:pass"})
# Verbs that do a noun's act (`направил помощь`, `начала атаку`): their subject is its source.
# Other verbs only talk about it (`контролирует поставки`), and lend it nothing.
SUPPORT_VERBS = frozenset({
    "направить", "направлять", "оказать", "оказывать", "предоставить", "предоставлять",
    "продолжить", "продолжать", "начать", "начинать", "провести", "проводить", "осуществить",
    "осуществлять", "вести", "совершить", "совершать", "нанести", "наносить", "выразить",
    "выражать", "объявить", "объявлять", "ввести", "вводить", "возобновить", "ответить",
    "отвечать",
    "усилить", "усиливать", "прекратить", "прекращать", "предпринять", "организовать",
    "выдвинуть", "предъявить", "отправить", "отправлять", "передать", "передавать",
})
# Verbs that share their subject; a subjectless clause said by someone is theirs too:
# `премьер заявил, что не полетит в Вашингтон`.
SHARED_SUBJECT = frozenset({"conj", "advcl", "xcomp", "ccomp"})
# Verbs whose object, not subject, does what their infinitive says: `призвал Россию
# вывести войска`, `помешать Азербайджану сблизиться с Западом`.
OBJECT_CONTROL = frozenset({
    "помешать", "мешать", "дать", "давать", "позволить", "позволять", "разрешить",
    "разрешать", "запретить", "запрещать", "предложить", "предлагать", "призвать", "призывать",
    "попросить", "просить",
    "заставить", "заставлять", "вынудить", "вынуждать", "убедить", "уговорить", "уговаривать",
    "потребовать", "требовать", "умолять", "приказать", "поручить", "пригласить", "приглашать",
})
FRAMES = frozenset({"ход", "время", "рамка"})  # `в ходе`, `во время`, `в рамках` an act
FRAMED = frozenset({"в ходе", "в время", "в рамках"})  # the same, parsed as one preposition
THAT = frozenset({"то", "тот"})  # `тем, как …`: a clause hung on a pronoun, not a noun


def _governor_fill(tree: Tree, trigger: int, slots: Sequence[str]) -> list[Side]:
    """A missing side from the word above: `Азербайджан направил помощь Украине`, `Россия
    пригрозила ввести санкции`, `Россия захватила Крым, вторглась на Украину` (coordinated
    verbs), `ездили в Россию, чтобы встретиться с Путиным`."""
    node = trigger
    for _ in range(4):
        head = tree.head(node)
        verb = tree.tokens[node].pos == "VERB"
        if head is None:
            return []
        if verb and tree.rel(node) == "acl" and tree.tokens[head].lemma in THAT:
            node = head  # `перед тем, как встретиться`, `о том, чтобы возобновить`
            continue
        if not (tree.rel(node) in GOVERNED or (verb and tree.rel(node) in SHARED_SUBJECT)):
            return []
        if verb and "subject" in slots and any(tree.rel(c) in ("nsubj", "nsubj:pass")
                                               for c in tree.children[node]):
            return []  # `заявила, что санкции ударят`: the clause has a subject of its own
        if (verb and tree.rel(node) in ("xcomp", "advcl") and "subject" in slots
                and tree.tokens[head].lemma in OBJECT_CONTROL
                and tree.tokens[head].pos == "VERB" and not tree.is_passive(head)):
            return _fill(tree, head, ("object", "dative"))  # `помешать Азербайджану сблизиться`
        if tree.tokens[head].lemma in FRAMES and tree.rel(node) == "nmod":
            node = head  # `в ходе визита`, `во время встречи`: the act of the clause's doer
            continue
        framed = (tree.preposition(node) or "").replace("во ", "в ") in FRAMED
        if (not verb and not framed and tree.tokens[node].lemma not in THAT | FRAMES
                and tree.tokens[head].lemma not in SUPPORT_VERBS):
            return []  # `Москва контролирует поставки`: not Moscow's supplies
        found = _fill(tree, head, slots)
        if found:
            return found
        node = head
    return []


RESPONSES = frozenset({"ответить", "отвечать", "отреагировать", "реагировать"})


def _under(tree: Tree, trigger: int) -> list[Side]:
    """`Молдавия оказалась под давлением России`: who is under an act is its target; and
    who responds to it (`Белорусская сторона отреагировала на ультиматум России`)."""
    head = tree.head(trigger)
    if head is None:
        return []
    preposition = tree.preposition(trigger)
    if preposition == "под" or (preposition == "на" and tree.tokens[head].lemma in RESPONSES):
        return _fill(tree, head, ("subject",))
    return []


def _shared(tree: Tree, trigger: int, slots: Sequence[str]) -> list[Side]:
    """Coordinated nouns share their arguments: `российскую оккупацию и аннексию Крыма`."""
    if tree.tokens[trigger].pos != "NOUN":
        return []
    head = tree.head(trigger)
    others = [c for c in tree.children[trigger] if tree.rel(c) == "conj"]
    if head is not None and tree.rel(trigger) == "conj":
        others.insert(0, head)
    for other in others:
        if tree.tokens[other].pos == "NOUN":
            found = _fill(tree, other, slots)
            if found:
                return found
    return []


def _own_subject(tree: Tree, trigger: int) -> list[Side]:
    """`свое вторжение`, `своим присоединением`: the act of the subject of its clause."""
    if not any(tree.tokens[c].lemma == "свой" for c in tree.children[trigger]):
        return []
    node = tree.head(trigger)
    while node is not None and tree.tokens[node].pos not in ("VERB", "AUX"):
        node = tree.head(node)
    if node is None:
        return []
    subjects = [c for c in tree.children[node] if tree.rel(c) in ("nsubj", "nsubj:pass")]
    return [side for c in subjects[:1] for side in [_actor_of(tree, c)] if side is not None]


def _speakers(tree: Tree, i: int) -> list[Side]:
    """Who says it: the subject of a reporting verb (or of the verb it depends on:
    `…, заявив, что`); the owner of a reporting noun (`заявления Анкары`, `со стороны России
    звучат утверждения`)."""
    if tree.tokens[i].pos == "NOUN":
        head = tree.head(i)
        return (_fill(tree, i, ("genitive", "adjective", "prep:со стороны"))
                or (_fill(tree, head, ("prep:со стороны", "subject")) if head is not None
                    else []))
    return (_fill(tree, i, ("subject",)) or _governor_fill(tree, i, ("subject",))
            or _seat_subject(tree, i))


def _seat_subject(tree: Tree, trigger: int) -> list[Side]:
    """`В Кремле заявили`, `в Москве не скрывают`: a seat of power as the unnamed subject
    of a verb in the third person plural."""
    node = trigger
    for _ in range(2):
        token = tree.tokens[node]
        if token.pos != "VERB" or token.feat("Number") != "Plur" or any(
                tree.rel(c) == "nsubj" for c in tree.children[node]):
            node = tree.head(node)
            if node is None:
                break
            continue
        for child in tree.children[node]:
            mention = tree.mention_at.get(child)
            if (tree.preposition(child) == "в" and mention and mention.actor
                    and mention.actor.sector == "GOV" and mention.actor.country):
                return [Side(mention.actor, Span(mention.start, mention.end, mention.text))]
        node = tree.head(node)
        if node is None:
            break
    return []


def _place_target(tree: Tree, source: Side | None) -> list[Side]:
    """Where an attack on a thing no actor owns happened: `… в Украину`, not `из США`."""
    for i in range(len(tree.tokens)):
        mention = tree.mention_at.get(i)
        if (mention and mention.actor and mention.actor.country
                and tree.preposition(i) in ("в", "на")
                and (source is None or mention.actor.country != source.actor.country)
                and not _beside_border(tree, mention)):
            return [Side(Actor(mention.actor.country, mention.actor.country, None,
                               mention.actor.name), Span(mention.start, mention.end,
                                                         mention.text))]
    return []


# People a state acts on at home: `уничтожать оппозицию`, `разгон манифестантов`.
CITIZENS = frozenset({
    "оппозиция", "оппозиционер", "манифестант", "демонстрант", "протестующий", "журналист",
    "активист", "диссидент", "правозащитник", "гражданин", "житель", "население",
    "противник", "критик", "блогер", "студент",
})


# Who is expelled, deported or extradited is a foreigner, not one of the state's own people.
FOREIGNERS = frozenset({"экстрадировать", "депортировать", "выслать", "высылать", "выдворить",
                        "выдворять"})


def _domestic(tree: Tree, trigger: int, slots: Sequence[str], source: Side) -> list[Side]:
    """The target of a state's force or coercion that is one of its own people, named but
    not an actor: `Путин изгнал медиа-магната Гусинского`, `уничтожать оппозицию`."""
    country = source.actor.country
    if country is None:
        return []
    for name in slots:
        for i in slot(tree, trigger, name):
            named = [c for c in tree.children[i] if tree.rel(c) in ("appos", "flat:name")]
            mention = tree.mention_at.get(i) or next(  # `медиа-магната Гусинского`
                (tree.mention_at[c] for c in named if c in tree.mention_at), None)
            person = mention is not None and mention.kind == "PER" and not (
                mention.actor and mention.actor.code)
            if person or (mention is None and tree.tokens[i].lemma in CITIZENS):
                token = tree.tokens[i]
                start, end, text = ((mention.start, mention.end, mention.text) if mention
                                    else (token.start, token.end, token.text))
                sector = "OPP" if token.lemma.startswith("оппозици") else "CVL"
                return [Side(Actor(f"{country}{sector}", country, sector, token.lemma),
                             Span(start, end, text))]
    return []


def _phrase(tree: Tree, span: Span) -> set[int]:
    """The tokens of the phrase a span heads: `страной НАТО Турцией` with `НАТО` in it."""
    inside = [i for i, t in enumerate(tree.tokens) if span.start <= t.start < span.end]
    roots = [i for i in inside if tree.head(i) not in inside]
    roots = [tree.head(r) if tree.rel(r) in ("appos", "flat:name") and tree.head(r) is not None
             else r for r in roots]  # `страной НАТО Турцией`: the phrase of `страной`
    return set(inside).union(*(_subtree(tree, r) for r in roots))


# Prepositions of a cause or a topic: `санкции из-за Украины` are not against Ukraine.
ABOUT = frozenset({"из-за", "из - за", "по поводу", "в связи с", "благодаря", "о", "об",
                   "вокруг", "насчет", "касательно"})


def _a_place(tree: Tree, i: int, mention: Mention) -> bool:
    """A place named as where something happens (`в Вене`, `на Украине`), or a cause or
    topic (`из-за Украины`): not a party to the act."""
    preposition = tree.preposition(i)
    return preposition in ABOUT or (mention.kind in ("LOC", "LOCORG")
                                     and preposition in SPATIAL and tree.case(i) == "Loc")


def _nearest_other(tree: Tree, trigger: Trigger, sources: Sequence[Side],
                   symmetric: bool = False) -> list[Side]:
    """The side an act is aimed at when no slot names it: the nearest other actor in the
    sentence, after the trigger first (`Евросоюз ввел санкции, и Москва ответила …`); never
    one of the sources, nor a name inside their phrases (`Ассамблея ООН`) unless the act is
    mutual (`заседание Совета НАТО-Россия`)."""
    country = sources[0].actor.country or sources[0].actor.code
    taken = {(s.actor.country or s.actor.code) for s in sources}
    phrases = set() if symmetric else set().union(*(_phrase(tree, s.span) for s in sources))
    candidates = []
    for i, mention in sorted(tree.mention_at.items()):
        actor = mention.actor
        if actor is None or not actor.code or mention.kind in ("ADJ",):
            continue
        if (actor.country or actor.code) in taken | {country} or i in phrases:
            continue
        if _beside_border(tree, mention) or _a_place(tree, i, mention):
            continue  # `у границы с Румынией`, `договорились в Вене` say where, not whom
        after = mention.start >= tree.tokens[trigger.last].end
        distance = (mention.start - tree.tokens[trigger.last].end if after
                    else tree.tokens[trigger.first].start - mention.end)
        if distance <= (GUESS_AFTER if after else GUESS_BEFORE):
            candidates.append((distance + (0 if after else 1000), mention))
    if not candidates:
        return []
    return [_side(min(candidates, key=lambda c: c[0])[1])]


def _mode(tree: Tree, trigger: Trigger) -> str | None:
    """The lexicon's mode, or one a nearby word gives (`ракетного обстрела`, `атаку
    десятками дронов`: aerial)."""
    if trigger.predicate.mode:
        return trigger.predicate.mode
    words = MODE_WORDS.get(trigger.predicate.type, {})
    window = range(max(0, trigger.first - 2), min(len(tree.tokens), trigger.last + 5))
    return next((words[tree.tokens[i].lemma] for i in window if tree.tokens[i].lemma in words),
                None)


def _subtree(tree: Tree, root: int, depth: int = 3) -> set[int]:
    found, frontier = {root}, [root]
    for _ in range(depth):
        frontier = [c for n in frontier for c in tree.children[n]]
        found.update(frontier)
    return found


def _location(tree: Tree, trigger: Trigger, until: int,
              used: set[tuple[int, int]]) -> Location | None:
    """A place the trigger's own clause gives (`атаковала … в Житомирской области`): in its
    subtree, or else the first one after it and before the next trigger."""
    after = range(trigger.last + 1, until)
    for i in [*sorted(_subtree(tree, trigger.head)), *after]:
        border = _border(tree, i)
        if border is not None:
            return border
        mention = tree.mention_at.get(i)
        if mention is None or (mention.start, mention.end) in used:
            continue
        if mention.kind in ("LOC", "LOCORG") and tree.preposition(i) in SPATIAL:
            return _resolve_place(tree, mention)
    return None


def _beside_border(tree: Tree, mention: Mention) -> bool:
    for i, token in enumerate(tree.tokens):
        if mention.start <= token.start < mention.end:
            head = tree.head(i)
            return head is not None and tree.tokens[head].lemma == "граница"
    return False


def _border(tree: Tree, i: int) -> Location | None:
    """`у границы с Румынией`: near a border, on a side the sentence does not say."""
    if tree.tokens[i].lemma != "граница" or tree.preposition(i) not in SPATIAL:
        return None
    for child in tree.children[i]:
        mention = tree.mention_at.get(child)
        if mention is not None and mention.actor is not None and tree.preposition(child) == "с":
            return Location(f"граница с {mention.text}")  # as written: `с Румынией`
    return None


def _resolve_place(tree: Tree, mention: Mention) -> Location:
    """The gazetteer's place for the mention's words, or at least its actor's country."""
    lemmas = [t.lemma for t in tree.tokens if mention.start <= t.start and t.end <= mention.end]
    place = lookup(lemmas, common_words=False) if lemmas else None
    if place is not None:
        return Location(place.name, place.country, place.lat, place.lon)
    country = mention.actor.country if mention.actor else None
    return Location(mention.normal or mention.text, country)


def _with_agent(tree: Tree, trigger: Trigger, p: Predicate) -> Predicate:
    """A noun's agent in the instrumental makes its genitive the target: `аннексия Крыма
    Россией` (Россия → Украина), not `атака России` (Россия as the attacker)."""
    if tree.tokens[trigger.head].pos != "NOUN" or not _fill(tree, trigger.head,
                                                           ("instrumental",)):
        return p
    return dataclasses.replace(p, source=("instrumental",),
                               target=("genitive", *(t for t in p.target if t != "genitive")))


def _question(text: str, sentence: Sentence) -> bool:
    """A question reports no act: `Существует ли сегодня диалог между Украиной и Россией?`"""
    return text[sentence.start : sentence.end].rstrip(" »\"").endswith("?")


@dataclass
class _Document:
    """What the coder remembers while it reads one document."""

    analysis: Analysis
    quotes: list[tuple[int, int, Attribution]]

    @functools.cached_property
    def starts(self) -> list[int]:
        return [m.start for m in self.analysis.mentions]

    @functools.cached_property
    def genders(self) -> dict[int, str]:
        """The grammatical gender of each mention's first noun, by the mention's start."""
        nouns = {t.start: t for s in self.analysis.sentences for t in s.tokens
                 if t.pos in ("NOUN", "PROPN")}
        found = {}
        for mention in self.analysis.mentions:
            for start in range(mention.start, mention.end):
                token = nouns.get(start)
                if token is not None:
                    if token.feat("Gender"):
                        found[mention.start] = token.feat("Gender")
                    break
        return found


class CodeEvents:
    """Stage: events from the parsed sentences of each analysed document."""

    name = "events"

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None,
                 speech: SpeechWords | None = None):
        self.lexicon = lexicon or load_lexicon()
        self.ontology = ontology or load_ontology()
        self.speech = speech or load_speech()
        self.hostile = frozenset(lemma for lemma, p in self.lexicon.words.items()
                                 if p.type in HOSTILE)

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        return [self._code(a) if a.analysed and a.sentences else a for a in batch]

    @functools.cached_property
    def _triggers(self) -> frozenset[str]:
        return self.lexicon.lemmas

    def may_code(self, lemmas: set[str]) -> bool:
        """Whether a sentence with these lemmas may hold an event: a trigger word, or a
        reporting word with a word of blame or praise (what the parser is worth running
        for)."""
        if not lemmas.isdisjoint(self._triggers):
            return True
        speech = self.speech
        return not lemmas.isdisjoint(speech.reporting) and not (
            lemmas.isdisjoint(speech.blame) and lemmas.isdisjoint(speech.praise))

    def _code(self, analysis: Analysis) -> Analysis:
        state = _Document(analysis, quoted_speakers(analysis.document.text))
        text = analysis.document.text
        events = [e for sentence in analysis.sentences
                  if sentence.parsed and not _question(text, sentence)
                  for e in self._sentence(state, sentence)]
        return dataclasses.replace(analysis, events=tuple(_unique(events)))

    def _sentence(self, state: _Document, sentence: Sentence) -> Iterator[Event]:
        everything = state.analysis.mentions  # in document order
        first = bisect.bisect_left(state.starts, sentence.start)
        last = bisect.bisect_left(state.starts, sentence.end)
        tree = Tree(sentence.tokens, everything[first:last], everything[:last], state.genders)
        triggers = find_triggers(tree, self.lexicon)
        last_source: dict[str, Side] = {}  # a missing attacker is the last one in the sentence
        for n, trigger in enumerate(triggers):
            if not_an_act(tree, trigger, triggers):
                continue
            p = trigger.predicate
            until = triggers[n + 1].first if n + 1 < len(triggers) else len(tree.tokens)
            noun = self._noun_predicate(trigger)
            p = _with_agent(tree, trigger, p)
            sources = (_fill(tree, trigger.head, p.source)
                       or (trigger.noun is not None
                           and _fill(tree, trigger.noun, (noun or p).source))
                       or _governor_fill(tree, trigger.head, ("subject",))
                       or _own_subject(tree, trigger.head)
                       or _seat_subject(tree, trigger.head)
                       or _shared(tree, trigger.head, p.source))
            sources = [side for side in sources if not side.place]  # `захват Крыма`
            targets = (_fill(tree, trigger.head, p.target)
                       or (trigger.noun is not None
                           and _fill(tree, trigger.noun, (noun or p).target))
                       or _governor_fill(tree, trigger.head, (*p.target, "dative"))
                       or _shared(tree, trigger.head, p.target)
                       or _under(tree, trigger.head))
            symmetric = p.symmetric or (noun is not None and noun.symmetric)
            both_ways = symmetric and len(sources) >= 2
            if both_ways:  # `между Украиной и Азербайджаном`, `X и Y договорились`: each side
                sources, targets = sources[:2], sources[:2]
            if not targets and p.type == "ASSAULT":
                targets = _place_target(tree, sources[0] if sources else None)
            if (sources and p.type in ("ASSAULT", "COERCE") and p.lemma not in FOREIGNERS
                    and not any(t.actor.code or t.actor.country for t in targets)):
                targets = _domestic(tree, trigger.head, p.target, sources[0]) or targets
            guessed = not targets and bool(sources)
            if guessed and p.type not in UNGUESSED:
                targets = _nearest_other(tree, trigger, sources, symmetric)
            inherited = False
            if not sources and targets and p.type in INHERITED and p.type in last_source:
                sources, inherited = [last_source[p.type]], True  # `армия РФ атаковала …, а
            if not sources:                                          # также был нанесен ущерб …`
                continue
            if not targets and p.target and p.type != "ASSAULT":
                continue  # a non-violent act aimed at someone unnamed: too unsure to code
            last_source[p.type] = sources[0]
            for source, target in [(s, t) for s in sources[:3] for t in targets[:3] or [None]]:
                if not (source.actor.code or source.actor.country):
                    continue  # a name no dictionary knows cannot be coded
                if target is not None and target.actor.code == source.actor.code:
                    continue
                if (target is not None and p.type == "CONSULT"
                        and target.actor.country == source.actor.country):
                    continue  # a visit at home (`прибыл в Екатеринбург`) is no relation
                yield self._event(state, tree, sentence, trigger, until, source, target,
                                  inherited or guessed, (*sources, *targets))
        for report in reports(tree, self.speech, self.hostile):
            yield from self._report(state, tree, sentence, report)

    def _report(self, state: _Document, tree: Tree, sentence: Sentence,
                report: Report) -> Iterator[Event]:
        """An accusation (or praise) in reported speech: each speaker towards the first other
        actor named in what is said, and the actors coordinated with it (`в адрес США и
        ЕС`)."""
        sources = [s for s in _speakers(tree, report.verb)
                   if s.actor.code or s.actor.country]
        countries = {_key(s) for s in sources}
        targets: list[Side] = []
        for i in sorted(report.content):
            mention = tree.mention_at.get(i)
            actor = mention.actor if mention else None
            if actor is not None and actor.code and (actor.country or actor.code) not in countries:
                targets = [_side(mention)] + [
                    _side(tree.mention_at[c]) for c in tree.conjuncts(i)[1:]
                    if c in tree.mention_at and tree.mention_at[c].actor is not None
                    and tree.mention_at[c].actor.code]
                break
        verb = tree.tokens[report.verb]
        predicate = dataclasses.replace(SPEECH[report.type], lemma=verb.lemma)
        trigger = Trigger(report.verb, predicate, report.verb, report.verb)
        # what is said has a modality of its own: `стремится ослабить, считает X` is an
        # intent reported, the accusation itself is a fact
        said = ("negated" if any(tree.tokens[c].lemma == "не" for c in tree.children[report.verb])
                else "predicted" if verb.feat("Tense") == "Fut" else "factual")
        for source in sources[:3]:
            for target in targets[:3]:
                event = self._event(state, tree, sentence, trigger, len(tree.tokens), source,
                                    target, False)
                yield dataclasses.replace(event, modality=said)

    def _noun_predicate(self, trigger: Trigger) -> Predicate | None:
        """A light verb's noun as a trigger word of its own (`соглашение`), whose slots find
        the arguments hung on the noun: `заключенного соглашения между Украиной и …`."""
        if trigger.noun is None:
            return None
        return self.lexicon.words.get(trigger.noun_lemma)

    def _event(self, state: _Document, tree: Tree, sentence: Sentence, trigger: Trigger,
               until: int, source: Side, target: Side | None, inherited: bool,
               sides: Sequence[Side] = ()) -> Event:
        """The event, located by a place its sides (`sides`: all of the trigger's) are not."""
        document = state.analysis.document
        text = document.text
        p = trigger.predicate
        start, end = tree.tokens[trigger.first].start, tree.tokens[trigger.last].end
        attribution = attribution_in(tree, trigger.head, text) or next(
            (a for open_, close, a in state.quotes if open_ <= start < close), None)
        code = self.ontology.cameo[p.cameo]
        used = {(side.span.start, side.span.end) for side in (source, target, *sides) if side}
        digest = hashlib.sha256(
            f"{document.id}:{start}:{end}:{source.actor.code}:{target and target.actor.code}:"
            f"{p.type}".encode()).hexdigest()[:16]
        confidence = 0.9 - 0.3 * inherited - 0.1 * (source.actor.code is None)
        return Event(
            id=digest, doc_id=document.id,
            date=event_date(document.date, tree.tokens),
            source=source.actor, target=target.actor if target else None,
            type=p.type, mode=_mode(tree, trigger), cameo=p.cameo,
            quad_class=code.quad_class, goldstein=code.goldstein,
            modality=modality(tree, trigger.head, p.type, attribution, p.negative),
            trigger=Span(start, end, text[start:end]),
            sentence=Span(sentence.start, sentence.end, text[sentence.start : sentence.end]),
            source_span=source.span, target_span=target.span if target else None,
            attribution=attribution_record(attribution),
            location=_location(tree, trigger, until, used), confidence=round(confidence, 2),
        )


def attribution_record(attribution: Attribution | None) -> AttributionRecord | None:
    if attribution is None:
        return None
    return AttributionRecord(attribution.text, attribution.start, attribution.end,
                             attribution.code)


def _unique(events: list[Event]) -> Iterator[Event]:
    seen = set()
    for event in events:
        key = (event.sentence.start, event.type, event.source.code, event.target and
               event.target.code, event.trigger.start)
        if key not in seen:
            seen.add(key)
            yield event

