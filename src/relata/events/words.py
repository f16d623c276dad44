"""Word lists of the coder's side-finding rules, as data files (`data/words/*.txt`): one
lemma a line, or `lemma: VALUE` for a list that gives each word a value (a sector); `#`
starts a comment. Checked when loaded: a line that is not a lemma, a repeated lemma or a
value outside the list's own set is a problem naming the file and line."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from ..datafile import Problems, Where
from ..language.spelling import fold
from .lexicon import LexiconError

BUILTIN = Path(__file__).parent / "data" / "words"
LEMMA = re.compile(r"^[а-яa-z]+(?:[- ][а-яa-z]+)*$")


def _read(name: str, values: Collection[str] | None,
          value_shape: re.Pattern[str] | None = None) -> dict[str, str | None]:
    path = BUILTIN / f"{name}.txt"
    problems = Problems()
    found: dict[str, str | None] = {}
    lines: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError([*problems, *_problem(path, 1, f"cannot read: {e}")]) from e
    for number, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, _, value = (part.strip() for part in line.partition(":"))
        word = fold(word)
        where = Where(str(path), number)
        if not LEMMA.match(word):
            problems.add(where, f"not a lemma: {word!r}")
        elif word in lines:
            problems.add(where, f"{word!r} repeated (first at line {lines[word]})")
        elif values is None and value:
            problems.add(where, f"{word!r}: this list gives words no value")
        elif value_shape is not None and not value_shape.match(fold(value)):
            problems.add(where, f"{word!r}: value {value!r} is not a word")
        elif value_shape is None and values is not None and value not in values:
            problems.add(where, f"{word!r}: value {value!r} not one of {', '.join(values)}")
        else:
            lines[word] = number
            found[word] = (fold(value) if value_shape else value) or None
    if problems:
        raise LexiconError(problems)
    return found


def _problem(path: Path, line: int, message: str) -> Problems:
    problems = Problems()
    problems.add(Where(str(path), line), message)
    return problems


@functools.cache
def words(name: str) -> frozenset[str]:
    """The lemmas of the list `data/words/NAME.txt`."""
    return frozenset(_read(name, None))


@functools.cache
def valued(name: str, values: tuple[str, ...]) -> Mapping[str, str]:
    """The lemmas of the list `data/words/NAME.txt`, each with its value (one of
    `values`)."""
    return {word: value for word, value in _read(name, values).items() if value}


@functools.cache
def pairs(name: str) -> Mapping[str, str]:
    """The lemmas of the list `data/words/NAME.txt`, each with the word it stands for
    (`со: с`)."""
    return {word: value for word, value in _read(name, (), LEMMA).items() if value}


ROLES = ("negation", "in", "with", "complementizer", "auxiliary", "by", "without", "on", "under",
         "for", "out-of", "from", "against", "regarding", "doer", "as", "so", "and", "own",
         "about", "reflexive", "out-from-under")


@functools.cache
def grammar(role: str) -> str:
    """The function word of a role the rules test (`negation`: `не`), from
    `data/words/grammar.txt`, where each role has one word."""
    by_role: dict[str, list[str]] = {}
    for word, value in valued("grammar", ROLES).items():
        by_role.setdefault(value, []).append(word)
    if len(by_role.get(role, ())) != 1:
        raise LexiconError(_problem(BUILTIN / "grammar.txt", 1,
                                    f"role {role!r} needs one word, has "
                                    f"{len(by_role.get(role, ()))}"))
    return by_role[role][0]


@functools.cache
@functools.cache  # asked for each child of a node the rules look at
def vowelled(preposition: str) -> str:
    """The form of a one-word preposition with the vowel Russian adds before some words
    (`с`: `со стороны`), from `data/words/vowelled-prepositions.txt`."""
    return {plain: form for form, plain in pairs("vowelled-prepositions").items()}[preposition]
