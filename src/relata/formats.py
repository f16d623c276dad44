"""Records as JSON-ready dicts: the stable output of `relata code` (and, later, the API).

Every span is `[start, end]` in char offsets into the input's own text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from .records import Actor, Analysis, Event, Mention, Span


def _actor(actor: Actor | None) -> dict | None:
    if actor is None:
        return None
    return {"code": actor.code, "country": actor.country, "sector": actor.sector,
            "name": actor.name}


def _part(mention: Mention) -> dict:
    return {"kind": mention.kind, "text": mention.text, "span": [mention.start, mention.end],
            "actor": _actor(mention.actor)}


def _document_fields(analysis: Analysis) -> dict:
    document = analysis.document
    return {
        "doc_id": document.id,
        "origin": document.origin,
        "date": document.date.isoformat() if document.date else None,
    }


def _sentence_of(analysis: Analysis, starts: list[int], mention: Mention) -> dict | None:
    index = bisect.bisect_right(starts, mention.start) - 1
    if index < 0:
        return None
    sentence = analysis.sentences[index]
    text = analysis.document.text[sentence.start : sentence.end]
    return {"text": text, "span": [sentence.start, sentence.end]}


def mention_records(analysis: Analysis) -> Iterator[dict]:
    head = _document_fields(analysis)
    starts = [s.start for s in analysis.sentences]
    for mention in analysis.mentions:
        yield {
            "record": "mention",
            **head,
            "kind": mention.kind,
            "text": mention.text,
            "normal": mention.normal,
            "span": [mention.start, mention.end],
            "sentence": _sentence_of(analysis, starts, mention),
            "actor": _actor(mention.actor),
            "parts": [_part(p) for p in mention.parts],
            "via": mention.via,  # "reference", "context", "origin" or null: see records.Mention
        }


def token_records(analysis: Analysis) -> Iterator[dict]:
    head = _document_fields(analysis)
    for number, sentence in enumerate(analysis.sentences, 1):
        for index, token in enumerate(sentence.tokens, 1):
            yield {
                "record": "token",
                **head,
                "sentence": number,
                "id": index,
                "text": token.text,
                "lemma": token.lemma,
                "pos": token.pos,
                "feats": "|".join(f"{k}={v}" for k, v in token.feats) or None,
                "head": token.head,
                "rel": token.rel,
                "span": [token.start, token.end],
            }


def _side(actor: Actor | None, span: Span | None) -> dict | None:
    if actor is None:
        return None
    side = _actor(actor) or {}
    if span is not None:
        side |= {"text": span.text, "span": [span.start, span.end]}
    return side


def _evidence(span: Span) -> dict:
    return {"text": span.text, "span": [span.start, span.end]}


def event_record(event: Event, origin: str = "") -> dict:
    """One event as `relata code --format jsonl` prints it (a stable format)."""
    location = event.location
    said = event.attribution
    return {
        "record": "event",
        "id": event.id,
        "doc_id": event.doc_id,
        "origin": origin,
        "date": event.date.isoformat() if event.date else None,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "source": _side(event.source, event.source_span),
        "target": _side(event.target, event.target_span),
        "attribution": None if said is None else {
            "text": said.text, "code": said.code, "span": [said.start, said.end]},
        "location": None if location is None else {
            "name": location.name, "country": location.country, "lat": location.lat,
            "lon": location.lon},
        "trigger": _evidence(event.trigger),
        "sentence": _evidence(event.sentence),
        "confidence": event.confidence,
        "symmetric": event.symmetric,
    }


def event_records(analysis: Analysis) -> Iterator[dict]:
    for event in analysis.events:
        yield event_record(event, analysis.document.origin)


RECORDS = {"events": event_records, "mentions": mention_records, "tokens": token_records}
