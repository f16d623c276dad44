"""Every `ok` row of the challenge sets (`tests/data/challenge/*.tsv`, format in
`challenge.py`) gives exactly its events."""

import pytest

import challenge


@pytest.mark.parametrize("case", [c for c in challenge.cases() if c.status == "ok"],
                         ids=lambda c: c.id)
def test_challenge_sentence(pipeline, case):
    assert challenge.problems(case, challenge.code(pipeline, case.sentence)) == []


def test_challenge_files_parse():
    rows = challenge.cases()
    assert rows, "no challenge set found"
    assert len({(c.path.name, c.sentence) for c in rows}) == len(rows), "a sentence twice"
