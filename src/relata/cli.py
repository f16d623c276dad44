"""The `relata` command: thin commands over the library.

Each command parses its options, opens what it needs and calls one library
function. Records go to stdout; messages, progress and summaries go to stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .errors import RelataError
from .export import FORMATS as EXPORT_FORMATS
from .export import TABLES as EXPORT_TABLES
from .formats import RECORDS
from .pipeline import DEFAULT_BATCH_SIZE
from .sources import DEFAULT_MAX_BYTES, InputError, parse_date
from .stance import THRESHOLD
from .store import DEFAULT_PATH, MAX_ROWS, open_store
from .stories import WEIGHTS
from .vocabulary import EVENT_TYPES, MENTION_KINDS, MODALITIES

if TYPE_CHECKING:
    import logging

    import pandas as pd
    from rich.console import Console
    from rich.progress import Progress

    from .ingest import IngestReport
    from .records import Analysis, Problem
    from .relations.columns import Columns

# Commands import what they use when they run: the language models' libraries take
# seconds to import, and `relata dyad` should answer in a fraction of one. `dyad` and
# `trends` print numpy columns, not DataFrames: pandas alone takes a second to import.

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130
SHUTDOWN_GRACE = 3  # seconds `relata serve` gives the requests in flight when told to stop
# busiest dyads whose answers `relata serve` computes ahead (relata/api/warm.py): a few
# MB kept (about), under two seconds of one core on a million events
DEFAULT_WARM = 200
# `relata serve --workers N`: what each worker process builds its app from (JSON)
WORKER_SETTINGS = "RELATA_SERVE_WORKER"
SWITCH_INTERVAL = 0.0005  # seconds a thread holds the GIL in `relata serve` (see there)


class RelataGroup(click.Group):
    """Turns relata's errors into one-line messages and exit codes, in one place."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except RelataError as e:
            click.echo(f"error: {e}", err=True)
            ctx.exit(EXIT_FAILED)
        except KeyboardInterrupt:
            click.echo("interrupted: every finished batch is stored; run the same command "
                       "again to finish", err=True)
            ctx.exit(EXIT_INTERRUPTED)


class DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(value)
        except InputError as e:
            self.fail(str(e), param, ctx)


def _stderr() -> Console:
    from rich.console import Console

    # No markup: file names and reasons are printed as they are, brackets included.
    return Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_PATH,
    envvar="RELATA_DB", show_default=True, help="DuckDB database file (or $RELATA_DB).",
)
date_option = click.option(
    "--date", "default_date", type=DateType(),
    help="Publication date for documents that do not give one.",
)
max_bytes_option = click.option(
    "--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
    help="Largest text file, or JSONL line, accepted; larger input is reported and skipped.",
)
batch_size_option = click.option(
    "--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE, show_default=True,
    help="Documents analysed together (and, for ingest, stored in one transaction).",
)
dict_option = click.option(
    "--dict", "dictionaries", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="An actor dictionary (YAML) to add to the built-in ones; repeatable. Also read from "
         "[actors] dictionaries in relata.toml.",
)
lexicon_option = click.option(
    "--lexicon", "lexicons", multiple=True, type=click.Path(exists=True),
    help="A predicate file (YAML, or a folder of them) to add to the built-in event lexicon; "
         "repeatable. Its entries replace built-in ones with the same trigger. Also read from "
         "[events] lexicons in relata.toml.",
)
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True,
    help="Processes analysing batches at once (each loads the models: about 0.5 GB).",
)
paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")


def select_options(command):
    """--glob and --exclude: which files below a folder are read."""
    command = click.option(
        "--exclude", "excludes", multiple=True, metavar="PATTERN",
        help="Leave out files below a folder matching PATTERN (repeatable), e.g. "
             "'*.opin.txt'; matched against the path within the folder and the name.")(command)
    return click.option(
        "--glob", "globs", multiple=True, metavar="PATTERN",
        help="Read only files below a folder matching PATTERN (repeatable; default: every "
             ".txt, .jsonl, .ndjson, .html, .htm, .warc and .warc.gz), e.g. '*.md' "
             "(read as text) or '2024/*'.")(command)


def _selection(globs: tuple[str, ...], excludes: tuple[str, ...]):
    from .sources import Selection

    return Selection(globs, excludes)


quiet_option = click.option("--quiet", "-q", is_flag=True,
                            help="No progress bar and no per-document notes.")


def _dictionaries(given: tuple[str, ...]) -> tuple[str, ...]:
    from .config import load_config

    return load_config().dictionaries + tuple(given)


def _lexicons(given: tuple[str, ...]) -> tuple[str, ...]:
    """relata.toml's lexicons and the given ones, checked here (every problem with its file
    and line) before any worker loads them."""
    from .config import load_config
    from .events.lexicon import load_lexicon

    lexicons = load_config().lexicons + tuple(given)
    if lexicons:
        load_lexicon(user=tuple(map(Path, lexicons)))
    return lexicons


def _format_option(*choices: str, default: str):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


@click.group(cls=RelataGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="relata", prog_name="relata")
def cli() -> None:
    """relata: political event data from Russian news, with evidence.

    PATH arguments may be .txt files (one article each, optional first line
    ` date YYYY-MM-DD`), .jsonl files (one article a line: `text`, and
    optionally `id url title date source`), web pages (.html, .htm), web
    archives (.warc, .warc.gz), folders (read recursively) or `-` for
    standard input.
    """


@cli.command("ingest")
@paths_argument
@db_option
@batch_size_option
@max_bytes_option
@date_option
@dict_option
@lexicon_option
@workers_option
@select_options
@click.option("--duplicates", "duplicates", type=click.FloatRange(0, 1, min_open=True),
              default=0.7, show_default=True,
              help="Similarity (estimated Jaccard of 5-word shingles) at or above which an "
                   "article is a copy of a stored one: kept as a mention of it, not analysed.")
@click.option("--no-dedup", is_flag=True, help="Analyse every article, copies included.")
@click.option("--dask", metavar="ADDRESS",
              help="Analyse on a Dask cluster: a scheduler's address (tcp://host:8786), or "
                   "local:N for a cluster of N workers on this machine; storing stays here.")
