import re
import subprocess
import sys

import pytest

from relata.events.ontology import (
    DEFAULT,
    PLOVER_TYPES,
    OntologyError,
    UnknownCodeError,
    load_ontology,
)

from conftest import DATA, ROOT, write

CAMEO = DATA / "cameo"
PLOVER = DATA / "plover"


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


@pytest.mark.parametrize(
    ("code", "plover", "mode", "quad", "goldstein", "description"),
    [
        ("190", "ASSAULT", None, 4, -10.0, "Use conventional military force, not specified below"),
        ("195", "ASSAULT", "heavy-weapons", 4, -10.0, "Employ aerial weapons"),
        ("070", "AID", None, 2, 7.0, "Provide aid, not specified below"),
        ("073", "AID", None, 2, 7.4, "Provide humanitarian aid"),
        ("036", "AGREE", None, 1, 4.0, "Express intent to meet or negotiate"),
        ("042", "CONSULT", "visit", 1, 1.9, "Make a visit"),
        ("044", "CONSULT", "third-party", 1, 2.5, "Meet at a 'third' location"),  # repaired
        ("057", "SUPPORT", None, 1, 8.0, "Sign formal agreement"),
        ("0811", "CONCEDE", None, 2, 5.0, "Ease restrictions on political freedoms"),
        ("0841", "RETREAT", "release", 2, 7.0, "Return, release person(s)"),
        ("0871", "RETREAT", "ceasefire", 2, 9.0, "Declare truce, ceasefire"),
        ("106", "REQUEST", "meet", 3, -5.0, "Demand withdrawal"),  # split from GDELT's row 1056
        ("112", "ACCUSE", "disapprove", 3, -2.0, "Accuse, not specified below"),
        ("093", "ACCUSE", "investigate", 3, -2.0, "Investigate military action"),
        ("128", "REJECT", "yield", 3, -5.0, "Defy norms, law"),
        ("138", "THREATEN", "violence", 3, -7.0,
         "Threaten to use military force, not specified below"),
        ("145", "PROTEST", "riot", 4, -7.5, "Protest violently, riot"),
        ("154", "MOBILIZE", "troops", 4, -7.2, "Mobilize or increase armed forces"),
        ("161", "SANCTION", "withdraw", 4, -4.0, "Reduce or break diplomatic relations"),
        ("163", "COERCE", "restrict", 4, -8.0, "Impose embargo, boycott, or sanctions"),
        ("1712", "ASSAULT", "seize", 4, -9.2, "Destroy property"),
        ("173", "COERCE", "arrest", 4, -5.0, "Arrest, detain, or charge with legal action"),
        ("2042", "ASSAULT", "unconventional", 4, -10.0, "Detonate nuclear weapons"),
        ("19", "ASSAULT", None, 4, -10.0, "FIGHT"),
        ("08", "CONCEDE", None, 2, 5.0, "YIELD"),
        ("010", None, None, 1, 0.0, "Make statement, not specified below"),  # dropped in PLOVER
        ("023", None, None, 1, 3.4, "Appeal for aid, not specified below"),
    ],
)
def test_codes(ontology, code, plover, mode, quad, goldstein, description):
    c = ontology.code(code)
    assert (c.code, c.plover, c.mode, c.quad_class, c.goldstein, c.description) == (
        code, plover, mode, quad, goldstein, description)


@pytest.mark.parametrize(
    ("type_", "quad"),
    [("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1),  # CONCEDE: the PLOVER manual's
     ("COOPERATE", 2), ("AID", 2), ("RETREAT", 2),
     ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3),
     ("PROTEST", 4), ("SANCTION", 4), ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4)],
)
def test_type_quad_classes(ontology, type_, quad):
    assert ontology.types[type_].quad_class == quad


def test_a_types_quad_class_is_that_of_most_of_its_codes_but_concede(ontology):
    for name, kind in ontology.types.items():
        quads = [c.quad_class for c in ontology.codes_of(name)]
        majority = max(set(quads), key=quads.count)
        assert majority == (2 if name == "CONCEDE" else kind.quad_class), name


def test_the_16_types_in_plover_order_each_with_codes(ontology):
    assert tuple(ontology.types) == PLOVER_TYPES
    for name in PLOVER_TYPES:
        assert ontology.codes_of(name), name


def test_modes_are_those_the_table_uses(ontology):
    assert ontology.types["CONSULT"].modes == ("phone", "third-party", "visit")
    assert ontology.types["AID"].modes == ()
    for c in ontology.cameo.values():
        if c.mode:
            assert c.mode in ontology.types[c.plover].modes


def test_codes_of_lists_a_types_codes_in_order(ontology):
    assert [c.code for c in ontology.codes_of("CONSULT")] == [
        "04", "040", "041", "042", "043", "044", "045", "046"]
    assert [c.code for c in ontology.codes_of("COERCE")][-3:] == ["174", "191", "192"]


def test_quad_class_by_root(ontology):
    for c in ontology.cameo.values():
        root = int(c.code[:2])
        assert c.quad_class == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)


def test_cameo_01_and_02_have_no_plover_type(ontology):
    dropped = {c.code[:2] for c in ontology.cameo.values() if c.plover is None}
    assert dropped == {"01", "02"}
    assert all(c.mode is None for c in ontology.cameo.values() if c.plover is None)


def _table_codes(name: str) -> set[str]:
    lines = (CAMEO / name).read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[0] for line in lines if line.strip()}


