"""What is in a document's text and is not prose: hidden from the NLP, offsets kept.

Corpus markup is replaced by spaces of the same length, so every offset the NLP gives
still points into the document's own text. Invisible characters (zero-width spaces,
soft hyphens, direction marks) sit inside words as often as between them, where a
space would split the word: they are taken out, and `Visible` maps the offsets of the
text without them back to the text with them.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

MARKUP = (
    # RuSentRel starts every line with the author of what follows: `{Author, Unknown} `.
    re.compile(r"^\{Author, [^}\n]*\}", re.MULTILINE),
)

# Characters that change no glyph a reader sees, but split or glue what the models read
# (`Моск\u200bва` is two words to them): the soft hyphen; zero-width space, non-joiner
# and joiner; left-to-right and right-to-left marks; the embeddings and overrides; word
# joiner and invisible operators; the isolates; and the byte order mark.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")


def prose(text: str) -> str:
    """`text` with its markup blanked out, offset for offset."""
    for pattern in MARKUP:
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def visible(text: str) -> str:
    """`text` without its invisible characters."""
    return INVISIBLE.sub("", text)


@dataclasses.dataclass(frozen=True, slots=True)
class Visible:
    """A text without its invisible characters (`text`), and the way between its offsets
    and those of the text it was made from."""

    text: str
    removed: tuple[int, ...] = ()  # where the characters taken out were, in the original
    # for each of them, how many characters of `text` come before it
    hidden: tuple[int, ...] = ()

    @classmethod
    def of(cls, original: str) -> Visible:
        removed = tuple(i for match in INVISIBLE.finditer(original)
                        for i in range(match.start(), match.end()))
        if not removed:
            return cls(original)
        return cls(visible(original), removed, tuple(i - k for k, i in enumerate(removed)))

    def start(self, offset: int) -> int:
        """Where the character at `offset` of `text` is in the original."""
        return offset + bisect.bisect_right(self.hidden, offset)

    def end(self, offset: int) -> int:
        """Where a span of `text` that ends at `offset` ends in the original: after its last
        character, not after the hidden ones that follow it."""
        return offset + bisect.bisect_left(self.hidden, offset)

    def shown(self, offset: int) -> int:
        """Where `offset` of the original is in `text`: how many visible characters come
        before it."""
        return offset - bisect.bisect_left(self.removed, offset)