@quiet_option
@click.option("--verbose", "-v", is_flag=True, help="Say when each batch is committed.")
def ingest_command(
    paths, db, batch_size, max_bytes, default_date, dictionaries, lexicons, workers, globs,
    excludes, duplicates, no_dedup, dask, quiet, verbose
) -> None:
    """Analyse PATH... and store the documents and what was found in them.

    Re-running is safe: stored documents (same text) are not analysed again, and
    an interrupted run is completed by running the same command again.
    """
    from .ingest import IngestEvents, ingest
    from .parallel import make_pipeline
    from .sources import count

    console = _stderr()
    select = _selection(globs, excludes)
    if dask and workers > 1:
        raise click.UsageError("--dask and --workers: give one (a cluster has its workers)")
    pipeline = make_pipeline(workers, _dictionaries(dictionaries), freeze=True, dask=dask,
                             lexicons=_lexicons(lexicons))
    with (open_store(db, write=True) as store, _progress(console, quiet) as progress,
          closing(pipeline)):
        task = progress.add_task("ingest", total=count(paths, select))

        def on_batch(report: IngestReport, documents: int) -> None:
            progress.advance(task, documents)
            if verbose:
                progress.console.print(f"batch {report.batches} committed: "
                                       f"{report.stored} documents stored so far")

        def on_skipped(analysis: Analysis) -> None:
            if not quiet:
                progress.console.print(f"skipped: {analysis.document.origin}: {analysis.skipped}")

        report = ingest(
            store, paths, max_bytes=max_bytes, default_date=default_date, batch_size=batch_size,
            pipeline=pipeline, select=select, duplicates=None if no_dedup else duplicates,
            events=IngestEvents(on_problem=_problem_printer(progress.console),
                                on_skipped=on_skipped, on_batch=on_batch),
        )
    if report.stored == 0 and report.duplicates and not report.failed:
        console.print(f"nothing new: all {report.duplicates} documents are already in {db}")
    console.print(f"{db}: {report.summary()}")
    if warning := report.undated_warning():
        console.print(warning)
    if report.failed:
        sys.exit(EXIT_FAILED)


@cli.command("watch")
@click.argument("feeds", nargs=-1, required=True, metavar="FEED_URL_OR_FILE...")
@db_option
@click.option("--once", is_flag=True,
              help="Poll each feed once and stop (for cron); otherwise poll every --interval.")
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True,
              help="Seconds between two polls of the feeds.")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same host (politeness).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds to wait for a feed or page before giving up on it.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
              show_default=True, help="Largest feed or page accepted; larger is reported.")
@click.option("--user-agent", default=None,
              help="The User-Agent sent, and the name robots.txt rules are read for "
                   "[default: relata-watch].")
@dict_option
@quiet_option
def watch_command(feeds, db, once, interval, delay, timeout, max_bytes, user_agent, dictionaries,
                  quiet) -> None:
    """Poll RSS/Atom FEED_URL_OR_FILE... and ingest the pages of new items.

    Each feed is asked for with a conditional GET (ETag, Last-Modified); a host is
    asked at most once per --delay; robots.txt is obeyed. What was fetched is kept
    in the database, so a restart fetches no page twice. A feed or page that fails
    is reported and the run goes on; the exit code is 1 if any failed.
    """
    from .parallel import make_pipeline
    from .watch import USER_AGENT, Fetcher, WatchEvents, watch

    console = _stderr()
    pipeline = make_pipeline(1, _dictionaries(dictionaries), freeze=True)
    fetcher = Fetcher(timeout=timeout, delay=delay, max_bytes=max_bytes,
                      user_agent=user_agent or USER_AGENT)
    with (open_store(db, write=True) as store, _progress(console, quiet) as progress,
          closing(fetcher)):
        task = progress.add_task("watch", total=0)

        def on_feed(feed: str, new: int) -> None:
            progress.update(task, total=(progress.tasks[0].total or 0) + new)
            if not quiet:
                progress.console.print(f"{feed}: {new} new item(s)")

        try:
            report = watch(
                store, feeds, pipeline=pipeline, fetcher=fetcher, once=once, interval=interval,
                events=WatchEvents(on_problem=_problem_printer(progress.console),
                                   on_item=lambda url: progress.advance(task),
                                   on_feed=on_feed))
        except KeyboardInterrupt:
            console.print("interrupted: what was stored stays; run again to go on")
            sys.exit(EXIT_INTERRUPTED)
    console.print(f"{db}: {report.summary()}")
    if report.failed:
        sys.exit(EXIT_FAILED)


@cli.command("code")
@paths_argument
@_format_option("jsonl", "table", default="jsonl")
@click.option("--show", type=click.Choice(sorted(RECORDS)), default="events",
              show_default=True, help="Which records to print.")
@date_option
@dict_option
@lexicon_option
@max_bytes_option
@batch_size_option
@workers_option
@select_options
@quiet_option
def code_command(
    paths, fmt, show, default_date, dictionaries, lexicons, max_bytes, batch_size, workers,
    globs, excludes, quiet
) -> None:
    """Analyse PATH... without a database and print what was found.

    `--format jsonl` prints one JSON object per line on stdout and nothing else;
    spans are [start, end] char offsets into each input's own text.
    """
    from .coding import code_files
    from .parallel import make_pipeline
    from .records import Problem
    from .sources import count

    console = _stderr()
    failed: list[Problem] = []
    select = _selection(globs, excludes)
    pipeline = make_pipeline(workers, _dictionaries(dictionaries), freeze=True,
                             lexicons=_lexicons(lexicons))
    read = analysed = skipped = 0
    with _progress(console, quiet) as progress, closing(pipeline):
        task = progress.add_task("code", total=count(paths, select))
        on_problem = _problem_printer(progress.console, failed)
        for analysis in code_files(paths, pipeline=pipeline, default_date=default_date,
                                   max_bytes=max_bytes, batch_size=batch_size,
                                   on_problem=on_problem, select=select):
            read += 1
            progress.advance(task)
            if analysis.failure:
                on_problem(Problem(analysis.document.origin, analysis.failure))
            elif analysis.skipped:
                skipped += 1
                if not quiet:
                    progress.console.print(
                        f"skipped: {analysis.document.origin}: {analysis.skipped}")
            elif fmt == "jsonl":
                analysed += 1
                for record in RECORDS[show](analysis):
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                analysed += 1
                _print_table(RECORDS[show](analysis), _title(analysis), hide=_PER_DOCUMENT)
        sys.stdout.flush()
    console.print(f"read {read} · analysed {analysed} · skipped {skipped} · failed {len(failed)}")
    if failed:
        sys.exit(EXIT_FAILED)


@cli.command("resolve")
@click.argument("phrases", nargs=-1, required=True, metavar="PHRASE...")
@date_option
@dict_option
@click.option("--context", "context", default="", metavar="FILE|TEXT",
              help="The text before the phrases (a file, or the text itself): `президент`, "
                   "`он`, `стороны` are resolved in it as the coder resolves them.")
