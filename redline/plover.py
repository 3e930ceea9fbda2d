"""Event <-> PLOVER JSON (field names from the PLOVER manual plus redline's documented extras)."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .records import Entity, Event, Place, Quote

PLOVER_VERSION = "PLOVER 0.8 (redline coding)"


def entity_dict(e: Entity) -> dict[str, Any]:
    return {
        "entity_text": e.entity_text,
        "code": e.code,
        "sector": e.sector,
        "identifier_text": e.identifier_text,
        "identifier_id": e.identifier_id,
        "office": e.office,
        "reason": e.reason,
    }


def place_dict(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "name": p.name,
        "country_code": p.country_code,
        "admin1": p.admin1,
        "lat": p.lat,
        "lon": p.lon,
        "feature_type": p.feature_type,
        "precision": p.precision,
        "geonameid": p.geonameid,
        "text": p.text,
    }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def event_dict(ev: Event) -> dict[str, Any]:
    """One event as a PLOVER JSON object (see docs/schema.md)."""
    ti = ev.text_info
    return {
        "id": ev.id,
        "date": _iso(ev.date),
        "enddate": _iso(ev.enddate),
        "actor": [entity_dict(e) for e in ev.actor],
        "recipient": [entity_dict(e) for e in ev.recipient],
        "event": [ev.event],
        "mode": [ev.mode] if ev.mode else [],
        "context": list(ev.context),
        "event_text": ev.event_text,
        "event_loc": place_dict(ev.event_loc),
        "quad_code": ev.quad_code,
        "event_scale": ev.event_scale,
        "text": ev.text,
        "text_info": {
            "sentence": ti.sentence,
            "start": ti.start,
            "end": ti.end,
            "trigger_start": ti.trigger_start,
            "trigger_end": ti.trigger_end,
        },
        "cameo": ev.cameo,
        "goldstein": ev.goldstein,
        "factuality": str(ev.factuality),
        "factuality_reason": ev.factuality_reason,
        "date_precision": str(ev.date_precision) if ev.date_precision else None,
        "date_source": str(ev.date_source) if ev.date_source else None,
        "date_reason": ev.date_reason,
        "loc_reason": ev.loc_reason,
        "claim_source": [entity_dict(e) for e in ev.claim_source],
        "article_id": ev.article_id,
        "publication": ev.publication,
        "rule": ev.rule,
        "confidence": ev.confidence,
        "coder": "redline",
    }


def quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "article_id": q.article_id,
        "text": q.text,
        "direct": q.direct,
        "speaker": entity_dict(q.speaker) if q.speaker else None,
        "speaker_text": q.speaker_text,
        "verb": q.verb,
        "medium": q.medium,
        "date": _iso(q.date),
        "sentence": q.sentence,
        "start": q.start,
        "end": q.end,
        "reason": q.reason,
        "event_ids": list(q.event_ids),
        "tone": q.tone,
    }


@lru_cache(maxsize=1)
def event_schema() -> dict[str, Any]:
    """The JSON Schema every event record must satisfy (shipped as package data)."""
    from importlib import resources  # here: a store query that never validates need not load it

    text = resources.files("redline").joinpath("schema/event.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
