"""The coder's type policies (`policies` of data/ontology.yaml), applied by named rules.

Three moments: a trigger is retyped by what the parse says around it before its sides are
sought (RETYPE: a proposal is an appeal, readiness to meet is AGREE 036) or by what its
sides say (`read_by_sides`: extradition, land seized); once its sides are found, an act
someone says another must do is that speaker's demand (`demanded`); an event is recoded
once its sides and modality are known (RECODE: an intent to cooperate is AGREE 03x, a
restriction on another state a sanction).
Each rule returns the new predicate (and modality), or None when it does not apply; the
first rule that applies wins.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..records import Actor
from . import sides
from .arguments import Tree
from .lexicon import Predicate
from .modality import Attribution, modality
from .ontology import Ontology
from .sides import Side, fill, side_key, speakers
from .triggers import Trigger
from .words import words


@dataclass(frozen=True, slots=True)
class Policies:
    """The type sets the coder asks about, from the ontology."""

    hostile: frozenset[str]  # told of, they blame
    unguessed: frozenset[str]  # no target guessed from the same sentence
    inherited: frozenset[str]  # a missing doer: the last one of the type in the sentence
    mutual: frozenset[str]  # two states named together do it with each other
    told_own: frozenset[str]  # told of with `о`, the act is the teller's
    announced: frozenset[str]  # told in the future by the doer's own side: intended
    refused_undone: frozenset[str]  # refused (`отказалась осуждать`): the act not done
    cancellable: frozenset[str]  # cancelled or put off (`отменил визит`): the act not done

    @classmethod
    def of(cls, ontology: Ontology) -> Policies:
        return cls(*(ontology.policy(name).types
                     for name in ("hostile", "unguessed", "inherited", "mutual", "told-own",
                                  "announced", "refused-undone", "cancellable")))


def announced(kind: str, doer: Actor, attribution: Attribution | None,
              policies: Policies) -> bool:
    """`Министр обороны Израиля заявил, что армия нанесет удар`: an act of a type the
    `announced` policy names, told (not opined) by a speaker of its doer's own state or
    body, is announced by that side, so its future is an intent (`modality(scheduled=…)`)."""
    if kind not in policies.announced or attribution is None or attribution.opinion:
        return False
    state, said_by = doer.country or doer.code, attribution.code
    if not state or not said_by:
        return False
    return said_by == state or (len(state) == 3 and said_by.startswith(state))


def _rewritten(ontology: Ontology, p: Predicate, name: str, cameo: str | None = None,
               mode: str | None = None) -> Predicate:
    """`p` recoded by policy `name` (to `cameo` when the policy maps codes), its type the
    ontology's for the new code."""
    policy = ontology.policy(name)
    code = cameo or policy.cameo or p.cameo
    return dataclasses.replace(p, type=ontology.type_of(code), cameo=code,
                               mode=mode if cameo else policy.mode)


# -- retyping a trigger by the words around it


def proposal_is_request(tree: Tree, trigger: Trigger, ontology: Ontology) -> Predicate | None:
    """`предложил Англии провести военную акцию`: proposing that others act (a word of
    proposing with an infinitive) is an appeal, REQUEST; `предложил помочь`, `предложил
    провести переговоры` (the infinitive or its object a word of the `unless` list) offer
    what the proposer will do itself, and so does a joint act (`предложил провести совместные
    учения`): they stay AGREE."""
    policy, p = ontology.policy("proposal"), trigger.predicate
    if trigger.noun is not None or p.lemma not in words(policy.words or ""):
        return None
    offers = words(policy.unless) if policy.unless else frozenset()
    for c in tree.children[trigger.head]:
        token = tree.tokens[c]
        if tree.rel(c) in ("xcomp", "ccomp", "csubj", "acl", "nmod") and token.feat(
                "VerbForm") == "Inf":
            objects = [o for o in tree.children[c] if tree.rel(o) in ("obj", "obl", "nsubj:pass")]
            said = {tree.tokens[w].lemma for o in objects  # `провести совместные учения`
                    for w in (o, *(a for a in tree.children[o] if tree.rel(a) == "amod"))}
            if token.lemma in offers or said & offers:
                return None
            return _rewritten(ontology, p, "proposal")
    return None


