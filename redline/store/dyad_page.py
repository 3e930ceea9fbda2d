"""A newest-first page of one dyad's events in a date window, found by `dyad_events` instead of `events`.

A page of events starts on the day the aggregates name (aggregates.newest_day) and reads the row groups of
`events` whose articles are at most ahead.AHEAD_DAYS older than that day (store/ahead.py). With an `until`
the window has an end, but no article day bounds it: events are stored in their articles' order, and an
article reports events of any earlier day (a tenth of the year benchmark's events are dated more than a week
before their article), so a dyad's March page read every row group from March to the end of the year
(150-175 ms at 10 M events).

`dyad_events` holds one row per (event, actor -> recipient pair) with the day, precision, type and factuality
the event counts as (the aggregates' values: the reviewed ones, rejected events left out), written in the same
transaction as the events. So a page of the events of `actor` -> `recipient` dated in [first day, until] in the
aggregates' scope is: the ids of the newest `offset + limit` such rows (a scan of a few narrow columns), then
those events by their key (an IN list of constants: DuckDB looks each up in the primary key's index), cut to
the page with the page's own filters and order. tests/test_aggregates.py checks the pages against the plain
statement after every batch, review and removal.
"""

from __future__ import annotations

import datetime as dt


def applies(*, actor, recipient, until, **_) -> bool:
    """Whether a page of these filters (in the aggregates' scope, with a first day) is read this way: a dyad with
    a window's end (without one the page's first day bounds the row groups it reads)."""
    return bool(actor and recipient and until)


def ids_sql(need: int, first_day: dt.date, *, actor: str, recipient: str, event: str | None, until: dt.date,
            factuality: str | None, since: dt.date | None = None) -> tuple[str, list]:
    """A statement (and parameters) giving the ids of the newest `need` dated events of the dyad in
    [first_day, until] (ties by id), with these filters (the aggregates' kwargs: codes upper-cased; `since` is
    at or before first_day, which aggregates.newest_day found within the window)."""
    where = ["a = ?", "b = ?", "prec <> 'unknown'", "day >= ?", "day <= ?"]
    params: list = [actor, recipient, first_day, until]
    for clause, value in (("event = ?", event), ("factuality = ?", factuality)):
        if value is not None:
            where.append(clause)
            params.append(value)
    return (f"SELECT id FROM dyad_events WHERE {' AND '.join(where)} ORDER BY day DESC, id LIMIT ?",
            params + [need])


def rows_sql(columns: str, where: str, params: list, ids: list[str], limit: int, offset: int) -> tuple[str, list]:
    """A statement (and parameters) giving `columns` (over alias e) of these events that pass the page's
    filters (`where`, over alias e, as queries.event_filters gives it), newest first (ties by id), cut to the
    page. The ids are looked up alone (a subquery the filters are not pushed into: with other conditions beside
    the IN list DuckDB scans every row)."""
    marks = ", ".join("?" * len(ids)) or "NULL"
    return (f"SELECT {columns} FROM (SELECT * FROM events WHERE id IN ({marks}) OFFSET 0) e{where} "
            "ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?", [*ids, *params, limit, offset])


def rows(cur, columns: str, where: str, params: list, first_day: dt.date, limit: int, offset: int,
         filters: dict) -> list[tuple]:
    """The page's rows (`columns` over alias e) by the two statements above, on the caller's snapshot; `filters`:
    the aggregates' kwargs of the page."""
    sql, p = ids_sql(offset + limit, first_day, **filters)
    ids = [r[0] for r in cur.execute(sql, p).fetchall()]
    sql, p = rows_sql(columns, where, params, ids, limit, offset)
    return cur.execute(sql, p).fetchall()


__all__ = ["applies", "ids_sql", "rows", "rows_sql"]
