import datetime as dt

import duckdb
import pytest

from relata.errors import StoreError
from relata.records import Actor, Analysis, Document, Event, Location, Mention, Span
from relata.store import SCHEMA_VERSION, open_store


def analysis(text: str, **fields) -> Analysis:
    document = Document(id=f"id-{text}", text=text, origin=f"{text}.txt", lang="ru",
                        date=dt.date(2025, 8, 7))
    return Analysis(document, **fields)


def test_new_database_has_the_schema(tmp_path):
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        assert store.version == SCHEMA_VERSION
        assert store.counts() == {"documents": 0, "mentions": 0, "events": 0}


def test_reopening_does_not_migrate_again(tmp_path):
    path = tmp_path / "r.duckdb"
    open_store(path, write=True).close()
    open_store(path, write=True).close()
    with duckdb.connect(str(path)) as db:
        versions = db.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert versions == [(v,) for v in range(1, SCHEMA_VERSION + 1)]


def _version_1(path) -> None:
    """A database as relata wrote it at schema version 1, with a document and a mention."""
    from relata.store.schema import MIGRATIONS

    with duckdb.connect(str(path)) as db:
        db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                   "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
        for statement in MIGRATIONS[0].statements:
            db.execute(statement)
        db.execute("INSERT INTO schema_version (version) VALUES (1)")
        db.execute("INSERT INTO documents (id, origin, source, date, status, body_start, "
                   "chars, text) VALUES ('d1', 'a.txt', 'minval.az', DATE '2025-08-07', "
                   "'analysed', 0, 6, 'Москва')")
        db.execute('INSERT INTO mentions (doc_id, start, "end", text, kind) '
                   "VALUES ('d1', 0, 6, 'Москва', 'LOC')")


def _columns(path, table: str) -> list[str]:
    with duckdb.connect(str(path), read_only=True) as db:
        return [row[0] for row in db.execute(f"DESCRIBE {table}").fetchall()]


@pytest.mark.parametrize("write", [True, False])
def test_an_old_database_is_migrated(tmp_path, write):
    """A version-1 database gets every migration when opened, to be written or read: the
    attribution columns (2), the plain names of the outlet and a mention's span (9), its
    rows kept under them."""
    path = tmp_path / "r.duckdb"
    _version_1(path)
    with open_store(path, write=write) as store:
        assert store.version == SCHEMA_VERSION
        assert store.documents()[["id", "outlet"]].values.tolist() == [["d1", "minval.az"]]
        assert store.document("d1")["outlet"] == "minval.az"
        assert store.mentions()[["start_char", "end_char"]].values.tolist() == [[0, 6]]
    assert {"attribution_code", "attribution_start", "attribution_end"} <= set(
        _columns(path, "events"))
    documents, mentions = _columns(path, "documents"), _columns(path, "mentions")
    assert "outlet" in documents and "source" not in documents
    assert mentions[:3] == ["doc_id", "start_char", "end_char"]


def test_a_migration_that_fails_changes_nothing(tmp_path, monkeypatch):
    """Each migration is one transaction: one that fails half-way leaves the database at
    the version before it, its names as they were, and the next opening tries again."""
    from relata.store import store as store_module
    from relata.store.schema import MIGRATIONS, Migration

    path = tmp_path / "r.duckdb"
    _version_1(path)
    # the plain names' migration (9) fails after its renames
    at = next(i for i, m in enumerate(MIGRATIONS) if m.description.startswith("plain names"))
    renames = MIGRATIONS[at]
    failing = Migration(renames.version, renames.description,
                        (*renames.statements, "SELECT * FROM no_such_table"))
    monkeypatch.setattr(store_module, "MIGRATIONS",
                        (*MIGRATIONS[:at], failing, *MIGRATIONS[at + 1:]))
    with pytest.raises(duckdb.CatalogException, match="no_such_table"):
        open_store(path, write=True)
    with duckdb.connect(str(path), read_only=True) as db:
        assert db.execute("SELECT max(version) FROM schema_version").fetchone()[0] == \
            renames.version - 1
    assert "source" in _columns(path, "documents")
    assert _columns(path, "mentions")[:3] == ["doc_id", "start", "end"]
    monkeypatch.undo()
    with open_store(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.mentions()[["start_char", "end_char"]].values.tolist() == [[0, 6]]


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "r.duckdb"
    open_store(path, write=True).close()
    with duckdb.connect(str(path)) as db:
        db.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match="newer than this relata"):
        open_store(path, write=True)


