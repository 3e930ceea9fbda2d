"""Tables kept sorted with an appended tail: batches append their rows (sorted among themselves), store_meta
counts the rows appended since the last sort, and the batch whose tail passes a share of the sorted rows sorts
the table again. Used by `dyad_escalation` (store/escalations.py) and `dyad_events` (store/dyad_order.py)."""

from __future__ import annotations

from collections.abc import Callable


def set_appended(con, name: str, n: int) -> None:
    """Record in store_meta under `name` that `n` rows were appended since the table was last sorted."""
    if not con.execute("UPDATE store_meta SET value = ? WHERE name = ?", [str(n), name]).fetchall()[0][0]:
        con.execute("INSERT INTO store_meta VALUES (?, ?)", [name, str(n)])


def keep_sorted(con, appended: int, *, table: str, name: str, share: float, sort: Callable[[object], None]) -> None:
    """Count `appended` rows more in `table`'s tail (store_meta `name`), and call `sort` when the tail passes
    `share` of the rest (a store that has no count yet is sorted once, which starts it)."""
    row = con.execute("SELECT value FROM store_meta WHERE name = ?", [name]).fetchall()
    tail = int(row[0][0]) + appended if row else None
    if tail is None or tail > share * (con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] - tail):
        sort(con)
    else:
        set_appended(con, name, tail)


__all__ = ["keep_sorted", "set_appended"]
