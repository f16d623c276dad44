"""A role noun alone means the person of its office named just before, not a state that
person visited (`context._person_focus`). Sentences written for these tests."""

import relata


def _sources(text: str) -> set[tuple[str, str | None]]:
    return {(e.type, e.source.country) for e in relata.code_text(text).events}


def test_a_president_alone_is_the_president_just_named():
    text = ("Президент Франции Эмманюэль Макрон посетил Пекин. "
            "Президент призвал Китай повлиять на Россию.")
    assert ("REQUEST", "FRA") in _sources(text)


def test_a_minister_alone_is_the_minister_just_named():
    text = ("Министр иностранных дел России Сергей Лавров прилетел в Анкару. "
            "Министр обвинил Украину в срыве переговоров.")
    assert ("ACCUSE", "RUS") in _sources(text)
