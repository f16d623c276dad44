"""A relata database written out for the tools analysts already use.

- `parquet`: a folder per table (events, mentions, documents), Hive-partitioned by the
  month of the document (`events/month=2025-08/data_0.parquet`; `month=undated` for
  documents without a date), read back by DuckDB, pandas, Polars, Spark or R's arrow;
- `csv`, `jsonl`: one file per table in a folder;
- `gdelt`: GDELT 2.0's event table, its 61 columns in the codebook's order, tab-separated
  and without a header as GDELT's `*.export.CSV` files are, so scripts written for GDELT
  read it unchanged;
- `plover`: PLOVER's JSON records (JSON Lines), one an event.

Column names are the same in every format, and the store's (schema version 9): no
reserved word of SQL (`start_char`, `end_char`, not `start`, `end`), and the outlet is
`outlet`, never `source`, which names an event's doer. DuckDB writes every file (nothing
is held in memory), into a temporary name beside the output that is renamed when all is
written: an export that fails leaves no half-written output behind.
"""

from __future__ import annotations

import csv
import functools
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import RelataError
from .store import open_store
from .stories import reports_sql

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMATS", "GDELT_COLUMNS", "TABLES", "Export", "export"]

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
TABLES = ("events", "mentions", "documents")
FOLDER_FORMATS = ("parquet", "csv", "jsonl")  # one file (or folder) per table

# GDELT 2.0 event table: the codebook's columns in order, with their types.
GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GlobalEventID", "INTEGER"), ("Day", "INTEGER"), ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"), ("FractionDate", "FLOAT"),
    *((f"Actor{n}{name}", "STRING") for n in (1, 2) for name in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    ("IsRootEvent", "INTEGER"), ("EventCode", "STRING"), ("EventBaseCode", "STRING"),
    ("EventRootCode", "STRING"), ("QuadClass", "INTEGER"), ("GoldsteinScale", "FLOAT"),
    ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"), ("NumArticles", "INTEGER"),
    ("AvgTone", "FLOAT"),
    *((f"{geo}Geo_{name}", kind) for geo in ("Actor1", "Actor2", "Action") for name, kind in (
        ("Type", "INTEGER"), ("FullName", "STRING"), ("CountryCode", "STRING"),
        ("ADM1Code", "STRING"), ("ADM2Code", "STRING"), ("Lat", "FLOAT"), ("Long", "FLOAT"),
        ("FeatureID", "STRING"))),
    ("DATEADDED", "INTEGER"), ("SOURCEURL", "STRING"),
)

_MONTH = "coalesce(strftime(d.date, '%Y-%m'), 'undated')"
_OUTLET = "d.outlet"
_SELECT = {
    "documents": f"""SELECT d.id, d.external_id, d.origin, d.url, {_OUTLET}, d.title, d.date,
        d.lang, d.status, d.note, d.body_start, d.chars, d.text, d.ingested_at,
        {_MONTH} AS month
        FROM documents d ORDER BY d.date, d.id""",
    "mentions": f"""SELECT m.doc_id, m.start_char, m.end_char, m.text,
        m.kind, m.normal, m.actor_code, m.actor_country, m.actor_sector, m.actor_name,
        m.actor_id, {_MONTH} AS month
        FROM mentions m JOIN documents d ON d.id = m.doc_id ORDER BY m.doc_id, m.start_char""",
    "events": f"""SELECT e.* EXCLUDE (mutual), e.mutual AS symmetric_act,
        substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,
        d.url AS document_url, {_OUTLET}, {_MONTH} AS month,
        reports.articles AS num_articles, reports.sources AS num_sources
        FROM events e JOIN documents d ON d.id = e.doc_id
        -- the story's articles and outlets, as GDELT's NumArticles and NumSources
        LEFT JOIN ({reports_sql("SELECT story_id, id AS event_id, doc_id FROM events")})
            reports ON reports.story_id = e.story_id
        ORDER BY e.date, e.doc_id, e.trigger_start""",
}


