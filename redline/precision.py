"""How precisely an event's date is known, shown the same way everywhere: 2014, 2014-03 or 2014-03-05.

The PLOVER JSON keeps the ISO date (the first day of the month or year) with `date_precision`; tables, CSV,
the HTTP API's `date_text` and the dashboard show only what is known, so a year-only date never reads as
1 January.
"""

from __future__ import annotations

import datetime as dt

PRECISIONS = ("day", "month", "year", "unknown")


def date_text(date: dt.date | str | None, precision: str | None) -> str:
    """The date as far as it is known: "2014" (year), "2014-03" (month), "2014-03-05" (day), "" when undated."""
    if date is None or precision == "unknown":
        return ""
    iso = date.isoformat() if isinstance(date, dt.date) else str(date)
    if precision == "year":
        return iso[:4]
    if precision == "month":
        return iso[:7]
    return iso[:10]


__all__ = ["PRECISIONS", "date_text"]