def resolve_command(phrases, default_date, dictionaries, context) -> None:
    """Print the actor each Russian PHRASE names, one JSON line per phrase, in order:
    {"text", "code", "country", "sector", "name"}, with null fields when unresolved.

    --date picks the office a person held on that day (default: their latest).
    """
    from .coding import resolve

    if context and Path(context).is_file():
        context = Path(context).read_text(encoding="utf-8")
    found = resolve(phrases, date=default_date, dictionaries=_dictionaries(dictionaries),
                    context=context)
    for phrase, mention in zip(phrases, found, strict=True):
        actor = mention.actor if mention else None
        record = {"text": phrase, "code": None, "country": None, "sector": None, "name": None}
        if actor is not None:
            record.update(code=actor.code, country=actor.country, sector=actor.sector,
                          name=actor.name)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


@cli.group("dict")
def dict_group() -> None:
    """Actor dictionaries."""


@dict_group.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH]...",
                type=click.Path(exists=True, dir_okay=False))
def dict_check_command(paths) -> None:
    """Validate the built-in actor dictionaries with PATH... (and relata.toml's) on top.

    Every problem is printed as FILE:LINE: reason; the exit code is 1 if there is any.
    """
    from .actors.dictionary import KINDS as DICTIONARY_KINDS
    from .actors.load import load as load_dictionary_problems

    dictionary, problems = load_dictionary_problems(_dictionaries(paths))
    console = _stderr()
    for problem in problems:
        click.echo(str(problem))
    sizes = ", ".join(f"{len(getattr(dictionary, kind))} {kind}" for kind in DICTIONARY_KINDS)
    console.print(f"{len(problems)} problems · {sizes}")
    if problems:
        sys.exit(EXIT_FAILED)


@cli.group("lexicon")
def lexicon_group() -> None:
    """The event lexicon: Russian triggers of CAMEO codes."""


@lexicon_group.command("check")
@click.argument("paths", nargs=-1, metavar="[PATH]...",
                type=click.Path(exists=True, path_type=Path))
@click.option("--coverage", "show_coverage", is_flag=True,
              help="Also list the CAMEO codes that no entry codes.")
@click.option("--level", type=click.Choice(["3", "4", "all"]), default="3", show_default=True,
              help="With --coverage: the three-digit codes, the four-digit ones, or all.")
@click.option("--gold", "gold_paths", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="With --coverage: only the codes this sentence-format gold file uses "
                   "(repeatable).")
def lexicon_check_command(paths, show_coverage, level, gold_paths) -> None:
    """Validate the built-in event lexicon with relata.toml's lexicons and PATH... (files or
    folders) on top; their entries replace built-in ones with the same trigger.

    Every problem is printed as FILE:LINE: reason; the exit code is 1 if there is any.
    With --coverage, the CAMEO codes without an entry are listed with their type.
    """
    from .config import load_config
    from .events.coverage import coverage, missing
    from .events.lexicon import BUILTIN, load
    from .events.ontology import load_ontology

    lexicon, problems = load((BUILTIN,), (*map(Path, load_config().lexicons), *paths))
    for problem in problems:
        click.echo(str(problem))
    rows = coverage(lexicon, load_ontology())
    covered = {n: sum(r.covered for r in rows if len(r.code) == n) for n in (2, 3, 4)}
    total = {n: sum(len(r.code) == n for r in rows) for n in (2, 3, 4)}
    _stderr().print(
        f"{len(problems)} problems · {len(lexicon.words)} words, {len(lexicon.light)} "
        f"light-verb pairs, {len(lexicon.frames)} frames · CAMEO codes with an entry: "
        f"{covered[3]} of {total[3]} three-digit, {covered[4]} of {total[4]} four-digit")
    if show_coverage:
        among = _gold_codes(gold_paths) if gold_paths else None
        levels = {"3": (2, 3), "4": (4,), "all": (2, 3, 4)}[level]
        for row in missing(rows, levels, among):
            click.echo(f"{row.code}\t{row.type}\t{row.description}")
    if problems:
        sys.exit(EXIT_FAILED)


def _gold_codes(paths: Iterable[Path]) -> set[str]:
    codes = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                codes.update(str(e.get("cameo")) for e in json.loads(line).get("events", ())
                             if e.get("cameo"))
    return codes


def gold_split_options(command):
    """--data-root and --held-out: where a gold file's documents are, and its split."""
    command = click.option(
        "--held-out", "held_out_path",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="The file listing the held-out documents or sentence ids (default: "
             "held-out/NAME.txt beside the gold file, else gold/held-out/NAME.txt).")(command)
    return click.option(
        "--data-root", type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="Where the gold's `doc` paths start (default: the shared data folder "
             "beside the checkout, ../shared/data).")(command)


def _gold_split(gold: Path, data_root: Path | None, held_out_path: Path | None):
    """(where the documents are, the split file or None, the held-out names or None)."""
    from .evaluation.events import held_out_file, read_held_out

    held_out_path = held_out_path or held_out_file(gold)
    held_out = read_held_out(held_out_path) if held_out_path else None
    return data_root or Path("..") / "shared" / "data", held_out_path, held_out


@cli.group("eval")
def eval_group() -> None:
    """Measure relata on gold data (figures for the README)."""


