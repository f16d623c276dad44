"""Round 14, triggers the lexicon lacked, grown by class from the codebook and the language
(the tuning listings' "no trigger" misses): each table holds sentences written for it, a
class's words beyond those the listings show, and the senses that stay as they were."""

import pytest

from conftest import code, sides


# --- SUPPORT 051: a view of another's shared or joined endorses its owner
@pytest.mark.parametrize(("text", "expected"), [
    ("Китай разделяет позицию России по Сирии.", ("SUPPORT", "CHN", "RUS")),
    ("Германия разделяет опасения Франции.", ("SUPPORT", "DEU", "FRA")),
    ("Польша разделила озабоченность Литвы.", ("SUPPORT", "POL", "LTU")),
    ("Япония присоединилась к оценке Вашингтона.", ("SUPPORT", "JPN", "USA")),
])
def test_shared_views_endorse(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize("text", [
    "Китай разделил территорию на четыре округа.",   # `разделить` alone divides
    "Сербия и Косово разделили ответственность за провал.",
])
def test_divided_is_no_support(pipeline, text):
    assert "SUPPORT" not in {e.type for e in code(pipeline, text)}
