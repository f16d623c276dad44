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


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language, or `und`."""
    return _code(_detector().detect_language_of(text[:SAMPLE_CHARS]))


class DetectLanguage:
    """Stage: sets `Document.lang`; documents relata cannot analyse are marked skipped."""

    name = "language"

    def __call__(self, batch: list[Analysis]) -> list[Analysis]:
        samples = [a.document.body[:SAMPLE_CHARS] for a in batch]
        languages = _detector().detect_languages_in_parallel_of(samples)
        return [self._mark(a, _code(lang)) for a, lang in zip(batch, languages, strict=True)]

    @staticmethod
    def _mark(analysis: Analysis, lang: str) -> Analysis:
        document = dataclasses.replace(analysis.document, lang=lang)
        skipped = None if lang in ANALYSED else f"language {lang}"
        return dataclasses.replace(analysis, document=document, skipped=skipped)