READY_WITH = words("ready-with")  # the prepositions of `готовы к переговорам`


def readiness_is_agree(tree: Tree, trigger: Trigger, ontology: Ontology) -> Predicate | None:
    """`готовы к переговорам`, `выразил готовность встретиться`, `договорились провести
    встречу`: a meeting that a word of readiness takes as its complement is a stated
    readiness to meet, AGREE 036 (a scheduled one stays CONSULT; `в ходе визита
    договорился` is a visit held)."""
    policy, p = ontology.policy("readiness"), trigger.predicate
    code = policy.becomes(p.cameo)
    if code is None:
        return None
    above = tree.head(trigger.head)
    if above is not None and tree.tokens[above].feat("VerbForm") == "Inf" and tree.rel(
            trigger.head) == "obj":
        above = tree.head(above)  # `договорились провести встречу`
    if above is not None and tree.tokens[above].lemma in words(policy.words or "") and (
            tree.rel(trigger.head) in ("xcomp", "obj", "obl", "acl", "nmod", "ccomp")
            and tree.preposition(trigger.head) in (None, *READY_WITH)):
        return _rewritten(ontology, p, "readiness", code)
    return None


RETYPE: list[Callable[[Tree, Trigger, Ontology], Predicate | None]] = [
    proposal_is_request, readiness_is_agree]


def retype(tree: Tree, trigger: Trigger, ontology: Ontology) -> Trigger:
    """The trigger with the predicate the first RETYPE rule gives it, else as it is."""
    for rule in RETYPE:
        p = rule(tree, trigger, ontology)
        if p is not None:
            return dataclasses.replace(trigger, predicate=p)
    return trigger


def read_by_sides(tree: Tree, trigger: Trigger, sources: Sequence[Side], targets: list[Side],
                  ontology: Ontology) -> tuple[Trigger, list[Side]]:
    """A trigger whose act its sides tell apart, with its targets: `экстрадировали Бута в
    США`, a state handing someone over to another, is judicial cooperation with it
    (`handed-over`); `захватила Крым`, land taken, is occupation (`land-seized`), not only
    an attack."""
    p = trigger.predicate
    handed, seized = ontology.policy("handed-over"), ontology.policy("land-seized")
    receivers = (fill(tree, trigger.head, handed.slots)
                 if p.lemma in words(handed.words or "") else [])
    if receivers and sources and not {side_key(r) for r in receivers} & {
            side_key(s) for s in sources}:
        p, targets = _rewritten(ontology, p, "handed-over"), receivers
    elif p.lemma in words(seized.words or "") and targets and all(t.place for t in targets):
        p = _rewritten(ontology, p, "land-seized")
    else:
        return trigger, targets
    return dataclasses.replace(trigger, predicate=p), targets


def _obliged(tree: Tree, i: int, ontology: Ontology) -> bool:
    """`Россия должна вывести войска`: an act a word of obligation governs, no intent."""
    head = tree.head(i)
    return head is not None and tree.rel(i) == "xcomp" and tree.tokens[head].lemma in words(
        ontology.policy("deontic").words or "")


def _under_obligation(tree: Tree, i: int, ontology: Ontology) -> bool:
    """`США должны прекратить поставки оружия`: an act below a word of obligation, however
    deep (`поставки` under `прекратить` under `должны`), is asked for, not promised."""
    deontic = words(ontology.policy("deontic").words or "")
    for _ in range(4):
        head = tree.head(i)
        if head is None:
            return False
        if tree.tokens[head].lemma in deontic:
            return True
        i = head
    return False


