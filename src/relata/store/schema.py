"""The database schema as an ordered list of migrations; the newest version is the last."""

from __future__ import annotations

from dataclasses import dataclass


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
DYAD_KEY = f"least({_SIDES[0]}, {_SIDES[1]}) || ' ' || greatest({_SIDES[0]}, {_SIDES[1]})"

# What dyad series and trends read, one row an event between two known sides, kept in
# dyad order: DuckDB skips the row groups whose range of keys cannot hold the dyad asked
# for, so a dyad is read from a few thousand rows instead of all of them (7 times faster
# on 10 million events). Rows added by ingest are appended; `Store.sort_dyads` puts them
# in order once they are a tenth of the table.
_DYAD_COLUMNS = f"""{DYAD_KEY} AS dyad, date, id AS event_id, doc_id,
        source_code, source_country, target_code, target_country,
        modality, quad_class, goldstein"""
DYAD_EVENTS = f"""SELECT {_DYAD_COLUMNS}, mutual, story_id
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

LATEST = MIGRATIONS[-1].version
