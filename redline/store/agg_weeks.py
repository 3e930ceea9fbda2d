"""`agg_weeks`: agg_days' rows summed per week, kept per batch: what a timeline by week, and the count of what any
timeline left out, read for the whole weeks of their window.

A timeline by week of one code on either side sums its actor, recipient and (code, code) dyad rows of
`agg_days`, one row per (day, event type, quad, ...): 37.5k rows at 1 M events for one actor (USA), and its cost
is those rows (benchmarks/README.md, session 25: a fifth less when a key range skips the other row groups, most
of it the sums); `/timeline` reads them twice, the second time for the events it left out (dated less precisely
than the period, or undated). Here agg_days' rows are summed over the event type and the days of their week
(Monday first, as DuckDB's date_trunc): per (scope, a, b, reciprocal, factuality, precision, week, quad) the
events and the exact sums of their scores (DECIMAL, as agg_days': a sum of sums is the same sum, so a mean is the
same). A week counts only day-precise events (and undated ones with `undated`; analytics.BUCKET_PRECISIONS), the
count of those left out sums the others, so every precision is kept. The key `k` is agg_days' key with the
event type's bits cleared and the week's Monday in the day's bits.

A window that starts or ends inside a week reads its whole weeks here and the days of its partial weeks from
`agg_days` (week_parts). Maintained in aggregates.update from the same delta rows it adds to `agg_days`;
`rebuild` sums `agg_days`; migration 46 builds it for a store written before. tests/test_aggregates.py checks it
against a rebuild after every batch, review and removal, and tests/test_agg_weeks.py the timelines in windows
inside and across weeks against counting over the events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .bulk import upsert_rows
from .schema import migration

TABLE = "agg_weeks"
MEASURES = ("events", "gold_sum", "gold_n", "scale_sum", "scale_n")
COLUMNS = ("k", "scope", "a", "b", "reciprocal", "factuality", "prec", "week", "quad", *MEASURES)
CREATE = f"""CREATE TABLE {TABLE} (
    k UBIGINT PRIMARY KEY, scope VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR NOT NULL, reciprocal BOOLEAN NOT NULL,
    factuality VARCHAR NOT NULL, prec VARCHAR NOT NULL, week DATE NOT NULL, quad TINYINT NOT NULL,
    events BIGINT NOT NULL, gold_sum DECIMAL(38, 4) NOT NULL, gold_n BIGINT NOT NULL,
    scale_sum DECIMAL(38, 4) NOT NULL, scale_n BIGINT NOT NULL)"""
# agg_days' key (store/aggregates.py): ... | day 20 bits << 8 | event 5 bits << 3 | quad 3 bits
_DAY_SHIFT = 8
_CLEAR = ((1 << 64) - 1) ^ ((((1 << 20) - 1) << _DAY_SHIFT) | (31 << 3))  # every bit but the day's and the event's
_DAY0 = dt.date(1, 1, 1)


def present(con) -> bool:
    """Whether the store has the table (migration 46; older migrations rebuild the aggregates before it)."""
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [TABLE]).fetchall()[0][0])


def monday(day: dt.date) -> dt.date:
    """The first day of the week holding `day` (Monday, as DuckDB's date_trunc('week', ...))."""
    return day - dt.timedelta(days=day.weekday())


def week_key(day_key: int, week: dt.date) -> int:
    """This table's key of an agg_days key `day_key` whose day lies in the week starting on `week`."""
    return (day_key & _CLEAR) | ((week - _DAY0).days << _DAY_SHIFT)


def update(con, day_rows: Iterable[tuple]) -> None:
    """Add agg_days delta rows (aggregates' columns: k, the nine key columns, events, mentions, gold_sum, gold_n,
    scale_sum, scale_n) to their weeks."""
    if not present(con):
        return
    weeks: dict[int, list] = {}
    for k, scope, a, b, recip, fact, prec, day, _event, quad, events, _mentions, *sums in day_rows:
        week = monday(day)
        key = week_key(k, week)
        acc = weeks.get(key)
        if acc is None:
            weeks[key] = [key, scope, a, b, recip, fact, prec, week, quad, events, *sums]
        else:
            for i, v in enumerate((events, *sums)):
                acc[9 + i] += v
    rows = [tuple(r) for r in weeks.values() if any(r[9:])]
    upsert_rows(con, TABLE, sorted(rows), key="k", columns=COLUMNS, add=MEASURES)


def rebuild(con) -> None:
    """Recompute the table from agg_days (aggregates.rebuild fills that first)."""
    if not present(con):
        return
    con.execute(f"DELETE FROM {TABLE}")
    week = "date_trunc('week', day)::DATE"
    con.execute(f"""
        INSERT INTO {TABLE}
        SELECT (k & {_CLEAR}::UBIGINT) | (({week} - DATE '0001-01-01')::UBIGINT << {_DAY_SHIFT}) AS wk,
               any_value(scope), any_value(a), any_value(b), any_value(reciprocal), any_value(factuality),
               any_value(prec), any_value({week}), any_value(quad), sum(events), sum(gold_sum), sum(gold_n),
               sum(scale_sum), sum(scale_n)
        FROM agg_days
        GROUP BY wk HAVING sum(events) <> 0 OR sum(gold_n) <> 0 OR sum(scale_n) <> 0
        ORDER BY wk""")


def dump(con) -> list[tuple]:
    """The rows without all-zero ones, sorted (equal dumps mean equal tables); [] without the table."""
    if not present(con):
        return []
    rows = con.execute(f"SELECT * FROM {TABLE} WHERE events <> 0 OR gold_n <> 0 OR scale_n <> 0").fetchall()
    return sorted(rows, key=repr)


def week_parts(since: dt.date | None, until: dt.date | None) -> tuple[tuple[dt.date | None, dt.date | None] | None,
                                                                        list[tuple[dt.date | None, dt.date | None]]]:
    """A window of days -> (the Mondays of its whole weeks, first and last, None for an open end; None when it
    holds no whole week) and the day ranges of its partial weeks (read from agg_days), in order."""
    first = None if since is None else monday(since + dt.timedelta(days=6))  # the first Monday on or after since
    last = None if until is None else monday(until + dt.timedelta(days=1)) - dt.timedelta(days=7)
    if first is not None and last is not None and first > last:
        return None, [(since, until)]
    edges = []
    if since is not None and since < first:
        edges.append((since, first - dt.timedelta(days=1)))
    if until is not None and until >= last + dt.timedelta(days=7):
        edges.append((last + dt.timedelta(days=7), until))
    return (first, last), edges


@migration(46, "agg_days' rows summed per week (agg_weeks), for timelines by week and what timelines left out")
def _agg_weeks(con) -> None:
    con.execute(CREATE)
    rebuild(con)


__all__ = ["CREATE", "TABLE", "dump", "monday", "present", "rebuild", "update", "week_key",
           "week_parts"]
