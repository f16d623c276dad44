"""A veto of a draft whose author goes unnamed is coded with no target
(`rules.vetoed_thing`); a draft's author named is its target. Sentences written for these
tests."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Франция наложила вето на проект резолюции.", {("REJECT", "FRA", None)}),
        ("Москва и Пекин наложили вето на резолюцию по Ливии.",
         {("REJECT", "RUS", None), ("REJECT", "CHN", None)}),
        ("Великобритания заблокировала резолюцию в Совете Безопасности.",
         {("REJECT", "GBR", None)}),
        ("Китай наложил вето на резолюцию Франции.", {("REJECT", "CHN", "FRA")}),
    ],
)
def test_a_veto_of_a_draft(pipeline, text, expected):
    assert expected <= sides(code(pipeline, text))


def test_a_refusal_of_a_thing_stays_uncoded(pipeline):
    # the guide's `отвергли этот план` is no event of a pair: left out by design (Round 7)
    assert not sides(code(pipeline, "Франция отвергла этот план."))
