"""The DuckDB store: one file, schema migrations, one transaction per written batch."""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreBusyError, StoreError
from ..records import Actor, Analysis, Event
from ..stories import Report, assign, content_words, reports_sql, story_key
from ..vocabulary import EVENT_TYPES, MENTION_KINDS, MODALITIES, choose
from .rows import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    document_row,
    event_row,
    mention_row,
)
from .schema import (
    AGGREGATE_ORDER,
    ANSWERED,
    COUNTED,
    DYAD_EVENTS,
    DYAD_ORDER,
    LATEST,
    MIGRATIONS,
    SIDE,
    aggregates,
    latest_stories,
)

# The stored events that may report the same event as one of a batch's: those of the same
# dyad and day (`batch_story_keys`), read through dyad_events, which is in dyad order.
STORY_CANDIDATES = f"""SELECT e.id, e.story_id, e.doc_id, e.date,
        {SIDE.format(side='source')}, {SIDE.format(side='target')}, e.cameo, e.modality,
        e.mutual, e.location_name, e.source_text, e.target_text, e.trigger_text,
        substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
    FROM (SELECT DISTINCT k.event_id FROM dyad_events k
          JOIN batch_story_keys b ON k.dyad = b.dyad AND k.date = b.date) c
    JOIN events e ON e.id = c.event_id JOIN documents d ON d.id = e.doc_id
    ORDER BY e.date, e.id"""


def _side(actor: Actor | None) -> str | None:
    """An event's side as its dyad key has it: the country, else the actor's code."""
    return None if actor is None else actor.country or actor.code

if TYPE_CHECKING:
    import duckdb
    import numpy as np
    import pandas as pd

    from ..dedup import Copy
    from ..relations.series import ReadAhead

# duckdb and pandas are imported where they are used: `relata --version` needs neither, and
# `relata dyad` reads through DuckDB without pandas (a second's import on a slow machine).

DEFAULT_PATH = Path("relata.duckdb")
# The largest limit or offset a command or request may give: past DuckDB's 64-bit ones is
# an error, and a billion rows is more than any store holds.
MAX_ROWS = 1_000_000_000
UNSORTED_SHARE = 0.1  # of dyad_events appended since the last sort, before it is sorted again
LOCK_WAIT = 5.0  # seconds to wait for another process to let go of the file, by default
# DuckDB's words when another process has the file open (it has no error class of its own)
HELD_ELSEWHERE = "Could not set lock on file"


