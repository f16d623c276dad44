"""The event scorer (matching, counts, report) and the development gold set itself."""

import json
from collections import Counter
from pathlib import Path

import pytest

from relata.evaluation import events as ev
from relata.records import Actor, Analysis, Event, Span

from conftest import DATA, ROOT, write

GOLD = ROOT / "gold" / "events-dev.jsonl"

TEXT = (
    "Россия осудила США и критикует НАТО. "  # sentence 1
    "Китай встретился с Индией. "  # sentence 2
    "Погода в Москве и Пекине хорошая. "  # sentence 3: a negative
    "Франция напала на Германию."  # not in the gold
)
HEADER = " date 2025-08-07 Азербайджан помог Украине. Погода хорошая.\n"


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def sentence_of(text: str, first: str, last: str) -> list[int]:
    return [text.index(first), text.index(last) + len(last)]


def actor(side: str | None) -> dict | None:
    return None if side is None else {"country": side, "sector": None}


def gold_event(text, type_, source, target, word, modality="factual", nth=0) -> dict:
    return {"type": type_, "source": actor(source), "target": actor(target),
            "modality": modality, "trigger": list(at(text, word, nth))}


GOLD_LINES = [
    {"doc": "a.txt", "sentence": sentence_of(TEXT, "Россия", "НАТО."),
     "events": [gold_event(TEXT, "ACCUSE", "RUS", "USA", "осудила"),
                gold_event(TEXT, "ACCUSE", "RUS", "NATO", "критикует", "negated")]},
    {"doc": "a.txt", "sentence": sentence_of(TEXT, "Китай", "Индией."),
     "events": [gold_event(TEXT, "CONSULT", "CHN", "IND", "встретился")]},
    {"doc": "a.txt", "sentence": sentence_of(TEXT, "Погода", "хорошая."), "events": []},
]


def predicted(text, type_, source, target, word, modality="factual", nth=0) -> Event:
    """A real Event record; `source`/`target` are (code, country) or None."""
    start, end = at(text, word, nth)

    def make(side):
        return None if side is None else Actor(code=side[0], country=side[1])

    return Event(id=f"{type_}-{start}", doc_id="a.txt", date=None, source=make(source),
                 target=make(target), type=type_, mode=None, cameo=None, quad_class=3,
                 goldstein=None, modality=modality, trigger=Span(start, end, text[start:end]),
                 sentence=Span(0, len(text), text))


RUS = ("RUSGOV", "RUS")
USA = ("USA", "USA")
NATO = ("NATO", None)  # an IGO: no country, its code is its side
CHN = ("CHN", "CHN")
IND = ("IND", "IND")
FRA, DEU = ("FRA", "FRA"), ("DEU", "DEU")


class StubPipeline:
    """Yields an Analysis per document with the events given for its origin."""

    def __init__(self, events: dict[str, list[Event]]):
        self.events = events
        self.documents = []

    def run(self, documents):
        for document in documents:
            self.documents.append(document)
            yield Analysis(document, events=tuple(self.events.get(document.origin, ())))


@pytest.fixture
def gold(tmp_path) -> Path:
    write(tmp_path / "data" / "a.txt", TEXT)
    lines = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in GOLD_LINES)
    return write(tmp_path / "gold.jsonl", lines)


def run(gold: Path, events: list[Event]) -> ev.EventReport:
    return ev.evaluate(gold, gold.parent / "data", StubPipeline({"a.txt": events}))


