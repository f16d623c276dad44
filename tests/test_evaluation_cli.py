"""`relata eval …`: an evaluation over nothing is an error, never a score.

Every subcommand is given an empty input and an input without gold; each must exit 1
with a message that says what is missing, and print no figure.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from relata.cli import cli

from conftest import ROOT, write

UNKNOWN_TAG = ROOT / "tests" / "data" / "factrueval-unknown-tag"
RUSENTNE_HEADER = "sentence\tentity\tentity_tag\tentity_pos_start_rel\tentity_pos_end_rel\tlabel\n"
TEXT = "Россия и Азербайджан подписали соглашение о сотрудничестве.\n"


def _factrueval_texts(folder: Path) -> list[str]:
    write(folder / "in" / "book_1.txt", TEXT)
    return ["factrueval", str(folder / "in"), "--responses", str(folder / "out")]


def _rusentrel_articles(folder: Path) -> list[str]:
    write(folder / "art1.txt", "{Author, Unknown} " + TEXT)
    write(folder / "art1.ann", "T1\tLOC 18 24\tРоссия\nT2\tLOC 27 38\tАзербайджан\n")
    write(folder / "synonyms.txt", "Россия, РФ\nАзербайджан\n")
    return ["rusentrel", str(folder)]


def _empty_folder(command: str):
    def build(folder: Path) -> list[str]:
        folder.mkdir(exist_ok=True)
        return [command, str(folder)]
    return build


def _file(command: str, content: str, *options: str):
    def build(folder: Path) -> list[str]:
        folder.mkdir(exist_ok=True)
        extra = [str(folder) if option == "FOLDER" else option for option in options]
        return [command, str(write(folder / "input", content)), *extra]
    return build


# (subcommand, what is given, how to build it, what the error says)
CASES = [
    ("factrueval", "an empty folder", _empty_folder("factrueval"), "no book_N.txt files"),
    ("factrueval", "texts without gold", _factrueval_texts, "no gold (book_N.objects"),
    ("events", "an empty gold file", _file("events", ""), "no gold sentences"),
    ("events", "gold naming a missing text",
     _file("events", '{"doc": "gone.txt", "sentence": [0, 5], "events": []}\n',
           "--data-root", "FOLDER"), "input:1: document"),
    ("actors", "an empty gold file", _file("actors", ""), "no gold phrases"),
    ("actors", "gold naming a missing text",
     _file("actors", '{"doc": "gone.txt", "start": 0, "end": 6, "text": "Россия", '
                     '"country": "RUS"}\n', "--data-root", "FOLDER"), "input:1: document"),
    ("rusentne", "an empty file", _file("rusentne", ""), "header lacks the column(s)"),
    ("rusentne", "a header and no row", _file("rusentne", RUSENTNE_HEADER), "no row to score"),
    ("rusentne", "only malformed rows",
     _file("rusentne", RUSENTNE_HEADER + "Россия.\tРоссия\tCOUNTRY\t0\t6\tx\n"),
     "no row to score (1 malformed"),
    ("rusentrel", "an empty folder", _empty_folder("rusentrel"), "no artN.txt files"),
    ("rusentrel", "articles without gold", _rusentrel_articles, "has its gold (artN.opin.txt)"),
    ("countries", "an empty file", _file("countries", ""), "header lacks the column(s)"),
    ("countries", "no state entity",
     _file("countries", RUSENTNE_HEADER + "Путин приехал.\tПутин\tPERSON\t0\t5\t0\n"),
     "no COUNTRY or NATIONALITY entity"),
    ("countries", "an empty key", _file("countries", "book\tstart\tend\ttext\tcountry\n",
                                        "--key-folder", "FOLDER"), "no key rows"),
    ("countries", "a key into a missing text",
     _file("countries", "book\tstart\tend\ttext\tcountry\nbook_9\t0\t6\tРоссия\tRUS\n",
           "--key-folder", "FOLDER"), "input:2:"),
]


@pytest.mark.parametrize(("command", "given", "build", "message"), CASES,
                         ids=[f"{c[0]}: {c[1]}" for c in CASES])
def test_an_evaluation_over_nothing_is_an_error(tmp_path, command, given, build, message):
    result = CliRunner().invoke(cli, ["eval", *build(tmp_path / "case")])
    assert result.exit_code == 1, result.output
    assert "error: " in result.stderr and message in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not any(figure in result.stdout for figure in ("1.0000", "0.0000", "F1")), result.stdout


def test_every_eval_subcommand_is_in_the_table():
    assert {case[0] for case in CASES} == set(cli.commands["eval"].commands)


def test_factrueval_answers_texts_without_gold_before_it_says_there_is_none(tmp_path):
    result = CliRunner().invoke(cli, ["eval", *_factrueval_texts(tmp_path)])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "book_1.task1").read_text(encoding="utf-8")  # Россия, …
    assert "1 response files written" in result.stderr


def test_factrueval_answers_texts_without_gold_and_skips_unknown_tags(tmp_path):
    """book_1 has gold with an object tag the development split lacks, book_2 none: both
    get a response, book_1 alone is scored, and the unknown object is skipped with a note."""
    folder = shutil.copytree(UNKNOWN_TAG, tmp_path / "gold")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["eval", "factrueval", str(folder), "--responses", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["book_1.task1", "book_2.task1"]
    assert "2 response files written" in result.stderr
    assert "note: " in result.stderr and "'Facility'" in result.stderr
    assert "book_1.objects:5" in result.stderr
    assert "default (locorg separate): P " in result.stdout
