"""The source and target of a trigger, found by named rules tried in order (razdel's
`RULES` style): the first rule that finds a side wins, and the coder knows which one did
(an explicit subject is surer than a side borrowed from a governing verb).

Each rule is a function of the act (`Act`: the parse, the trigger, the slots its
predicate names for the side sought) that returns the sides it finds, or nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..records import Actor
from . import sides
from .arguments import Tree, slot, stray_phrases
from .lexicon import Lexicon, Predicate
from .modality import WORDS as MODALITY
from .modality import condition
from .sides import (
    CONTROL_NOUNS,
    ORGANS,
    TOLD_WITH,
    Side,
    asks_an_act,
    done_by_verb,
    fill,
    fill_head,
    governor_fill,
    places_aimed,
    refused,
    shared,
    thing_aimed,
    under,
)
from .triggers import MESSAGES, Trigger, receiving_subject
from .words import grammar, words


@dataclass(frozen=True, slots=True)
class Act:
    """A trigger seen from one of its sides: the slots its predicate names for that side,
    and those of its light verb's noun (`noun_slots`, empty when it has none)."""

    tree: Tree
    trigger: Trigger
    predicate: Predicate
    slots: Sequence[str]
    noun_slots: Sequence[str] = ()
    told_own: bool = False  # an act of a kind that, told of with `о`, is the teller's
    cancellable: bool = False  # an act of a kind that, cancelled, is who cancels it's
    lexicon: Lexicon | None = None  # which words take which prepositions themselves
    # the same side's slots of the sentence's other act words, by token: how their own
    # sides are found (`аннексии Крыма и интервенцию Москвы`: the doer of `интервенцию` is
    # its genitive, that of `аннексии` its adjective or instrumental)
    others: Mapping[int, Sequence[str]] = field(default_factory=dict)
    # the codes of acts by the organ of the state of whom they are aimed at, when no doer
    # and no place is named (the ontology's `patients-state` policy)
    patients_codes: tuple[str, ...] = ()
    # the CAMEO codes of the sentence's other act words
    other_codes: tuple[str, ...] = ()


Rule = Callable[[Act], list[Side]]


# ---------------------------------------------------------------- the valency of act nouns
# A noun names one side in the genitive and the others with phrases of their own. Which
# side the genitive is depends on the noun and on what else is named: the lexicon gives
# each noun's usual reading (`визит Обамы`: the doer; `арест Бхутто`: the one arrested),
# and these rules read it again when another phrase already names one of the two sides.
# Each takes the predicate and returns it with its slots read again, or None.
Valency = Callable[[Tree, int, Predicate, Lexicon], "Predicate | None"]


def agent_makes_genitive_patient(tree: Tree, noun: int, p: Predicate, lexicon: Lexicon
                                 ) -> Predicate | None:
    """A doer in the instrumental leaves the genitive the side acted on: `аннексия Крыма
    Россией` (Russia → Ukraine), `ликвидации американским спецназом лидера Аль-Кайды`; `атака
    России` with no instrumental keeps Russia as the attacker."""
    if not fill(tree, noun, ("instrumental",)):
        return None
    return dataclasses.replace(p, source=("instrumental",),
                               target=("genitive", *(t for t in p.target if t != "genitive")))


def patient_phrase_makes_genitive_agent(tree: Tree, noun: int, p: Predicate,
                                        lexicon: Lexicon) -> Predicate | None:
    """A noun whose genitive is usually the side acted on (`критика Пекина`, `помощь
    Сирии`, `расследование убийства`) has its doer in the genitive when a phrase of its own
    that names only the side acted on (the lexicon's `aimed_slots`) names an actor:
    `критика Вашингтона в адрес Пекина`, `расследование ФБР в отношении России` (one noun,
    one genitive: the side the other phrases leave)."""
    if "genitive" not in p.target or "genitive" in p.source:
        return None
    others = tuple(t for t in p.target if t != "genitive")
    aimed = tuple(t for t in others if t in lexicon.aimed_slots)
    if not any(not side.place for side in fill(tree, noun, aimed)):
        return None
    return dataclasses.replace(p, source=(*p.source, "genitive"), target=others)


VALENCY_RULES: list[Valency] = [agent_makes_genitive_patient,
                                patient_phrase_makes_genitive_agent]


def read_valency(tree: Tree, trigger: Trigger, p: Predicate, lexicon: Lexicon) -> Predicate:
    """The predicate of a noun trigger with its genitive read by the first valency rule that
    applies (`VALENCY_RULES`); a verb's, or a noun's no rule applies to, as it is."""
    if tree.tokens[trigger.head].pos not in ("NOUN", "PROPN"):  # `Аннексия`, first in a
        return p  # sentence, may be taken for a name
    return next(filter(None, (rule(tree, trigger.head, p, lexicon) for rule in VALENCY_RULES)),
                p)


def explicit_slot(act: Act) -> list[Side]:
    """A slot of the trigger word itself: `Россия ввела санкции против Ирана`; not a subject
    that is itself an act (`act_as_subject`)."""
    slots = act.slots
    if "subject" in slots and act_as_subject(act):
        slots = [s for s in slots if s != "subject"]
    return fill(act.tree, act.trigger.head, slots)


def act_as_subject(act: Act) -> bool:
    """Whether the verb's subject is a noun that names an act of its own (a word of the
    lexicon): `российские санкции ударили по туризму`, `гуманитарная помощь России прибыла
    в Латакию`. Such a noun's owner is the doer of the noun's act, which the noun codes
    itself, not of the verb's (a figure of speech: sanctions strike no one)."""
    if act.lexicon is None or act.tree.tokens[act.trigger.head].pos != "VERB":
        return False
    tree = act.tree
    subjects = slot(tree, act.trigger.head, "subject")
    return bool(subjects) and all(
        tree.tokens[i].pos in ("NOUN", "PROPN") and i not in tree.mention_at
        and tree.tokens[i].lemma in act.lexicon.words for i in subjects)


