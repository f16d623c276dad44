"""The benchmark script runs end to end (its figures are reported in the README, not tested)."""

import json
import subprocess
import sys

from conftest import EXAMPLES, ROOT


def test_throughput_script_compares_both_pipelines():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "throughput.py"), str(EXAMPLES),
         "--repeat", "1", "--json", "--workers", "1"],
        capture_output=True, text=True, check=True,
    )
    figures = json.loads(result.stdout)
    for side in ("relata", "natasha"):
        assert figures[side]["articles"] == 5  # the .txt files in examples/
        assert figures[side]["articles_per_s"] > 0
        assert figures[side]["peak_rss_mb"] > 100  # the models are loaded
    assert figures["ratio"]["relata"] > 0


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
