"""Markup that corpora put into their text and that is not prose: hidden from the NLP.

Each pattern's matches are replaced by spaces of the same length, so every offset
the NLP gives still points into the document's own text.
"""

from __future__ import annotations

import re

MARKUP = (
    # RuSentRel starts every line with the author of what follows: `{Author, Unknown} `.
    re.compile(r"^\{Author, [^}\n]*\}", re.MULTILINE),
)


def prose(text: str) -> str:
    """`text` with its markup blanked out, offset for offset."""
    for pattern in MARKUP:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text