def explicit_doer(act: Act) -> list[Side]:
    """A doer's slot of the trigger word itself: `Россия ввела санкции против Ирана`,
    `задержан сотрудниками милиции Беларуси`. A place where the act happened (a locative
    `в`, `на`: `арестован в Греции`, `арестовали в салоне самолета Air France`) is no doer,
    even where the lexicon lists the preposition among the doer's slots: an organ's act
    there is read by `organ_of_place` as that place's state's (never as the place's owner's,
    `Air France`). `вызвал посла в МИД` (accusative: where to) is still the doer's slot."""
    tree, head = act.tree, act.trigger.head
    slots = act.slots
    if "subject" in slots and act_as_subject(act):  # `российские санкции ударили`
        slots = [s for s in slots if s != "subject"]
    for name in slots:
        if not name.startswith("prep:") or name[5:] not in sides.AT:
            found = fill(tree, head, (name,))
        else:
            found = [side for k in slot(tree, head, name) if tree.case(k) != "Loc"
                     for side in fill_head(tree, k)]
        if found:
            return found
    return []


def noun_slot(act: Act) -> list[Side]:
    """A slot of a light verb's noun: `заключение соглашения между Украиной и ЕС`."""
    if act.trigger.noun is None:
        return []
    return fill(act.tree, act.trigger.noun, act.noun_slots)


def aimed_by_participle(act: Act) -> list[Side]:
    """Whom a noun's act is aimed at, said by a participle of aiming (words/aimed.txt) that
    describes it: `акция протеста, направленная против политики властей Москвы`."""
    return sides.aimed_phrase(act.tree, act.trigger.head, act.slots)


def verb_phrase_below_noun(act: Act) -> list[Side]:
    """A light verb's own prepositional phrase that the parser hung below the verb's noun,
    after a phrase of the noun: `возложила ответственность за отравление на Россию` (`на
    Россию` on `отравление`), `собрала силы для операции у границ Сирии`. Not when the word
    it hangs on is a trigger that takes that preposition itself (`ответственность за нападение
    на Украину`: Ukraine was attacked, not blamed), unless it is the second such phrase there
    (`за нападение на конвой на Киев`) or that trigger is of the act's own type (`вышли на
    акцию протеста против президента`)."""
    if act.trigger.noun is None:
        return []
    tree, lexicon = act.tree, act.lexicon
    for name in act.slots:
        if not name.startswith("prep:"):
            continue
        phrases = stray_phrases(tree, act.trigger.noun, name[5:])
        heads = [k for k in phrases if lexicon is None
                 or not _takes(lexicon, tree.tokens[tree.head(k) or 0].lemma, name)
                 or _same_act(lexicon, tree.tokens[tree.head(k) or 0].lemma, act)
                 or any(j < k and tree.head(j) == tree.head(k) for j in phrases)]
        found = [side for k in heads for side in fill_head(tree, k)]
        if found:
            return found
    return []


def phrase_under_agent(act: Act) -> list[Side]:
    """A passive verb's own prepositional phrase that the parser hung on its agent, a name
    in the instrumental (a name takes no such phrase of its own): `санкции вводятся
    Евросоюзом против России`, `удары наносятся российской авиацией по Алеппо`."""
    tree, head = act.tree, act.trigger.head
    if tree.tokens[head].pos != "VERB" or not tree.is_passive(head):
        return []
    agents = [k for k in slot(tree, head, "instrumental") if k in tree.mention_at]
    names = [n for n in (*act.slots, *act.noun_slots) if n.startswith("prep:")]
    return [side for k in agents for side in fill(tree, k, names)]


def noun_phrase_on_verb(act: Act) -> list[Side]:
    """A prepositional phrase of an act noun that the parser hung on the verb the noun is
    the subject of, when that verb is no act word of its own: `Визит Путина и Лукашенко в
    Китай завершился` (`в Китай` on `завершился`), `санкции против России продлены`."""
    tree, noun, lexicon = act.tree, act.trigger.head, act.lexicon
    head = tree.head(noun)
    if (lexicon is None or head is None or tree.tokens[noun].pos != "NOUN"
            or tree.rel(noun) not in ("nsubj", "nsubj:pass")
            or tree.tokens[head].pos not in ("VERB", "AUX")
            or tree.tokens[head].lemma in lexicon.words):
        return []
    return fill(tree, head, [name for name in act.slots if name.startswith("prep:")])


FEAR = words("fear")


def feared_by(act: Act) -> list[Side]:
    """Who fears or expects an act that names no one it is aimed at is its target: the
    subject of a verb of fearing (words/fear.txt) the act noun is the object of: `Грузия
    опасается нападения России`, `Израиль ожидает ударов со стороны Ирана`."""
    tree, noun = act.tree, act.trigger.head
    head = tree.head(noun)
    if (head is None or tree.tokens[noun].pos != "NOUN" or tree.rel(noun) not in ("obj", "obl")
            or tree.preposition(noun) is not None or tree.tokens[head].lemma not in FEAR):
        return []
    return fill(tree, head, ("subject",))


def _same_act(lexicon: Lexicon, lemma: str, act: Act) -> bool:
    """Whether the trigger word `lemma` names an act of the trigger's own type: `вышли на
    акцию протеста против президента` (the protest's phrase is the march's)."""
    word = lexicon.words.get(lemma)
    return word is not None and word.type == act.predicate.type


