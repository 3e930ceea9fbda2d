"""The escalation events of every dyad, kept per batch in (dyad, day) order: what an alert's evidence ids are
read from.

An escalation alert names every escalation event of its dyad in its period (analysis/alerting.py). Reading
them from `dyad_events` (one row per event and actor -> recipient pair, every type) is a scan of all its rows:
neither a day range nor the dyad skips a row group there, since rows are stored in the order batches came and
a few events dated years ahead put a far day into every row group (165 ms of the 212 ms of `alerts()` at
10 M events, idle). `dyad_escalation` holds the same rows for the escalation types only (a quarter of them)
and without the article and mentions, stored sorted by dyad and day when built, so that a statement naming
one dyad and a day range reads only the row groups holding that dyad. Rows of later batches are appended in
batch order (sorted within the batch), and an appended row group holds every dyad of its batches, so each
alert's statement reads it too: once the rows appended since the table was last sorted pass SORTED_SHARE of
the sorted ones, the batch that passes it sorts the table again, in its own transaction (store_meta keeps
the count of appended rows). A rebuild sorts it too.

Maintenance is a delta in aggregates.update, from the same rows it writes to `dyad_events`; `rebuild` fills
it from `dyad_events`. tests/test_aggregates.py checks it against a rebuild after every batch, and the alerts'
evidence against counting over the events.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from . import sorted_tail
from .bulk import insert_rows

# The event types an escalation alert counts (analysis.alerting.ESCALATION_EVENTS is this tuple).
EVENTS = ("THREATEN", "MOBILIZE", "ASSAULT", "COERCE")
CREATE = """CREATE TABLE dyad_escalation (
    id VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR NOT NULL, factuality VARCHAR NOT NULL, prec VARCHAR NOT NULL,
    day DATE NOT NULL, event VARCHAR NOT NULL)"""
_ORDER = "a, b, day, id"
# The appended rows (since the table was last sorted) a batch lets pass before it sorts the table again, as a share
# of the sorted rows. Measured at 10 M events (benchmarks/README.md): the 14 alerts' evidence ids took 28 ms CPU
# on the sorted table, 58 ms with 1% of its rows appended over 50 batches, 123 ms with 10%; a sort takes ~2 s CPU.
SORTED_SHARE = 0.01
_APPENDED = "dyad_escalation_appended"  # store_meta: rows appended since the last sort
# Up to this many periods, one statement of a SELECT per period (its dyad and days as constants: DuckDB skips
# the row groups without them); more, one hash join of the table with the periods (a scan of the table).
UNION_PERIODS = 64


def present(con) -> bool:
    """Whether the store has the table (migration 15; older migrations rebuild the aggregates before it)."""
    # (fetchall: a result left pending would keep the next bulk insert from registering its Arrow table)
    return bool(con.execute("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_name = 'dyad_escalation'").fetchall()[0][0])


def _rows(dyad_rows: Iterable[tuple]) -> frozenset:
    """dyad_events rows (id, a, b, factuality, prec, day, event, article, mentions) -> this table's rows."""
    return frozenset(r[:7] for r in dyad_rows if r[6] in EVENTS)


def _sort_key(r: tuple) -> tuple:
    return r[1], r[2], r[5], r[0]


def update(con, old_by: dict[str, frozenset], new_by: dict[str, frozenset]) -> None:
    """Move the table by what a write changed: old_by / new_by are the dyad_events rows of the written events
    by id, before and after (aggregates.update)."""
    if not present(con):
        return
    old = {i: _rows(v) for i, v in old_by.items()}
    new = {i: _rows(v) for i, v in new_by.items()}
    touched = sorted(i for i in old.keys() | new.keys() if old.get(i, frozenset()) != new.get(i, frozenset()))
    stale = [i for i in touched if old.get(i)]
    for start in range(0, len(stale), 500):
        part = stale[start:start + 500]
        con.execute(f"DELETE FROM dyad_escalation WHERE id IN ({', '.join('?' * len(part))})", part).fetchall()
    rows = sorted((r for i in touched for r in new.get(i, ())), key=_sort_key)
    insert_rows(con, "dyad_escalation", rows)
    if rows:
        _keep_sorted(con, len(rows))


def _keep_sorted(con, appended: int) -> None:
    sorted_tail.keep_sorted(con, appended, table="dyad_escalation", name=_APPENDED, share=SORTED_SHARE, sort=sort)


