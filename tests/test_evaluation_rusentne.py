"""RuSentNE-2023: reading the files, the shared task's measure, the command."""

import pytest
from click.testing import CliRunner

from relata.cli import cli
from relata.evaluation.rusentne import read, score

from conftest import write

HEADER = "sentence\tentity\tentity_tag\tentity_pos_start_rel\tentity_pos_end_rel\tlabel\n"


def test_shared_task_measure_by_hand():
    gold = [1, 1, -1, -1, 0, 0]
    said = [1, 0, -1, 1, 0, -1]
    scores = score(gold, said)
    # pos: P 1/2, R 1/2 → 0.5; neg: P 1/2, R 1/2 → 0.5; neutral: P 1/2, R 1/2 → 0.5
    assert scores.by_class[1].f1 == pytest.approx(0.5)
    assert scores.by_class[-1].f1 == pytest.approx(0.5)
    assert scores.f1_pn == pytest.approx(0.5)
    perfect = score(gold, gold)
    assert perfect.f1_pn == perfect.f1_pn0 == 1.0
    assert score([0, 0], [0, 0]).f1_pn == 0.0  # no pos or neg at all: nothing found


def test_bad_rows_are_reported_and_the_others_read(tmp_path):
    path = write(tmp_path / "data.csv", HEADER
                 + "Россия атаковала Украину.\tУкраину\tCOUNTRY\t17\t24\t0\n"
                 + "Россия атаковала Украину.\tУкраину\tCOUNTRY\tx\t24\t0\n"
                 + "Россия атаковала Украину.\tУкраину\tCOUNTRY\t17\t240\t0\n"
                 + "Россия атаковала Украину.\tУкраину\tCOUNTRY\t17\t24\t5\n")
    items, problems = read(path)
    assert [i.target.sentence[i.target.start:i.target.end] for i in items] == ["Украину"]
    assert [(p.origin, p.reason.split(":")[0]) for p in problems] == [
        (f"{path}:3", "field 'entity_pos_start_rel'"),
        (f"{path}:4", "field 'entity_pos_end_rel'"),
        (f"{path}:5", "field 'label'")]
    result = CliRunner().invoke(cli, ["eval", "rusentne", str(path)])
    assert result.exit_code == 1
    assert f"{path}:3" in result.output and "rows 1" in result.output


def test_eval_rusentne_scores_a_labelled_file(tmp_path):
    # Sentences written for this test, not from the shared task's files.
    path = write(tmp_path / "data.csv", HEADER
                 + "Суд признал чиновника Орлова виновным в коррупции и хищении.\tОрлова\t"
                   "PERSON\t22\t28\t-1\n"
                 + "Президент наградил учёного Иванова орденом за выдающиеся заслуги.\t"
                   "Иванова\tPERSON\t27\t34\t1\n"
                 + "Делегация прибыла в Казань во вторник.\tДелегация\tORGANIZATION\t0\t9\t0\n")
    result = CliRunner().invoke(cli, ["eval", "rusentne", str(path)])
    assert result.exit_code == 0, result.output
    assert "rows 3" in result.output
    assert "F1 pos/neg (shared-task measure): " in result.output


def test_a_file_without_the_columns_is_refused(tmp_path):
    path = write(tmp_path / "data.csv", "sentence\tentity\n")
    result = CliRunner().invoke(cli, ["eval", "rusentne", str(path)])
    assert result.exit_code == 1
    assert "header lacks the column(s)" in result.output
