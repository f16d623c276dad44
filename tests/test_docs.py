"""Every command is documented in the README and has help."""

import re

import pytest
from click.testing import CliRunner

from relata.cli import cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def test_readme_starts_with_the_two_commands():
    setup = README[: README.index("\n## ", README.index("## ") + 1)]
    assert "make demo" in setup and "make test" in setup


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert cli.commands[command].help


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_documented(command):
    assert re.search(rf"^### `relata {command}", README, re.MULTILINE), command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_is_documented(command):
    for param in cli.commands[command].params:
        for option in param.opts:
            if option.startswith("--") and option != "--help":
                assert option in README, f"relata {command} {option}"
