"""Build `src/relata/events/data/ontology.yaml` from the CAMEO tables and the CAMEO → PLOVER table.

    python scripts/build_ontology.py [--eventcodes F] [--goldstein F] [--plover F] [--output F]

Inputs (defaults relative to the repository: `../shared/data/...`):

- the CAMEO 1.1b3 event codes and Goldstein weights as GDELT distributes them;
- the official CAMEO → PLOVER table (PLOVER manual draft 0.8, 2021; © Open Event Data
  Alliance, CC BY-SA 4.0): `code: TYPE, mode, context # description`.

What the script decides (all of it is written into the output's header too):

- quad class of a code: by its root (01–05 → 1, 06–08 → 2, 09–13 → 3, 14–20 → 4);
- PLOVER type and mode of a code: its own row in the PLOVER table, else its parent's
  (4-digit → 3-digit → root); the roots take the type of their `NN: TYPE` heading;
- a code without a Goldstein weight takes its parent's (with a comment saying so);
- quad class of a PLOVER type: the quad category the PLOVER manual gives it, checked
  against the most common quad class of its CAMEO codes (a disagreement is noted).

Known defects of the source tables are repaired and reported; anything else unexpected
stops the build with `error: FILE:LINE: reason`.

The coder's type policies (POLICIES below: which types blame when told of, what an intent
to cooperate is coded as, …) are written after the tables, each with its comment; their codes
are checked against the built table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
EVENTCODES = DATA / "cameo" / "CAMEO.eventcodes.txt"
GOLDSTEIN = DATA / "cameo" / "CAMEO.goldsteinscale.txt"
PLOVER = DATA / "plover" / "CAMEO2PLOVER-2021.txt"
OUTPUT = REPO / "src" / "relata" / "events" / "data" / "ontology.yaml"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# The quad category of each type in the PLOVER manual (draft 0.8, "Summary of event categories").
MANUAL_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
DROPPED_ROOTS = ("01", "02")  # "The CAMEO 01 and 02 categories ... have been eliminated."

_CODE = re.compile(r"^\d{2,4}$")
_MODE = re.compile(r"^[a-z][a-z_-]*$")
# GDELT's table runs two rows together: "1056<TAB>Demand de-escalation …106:[-5.0] Demand …"
_MERGED = re.compile(r"^(?P<first>.*?\S)\s*(?P<code>\d{2,4}):\[(?P<weight>-?\d+(?:\.\d+)?)\]\s*"
                     r"(?P<second>.+)$")
# Descriptions GDELT's table garbles (Mac Roman quotes read as Latin-1, letters lost): code →
# (the text as found, the text of the CAMEO and PLOVER tables). Any other non-ASCII stops the build.
_GARBLED = {"044": ("Meet at a \u00d2hird\u00d3location", "Meet at a 'third' location")}


# The coder's type policies, in the order written: (comment, entry). Fields (checked when
# relata loads the file, in src/relata/events/ontology.py): `types`, PLOVER types; `cameo`
# (with `mode`), the code an act is rewritten to, its type the table's (163 SANCTION);
# `words`, `unless`, word lists of src/relata/events/data/words/; `slots`, argument slots as
# the predicate lexicon names them (`prep:в`); `codes`, CAMEO codes an act
# must have, or a mapping of codes (and the codes below them) to the code each becomes.
_INTENT = {  # the 03x intent of each cooperative act, 06x-08x (CAMEO codebook, 03)
    "06": "030", "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "075": "033",
    "08": "035", "080": "035", "081": "0351", "082": "0352", "083": "034", "084": "0353",
    "085": "0354", "086": "0355", "087": "0356",
}
# Sector codes (src/relata/actors/codes.py) the sector policies ask about: the state and
# its organs (and international bodies), its organs of law, and everyone else.
_STATE = ["GOV", "MIL", "LEG", "JUD", "COP", "SPY", "IGO"]
_LAW = ["JUD", "COP"]
_PEOPLE = ["CVL", "OPP", "LAB", "BUS", "MED", "PTY", "ELI", "EDU", "HLH", "REL", "NGO", "REF",
           "AGR", "ENV", "HRI", "CRM", "REB", "SEP", "UAF"]
_UNARMED = [s for s in _PEOPLE if s not in ("REB", "SEP", "UAF", "CRM")]
POLICIES: list[tuple[str, dict]] = [
    ("Acts that, told of by a speaker (`заявил, что Россия нанесла удар`), blame the doer: "
     "the telling is an ACCUSE too.",
     {"policy": "hostile", "types": ["ASSAULT", "COERCE", "THREATEN", "SANCTION"]}),
    ("Acts whose target is not guessed from the rest of the sentence when no slot names one: "
     "refusal and coercion name whom they are aimed at or leave it to an earlier sentence, "
     "and a guess was more often wrong than right for them.",
     {"policy": "unguessed", "types": ["REJECT", "COERCE"]}),
    ("Acts whose missing doer is the last doer of the same type in the sentence: `армия РФ "
     "атаковала ..., а также был нанесен ущерб ...`.",
     {"policy": "inherited", "types": ["ASSAULT", "COERCE"]}),
    ("Acts that two states named together do with each other when no one else is named: "
     "`Ху Цзиньтао и Медведев открыли нефтепровод` (one symmetric event).",
     {"policy": "mutual", "types": ["AGREE", "CONSULT", "COOPERATE"]}),
    ("Acts told of with `о` by their doer (the verbs of words/tell.txt: `Турция заявила о "
     "поддержке Азербайджана`, `Лавров рассказал о переговорах с Блинкеном`) when no one else "
     "is named as doer: acts one does oneself with others. Hostile acts are left out: who "
     "reports an attack is its attribution, not its doer.",
     {"policy": "told-own", "types": ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID",
                                      "RETREAT", "CONCEDE"]}),
    ("Acts whose refusal (a verb of refusal, `negative` in the lexicon, with the act's "
     "infinitive: `Индия отказалась осуждать Россию`, `отказалось выслать дипломатов`) is "
     "the act itself not done, negated, as `не стала осуждать` is: conflictual acts, whose "
     "refusal rejects no one's proposal or demand. The refusal of a cooperative act "
     "(`отказался вести переговоры`, `отказались выдать`) stays REJECT.",
     {"policy": "refused-undone", "types": ["ACCUSE", "THREATEN", "PROTEST", "SANCTION",
                                            "MOBILIZE", "COERCE", "ASSAULT"]}),
    ("Acts that, cancelled or put off (the verbs and nouns of modality/cancellations.txt: "
     "`отменил визит в Пекин`, `переговоры отложены`, `отмена визита`), did not take place: "
     "negated, the act of who cancels it unless its own words name a doer. Sanctions, "
     "tariffs and bans are left out: lifted, they are an act of their own (RETREAT 08x, "
     "`отменил санкции`).",
     {"policy": "cancellable", "types": ["CONSULT", "SUPPORT", "COOPERATE", "AID",
                                         "MOBILIZE"]}),
    ("Acts told in the future by a speaker of their doer's own state or body (`министр "
     "обороны Израиля заявил, что армия нанесет удар`, `Пентагон приведет в готовность "
     "войска, сообщил представитель`, `Турция будет добиваться выдачи, заявил министр "
     "юстиции страны`) are announced: intended, as a scheduled visit is (the guide: "
     "announced, planned, promised); told by anyone else they stay forecasts. Every type "
     "the doer's own side may announce.",
     {"policy": "announced", "types": ["MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "REQUEST",
                                       "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SUPPORT",
                                       "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"]}),
    ("A state handing someone over to another (`экстрадировали Бута в США`; the words of "
     "words/extradite.txt, the receiver in `slots`, not the doer) cooperates with the "
     "receiver judicially.",
     {"policy": "handed-over", "words": "extradite", "slots": ["prep:в"], "cameo": "063"}),
    ("Land taken (the words of words/seize.txt with places for targets: `захватила Крым`) "
     "is occupation, not only an attack.",
     {"policy": "land-seized", "words": "seize", "cameo": "192", "mode": "seize"}),
    ("Administrative restrictions and bans (`запрет на импорт`, `ограничения на поездки`, "
     "`запрещено сотрудничать`) aimed at another state, or its firms or people, are an "
     "embargo or sanction; aimed at the doer's own people they stay COERCE.",
     {"policy": "foreign-restriction", "codes": ["172"], "cameo": "163"}),
    ("Proposing that others do something (the words of words/propose.txt with an "
     "infinitive: `предложил Англии провести военную акцию`) is an appeal, REQUEST; "
     "offering one's own aid, mediation or talks (words/own-offer.txt) stays AGREE 03x.",
     {"policy": "proposal", "words": "propose", "unless": "own-offer", "cameo": "100"}),
    ("A speaker saying that another actor must do something (a word of words/deontic.txt "
     "above the act, in what a reporting verb says: `Меркель подчеркнула, что ЕС и НАТО "
     "должны тесно сотрудничать`) demands it of that actor: a REQUEST, not the act itself.",
     {"policy": "deontic", "words": "deontic", "cameo": "100"}),
    ("An intent to cooperate, aid or yield (modality intended: `решили расширять "
     "сотрудничество`, `готовы помочь`, `обязались вывести`; a promise in the future tense, "
     "`заявили, что будут сотрудничать`) is AGREE with the matching 03x code, kept intended.",
     {"policy": "intent", "codes": _INTENT}),
    ("A stated readiness to meet or negotiate (the words of words/ready.txt above the act: "
     "`готовы к переговорам`) is AGREE 036; a scheduled visit or meeting (`посетит Москву`) "
     "stays CONSULT, intended.",
     {"policy": "readiness", "words": "ready", "codes": {"04": "036"}}),
    ("A protest (words/protest.txt: `протестовать`, `выразить протест`, `акция протеста`) "
     "voiced by a state, its government, ministries, officials or an international body (an "
     "actor with no sector is its state) is an official complaint, ACCUSE 114; a rally, "
     "strike or hunger strike is a protest whoever holds it.",
     {"policy": "state-protest", "words": "protest", "codes": ["14"], "sectors": _STATE,
      "cameo": "114", "mode": "allege"}),
    ("The same words (`выразили протест`, `заявили протест`) voiced by civilians, the "
     "opposition, workers, activists and other people (`японские националисты`: people of a "
     "state told by its adjective are civilians) are a protest, PROTEST 140.",
     {"policy": "people-protest", "words": "protest", "codes": ["114"], "sectors": _PEOPLE,
      "cameo": "140"}),
    ("Clashes (words/clash.txt) begun by civilians, the opposition, workers or other unarmed "
     "people (`столкновения оппозиции с милицией`) are a violent protest, riot, PROTEST 145; "
     "of armed groups or forces they stay a fight.",
     {"policy": "people-clash", "words": "clash", "codes": ["190"], "sectors": _UNARMED,
      "cameo": "145", "mode": "riot"}),
    ("Formal charges (`предъявить обвинения`, 173) brought against a government or an "
     "international body (`предъявить Вашингтону обвинения`) are an accusation, ACCUSE 112; "
     "against soldiers, officials or anyone else they stay charges.",
     {"policy": "charged-state", "codes": ["173"], "words": "charge", "targets": ["GOV", "IGO"],
      "cameo": "112", "mode": "disapprove"}),
    ("An accusation (`обвинение`, or the verbs `обвинить`, `обвинять`: 112) that a court, "
     "prosecutor or police brings against a person, a firm or an official (`генпрокуратура "
     "обвинила бывшего министра обороны в растрате`) is a formal charge, COERCE 173; against a "
     "state named alone or an international body it stays an accusation.",
     {"policy": "charged-person", "codes": ["112"], "words": "charge", "sectors": _LAW,
      "targets": _PEOPLE + [s for s in _STATE if s != "IGO"], "cameo": "173",
      "mode": "arrest"}),
    ("A charge told in the passive with no doer named, or a court, prosecutor or police only "
     "(`был арестован и обвинён в шпионаже`, `обвинён прокуратурой`; a short participle), or "
     "told by a verb of charging (words/charging.txt) with no subject (`экс-премьера обвинили в "
     "растрате`, `обвиняется во взятках`), is a formal charge, COERCE 173, unless it is aimed at "
     "a government or an international body.",
     {"policy": "charged-unnamed", "codes": ["112"], "sectors": _LAW, "cameo": "173",
      "mode": "arrest"}),
    ("An act of an organ of law (an investigation, a verdict, a ban, an arrest or charge, an "
     "expulsion) that names neither its doer nor where it happened, told by a noun "
     "(`после ареста`, `факт задержания президента`, `расследование в отношении премьера`) or "
     "by a verb with no subject (`против него возбуждено дело`), is by the organ of the state "
     "of the one it is aimed at, when the sentence names no other state. Not a release "
     "(`освобождение гражданина США`): hostages are released by their captors; only a release "
     "from custody or on bail (words/custody.txt: `выпущен под залог`, `освобожден из тюрьмы`, "
     "or from under it: `из-под стражи`). An accusation "
     "(112) only when a verb with no subject tells it (`его обвиняют`, `обвиняется`): a noun of "
     "accusation is as often a politician's.",
     {"policy": "patients-state", "codes": ["0841", "09", "112", "116", "172", "173", "174"]}),
]


class BuildError(Exception):
    """A table the script cannot read or trust; the message is `FILE:LINE: reason`."""


@dataclass(frozen=True, slots=True)
class Mapping:
    type: str
    mode: str | None
    where: str  # FILE:LINE
    label: str  # the row's description (after the #)


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    description: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None
    goldstein_from: str | None  # the ancestor whose weight it inherited
    mapping_from: str | None  # the ancestor whose PLOVER mapping it inherited
    other_meaning: str | None  # the PLOVER table's description, where it means something else


@dataclass(frozen=True, slots=True)
class Type:
    type: str
    quad_class: int
    majority: int  # the most common quad class of its codes
    modes: tuple[str, ...]


def _rows(path: Path, header: str) -> list[tuple[int, list[str]]]:
    """(line number, fields) of a tab-separated table after its header row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise BuildError(f"{path}: cannot read: {e}") from e
    if not lines or not lines[0].startswith(header):
        raise BuildError(f"{path}:1: expected the header {header!r}")
    return [(n, line.split("\t")) for n, line in enumerate(lines[1:], 2) if line.strip()]


