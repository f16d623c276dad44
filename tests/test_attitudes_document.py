"""Attitudes of a document: coded events and targeted sentiment, summed per pair."""

import json

import pytest
from click.testing import CliRunner

from relata.cli import cli
from relata.sources import parse_text
from relata.stance.document import attitudes, parties

from conftest import FOUNDING


def _pairs(found) -> dict[tuple[str, str], str]:
    return {(a.source, a.target): a.label for a in found}


def test_founding_article_russia_against_azerbaijan(founding):
    found = attitudes(founding)
    pairs = _pairs(found)
    assert "neg" in {pairs.get(("RUS", "AZE")), pairs.get(("AZE", "RUS"))}, pairs
    russia = next(a for a in found if {a.source, a.target} == {"RUS", "AZE"})
    assert russia.score < 0 and russia.evidence
    text = founding.document.text
    for evidence in russia.evidence:
        assert text[evidence.start:evidence.end] == evidence.text
    assert any(e.kind == "event" for e in russia.evidence)


def test_parties_are_actors_not_places(founding):
    keys = {p.key for p in parties(founding)}
    assert {"RUS", "AZE", "UKR"} <= keys
    assert all(founding.document.text[p.start:p.end] for p in parties(founding))


@pytest.mark.parametrize(("text", "pair", "label"), [
    ("Вчера Россия нанесла ракетный удар по Азербайджану.", ("RUS", "AZE"), "neg"),
    ("Азербайджан оказал гуманитарную помощь Украине.", ("AZE", "UKR"), "pos"),
])
def test_an_event_gives_its_sign(pipeline, text, pair, label):
    analysis = pipeline([parse_text(f" date 2025-08-07 {text}", "t")])[0]
    found = attitudes(analysis)
    assert _pairs(found).get(pair) == label
    (attitude,) = [a for a in found if (a.source, a.target) == pair]
    assert attitude.evidence[0].kind == "event"


def test_attitudes_command(tmp_path):
    result = CliRunner().invoke(cli, ["attitudes", str(FOUNDING), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert any({r["source"], r["target"]} == {"RUS", "AZE"} and r["label"] == "neg"
               for r in records)
    assert all(r["evidence"] for r in records)
    missing = CliRunner().invoke(cli, ["attitudes", str(tmp_path / "nothing.txt")])
    assert missing.exit_code == 1
    assert "no such file" in missing.output


def test_public_api(founding):
    import relata

    assert "attitudes" in relata.__all__ and "Attitude" in relata.__all__
    assert relata.attitudes(founding) == attitudes(founding)
    assert all(isinstance(a, relata.Attitude) for a in relata.attitudes(founding))


def test_a_mutual_act_gives_each_side_its_sign(pipeline):
    text = "Украина и Азербайджан подписали соглашение о сотрудничестве."
    analysis = pipeline([parse_text(f" date 2025-08-07 {text}", "t")])[0]
    (event,) = analysis.events
    assert event.symmetric
    pairs = _pairs(attitudes(analysis))
    assert pairs.get(("UKR", "AZE")) == pairs.get(("AZE", "UKR")) == "pos"
