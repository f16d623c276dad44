"""What reading a code needs, without the YAML reader: where the built-in dictionaries
are, the sector codes, and how names are compared."""

from __future__ import annotations

from pathlib import Path

BUILTIN = Path(__file__).parent / "data"

SECTORS = frozenset({
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "BUS", "MED", "CVL", "OPP", "REB", "PTY", "ELI",
    "EDU", "HLH", "REL", "NGO", "IGO", "REF", "LAB", "AGR", "ENV", "CRM", "HRI", "SEP", "UAF"
})


def normal(name: str) -> str:
    """A name as names are compared: lower case, ё as е."""
    return name.lower().replace("ё", "е")