def _description(code: str, text: str, where: str, notes: list[str]) -> str:
    text = " ".join(text.split())
    garbled, fixed = _GARBLED.get(code, ("", ""))
    if text == garbled:
        notes.append(f"{where}: code {code}: garbled description {text!r} written as {fixed!r}")
        text = fixed
    if not text or not text.isascii() or not text.isprintable():
        raise BuildError(f"{where}: code {code}: unreadable description {text!r}")
    return text


def read_eventcodes(path: Path, notes: list[str]) -> tuple[dict[str, str], dict[str, float]]:
    """CAMEO code → description, without the quad-class pseudo codes 1–4; and the weights
    written inside a merged row, for checking against the Goldstein table."""
    codes: dict[str, str] = {}
    embedded: dict[str, float] = {}

    def add(code: str, text: str, where: str) -> None:
        if not _CODE.match(code):
            raise BuildError(f"{where}: not a CAMEO code: {code!r}")
        if code in codes:
            raise BuildError(f"{where}: code {code} listed twice")
        codes[code] = _description(code, text, where, notes)

    for n, fields in _rows(path, "CAMEOEVENTCODE\tEVENTDESCRIPTION"):
        where = f"{path.name}:{n}"
        if len(fields) != 2:
            raise BuildError(f"{where}: expected 2 tab-separated fields, got {len(fields)}")
        code, text = (f.strip() for f in fields)
        if code in {"1", "2", "3", "4"}:
            continue
        merged = _MERGED.match(text)
        if merged:
            add(code, merged["first"], where)
            add(merged["code"], merged["second"], where)
            notes.append(f"{where}: codes {code} and {merged['code']} run together on one row; "
                         f"split (the row's weight [{merged['weight']}] agrees with the "
                         f"Goldstein table: checked)")
            embedded[merged["code"]] = float(merged["weight"])
        else:
            add(code, text, where)
    return codes, embedded


