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
