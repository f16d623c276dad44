"""The Python API as a notebook uses it: `relata.code` over texts and records, frames,
a pipeline called on a string, and a store that only reads unless asked to write."""

import datetime as dt

import pandas as pd
import pytest

import relata
import relata.coding
from relata.errors import StoreError
from relata.sources import InputError


@pytest.fixture
def shared_models(pipeline, monkeypatch):
    monkeypatch.setattr(relata.coding, "Pipeline",
                        lambda *a, **k: relata.Pipeline(*a, **k) if a or k else pipeline)


@pytest.mark.parametrize(("texts", "expected"), [
    ("Москва и Баку провели переговоры.", [("CONSULT", "RUSGOV", "AZEGOV")]),
    (["Москва и Баку провели переговоры.", "Россия и Азербайджан подписали соглашение."],
     [("CONSULT", "RUSGOV", "AZEGOV"), ("SUPPORT", "RUS", "AZE")]),
    ([{"text": "Москва и Баку провели переговоры.", "date": "2025-08-07"}],
     [("CONSULT", "RUSGOV", "AZEGOV")]),
])
def test_code_takes_a_text_or_many(shared_models, texts, expected):
    frame = relata.code(texts).to_frame()
    assert list(zip(frame["type"], frame["source.code"], frame["target.code"],
                    strict=True)) == expected


def test_code_streams_analyses_lazily(shared_models):
    texts = iter(["Москва и Баку провели переговоры."] * 3)
    coded = relata.code(texts, batch_size=1)
    first = next(iter(coded))
    assert isinstance(first, relata.Analysis) and len(list(texts)) == 2  # only one was read


def test_records_date_and_kinds(shared_models):
    coded = relata.code(["Москва и Баку провели переговоры."], date=dt.date(2025, 8, 7))
    records = coded.to_records("mentions")
    assert {r["text"] for r in records} >= {"Москва", "Баку"}
    frame = relata.code({"text": "Москва и Баку провели переговоры.",
                         "date": "2025-08-07"}).to_frame()
    assert isinstance(frame, pd.DataFrame) and frame.loc[0, "date"] == "2025-08-07"
    with pytest.raises(ValueError, match="unknown records"):
        relata.code("Москва.").to_records("sentences")


@pytest.mark.parametrize(("texts", "message"), [
    ([""], "<text 0>: empty"),
    (["Москва.", {"title": "no text"}], "<text 1>: field 'text'"),
    ([{"text": "Москва.", "date": "2025-13-01"}], "<text 0>"),
    ([3], "not int"),
])
def test_code_names_the_text_it_cannot_read(shared_models, texts, message):
    with pytest.raises(InputError, match=message):
        relata.code(texts).to_records()


def test_a_pipeline_called_on_a_string(pipeline):
    analysis = pipeline("Москва и Баку провели переговоры.")
    assert isinstance(analysis, relata.Analysis) and analysis.events
    with pytest.raises(TypeError, match=r"relata\.code"):
        pipeline(["Москва и Баку провели переговоры."])


def test_open_store_reads_unless_asked_to_write(tmp_path, examples_db):
    with pytest.raises(StoreError, match="write=True"):
        relata.open_store(tmp_path / "new.duckdb")
    assert not (tmp_path / "new.duckdb").exists()
    with relata.open_store(examples_db) as store:
        assert store.read_only and len(store.events()) > 0
        with pytest.raises(StoreError, match="read-only"):
            relata.ingest(store, [])
    with relata.open_store(tmp_path / "new.duckdb", write=True) as store:
        assert not store.read_only
    # two readers at once: a notebook does not lock another reader out
    with relata.open_store(examples_db) as one, relata.open_store(examples_db) as two:
        assert one.counts() == two.counts()


def test_the_package_is_typed():
    from importlib.resources import files

    assert files("relata").joinpath("py.typed").is_file()