def demanded(tree: Tree, trigger: Trigger, doers: Sequence[Side], reporting: frozenset[str],
             ontology: Ontology) -> tuple[Trigger, list[Side]] | None:
    """`Меркель подчеркнула, что ЕС и НАТО должны тесно сотрудничать`: an act that a word
    of obligation governs, in what a reporting verb says, is the speaker's demand of its
    doers (`doers`: all of them, both sides of a mutual act): the REQUEST trigger (the
    word of obligation up to the act) and its sources, the speakers; None for any other."""
    must = tree.head(trigger.head)
    if must is None or not _obliged(tree, trigger.head, ontology):
        return None
    verb = tree.head(must)
    if verb is None or tree.rel(must) not in ("ccomp", "parataxis") or (
            tree.tokens[verb].lemma not in reporting):
        return None
    asked = {side_key(d) for d in doers}
    sources = [s for s in speakers(tree, verb) if side_key(s) not in asked]
    if not sources or not doers:
        return None
    p = _rewritten(ontology, trigger.predicate, "deontic")
    first, last = min(must, trigger.first), max(must, trigger.last)
    return dataclasses.replace(trigger, head=must, predicate=p, first=first,
                               last=last, noun=None, noun_lemma=None), sources


# -- recoding an event by its sides and modality


@dataclass(frozen=True, slots=True)
class Told:
    """An event about to be made: its trigger, sides and modality."""

    tree: Tree
    trigger: Trigger
    source: Side
    target: Side | None
    attribution: Attribution | None
    modality: str


def intent_is_agree(told: Told, ontology: Ontology) -> tuple[Predicate, str] | None:
    """`решили расширять сотрудничество`, `готовы помочь`, `обязались вывести войска`,
    `заявили, что будут сотрудничать`: an intent to cooperate, aid or yield (a future
    promise counts, as a scheduled visit does) is AGREE with its 03x code, intended."""
    p = told.trigger.predicate
    code = ontology.policy("intent").becomes(p.cameo)
    if code is None or _under_obligation(told.tree, told.trigger.head, ontology):
        return None
    said = modality(told.tree, told.trigger.head, p.type, told.attribution, p.negative,
                    scheduled=True)
    if said != "intended":
        return None
    return _rewritten(ontology, p, "intent", code), said


def restriction_abroad_is_sanction(told: Told,
                                   ontology: Ontology) -> tuple[Predicate, str] | None:
    """`Россия ввела ограничения для турецких компаний`, `запрещено сотрудничать с кубинской
    группой`: a restriction aimed at another state's people or firms is an embargo or
    sanction; aimed at the doer's own (`запретили оппозиции`) it stays COERCE."""
    p = told.trigger.predicate
    policy = ontology.policy("foreign-restriction")
    if p.cameo not in policy.codes or told.target is None:
        return None
    home, there = told.source.actor.country, told.target.actor.country
    if home is None or there is None or home == there:
        return None
    return _rewritten(ontology, p, "foreign-restriction"), told.modality


def _sector(tree: Tree, side: Side) -> str:
    """A doer's sector: a state named alone (`Россия`, `Москва`) is its government; one
    named by an adjective (`японские националисты`) is people of that state, civilians
    unless a dictionary says otherwise."""
    if side.actor.sector is not None:
        return side.actor.sector
    named = next((t for t in tree.tokens if t.start == side.span.start), None)
    return "CVL" if named is not None and named.pos == "ADJ" else "GOV"


def _by_sectors(told: Told, ontology: Ontology, name: str,
                named: bool = False) -> tuple[Predicate, str] | None:
    """The event recoded by sector policy `name` when its code lies under the policy's
    `codes`, its trigger word (or a light verb or its noun) is one of its `words`, and its doer
    and its target have the policy's `sectors` and `targets` (a target's own: a person told
    by a state's adjective has none; `named`: the doer's own too); else None."""
    policy, p = ontology.policy(name), told.trigger.predicate
    if not any(p.cameo.startswith(c) for c in policy.codes):
        return None
    if policy.words and not {p.lemma, p.verb, p.noun,  # `обвинил в коррупции`: the pair's verb
                             told.trigger.noun_lemma} & words(policy.words):
        return None
    doer = told.source.actor.sector if named else _sector(told.tree, told.source)
    if policy.sectors and doer not in policy.sectors:
        return None
    if policy.targets and (told.target is None  # `украинскому летчику`: a person of no
                           or told.target.actor.sector not in policy.targets):  # sector
        return None
    return _rewritten(ontology, p, name), told.modality


