"""Every code example of the README and the docs site runs, so that none can rot.

Python blocks are executed as they are written; each `relata …` line of a shell block is
run through the CLI, in a folder holding `examples/` and databases of it under the names
the examples use, except `relata serve` (it would not return) and `relata eval` (whole-gold
evaluations take minutes and are run and reported apart), which are parsed only.
"""

import os
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from relata.cli import cli

from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
PLACEHOLDERS = {"~/news/": "examples/"}  # a reader's own folder, in the examples' stead
DATABASES = ("relata.duckdb", "news.duckdb")


def _blocks(kind: tuple[str, ...]) -> list:
    return [pytest.param(match[2], id=f"{page.relative_to(ROOT)}#{n}")
            for page in PAGES
            for n, match in enumerate(BLOCK.finditer(page.read_text(encoding="utf-8")), 1)
            if match[1] in kind]


def _commands(block: str) -> list[list[str]]:
    commands = []
    for line in block.splitlines():
        words = shlex.split(line, comments=True)
        if words[:1] == ["relata"]:
            commands.append([PLACEHOLDERS.get(w, w) for w in words[1:]])
    return commands


@pytest.fixture
def workspace(tmp_path, examples_db, monkeypatch) -> Path:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    for name in DATABASES:
        shutil.copy(examples_db, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_pages_have_examples():
    assert len(_blocks(("python",))) >= 2
    assert sum(len(_commands(p.values[0])) for p in _blocks(("sh",))) >= 8


@pytest.mark.parametrize("block", _blocks(("python",)))
def test_python_example_runs(block, workspace, pipeline, monkeypatch):
    import relata.coding
    from relata.pipeline import Pipeline

    # the models are loaded once for the session: the examples' default pipelines are it
    monkeypatch.setattr(relata.coding, "Pipeline",
                        lambda *a, **k: Pipeline(*a, **k) if a or k else pipeline)
    exec(compile(block, "<docs example>", "exec"), {"__name__": "__docs__"})


@pytest.mark.parametrize("block", _blocks(("sh",)))
def test_shell_example_runs(block, workspace):
    runner = CliRunner()
    for args in _commands(block):
        if args[:1] in (["serve"], ["eval"]):  # parsed, not run
            with click.Context(cli) as ctx:
                command, rest = cli.commands[args[0]], args[1:]
                if isinstance(command, click.Group):
                    command, rest = command.commands[rest[0]], rest[1:]
                command.make_context(args[0], [a for a in rest if not a.endswith(".jsonl")],
                                     parent=ctx, resilient_parsing=True)
            continue
        if "--output" in args:  # a second run of the same page must not find its output
            output = args[args.index("--output") + 1]
            if os.path.exists(output):
                shutil.rmtree(output) if os.path.isdir(output) else os.remove(output)
        result = runner.invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)
