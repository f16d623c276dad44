"""One event that several articles report is one story (relata.stories): the matching rule
on pairs written here, and a corpus of short articles (tests/data/stories.jsonl, written
for this test) where different outlets report the same events in their own words, and
different events share a dyad and a day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import relata
from relata.export import export
from relata.relations import dyad_series
from relata.stories import Report, assign, content_words, same_story, story_key

CORPUS = Path(__file__).parent / "data" / "stories.jsonl"
DAY = dt.date(2025, 8, 7)
# Each article of the corpus with an event → its story; one letter a story.
STORIES = {
    "a1": "socar-zhytomyr", "b1": "socar-zhytomyr",  # the same strike, other words
    "e1": "socar-compressor",  # the same dyad, day and root: another strike
    "d1": "kyiv-strike",
    "a2": "gas-deal", "b2": "gas-deal",  # a mutual act, its sides named the other way round
    "c2": "education-deal",  # the same dyad, day and root: another agreement
    "a3": "generators", "d3": "generators",
    "c3": "generators-next-day",  # the same words a day later: another delivery
    "b4": "schools",
}


def _report(event_id, doc_id, sentence, *, date=DAY, sides=("AZE", "UKR"), cameo="070",
             modality="factual", mutual=False, place=None):
    key = story_key(date, *sides, cameo, modality, mutual)
    return Report(event_id, event_id, doc_id, key, place, content_words(sentence))


EARLIER = _report("e0", "d0", "генераторы и медикаменты для больниц Киева")


@pytest.mark.parametrize(("new", "one"), [
    (_report("e1", "d1", "медикаменты и генераторы доставлены в больницы Киева"), True),
    (_report("e1", "d0", "медикаменты и генераторы для больниц Киева"), False),  # same article
    (_report("e1", "d1", "генераторы и медикаменты для больниц Киева",
             date=DAY + dt.timedelta(days=1)), False),
    (_report("e1", "d1", "генераторы и медикаменты для больниц Киева", cameo="073"), True),
    (_report("e1", "d1", "генераторы и медикаменты для больниц Киева", cameo="190"), False),
    (_report("e1", "d1", "генераторы и медикаменты для больниц Киева",
             modality="intended"), False),
    (_report("e1", "d1", "генераторы и медикаменты для больниц Киева",
             sides=("UKR", "AZE")), False),  # not mutual: the other direction
    (_report("e1", "d1", "генераторы и медикаменты для больниц Киева", place="Киев"), True),
    (_report("e1", "d1", "восстановление школ в Ирпене"), False),
    (_report("e1", "d1", "генераторы для школ Ирпеня"), False),  # one word shared
])
def test_same_story(new, one):
    assert same_story(new, EARLIER) is one


def test_mutual_acts_match_either_way_round():
    one = _report("e0", "d0", "соглашение о поставках газа по Трансбалканскому коридору",
                  cameo="057", mutual=True)
    other = _report("e1", "d1", "соглашение о поставке газа через Трансбалканский коридор",
                    sides=("UKR", "AZE"), cameo="057", mutual=True)
    assert assign([other], [one]) == {"e1": "e0"}


def test_different_places_are_different_events():
    one = _report("e0", "d0", "генераторы и медикаменты для больниц", place="Киев")
    other = _report("e1", "d1", "генераторы и медикаменты для больниц", place="Харьков")
    assert not same_story(other, one)


def _stories(store) -> dict[str, str]:
    found = store.query("SELECT d.external_id, e.id, e.story_id FROM events e "
                        "JOIN documents d ON d.id = e.doc_id")
    return {row.external_id: row.story_id for row in found.itertuples()}


def _grouping(stories: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, story in stories.items():
        groups.setdefault(story, set()).add(article)
    return {frozenset(g) for g in groups.values()}


EXPECTED = _grouping(STORIES)


@pytest.fixture(scope="module")
def stories_db(pipeline, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stories") / "stories.duckdb"
    with relata.open_store(path, write=True) as store:
        relata.ingest(store, [CORPUS], pipeline=pipeline)
    return path


def test_the_corpus_gives_its_stories(stories_db):
    with relata.open_store(stories_db) as store:
        found = _stories(store)
    assert set(found) == set(STORIES)
    assert _grouping(found) == EXPECTED


def test_stories_are_found_among_stored_events_too(pipeline, tmp_path):
    """Half the corpus ingested first, the rest a run later (one article a batch): the
    same stories, and ingesting it again adds nothing and changes none."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "first.jsonl").write_text("".join(lines[::2]), encoding="utf-8")
    (tmp_path / "second.jsonl").write_text("".join(lines[1::2]), encoding="utf-8")
    with relata.open_store(tmp_path / "s.duckdb", write=True) as store:
        relata.ingest(store, [tmp_path / "first.jsonl"], pipeline=pipeline)
        relata.ingest(store, [tmp_path / "second.jsonl"], pipeline=pipeline, batch_size=1)
        found = _stories(store)
        assert _grouping(found) == EXPECTED
        relata.ingest(store, [CORPUS], pipeline=pipeline)
        assert _stories(store) == found