def _takes(lexicon: Lexicon, lemma: str, slot: str) -> bool:
    """Whether the trigger word `lemma` has the slot (a preposition) of its own."""
    word = lexicon.words.get(lemma)
    return word is not None and slot in (*word.source, *word.target)


def _receiver(act: Act) -> int | None:
    """The verb that receives the act of the trigger noun (`получила отказ`, `подверглась
    нападению`, `столкнулась с санкциями`): its head, when the lexicon's `receivers` list it
    and the noun is its object or phrase with the receiver's preposition; None otherwise."""
    trigger, tree = act.trigger, act.tree
    noun, head = trigger.head, tree.head(trigger.head)
    if (head is not None and tree.tokens[head].lemma in MESSAGES
            and tree.case(noun) == "Gen"):  # `получила слова поддержки`: the message's
        noun, head = head, tree.head(head)  # place is the act's
    if (act.lexicon is None or trigger.noun is not None or head is None
            or tree.tokens[noun].pos != "NOUN"
            or tree.rel(noun) not in ("obj", "obl", "iobj")
            or receiving_subject(tree, noun)):  # `Предложение компании получило отказ`
        return None
    receiver = act.lexicon.receivers.get(tree.tokens[head].lemma)
    if receiver is None or tree.preposition(noun) != receiver.prep:
        return None
    return head


def received_from(act: Act) -> list[Side]:
    """Who does an act another receives: the receiver's slots on the verb (`от`, `со
    стороны`), else the noun's own (the parser hangs a phrase on either), its genitive or
    adjective (`Грузия получила отказ от НАТО`, `подверглась нападению России`). The slots
    are the receiver's, in the lexicon's `receivers`."""
    verb = _receiver(act)
    if verb is None or act.lexicon is None:
        return []
    slots = act.lexicon.receivers[act.tree.tokens[verb].lemma].source
    return fill(act.tree, verb, [s for s in slots if s.startswith("prep:")]) or fill(
        act.tree, act.trigger.head, slots)


def received_by(act: Act) -> list[Side]:
    """Whoever receives or undergoes an act is its target: the subject of the receiving verb
    (`Грузия получила отказ от НАТО`, `Грузия подверглась нападению России` → Georgia),
    before any slot of the noun (its `от`, the thing refused, is here the giver)."""
    verb = _receiver(act)
    return [] if verb is None else fill(act.tree, verb, ("subject",))


def doer_on_verb(act: Act) -> list[Side]:
    """Who does the act a noun names, told by `со стороны` on the verb the noun is the
    subject of: `Со стороны России последовали угрозы в адрес Украины`, `критика прозвучала
    со стороны Пекина`, `со стороны Москвы не последовало возражений` (a verb of coming
    about: the act's doer is said beside it)."""
    tree, noun = act.tree, act.trigger.head
    head = tree.head(noun)
    if (head is None or tree.tokens[noun].pos != "NOUN"
            or tree.rel(noun) not in ("nsubj", "nsubj:pass")
            or tree.tokens[head].pos not in ("VERB", "AUX")):
        return []
    return fill(tree, head, (sides.DOER,))


EFFORTS = words("efforts")  # `усилия`, `планы`, `меры`: whose `по`-act is their holder's
BY_WAY_OF = grammar("by")  # the preposition of an effort's act: `по`


def will_about_act(act: Act) -> list[Side]:
    """An act a will is about (`о` on `решение`, `намерение`, `план`: `words/control-nouns.txt`)
    is the act of who has the will: `решение Евросоюза о продлении санкций`, `американский
    план о выводе войск`; so is the act an effort is by way of (`по` on `усилия`, `меры`,
    `программа`: `words/efforts.txt`): `усилия Москвы по поддержке Асада`, `планы США по
    размещению ракет`; else of who takes the decision or makes the effort (`ЕС принял
    решение о введении санкций`, the verb doing the noun's act, as `governor_subject` takes
    it)."""
    tree, noun = act.tree, act.trigger.head
    head = tree.head(noun)
    if head is None or tree.tokens[noun].pos not in ("NOUN", "PROPN") or not (
            (tree.preposition(noun) == TOLD_WITH and tree.tokens[head].lemma in CONTROL_NOUNS)
            or (tree.preposition(noun) == BY_WAY_OF and tree.tokens[head].lemma in EFFORTS)):
        return []
    return fill(tree, head, ("genitive", "adjective")) or governor_fill(tree, head, ("subject",))


def governor_subject(act: Act) -> list[Side]:
    """The subject of the verb above: `Россия пригрозила ввести санкции`, `Азербайджан
    направил помощь`."""
    return governor_fill(act.tree, act.trigger.head, ("subject",), told_own=act.told_own)


def denier_own(act: Act) -> list[Side]:
    """An act a denial tells with no doer of its own is the denier's: one denies what one's
    own side is said to have done (the guide: `Ереван опроверг сообщения о переговорах` codes
    Yerevan's talks, negated): `Турция опровергла информацию о поставках беспилотников`,
    `отрицает удар по больнице`. The act is a noun, the object of a verb of denial
    (`modality/denials.txt`) or told with `о` by a report (`reports.txt`) that is."""
    tree, noun = act.tree, act.trigger.head
    head = tree.head(noun)
    if head is None or tree.tokens[noun].pos != "NOUN":
        return []
    denials = MODALITY.denials | MODALITY.disowning
    if (tree.tokens[head].lemma in MODALITY.reports
            and tree.preposition(noun) == grammar("about") and tree.rel(head) == "obj"):
        verb = tree.head(head)
        if verb is not None and tree.tokens[verb].lemma in denials:
            return fill(tree, verb, ("subject",))
    elif tree.tokens[head].lemma in MODALITY.denials and tree.rel(noun) == "obj":
        return fill(tree, head, ("subject",))
    return []