P = predicted
CASES = [
    # (what, predictions, (tp, fp, fn), modality right, negatives hit)
    ("nothing predicted", [], (0, 0, 3), 0, 0),
    ("all right", [P(TEXT, "ACCUSE", RUS, USA, "осудила"),
                   P(TEXT, "ACCUSE", RUS, NATO, "критикует", "negated"),
                   P(TEXT, "CONSULT", CHN, IND, "встретился")], (3, 0, 0), 3, 0),
    ("wrong type", [P(TEXT, "ASSAULT", RUS, USA, "осудила")], (0, 1, 3), 0, 0),
    ("a type of the same group is a near miss", [P(TEXT, "REJECT", RUS, USA, "осудила")],
     (0, 0, 3), 0, 0),
    ("wrong target", [P(TEXT, "ACCUSE", RUS, CHN, "осудила")], (0, 1, 3), 0, 0),
    ("target missing", [P(TEXT, "ACCUSE", RUS, None, "осудила")], (0, 1, 3), 0, 0),
    ("source and target swapped", [P(TEXT, "CONSULT", IND, CHN, "встретился")], (0, 1, 3), 0, 0),
    ("IGO by its code", [P(TEXT, "ACCUSE", RUS, NATO, "критикует", "negated")], (1, 0, 2), 1, 0),
    ("trigger elsewhere in the sentence still matches",
     [P(TEXT, "CONSULT", CHN, IND, "Индией")], (1, 0, 2), 1, 0),
    ("modality wrong still matches", [P(TEXT, "CONSULT", CHN, IND, "встретился", "negated")],
     (1, 0, 2), 0, 0),
    ("one-to-one: a duplicate is a false positive",
     [P(TEXT, "CONSULT", CHN, IND, "встретился"), P(TEXT, "CONSULT", CHN, IND, "Индией")],
     (1, 1, 2), 1, 0),
    ("in a negative sentence", [P(TEXT, "CONSULT", CHN, IND, "Пекине")], (0, 1, 3), 0, 1),
    ("outside the gold sentences: not scored", [P(TEXT, "ASSAULT", FRA, DEU, "напала")],
     (0, 0, 3), 0, 0),
]


@pytest.mark.parametrize(("what", "events", "counts", "modality", "hit"), CASES,
                         ids=[c[0] for c in CASES])
def test_matching(gold, what, events, counts, modality, hit):
    report = run(gold, events)
    o = report.overall
    assert (o.tp, o.fp, o.fn) == counts
    assert report.modality_right == modality
    assert report.negatives_hit == hit
    assert len(report.false_positives) == o.fp and len(report.misses) == o.fn
    assert (report.sentences, report.negatives, report.gold) == (3, 1, 3)


