"""The database schema as an ordered list of migrations; the newest version is the last."""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabulary import MODALITIES


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, mentions, events",
        (
            """CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        external_id VARCHAR,
        origin VARCHAR NOT NULL,
        url VARCHAR,
        source VARCHAR,
        title VARCHAR,
        date DATE,
        lang VARCHAR,
        status VARCHAR NOT NULL,   -- analysed | skipped
        note VARCHAR,              -- why it was skipped
        body_start INTEGER NOT NULL,
        chars INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )""",
            """CREATE TABLE mentions (
        doc_id VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        normal VARCHAR,
        actor_code VARCHAR,
        actor_country VARCHAR,
        actor_sector VARCHAR,
        actor_name VARCHAR,
        actor_id VARCHAR
    )""",
            """CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        date DATE,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        cameo VARCHAR,
        quad_class TINYINT NOT NULL,
        goldstein DOUBLE,
        modality VARCHAR NOT NULL,
        source_code VARCHAR,
        source_country VARCHAR,
        source_sector VARCHAR,
        source_name VARCHAR,
        source_text VARCHAR,
        source_start INTEGER,
        source_end INTEGER,
        target_code VARCHAR,
        target_country VARCHAR,
        target_sector VARCHAR,
        target_name VARCHAR,
        target_text VARCHAR,
        target_start INTEGER,
        target_end INTEGER,
        attribution VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        location_lat DOUBLE,
        location_lon DOUBLE,
        trigger_text VARCHAR NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        confidence DOUBLE
    )""",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        2,
        "who asserts an event: the attribution's actor code and span",
        (
            "ALTER TABLE events ADD COLUMN attribution_code VARCHAR",
            "ALTER TABLE events ADD COLUMN attribution_start INTEGER",
            "ALTER TABLE events ADD COLUMN attribution_end INTEGER",
        ),
    ),
)

# The two sides of an event at the country level (an organisation by its code), sorted and
# joined: `AZE RUS`; NULL when a side has neither.
_SIDES = ("coalesce(source_country, source_code)", "coalesce(target_country, target_code)")
SIDE = "coalesce(e.{side}_country, e.{side}_code)"  # one side, of events aliased `e`
# Not least() and greatest(): they pass over a NULL, and an act aimed at no one (`возбудили
# дело`, no target) had the key `RUS RUS`, counted in the country's dyad with itself.
DYAD_KEY = (f"CASE WHEN {_SIDES[0]} <= {_SIDES[1]} THEN {_SIDES[0]} || ' ' || {_SIDES[1]} "
            f"ELSE {_SIDES[1]} || ' ' || {_SIDES[0]} END")

# What dyad series and trends read, one row an event between two known sides, kept in
# dyad order: DuckDB skips the row groups whose range of keys cannot hold the dyad asked
# for, so a dyad is read from a few thousand rows instead of all of them (7 times faster
# on 10 million events). Rows added by ingest are appended; `Store.sort_dyads` puts them
# in order once they are a tenth of the table.
_DYAD_COLUMNS = f"""{DYAD_KEY} AS dyad, date, id AS event_id, doc_id,
        source_code, source_country, target_code, target_country,
        modality, quad_class, goldstein"""
# What a dyad's evidence shows of an event besides: read with the dyad, not looked up by id
# among all the events (a scan of every id: most of the time of a dyad's answer).
EVIDENCE_COLUMNS = ("type", "mode", "source_text", "target_text", "trigger_text",
                    "attribution", "confidence", "sentence_start", "sentence_end",
                    "trigger_start")
# (`mutual` from version 4, `story_id` from 7, the evidence's columns from 8)
DYAD_EVENTS = f"""SELECT {_DYAD_COLUMNS}, mutual, story_id, {", ".join(EVIDENCE_COLUMNS)}
    FROM {{table}} WHERE {DYAD_KEY} IS NOT NULL"""
DYAD_ORDER = "ORDER BY dyad, date"

