"""`relata export`, `relata sql` and `relata schema` on a database of examples/."""

import json

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from relata.cli import cli
from relata.errors import RelataError
from relata.export import GDELT_COLUMNS, export, fips_codes

# GDELT 2.0 event codebook (GDELT-Event_Codebook-V2.0), the 61 columns in order: what
# scripts written for GDELT's `*.export.CSV` files name them.
CODEBOOK = """GlobalEventID Day MonthYear Year FractionDate Actor1Code Actor1Name
Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code Actor2Code Actor2Name
Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode
EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles
AvgTone Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code
Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID Actor2Geo_Type
Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName
ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long
ActionGeo_FeatureID DATEADDED SOURCEURL""".split()  # noqa: SIM905 (read as the codebook prints it)
INTEGERS = {"GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass",
            "NumMentions", "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type",
            "ActionGeo_Type", "DATEADDED"}
FLOATS = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
          "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}


def _events(db, where: str = "true") -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT * FROM events WHERE {where} ORDER BY id").df()


def test_gdelt_columns_are_the_codebooks():
    assert [name for name, _ in GDELT_COLUMNS] == CODEBOOK
    assert {n for n, kind in GDELT_COLUMNS if kind == "INTEGER"} == INTEGERS
    assert {n for n, kind in GDELT_COLUMNS if kind == "FLOAT"} == FLOATS


def test_gdelt_export_reads_with_a_gdelt_readers_column_list(examples_db, tmp_path):
    done = export(examples_db, "gdelt", tmp_path / "events.export.CSV")
    frame = pd.read_csv(done.path, sep="\t", header=None, names=CODEBOOK,
                        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    factual = _events(examples_db, "modality = 'factual' AND date IS NOT NULL")
    assert len(frame) == len(factual) == done.rows["events"] > 0
    for column in INTEGERS:
        assert pd.api.types.is_integer_dtype(frame[column]), column
    for column in FLOATS - {"AvgTone"}:
        assert pd.api.types.is_numeric_dtype(frame[column]), column
    row = frame.iloc[0]
    assert row.EventCode.startswith(row.EventBaseCode) and row.EventBaseCode.startswith(
        row.EventRootCode)
    assert str(row.Day).startswith(str(row.MonthYear)) and str(row.Day)[:4] == str(row.Year)
    assert frame.GlobalEventID.is_unique
    assert set(frame.Actor1Code) <= set(factual.source_code)
    assert set(frame.EventCode) == set(factual.cameo)
    located = frame[frame.ActionGeo_Type > 0]
    assert located.ActionGeo_CountryCode.notna().all()  # FIPS, e.g. Russia is RS
    assert set(located.ActionGeo_CountryCode) <= set(fips_codes().fips)


def test_gdelt_leaves_out_what_did_not_happen_and_says_so(examples_db, tmp_path):
    done = export(examples_db, "gdelt", tmp_path / "g.csv")
    others = len(_events(examples_db, "modality <> 'factual'"))
    assert done.left_out.get("modality", 0) == others
    every = export(examples_db, "gdelt", tmp_path / "all.csv",
                   modalities=("factual", "intended", "predicted", "negated", "threatened",
                               "hypothetical"))
    assert every.rows["events"] == len(_events(examples_db, "date IS NOT NULL"))


def test_fips_codes_are_unique_two_letter_codes():
    codes = fips_codes()
    assert codes.iso3.is_unique and codes.fips.is_unique
    table = dict(zip(codes.iso3, codes.fips, strict=True))
    assert (table["RUS"], table["UKR"], table["AZE"], table["DEU"], table["GBR"]) == (
        "RS", "UP", "AJ", "GM", "UK")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_folder_formats_hold_every_row(examples_db, tmp_path, fmt):
    done = export(examples_db, fmt, tmp_path / "out")
    with duckdb.connect(str(examples_db), read_only=True) as con:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("events", "mentions", "documents")}
    assert done.rows == counts and counts["events"] > 0
    reader = {"parquet": "read_parquet('{}/**/*.parquet', hive_partitioning = true)",
              "csv": "read_csv('{}.csv')", "jsonl": "read_json('{}.jsonl')"}[fmt]
    for table, n in counts.items():
        frame = duckdb.sql("SELECT * FROM " + reader.format(done.path / table)).df()
        assert len(frame) == n
        assert not {"start", "end", "source"} & set(frame.columns)  # no reserved words,
        # no outlet called `source` beside the actors' `source_*`
    mentions = duckdb.sql("SELECT * FROM " + reader.format(done.path / "mentions")).df()
    assert {"start_char", "end_char"} <= set(mentions.columns)


