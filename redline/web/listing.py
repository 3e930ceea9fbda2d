"""Pages of /events cut from one newest-first listing per set of filters, kept until the store's next commit.

The events listing is ordered by date (newest first, undated last, then id), and a date window (`since`,
`until`) keeps a run of consecutive events of that order. So every page of one set of filters (the offsets a
reader pages through, every window of days) lies inside the first events of the listing without the window:
with those events and their dates kept (redline/store/memo.py), a page is a slice, and its total is known when
the window ends inside them (else one count). The kept listing grows to what is asked (doubling, up to KEPT_MAX
events); a page beyond it, or a window that starts beyond it, is read from the store as before. With nothing
kept, a page past the first (a link to page 5, or a page asked after a commit) is read alone too: keeping the
listing would read every event before it (at 10M events, the newest 450 ASSAULT events for page 5: ~70 ms CPU
against ~25 for the page); a reader paging on from the first page grows the kept listing as before.
Pages are the same as `Store.events_page` answers (tests/test_web_listing.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from ..store.memo import date_window

KEPT_MAX = 1000  # events of one listing kept at most (a page beyond is read from the store)


def events_page(store, *, since: dt.date | None, until: dt.date | None, limit: int, offset: int,
                decorate: Callable[[dict], None], **filters: Any) -> tuple[list[dict], int]:
    """(events, total) as `store.events_page(since=.., until=.., limit=.., offset=.., **filters)` answers them.

    decorate(record): what the caller adds to each record (done once for a kept record). Records are copies.
    """
    if (since and until and since > until) or offset + limit > KEPT_MAX:  # an error to report, or a far page
        return _read(store, since, until, limit, offset, decorate, filters)
    key = tuple(sorted(filters.items()))
    version = store.version
    kept = store.memo.get_many("listing", [key], version).get(key)
    if kept is None and offset > 0:  # a far page with nothing kept: the page alone (see the module's text)
        return _read(store, since, until, limit, offset, decorate, filters)
    page = _cut(kept, since, until, offset, limit) if kept is not None else None
    if page is None:
        have = len(kept[0]) if kept is not None else 0
        want = min(KEPT_MAX, max(offset + limit, 2 * have))
        if kept is not None and have >= want:  # the window starts beyond what may be kept
            return _read(store, since, until, limit, offset, decorate, filters)
        if _ends_beyond(store, until, want, filters):  # so does this one: the listing would not hold it
            return _read(store, since, until, limit, offset, decorate, filters)
        records, dates, total = store.newest_events(limit=want, **filters)
        for r in records:
            decorate(r)
        kept = (records, dates, total)
        store.memo.put_many("listing", {key: kept}, version)
        page = _cut(kept, since, until, offset, limit)
        if page is None:
            return _read(store, since, until, limit, offset, decorate, filters)
    rows, total = page
    if total is None:  # the window goes on past the kept events: count it
        total = store.memo.get("listing_total", (key, since, until), version,
                               lambda: store.count_events(since=since, until=until, **filters))
    return [dict(r) for r in rows], total


def _ends_beyond(store, until: dt.date | None, want: int, filters: dict) -> bool:
    """Whether at least `want` events of these filters are dated after `until`: then a window ending there
    starts beyond the newest `want` events, and reading them first (to keep) would be a second read of the store
    besides the window's page. Asked only where the aggregates count it (one statement over their rows; other
    filters would count over the events)."""
    if until is None or until == dt.date.max or filters.get("article_id") or filters.get("min_confidence") is not None \
            or filters.get("include_rejected") or filters.get("reviewed_only"):
        return False
    return store.count_events(since=until + dt.timedelta(days=1), **filters) >= want


def _read(store, since, until, limit, offset, decorate, filters) -> tuple[list[dict], int]:
    rows, total = store.events_page(since=since, until=until, limit=limit, offset=offset, **filters)
    for r in rows:
        decorate(r)
    return rows, total


def _cut(kept: tuple[list[dict], list, int], since: dt.date | None, until: dt.date | None, offset: int,
         limit: int) -> tuple[list[dict], int | None] | None:
    """The page (and the window's total, None when it runs past the kept events) cut from a kept listing, or
    None when the page does not lie inside it."""
    records, dates, total = kept
    whole = len(records) >= total  # the kept events are every event of the listing
    if since is None and until is None:
        return (records[offset:offset + limit], total) if whole or offset + limit <= len(records) else None
    window = date_window(dates, since, until, whole)
    if window is None:
        return None
    start, end, ended = window
    first, last = start + offset, start + offset + limit
    if not ended and last > end:
        return None
    return records[first:min(last, end)], (end - start if ended else None)
