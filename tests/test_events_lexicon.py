import pytest

from relata.events.lexicon import LexiconError, load, load_lexicon

from conftest import write


def problems_of(tmp_path, line: str) -> list[str]:
    path = write(tmp_path / "p.yaml", "predicates:\n" + line + "\n")
    _, problems = load([path])
    return [str(p).replace(str(path), "p.yaml") for p in problems]


def test_the_builtin_lexicon_is_valid_and_covers_every_type():
    lexicon, problems = load()
    assert problems == []
    predicates = [*lexicon.words.values(), *lexicon.light.values()]
    assert len(predicates) >= 400
    assert {p.type for p in predicates} == {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert any(p.reversal for p in predicates)
    assert lexicon.light[("оказать", "помощь")].type == "AID"
    assert lexicon.words["атаковать"].type == "ASSAULT"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('  - {lemma: бить, type: HIT, cameo: "190"}', "p.yaml:2: unknown PLOVER type 'HIT'"),
        ('  - {lemma: бить, type: ASSAULT, cameo: "999"}', "p.yaml:2: unknown CAMEO code '999'"),
        ('  - {lemma: бить, type: ASSAULT, cameo: "190", source: [owner]}',
         "p.yaml:2: unknown argument slot 'owner'"),
        ('  - {verb: бить, type: ASSAULT, cameo: "190"}',
         "p.yaml:2: give either 'lemma', or 'verb' and 'noun'"),
        ('  - {lemma: бить, type: ASSAULT}', "p.yaml:2: missing field 'cameo'"),
        ('  - {lemma: бить, type: ASSAULT, cameo: "190", when: now}',
         "p.yaml:2: unknown field 'when'"),
        ('  - {lemma: бить, type: ASSAULT, cameo: "190"}\n  - {lemma: Бить, type: ASSAULT, '
         'cameo: "190"}', "p.yaml:3: duplicate entry 'бить' (first at p.yaml:2)"),
    ],
)
def test_problems_name_file_and_line(tmp_path, line, problem):
    found = problems_of(tmp_path, line)
    assert any(p.startswith(problem) for p in found), found


def test_a_bad_lexicon_is_refused_as_a_whole(tmp_path):
    path = write(tmp_path / "p.yaml", 'predicates:\n  - {lemma: бить, type: HIT, cameo: "1"}\n')
    with pytest.raises(LexiconError, match="2 problems in the predicate lexicon"):
        load_lexicon((path,))