@pytest.mark.parametrize("write", [True, False])
def test_a_relata_from_before_the_last_migration_refuses_the_database(tmp_path, monkeypatch,
                                                                      write):
    """A relata that knows only the migrations before the last (such as one from before the
    plain names) does not read or write a database at the newest version: its queries
    would name columns the database no longer has."""
    from relata.store import store as store_module
    from relata.store.schema import MIGRATIONS

    path = tmp_path / "r.duckdb"
    open_store(path, write=True).close()
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:-1])
    monkeypatch.setattr(store_module, "LATEST", MIGRATIONS[-2].version)
    with pytest.raises(StoreError, match=f"version {SCHEMA_VERSION} is newer than this "
                                         f"relata understands \\({SCHEMA_VERSION - 1}\\)"):
        open_store(path, write=write)


def test_no_column_needs_quoting(tmp_path):
    """No table's column is a reserved word of DuckDB's (`end` was), and the outlet is not
    `source`, the doer's prefix in events. The words DuckDB does not reserve (`date`,
    `type`, `text`) read unquoted and are kept."""
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        reserved = store.query(
            "SELECT c.table_name, c.column_name FROM duckdb_columns() c "
            "JOIN duckdb_keywords() k ON lower(c.column_name) = k.keyword_name "
            "WHERE NOT c.internal AND k.keyword_category <> 'unreserved'")
        documents = set(store.query("DESCRIBE documents")["column_name"])
    assert reserved.values.tolist() == []
    assert "outlet" in documents and "source" not in documents


def test_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_not_a_database(tmp_path):
    path = tmp_path / "r.duckdb"
    path.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(path, write=True)


def test_write_and_read_back(tmp_path):
    mention = Mention(0, 6, "Москва", "LOC", "Москва",
                      Actor("RUSGOV", "RUS", "GOV", "Россия", "rus"))
    stored = [
        analysis("Москва", mentions=(mention,)),
        analysis("Tbilisi", skipped="language en"),
    ]
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        assert store.write([*stored, analysis("x", failure="stage failed")]) == 2
        documents = store.documents()
        mentions = store.mentions()
        assert store.known(["id-Москва", "id-x", "id-other"]) == {"id-Москва"}
    by_origin = documents.set_index("origin")
    assert by_origin.loc["Москва.txt", ["status", "mentions"]].tolist() == ["analysed", 1]
    assert by_origin.loc["Tbilisi.txt", ["status", "note"]].tolist() == ["skipped", "language en"]
    row = mentions.iloc[0]
    assert (row["text"], row["normal"], row["actor_code"], row["start_char"],
            row["end_char"]) == ("Москва", "Москва", "RUSGOV", 0, 6)
    assert "outlet" in documents.columns and "source" not in documents.columns


def test_events_round_trip(tmp_path):
    text = "Армия РФ атаковала заправку SOCAR."
    event = Event(
        id="e1", doc_id="id-" + text, date=dt.date(2025, 8, 7),
        source=Actor("RUSMIL", "RUS", "MIL"), target=Actor("AZEBUS", "AZE", "BUS"),
        type="ASSAULT", mode="aerial", cameo="195", quad_class=4, goldstein=-10.0,
        modality="factual", trigger=Span(9, 18, "атаковала"), sentence=Span(0, 34, text),
        source_span=Span(0, 8, "Армия РФ"), target_span=Span(28, 33, "SOCAR"),
        location=Location("Житомирская область", "UKR", 50.25, 28.66),
    )
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        store.write([analysis(text, events=(event,))])
        assert store.counts()["events"] == 1
    with duckdb.connect(str(tmp_path / "r.duckdb")) as db:
        row = db.execute(
            "SELECT source_code, target_code, type, quad_class, trigger_start, trigger_end, "
            "target_text, location_country FROM events").fetchone()
    assert row == ("RUSMIL", "AZEBUS", "ASSAULT", 4, 9, 18, "SOCAR", "UKR")


