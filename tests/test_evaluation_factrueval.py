from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from relata.errors import EvaluationError
from relata.evaluation.factrueval import (
    Figures,
    Response,
    load_gold,
    read_responses,
    score,
    write_responses,
)

from conftest import DATA

DEV = DATA / "factrueval-2016-dev"
UNKNOWN_TAG = Path(__file__).resolve().parent / "data" / "factrueval-unknown-tag"
COUNTRIES = Path(__file__).resolve().parent / "data" / "factrueval_countries.tsv"

TEXT = "Мэрия Москвы и Владимир Путин, а также Россия."
# object id, type, spans as (span kind, words): the dataset's layers in miniature
OBJECTS = [
    ("11", "Org", [("org_descr", "Мэрия"), ("loc_name", "Москвы")]),
    ("12", "LocOrg", [("loc_name", "Москвы")]),  # embedded in the Org: not scored
    ("13", "Person", [("name", "Владимир"), ("surname", "Путин")]),
    ("14", "LocOrg", [("loc_name", "Россия")]),
]


def write_gold(folder: Path, name: str = "book_1") -> Path:
    """One gold document in the factRuEval-2016 format."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    tokens = [
        (str(100 + i), m.start(), m.group()) for i, m in enumerate(re.finditer(r"\w+|\S", TEXT))
    ]
    (folder / f"{name}.tokens").write_text(
        "".join(f"{i} {start} {len(word)} {word}\n" for i, start, word in tokens), encoding="utf-8"
    )
    by_word = {word: (i, start) for i, start, word in tokens}
    spans, objects = [], []
    for object_id, kind, object_spans in OBJECTS:
        span_ids = []
        for kind_of_span, word in object_spans:
            token_id, start = by_word[word]
            span_id = str(200 + len(spans))
            spans.append(
                f"{span_id} {kind_of_span} {start} {len(word)} {token_id} 1  # {token_id} {word}"
            )
            span_ids.append(span_id)
        objects.append(
            f"{object_id} {kind} {' '.join(span_ids)} # {' '.join(w for _, w in object_spans)}"
        )
    (folder / f"{name}.spans").write_text("\n".join(spans) + "\n", encoding="utf-8")
    (folder / f"{name}.objects").write_text("\n".join(objects) + "\n", encoding="utf-8")
    return folder


def at(kind: str, words: str) -> Response:
    start = TEXT.index(words)
    return Response(kind, start, start + len(words))


EXACT = [at("org", "Мэрия Москвы"), at("per", "Владимир Путин"), at("locorg", "Россия")]
PUTIN = at("per", "Владимир Путин")
# (what it shows, responses, fold_locorg, (expected tp, counted gold, counted responses))
CASES = [
    ("exact", EXACT, False, (3.0, 3, 3)),
    ("exact, folded", EXACT, True, (3.0, 3, 3)),
    ("a glued comma is no token", [at("per", "Владимир Путин,")], False, (1.0, 3, 1)),
    ("surname only: half the name", [at("per", "Путин")], False, (0.5, 3, 1)),
    ("one word too many: 2 of 3", [at("per", "и Владимир Путин")], False, (2 / 3, 3, 1)),
    ("descriptor words weigh nothing", [at("org", "Москвы")], False, (1.0, 3, 1)),
    ("wrong class earns nothing", [at("loc", "Россия")], False, (0.0, 3, 1)),
    ("loc is locorg with -l", [at("loc", "Россия")], True, (1.0, 3, 1)),
    ("locorg is loc with -l", [at("locorg", "Россия")], True, (1.0, 3, 1)),
    ("embedded gold and its answer left out", [at("locorg", "Москвы")], False, (0.0, 3, 0)),
    ("an answer meeting no gold", [at("org", "а также")], False, (0.0, 3, 1)),
    ("no answers", [], False, (0.0, 3, 0)),
    ("one gold, two answers", [PUTIN, at("per", "Путин")], False, (1.0, 3, 2)),
]


@pytest.mark.parametrize(
    ("responses", "fold", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_score(tmp_path, responses, fold, expected):
    tp, n_gold, n_response = expected
    gold = write_gold(tmp_path / "gold")
    write_responses(tmp_path / "response", "book_1", responses)
    result = score(gold, tmp_path / "response", fold_locorg=fold)
    assert result.overall.tp == pytest.approx(tp)
    assert (result.overall.n_gold, result.overall.n_response) == (n_gold, n_response)
    assert result.precision == pytest.approx(tp / n_response if n_response else 1.0)
    assert result.recall == pytest.approx(tp / n_gold)
    assert sum(f.tp for f in result.by_class.values()) == pytest.approx(tp)
    assert sum(f.n_gold for f in result.by_class.values()) == n_gold


def test_classes(tmp_path):
    gold = write_gold(tmp_path / "gold")
    write_responses(tmp_path / "r", "book_1", [at("per", "Путин"), at("loc", "Россия")])
    plain = score(gold, tmp_path / "r")
    assert list(plain.by_class) == ["per", "loc", "org", "locorg"]
    assert plain.by_class["per"] == Figures(0.5, 1, 1)
    assert plain.by_class["loc"] == Figures(0.0, 0, 1)
    assert plain.by_class["locorg"] == Figures(0.0, 1, 0)
    folded = score(gold, tmp_path / "r", fold_locorg=True)
    assert list(folded.by_class) == ["per", "loc", "org"]
    assert folded.by_class["loc"] == Figures(1.0, 1, 1)
    assert folded.f1 == pytest.approx(2 * (0.75 * 0.5) / 1.25)


ERROR_CASES = [
    ("exact: no error", EXACT, []),
    ("half a name", [at("per", "Путин"), *EXACT[::2]],
     [("partial", "per Владимир Путин", "per Путин")]),
    ("a place told as a state", [at("loc", "Россия"), *EXACT[:2]],
     [("class", "locorg Россия", "loc Россия")]),
    ("a miss and a false one", [at("org", "а также"), *EXACT[:2]],
     [("false", None, "org а также"), ("miss", "locorg Россия", None)]),
    ("an embedded gold entity is no miss", [at("org", "Мэрия Москвы")],
     [("miss", "per Владимир Путин", None), ("miss", "locorg Россия", None)]),
]


@pytest.mark.parametrize(("responses", "expected"), [c[1:] for c in ERROR_CASES],
                         ids=[c[0] for c in ERROR_CASES])
def test_errors(tmp_path, responses, expected):
    from relata.evaluation.factrueval import errors

    gold = write_gold(tmp_path / "gold")
    write_responses(tmp_path / "r", "book_1", responses)
    found = errors(gold, tmp_path / "r")
    listed = [(e.what, e.gold, e.response) for e in found.get("book_1", [])]
    assert listed == expected
    assert errors(gold, tmp_path / "r", only=lambda name: name != "book_1") == {}


def test_figures_of_nothing():
    assert (Figures().precision, Figures().recall, Figures().f1) == (1.0, 1.0, 1.0)
    assert Figures(0.0, 2, 0).f1 == 0.0


def test_documents_without_a_response_file_are_not_scored(tmp_path):
    gold = write_gold(write_gold(tmp_path / "gold"), "book_2")
    write_responses(tmp_path / "r", "book_2", [at("locorg", "Россия")])
    result = score(gold, tmp_path / "r")
    assert result.missing == ("book_1",)
    assert list(result.by_document) == ["book_2"]
    assert result.overall == Figures(1.0, 3, 1)


def test_an_object_tag_track_1_does_not_know_is_skipped_with_a_note(tmp_path):
    gold = load_gold(UNKNOWN_TAG)
    assert list(gold) == ["book_1"]  # book_2 has a text and no gold
    document = gold["book_1"]
    assert [e.id for e in document.entities] == ["11", "12", "13", "14"]
    (note,) = document.notes
    assert note.startswith(f"{UNKNOWN_TAG / 'book_1.objects'}:5: object tag 'Facility'")
    write_responses(tmp_path, "book_1", EXACT)
    result = score(UNKNOWN_TAG, tmp_path)
    assert result.notes == (note,) and result.overall == Figures(3.0, 3, 3)


def _no_gold(folder: Path) -> None:
    (folder / "gold").mkdir()
    (folder / "gold" / "book_1.txt").write_text(TEXT, encoding="utf-8")


def _no_response(folder: Path) -> None:
    write_gold(folder / "gold")
    (folder / "r" / "book_2.task1").write_text("", encoding="utf-8")


def _nothing_counted(folder: Path) -> None:
    write_gold(folder / "gold")  # every object a Project, which track 1 leaves out
    objects = folder / "gold" / "book_1.objects"
    objects.write_text(re.sub(r" (Org|LocOrg|Person) ", " Project ",
                              objects.read_text(encoding="utf-8")), encoding="utf-8")
    write_responses(folder / "r", "book_1", EXACT)


def _layer_missing(folder: Path) -> None:
    (write_gold(folder / "gold") / "book_1.spans").unlink()


def _bad_object(folder: Path) -> None:
    write_gold(folder / "gold")
    with (folder / "gold" / "book_1.objects").open("a", encoding="utf-8") as f:
        f.write("15 Person 999 # a span that is not there\n")


@pytest.mark.parametrize(("make", "message"), [
    (_no_gold, "no gold (book_N.objects"),
    (_no_response, "no response file (book_N.task1) for any of the 1 gold documents"),
    (_nothing_counted, "no entity that track 1 counts"),
    (_layer_missing, "book_1.objects: gold without .spans"),
    (_bad_object, "book_1.objects:5: bad line '15 Person 999"),
])
def test_scoring_nothing_or_unreadable_gold_is_an_error(tmp_path, make, message):
    (tmp_path / "r").mkdir()
    make(tmp_path)
    with pytest.raises(EvaluationError, match=re.escape(message)):
        score(tmp_path / "gold", tmp_path / "r")


def test_responses_round_trip(tmp_path):
    responses = [at("per", "Путин"), at("locorg", "Россия")]
    path = write_responses(tmp_path, "book_7", responses)
    assert path.read_text(encoding="utf-8") == "per 24 5\nlocorg 39 6\n"
    write_responses(tmp_path, "book_8", [])
    assert read_responses(tmp_path) == {"book_7": tuple(responses), "book_8": ()}


@pytest.mark.parametrize("line", ["person 1 2", "per 1", "per x 2"])
def test_bad_response_lines(tmp_path, line):
    (tmp_path / "book_3.task1").write_text(f"per 0 1\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"book_3\.task1:2"):
        read_responses(tmp_path)


def test_gold_layers(tmp_path):
    (document,) = load_gold(write_gold(tmp_path)).values()
    org, moscow, putin, russia = document.entities
    assert (org.kind, document.entity_text(org)) == ("org", "Мэрия Москвы")
    assert org.name_tokens < org.tokens  # the descriptor is not part of the name
    assert (moscow.kind, putin.kind, russia.kind) == ("locorg", "per", "locorg")
    assert document.entity_text(putin) == "Владимир Путин"


@pytest.mark.skipif(not DEV.is_dir(), reason="factRuEval-2016 dev set not present")
def test_dev_gold():
    gold = load_gold(DEV)
    assert len(gold) == 122
    assert sum(len(d.entities) for d in gold.values()) == 2610  # the one Project left out
    book = gold["book_58"]
    assert book.text.startswith("Встреча с послом Италии в миде Грузии")
    italy = next(e for e in book.entities if e.id == "16972")
    assert (italy.kind, italy.start, italy.end) == ("locorg", 17, 23)
    assert book.entity_text(italy) == "Италии"
    for document in gold.values():  # gold offsets are Python str indices
        assert all(document.text[t.start : t.end] == t.text for t in document.tokens)


@pytest.mark.skipif(not DEV.is_dir(), reason="factRuEval-2016 dev set not present")
def test_dev_gold_answered_with_itself(tmp_path):
    for name, document in load_gold(DEV).items():
        spans = [Response(e.kind, e.start, e.end) for e in document.entities]
        write_responses(tmp_path, name, spans)
    result = score(DEV, tmp_path)
    # not quite 1: an entity of two spans with a gap gains the gap's tokens as false positives
    assert result.f1 == pytest.approx(0.9966, abs=1e-4)
    assert result.by_class["locorg"] == Figures(447.0, 447, 447)


@pytest.mark.skipif(not DEV.is_dir(), reason="factRuEval-2016 dev set not present")
def test_countries_key_points_into_the_dev_texts():
    with COUNTRIES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) == 150
    assert len({row["book"] for row in rows}) >= 20
    texts: dict[str, str] = {}
    for row in rows:
        path = DEV / f"{row['book']}.txt"
        text = texts.setdefault(row["book"], path.read_text(encoding="utf-8"))
        assert text[int(row["start"]) : int(row["end"])] == row["text"], row
        assert re.fullmatch("[A-Z]{3}", row["country"]), row


def test_a_word_resolved_in_context_is_no_entity(pipeline):
    """`Президент` after Erdoğan is TURGOV for the coder, but track 1 marks names only."""
    from relata.evaluation.track1 import entities
    from relata.records import Document

    (analysis,) = pipeline([Document(id="t", text="Эрдоган прибыл в Анкару. Президент "
                                                    "осудил Израиль.")])
    assert any(m.via for m in analysis.mentions)
    found = {(r.start, r.end) for r in entities(analysis)}
    assert found and all(m.via is None for m in analysis.mentions if (m.start, m.end) in found)


# (text, the track-1 entities relata gives it): the rules of evaluation/track1.py
TRACK1_CASES = [
    # unnamed_before_name: a side, a people, a press of a state is the state alone
    ("Это угроза со стороны Китая, заявил эксперт.", [("locorg", "Китая")]),
    ("Народ Ирана не откажется от своих традиций.", [("locorg", "Ирана")]),
    ("Об этом сообщили СМИ Белоруссии.", [("locorg", "Белоруссии")]),
    ("МИД Азербайджана заявил протест.", [("org", "МИД Азербайджана")]),
    ("По сообщениям блоггеров и СМИ, задержано 30 человек.", []),  # unnamed_alone
    # organ_with_adjective: a government is a name, soldiers are none
    ("Японское правительство отказалось от переговоров.",
     [("org", "Японское правительство")]),
    ("Российские военные отошли от границы.", []),
    # adjective_before_organisation and name_after_organisation
    ("Визит главы японского МИДа отложен.", [("org", "японского МИДа")]),
    ("Федерация бобслея России объявила набор.", [("org", "Федерация бобслея России")]),
    # team_of_state: a national team is an organisation
    ("После ничьей сборная России потеряла два очка.", [("org", "сборная России")]),
    ("Он играл в составе сборной СССР.", [("org", "сборной СССР")]),
    # an outlet the dictionary knows (companies.yaml), which NER passes over
    ("О развитии отрасли читайте в статье Частного корреспондента.",
     [("org", "Частного корреспондента")]),
    # name_of_a_thing: a craft's name is no organisation; a paper's is
    ("Шаттл «Дискавери» завершил свой последний полёт.", []),
    ("Об этом пишет газета «Коммерсант».", [("org", "Коммерсант")]),
    # seat_of_power: acting, an organisation; named as a place, a place
    ("Кремль отверг обвинения.", [("org", "Кремль")]),
    ("Белый дом не стал комментировать.", [("org", "Белый дом")]),
    ("Встреча прошла в Кремле.", [("loc", "Кремле")]),
]


@pytest.mark.parametrize(("text", "expected"), TRACK1_CASES)
def test_track1_entities(pipeline, text, expected):
    from relata.evaluation.track1 import entities
    from relata.records import Document

    (analysis,) = pipeline([Document(id="t", text=text, lang="ru")])
    assert [(r.kind, text[r.start : r.end]) for r in entities(analysis)] == expected


def test_track1_words_are_checked(tmp_path):
    from relata.evaluation.track1 import Track1WordsError, load_words, words

    assert "сторона" in words().unnamed and "правительство" in words().organs_with_adjective
    path = tmp_path / "track1.yaml"
    path.write_text("unnamed:\n  - words: [сторона, Народ]\n", encoding="utf-8")
    with pytest.raises(Track1WordsError, match=r"track1\.yaml:2: not a word in lower case"):
        load_words(path)
