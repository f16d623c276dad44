"""The side a relation noun with its actor in the genitive names in an event: what the
noun passes on (actors/data/context/relations.yaml). Every sentence is made up."""

import pytest

from conftest import code


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # followers: of the leader's country, civilians unless the leader's is a movement
        ("Сторонники Мурси атаковали полицейский участок.", "EGYCVL"),
        ("Сторонники Эрдогана напали на журналистов.", "TURCVL"),
        # opponents of a head of state: his country's opposition
        ("Оппоненты Мадуро обвинили правительство в фальсификации выборов.", "VENOPP"),
        # people who serve a body: its sector
        ("Представители армии Египта задержали журналиста.", "EGYMIL"),
    ],
)
def test_a_relation_noun_gives_its_sector(pipeline, text, source):
    assert {e.source.code for e in code(pipeline, text)} == {source}


@pytest.mark.parametrize(
    "text",
    [
        # allies and enemies of a state are other sides
        "Союзники США нанесли удары по позициям боевиков.",
        "Враги Ирана атаковали танкер.",
    ],
)
def test_a_relation_noun_that_passes_nothing(pipeline, text):
    assert not [e for e in code(pipeline, text) if e.source.country in ("USA", "IRN")]
