"""How much of the CAMEO codebook the lexicon covers, and `relata lexicon check`."""

import json

import pytest
from click.testing import CliRunner

from relata.cli import cli
from relata.events.coverage import coverage, missing
from relata.events.lexicon import BUILTIN, load
from relata.events.ontology import load_ontology

from conftest import write

MINI = """predicates:
  - {lemma: посетить, type: CONSULT, cameo: "042", source: [subject], target: [object]}
  - {lemma: обстрелять, type: ASSAULT, cameo: "194", source: [subject], target: [object]}
  - {verb: ввести, noun: санкция, type: SANCTION, cameo: "163", source: [subject], target: []}
"""


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    path = write(tmp_path_factory.mktemp("lexicon") / "mini.yaml", MINI)
    lexicon, problems = load((path,))
    assert not problems
    return {row.code: row for row in coverage(lexicon, load_ontology())}


@pytest.mark.parametrize(("code", "entries", "below", "covered"), [
    ("042", 1, 0, True),   # its own entry
    ("04", 0, 1, True),    # through a code under it
    ("19", 0, 1, True),
    ("194", 1, 0, True),
    ("163", 1, 0, True),
    ("043", 0, 0, False),
    ("1712", 0, 0, False),
])
def test_coverage_counts_entries_at_and_below_a_code(rows, code, entries, below, covered):
    row = rows[code]
    assert (row.entries, row.below, row.covered) == (entries, below, covered)


def test_codes_without_a_plover_type_are_left_out(rows):
    assert "010" not in rows and "020" not in rows  # statements and appeals: no events
    assert rows["163"].type == "SANCTION"  # the guide's departure from the table


def test_missing_by_level_and_among_given_codes(rows):
    three = {row.code for row in missing(rows.values(), levels=(3,))}
    assert "043" in three and "042" not in three and "1712" not in three
    among = {row.code for row in missing(rows.values(), among={"042", "043", "1712"})}
    assert among == {"043", "1712"}


def test_lexicon_check_command(tmp_path):
    codes = ["1246", "204", "0000"]  # "0000": no such code, so never listed
    gold = write(tmp_path / "gold.jsonl", json.dumps(
        {"id": "x", "text": "t", "events": [{"cameo": c} for c in codes]}) + "\n")
    extra = write(tmp_path / "extra.yaml", "predicates:\n  - {lemma: проверочноглаголить, "
                  'type: REJECT, cameo: "1246", source: [subject], target: [object]}\n')
    result = CliRunner().invoke(cli, ["lexicon", "check", str(extra), "--coverage",
                                      "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "0 problems" in result.output
    lexicon, _ = load((BUILTIN, extra))
    expected = [row.code for row in missing(coverage(lexicon, load_ontology()), among=codes)]
    listed = [line.split("\t")[0] for line in result.stdout.splitlines() if "\t" in line]
    assert listed == expected and "1246" not in listed


def test_lexicon_check_reports_problems_with_file_and_line(tmp_path):
    bad = write(tmp_path / "bad.yaml", MINI.replace('type: CONSULT, cameo: "042"',
                                                    'type: ASSAULT, cameo: "042"'))
    result = CliRunner().invoke(cli, ["lexicon", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2: CAMEO 042 is CONSULT, not ASSAULT" in result.output
