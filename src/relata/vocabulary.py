"""The closed sets of values relata's filters take, and the one check that reads them the
same way in the library, the CLI and the HTTP API: case-insensitive, and an unknown value
is an error that lists the known ones — never an empty answer."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import RelataError

# The PLOVER types of the ontology (events/data/ontology.yaml; a test keeps them equal).
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
               "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
               "COERCE", "ASSAULT")
MODALITIES = ("factual", "negated", "intended", "threatened", "predicted", "hypothetical")
# PER, ORG, LOC (a place), LOCORG (a place acting as a state), GRP, ADJ (`российский`)
MENTION_KINDS = ("PER", "ORG", "LOC", "LOCORG", "GRP", "ADJ")


class FilterError(RelataError, ValueError):
    """A filter value outside its closed set."""

    def __init__(self, message: str, field: str):
        super().__init__(message)
        self.field = field


def choose(value: str | None, allowed: Iterable[str], field: str) -> str | None:
    """`value` as it is spelled in `allowed` (any case), None for None; FilterError if
    it is none of them."""
    if value is None:
        return None
    allowed = tuple(allowed)
    found = next((a for a in allowed if a.casefold() == value.strip().casefold()), None)
    if found is None:
        raise FilterError(f"unknown {field} {value!r}: one of {', '.join(allowed)}", field)
    return found