@eval_group.command("factrueval")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--responses", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write book_N.task1 response files (default: a temporary folder).")
@click.option("--held-out", "held_out_path",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The file listing the held-out books (default: held-out/NAME.txt beside "
                   "the folder, else gold/held-out/NAME.txt).")
@click.option("--errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="How many errors (default mode) of the tuning books to list: misses, "
                   "false responses, partial spans and wrong classes, with their words; the "
                   "held-out books' are never listed.")
@dict_option
def eval_factrueval_command(folder, responses, held_out_path, errors, dictionaries) -> None:
    """factRuEval-2016 track 1 (named entities) on FOLDER (book_N.txt and gold layers):
    writes one response file per document and, where gold is present, scores them as the
    official comparator does, with LocOrg as its own class and folded into Location (-l);
    the whole folder, then its tuning and held-out parts where a split is recorded."""
    import tempfile

    from .evaluation import events as events_eval
    from .evaluation import track1
    from .pipeline import Pipeline

    held_out_path = held_out_path or events_eval.held_out_file(folder.resolve())
    held_out = events_eval.read_held_out(held_out_path) if held_out_path else None
    pipeline = Pipeline(dictionaries=_dictionaries(dictionaries), parse_all=True)
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as scratch:
        out = responses or Path(scratch)
        written = track1.respond(folder, out, pipeline, problems)
        for problem in problems:
            click.echo(f"error: {problem}", err=True)
        if responses:
            _stderr().print(f"{written} response files written to {responses}")
        default, folded = track1.scores(folder, out)  # EvaluationError if there is no gold
        for note in default.notes:
            click.echo(f"note: {note}", err=True)
        modes = (("default (locorg separate)", default), ("-l (locorg as loc)", folded))
        for title, result in modes:
            click.echo(f"{title}: P {result.precision:.4f} R {result.recall:.4f} "
                       f"F1 {result.f1:.4f}")
            for kind, figures in result.by_class.items():
                click.echo(f"  {kind:7} P {figures.precision:.4f} R {figures.recall:.4f} "
                           f"F1 {figures.f1:.4f}")
        if held_out is not None:
            click.echo(f"split: {held_out_path}")
            for part, only in (("tuning", lambda name: name not in held_out),
                               ("held-out", lambda name: name in held_out)):
                for mode, result in zip(("default", "-l"), track1.scores(folder, out, only),
                                        strict=True):
                    classes = " · ".join(f"{kind} {figures.f1:.3f}"
                                         for kind, figures in result.by_class.items())
                    click.echo(f"{part:8} {mode:7} {len(result.by_document):3} books · "
                               f"F1 {result.f1:.4f} · {classes}")
        if errors:
            _list_factrueval_errors(folder, out, held_out, errors)
    if problems:
        sys.exit(EXIT_FAILED)


def _list_factrueval_errors(folder: Path, responses: Path, held_out: frozenset[str] | None,
                            limit: int) -> None:
    """The first `limit` errors of the tuning books (all books when no split is recorded),
    one a line: book, what, gold, response, the pair's quality, the words around."""
    from .evaluation.factrueval import errors, load_gold

    found = errors(folder, responses, only=lambda name: not held_out or name not in held_out)
    texts = {name: document.text for name, document in load_gold(folder).items()
             if name in found}
    listed = [(name, error) for name, errors_of in found.items() for error in errors_of]
    click.echo(f"errors of the tuning books: {len(listed)}"
               + (f", the first {limit}" if limit < len(listed) else ""))
    for name, error in listed[:limit]:
        text = texts[name]
        around = " ".join(text[max(0, error.start - 50) : error.start + 70].split())
        click.echo(f"{name:9} {error.what:7} gold: {error.gold or '-'} | "
                   f"response: {error.response or '-'} | {error.quality:.2f} | {around}")


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@gold_split_options
@click.option("--part", type=click.Choice(["tuning", "held-out"]), default="tuning",
              show_default=True,
              help="Which part's table to print; errors are only ever listed for the "
                   "tuning part.")
@click.option("--errors", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many false positives and misses of the tuning part to list.")
@click.option("--why", is_flag=True,
              help="Count the tuning part's misses by what the coder did at their trigger: "
                   "no trigger, a trigger dropped (and why), an event with a wrong side.")
@dict_option
@lexicon_option
def eval_events_command(gold, data_root, held_out_path, part, errors, why, dictionaries,
                        lexicons) -> None:
    """Precision, recall and F1 of coded events on a gold file (one sentence a line, with
    its events), on (type, source country, target country), per type; and the accuracy
    of modality on matched events.

    A gold file with a recorded split is scored on its tuning part and its held-out part
    apart: the held-out figure is the forecast for text the coder has never seen, and its
    errors are never listed.
    """
    from .evaluation import events as events_eval
    from .pipeline import Pipeline

    root, held_out_path, held_out = _gold_split(gold, data_root, held_out_path)
    pipeline = Pipeline(dictionaries=_dictionaries(dictionaries), lexicons=_lexicons(lexicons))
    trace = None
    if why:  # the coder records each trigger it finds and why one gave no event
        trace = next(s for s in pipeline.stages if s.name == "events").trace = []
    with _counted(pipeline, "eval events") as counted:
        report = events_eval.evaluate_split(gold, root, counted, held_out, trace)
    # a document the pipeline failed on scores as one with no events: the figures would
    # look like a coder's, so the run says so and fails
    failed = report.tuning.unanalysed
    if failed:
        click.echo(f"error: {len(failed)} gold document(s) not analysed, the figures below "
                   f"count them as coded with no event; first: {failed[0]}", err=True)
    if report.held_out is None:
        click.echo(f"{gold}: no held-out part recorded: every sentence counts as tuning")
        click.echo(events_eval.format_report(report.tuning, errors=errors))
        if failed:
            sys.exit(EXIT_FAILED)
        return
    for name, figures in (("tuning", report.tuning), ("held-out", report.held_out)):
        o = figures.overall
        click.echo(f"{name:<9} {figures.sentences:>4} sentences {figures.gold:>4} events · "
                   f"P {o.precision:.3f} R {o.recall:.3f} F1 {o.f1:.3f} · "
                   f"modality {figures.modality_accuracy:.3f}")
    click.echo(f"(split: {held_out_path})\n\n{part}:")
    if part == "held-out":
        click.echo(events_eval.format_report(report.held_out, errors=0))
    else:
        click.echo(events_eval.format_report(report.tuning, errors=errors))
    if failed:
        sys.exit(EXIT_FAILED)


@eval_group.command("actors")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@gold_split_options
@click.option("--errors", type=click.IntRange(min=0), default=0, show_default=True,
              help="How many wrongly resolved phrases of the tuning part to list.")
@dict_option
def eval_actors_command(gold, data_root, held_out_path, errors, dictionaries) -> None:
    """Country and sector accuracy of actor phrases (one a line, with the document it is
    in and its offsets), each resolved after the text before it as `relata resolve
    --context` resolves it; by kind (name, role noun) and by what the phrase names.

    A gold file with a recorded split is scored on its tuning part and its held-out part
    apart; errors are only ever listed for the tuning part.
    """
    from functools import partial

    from .coding import resolve_phrases
    from .evaluation import actors as actors_eval

    root, held_out_path, held_out = _gold_split(gold, data_root, held_out_path)
    resolver = partial(resolve_phrases, dictionaries=_dictionaries(dictionaries))
    report = actors_eval.evaluate_split(gold, root, resolver, held_out)
    if report.held_out is None:
        click.echo(f"{gold}: no held-out part recorded: every phrase counts as tuning")
        click.echo(actors_eval.format_report(report.tuning, errors=errors))
        return
    for name, part in (("tuning", report.tuning), ("held-out", report.held_out)):
        click.echo(f"{name:<9} {len(part.outcomes):>4} phrases · country {part.country} · "
                   f"sector {part.sector}")
    click.echo(f"(split: {held_out_path})")
    for name, part, shown in (("tuning", report.tuning, errors),
                              ("held-out", report.held_out, 0)):
        click.echo(f"\n{name}:\n" + actors_eval.format_report(part, errors=shown))


@eval_group.command("rusentne")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def eval_rusentne_command(file) -> None:
    """Targeted sentiment on a labelled RuSentNE-2023 file (tab-separated: sentence, entity,
    entity_tag, offsets, label -1/0/1): the shared task's macro-F1 over pos and neg, the
    3-class macro-F1, and precision, recall and F1 per class."""
    from .evaluation import rusentne

    scores, problems = rusentne.evaluate(file)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(rusentne.format_scores(scores))
    if problems:
        sys.exit(EXIT_FAILED)


@eval_group.command("rusentrel")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--predictions", type=click.Path(file_okay=False, path_type=Path),
              help="Write one artN.opin.txt per document into this folder.")
@click.option("--threshold", type=click.FloatRange(min=0), default=THRESHOLD,
              show_default=True, help="Smallest absolute score of a pair that is an attitude.")
@click.option("--cv", "cv_folds", type=click.IntRange(min=2),
              help="Also choose the threshold by cross-validation over the documents with "
                   "this many folds and print that figure.")
@dict_option
def eval_rusentrel_command(folder, predictions, threshold, cv_folds, dictionaries) -> None:
    """RuSentRel-1.1 on FOLDER (artN.txt, artN.ann, synonyms.txt, gold artN.opin.txt where
    present): attitudes between the .ann entities of each document, written as
    artN.opin.txt with --predictions, and the leaderboard measure where gold is present."""
    from .evaluation import rusentrel, rusentrel_run
    from .pipeline import Pipeline

    problems: list[Problem] = []
    pipeline = Pipeline(dictionaries=_dictionaries(dictionaries))
    with _counted(pipeline, "eval rusentrel") as counted:
        articles = rusentrel_run.analyse(folder, counted, problems=problems)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if predictions:
        rusentrel_run.write(articles, predictions, threshold)
        _stderr().print(f"{len(articles)} opinion files written to {predictions}")
    synonyms = rusentrel.Synonyms.read(folder / "synonyms.txt")
    result = rusentrel_run.score(articles, synonyms, threshold)  # EvaluationError if no gold
    click.echo(f"threshold {threshold}: " + rusentrel.format_result(result))
    if cv_folds:
        cv, chosen = rusentrel_run.cross_validate(articles, synonyms, cv_folds)
        click.echo(f"{cv_folds}-fold CV over documents (thresholds chosen "
                   f"{', '.join(map(str, chosen))}): " + rusentrel.format_result(cv))
    if problems:
        sys.exit(EXIT_FAILED)


@eval_group.command("countries")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--key-folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="FILE is a key (book start end text country) into the texts of this folder, "
                   "not a RuSentNE file.")
