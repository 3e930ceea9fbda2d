"""SQL for the analysts' aggregates (redline/analysis.py calls these). Parameterised queries only.

Every function takes a DuckDB connection (or cursor) on a store and returns plain dicts. Dyads, timelines
and the alert periods read the aggregates kept per batch (redline/store/aggregates.py: `agg_days`,
`dyad_events`), so they answer in the same time at ten thousand or ten million events; the results are those
of counting over `events` (one row per real-world event, mentions merged), which tests/test_aggregates.py
checks. An event with several actor or recipient codes counts once for each actor -> recipient pair in the
dyad views, and once in a timeline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import aggregates

# The event with its representative mention's place (for the places view).
_WITH_PLACE = """
    SELECT e.id, e.event, e.factuality, e.date, e.quad_code, e.goldstein, e.actor_codes, e.recipient_codes,
           e.num_mentions, e.num_articles, e.rep_article AS article_id, e.event_scale, m.event_loc
    FROM events e
    JOIN event_mentions m ON m.n = e.rep_n
"""

_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _where(since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
           *, alias: str = "") -> tuple[list[str], list[Any]]:
    """WHERE clauses (and their parameters) shared by the aggregates."""
    p = f"{alias}." if alias else ""
    clauses = [f"{p}date IS NOT NULL", f"list_contains(?::VARCHAR[], {p}factuality)"]
    params: list[Any] = [list(factuality)]
    if since:
        clauses.append(f"{p}date >= ?")
        params.append(since)
    if until:
        clauses.append(f"{p}date <= ?")
        params.append(until)
    return clauses, params


def _rows(cur) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _agg_where(scope: str, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...]
               ) -> tuple[list[str], list[Any]]:
    """WHERE clauses over agg_days (alias-free) for one scope, the factualities and the day range."""
    clauses = ["scope = ?", "list_contains(?::VARCHAR[], factuality)", "events <> 0"]
    params: list[Any] = [scope, list(factuality)]
    if since:
        clauses.append("day >= ?")
        params.append(since)
    if until:
        clauses.append("day <= ?")
        params.append(until)
    return clauses, params


# Mean scores from exact sums: the same whatever order the events were added in.
_MEANS = """round((sum(gold_sum) / nullif(sum(gold_n), 0))::DOUBLE, 2) AS goldstein,
            round((sum(scale_sum) / nullif(sum(scale_n), 0))::DOUBLE, 2) AS plover_score"""


def dyads(con, *, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
          limit: int) -> list[dict[str, Any]]:
    """Directed actor -> recipient pairs by event count (from agg_days; articles from dyad_events)."""
    where, params = _agg_where("dyad", since, until, factuality)
    sql = f"""
        SELECT a AS actor, b AS recipient, sum(events)::BIGINT AS events, sum(mentions)::INTEGER AS mentions,
               {_MEANS},
               round(coalesce(sum(events) FILTER (WHERE quad >= 3), 0)::DOUBLE / sum(events), 3) AS conflict_share,
               min(day) AS first, max(day) AS last
        FROM agg_days
        WHERE {' AND '.join(where)}
        GROUP BY a, b
        ORDER BY events DESC, mentions DESC, actor, recipient
        LIMIT ?
    """
    rows = _rows(con.execute(sql, params + [limit]))
    articles = _dyad_articles(con, [(r["actor"], r["recipient"]) for r in rows], since, until, factuality)
    # num_articles on events counts every article mentioning it; articles here counts representative ones
    return [{"actor": r["actor"], "recipient": r["recipient"], "events": r["events"],
             "articles": articles.get((r["actor"], r["recipient"]), 0), "mentions": r["mentions"],
             "goldstein": r["goldstein"], "plover_score": r["plover_score"], "conflict_share": r["conflict_share"],
             "first": r["first"], "last": r["last"]} for r in rows]


def _dyad_filter(pairs: list[tuple[str, str]], since: dt.date | None, until: dt.date | None,
                 factuality: tuple[str, ...]) -> tuple[list[str], list[Any]]:
    """WHERE clauses over dyad_events for some dyads, the factualities and the day range."""
    where = ["list_contains(?::VARCHAR[], factuality)",
             "(" + " OR ".join(["(a = ? AND b = ?)"] * len(pairs)) + ")"]
    params: list[Any] = [list(factuality)] + [v for p in pairs for v in p]
    if since:
        where.append("day >= ?")
        params.append(since)
    if until:
        where.append("day <= ?")
        params.append(until)
    return where, params


def _dyad_articles(con, pairs: list[tuple[str, str]], since: dt.date | None, until: dt.date | None,
                   factuality: tuple[str, ...]) -> dict[tuple[str, str], int]:
    """Distinct representative articles of these dyads' events in the window."""
    if not pairs:
        return {}
    where, params = _dyad_filter(pairs, since, until, factuality)
    sql = f"SELECT a, b, count(DISTINCT article) FROM dyad_events WHERE {' AND '.join(where)} GROUP BY a, b"
    return {(a, b): n for a, b, n in con.execute(sql, params).fetchall()}