def condition_doer(act: Act) -> list[Side]:
    """A response promised under a condition is aimed at the condition's doer: `Россия
    примет ответные меры, если НАТО разместит ракеты` (NATO), `в случае нападения Израиля`
    (its genitive)."""
    tree, head = act.tree, act.trigger.head
    if (act.predicate.type != "THREATEN"
            or tree.tokens[head].lemma not in MODALITY.responses):
        return []
    chain = [head, *([h] if (h := tree.head(head)) is not None
                     and tree.rel(head) == "xcomp" else [])]
    found = condition(tree, chain)
    if found is None:
        return []
    if tree.tokens[found].pos == "VERB":
        return fill(tree, found, ("subject",))
    return [side for c in tree.children[found] if tree.rel(c) == "nmod"
            for side in fill(tree, c, ("genitive", "adjective"))]


def cancelled_own(act: Act) -> list[Side]:
    """An act cancelled or put off with no doer of its own is who cancels it (the ontology's
    `cancellable` policy): `Госсекретарь США отменил визит в Пекин`, `Президент Франции
    отложил переговоры с Индией`."""
    tree, noun = act.tree, act.trigger.head
    head = tree.head(noun)
    if not act.cancellable or head is None or tree.tokens[noun].pos != "NOUN":
        return []
    if tree.tokens[head].lemma in MODALITY.cancellations and tree.rel(noun) == "obj":
        return fill(tree, head, ("subject",))
    return []


def charged_doer(act: Act) -> list[Side]:
    """Who is accused of the act: `обвинили ГРУ в кибератаке против Грузии` (not the
    subject of the verb above, whom `governor_subject` would take)."""
    return sides.charged(act.tree, act.trigger.head)


def aimed_doer(act: Act) -> list[Side]:
    """Whose measure is aimed at the act: `мер, принятых Бараком Обамой, направленных на
    нормализацию отношений с Кубой`."""
    return sides.aimed(act.tree, act.trigger.head)


def own_subject(act: Act) -> list[Side]:
    """`свое вторжение`: the act of its clause's subject."""
    return sides.own_subject(act.tree, act.trigger.head)


def seat_subject(act: Act) -> list[Side]:
    """`В Кремле заявили`: a seat of power as the unnamed subject of a plural verb."""
    acts = act.lexicon.words if act.lexicon is not None else frozenset()
    return sides.seat_subject(act.tree, act.trigger.head, told_own=act.told_own, acts=acts)


AROUSING = words("arousing")


def felt_in_seat(act: Act) -> list[Side]:
    """A feeling of disapproval (ACCUSE 11x, a noun: `недовольство`, `возмущение`, `критика`)
    that a thing arouses in a seat of power is that government's: `заявление Джонсона вызвало
    негодование в Москве`, `решение вызвало недовольство в Пекине` (`words/arousing.txt`; a
    place of another sector, `в стране`, is where people feel it, no one's act)."""
    tree, noun = act.tree, act.trigger.head
    verb = tree.head(noun)
    if (act.predicate.type != "ACCUSE" or not act.predicate.cameo.startswith("11")
            or tree.tokens[noun].pos != "NOUN" or verb is None
            or tree.tokens[verb].lemma not in AROUSING or tree.rel(noun) != "obj"):
        return []
    for child in (*tree.children[noun], *tree.children[verb]):
        mention = tree.mention_at.get(child)
        if (tree.preposition(child) == grammar("in") and mention is not None
                and mention.actor is not None and mention.actor.sector == "GOV"
                and mention.actor.country):
            return [sides.side_of(mention)]
    return []


def shared_slot(act: Act) -> list[Side]:
    """A slot of a coordinated noun: `российскую оккупацию и аннексию Крыма`; of a noun of
    another act, its own slot for the side: `аннексии Крыма и интервенцию Москвы` (Moscow,
    the doer of both)."""
    return shared(act.tree, act.trigger.head, act.slots, act.others)


def purpose_of_act(act: Act) -> list[Side]:
    """An act another act is done for is its doer's: `визит Обамы в Великобританию в
    поддержку Кэмерона` (the doer of the visit, by the visit's own slots)."""
    return sides.purpose(act.tree, act.trigger.head, act.others)


def governor_object(act: Act) -> list[Side]:
    """The object or dative of the verb above: `направил помощь Украине`, `пригрозила
    Украине ввести санкции`."""
    return governor_fill(act.tree, act.trigger.head, (*act.slots, "dative"))


MEDIATED_BY = words("mediated-by")  # `при посредничестве`


def mediated_sides(act: Act) -> list[Side]:
    """A mediation (CAMEO 045) told by a noun hung with `при` on the act it mediates is aimed
    at who does that act, each of its coordinated subjects and its `с` partner: `Президенты
    Азербайджана и Армении встретились при посредничестве ЕС` (EU→AZE, EU→ARM),
    `Россия и Украина обменялись пленными при посредничестве ОАЭ`."""
    tree, noun = act.tree, act.trigger.head
    head = tree.head(noun)
    if (act.predicate.cameo != "045" or head is None
            or tree.preposition(noun) not in MEDIATED_BY
            or tree.tokens[head].pos != "VERB"):
        return []
    found = fill(tree, head, ("subject",))
    for side in fill(tree, head, ("prep:" + grammar("with"),)):  # `встретились с X`
        if side not in found:
            found.append(side)
    return found