def read_goldstein(path: Path) -> dict[str, float]:
    weights: dict[str, float] = {}
    for n, fields in _rows(path, "CAMEOEVENTCODE\tGOLDSTEINSCALE"):
        where = f"{path.name}:{n}"
        if len(fields) != 2 or not _CODE.match(fields[0].strip()):
            raise BuildError(f"{where}: expected CODE<TAB>WEIGHT")
        code = fields[0].strip()
        try:
            weight = float(fields[1])
        except ValueError as e:
            raise BuildError(f"{where}: not a number: {fields[1]!r}") from e
        if not -10.0 <= weight <= 10.0:
            raise BuildError(f"{where}: weight {weight} outside -10..10")
        if code in weights and weights[code] != weight:
            raise BuildError(f"{where}: code {code} has two weights")
        weights[code] = weight
    return weights


def _mode(text: str, where: str) -> str | None:
    mode = text.strip()
    if mode and not _MODE.match(mode):
        raise BuildError(f"{where}: odd mode {mode!r}")
    return mode or None


def read_plover(path: Path, notes: list[str]) -> dict[str, Mapping]:
    """CAMEO code → PLOVER mapping; a root (`NN: TYPE` heading) keeps its first heading."""
    mappings: dict[str, Mapping] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise BuildError(f"{path}: cannot read: {e}") from e
    for n, line in enumerate(lines, 1):
        body, _, label = (part.strip() for part in line.partition("#"))
        if not body or set(body) == {"~"}:  # comments, blank lines, the closing ~~~~~
            continue
        where = f"{path.name}:{n}"
        code, sep, rest = body.partition(":")
        code = code.strip()
        if not sep or not _CODE.match(code):
            raise BuildError(f"{where}: expected 'CODE: TYPE, mode, context'")
        fields = [f.strip() for f in rest.split(",")]
        if fields[0] not in PLOVER_TYPES:
            raise BuildError(f"{where}: unknown PLOVER type {fields[0]!r}")
        mode = _mode(fields[1], where) if len(fields) > 1 else None
        mapping = Mapping(fields[0], mode, where, label)
        first = mappings.get(code)
        if first is None:
            mappings[code] = mapping
        elif len(code) == 2:
            notes.append(f"{where}: root {code} has a second heading {mapping.type}; "
                         f"kept the first, {first.type} ({first.where})")
        elif (first.type, first.mode) == (mapping.type, mapping.mode):
            notes.append(f"{where}: code {code} listed twice (same mapping as {first.where})")
        else:
            raise BuildError(f"{where}: code {code} mapped twice, differently ({first.where})")
    return mappings


