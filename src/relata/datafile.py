"""Data files (YAML) users can edit: read with the line of every entry, fields checked,
every problem reported as `file:line: reason`. Shared by the actor dictionaries and the
predicate lexicon."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from .records import Problem

__all__ = ["LINE", "Problem", "Problems", "Where", "fields", "read_sections", "word_lists"]

LINE = "__line__"


@dataclass(frozen=True, slots=True)
class Where:
    file: str
    line: int

    def __reduce__(self):  # unpickled by __init__ (the actors' compiled index): faster
        return Where, (self.file, self.line)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class Problems(list):
    """Problems found in data files, as relata's one Problem record: `file:line`, reason."""

    def add(self, where: Where, message: str) -> None:
        self.append(Problem(str(where), message))


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """A safe loader that remembers the line of every mapping."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


def _date_or_text(loader: _LineLoader, node: yaml.ScalarNode):
    try:  # an impossible date (2020-13-01) is left as text, for the field check to report
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)


def read_sections(path: Path, sections: Mapping[str, object], problems: Problems):
    """(section, raw entry, where) for every entry of a file of `section: [entries]`."""
    top = Where(str(path), 1)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except (OSError, UnicodeDecodeError) as e:
        problems.add(top, f"cannot read: {e}")
        return
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problems.add(Where(str(path), line), f"not valid YAML: {getattr(e, 'problem', e)}")
        return
    if data is None:
        return
    if not isinstance(data, dict):
        problems.add(top, f"expected a mapping with any of: {', '.join(sections)}")
        return
    for section, entries in data.items():
        if section == LINE:
            continue
        if section not in sections:
            problems.add(top, f"unknown section {section!r} (expected: {', '.join(sections)})")
            continue
        if not isinstance(entries, list):
            problems.add(top, f"section {section!r} must be a list of entries")
            continue
        for raw in entries:
            if not isinstance(raw, dict):
                problems.add(top, f"a {section} entry must be a mapping, not {raw!r}")
                continue
            yield section, raw, Where(str(path), raw.get(LINE, 1))


_EXPECTED = {"str": "a string", "list": "a list of strings", "date": "a date YYYY-MM-DD",
             "bool": "true or false", "dicts": "a list of mappings"}


def _value(kind: str, value, name: str, where: Where, problems: Problems):
    if kind == "str" and isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    if kind == "list" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    if kind == "date" and isinstance(value, dt.date):
        return value
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "dicts" and isinstance(value, list) and all(isinstance(v, dict) for v in value):
        return value
    problems.add(where, f"field {name!r} must be {_EXPECTED[kind]}, not {value!r}")
    return None


def fields(
    raw: dict, spec: Mapping[str, tuple[str, bool]], where: Where, problems: Problems
) -> dict | None:
    """The entry's fields checked against `spec` (name: (type, required)); None if a
    required field is missing. Types: str, list (of str), date, bool, dicts."""
    values = {}
    for name, value in raw.items():
        if name == LINE:
            continue
        if name not in spec:
            problems.add(where, f"unknown field {name!r} (expected: {', '.join(spec)})")
            continue
        parsed = _value(spec[name][0], value, name, where, problems)
        if parsed is not None:
            values[name] = parsed
    missing = [n for n, (_, required) in spec.items() if required and n not in values]
    if missing:
        problems.add(where, f"missing field {', '.join(map(repr, missing))}")
        return None
    return values


_WORD = re.compile(r"^[а-яёa-z]+(?:-[а-яёa-z]+)*$")
_WORD_FIELDS = {"words": ("list", True)}


def word_lists(path: Path, sections: tuple[str, ...],
               problems: Problems) -> dict[str, frozenset[str]]:
    """The words of a file of `section: [- words: [...]]` lists, by section (every section
    of `sections`, empty when the file has none): dictionary forms in lower case, `ё` read
    as `е`. A word that is not one, or one written twice in a section, is a problem."""
    spec = dict.fromkeys(sections, _WORD_FIELDS)
    found: dict[str, dict[str, Where]] = {section: {} for section in sections}
    for section, raw, where in read_sections(path, spec, problems):
        values = fields(raw, _WORD_FIELDS, where, problems)
        for word in values["words"] if values else ():
            if not _WORD.match(word):
                problems.add(where, f"not a word in lower case: {word!r}")
            elif word.replace("ё", "е") in found[section]:
                problems.add(where, f"{word!r} repeated in {section} (first at "
                                    f"{found[section][word.replace('ё', 'е')]})")
            else:
                found[section][word.replace("ё", "е")] = where
    return {section: frozenset(words) for section, words in found.items()}
