"""Domestic actors named by a common noun: crowds and organs with no owner take the state
the sentence names for them (a place framing their clause, the state in focus)."""

import pytest

from relata.records import Document


def _resolved(pipeline, text):
    (analysis,) = pipeline([Document(id="t", text=text)])
    return {(m.text, m.actor.code) for m in analysis.mentions
            if m.via and m.actor is not None}


@pytest.mark.parametrize(("text", "expected"), [
    # A news outlet tells the story from where it is: the state in focus is the story's.
    ("Саакашвили выступил в Тбилиси. Избиратели в беседе с корреспондентом «Голоса Америки» "
     "вспомнили ноябрь. Власти тогда применили силу для разгона манифестантов.",
     ("Власти", "GEOGOV")),
    ("Мадуро выступил в Каракасе, сообщает агентство Рейтер. Полиция задержала "
     "двух журналистов.", ("Полиция", "VENCOP")),
    ("Эрдоган прибыл в Анкару, пишет газета The New York Times. Правительство одобрило "
     "план.", ("Правительство", "TURGOV")),
])
def test_a_reporter_is_no_state_in_focus(pipeline, text, expected):
    assert expected in _resolved(pipeline, text)
