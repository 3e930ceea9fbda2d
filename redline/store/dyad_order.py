"""`dyad_events` kept in (dyad, day) order, so that a statement naming one dyad and a day range reads the row
groups holding it, not every row.

`dyad_events` (store/aggregates.py) gets each batch's rows appended, in the order batches came: a dyad's rows
lie in every row group, and a few events dated years before or after their article put far days into every
one, so neither the dyad nor a window skipped a row group. A dyad's page of events in a window
(store/dyad_page.py) reads its ids from here: over every row at 1 M events it cost as much as the page it
replaced (8 ms CPU against 9.5, benchmarks/README.md), over the row groups of one dyad and window a fraction.

As `dyad_escalation` (store/escalations.py), rows of later batches are appended (sorted within the batch), and
once the rows appended since the table was last sorted pass SORTED_SHARE of the sorted ones, the batch that
passes it sorts the table again (store_meta keeps the count). A rebuild and migration 45 sort it. The index
on `id` (the deltas' DELETE by id) is dropped for the sort and made again.
"""

from __future__ import annotations

from . import sorted_tail
from .schema import migration

ORDER = "a, b, day, id"
# Appended rows let pass before a batch sorts the table again, as a share of the sorted ones (as dyad_escalation's).
SORTED_SHARE = 0.01
_APPENDED = "dyad_events_appended"  # store_meta: rows appended since the last sort


def sort(con) -> None:
    """Store the rows again sorted by dyad and day, and count the rows appended from here (none yet)."""
    con.execute(f"CREATE TEMP TABLE dyad_events_sorted AS SELECT * FROM dyad_events ORDER BY {ORDER}")
    con.execute("DROP INDEX IF EXISTS dyad_events_id")
    con.execute("DELETE FROM dyad_events")
    con.execute("INSERT INTO dyad_events SELECT * FROM dyad_events_sorted")
    con.execute("DROP TABLE dyad_events_sorted")
    con.execute("CREATE INDEX dyad_events_id ON dyad_events (id)")
    set_appended(con, 0)


def keep_sorted(con, appended: int) -> None:
    """Count `appended` rows more since the table was last sorted, and sort it when they pass SORTED_SHARE of
    the rest (a store that has no count yet is sorted once, which starts it)."""
    if appended:
        sorted_tail.keep_sorted(con, appended, table="dyad_events", name=_APPENDED, share=SORTED_SHARE, sort=sort)


def set_appended(con, n: int) -> None:
    sorted_tail.set_appended(con, _APPENDED, n)


@migration(45, "dyad_events sorted by dyad and day, the rows appended after it counted (a dyad's page of events "
               "in a window reads its ids there)")
def _sorted_dyad_events(con) -> None:
    sort(con)


__all__ = ["ORDER", "SORTED_SHARE", "keep_sorted", "set_appended", "sort"]