def demand_of_protest(act: Act) -> list[Side]:
    """A protest is aimed at whom the demand or blame voicing it names: `собрались на
    митинг, требуя отставки президента Грузии`, `вышли на улицы с требованием отставки
    правительства` (CAMEO 141x, a demonstration for a change; the demand is the protest's
    content, not an act of its own: acts.voice_of_a_protest)."""
    if act.predicate.type != "PROTEST":
        return []
    for voice in sides.protest_voices(act.tree, act.trigger):
        if voice in act.others:
            # `с требованием отставки президента`: whose is what is demanded
            demanded = ("genitive",) if act.tree.tokens[voice].pos == "NOUN" else ()
            found = fill(act.tree, voice, (*act.others[voice], *demanded))
            if found:
                return found
    return []


def rejected_doer(act: Act) -> list[Side]:
    """What a refusal rejects, told by a noun whose doer is `со стороны` rather than a
    genitive, was that doer's: `Израиль отверг критику со стороны ООН`, `отклонил
    предложения со стороны Китая` (as `отверг критику ООН`)."""
    if act.predicate.type != "REJECT":
        return []
    tree, head = act.tree, act.trigger.head
    doer = f"prep:{grammar('doer')}"
    return next((found for obj in slot(tree, head, "object")
                 if (found := fill(tree, obj, (doer,)))), [])


REACTIONS = words("reactions")
# The acts a reaction answers: verbal ones, aimed at who answers (an accusation, a
# demand, a threat, an offer); a material act is told, not answered.
ANSWERED = frozenset({"ACCUSE", "REQUEST", "THREATEN", "AGREE"})


def answered_by(act: Act) -> list[Side]:
    """A verbal act told by a noun that is the object of a verb reacting to it (refusing,
    denying, ignoring, fulfilling: `words/reactions.txt`) was aimed at who reacts: `Россия
    отвергает обвинения Киева` (Kyiv's accusation of Russia), `Пхеньян проигнорировал
    призыв Сеула`, `призыв был проигнорирован Пхеньяном` (a passive's agent)."""
    tree, head = act.tree, act.trigger.head
    verb = tree.head(head)
    if (verb is None or act.predicate.type not in ANSWERED or tree.tokens[head].pos != "NOUN"
            or tree.rel(head) not in ("obj", "nsubj:pass")
            or tree.tokens[verb].lemma not in REACTIONS):
        return []
    return fill(tree, verb, ("subject",)) or governor_fill(tree, verb, ("subject",))


PROVOKING = words("provoking")
# The acts that disapprove (criticism, protest, condemnation): aimed at what provoked them
# (a protest voiced by a state is PROTEST here, recoded ACCUSE by its policy later).
DISAPPROVING = frozenset({"ACCUSE", "PROTEST"})


def provoked_by(act: Act) -> list[Side]:
    """A disapproval told by a noun that is the object of a verb whose subject is an act
    noun (`words/provoking.txt`: `вызвать`) is aimed at the doer of that act, named by the
    act's own instrumental, genitive or adjective: `Признание Мадридом палестинского
    государства вызвало протест израильского МИД` (Israel → Spain), `визит Лаврова вызвал
    критику Киева`."""
    tree, head = act.tree, act.trigger.head
    verb = tree.head(head)
    if (verb is None or act.predicate.type not in DISAPPROVING
            or tree.tokens[head].pos != "NOUN" or tree.rel(head) != "obj"
            or tree.tokens[verb].lemma not in PROVOKING):
        return []
    for cause in [c for c in tree.children[verb] if tree.rel(c) == "nsubj"
                  and tree.tokens[c].pos == "NOUN" and c not in tree.mention_at]:
        found = fill(tree, cause, ("instrumental", "genitive", "adjective"))
        if found:
            return found
    return []


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


def decided_by(act: Act) -> list[Side]:
    """An act that names no doer is by whom its decision, order or plan is: `по решению
    суда Москвы журналист был арестован`, `согласно решению греческого суда должен быть
    экстрадирован` (not `по запросу США`: a request is another's)."""
    return sides.decided(act.tree, act.trigger.head)


def document_author(act: Act) -> list[Side]:
    """An act a document tells is its author's: `Совбез ООН принял резолюцию, осуждающую
    Израиль`, `распространил заявление, в котором осудил удары`, `в заявлении МИД России
    осуждаются удары` (`words/documents.txt`)."""
    return sides.authored(act.tree, act.trigger.head)


def organ_of_place(act: Act) -> list[Side]:
    """An arrest, charge or verdict that names no doer is by the organ of the state where
    it happened: `В Шанхае оштрафовали организатора`, `арестованный в Греции`."""
    return sides.organ_at(act.tree, act.trigger, act.predicate)


def participant(act: Act) -> list[Side]:
    """Who takes part in an act does it: `Германия участвовала в переговорах с Ираном`,
    `Турция приняла участие в операции против курдов`, `участие Франции в коалиции`, `Литва
    присоединилась к санкциям` (words/participation.txt)."""
    return sides.participant(act.tree, act.trigger.head)


def _describes(tree: Tree, verb: int) -> bool:
    """Whether the verb is a long participle that describes a person (`пакистанец,
    арестованный по подозрению`): held wherever, as often abroad as at home."""
    token = tree.tokens[verb]
    return token.feat("VerbForm") == "Part" and token.feat("Variant") != "Short"


