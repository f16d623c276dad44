import pytest

from relata.actors.load import DictionaryError, load, load_dictionary

from conftest import ROOT, write

MINI = ROOT / "tests" / "data" / "actors-mini.yaml"


def problems_of(tmp_path, text: str) -> list[str]:
    path = write(tmp_path / "user.yaml", text)
    _, problems = load([MINI, path], builtin=False)
    return [str(p).replace(str(path), "user.yaml") for p in problems]


def test_the_mini_dictionary_is_valid():
    dictionary, problems = load([MINI], builtin=False)
    assert problems == []
    assert dictionary.countries["RUS"].capitals == ("Москва",)
    assert dictionary.people["obama-barack"].roles[0].end.isoformat() == "2017-01-20"


def test_the_builtin_dictionaries_are_valid():
    _, problems = load()
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("countries:\n  - {code: RUS, name: Русь, names: [Русь]}\n"
         "  - {code: RUS, name: Русь, names: [Руссия]}\n",
         "user.yaml:3: duplicate entry 'RUS' (first at user.yaml:2)"),
        ("companies:\n  - {id: x, name: X, country: XXX, names: [Икс]}\n",
         "user.yaml:2: unknown country 'XXX'"),
        ("sectors:\n  - {sector: ARMY, words: [армейцы]}\n", "user.yaml:2: unknown sector 'ARMY'"),
        ("countries:\n  - {code: rus1, name: Р, names: [Р]}\n",
         "user.yaml:2: country code 'rus1' is not ISO 3166 alpha-3"),
        ("people:\n  - id: medvedev\n    name: Дмитрий Медведев\n    names: [Медведев]\n"
         "    roles:\n      - {role: defence minister, country: RUS, from: 2020-01-01}\n",
         "user.yaml:6: RUS defence minister: medvedev from 2020-01-01 overlaps shoigu-sergey "
         "(2012-11-06 to 2024-05-14, "),
        ("people:\n  - id: x\n    name: X\n    names: [Икс]\n"
         "    roles:\n      - {role: head of state, org: OPEC}\n",
         "user.yaml:6: unknown organisation 'OPEC'"),
        ("people:\n  - id: x\n    name: X\n    names: [Икс]\n"
         "    roles:\n      - {role: mayor}\n",
         "user.yaml:6: role 'mayor' needs exactly one of 'country' and 'org'"),
        ("people:\n  - id: x\n    name: X\n    names: [Икс]\n"
         "    roles:\n      - {role: mayor, country: RUS, from: 2020-01-01, to: 2019-01-01}\n",
         "user.yaml:6: role 'mayor' ends (2019-01-01) before it starts"),
        ("companies:\n  - {id: x, name: X, country: RUS, names: [Кремль]}\n",
         "user.yaml:2: 'кремль' is also a name of 'RUS' ("),
        ("countries:\n  - {code: XXA, name: Икс}\n", "user.yaml:2: missing field 'names'"),
        ("countries:\n  - {code: XXA, name: Икс, names: Икс}\n",
         "user.yaml:2: field 'names' must be a list of strings, not 'Икс'"),
        ("countries:\n  - {code: XXA, name: Икс, names: [Икс], capital: Икс}\n",
         "user.yaml:2: unknown field 'capital'"),
        ("people:\n  - {id: x, name: X, names: [Икс], roles: [{role: r, country: RUS, "
         "from: 2020-13-01}]}\n", "user.yaml:2: field 'from' must be a date YYYY-MM-DD"),
        ("towns: []\n", "user.yaml:1: unknown section 'towns'"),
        ("countries: [{code: XXA\n", "user.yaml:2: not valid YAML"),
        ("- just a list\n", "user.yaml:1: expected a mapping"),
    ],
)
def test_problems_name_file_and_line(tmp_path, text, problem):
    found = problems_of(tmp_path, text)
    assert any(p.startswith(problem) for p in found), found


def test_user_entries_replace_builtin_ones(tmp_path):
    path = write(tmp_path / "user.yaml", "countries:\n  - {code: RUS, name: РФ, names: [Россия, "
                                         "РФ, Русь], capitals: [Москва]}\n")
    dictionary, problems = load([MINI, path], builtin=False)
    assert problems == []
    assert dictionary.countries["RUS"].names == ("Россия", "РФ", "Русь")
    assert dictionary.countries["RUS"].seats == ()  # replaced as a whole


def test_load_dictionary_raises_with_every_problem(tmp_path):
    path = write(tmp_path / "bad.yaml", "sectors:\n  - {sector: X1, words: [a]}\n"
                                        "  - {sector: X2, words: [b]}\n")
    with pytest.raises(DictionaryError, match="2 problems in the actor dictionaries") as error:
        load_dictionary((str(MINI), str(path)), False)
    assert len(error.value.problems) == 2
