"""One event that several articles report: stories, found at ingest.

Near-duplicate articles (relata.dedup) are copies of one text and are not analysed. Two
*different* articles (another outlet's own words) that report the same event give two
coded events; they are one story. A new event joins the story of an earlier one (stored,
or earlier in the batch, from another document) when both have

- the same date (the day of their documents);
- the same sides, as actor codes (country codes when a side has no code), in the same
  direction, or either way round when both are mutual acts (`A и B подписали` and
  `B и A подписали` are one agreement);
- the same CAMEO root (the code's first two digits: 19 fighting, 07 aid …) and the same
  modality (a strike that happened and one threatened are not one event);
- no two different places (when both name where it happened);
- evidence sentences that overlap: at least OVERLAP of the content words of the shorter
  one are in the other (the overlap coefficient |A ∩ B| / min(|A|, |B|)), and at least
  MIN_SHARED of them. Content words are the sentence's words less the words of its two
  sides and its trigger (every candidate shares what its key says: the particulars
  left — the object, the place, the numbers — tell one event from another), less
  function words (`events/data/words/function-words.txt`), cut to their first STEM
  letters: a crude stem that makes `посольство`, `посольства` and `посольству` one
  word, as stored sentences are not parsed again.

Otherwise the event starts a story of its own: its `story_id` is its own id. A story's
first event (its id the story's) stands for it in dyad series and in the GDELT export;
its articles are the documents of its events and their copies, its sources their outlets
(`reports_sql`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STEM = 5  # letters: Russian inflection is at the end of a word
MIN_LETTERS = 3  # shorter words are prepositions, conjunctions, particles
# The overlap measured on the test corpus (tests/test_stories.py): the same event in
# two outlets' words shares 0.4–0.8 of the shorter sentence's content words; two events
# of one dyad, day and root share the trigger and little else (0–0.25).
OVERLAP = 0.4
MIN_SHARED = 2
_WORD = re.compile(r"\w+")
# What a story weighs in a dyad's series: once, by the articles or by the outlets that
# report it (relata.relations.dyad_series)
WEIGHTS = ("events", "articles", "sources")


def stem(word: str) -> str:
    return word.lower().replace("ё", "е")[:STEM]


def content_words(sentence: str, left_out: Iterable[str | None] = ()) -> frozenset[str]:
    """The stems of the sentence's content words, less those of the texts `left_out` (the
    event's sides and trigger: what every candidate shares by its key)."""
    function = _function_stems()
    known = {stem(w) for text in left_out if text for w in _WORD.findall(text)}
    return frozenset(s for w in _WORD.findall(sentence) if len(w) >= MIN_LETTERS
                     and (s := stem(w)) not in function and s not in known)


@functools.cache
def _function_stems() -> frozenset[str]:
    from .events.words import words  # the lexicon's loader: ingest has it loaded already

    return frozenset(stem(w) for w in words("function-words"))


@dataclass(frozen=True, slots=True)
class Report:
    """What an event shows of itself to be matched: the key, the place, the words."""

    event_id: str
    story_id: str
    doc_id: str
    key: tuple  # date, sides, CAMEO root, modality: events of one key may be one story
    place: str | None
    words: frozenset[str]


def story_key(date: dt.date | None, source: str | None, target: str | None,
              cameo: str | None, modality: str, mutual: bool) -> tuple | None:
    """The key two events of one story share, or None for an event that joins no story
    (no date, a side unknown, no CAMEO code)."""
    if date is None or not source or not target or not cameo:
        return None
    sides = tuple(sorted((source, target))) if mutual else (source, target)
    return (date, sides, mutual, cameo[:2], modality)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """|A ∩ B| / min(|A|, |B|): 1 when one sentence's content words are all in the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def same_story(new: Report, earlier: Report, threshold: float = OVERLAP) -> bool:
    if new.key != earlier.key or new.doc_id == earlier.doc_id:
        return False
    if new.place and earlier.place and new.place != earlier.place:
        return False
    return (len(new.words & earlier.words) >= MIN_SHARED
            and overlap(new.words, earlier.words) >= threshold)


def assign(new: Sequence[Report], stored: Sequence[Report],
           threshold: float = OVERLAP) -> dict[str, str]:
    """Each new report's story id, in order: the story of the earlier report (stored, or
    new and before it) that it overlaps most, else its own id."""
    earlier: dict[tuple, list[Report]] = {}
    for report in stored:
        earlier.setdefault(report.key, []).append(report)
    found: dict[str, str] = {}
    for report in new:
        candidates = earlier.setdefault(report.key, [])
        best, score = None, 0.0
        for other in candidates:
            if same_story(report, other, threshold):
                value = overlap(report.words, other.words)
                if value > score:
                    best, score = other, value
        story = best.story_id if best is not None else report.event_id
        found[report.event_id] = story
        candidates.append(Report(report.event_id, story, report.doc_id, report.key,
                                 report.place, report.words))
    return found


def reports_sql(members: str) -> str:
    """Per story, its `articles` (the documents of its events and their copies: GDELT's
    NumArticles), `sources` (their outlets, an article without one its own: NumSources)
    and `mentions` (its events, each once for its document and once a copy: NumMentions).
    `members`: a query of the stories' events as (story_id, event_id, doc_id)."""
    outlet = "coalesce({0}.{1}, {0}.url, {0}.origin)"
    return f"""SELECT story_id, count(DISTINCT article) AS articles,
               count(DISTINCT outlet) AS sources, count(*) AS mentions
        FROM (SELECT m.story_id, m.doc_id AS article, {outlet.format('d', 'outlet')} AS outlet
              FROM ({members}) m JOIN documents d ON d.id = m.doc_id
              UNION ALL
              SELECT m.story_id, c.doc_id, {outlet.format('c', 'outlet')}
              FROM ({members}) m JOIN copies c ON c.original_id = m.doc_id)
        GROUP BY story_id"""
