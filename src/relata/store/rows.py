"""Records flattened into table rows, one function a table."""

from __future__ import annotations

from ..records import Actor, Analysis, Event, Mention, Span

DOCUMENT_COLUMNS = (
    "id", "external_id", "origin", "url", "outlet", "title", "date", "lang",
    "status", "note", "body_start", "chars", "text", "author",
)
MENTION_COLUMNS = (
    "doc_id", "start_char", "end_char", "text", "kind", "normal",
    "actor_code", "actor_country", "actor_sector", "actor_name", "actor_id",
)
_ACTOR = ("code", "country", "sector", "name")
EVENT_COLUMNS = (
    "id", "doc_id", "date", "type", "mode", "cameo", "quad_class", "goldstein", "modality",
    *(f"source_{c}" for c in (*_ACTOR, "text", "start", "end")),
    *(f"target_{c}" for c in (*_ACTOR, "text", "start", "end")),
    "attribution", "location_name", "location_country", "location_lat", "location_lon",
    "trigger_text", "trigger_start", "trigger_end", "sentence_start", "sentence_end",
    "confidence", "attribution_code", "attribution_start", "attribution_end", "mutual",
    "story_id",
)


def document_row(analysis: Analysis) -> tuple:
    d = analysis.document
    status = "analysed" if analysis.skipped is None else "skipped"
    return (d.id, d.external_id, d.origin, d.url, d.source, d.title, d.date, d.lang,
            status, analysis.skipped, d.body_start, len(d.body), d.text, d.author)


def _actor(actor: Actor | None) -> tuple:
    return (None,) * 4 if actor is None else (actor.code, actor.country, actor.sector, actor.name)


def _span(span: Span | None) -> tuple:
    return (None,) * 3 if span is None else (span.text, span.start, span.end)


def mention_row(doc_id: str, m: Mention) -> tuple:
    actor_id = m.actor.id if m.actor else None
    return (doc_id, m.start, m.end, m.text, m.kind, m.normal, *_actor(m.actor), actor_id)


def event_row(e: Event, story_id: str | None = None) -> tuple:
    """`story_id`: the event's story (relata.stories), its own id by default."""
    loc, said = e.location, e.attribution
    location = (None,) * 4 if loc is None else (loc.name, loc.country, loc.lat, loc.lon)
    attribution = (None,) * 4 if said is None else (said.text, said.code, said.start, said.end)
    return (
        e.id, e.doc_id, e.date, e.type, e.mode, e.cameo, e.quad_class, e.goldstein, e.modality,
        *_actor(e.source), *_span(e.source_span), *_actor(e.target), *_span(e.target_span),
        attribution[0], *location,
        e.trigger.text, e.trigger.start, e.trigger.end, e.sentence.start, e.sentence.end,
        e.confidence, *attribution[1:], e.symmetric, story_id or e.id,
    )
