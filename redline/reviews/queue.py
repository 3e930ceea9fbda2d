"""The review queue: unreviewed events in the order an analyst should look at them.

First the evidence of open alerts (every alert `redline alerts` lists for the window: escalations and
red-line warnings, newest and strongest first, each alert's evidence in its own order), then the rest by
calibrated confidence, least confident first (an event's confidence is its most confident mention's). A
reviewed event leaves the queue; rejecting alert evidence can close the alert itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import UsageError


def review_queue(store, *, limit: int = 50, since: dt.date | None = None, until: dt.date | None = None,
                 factuality: str | None = "asserted", alerts: list[dict] | None = None) -> list[dict[str, Any]]:
    """Unreviewed events, most urgent first.

    Each row: id, date, event, actor / recipient codes, text (the representative sentence), confidence, and
    why it is here: {"alert": summary, "kind", "period"} for alert evidence, else {"confidence": value}.
    alerts: the open alerts (default: analysis.alerts over since / until with its default options).
    """
    from .. import analysis

    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise UsageError(f"limit: a positive integer, got {limit!r}")
    if alerts is None:
        alerts = analysis.alerts(store, since=since, until=until)
    behind: dict[str, dict] = {}
    for a in alerts:
        for eid in a["evidence"]:
            behind.setdefault(eid, a)
    rows = store.review_queue_rows(since=since, until=until, factuality=factuality, first=list(behind),
                                   limit=limit)
    for r in rows:
        a = behind.get(r["id"]) if r["priority"] is not None else None
        r["why"] = ({"alert": a["summary"], "kind": a["kind"], "period": a["period"]} if a
                    else {"confidence": r["confidence"]})
        del r["priority"]
    return rows
