"""PLOVER gold JSON (`PLOVER_GSR_CAMEO.json`) -> GoldRecord."""

from __future__ import annotations

import json

from ..errors import InputError
from .gold import OLD_MODES, GoldActor, GoldEvent, GoldRecord, gold_date, plover_type, sentence_text, country_key, sector_key

def _plover_actors(value, where: str, field: str, notes: list[str]) -> tuple[GoldActor, ...]:
    if value is None or value == "" or value == []:
        return ()
    if isinstance(value, str):
        notes.append(f"{field} is the string {value!r}, not a list of actors: read as no {field}")
        return ()
    if not isinstance(value, list):
        raise InputError(f"{where}: {field} must be a list of actors, got {type(value).__name__}")
    out = []
    for n, a in enumerate(value):
        if not isinstance(a, dict):
            raise InputError(f"{where}: {field}[{n}] must be an object with actorText/code")
        out.append(GoldActor(a.get("actorText"), country_key(a.get("code")), sector_key(a.get("sector"))))
    return tuple(out)


def read_plover(text: str, *, name: str = "<plover gold>") -> list[GoldRecord]:
    """PLOVER gold JSON (a JSON array; "DOCUMENT" records are headers and are left out)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if not isinstance(data, list):
        raise InputError(f"{name}: PLOVER gold must be a JSON array of records")
    records = []
    for n, rec in enumerate(data):
        where = f"{name}: record {n}"
        if not isinstance(rec, dict):
            raise InputError(f"{where}: not a JSON object")
        rid = str(rec.get("id") or f"record-{n}")
        where = f"{name}: record {n} ({rid})"
        label = rec.get("event")
        if label == "DOCUMENT":
            continue
        body, skip = sentence_text(rec.get("text"), where)
        labels = [] if label in (None, "", []) else (label if isinstance(label, list) else [label])
        notes: list[str] = []
        actor = _plover_actors(rec.get("source"), where, "source", notes)
        recipient = _plover_actors(rec.get("target"), where, "target", notes)
        raw_mode = rec.get("mode")
        mode = raw_mode[0] if isinstance(raw_mode, list) and raw_mode else raw_mode
        mode = OLD_MODES.get(mode, mode) if isinstance(mode, str) and mode.strip() else None
        events = tuple(GoldEvent(plover_type(lab, where), actor, recipient, mode) for lab in labels)
        records.append(GoldRecord(rid, body, events, gold_date(rec.get("date"), where), "plover",
                                  skip=skip, notes=tuple(notes)))
    return records
