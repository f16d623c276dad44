"""A trigger verb fires in every form news gives it: participles and verbal adverbs are
lemmatised to their verb, short passives and reflexive passives too, so one entry per verb
serves them all (no entry for `подписавший` or `введены`)."""

import pytest

from test_triggers_quantities import trigger_keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Президент, подписавший соглашение с Китаем, вернулся в Москву.", "подписать соглашение"),
        ("Напав на Грузию, Россия нарушила договор.", "напасть"),  # verbal adverb
        ("Санкции, введенные Евросоюзом против России, продлены.", "ввести санкция"),
        ("Соглашение было подписано Россией и Турцией.", "подписать соглашение"),
        ("Против Ирана вводятся новые санкции.", "вводиться санкция"),  # reflexive passive
        ("Российские войска, переброшенные к границе, стоят там месяц.", "перебросить"),
        ("Задержанный в Минске журналист освобожден.", "задержать"),  # participle as noun
    ],
)
def test_a_verb_fires_in_its_participles_adverbs_and_passives(pipeline, text, key):
    assert key in trigger_keys(pipeline, text)
