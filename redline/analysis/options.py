"""Checks of the analysts' options (periods, factuality filters, date ranges, actor codes) and a hint when a name
was given where a code is expected.
"""

from __future__ import annotations

import datetime as dt

from ..errors import UsageError
from ..records import Factuality

PERIODS = ("day", "week", "month", "year")
QUAD_NAMES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


def connection_of(store):
    """A fresh cursor on the store's DuckDB connection (cursors make concurrent readers safe)."""
    public = getattr(store, "cursor", None)
    return public() if callable(public) else store._cursor()


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise UsageError(f"by: unknown period {by!r} (choose one of {', '.join(PERIODS)})")
    return by


def check_factuality(values: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Factuality filter: None -> asserted only; "all" -> every value; else a comma list of known values."""
    if values is None:
        return (Factuality.ASSERTED.value,)
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    out = []
    known = {f.value for f in Factuality}
    for v in values:
        v = v.strip().lower()
        if v == "all":
            return tuple(sorted(known))
        if v not in known:
            raise UsageError(f"factuality: unknown value {v!r} (choose from all, {', '.join(sorted(known))})")
        out.append(v)
    return tuple(out)


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise UsageError(f"since ({since}) is after until ({until})")


def check_code(value: str | None, name: str) -> str | None:
    """An actor code filter, upper-cased; UsageError naming `name` when it cannot be a code."""
    if value is None or value == "":
        return None
    value = value.strip().upper()
    if not value.replace("_", "").isalnum() or len(value) > 12:
        raise UsageError(f"{name}: {value!r} is not an actor code (e.g. RUS, UKR, NATO)")
    return value


def suggest_code(store, value: str | None, name: str) -> None:
    """UsageError when `value` is in no stored event but matches a stored actor's name ("RUSSIA" -> RUS).

    A code that is simply absent from the store passes (the answer is then empty, which is true).
    """
    if not value:
        return
    code = value.strip().upper()
    if store.has_actor_code(code):
        return
    known = store.actors(limit=None)
    needle = value.strip().lower()
    hits = [a for a in known if any(needle == n.lower() or (len(needle) >= 4 and needle in n.lower())
                                    for n in a.get("names") or [])]
    if hits:
        best = ", ".join(f"{a['code']} ({(a.get('names') or [''])[0]})" for a in hits[:3])
        raise UsageError(f"{name}: no stored event has the code {code!r}; did you mean {best}? Actors are given "
                         "by code: ISO 3166 alpha-3 for countries (RUS, UKR), organisation codes (NATO, EU)")


def code_hint(store, value: str | None, name: str) -> str | None:
    """A hint for an empty answer: the code is in no stored event (with a few codes that are)."""
    if not value:
        return None
    code = value.strip().upper()
    if store.has_actor_code(code):
        return None
    known = store.actors(limit=None)
    top = ", ".join(a["code"] for a in known[:8])
    return (f"{name}: no stored event has the code {code!r}" + (f"; the most frequent codes are {top}" if top else "")
            + " (`redline dyads` lists pairs)")


__all__ = [
    "PERIODS", "QUAD_NAMES", "check_code", "check_factuality", "check_period", "check_range", "code_hint",
    "suggest_code",
]
