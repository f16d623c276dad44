"""Dyad series on the bundled examples, ingested once into a real DuckDB file."""

import datetime as dt
import json
import os
import shutil

import numpy as np
import pytest

import relata
from relata.relations import UnknownActorError, dyad_series, party
from relata.store.schema import LATEST

from conftest import BEFORE_PLAIN_NAMES, FOUNDING


@pytest.fixture(scope="module")
def store(examples_db):
    with relata.open_store(examples_db, read_only=True) as readable:
        yield readable


def test_russia_azerbaijan_is_conflictual_with_its_evidence(store):
    dyad = dyad_series(store, "RUS", "AZE")
    assert dyad.total_events >= 3
    assert dyad.goldstein_total < 0 and dyad.character == "conflictual"
    assert dyad.conflict_share == 1.0
    text = FOUNDING.read_text(encoding="utf-8")
    assert len(dyad.evidence) == dyad.total_events
    for event in dyad.evidence.itertuples():
        assert event.sentence in text and event.trigger_text in event.sentence
        sides = {party(event.source_code).side, party(event.target_code).side}
        assert sides == {"RUS", "AZE"}
    assert "ASSAULT" in set(dyad.evidence["type"])
    row = dyad.series.iloc[0]
    assert row["period"] == dt.date(2025, 8, 1)
    assert row["events"] == row[["verbal_coop", "material_coop", "verbal_conflict",
                                 "material_conflict"]].sum() == row["factual"]
    assert row["documents"] == 1


@pytest.mark.parametrize(("given", "code", "level", "side"), [
    ("RUS", "RUS", "country", "RUS"),
    ("Россия", "RUS", "country", "RUS"),
    ("Russia", "RUS", "country", "RUS"),
    ("azerbaijan", "AZE", "country", "AZE"),
    ("NATO", "NATO", "country", "NATO"),
    ("НАТО", "NATO", "country", "NATO"),
    ("RUSMIL", "RUSMIL", "actor", "RUS"),
    ("RUSGOV", "RUSGOV", "actor", "RUS"),
    ("NATOMIL", "NATOMIL", "actor", "NATO"),   # an organisation's code is no 3 letters long
    ("EUGOV", "EUGOV", "actor", "EU"),
    ("России", "RUS", "country", "RUS"),        # inflected: through the actor resolver
    ("МИД Азербайджана", "AZE", "country", "AZE"),
    ("натовские военные", "NATO", "country", "NATO"),
])
def test_sides_by_code_or_name(given, code, level, side):
    found = party(given)
    assert (found.code, found.level, found.side) == (code, level, side)


@pytest.fixture
def parties(tmp_path, monkeypatch):
    """The parties module with a cache folder of this test's and nothing read yet."""
    from relata.relations import parties

    monkeypatch.setenv("RELATA_CACHE_DIR", str(tmp_path / "cache"))
    parties._codes.cache_clear()
    yield parties
    parties._codes.cache_clear()


def _fresh(parties):
    parties._codes.cache_clear()
    return parties._codes()


def test_code_lists_are_read_back_from_the_cache_until_a_file_changes(parties, tmp_path):
    """The code files' contents are kept as JSON and read back while the files' sizes,
    times and contents match; a changed file, or a cache that is not valid JSON, means
    reading them."""
    read = parties._codes()
    cache = tmp_path / "cache" / "codes.json"
    kept = json.loads(cache.read_text(encoding="utf-8"))
    assert kept["names"]["AZE"] == "Азербайджан" and kept["by_name"]["russia"] == "RUS"

    kept["names"]["AZE"] = "Кавказская Албания"  # a cache with the files' stamp is believed
    cache.write_text(json.dumps(kept), encoding="utf-8")
    assert _fresh(parties).names["AZE"] == "Кавказская Албания"

    for field in (1, 2, 3):  # countries.yaml has another size, time or content: read it again
        changed = json.loads(json.dumps(kept))
        changed["stamp"][1][field] = 0
        cache.write_text(json.dumps(changed), encoding="utf-8")
        assert _fresh(parties) == read

    cache.write_text("{not json", encoding="utf-8")
    assert _fresh(parties) == read and json.loads(cache.read_text(encoding="utf-8"))