class Store:
    """A relata database. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False,
                 connection: duckdb.DuckDBPyConnection | None = None,
                 wait: float = LOCK_WAIT):
        """`connection`: read through this one (a cursor of a connection opened read-only
        by someone else, who has checked the schema: opened the file with `open_store`
        first), which `close()` closes. `wait`: seconds to wait while another process has
        the file open (DuckDB lets one process write it, and no other open it meanwhile),
        then `StoreBusyError`."""
        self.path, self.wait, self.read_only = Path(path), wait, read_only
        # Whether the dyads' counts are current (`dyads_counted`), when whoever opened the
        # store knows it: the server asks once a database version, not in every answer.
        self.counted: bool | None = None
        # Whether the dyads' kept answers are current (`dyads_answered`), likewise.
        self.answered: bool | None = None
        # Rows of several dyads read at once for their series (relations.series.read_ahead):
        # the server's, for the dyads asked for together.
        self.read_ahead: ReadAhead | None = None
        if connection is not None:  # the server's, a request each: no query of its own
            self._db = connection
            return
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `relata ingest` first, "
                             "or open_store(path, write=True) to create one)",
                             "no such database (run `relata ingest` first)")
        self._db = self._connect(read_only)
        try:
            if not read_only:
                self._migrate()
            elif self._check_version() < LATEST:
                # A database from an older relata is brought up to date once, then read.
                self._db.close()
                self._db = self._connect(False)
                self._migrate()
                self._db.close()
                self._db = self._connect(True)
        except BaseException:
            self._db.close()
            raise

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        return connect(self.path, read_only=read_only, wait=self.wait)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if "_exports" in self.__dict__:  # a cursor keeps the database open until closed
            self._exports.close()
        self._db.close()

    # schema

    @property
    def version(self) -> int:
        import duckdb

        # One query, not one of information_schema first: every request of the server
        # opens a Store, and information_schema's query took longer than a dyad's counts.
        try:
            return self._db.execute(
                "SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]
        except duckdb.CatalogException:  # a new database: no table yet
            return 0

    def _check_version(self) -> int:
        version = self.version
        if version > LATEST:
            newer = (f"database schema version {version} is newer than this relata "
                     f"understands ({LATEST})")
            raise StoreError(f"{self.path}: {newer}; upgrade relata", newer)
        return version

    def _migrate(self) -> None:
        version = self._check_version()
        for migration in MIGRATIONS:
            if migration.version <= version:
                continue
            with self._transaction():
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
                )
                for statement in migration.statements:
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                    [migration.version, migration.description],
                )
        # The dyads' answers kept by another relata (or none yet, after the migration that
        # made their table) answered again, if the counts are current: once.
        if not self.dyads_answered() and self.dyads_counted():
            with self._transaction():
                self._answer(None)

    def _transaction(self):
        return _Transaction(self._db)

    # what `relata watch` saw: a feed's validators, the items' pages fetched

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        """A feed's ETag and Last-Modified from its last poll, for a conditional GET."""
        row = self._db.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?",
                               [url]).fetchone()
        return (None, None) if row is None else row

    def save_feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO watch_feeds (url, etag, last_modified, polled_at) "
                "VALUES (?, ?, ?, current_timestamp)", [url, etag, last_modified])

    def seen_items(self, urls: Iterable[str]) -> set[str]:
        """The items' URLs among `urls` already fetched (ingested or failed for good)."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return set()
        rows = self._db.execute("SELECT url FROM watch_items WHERE list_contains(?, url)",
                                [wanted]).fetchall()
        return {row[0] for row in rows}

    def mark_items(self, rows: Iterable[tuple[str, str, str, str | None, str | None]]) -> None:
        """(url, feed, status, note, doc_id) of items fetched, in one transaction."""
        rows = list(rows)
        if not rows:
            return
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO watch_items (url, feed, status, note, doc_id, seen_at) "
                "VALUES (?, ?, ?, ?, ?, current_timestamp)", rows)

    # writing

    def known(self, ids: Iterable[str]) -> set[str]:
        """The ids among `ids` already stored."""
        import pandas as pd

        wanted = pd.DataFrame({"id": list(dict.fromkeys(ids))})
        if wanted.empty:
            return set()
        rows = self._db.execute(
            "SELECT d.id FROM documents d JOIN wanted USING (id) "
            "UNION SELECT c.doc_id FROM copies c JOIN wanted w ON w.id = c.doc_id"
        ).fetchall()
        return {row[0] for row in rows}

    def copy_candidates(self, keys: Iterable[int]
                        ) -> dict[int, list[tuple[str, np.ndarray, int]]]:
        """The stored articles that share one of these LSH band keys, with their MinHash
        signatures and shingle counts: the candidate originals of new articles
        (relata.dedup)."""
        import numpy as np

        keys = list(keys)
        if not keys:
            return {}
        rows = self._db.execute(
            """SELECT b.band_key, b.doc_id, s.signature, s.shingles FROM doc_bands b
               JOIN doc_signatures s USING (doc_id)
               WHERE b.band_key IN (SELECT unnest($keys))""", {"keys": keys}).fetchall()
        found: dict[int, list[tuple[str, np.ndarray, int]]] = {}
        for key, doc_id, values, size in rows:
            found.setdefault(key, []).append((doc_id, np.array(values, dtype=np.uint64), size))
        return found

    def write(self, analyses: Sequence[Analysis], *, copies: Sequence[Copy] = (),
              signatures: Sequence[tuple[str, np.ndarray, int, list[int]]] = ()) -> int:
        """Store analysed and skipped documents with what was found, all or nothing.
        Documents a stage failed on are not stored, so the next ingest retries them.
        `copies`: near-duplicates of stored or stored-now articles, kept as mentions of
        their originals; `signatures`: (doc_id, MinHash, shingles, band keys) of the articles
        stored, for finding their copies later (relata.dedup)."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open_store(path, write=True) "
                             "to store analyses", "the database is read-only")
        keep = [a for a in analyses if a.failure is None]
        stored = {a.document.id for a in keep}
        signatures = [s for s in signatures if s[0] in stored]
        if not keep:
            if copies:
                with self._transaction():
                    self._insert_copies(copies)
            return 0
        with self._transaction():
            stories = self._stories([e for a in keep for e in a.events])
            tables = {
                "documents": (DOCUMENT_COLUMNS, [document_row(a) for a in keep]),
                "mentions": (MENTION_COLUMNS, [mention_row(a.document.id, m)
                                               for a in keep for m in a.mentions]),
                "events": (EVENT_COLUMNS, [event_row(e, stories.get(e.id))
                                           for a in keep for e in a.events]),
            }
            frames = {table: self._insert(table, columns, rows)
                      for table, (columns, rows) in tables.items()}
            if frames["events"] is not None:
                answered = self.dyads_answered()  # before the batch
                self._db.register("batch_events", frames["events"])
                rows = f"({DYAD_EVENTS.format(table='batch_events')})"
                self._db.execute(f"INSERT INTO dyad_events SELECT * FROM {rows} {DYAD_ORDER}")
                # the counts per period of the batch's documents, added to the stored ones
                # (they are new documents: ingest stores a document once)
                stories, documents = aggregates(rows)
                self._db.execute(f"INSERT INTO dyad_stories {stories}")
                self._db.execute(f"INSERT INTO dyad_documents {documents}")
                self._db.execute("UPDATE dyad_aggregated SET rows = rows + "
                                 f"(SELECT count(*) FROM {rows})")
                # the latest stories of the dyads and modalities the batch adds to
                self._db.register("batch_documents", frames["documents"])
                self._db.execute("CREATE TEMP TABLE batch_latest AS "
                                 + latest_stories(rows, "batch_documents", kept=True))
                self._db.execute("DELETE FROM dyad_latest USING (SELECT DISTINCT dyad, "
                                 "modality FROM batch_latest) t WHERE dyad_latest.dyad = "
                                 "t.dyad AND dyad_latest.modality = t.modality")
                self._db.execute("INSERT INTO dyad_latest SELECT * FROM batch_latest")
                self._db.execute("DROP TABLE batch_latest")
                self._db.unregister("batch_documents")
                # the kept answers of the dyads the batch adds to; all of them, if those
                # kept were not current (a new table, another relata's) and the counts are
                if answered:
                    self._answer(self._db.execute(f"SELECT DISTINCT dyad FROM {rows}")
                                 .fetchnumpy()["dyad"].tolist())
                elif self.dyads_counted():
                    self._answer(None)
                self._db.unregister("batch_events")
            if signatures:
                self._insert("doc_signatures", ("doc_id", "signature", "shingles"),
                             [(doc_id, values.tolist(), size)
                              for doc_id, values, size, _ in signatures])
                self._insert("doc_bands", ("band_key", "doc_id"),
                             [(key, doc_id) for doc_id, _, _, keys in signatures
                              for key in keys])
            self._insert_copies(copies)
        return len(keep)

    def _stories(self, events: Sequence[Event]) -> dict[str, str]:
        """Each new event's story id: the story of a stored event (or of one before it in
        the batch) that reports the same event, else its own id (relata.stories). Read in
        the writing transaction: what it finds is what the batch is stored beside."""
        import pandas as pd

        reports = [(e, key) for e in events if (key := story_key(
            e.date, _side(e.source), _side(e.target), e.cameo, e.modality, e.symmetric))]
        if not reports:
            return {}
        keys = pd.DataFrame(sorted({(" ".join(sorted(key[1])), key[0]) for _, key in reports}),
                            columns=["dyad", "date"])
        self._db.register("batch_story_keys", keys)
        try:
            stored = self._db.execute(STORY_CANDIDATES).fetchall()
        finally:
            self._db.unregister("batch_story_keys")
        earlier = []
        for (event_id, story_id, doc_id, date, source, target, cameo, modality, mutual,
             place, source_text, target_text, trigger_text, sentence) in stored:
            key = story_key(date, source, target, cameo, modality, mutual)
            if key is not None:
                earlier.append(Report(event_id, story_id, doc_id, key, place, content_words(
                    sentence, (source_text, target_text, trigger_text))))
        new = [Report(e.id, e.id, e.doc_id, key, e.location.name if e.location else None,
                      content_words(e.sentence.text, (
                          e.source_span and e.source_span.text,
                          e.target_span and e.target_span.text, e.trigger.text)))
               for e, key in reports]
        return assign(new, earlier)

    def _insert_copies(self, copies: Sequence[Copy]) -> None:
        self._insert("copies", ("doc_id", "original_id", "similarity", "origin", "url",
                                "outlet", "title", "date"),
                     [(c.document.id, c.original, c.similarity, c.document.origin,
                       c.document.url, c.document.source, c.document.title, c.document.date)
                      for c in copies])

    def _insert(self, table: str, columns: Sequence[str], rows: list[tuple]) -> pd.DataFrame | None:
        if not rows:
            return None
        import pandas as pd

        frame = pd.DataFrame(rows, columns=list(columns))
        names = ", ".join(f'"{c}"' for c in columns)
        self._db.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM frame")
        return frame

    def sort_dyads(self, *, force: bool = False) -> bool:
        """Put the dyads appended since the last time in order, if they are more than a
        tenth of them (or `force`): dyad series read fast from a table in dyad order.
        Ingest calls it at the end of a run. True if it sorted."""
        total, done = self._db.execute(
            "SELECT (SELECT count(*) FROM dyad_events), (SELECT max(rows) FROM "
            "dyad_events_sorted)").fetchone()
        if not force and total - done <= UNSORTED_SHARE * total:
            return False
        with self._transaction():
            self._db.execute("CREATE OR REPLACE TABLE dyad_events AS "
                             f"SELECT * FROM dyad_events {DYAD_ORDER}")
            self._db.execute("UPDATE dyad_events_sorted SET rows = ?", [total])
            answered = self.dyads_answered()
            self._aggregate()  # the rows appended by each batch, summed and in order
            if not answered:  # (if they were, the same counts give the same answers)
                self._answer(None)
        return True

    def aggregate_dyads(self) -> None:
        """Count the dyads' series per period again from dyad_events (store.schema): for a
        database whose events were written other than by `write` (a benchmark's SQL)."""
        with self._transaction():
            self._aggregate()
            self._answer(None)

    def _aggregate(self) -> None:
        for table, rows in zip(("dyad_stories", "dyad_documents"), aggregates("dyad_events"),
                               strict=True):
            self._db.execute(f"DELETE FROM {table}")
            self._db.execute(f"INSERT INTO {table} {rows} {AGGREGATE_ORDER}")
        self._db.execute("DELETE FROM dyad_latest")
        self._db.execute("INSERT INTO dyad_latest "
                         f"{latest_stories('dyad_events', 'documents', kept=False)} "
                         "ORDER BY dyad, modality")
        self._db.execute("UPDATE dyad_aggregated SET rows = (SELECT count(*) FROM dyad_events)")

    def _answer(self, dyads: list[str] | None) -> None:
        """Keep the answers of `dyads` (None: all) to the dashboard's question (store.schema:
        dyad_answers), from the counts, which are current; then all the answers kept are."""
        import pandas as pd

        from ..relations.answers import ANSWER_FORMAT, answers

        found = pd.DataFrame(answers(self, dyads), columns=["dyad", "answer"], dtype=object)
        if dyads is None:
            self._db.execute("DELETE FROM dyad_answers")
        else:
            self._db.execute("DELETE FROM dyad_answers WHERE list_contains($dyads, dyad)",
                             {"dyads": dyads})
        self._db.register("batch_answers", found)
        try:
            self._db.execute("INSERT INTO dyad_answers SELECT dyad, answer FROM batch_answers "
                             "ORDER BY dyad")
        finally:
            self._db.unregister("batch_answers")
        self._db.execute("UPDATE dyad_answered SET rows = (SELECT max(rows) FROM "
                         "dyad_aggregated), format = $format", {"format": ANSWER_FORMAT})

    # reading

    def dyads_answered(self) -> bool:
        """Whether dyad_answers holds the current answers to the dashboard's question, made
        by this relata (store.schema: ANSWERED; relata.relations.answers)."""
        if self.answered is not None:
            return self.answered
        from ..relations.answers import ANSWER_FORMAT

        return bool(self._db.execute(f"SELECT {ANSWERED}", {"format": ANSWER_FORMAT})
                    .fetchall()[0][0])

    def dyad_answer(self, dyad: str) -> str | None:
        """The kept answer of the dyad `dyad` (its key, `AZE RUS`), if there is one: check
        `dyads_answered` first."""
        found = self._db.execute("SELECT answer FROM dyad_answers WHERE dyad = $dyad",
                                 {"dyad": dyad}).fetchall()
        return found[0][0] if found else None

    def dyads_counted(self) -> bool:
        """Whether the dyads' counts per period (store.schema: dyad_stories, dyad_documents)
        count every row of dyad_events: not when something other than `write` (a
        benchmark's SQL, a test) wrote it since `aggregate_dyads`."""
        if self.counted is not None:
            return self.counted
        return bool(self._db.execute(f"SELECT {COUNTED}").fetchall()[0][0])

    def documents(self, limit: int | None = None, *, q: str | None = None,
                  offset: int = 0) -> pd.DataFrame:
        """Stored documents, newest publication date first, with their mention counts.
        `q`: only those whose title, origin or text contains it, in any case (a plain
        substring: no wildcards, so `%` and `_` match themselves)."""
        return self._db.execute(
            """SELECT d.id, d.date, d.lang, d.status, d.note, d.chars,
                      (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,
                      (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,
                      d.title, d.outlet, d.url, d.origin
               FROM documents d
               WHERE $q IS NULL OR contains(lower(coalesce(d.title, '')), $q)
                     OR contains(lower(d.origin), $q) OR contains(lower(d.text), $q)
               ORDER BY d.date DESC NULLS LAST, d.origin, d.id LIMIT $limit OFFSET $offset""",
            {"q": q.lower() if q else None, "limit": limit, "offset": offset},
        ).df()

    def mentions(self, limit: int | None = None, kind: str | None = None) -> pd.DataFrame:
        """Stored mentions in document order, with their document's date and origin; `kind`
        one of MENTION_KINDS, in any case."""
        kind = choose(kind, MENTION_KINDS, "kind")
        return self._db.execute(
            """SELECT m.doc_id, d.date, m.kind, m.text, m.normal, m.start_char, m.end_char,
                      m.actor_code, m.actor_name, d.origin
               FROM mentions m JOIN documents d ON d.id = m.doc_id
               WHERE ? IS NULL OR m.kind = ?
               ORDER BY d.date NULLS LAST, d.origin, m.start_char LIMIT ?""",
            [kind, kind, limit],
        ).df()

    def events(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        type: str | None = None,
        modality: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
        doc_id: str | None = None,
        story_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Stored events, oldest first. `source` and `target` match an actor code (`RUSMIL`)
        or a country (`RUS`), either way round for a mutual act; dates are inclusive;
        `min_confidence` leaves out events whose sides were partly guessed (0.6). The spans
        (`*_start`, `*_end`) are char offsets into the document's text. `type` and `modality`
        are read in any case; an unknown one is a FilterError, not an empty answer.
        Each event has its `story_id` (relata.stories: the first event stored of those that
        report the same event), and its story's `num_articles` and `num_sources` (GDELT's
        NumArticles, NumSources); `story_id` lists the events of one story: its evidence
        sentences, one an article."""
        type = choose(type, EVENT_TYPES, "type")
        modality = choose(modality, MODALITIES, "modality")
        members = ("SELECT story_id, id AS event_id, doc_id FROM events "
                   "WHERE story_id IN (SELECT story_id FROM page)")
        return self._db.execute(
            f"""WITH page AS (
               SELECT e.date, e.type, e.mode, e.cameo, e.quad_class, e.goldstein, e.modality,
                      e.source_code, e.source_name, e.source_text,
                      e.target_code, e.target_name, e.target_text,
                      e.trigger_text, e.attribution, e.location_name, e.location_country,
                      substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)
                          AS sentence,
                      e.confidence, e.id, e.doc_id, d.origin,
                      e.location_lat, e.location_lon,
                      e.sentence_start, e.sentence_end, e.source_start, e.source_end,
                      e.trigger_start, e.trigger_end, e.target_start, e.target_end,
                      e.mutual AS symmetric, e.story_id
               FROM events e JOIN documents d ON d.id = e.doc_id
               WHERE (($source IS NULL OR e.source_code = $source OR e.source_country = $source)
                      AND ($target IS NULL OR e.target_code = $target
                           OR e.target_country = $target)
                      -- a mutual act is the other side's act too
                      OR e.mutual
                      AND ($source IS NULL OR e.target_code = $source
                           OR e.target_country = $source)
                      AND ($target IS NULL OR e.source_code = $target
                           OR e.source_country = $target))
                 AND ($type IS NULL OR e.type = $type)
                 AND ($modality IS NULL OR e.modality = $modality)
                 AND ($since IS NULL OR e.date >= $since)
                 AND ($until IS NULL OR e.date <= $until)
                 AND ($min_confidence IS NULL OR e.confidence >= $min_confidence - 1e-9)
                 AND ($doc_id IS NULL OR e.doc_id = $doc_id)
                 AND ($story_id IS NULL OR e.story_id = $story_id)
               ORDER BY e.date NULLS LAST, d.origin, e.trigger_start, e.id
               LIMIT $limit OFFSET $offset)
               SELECT page.*, r.articles AS num_articles, r.sources AS num_sources
               FROM page JOIN ({reports_sql(members)}) r USING (story_id)
               ORDER BY page.date NULLS LAST, page.origin, page.trigger_start, page.id""",
            {"source": source, "target": target, "type": type, "modality": modality,
             "since": since, "until": until, "min_confidence": min_confidence,
             "doc_id": doc_id, "story_id": story_id, "limit": limit, "offset": offset},
        ).df()

    def document(self, doc_id: str) -> dict | None:
        """One stored document with its text, or None."""
        cursor = self._db.execute(
            """SELECT id, external_id, origin, url, outlet, title, author, date, lang, status,
                      note, body_start, chars, text
               FROM documents WHERE id = ?""", [doc_id])
        row = cursor.fetchone()
        return None if row is None else dict(zip([c[0] for c in cursor.description], row,
                                                 strict=True))

    def query(self, sql: str, params: dict | None = None) -> pd.DataFrame:
        """A parameterised read query of the library's own (relations, analysis)."""
        return self._db.execute(sql, params or {}).df()

    def arrays(self, sql: str, params: dict | None = None) -> dict[str, np.ndarray]:
        """`query` as one numpy array a column (NULLs masked, dates as datetime64), without
        pandas: what the dyad and trends commands read."""
        return self._db.execute(sql, params or {}).fetchnumpy()

    def read_only_query(self, sql: str, limit: int) -> tuple[pd.DataFrame, bool]:
        """Any query of the user's, on a connection that cannot change the database
        (`relata sql`): its first `limit` rows, and whether there were more. A query that
        fails is a StoreError with DuckDB's reason."""
        import duckdb
        import pandas as pd

        cursor = self._exports
        try:
            cursor.execute(sql)
            rows = cursor.fetchmany(limit + 1) if cursor.description else []
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: the query failed: {e}", "the query failed") from None
        columns = [c[0] for c in cursor.description or ()]
        return pd.DataFrame(rows[:limit], columns=columns), len(rows) > limit

    def schema(self) -> list[str]:
        """The CREATE statements of the database's tables and views, by name."""
        return [row[0] for row in self._db.execute(
            "SELECT sql FROM duckdb_tables() WHERE NOT internal AND NOT temporary "
            "UNION ALL SELECT sql FROM duckdb_views() WHERE NOT internal AND NOT temporary "
            "ORDER BY 1").fetchall()]

    def copy(self, select: str, path: Path, options: str, params: list | None = None) -> int:
        """`COPY (select) TO path (options)`: DuckDB writes the rows as it reads them, in
        bounded memory. Returns the number of rows written."""
        quoted = str(path).replace("'", "''")
        written = self._exports.execute(
            f"COPY ({select}) TO '{quoted}' ({options})", params or []).fetchall()
        return int(written[0][0]) if written else 0

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """A data frame as a view that `copy` can read (read-only databases too)."""
        self._exports.register(name, frame)

    @functools.cached_property
    def _exports(self) -> duckdb.DuckDBPyConnection:
        """A cursor of its own for exports: its views stay out of the main connection."""
        return self._db.cursor()

    def counts(self) -> dict[str, int]:
        return {
            table: self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "mentions", "events")
        }