def test_a_failed_write_leaves_nothing(tmp_path):
    """All tables of a batch are written in one transaction, or none is."""
    bad_event = Event(
        id="e1", doc_id="d", date=None, source=Actor("RUS"), target=None, type="ASSAULT",
        mode=None, cameo=None, quad_class=4, goldstein=None, modality="factual",
        trigger=Span(0, 1, "x"), sentence=Span(0, 1, "x"),
    )
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        with pytest.raises(duckdb.ConstraintException):  # the same event id twice
            store.write([analysis("a", events=(bad_event,)), analysis("b", events=(bad_event,))])
        assert store.counts() == {"documents": 0, "mentions": 0, "events": 0}
        assert store.write([analysis("a")]) == 1  # and the store is still usable


def _mutual(text: str, symmetric: bool) -> Analysis:
    event = Event(
        id=f"e-{symmetric}", doc_id="id-" + text, date=dt.date(2025, 8, 7),
        source=Actor("UKR", "UKR"), target=Actor("AZE", "AZE"), type="SUPPORT", mode=None,
        cameo="057", quad_class=1, goldstein=8.0, modality="factual",
        trigger=Span(0, 9, text[:9]), sentence=Span(0, len(text), text), symmetric=symmetric)
    return analysis(text, events=(event,))


@pytest.mark.parametrize(("symmetric", "ukr_aze", "aze_ukr", "directed_aze_ukr"), [
    (True, 1, 1, 1),  # a mutual act is either side's: found both ways, counted once
    (False, 1, 0, 0),
])
def test_a_mutual_act_is_found_either_way_and_counted_once(tmp_path, symmetric, ukr_aze,
                                                            aze_ukr, directed_aze_ukr):
    from relata.relations import dyad_series

    with open_store(tmp_path / "r.duckdb", write=True) as store:
        store.write([_mutual("Подписали соглашение.", symmetric)])
        assert len(store.events(source="UKR", target="AZE")) == ukr_aze
        assert len(store.events(source="AZE", target="UKR")) == aze_ukr
        assert bool(store.events()["symmetric"].iloc[0]) is symmetric
        assert sum(dyad_series(store, "AZE", "UKR", freq="D").table["events"]) == 1
        directed = dyad_series(store, "AZE", "UKR", freq="D", directed=True)
        assert sum(directed.table["events"]) == directed_aze_ukr


def test_filters_are_strict_and_read_any_case(examples_db):
    from relata.vocabulary import FilterError

    with open_store(examples_db) as store:
        assert len(store.events(type="assault")) == len(store.events(type="ASSAULT")) > 0
        assert len(store.events(modality="FACTUAL")) == len(store.events(modality="factual"))
        assert len(store.mentions(kind="per")) == len(store.mentions(kind="PER")) > 0
        for call, field in ((lambda: store.events(type="ASSALT"), "type"),
                            (lambda: store.events(modality="certain"), "modality"),
                            (lambda: store.mentions(kind="PERSON"), "kind")):
            with pytest.raises(FilterError, match=f"unknown {field}") as caught:
                call()
            assert caught.value.field == field


def test_the_vocabulary_is_the_ontologys():
    from relata.events.ontology import load_ontology
    from relata.vocabulary import EVENT_TYPES

    assert set(EVENT_TYPES) == set(load_ontology().types)


