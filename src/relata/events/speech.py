"""Accusations, demands and praise in reported speech: `Кремль считает, что США
спонсировали «цветные революции»`, `Меркель подчеркнула, что ЕС и НАТО должны …`,
`Керри называет Россию «важным партнером»`.

A reporting verb (`data/speech/reporting.txt`), a headline's `X: «…»` or `по словам X`
says something (its content). When the content's own predicate is a wrongful act (a word
of blame, `blame.txt` and the files of the kinds of blame CAMEO names apart, or a hostile
act of the lexicon) the report is an ACCUSE event of its speaker towards the doer of that
act; when it says that another actor must or should do something (`demand.txt`), or hopes
it will (`hope.txt`), a REQUEST of the speaker towards that actor; a word of praise
(`praise.txt`) makes it SUPPORT. The word lists are plain text, one entry a line, checked
when loaded.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..datafile import Problems, Where
from ..language.spelling import fold
from .arguments import Tree
from .lexicon import LexiconError
from .words import LEMMA, grammar, words

_Lists = TypeVar("_Lists")
BUILTIN = Path(__file__).parent / "data" / "speech"
# What is said: clauses, objects, and what something is called (`назвал … достойным сожаления`)
CONTENT = frozenset({"ccomp", "obj", "xcomp", "obl", "csubj", "parataxis", "amod", "iobj"})
AROUND = frozenset({"parataxis", "advcl"})  # `…, считает министр`; `как сказал генерал, …`
# The kinds of blame, most specific first, with their CAMEO codes: a phrase of war crimes
# (`военные преступления`) is coded so, not as the crime its noun alone names.
KINDS = (("war_crimes", "1124"), ("espionage", "1125"), ("abuses", "1122"),
         ("aggression", "1123"), ("crime", "1121"), ("accuse", "112"), ("blame", "111"))
ORDER = [code for _, code in KINDS]
TOLD = "112"  # a hostile act of the lexicon told of someone: an accusation
DEMAND = "100"  # CAMEO 10x: a demand not specified further
REJECTED = "120"  # CAMEO 12x: an allegation called false is rejected
BY = grammar("by")  # `по заявлениям X`, `по словам X`
SPEAKING = frozenset({"PER", "ORG"})  # who may head a headline without quotes
QUOTES = frozenset("«\"„“")
NOUNS = ("NOUN", "PROPN")


@dataclass(frozen=True, slots=True)
class SpeechWords:
    reporting: frozenset[str]
    blame: frozenset[str]  # CAMEO 111; the other kinds of blame follow
    accuse: frozenset[str]
    crime: frozenset[str]
    abuses: frozenset[str]
    aggression: frozenset[str]
    war_crimes: frozenset[str]
    espionage: frozenset[str]
    praise: frozenset[str]
    claims: frozenset[str]  # `по заявлениям X`: X's claim, not a source of news
    hearsay: frozenset[str]  # `по словам X`: X's word, which accuses only by words of blame
    demand: frozenset[str]  # `должны`, `следует`: the speaker demands it
    hope: frozenset[str]  # `надеется, что X изменит`: the speaker asks it of X
    duties: frozenset[str]  # `не доплатила`: a duty denied blames
    analysts: frozenset[str]  # `политолог считает`: a view of one's own, no act
    negation: frozenset[str]  # `не обвинил`, `не вмешивалась`
    naming: frozenset[str]  # `назвали этот шаг эскалацией`: blame of a thing no one did named
    falsity: frozenset[str]  # `назвал беспочвенными`: what is called so is denied
    allegations: frozenset[str]  # `обвинения`, `сообщения`: what may be called false


SAYING = frozenset({"reporting", "claims", "hearsay"})


@functools.cache
def _cues(words: SpeechWords) -> tuple[frozenset[str], frozenset[str]]:
    """The words that say (a reporting verb, `по словам`) and those of what is said."""
    def of(names: frozenset[str]) -> frozenset[str]:
        return frozenset(word for name in names for entry in getattr(words, name)
                         for word in entry.split())
    fields = frozenset(field.name for field in dataclasses.fields(words))
    return of(SAYING), of(fields - SAYING - {"negation", "analysts", "naming", "allegations"})


def may_report(words: SpeechWords, lemmas: set[str]) -> bool:
    """Whether a sentence with these lemmas may report an act said: a word that says (or a
    headline's colon) and a word of what is said (the lexicon's hostile acts are triggers
    of their own)."""
    saying, said = _cues(words)
    return not (lemmas.isdisjoint(saying) and ":" not in lemmas) and not lemmas.isdisjoint(said)


@dataclass(frozen=True, slots=True)
class Report:
    verb: int  # the reporting verb's token (the colon of a headline `X: «…»`)
    type: str  # ACCUSE, REQUEST or SUPPORT
    content: frozenset[int]  # the tokens of what is said
    cameo: str = "111"
    acts: tuple[int, ...] = ()  # the wrongful acts or the demands said: their doers are aimed at
    speaker: int | None = None  # a headline's speaker, whom no verb has as subject


def read_words(path: Path, problems: Problems) -> frozenset[str]:
    """The lemmas of a word list; a line that is not one lemma, or a repeated one, is a
    problem naming the file and line."""
    seen: dict[str, int] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        problems.add(Where(str(path), 1), f"cannot read: {e}")
        return frozenset()
    for number, line in enumerate(lines, 1):
        word = fold(line.split("#", 1)[0])
        if not word:
            continue
        if not LEMMA.match(word):
            problems.add(Where(str(path), number), f"not a lemma: {word!r}")
        elif word in seen:
            problems.add(Where(str(path), number), f"{word!r} repeated (first at line "
                                                   f"{seen[word]})")
        else:
            seen[word] = number
    return frozenset(seen)


def read_lists(kind: type[_Lists], folder: Path) -> _Lists:
    """A dataclass of word lists, each field read from the folder's `FIELD.txt`; every
    problem of every file is raised at once."""
    problems = Problems()
    words = kind(*(read_words(folder / f"{field.name}.txt", problems)
                   for field in dataclasses.fields(kind)))  # type: ignore[arg-type]
    if problems:
        raise LexiconError(problems)
    return words


@functools.cache
def load_speech(folder: Path = BUILTIN) -> SpeechWords:
    return read_lists(SpeechWords, folder)


def content(tree: Tree, verb: int, claims: frozenset[str] = frozenset()) -> set[int]:
    """What a reporting verb says: its clausal and nominal complements, or, when it stands
    aside (`…, считает министр`), the clause it stands beside."""
    head = tree.head(verb)
    if (tree.tokens[verb].lemma in claims and tree.preposition(verb) == BY
            and head is not None):  # `который по заявлениям Анкары нарушил`
        return tree.subtree(head) - tree.subtree(verb)
    if tree.tokens[verb].pos == "NOUN":  # `утверждения, что …`, `агрессивных высказываний`
        return tree.subtree(verb) - {verb}
    said = {t for c in tree.children[verb] if tree.rel(c) in CONTENT
            for t in tree.subtree(c)}
    if not said and head is not None and tree.rel(verb) in AROUND:
        said = tree.subtree(head) - tree.subtree(verb)
    if not said:
        said = _that_clause_after(tree, verb)
    return said


def _that_clause_after(tree: Tree, verb: int) -> set[int]:
    """`Минск считает, что Москва задолжала …`, the `что` clause hung by the parser on a
    later verb: the words of that clause that follow the verb without a break."""
    k = verb + 1
    if k < len(tree.tokens) and tree.tokens[k].text == ",":
        k += 1
    if (k >= len(tree.tokens) or tree.tokens[k].lemma != grammar("complementizer")
            or tree.rel(k) != "mark"):
        return set()
    clause = tree.subtree(tree.head(k) if tree.head(k) is not None else k)
    return set(itertools.takewhile(clause.__contains__, range(verb + 1, len(tree.tokens))))


def headline_speaker(tree: Tree, colon: int) -> int | None:
    """`Уго Чавес: «США и Израиль провоцируют ядерную войну»`, `Пентагон: Россия стоит за
    атакой`: a colon after nothing but a named actor gives the words after it to that
    actor; without a quote, only to a person or a body (`Сирия: …` is a dateline)."""
    after = colon + 1
    if tree.tokens[colon].text != ":" or colon == 0 or after >= len(tree.tokens):
        return None
    mention = tree.mention_at.get(0)
    if mention is None or mention.actor is None or any(
            tree.mention_at.get(k) is not mention for k in range(colon)):
        return None
    quoted = tree.tokens[after].text in QUOTES
    return 0 if quoted or mention.kind in SPEAKING else None


def owner_of_words(tree: Tree, verb: int, words: SpeechWords) -> int | None:
    """`В заявлении МИД России говорится, что …`: a verb with no subject says what the
    words of their owner say."""
    if any(tree.rel(c) in ("nsubj", "nsubj:pass") for c in tree.children[verb]):
        return None
    for noun in tree.children[verb]:
        if tree.rel(noun) != "obl" or tree.tokens[noun].lemma not in words.reporting:
            continue
        for owner in tree.children[noun]:
            mention = tree.mention_at.get(owner)
            if tree.rel(owner) == "nmod" and mention is not None and mention.actor is not None:
                return owner
    return None


def _negated(tree: Tree, i: int, said: set[int], words: SpeechWords) -> bool:
    """`не вмешивалась`, `не собирается вмешиваться`: the act, or the verb that governs it
    within what is said, is denied."""
    while True:  # `не` stands just before what it denies, whatever the parser hung it on
        before = [tree.tokens[k] for k in range(max(0, i - 2), i)]
        if any(b.lemma in words.negation for b in before[-1:]) or (
                len(before) == 2 and before[0].lemma in words.negation
                and before[1].pos in ("AUX", "ADV", "PART")):  # `не было`, `не всегда`
            return True
        head = tree.head(i)
        if head is None or head not in said or tree.rel(i) not in ("xcomp", "csubj", "conj"):
            return False
        i = head


@functools.cache
def _entries(words: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A list's entries as word tuples, under each of their words: a token is only tried
    against the entries that hold its lemma (tests/test_events_speed.py)."""
    by_word: dict[str, list[tuple[str, ...]]] = {}
    for entry in words:
        split = tuple(entry.split())
        for word in dict.fromkeys(split):
            by_word.setdefault(word, []).append(split)
    return {word: tuple(entries) for word, entries in by_word.items()}


