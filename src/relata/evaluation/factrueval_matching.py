"""How the official factRuEval-2016 comparator matches and counts one document (track 1).

Rewritten from the method of `dialent/common/evalmatrix.py` and `dialent/task1/`
in dialogue-evaluation/factRuEval-2016:

- Every gold entity and every response becomes a set of gold tokens. A response
  takes the tokens wholly inside its span, leaving out one-char non-letters glued
  to a neighbour (the `,` of `Москвы,`). With `-l`, locorg is loc on both sides.
- A gold entity and a response of the same class are a candidate pair when they
  share a token; its priority is the Jaccard overlap of the token sets.
- The matching pairs each gold entity with at most one response, searching the
  gold entities in class order (per, loc, org, locorg), then object id, for the
  matching with the best F1 for the document: an exact match must be taken, a
  response that exactly fits a later gold entity is left to it, and a gold
  entity goes unmatched only if it has no candidate, or one candidate contested
  by other gold entities and no exact one.
- A pair's quality (its true positive) is tp / (tp + fn + fp) over tokens, where
  tp and fn count only the gold tokens of name spans (loc_name/org_name; name,
  surname, patronymic, nickname for persons), unmatched punctuation costs
  nothing, and fp counts every response token outside the gold entity.
- Left out of both counts: gold entities with no name span (a descriptor or a
  geo_adj only), gold entities embedded in a larger one (`Москвы` in the Org
  `мэрия Москвы`) and the responses paired with them, and one of two gold
  entities with the same tokens: the unmatched one if only one is matched, else
  the one that is not an Org, else the later one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .factrueval import KINDS, Figures, GoldDocument, Response

MISS, FALSE, PARTIAL, CLASS = "miss", "false", "partial", "class"

_PARENTS = {  # the classes an entity of a class can be embedded in
    "per": frozenset({"loc", "org", "locorg"}),
    "loc": frozenset({"loc", "org", "locorg"}),
    "org": frozenset({"org", "locorg"}),
    "locorg": frozenset({"org", "locorg"}),
}


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str
    tokens: frozenset[int]  # indices into GoldDocument.tokens
    named: frozenset[int] = frozenset()  # gold only: the tokens of its name spans


def score_document(
    document: GoldDocument, responses: tuple[Response, ...], fold_locorg: bool = False
) -> dict[str | None, Figures]:
    """Figures for the whole document (key None) and for each class."""
    matcher = _Matcher(document, responses, fold_locorg)
    pairs = matcher.search()
    kinds = [k for k in KINDS if not (fold_locorg and k == "locorg")]
    return {None: matcher.figures(pairs), **{k: matcher.figures(pairs, k) for k in kinds}}


@dataclass(frozen=True, slots=True)
class Error:
    """One thing the comparator holds against a document's responses: a gold entity no
    response matched (MISS), a response no gold entity matched (FALSE), a pair that cost
    some of its quality (PARTIAL), or a miss and a false response on shared tokens, the
    class told wrong (CLASS)."""

    what: str
    gold: str | None  # the gold entity's class and text, `loc Москвы`
    response: str | None  # the response's class and text
    quality: float  # what the pair earned (0 for a miss, a false one, a class error)
    start: int  # where in the text, for the order of a listing and its context


def document_errors(
    document: GoldDocument, responses: tuple[Response, ...], fold_locorg: bool = False
) -> list[Error]:
    """The errors of one document in text order; gold entities the comparator leaves out
    (unnamed, embedded) and the responses paired with them are not errors."""
    matcher = _Matcher(document, responses, fold_locorg)
    pairs = matcher.search()
    matched = {g for g, _ in pairs}
    paired = {t for _, t in pairs}
    errors = []

    def gold_text(g: int) -> str:
        first, last = min(matcher.gold[g].tokens), max(matcher.gold[g].tokens)
        tokens = document.tokens
        return f"{matcher.gold[g].kind} {document.text[tokens[first].start:tokens[last].end]}"

    def response_text(t: int) -> str:
        r = matcher.responses[t]
        return f"{matcher.test[t].kind} {document.text[r.start:r.end]}"

    for g, t in pairs:
        if matcher.ignored(g, matched):
            continue
        quality = matcher.quality(g, t)
        if quality < 1.0:
            errors.append(Error(PARTIAL, gold_text(g), response_text(t), quality,
                                matcher.responses[t].start))
    false = [t for t in range(len(matcher.test)) if t not in paired]
    for g in range(len(matcher.gold)):
        if g in matched or matcher.ignored(g, matched):
            continue
        other = next((t for t in false if matcher.test[t].tokens & matcher.gold[g].tokens),
                     None)
        start = document.tokens[min(matcher.gold[g].tokens)].start
        if other is None:
            errors.append(Error(MISS, gold_text(g), None, 0.0, start))
        else:
            false.remove(other)
            errors.append(Error(CLASS, gold_text(g), response_text(other), 0.0, start))
    errors += [Error(FALSE, None, response_text(t), 0.0, matcher.responses[t].start)
               for t in false]
    return sorted(errors, key=lambda e: e.start)


class _Matcher:
    def __init__(self, document: GoldDocument, responses: tuple[Response, ...], fold: bool):
        def kind(k: str) -> str:
            return "loc" if fold and k == "locorg" else k

        tokens = document.tokens
        index = {t.id: i for i, t in enumerate(tokens)}
        self.punct = frozenset(i for i, t in enumerate(tokens) if t.is_punct)
        glued = {
            i
            for i in self.punct
            if tokens[i].end - tokens[i].start == 1
            and (
                (i > 0 and tokens[i - 1].end == tokens[i].start)
                or (i + 1 < len(tokens) and tokens[i + 1].start == tokens[i].end)
            )
        }

        entities = sorted(document.entities, key=lambda e: (KINDS.index(kind(e.kind)), e.id))
        self.gold = [
            _Item(
                kind(e.kind),
                frozenset(index[t] for t in e.tokens),
                frozenset(index[t] for t in e.name_tokens),
            )
            for e in entities
        ]
        self.responses = sorted(responses, key=lambda r: KINDS.index(kind(r.kind)))
        self.test = [
            _Item(
                kind(r.kind),
                frozenset(
                    i
                    for i, t in enumerate(tokens)
                    if r.start <= t.start and t.end <= r.end and i not in glued
                ),
            )
            for r in self.responses
        ]
        self.embedded = set()
        self.sibling: dict[int, int] = {}
        for i, item in enumerate(self.gold):
            for j, other in enumerate(self.gold):
                if i == j or other.kind not in _PARENTS[item.kind]:
                    continue
                if item.tokens < other.tokens:
                    self.embedded.add(i)
                elif item.tokens == other.tokens:
                    self.sibling[i] = j  # the comparator allows one at most
        self.priority = {
            (g, t): len(s.tokens & r.tokens) / len(s.tokens | r.tokens)
            for g, s in enumerate(self.gold)
            for t, r in enumerate(self.test)
            if s.kind == r.kind and s.tokens & r.tokens
        }

    def quality(self, g: int, t: int) -> float:
        gold, test = self.gold[g], self.test[t]
        tp = len(gold.named & test.tokens)
        fn = len(gold.named - test.tokens - self.punct)
        fp = len(test.tokens - gold.tokens)
        return tp / (tp + fn + fp) if tp + fn + fp else self.priority[g, t]

    def ignored(self, g: int, matched: set[int]) -> bool:
        if not self.gold[g].named or g in self.embedded:
            return True
        s = self.sibling.get(g)
        if s is None:
            return False
        if (g in matched) != (s in matched):
            return g not in matched
        if self.gold[g].kind == self.gold[s].kind:
            return s < g
        return self.gold[g].kind != "org"

    def figures(self, pairs: list[tuple[int, int]], kind: str | None = None) -> Figures:
        matched_gold = {g for g, _ in pairs}
        matched_test = {t for _, t in pairs}
        if kind is not None:
            pairs = [(g, t) for g, t in pairs if self.gold[g].kind == kind]
        in_matching = {g for g, _ in pairs}
        counted = [(g, t) for g, t in pairs if not self.ignored(g, in_matching)]
        n_gold = len(counted) + sum(
            1
            for g, item in enumerate(self.gold)
            if g not in matched_gold
            and kind in (None, item.kind)
            and not self.ignored(g, in_matching)
        )
        n_test = len(counted) + sum(
            1
            for t, item in enumerate(self.test)
            if t not in matched_test and kind in (None, item.kind)
        )
        return Figures(sum(self.quality(g, t) for g, t in counted), n_gold, n_test)

    def search(self) -> list[tuple[int, int]]:
        m = self.priority

        def best(
            gold: list[int], test: list[int], pairs: list[tuple[int, int]]
        ) -> tuple[float, list[tuple[int, int]]]:
            if not gold or not test:
                return self.figures(pairs).f1, pairs
            g, rest = gold[0], gold[1:]
            exact = [t for t in test if m.get((g, t)) == 1.0]
            options = exact or [t for t in test if (g, t) in m]
            result = None
            taken = contested = 0
            for t in options:
                others = [k for k in rest if (k, t) in m]
                contested = max(contested, len(others))
                if m[g, t] < 1.0 and any(m[k, t] == 1.0 for k in others):
                    continue  # an exact fit for a later gold entity
                taken += 1
                candidate = best(rest, [x for x in test if x != t], [*pairs, (g, t)])
                if result is None or candidate[0] > result[0]:
                    result = candidate
            if taken == 0 or (taken == 1 and contested > 0 and not exact):
                candidate = best(rest, test, pairs)
                if result is None or candidate[0] > result[0]:
                    result = candidate
            assert result is not None
            return result

        return best(list(range(len(self.gold))), list(range(len(self.test))), [])[1]
