"""Near-duplicate articles: the same agency story on many sites, found at ingest.

Each article's body becomes a MinHash signature (datasketch) over its word shingles;
the signature is cut into LSH bands whose keys are stored with it, so that a copy
ingested a week after its original is still found: the candidates of a new article are
the stored articles that share a band key with it (one indexed query a batch), and a
candidate is its original when the signatures agree on at least `threshold` of their
values (the estimated Jaccard similarity of the two shingle sets), or when one holds
nearly all of the other and is not much longer (a copy cut short, or with a paragraph of
its own: the overlap is estimated from the Jaccard and the two sets' sizes). A copy is
stored as a mention of its original (the `copies` table), not analysed again.

Memory is bounded: the index is in the database; only the articles of the batches being
analysed (not yet written) are held, to find copies among them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from .records import Document
    from .store import Store

NUM_PERM = 128  # signature length: the Jaccard estimate's error is about 1/sqrt(128) ≈ 0.09
BANDS, ROWS = 32, 4  # a pair of similarity s shares a band with probability 1 − (1 − s⁴)³²:
# 0.9998 at s = 0.6, 0.79 at 0.4, so that candidates are rarely missed; the threshold is
# then applied to the signatures themselves
SHINGLE = 5  # words
DEFAULT_THRESHOLD = 0.7
# Shorter texts (briefs, headlines, templates that differ in a name or a number) are too
# short to tell a copy from a text of the same pattern: they are never taken for copies.
MIN_WORDS = 40
# One text holding this share of the other's shingles is a copy of it when the shorter has
# at least MIN_RATIO of the longer's: the story cut short, not its lead alone.
CONTAINED, MIN_RATIO = 0.9, 0.5
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The text's runs of SHINGLE words, lower-cased: what two copies of a story share."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of the text's shingles (NUM_PERM unsigned 64-bit values)."""
    return _signature(shingles(text))


def _signature(found: set[bytes]) -> np.ndarray:
    import numpy as np
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    minhash.update_batch(list(found))
    return minhash.hashvalues.astype(np.uint64)


def band_keys(values: np.ndarray) -> list[int]:
    """One key a band: a signed 64-bit hash of the band's number and values."""
    keys = []
    for band in range(BANDS):
        part = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "little") + part, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The share of signature values two articles agree on: their estimated Jaccard."""
    return float((a == b).mean())


def copied(jaccard: float, size: int, other: int, threshold: float) -> bool:
    """Whether two texts of these shingle counts and estimated Jaccard are one story."""
    if jaccard >= threshold:
        return True
    small, large = sorted((size, other))
    if not small or small < MIN_RATIO * large:
        return False
    shared = jaccard * (size + other) / (1 + jaccard)  # |A ∩ B| from J and the sizes
    return shared >= CONTAINED * small


@dataclass(frozen=True, slots=True)
class Copy:
    document: Document
    original: str  # the stored (or earlier) document's id
    similarity: float


@dataclass(slots=True)
class _Pending:
    doc_id: str
    values: np.ndarray
    size: int  # shingles


class CopyFinder:
    """Tells, batch by batch, which new articles copy one stored or read before them.
    `split` a batch before it is analysed; `written` once its originals are stored."""

    def __init__(self, store: Store, threshold: float = DEFAULT_THRESHOLD):
        if not 0 < threshold <= 1:
            raise ValueError(f"a duplicate threshold is in (0, 1], not {threshold}")
        self.store, self.threshold = store, threshold
        self._pending: dict[int, list[_Pending]] = {}  # band key → articles not yet stored
        self._signatures: dict[str, tuple[np.ndarray, int, list[int]]] = {}

    def split(self, documents: Sequence[Document]) -> tuple[list[Document], list[Copy]]:
        """The batch's originals (to analyse) and its copies (to record)."""
        sets = {d.id: shingles(d.body) for d in documents
                if len(_WORD.findall(d.body)) >= MIN_WORDS}
        found = {doc_id: _signature(shingled) for doc_id, shingled in sets.items()}
        keys = {doc_id: band_keys(values) for doc_id, values in found.items()}
        stored = self.store.copy_candidates({k for ks in keys.values() for k in ks})
        originals, copies = [], []
        for document in documents:
            if document.id not in found:  # too short to tell
                originals.append(document)
                continue
            values, mine, size = found[document.id], keys[document.id], len(sets[document.id])
            best_id, best = None, 0.0
            candidates = [c for key in mine for c in stored.get(key, ())]
            candidates += [(p.doc_id, p.values, p.size) for key in mine
                           for p in self._pending.get(key, ())]
            for doc_id, other, other_size in candidates:
                score = similarity(values, other)
                if score > best and copied(score, size, other_size, self.threshold):
                    best_id, best = doc_id, score
            if best_id is not None:
                copies.append(Copy(document, best_id, round(best, 4)))
                continue
            originals.append(document)
            pending = _Pending(document.id, values, size)
            for key in mine:
                self._pending.setdefault(key, []).append(pending)
            self._signatures[document.id] = (values, size, mine)
        return originals, copies

    def signatures(self, doc_ids: Iterable[str]
                   ) -> list[tuple[str, np.ndarray, int, list[int]]]:
        """The signatures, shingle counts and band keys of these originals, to store."""
        return [(doc_id, *self._signatures[doc_id]) for doc_id in doc_ids
                if doc_id in self._signatures]

    def written(self, doc_ids: Iterable[str]) -> None:
        """These originals are stored (with their band keys): the store finds them now."""
        for doc_id in doc_ids:
            entry = self._signatures.pop(doc_id, None)
            if entry is None:
                continue
            for key in entry[2]:
                kept = [p for p in self._pending.get(key, ()) if p.doc_id != doc_id]
                if kept:
                    self._pending[key] = kept
                else:
                    self._pending.pop(key, None)
