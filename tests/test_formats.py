from relata.formats import RECORDS, mention_records, token_records


def test_mention_records(founding):
    records = list(mention_records(founding))
    assert len(records) == len(founding.mentions)
    first = next(r for r in records if r["text"] == "Москвой")
    assert set(first) == {"record", "doc_id", "origin", "date", "kind", "text", "normal", "span",
                          "sentence", "actor", "parts", "via"}
    assert (first["text"], first["normal"], first["kind"]) == ("Москвой", "Москва", "LOCORG")
    assert first["sentence"]["text"].startswith("Дипломатический конфликт между Москвой и Баку")
    assert first["actor"] == {"code": "RUSGOV", "country": "RUS", "sector": "GOV",
                              "name": "Россия"}
    army = next(r for r in records if r["text"] == "армия РФ")
    assert army["parts"] == [{"kind": "LOCORG", "text": "РФ", "span": [805, 807],
                              "actor": {"code": "RUS", "country": "RUS", "sector": None,
                                        "name": "Россия"}}]


def test_token_records_number_sentences_and_tokens(founding):
    records = list(token_records(founding))
    assert len(records) == sum(len(s.tokens) for s in founding.sentences)
    assert [r["sentence"] for r in records].count(1) == len(founding.sentences[0].tokens)
    second = next(r for r in records if r["sentence"] == 2)
    assert second["id"] == 1 and second["text"] == "Дипломатический"


def test_every_kind_of_record_is_listed():
    assert set(RECORDS) == {"events", "mentions", "tokens"}