def test_a_code_file_changed_in_the_same_size_and_time_is_read_again(parties, tmp_path,
                                                                     monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    for name in parties.CODE_FILES:
        shutil.copy2(parties.BUILTIN / name, data / name)
    monkeypatch.setattr(parties, "BUILTIN", data)
    assert parties._codes().names["AZE"] == "Азербайджан"
    countries = data / "countries.yaml"
    before = countries.stat()
    text = countries.read_text(encoding="utf-8")
    countries.write_text(text.replace("name: Азербайджан", "name: Азербайджон"), encoding="utf-8")
    os.utime(countries, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert countries.stat().st_size == before.st_size
    assert _fresh(parties).names["AZE"] == "Азербайджон"


@pytest.mark.parametrize("planted", ["the cache file", "its temporary file", "the folder"])
def test_a_symlink_in_the_cache_is_never_followed(parties, tmp_path, planted):
    """A link planted where relata keeps or writes its cache is neither read through nor
    written through: the file or folder it points to is left as it was."""
    read = parties._codes()
    cache = tmp_path / "cache"
    believable = json.loads((cache / "codes.json").read_text(encoding="utf-8"))
    believable["names"]["AZE"] = "Кавказская Албания"  # the right stamp: it would be read
    shutil.rmtree(cache)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "precious.json"
    target.write_text(json.dumps(believable), encoding="utf-8")
    if planted == "the folder":
        cache.symlink_to(elsewhere, target_is_directory=True)
    else:
        cache.mkdir()
        name = "codes.json" if planted == "the cache file" else f".codes.json.{os.getpid()}"
        (cache / name).symlink_to(target)
    assert _fresh(parties) == read
    assert json.loads(target.read_text(encoding="utf-8")) == believable
    assert sorted(p.name for p in elsewhere.iterdir()) == ["precious.json"]
    if planted == "the cache file":  # replaced by a cache of its own
        assert not (cache / "codes.json").is_symlink()
        assert json.loads((cache / "codes.json").read_text(encoding="utf-8"))["names"] == read.names


@pytest.mark.parametrize("given", ["XXX", "Нарния", "RUSXYZ", "NATGOV", "MIL"])
def test_unknown_actor_is_named(store, given):
    with pytest.raises(UnknownActorError, match=given):
        dyad_series(store, given, "AZE")


@pytest.mark.parametrize(("a", "b", "options", "events"), [
    ("AZE", "RUS", {}, 4),                          # undirected: the same as RUS AZE
    ("RUSMIL", "AZE", {"directed": True}, 1),       # the army on SOCAR's filling station
    ("AZE", "RUS", {"directed": True}, 0),          # nothing from Azerbaijan to Russia
    ("AZE", "TUR", {}, 0),                          # the forecast is not a fact
    ("AZE", "TUR", {"modalities": ("factual", "predicted")}, 1),
    ("AZE", "NATO", {"modalities": ("predicted",)}, 1),
    ("RUS", "AZE", {"until": dt.date(2025, 8, 6)}, 0),
    ("RUS", "AZE", {"since": dt.date(2025, 8, 7), "until": dt.date(2025, 8, 7)}, 4),
])
def test_filters(store, a, b, options, events):
    dyad = dyad_series(store, a, b, **options)
    assert dyad.total_events == events
    assert len(dyad.evidence) == events


def test_no_events_is_an_empty_series_not_an_error(store):
    dyad = dyad_series(store, "CHN", "AZE")
    assert dyad.total_events == 0 and dyad.series.empty and dyad.character == "no events"
    assert dyad.summary()["conflict_share"] is None


@pytest.mark.parametrize(("freq", "period", "periods"), [
    ("D", dt.date(2025, 8, 7), 1),
    ("W", dt.date(2025, 8, 4), 1),     # weeks start on Monday
    ("M", dt.date(2025, 8, 1), 1),
])
def test_frequencies(store, freq, period, periods):
    dyad = dyad_series(store, "RUS", "AZE", freq=freq)
    assert list(dyad.series["period"]) == [period] * periods


def test_empty_periods_are_filled_with_zero_events(store):
    dyad = dyad_series(store, "RUS", "AZE", since=dt.date(2025, 6, 1),
                       until=dt.date(2025, 9, 30))
    assert list(dyad.series["period"]) == [dt.date(2025, m, 1) for m in (6, 7, 8, 9)]
    assert list(dyad.series["events"]) == [0, 0, 4, 0]
    assert dyad.series["goldstein_sum"].iloc[0] == 0


def test_evidence_cap_keeps_the_latest(store):
    dyad = dyad_series(store, "ARM", "AZE", evidence=2)
    assert dyad.total_events > 2 and len(dyad.evidence) == 2
    everything = dyad_series(store, "ARM", "AZE", evidence=None).evidence
    assert set(dyad.evidence["id"]) < set(everything["id"])
    assert min(dyad.evidence["date"]) >= sorted(everything["date"])[-2]


def test_an_older_database_gets_its_dyads_when_opened_to_be_read(examples_db, tmp_path):
    old = tmp_path / "old.duckdb"
    old.write_bytes(examples_db.read_bytes())
    with relata.open_store(old, write=True) as store:  # back to schema version 2
        store.query(BEFORE_PLAIN_NAMES + "DROP TABLE watch_items; DROP TABLE watch_feeds; "
                    "ALTER TABLE documents DROP COLUMN author; "
                    "DROP TABLE copies; DROP TABLE doc_bands; DROP TABLE doc_signatures; "
                    "DROP TABLE dyad_events; DROP TABLE dyad_events_sorted; "
                    "DROP TABLE dyad_stories; DROP TABLE dyad_documents; "
                    "DROP TABLE dyad_aggregated; DROP TABLE dyad_latest; DROP TABLE dyad_answers; "
                    "DROP TABLE dyad_answered; "
                    "ALTER TABLE events DROP COLUMN mutual; ALTER TABLE events DROP COLUMN "
                    "story_id; "
                    "DELETE FROM schema_version WHERE version >= 3; SELECT 1")
    with relata.open_store(old, read_only=True) as store:
        assert store.version == LATEST
        assert dyad_series(store, "RUS", "AZE").goldstein_total == pytest.approx(-31.2)


def test_appended_dyads_are_put_in_order(examples_db, tmp_path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(examples_db.read_bytes())
    with relata.open_store(copy, write=True) as store:
        assert not store.sort_dyads()  # ingest left them in order
        before = dyad_series(store, "RUS", "AZE").total_events
        store.query("INSERT INTO dyad_events SELECT * FROM dyad_events "
                    "WHERE dyad = 'AZE RUS'; SELECT 1")
        assert store.sort_dyads()
        keys = list(store.query("SELECT dyad FROM dyad_events")["dyad"])
        assert keys == sorted(keys)
        # the rows appended again are reports of the same stories: the same events
        assert dyad_series(store, "RUS", "AZE").total_events == before == 4


def test_the_frames_are_typed_as_before(store):
    """The series and evidence are numpy columns underneath; the DataFrames built from them
    for the library's users have the types the DuckDB frames had."""
    dyad = dyad_series(store, "RUS", "AZE", since=dt.date(2025, 7, 1))
    series, evidence = dyad.series, dyad.evidence
    assert series is dyad.series  # built once
    assert [type(p) for p in series["period"]] == [dt.date, dt.date]
    assert series["events"].dtype == "int64" and series["goldstein_sum"].dtype == "float64"
    assert series["goldstein_mean"].isna().tolist() == [True, False]
    assert series["conflict_share"].isna().tolist() == [True, False]
    assert evidence["date"].dtype.kind == "M" and evidence["quad_class"].dtype == "int8"
    assert evidence["goldstein"].dtype == "float64" and evidence["mode"].isna().any()
    assert list(evidence.columns)[10:13] == ["trigger_text", "sentence", "attribution"]
    empty = dyad_series(store, "CHN", "AZE")
    assert empty.series.empty and empty.evidence.empty


@pytest.mark.parametrize("freq", ["D", "W", "M"])
def test_the_period_count_is_the_length_of_the_range(freq):
    from relata.relations.series import period_count, period_range

    rng = np.random.default_rng(8)
    for _ in range(50):
        first = dt.date(2000, 1, 1) + dt.timedelta(days=int(rng.integers(0, 3000)))
        last = first + dt.timedelta(days=int(rng.integers(-10, 900)))
        assert period_count(first, last, freq) == len(period_range([], freq, first, last))


@pytest.mark.parametrize(("freq", "since", "until", "hint"), [
    ("D", dt.date(1995, 1, 1), dt.date(2025, 12, 31), "use a coarser freq (W: 1,619 weeks)"),
    ("D", dt.date(1900, 1, 1), dt.date(2025, 12, 31), "use a coarser freq (M: 1,512 months)"),
    ("W", dt.date(1900, 1, 1), dt.date(2025, 12, 31), "use a coarser freq (M: 1,512 months)"),
    ("M", dt.date(1, 1, 1), dt.date(9999, 12, 31), "use a shorter window"),
])
def test_a_window_of_too_many_periods_is_refused_before_the_query(store, freq, since, until,
                                                                  hint):
    from relata.relations import MAX_PERIODS, TooManyPeriodsError, trends

    for call in (lambda: dyad_series(store, "RUS", "AZE", freq=freq, since=since, until=until),
                 lambda: trends(store, freq=freq, since=since, until=until, min_events=1)):
        with pytest.raises(TooManyPeriodsError, match=f"limit of {MAX_PERIODS:,} periods") as e:
            call()
        assert hint in str(e.value) and e.value.field == "freq"


def test_a_window_of_too_many_periods_found_in_the_data_is_refused(store):
    """No window given: the one the events span is checked once it is known."""
    from relata.relations import TooManyPeriodsError, series

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(series, "MAX_PERIODS", 3)
        with pytest.raises(TooManyPeriodsError, match="limit of 3 periods"):
            dyad_series(store, "RUS", "UKR", freq="D")  # 2025-08-07 … 2025-09-01