@click.option("--sample", type=click.IntRange(min=0), default=0, show_default=True,
              help="Also print this many resolved mentions, drawn at random, to check by hand.")
@click.option("--misses", is_flag=True, help="Also print every mention not resolved right.")
@dict_option
def eval_countries_command(file, key_folder, sample, misses, dictionaries) -> None:
    """The share of state mentions resolved to a country: the COUNTRY and NATIONALITY
    entities of a RuSentNE-2023 file, or with --key-folder the right country on a key."""
    from .actors import ResolveActors
    from .evaluation import countries
    from .language import RussianNLP
    from .pipeline import Pipeline

    if key_folder:
        texts, items = countries.read_key(file, key_folder)
    else:
        texts, items = countries.read_rusentne(file)
    pipeline = Pipeline(stages=[RussianNLP(), ResolveActors(_dictionaries(dictionaries))])
    with _counted(pipeline, "eval countries") as counted:
        report = countries.evaluate(texts, items, counted)
    for tag, n in sorted(report.counts().items()):
        click.echo(f"{tag}: {report.share(tag):.4f} of {n}")
    click.echo(f"all: {report.share():.4f} of {len(report.outcomes)}")
    for title, outcomes in (("sample", report.sample(sample)),
                            ("misses", report.misses() if misses else [])):
        for o in outcomes:
            click.echo(f"{title}\t{o.item.tag}\t{o.item.text}\t{o.code}\t"
                       f"{texts[o.item.doc][max(0, o.item.start - 60):o.item.end + 60]!r}")


@cli.command("attitudes")
@paths_argument
@_format_option("table", "jsonl", default="table")
@click.option("--threshold", type=click.FloatRange(min=0), default=THRESHOLD,
              show_default=True, help="Smallest absolute score of a pair that is an attitude.")
@click.option("--evidence", "evidence_count", type=click.IntRange(min=0), default=3,
              show_default=True, help="How many evidence sentences to print per attitude.")
@date_option
@dict_option
@max_bytes_option
@select_options
@quiet_option
def attitudes_command(paths, fmt, threshold, evidence_count, default_date, dictionaries,
                      max_bytes, globs, excludes, quiet) -> None:
    """List the attitudes each document in PATH... expresses: source actor, target actor,
    pos or neg, score, and the sentences that show it (coded events and the sentiment
    toward an actor where another is named)."""
    from .coding import code_files
    from .pipeline import Pipeline
    from .records import Problem
    from .sources import count
    from .stance import document as attitudes_doc
    from .stance.sentiment import SentimentModel

    console = _stderr()
    failed: list[Problem] = []
    select = _selection(globs, excludes)
    pipeline = Pipeline(dictionaries=_dictionaries(dictionaries))
    model = SentimentModel.load()
    with _progress(console, quiet) as progress:
        task = progress.add_task("attitudes", total=count(paths, select))
        on_problem = _problem_printer(progress.console, failed)
        for analysis in code_files(paths, pipeline=pipeline, default_date=default_date,
                                   max_bytes=max_bytes, on_problem=on_problem, select=select):
            progress.advance(task)
            if analysis.failure:
                on_problem(Problem(analysis.document.origin, analysis.failure))
                continue
            if analysis.skipped:
                if not quiet:
                    progress.console.print(
                        f"skipped: {analysis.document.origin}: {analysis.skipped}")
                continue
            found = attitudes_doc.attitudes(analysis, model=model, threshold=threshold)
            records = [_attitude_record(analysis, a, evidence_count) for a in found]
            if fmt == "jsonl":
                for record in records:
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                _print_attitudes(analysis, records)
        sys.stdout.flush()
    if failed:
        sys.exit(EXIT_FAILED)


def _attitude_record(analysis: Analysis, attitude, limit: int) -> dict:
    return {"record": "attitude", "doc_id": analysis.document.id,
            "origin": analysis.document.origin, "source": attitude.source,
            "source_name": attitude.source_name, "target": attitude.target,
            "target_name": attitude.target_name, "label": attitude.label,
            "score": attitude.score,
            "evidence": [{"kind": e.kind, "score": e.score, "detail": e.detail,
                          "span": [e.start, e.end], "text": e.text}
                         for e in attitude.evidence[:limit]]}


