"""Trigger words that, where they stand, name no act to code.

Each rule looks at one trigger among the sentence's triggers and says whether it
is not an act; `RULES` are tried in order, and any one is enough.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .arguments import Tree, nominal
from .modality import WORDS as MODALITY
from .modality import promised_under_condition
from .sides import BARE, CITIZENS, STAND_INS, legal_status, protest_voices
from .speech import load_speech, read_lists
from .triggers import Trigger
from .words import grammar, vowelled, words

# Acts that speak of other acts: what they agree to or ask for is their content.
VERBAL = frozenset({"AGREE", "REQUEST"})
BUILTIN = Path(__file__).parent / "data" / "acts"


@dataclass(frozen=True, slots=True)
class ActWords:
    """The word lists of `data/acts/`, one lemma a line, checked when loaded."""

    content_of: frozenset[str]  # `договорились о`, `настаивать на`, `призвать к`
    judged: frozenset[str]  # `сотрудничество необходимо`
    any: frozenset[str]  # `любой удар`: no act in particular
    promise: frozenset[str]
    want: frozenset[str]
    causes: frozenset[str]  # `в результате`, `в ходе`, `при`
    frames: frozenset[str]  # `результат`, `ход`, `время`
    acting: frozenset[str]  # inanimate nouns that act: `альянс`
    meant_to: frozenset[str]  # `призван решить`: is meant to
    grounds: frozenset[str]  # `по подозрению в`, `по обвинению в`: an alleged act follows
    grounds_of: frozenset[str]  # `в связи с`: the grounds of a legal act
    decrees: frozenset[str]  # `подписал указ`: a decree or law signed is no agreement
    silence: frozenset[str]  # `отказался комментировать`: a refusal to speak
    regarding_as: frozenset[str]  # `рассматривает X как угрозу`: a view, no act
    seeing_in: frozenset[str]  # `видит в США угрозу`: the object is the view


@functools.cache
def load_acts(folder: Path = BUILTIN) -> ActWords:
    return read_lists(ActWords, folder)


WORDS = load_acts()


def _ancestors(tree: Tree, i: int, depth: int = 3) -> list[int]:
    found, node = [], tree.head(i)
    while node is not None and len(found) < depth:
        found.append(node)
        node = tree.head(node)
    return found


def inside_a_name(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`Международная амнистия`, `Организация Договора о коллективной безопасности`."""
    mention = tree.mention_at.get(trigger.head)
    return mention is not None and mention.kind in ("ORG", "LOCORG") and (
        mention.start < tree.tokens[trigger.first].start
        or tree.tokens[trigger.last].end < mention.end)


