"""Code documents without a database: analyses stream out, problems are reported."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .actors import ResolveActors
from .ingest import unique
from .language import RussianNLP
from .pipeline import DEFAULT_BATCH_SIZE, Batches, Pipeline, split_batches
from .records import Analysis, Document, Mention, Problem
from .sources import DEFAULT_MAX_BYTES, parse_text, read
from .sources.document import InputError
from .sources.folder import EVERY_ARTICLE, Selection
from .sources.jsonl import parse_mapping

if TYPE_CHECKING:
    import pandas as pd

Text = str | Mapping[str, object] | Document  # what `code` takes, one or many


def code(
    texts: Text | Iterable[Text],
    *,
    date: dt.date | None = None,
    pipeline: Batches | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Coded:
    """Analyse a text or many, as spaCy's `nlp.pipe` does: batch by batch, lazily.

    `texts`: a string, or an iterable of strings, of mappings with the JSON Lines fields
    (`{"text": …, "date": "2025-08-07", "url": …, "source": …, "title": …, "id": …}`),
    or of `Document`s. `date`: the date of texts that give none (a ` date YYYY-MM-DD`
    header line in a string is honoured). A text that cannot be read (an empty string,
    a mapping without `text`, a bad date) raises `InputError` naming which one.

    Iterate the result for `Analysis` records, or turn it into `to_records()` (dicts)
    or `to_frame()` (a pandas DataFrame) of events, mentions or tokens:

        >>> relata.code(["Москва и Баку провели переговоры.", "…"]).to_frame()
    """
    if isinstance(texts, str | Mapping | Document):
        texts = [texts]
    documents = (_document(text, n, date) for n, text in enumerate(texts))
    return Coded(documents, pipeline or Pipeline(), batch_size)


def _document(text: Text, n: int, date: dt.date | None) -> Document:
    origin = f"<text {n}>"
    try:
        if isinstance(text, Document):
            return text
        if isinstance(text, str):
            return parse_text(text, origin, date)
        if isinstance(text, Mapping):
            return parse_mapping(dict(text), origin, date)
    except InputError as e:
        raise InputError(f"{origin}: {e}") from None
    raise InputError(f"{origin}: a text is a string, a mapping with 'text', or a Document, "
                     f"not {type(text).__name__}")


class Coded:
    """The analyses of `code`, made as they are read: iterate once, or collect them with
    `to_records` / `to_frame` (which iterate for you)."""

    def __init__(self, documents: Iterable[Document], pipeline: Batches, batch_size: int):
        remaining = iter(documents)
        batches = iter(lambda: list(itertools.islice(remaining, batch_size)), [])
        self._analyses = itertools.chain.from_iterable(pipeline.map(batches))

    def __iter__(self) -> Iterator[Analysis]:
        return self._analyses

    def to_records(self, what: str = "events") -> list[dict]:
        """Every analysis's events (or `mentions`, `tokens`) as the JSON records of
        `relata code --format jsonl`."""
        from .formats import RECORDS

        if what not in RECORDS:
            raise ValueError(f"unknown records {what!r}: one of {', '.join(sorted(RECORDS))}")
        return [record for analysis in self for record in RECORDS[what](analysis)]

    def to_frame(self, what: str = "events") -> pd.DataFrame:
        """`to_records` as a pandas DataFrame, nested fields flattened (`source.code`)."""
        import pandas as pd

        return pd.json_normalize(self.to_records(what))


def code_files(
    paths: Iterable[str | Path],
    *,
    pipeline: Batches | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_date: dt.date | None = None,
    on_problem: Callable[[Problem], None] = lambda problem: None,
    select: Selection = EVERY_ARTICLE,
) -> Iterator[Analysis]:
    """Analyse every document in `paths` (files, folders, `-`); each article once.
    `select`: which files below a folder are read (see `relata.sources.Selection`)."""
    pipeline = pipeline or Pipeline()
    seen: set[str] = set()
    items = read(paths, max_bytes=max_bytes, default_date=default_date, select=select)

    def new_batches() -> Iterator[list[Document]]:
        for documents, problems in split_batches(items, batch_size):
            for problem in problems:
                on_problem(problem)
            fresh, _ = unique([d for d in documents if d.id not in seen])
            seen.update(d.id for d in fresh)
            yield fresh

    for analyses in pipeline.map(new_batches()):
        yield from analyses


def code_text(
    text: str, *, date: dt.date | None = None, pipeline: Pipeline | None = None
) -> Analysis:
    """Analyse one text given as a string (a ` date YYYY-MM-DD` header is honoured)."""
    document = parse_text(text, "<text>", date)
    return (pipeline or Pipeline())([document])[0]


class Phrase(NamedTuple):
    """A phrase to resolve, with the text written before it and the date it was written."""

    text: str
    context: str = ""
    date: dt.date | None = None


def resolve(
    phrases: Iterable[str],
    *,
    date: dt.date | None = None,
    dictionaries: Sequence[str] = (),
    builtin: bool = True,
    context: str = "",
) -> list[Mention | None]:
    """The actor each phrase names (`МИД Азербайджана` → AZEGOV): the widest mention found
    in it, or None. Phrases are Russian by definition, so language detection is skipped.
    With a `context` (text before the phrase), a role noun or pronoun is resolved as the
    coder's context stage resolves it there (`президент` after a Turkish text: TURGOV)."""
    return resolve_phrases([Phrase(p, context, date) for p in phrases],
                           dictionaries=dictionaries, builtin=builtin)