def _matches(tree: Tree, i: int, entries: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    """Whether token i is the governing word of an entry: its lemma (one word), or a phrase
    whose other words stand within two links below it (`вмешивается во внутренние дела`)."""
    lemma = tree.tokens[i].lemma
    near: set[str] | None = None
    for entry in entries.get(lemma, ()):
        if len(entry) == 1:
            return True
        if near is None:
            near = {tree.tokens[k].lemma for k in tree.subtree(i, depth=2)}
        if near.issuperset(entry):
            return True
    return False


def blames(tree: Tree, said: set[int], words: SpeechWords, hostile: frozenset[str],
           told: bool = True) -> list[tuple[int, str]]:
    """The words of what is said that blame, each with the CAMEO code of its kind: words of
    the blame lists, and, when `told`, the lexicon's hostile acts told as verbs
    (`утверждает, что президент Польши был убит Россией`; `считает Россию угрозой` is no
    act). A wrongful act said not to have happened blames no one (`не вмешивалась`); a duty
    said not to have been done does (`не доплатила`)."""
    found = []
    for i in sorted(said):
        token = tree.tokens[i]
        if _negated(tree, i, said, words):
            if token.lemma in words.duties:  # `не доплатила`
                found.append((i, TOLD))
            continue
        code = next((code for kind, code in KINDS
                     if _matches(tree, i, _entries(getattr(words, kind)))), None)
        if code is None and told and token.pos == "VERB" and token.lemma in hostile:
            code = TOLD
        if code is not None:
            found.append((i, code))
    return found


def above(tree: Tree, i: int, within: frozenset[int] | set[int]) -> Iterator[int]:
    """The words that govern token i, up to the first outside `within`."""
    node = tree.head(i)
    while node is not None and node in within:
        yield node
        node = tree.head(node)


def _clause_heads(tree: Tree, said: set[int]) -> list[int]:
    """The predicates of the top clauses of what is said and those coordinated with them:
    `надеется, что США изменят` → `изменят`."""
    def finite(k: int) -> bool:
        return tree.tokens[k].pos in ("VERB", "AUX") and tree.tokens[k].feat("VerbForm") == "Fin"

    heads = []
    for i in sorted(said):
        node, top = tree.head(i), finite(i)
        while top and node is not None and node in said:
            top = not finite(node) or (tree.rel(i) == "conj" and node == tree.head(i))
            node = tree.head(node)
        if top:
            heads.append(i)
    return heads


def demands(tree: Tree, said: set[int], words: SpeechWords) -> list[int]:
    """What is said to be demanded of someone: a word of obligation that governs an
    infinitive (`должны сотрудничать`, `Киеву следует выполнить`; not `необходимые меры`),
    the clauses a verb of hope governs (`заявила, что надеется, что США изменят`). A hope
    not voiced (`Россия надеется, что …` alone) is a wish, no event."""
    found = [i for i in sorted(said) if tree.tokens[i].lemma in words.demand and any(
        tree.rel(c) in ("xcomp", "csubj") and tree.tokens[c].feat("VerbForm") == "Inf"
        for c in tree.children[i])]
    for i in sorted(said):
        if tree.tokens[i].lemma in words.hope and not _negated(tree, i, said, words):
            found += _clause_heads(tree, content(tree, i))
    return sorted(set(found))


BACK = words("back")  # `этот`, `подобный`: a word pointing back to what was told


def points_back(tree: Tree, report: Report) -> bool:
    """Whether what a report blames is a thing pointed back to, named by no one here: the
    subject of a wrongful verb or word (`этот визит ранит чувства`, `такой шаг недопустим`),
    the noun a word of blame describes, or the thing a naming verb calls so (`назвал этот шаг
    провокацией`), with `этот`, `такой`, `подобный` on it."""
    things = [c for c in tree.children[report.verb] if tree.rel(c) == "obj"]
    for act in report.acts:
        head = tree.head(act)
        if tree.rel(act) == "amod" and head is not None:
            things.append(head)
        things += [c for c in tree.children[act] if tree.rel(c) in ("nsubj", "nsubj:pass")]
    return any(tree.tokens[k].pos == "NOUN" and k not in tree.mention_at and any(
        tree.tokens[c].lemma in BACK and tree.rel(c) in ("det", "amod")
        for c in tree.children[k]) for k in things)


def reports(tree: Tree, words: SpeechWords, hostile: frozenset[str] = frozenset()
            ) -> Iterator[Report]:
    """Reports that accuse, demand or praise."""
    for i, token in enumerate(tree.tokens):
        if (token.text != ":" and token.lemma not in words.hearsay
                and token.lemma not in words.reporting):
            continue  # most words: no headline's colon, no word of hearsay or reporting
        speaker = headline_speaker(tree, i)
        hearsay = token.lemma in words.hearsay and tree.preposition(i) == BY
        if speaker is not None:
            said = set(range(i + 1, len(tree.tokens)))
        elif hearsay:
            said = content(tree, i, words.hearsay)
        elif token.lemma in words.reporting and token.pos in ("VERB", "ADJ", "NOUN"):
            said = content(tree, i, words.claims)
            if token.pos == "VERB":
                speaker = owner_of_words(tree, i, words)
        else:
            continue
        if _analyst(tree, i, words):
            continue
        report = _report(tree, i, said, words, hostile, speaker, hearsay)
        if report is not None:
            yield report


def _analyst(tree: Tree, i: int, words: SpeechWords) -> bool:
    """Whether who speaks is an analyst, a scholar or a commentator: the subject of a
    reporting verb (`американский экономист считает`), the owner of a reporting noun (`по
    словам политолога`)."""
    rels = ("nmod",) if tree.tokens[i].pos == "NOUN" else ("nsubj", "nsubj:pass")
    return any(tree.rel(c) in rels and tree.tokens[c].lemma in words.analysts
               for c in tree.children[i])


def called_false(tree: Tree, verb: int, said: set[int], words: SpeechWords) -> int | None:
    """`Китай назвал беспочвенными обвинения Вашингтона`, `в Кремле назвали абсурдными
    обвинения Лондона`: a naming verb that calls an actor's allegation (its object, a noun of
    `allegations.txt` with an actor of its own) false (`falsity.txt`) rejects it: a REJECT
    of that actor, not an accusation. The allegation noun, or None."""
    if tree.tokens[verb].lemma not in words.naming or not any(
            tree.tokens[j].lemma in words.falsity for j in said):
        return None
    # the object; or, read as the false word's genitive (`называет голословными утверждения
    # Израиля`), its nmod
    called = [c for c in tree.children[verb] if tree.rel(c) == "obj"] + [
        c for j in said if tree.tokens[j].lemma in words.falsity and tree.head(j) == verb
        for c in tree.children[j] if tree.rel(c) == "nmod"]
    for c in called:
        if tree.tokens[c].lemma in words.allegations and any(
                k in tree.mention_at and tree.rel(k) in ("nmod", "amod")
                for k in tree.children[c]):
            return c
    return None


def called_hostile(tree: Tree, verb: int, said: set[int], words: SpeechWords,
                   hostile: frozenset[str]) -> list[int]:
    """`Путин назвал санкции экономической войной`, `назвала его частью скоординированной
    атаки`, `квалифицировал удары как агрессию`: the name a naming verb gives, a noun of the
    lexicon's hostile acts, calls what it names a hostile act, an accusation. The name is a
    noun of the verb other than its object (or an instrumental the parser hung on the
    object), or that noun's genitive; never the object itself (`назвал удар по ИГ
    оправданным`: the strike is judged, not called an attack)."""
    if tree.tokens[verb].lemma not in words.naming:
        return []
    objects = [c for c in tree.children[verb] if tree.rel(c) == "obj"]
    named = set().union(*(tree.subtree(c) for c in objects)) if objects else set()
    names = [c for c in tree.children[verb] if c not in named and tree.rel(c) in CONTENT
             and tree.tokens[c].pos == "NOUN"]
    names += [k for k in named if k not in objects and tree.tokens[k].pos == "NOUN"
              and tree.case(k) == "Ins"]
    names += [g for n in list(names) for g in tree.children[n]
              if tree.rel(g) == "nmod" and tree.case(g) == "Gen" and tree.tokens[g].pos == "NOUN"]
    return sorted(k for k in set(names) if k in said and tree.tokens[k].lemma in hostile
                  and not _negated(tree, k, said, words))


def _report(tree: Tree, i: int, said: set[int], words: SpeechWords, hostile: frozenset[str],
            speaker: int | None, hearsay: bool) -> Report | None:
    """What one report does: a demand before blame (`надеется, что США изменят свое
    поведение в вопросе шпионажа` asks, it does not accuse), blame before praise. By
    hearsay (`по словам X`) only words of blame accuse: a hostile act told so is news of
    that act, whose teller is its attribution."""
    if (alleged := called_false(tree, i, said, words)) is not None:
        return Report(i, "REJECT", frozenset(said), REJECTED, (alleged,), speaker)
    asked = demands(tree, said, words)
    if asked:
        return Report(i, "REQUEST", frozenset(said), DEMAND, tuple(asked), speaker)
    blamed = blames(tree, said, words, hostile, told=not hearsay)
    if not blamed:  # `назвал санкции экономической войной`
        blamed = [(k, TOLD) for k in called_hostile(tree, i, said, words, hostile)]
    if blamed:
        code = min((code for _, code in blamed), key=ORDER.index)
        return Report(i, "ACCUSE", frozenset(said), code, tuple(k for k, _ in blamed), speaker)
    if any(_matches(tree, j, _entries(words.praise)) for j in said):  # `внесли важный вклад`
        return Report(i, "SUPPORT", frozenset(said), "051", (), speaker)
    return None