def test_a_side_no_dictionary_knows_is_stored_with_a_null_code(tmp_path):
    """`code: null` with the name kept (GDELT keeps such rows): the store takes it."""
    text = "Суд приговорил Ивана Петрова."
    event = Event(
        id="e1", doc_id="id-" + text, date=None,
        source=Actor(None, None, None, "Суд"), target=Actor(None, None, None, "Иван Петров"),
        type="ACCUSE", mode=None, cameo="116", quad_class=3, goldstein=-5.0,
        modality="factual", trigger=Span(4, 14, "приговорил"), sentence=Span(0, 28, text),
        source_span=Span(0, 3, "Суд"), target_span=Span(15, 27, "Ивана Петрова"),
    )
    with open_store(tmp_path / "r.duckdb", write=True) as store:
        store.write([analysis(text, events=(event,))])
        assert store.counts()["events"] == 1
    with duckdb.connect(str(tmp_path / "r.duckdb")) as db:
        row = db.execute("SELECT source_code, source_name, target_code, target_text "
                         "FROM events").fetchone()
    assert row == (None, "Суд", None, "Ивана Петрова")


def _of_one_side(text: str, target: Actor | None, symmetric: bool = False) -> Analysis:
    event = Event(
        id=f"e-{target and target.code}", doc_id="id-" + text, date=dt.date(2025, 8, 7),
        source=Actor("RUSCOP", "RUS", "COP"), target=target, type="ACCUSE", mode=None,
        cameo="091", quad_class=3, goldstein=-2.0, modality="factual",
        trigger=Span(0, 9, text[:9]), sentence=Span(0, len(text), text), symmetric=symmetric)
    return analysis(text, events=(event,))


@pytest.mark.parametrize("symmetric", [False, True])
def test_an_act_aimed_at_no_one_is_stored_and_in_no_dyad(tmp_path, symmetric):
    """`Следственный комитет возбудил дело`: an event with no target is stored and listed,
    but is no event between two sides: not the country's dyad with itself (RUS–RUS, where
    its organs' acts on its own people are), whether or not marked mutual."""
    from relata.relations import dyad_series

    with open_store(tmp_path / "r.duckdb", write=True) as store:
        store.write([_of_one_side("Возбудили дело.", None, symmetric),
                     _of_one_side("Задержали оппозиционера.", Actor("RUSOPP", "RUS", "OPP"))])
        assert len(store.events()) == 2
        assert store.events(source="RUS")["target_code"].isna().sum() == 1
        assert sum(dyad_series(store, "RUS", "RUS", freq="D").table["events"]) == 1
        assert store._db.execute("SELECT count(*) FROM dyad_events").fetchone() == (1,)


def test_version_10_takes_acts_aimed_at_no_one_out_of_the_dyads(tmp_path):
    """A database written before version 10 has the one-sided event under `RUS RUS`: the
    migration takes it out of dyad_events and counts the dyads' periods again."""
    from relata.relations import dyad_series
    from relata.store.schema import _SIDES

    path = tmp_path / "r.duckdb"
    with open_store(path, write=True) as store:
        store.write([_of_one_side("Возбудили дело.", None),
                     _of_one_side("Задержали оппозиционера.", Actor("RUSOPP", "RUS", "OPP"))])
    old_key = f"least({_SIDES[0]}, {_SIDES[1]}) || ' ' || greatest({_SIDES[0]}, {_SIDES[1]})"
    with duckdb.connect(str(path)) as db:  # as version 9 wrote it
        columns = [c for (c,) in db.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'dyad_events' ORDER BY ordinal_position").fetchall()]
        taken = ", ".join(f"{old_key} AS dyad" if c == "dyad" else
                          {"event_id": "id AS event_id"}.get(c, c) for c in columns)
        db.execute(f"DELETE FROM dyad_events; INSERT INTO dyad_events SELECT {taken} FROM events")
        db.execute("UPDATE dyad_stories SET stories = 2")
        db.execute("DELETE FROM schema_version WHERE version >= 10")  # and what came after
        db.execute("DROP TABLE dyad_latest; DROP TABLE dyad_answers; DROP TABLE dyad_answered")
    with open_store(path, write=True) as store:
        assert store._db.execute("SELECT count(*) FROM dyad_events").fetchone() == (1,)
        assert store.dyads_counted()
        assert sum(dyad_series(store, "RUS", "RUS", freq="D").table["events"]) == 1
