"""`relata dict check` reports overlapping offices, unknown countries and sectors."""

import pytest
from click.testing import CliRunner

from relata.cli import cli

CASES = [
    ("overlap", """people:
  - id: a-one
    name: Аааа Один
    names: [Аааа Один]
    roles:
      - {role: head of state, country: RUS, from: 1950-01-01, to: 1960-01-01}
  - id: b-two
    name: Бббб Два
    names: [Бббб Два]
    roles:
      - {role: head of state, country: RUS, from: 1955-01-01, to: 1965-01-01}
""", "overlaps"),
    ("country", """people:
  - id: c-three
    name: Вввв Три
    names: [Вввв Три]
    roles:
      - {role: head of state, country: XYZ, from: 1950-01-01}
""", "unknown country"),
    ("sector", """people:
  - id: d-four
    name: Гггг Четыре
    names: [Гггг Четыре]
    roles:
      - {role: aide, country: RUS, from: 1950-01-01, sector: ZZZ}
""", "unknown sector"),
]


@pytest.mark.parametrize(("name", "text", "reason"), CASES, ids=[c[0] for c in CASES])
def test_dict_check_reports(tmp_path, name, text, reason):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["dict", "check", str(path)])
    assert result.exit_code != 0
    assert reason in result.output


def test_shared_offices_may_overlap(tmp_path):
    path = tmp_path / "shared.yaml"
    path.write_text(CASES[0][1].replace("to: 1965-01-01}", "to: 1965-01-01, shared: true}"),
                    encoding="utf-8")
    assert CliRunner().invoke(cli, ["dict", "check", str(path)]).exit_code == 0