def coordinated_organ(act: Act) -> list[Side]:
    """An act of an organ of law told by a verb that names no doer is by the organ that does
    the act of a verb coordinated with it: `Мэдофф был обвинен в афере и приговорен к сроку`
    (the charge the sentencing court's, however that court is found: its place, the organ
    named, the state of the one sentenced), `его задержали и судили в Москве`."""
    tree, head, lexicon = act.tree, act.trigger.head, act.lexicon
    if (lexicon is None or not sides.organ_act(act.predicate)
            or tree.tokens[head].pos not in ("VERB", "AUX") or _describes(tree, head)
            or not sides.agentless(tree, head, act.predicate)):
        return []
    above = tree.head(head)
    verbs = [c for c in tree.children[head] if tree.rel(c) == "conj"]
    if above is not None and tree.rel(head) == "conj":
        verbs = [above, *verbs, *(c for c in tree.children[above]
                                  if tree.rel(c) == "conj" and c != head)]
    for verb in verbs:
        other = lexicon.words.get(tree.tokens[verb].lemma)
        if (other is None or tree.tokens[verb].pos not in ("VERB", "AUX")
                or not sides.organ_act(other)):
            continue
        found = sides.organ_at(tree, Trigger(verb, other, verb, verb), other)
        if found:
            return found
    return []


def _patients(act: Act, slots: Sequence[str]) -> list[Side]:
    """Whom an act of an organ of law is aimed at: its own slots (on the trigger, or on a
    light verb's noun: `против него возбуждено дело`), else the subject that underwent it."""
    tree, trigger = act.tree, act.trigger
    return (fill(tree, trigger.head, slots)
            or (fill(tree, trigger.noun, slots) if trigger.noun is not None else [])
            or _undergone(act))


CUSTODY, RELEASE = "173", "0841"  # arrest and custody; release from it
# Nouns of custody and bail: a release told with one (`выпущен под залог`, `освобожден из
# тюрьмы`) or from under custody (`из-под стражи`) is by an organ of law, not by captors.
CUSTODY_NOUNS = words("custody")
OUT_OF_CUSTODY = grammar("out-from-under")
# Codes of the `patients-state` policy coded so only when a verb with no subject tells them
# (`его обвиняют`, `обвиняется во взятках`): a noun of accusation (`обвинения против
# премьера`) is as often a politician's as an organ of law's.
VERBAL = ("112",)


def patients_state(act: Act) -> list[Side]:
    """An act of an organ of law (the ontology's `patients-state` codes) that names neither
    its doer nor where it happened, told by a noun or by a verb with no subject, is by the
    organ of the state of the one it is aimed at, when the sentence names no other state:
    `Навальный вышел на свободу после административного ареста`, `армия подтвердила факт
    задержания президента Мурси`, `расследование в отношении Берлускони начато`, `против
    Навального возбуждено дело` (the guide: an unnamed organ whose state is clear). Not who
    is sent out of the country (`экстрадиция россиянина`: held abroad); nor custody that a
    release the sentence tells ends (`закончился срок ареста, и власти выпустили её на
    свободу`: the state she is released from, the release the act)."""
    tree, head, p = act.tree, act.trigger.head, act.predicate
    token = tree.tokens[head]
    if not act.patients_codes or not p.cameo.startswith(act.patients_codes) or (
            p.lemma in sides.EXTRADITE or sides.sent_away(tree, head)):
        return []
    if p.cameo.startswith(CUSTODY) and any(c.startswith(RELEASE) for c in act.other_codes):
        return []
    if p.cameo.startswith(RELEASE) and not (act.trigger.noun_lemma in CUSTODY_NOUNS
                                            or p.prep == OUT_OF_CUSTODY):
        return []  # `освобождение гражданина США`: hostages are released by their captors
    if token.pos in ("VERB", "AUX"):
        if not sides.agentless(tree, head, p) or _describes(tree, head):
            return []
    elif token.pos != "NOUN" or p.cameo.startswith(VERBAL):
        return []
    sector = "COP" if p.cameo.startswith("17") else "JUD"
    for side in _patients(act, act.predicate.target):
        actor = side.actor
        if (side.place or not actor.country or not actor.code
                or not actor.code.startswith(actor.country)
                or not sides.one_state(tree, actor.country)
                or (p.cameo.startswith(VERBAL) and not _role_of_state(tree, side))):
            continue
        return [Side(Actor(f"{actor.country}{sector}", actor.country, sector, actor.name),
                     side.span)]
    return []


def _role_of_state(tree: Tree, side: Side) -> bool:
    """Whether one accused is a role told with its state (`экс-президента Грузии`, `бывший
    министр обороны Армении`), whom that state's organs charge: not a state itself (`Россию
    обвиняют во вмешательстве` accuses, charges no one), nor a person told by name only, who
    may be charged abroad (`Селезнёва обвиняют в хищении`: in the United States)."""
    mention = next((m for m in tree.mentions if m.start == side.span.start), None)
    return (side.actor.sector is not None and mention is not None
            and mention.kind not in ("PER", "LOC", "LOCORG", "ADJ"))


def _undergone(act: Act) -> list[Side]:
    """The subject of the verb whose phrase of time or state (the lexicon's
    `undergone_slots`) the act noun heads: `вышел на свободу после ареста`."""
    tree, phrase = act.tree, act.trigger.head
    if (act.lexicon is None or tree.tokens[phrase].pos != "NOUN"
            or not sides.organ_act(act.predicate)):
        return []
    verb = tree.head(phrase)
    if (verb is not None and tree.tokens[verb].pos == "NOUN" and tree.rel(phrase) == "nmod"
            and tree.case(phrase) == "Gen" and tree.preposition(phrase) is None):
        phrase, verb = verb, tree.head(verb)  # `после 10 суток ареста`: the time it lasted
    if (verb is None or tree.tokens[verb].pos not in ("VERB", "AUX")
            or not any(phrase in slot(tree, verb, name)
                       for name in act.lexicon.undergone_slots)):
        return []
    return fill(tree, verb, ("subject",))