class _Transaction:
    """BEGIN … COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included)."""

    def __init__(self, db: duckdb.DuckDBPyConnection):
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN TRANSACTION")

    def __exit__(self, kind, error, traceback) -> None:
        self._db.execute("COMMIT" if kind is None else "ROLLBACK")


def open_store(path: str | Path = DEFAULT_PATH, *, write: bool = False,
               read_only: bool | None = None, wait: float = LOCK_WAIT) -> Store:
    """The database at `path`, read-only unless `write=True` (which creates it if need
    be). DuckDB lets one process write a file and no other open it meanwhile: a notebook
    that only reads does not lock `relata ingest` or `relata serve` out for longer than
    it holds the store. `read_only` is the older spelling (`read_only=False` is
    `write=True`). `wait`: seconds to wait for another process, then StoreBusyError."""
    if read_only is not None:
        write = not read_only
    return Store(path, read_only=not write, wait=wait)


def connect(path: Path, *, read_only: bool, wait: float = LOCK_WAIT
            ) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the file, after up to `wait` seconds while another process
    has it open; `StoreBusyError` after that, `StoreError` if it cannot be opened."""
    import duckdb

    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as e:
            if HELD_ELSEWHERE not in str(e):
                raise StoreError(f"{path}: cannot open the database: {e}") from None
            if time.monotonic() >= deadline:
                raise _busy(path, str(e)) from None
        time.sleep(0.05)


def _busy(path: Path, duckdb_message: str) -> StoreBusyError:
    # DuckDB names the process: `Conflicting lock is held in /usr/bin/python3 (PID 123)`
    holder = re.search(r"held in (.+? \(PID \d+\))", duckdb_message)
    who = f" ({holder[1]})" if holder else ""
    return StoreBusyError(
        f"{path}: in use by another process{who}: DuckDB lets one process write a database "
        "and no other open it meanwhile; try again when it has finished",
        "the database is in use by another process (such as `relata ingest`); try again "
        "when it has finished")
