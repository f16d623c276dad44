import datetime as dt

import pytest

import relata

from conftest import EXAMPLES, FOUNDING


def test_code_text(pipeline):
    analysis = relata.code_text("Вчера Путин встретился с Алиевым в Баку.",
                                date=dt.date(2025, 1, 2), pipeline=pipeline)
    assert analysis.document.date == dt.date(2025, 1, 2)
    assert [m.normal for m in analysis.mentions] == ["Путин", "Алиев", "Баку"]
    assert [m.actor.code for m in analysis.mentions] == ["RUSGOV", "AZEGOV", "AZEGOV"]


def test_code_text_with_header(pipeline):
    analysis = relata.code_text(FOUNDING.read_text(encoding="utf-8"), pipeline=pipeline)
    assert analysis.document.date == dt.date(2025, 8, 7)


def test_code_text_rejects_empty_text():
    with pytest.raises(relata.RelataError, match="empty"):
        relata.code_text("   ")


def test_code_files_reports_problems_and_reads_each_article_once(pipeline, tmp_path):
    problems = []
    analyses = list(relata.code_files([EXAMPLES, FOUNDING, tmp_path / "missing.txt"],
                                      pipeline=pipeline, on_problem=problems.append))
    assert len(analyses) == 8  # the founding article given twice is analysed once
    assert [p.reason for p in problems] == ["no such file or directory"]
    assert sum(a.analysed for a in analyses) == 7


def test_public_api_is_listed():
    for name in relata.__all__:
        assert hasattr(relata, name), name