def test_greedy_matching_prefers_the_overlapping_trigger(tmp_path):
    text = "Россия осудила США, а потом снова осудила США."
    line = {"doc": "b.txt", "sentence": [0, len(text)],
            "events": [gold_event(text, "ACCUSE", "RUS", "USA", "осудила", "factual"),
                       gold_event(text, "ACCUSE", "RUS", "USA", "осудила", "negated", nth=1)]}
    write(tmp_path / "data" / "b.txt", text)
    path = write(tmp_path / "gold.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    # one prediction on the second trigger: it must pair with the second gold event
    found = [predicted(text, "ACCUSE", RUS, USA, "осудила", "negated", nth=1)]
    report = ev.evaluate(path, tmp_path / "data", StubPipeline({"b.txt": found}))
    assert (report.matched, report.modality_right) == (1, 1)
    assert [m.trigger for m in report.misses] == ["осудила"]


def test_scores_overall_and_per_type(gold):
    report = run(gold, [P(TEXT, "ACCUSE", RUS, USA, "осудила"),
                        P(TEXT, "ACCUSE", RUS, CHN, "критикует"),
                        P(TEXT, "CONSULT", CHN, IND, "встретился")])
    assert report.overall.precision == pytest.approx(2 / 3)
    assert report.overall.recall == pytest.approx(2 / 3)
    assert report.overall.f1 == pytest.approx(2 / 3)
    accuse, consult = report.per_type["ACCUSE"], report.per_type["CONSULT"]
    assert (accuse.tp, accuse.fp, accuse.fn) == (1, 1, 1)
    assert (consult.tp, consult.fp, consult.fn) == (1, 0, 0) and consult.f1 == 1.0
    assert report.modality_accuracy == 1.0
    (fp,) = report.false_positives
    assert (fp.type, fp.source, fp.target, fp.trigger) == ("ACCUSE", "RUS", "CHN", "критикует")
    assert fp.sentence == "Россия осудила США и критикует НАТО."
    (miss,) = report.misses
    assert (miss.source, miss.target, miss.modality) == ("RUS", "NATO", "negated")


def test_documents_are_read_once_as_russian_with_their_date_header(tmp_path):
    write(tmp_path / "data" / "h.txt", HEADER)
    sentence = sentence_of(HEADER, "Азербайджан", "Украине.")
    lines = [{"doc": "h.txt", "sentence": sentence,
              "events": [gold_event(HEADER, "AID", "AZE", "UKR", "помог")]},
             {"doc": "a.txt", "sentence": GOLD_LINES[2]["sentence"], "events": []},
             {"doc": "h.txt", "sentence": sentence_of(HEADER, "Погода", "хорошая."), "events": []}]
    write(tmp_path / "data" / "a.txt", TEXT)
    path = write(tmp_path / "gold.jsonl",
                 "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))
    stub = StubPipeline({"h.txt": [predicted(HEADER, "AID", ("AZEGOV", "AZE"), ("UKR", "UKR"),
                                             "помог")]})
    report = ev.evaluate(path, tmp_path / "data", stub)
    assert [d.origin for d in stub.documents] == ["h.txt", "a.txt"]
    header = stub.documents[0]
    assert header.text == HEADER and header.lang == "ru" and header.id == "h.txt"
    assert str(header.date) == "2025-08-07" and header.body.startswith("Азербайджан")
    assert report.matched == 1


def test_unanalysed_documents_are_reported(gold):
    class Failing(StubPipeline):
        def run(self, documents):
            for document in documents:
                yield Analysis(document, failure="events: boom")

    report = ev.evaluate(gold, gold.parent / "data", Failing({}))
    assert report.unanalysed == ("a.txt: events: boom",)
    assert "not analysed" in ev.format_report(report)


def test_format_report(gold):
    report = run(gold, [P(TEXT, "ACCUSE", RUS, USA, "осудила"),
                        P(TEXT, "REJECT", RUS, USA, "осудила")])
    text = ev.format_report(report)
    assert "precision 0.500 · recall 0.333" in text
    assert "ACCUSE" in text and "REJECT" in text
    assert "false positives (1 of 1)" in text and "misses (2 of 2)" in text
    assert "REJECT RUS>USA factual «осудила» | a.txt: Россия осудила США" in text
    assert "misses (1 of 2)" in ev.format_report(report, errors=1)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: e.update(type="ATTACK"), "unknown event type"),
        (lambda e: e.update(modality="maybe"), "unknown modality"),
        (lambda e: e.update(trigger=[0, 100]), "outside the sentence"),
        (lambda e: e.update(trigger=[5]), "trigger must be"),
        (lambda e: e.update(source=None), "needs a source"),
        (lambda e: e.pop("target"), "target"),
    ],
)
def test_read_gold_rejects_bad_lines(tmp_path, change, message):
    text = "Китай встретился с Индией."
    event = gold_event(text, "CONSULT", "CHN", "IND", "встретился")
    change(event)
    line = {"doc": "c.txt", "sentence": [0, len(text)], "events": [event]}
    path = write(tmp_path / "gold.jsonl", "\n" + json.dumps(line, ensure_ascii=False) + "\n")
    with pytest.raises(ValueError, match=message) as error:
        ev.read_gold(path)
    assert ":2:" in str(error.value)


def test_read_gold(gold):
    sentences = ev.read_gold(gold)
    assert [s.line for s in sentences] == [1, 2, 3]
    assert [s.negative for s in sentences] == [False, False, True]
    first = sentences[0].events[1]
    assert first.key == ("ACCUSE", "RUS", "NATO") and first.modality == "negated"
    assert first.source == ev.GoldActor("RUS", None)


