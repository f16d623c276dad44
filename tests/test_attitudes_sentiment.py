"""The targeted-sentiment model: it loads from the package and reads a sentence."""

import numpy as np
import pytest

from relata.errors import RelataError
from relata.stance.features import Target, featurise
from relata.stance.sentiment import SentimentModel


def _target(sentence: str, entity: str, kind: str = "") -> Target:
    start = sentence.index(entity)
    return Target(sentence, start, start + len(entity), kind)


@pytest.fixture(scope="module")
def model() -> SentimentModel:
    return SentimentModel.load()


# Sentences written for this test, not from the training file.
@pytest.mark.parametrize(("sentence", "entity", "kind", "label"), [
    ("Эксперты высоко оценили талантливого дирижёра Петрова, который блестяще провёл "
     "концерт и получил заслуженную награду.", "Петрова", "PERSON", 1),
    ("Министр поблагодарил Японию за щедрую помощь и назвал её надёжным другом и партнёром.",
     "Японию", "COUNTRY", 1),
    ("Прокуратура обвинила бизнесмена Сидорова в мошенничестве, коррупции и жестоком "
     "убийстве свидетеля.", "Сидорова", "PERSON", -1),
    ("Правозащитники осудили боевиков, которые жестоко убили мирных жителей и взорвали "
     "школу.", "боевиков", "PROFESSION", -1),
])
def test_clear_sentences_get_their_polarity(model, sentence, entity, kind, label):
    (verdict,) = model.predict([_target(sentence, entity, kind)])
    assert verdict.label == label, verdict
    assert verdict.negative + verdict.neutral + verdict.positive == pytest.approx(1.0)


def test_features_fit_the_weights_and_do_not_depend_on_the_batch(model):
    targets = [_target("Москва и Баку провели переговоры.", "Баку", "COUNTRY"),
               _target("Россия атаковала Украину.", "Украину", "COUNTRY")]
    together = featurise(targets)
    assert together.shape == (2, model.weights.shape[0])
    assert np.allclose(together[1], featurise(targets[1:])[0])
    assert model.predict([]) == []


@pytest.mark.parametrize(("content", "reason"), [
    (b"not a numpy file", "cannot load the sentiment model"),
    (None, "the weights do not fit the features"),
])
def test_bad_weights_are_refused_with_the_file_named(tmp_path, content, reason):
    path = tmp_path / "weights.npz"
    if content is None:  # weights of another shape than relata's features
        np.savez(path, weights=np.zeros((7, 3)), bias=np.zeros(3), offsets=np.zeros(3))
    else:
        path.write_bytes(content)
    with pytest.raises(RelataError, match=reason) as error:
        SentimentModel.load(path)
    assert str(path) in str(error.value)
