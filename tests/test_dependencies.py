"""What relata imports is declared in pyproject.toml; the libraries whose internals it reads
are pinned to the versions the equivalence tests were written for; the store's library
has an upper bound, since a file its next major version writes the installed one cannot
open."""

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions, version

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

REQUIREMENTS = {
    canonicalize_name(Requirement(line).name): Requirement(line)
    for line in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
}


def _imported() -> set[str]:
    """Top-level names of the modules that relata's source imports, its own and the
    standard library's left out."""
    names = set()
    for path in (ROOT / "src" / "relata").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"relata", "__future__"}


def test_every_library_imported_is_declared():
    distributions = packages_distributions()
    undeclared = {name: distributions.get(name) for name in _imported()
                  if not any(canonicalize_name(d) in REQUIREMENTS
                             for d in distributions.get(name, []))}
    assert not undeclared


@pytest.mark.parametrize("name", ["natasha", "slovnet", "navec", "razdel"])
def test_libraries_whose_internals_relata_reads_are_pinned(name):
    (pin,) = REQUIREMENTS[name].specifier
    assert pin.operator == "=="
    assert version(name) == pin.version  # the version installed, which the tests check


@pytest.mark.parametrize("name", ["duckdb", "ruptures"])
def test_upper_bound(name):
    assert any(s.operator == "<" for s in REQUIREMENTS[name].specifier)
    assert REQUIREMENTS[name].specifier.contains(version(name))