def quad_of(code: str) -> int:
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise BuildError(f"code {code}: root {code[:2]} is not a CAMEO root (01–20)")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


_STOP = frozenset({"specified", "below", "with", "that", "from", "such", "other", "others"})


def _means_else(description: str, label: str) -> bool:
    """Whether two descriptions of one code name different things: past their first word
    (the verb), no content word in common (compared on 4-letter stems)."""
    def stems(text: str) -> set[str]:
        words = re.findall(r"[a-z]+", text.lower())[1:]
        return {w[:4] for w in words if len(w) >= 4 and w not in _STOP}

    ours, theirs = stems(description), stems(label)
    return bool(ours and theirs and not ours & theirs)


def ancestors(code: str) -> list[str]:
    """The code's parent, grandparent …: 0211 → [021, 02]."""
    return [code[:n] for n in range(len(code) - 1, 1, -1)]


def build(
    descriptions: dict[str, str], embedded: dict[str, float], weights: dict[str, float],
    mappings: dict[str, Mapping], notes: list[str],
) -> tuple[list[Type], list[Code]]:
    for code, weight in embedded.items():
        if weights.get(code) != weight:
            raise BuildError(f"code {code}: the event-codes table gives weight {weight}, "
                             f"the Goldstein table {weights.get(code)}")
    for code in sorted(set(weights) - set(descriptions)):
        notes.append(f"Goldstein table: code {code} is not in the event-codes table; left out")
    for code in sorted(set(mappings) - set(descriptions)):
        notes.append(f"{mappings[code].where}: code {code} is not in the event-codes table; "
                     f"left out")
    codes = []
    for code in sorted(descriptions):
        weight_from = next((a for a in [code, *ancestors(code)] if a in weights), None)
        if weight_from is None:
            raise BuildError(f"code {code}: no Goldstein weight, nor one for any parent")
        mapping_from = next((a for a in [code, *ancestors(code)] if a in mappings), None)
        if mapping_from is None and code[:2] not in DROPPED_ROOTS:
            raise BuildError(f"code {code}: no PLOVER mapping, nor one for any parent")
        mapping = mappings.get(mapping_from) if mapping_from else None
        own = mappings.get(code)
        other = own.label if own and _means_else(descriptions[code], own.label) else None
        if other:
            notes.append(f"{own.where}: code {code} is {other!r} in the PLOVER table but "
                         f"{descriptions[code]!r} in GDELT's; mapped by number")
        codes.append(Code(
            code, descriptions[code], weights[weight_from], quad_of(code),
            mapping.type if mapping else None, mapping.mode if mapping else None,
            weight_from if weight_from != code else None,
            mapping_from if mapping_from not in (code, None) else None, other,
        ))
    return _types(codes, notes), codes