def dyad_event_ids(con, *, actor: str, recipient: str, since: dt.date | None, until: dt.date | None,
                   factuality: tuple[str, ...], limit: int) -> list[str]:
    """Ids of a dyad's best-attested events in a window (most mentions first)."""
    where, params = _dyad_filter([(actor, recipient)], since, until, factuality)
    sql = f"""
        SELECT id FROM dyad_events WHERE {' AND '.join(where)}
        GROUP BY id, mentions, day
        ORDER BY mentions DESC, day DESC, id
        LIMIT ?
    """
    return [r[0] for r in con.execute(sql, params + [limit]).fetchall()]


def timeline(con, *, actor: str | None, recipient: str | None, by: str, since: dt.date | None,
             until: dt.date | None, factuality: tuple[str, ...], both_directions: bool) -> list[dict[str, Any]]:
    """Per-period counts per quad class with mean Goldstein and PLOVER score.

    Which agg_days rows answer: a dyad (both directions: a -> b plus the b -> a events that are not also
    a -> b), one code as actor or as recipient, a code on either side (as actor + as recipient - the dyad
    (code, code)), or every event.
    """
    if actor and recipient:
        parts = [("dyad", actor, recipient, False, 1)]
        if both_directions and actor != recipient:
            parts.append(("dyad", recipient, actor, True, 1))
    elif (actor or recipient) and both_directions:
        code = actor or recipient
        parts = [("actor", code, "", False, 1), ("recipient", code, "", False, 1), ("dyad", code, code, False, -1)]
    elif actor or recipient:
        parts = [("actor", actor, "", False, 1)] if actor else [("recipient", recipient, "", False, 1)]
    else:
        parts = [("all", "", "", False, 1)]
    selects, params = [], []
    for scope, a, b, skip_reciprocal, sign in parts:
        where, p = _agg_where(scope, since, until, factuality)
        where += ["a = ?", "b = ?"] + (["NOT reciprocal"] if skip_reciprocal else [])
        selects.append(f"SELECT day, quad, {sign} * events AS events, {sign} * gold_sum AS gold_sum, "
                       f"{sign} * gold_n AS gold_n, {sign} * scale_sum AS scale_sum, {sign} * scale_n AS scale_n "
                       f"FROM agg_days WHERE {' AND '.join(where)}")
        params += p + [a, b]
    sql = f"""
        SELECT {aggregates.period_sql(_UNITS[by])} AS period,
               sum(events)::BIGINT AS events,
               coalesce(sum(events) FILTER (WHERE quad = 1), 0)::BIGINT AS verbal_coop,
               coalesce(sum(events) FILTER (WHERE quad = 2), 0)::BIGINT AS material_coop,
               coalesce(sum(events) FILTER (WHERE quad = 3), 0)::BIGINT AS verbal_conflict,
               coalesce(sum(events) FILTER (WHERE quad = 4), 0)::BIGINT AS material_conflict,
               {_MEANS}
        FROM ({' UNION ALL '.join(selects)})
        GROUP BY period
        HAVING sum(events) <> 0
        ORDER BY period
    """
    return _rows(con.execute(sql, params))


def dyad_periods(con, *, by: str, until: dt.date | None, factuality: tuple[str, ...],
                 escalation: tuple[str, ...]) -> list[dict[str, Any]]:
    """Per (dyad, period): events and escalation events; ordered by dyad then period.

    The ids of the escalation events are not listed here (there are as many as events); `escalation_ids`
    fetches them for the periods that raise an alert.
    """
    where, params = _agg_where("dyad", None, until, factuality)
    sql = f"""
        SELECT a AS actor, b AS recipient, {aggregates.period_sql(_UNITS[by])} AS period,
               sum(events)::BIGINT AS events,
               coalesce(sum(events) FILTER (WHERE list_contains(?::VARCHAR[], event)), 0)::BIGINT AS escalation
        FROM agg_days
        WHERE {' AND '.join(where)}
        GROUP BY actor, recipient, period
        ORDER BY actor, recipient, period
    """
    return _rows(con.execute(sql, [list(escalation)] + params))


