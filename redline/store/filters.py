"""What a request's filters mean over the events table: their checks (bad values raise UsageError), the WHERE
clause and parameters they give, LIMIT and OFFSET (split from store/queries.py, which reads with them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..plover import event_schema
from .reviews import ReviewScope

# records.Factuality's values (tests/test_cli_startup.py checks), kept here so a query needs no record classes
FACTUALITIES = ("asserted", "negated", "hypothetical", "possible", "future")


def event_types() -> tuple[str, ...]:
    """The 16 PLOVER event types (from the shipped event schema)."""
    return tuple(event_schema()["properties"]["event"]["items"]["enum"])


def parse_filter_date(value: Any, name: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise UsageError(f"{name}: {value!r} is not a date in YYYY-MM-DD form") from exc


def _code(value: Any) -> str | None:
    return str(value).strip().upper() if value else None


def clamp_limit(value: Any, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UsageError(f"{name}: {value!r} is not a non-negative integer")
    return value


def event_filters(*, actor=None, recipient=None, event=None, since=None, until=None, factuality="asserted",
                  article_id=None, min_confidence=None, include_rejected=False, reviewed_only=False) -> tuple[str, list]:
    """WHERE clause (over alias e = events) and its parameters; bad values raise UsageError.

    Values are the reviewed ones where an analyst reviewed the event; rejected events are left out unless
    include_rejected; reviewed_only keeps confirmed and corrected events only (docs/reviews.md).
    """
    where, params = [], []
    scope = ReviewScope(include_rejected=bool(include_rejected), reviewed_only=bool(reviewed_only)).clause("e")
    if scope != "TRUE":
        where.append(scope)
    if actor:
        where.append("list_contains(e.actor_codes, ?)")
        params.append(str(actor).strip().upper())
    if recipient:
        where.append("list_contains(e.recipient_codes, ?)")
        params.append(str(recipient).strip().upper())
    if event:
        name = str(event).strip().upper()
        if name not in event_types():
            raise UsageError(f"event: {event!r} is not a PLOVER event type ({', '.join(event_types())})")
        where.append("e.event = ?")
        params.append(name)
    since, until = parse_filter_date(since, "since"), parse_filter_date(until, "until")
    if since and until and since > until:
        raise UsageError(f"since {since} is after until {until}")
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until)
    if factuality is not None:
        fact = str(factuality).lower()
        if fact not in FACTUALITIES:
            raise UsageError(f"factuality: {factuality!r} is not one of {', '.join(FACTUALITIES)}")
        where.append("e.factuality = ?")
        params.append(fact)
    if article_id:
        where.append("e.id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)")
        params.append(str(article_id))
    if min_confidence is not None:
        try:
            floor = float(min_confidence)
        except (TypeError, ValueError) as exc:
            raise UsageError(f"min_confidence: {min_confidence!r} is not a number between 0 and 1") from exc
        if not 0.0 <= floor <= 1.0:
            raise UsageError(f"min_confidence: {floor} is not between 0 and 1")
        where.append("e.id IN (SELECT event_id FROM event_mentions WHERE confidence >= ?)")
        params.append(floor)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def paginate(sql: str, params: list, limit: Any, offset: Any) -> str:
    """`sql` with LIMIT (None: all) and OFFSET appended and their values added to `params`; bad values raise
    UsageError."""
    limit, offset = clamp_limit(limit, "limit"), clamp_limit(offset, "offset") or 0
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    params.append(offset)
    return sql + " OFFSET ?"


@dataclass(frozen=True, slots=True)
class EventFilters:
    """The filters of events() / count_events(), as given (event_filters checks them)."""

    actor: Any
    recipient: Any
    event: Any
    since: Any
    until: Any
    factuality: Any
    article_id: Any
    min_confidence: Any
    include_rejected: Any
    reviewed_only: Any

    def kwargs(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}

    def default_scope(self) -> bool:
        """Whether the aggregates hold these events (no article, confidence or review-scope filter)."""
        return (not self.article_id and self.min_confidence is None and not self.include_rejected
                and not self.reviewed_only)

    def aggregate_kwargs(self) -> dict:
        """The filters as the aggregates take them (event_filters has checked them)."""
        return {"actor": _code(self.actor), "recipient": _code(self.recipient),
                "event": str(self.event).strip().upper() if self.event else None,
                "since": parse_filter_date(self.since, "since"), "until": parse_filter_date(self.until, "until"),
                "factuality": None if self.factuality is None else str(self.factuality).lower()}