def protest_by_state_is_complaint(told: Told, ontology: Ontology) -> tuple[Predicate, str] | None:
    """`Россия протестует против …`, `МИД выразил протест`: a protest voiced by a state or
    its organs is an official complaint, ACCUSE 114 (`state-protest`)."""
    return _by_sectors(told, ontology, "state-protest")


def protest_by_people_is_protest(told: Told,
                                 ontology: Ontology) -> tuple[Predicate, str] | None:
    """`рабочие выразили протест`, `оппозиция заявила протест`: the words of a diplomatic
    protest voiced by people are a protest, PROTEST 140 (`people-protest`)."""
    return _by_sectors(told, ontology, "people-protest")


def clash_by_people_is_riot(told: Told, ontology: Ontology) -> tuple[Predicate, str] | None:
    """`стычки между представителями оппозиции и милицией`: a clash begun by unarmed people
    is a violent protest, PROTEST 145 (`people-clash`); sides told by a state's adjective
    (`армяно-азербайджанские столкновения`) are its forces, and fight."""
    return _by_sectors(told, ontology, "people-clash", named=True)


def charges_against_state_accuse(told: Told,
                                 ontology: Ontology) -> tuple[Predicate, str] | None:
    """`Москва предъявила Вашингтону обвинения`: charges brought against a state are an
    accusation, ACCUSE 112, not an arrest (`charged-state`)."""
    return _by_sectors(told, ontology, "charged-state")


def charges_by_law_coerce(told: Told, ontology: Ontology) -> tuple[Predicate, str] | None:
    """`обвинение прокуратуры против бизнесмена`: an accusation a court, prosecutor or
    police brings against a person or firm is a formal charge, COERCE 173
    (`charged-person`)."""
    return _by_sectors(told, ontology, "charged-person")


STATES = ("GOV", "IGO")  # sectors of a state or body charged: an accusation, not a charge


# Verbs of charging with a crime: told with no subject, a formal charge (`charged-unnamed`).
CHARGING = words("charging")


def charges_told_passive_coerce(told: Told, ontology: Ontology) -> tuple[Predicate, str] | None:
    """`Королёв был арестован и обвинён в раскрытии гостайны`, `обвинён прокуратурой`: a
    charge told by a short passive participle, or by a verb of charging with no subject
    (`экс-премьера обвинили в растрате`, `бывший президент обвиняется во взятках`), its doer
    an organ of law that goes unnamed (the organ of a place, of an arrest before it, or of
    the state of the one charged) or is named, is a formal charge, COERCE 173
    (`charged-unnamed`); not against a government or an international body."""
    tree, head = told.tree, told.trigger.head
    token = tree.tokens[head]
    short = token.feat("Voice") == "Pass" and token.feat("Variant") == "Short"
    if not (short or (token.lemma in CHARGING
                      and sides.agentless(tree, head, told.trigger.predicate))) or (
            told.target is not None and told.target.actor.sector in STATES):
        return None
    return _by_sectors(told, ontology, "charged-unnamed", named=True)


RECODE: list[Callable[[Told, Ontology], tuple[Predicate, str] | None]] = [
    intent_is_agree, restriction_abroad_is_sanction, protest_by_state_is_complaint,
    protest_by_people_is_protest, clash_by_people_is_riot, charges_against_state_accuse,
    charges_by_law_coerce, charges_told_passive_coerce]


def recode(told: Told, ontology: Ontology) -> tuple[Predicate, str]:
    """The event's predicate and modality as the first RECODE rule gives them."""
    for rule in RECODE:
        found = rule(told, ontology)
        if found is not None:
            return found
    return told.trigger.predicate, told.modality