def _set_appended(con, n: int) -> None:
    sorted_tail.set_appended(con, _APPENDED, n)


def sort(con) -> None:
    """Store the table's rows again, sorted by dyad and day (DuckDB keeps a row group's min/max per column:
    sorted, a dyad's rows lie in one or two row groups), and count the rows appended from here (none yet)."""
    if not present(con):
        return
    con.execute(f"CREATE TEMP TABLE dyad_escalation_sorted AS SELECT * FROM dyad_escalation ORDER BY {_ORDER}")
    con.execute("DELETE FROM dyad_escalation")
    con.execute("INSERT INTO dyad_escalation SELECT * FROM dyad_escalation_sorted")
    con.execute("DROP TABLE dyad_escalation_sorted")
    _set_appended(con, 0)


def rebuild(con) -> None:
    """Recompute the table from dyad_events (aggregates.rebuild fills that first), sorted by dyad and day."""
    if not present(con):
        return
    con.execute("DELETE FROM dyad_escalation")
    con.execute(f"""INSERT INTO dyad_escalation
                    SELECT id, a, b, factuality, prec, day, event FROM dyad_events
                    WHERE list_contains(?::VARCHAR[], event) ORDER BY {_ORDER}""", [list(EVENTS)])
    _set_appended(con, 0)


def dump(con) -> list[tuple]:
    """The rows, sorted (equal dumps mean equal tables); none before migration 15."""
    if not present(con):
        return []
    return sorted(con.execute("SELECT * FROM dyad_escalation").fetchall(), key=repr)


def evidence(con, periods: list[tuple[str, str, dt.date, dt.date]], *, factuality: tuple[str, ...],
             escalation: tuple[str, ...], precisions: tuple[str, ...], undated: bool
             ) -> dict[tuple[str, str, dt.date], tuple[list[str], list[str]]]:
    """(actor, recipient, first day) -> (sorted ids of the events of these types (a subset of EVENTS) of that dyad
    in [first, last day] with these factualities, dated with one of these precisions (undated ones too with
    `undated`); the same ids by date (an undated event first), then id). analytics.escalation_evidence."""
    cond = ("list_contains(?::VARCHAR[], d.factuality) AND list_contains(?::VARCHAR[], d.event) "
            "AND (list_contains(?::VARCHAR[], d.prec) OR d.prec = 'unknown')" + ("" if undated else
                                                                                   " AND d.prec <> 'unknown'"))
    cond_params: list[Any] = [list(factuality), list(escalation), list(precisions)]
    sort_day = "CASE WHEN d.prec = 'unknown' THEN NULL ELSE d.day END"
    if len(periods) <= UNION_PERIODS:
        selects, params = [], []
        for i, (a, b, lo, hi) in enumerate(periods):
            selects.append(f"SELECT {i} AS p, d.id, {sort_day} AS sort_day FROM dyad_escalation d "
                           f"WHERE d.a = ? AND d.b = ? AND d.day BETWEEN ? AND ? AND {cond}")
            params += [a, b, lo, hi, *cond_params]
        matched = " UNION ALL ".join(selects)
    else:
        values = ", ".join(["(?, ?, ?, ?::DATE, ?::DATE)"] * len(periods))
        matched = f"""SELECT p.p, d.id, {sort_day} AS sort_day
                      FROM dyad_escalation d JOIN (VALUES {values}) AS p(p, a, b, lo, hi)
                        ON d.a = p.a AND d.b = p.b AND d.day BETWEEN p.lo AND p.hi
                      WHERE {cond}"""
        params = [v for i, period in enumerate(periods) for v in (i, *period)] + cond_params
    sql = f"""SELECT p, list(id ORDER BY id), list(id ORDER BY sort_day ASC NULLS FIRST, id)
              FROM (SELECT DISTINCT p, id, sort_day FROM ({matched})) GROUP BY p"""
    out: dict[tuple[str, str, dt.date], tuple[list[str], list[str]]] = {(a, b, lo): ([], []) for a, b, lo, _ in periods}
    for p, ids, by_date in con.execute(sql, params).fetchall():
        a, b, lo, _ = periods[p]
        out[(a, b, lo)] = (list(ids), list(by_date))
    return out


__all__ = ["CREATE", "EVENTS", "dump", "evidence", "present", "rebuild", "sort", "update"]
