"""`relata dyad` and `relata trends` on the bundled examples, and the plots they draw."""

import json

import pytest
from click.testing import CliRunner

from relata.cli import cli


@pytest.fixture(scope="module")
def db(examples_db):
    return examples_db


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_dyad_table_shows_a_conflictual_dyad_with_its_evidence(db):
    result = run("dyad", "RUS", "AZE", "--db", db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "RUS – AZE (Россия – Азербайджан)" in out
    assert "Goldstein total -31.2" in out and "conflictual" in out
    assert "evidence: 4 events" in out
    for trigger in ("атаковала", "раздражения"):
        assert trigger in out
    assert "армия РФ атаковала заправку" in out


def test_dyad_json_carries_series_trend_and_evidence(db):
    result = run("dyad", "Россия", "Azerbaijan", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["a"], data["b"], data["character"]) == ("RUS", "AZE", "conflictual")
    assert data["goldstein_total"] < 0 and data["events"] == 4
    assert data["series"][0]["period"] == "2025-08-01"
    assert data["trend"]["verdict"] == "too short"
    assert {e["trigger_text"] for e in data["evidence"]} >= {"атаковала", "раздражения"}
    assert all(e["sentence"] for e in data["evidence"])


def test_dyad_csv_is_the_series(db):
    result = run("dyad", "AZE", "TUR", "--db", db, "--format", "csv", "--include-predicted",
                 "--freq", "D")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("period,events,verbal_coop") and lines[0].endswith(
        "factual,predicted")
    assert lines[1].startswith("2025-08-07,1,")


@pytest.mark.parametrize(("args", "message"), [
    (("XXX", "AZE"), "unknown actor 'XXX'"),
    (("RUS", "AZE", "--plot", "curve.svg"), "use .png or .html"),
])
def test_dyad_errors(db, args, message):
    result = run("dyad", *args, "--db", db)
    assert result.exit_code == 1 and message in result.stderr


@pytest.mark.parametrize("args", [
    ("dyad", "RUS", "AZE", "--freq", "D", "--since", "1995-01-01", "--until", "2025-12-31"),
    ("trends", "--freq", "D", "--min-events", "1", "--since", "1995-01-01"),
])
def test_a_window_of_too_many_periods_is_a_usage_error(db, args):
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--freq'" in result.stderr
    assert "over the limit of 4,000 periods: use a coarser freq (W: " in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [
    ("events", "--limit"), ("docs", "--limit"), ("mentions", "--limit"),
    ("dyad", "RUS", "AZE", "--evidence"), ("trends", "--top"), ("trends", "--min-events"),
])
def test_a_count_past_the_maximum_is_a_usage_error(db, args):
    result = run(*args, "99999999999999999999999", "--db", db)
    assert result.exit_code == 2, result.output
    assert "is not in the range" in result.stderr and "1000000000" in result.stderr


def test_dyad_without_events(db):
    result = run("dyad", "CHN", "AZE", "--db", db)
    assert result.exit_code == 0 and "no events" in result.stdout


@pytest.mark.parametrize(("suffix", "inline"), [("png", False), ("html", False),
                                               ("html", True)])
def test_plots_are_written(db, tmp_path, suffix, inline):
    path = tmp_path / f"rus-aze.{suffix}"
    result = run("dyad", "RUS", "AZE", "--db", db, "--plot", path, "--freq", "D",
                 "--since", "2025-08-01", "--until", "2025-08-31", *["--inline"] * inline)
    assert result.exit_code == 0, result.output
    content = path.read_bytes()
    if suffix == "png":
        assert content.startswith(b"\x89PNG")
        return
    html = content.decode("utf-8")
    assert '<script src="http' not in html
    assert "Goldstein sum per day" in html
    shared = tmp_path / "plotly.min.js"
    if inline:
        assert len(content) > 1_000_000 and not shared.exists()  # plotly.js inside
    else:
        assert len(content) < 1_000_000 and 'src="plotly.min.js"' in html
        assert shared.stat().st_size > 1_000_000  # once, beside it, for every plot there


def test_trends_lists_the_dyads(db):
    window = ("--since", "2025-03-01", "--until", "2025-08-31")
    result = run("trends", "--db", db, "--min-events", "3", "--format", "json", *window)
    assert result.exit_code == 0, result.output
    ranked = json.loads(result.stdout)
    pairs = {(r["a"], r["b"]) for r in ranked}
    assert ("AZE", "RUS") in pairs and ("ARM", "AZE") in pairs
    assert all(r["events"] >= 3 for r in ranked)
    assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
    table = run("trends", "--db", db, "--top", "2", "--min-events", "3", *window)
    assert table.exit_code == 0 and "2 dyads" in table.stdout and "AZE" in table.stdout
    none = run("trends", "--db", db)
    assert none.exit_code == 0 and "none has 10 events or more" in none.stdout
    short = run("trends", "--db", db, "--min-events", "3", "--since", "2025-06-01",
                "--until", "2025-08-31", "--format", "json")  # three months: too short
    assert short.exit_code == 0 and json.loads(short.stdout) == []


_IMPORTED = """
import sys
from relata.cli import cli
cli.main({args!r}, standalone_mode=False)
print()
print(sorted(m for m in ("pandas", "ruptures", "scipy") if m in sys.modules))
"""


@pytest.mark.parametrize("args", [
    ["dyad", "RUS", "AZE"],                    # one period: no change point to seek
    ["dyad", "RUS", "AZE", "--format", "json"],
    ["dyad", "RUS", "AZE", "--format", "csv"],
    ["trends", "--min-events", "3"],           # 7 months: a change-point search each
    ["--version"],
])
def test_dyad_and_trends_do_not_import_pandas(db, args):
    """The commands print numpy columns: pandas takes a second to import, the ruptures
    package (with scipy) two, and a fresh `relata dyad` should not wait for what it does
    not use; change points come from ruptures' compiled search alone (`relations.pelt`)."""
    import subprocess
    import sys
    from pathlib import Path

    import relata

    args = [*args, "--db", str(db)] if args[0] != "--version" else args
    source = Path(relata.__file__).parents[1]  # this relata, not an installed one
    result = subprocess.run([sys.executable, "-c", _IMPORTED.format(args=args)],
                            capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(source), "PATH": ""})
    assert result.stdout.splitlines()[-1] == "[]", result.stdout
