"""Arguments of a trigger from the UD parse, with the repairs Russian news needs.

Slots are those of the lexicon (`subject`, `object`, `dative`, `instrumental`,
`genitive`, `adjective`, `prep:X`). Each returns token indexes (0-based, in the
sentence) of the heads of the phrases that fill it.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..language.spelling import fold
from ..records import Mention, Token
from .words import grammar, valued, vowelled, words

# Relative pronouns (`который`), as the word list gives them.
RELATIVES = words("relatives")
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM", "X"})
# Possessive pronouns (`его`, `их`): whose a noun is, standing where its genitive would.
POSSESSIVES = valued("possessives", ("Masc", "Fem", "Plur"))
PASSIVE_RELS = frozenset({"nsubj:pass", "aux:pass"})
# Verbs that do a noun's act (`ввести санкции`, `оказать помощь`): a passive participle of
# one on an act noun names the act's doer in the instrumental (`оказанная Китаем помощь`).
DOING = words("support-verbs")


@dataclass(frozen=True)
class Tree:
    """A parsed sentence: tokens, children, and which mention covers which token."""

    tokens: Sequence[Token]
    mentions: Sequence[Mention]
    earlier: Sequence[Mention] = ()  # the document's mentions up to this sentence, in order
    genders: Mapping[int, str] = field(default_factory=dict)  # mention start → its gender

    @cached_property
    def children(self) -> list[list[int]]:
        kids: list[list[int]] = [[] for _ in self.tokens]
        for i, token in enumerate(self.tokens):
            if token.head:
                kids[token.head - 1].append(i)
        return kids

    @cached_property
    def mention_at(self) -> dict[int, Mention]:
        """The mention each token belongs to (the whole phrase, `армия РФ`)."""
        covered = {}
        tokens = self.tokens
        # A sentence's tokens are in text order, so their starts and ends both rise: only
        # the tokens from the first that ends at or after a mention's start to the last
        # that starts at or before its end can be in it (the others were tried in vain).
        starts, ends = [t.start for t in tokens], [t.end for t in tokens]
        for mention in self.mentions:
            for i in range(bisect.bisect_left(ends, mention.start),
                           bisect.bisect_right(starts, mention.end)):
                token = tokens[i]
                if mention.start <= token.start and token.end <= mention.end:
                    covered.setdefault(i, mention)
                elif token.start < mention.end and mention.start < token.end:
                    covered.setdefault(i, mention)  # a part of a hyphenated word
        return covered

    def head(self, i: int) -> int | None:
        return self.tokens[i].head - 1 if self.tokens[i].head else None

    def rel(self, i: int) -> str:
        return self.tokens[i].rel

    def preposition(self, i: int) -> str | None:
        """The preposition of token i (`на`, `против`), with the words fixed to it as
        written (`по поводу`, `в отношении`)."""
        for child in self.children[i]:
            if self.tokens[child].rel == "case":
                fixed = [self.tokens[f].text.lower() for f in self.children[child]
                         if self.tokens[f].rel == "fixed"]
                return " ".join([self.tokens[child].lemma, *fixed])
        return None

    def case(self, i: int) -> str | None:
        return self.tokens[i].feat("Case")

    def conjuncts(self, i: int) -> list[int]:
        """i and the phrases coordinated with it: `Украиной и Азербайджаном`."""
        return [i] + [c for c in self.children[i] if self.tokens[c].rel == "conj"]

    def subtree(self, i: int, depth: int | None = None) -> set[int]:
        """Token i and the tokens below it, `depth` levels down (all of them if None)."""
        found, frontier, level = {i}, [i], 0
        while frontier and (depth is None or level < depth):
            frontier = [c for n in frontier for c in self.children[n]]
            found.update(frontier)
            level += 1
        return found

    def is_passive(self, i: int) -> bool:
        token = self.tokens[i]
        return token.feat("Voice") == "Pass" or any(
            self.tokens[c].rel in PASSIVE_RELS for c in self.children[i])


def _dependents(tree: Tree, i: int, rels: frozenset[str] | None = None) -> list[int]:
    return [c for c in tree.children[i] if rels is None or tree.rel(c) in rels]


def _below(tree: Tree, i: int, depth: int = 3) -> list[int]:
    """The tokens up to `depth` levels below token i."""
    found, frontier = [], [i]
    for _ in range(depth):
        frontier = [c for n in frontier for c in tree.children[n]]
        found += frontier
    return found


def _bare(tree: Tree, i: int, case: str) -> bool:
    return tree.case(i) == case and tree.preposition(i) is None and nominal(tree, i)


# Relations of a participle that stands for the people it describes: `обвинил
# протестующих`, `огонь по митингующим` (not `протестующие студенты`, amod).
ARGUMENTS = frozenset({"obj", "iobj", "obl", "nmod", "nsubj", "nsubj:pass"})


def nominal(tree: Tree, i: int) -> bool:
    """Whether token i is a noun phrase's head: a noun, a pronoun, or a participle used as a
    noun (`обвинил протестующих`: a participle with no noun to describe, an argument)."""
    token = tree.tokens[i]
    return token.pos in NOMINAL or (
        token.pos == "VERB" and token.feat("VerbForm") == "Part" and tree.rel(i) in ARGUMENTS)


def slot(tree: Tree, trigger: int, name: str) -> list[int]:
    """Heads of the phrases filling one slot of the trigger."""
    passive = tree.is_passive(trigger)
    if name == "subject" and passive:  # `атакован Россией`, `со стороны России`
        return slot(tree, trigger, "instrumental") or prep_slot(tree, trigger, grammar("doer"))
    if name == "object" and passive:
        own = _dependents(tree, trigger, frozenset({"nsubj:pass", "nsubj"}))
        head = tree.head(trigger)
        if not own and head is not None and tree.rel(trigger) == "conj":  # `залетел … и был
            own = _dependents(tree, head, frozenset({"nsubj:pass", "nsubj"}))  # сбит`
        if not own and head is not None and _modifying_participle(tree, trigger):
            noun = described_noun(tree, trigger)  # `афроамериканца, застреленного
            own = [head if noun is None else noun]  # полицией`: who was shot
        return own or _unchanged_subject(tree, trigger)
    nominative = _nominative_relative(tree, trigger)
    if name == "subject" and nominative:
        return nominative[:1]
    if name == "subject" and (inverted := _after_relative(tree, trigger)
                              or _relative_subject(tree, trigger)):
        return inverted
    if name == "subject":
        subjects = [c for c in _dependents(tree, trigger, frozenset({"nsubj"}))
                    if c not in nominative and not _such_as(tree, c)
                    and not _too_many(tree, trigger, c)
                    and not plural_to_singular(tree, trigger, c)]
        return ([*subjects, *_stray_conjuncts(tree, subjects[0], trigger)] if subjects
                else _lost_subject(tree, trigger) or _participle_noun(tree, trigger)
                or _cross_clause_conjunct(tree, trigger))
    if name == "object" and nominative:  # `помощник, который посетил Белград`
        return [c for c in _dependents(tree, trigger, frozenset({"obj"}))
                if nominal(tree, c) and c != nominative[0]] + nominative[1:]
    if name == "object":
        inverted = _after_relative(tree, trigger)
        relative = _relative_object(tree, trigger) if inverted else None
        subject = _relative_subject(tree, trigger)
        return [c for c in _dependents(tree, trigger, frozenset({"obj"}))
                if nominal(tree, c) and c not in inverted + subject + nominative[:1]
                and not _subject_conjunct(tree, trigger, c)] + [
            *nominative[1:]] + [
            c for c in _dependents(tree, trigger, frozenset({"nsubj"})) if c > trigger
            and tree.case(c) == "Acc" and plural_to_singular(tree, trigger, c)] + (
            [relative] if relative is not None and tree.rel(relative) != "obj" else [])
    if name == "dative":
        found = [c for c in tree.children[trigger] if _bare(tree, c, "Dat")]
        if not found:  # the parser often hangs a dative on the nearest noun: `сторона Украине`,
            for child in tree.children[trigger]:  # `ущерб в результате обстрела Дому`
                if tree.rel(child) in ("nsubj", "nsubj:pass", "obj", "obl"):
                    found += [g for g in _below(tree, child) if _bare(tree, g, "Dat")]
        return found or _dative_after_phrase(tree, trigger)
    if name == "instrumental":
        found = _instrumentals(tree, trigger)
        unchanged = _unchanged_subject(tree, trigger) if passive and found else []
        return [c for c in found if c not in unchanged] or _stray_instrumental(
            tree, trigger) or (indeclinable_agents(tree, trigger) if passive else [])
    if name == "agent":
        return participle_agent(tree, trigger)
    if name == "genitive":
        return [c for c in _dependents(tree, trigger, frozenset({"nmod"}))
                if _bare(tree, c, "Gen")] or _stray_genitive(tree, trigger) or _possessive(
            tree, trigger) or _genitive_under_agent(tree, trigger)
    if name == "adjective":
        return [c for c in _dependents(tree, trigger, frozenset({"amod"}))
                if c in tree.mention_at and tree.mention_at[c].actor is not None]
    if name.startswith("prep:"):
        return prep_slot(tree, trigger, name[5:])
    raise ValueError(f"unknown slot {name!r}")


def _dative_after_phrase(tree: Tree, noun: int) -> list[int]:
    """`помощь от Евросоюза Украине`: an act noun's recipient in the dative, right after
    another phrase of the noun, that the parser hung on that phrase (a name takes no
    dative of its own)."""
    if tree.tokens[noun].pos not in ("NOUN", "PROPN"):
        return []
    return [g for child in tree.children[noun] if child > noun and tree.rel(child) == "nmod"
            and child in tree.mention_at
            for g in tree.children[child] if g > child and tree.rel(g) in ("nmod", "iobj")
            and _bare(tree, g, "Dat")]


def participle_agent(tree: Tree, noun: int) -> list[int]:
    """The doer an act noun's passive participle names in the instrumental, when the
    participle's verb does the noun's act (`DOING`): `объявленный Турцией бойкот`, `помощь,
    оказанная Китаем`, `санкции, введенные Вашингтоном`. A participle that only talks about
    the act names someone else (`осужденный Японией визит`: Japan condemned it)."""
    if tree.tokens[noun].pos not in ("NOUN", "PROPN"):
        return []
    found = []
    for child in tree.children[noun]:
        token = tree.tokens[child]
        if (tree.rel(child) in ("acl", "amod") and token.feat("VerbForm") == "Part"
                and token.feat("Voice") == "Pass" and fold(token.lemma) in DOING
                and _agrees_in_number(token, tree.tokens[noun])):
            found += [c for c in tree.children[child] if _bare(tree, c, "Ins")
                      and tree.rel(c) in ("obl", "obl:agent", "nmod")] or indeclinable_agents(
                tree, child)
    return found


def indeclinable(tree: Tree, i: int) -> bool:
    """Whether token i is a name whose case no ending shows: an abbreviation written in
    capitals (`ЕС`, `МВФ`, `США`, `НАТО`, `ООН`) that names an actor. The tagger's case for
    it is a guess, most often the genitive."""
    text = tree.tokens[i].text
    mention = tree.mention_at.get(i)
    return (len(text) >= 2 and text.isalpha() and text.isupper()
            and mention is not None and mention.actor is not None)


def indeclinable_agents(tree: Tree, verb: int) -> list[int]:
    """The doer of a passive verb or participle named by an indeclinable abbreviation, whose
    instrumental the tagger did not see (`предоставленных Греции ЕС и МВФ`, `санкции,
    введенные против России США`, `выданные Египту МВФ`): an abbreviation after the verb
    that the parser hung as a genitive on a name of another actor the verb governs (a state
    or body named by its own name takes no genitive of another), or on the verb itself
    (a verb takes no bare genitive of an actor). Its conjuncts are doers too (`ЕС и МВФ`)."""
    if tree.tokens[verb].feat("Voice") != "Pass" and not tree.is_passive(verb):
        return []
    found = []
    for child in tree.children[verb]:
        if child < verb or tree.rel(child) in ("punct", "cc", "aux", "aux:pass", "nsubj:pass"):
            continue
        if (indeclinable(tree, child) and tree.preposition(child) is None
                and tree.rel(child) in ("nmod", "obl", "obl:agent") and tree.case(child) == "Gen"):
            found.append(child)
            continue
        mention = tree.mention_at.get(child)
        if (tree.tokens[child].pos != "PROPN" or mention is None or mention.actor is None
                or tree.rel(child) not in ("iobj", "obj", "obl", "obl:agent", "nmod")):
            continue
        found += [g for g in tree.children[child] if g > child and indeclinable(tree, g)
                  and tree.preposition(g) is None and tree.rel(g) in ("nmod", "appos")
                  and tree.mention_at.get(g) is not mention]
    return found


def misread_agent(tree: Tree, i: int) -> bool:
    """Whether token i is an indeclinable doer of a passive that the parser hung as a
    genitive on another name (`предоставленных Греции ЕС`): no owner of that name."""
    head = tree.head(i)
    verb = tree.head(head) if head is not None else None
    return verb is not None and i in indeclinable_agents(tree, verb)


def _agrees_in_number(participle: Token, noun: Token) -> bool:
    number = participle.feat("Number")
    return not (number and noun.feat("Number") and number != noun.feat("Number"))


def _stray_instrumental(tree: Tree, noun: int) -> list[int]:
    """`после ликвидации 2 мая американским спецназом лидера Аль-Кайды`: an act noun's agent
    in the instrumental, between the noun and its genitive (the order Russian gives a
    transitive noun's two arguments), that the parser hung on the word above (only words of
    the noun's own phrase, a date, the agent's adjectives, may stand between); or a name in
    the instrumental after the genitive, hung on it (`освобождение моряков Россией`)."""
    if tree.tokens[noun].pos not in ("NOUN", "PROPN"):
        return []
    for patient in tree.children[noun]:  # `освобождение украинских моряков Россией`: the
        # agent hung on the genitive patient (a name is no instrumental of a noun it follows)
        if patient > noun and tree.rel(patient) == "nmod" and _bare(tree, patient, "Gen"):
            agents = [k for k in tree.children[patient] if k > patient
                      and tree.rel(k) in ("nmod", "obl") and _named_agent(tree, k)]
            if agents:
                return agents
    head = tree.head(noun)
    if head is None:
        return []
    own = tree.subtree(noun)
    for k in range(noun + 1, min(noun + 8, len(tree.tokens))):
        token = tree.tokens[k]
        if k in own:
            continue  # `2 мая`: the noun's own words
        if token.pos in ("ADJ", "DET") and token.feat("Case") == "Ins":
            continue  # the agent's adjectives: `американским`
        if (token.pos in ("NOUN", "PROPN") and tree.head(k) == head and _bare(tree, k, "Ins")
                and any(j > k and tree.rel(j) == "nmod" and _bare(tree, j, "Gen")
                        for j in tree.children[noun])):
            return [k]
        return []
    return []




def _instrumentals(tree: Tree, i: int) -> list[int]:
    """The bare instrumentals on token i: `задержан полицией`; or, for a participle before
    its noun, those between the two (`сбитый американскими ВВС иранский самолёт`), wherever
    the parser hung them."""
    # `iobj`: a predicate's instrumental taken for a dative (`помощь была оказана Японией`);
    # not an attributive participle's (`поддерживаемый США лидер`: a tie, told as a state)
    rels = ("obl", "obl:agent", "nmod") + (
        () if tree.rel(i) in ("amod", "acl") else ("iobj",))
    return [c for c in tree.children[i] if _bare(tree, c, "Ins")
            and tree.rel(c) in rels] or _inside_participle(tree, i)


# An inanimate noun's nominative and accusative are one form: the tagger's choice between
# them says nothing.
SAME_FORM = frozenset({"Nom", "Acc"})


def _agree_in_case(participle: Token, noun: Token) -> bool:
    """Whether a participle and a noun agree in number and case (an inanimate noun's
    nominative and accusative taken for one)."""
    cases = {participle.feat("Case"), noun.feat("Case")}
    return ((None in cases or len(cases) == 1
             or (cases <= SAME_FORM and noun.feat("Animacy") == "Inan"))
            and (participle.feat("Number") is None or noun.feat("Number") is None
                 or participle.feat("Number") == noun.feat("Number")))


def described_noun(tree: Tree, i: int) -> int | None:
    """The noun a participle describes: the parser's head, when they agree in number and
    case; else the first noun that does, a few words on: after it (`сбитый американскими ВВС
    иранский самолёт`, the participle hung on `ВВС`), or before it when a comma opens
    its phrase (`отряды хорватских ополченцев, начавших боевые действия`, the participle
    hung on a noun of the clause before); None for no participle, or none found."""
    token, head = tree.tokens[i], tree.head(i)
    if (token.feat("VerbForm") != "Part" or tree.rel(i) not in ("acl", "amod")
            or head is None or tree.tokens[head].pos not in ("NOUN", "PROPN")):
        return None
    if _agree_in_case(token, tree.tokens[head]):
        return head
    # after a comma, the participle follows its noun; else it stands before it
    after = i > 0 and tree.tokens[i - 1].pos == "PUNCT"
    near = range(i - 2, max(i - 8, -1), -1) if after else range(
        i + 1, min(i + 6, len(tree.tokens)))
    return next((k for k in near
                 if tree.tokens[k].pos == "NOUN" and _agree_in_case(token, tree.tokens[k])
                 and tree.tokens[k].feat("Case") is not None), None)


def _inside_participle(tree: Tree, i: int) -> list[int]:
    """The bare instrumental nouns between a passive participle and the noun after it
    that it describes: `в ответ на сбитый американскими ВВС иранский самолёт` (a participle's
    phrase stands between it and its noun, and nothing else does)."""
    token, noun = tree.tokens[i], described_noun(tree, i)
    if (token.feat("VerbForm") != "Part" or token.feat("Voice") != "Pass" or noun is None
            or noun <= i):
        return []
    # a preposition before the participle is its noun's, wherever the parser hung it
    return [k for k in range(i + 1, noun) if tree.case(k) == "Ins"
            and tree.tokens[k].pos in ("NOUN", "PROPN")
            and tree.rel(k) in ("obl", "obl:agent", "nmod")
            and not any(tree.rel(c) == "case" and c > i for c in tree.children[k])]


def _unchanged_subject(tree: Tree, verb: int) -> list[int]:
    """A passive's subject that the parser took for its agent: a person's name that does not
    change for case (`выпущена Аун Сан Су Чжи`, `задержан Ли Вэй`; its dictionary form is
    the form written) hung as an instrumental on a short participle that has no subject of
    its own, nor one shared with the verb it is coordinated with. A short participle in
    the personal form needs a nominative subject, and such a name is the only word that can
    be it; a real agent is in the instrumental and changes for it (`задержан полицией`)."""
    token = tree.tokens[verb]
    if token.feat("Variant") != "Short" or token.feat("Gender") == "Neut":
        return []  # `было арестовано 5000 активистов`: impersonal, its subject a quantity
    head = tree.head(verb)
    verbs = [verb, head] if head is not None and tree.rel(verb) == "conj" else [verb]
    if any(tree.rel(c) in ("nsubj", "nsubj:pass") for v in verbs for c in tree.children[v]):
        return []
    found = []
    for k in _instrumentals(tree, verb):
        mention = tree.mention_at.get(k)
        if (mention is not None and mention.kind == "PER" and mention.normal
                and fold(mention.normal.lower()) == fold(mention.text.lower())):
            found.append(k)
    return found


def _modifying_participle(tree: Tree, i: int) -> bool:
    """A passive participle that describes a noun (`застреленного полицией`, `задержанных
    активистов`): the noun is what the act was done to."""
    token, head = tree.tokens[i], tree.head(i)
    return (token.feat("VerbForm") == "Part" and token.feat("Voice") == "Pass"
            and tree.rel(i) in ("acl", "amod") and head is not None
            and tree.tokens[head].pos in ("NOUN", "PROPN"))


def _participle_noun(tree: Tree, i: int) -> list[int]:
    """An active participle's doer is the noun it describes: `страной, обратившейся за
    помощью`, `напавшие на Сирию боевики` (in number and case the participle agrees with
    it; the parser's head is taken only then)."""
    token, head = tree.tokens[i], tree.head(i)
    if (token.feat("VerbForm") != "Part" or token.feat("Voice") == "Pass"
            or tree.rel(i) not in ("acl", "amod") or head is None
            or tree.tokens[head].pos not in ("NOUN", "PROPN", "PRON")):
        return []
    noun = tree.tokens[head]
    if not all(token.feat(f) is None or noun.feat(f) is None or token.feat(f) == noun.feat(f)
               for f in ("Number", "Case")):
        described = described_noun(tree, i)  # `ополченцев, начавших боевые действия`, the
        return [] if described is None else [described]  # participle hung elsewhere
    return [head]


def _relative_object(tree: Tree, verb: int) -> int | None:
    """`который` as the verb's object: so parsed, or parsed as its subject though the
    parser's own morphology makes it accusative (`санкции, которые ввели США`)."""
    for c in tree.children[verb]:
        if tree.tokens[c].lemma in RELATIVES and (
                tree.rel(c) == "obj" or (tree.rel(c) == "nsubj" and tree.case(c) == "Acc")):
            return c
    return None


def _after_relative(tree: Tree, verb: int) -> list[int]:
    """`Премьер Индии, которого критикует Пакистан`, `санкции, которые ввели США`: with
    `который` the verb's object, a noun after the verb that the parser took for an object (a
    nominative that looks like an accusative: `Пакистан`, `США`) is its subject, if it
    agrees with the verb."""
    relative = _relative_object(tree, verb)
    if relative is None or any(tree.rel(c) in ("nsubj", "nsubj:pass") and c != relative
                               for c in tree.children[verb]):
        return []
    return [o for o in _dependents(tree, verb, frozenset({"obj"}))
            if o > verb and tree.tokens[o].pos in ("NOUN", "PROPN")
            and _agrees(tree.tokens[verb], tree.tokens[o])]


def _relative_subject(tree: Tree, verb: int) -> list[int]:
    """`Министры Франции и Германии, которые посетили Киев`: `который` parsed as an object
    beside another object after the verb is the subject when it agrees with the verb and
    the other does not."""
    relative = _relative_object(tree, verb)
    if relative is None or tree.rel(relative) != "obj" or _after_relative(tree, verb):
        return []
    others = [o for o in _dependents(tree, verb, frozenset({"obj"})) if o > verb]
    if not others or any(tree.rel(c) in ("nsubj", "nsubj:pass") for c in tree.children[verb]):
        return []
    token = tree.tokens[verb]
    return [relative] if token.feat("Number") == tree.tokens[relative].feat("Number") else []


def _nominative_relative(tree: Tree, verb: int) -> list[int]:
    """`Помощник госсекретаря, который в среду посетил Белград`: `который` parsed as the
    object (a name after the verb taken for the subject, or for an object beside it), is
    the subject when its own form can only be nominative: feminine (`которая`; the
    accusative is `которую`), or standing for a person (the accusative of `который`,
    `которые` is then `которого`, `которых`). The relative first, then the nouns after the
    verb the parser took for the subject (the verb's objects). Empty otherwise."""
    relative = next((c for c in tree.children[verb] if tree.tokens[c].lemma in RELATIVES
                     and tree.rel(c) == "obj" and tree.case(c) == "Nom"), None)
    antecedent = tree.head(verb)
    if relative is None or antecedent is None or tree.rel(verb) != "acl:relcl":
        return []
    token = tree.tokens[relative]
    feminine = token.feat("Gender") == "Fem" and token.feat("Number") == "Sing"
    if not (feminine or (token.feat("Gender") != "Neut"
                         and tree.tokens[antecedent].feat("Animacy") == "Anim")):
        return []
    displaced = [c for c in _dependents(tree, verb, frozenset({"nsubj"})) if c > verb
                 and tree.tokens[c].pos in ("NOUN", "PROPN")
                 and tree.tokens[c].feat("Animacy") != "Anim"]
    if not _agrees(tree.tokens[verb], token) or any(
            tree.rel(c) == "nsubj" and c not in displaced for c in tree.children[verb]):
        return []
    return [relative, *displaced]


def _agrees(verb: Token, noun: Token) -> bool:
    for feat in ("Number", "Gender"):
        if verb.feat(feat) and noun.feat(feat) and verb.feat(feat) != noun.feat(feat):
            return False
    return True


def _both(tree: Tree, i: int) -> bool:
    """`как США, так и ЕС`: both are named, the first after `как`."""
    return tree.preposition(i) == grammar("as") and any(
        tree.tokens[k].lemma == grammar("so") for k in range(i + 1, min(i + 8, len(tree.tokens))))


def _too_many(tree: Tree, verb: int, subject: int) -> bool:
    """`Эстония, Латвия и Литва … Кремль не думает`: coordinated names before a verb in the
    singular are not its subject, whatever the parser says."""
    token = tree.tokens[verb]
    return (subject < verb and token.feat("Number") == "Sing" and token.feat("VerbForm") == "Fin"
            and len(tree.conjuncts(subject)) > 1)


# The endings that say a finite verb's number, whatever the tagger says
# (`words/verb-endings.txt`).
VERB_ENDINGS = valued("verb-endings", ("past-plural", "plural", "singular"))


def verb_number(token: Token) -> str | None:
    """The number of a finite verb in the third person or the past, by its ending; the
    tagger's for other forms."""
    word = fold(token.text.lower())
    endings = [value for ending, value in VERB_ENDINGS.items() if word.endswith(ending)]
    if token.feat("Tense") == "Past":
        return "Plur" if "past-plural" in endings else "Sing"
    if "plural" in endings:
        return "Plur"
    if "singular" in endings:
        return "Sing"
    return token.feat("Number")


def plural_to_singular(tree: Tree, verb: int, subject: int) -> bool:
    """`после того как национализировал британские компании`, `сбежал в США, власти Перу
    добиваются`: a plural noun is no subject of a finite verb in the singular, whatever the
    parser says (a subject agrees with its verb in number; a quantity, `погибло 177 человек`,
    or coordinated nouns are left as parsed). Only a common noun: the number the tagger
    gives an abbreviation or a name that does not change (`США`, `МИД`) says nothing."""
    noun, token = tree.tokens[subject], tree.tokens[verb]
    return (noun.pos == "NOUN" and noun.feat("Number") == "Plur"
            and noun.feat("Case") in ("Nom", "Acc") and token.pos == "VERB"
            and token.feat("VerbForm") == "Fin" and verb_number(token) == "Sing"
            and not any(tree.rel(c) in ("nummod", "nummod:gov", "conj")
                        for c in tree.children[subject]))


def _stray_conjuncts(tree: Tree, subject: int, verb: int) -> list[int]:
    """`Посол Евросоюза … и представители ПАСЕ призывают`: a nominative after `и`, between
    the subject and its verb, that the parser hung on a word after the verb."""
    return [k for k in range(subject + 1, verb)
            if (tree.rel(k) == "conj" and (tree.head(k) or 0) > verb and tree.case(k) == "Nom"
                and any(tree.tokens[c].lemma == grammar("and") for c in tree.children[k]))
            or _subject_conjunct(tree, verb, k)]


def _subject_conjunct(tree: Tree, verb: int, k: int) -> bool:
    """`Не только Россия, но и Китай осудили`: a nominative between the subject and its
    verb, joined by a conjunction (`но и`, `а также`), that the parser took for the verb's
    object: a second subject."""
    return (tree.rel(k) == "obj" and tree.head(k) == verb and k < verb
            and tree.tokens[k].pos in ("NOUN", "PROPN") and tree.case(k) == "Nom"
            and any(tree.rel(j) == "cc" and tree.head(j) in (k, verb)
                    for j in range(max(k - 3, 0), k))  # on the noun or on the verb
            and any(tree.rel(c) == "nsubj" and c < k for c in tree.children[verb]))


def likewise(tree: Tree, verb: int) -> list[int]:
    """`Так же, как и Украина, Молдавия подписала …`, `Как и Россия, Китай выступил …`,
    `Германия, как и Франция, призвала …`: a nominative after `как и`, before the verb,
    does the same."""
    subjects = _dependents(tree, verb, frozenset({"nsubj"}))
    found = []
    for k in range(verb if subjects else 0):
        head = tree.head(k)  # the verb, or a word on it (`Так же, как и Украина`)
        words = {tree.tokens[c].lemma for c in tree.children[k]}
        if (tree.tokens[k].pos in ("NOUN", "PROPN") and tree.case(k) == "Nom"
                and {grammar("as"), grammar("and")} <= words and head is not None
                and verb in (head, tree.head(head))):
            found.append(k)
    return found


def _such_as(tree: Tree, i: int) -> bool:
    """`по вопросам, как Сирия и Иран`: examples of something, parsed as a subject."""
    return tree.preposition(i) == grammar("as") and not _both(tree, i)


def _stray_genitive(tree: Tree, noun: int) -> list[int]:
    """`на фоне российской оккупации грузинских территорий`: a bare genitive right after an
    act noun (its adjectives between) is the noun's, though the parser hung it on the word
    above."""
    head = tree.head(noun)
    if tree.tokens[noun].pos != "NOUN" or head is None:
        return []
    for k in range(noun + 1, min(noun + 5, len(tree.tokens))):
        token = tree.tokens[k]
        if token.pos in ("ADJ", "DET") and token.feat("Case") == "Gen":
            continue  # its adjectives: `грузинских`
        if token.pos in ("NOUN", "PROPN") and tree.head(k) == head and _bare(tree, k, "Gen"):
            return [k]
        return []
    return []


def _named_agent(tree: Tree, i: int) -> bool:
    """Whether token i is a bare instrumental that names an actor by itself (`Ираком`,
    `Россией`): an act noun's agent, not a word a genitive could belong to."""
    mention = tree.mention_at.get(i)
    return _bare(tree, i, "Ins") and mention is not None and mention.actor is not None


def _genitive_under_agent(tree: Tree, noun: int) -> list[int]:
    """`оккупация Ираком Кувейта`: the patient in the genitive after the noun's agent in the
    instrumental, hung by the parser on the agent. A name is no owner of what follows it,
    unless one mention covers both (`армией Сирии` is Syria's army, the agent)."""
    if tree.tokens[noun].pos not in ("NOUN", "PROPN"):  # `Оккупация`, capitalised
        return []
    found = []
    for agent in tree.children[noun]:
        if agent > noun and tree.rel(agent) in ("nmod", "obl") and _named_agent(tree, agent):
            found += [g for g in tree.children[agent] if g > agent and tree.rel(g) == "nmod"
                      and _bare(tree, g, "Gen")
                      and tree.mention_at.get(g) is not tree.mention_at[agent]]
    return found


def _possessive(tree: Tree, noun: int) -> list[int]:
    """A possessive pronoun fills an act noun's genitive: `его встреча с адвокатом` is his
    as `встреча Трампа` is Trump's, `его арест` is done to him as `арест Навального` is."""
    if tree.tokens[noun].pos != "NOUN":
        return []
    return [c for c in tree.children[noun] if tree.rel(c) == "det"
            and tree.tokens[c].pos == "DET" and fold(tree.tokens[c].lemma) in POSSESSIVES]


def _cross_clause_conjunct(tree: Tree, verb: int) -> list[int]:
    """`Движение «Талибан» заявило, что американские и афганские войска напали`: a
    nominative the parser coordinated with a noun of the clause above, across that clause's
    verb, is the subject of the verb it comes right before (agreeing with it, no finite
    verb between)."""
    def finite(k: int) -> bool:
        return tree.tokens[k].pos in ("VERB", "AUX") and tree.tokens[k].feat("VerbForm") == "Fin"

    if tree.tokens[verb].pos != "VERB" or not finite(verb):
        return []
    above = next((k for k in range(verb - 1, -1, -1) if finite(k)), None)
    if above is None:
        return []
    return [j for j in range(above + 1, verb)
            if tree.tokens[j].pos in ("NOUN", "PROPN") and tree.case(j) == "Nom"
            and tree.rel(j) == "conj" and (head := tree.head(j)) is not None and head < above
            and _agrees(tree.tokens[verb], tree.tokens[j])][-1:]


def _lost_subject(tree: Tree, verb: int) -> list[int]:
    """A finite verb the parser left with no subject: the nearest nominative noun before it
    that agrees with it, no other finite verb between, hung elsewhere by mistake (`посол
    Италии … встретился`, with `посол` taken for a modifier of a later noun; `… и власти
    Мьянмы выпустили Аун Сан Су Чжи`, with `власти` taken for a conjunct of the object
    after the verb, which no conjunct can come before; `Санкара сбежал в США, власти Перу
    добиваются`, with `власти` taken for the subject of a verb in the singular)."""
    token = tree.tokens[verb]
    if token.pos != "VERB" or token.feat("VerbForm") != "Fin":
        return []
    for j in range(verb - 1, -1, -1):
        other = tree.tokens[j]
        if other.pos in ("VERB", "AUX") and other.feat("VerbForm") == "Fin":
            return []
        if (other.pos in ("NOUN", "PROPN") and other.feat("Case") == "Nom"
                and (tree.preposition(j) is None or _both(tree, j))
                and (tree.rel(j) not in ("nsubj", "nsubj:pass")
                     or plural_to_singular(tree, tree.head(j) or 0, j))
                and tree.rel(j) not in ("flat:name", "appos")
                and (tree.rel(j) != "conj" or (tree.head(j) or 0) > verb)
                and not (tree.rel(j) == "obj" and tree.head(j) == verb)  # `активы заморозили`
                and _agrees(token, other)):
            return [j]
    return []


def _unvowelled(preposition: str) -> str:
    """`со стороны` as `с стороны`: the parser gives the first word's lemma either way, so
    the slot name and the sentence's preposition meet on the plain one."""
    with_ = grammar("with")
    return preposition.replace(f"{vowelled(with_)} ", f"{with_} ", 1)


def stray_phrases(tree: Tree, noun: int, preposition: str) -> list[int]:
    """Phrases with `preposition` that the parser hung below a phrase of `noun` (two or three
    levels down, through nouns only, all after the noun): where a light verb's own phrase
    lands when the noun has a phrase of its own first (`возложила ответственность за
    отравление на Россию`). A phrase of the noun itself is the noun's slot, not this."""
    found, frontier = [], [noun]
    for depth in range(3):
        frontier = [c for n in frontier for c in tree.children[n] if c > noun
                    and tree.rel(c) in ("nmod", "obl", "conj")
                    and tree.tokens[c].pos in ("NOUN", "PROPN")]
        if depth:
            found += [c for c in frontier if tree.preposition(c) is not None
                      and _unvowelled(tree.preposition(c) or "") == _unvowelled(preposition)]
    return found


def prep_slot(tree: Tree, trigger: int, preposition: str) -> list[int]:
    """`против России`. A multiword one is parsed either as one preposition (`по поводу`
    fixed together) or as a preposition and a noun (`со стороны России`: с + сторона,
    whose genitive is the argument)."""
    wanted = _unvowelled(preposition.lower())
    first, *rest = wanted.split()
    found = []
    for child in tree.children[trigger]:
        own = _unvowelled(tree.preposition(child) or "")
        if own == wanted:
            found.append(child)
        elif rest and own == first and tree.tokens[child].text.lower() == rest[0]:
            found += [g for g in tree.children[child] if tree.rel(g) in ("nmod", "conj")
                      or tree.case(g) == "Gen"]
    return found
