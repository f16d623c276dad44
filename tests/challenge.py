"""Challenge sets: made-up news sentences, written from the codebook (CAMEO/PLOVER) and
the Russian language, each with the events `../shared/ANNOTATION.md` gives it.

A file in `tests/data/challenge/*.tsv` has one sentence a line, tab-separated:

    sentence <TAB> expected <TAB> status [<TAB> note]

`expected` is `none` or events joined by `;`, each `TYPE SOURCE>TARGET [modality]`, a side
being a country or an organisation code and `-` for no target. `status` is `ok` (the
coder must give exactly these events: `test_challenge.py` asserts it) or `miss` (a known
failure, listed by the report). `#` starts a comment line.

Run as a script for the pass rate of every file (or of the files named), with the rows
that fail and the `miss` rows that now pass:

    PYTHONPATH=src python tests/challenge.py [tests/data/challenge/X.tsv ...]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from relata.evaluation.events import FORECASTS, canonical_side, same_modality

FOLDER = Path(__file__).parent / "data" / "challenge"
STATUSES = ("ok", "miss")


@dataclass(frozen=True)
class Expected:
    type: str
    source: str | None
    target: str | None
    modality: str | None

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return self.type, self.source, self.target


@dataclass(frozen=True)
class Case:
    path: Path
    line: int
    sentence: str
    expected: tuple[Expected, ...]
    status: str
    note: str

    @property
    def id(self) -> str:
        return f"{self.path.stem}:{self.line}"


def _expected(text: str, where: str) -> tuple[Expected, ...]:
    if text.strip() == "none":
        return ()
    events = []
    for part in text.split(";"):
        fields = part.split()
        if len(fields) not in (2, 3) or ">" not in fields[1]:
            raise ValueError(f"{where}: an event is `TYPE SOURCE>TARGET [modality]`, not {part!r}")
        source, target = fields[1].split(">", 1)
        events.append(Expected(fields[0], canonical_side(source),
                               None if target == "-" else canonical_side(target),
                               fields[2] if len(fields) == 3 else None))
    return tuple(events)


def read(path: Path) -> list[Case]:
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{path.name}:{number}"
        if len(fields) < 3 or fields[2].strip() not in STATUSES:
            raise ValueError(f"{where}: a row is sentence, expected, ok|miss [, note]")
        cases.append(Case(path, number, fields[0].strip(), _expected(fields[1], where),
                          fields[2].strip(), fields[3].strip() if len(fields) > 3 else ""))
    return cases


def cases(paths: list[Path] | None = None) -> list[Case]:
    return [case for path in (paths or sorted(FOLDER.glob("*.tsv"))) for case in read(path)]


def problems(case: Case, events) -> list[str]:
    """What is wrong with the events coded for a case: an empty list when they are right."""
    found = {}
    for event in events:
        source = canonical_side(event.source.country or event.source.code)
        target = event.target and canonical_side(event.target.country or event.target.code)
        found.setdefault((event.type, source, target), event)
        if event.symmetric:
            found.setdefault((event.type, target, source), event)
    wrong = []
    for want in case.expected:
        event = found.get(want.key)
        if event is None:
            wrong.append(f"missing {want.type} {want.source}>{want.target or '-'}")
        elif want.modality and not same_modality(want.modality, event.modality):
            wrong.append(f"{want.type} {want.source}>{want.target or '-'} is {event.modality}, "
                         f"not {want.modality}")
    keys = {want.key for want in case.expected}
    for event in events:
        kind = event.type
        source = canonical_side(event.source.country or event.source.code)
        target = event.target and canonical_side(event.target.country or event.target.code)
        if (kind, source, target) in keys or (event.symmetric and (kind, target, source) in keys):
            continue
        if event.modality in FORECASTS:
            continue  # as the scorer: an unmatched forecast is no false positive
        wrong.append(f"extra {kind} {source}>{target or '-'} «{event.trigger.text}»")
    return wrong


def code(pipeline, sentence: str):
    from relata.sources import parse_text

    return pipeline([parse_text(f" date 2016-05-01 {sentence}", "challenge")])[0].events


def report(paths: list[Path] | None = None) -> int:
    from relata.pipeline import Pipeline

    pipeline = Pipeline()
    failed_ok = 0
    for path in paths or sorted(FOLDER.glob("*.tsv")):
        rows = read(path)
        passed = 0
        lines = []
        for case in rows:
            wrong = problems(case, code(pipeline, case.sentence))
            passed += not wrong
            if wrong and case.status == "ok":
                failed_ok += 1
                lines.append(f"  FAIL (ok) {case.id}: {'; '.join(wrong)} | {case.sentence}")
            elif wrong:
                lines.append(f"  miss {case.id}: {'; '.join(wrong)} | {case.sentence}")
            elif case.status == "miss":
                lines.append(f"  now passes {case.id}: {case.sentence}")
        print(f"{path.name}: {passed} of {len(rows)} pass ({passed / max(len(rows), 1):.2f})")
        print("\n".join(lines))
    return 1 if failed_ok else 0


if __name__ == "__main__":
    sys.exit(report([Path(p) for p in sys.argv[1:]] or None))
