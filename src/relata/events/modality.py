"""Modality and attribution of an event, from the same parse.

Modality rules are tried in order on the trigger and the verbs above it (the
trigger of `пригрозил ввести санкции` is `ввести санкции`; `пригрозил` makes it
threatened). Attribution is who asserts the event: `заявил X`, `по словам X`,
`считает эксперт`, or the speaker named after a quotation.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..language.markup import Visible
from ..records import Mention
from .arguments import Tree
from .speech import read_lists
from .words import grammar

BUILTIN = Path(__file__).parent / "data" / "modality"


@dataclass(frozen=True, slots=True)
class ModalityWords:
    """The word lists of `data/modality/`, one lemma a line, checked when loaded."""

    threat: frozenset[str]  # `пригрозил ввести`: threatened
    intent: frozenset[str]  # `намерена ввести`: intended
    intent_words: frozenset[str]  # triggers that are an intent: `выразила готовность`
    hypothesis: frozenset[str]  # `может`, `если`, `бы`: hypothetical
    forecast: frozenset[str]  # `есть вероятность`: predicted
    attributing: frozenset[str]  # reporting verbs: their subject asserts what follows
    opinion: frozenset[str]  # of those, words of belief: an opinion, not a report
    according: frozenset[str]  # `по мнению X`, `по словам X`
    litotes: frozenset[str]  # `не скрывают раздражения` expresses it
    opinion_stems: frozenset[str]  # `«…», — считает эксперт`: the verb's stem
    conditions: frozenset[str]  # `в случае нападения`: after `в`, a condition
    appeals: frozenset[str]  # `призвала вывести войска`: what is called for, not done
    refusals: frozenset[str]  # `отказалась осуждать`, `воздержался от удара`: not done
    denials: frozenset[str]  # `отрицает, что …`, `опроверг сообщения о …`: not done
    disowning: frozenset[str]  # `отверг сообщения о …`: a report of the act denied
    reports: frozenset[str]  # `сообщения`, `информация`, `обвинения`: what tells an act
    cancellations: frozenset[str]  # `отменил визит`, `отложены переговоры`: not done
    responses: frozenset[str]  # `ответит, если …`: a threat only under a condition
    condition_marks: frozenset[str]  # `если`: the clause it marks is a condition
    prepared: frozenset[str]  # `США готовят санкции`: the act, their object, is intended
    offers: frozenset[str]  # `предложила посредничество`: an AGREE offered is intended
    occurring: frozenset[str]  # `переговоры состоялись`: the act noun's verb of taking place
    scheduled: frozenset[str]  # `визит запланирован`: an act noun set for a time to come


@functools.cache
def load_modality(folder: Path = BUILTIN) -> ModalityWords:
    return read_lists(ModalityWords, folder)


WORDS = load_modality()
# the verbs an act noun may be the subject of that tell whether it takes place (`_subject_verb`)
SUBJECT_VERBS = WORDS.occurring | WORDS.scheduled


@dataclass(frozen=True, slots=True)
class Attribution:
    text: str
    start: int
    end: int
    code: str | None
    opinion: bool  # an opinion or forecast (считает, по мнению), not a report of fact


def _governors(tree: Tree, i: int) -> list[int]:
    """The trigger and the verbs it depends on through xcomp, ccomp, acl … up to the root."""
    chain, node = [i], i
    while (head := tree.head(node)) is not None and len(chain) < 6:
        if tree.rel(node) not in ("xcomp", "ccomp", "csubj", "acl", "obj", "nmod", "obl",
                                  "advcl", "parataxis", "conj", "acl:relcl"):
            break
        chain.append(head)
        node = head
    return chain


def _subject_verb(tree: Tree, trigger: int) -> int | None:
    """The verb an act noun is the subject of, when it tells that the act takes place or is
    set for later (`WORDS.occurring`, `WORDS.scheduled`): `переговоры не состоялись`,
    `визит запланирован на весну`; None for a verb that only talks about the act."""
    head = tree.head(trigger)
    if (head is None or tree.tokens[trigger].pos != "NOUN"
            or tree.rel(trigger) not in ("nsubj", "nsubj:pass")):
        return None
    return head if tree.tokens[head].lemma in SUBJECT_VERBS else None


def _negated(tree: Tree, i: int) -> bool:
    return any(tree.tokens[c].lemma == grammar("negation") for c in tree.children[i])


def negated(tree: Tree, trigger: int, chain: list[int]) -> bool | None:
    """`не атаковала`, `отказался атаковать`-like heads, and `без осуждения` for nouns."""
    if tree.preposition(trigger) == grammar("without"):
        return True
    if (said := denied(tree, chain)) is not None:
        return said or None  # `не отрицает, что …`: affirmed, not negated
    if len(chain) > 1 and tree.tokens[chain[1]].lemma in WORDS.refusals and (
            tree.rel(trigger) == "xcomp" or tree.preposition(trigger) == grammar("from")):
        return True  # `отказалась осуждать Россию`, `воздержался от удара`
    if tree.tokens[trigger].pos == "NOUN" and tree.rel(trigger) in ("obl", "nmod"):
        chain = chain[:1]  # `не была наказана за свое вторжение`: the invasion took place
    for node in chain[:2]:
        if _negated(tree, node):
            return tree.tokens[node].lemma not in WORDS.litotes
    return None


def condition(tree: Tree, chain: list[int]) -> int | None:
    """The condition the trigger's clause is promised under: a clause marked `если`
    (`Россия ответит, если НАТО разместит …`: its verb) or `в случае` (`в случае нападения`:
    the noun `случае`), hung on the trigger or the verb it is the infinitive of (`будет
    вынужден ответить`)."""
    nodes = chain[:2] if len(chain) > 1 and tree.rel(chain[0]) == "xcomp" else chain[:1]
    for node in nodes:
        for c in tree.children[node]:
            if tree.rel(c) == "advcl" and any(
                    tree.tokens[m].lemma in WORDS.condition_marks and tree.rel(m) == "mark"
                    for m in tree.children[c]):
                return c
            if (tree.rel(c) == "obl" and tree.tokens[c].lemma in WORDS.conditions
                    and tree.preposition(c) == grammar("in")):
                return c
    return None


def _prepared(tree: Tree, trigger: int) -> bool:
    """`США готовят новые санкции против Ирана`, `ЕС подготовил пакет санкций`: an act
    prepared, the object of a verb of preparing, is not yet done (a report prepared about an
    act, `подготовило доклад о нападении`, says nothing of it)."""
    head = tree.head(trigger)
    return (head is not None and tree.rel(trigger) == "obj"
            and tree.tokens[head].lemma in WORDS.prepared)


def promised_under_condition(tree: Tree, node: int) -> bool:
    """`Пекин ответит, если …`, `в случае нападения будет вынужден ответить`: the word's
    clause is in the future and has a condition."""
    chain = _governors(tree, node)[:2]
    return _future(tree, chain) and condition(tree, chain) is not None


def cancelled(tree: Tree, trigger: int) -> bool:
    """`отменил визит в Пекин`, `переговоры отложены`, `отмена визита`: the act is what a
    verb or noun of cancelling takes; cancelled, it did not take place. (A refusal, `отказались
    от возобновления переговоров`, is REJECT, the talks no act.)"""
    head = tree.head(trigger)
    if head is None or tree.tokens[trigger].pos != "NOUN":
        return False
    return (tree.tokens[head].lemma in WORDS.cancellations
            and tree.rel(trigger) in ("obj", "nsubj:pass", "nsubj", "nmod")
            and not _negated(tree, head))


def denied(tree: Tree, chain: list[int]) -> bool | None:
    """A denial that the act took place: the act said by a verb or noun of denial
    (`Пхеньян отрицает, что поставлял снаряды`, `опроверг сообщения о переговорах`), or by
    a verb that rejects a report of it (`отверг сообщения о том, что Путин встретится`,
    `отверг обвинения в обстреле`): True; a denial itself negated (`не отрицает`) affirms
    it: False; None when no denial says the act."""
    for k, node in enumerate(chain[1:4], 1):
        lemma = tree.tokens[node].lemma
        if lemma in WORDS.denials or (lemma in WORDS.disowning and any(
                tree.tokens[n].lemma in WORDS.reports for n in chain[1:k])):
            return not _negated(tree, node)
    return None


def _lemmas(tree: Tree, chain: list[int], own: bool = False) -> set[str]:
    """The chain's lemmas and those of their auxiliaries, marks (`чтобы`) and adverbs; of
    the trigger itself (`own`) also its adjectives (`предстоящий визит`, `возможный удар`)."""
    rels = ("aux", "mark", "advmod", "parataxis", "cop", *(("amod",) if own else ()))
    lemmas = {tree.tokens[n].lemma for n in chain}
    for node in chain:
        lemmas |= {tree.tokens[c].lemma for c in tree.children[node] if tree.rel(c) in rels}
    return lemmas


def modality(tree: Tree, trigger: int, event_type: str, attribution: Attribution | None,
             negative_word: bool = False, scheduled: bool = False,
             cancellable: bool = False, hostile: bool = False) -> str:
    """The event's modality; `scheduled`: the trigger's own future is an intent, as a
    visit's is (a promise: `заявили, что будут сотрудничать`, not `позволит получить
    помощь`); `cancellable`: an act of a type that, cancelled, did not take place; `hostile`:
    an act of a type that, promised under a condition, is threatened."""
    chain = _governors(tree, trigger)
    subject_verb = _subject_verb(tree, trigger)
    if subject_verb is not None and len(chain) == 1:
        chain = [trigger, *_governors(tree, subject_verb)]
    lemmas = (_lemmas(tree, chain[1:])
              | _lemmas(tree, chain[:1], own=True) - {tree.tokens[trigger].lemma})
    appealed = lemmas
    if (len(chain) > 1 and tree.rel(trigger) == "advcl"
            and tree.tokens[trigger].feat("VerbForm") == "Conv"):
        # `Встретившись с Си, Байден призвал Пекин …`: what a converb tells was done by who
        # appeals, not asked of anyone (the appeal's own infinitive is what is asked)
        appealed = lemmas - {tree.tokens[chain[1]].lemma}
    if cancellable and cancelled(tree, trigger):
        return "negated"
    if negative_word is False and negated(tree, trigger, chain):
        if not appealed & WORDS.appeals:
            return "negated"
        # `призвал Пхеньян не проводить испытаний`: an act asked not to be done is neither
        # done nor denied
        return "hypothetical"
    if event_type != "THREATEN" and lemmas & WORDS.threat:
        return "threatened"
    if lemmas & WORDS.hypothesis or appealed & WORDS.appeals or any(
            tree.tokens[n].lemma in WORDS.conditions and tree.preposition(n) == grammar("in")
            for n in chain):
        return "hypothetical"
    if (subject_verb is not None and tree.tokens[subject_verb].lemma in WORDS.scheduled
            and not (attribution is not None and attribution.opinion)):
        # `визит запланирован на весну`, `ожидается визит`: set as `посетит` is
        return "intended" if scheduled or event_type == "CONSULT" else "predicted"
    if lemmas & WORDS.forecast:
        return "predicted"
    if event_type == "THREATEN" and {tree.tokens[n].lemma for n in chain[:2]} & WORDS.intent_words:
        # `пообещал жесткий ответ Израилю`, `пообещал отомстить`: a retaliation promised is
        # the threat made, not an act intended
        return "factual"
    if (event_type == "AGREE" and tree.tokens[trigger].lemma in WORDS.offers) or _prepared(
            tree, trigger) or lemmas & WORDS.intent or tree.tokens[
            trigger].lemma in WORDS.intent_words or any(
            tree.tokens[c].lemma in WORDS.intent_words for c in tree.children[trigger]
            if tree.rel(c) == "obj" or (tree.rel(c) == "obl" and tree.case(c) == "Loc")):
        # `выразила готовность`, `заявила о готовности`
        return "intended"
    if (hostile and _future(tree, chain) and condition(tree, chain) is not None
            and not (attribution is not None and attribution.opinion)):
        return "threatened"  # `ЕС введет санкции, если Минск не освободит …`
    if ((_future(tree, chain) and event_type == "CONSULT") or (scheduled and _future(
            tree, chain[:1]))) and not (
            attribution is not None and attribution.opinion):
        return "intended"  # `посетит Москву`: a visit or meeting scheduled
    if _future(tree, chain) and (attribution is None or attribution.opinion or
                                 event_type not in ("AGREE", "THREATEN")):
        return "predicted"
    if attribution is not None and attribution.opinion and _future_or_present(tree, chain):
        return "predicted"
    return "factual"


def _future(tree: Tree, chain: list[int]) -> bool:
    for node in chain[:2]:
        token = tree.tokens[node]
        if token.feat("Tense") == "Fut":
            return True
        # `будут сотрудничать`: the parser may tag the auxiliary of an infinitive present
        if any(tree.tokens[c].lemma == grammar("auxiliary") and (
                tree.tokens[c].feat("Tense") == "Fut" or (
                tree.rel(c) == "aux" and token.feat("VerbForm") == "Inf"
                and tree.tokens[c].feat("Tense") == "Pres")) for c in tree.children[node]):
            return True
    return False


def _future_or_present(tree: Tree, chain: list[int]) -> bool:
    return _future(tree, chain) or tree.tokens[chain[0]].feat("Tense") == "Pres"


def speaker(tree: Tree, verb: int) -> Mention | tuple[int, int] | None:
    """The subject of a verb of saying: its mention, or its words' span if it names none."""
    subjects = [c for c in tree.children[verb] if tree.rel(c) in ("nsubj", "nsubj:pass")]
    if not subjects:
        return None
    subject = subjects[0]
    return tree.mention_at.get(subject) or (tree.tokens[subject].start, tree.tokens[subject].end)


def attribution_in(tree: Tree, trigger: int, text: str) -> Attribution | None:
    """`заявил X …`, `X считает, что …`, `по словам X`: who asserts the trigger's clause."""
    chain = _governors(tree, trigger)
    for node in chain[1:]:
        token = tree.tokens[node]
        if token.lemma in WORDS.attributing:
            found = speaker(tree, node)
            if found is not None:
                return _attribution(found, text, token.lemma in WORDS.opinion,
                                    _speaker_body(tree, node))
    for node in chain:  # `ВСУ обстреляли Донецк, сообщило Минобороны`: the reporting verb
        for child in tree.children[node]:  # hung on the clause it reports, after it
            if tree.rel(child) == "parataxis" and tree.tokens[child].lemma in WORDS.attributing:
                found = speaker(tree, child)
                if found is not None:
                    return _attribution(found, text, tree.tokens[child].lemma in WORDS.opinion,
                                        _speaker_body(tree, child))
    for i, token in enumerate(tree.tokens):  # по мнению / по словам X, anywhere in the clause
        if token.lemma in WORDS.according and tree.preposition(i) == grammar("by"):
            holders = [c for c in tree.children[i] if tree.case(c) == "Gen"
                       or tree.rel(c) in ("nmod", "det")]
            if holders:
                found = tree.mention_at.get(holders[0]) or (
                    tree.tokens[holders[0]].start, tree.tokens[holders[0]].end)
                return _attribution(found, text, token.lemma in WORDS.opinion)
    return None


def _speaker_body(tree: Tree, verb: int) -> str | None:
    """The code of the body a speaker named by no actor of its own speaks for: the actor of
    its genitive, or that genitive's (`Глава МИД Эстонии заявил`, `министр обороны страны`)."""
    subjects = [c for c in tree.children[verb] if tree.rel(c) in ("nsubj", "nsubj:pass")]
    if not subjects or subjects[0] in tree.mention_at:
        return None
    frontier = [subjects[0]]
    for _ in range(2):  # `министр обороны страны`: the body two genitives down
        frontier = [c for n in frontier for c in tree.children[n] if tree.rel(c) == "nmod"]
        for c in frontier:
            body = tree.mention_at.get(c)
            if body is not None and body.actor is not None and body.actor.code:
                return body.actor.code
    return None


def _attribution(found: Mention | tuple[int, int], text: str, opinion: bool,
                 body: str | None = None) -> Attribution:
    if isinstance(found, Mention):
        code = found.actor.code if found.actor else None
        return Attribution(found.text, found.start, found.end, code, opinion)
    start, end = found
    return Attribution(text[start:end], start, end, body, opinion)


_QUOTE_END = re.compile(r"»\s*[,.!?]?\s*[—–-]\s*(?P<verb>\w+)\s+(?P<who>[^.!?\n]{1,80})")
_OPINION_WORDS = re.compile("|".join(sorted(WORDS.opinion_stems)), re.I)


def quoted_speakers(text: str) -> list[tuple[int, int, Attribution]]:
    """«…», — считает эксперт: (quote start, quote end, speaker) for every such quotation.
    The text is read as the NLP reads it, without invisible characters; the offsets are
    the text's own."""
    where = Visible.of(text)
    found = []
    for match in _QUOTE_END.finditer(where.text):
        close = match.start()
        open_ = where.text.rfind("«", 0, close)
        if open_ < 0:
            continue
        who_start = match.start("who")
        who = match.group("who").split(",")[0].strip()
        start, end = where.start(who_start), where.end(who_start + len(who))
        opinion = bool(_OPINION_WORDS.match(match.group("verb")))
        found.append((where.start(open_), where.start(close),
                      Attribution(text[start:end], start, end, None, opinion)))
    return found