def escalation_ids(con, periods: list[tuple[str, str, dt.date, dt.date]], *, factuality: tuple[str, ...],
                   escalation: tuple[str, ...]) -> dict[tuple[str, str, dt.date], list[str]]:
    """(actor, recipient, first day) -> sorted ids of the escalation events of that dyad in [first, last day].

    One pass over dyad_events joined with the periods (a hash join on the dyad, then the day range).
    """
    if not periods:
        return {}
    values = ", ".join(["(?, ?, ?::DATE, ?::DATE)"] * len(periods))
    sql = f"""
        SELECT p.a, p.b, p.lo, list(DISTINCT d.id ORDER BY d.id) AS ids
        FROM dyad_events d JOIN (VALUES {values}) AS p(a, b, lo, hi)
          ON d.a = p.a AND d.b = p.b AND d.day BETWEEN p.lo AND p.hi
        WHERE list_contains(?::VARCHAR[], d.factuality) AND list_contains(?::VARCHAR[], d.event)
        GROUP BY p.a, p.b, p.lo
    """
    params: list[Any] = [v for p in periods for v in p] + [list(factuality), list(escalation)]
    out: dict[tuple[str, str, dt.date], list[str]] = {(a, b, lo): [] for a, b, lo, _ in periods}
    for a, b, lo, ids in con.execute(sql, params).fetchall():
        out[(a, b, lo)] = list(ids)
    return out


def red_line_events(con, *, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
                    by: str = "month") -> list[dict[str, Any]]:
    """Dated events any of whose mention sentences speaks of a "red line" (red line, red-lines, redline).

    Mentions carry the flag from when they were stored (rows.red_line), so this reads a boolean column and
    then only the flagged events, by id.
    """
    ids = sorted({r[0] for r in con.execute("SELECT event_id FROM event_mentions WHERE red_line").fetchall()})
    if not ids:
        return []
    where, params = _where(since, until, factuality, alias="e")
    sql = f"""
        SELECT DISTINCT e.id, e.event, e.date, e.actor_codes[1] AS actor, e.recipient_codes[1] AS recipient,
               date_trunc('{_UNITS[by]}', e.date)::DATE AS period
        FROM events e
        WHERE {' AND '.join(where)} AND e.id IN ({', '.join('?' * len(ids))})
        ORDER BY e.date, e.id
    """
    return _rows(con.execute(sql, params + ids))


def locations(con, *, actor: str | None, recipient: str | None, since: dt.date | None,
              until: dt.date | None, factuality: tuple[str, ...], limit: int) -> list[dict[str, Any]]:
    """Event places with coordinates (from the representative mention), with event and conflict counts."""
    where, params = _where(since, until, factuality)
    if actor:
        where.append("list_contains(actor_codes, ?)")
        params.append(actor)
    if recipient:
        where.append("list_contains(recipient_codes, ?)")
        params.append(recipient)
    sql = f"""
        SELECT name, country_code, lat, lon, count(*) AS events,
               count(*) FILTER (WHERE quad_code >= 3) AS conflict,
               list(id ORDER BY date DESC)[1:20] AS event_ids
        FROM (
            SELECT id, date, quad_code, event_loc.name AS name, event_loc.country_code AS country_code,
                   event_loc.lat AS lat, event_loc.lon AS lon
            FROM ({_WITH_PLACE})
            WHERE {' AND '.join(where)}
        )
        WHERE lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY name, country_code, lat, lon
        ORDER BY events DESC, name
        LIMIT ?
    """
    return _rows(con.execute(sql, params + [limit]))


def date_range(con) -> dict[str, Any]:
    """First and last event date and the number of events and articles (for the dashboard's defaults)."""
    row = con.execute("""
        SELECT min(date), max(date), count(*), (SELECT count(*) FROM articles) FROM events
    """).fetchone()
    return {"first": row[0], "last": row[1], "events": row[2], "articles": row[3]}
