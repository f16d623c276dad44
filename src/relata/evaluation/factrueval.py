"""factRuEval-2016 track 1: gold entities, response files and the score.

The gold set is a folder of `book_N.*` files (see the dataset's README in
dialogue-evaluation/factRuEval-2016). A track-1 response is a folder of
`book_N.task1` files, one line per entity: `per|org|loc|locorg START LENGTH`,
START and LENGTH in chars of `book_N.txt` as Python reads it (the gold offsets
are Python str indices too).

`score` follows the official comparator (`scripts/t1_eval.py`, `dialent/task1`);
how it matches and counts is in `factrueval_matching`. In short: entities are
compared as sets of gold tokens, each gold entity is paired with at most one
response of its own class, a pair earns a partial true positive (token overlap,
counting only the tokens of the gold name spans), unnamed and embedded gold
entities are left out, and the counts are summed over documents (micro average).

A document has gold when its `book_N.objects` is there (then `.tokens`, `.spans` and
`.txt` must be too). An object tag that is not track 1's is skipped with a note, as the
comparator skips it with a message. Scoring nothing (no gold document with a response,
or no entity to count) is an EvaluationError, never a perfect score.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvaluationError

KINDS = ("per", "loc", "org", "locorg")  # the official order, which the matching follows
OBJECT_KINDS = {
    "Person": "per",
    "Org": "org",
    "Organization": "org",
    "Location": "loc",
    "LocOrg": "locorg",
}
IGNORED_OBJECTS = {"Project"}  # annotated, but not part of track 1
NAME_SPANS = {  # span kinds whose tokens count in a pair's quality (weight 1; the rest weigh 0)
    "per": frozenset({"name", "surname", "patronymic", "nickname"}),
    "org": frozenset({"org_name", "loc_name"}),
    "loc": frozenset({"org_name", "loc_name"}),
    "locorg": frozenset({"org_name", "loc_name"}),
}
_BOOK = re.compile(r"book_(\d+)")


@dataclass(frozen=True, slots=True)
class GoldToken:
    id: str
    start: int
    end: int
    text: str

    @property
    def is_punct(self) -> bool:
        """One char that is not a letter (digits included), as the comparator has it."""
        return len(self.text) == 1 and self.text.lower() == self.text.upper()


@dataclass(frozen=True, slots=True)
class GoldSpan:
    id: str
    kind: str  # loc_name, org_name, org_descr, geo_adj, surname, job …
    start: int
    end: int
    tokens: tuple[str, ...]  # token ids, in text order


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    kind: str  # per, org, loc or locorg
    spans: tuple[GoldSpan, ...]

    @property
    def start(self) -> int:
        return min(span.start for span in self.spans)

    @property
    def end(self) -> int:
        return max(span.end for span in self.spans)

    @property
    def tokens(self) -> frozenset[str]:
        return frozenset(token for span in self.spans for token in span.tokens)

    @property
    def name_tokens(self) -> frozenset[str]:
        """The tokens of its name spans; none for a mention by descriptor or geo_adj only."""
        names = NAME_SPANS[self.kind]
        return frozenset(t for span in self.spans if span.kind in names for t in span.tokens)


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str  # book_N
    text: str
    tokens: tuple[GoldToken, ...]  # in text order
    entities: tuple[GoldEntity, ...]  # Person, Org, Location and LocOrg objects, file order
    notes: tuple[str, ...] = ()  # object lines skipped (a tag track 1 does not know), and why

    def entity_text(self, entity: GoldEntity) -> str:
        return self.text[entity.start : entity.end]


@dataclass(frozen=True, slots=True)
class Response:
    kind: str  # per, org, loc or locorg
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"response kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad response span [{self.start}, {self.end})")


@dataclass(frozen=True, slots=True)
class Figures:
    tp: float = 0.0  # sum of the pairs' qualities
    n_gold: int = 0  # gold entities that count
    n_response: int = 0  # responses that count

    @property
    def precision(self) -> float:
        return self.tp / self.n_response if self.n_response else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        if not self.n_gold and not self.n_response:
            return 1.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.tp + other.tp, self.n_gold + other.n_gold, self.n_response + other.n_response
        )


@dataclass(frozen=True, slots=True)
class Score:
    overall: Figures
    by_class: Mapping[str, Figures]  # per, loc, org (and locorg unless folded)
    by_document: Mapping[str, Figures] = field(default_factory=dict)
    fold_locorg: bool = False
    missing: tuple[str, ...] = ()  # gold documents without a response file: not scored
    notes: tuple[str, ...] = ()  # the scored documents' object lines that were skipped

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1


def books(folder: Path, ext: str) -> list[Path]:
    """The `book_N.ext` files of a folder, in number order."""
    paths = [p for p in folder.glob(f"book_*.{ext}") if _BOOK.fullmatch(p.stem)]
    return sorted(paths, key=lambda p: int(p.stem.removeprefix("book_")))


GOLD_LAYERS = ("txt", "tokens", "spans", "objects")


def _load_document(folder: Path, name: str) -> GoldDocument:
    missing = [f".{ext}" for ext in GOLD_LAYERS if not (folder / f"{name}.{ext}").is_file()]
    if missing:
        raise EvaluationError(f"{folder / name}.objects: gold without {', '.join(missing)}")
    tokens = []
    for where, line in _lines(folder / f"{name}.tokens"):
        with _bad_line(where, line):
            token_id, start, length, token_text = line.split(" ", 3)
            tokens.append(GoldToken(token_id, int(start), int(start) + int(length), token_text))
    spans = {}
    for where, line in _lines(folder / f"{name}.spans"):
        with _bad_line(where, line):
            left, _, right = line.partition("  # ")
            span_id, kind, start, length, _first, n_tokens = left.split()[:6]
            ids = tuple(right.split()[: int(n_tokens)])
            spans[span_id] = GoldSpan(span_id, kind, int(start), int(start) + int(length), ids)
    entities = []
    notes = []
    for where, line in _lines(folder / f"{name}.objects"):
        fields = line.partition("#")[0].split()
        if not fields:
            continue
        with _bad_line(where, line):
            object_id, object_kind, *span_ids = fields
            if object_kind in IGNORED_OBJECTS:
                continue
            if object_kind not in OBJECT_KINDS:
                notes.append(f"{where}: object tag {object_kind!r} is not one of track 1's "
                             f"({', '.join(OBJECT_KINDS)}): object {object_id} skipped")
                continue
            if not span_ids:
                raise ValueError("an object without spans")
            entities.append(GoldEntity(object_id, OBJECT_KINDS[object_kind],
                                       tuple(spans[s] for s in span_ids)))
    text = _read(folder / f"{name}.txt")
    return GoldDocument(name, text, tuple(sorted(tokens, key=lambda t: t.start)),
                        tuple(entities), tuple(notes))


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    """(FILE:LINE, line) of each line of a gold layer that is not blank."""
    for number, line in enumerate(_read(path).split("\n"), 1):
        if line.strip():
            yield f"{path}:{number}", line


@contextmanager
def _bad_line(where: str, line: str) -> Iterator[None]:
    try:
        yield
    except (ValueError, KeyError) as e:
        reason = f"no span {e}" if isinstance(e, KeyError) else str(e)
        raise EvaluationError(f"{where}: bad line {line!r} ({reason})") from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise EvaluationError(f"{path}: unreadable gold: {e}") from e


def load_gold(folder: str | Path) -> dict[str, GoldDocument]:
    """Every `book_N` document of a gold folder that has its gold layers, by name, in
    number order."""
    folder = Path(folder)
    return {p.stem: _load_document(folder, p.stem) for p in books(folder, "objects")}


def write_responses(folder: str | Path, doc_name: str, entities: Iterable[Response]) -> Path:
    """Write `folder/doc_name.task1` (an empty file when there are no entities)."""
    path = Path(folder) / f"{doc_name}.task1"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{e.kind} {e.start} {e.end - e.start}\n" for e in entities]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def read_responses(folder: str | Path) -> dict[str, tuple[Response, ...]]:
    """Every `book_N.task1` file of a folder, by document name."""
    result = {}
    for path in books(Path(folder), "task1"):
        responses = []
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").split("\n"), 1):
            if not line.strip():
                continue
            try:
                kind, start, length = line.split()
                responses.append(Response(kind.lower(), int(start), int(start) + int(length)))
            except ValueError as error:
                raise EvaluationError(
                    f"{path}:{number}: expected 'per|org|loc|locorg START LENGTH', "
                    f"got {line!r} ({error})"
                ) from None
        result[path.stem] = tuple(responses)
    return result


def errors(gold_folder: str | Path, responses_folder: str | Path, fold_locorg: bool = False,
           only: Callable[[str], bool] | None = None) -> dict[str, list]:
    """The errors (`factrueval_matching.Error`) of each scored document with any, by name;
    `only`: the documents of one part of a split (the tuning part: a held-out part is
    scored, never read)."""
    from .factrueval_matching import document_errors

    gold = load_gold(gold_folder)
    responses = read_responses(responses_folder)
    found = {}
    for name, document in gold.items():
        if name in responses and (only is None or only(name)):
            listed = document_errors(document, responses[name], fold_locorg)
            if listed:
                found[name] = listed
    return found


def score(
    gold_folder: str | Path, responses_folder: str | Path, fold_locorg: bool = False,
    only: Callable[[str], bool] | None = None,
) -> Score:
    """Score a response folder against a gold folder as `t1_eval.py` does.

    With `fold_locorg` (the comparator's `-l`), LocOrg is scored as Location on
    both sides. Gold documents without a response file are skipped and listed in
    `Score.missing`, as the comparator skips them with a warning. EvaluationError if
    that leaves nothing to score. `only`: the documents (`book_N`) to score, for one part
    of a split.
    """
    from .factrueval_matching import score_document  # here: that module imports the records

    gold = load_gold(gold_folder)
    if only is not None:
        gold = {name: document for name, document in gold.items() if only(name)}
    responses = read_responses(responses_folder)
    kinds = [k for k in KINDS if not (fold_locorg and k == "locorg")]
    overall = Figures()
    by_class = dict.fromkeys(kinds, Figures())
    by_document = {}
    for name, document in gold.items():
        if name not in responses:
            continue
        figures = score_document(document, responses[name], fold_locorg)
        by_document[name] = figures[None]
        overall += figures[None]
        for kind in kinds:
            by_class[kind] += figures[kind]
    if not gold:
        raise EvaluationError(f"{gold_folder}: no gold (book_N.objects with its .tokens and "
                              ".spans): nothing to score")
    if not by_document:
        raise EvaluationError(f"{responses_folder}: no response file (book_N.task1) for any "
                              f"of the {len(gold)} gold documents: nothing scored")
    if not overall.n_gold:
        raise EvaluationError(f"{gold_folder}: the gold documents have no entity that track 1 "
                              "counts: nothing to score")
    missing = tuple(name for name in gold if name not in responses)
    notes = tuple(note for name in by_document for note in gold[name].notes)
    return Score(overall, by_class, by_document, fold_locorg, missing, notes)
