"""The state and sector of an organisation no dictionary knows, from the legal form in
its name (`data/context/legal-forms.yaml`): `ООО «Алтек»` is RUSBUS, `Siemens AG` DEUBUS."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..datafile import Problems, fields, read_sections
from ..errors import DataFileError
from ..records import Actor, Mention, Token
from .codes import SECTORS

FORMS = Path(__file__).parent / "data" / "context" / "legal-forms.yaml"
_FIELDS = {"forms": {"country": ("str", True), "sector": ("str", True),
                     "words": ("list", True), "after": ("bool", False)}}


class FormsError(DataFileError):
    what = "the legal forms"


@dataclass(frozen=True, slots=True)
class Form:
    word: str  # as written, without dots
    country: str
    sector: str
    after: bool  # written after the name (`Siemens AG`), else before it (`ООО «Алтек»`)


def _key(word: str) -> str:
    return word.replace(".", "")


@functools.cache
def load_forms(path: Path = FORMS) -> dict[str, Form]:
    """The forms by their word (dots left out); FormsError lists every problem: a country
    that is no ISO 3166 alpha-3 code, an unknown sector, a word of more than one word or
    written twice."""
    problems = Problems()
    found: dict[str, Form] = {}
    for _, raw, where in read_sections(path, _FIELDS, problems):
        values = fields(raw, _FIELDS["forms"], where, problems)
        if values is None:
            continue
        country, sector = values["country"], values["sector"]
        if not (country.isascii() and country.isupper() and len(country) == 3):
            problems.add(where, f"unknown country code {country!r}")
            continue
        if sector not in SECTORS:
            problems.add(where, f"unknown sector {sector!r}")
            continue
        for word in values["words"]:
            key = _key(word)
            if not key or len(word.split()) != 1:
                problems.add(where, f"a form is one word, not {word!r}")
            elif key in found:
                problems.add(where, f"the form {word!r} is written twice")
            else:
                found[key] = Form(key, country, sector, values.get("after", False))
    if problems:
        raise FormsError(problems)
    return found


def _form_of(tokens: Sequence[Token], mention: Mention, forms: dict[str, Form]) -> Form | None:
    """The legal form written as the first word of the name or right before it (a form
    written before names), or as its last word or right after it (`after` forms); quotes
    and dots are passed over."""
    words = [k for k, t in enumerate(tokens) if t.text.strip("«»\"„“”.")]
    inside = [k for k in words if mention.start <= tokens[k].start and tokens[k].end
              <= mention.end]
    if not inside:
        return None
    at = words.index(inside[0])
    before = [inside[0]] + ([words[at - 1]] if at > 0 else [])
    at = words.index(inside[-1])
    after = [inside[-1]] + ([words[at + 1]] if at + 1 < len(words) else [])
    for ks, placed_after in ((before, False), (after, True)):
        for k in ks:
            form = forms.get(_key(tokens[k].text))
            if form is not None and form.after == placed_after and (
                    k not in inside or len(inside) > 1):  # the form alone names no one
                return form
    return None


NAME_WORDS = 4  # words at most of a name a form stands beside that NER did not find
QUOTED = 6  # words at most in the quotes of a name after a form


def _unfound(tokens: Sequence[Token], mentions: Sequence[Mention], forms: dict[str, Form],
             text: str) -> list[Mention]:
    """Names NER did not find that a legal form marks: capitalised Latin words before a
    form written after them (`Greenfield Analytics Inc.`), a «quoted» name after a form
    written before it (`ООО «Ромашка»`), form included; none where a mention already lies."""
    found = []
    for k, token in enumerate(tokens):
        form = forms.get(_key(token.text))
        if form is None or any(m.start < token.end and token.start < m.end for m in mentions):
            continue
        if form.after:
            first = k
            while first > 0 and k - first < NAME_WORDS and _latin_name(tokens[first - 1].text):
                first -= 1
            if first == k:
                continue
            span = (tokens[first].start, token.end)
        else:
            if k + 1 >= len(tokens) or tokens[k + 1].text not in ("«", "\""):
                continue
            close = next((j for j in range(k + 2, min(len(tokens), k + 3 + QUOTED))
                          if tokens[j].text in ("»", "\"")), None)
            if close is None or close == k + 2:
                continue
            span = (token.start, tokens[close].end)
        if any(m.start < span[1] and span[0] < m.end for m in mentions):
            continue
        name = text[span[0] : span[1]]
        found.append(Mention(span[0], span[1], name, "ORG", name, Actor(
            form.country + form.sector, form.country, form.sector, name)))
    return found


def _latin_name(word: str) -> bool:
    return word[:1].isupper() and word.isascii() and word.replace("-", "").replace(
        "&", "").isalnum()


def by_form(mentions: Sequence[Mention], tokens: Sequence[Token],
            forms: dict[str, Form], text: str = "") -> list[Mention]:
    """The mentions of a sentence, an organisation NER found that no dictionary knows given
    the state and sector of its legal form (`ООО «Алтек»` → RUSBUS, via `form`)."""
    result = []
    for m in mentions:
        actor = m.actor
        if m.kind == "ORG" and actor is not None and not actor.code and (
                form := _form_of(tokens, m, forms)) is not None:
            m = dataclasses.replace(m, actor=dataclasses.replace(
                actor, code=form.country + form.sector, country=form.country,
                sector=form.sector))
        result.append(m)
    if text:
        result += _unfound(tokens, result, forms, text)
        result.sort(key=lambda m: (m.start, -m.end))
    return result