# ---------------------------------------------------------------- the real gold set


@pytest.mark.skipif(not DATA.is_dir(), reason="the shared data folder is not here")
def test_development_gold_set_is_valid():
    sentences = ev.read_gold(GOLD)
    texts = {doc: (DATA / doc).read_text(encoding="utf-8") for doc in {s.doc for s in sentences}}
    seen = set()
    for s in sentences:
        text = texts[s.doc][s.start : s.end]
        assert s.end <= len(texts[s.doc]) and text == text.strip() and "\n" not in text, s.line
        assert (s.doc, s.start) not in seen, s.line
        seen.add((s.doc, s.start))
        for event in s.events:
            trigger = texts[s.doc][event.trigger_start : event.trigger_end]
            assert trigger.strip() == trigger and trigger, s.line
            sides = [event.source] + ([event.target] if event.target else [])
            assert all(a.country is None or a.country.isupper() for a in sides), s.line
    # ≥ 220 sentences from the news texts, a third of them negatives, and the founding article
    news = [s for s in sentences if not s.doc.startswith("../corpus/")]
    assert len(news) >= 220
    assert sum(s.negative for s in news) >= len(news) / 3
    assert sum(s.negative for s in sentences) >= len(sentences) / 3
    founding = [s for s in sentences if s.doc == "../corpus/2025-08-07-minval-ru-az.txt"]
    assert len(founding) == 16 and founding[0].start == len(" date 2025-08-07 ")
    assert Counter(s.doc.split("/")[0] for s in news).keys() == {
        "rusentrel-1.1-train", "factrueval-2016-dev"}


# ---------------------------------------------------------------- the sentence format

SENTENCE = "Москва и Пекин провели переговоры, а Вашингтон ввел санкции против Тегерана."


def sentence_event(type_, source, target, trigger, *, cameo=None, symmetric=False,
                   modality="factual") -> dict:
    side = lambda code: None if code is None else {"text": code, "code": code,  # noqa: E731
                                                   "sector": "GOV"}
    return {"type": type_, "cameo": cameo, "source": side(source), "target": side(target),
            "modality": modality, "trigger": trigger, "symmetric": symmetric}