@pytest.mark.parametrize(("a", "b", "weight", "events"), [
    # AZE–UKR on the 7th: the gas deal (2 articles, 2 outlets), the education deal, the
    # generators (2, 2), the schools; on the 8th, the next delivery
    ("AZE", "UKR", "events", [4, 1]),
    ("AZE", "UKR", "articles", [6, 1]),
    ("AZE", "UKR", "sources", [6, 1]),
    # RUS–AZE: the strike in Zhytomyr (2 articles and a copy of one from a third outlet),
    # the compressor station
    ("RUS", "AZE", "events", [2]),
    ("RUS", "AZE", "articles", [4]),
    ("RUS", "AZE", "sources", [4]),
])
def test_dyads_count_events_and_weigh_by_articles_or_sources(stories_db, a, b, weight,
                                                              events):
    with relata.open_store(stories_db) as store:
        dyad = dyad_series(store, a, b, freq="D", weight=weight)
    assert dyad.table["events"].tolist() == events
    # the Goldstein sum weighs as the counts do: one code a story here
    assert dyad.goldstein_total == pytest.approx(float(
        (dyad.table["goldstein_mean"] * dyad.table["events"]).sum()))


def test_the_series_equals_the_plain_query(stories_db):
    """The series counts each story once by its first report; the plain answer: distinct
    story ids of the dyad's events, straight from the events table."""
    with relata.open_store(stories_db) as store:
        plain = store.query(
            "SELECT date, count(DISTINCT story_id) AS n FROM events "
            "WHERE modality = 'factual' AND ((source_country = 'AZE' AND target_country = "
            "'UKR') OR (source_country = 'UKR' AND target_country = 'AZE')) GROUP BY date "
            "ORDER BY date")
        dyad = dyad_series(store, "AZE", "UKR", freq="D")
        # what `trends` counts: the first reports of stories, as dyad_events holds them
        first = store.query("SELECT count(*) AS n FROM dyad_events WHERE dyad = 'AZE UKR' "
                            "AND event_id = story_id AND modality = 'factual'")
        evidence = dyad.evidence
    assert dyad.table["events"].tolist() == plain["n"].tolist()
    assert first["n"].iloc[0] == plain["n"].sum()
    assert len(evidence) == plain["n"].sum()  # one sentence a story


def test_a_story_lists_its_sentences_with_its_articles_and_sources(stories_db):
    with relata.open_store(stories_db) as store:
        events = store.events(source="RUSMIL")
        (story,) = set(events.story_id)
        assert set(events.num_articles) == {3} and set(events.num_sources) == {3}
        reports = store.events(story_id=story)
    assert len(reports) == 2 and len(set(reports.sentence)) == 2


def test_gdelt_writes_a_row_a_story(stories_db, tmp_path):
    from test_export import CODEBOOK

    done = export(stories_db, "gdelt", tmp_path / "g.csv")
    frame = pd.read_csv(done.path, sep="\t", header=None, names=CODEBOOK)
    assert len(frame) == len(set(STORIES.values()))
    assert done.left_out == {"reported in another row": len(STORIES) - len(frame)}
    counts = sorted(zip(frame.NumArticles, frame.NumSources, strict=True))
    assert counts == [(1, 1)] * 5 + [(2, 2)] * 2 + [(3, 3)]


def test_folder_exports_give_each_event_its_story_and_counts(stories_db, tmp_path):
    done = export(stories_db, "jsonl", tmp_path / "out")
    events = pd.read_json(done.path / "events.jsonl", lines=True)
    with relata.open_store(stories_db) as store:
        stored = store.events()
    assert len(events) == len(stored)
    by_id = stored.set_index("id")
    for row in events.itertuples():
        assert row.story_id == by_id.loc[row.id, "story_id"]
        assert (row.num_articles, row.num_sources) == (by_id.loc[row.id, "num_articles"],
                                                      by_id.loc[row.id, "num_sources"])
