"""Accusations and praise in reported speech: `Кремль считает, что США спонсировали
«цветные революции»`, `Керри называет Россию «важным партнером»`.

A reporting verb (`data/speech/reporting.txt`) whose content (what is said, or the
clause around a parenthetical `считает министр`) holds a word of blame
(`blame.txt`) or praise (`praise.txt`) is an ACCUSE or SUPPORT event of its
speaker towards the other actor named in that content. The word lists are plain
text, one lemma a line, checked when loaded.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ..datafile import Problems, Where
from .arguments import Tree
from .lexicon import LexiconError

_Lists = TypeVar("_Lists")
BUILTIN = Path(__file__).parent / "data" / "speech"
_LEMMA = re.compile(r"^[а-яa-z]+(?:[- ][а-яa-z]+)*$")
# What is said: clauses, objects, and what something is called (`назвал … достойным сожаления`)
CONTENT = frozenset({"ccomp", "obj", "xcomp", "obl", "csubj", "parataxis", "amod", "iobj"})
AROUND = frozenset({"parataxis", "advcl"})  # `…, считает министр`; `как сказал генерал, …`


@dataclass(frozen=True, slots=True)
class SpeechWords:
    reporting: frozenset[str]
    blame: frozenset[str]
    praise: frozenset[str]
    claims: frozenset[str]  # `по заявлениям X`: X's claim, not a source of news


@dataclass(frozen=True, slots=True)
class Report:
    verb: int  # the reporting verb's token
    type: str  # ACCUSE or SUPPORT
    content: frozenset[int]  # the tokens of what is said


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
        word = line.split("#", 1)[0].strip().lower().replace("ё", "е")
        if not word:
            continue
        if not _LEMMA.match(word):
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
    if (tree.tokens[verb].lemma in claims and tree.preposition(verb) == "по"
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
    if k >= len(tree.tokens) or tree.tokens[k].lemma != "что" or tree.rel(k) != "mark":
        return set()
    clause = tree.subtree(tree.head(k) if tree.head(k) is not None else k)
    return set(itertools.takewhile(clause.__contains__, range(verb + 1, len(tree.tokens))))


def reports(tree: Tree, words: SpeechWords, hostile: frozenset[str] = frozenset()
            ) -> Iterator[Report]:
    """Reporting verbs whose content blames or praises. Telling of a hostile act
    (`hostile`: the lexicon's triggers of conflict, told as verbs) is blaming too:
    `утверждает, что президент Польши был убит Россией`; `считает Россию угрозой` is not."""
    for i, token in enumerate(tree.tokens):
        if token.lemma not in words.reporting or token.pos not in ("VERB", "ADJ", "NOUN"):
            continue
        said = content(tree, i, words.claims)
        lemmas = {tree.tokens[j].lemma for j in said}
        acts = {tree.tokens[j].lemma for j in said if tree.tokens[j].pos == "VERB"}
        if lemmas & words.blame or acts & hostile:  # an act told, not `угроза`
            yield Report(i, "ACCUSE", frozenset(said))
        elif lemmas & words.praise:
            yield Report(i, "SUPPORT", frozenset(said))
