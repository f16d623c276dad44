"""Tables for the terminal: boxed, each column as wide as its widest cell, numbers to
the right, long cells wrapped when the table would be wider than the screen.

rich draws the same boxes, but measures every cell through its layout engine: a dyad's
150-row table took a third of a second, in a command meant to answer in a fraction of one.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Mapping, Sequence

MIN_WIDTH = 8  # a column is not squeezed below this to fit the screen
_NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?|[-+]?(nan|inf)")


def width(text: str) -> int:
    """Terminal cells `text` takes: wide East Asian characters two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render(rows: Sequence[Mapping[str, str]], title: str = "", screen: int = 200) -> str:
    """The rows (one mapping of column → text each, the first row's keys as the header)
    as a boxed table no wider than `screen` where the columns allow."""
    columns = list(rows[0]) if rows else []
    if not columns:
        return f"{title}\n(nothing)" if title else "(nothing)"
    cells = [[str(row.get(c, "")).replace("\n", " ") for c in columns] for row in rows]
    widths = [max(width(c), *(width(r[i]) for r in cells)) for i, c in enumerate(columns)]
    _fit(widths, screen - (3 * len(columns) + 1))
    # a column of numbers (empty cells allowed) is read by its digits: right-aligned
    right = [any(r[i] for r in cells) and all(not r[i] or _NUMBER.fullmatch(r[i])
                                              for r in cells) for i in range(len(columns))]
    lines = [title] if title else []
    lines.append(_rule("┏", "━", "┳", "┓", widths))
    lines.extend(_row(columns, widths, "┃", right))
    lines.append(_rule("┡", "━", "╇", "┩", widths))
    for row in cells:
        lines.extend(_row(row, widths, "│", right))
    lines.append(_rule("└", "─", "┴", "┘", widths))
    return "\n".join(lines)


def _fit(widths: list[int], room: int) -> None:
    """Narrow the widest columns, one cell at a time, until they fit in `room`."""
    while sum(widths) > room:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= MIN_WIDTH:
            return  # too many columns for the screen: let the terminal wrap
        widths[widest] -= 1


def _rule(left: str, line: str, cross: str, right: str, widths: list[int]) -> str:
    return left + cross.join(line * (w + 2) for w in widths) + right


def _row(texts: Sequence[str], widths: list[int], bar: str, right: list[bool]
         ) -> list[str]:
    wrapped = [_wrap(t, w) for t, w in zip(texts, widths, strict=True)]
    height = max(len(w) for w in wrapped)
    return [bar + bar.join(f" {_pad(w[k] if k < len(w) else '', n, r)} "
                           for w, n, r in zip(wrapped, widths, right, strict=True)) + bar
            for k in range(height)]


def _wrap(text: str, room: int) -> list[str]:
    if width(text) <= room:
        return [text]
    return textwrap.wrap(text, room) or [""]


def _pad(text: str, room: int, right: bool = False) -> str:
    space = " " * (room - width(text))
    return space + text if right else text + space
