"""State mentions get their country: the key in tests/data, and the RuSentNE reader."""

from pathlib import Path

import pytest

from relata.evaluation import countries
from relata.evaluation.countries import Item, Outcome, Report

from conftest import DATA, ROOT

KEY = ROOT / "tests" / "data" / "factrueval_countries.tsv"


def test_key_points_into_the_texts():
    texts, items = countries.read_key(KEY, DATA / "factrueval-2016-dev")
    assert len(items) >= 150 and len(texts) >= 20
    for item in items:
        assert texts[item.doc][item.start : item.end] == item.text
        assert len(item.country) == 3


def test_country_capital_and_seat_mentions_get_the_right_country(pipeline):
    texts, items = countries.read_key(KEY, DATA / "factrueval-2016-dev")
    report = countries.evaluate(texts, items, pipeline)
    wrong = [(o.item.doc, o.item.text, o.item.country, o.found) for o in report.misses()]
    assert report.share() >= 0.97, wrong


def test_read_rusentne(tmp_path):
    path = tmp_path / "train.csv"
    path.write_text(
        "sentence\tentity\tentity_tag\tentity_pos_start_rel\tentity_pos_end_rel\tlabel\n"
        "Посол США прибыл в Москву.\tСША\tCOUNTRY\t6\t9\t0\n"
        "Посол США прибыл в Москву.\tПосол\tPROFESSION\t0\t5\t0\n"
        "Россияне довольны.\tРоссияне\tNATIONALITY\t0\t8\t1\n",
        encoding="utf-8",
    )
    texts, items = countries.read_rusentne(Path(path))
    assert sorted(texts.values()) == ["Посол США прибыл в Москву.", "Россияне довольны."]
    assert [(i.text, i.tag) for i in items] == [("США", "COUNTRY"), ("Россияне", "NATIONALITY")]


@pytest.mark.parametrize(
    ("gold", "found", "right"),
    [("RUS", "RUS", True), ("RUS", "UKR", False), (None, "UKR", True), (None, None, False)],
)
def test_outcome(gold, found, right):
    outcome = Outcome(Item("d", 0, 1, "x", "KEY", gold), found, found)
    assert outcome.right is right
    assert Report([outcome]).share() == float(right)