def test_every_code_of_the_event_codes_table_and_only_those():
    ontology = load_ontology()
    rows = _table_codes("CAMEO.eventcodes.txt") - {"1", "2", "3", "4"}  # quad pseudo codes
    text = (CAMEO / "CAMEO.eventcodes.txt").read_text(encoding="utf-8")
    merged = set(re.findall(r"(\d{2,4}):\[-?[\d.]+\]", text))  # GDELT's row "1056 …106:[-5.0] …"
    assert merged == {"106"}
    assert set(ontology.cameo) == rows | merged
    assert len(ontology.cameo) == len(rows) + 1 == 311
    assert set(ontology.cameo) == _table_codes("CAMEO.goldsteinscale.txt")  # every code a weight
    assert list(ontology.cameo) == sorted(ontology.cameo)


def test_goldstein_weights_are_the_tables():
    weights = {}
    for line in (CAMEO / "CAMEO.goldsteinscale.txt").read_text().splitlines()[1:]:
        code, weight = line.split("\t")
        weights[code] = float(weight)
    assert {c.code: c.goldstein for c in load_ontology().cameo.values()} == weights


def test_unknown_code_and_type(ontology):
    with pytest.raises(UnknownCodeError, match="unknown CAMEO code '999'"):
        ontology.code("999")
    with pytest.raises(UnknownCodeError, match="leading zeros"):
        ontology.code(10)
    with pytest.raises(UnknownCodeError, match="unknown PLOVER type 'ATTACK'"):
        ontology.codes_of("ATTACK")


def test_the_script_regenerates_the_committed_file(tmp_path):
    out = tmp_path / "ontology.yaml"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_ontology.py"),
         "--eventcodes", str(CAMEO / "CAMEO.eventcodes.txt"),
         "--goldstein", str(CAMEO / "CAMEO.goldsteinscale.txt"),
         "--plover", str(PLOVER / "CAMEO2PLOVER-2021.txt"), "--output", str(out)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "16 types, 311 CAMEO codes" in result.stderr
    assert out.read_text(encoding="utf-8") == DEFAULT.read_text(encoding="utf-8")


def test_the_header_states_sources_and_licence():
    header = DEFAULT.read_text(encoding="utf-8").split("\ntypes:", 1)[0]
    for words in ("generated by scripts/build_ontology.py; do not edit", "CC BY-SA 4.0",
                  "Open Event Data Alliance", "GDELT", "CAMEO2PLOVER-2021.txt"):
        assert words.lower() in header.lower(), words


TYPES = "".join(f"  - {{type: {t}, quad_class: 1, modes: [m]}}\n" for t in PLOVER_TYPES)
CODES = "".join(f'  - {{code: "{n:02d}", description: d, goldstein: 1.0, quad_class: 1, '
                f"plover: {t}, mode: null}}\n" for n, t in enumerate(PLOVER_TYPES, 1))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("types:\n" + TYPES.replace("  - {type: ASSAULT, quad_class: 1, modes: [m]}\n", "")
         + "cameo:\n" + CODES.replace("plover: ASSAULT", "plover: AGREE"),
         "bad.yaml:1: expected the 16 PLOVER types, 15 found; missing: ASSAULT"),
        ("types:\n" + TYPES + "cameo:\n" + CODES
         + '  - {code: "0101", description: d, goldstein: 1, quad_class: 1, plover: FIGHT, '
           "mode: null}\n",
         "bad.yaml:35: code '0101': unknown PLOVER type 'FIGHT'"),
        ("types:\n" + TYPES + "cameo:\n" + CODES
         + '  - {code: "0101", description: d, goldstein: 11.5, quad_class: 1, plover: AGREE, '
           "mode: null}\n",
         "bad.yaml:35: code '0101': goldstein must be a number from -10 to 10, not 11.5"),
        ("types:\n" + TYPES + "cameo:\n" + CODES
         + '  - {code: "0101", description: d, goldstein: 1, quad_class: 5, plover: AGREE, '
           "mode: null}\n",
         "bad.yaml:35: quad_class must be 1, 2, 3 or 4, not 5"),
        ("types:\n" + TYPES + "cameo:\n" + CODES
         + "  - {code: 0101, description: d, goldstein: 1, quad_class: 1, plover: AGREE, "
           "mode: null}\n",
         "bad.yaml:35: code must be a quoted string of 2–4 digits (\"010\"), not 65"),
        ("types:\n" + TYPES + "cameo:\n" + CODES
         + '  - {code: "0101", description: d, goldstein: 1, quad_class: 1, plover: AGREE, '
           "mode: aerial}\n",
         "bad.yaml:35: code '0101': mode 'aerial' is not among the modes of AGREE"),
        ("types:\n" + TYPES + "cameo:\n" + CODES
         + '  - {code: "01", description: d, goldstein: 1, quad_class: 1, plover: AGREE, '
           "mode: null}\n",
         "bad.yaml:35: duplicate cameo entry '01' (first at bad.yaml:19)"),
        ("types:\n" + TYPES + "cameo:\n" + CODES.replace("plover: AID", "plover: AGREE"),
         "bad.yaml:7: type AID: no CAMEO code maps to it"),
    ],
)
def test_problems_name_the_file_and_what_is_wrong(tmp_path, text, problem):
    path = write(tmp_path / "bad.yaml", text)
    with pytest.raises(OntologyError) as caught:
        load_ontology(path)
    problems = [str(p).replace(str(path), "bad.yaml") for p in caught.value.problems]
    assert any(p.startswith(problem) for p in problems), problems
    assert str(path) in str(caught.value)


def test_a_small_valid_file_loads(tmp_path):
    text = "types:\n" + TYPES + "cameo:\n" + CODES
    ontology = load_ontology(write(tmp_path / "ok.yaml", text))
    assert len(ontology.types) == 16
    assert ontology.code("13").plover == "SANCTION"


def test_a_missing_file(tmp_path):
    with pytest.raises(OntologyError, match="cannot read"):
        load_ontology(tmp_path / "nothing.yaml")