def _types(codes: list[Code], notes: list[str]) -> list[Type]:
    types = []
    for name in PLOVER_TYPES:
        mine = [c for c in codes if c.plover == name]
        if not mine:
            raise BuildError(f"PLOVER type {name}: no CAMEO code maps to it")
        counts = Counter(c.quad_class for c in mine).most_common()
        if len(counts) > 1 and counts[0][1] == counts[1][1]:
            notes.append(f"{name}: its codes' quad classes tie: {counts}")
        majority = counts[0][0]
        if majority != MANUAL_QUAD[name]:
            notes.append(f"{name}: the PLOVER manual puts it in quad {MANUAL_QUAD[name]}, "
                         f"its CAMEO codes are mostly quad {majority}; kept the manual's")
        modes = tuple(sorted({c.mode for c in mine if c.mode}))
        types.append(Type(name, MANUAL_QUAD[name], majority, modes))
    return types


def _scalar(text: str) -> str:
    """`text` as a plain YAML scalar when it reads back unchanged, else double-quoted."""
    if ": " not in text and " #" not in text and not text.startswith(("'", '"', "[", "{")):
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _flow(value) -> str:
    """A policy's field as flow YAML: codes quoted, names plain."""
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}": "{v}"' for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return f'"{value}"' if value.isdigit() or ":" in value else value