def _print_attitudes(analysis: Analysis, records: list[dict]) -> None:
    click.echo(f"{_title(analysis)}: {len(records)} attitudes")
    for r in records:
        click.echo(f"{r['source']} → {r['target']}  {r['label']}  {r['score']:+.2f}  "
                  f"({r['source_name']} → {r['target_name']})")
        for e in r["evidence"]:
            click.echo(f"    {e['score']:+.2f} {e['detail']}: {_short(e['text'], 160)}")


@cli.command("docs")
@db_option
@click.option("--limit", type=click.IntRange(1, MAX_ROWS), help="At most this many documents.")
@_format_option("table", "jsonl", "csv", default="table")
def docs_command(db, limit, fmt) -> None:
    """List the stored documents, newest first."""
    with open_store(db, read_only=True) as store:
        frame = store.documents(limit)
    _print_frame(frame, fmt, title=f"{len(frame)} documents in {db}")


@cli.command("events")
@db_option
@click.option("--source", help="Only events by this actor code (RUSMIL) or country (RUS).")
@click.option("--target", help="Only events on this actor code or country.")
@click.option("--type", "type_", type=click.Choice(EVENT_TYPES, case_sensitive=False),
              help="Only this PLOVER type (any case).")
@click.option("--modality", type=click.Choice(MODALITIES, case_sensitive=False),
              help="Only events of this modality.")
@click.option("--since", type=DateType(), help="Only events on or after this date.")
@click.option("--until", type=DateType(), help="Only events on or before this date.")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help="Only events coded with at least this confidence (0.9: both sides from "
                   "the parse, none guessed).")
@click.option("--story", "story_id", metavar="ID",
              help="Only the events of this story (an event's story_id): one event as each "
                   "article that reports it says it.")
@click.option("--limit", type=click.IntRange(1, MAX_ROWS), help="At most this many events.")
@_format_option("table", "jsonl", "csv", default="table")
def events_command(db, source, target, type_, modality, since, until, min_confidence,
                   story_id, limit, fmt) -> None:
    """List stored events with their evidence sentence, oldest first."""
    with open_store(db, read_only=True) as store:
        frame = store.events(source=source, target=target, type=type_,
                             modality=modality, since=since, until=until,
                             min_confidence=min_confidence, story_id=story_id, limit=limit)
    _print_frame(frame, fmt, title=f"{len(frame)} events in {db}", table_columns=(
        "date", "type", "mode", "modality", "source_code", "target_code", "trigger_text",
        "location_name", "num_articles", "sentence"))


@cli.command("mentions")
@db_option
@click.option("--kind", type=click.Choice(MENTION_KINDS, case_sensitive=False),
              help="Only mentions of this kind: PER, ORG, LOC (a place), LOCORG (a place "
                   "standing for its state), GRP, ADJ (`российский`).")
@click.option("--limit", type=click.IntRange(1, MAX_ROWS), help="At most this many mentions.")
@_format_option("table", "jsonl", "csv", default="table")
def mentions_command(db, kind, limit, fmt) -> None:
    """List the stored mentions of names, in document order."""
    with open_store(db, read_only=True) as store:
        frame = store.mentions(limit, kind)
    _print_frame(frame, fmt, title=f"{len(frame)} mentions in {db}")


_MODALITIES = MODALITIES
_MODALITY_CHOICE = click.Choice(MODALITIES, case_sensitive=False)
@cli.command("sql")
@click.argument("query")
@db_option
@click.option("--limit", type=click.IntRange(1, MAX_ROWS), default=1000, show_default=True,
              help="At most this many rows.")
@_format_option("table", "jsonl", "csv", default="table")
def sql_command(query, db, limit, fmt) -> None:
    """Run a read-only SQL query (DuckDB's dialect) on the database: `relata sql "SELECT
    type, count(*) FROM events GROUP BY type"`. `relata schema` shows the tables."""
    with open_store(db, read_only=True) as store:
        frame, more = store.read_only_query(query, limit)
    _print_frame(frame, fmt, title=f"{len(frame)} rows{' (more left out: --limit)' * more}")


@cli.command("schema")
@db_option
def schema_command(db) -> None:
    """Print the database's tables and views as SQL: what `relata sql` can read. The
    columns are described in the documentation's schema page."""
    with open_store(db, read_only=True) as store:
        for statement in store.schema():
            click.echo(statement.rstrip(";") + ";\n")


@cli.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS, case_sensitive=False),
              required=True,
              help="parquet, csv or jsonl: a folder with a file (Parquet: a folder "
                   "partitioned by month) per table; gdelt: GDELT 2.0's event table, "
                   "tab-separated; plover: PLOVER JSON records, one a line.")
@click.option("--output", "-o", type=click.Path(path_type=Path), required=True,
              help="The folder (parquet, csv, jsonl) or file (gdelt, plover) to write.")
@click.option("--table", "tables", multiple=True, type=click.Choice(EXPORT_TABLES),
              help="Only this table (repeatable; default: all three; folder formats only).")
@click.option("--modality", "modalities", multiple=True, type=_MODALITY_CHOICE,
              help="Only events of this modality (repeatable; default: all, but factual "
                   "only for gdelt, whose rows are counted as things that happened).")
@click.option("--replace", is_flag=True, help="Overwrite the output if it exists.")
def export_command(db, fmt, output, tables, modalities, replace) -> None:
    """Write the database's events, mentions and documents for other tools."""
    from .export import export

    done = export(db, fmt.lower(), output, tables=tables or EXPORT_TABLES,
                  modalities=modalities or None, replace=replace)
    rows = " · ".join(f"{table} {n:,}" for table, n in done.rows.items())
    left = " · ".join(f"{n:,} for {why}" for why, n in done.left_out.items())
    click.echo(f"{done.path}: {rows}" + (f" (events left out: {left})" if left else ""),
               err=True)


_FREQ = click.option("--freq", type=click.Choice(["D", "W", "M"]), default="M",
                     show_default=True, help="Periods: day, week (from Monday) or month.")
_SINCE = click.option("--since", type=DateType(), help="Only events on or after this date.")
_UNTIL = click.option("--until", type=DateType(), help="Only events on or before this date.")


@contextmanager
def _window_usage() -> Iterator[None]:
    """A window of too many periods for --freq is a usage error: it says which to give."""
    from .relations.series import TooManyPeriodsError

    try:
        yield
    except TooManyPeriodsError as e:
        raise click.BadParameter(str(e), param_hint="'--freq'") from None


def _modality_options(command):
    command = click.option(
        "--include-predicted", is_flag=True,
        help="Count forecasts (modality predicted) with the factual events.")(command)
    return click.option(
        "--modality", "modalities", multiple=True, type=_MODALITY_CHOICE,
        help="Count events of this modality (repeatable; default: factual only).")(command)


