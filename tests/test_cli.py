import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from relata import __version__
from relata.cli import cli

from conftest import DATA, EXAMPLES, FOUNDING, ROOT, SHARED, code, refuse_listing, write


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input)

    return invoke


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.stdout


def test_code_founding_article_jsonl(run):
    result = run("code", FOUNDING, "--format", "jsonl", "--show", "mentions")
    assert result.exit_code == 0, result.stderr
    records = jsonl(result.stdout)  # stdout holds JSON lines and nothing else
    text = FOUNDING.read_text(encoding="utf-8")
    assert len(records) >= 25
    for record in records:
        assert record["record"] == "mention"
        assert record["date"] == "2025-08-07"
        start, end = record["span"]
        assert text[start:end] == record["text"]
        s_start, s_end = record["sentence"]["span"]
        assert text[s_start:s_end] == record["sentence"]["text"]
        assert s_start <= start and end <= s_end
    codes = {r["text"]: (r["actor"] or {}).get("code") for r in records}
    assert codes["армия РФ"] == "RUSMIL"
    assert codes["азербайджанская сторона"] == "AZEGOV"
    assert codes["SOCAR"] == "AZEBUS"
    assert codes["азербайджанского лидера Ильхама Алиева"] == "AZEGOV"
    assert codes["Леонид Пастернак"] is None  # a person no dictionary knows, kept by name