def check_policies(codes: list[Code]) -> None:
    """Every code a policy names is one of the table's, with a PLOVER type."""
    typed = {c.code for c in codes if c.plover}
    for _, entry in POLICIES:
        named = [entry.get("cameo"), *entry.get("codes", ()),
                 *(entry["codes"].values() if isinstance(entry.get("codes"), dict) else ())]
        for code in filter(None, named):
            if code not in typed:
                raise BuildError(f"policy {entry['policy']}: code {code} is not in the table "
                                 f"or has no PLOVER type")


def render_policies() -> list[str]:
    out = ["policies:"]
    for comment, entry in POLICIES:
        out += textwrap.wrap(comment, 96, initial_indent="  # ", subsequent_indent="  # ")
        fields = ", ".join(f"{k}: {_flow(v)}" for k, v in entry.items())
        line = f"  - {{{fields}}}"
        if len(line) > 100 and isinstance(entry.get("codes"), dict):  # one code a line
            head = ", ".join(f"{k}: {_flow(v)}" for k, v in entry.items() if k != "codes")
            out += [f"  - {head}", "    codes:"]
            out += [f'      "{k}": "{v}"' for k, v in entry["codes"].items()]
        else:
            out.append(line)
    return out


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render(types: list[Type], codes: list[Code], inputs: Sequence[Path], notes: list[str]) -> str:
    dropped = sum(c.plover is None for c in codes)
    inherited = sum(c.mapping_from is not None for c in codes)
    weights = sum(c.goldstein_from is not None for c in codes)
    out = [
        "# relata ontology: the 16 PLOVER event types and every CAMEO event code.",
        "# Generated by scripts/build_ontology.py; do not edit. Format: data/README.md.",
        "#",
        "# Sources (sha256):",
        "#   CAMEO 1.1b3 event codes and Goldstein weights, as distributed by GDELT:",
        f"#     CAMEO.eventcodes.txt     {_sha256(inputs[0])}",
        f"#     CAMEO.goldsteinscale.txt {_sha256(inputs[1])}",
        "#   CAMEO -> PLOVER conversion table, PLOVER manual draft 0.8 (17 September 2021),",
        "#   © Open Event Data Alliance, licensed CC BY-SA 4.0:",
        f"#     CAMEO2PLOVER-2021.txt    {_sha256(inputs[2])}",
        "# Licence: this file is a derived work of the PLOVER mapping and is licensed under",
        "# CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); the CAMEO tables",
        "# are the public reference tables GDELT distributes.",
        "#",
        "# How it was derived:",
        "# - quad_class of a code: by its root: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4",
        "#   (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material"
        " conflict)",
        "# - plover, mode of a code: its row in the PLOVER table (the table's 2nd column is the",
        "#   mode; its 3rd, the PLOVER context, is not kept); a code without a row takes its",
        "#   parent's mapping (marked 'inherited'); a root takes its 'NN: TYPE' heading.",
        f"# - plover: null for the {dropped} codes of CAMEO 01 (make public statement) and 02",
        "#   (appeal): PLOVER drops both categories, the table has no rows for them.",
        "# - goldstein: the Goldstein table's weight; a code without one would take its parent's",
        "#   (marked 'inherited').",
        "# - quad_class of a type: the quad category the PLOVER manual gives it, checked against",
        "#   the most common quad class of its CAMEO codes; modes: every mode the table uses.",
        "# - policies: the coder's type policies, as the script gives them (POLICIES), each",
        "#   with the reason for it; their codes are checked against the table above.",
        f"# Counts: {len(types)} types, {len(codes)} CAMEO codes; inherited: {inherited} PLOVER "
        f"mappings, {weights} Goldstein weights.",
        "# Notes on the source tables:",
        *(line for note in notes for line in textwrap.wrap(
            note, 96, initial_indent="# - ", subsequent_indent="#   ")),
        "",
        "types:",
    ]
    for t in types:
        check = "" if t.quad_class == t.majority else (
            f"  # PLOVER manual; its CAMEO codes are mostly quad {t.majority}")
        out += [
            f"  - type: {t.type}",
            f"    quad_class: {t.quad_class}{check}",
            f"    modes: [{', '.join(t.modes)}]",
        ]
    out.append("cameo:")
    for c in codes:
        weight = f"  # inherited from \"{c.goldstein_from}\"" if c.goldstein_from else ""
        mapping = f"  # inherited from \"{c.mapping_from}\"" if c.mapping_from else ""
        if c.plover is None:
            mapping = "  # CAMEO 01 and 02 are not PLOVER events"
        if c.other_meaning:
            mapping = f"  # by number: the PLOVER table's {c.code} is {c.other_meaning!r}"
        out += [
            f"  - code: \"{c.code}\"",
            f"    description: {_scalar(c.description)}",
            f"    goldstein: {c.goldstein!r}{weight}",
            f"    quad_class: {c.quad_class}",
            f"    plover: {c.plover or 'null'}{mapping}",
            f"    mode: {c.mode or 'null'}",
        ]
    out += render_policies()
    return "\n".join(out) + "\n"


