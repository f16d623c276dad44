"""Importing relata and running a pipeline leaves the process as it was: the collector not
frozen, the warning filters and the environment untouched. Only relata's own command (and
its workers) freeze the collector, for speed."""

import json
import subprocess
import sys

from click.testing import CliRunner

from relata.cli import cli
from relata.pipeline import Pipeline

from conftest import FOUNDING

SCRIPT = """
import gc, json, os, sys, warnings
# The libraries relata uses first: what they do on import (numpy adds warning filters) is
# theirs, not relata's.
import lingua, natasha, numpy, razdel, slovnet, threadpoolctl, yaml
filters, environ = list(warnings.filters), dict(os.environ)
from relata.pipeline import Pipeline
from relata.sources import read
(document,) = read([sys.argv[1]])
pipeline = Pipeline()
for _ in range(2):
    (analysis,) = pipeline([document])
state = {"events": len(analysis.events), "frozen": gc.get_freeze_count(),
         "filters": list(warnings.filters) == filters, "environ": dict(os.environ) == environ}
Pipeline(freeze=True)([document])
state["frozen_when_asked"] = gc.get_freeze_count()
print(json.dumps(state))
"""


def test_a_pipeline_leaves_the_process_as_it_was():
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(FOUNDING)],
                            capture_output=True, text=True, check=True)
    state = json.loads(result.stdout)
    assert state["events"] >= 7
    assert state["frozen"] == 0
    assert state["filters"] and state["environ"]
    assert state["frozen_when_asked"] > 0


def test_the_command_asks_for_the_freeze(monkeypatch):
    asked = []

    def make_pipeline(workers, dictionaries, **options):
        asked.append(options)
        return Pipeline([])

    monkeypatch.setattr("relata.parallel.make_pipeline", make_pipeline)
    result = CliRunner().invoke(cli, ["code", str(FOUNDING)])
    assert result.exit_code == 0, result.output
    assert [options["freeze"] for options in asked] == [True]