@dataclass(frozen=True, slots=True)
class Export:
    """What was written: the output, the rows of each table, and the events left out."""

    path: Path
    format: str
    rows: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, int] = field(default_factory=dict)  # reason → events


class ExportError(RelataError):
    """The export cannot be written as asked."""


def export(db: str | Path, fmt: str, output: str | Path, *,
           tables: Sequence[str] = TABLES, modalities: Sequence[str] | None = None,
           replace: bool = False) -> Export:
    """Write the database `db` to `output` in `fmt` (one of FORMATS).

    `tables`: which of events, mentions, documents (the folder formats only).
    `modalities`: the events' modalities to write; default all of them, except for
    `gdelt`, whose users count every row as something that happened: factual only.
    `replace`: overwrite an existing output; without it, an existing output is an error.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    unknown = sorted(set(tables) - set(TABLES))
    if unknown or not tables:
        raise ExportError(f"unknown table {', '.join(unknown) or '(none)'}: one or more of "
                          f"{', '.join(TABLES)}")
    output = Path(output)
    if output.exists() and not replace:
        raise ExportError(f"{output}: already exists (give --replace to overwrite it)")
    if not output.parent.is_dir():
        raise ExportError(f"{output.parent}: no such folder")
    if modalities is None and fmt == "gdelt":
        modalities = ("factual",)
    partial = output.with_name(f".{output.name}.partial-{os.getpid()}")
    _remove(partial)
    try:
        with open_store(db, read_only=True) as store:
            if fmt in FOLDER_FORMATS:
                partial.mkdir()
                rows = {table: _write_table(store, table, fmt, partial, modalities)
                        for table in tables}
                left_out: dict[str, int] = {}
            elif fmt == "gdelt":
                rows, left_out = _write_gdelt(store, partial, modalities)
            else:
                rows, left_out = _write_plover(store, partial, modalities)
        _remove(output)
        partial.rename(output)
    except BaseException:
        _remove(partial)
        raise
    return Export(output, fmt, rows, left_out)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _modality_filter(modalities: Sequence[str] | None, alias: str = "e") -> tuple[str, list]:
    if modalities is None:
        return "", []
    return f" AND {alias}.modality IN (SELECT unnest(?))", [list(modalities)]


def _write_table(store, table: str, fmt: str, folder: Path,
                 modalities: Sequence[str] | None) -> int:
    select = _SELECT[table]
    params: list = []
    if table == "events" and modalities is not None:
        condition, params = _modality_filter(modalities)
        select = select.replace(" ORDER BY e.date", f" WHERE true{condition} ORDER BY e.date")
    if fmt == "parquet":
        target, options = folder / table, "FORMAT parquet, PARTITION_BY (month)"
    elif fmt == "csv":
        target, options = folder / f"{table}.csv", "FORMAT csv, HEADER true"
        select = f"SELECT * EXCLUDE (month) FROM ({select})"
    else:
        target, options = folder / f"{table}.jsonl", "FORMAT json"
        select = f"SELECT * EXCLUDE (month) FROM ({select})"
    return store.copy(select, target, options, params)


@functools.cache
def fips_codes() -> pd.DataFrame:
    """ISO 3166 alpha-3 → FIPS 10-4, the country codes of GDELT's geography columns."""
    import pandas as pd

    path = Path(__file__).parent / "places" / "data" / "fips10-4.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    seen: dict[str, set[str]] = {"iso3": set(), "fips": set()}
    for n, row in enumerate(rows, 2):
        for column, size in (("iso3", 3), ("fips", 2)):
            value = row.get(column) or ""
            if len(value) != size or not value.isascii() or not value.isupper():
                raise ExportError(f"{path}: row {n}: {column} {value!r} is not {size} "
                                  "capital letters")
            if value in seen[column]:
                raise ExportError(f"{path}: row {n}: {column} {value} appears twice")
            seen[column].add(value)
    return pd.DataFrame({"iso3": [r["iso3"] for r in rows], "fips": [r["fips"] for r in rows]})


def _clean(column: str) -> str:
    """A text column as GDELT writes it: no tab or line break inside a field."""
    return f"regexp_replace({column}, '[\\t\\r\\n]+', ' ', 'g')"