MIGRATIONS += (
    Migration(
        3,
        "dyad_events: the events between two known sides, in dyad order",
        (
            # as the table was before version 4 gave events the column `mutual`
            f"CREATE TABLE dyad_events AS SELECT {_DYAD_COLUMNS} FROM events "
            f"WHERE {DYAD_KEY} IS NOT NULL {DYAD_ORDER}",
            "CREATE TABLE dyad_events_sorted (rows BIGINT NOT NULL)",
            "INSERT INTO dyad_events_sorted SELECT count(*) FROM dyad_events",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        4,
        # the record's `symmetric`: SYMMETRIC is a reserved word of SQL
        "mutual: a mutual act, one event for both directions",
        (
            "ALTER TABLE events ADD COLUMN mutual BOOLEAN NOT NULL DEFAULT false",
            "ALTER TABLE dyad_events ADD COLUMN mutual BOOLEAN NOT NULL DEFAULT false",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        5,
        "near-duplicates: each article's MinHash signature and LSH band keys; copies",
        (
            # the signature of each analysed article (relata.dedup), and its band keys: the
            # articles that share a key with a new one are its candidate originals
            "CREATE TABLE doc_signatures (doc_id VARCHAR PRIMARY KEY, signature UBIGINT[], "
            "shingles INTEGER NOT NULL)",
            "CREATE TABLE doc_bands (band_key BIGINT NOT NULL, doc_id VARCHAR NOT NULL)",
            "CREATE INDEX doc_bands_key ON doc_bands (band_key)",
            # an article found to copy a stored one: kept as a mention of it, not analysed
            """CREATE TABLE copies (
        doc_id VARCHAR PRIMARY KEY,
        original_id VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL,
        origin VARCHAR NOT NULL,
        url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        date DATE,
        ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )""",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        6,
        "web inputs: a web page's author, and what `relata watch` saw of each feed and page",
        (
            "ALTER TABLE documents ADD COLUMN author VARCHAR",
            # a feed's validators for a conditional GET, so a restart asks only for changes
            """CREATE TABLE watch_feeds (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,
        polled_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )""",
            # each item's page fetched once: a restart does not fetch it again
            """CREATE TABLE watch_items (
        url VARCHAR PRIMARY KEY,
        feed VARCHAR NOT NULL,
        status VARCHAR NOT NULL,   -- ingested | failed
        note VARCHAR,              -- why it failed
        doc_id VARCHAR,
        seen_at TIMESTAMP NOT NULL DEFAULT current_timestamp
    )""",
        ),
    ),
)

MIGRATIONS += (
    Migration(
        7,
        "stories: the events of different articles that report one event share a story id",
        (
            # an event's story: the id of the first event stored of those that report the
            # same event (relata.stories), its own id if none did before it
            "ALTER TABLE events ADD COLUMN story_id VARCHAR",
            "UPDATE events SET story_id = id",
            "ALTER TABLE dyad_events ADD COLUMN story_id VARCHAR",
            "UPDATE dyad_events SET story_id = event_id",
        ),
    ),
)


# What a dyad's series counts, per dyad and period, kept by ingest in the transaction that
# stores the events (`Store.write`): a series is then read from a few hundred rows, not
# from every event of the dyad (relata.relations.series). `unit` is the series' `freq`
# (D, W, M); `period` the day, the Monday or the 1st, NULL (unit D only) for undated events.
#
# dyad_stories: the stories (relata.stories), each by its first report (`event_id =
# story_id`), as a series counts them, once however many rows dyad_events holds of it.
# Every report of a story shares its dyad, day and modality (the story key), so a story is
# counted once in the period and modality of each of its reports.
#
# dyad_documents: the documents of the dyad's events, per period, by the set of
# modalities their events there have (bit i: MODALITIES[i]; new modalities go at the end):
# the documents of any set of modalities are a sum of these rows (a distinct count is not
# a sum of distinct counts). Ingest adds each document once, with its events, so a batch's
# rows are added to the stored ones by appending them; `Store.sort_dyads` counts them
# again, in key order, when it sorts dyad_events.
#
# dyad_aggregated: how many rows of dyad_events the two tables count. Anything that writes
# dyad_events other than `Store.write` (a benchmark's SQL, a test) leaves it behind, and
# a series then reads dyad_events instead.

# A Goldstein score in millionths, an integer: sums of them are exact, the same in whatever
# order they are added, whether of events (a scan) or of the periods' sums (the counts).
GOLDSTEIN = "CAST(round({0} * 1000000) AS BIGINT)"
UNITS = {"D": "day", "W": "week", "M": "month"}
_BITS = "1 << (list_position([{}], modality) - 1)".format(
    ", ".join(f"'{m}'" for m in MODALITIES))


def _stories(rows: str) -> str:
    return " UNION ALL ".join(
        f"""SELECT dyad, '{unit}' AS unit, CAST(date_trunc('{name}', date) AS DATE) AS period,
               modality, quad_class, count(*) AS stories,
               coalesce(sum({GOLDSTEIN.format('goldstein')}), 0)::BIGINT AS goldstein_sum,
               count(goldstein) AS goldstein_count
            FROM (SELECT DISTINCT dyad, CAST(date AS DATE) AS date, event_id, modality,
                             quad_class, CAST(goldstein AS DOUBLE) AS goldstein
                  FROM {rows} WHERE event_id = story_id
                  {'' if unit == 'D' else 'AND date IS NOT NULL'})
            GROUP BY ALL"""
        for unit, name in UNITS.items())


def _documents(rows: str) -> str:
    per_document = " UNION ALL ".join(
        f"""SELECT dyad, '{unit}' AS unit,
               CAST(date_trunc('{name}', CAST(date AS DATE)) AS DATE) AS period,
               doc_id, bit_or({_BITS}) AS modalities
            FROM {rows} WHERE date IS NOT NULL GROUP BY ALL"""
        for unit, name in UNITS.items())
    return f"""SELECT dyad, unit, period, modalities, count(*) AS documents
        FROM ({per_document}) GROUP BY ALL"""


def aggregates(rows: str) -> tuple[str, str]:
    """The rows of dyad_stories and dyad_documents that `rows` (a relation shaped as
    dyad_events, of documents not yet counted) add."""
    return _stories(rows), _documents(rows)


AGGREGATE_ORDER = "ORDER BY dyad, unit, period"
# Whether the two tables count every row of dyad_events (true or false, as SQL)
COUNTED = ("coalesce((SELECT count(*) FROM dyad_events) = "
           "(SELECT max(rows) FROM dyad_aggregated), false)")

MIGRATIONS += (
    Migration(
        8,
        "dyad_stories, dyad_documents: a dyad's series per period, kept at ingest; "
        "dyad_events holds what the evidence shows",
        (
            "CREATE OR REPLACE TABLE dyad_events AS SELECT d.*, "
            + ", ".join(f"e.{c}" for c in EVIDENCE_COLUMNS)
            + " FROM dyad_events d LEFT JOIN events e ON e.id = d.event_id "
            "ORDER BY d.dyad, d.date",
            "UPDATE dyad_events_sorted SET rows = (SELECT count(*) FROM dyad_events)",
            """CREATE TABLE dyad_stories (
        dyad VARCHAR NOT NULL,
        unit VARCHAR NOT NULL,     -- D | W | M
        period DATE,               -- NULL: undated (unit D)
        modality VARCHAR NOT NULL,
        quad_class TINYINT NOT NULL,
        stories BIGINT NOT NULL,
        goldstein_sum BIGINT NOT NULL,    -- the sum of their scores, in millionths
        goldstein_count BIGINT NOT NULL   -- the stories that have a score
    )""",
            """CREATE TABLE dyad_documents (
        dyad VARCHAR NOT NULL,
        unit VARCHAR NOT NULL,
        period DATE NOT NULL,
        modalities INTEGER NOT NULL,  -- bit i: MODALITIES[i]
        documents BIGINT NOT NULL
    )""",
            "CREATE TABLE dyad_aggregated (rows BIGINT NOT NULL)",
            f"INSERT INTO dyad_stories {_stories('dyad_events')} {AGGREGATE_ORDER}",
            f"INSERT INTO dyad_documents {_documents('dyad_events')} {AGGREGATE_ORDER}",
            "INSERT INTO dyad_aggregated SELECT count(*) FROM dyad_events",
        ),
    ),
)

# Names that need no quoting and say what they hold: `end` is a reserved word of SQL (it
# had to be written `"end"`), and `source` was the outlet in documents but the doer in
# events (`source_code`, `source_text`), as the exports (relata.export) had already
# renamed them. Other names were checked against DuckDB's keywords (`duckdb_keywords()`)
# and kept: `date`, `type`, `mode`, `text`, `rows`, `version`, `similarity` are not
# reserved in DuckDB and read unquoted (tests/test_store.py checks every column).
MIGRATIONS += (
    Migration(
        9,
        "plain names: documents.outlet (was source), mentions.start_char and end_char "
        "(were start and \"end\")",
        (
            "ALTER TABLE documents RENAME COLUMN source TO outlet",
            "ALTER TABLE mentions RENAME COLUMN start TO start_char",
            'ALTER TABLE mentions RENAME COLUMN "end" TO end_char',
        ),
    ),
)

# An event with one side (no target: an act aimed at no one named) is in no dyad. Before
# version 10 the dyad key passed over the missing side (`RUS RUS`): such rows leave
# dyad_events, which is sorted again, and the counts per period are made again from it.
MIGRATIONS += (
    Migration(
        10,
        "dyad_events: an event with one side (no target) is in no dyad",
        (
            "CREATE OR REPLACE TABLE dyad_events AS SELECT * FROM dyad_events "
            "WHERE coalesce(source_country, source_code) IS NOT NULL "
            f"AND coalesce(target_country, target_code) IS NOT NULL {DYAD_ORDER}",
            "UPDATE dyad_events_sorted SET rows = (SELECT count(*) FROM dyad_events)",
            "DELETE FROM dyad_stories",
            f"INSERT INTO dyad_stories {_stories('dyad_events')} {AGGREGATE_ORDER}",
            "DELETE FROM dyad_documents",
            f"INSERT INTO dyad_documents {_documents('dyad_events')} {AGGREGATE_ORDER}",
            "UPDATE dyad_aggregated SET rows = (SELECT count(*) FROM dyad_events)",
        ),
    ),
)

# The latest stories of each dyad and modality, as a country dyad's evidence shows them,
# kept by ingest in the transaction that stores the events (`Store.write`), and counted
# again with dyad_stories (`Store._aggregate`): the default evidence of a dyad (its latest
# 20 stories, of any set of modalities, over the whole time) is then read from a few dozen
# rows with their sentences, not from the dyad's first reports of its latest days and the
# documents' texts (relata.relations.series; tests/test_relations_counted.py checks that it
# is the evidence read from the events). A story by its first report (`event_id =
# story_id`), dated; the latest first by (date, doc_id, event_id), as the evidence orders
# them. Events are only ever added, so the latest of a dyad and modality after a batch are
# the latest of those kept and of the batch's. Current when dyad_stories is (`COUNTED`).
LATEST_STORIES = 20  # a dyad and modality's stories kept: the API's default evidence
LATEST_ORDER = "date DESC, doc_id DESC, event_id DESC"
# What the evidence shows of a story, besides its sentence and its document's origin, as
# dyad_events types it: a batch's rows come from a DataFrame, whose types DuckDB guesses.
LATEST_COLUMNS = {
    "dyad": "VARCHAR", "modality": "VARCHAR", "date": "DATE", "event_id": "VARCHAR",
    "doc_id": "VARCHAR", "quad_class": "TINYINT", "goldstein": "DOUBLE",
    "source_code": "VARCHAR", "target_code": "VARCHAR", "type": "VARCHAR", "mode": "VARCHAR",
    "source_text": "VARCHAR", "target_text": "VARCHAR", "trigger_text": "VARCHAR",
    "attribution": "VARCHAR", "confidence": "DOUBLE", "sentence_start": "INTEGER",
    "sentence_end": "INTEGER", "trigger_start": "INTEGER",
}


def latest_stories(rows: str, documents: str, *, kept: bool) -> str:
    """dyad_latest's rows for the dyads and modalities of which `rows` (a relation shaped
    as dyad_events) has dated first reports: the latest LATEST_STORIES of them, with their
    sentences from `documents` (a relation shaped as documents, holding theirs); `kept`: of
    those and of the ones dyad_latest keeps for the same dyads and modalities."""
    columns = ", ".join(f"CAST({name} AS {kind}) AS {name}"
                        for name, kind in LATEST_COLUMNS.items())
    latest = f"QUALIFY row_number() OVER (PARTITION BY dyad, modality ORDER BY {LATEST_ORDER}) " \
             f"<= {LATEST_STORIES}"
    new = f"""SELECT n.*, CAST(substr(d.text, n.sentence_start + 1,
                                       n.sentence_end - n.sentence_start) AS VARCHAR)
                   AS sentence, CAST(d.origin AS VARCHAR) AS origin
        FROM (SELECT {columns} FROM {rows} WHERE event_id = story_id AND date IS NOT NULL
              {latest}) n
        JOIN {documents} d ON d.id = n.doc_id"""
    if not kept:
        return new
    return f"""WITH new AS ({new})
        SELECT * FROM (SELECT * FROM new UNION ALL
                       SELECT k.* FROM dyad_latest k
                       SEMI JOIN (SELECT DISTINCT dyad, modality FROM new) t
                           ON t.dyad = k.dyad AND t.modality = k.modality)
        {latest}"""


# Its text uncompressed: DuckDB's dictionary of a compressed column is read whole to find
# or show a few of its rows, and the ids and sentences are nearly all different (a read of
# a dyad's stories took twice as long). A few MB for a million events.
_LATEST_TABLE = ", ".join(
    f"{name} {kind}" + (" USING COMPRESSION uncompressed" if kind == "VARCHAR" else "")
    for name, kind in {**LATEST_COLUMNS, "sentence": "VARCHAR", "origin": "VARCHAR"}.items())

MIGRATIONS += (
    Migration(
        11,
        "dyad_latest: each dyad and modality's latest stories with their sentences, kept at "
        "ingest",
        (
            f"CREATE TABLE dyad_latest ({_LATEST_TABLE})",
            f"INSERT INTO dyad_latest {latest_stories('dyad_events', 'documents', kept=False)} "
            "ORDER BY dyad, modality",
        ),
    ),
)

# dyad_answers: the dashboard's question of each country dyad (`/api/dyad?a=…&b=…`:
# months, both ways, factual, 20 events of evidence) answered ahead, as the JSON the API
# sends without the sides' names (relata.relations.answers), kept by `Store.write` in the
# batch's transaction for the dyads the batch adds to, and answered again for every dyad
# with dyad_stories (`Store.aggregate_dyads`). dyad_answered: how many rows of dyad_events
# the answers count, and what relata made them (`answers.ANSWER_FORMAT`); they are current
# when that is dyad_aggregated's count, the counts are current and the format is this
# relata's (`ANSWERED`). A new table starts behind: the next batch answers every dyad.
MIGRATIONS += (
    Migration(
        12,
        "dyad_answers: the dashboard's answer of each country dyad, kept at ingest",
        (
            "CREATE TABLE dyad_answers (dyad VARCHAR NOT NULL, "
            "answer VARCHAR NOT NULL USING COMPRESSION uncompressed)",
            "CREATE TABLE dyad_answered (rows BIGINT NOT NULL, format VARCHAR NOT NULL)",
            "INSERT INTO dyad_answered VALUES (-1, '')",
        ),
    ),
)
# Whether dyad_answers holds the current answers of relata's format $format (true or false)
ANSWERED = (f"coalesce({COUNTED} AND (SELECT max(rows) FROM dyad_answered) = "
            "(SELECT max(rows) FROM dyad_aggregated) AND "
            "(SELECT max(format) FROM dyad_answered) = $format, false)")

LATEST = MIGRATIONS[-1].version