def _check(text: str, types: list[Type], codes: list[Code]) -> None:
    """The written YAML reads back as exactly what was meant."""
    data = yaml.safe_load(text)
    assert [t["type"] for t in data["types"]] == [t.type for t in types]
    assert [t["modes"] for t in data["types"]] == [list(t.modes) for t in types]
    meant = [{"code": c.code, "description": c.description, "goldstein": c.goldstein,
              "quad_class": c.quad_class, "plover": c.plover, "mode": c.mode} for c in codes]
    assert data["cameo"] == meant, "the YAML does not read back as written"
    assert data["policies"] == [entry for _, entry in POLICIES], "the policies do not read back"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--eventcodes", type=Path, default=EVENTCODES)
    parser.add_argument("--goldstein", type=Path, default=GOLDSTEIN)
    parser.add_argument("--plover", type=Path, default=PLOVER)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    notes: list[str] = []
    try:
        descriptions, embedded = read_eventcodes(args.eventcodes, notes)
        weights = read_goldstein(args.goldstein)
        mappings = read_plover(args.plover, notes)
        types, codes = build(descriptions, embedded, weights, mappings, notes)
        check_policies(codes)
    except BuildError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    text = render(types, codes, (args.eventcodes, args.goldstein, args.plover), notes)
    _check(text, types, codes)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    inherited = sum(c.mapping_from is not None for c in codes)
    weights_inherited = sum(c.goldstein_from is not None for c in codes)
    print(f"{args.output}: {len(types)} types, {len(codes)} CAMEO codes "
          f"({sum(c.plover is None for c in codes)} without a PLOVER type: CAMEO 01, 02); "
          f"{inherited} inherited a mapping, {weights_inherited} a weight", file=sys.stderr)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
