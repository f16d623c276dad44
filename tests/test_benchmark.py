"""The benchmark script runs end to end (its figures are reported in the README, not tested)."""

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, ROOT


@pytest.mark.parametrize("options", [[], ["--cpu"]])
def test_throughput_script_compares_both_pipelines(options):
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), str(EXAMPLES),
         "--repeat", "1", "--json", "--workers", "1", *options],
        capture_output=True, text=True, check=True,
    )
    figures = json.loads(result.stdout)
    for side in ("relata", "natasha"):
        assert figures[side]["articles"] == 5  # the .txt files in examples/
        assert figures[side]["articles_per_s"] > 0
        assert figures[side]["cpu_seconds"] > 0 and figures[side]["articles_per_cpu_s"] > 0
        assert figures[side]["peak_rss_mb"] > 100  # the models are loaded
    assert figures["ratio"]["relata"] > 0
    if options:  # the ratio of articles per CPU second
        per_cpu = figures["relata"]["articles_per_cpu_s"] / figures["natasha"]["articles_per_cpu_s"]
        assert figures["ratio"]["relata"] == round(per_cpu, 2)


def test_dyads_script_times_library_and_commands(tmp_path):
    db = tmp_path / "bench.duckdb"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "dyads.py"), "--db", str(db),
         "--events", "20000", "--repeat", "1", "--json"],
        capture_output=True, text=True, check=True,
    )
    figures = json.loads(result.stdout)
    assert figures["events"] == 20000 and figures["generate_s"] > 0
    for name in ("dyad_library_s", "trends_library_s", "dyad_command_s", "trends_command_s",
                 "import_change_point_search_s", "dyad_imports_s"):
        assert figures[name] > 0, name