def _modalities(given: tuple[str, ...], include_predicted: bool) -> tuple[str, ...]:
    chosen = given or ("factual",)
    return (*chosen, "predicted") if include_predicted and "predicted" not in chosen else chosen


@cli.command("dyad")
@click.argument("a")
@click.argument("b")
@db_option
@_FREQ
@click.option("--directed", is_flag=True, help="Only events from A to B (default: both ways).")
@_SINCE
@_UNTIL
@_modality_options
@click.option("--evidence", type=click.IntRange(0, MAX_ROWS), default=20, show_default=True,
              help="How many of the latest events to print beneath the series.")
@click.option("--plot", "plot_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also draw the curve into FILE.png (matplotlib) or FILE.html (plotly, "
                   "opens offline: plotly.min.js is written beside it, once a folder).")
@click.option("--inline", is_flag=True,
              help="With --plot FILE.html: plotly's JavaScript inside the page (4.7 MB), "
                   "not beside it.")
@click.option("--weight", type=click.Choice(WEIGHTS), default="events", show_default=True,
              help="What an event that several articles report weighs in the series: "
                   "once (events), or as many as its articles or its outlets (sources).")
@_format_option("table", "json", "csv", default="table")
def dyad_command(a, b, db, freq, directed, since, until, modalities, include_predicted,
                 evidence, plot_path, inline, weight, fmt) -> None:
    """The relations of A and B per period: events by quad class, Goldstein sum and mean,
    conflict share, documents, events by modality; the trend, its change points and a
    verdict; and the latest events as evidence.

    A and B are country or organisation codes (RUS, NATO), actor codes for one sector
    (RUSMIL), or names (Россия, Azerbaijan). `--format csv` prints the series only.
    """
    from .relations.series import dyad_series

    with open_store(db, read_only=True) as store, _window_usage():
        dyad = dyad_series(store, a, b, freq=freq, directed=directed, since=since, until=until,
                           modalities=_modalities(modalities, include_predicted),
                           evidence=evidence, weight=weight)
    if plot_path:
        from .relations.plots import plot_dyad

        plot_dyad(dyad, dyad.trend, plot_path, inline=inline)
        _stderr().print(f"plot written to {plot_path}")
    figures = dyad.summary()
    if dyad.undated:
        _stderr().print(f"{dyad.undated} events of this dyad are left out: their documents "
                        "have no date (ingest with --date to place them)")
    if fmt == "csv":
        _write_csv(dyad.table)
    elif fmt == "json":
        from .relations.columns import rows

        figures.update(series=rows(dyad.table), evidence=rows(dyad.evidence_table))
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, default=_json_date) + "\n")
    else:
        _print_dyad(dyad, figures)


def _print_dyad(dyad, figures: dict) -> None:
    from .relations.columns import length, rows

    arrow = "→" if dyad.directed else "–"
    title = (f"{dyad.a.code} {arrow} {dyad.b.code} ({dyad.a.name} {arrow} {dyad.b.name}), "
             f"per {dict(D='day', W='week', M='month')[dyad.freq]}, "
             f"{' + '.join(dyad.modalities)} events")
    if not dyad.total_events:
        click.echo(f"{title}: no events")
        return
    rounded = _rounded(dyad.table, {"goldstein_sum": 1, "goldstein_mean": 2,
                                    "conflict_share": 2})
    _print_table([{k: _short(v) for k, v in row.items()} for row in rows(rounded)], title)
    share = figures["conflict_share"]
    counted = {"events": "events", "articles": "reports (events × their articles)",
               "sources": "reports (events × their outlets)"}[dyad.weight]
    click.echo(f"{dyad.total_events} {counted} · Goldstein total {dyad.goldstein_total:+.1f} · "
              f"conflict share {share:.0%} · {dyad.character}")
    click.echo(f"trend: {dyad.trend.line()}")
    for point in dyad.trend.change_points:
        click.echo(f"change point {point.date}: Goldstein sum per period "
                  f"{point.before:+.1f} before, {point.after:+.1f} after")
    shown = length(dyad.evidence_table)
    _print_table([{k: v for k, v in row.items() if k in _EVIDENCE}  # whole sentences
                       for row in rows(dyad.evidence_table)],
                 f"evidence: {shown} events" if dyad.weight == "events"
                 and shown >= dyad.total_events else f"evidence: the latest {shown} of "
                 f"{dyad.total_events} events" if dyad.weight == "events"
                 else f"evidence: the latest {shown} events")


_EVIDENCE = ("date", "type", "mode", "modality", "goldstein", "source_code", "target_code",
             "trigger_text", "sentence")


@cli.command("trends")
@db_option
@click.option("--top", type=click.IntRange(1, MAX_ROWS), default=20, show_default=True,
              help="How many dyads to list.")
@_FREQ
@_SINCE
@_UNTIL
@_modality_options
@click.option("--min-events", type=click.IntRange(1, MAX_ROWS), default=10,
              show_default=True,
              help="Leave out dyads with fewer events in the window.")
@_format_option("table", "json", "csv", default="table")
def trends_command(db, top, freq, since, until, modalities, include_predicted, min_events,
                   fmt) -> None:
    """Rank every pair of countries (or organisations) by how much and how surely their
    relations shift: the Theil–Sen change of the Goldstein sum per period over the window,
    weighted by the Mann–Kendall confidence; with the latest change point of each."""
    import numpy as np

    from .relations.columns import length, rows
    from .relations.ranking import ranking
    from .relations.trend import MIN_PERIODS

    with open_store(db, read_only=True) as store, _window_usage():
        ranked = ranking(store, freq=freq, top=top, since=since, until=until,
                         modalities=_modalities(modalities, include_predicted),
                         min_events=min_events)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows(ranked), ensure_ascii=False, default=_json_date)
                         + "\n")
    elif not length(ranked) and fmt == "table":
        click.echo(f"no dyad to rank in {db}: none has {min_events} events or more, or the "
                   f"window has fewer than {MIN_PERIODS} periods (too short for a trend; a "
                   "finer --freq gives more)")
    elif fmt == "csv":
        _write_csv(ranked)
    else:
        rounded = _rounded(ranked, {"goldstein_total": 1, "slope": 2, "change": 1,
                                    "score": 1, "level_before": 1, "level_after": 1})
        rounded["p_value"] = np.array([f"{p:.2g}" for p in ranked["p_value"].tolist()],
                                      dtype=object)
        _print_table([{k: _short(v) for k, v in row.items()} for row in rows(rounded)],
                     f"{len(ranked['rank'])} dyads in {db}, largest surest shift first")


