"""The `relata` command: thin commands over the library.

Each command parses its options, opens what it needs and calls one library
function. Records go to stdout; messages, progress and summaries go to stderr.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import click
import pandas as pd
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from . import __version__
from .actors import ResolveActors
from .actors import load as load_dictionary_problems
from .actors.dictionary import KINDS as DICTIONARY_KINDS
from .code import code_files, resolve
from .config import load_config
from .errors import RelataError
from .evaluation import countries, track1
from .evaluation import events as events_eval
from .formats import RECORDS
from .ingest import IngestEvents, IngestReport, ingest
from .language import RussianNLP
from .parallel import make_pipeline
from .pipeline import DEFAULT_BATCH_SIZE, Pipeline
from .records import Analysis, Problem
from .sources import DEFAULT_MAX_BYTES, InputError, count, parse_date
from .store import DEFAULT_PATH, open_store

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


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
    return Console(stderr=True, highlight=False, soft_wrap=True)


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
workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True,
    help="Processes analysing batches at once (each loads the models: about 0.5 GB).",
)
paths_argument = click.argument("paths", nargs=-1, required=True, metavar="PATH...")


def _dictionaries(given: tuple[str, ...]) -> tuple[str, ...]:
    return load_config().dictionaries + tuple(given)


def _format_option(*choices: str, default: str):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


@click.group(cls=RelataGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="relata")
def cli() -> None:
    """relata: political event data from Russian news, with evidence.

    PATH arguments may be .txt files (one article each, optional first line
    ` date YYYY-MM-DD`), .jsonl files (one article a line: `text`, and
    optionally `id url title date source`), folders (read recursively) or `-`
    for standard input.
    """


@cli.command("ingest")
@paths_argument
@db_option
@batch_size_option
@max_bytes_option
@date_option
@dict_option
@workers_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no per-document notes.")
@click.option("--verbose", "-v", is_flag=True, help="Say when each batch is committed.")
def ingest_command(
    paths, db, batch_size, max_bytes, default_date, dictionaries, workers, quiet, verbose
) -> None:
    """Analyse PATH... and store the documents and what was found in them.

    Re-running is safe: stored documents (same text) are not analysed again, and
    an interrupted run is completed by running the same command again.
    """
    console = _stderr()
    pipeline = make_pipeline(workers, _dictionaries(dictionaries))
    with open_store(db) as store, _progress(console, quiet) as progress, closing(pipeline):
        task = progress.add_task("ingest", total=count(paths))

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
            pipeline=pipeline,
            events=IngestEvents(on_problem=_problem_printer(progress.console),
                                on_skipped=on_skipped, on_batch=on_batch),
        )
    if report.stored == 0 and report.duplicates and not report.failed:
        console.print(f"nothing new: all {report.duplicates} documents are already in {db}")
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
@max_bytes_option
@batch_size_option
@workers_option
def code_command(
    paths, fmt, show, default_date, dictionaries, max_bytes, batch_size, workers
) -> None:
    """Analyse PATH... without a database and print what was found.

    `--format jsonl` prints one JSON object per line on stdout and nothing else;
    spans are [start, end] char offsets into each input's own text.
    """
    console = _stderr()
    failed: list[Problem] = []
    on_problem = _problem_printer(console, failed)
    pipeline = make_pipeline(workers, _dictionaries(dictionaries))
    analyses = code_files(paths, pipeline=pipeline, default_date=default_date,
                          max_bytes=max_bytes, batch_size=batch_size, on_problem=on_problem)
    out = _stdout()
    read = analysed = skipped = 0
    for analysis in analyses:
        read += 1
        if analysis.failure:
            on_problem(Problem(analysis.document.origin, analysis.failure))
        elif analysis.skipped:
            skipped += 1
            console.print(f"skipped: {analysis.document.origin}: {analysis.skipped}")
        elif fmt == "jsonl":
            analysed += 1
            for record in RECORDS[show](analysis):
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            analysed += 1
            _print_table(out, RECORDS[show](analysis), _title(analysis), hide=_PER_DOCUMENT)
    sys.stdout.flush()
    pipeline.close()
    console.print(f"read {read} · analysed {analysed} · skipped {skipped} · failed {len(failed)}")
    if failed:
        sys.exit(EXIT_FAILED)


@cli.command("resolve")
@click.argument("phrases", nargs=-1, required=True, metavar="PHRASE...")
@date_option
@dict_option
def resolve_command(phrases, default_date, dictionaries) -> None:
    """Print the actor each Russian PHRASE names, one JSON line per phrase, in order:
    {"text", "code", "country", "sector", "name"}, with null fields when unresolved.

    --date picks the office a person held on that day (default: their latest).
    """
    found = resolve(phrases, date=default_date, dictionaries=_dictionaries(dictionaries))
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
    dictionary, problems = load_dictionary_problems(_dictionaries(paths))
    console = _stderr()
    for problem in problems:
        click.echo(str(problem))
    sizes = ", ".join(f"{len(getattr(dictionary, kind))} {kind}" for kind in DICTIONARY_KINDS)
    console.print(f"{len(problems)} problems · {sizes}")
    if problems:
        sys.exit(EXIT_FAILED)


@cli.group("eval")
def eval_group() -> None:
    """Measure relata on gold data (figures for the README)."""


@eval_group.command("factrueval")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--responses", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write book_N.task1 response files (default: a temporary folder).")
@dict_option
def eval_factrueval_command(folder, responses, dictionaries) -> None:
    """factRuEval-2016 track 1 (named entities) on FOLDER (book_N.txt and gold layers):
    writes one response file per document and, where gold is present, scores them as the
    official comparator does, with LocOrg as its own class and folded into Location (-l)."""
    import tempfile

    pipeline = Pipeline(dictionaries=_dictionaries(dictionaries), parse_all=True)
    with tempfile.TemporaryDirectory() as scratch:
        out = responses or Path(scratch)
        default, folded = track1.run(folder, out, pipeline)
        modes = (("default (locorg separate)", default), ("-l (locorg as loc)", folded))
        for title, result in modes:
            click.echo(f"{title}: P {result.precision:.4f} R {result.recall:.4f} "
                       f"F1 {result.f1:.4f}")
            for kind, figures in result.by_class.items():
                click.echo(f"  {kind:7} P {figures.precision:.4f} R {figures.recall:.4f} "
                           f"F1 {figures.f1:.4f}")
    if responses:
        _stderr().print(f"responses written to {responses}")


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--data-root", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Where the gold's `doc` paths start (default: the shared data folder "
                   "beside the checkout, ../shared/data).")
@click.option("--errors", type=click.IntRange(min=0), default=20, show_default=True,
              help="How many false positives and misses to list.")
@dict_option
def eval_events_command(gold, data_root, errors, dictionaries) -> None:
    """Precision, recall and F1 of coded events on a gold file (one sentence a line, with
    its events), on (type, source country, target country), per type; and the accuracy
    of modality on matched events."""
    root = data_root or Path("..") / "shared" / "data"
    pipeline = Pipeline(dictionaries=_dictionaries(dictionaries))
    report = events_eval.evaluate(gold, root, pipeline)
    click.echo(events_eval.format_report(report, errors=errors))


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
    if key_folder:
        texts, items = countries.read_key(file, key_folder)
    else:
        texts, items = countries.read_rusentne(file)
    pipeline = Pipeline(stages=[RussianNLP(), ResolveActors(_dictionaries(dictionaries))])
    report = countries.evaluate(texts, items, pipeline)
    for tag, n in sorted(report.counts().items()):
        click.echo(f"{tag}: {report.share(tag):.4f} of {n}")
    click.echo(f"all: {report.share():.4f} of {len(report.outcomes)}")
    for title, outcomes in (("sample", report.sample(sample)),
                            ("misses", report.misses() if misses else [])):
        for o in outcomes:
            click.echo(f"{title}\t{o.item.tag}\t{o.item.text}\t{o.code}\t"
                       f"{texts[o.item.doc][max(0, o.item.start - 60):o.item.end + 60]!r}")


@cli.command("docs")
@db_option
@click.option("--limit", type=click.IntRange(min=1), help="At most this many documents.")
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
@click.option("--type", "type_", metavar="TYPE", help="Only this PLOVER type (ASSAULT, AID …).")
@click.option("--modality", type=click.Choice(
    ["factual", "negated", "intended", "threatened", "predicted", "hypothetical"]),
    help="Only events of this modality.")
@click.option("--since", type=DateType(), help="Only events on or after this date.")
@click.option("--until", type=DateType(), help="Only events on or before this date.")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help="Only events coded with at least this confidence (0.9: both sides from "
                   "the parse, none guessed).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@_format_option("table", "jsonl", "csv", default="table")
def events_command(db, source, target, type_, modality, since, until, min_confidence, limit,
                   fmt) -> None:
    """List stored events with their evidence sentence, oldest first."""
    with open_store(db, read_only=True) as store:
        frame = store.events(source=source, target=target, type=type_ and type_.upper(),
                             modality=modality, since=since, until=until,
                             min_confidence=min_confidence, limit=limit)
    _print_frame(frame, fmt, title=f"{len(frame)} events in {db}", table_columns=(
        "date", "type", "mode", "modality", "source_code", "target_code", "trigger_text",
        "location_name", "sentence"))


@cli.command("mentions")
@db_option
@click.option("--kind", help="Only mentions of this kind (PER, LOC, ORG).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many mentions.")
@_format_option("table", "jsonl", "csv", default="table")
def mentions_command(db, kind, limit, fmt) -> None:
    """List the stored mentions of names, in document order."""
    with open_store(db, read_only=True) as store:
        frame = store.mentions(limit, kind)
    _print_frame(frame, fmt, title=f"{len(frame)} mentions in {db}")


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
def serve_command(db, host, port, token, max_body) -> None:
    """Serve the HTTP API (OpenAPI schema at /openapi.json) and the dashboard at /."""
    import uvicorn

    from .api import create_app

    if not db.exists():
        raise RelataError(f"{db}: no such database (run `relata ingest` first)")
    _stderr().print(f"relata: {db} on http://{host}:{port}/"
                    + (" · ingest allowed with the token" if token else ""))
    uvicorn.run(create_app(db, token=token, max_body=max_body), host=host, port=port,
                log_level="warning")


# output helpers


def _progress(console: Console, quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("docs"), TimeElapsedColumn(), TimeRemainingColumn(),
        console=console, disable=quiet,
    )


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


def _print_table(
    console: Console, records: Iterable[dict], title: str, hide: tuple[str, ...] = ()
) -> None:
    rows = list(records)
    columns = [k for k in rows[0] if k not in hide] if rows else []
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in columns))
    console.print(table)


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


def _stdout() -> Console:
    # Piped tables are read by people too: do not squeeze them to 80 columns.
    return Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _print_frame(
    frame: pd.DataFrame, fmt: str, title: str, table_columns: tuple[str, ...] | None = None
) -> None:
    """jsonl and csv carry every column; a table, the ones people read."""
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
        return
    for column in frame.select_dtypes("datetime").columns:
        frame[column] = frame[column].dt.date
    rows = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=_json_date) + "\n")
    else:
        shown = [{k: _short(v) for k, v in row.items()
                  if table_columns is None or k in table_columns} for row in rows]
        _print_table(_stdout(), shown, title)


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
