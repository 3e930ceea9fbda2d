"""Analysts' reviews: confirm, reject or correct stored events; the Python API the CLI, HTTP API and dashboard call.

A review never overwrites the machine's coding: the store keeps both and lays the latest review over its event
(redline/store/reviews.py), so analysis counts reviewed values and leaves rejected events out. Reviews become a
gold file (`export_gold`, redline/reviews/gold.py), dictionary suggestions (`suggest`, suggest.py) and a work
queue (`review_queue`, queue.py). See docs/reviews.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from ..errors import UsageError
from ..store.reviews import MACHINE_KEYS, VERDICTS, ReviewRow
from ..store.rows import now
from .lookup import knowledge_codes
from .coding import (
    FIELDS,
    Coding,
    Party,
    apply_changes,
    differences,
    locate_place,
    machine_coding,
    parse_assignments,
)

MAX_NOTE = 2000
LIVE_REVIEW_PATH = "/_live/review"  # where `redline review` hands a review to the server that owns the store
MAX_REVIEWER = 100


def machine_record(ev: dict[str, Any]) -> dict[str, Any]:
    """The machine's PLOVER dict of an event record (Store.event / Store.events), any review taken off."""
    d = {k: v for k, v in ev.items() if k not in ("reviewed", "review", "machine", "mentions", "copies",
                                                  "highlights", "article")}
    if ev.get("reviewed"):
        d.update({k: ev["machine"][k] for k in MACHINE_KEYS})
    return d


def store_code_check(store) -> Callable[[str], bool]:
    """known_code(code): in the built-in knowledge base, or already carried by an actor in the store."""
    builtin = knowledge_codes()

    def known(code: str) -> bool:
        return code in builtin or bool(store.sql("SELECT 1 FROM actors WHERE code = ? LIMIT 1", [code]))

    return known


def build_review(ev: dict[str, Any], *, verdict: str | None, changes: dict[str, str] | None = None, reviewer: str,
                 note: str | None = None, known_code: Callable[[str], bool] | None = None,
                 locate: Callable[[str], dict] | None = locate_place) -> ReviewRow:
    """The review of event record `ev` (checked, not stored).

    verdict: "confirmed" or "rejected" (no changes), or "corrected" / None with changes. A correction starts
    from the event's current values (a reviewed event's reviewed ones) and must change something.
    """
    changes = dict(changes or {})
    verdict = (verdict or ("corrected" if changes else "")).strip().lower()
    if verdict not in VERDICTS:
        raise UsageError(f"verdict: {verdict or 'none'!r} is not one of {', '.join(VERDICTS)} "
                         "(confirm, reject, or set fields to correct)")
    if changes and verdict != "corrected":
        raise UsageError(f"a {verdict} review takes no field changes; changes make it a correction")
    reviewer = (reviewer or "").strip()
    if not reviewer or len(reviewer) > MAX_REVIEWER or any(c in reviewer for c in "\n\r\t"):
        raise UsageError(f"reviewer: a name of 1 to {MAX_REVIEWER} characters on one line is needed")
    if note is not None and len(note) > MAX_NOTE:
        raise UsageError(f"note: at most {MAX_NOTE} characters, got {len(note)}")
    machine = machine_record(ev)
    base = machine_coding(machine)
    current = machine_coding(ev)
    coding = current
    if verdict == "corrected":
        if not changes:
            raise UsageError("a correction needs at least one field to set (" + ", ".join(FIELDS) + ")")
        coding, changed_now = apply_changes(current, changes, known_code=known_code or knowledge_codes().__contains__,
                                            locate=locate)
        if not changed_now:
            raise UsageError("these changes leave the event as it is; confirm it instead")
    changed = differences(base, coding)
    return ReviewRow(
        id=uuid.uuid4().hex[:16], event_id=ev["id"], verdict=verdict, event=coding.event, mode=coding.mode,
        factuality=coding.factuality, date=coding.date, date_precision=coding.date_precision,
        actor_codes=tuple(p.code for p in coding.actor), actor_sectors=tuple(p.sector for p in coding.actor),
        recipient_codes=tuple(p.code for p in coding.recipient),
        recipient_sectors=tuple(p.sector for p in coding.recipient), place=coding.place, cameo=coding.cameo,
        quad_code=coding.quad_code, goldstein=coding.goldstein, event_scale=coding.event_scale, changed=changed,
        machine=machine, reviewer=reviewer, reviewed=now(), note=(note or "").strip() or None,
    )


def review_event(store, event_id: str, *, verdict: str | None = None, changes: dict[str, str] | None = None,
                 reviewer: str, note: str | None = None, locate: Callable[[str], dict] | None = locate_place
                 ) -> dict[str, Any]:
    """Confirm, reject or correct one stored event; return the review as stored (see Store.reviews).

    changes: field -> value (see redline.reviews.coding); they make the review a correction.
    """
    ev = store.event(event_id)
    if ev is None:
        raise UsageError(f"no event {event_id!r} in {store.path} (ids are listed by `redline events`)")
    row = build_review(ev, verdict=verdict, changes=changes, reviewer=reviewer, note=note,
                       known_code=store_code_check(store), locate=locate)
    store.write_reviews([row])
    return store.reviews(event_id=event_id, limit=1)[0]


def review_in_store(db: str, event_id: str, *, verdict: str | None = None, changes: dict[str, str] | None = None,
                    reviewer: str, note: str | None = None) -> dict[str, Any]:
    """review_event on the store at `db`, handed to `redline serve` when a server owns that store."""
    from ..store import Store
    from ..store.owner import served_by

    owner = served_by(db)
    if owner is not None:
        return _remote_review(owner, {"event_id": event_id, "verdict": verdict or ("corrected" if changes else ""),
                                      "set": changes or {}, "reviewer": reviewer, "note": note})
    with Store(db) as store:
        return review_event(store, event_id, verdict=verdict, changes=changes, reviewer=reviewer, note=note)


def _remote_review(owner, body: dict) -> dict[str, Any]:
    import json
    import urllib.error
    import urllib.request

    from ..errors import StoreError
    from ..live import SECRET_HEADER

    req = urllib.request.Request(owner.url + LIVE_REVIEW_PATH, data=json.dumps(body).encode(), method="POST",
                                 headers={"content-type": "application/json", SECRET_HEADER: owner.secret})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:  # noqa: S310 - our own server, loopback
            return json.loads(resp.read())["data"]
    except urllib.error.HTTPError as exc:
        try:
            answer = json.loads(exc.read())
        except ValueError:
            answer = {"error": f"HTTP {exc.code}"}
        if exc.code == 400:
            raise UsageError(answer.get("error", "bad review")) from exc
        raise StoreError(f"the server that owns the store (pid {owner.pid}, {owner.url}) refused the review: "
                         f"{answer.get('error')}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise StoreError(f"the store is served by pid {owner.pid} at {owner.url}, which does not answer ({exc}); "
                         "stop that server or wait for it") from exc


__all__ = ["FIELDS", "VERDICTS", "Coding", "Party", "build_review", "machine_record", "parse_assignments",
           "review_event", "review_in_store", "store_code_check"]
