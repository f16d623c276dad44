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

LATEST = MIGRATIONS[-1].version