def _actor_columns(side: str, n: int) -> str:
    return f""",
        e.{side}_code AS Actor{n}Code, {_clean(f'e.{side}_name')} AS Actor{n}Name,
        e.{side}_country AS Actor{n}CountryCode,
        CASE WHEN e.{side}_country IS NULL THEN e.{side}_code END AS Actor{n}KnownGroupCode,
        NULL::VARCHAR AS Actor{n}EthnicCode, NULL::VARCHAR AS Actor{n}Religion1Code,
        NULL::VARCHAR AS Actor{n}Religion2Code, e.{side}_sector AS Actor{n}Type1Code,
        NULL::VARCHAR AS Actor{n}Type2Code, NULL::VARCHAR AS Actor{n}Type3Code"""


def _no_geo(name: str) -> str:
    return f""",
        0 AS {name}Geo_Type, NULL::VARCHAR AS {name}Geo_FullName,
        NULL::VARCHAR AS {name}Geo_CountryCode, NULL::VARCHAR AS {name}Geo_ADM1Code,
        NULL::VARCHAR AS {name}Geo_ADM2Code, NULL::DOUBLE AS {name}Geo_Lat,
        NULL::DOUBLE AS {name}Geo_Long, NULL::VARCHAR AS {name}Geo_FeatureID"""


# The first paragraph of a document's body: where GDELT's IsRootEvent looks.
_LEAD_END = ("d.body_start + coalesce(nullif(instr(substr(d.text, d.body_start + 1), "
             "chr(10) || chr(10)), 0), d.chars)")
_GDELT = f"""SELECT
        ('0x' || substr(e.id, 1, 15))::BIGINT AS GlobalEventID,
        strftime(e.date, '%Y%m%d')::INTEGER AS Day,
        strftime(e.date, '%Y%m')::INTEGER AS MonthYear, year(e.date) AS Year,
        round(year(e.date) + dayofyear(e.date) / 365.0, 4) AS FractionDate
        {_actor_columns('source', 1)} {_actor_columns('target', 2)},
        CASE WHEN e.sentence_start < {_LEAD_END} THEN 1 ELSE 0 END AS IsRootEvent,
        e.cameo AS EventCode, substr(e.cameo, 1, 3) AS EventBaseCode,
        substr(e.cameo, 1, 2) AS EventRootCode, e.quad_class AS QuadClass,
        e.goldstein AS GoldsteinScale,
        reports.mentions AS NumMentions, reports.sources AS NumSources,
        reports.articles AS NumArticles,
        NULL::DOUBLE AS AvgTone
        {_no_geo('Actor1')} {_no_geo('Actor2')},
        CASE WHEN e.location_name IS NULL
                  OR (e.location_country IS NULL AND e.location_lat IS NULL) THEN 0
             WHEN e.location_lat IS NULL OR country.name IS NOT NULL THEN 1 ELSE 4 END
            AS ActionGeo_Type,
        {_clean('e.location_name')} AS ActionGeo_FullName, f.fips AS ActionGeo_CountryCode,
        f.fips AS ActionGeo_ADM1Code, NULL::VARCHAR AS ActionGeo_ADM2Code,
        e.location_lat AS ActionGeo_Lat, e.location_lon AS ActionGeo_Long,
        CASE WHEN country.name IS NOT NULL THEN f.fips END AS ActionGeo_FeatureID,
        strftime(d.ingested_at, '%Y%m%d%H%M%S')::BIGINT AS DATEADDED,
        {_clean('coalesce(d.url, d.origin)')} AS SOURCEURL
    FROM events e JOIN documents d ON d.id = e.doc_id
    -- the articles that report the event's story: its events' documents and their copies
    JOIN ({reports_sql("SELECT story_id, id AS event_id, doc_id FROM events")}) reports
        ON reports.story_id = e.id
    LEFT JOIN relata_fips f ON f.iso3 = e.location_country
    LEFT JOIN relata_country_names country ON country.name = e.location_name
    WHERE e.date IS NOT NULL AND e.cameo IS NOT NULL AND e.id = e.story_id{{condition}}
    ORDER BY e.date, e.doc_id, e.trigger_start"""