def test_parquet_round_trips_through_pandas(examples_db, tmp_path):
    done = export(examples_db, "parquet", tmp_path / "out", tables=["events"])
    frame = pd.read_parquet(done.path / "events")
    stored = _events(examples_db)
    assert sorted(frame.id) == sorted(stored.id)
    assert set(frame.month.astype(str)) == {
        d.strftime("%Y-%m") if pd.notna(d) else "undated" for d in stored.date}
    mine = frame.set_index("id").loc[stored.id]
    assert list(mine.trigger_text) == list(stored.trigger_text)
    assert list(mine.goldstein) == list(stored.goldstein)
    # the evidence sentence is in the export, and it is the stored text at its offsets
    assert all(trigger in sentence for trigger, sentence in zip(
        mine.trigger_text, mine.sentence, strict=True))


def test_plover_records(examples_db, tmp_path):
    done = export(examples_db, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in done.path.read_text().splitlines()]
    assert len(records) == done.rows["events"] > 0
    record = records[0]
    assert {"id", "date", "actor", "recipient", "event", "event_text", "quad_code",
            "event_scale", "text", "cite_info", "cameo", "modality"} <= set(record)
    assert record["event"][0] in {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT",
                                  "CONCEDE", "INVESTIGATE", "REQUEST", "ACCUSE", "REJECT",
                                  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
                                  "ASSAULT"}
    assert record["actor"][0]["code"] and record["event_text"][0] in record["text"]


def test_an_existing_output_is_kept_unless_replaced(examples_db, tmp_path):
    output = tmp_path / "events.csv"
    output.write_text("mine")
    with pytest.raises(RelataError, match="already exists"):
        export(examples_db, "gdelt", output)
    assert output.read_text() == "mine"
    export(examples_db, "gdelt", output, replace=True)
    assert output.read_text() != "mine"


def test_a_failed_export_leaves_nothing_behind(tmp_path):
    with pytest.raises(RelataError, match="no such database"):
        export(tmp_path / "missing.duckdb", "parquet", tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_cli_export_sql_and_schema(examples_db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["export", "--db", str(examples_db), "--format", "GDELT",
                                 "--output", str(tmp_path / "g.csv")])
    assert result.exit_code == 0, result.output
    assert "events" in result.stderr
    result = runner.invoke(cli, ["sql", "SELECT type, count(*) AS n FROM events GROUP BY type",
                                 "--db", str(examples_db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert sum(json.loads(line)["n"] for line in result.stdout.splitlines()) == len(
        _events(examples_db))
    result = runner.invoke(cli, ["sql", "DELETE FROM events", "--db", str(examples_db)])
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert len(_events(examples_db)) > 0
    result = runner.invoke(cli, ["schema", "--db", str(examples_db)])
    assert result.exit_code == 0 and "CREATE TABLE events" in result.stdout


def test_gdelt_counts_the_copies_of_an_article(tmp_path, pipeline):
    from relata import ingest, open_store

    from conftest import FOUNDING, write

    body = FOUNDING.read_text(encoding="utf-8").split("\n\n", 1)[1]
    write(tmp_path / "in" / "a.jsonl",
          json.dumps({"text": body, "date": "2025-08-07", "source": "minval.az"},
                     ensure_ascii=False) + "\n"
          + json.dumps({"text": "Баку, 7 августа — Trend. " + body, "date": "2025-08-07",
                        "source": "trend.az"}, ensure_ascii=False) + "\n")
    db = tmp_path / "r.duckdb"
    with open_store(db, write=True) as store:
        report = ingest(store, [tmp_path / "in"], pipeline=pipeline)
    assert (report.stored, report.copies) == (1, 1)
    done = export(db, "gdelt", tmp_path / "g.csv")
    frame = pd.read_csv(done.path, sep="\t", header=None, names=CODEBOOK)
    assert len(frame) > 0
    assert set(frame.NumArticles) == {2} and set(frame.NumSources) == {2}
