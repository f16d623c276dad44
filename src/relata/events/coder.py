"""The event coder: triggers from the lexicon, their sides from the parse, coded events.

One event per (trigger, source, target), with its evidence: the trigger, the
sentence and the spans of source and target, all char offsets into the input.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from ..actors.context import appositions
from ..language.markup import visible
from ..records import Actor, Analysis, Event, Mention, Sentence, Span
from ..records import Attribution as AttributionRecord
from .acts import not_an_act, refusals_of_undone
from .arguments import Tree, likewise
from .lexicon import Lexicon, Predicate, load_lexicon
from .modality import Attribution, attribution_in, modality, quoted_speakers
from .ontology import Ontology, load_ontology
from .policies import Policies, Told, announced, demanded, read_by_sides, recode, retype
from .rules import (
    CROWDS,
    IMPLIED,
    SOURCE_RULES,
    TARGET_RULES,
    UNNAMED_RULES,
    Act,
    aimed_at_none,
    apply,
    read_valency,
)
from .sides import (
    DOER,
    FOREIGNERS,
    Side,
    actor_of,
    acts_at_home,
    at_border,
    companions,
    domestic,
    fill,
    governor_fill,
    home_government,
    nearest_other,
    place_target,
    reciprocal,
    rejects_what_was_said,
    self_loop,
    sent_away,
    side_key,
    side_of,
    speakers,
    stands_for,
)
from .speech import Report, SpeechWords, above, load_speech, may_report, points_back, reports
from .triggers import Trigger, find_triggers
from .when import event_date
from .where import locate
from .words import grammar, valued, words

# Words that say how an act was done: `ракетный обстрел`, `гуманитарная помощь`.
MODES = ("aerial", "heavy-weapons", "humanitarian", "military", "economic")
MODE_WORDS = {kind: valued(f"mode-{kind.lower()}", MODES) for kind in ("ASSAULT", "AID")}
# Verbs that keep from what their object says: `избегал агрессивных высказываний`.
AVOID = words("avoid")
# The type policies (HOSTILE, MUTUAL …) are data: `policies` of data/ontology.yaml.


def _mode(tree: Tree, trigger: Trigger) -> str | None:
    """The lexicon's mode, or one a nearby word gives (`ракетного обстрела`, `атаку
    десятками дронов`: aerial)."""
    if trigger.predicate.mode:
        return trigger.predicate.mode
    words = MODE_WORDS.get(trigger.predicate.type, {})
    window = range(max(0, trigger.first - 2), min(len(tree.tokens), trigger.last + 5))
    return next((words[tree.tokens[i].lemma] for i in window if tree.tokens[i].lemma in words),
                None)


def _question(text: str, sentence: Sentence) -> bool:
    """A question reports no act: `Существует ли сегодня диалог между Украиной и Россией?`"""
    if text.find("?", sentence.start, sentence.end) < 0:
        return False  # most sentences: no question mark to look behind the quotes for
    return visible(text[sentence.start : sentence.end]).rstrip(" »\"").endswith("?")


# Coordinated sides each get an event (`призвал Грецию, Ирландию, Испанию и Португалию`: four);
# the cap only bounds what a long list of names (a summit's guests) can multiply into.
CONJUNCTS = 8


@dataclass
class _Document:
    """What the coder remembers while it reads one document."""

    analysis: Analysis
    quotes: list[tuple[int, int, Attribution]]
    previous_doer: Side | None = None  # who did the first act of the sentence before

    @functools.cached_property
    def starts(self) -> list[int]:
        return [m.start for m in self.analysis.mentions]

    @functools.cached_property
    def antecedents(self) -> tuple[list[Mention], list[int]]:
        """The mentions a pronoun may point back to (less role nouns in apposition to a
        name, which restate it: `appositions`), with how many of them start before each
        mention of the document."""
        apposed = appositions(self.analysis.document.text, self.analysis.mentions)
        kept: list[Mention] = []
        before: list[int] = []
        for mention in self.analysis.mentions:
            before.append(len(kept))
            if mention.start not in apposed:
                kept.append(mention)
        before.append(len(kept))
        return kept, before

    @functools.cached_property
    def genders(self) -> dict[int, str]:
        """The grammatical gender of each mention's first noun, by the mention's start."""
        nouns = [t for s in self.analysis.sentences for t in s.tokens
                 if t.pos in ("NOUN", "PROPN")]  # in text order, as sentences are
        starts = [t.start for t in nouns]
        found = {}
        for mention in self.analysis.mentions:
            k = bisect.bisect_left(starts, mention.start)
            if k < len(nouns) and nouns[k].start < mention.end and nouns[k].feat("Gender"):
                found[mention.start] = nouns[k].feat("Gender")
        return found


# Why a trigger gave no event (`CodeEvents.trace`, `relata eval events --why`)
NOT_AN_ACT = "not an act here (a topic, a refusal's object, a word of another act)"
NO_ENEMY = "a fight with no enemy named"
NO_SOURCE = "no source found"
NO_TARGET = "no target found for an act that needs one"
GROUP = "a side is a group of states"
UNKNOWN_SOURCE = "a source no dictionary knows"
SELF = "an actor acting on itself"
AT_HOME = "a visit at home"


@dataclass(frozen=True, slots=True)
class Traced:
    """A trigger found in a document (`reason` None) or why it was dropped."""

    doc_id: str
    start: int
    end: int
    type: str
    reason: str | None


class CodeEvents:
    """Stage: events from the parsed sentences of each analysed document."""

    name = "events"

    def __init__(self, lexicon: Lexicon | None = None, ontology: Ontology | None = None,
                 speech: SpeechWords | None = None, groups: Collection[str] = ()):
        self.lexicon = lexicon or load_lexicon()
        # Groups of states (`западные страны`, WST) are actors of mentions, not sides of
        # events: the guide codes an act by states and organisations, and a group's act
        # coded as one event matched no gold event (dev gold, held-out part: P 0.81 → 0.79).
        # A small group news names as acting each (`each: true`: `страны Балтии выслали …`)
        # is every member of it, as a coordination is (`Эстония, Латвия и Литва …`).
        self.each = {code: group.members for code, group in getattr(groups, "items", dict)()
                     if getattr(group, "each", False)}
        self.groups = frozenset(groups) - set(self.each)
        self.ontology = ontology or load_ontology()
        self.speech = speech or load_speech()
        self.policies = Policies.of(self.ontology)
        self.hostile = frozenset(lemma for lemma, p in self.lexicon.words.items()
                                 if p.type in self.policies.hostile)
        self._triggers = self.lexicon.lemmas  # a property that builds a set: once
        self.patients_codes = tuple(self.ontology.policy("patients-state").codes)
        # `relata eval events --why`: each trigger found, and why one gave no event; None
        # (the default) records nothing
        self.trace: list[Traced] | None = None

    def _dropped(self, state: _Document, tree: Tree, trigger: Trigger, reason: str | None
                 ) -> None:
        if self.trace is not None:
            self.trace.append(Traced(state.analysis.document.id,
                                     tree.tokens[trigger.first].start,
                                     tree.tokens[trigger.last].end,
                                     trigger.predicate.type, reason))

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        return [self._code(a) if a.analysed and a.sentences else a for a in batch]

    def _members(self, sides: list) -> list:
        """Sides with a small group that acts each (`страны Балтии` → EST, LVA, LTU) as its
        members, each with the group's span."""
        found = []
        for side in sides:
            actor = side.actor
            members = self.each.get(actor.code, ())
            found += [dataclasses.replace(side, actor=Actor(m + (actor.sector or ""), m,
                                                            actor.sector, actor.name))
                      for m in members] or [side]
        return found

    def may_code(self, lemmas: set[str]) -> bool:
        """Whether a sentence with these lemmas may hold an event: a trigger word, or a word
        of reported speech (what the parser is worth running for; a headline's `X: «…»`
        has no reporting word, its blame or demand has)."""
        if not lemmas.isdisjoint(self._triggers):
            return True
        return may_report(self.speech, lemmas)

    def _code(self, analysis: Analysis) -> Analysis:
        state = _Document(analysis, quoted_speakers(analysis.document.text))
        text = analysis.document.text
        events: list[Event] = []
        for sentence in analysis.sentences:
            if sentence.parsed and not _question(text, sentence):
                events.extend(self._sentence(state, sentence))
            else:
                state.previous_doer = None
        return dataclasses.replace(analysis, events=tuple(_unique(events)))

    def _sentence(self, state: _Document, sentence: Sentence) -> Iterator[Event]:
        everything = state.analysis.mentions  # in document order
        first = bisect.bisect_left(state.starts, sentence.start)
        last = bisect.bisect_left(state.starts, sentence.end)
        kept, before = state.antecedents
        tree = Tree(sentence.tokens, everything[first:last], kept[:before[last]], state.genders)
        triggers = find_triggers(tree, self.lexicon)
        for trigger in triggers if self.trace is not None else ():
            self._dropped(state, tree, trigger, None)
        # `отказалась осуждать Россию`: the refused act is coded, negated; the refusal is not
        undone = refusals_of_undone(tree, triggers, self.policies.refused_undone)
        acts_seen = [t for t in triggers if t.head not in undone]
        last_source: dict[str, Side] = {}  # a missing attacker is the last one in the sentence
        last_doer: Side | None = None  # of any act
        first_doer: Side | None = None
        n, previous, produced = -1, None, False
        acted: set[tuple[int, str]] = set()  # (trigger head, type) of the acts found
        while True:
            if previous is not None and not produced and (alone := self._noun_alone(previous)):
                triggers.insert(n + 1, alone)  # `Просьба Сирии … была удовлетворена`: the
                # pair found no doer, the request is still an act of its own
            n += 1
            if n >= len(triggers):
                break
            trigger = previous = triggers[n]
            produced = False
            if trigger.head in undone or not_an_act(tree, trigger, acts_seen):
                self._dropped(state, tree, trigger, NOT_AN_ACT)
                continue
            trigger = retype(tree, trigger, self.ontology)
            p = trigger.predicate
            until = triggers[n + 1].first if n + 1 < len(triggers) else len(tree.tokens)
            noun = self._noun_predicate(trigger)
            p = read_valency(tree, trigger, p, self.lexicon)
            noun_slots = noun or p
            others = [t for t in triggers if t.head != trigger.head]  # the other act words
            source_act = Act(
                tree, trigger, p, p.source, noun_slots.source,
                told_own=p.type in self.policies.told_own, lexicon=self.lexicon,
                cancellable=p.type in self.policies.cancellable,
                others={t.head: t.predicate.source for t in others},
                patients_codes=self.patients_codes,
                other_codes=tuple(t.predicate.cameo for t in others))
            source_rule, sources = apply(SOURCE_RULES, source_act,
                                         places=False)  # `захват Крыма`: Crimea is no doer
            if not any(s.actor.code or s.actor.country for s in sources):
                # `тысячи человек вышли на улицы Афин`: a crowd no one names, by where
                unnamed_rule, unnamed = apply(UNNAMED_RULES, source_act, places=False)
                if unnamed:
                    source_rule, sources = unnamed_rule, unnamed
            # `Сухейль Шахин, представитель талибов написал о встрече`, the name and its
            # description parsed as two subjects: a name no dictionary knows is no second
            # side beside a coded one (it would make the act mutual between them)
            sources = [s for s in sources if s.actor.code or s.actor.country] or sources
            target_act = Act(tree, trigger, p, p.target, noun_slots.target, lexicon=self.lexicon,
                             others={t.head: t.predicate.target for t in others})
            _, targets = apply(TARGET_RULES, target_act)
            if p.aimed and not any(t.actor.code or t.actor.country for t in targets):
                self._dropped(state, tree, trigger, NO_ENEMY)
                continue  # `борьба с коррупцией`: a struggle with no enemy is no fight
            symmetric = p.symmetric or (noun is not None and noun.symmetric)
            if len(sources) >= 2 and not symmetric and reciprocal(tree, trigger.head) and not any(
                    side_key(t) not in {side_key(s) for s in sources} for t in targets
                    if t.actor.code or t.actor.country):
                targets = list(sources)  # `Индия и Пакистан обвинили друг друга`: each the other
            elif (len(sources) == 1 and len(targets) == 1 and not symmetric
                  and targets[0].actor.country != sources[0].actor.country
                  and reciprocal(tree, trigger.head)):
                sources = targets = [sources[0], targets[0]]  # `обменялся ударами с ХАМАС`
            # `Россия и Китай договорились с Ираном`, `лидеры Германии и Франции встретились
            # с Путиным`: a partner named is the other side of each doer's act (coordination,
            # as for any act), not the doers of each other's; a place (`встретились в Сочи`)
            # names no partner
            partnered = any(not t.place and side_key(t) not in {side_key(s) for s in sources}
                            and not at_border(tree, t)  # `учения у границы с Арменией`
                            for t in targets)  # `между Украиной и Азербайджаном`: both
            both_ways = len(sources) >= 2 and ((symmetric and not partnered) or (
                not targets and p.type in self.policies.mutual
                and len({s.actor.country for s in sources if s.actor.country}) >= 2))
            if both_ways:  # `между Украиной и Азербайджаном`, `X и Y договорились`: one event
                # of both sides, which stands for either direction
                sources, targets, symmetric = sources[:1], sources[1:2], True
            if not targets and p.type == "ASSAULT":
                targets = place_target(tree, sources[0] if sources else None)
            trigger, targets = read_by_sides(tree, trigger, sources, targets, self.ontology)
            p = trigger.predicate
            inherited = source_rule in IMPLIED  # an organ no one names: less sure
            if (not sources and targets and p.type in self.policies.inherited
                    and p.type in last_source):
                sources, inherited = [last_source[p.type]], True  # `армия РФ атаковала …,
                # а также был нанесен ущерб …`
            elif (not sources and targets and last_doer and tree.is_passive(trigger.head)
                  and tree.rel(trigger.head) not in ("acl", "acl:relcl", "amod")):
                # `ввод российских войск в Сирию, …, нанесены удары по ИГ, выведены войска`
                sources, inherited = [last_doer], True
            if (sources and acts_at_home(p, sources[0]) and p.lemma not in FOREIGNERS
                    and not sent_away(tree, trigger.head)
                    and not any(t.actor.code or t.actor.country for t in targets)):
                heads = (trigger.head,) if trigger.noun is None else (trigger.head, trigger.noun)
                targets = domestic(tree, heads, (*p.target, f"prep:{grammar('against')}",
                                          f"prep:{grammar('regarding')}"),
                                   sources[0], targets) or targets
            if (not targets and p.type == "REJECT" and state.previous_doer is not None
                    and side_key(state.previous_doer) not in {side_key(s) for s in sources}
                    and rejects_what_was_said(tree, trigger.head)):
                # `Арабская лига вынесла решение просить ООН … Израиль и США отвергают
                # подобный шаг`: what is rejected was done by who acted first before
                targets, inherited = [state.previous_doer], True
            doers = [*sources, *(targets[:1] if symmetric else [])]
            if (asked := demanded(tree, trigger, doers, self.speech.reporting,
                                  self.ontology)) is not None:
                # `Меркель подчеркнула, что ЕС и НАТО должны сотрудничать`: asked of both;
                # no companions are sought (`both_ways`): the speakers are named
                (trigger, sources), targets = asked, doers
                p, symmetric, both_ways = trigger.predicate, False, True
            guessed = not targets and bool(sources)
            # a crowd no one names (`в Москве прошёл митинг`) protests against whom its
            # words say, else the government of its own state the sentence names, else
            # no one: no other actor nearby is guessed for it
            if guessed and source_rule in CROWDS:
                targets = home_government(tree, sources[0])
            elif guessed and p.type not in self.policies.unguessed:
                targets = nearest_other(tree, trigger, sources, symmetric)
            if not any(s.actor.code or s.actor.country for s in sources):
                # `вождь Бен Карнс`: a doer found whom no dictionary knows, told apart from
                # none found (`relata eval events --why`)
                self._dropped(state, tree, trigger, UNKNOWN_SOURCE if sources else NO_SOURCE)
                continue
            act = dataclasses.replace(target_act, trigger=trigger, predicate=p)
            if (targets and all(t.place and t.actor.country == sources[0].actor.country
                                for t in targets)
                    and aimed_at_none(act, sources, source_rule) is not None):
                targets = []  # `ввели комендантский час в Париже`: where, at home, not whom
            if (not targets and p.target and p.type != "ASSAULT"
                    and aimed_at_none(act, sources, source_rule) is None):
                self._dropped(state, tree, trigger, NO_TARGET)
                continue  # a non-violent act aimed at someone unnamed: too unsure to code
            last_source[p.type] = last_doer = sources[0]
            first_doer = first_doer or last_doer
            # `партию Национальный фронт`: a name no dictionary knows says nothing that a
            # coded one beside it (`французскую`) does not
            coded = [t for t in targets if t.actor.code or t.actor.country]
            targets = coded or targets
            if not both_ways:  # `Так же, как и Украина, Молдавия подписала соглашение с ЕС`
                joined = [c for c in companions(tree, trigger.head)
                          if side_key(c) not in {side_key(s) for s in (*sources, *targets)}]
                sources = [*[*sources, *joined][:CONJUNCTS], *filter(None, (
                    actor_of(tree, k) for k in likewise(tree, trigger.head)))]
            sources, targets = self._members(sources), self._members(targets)
            for source, target in [(s, t) for s in sources for t in targets[:CONJUNCTS] or [None]]:
                if {source.actor.code, target and target.actor.code} & self.groups:
                    self._dropped(state, tree, trigger, GROUP)
                    continue  # a group of states is no side of an event
                if not (source.actor.code or source.actor.country):
                    self._dropped(state, tree, trigger, UNKNOWN_SOURCE)
                    continue  # a name no dictionary knows cannot be coded
                if target is not None and self_loop(source, target):
                    self._dropped(state, tree, trigger, SELF)
                    continue  # an act inside one country is coded, an actor on itself is not
                if (target is not None and p.type == "CONSULT" and target.place
                        and target.actor.country == source.actor.country):
                    self._dropped(state, tree, trigger, AT_HOME)
                    continue  # a visit at home (`прибыл в Екатеринбург`) is no relation
                produced = True
                acted.add((trigger.head, p.type))
                yield self._event(state, tree, sentence, trigger, until, source, target,
                                  inherited or guessed, (*sources, *targets),
                                  symmetric=symmetric and target is not None)
        before = first_doer or state.previous_doer  # who did the act told last
        state.previous_doer = first_doer
        for report in reports(tree, self.speech, self.hostile):
            yield from self._report(state, tree, sentence, report, before, acted)

    def _report(self, state: _Document, tree: Tree, sentence: Sentence, report: Report,
                before: Side | None = None,
                coded: Collection[tuple[int, str]] = ()) -> Iterator[Event]:
        """An accusation, demand (or praise) in reported speech: each speaker towards the
        doers of the wrongful acts or demands said, other than the speaker (`Хаменеи
        заявил, что США сыграли …`); when no act said has a doer, towards the first other
        actor named in what is said, and the actors coordinated with it (`в адрес США и
        ЕС`). A demand needs someone it is made of; blame of a thing done by no one named
        is no event of a pair, but an act a naming verb calls so is an accusation with no
        target (`назвали этот шаг эскалацией`: `_named_thing`). A converb that says what the
        verb it hangs on did (`осудил визит, назвав его оскорблением`) is that verb's act,
        coded once."""
        head = tree.head(report.verb)
        if (tree.tokens[report.verb].feat("VerbForm") == "Conv" and head is not None
                and (self._coded_as(tree, head, report.type) or (head, report.type) in coded)):
            return  # `резко отреагировал …, заявив, что …`: a frame's act, coded once
        # `заявил, что Россия осуждает агрессию Турции`: what the lexicon's `осуждает` codes
        acts = [act for act in report.acts if not any(
            self._coded_as(tree, node, report.type) for node in above(tree, act, report.content))]
        if report.acts and not acts:
            return
        report = dataclasses.replace(report, acts=tuple(acts))
        speaking = ([side_of(tree.mention_at[report.speaker])] if report.speaker is not None
                    else speakers(tree, report.verb))
        sources = [s for s in speaking if s.actor.code or s.actor.country]
        countries = {side_key(s) for s in sources}
        found = [self._doers(tree, report, act) for act in report.acts]
        if report.type == "REQUEST":  # `Германия и Франция должны работать вместе`, said by
            # Merkel: a duty the speaker shares is a joint resolve, not a demand of the others
            found = [[] if sides and countries & {side_key(s) for s in sides} else sides
                     for sides in found]
        done = [d for sides in found if sides is not None for d in sides]
        targets = list({side_key(d): d for d in done if (d.actor.code or d.actor.country)
                        and side_key(d) not in countries}.values())
        # doers told, but none another coded actor (the speaker's own acts, a name no
        # dictionary knows, a thing done by no one named) blame no one else named nearby
        told = any(sides is not None for sides in found)
        named = () if told or report.type == "REQUEST" else sorted(report.content)
        for i in named:
            mention = tree.mention_at.get(i)
            actor = mention.actor if mention else None
            meant = stands_for(tree, i) if mention is None else None  # `который нарушил`
            if meant is not None and meant.actor.code and side_key(meant) not in countries:
                targets = [meant]
                break
            if actor is not None and actor.code and (actor.country or actor.code) not in countries:
                targets = [side_of(mention)] + [
                    side_of(tree.mention_at[c]) for c in tree.conjuncts(i)[1:]
                    if c in tree.mention_at and tree.mention_at[c].actor is not None
                    and tree.mention_at[c].actor.code]
                break
        if (not targets and report.type == "ACCUSE" and before is not None
                and side_key(before) not in countries and points_back(tree, report)):
            targets = [before]  # `после поездки Медведева … заявил, что этот визит
            # «вызывает сожаление»`: the act pointed back to was done by who acted last
        if not targets and self._named_thing(tree, report):
            targets = [None]
        verb = tree.tokens[report.verb]
        predicate = Predicate(report.type, report.cameo, lemma=verb.lemma)
        trigger = Trigger(report.verb, predicate, report.verb, report.verb)
        # what is said has a modality of its own: `стремится ослабить, считает X` is an
        # intent reported, the accusation itself is a fact
        said = ("negated" if any(tree.tokens[c].lemma == grammar("negation")
                                 for c in tree.children[report.verb])
                or (verb.pos == "NOUN" and head is not None and tree.tokens[head].lemma in AVOID)
                else "predicted" if verb.feat("Tense") == "Fut" else "factual")
        for source in sources[:CONJUNCTS]:
            for target in targets[:CONJUNCTS]:
                event = self._event(state, tree, sentence, trigger, len(tree.tokens), source,
                                    target, False)
                yield dataclasses.replace(event, modality=said)

    def _named_thing(self, tree: Tree, report: Report) -> bool:
        """Whether a report blames a thing its verb calls so, done by no one named: `Франция
        назвала этот шаг «опасной эскалацией»` is an accusation with no target; `Лавров
        заявил, что угроза растет` names nothing called so."""
        verb = report.verb
        objects = [c for c in tree.children[verb] if tree.rel(c) == "obj"
                   and tree.tokens[c].pos == "NOUN" and tree.tokens[c].feat("Animacy") != "Anim"]
        if (report.type != "ACCUSE" or tree.tokens[verb].lemma not in self.speech.naming
                or not objects or not report.acts):
            return False  # a person called so (`назвал его вруном`) is blamed, not a thing
        called = tree.subtree(objects[0])  # what it is called the parser may hang there

        def calls(act: int) -> bool:  # the name given, a noun of the act: the verb's, or
            # an instrumental (`этот шаг эскалацией`; not `итоги подтасованными`, a view
            # of a thing whose doer the context tells)
            word = tree.head(act) if tree.rel(act) == "amod" else act
            return word is not None and tree.tokens[word].pos == "NOUN" and (
                tree.head(word) == verb or (word in called and word != objects[0]
                                            and tree.case(word) == "Ins"))
        return all(calls(act) for act in report.acts)

    def _coded_as(self, tree: Tree, i: int, kind: str) -> bool:
        """Whether token i is a trigger word of the lexicon of this type of event."""
        p = self.lexicon.words.get(tree.tokens[i].lemma)
        return p is not None and p.type == kind

    @staticmethod
    def _doers(tree: Tree, report: Report, act: int) -> list[Side] | None:
        """Who did (or is to do) an act said: the subject of a verb or of a predicative word
        (`Украина виновна`), the dative of an obligation (`Киеву следует`), the owner of a noun
        (`вмешательство США`, `российская агрессия`), the actor a word of blame describes
        (`преступный режим Асада`), or the thing a reporting verb calls so and its owner
        (`назвал инициативу Вашингтона недопустимым вмешательством`; `назвали этот шаг
        эскалацией`: no one). None when nothing tells (`вызывает сожаление`, `агрессивных
        высказываний`)."""
        token, head = tree.tokens[act], tree.head(act)
        if report.type == "REQUEST":
            return fill(tree, act, ("subject", "dative"))
        if tree.rel(act) == "amod":  # `преступный режим Асада`; `агрессивных высказываний`
            side = actor_of(tree, head) if head is not None and head in tree.mention_at else None
            return [side] if side is not None else None
        if token.pos not in ("NOUN", "PROPN"):  # `вмешиваться` after `не собирается`: its
            # governor's subject; a clause of its own has its own (`этот поступок ранит`)
            return fill(tree, act, ("subject",)) or (
                governor_fill(tree, act, ("subject",)) if token.feat("VerbForm") == "Inf"
                else None) or None
        own = fill(tree, act, ("genitive", "adjective", DOER))
        if own:
            return own
        if head == report.verb and any(tree.rel(c) == "obj" for c in tree.children[head]):
            return fill(tree, head, ("object",))
        return None

    def _noun_predicate(self, trigger: Trigger) -> Predicate | None:
        """A light verb's noun as a trigger word of its own (`соглашение`), whose slots find
        the arguments hung on the noun: `заключенного соглашения между Украиной и …`."""
        if trigger.noun is None:
            return None
        return self.lexicon.words.get(trigger.noun_lemma)

    def _noun_alone(self, trigger: Trigger) -> Trigger | None:
        """A light-verb pair's noun as a trigger of its own, for when the pair codes nothing."""
        noun = self._noun_predicate(trigger)
        if noun is None or trigger.noun is None:
            return None
        return Trigger(trigger.noun, noun, trigger.noun, trigger.noun)

    def _event(self, state: _Document, tree: Tree, sentence: Sentence, trigger: Trigger,
               until: int, source: Side, target: Side | None, inherited: bool,
               sides: Sequence[Side] = (), symmetric: bool = False) -> Event:
        """The event, located by a place its sides (`sides`: all of the trigger's) are not."""
        document = state.analysis.document
        text = document.text
        start, end = tree.tokens[trigger.first].start, tree.tokens[trigger.last].end
        attribution = attribution_in(tree, trigger.head, text) or next(
            (a for open_, close, a in state.quotes if open_ <= start < close), None)
        said = modality(tree, trigger.head, trigger.predicate.type, attribution,
                        trigger.predicate.negative,
                        cancellable=trigger.predicate.type in self.policies.cancellable,
                        hostile=trigger.predicate.type in self.policies.hostile,
                        scheduled=announced(trigger.predicate.type, source.actor, attribution,
                                            self.policies))
        p, said = recode(Told(tree, trigger, source, target, attribution, said), self.ontology)
        trigger = dataclasses.replace(trigger, predicate=p)
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
            modality=said,
            trigger=Span(start, end, text[start:end]),
            sentence=Span(sentence.start, sentence.end, text[sentence.start : sentence.end]),
            source_span=source.span, target_span=target.span if target else None,
            attribution=attribution_record(attribution),
            location=locate(tree, trigger, until, used), confidence=round(confidence, 2),
            symmetric=symmetric,
        )


