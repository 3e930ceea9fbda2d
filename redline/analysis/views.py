"""The analysts' counting views: dyads, timelines (and what they left out), the actor network, event locations and
the store's date range.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import UsageError
from ..store import analytics
from ..store.reviews import ReviewScope
from .options import connection_of, check_code, check_factuality, check_period, check_range, suggest_code
from .periods import fill_periods, period_end, period_label


def dyads(
    store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    limit: int = 20,
    undated: bool = False,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Most active directed actor -> recipient pairs: event and article counts, mean Goldstein and PLOVER score.

    undated: count background events the text gives no date (precision "unknown") on their article's date;
    by default they are left out, like every aggregate leaves them out.
    """
    check_range(since, until)
    if limit < 1:
        raise UsageError(f"limit: must be at least 1, got {limit}")
    return analytics.dyads(connection_of(store), since=since, until=until, factuality=check_factuality(factuality),
                           limit=limit, undated=undated, scope=ReviewScope(include_rejected, reviewed_only))


def timeline(
    store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    by: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    both_directions: bool = False,
    undated: bool = False,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Events per period for one dyad (or one actor, or everything): counts per quad class and mean scores.

    both_directions: count recipient -> actor events too (the dyad as a relationship, not one direction).
    undated: count background events the text gives no date on their article's date.
    An event counts in a period only when its date is at least as precise as the period (a year-only date in no
    month, a month-only date in no day or week); `timeline_left_out` says how many were left out.
    Every period from the first to the last (from `since` to `until` when given) has a row, empty ones with
    zero events. Each row: period (first day), end (last day), label (2014-03, 2014-W09, 2014, 2014-03-05),
    events, verbal_coop .. material_conflict, goldstein and plover_score (means; None when empty),
    conflict_share.
    """
    check_range(since, until)
    args = _timeline_args(actor, recipient, by, since, until, factuality, both_directions, undated,
                          include_rejected, reviewed_only)
    suggest_code(store, args["actor"], "actor")
    suggest_code(store, args["recipient"], "recipient")
    rows = fill_periods(analytics.timeline(connection_of(store), **args), by, since, until)
    for r in rows:
        r["end"] = period_end(r["period"], by)
        r["label"] = period_label(r["period"], by)
        n = r["events"]
        r["conflict_share"] = round((r["verbal_conflict"] + r["material_conflict"]) / n, 3) if n else 0.0
    return rows


def _timeline_args(actor, recipient, by, since, until, factuality, both_directions, undated,
                   include_rejected=False, reviewed_only=False) -> dict[str, Any]:
    return {"actor": check_code(actor, "actor"), "recipient": check_code(recipient, "recipient"),
            "by": check_period(by), "since": since, "until": until, "factuality": check_factuality(factuality),
            "both_directions": both_directions, "undated": undated,
            "scope": ReviewScope(include_rejected, reviewed_only)}


def timeline_left_out(store, **options: Any) -> dict[str, int]:
    """The events the same `timeline(store, **options)` left out: `coarser` (dated less precisely than the
    period: a year-only date in a monthly timeline) and `undated` (background, no date in the text; 0 with
    undated=True). options: those of `timeline`."""
    args = {"actor": None, "recipient": None, "by": "month", "since": None, "until": None, "factuality": None,
            "both_directions": False, "undated": False, "include_rejected": False, "reviewed_only": False,
            **options}
    check_range(args["since"], args["until"])
    row = analytics.timeline(connection_of(store), left_out=True, **_timeline_args(**args))[0]
    return {"coarser": int(row["coarser"] or 0), "undated": int(row["undated"] or 0)}


def left_out_note(left: dict[str, int], by: str) -> str:
    """One line saying what a timeline left out, or "" when nothing was."""
    parts = []
    if left["coarser"]:
        parts.append(f"{left['coarser']} event(s) dated less precisely than a {by}")
    if left["undated"]:
        parts.append(f"{left['undated']} undated background event(s) (include them with --undated)")
    return ("left out: " + "; ".join(parts)) if parts else ""


def network(
    store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    limit: int = 60,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> dict[str, Any]:
    """Actor network: nodes (actors with event counts) and directed edges (dyads) for the dashboard."""
    return network_of(dyads(store, since=since, until=until, factuality=factuality, limit=limit,
                            include_rejected=include_rejected, reviewed_only=reviewed_only))


def network_of(edges: list[dict[str, Any]]) -> dict[str, Any]:
    """The network of these dyads (rows of `dyads`): its nodes and the dyads as edges."""
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for code, role in ((e["actor"], "sent"), (e["recipient"], "received")):
            n = nodes.setdefault(code, {"code": code, "sent": 0, "received": 0})
            n[role] += e["events"]
    return {"nodes": list(nodes.values()), "edges": edges}


def locations(
    store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    limit: int = 500,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Places with coordinates where events happened: name, country, lat, lon, events, conflict events."""
    check_range(since, until)
    actor, recipient = check_code(actor, "actor"), check_code(recipient, "recipient")
    suggest_code(store, actor, "actor")
    suggest_code(store, recipient, "recipient")
    return analytics.locations(connection_of(store), actor=actor, recipient=recipient,
                               since=since, until=until, factuality=check_factuality(factuality), limit=limit,
                               scope=ReviewScope(include_rejected, reviewed_only),
                               reviewed=getattr(store, "has_reviewed_events", lambda: True)())


def summary(store, *, include_rejected: bool = False, reviewed_only: bool = False) -> dict[str, Any]:
    """First and last event date, event and article counts (the dashboard's defaults)."""
    return analytics.date_range(connection_of(store), scope=ReviewScope(include_rejected, reviewed_only))


__all__ = ["dyads", "left_out_note", "locations", "network", "network_of", "summary", "timeline", "timeline_left_out"]
