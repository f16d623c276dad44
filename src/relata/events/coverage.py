"""How much of the CAMEO codebook the predicate lexicon covers: the codes it can code.

A code is covered by the entries with that code; a three-digit code is also covered
through its four-digit children (an entry for 0421 covers 042). Codes without a PLOVER
type (CAMEO 01, 02: statements and appeals, which are no events) are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import Lexicon
from .ontology import Ontology, plover_type


@dataclass(frozen=True, slots=True)
class CodeCoverage:
    code: str
    description: str
    type: str  # the PLOVER type an event of this code has
    entries: int  # entries with exactly this code
    below: int  # entries with a more specific code under it

    @property
    def covered(self) -> bool:
        return self.entries + self.below > 0


def coverage(lexicon: Lexicon, ontology: Ontology) -> list[CodeCoverage]:
    """Every CAMEO code that has a PLOVER type, in code order, with its entries."""
    exact = Counter(p.cameo for p in lexicon.predicates)
    rows = []
    for code in ontology.cameo.values():
        kind = plover_type(code)
        if kind is None:
            continue
        below = sum(n for other, n in exact.items()
                    if other != code.code and other.startswith(code.code))
        rows.append(CodeCoverage(code.code, code.description, kind, exact[code.code], below))
    return rows


def missing(rows: Iterable[CodeCoverage], levels: Iterable[int] = (3,),
            among: Iterable[str] | None = None) -> list[CodeCoverage]:
    """The codes without any entry: of the given lengths (3: the three-digit level), or of
    those in `among` (say, the codes a gold file uses) whatever their length."""
    wanted = None if among is None else set(among)
    lengths = set(levels)
    return [row for row in rows if not row.covered
            and (row.code in wanted if wanted is not None else len(row.code) in lengths)]
