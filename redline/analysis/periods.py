"""Periods of the time views: where a day, week, month or year begins and ends, how it is named, and how many lie
between two.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of the period holding `day` (weeks start on Monday, as in DuckDB's date_trunc)."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def period_label(start: dt.date, by: str) -> str:
    """How a period is named: 2014-03-05 (day), 2014-W10 (ISO week), 2014-03 (month), 2014 (year)."""
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": start.isoformat(), "month": f"{start:%Y-%m}", "year": f"{start:%Y}"}[by]


def fill_periods(rows: list[dict[str, Any]], by: str, since: dt.date | None, until: dt.date | None
                  ) -> list[dict[str, Any]]:
    """Rows for every period between the bounds (the given ones, else the first and last row), zeros where empty."""
    if not rows and not (since and until):
        return rows
    first = period_start(since, by) if since else rows[0]["period"]
    last = period_start(until, by) if until else rows[-1]["period"]
    have = {r["period"]: r for r in rows}
    out = []
    day = first
    while day <= last:
        out.append(have.get(day) or {"period": day, "events": 0, "verbal_coop": 0, "material_coop": 0,
                                     "verbal_conflict": 0, "material_conflict": 0, "goldstein": None,
                                     "plover_score": None})
        day = period_end(day, by) + dt.timedelta(days=1)
    return out


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period that begins on `start`."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    if by == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


def periods_between(a: dt.date, b: dt.date, by: str) -> int:
    """How many periods `a` lies before `b` (both period starts)."""
    if by == "day":
        return (b - a).days
    if by == "week":
        return (b - a).days // 7
    if by == "month":
        return (b.year - a.year) * 12 + b.month - a.month
    return b.year - a.year


__all__ = ["period_end", "period_label", "period_start"]
