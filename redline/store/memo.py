"""What many answers share, kept until the store's next commit (the HTTP API's read paths use it).

The answer cache of the HTTP API (redline/web/middleware.py) keeps whole answers; this keeps their parts that
distinct answers read again and again: the PLOVER dicts of event mentions (every page of events, every alert
with red lines), articles' titles and texts (each cut into sentences), whether an actor code is in the store,
a digest or a ranking of dyads that two views share. A database statement costs 0.3 ms even when it reads
nothing, and a page's fifty mentions with their entities 3-8 ms (benchmarks/README.md): a part kept here costs
a dictionary look-up.

Every entry is tagged with the store's `version` (the count of commits this Store made) read *before* the
data was read; an entry is served only while the version is unchanged, and the first use of a newer version
empties every table. A value read while a commit happened is thus never served after it. Tables are LRU and
bounded (entries per kind, fewer for large values: LIMITS), so the memory stays bounded at ten million
events.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any


# Entries kept per kind, where a value is large; other kinds keep `entries` (a mention, a quote, a code).
# A listing holds up to 1,000 events and an article its text; a dyad's counts per period grow with the store
# (250k rows at ten million events): eight entries hold no more than eight alerts computed at once do anyway.
LIMITS = {"listing": 64, "digest": 512, "dyads": 1024, "article": 2048, "dyad_periods": 8}


class Memo:
    """Per-kind LRU tables of values valid for one store version (see the module docstring).

    Thread-safe: the API's worker threads share one Memo. Callers treat the values as read-only (copy before
    changing one). entries: the most entries of a kind not in `limits` (which caps the others).
    """

    def __init__(self, *, entries: int = 8192, limits: dict[str, int] | None = None):
        self.entries = entries
        self.limits = dict(LIMITS if limits is None else limits)
        self._lock = threading.Lock()
        self._version: int | None = None
        self._tables: dict[str, OrderedDict[Hashable, Any]] = {}
        self._flights: dict[tuple, threading.Event] = {}  # values being computed, by (kind, key, version)

    def _table(self, kind: str, version: int) -> OrderedDict | None:
        """The table of `kind` for `version` (None when `version` is older than the one kept). Lock held."""
        if self._version is None or version > self._version:
            self._tables.clear()
            self._version = version
        elif version < self._version:
            return None
        return self._tables.setdefault(kind, OrderedDict())

    def get_many(self, kind: str, keys: Iterable[Hashable], version: int) -> dict[Hashable, Any]:
        """The kept values of these keys (missing keys are left out)."""
        with self._lock:
            table = self._table(kind, version)
            if table is None:
                return {}
            out = {}
            for key in keys:
                if key in table:
                    table.move_to_end(key)
                    out[key] = table[key]
            return out

    def put_many(self, kind: str, items: dict[Hashable, Any], version: int) -> None:
        """Keep these values, read at `version` (dropped when a commit came since)."""
        with self._lock:
            table = self._table(kind, version)
            if table is None:
                return
            table.update(items)
            for key in items:
                table.move_to_end(key)
            while len(table) > min(self.entries, self.limits.get(kind, self.entries)):
                table.popitem(last=False)

    def get(self, kind: str, key: Hashable, version: int, compute: Callable[[], Any]) -> Any:
        """The kept value of `key`, else compute() (kept for `version`).

        One thread computes a missing value; others that ask for it meanwhile wait for it instead of computing
        it again (under 200 clients, the first answers of a version all want the same parts at once). A waiter
        whose value was not kept after all (the computation failed, or a commit came) computes it itself."""
        flight_key = (kind, key, version)
        while True:
            with self._lock:
                table = self._table(kind, version)
                if table is None:  # read for an older version: computed, never kept
                    return compute()
                if key in table:
                    table.move_to_end(key)
                    return table[key]
                flight = self._flights.get(flight_key)
                mine = flight is None
                if mine:
                    flight = self._flights[flight_key] = threading.Event()
            if mine:
                break
            flight.wait()
        try:
            value = compute()
            self.put_many(kind, {key: value}, version)
            return value
        finally:
            with self._lock:
                self._flights.pop(flight_key, None)
            flight.set()


def date_window(dates: list, since, until, whole: bool) -> tuple[int, int, bool] | None:
    """Where a window of days lies in the first items of a newest-first list (undated items last), given their
    dates: (start, end, ended) with the window's items at [start, end) of those kept, `ended` when the window
    ends inside them (else it may go on past `end`); None when it starts past them. whole: the kept items are
    the whole list. A window keeps a run of consecutive items: the order is by date."""
    start = 0
    if until is not None:  # items after the window come first
        start = bisect.bisect_left(dates, (0, -until.toordinal()), key=_newest_first)
        if start == len(dates) and not whole:
            return None
    end = bisect.bisect_right(dates, (0, -since.toordinal()) if since is not None else (0, 0), lo=start,
                              key=_newest_first)  # (0, 0): before the undated items, after every date
    return start, end, end < len(dates) or whole


def _newest_first(day) -> tuple[int, int]:
    """An ascending key of a newest-first list of dates with the undated last (found by bisection, 20,000 kept
    quotes' days in a few steps)."""
    return (1, 0) if day is None else (0, -day.toordinal())
