"""Every command is documented on the docs site's Commands page and has help; the README
is one screen that starts with the two commands."""

import re

import click
import pytest
from click.testing import CliRunner

from relata.cli import cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS_PAGE = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


COMMANDS = list(_commands(cli))
IDS = [" ".join(path) for path, _ in COMMANDS]


def test_readme_starts_with_the_two_commands():
    setup = README[: README.index("\n## ", README.index("## ") + 1)]
    assert "make demo" in setup and "make test" in setup


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_command_has_help(path, command):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert command.help


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_command_is_documented(path, command):
    assert re.search(rf"^## `relata {' '.join(path)}\b", COMMANDS_PAGE, re.MULTILINE), path


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_option_is_documented(path, command):
    section = COMMANDS_PAGE[COMMANDS_PAGE.index(f"## `relata {' '.join(path)}"):]
    section = section[: section.find("\n## ", 1)]
    for param in command.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert option in section, f"relata {' '.join(path)} {option}"


def test_readme_is_one_screen():
    assert len(README.encode("utf-8")) <= 10_000


def test_schema_page_lists_every_table_and_column(tmp_path):
    """docs/schema.md has a section `## \\`table\\`` for every table of a new database,
    naming each of its columns as `column` in its first cell of a row."""
    from relata import open_store

    page = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `(\w+)`\n(.*?)(?=^## |\Z)", page, re.S | re.M))
    with open_store(tmp_path / "new.duckdb", write=True) as store:
        columns = store.query("SELECT table_name, column_name FROM information_schema.columns "
                              "WHERE table_schema = 'main' ORDER BY table_name, "
                              "ordinal_position")
    missing = [f"{table}.{column}" for table, column in columns.itertuples(index=False)
               if f"| `{column}` |" not in sections.get(table, "")]
    assert not missing, f"not in docs/schema.md: {missing}"
