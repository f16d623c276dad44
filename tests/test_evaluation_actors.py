"""`relata eval actors`: actor phrases resolved in their documents, scored on country and
sector, tuning and held-out parts apart."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from relata.cli import cli
from relata.coding import Phrase, resolve, resolve_phrases
from relata.evaluation import actors as ae
from relata.evaluation.events import read_held_out
from relata.records import Actor, Mention

from conftest import DATA, ROOT, write

FIXTURE = ROOT / "tests" / "data" / "actors-gold"
GOLD = ROOT / "gold" / "actors-dev.jsonl"
TEXT = "Президент Турции прибыл в Баку. Президент провёл переговоры."


def mention(code: str | None, country: str | None = None, sector: str | None = None):
    return None if code is None else Mention(0, 1, "x", "ORG", actor=Actor(code, country, sector))


class StubResolver:
    """Answers each phrase's text from a table, and keeps what it was asked."""

    def __init__(self, answers: dict[str, Mention | None]):
        self.answers = answers
        self.asked: list[Phrase] = []

    def __call__(self, phrases):
        self.asked.extend(phrases)
        return [self.answers.get(p.text) for p in phrases]


def gold_line(start: int, end: int, country, sector=None, doc="a.txt", **extra) -> str:
    record = {"doc": doc, "start": start, "end": end, "text": TEXT[start:end],
              "country": country, "sector": sector, **extra}
    return json.dumps(record, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- one phrase


@pytest.mark.parametrize(("countries", "sector", "found", "right", "sector_right"), [
    (("TUR",), "GOV", mention("TURGOV", "TUR", "GOV"), True, True),
    (("TUR",), "GOV", mention("TUR", "TUR", None), True, False),
    (("TUR",), None, mention("TURMIL", "TUR", "MIL"), True, None),
    (("TUR",), None, None, False, None),
    (("AZE",), None, mention("TURGOV", "TUR", "GOV"), False, None),
    (("UKR", "TUR"), "GOV", mention("UKRGOV", "UKR", "GOV"), True, True),  # any of a list
    (("NATO",), None, mention("NATO", None, "IGO"), True, None),  # an IGO by its code
    (("UN",), None, mention("UNSC", None, "IGO"), True, None),  # UN bodies count as UN
    ((), None, None, True, None),  # names no one, and nothing found
    ((), None, mention("RUSGOV", "RUS", "GOV"), False, None),
])
def test_outcome(countries, sector, found, right, sector_right):
    gold = ae.GoldPhrase("a.txt", 0, 1, "x", countries, sector)
    actor = found.actor if found else None
    side = ae.canonical_side(actor.country or actor.code) if actor else None
    outcome = ae.Outcome(gold, actor.code if actor else None, side,
                         actor.sector if actor else None)
    assert (outcome.right, outcome.sector_right) == (right, sector_right)


# ---------------------------------------------------------------- reading the gold


@pytest.mark.parametrize(("line", "message"), [
    ("[1, 2]", "JSON object"),
    ('{"doc": "a.txt", "start": 5, "end": 2, "text": "x", "country": "RUS"}', "start < end"),
    ('{"doc": "a.txt", "start": 0, "end": 2, "text": "x"}', "'country'"),
    ('{"doc": "a.txt", "start": 0, "end": 2, "text": "x", "country": []}', "a list of codes"),
    ('{"doc": "a.txt", "start": 0, "end": 2, "text": "x", "country": 7}', "a list of codes"),
    ('{"doc": "a.txt", "start": 0, "end": 2, "text": "x", "country": "RUS", "sector": "XYZ"}',
     "sector: one of"),
    ('{"doc": "a.txt", "start": 0, "end": 2, "text": "x", "country": "RUS", "kind": "verb"}',
     "kind: one of"),
    ("{not json", "input.jsonl:1"),
])
def test_read_gold_rejects_bad_lines(tmp_path, line, message):
    path = write(tmp_path / "input.jsonl", line + "\n")
    with pytest.raises(ae.EvaluationError, match=message):
        ae.read_gold(path)


def test_an_empty_gold_file_is_an_error_not_a_score(tmp_path):
    path = write(tmp_path / "empty.jsonl", "\n\n")
    with pytest.raises(ae.EvaluationError, match="nothing to score"):
        ae.read_gold(path)
    with pytest.raises(ae.EvaluationError, match="nothing to score"):
        ae.evaluate([], tmp_path, StubResolver({}))


def test_read_gold_gives_lists_and_nulls_as_tuples(tmp_path):
    path = write(tmp_path / "g.jsonl", gold_line(0, 9, None) + gold_line(26, 30, ["AZE", "TUR"]))
    first, second = ae.read_gold(path)
    assert (first.countries, second.countries, second.line) == ((), ("AZE", "TUR"), 2)


# ---------------------------------------------------------------- scoring


def test_each_phrase_is_resolved_after_the_text_before_it(tmp_path):
    header = " date 2025-08-07\n"
    write(tmp_path / "a.txt", header + TEXT)
    # the gold's offsets point into the file, header included
    start = len(header) + TEXT.index("Президент", 1)
    record = {"doc": "a.txt", "start": start, "end": start + 9, "text": "Президент",
              "country": "TUR", "sector": "GOV", "kind": "role"}
    path = write(tmp_path / "g.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    stub = StubResolver({"Президент": mention("TURGOV", "TUR", "GOV")})
    report = ae.evaluate(ae.read_gold(path), tmp_path, stub, path)
    (asked,) = stub.asked
    assert asked.context == "Президент Турции прибыл в Баку. "  # the header is no context
    assert asked.date.isoformat() == "2025-08-07"
    assert (report.country.accuracy, report.sector.accuracy) == (1.0, 1.0)


def test_offsets_that_miss_the_phrase_are_an_error(tmp_path):
    write(tmp_path / "a.txt", TEXT)
    record = json.loads(gold_line(0, 9, "TUR"))
    record["text"] = "Премьер"
    path = write(tmp_path / "g.jsonl", json.dumps(record, ensure_ascii=False) + "\n")
    with pytest.raises(ae.EvaluationError, match=r"g.jsonl:1: a.txt\[0:9\] is 'Президент'"):
        ae.evaluate(ae.read_gold(path), tmp_path, StubResolver({}), path)


def test_split_scores_the_parts_apart_and_lists_errors(tmp_path):
    write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "b.txt", TEXT)
    path = write(tmp_path / "g.jsonl", gold_line(0, 9, "TUR", "GOV", type="official")
                 + gold_line(26, 30, "AZE", type="place")
                 + gold_line(0, 9, "TUR", "GOV", doc="b.txt", kind="role"))
    stub = StubResolver({"Президент": mention("TURGOV", "TUR", "GOV")})
    report = ae.evaluate_split(path, tmp_path, stub, frozenset({"b.txt"}))
    assert (report.tuning.country.right, report.tuning.country.total) == (1, 2)
    assert (report.held_out.country.right, report.held_out.sector.right) == (1, 1)
    assert report.tuning.by(lambda g: g.type) == {"official": ae.Figures(1, 1),
                                                  "place": ae.Figures(0, 1)}
    text = ae.format_report(report.tuning, errors=5)
    assert "country 0.500 (1/2)" in text and "a.txt:26 «Баку» want AZE, got -" in text
    assert "errors" not in ae.format_report(report.tuning, errors=0)


def test_a_split_that_leaves_a_part_empty_is_an_error(tmp_path):
    write(tmp_path / "a.txt", TEXT)
    path = write(tmp_path / "g.jsonl", gold_line(0, 9, "TUR"))
    with pytest.raises(ae.EvaluationError, match="held-out part has no phrase"):
        ae.evaluate_split(path, tmp_path, StubResolver({}), frozenset({"gone.txt"}))


# ---------------------------------------------------------------- the resolver


def test_resolving_phrases_together_is_resolving_them_one_by_one():
    context = "Президент Турции Реджеп Тайип Эрдоган прибыл в Баку."
    phrases = [Phrase("Президент", context), Phrase("МИД Азербайджана"),
               Phrase("Москва", context), Phrase("погода")]
    together = resolve_phrases(phrases)
    alone = [resolve([p.text], context=p.context)[0] for p in phrases]
    codes = [m.actor.code if m else None for m in together]
    assert codes == [m.actor.code if m else None for m in alone]
    assert (codes[1], codes[3]) == ("AZEGOV", None)


# ---------------------------------------------------------------- the command


def test_the_command_scores_both_parts_and_lists_tuning_errors_only():
    result = CliRunner().invoke(cli, ["eval", "actors", str(FIXTURE / "actors.jsonl"),
                                      "--data-root", str(FIXTURE), "--errors", "5"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("tuning       4 phrases · country 0.750 (3/4)")
    assert lines[1].startswith("held-out     4 phrases · country 0.750 (3/4)")
    assert "«Джон Уайт» want GBR, got -" in result.stdout  # tuning
    assert "Гусейнзаде" not in result.stdout  # held out: scored, never shown


# ---------------------------------------------------------------- the development gold


@pytest.mark.skipif(not DATA.is_dir(), reason="the shared data folder is not here")
def test_development_gold_set_is_valid():
    gold = ae.read_gold(GOLD)
    assert len(gold) >= 300
    texts = {doc: (DATA / doc).read_text(encoding="utf-8") for doc in {g.doc for g in gold}}
    assert all(texts[g.doc][g.start:g.end] == g.text for g in gold)
    assert len({(g.doc, g.start) for g in gold}) == len(gold)
    assert not any("test" in g.doc or "validation" in g.doc for g in gold)


def test_the_held_out_part_is_a_third_of_the_documents_at_least():
    held = read_held_out(ROOT / "gold" / "held-out" / "actors-dev.txt")
    documents = {g.doc for g in ae.read_gold(GOLD)}
    assert held <= documents and len(held) >= len(documents) / 3