def _country_names() -> pd.DataFrame:
    """The gazetteer's names of countries: a location so named is a country (GDELT type 1)."""
    import pandas as pd

    path = Path(__file__).parent / "places" / "data" / "places.csv"
    with path.open(encoding="utf-8", newline="") as stream:
        names = {row["name"] for row in csv.DictReader(stream) if row["kind"] == "country"}
    return pd.DataFrame({"name": sorted(names)})


def _left_out(store, modalities: Sequence[str] | None) -> dict[str, int]:
    condition, params = _modality_filter(modalities)
    undated = store.query(f"SELECT count(*) AS n FROM events e WHERE e.date IS NULL{condition}",
                          params)["n"].iloc[0]
    other = 0
    if modalities is not None:
        other = store.query("SELECT count(*) AS n FROM events WHERE modality NOT IN "
                            "(SELECT unnest(?))", [list(modalities)])["n"].iloc[0]
    return {reason: int(n) for reason, n in (("no date", undated), ("modality", other)) if n}


def _reported_again(store, modalities: Sequence[str] | None) -> dict[str, int]:
    """The events left out of a table of one row a story: the second and later reports
    of an event (relata.stories), counted in its row's NumArticles and NumSources."""
    condition, params = _modality_filter(modalities)
    n = store.query("SELECT count(*) AS n FROM events e WHERE e.date IS NOT NULL AND "
                    f"e.id <> e.story_id{condition}", params)["n"].iloc[0]
    return {"reported in another row": int(n)} if n else {}


def _write_gdelt(store, target: Path, modalities: Sequence[str] | None
                 ) -> tuple[dict[str, int], dict[str, int]]:
    store.register("relata_fips", fips_codes())
    store.register("relata_country_names", _country_names())
    condition, params = _modality_filter(modalities)
    select = _GDELT.replace("{condition}", condition)
    rows = store.copy(select, target, "FORMAT csv, DELIMITER '\t', HEADER false", params)
    return {"events": rows}, _left_out(store, modalities) | _reported_again(store, modalities)


def _plover_side(side: str) -> str:
    return (f"{{'raw_text': e.{side}_text, 'entity_name': e.{side}_name, "
            f"'code': e.{side}_code, 'country_code': e.{side}_country, "
            f"'sector_code': e.{side}_sector}}")


_PLOVER = f"""SELECT e.id, e.date,
        [{_plover_side('source')}] AS actor,
        CASE WHEN e.target_code IS NULL AND e.target_text IS NULL THEN []
             ELSE [{_plover_side('target')}] END AS recipient,
        [e.type] AS event,
        CASE WHEN e.mode IS NULL THEN [] ELSE [e.mode] END AS mode,
        CASE WHEN e.location_name IS NULL THEN NULL ELSE
            {{'resolved_place': e.location_name, 'lat': e.location_lat,
              'lon': e.location_lon, 'country_code': e.location_country}} END AS event_loc,
        [e.trigger_text] AS event_text,
        e.quad_class AS quad_code, e.goldstein AS event_scale,
        substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS text,
        {{'doc_id': e.doc_id, 'url': d.url, 'outlet': d.outlet, 'title': d.title,
          'sentence': [e.sentence_start, e.sentence_end],
          'trigger': [e.trigger_start, e.trigger_end]}} AS cite_info,
        'relata' AS coder, e.cameo, e.modality, e.mutual AS symmetric_act, e.confidence
    FROM events e JOIN documents d ON d.id = e.doc_id
    WHERE e.date IS NOT NULL{{condition}}
    ORDER BY e.date, e.doc_id, e.trigger_start"""


def _write_plover(store, target: Path, modalities: Sequence[str] | None
                  ) -> tuple[dict[str, int], dict[str, int]]:
    condition, params = _modality_filter(modalities)
    rows = store.copy(_PLOVER.replace("{condition}", condition), target, "FORMAT json", params)
    return {"events": rows}, _left_out(store, modalities)
