"""RuSentRel: the leaderboard measure on hand-made opinions, and the run on real articles."""

import pytest
from click.testing import CliRunner

from relata.cli import cli
from relata.evaluation.rusentrel import (
    DocumentScore,
    Opinion,
    Result,
    Synonyms,
    compare,
    read_entities,
    read_opinions,
)

from conftest import DATA, write

RUSENTREL = DATA / "rusentrel-1.1-train"
SYNONYMS = Synonyms([["Россия", "РФ", "Российская Федерация"], ["США", "Соединенные Штаты"],
                     ["Путин", "Владимир Путин"]])


def _opinions(text: str) -> list[Opinion]:
    return [Opinion(*[f.strip() for f in line.split(",")][:3]) for line in text.splitlines()]


GOLD = _opinions("Россия, США, neg\nСША, Россия, neg\nПутин, Украина, neg\nРоссия, Сирия, pos")


@pytest.mark.parametrize(("predicted", "expected"), [
    # all right, named by synonyms and in other cases: P = R = 1 for both classes
    ("РФ, Соединенные Штаты, neg\nСША, Российской Федерации, neg\n"
     "Владимир Путин, Украины, neg\nРоссии, Сирия, pos", DocumentScore(1.0, 1.0, 1.0, 1.0)),
    # nothing said: every precision and recall 0
    ("", DocumentScore(0.0, 0.0, 0.0, 0.0)),
    # one neg right of 3 gold, one neg wrong (a gold pos), one neg not in the gold at all
    ("Россия, США, neg\nРоссия, Сирия, neg\nСирия, Турция, neg",
     DocumentScore(0.0, 0.0, 1 / 3, 1 / 3)),
    # a direction is part of the pair: США → Сирия is not Сирия → США
    ("Сирия, Россия, pos\nСША, Россия, pos", DocumentScore(0.0, 0.0, 0.0, 0.0)),
])
def test_compare_one_document(predicted, expected):
    assert compare(GOLD, _opinions(predicted), SYNONYMS) == pytest.approx(expected)


def test_f1_is_computed_from_the_averages_over_documents():
    result = Result({"a": DocumentScore(1.0, 1.0, 0.5, 0.5),
                     "b": DocumentScore(0.0, 0.0, 0.5, 1.0)})
    # pos: P 0.5, R 0.5 → 0.5; neg: P 0.5, R 0.75 → 0.6; mean 0.55
    assert result.f1("pos") == pytest.approx(0.5)
    assert result.f1("neg") == pytest.approx(0.6)
    assert result.f1_mean == pytest.approx(0.55)


def test_malformed_lines_are_reported_with_file_and_line(tmp_path):
    ann = write(tmp_path / "art1.ann", "T1\tLOC 0 6\tРоссия\nT2\tLOC 7\nT3\tPER 1 7\tAuthor\n")
    entities, problems = read_entities(ann)
    assert [e.text for e in entities] == ["Россия"]
    assert [p.origin for p in problems] == [f"{ann}:2"]
    opin = write(tmp_path / "art1.opin.txt", "Россия, США, neg, current\nРоссия, США, bad\n")
    opinions, problems = read_opinions(opin)
    assert opinions == [Opinion("Россия", "США", "neg")]
    assert [p.origin for p in problems] == [f"{opin}:2"]


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rusentrel")
    for name in ("art1", "art2", "art3"):
        for suffix in (".txt", ".ann", ".opin.txt"):
            (folder / f"{name}{suffix}").symlink_to(RUSENTREL / f"{name}{suffix}")
    (folder / "synonyms.txt").symlink_to(RUSENTREL / "synonyms.txt")
    return folder


def test_eval_rusentrel_writes_opinions_and_prints_the_measure(three_articles, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["eval", "rusentrel", str(three_articles),
                                      "--predictions", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 documents: F1 " in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "art1.opin.txt", "art2.opin.txt", "art3.opin.txt"]
    opinions, problems = read_opinions(out / "art1.opin.txt")
    assert opinions and not problems
    # some of the first article's attitudes are found, with their sign
    synonyms = Synonyms.read(RUSENTREL / "synonyms.txt")
    gold, _ = read_opinions(RUSENTREL / "art1.opin.txt")
    assert compare(gold, opinions, synonyms).neg_precision > 0


def test_an_article_without_its_ann_is_reported(tmp_path):
    write(tmp_path / "art7.txt", "{Author, Unknown} Россия осудила действия США.\n")
    write(tmp_path / "synonyms.txt", "россия, рф\nсша\n")
    result = CliRunner().invoke(cli, ["eval", "rusentrel", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'art7.txt'}: unreadable" in result.output
    empty = CliRunner().invoke(cli, ["eval", "rusentrel", str(tmp_path / "art7.txt")])
    assert empty.exit_code != 0  # not a folder
