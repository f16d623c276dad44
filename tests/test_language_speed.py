"""relata's faster paths through razdel and slovnet give what razdel and slovnet give."""

import numpy as np
import pytest
from razdel import sentenize, tokenize

from conftest import EXAMPLES, FOUNDING

TRICKY = [
    "",
    "   ",
    "Россия",
    "1 .5 и 3,14 и 2/3 и 1\\2, а также cho-to и кое-где — или - так",
    "a_b _c d_ 3.x x.3 ...?! ?!.. -- ** --- *** :-) ;-( :) (-:",
    "Δσ mβж ΔP yahoo! Yahoo!! «Слово» (ИГ) [1] США/ЕС Ростов-на-Дону 10-летие",
    "СИЗО-6, 2011-2020, +7-(495), e-mail: a.b@c.d, http://x.ru/a_b?c=1&d=2",
    "т.е. т.д. и т.п., 5 млрд. руб., 12:30, 1.5.2016, №5, 50%, $10, 10$",
    "“Quoted” „ещё“ 'single' ''double'' «»«» ... … ‒ – — ―",
    "\n\nСтрока\tс\u00a0неразрывным пробелом\u2009и тонким\n",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts += [text, *(s.text for s in sentenize(text))]
    return texts


@pytest.mark.parametrize("written_out", [True, False])
def test_token_spans_are_razdels(monkeypatch, written_out):
    from relata.language import tokens

    assert tokens._WRITTEN_OUT  # razdel's rules are the ones written out
    monkeypatch.setattr(tokens, "_WRITTEN_OUT", written_out)  # False: razdel's own rules
    for text in _texts():
        assert tokens.token_spans(text) == [(t.start, t.stop) for t in tokenize(text)], text


@pytest.mark.parametrize("name", ["morph", "syntax", "ner"])
def test_forward_pass_is_slovnets_to_the_bit(name):
    from relata.language.cnn import Forward, viterbi
    from relata.language.russian import models

    model = getattr(models(), name)
    infer = model.infer
    module = infer.model.module  # slovnet's own model, which relata's Forward wraps
    assert isinstance(infer.model, Forward)
    text = FOUNDING.read_text(encoding="utf-8")
    sentences = [[t.text for t in tokenize(s.text)] for s in sentenize(text)]
    assert len(sentences) > 10
    sentences += [[t.text for t in tokenize(p.read_text(encoding="utf-8"))]  # whole articles
                  for p in sorted(EXAMPLES.glob("*.txt"))]
    for batch in infer.encoder(sentences):
        args = (batch.word_id, batch.shape_id, batch.pad_mask)
        theirs, ours = module(*args), infer.model(*args)
        if name == "syntax":
            assert np.array_equal(theirs.head_id, ours.head_id)
            assert np.array_equal(theirs.rel_id, ours.rel_id)
        else:
            assert theirs.dtype == ours.dtype and np.array_equal(theirs, ours)
        if name == "ner":  # and relata's Viterbi finds slovnet's tags
            mask = ~batch.pad_mask
            for a, b in zip(module.head.crf.decode(theirs, mask), viterbi(
                    module.head.crf, theirs, mask), strict=True):
                assert a.dtype == b.dtype and np.array_equal(a, b)


def test_inputs_are_slovnets():
    from relata.language.russian import models

    model = models().morph
    encoder = model.infer.encoder
    items = [["Путин", "прибыл", "в", "Баку", "."], ["Да"], ["ЕС", "ввёл", "санкции"]] * 20
    for theirs, ours in zip(encoder(items), model._inputs(items), strict=True):
        for field in ("word_id", "shape_id", "pad_mask"):
            a, b = getattr(theirs, field), getattr(ours, field)
            assert a.dtype == b.dtype and np.array_equal(a, b)


def test_tokens_set_slot_by_slot_are_the_records_init_makes(nlp_pipeline):
    """`_token` (no dataclass `__init__`) makes the Token the constructor makes: equal, the
    same hash, repr and pickle, immutable, for every token of real texts, tagged and
    parsed."""
    import dataclasses
    import pickle

    from relata.language.russian import _token
    from relata.records import Token
    from relata.sources import read

    from conftest import DATA

    files = [*sorted(EXAMPLES.glob("*.txt")),
             *sorted((DATA / "factrueval-2016-dev").glob("*.txt"))[:10]]
    documents = [d for d in read(files) if hasattr(d, "text")]
    tokens = [t for a in nlp_pipeline(documents) for s in a.sentences for t in s.tokens]
    assert len(tokens) > 3000 and any(t.head for t in tokens)
    for token in tokens:
        values = dataclasses.astuple(token)
        made, plain = _token(*values), Token(*values)
        assert type(made) is Token and made == plain and hash(made) == hash(plain)
        assert repr(made) == repr(plain) and pickle.dumps(made) == pickle.dumps(plain)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.lemma = "x"


def test_folded_words_kept_are_folded_again(nlp_pipeline):
    """`fold` is kept by word (an lru_cache): a kept answer is the fold made afresh, for the
    lemmas and words of real texts, with a cache that fills and empties as it goes."""
    import functools

    from relata.language import spelling
    from relata.sources import read

    from conftest import DATA

    files = sorted((DATA / "factrueval-2016-dev").glob("*.txt"))[:5]
    documents = [d for d in read(files) if hasattr(d, "text")]
    words = [w for a in nlp_pipeline(documents) for s in a.sentences for t in s.tokens
             for w in (t.lemma, t.text, f"{t.text}  {t.lemma}")]
    assert len(words) > 3000
    small = functools.lru_cache(maxsize=50)(spelling.fold.__wrapped__)
    for word in words * 2:  # the second time, asked of what was kept
        assert spelling.fold(word) == small(word) == spelling.fold.__wrapped__(word), word
