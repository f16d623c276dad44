"""An act told by a noun that another actor refuses, denies, ignores or fulfils was aimed
at who reacts to it (rules.answered_by, `words/reactions.txt`): made-up sentences."""

import pytest

from conftest import code, sides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refused or denied: the accusation, demand or appeal was aimed at who refuses it
        ("Россия отвергает обвинения Киева во вмешательстве в выборы.",
         {("REJECT", "RUS", "UKR"), ("ACCUSE", "UKR", "RUS")}),
        ("Китай опроверг обвинения Вашингтона в кибершпионаже.",
         {("REJECT", "CHN", "USA"), ("ACCUSE", "USA", "CHN")}),
        ("Москва отвергла ультиматум Вашингтона.",
         {("REJECT", "RUS", "USA"), ("THREATEN", "USA", "RUS")}),
        # ignored, in the active and the passive
        ("Пхеньян проигнорировал призыв Сеула к возобновлению диалога.",
         {("REJECT", "PRK", "KOR"), ("REQUEST", "KOR", "PRK")}),
        ("Призыв Сеула был проигнорирован Пхеньяном.",
         {("REJECT", "PRK", "KOR"), ("REQUEST", "KOR", "PRK")}),
    ],
)
def test_act_aimed_at_who_reacts(pipeline, text, expected):
    assert expected <= sides(code(pipeline, text))


def test_a_noun_of_the_speaker_himself_is_not_reacted_to(pipeline):
    # `выполнил свое обещание`: a noun no one else's is not turned on its reactor
    assert ("REQUEST", "RUS", "RUS") not in sides(code(
        pipeline, "Россия выполнила свое обещание провести переговоры."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a refusal is aimed at the partner of the refused act's noun …
        ("Тегеран отказался вести прямые переговоры с Вашингтоном.", ("REJECT", "IRN", "USA")),
        ("Китай отказался проводить встречу с президентом Тайваня.", ("REJECT", "CHN", "TWN")),
        # … or at the owner of its object, also after the noun `отказ`
        ("Отказ Анкары одобрить заявку Швеции обсуждали на саммите.", ("REJECT", "TUR", "SWE")),
        ("Германия отказалась поставлять Украине танки.", ("REJECT", "DEU", "UKR")),
    ],
)
def test_refusal_aimed_where_the_refused_act_is(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is rejected was its doer's, told `со стороны` as by a genitive
        ("Израиль отверг критику со стороны ООН.", ("REJECT", "ISR", "UN")),
        ("Китай отклонил предложения со стороны США.", ("REJECT", "CHN", "USA")),
    ],
)
def test_rejected_act_of_a_doer_told_with_so_storony(pipeline, text, expected):
    assert expected in sides(code(pipeline, text))