def resolve_phrases(
    phrases: Iterable[Phrase], *, dictionaries: Sequence[str] = (), builtin: bool = True
) -> list[Mention | None]:
    """`resolve` for phrases each with its own context and date (the dictionaries and
    models loaded once): what `relata eval actors` scores."""
    from .actors.context import ResolveReferences

    actors = ResolveActors(dictionaries, builtin=builtin)
    nlp = RussianNLP()
    phrases = list(phrases)
    results: list[Mention | None] = [None] * len(phrases)
    for has_context in (False, True):
        chosen = [i for i, p in enumerate(phrases) if bool(p.context) == has_context]
        if not chosen:
            continue
        stages = [nlp, actors]
        if has_context:  # only then: its words are checked against the dictionary, which
            # may be a user's own without them
            stages.append(ResolveReferences(actors.index.dictionary))
        pipeline = Pipeline(stages)
        leads = {i: _lead(phrases[i].context) for i in chosen}
        documents = [Document(id=str(i), text=leads[i] + phrases[i].text, date=phrases[i].date,
                              lang="ru", origin="<phrase>") for i in chosen]
        for i, analysis in zip(chosen, pipeline(documents), strict=True):
            end = len(leads[i]) + len(phrases[i].text)
            coded = [m for m in analysis.mentions if m.actor and (m.actor.code or m.actor.country)
                     and _within(m, len(leads[i]), end)]  # a region has its state's country
            if not coded:  # a place no actor names stands for its state, as in the coder
                coded = [m for m in map(_as_place(analysis), analysis.mentions)
                         if m is not None and _within(m, len(leads[i]), end)]
            results[i] = max(coded, key=lambda m: m.end - m.start, default=None)
    return results


SENTENCE_ENDS = ".!?…"


def _lead(context: str) -> str:
    """The text the phrase is read after: its context as written when the phrase goes on
    the context's sentence (`… российские` + `лидеры`: the coder reads `российские
    лидеры`), else the context and a paragraph break (the phrase a sentence of its own)."""
    stripped = context.rstrip()
    if not stripped:
        return ""
    if stripped[-1] in SENTENCE_ENDS or "\n" in context[len(stripped):]:
        return f"{stripped}\n\n"
    return context if context[-1:].isspace() else f"{context} "


def _within(mention: Mention, start: int, end: int) -> bool:
    """Whether a mention names the phrase at [start, end), which ends the text: it overlaps
    it, lying in it or begun before it in the same sentence (`российские лидеры` for
    `лидеры`)."""
    return mention.end > start and mention.start < end


def _as_place(analysis: Analysis) -> Callable[[Mention], Mention | None]:
    """A place mention read as the coder reads a place on a side of an event (`захватила
    Крым` → UKR): the gazetteer's place for its words, standing for its country."""
    import dataclasses

    from .places import lookup_span
    from .records import Actor

    tokens = [t for sentence in analysis.sentences for t in sentence.tokens]

    def as_place(mention: Mention) -> Mention | None:
        if mention.actor is not None or mention.kind not in ("LOC", "LOCORG"):
            return None
        place = lookup_span(tokens, mention.start, mention.end)
        if place is None or place.country is None:
            return None
        return dataclasses.replace(
            mention, actor=Actor(place.country, place.country, None, place.name), via="place")

    return as_place