def attribution_record(attribution: Attribution | None) -> AttributionRecord | None:
    if attribution is None:
        return None
    return AttributionRecord(attribution.text, attribution.start, attribution.end,
                             attribution.code)


ONE_A_SENTENCE = frozenset({"REQUEST", "AGREE", "AID"})  # types coded once a sentence for two sides


def _state(actor: Actor | None) -> str | None:
    """The side an actor is one of: its country, else its code (an organisation)."""
    return None if actor is None else actor.country or actor.code


def _unique(events: list[Event]) -> Iterator[Event]:
    """Each event once. A demand is one a sentence for its two sides: `Меркель подчеркнула,
    что ЕС и НАТО должны сотрудничать` is found as the obligation (`должны сотрудничать`)
    and as the speech that voices it (`подчеркнула`); the first found stands. So is an
    intent to cooperate (AGREE): `выразил готовность оказать помощь Пакистану` is found as the
    readiness (`готовность`, 030) and as the aid it is readiness for (intended, so 033). And
    aid: `оказал Украине гуманитарную помощь: в больницы Киева доставлены медикаменты` is one
    aid told twice, its two sides the same states whatever sector each names (`UKR`, the
    hospitals' `UKRHLH`)."""
    seen = set()
    for event in events:
        if event.type in ONE_A_SENTENCE:
            key = (event.sentence.start, event.type, _state(event.source), _state(event.target),
                   None)
        else:
            key = (event.sentence.start, event.type, event.source.code, event.target and
                   event.target.code, event.trigger.start)
        if key not in seen:
            seen.add(key)
            yield event
