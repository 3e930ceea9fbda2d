"""redline's own sentence gold JSONL (`redline/gold/sentences.jsonl`) -> GoldRecord."""

from __future__ import annotations

import json

from ..errors import InputError
from ..records import Factuality
from .gold import GoldActor, GoldEvent, GoldRecord, gold_date, plover_type, sentence_text, country_key, sector_key

def _redline_actors(value, where: str, field: str) -> tuple[GoldActor, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InputError(f"{where}: {field} must be a list")
    out = []
    for a in value:
        if isinstance(a, str):
            out.append(GoldActor(None, country_key(a)))
        elif isinstance(a, dict) and ("code" in a or "text" in a):
            out.append(GoldActor(a.get("text"), country_key(a.get("code")), sector_key(a.get("sector")),
                                 bool(a.get("standalone", True))))
        else:
            raise InputError(f"{where}: {field} entries are codes or {{text, code, sector}} objects, got {a!r}")
    return tuple(out)


def read_redline(text: str, *, name: str = "<redline gold>") -> list[GoldRecord]:
    """redline gold JSONL: one sentence per line (format in docs/evaluation.md)."""
    records = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{name}: line {lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: bad JSON at column {exc.colno}: {exc.msg}") from exc
        if not isinstance(rec, dict):
            raise InputError(f"{where}: not a JSON object")
        rid = str(rec.get("id") or f"line-{lineno}")
        where = f"{name}: line {lineno} ({rid})"
        body, skip = sentence_text(rec.get("text"), where)
        raw_events = rec.get("events")
        if raw_events is None:
            raw_events = []
        if not isinstance(raw_events, list):
            raise InputError(f"{where}: events must be a list (or null for a no-event sentence)")
        events = []
        for k, ev in enumerate(raw_events):
            if not isinstance(ev, dict):
                raise InputError(f"{where}: events[{k}] is not an object")
            fact = ev.get("factuality", "asserted")
            try:
                factuality = Factuality(fact)
            except ValueError as exc:
                known = ", ".join(f.value for f in Factuality)
                raise InputError(f"{where}: events[{k}]: unknown factuality {fact!r} (known: {known})") from exc
            events.append(GoldEvent(
                plover_type(ev.get("event"), f"{where}: events[{k}]"),
                _redline_actors(ev.get("actor"), where, "actor"),
                _redline_actors(ev.get("recipient"), where, "recipient"),
                ev.get("mode") or None,
                factuality,
            ))
        tags = rec.get("tags") or []
        if not isinstance(tags, list):
            raise InputError(f"{where}: tags must be a list of strings")
        records.append(GoldRecord(rid, body, tuple(events), gold_date(rec.get("published"), where), "plover",
                                  tuple(str(t) for t in tags), skip))
    return records