def undergone_by_subject(act: Act) -> list[Side]:
    """Who underwent an act of an organ of law that a noun names in a phrase of time or state
    of a verb (`Навальный вышел на свободу после ареста`, `провел год под арестом`), the noun
    naming no one, is that verb's subject."""
    return _undergone(act)


# Blocking passage (CAMEO 144: `в центре Москвы перекрыли движение`) by no one named is as
# often the police closing a street for a motorcade as a crowd's protest.
CLOSURES = ("144",)


def protest_site(act: Act) -> list[Side]:
    """A protest (PLOVER PROTEST, CAMEO 14x) whose doer no rule names, or names by a word no
    dictionary knows (`тысячи человек`, `акция протеста состоялась`, `вождь Бен Карнс`), is
    held by a crowd of the state where it is held, when its words name sites in one state
    only, and the sentence names no other state than theirs and whom the protest is
    against: `в Афинах прошёл митинг против политики США` (GRCCVL), `у здания мэрии
    Москвы состоялась акция протеста` (RUSCVL), `голодовка перед Белым домом` (USACVL)
    (sides.protest_site)."""
    if act.predicate.type != "PROTEST" or act.predicate.cameo.startswith(CLOSURES):
        return []
    found = sides.protest_site(act.tree, act.trigger)
    if not found:
        return []
    # `в Берлине прошла акция турецкой диаспоры`, `украинцы вышли на митинг в Варшаве`:
    # people abroad protest where they live; only a sentence that names no state but the
    # site's, whom the protest is against and a mission abroad (`у посольства Израиля в
    # Анкаре`) tells whose the crowd is
    tree, trigger, p = act.tree, act.trigger, act.predicate
    against = [*fill(tree, trigger.head, p.target), *(
        fill(tree, trigger.noun, p.target) if trigger.noun is not None else ())]
    states = {found[0].actor.country, *(side.actor.country for side in against)}
    if any(m.actor is not None and m.actor.country and m.actor.country not in states
           and not sides.mission(tree, m) for m in tree.mentions):
        return []
    return found


SOURCE_RULES: list[Rule] = [explicit_doer, noun_slot, received_from, doer_on_verb,
                            will_about_act, charged_doer, aimed_doer, purpose_of_act,
                            governor_subject, denier_own, cancelled_own,
                            participant, own_subject, seat_subject, felt_in_seat,
                            shared_slot, decided_by, document_author, organ_of_place,
                            coordinated_organ, patients_state]
TARGET_RULES: list[Rule] = [received_by, explicit_slot, noun_slot, rejected_doer,
                            condition_doer,
                            mediated_sides,
                            aimed_by_participle,
                            verb_phrase_below_noun, phrase_under_agent,
                            noun_phrase_on_verb, feared_by,
                            demand_of_protest, answered_by, provoked_by, governor_object,
                            shared_slot,
                            responded_to,
                            refused_aim, undergone_by_subject]
# Rules tried when SOURCE_RULES found no doer a dictionary knows: an unnamed crowd, by where
# it acts.
UNNAMED_RULES: list[Rule] = [protest_site]
# Rules that find a side the trigger's own words name: a source found so makes the act
# clearly the source's (what an event with no target needs).
EXPLICIT = frozenset({"explicit_slot", "explicit_doer", "noun_slot", "received_from"})
# Rules that find a side the words only imply (an organ no one names): its events are
# coded with less confidence.
IMPLIED = frozenset({"organ_of_place", "coordinated_organ", "patients_state"})
# Rules that find the crowd that does an act where it acts: as plain a doer as a named one
# for an act that needs no target (a protest).
CROWDS = frozenset({"protest_site"})


# ---------------------------------------------------------------- acts aimed at no one
# The guide codes an act with no target when what it is aimed at is not an actor, or is
# not named. Coding every such act cost more precision than it gained recall (a target
# left to context is usually an actor the sentence does not name); these rules say, by the
# kind of act, when no target is what the act has (each measured alone on both golds: see
# docs/changelog.md, Round 7). Each needs a source the trigger's own words name (EXPLICIT),
# or the subject of a verb that does the noun's act (`done_by_verb`). Tried and left out:
# every refusal of a thing (`отказался от участия`: aimed at the other side of what is
# refused) and arrests by an organ no one names of people it does not name.
Aim = Callable[[Act, Side], bool]
PROPOSE = words("propose")  # a proposal with an infinitive is a REQUEST too
BORDERS = words("borders")  # forces sent to a border are aimed at who is beyond it


# Who opens an inquiry into acts before anyone is named: a state's organs, and the
# international bodies (courts, commissions, the OPCW, the EU's Commission) when the
# inquiry is named as one: `дело` opened by a body of no state is as often a business
# (`председатель Еврокомиссии открыл дело в Брюсселе`).
INTERNATIONAL = frozenset({"IGO"})
CASES = words("cases")  # `дело`: an inquiry, or a business


def opened_case(act: Act, source: Side) -> bool:
    """An investigation opened or a case brought (CAMEO 09x) by a state organ or an
    international body aims at no one until someone is named: `Следственный комитет
    возбудил дело по статье о …`, `полиция начала расследование убийства`, `МУС начнет
    расследование военных преступлений` (the guide: acts of state organs are events, an
    investigation opened is 09x)."""
    if not act.predicate.cameo.startswith("09"):
        return False
    named = act.trigger.noun is None or act.tree.tokens[act.trigger.noun].lemma not in CASES
    return source.actor.sector in ORGANS or (source.actor.sector in INTERNATIONAL and named)


def _aims_at_thing(act: Act) -> bool:
    """Whether the target slots of the trigger, or of a light verb's noun, hold a thing."""
    trigger = act.trigger
    return thing_aimed(act.tree, trigger.head, act.slots) or (
        trigger.noun is not None and thing_aimed(act.tree, trigger.noun, act.noun_slots))