def content_of_a_verbal_act(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`договорился о начале сотрудничества`, `настаивает на возвращении`: the noun is what
    was agreed or asked for, not an act; `в ходе визита договорился` keeps the visit. What
    is refused is no act either, noun or verb: `отказывается признать`, `отказ от …`."""
    token = tree.tokens[trigger.head]
    infinitive = token.pos == "VERB" and token.feat("VerbForm") == "Inf"
    if token.pos != "NOUN" and not infinitive:
        return False
    path = [trigger.head, *_ancestors(tree, trigger.head)]
    for other in triggers:
        kinds = VERBAL | {"REJECT"} if token.pos == "NOUN" else {"REJECT"}
        if (other.head in path[1:] and other.predicate.type in kinds
                and tree.tokens[other.head].pos == "VERB"):
            below = path[path.index(other.head) - 1]  # the verb's own argument on the way
            if other.predicate.type == "REJECT":  # `отверг просьбу Киева`: a request made
                if tree.rel(below) == "xcomp" or tree.preposition(below) == grammar("from"):
                    return True
            elif tree.rel(below) == "obj" or tree.preposition(below) in WORDS.content_of:
                return True
    return False


def judged(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`сотрудничество между Россией и Великобританией необходимо`."""
    head = tree.head(trigger.head)
    return (tree.rel(trigger.head) == "nsubj" and head is not None
            and tree.tokens[head].lemma in WORDS.judged)


def any_act(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`любой удар США или Израиля`."""
    return any(tree.tokens[c].lemma in WORDS.any for c in tree.children[trigger.head])


def meant_to(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`визит призван решить проблему`: `призван` means `is meant to`, not `was urged`."""
    token = tree.tokens[trigger.head]
    return (token.lemma in WORDS.meant_to
            and (tree.is_passive(trigger.head) or token.feat("Variant") == "Short")
            and any(tree.rel(c) == "xcomp" for c in tree.children[trigger.head]))


def promise_of_an_act(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`пообещал, что будет настаивать на …`: the act promised is coded, intended. A noun
    that is only what is promised (`пообещали Ирану снятие санкций`: content, not coded)
    leaves the promise to be coded."""
    if tree.tokens[trigger.head].lemma not in WORDS.promise:
        return False
    return any(other is not trigger and trigger.head in _ancestors(tree, other.head)
               and not content_of_a_verbal_act(tree, other, triggers) for other in triggers)


# Acts of a third party, never the act they are told beside: a mediation (045) of a meeting
# (`встретились при посредничестве ООН`) is the mediator's act, not the meeting told again.
THIRD_PARTY = frozenset({"045"})


def cause_of_the_same(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`нанесен ущерб в результате ракетного обстрела`: one act told twice, coded once."""
    if trigger.predicate.cameo in THIRD_PARTY:
        return False
    token = tree.tokens[trigger.head]
    head = tree.head(trigger.head)
    in_ = grammar("in")  # `в результате обстрела`, parsed as two words
    framed = head is not None and tree.tokens[head].lemma in WORDS.frames and (
        tree.preposition(head) in (in_, vowelled(in_)))
    if token.pos != "NOUN" or not (framed or tree.preposition(trigger.head) in WORDS.causes):
        return False
    above = _ancestors(tree, trigger.head, 2)
    return any(other is not trigger and other.predicate.type == trigger.predicate.type
               and (other.head in above or other.first in above or other.last in above)
               for other in triggers)


def wanting_to_act(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`Путин хочет поддерживать режим`: the act wanted is coded (intended), the wish is not;
    `хочет его отставки` asks for something, and is."""
    return tree.tokens[trigger.head].lemma in WORDS.want and any(
        tree.rel(c) == "xcomp" for c in tree.children[trigger.head])


# The PLOVER types of the legal acts whose grounds name an alleged act: arrests, charges,
# searches (COERCE 17x), verdicts and investigations (ACCUSE 11x, 09x).
LEGAL = frozenset({"COERCE", "ACCUSE"})
# Of those, the codes of a disapproval voiced (criticism, protest, complaint: CAMEO 110, 111,
# 113, 114), which no one is suspected under: what is protested `в связи с` is told as done
# (`выразил протест в связи с визитом японских парламентариев на Тайвань`), as what is
# condemned is (`осудила удар Израиля по Газе`).
DISAPPROVAL = frozenset({"110", "111", "113", "114"})


def grounds_of_a_legal_act(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`задержали по подозрению в кибератаках против США`, `объявила о розыске в связи с
    убийством`: the act is what someone is suspected or accused of, the grounds of the
    legal act, not an act the sentence tells as done. A noun after `в`/`о` on a noun of
    grounds (`подозрение`, `обвинение`, `дело`), or after `в связи с` on a legal act's own
    trigger (not `за`: what someone is punished for is told as done)."""
    token = tree.tokens[trigger.head]
    head = tree.head(trigger.head)
    if token.pos != "NOUN" or head is None:
        return False
    preposition = tree.preposition(trigger.head)
    if preposition in (grammar("in"), vowelled(grammar("in")), grammar("about")) and (
            tree.tokens[head].lemma in WORDS.grounds):
        return True
    return preposition in WORDS.grounds_of and any(
        other is not trigger and other.predicate.type in LEGAL
        and other.predicate.cameo not in DISAPPROVAL
        and head in (other.head, other.first, other.last) for other in triggers)


# Inanimate nouns that name those who act: bodies named without their state, stand-ins.
ACTING_NOUNS = frozenset({*BARE, *STAND_INS, *WORDS.acting})


def a_thing_hits(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`санкции ударят по экономике`, `кризис ударил`: a thing, not an actor, is the doer."""
    if trigger.predicate.type != "ASSAULT" or tree.tokens[trigger.head].pos != "VERB":
        return False
    subjects = [c for c in tree.children[trigger.head] if tree.rel(c) == "nsubj"]
    return any(tree.tokens[c].pos == "NOUN" and tree.tokens[c].feat("Animacy") == "Inan"
               and c not in tree.mention_at  # `российские снаряды`: an owner is a doer
               and tree.tokens[c].lemma not in ACTING_NOUNS  # `Власти применили силу`
               and not any(g in tree.mention_at for g in tree.children[c])
               for c in subjects)


def people_who_act(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`газ против протестующих`, `обвинил протестующих`: a participle used as a noun names
    the people (words/citizens.txt), not an act of theirs."""
    token = tree.tokens[trigger.head]
    return (token.feat("VerbForm") == "Part" and nominal(tree, trigger.head)
            and token.pos == "VERB" and token.lemma in CITIZENS)


def pair_in_a_pair(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`вышли на акцию протеста против президента`: two pairs of one type, the light word
    of one (`акция протеста`) the noun of the other (`выйти на акцию`), tell one act; the
    outer pair codes it, its verb's subject the doer."""
    return trigger.noun is not None and any(
        other is not trigger and other.noun == trigger.head
        and other.predicate.type == trigger.predicate.type for other in triggers)


# Verbal acts that, voicing a protest, are what the protest is for.
VOICES = frozenset({"REQUEST", "ACCUSE"})


def voice_of_a_protest(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`собрались на митинг, требуя отставки президента`: the demand is the protest's
    content (CAMEO 1411, demonstrate for a change of leadership), coded once, as the
    protest aimed at whom it names (rules.demand_of_protest)."""
    return trigger.predicate.type in VOICES and any(
        other.predicate.type == "PROTEST" and trigger.head in protest_voices(tree, other)
        for other in triggers if other is not trigger)


GAMES = words("games")
PHYSICAL = frozenset({"ASSAULT", "COERCE"})  # acts a game has moves named like


def a_move_in_a_game(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`после удара нападающего мяч угодил в штангу`: a blow, an
    attack or a capture in a sentence about a game or a bout is a move in it."""
    return trigger.predicate.type in PHYSICAL and any(t.lemma in GAMES for t in tree.tokens)


def a_decree_signed(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`Путин подписал указ о введении санкций`, `подписал закон`: a decree or a law signed
    (`acts/decrees.txt`) enacts what it is about, an act of the signer's own (control nouns,
    `rules.will_about_act`), and is no agreement with anyone (057)."""
    if trigger.predicate.cameo != "057" or trigger.noun is not None:
        return False
    return any(tree.rel(c) in ("obj", "nsubj:pass") and tree.tokens[c].lemma in WORDS.decrees
               for c in tree.children[trigger.head])


def a_legal_status(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`причастны к запрещённой в России группировке`: the disclaimer states a status and
    tells no act (sides.legal_status); a ban told with its doer or date is coded."""
    return legal_status(tree, trigger.head)


def response_without_condition(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """A response is a threat only when promised under a condition (`Россия примет ответные
    меры, если НАТО разместит …`); `Москва ответила на санкции`, `принял меры` are none."""
    return (trigger.predicate.type == "THREATEN"
            and tree.tokens[trigger.head].lemma in MODALITY.responses
            and not promised_under_condition(tree, trigger.head))


def refused_to_speak(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`Лавров отказался комментировать слова Хаммонда`, `Песков отказался от комментариев`,
    `отказывается отвечать на вопросы`: a refusal (REJECT, `negative`) whose infinitive or
    `от` noun is a word of saying (`acts/silence.txt`) withholds a comment and rejects no
    one's proposal or demand."""
    p = trigger.predicate
    if p.type != "REJECT" or not p.negative:
        return False
    from_ = grammar("from")
    return any(tree.tokens[c].lemma in WORDS.silence and (
        tree.rel(c) == "xcomp" or tree.preposition(c) == from_)
        for c in tree.children[trigger.head])


REGARDING_AS = WORDS.regarding_as | WORDS.seeing_in | load_speech().naming


def a_name_given(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    """`Путин рассматривает НАТО как угрозу`, `считает расширение альянса угрозой`, `видит в
    США угрозу`, `назвал учения провокацией`: the noun a verb of regarding or naming gives
    its object as a name (`как` X, an instrumental complement, or the object of `видеть в`)
    is a view of the thing, no act of anyone's; a hostile name is an accusation, which the
    speech rules code (`speech.called_hostile`)."""
    if trigger.noun is not None or tree.tokens[trigger.head].pos != "NOUN":
        return False
    verb = tree.head(trigger.head)
    if verb is None:
        return False
    rel, lemma = tree.rel(trigger.head), tree.tokens[verb].lemma
    if tree.preposition(trigger.head) == grammar("as"):  # the parser may hang `как угрозу`
        return any(tree.tokens[a].lemma in REGARDING_AS  # on the object (`X, Y как угрозу`)
                   for a in _ancestors(tree, trigger.head))
    if lemma in WORDS.seeing_in:  # `видит в США угрозу`
        return rel == "obj" and any(tree.rel(c) == "obl" and tree.preposition(c) == grammar(
            "in") for c in tree.children[verb])
    return lemma in REGARDING_AS and rel == "xcomp"


RULES: tuple[Callable[[Tree, Trigger, Sequence[Trigger]], bool], ...] = (
    response_without_condition,
    inside_a_name,
    content_of_a_verbal_act,
    judged,
    any_act,
    meant_to,
    promise_of_an_act,
    cause_of_the_same,
    wanting_to_act,
    a_thing_hits,
    grounds_of_a_legal_act,
    voice_of_a_protest,
    pair_in_a_pair,
    people_who_act,
    a_decree_signed,
    a_legal_status,
    a_move_in_a_game,
    refused_to_speak,
    a_name_given,
)


def not_an_act(tree: Tree, trigger: Trigger, triggers: Sequence[Trigger]) -> bool:
    return any(rule(tree, trigger, triggers) for rule in RULES)


def refusals_of_undone(tree: Tree, triggers: Sequence[Trigger],
                       kinds: frozenset[str]) -> dict[int, int]:
    """`Индия отказалась осуждать Россию`, `отказалось выслать дипломатов`: a verb of refusal
    (REJECT, `negative` in the lexicon) whose infinitive is an act of one of `kinds` (the
    `refused-undone` policy: conflictual acts) rejects no one's proposal; it says that act
    was not done. Refusal head → the act's head: the act is coded (negated, as
    `modality.negated` reads the refusal), the refusal is not."""
    heads = {t.head: t for t in triggers}
    found = {}
    for refusal in triggers:
        p = refusal.predicate
        if p.type != "REJECT" or not p.negative or tree.tokens[refusal.head].pos != "VERB":
            continue
        for child in tree.children[refusal.head]:
            act = heads.get(child)
            if (act is not None and tree.rel(child) == "xcomp"
                    and act.predicate.type in kinds):
                found[refusal.head] = child
    return found