@pytest.fixture
def sentence_gold(tmp_path) -> Path:
    lines = [
        {"id": "s-1", "text": SENTENCE, "events": [
            sentence_event("CONSULT", "RUS", "CHN", "провели переговоры", cameo="043",
                           symmetric=True),
            # the guide: CAMEO 163 is SANCTION whichever type the file gives it
            sentence_event("COERCE", "USA", "IRN", "ввел санкции", cameo="163")]},
        {"id": "s-2", "text": "Погода в Москве хорошая.", "events": []},
    ]
    return write(tmp_path / "sentences.jsonl",
                 "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines))


def run_sentences(path: Path, events: list[Event]) -> ev.EventReport:
    return ev.evaluate(path, path.parent, StubPipeline({"s-1": events}))


MOSCOW, BEIJING = ("RUSGOV", "RUS"), ("CHNGOV", "CHN")
WASHINGTON, TEHRAN = ("USAGOV", "USA"), ("IRNGOV", "IRN")
UNSC = ("UNSC", None)
S = SENTENCE
SENTENCE_CASES = [
    # (what, predictions, (tp, fp, fn))
    ("a mutual act in its direction", [P(S, "CONSULT", MOSCOW, BEIJING, "переговоры")],
     (1, 0, 1)),
    ("a mutual act the other way", [P(S, "CONSULT", BEIJING, MOSCOW, "переговоры")], (1, 0, 1)),
    ("a mutual act told from both sides is one event, no false positive",
     [P(S, "CONSULT", MOSCOW, BEIJING, "переговоры"),
      P(S, "CONSULT", BEIJING, MOSCOW, "переговоры")], (1, 0, 1)),
    ("a one-way act is not matched the other way", [P(S, "SANCTION", TEHRAN, WASHINGTON,
                                                      "санкции")], (0, 1, 2)),
    ("CAMEO 163 is SANCTION", [P(S, "SANCTION", WASHINGTON, TEHRAN, "санкции")], (1, 0, 1)),
    ("an unmatched forecast is no false positive",
     [P(S, "ASSAULT", WASHINGTON, TEHRAN, "санкции", "predicted")], (0, 0, 2)),
    ("an unmatched factual event is", [P(S, "ASSAULT", WASHINGTON, BEIJING, "санкции")],
     (0, 1, 2)),
    ("a type of the missed event's group on its pair is a near miss, no false positive",
     [P(S, "AGREE", MOSCOW, BEIJING, "переговоры")], (0, 0, 2)),
    ("sectors and UN bodies are one side", [P(S, "SANCTION", ("USAMIL", "USA"), UNSC,
                                              "санкции")], (0, 1, 2)),
]


@pytest.mark.parametrize(("what", "events", "counts"), SENTENCE_CASES,
                         ids=[c[0] for c in SENTENCE_CASES])
def test_sentence_format_is_scored_as_from_outside(sentence_gold, what, events, counts):
    report = run_sentences(sentence_gold, events)
    o = report.overall
    assert (o.tp, o.fp, o.fn) == counts
    assert (report.sentences, report.negatives, report.gold) == (2, 1, 2)


def test_sentence_format_reads_each_sentence_as_its_own_document(sentence_gold):
    stub = StubPipeline({})
    ev.evaluate(sentence_gold, sentence_gold.parent, stub)
    assert [(d.id, d.origin, d.text, d.lang) for d in stub.documents] == [
        ("s-1", "s-1", SENTENCE, "ru"), ("s-2", "s-2", "Погода в Москве хорошая.", "ru")]
    (first, _) = ev.read_gold(sentence_gold)
    consult, sanction = first.events
    assert consult.symmetric and (consult.trigger_start, consult.trigger_end) == at(
        SENTENCE, "провели переговоры")
    assert sanction.key == ("SANCTION", "USA", "IRN") and not sanction.symmetric


@pytest.mark.parametrize(("code", "side"), [
    ("RUSGOV", "RUS"), ("rus", "RUS"), ("UNSC", "UN"), ("UNGA", "UN"), ("NATO", "NATO"),
    ("NATOMIL", "NATO"), ("ISIS", "ISIL"), ("PACE", "COE"), (None, None),
])
def test_canonical_side(code, side):
    assert ev.canonical_side(code) == side


@pytest.mark.parametrize(("change", "message"), [
    (lambda r: r["events"][0].update(trigger="нет такого"), "not in the sentence"),
    (lambda r: r.update(text=""), "text must be"),
    (lambda r: r["events"][0]["source"].pop("code"), "country or code"),
])
def test_sentence_format_rejects_bad_lines(tmp_path, change, message):
    line = {"id": "x", "text": SENTENCE,
            "events": [sentence_event("CONSULT", "RUS", "CHN", "переговоры")]}
    change(line)
    path = write(tmp_path / "gold.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    with pytest.raises(ev.EvaluationError, match=message):
        ev.read_gold(path)


# ---------------------------------------------------------------- tuning and held-out parts


def test_split_scores_the_parts_apart(sentence_gold):
    found = [P(S, "CONSULT", MOSCOW, BEIJING, "переговоры")]
    report = ev.evaluate_split(sentence_gold, sentence_gold.parent, StubPipeline({"s-1": found}),
                               frozenset({"s-2"}))
    assert (report.tuning.sentences, report.held_out.sentences) == (1, 1)
    assert (report.tuning.overall.tp, report.tuning.overall.fn) == (1, 1)
    assert (report.held_out.gold, report.held_out.negatives) == (0, 1)


def test_split_naming_what_the_gold_lacks_is_an_error(sentence_gold):
    with pytest.raises(ev.EvaluationError, match="does not hold: s-9"):
        ev.evaluate_split(sentence_gold, sentence_gold.parent, StubPipeline({}),
                          frozenset({"s-9"}))


def test_an_empty_gold_file_is_an_error_not_a_score(tmp_path):
    path = write(tmp_path / "empty.jsonl", "\n")
    with pytest.raises(ev.EvaluationError, match="nothing to score"):
        ev.evaluate(path, tmp_path, StubPipeline({}))


@pytest.mark.parametrize("name", ["events-dev", "events-sentences-dev", "events-sentences-news",
                                  "events-sentences-rusentne", "events-sentences-rusentne2"])
def test_recorded_splits_hold_a_third_at_least(name):
    held = ev.read_held_out(ROOT / "gold" / "held-out" / f"{name}.txt")
    gold = {"events-dev": GOLD, "events-sentences-dev": SHARED_GOLD,
            "events-sentences-news": NEWS_GOLD, "events-sentences-rusentne": RUSENTNE_GOLD,
            "events-sentences-rusentne2": RUSENTNE2_GOLD}[name]
    if not gold.is_file() or not DATA.is_dir():
        pytest.skip(f"{gold} or the data it points into is not here")
    units = {s.doc for s in ev.read_gold(gold, DATA)}
    assert held <= units and len(held) >= len(units) / 3


# ---------------------------------------------------------------- floors on the tuning parts

SHARED_GOLD = DATA.parent / "gold" / "events-sentences-dev.jsonl"
NEWS_GOLD = ROOT / "gold" / "events-sentences-news.jsonl"
RUSENTNE_GOLD = ROOT / "gold" / "events-sentences-rusentne.jsonl"
RUSENTNE2_GOLD = ROOT / "gold" / "events-sentences-rusentne2.jsonl"
# The tuning parts' current figures, less a margin: a change that loses them is a
# regression. The held-out figures are reported, never tested against. events-dev lost a
# little recall when bare withdrawal verbs (`вывести`) left the lexicon for frames that say
# what is withdrawn; the shared set gained from the per-root lexicon (P 0.56 R 0.18).
# The RuSentNE set, annotated blind after the coder had been tuned on the others, starts low.
# The second RuSentNE set was drawn and split in round 13, before the coder met it.
FLOORS = {GOLD: (0.88, 0.60), SHARED_GOLD: (0.60, 0.30), NEWS_GOLD: (0.45, 0.14),
          RUSENTNE_GOLD: (0.30, 0.08), RUSENTNE2_GOLD: (0.45, 0.15)}


@pytest.mark.skipif(not DATA.is_dir(), reason="the shared data folder is not here")
@pytest.mark.parametrize("gold", list(FLOORS),
                         ids=["events-dev", "events-sentences-dev", "events-sentences-news",
                              "events-sentences-rusentne", "events-sentences-rusentne2"])
def test_tuning_part_keeps_its_floor(gold, pipeline):
    held = ev.read_held_out(ev.held_out_file(gold) or ROOT / "gold" / "held-out" /
                            f"{gold.stem}.txt")
    report = ev.evaluate_split(gold, DATA, pipeline, held)
    precision, recall = FLOORS[gold]
    assert report.tuning.overall.precision >= precision
    assert report.tuning.overall.recall >= recall


def test_cli_fails_when_the_pipeline_failed_on_gold_documents(sentence_gold, monkeypatch):
    """A coder that breaks scores as one that found nothing: the run must say so and fail,
    not print P 0.000 as if it were a figure."""
    from click.testing import CliRunner

    from relata.cli import cli
    from relata.events.coder import CodeEvents

    def broken(self, batch):
        raise RuntimeError("boom")

    monkeypatch.setattr(CodeEvents, "__call__", broken)
    result = CliRunner().invoke(cli, ["eval", "events", str(sentence_gold), "--held-out",
                                      str(write(sentence_gold.parent / "held.txt", "s-2\n"))])
    assert result.exit_code == 1, result.output
    assert "not analysed" in result.output


@pytest.mark.skipif(not DATA.is_dir(), reason="the shared data folder is not here")
def test_news_gold_is_blind_sentences_of_the_dev_texts():
    """The news gold: factRuEval-2016 dev sentences kept by reference (the words stay in the
    data folder), none also in the shared sentence gold; its second annotation covers a
    quarter of it."""
    raw = [json.loads(line) for line in NEWS_GOLD.read_text(encoding="utf-8").splitlines()]
    assert all("text" not in r and r["source"].startswith("factrueval-2016-dev/book_")
               for r in raw)
    gold = ev.read_gold(NEWS_GOLD, DATA)
    second = ev.read_gold(ROOT / "gold" / "events-sentences-news-annotator2.jsonl", DATA)
    assert len(gold) == len(raw) >= 240
    assert {s.doc for s in second} <= {s.doc for s in gold} and len(second) >= len(gold) / 4
    if SHARED_GOLD.is_file():
        shared = {" ".join(s.text.split()) for s in ev.read_gold(SHARED_GOLD)}
        assert not shared & {s.text for s in gold}


def test_a_sentence_by_reference_is_read_from_the_data_folder(tmp_path):
    write(tmp_path / "data" / "n.txt", "Вступление.\nРоссия  осудила\nУкраину. Конец.")
    line = {"id": "n-1", "source": "n.txt", "start": 12, "end": 36,
            "events": [{"type": "ACCUSE", "cameo": "111", "source": {"code": "RUS"},
                        "target": {"code": "UKR"}, "modality": "factual",
                        "trigger": "осудила"}]}
    path = write(tmp_path / "g.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    (sentence,) = ev.read_gold(path, tmp_path / "data")
    assert sentence.text == "Россия осудила Украину."
    assert sentence.text[sentence.events[0].trigger_start:sentence.events[0].trigger_end] \
        == "осудила"
    with pytest.raises(ev.EvaluationError, match="needs the data folder"):
        ev.read_gold(path)
    line["end"] = 999
    write(path, json.dumps(line, ensure_ascii=False) + "\n")
    with pytest.raises(ev.EvaluationError, match="past the end"):
        ev.read_gold(path, tmp_path / "data")


WHY_CASES = [
    # (made-up sentence, the gold event the coder misses, why it is missed)
    ("Полиция задержала журналиста.", ("COERCE", "RUS", "RUS", "задержала"),
     "a trigger of the type, dropped: no source found"),
    ("Россия осудила Францию.", ("ASSAULT", "RUS", "FRA", "осудила"),
     "an event of another type"),
    ("Россия осудила Францию.", ("ACCUSE", "RUS", "DEU", "осудила"),
     "an event of the type and source: the target wrong or missing"),
    ("Москва подмигнула Парижу.", ("ACCUSE", "RUS", "FRA", "подмигнула"),
     "no trigger: the words are not in the lexicon"),
]


@pytest.mark.parametrize(("text", "event", "why"), WHY_CASES, ids=[c[2] for c in WHY_CASES])
def test_why_a_miss_was_missed(tmp_path, text, event, why):
    """`relata eval events --why`: the coder records what it found and dropped, and each
    miss of the tuning part is counted under what happened at its trigger."""
    from click.testing import CliRunner

    from relata.cli import cli

    gold = write(tmp_path / "why.jsonl", json.dumps(
        {"id": "w-1", "text": text, "events": [sentence_event(*event)]}, ensure_ascii=False))
    result = CliRunner().invoke(cli, ["eval", "events", str(gold), "--why", "--errors", "0"])
    assert result.exit_code == 0, result.output
    assert f"why the 1 misses were missed:\n     1  {why}" in result.output