def endorsed_thing(act: Act, source: Side) -> bool:
    """Approval or praise (CAMEO 051) of a thing, not of an actor: `одобрили решение суда`,
    `выразили одобрение решению` (what is approved fills the target slot and names no
    one)."""
    return act.predicate.cameo == "051" and _aims_at_thing(act)


def protested(act: Act, source: Side) -> bool:
    """A demonstration, rally, strike, hunger strike or riot (CAMEO 14x) is its doers' act,
    aimed at no one until `против` or the place names someone: `рабочие провели
    забастовку`, `вышли на акцию протеста против закона` (the law is no actor). A protest
    voiced by a state is an official complaint (ACCUSE 114), not this; nor is a riot (145,
    `беспорядки, устроенные болельщиками`), as often hooliganism as protest."""
    return act.predicate.type == "PROTEST" and act.predicate.cameo != "145"


def deployed_forces(act: Act, source: Side) -> bool:
    """Forces mobilised or deployed (CAMEO 151-154) to a place that is no actor: `власти
    ввели в город войска`. Deployed where no place is said, forces go to a country the
    sentence may not name (`перебрасывает артиллерию` into Syria): left out; so are shows of
    force and exercises (150, `проводят учения у своих границ`), and forces sent to a border
    (`перебросила войска к границе`), aimed at the neighbours.
    (An alert, `привела войска в боевую готовность`, has no target slot to miss.)"""
    if act.predicate.type != "MOBILIZE" or act.predicate.cameo == "150":
        return False
    trigger, tree = act.trigger, act.tree
    places = [*places_aimed(tree, trigger.head, act.slots), *(
        places_aimed(tree, trigger.noun, act.noun_slots) if trigger.noun is not None else ())]
    return (thing_aimed(tree, trigger.head, act.slots) or (
        trigger.noun is not None and thing_aimed(tree, trigger.noun, act.noun_slots))) and \
        not any(tree.tokens[i].lemma in BORDERS for i in places)


def asked_an_act(act: Act, source: Side) -> bool:
    """An appeal or demand (CAMEO 10x) for an act, voiced to no one named: `клоуны
    призывают запретить показ`, `прокурор просил переквалифицировать обвинение` (what is
    asked is a verb; who is to do it goes unsaid). Not a proposal (`прокуратура предлагает
    ограничить свободу`): a position put forward, the act proposed is what is coded."""
    head = act.trigger.head
    return (act.predicate.type == "REQUEST" and act.tree.tokens[head].lemma not in PROPOSE
            and asks_an_act(act.tree, head))


def emergency_rule(act: Act, source: Side) -> bool:
    """A curfew, state of emergency or martial law (CAMEO 1723, 1724) is imposed on a
    state's own people, no one of whom is named: `парламент утвердил чрезвычайное
    положение`, `ввели комендантский час в городе`."""
    return act.predicate.cameo in ("1723", "1724")


def vetoed_thing(act: Act, source: Side) -> bool:
    """A veto (CAMEO 129) of a draft, a resolution or a decision whose author goes unnamed:
    `Россия и Китай наложили вето на резолюцию по Сирии`, `заветировали проект` (the guide:
    what is rejected is no actor, the event has no target; `вето на резолюцию США` has
    the draft's author for its target)."""
    return act.predicate.cameo == "129" and _aims_at_thing(act)


def eased_rule(act: Act, source: Side) -> bool:
    """A curfew or a state of emergency lifted (CAMEO 0813, 0814), the reverse of
    `emergency_rule`, is lifted from a state's own people: `власти отменили комендантский
    час в Бангкоке`; so is a ban or restriction on a thing eased (081, 0811) that names no
    one it was aimed at: `Верховный суд снял запрет на издание фетв` (its `на` phrase, or
    its target slots, a thing)."""
    cameo = act.predicate.cameo
    if cameo in ("0813", "0814"):
        return True
    if cameo not in ("081", "0811"):
        return False
    on = f"prep:{grammar('on')}"
    trigger, tree = act.trigger, act.tree
    return _aims_at_thing(act) or thing_aimed(tree, trigger.head, (on,)) or (
        trigger.noun is not None and thing_aimed(tree, trigger.noun, (on,)))


UNAIMED_RULES: list[Aim] = [opened_case, endorsed_thing, protested, deployed_forces,
                            asked_an_act, emergency_rule, vetoed_thing, eased_rule]


def aimed_at_none(act: Act, sources: Sequence[Side], source_rule: str | None) -> str | None:
    """The name of the first rule by which the act of `sources` (found by `source_rule`),
    its target not found, is coded with no target (None: it is not coded). The source must
    be one the trigger's own words name (EXPLICIT), or the subject of a verb that does the
    noun's act (`Викимедиа проводило уличные акции`: as plain as a light verb's)."""
    if not sources or not (source_rule in EXPLICIT or source_rule in CROWDS or (
            source_rule == "governor_subject" and done_by_verb(act.tree, act.trigger.head))):
        return None
    return next((rule.__name__ for rule in UNAIMED_RULES if rule(act, sources[0])), None)


def apply(rules: Sequence[Rule], act: Act, places: bool = True) -> tuple[str | None,
                                                                       list[Side]]:
    """The first rule's sides, with the rule's name (None: no rule found any). Without
    `places`, a place standing for its state is no side (a doer never is one: `арестован в
    Нью-Йорке` leaves the doer to the rules after)."""
    for rule in rules:
        found = [side for side in rule(act) if places or not side.place]
        if found:
            return rule.__name__, found
    return None, []
