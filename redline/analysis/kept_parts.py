"""Parts of the alerts that many distinct answers share, kept per store version (redline/store/memo.py).

A digest of day D asks the alerts up to D, and the alerts since any day ask the red-line warnings of their own
window: each a distinct answer, but their parts are not. What is kept (until the store's next commit):

- the per-(dyad, period) counts of every period (no `until`), and the per-(dyad, day) counts of one period:
  the counts up to a day D are those of every period before D's, plus D's period summed up to D (the same
  integers the statement with `day <= D` adds up, in the same order of dyad and period);
- the red-line rows of all dates: a window's rows are those dated inside it (the statement's own filter).

Without a memo (a plain Store opened by the CLI has one too; a stand-in may not) each is read as asked.
"""

from __future__ import annotations

import datetime as dt
import heapq
from typing import Any

from ..store import analytics
from ..store.reviews import DEFAULT_SCOPE, ReviewScope
from .options import connection_of
from .periods import period_end, period_start


def _memo(store):
    return getattr(store, "memo", None)


def dyad_periods(store, *, by: str, until: dt.date | None, factuality: tuple[str, ...],
                 escalation: tuple[str, ...], undated: bool, scope: ReviewScope) -> list[dict[str, Any]]:
    """analytics.dyad_periods(...) of these options (read-only rows), from the parts kept per version."""
    memo = _memo(store)

    def read(up_to: dt.date | None) -> list[dict[str, Any]]:
        return analytics.dyad_periods(connection_of(store), by=by, until=up_to, factuality=factuality,
                                      escalation=escalation, undated=undated, scope=scope)

    if memo is None:
        return read(until)
    version = store.version
    if until is None or scope != DEFAULT_SCOPE:  # another scope's rows carry their ids: kept as asked
        return memo.get("dyad_periods", (by, until, factuality, undated, scope), version, lambda: read(until))
    first = period_start(until, by)
    try:
        end = period_end(first, by)
    except (OverflowError, ValueError):  # a period past the year 9999: read as asked
        return memo.get("dyad_periods", (by, until, factuality, undated, scope), version, lambda: read(until))
    rows = memo.get("dyad_periods", (by, None, factuality, undated, scope), version, lambda: read(None))
    before = [r for r in rows if r["period"] < first]
    if until >= end:  # the period of `until` is whole
        last = [r for r in rows if r["period"] == first]
    else:
        days = memo.get("dyad_period_days", (by, first, factuality, undated), version,
                        lambda: analytics.dyad_period_days(connection_of(store), by=by, first=first,
                                                           last=end, factuality=factuality,
                                                           escalation=escalation, undated=undated))
        sums: dict[tuple[str, str], list[int]] = {}
        for r in days:  # ordered by dyad, then day
            if r["day"] <= until:
                s = sums.setdefault((r["actor"], r["recipient"]), [0, 0])
                s[0] += r["events"]
                s[1] += r["escalation"]
        last = [{"actor": a, "recipient": b, "period": first, "events": n, "escalation": k}
                for (a, b), (n, k) in sums.items()]
    return list(heapq.merge(before, last, key=lambda r: (r["actor"], r["recipient"], r["period"])))


def red_line_mentions(store, *, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
                      events: tuple[str, ...], by: str, scope: ReviewScope) -> list[dict[str, Any]]:
    """analytics.red_line_mentions(...) of this window (rows the caller may change), cut from the rows of all
    dates kept per version."""
    memo = _memo(store)

    def read(lo: dt.date | None, hi: dt.date | None) -> list[dict[str, Any]]:
        return analytics.red_line_mentions(connection_of(store), since=lo, until=hi, factuality=factuality, events=events,
                                           by=by, scope=scope)

    if memo is None:
        return read(since, until)
    rows = memo.get("red_lines", (factuality, events, by, scope), store.version, lambda: read(None, None))
    return [dict(r) for r in rows if (since is None or r["date"] >= since) and (until is None or r["date"] <= until)]