def test_code_events_pass_the_span_checker(run, tmp_path):
    """`relata code FILE --format jsonl | check_event_spans.py FILE`, as quality checks run it."""
    result = run("code", FOUNDING, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    events = jsonl(result.stdout)
    assert len(events) >= 5
    assert {e["record"] for e in events} == {"event"}
    checker = SHARED / "tools" / "check_event_spans.py"
    check = subprocess.run([sys.executable, str(checker), str(FOUNDING)], input=result.stdout,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert f"{len(events)} events checked, 0 with problems" in check.stdout


def test_code_tokens(run):
    result = run("code", FOUNDING, "--show", "tokens")
    tokens = jsonl(result.stdout)
    first = tokens[0]
    assert (first["text"], first["lemma"], first["pos"], first["sentence"], first["id"]) == (
        "Тенденция", "тенденция", "NOUN", 1, 1)
    assert "Case=Nom" in first["feats"]
    assert first["head"] == 5 and first["rel"] == "nsubj"


def test_code_table(run):
    result = run("code", FOUNDING, "--format", "table", "--show", "mentions")
    assert result.exit_code == 0
    assert "2025-08-07" in result.stdout and "Ильхама Алиева" in result.stdout


def test_code_date_option_fills_missing_dates(run, tmp_path):
    path = write(tmp_path / "a.txt", "Вчера Путин встретился с Алиевым в Баку.")
    records = jsonl(run("code", path, "--date", "2024-02-29", "--show", "mentions").stdout)
    assert {r["date"] for r in records} == {"2024-02-29"}
    result = run("code", path, "--date", "2024-02-30")
    assert result.exit_code == 2 and "unparseable date" in result.stderr


def test_code_reads_stdin(run):
    result = run("code", "-", "--show", "mentions", input=FOUNDING.read_bytes())
    records = jsonl(result.stdout)
    moscow = next(r for r in records if r["text"] == "Москвой")
    assert moscow["origin"] == "<stdin>" and moscow["span"] == [108, 115]
    lines = '{"text": "Вчера Путин прибыл в Баку."}\n{"text": "Вчера Алиев прибыл в Москву."}\n'
    records = jsonl(run("code", "-", "--show", "mentions", input=lines.encode()).stdout)
    assert [r["origin"] for r in records] == ["<stdin>:1", "<stdin>:1", "<stdin>:2", "<stdin>:2"]


BAD_INPUTS = [
    ("undecodable.txt", "Москва".encode("cp1251"), "not UTF-8"),
    ("binary.txt", b"\x7fELF\x02\x01\x01\0\0\0\0", "binary file"),
    ("empty.txt", b"", "empty"),
    ("bad-date.txt", " date 2025-02-30 Текст.".encode(), "unparseable date '2025-02-30'"),
    ("big.txt", ("слово " * 300).encode(), "over the limit of 1,000"),
    ("lines.jsonl", b'{"title": "no text"}\n', "lines.jsonl:1: field 'text' is missing"),
    ("array.jsonl", b'["not an object"]\n', "array.jsonl:1: not a JSON object"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS)
def test_code_reports_bad_input_and_goes_on(run, tmp_path, name, content, message):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", "Вчера Путин встретился с Алиевым в Баку.")
    result = run("code", bad, good, "--max-bytes", 1000, "--show", "mentions")
    assert result.exit_code == 1
    assert f"error: {bad}" in result.stderr and message in result.stderr
    assert {r["text"] for r in jsonl(result.stdout)} == {"Путин", "Алиевым", "Баку"}


def test_code_skips_other_languages(run):
    result = run("code", EXAMPLES / "2025-07-10-tr-az-en.txt")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "skipped:" in result.stderr and "language en" in result.stderr


def test_ingest_docs_and_mentions(run, tmp_path):
    db = tmp_path / "r.duckdb"
    result = run("ingest", EXAMPLES, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "read 8 · stored 8 · skipped 1 (1 language en) · failed 0" in result.stderr
    again = run("ingest", EXAMPLES, "--db", db)
    assert "nothing new: all 8 documents are already in" in again.stderr
    assert "stored 0 · skipped 8 (8 already stored)" in again.stderr

    docs = jsonl(run("docs", "--db", db, "--format", "jsonl").stdout)
    assert len(docs) == 8
    founding = next(d for d in docs if d["origin"].endswith("minval-ru-az.txt"))
    assert (founding["date"], founding["lang"], founding["status"]) == ("2025-08-07", "ru",
                                                                      "analysed")
    english = next(d for d in docs if d["lang"] == "en")
    assert (english["status"], english["note"]) == ("skipped", "language en")
    from_jsonl = next(d for d in docs if d["origin"].endswith("news.jsonl:1"))
    assert from_jsonl["title"] == "Пекин ответил на пошлины Вашингтона"

    people = jsonl(run("mentions", "--db", db, "--kind", "PER", "--format", "jsonl").stdout)
    assert "Леонид Пастернак" in {p["normal"] for p in people}
    # a person named after a relation noun may be stored in its phrase, the name its part
    # (`представитель ведомства Мария Захарова`, ROLE)
    everyone = jsonl(run("mentions", "--db", db, "--format", "jsonl").stdout)
    assert any("Мария Захарова" in m["text"] for m in everyone)
    assert {p["kind"] for p in people} == {"PER"}
    table = run("docs", "--db", db).stdout
    assert "8 documents in" in table and "language en" in table
    csv = run("mentions", "--db", db, "--format", "csv", "--limit", 3).stdout.splitlines()
    assert csv[0].startswith("doc_id,date,kind,text,normal") and len(csv) == 4


def test_ingest_bad_input_exit_code_and_summary(run, tmp_path):
    db = tmp_path / "r.duckdb"
    good = '{"text": "Вчера Путин прибыл."}\n'.encode()
    bad = write(tmp_path / "bad.jsonl", b'{"text": "\xff"}\n' + good)
    result = run("ingest", bad, tmp_path / "missing", "--db", db, "-q")
    assert result.exit_code == 1
    assert f"error: {bad}:1: not UTF-8" in result.stderr
    assert f"error: {tmp_path / 'missing'}: no such file or directory" in result.stderr
    assert "read 1 · stored 1 · skipped 0 · failed 2" in result.stderr


def test_ingest_names_paths_it_cannot_read(run, tmp_path, monkeypatch):
    locked, loop = tmp_path / "locked", tmp_path / "loop.txt"
    write(locked / "a.txt", "Вчера Путин прибыл.")
    loop.symlink_to(loop)
    refuse_listing(monkeypatch, locked)
    result = run("ingest", locked, loop, "--db", tmp_path / "r.duckdb", "-q")
    assert result.exit_code == 1
    assert f"error: {locked}: permission denied" in result.stderr
    assert f"error: {loop}: symbolic link loop" in result.stderr
    assert "read 0 · stored 0 · skipped 0 · failed 2" in result.stderr


@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_ingest_size_limit_holds_for_streams(run, tmp_path, stream, kind):
    path = "/dev/zero" if kind == "device" else stream(b"x" * 6_000_000, "pipe")
    result = run("ingest", path, "--db", tmp_path / "r.duckdb", "-q")
    assert result.exit_code == 1
    assert (f"error: {path}: file is over the limit of 5,242,880 bytes (--max-bytes)"
            in result.stderr)
    assert "read 0 · stored 0 · skipped 0 · failed 1" in result.stderr


def test_docs_without_database(run, tmp_path):
    result = run("docs", "--db", tmp_path / "none.duckdb")
    assert result.exit_code == 1
    assert "error:" in result.stderr and "no such database" in result.stderr


def test_console_script_and_module_entry_point():
    result = subprocess.run([sys.executable, "-m", "relata", "--help"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0 and "ingest" in result.stdout


def test_code_summary(run, tmp_path):
    result = run("code", EXAMPLES, tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "read 8 · analysed 7 · skipped 1 · failed 1"


MINI = ROOT / "tests" / "data" / "actors-mini.yaml"


def test_resolve_prints_one_line_per_phrase_in_order(run):
    result = run("resolve", "армия РФ", "Вася Пупкин", "Обама", "--date", "2015-05-01",
                 "--dict", MINI)
    assert result.exit_code == 0, result.stderr
    lines = jsonl(result.stdout)
    assert [r["text"] for r in lines] == ["армия РФ", "Вася Пупкин", "Обама"]
    assert lines[0] == {"text": "армия РФ", "code": "RUSMIL", "country": "RUS", "sector": "MIL",
                        "name": "Россия"}
    assert lines[1] == {"text": "Вася Пупкин", "code": None, "country": None, "sector": None,
                        "name": None}
    assert lines[2]["code"] == "USAGOV"


def test_resolve_reads_a_role_noun_in_its_context(run, tmp_path):
    """`--context` takes a file or the text itself, and answers as the coder's stage does."""
    before = tmp_path / "before.txt"
    before.write_text("Эрдоган выступил в Анкаре.", encoding="utf-8")
    for context in (str(before), "Эрдоган выступил в Анкаре."):
        result = run("resolve", "--context", context, "президент", "полиция")
        assert result.exit_code == 0, result.stderr
        assert [r["code"] for r in jsonl(result.stdout)] == ["TURGOV", "TURCOP"]
    alone = run("resolve", "президент")
    assert jsonl(alone.stdout)[0]["code"] is None


@pytest.mark.parametrize(("sentence", "place"), [
    ("Россия аннексировала Крым.", "Крым"),
    ("Российские войска атаковали Донбасс.", "Донбасс"),
])
def test_resolve_reads_a_place_as_the_coder_does(run, pipeline, sentence, place):
    """One resolver: a place no actor names is the state it lies in, for `relata resolve`
    as for the side of an event."""
    (line,) = jsonl(run("resolve", place).stdout)
    (event,) = code(pipeline, sentence)
    assert line["code"] == event.target.code == "UKR"


def test_dict_check(run, tmp_path):
    good = run("dict", "check")
    assert good.exit_code == 0, good.stdout
    assert "0 problems" in good.stderr
    bad = write(tmp_path / "bad.yaml", "companies:\n  - {id: x, name: X, country: XXX, "
                                       "names: [Иксойл]}\n")
    result = run("dict", "check", bad)
    assert result.exit_code == 1
    assert f"{bad}:2: unknown country 'XXX'" in result.stdout


def test_dictionaries_from_relata_toml(run, tmp_path, monkeypatch):
    write(tmp_path / "extra.yaml", "companies:\n  - {id: zz, name: Зюзюойл, country: RUS, "
                                   "names: [Зюзюойл]}\n")
    write(tmp_path / "relata.toml", '[actors]\ndictionaries = ["extra.yaml"]\n')
    monkeypatch.chdir(tmp_path)
    (line,) = jsonl(run("resolve", "Зюзюойл").stdout)
    assert (line["code"], line["name"]) == ("RUSBUS", "Зюзюойл")
    write(tmp_path / "relata.toml", "[actors]\ndictionaries = 5\n")
    result = run("resolve", "Зюзюойл")
    assert result.exit_code == 1 and "relata.toml: [actors] dictionaries must be" in result.stderr




def test_eval_factrueval_on_two_documents(run, tmp_path):
    import shutil

    gold = tmp_path / "gold"
    gold.mkdir()
    for book in ("book_100", "book_105"):
        for path in (DATA / "factrueval-2016-dev").glob(f"{book}.*"):
            shutil.copy(path, gold)
    result = run("eval", "factrueval", gold, "--responses", tmp_path / "out", "--errors", "3")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    listing = lines.index(next(line for line in lines if line.startswith("errors of the ")))
    assert 0 < len(lines) - listing - 1 <= 3
    assert all(line.startswith(("book_100 ", "book_105 ")) for line in lines[listing + 1 :])
    assert lines[0].startswith("default (locorg separate): P ")
    assert any(line.startswith("-l (locorg as loc): P ") for line in lines)
    f1 = float(lines[0].rsplit(" ", 1)[1])
    assert 0.5 < f1 <= 1.0
    responses = (tmp_path / "out" / "book_100.task1").read_text().splitlines()
    text = (gold / "book_100.txt").read_text(encoding="utf-8")
    kind, start, length = responses[0].split()
    assert kind in {"per", "org", "loc", "locorg"}
    assert text[int(start) : int(start) + int(length)].strip()


def test_eval_countries_on_a_key(run, tmp_path):
    key = write(tmp_path / "key.tsv", "book\tstart\tend\ttext\tcountry\n"
                                       "book_100\t37\t43\tМосквы\tRUS\n")
    result = run("eval", "countries", key, "--key-folder", DATA / "factrueval-2016-dev",
                 "--misses")
    assert result.exit_code == 0, result.stderr
    assert "all: 1.0000 of 1" in result.stdout


def test_events_command_filters(run, tmp_path):
    db = tmp_path / "r.duckdb"
    assert run("ingest", EXAMPLES, "--db", db, "-q").exit_code == 0
    everything = jsonl(run("events", "--db", db, "--format", "jsonl").stdout)
    assert len(everything) >= 8
    attacks = jsonl(run("events", "--db", db, "--source", "RUS", "--type", "assault",
                        "--format", "jsonl").stdout)
    assert attacks and all(e["type"] == "ASSAULT" for e in attacks)
    assert all(e["source_code"].startswith("RUS") for e in attacks)
    assert any(e["target_code"] == "AZEBUS" and "SOCAR" in e["sentence"] for e in attacks)
    recent = jsonl(run("events", "--db", db, "--since", "2025-08-01", "--format", "jsonl").stdout)
    assert recent and all(e["date"] >= "2025-08-01" for e in recent)
    sure = jsonl(run("events", "--db", db, "--min-confidence", "0.9", "--format", "jsonl").stdout)
    assert sure and all(e["confidence"] >= 0.9 for e in sure)
    assert len(sure) < len(everything)  # the examples have events with a guessed side
    assert "events in" in run("events", "--db", db).stdout


def test_undated_documents_are_counted_where_they_are_left_out(run, tmp_path):
    db = tmp_path / "r.duckdb"
    text = write(tmp_path / "a.txt", "Россия и Азербайджан подписали соглашение о сотрудничестве.")
    result = run("ingest", text, "--db", db, "-q")
    assert result.exit_code == 0
    assert "1 of the stored documents have no date" in result.stderr and "--date" in result.stderr
    dyad = run("dyad", "RUS", "AZE", "--db", db, "--format", "json")
    assert "1 events of this dyad are left out" in dyad.stderr
    assert json.loads(dyad.stdout)["undated_events"] == 1
    dated = run("ingest", text, "--db", tmp_path / "d.duckdb", "--date", "2025-08-07", "-q")
    assert "no date" not in dated.stderr