def _rounded(columns: Columns, decimals: dict[str, int]) -> Columns:
    """The columns with some rounded as pandas' `DataFrame.round` does (numpy's round, half
    to even); a column of objects rounds its floats and leaves its None."""
    import numpy as np

    rounded = dict(columns)
    for name, places in decimals.items():
        column = columns[name]
        if column.dtype == object:
            rounded[name] = np.array([None if x is None else float(np.round(x, places))
                                      for x in column.tolist()], dtype=object)
        else:
            rounded[name] = np.round(column, places)
    return rounded


def _write_csv(columns: Columns) -> None:
    """The columns as pandas' `to_csv` writes them: a header, NULL and NaN empty."""
    import csv

    from .relations.columns import rows

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(row.values() for row in rows(columns))


def _records(frame: pd.DataFrame) -> list[dict]:
    frame = frame.copy()
    for column in frame.select_dtypes("datetime").columns:
        frame[column] = frame[column].dt.date
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


@cli.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--token", envvar="RELATA_TOKEN",
              help="Allow POST /api/ingest to requests that send this token in the "
                   "X-Relata-Token header (or $RELATA_TOKEN); without it ingest is off.")
@click.option("--max-body", type=click.IntRange(min=1), default=1 << 20, show_default=True,
              help="Largest request body accepted, in bytes.")
@click.option("--warm", type=click.IntRange(min=0), default=DEFAULT_WARM, show_default=True,
              help="How many of the busiest dyads have their default /api/dyad answer "
                   "computed in the background at start and after the database changes "
                   "(0: none).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Server processes answering at once, each reading the database "
                   "read-only (one a core answers a burst of new questions sooner); "
                   "more than one leaves ingest off.")
def serve_command(db, host, port, token, max_body, warm, workers) -> None:
    """Serve the HTTP API (OpenAPI schema at /openapi.json) and the dashboard at /."""
    import logging

    import uvicorn

    from .api import create_app

    if not db.exists():
        raise RelataError(f"{db}: no such database (run `relata ingest` first)")
    if workers > 1 and token:
        # a writer needs the database to itself, which the other processes' readers deny
        raise RelataError("--workers: ingest over HTTP (--token) needs one worker")
    _stderr().print(f"relata: {db} on http://{host}:{port}/"
                    + (" · ingest allowed with the token" if token else "")
                    + (f" · {workers} workers" if workers > 1 else ""))
    # On SIGTERM or Ctrl-C the requests in flight get a few seconds, then the server stops
    # whatever they are doing (an ingest cut short has stored whole batches or nothing).
    # uvicorn says how many it cut short; their tracebacks, all the same, would bury that.
    logging.getLogger("uvicorn.error").addFilter(_not_cut_short)
    # A thread computing an answer lets go of the GIL at each DuckDB query, lock and stat,
    # and waits for it back while the event loop sends kept answers: up to the switch
    # interval each time (5 ms by default). At 0.5 ms the answers not yet kept under 50
    # clients came 5-15 % sooner (p99; docs/benchmarks.md), and requests/s rose.
    sys.setswitchinterval(SWITCH_INTERVAL)
    if workers > 1:  # each worker process builds its own app from what it is handed
        os.environ[WORKER_SETTINGS] = json.dumps(
            {"db": str(db), "max_body": max_body, "warm": warm,
             "switch_interval": SWITCH_INTERVAL})
        uvicorn.run("relata.api.app:worker_app", factory=True, workers=workers, host=host,
                    port=port, log_level="warning", timeout_graceful_shutdown=SHUTDOWN_GRACE)
        return
    uvicorn.run(create_app(db, token=token, max_body=max_body, warm=warm), host=host, port=port,
                log_level="warning", timeout_graceful_shutdown=SHUTDOWN_GRACE)


def _not_cut_short(record: logging.LogRecord) -> bool:
    import asyncio

    return not (record.exc_info and isinstance(record.exc_info[1], asyncio.CancelledError))


# output helpers


def _progress(console: Console, quiet: bool, transient: bool = False) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("docs"), TimeElapsedColumn(), TimeRemainingColumn(),
        console=console, disable=quiet, transient=transient,
    )


@contextmanager
def _counted(pipeline, what: str) -> Iterator:
    """The pipeline, with a progress bar on stderr that counts the documents it analyses
    (evaluations read their documents themselves: the total is not known beforehand)."""
    from .pipeline import Batches

    class Counted(Batches):
        def __call__(self, documents):
            analyses = pipeline(documents)
            progress.advance(task, len(documents))
            return analyses

        def map(self, batches):
            for analyses in pipeline.map(batches):
                progress.advance(task, len(analyses))
                yield analyses

        def close(self) -> None:
            pipeline.close()

    with _progress(_stderr(), quiet=False, transient=True) as progress:
        task = progress.add_task(what, total=None)
        yield Counted()


def _problem_printer(console: Console, sink: list | None = None):
    def report(problem: Problem) -> None:
        console.print(f"error: {problem}")
        if sink is not None:
            sink.append(problem)

    return report


_PER_DOCUMENT = ("record", "doc_id", "origin", "date", "id")  # said once, in the title


def _title(analysis: Analysis) -> str:
    d = analysis.document
    return f"{d.origin}  {d.date or 'no date'}  {d.lang}  {d.id}"


def _print_table(records: Iterable[dict], title: str, hide: tuple[str, ...] = ()) -> None:
    from .table import render

    shown = [{k: _cell(v) for k, v in row.items() if k not in hide} for row in records]
    click.echo(render(shown, title, _screen()))


def _cell(value) -> str:
    if isinstance(value, dict):  # an actor by its code, evidence by its words
        if value.get("code") is not None or "sector" in value:
            value = value.get("code") or value.get("name")
        elif "text" in value:
            text = value["text"]
            value = text if len(text) <= 60 else text[:57] + "…"
        else:
            value = value.get("span") or value.get("name")
    if isinstance(value, list):
        return ":".join(map(str, value))
    return "" if value is None else str(value)


def _screen() -> int:
    """Columns a table may take: the terminal's; piped tables are read by people too, so
    they are not squeezed to 80."""
    import shutil

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else 200


def _print_frame(
    frame: pd.DataFrame, fmt: str, title: str, table_columns: tuple[str, ...] | None = None
) -> None:
    """jsonl and csv carry every column; a table, the ones people read."""
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
        return
    rows = _records(frame)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=_json_date) + "\n")
    else:
        shown = [{k: _short(v) for k, v in row.items()
                  if table_columns is None or k in table_columns} for row in rows]
        _print_table(shown, title)


def _short(value, limit: int = 100):
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value


def _json_date(value) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def main() -> None:
    cli()
