"""Language detection with lingua, restricted to the languages relata meets in its news.

A small candidate set keeps detection fast and avoids confusing Russian with
languages that never occur in the input.
"""

from __future__ import annotations

import dataclasses
import functools

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from ..records import Analysis

CANDIDATES = (
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.BELARUSIAN,
    Language.KAZAKH,
    Language.ENGLISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.TURKISH,
    Language.AZERBAIJANI,
)
ANALYSED = frozenset({"ru"})
UNDETERMINED = "und"
SAMPLE_CHARS = 2000  # the opening of an article says its language as well as the whole


@functools.cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def _code(language: Language | None) -> str:
    return language.iso_code_639_1.name.lower() if language else UNDETERMINED


# The letters each Cyrillic candidate writes and Russian does not. On a short text lingua
# may take Russian for one of them (`Walmart подала иск в суд Арканзаса.` came out
# Ukrainian); a text with none of that language's own letters is not written in it.
OWN_LETTERS = {"uk": frozenset("іїєґ"), "be": frozenset("іў"),
               "kk": frozenset("әғқңөұүһі")}
CYRILLIC_SHARE = 0.3  # of the letters: a Russian sentence among foreign titles and names


def _checked(text: str, lang: str) -> str:
    """The detected language, or Russian where the letters say it cannot be that one: a
    Cyrillic candidate without its own letters, or a Latin-script language in a text at
    least `CYRILLIC_SHARE` of whose letters are Cyrillic (Russian words among English song
    titles)."""
    letters = [c for c in text.lower() if c.isalpha()]
    cyrillic = [c for c in letters if "а" <= c <= "я" or c == "ё"]
    if not cyrillic or lang == "ru":
        return lang
    own = OWN_LETTERS.get(lang)
    if own is not None:
        return lang if own & set(letters) else "ru"
    return "ru" if len(cyrillic) >= CYRILLIC_SHARE * len(letters) else lang


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, or `und`."""
    sample = text[:SAMPLE_CHARS]
    return _checked(sample, _code(_detector().detect_language_of(sample)))


class DetectLanguage:
    """Stage: sets `Document.lang`; documents relata cannot analyse are marked skipped."""

    name = "language"

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        samples = [a.document.body[:SAMPLE_CHARS] for a in batch]
        languages = _detector().detect_languages_in_parallel_of(samples)
        return [self._mark(a, _checked(sample, _code(lang)))
                for a, sample, lang in zip(batch, samples, languages, strict=True)]

    @staticmethod
    def _mark(analysis: Analysis, lang: str) -> Analysis:
        document = dataclasses.replace(analysis.document, lang=lang)
        skipped = None if lang in ANALYSED else f"language {lang}"
        return dataclasses.replace(analysis, document=document, skipped=skipped)
