"""Aggregates maintained per batch: what dyads, timelines and alerts read instead of scanning every event.

Two tables, written in the same transaction as the events they summarise:

- `agg_days`: per (scope, a, b, reciprocal, factuality, precision, day, event, quad) the number of events,
  their mentions, and exact sums of their Goldstein and PLOVER scores (DECIMAL, so a mean is the same whatever
  order the events came in). `prec` is the date precision of the event (day, month, year; `unknown` for an
  undated event, counted on its article's day, which the views include only when asked to: `undated`). Scopes: `all` (every event once), `actor` / `recipient` (a = a code the
  event's actors / recipients carry), `dyad` (a -> b for every actor x recipient code pair; `reciprocal`
  when the event also holds b -> a, so a two-way timeline counts such an event once). A code on either side
  is actor + recipient - the dyad (a, a). The unique key is the nine dimensions packed into one UBIGINT `k`
  (codes, types and factualities numbered in `agg_names`): DuckDB's index on it takes a third of the space
  of an index over the nine columns.
- `dyad_events`: one row per (event, actor -> recipient pair) with its day, precision, type, factuality,
  representative article and mentions: distinct articles of a dyad, the ids behind an alert, a digest's
  evidence. Its escalation types' rows are kept again, in dyad and day order, in `dyad_escalation`
  (store/escalations.py: what an alert's evidence ids are read from); the table itself is kept in dyad and day
  order too (store/dyad_order.py: what a dyad's page of events in a window reads its ids from).

`agg_days`' rows are summed per week again in `agg_weeks` (store/agg_weeks.py), from the same delta rows.

An event's day is its date, else (undated) its representative article's reference or publication date, the
day redline/store/analytics.py counts it on with `undated`; an event with neither is in no aggregate. A row
whose events fall to zero stays with zeros (the queries skip it); `rebuild` recomputes both tables.

Maintenance is a delta: `update(con, ids, apply)` reads the effective values of those events, runs `apply`
(which writes the events table), reads them again, and adds (new - old) to the aggregates. Every writer of
`events` goes through it (stored documents, duplicates, removed articles, re-coding, reviews). Reviews are
laid over the events row inside the same `apply` (event_merge.refresh_events -> reviews.after_refresh), and
`_effective_sql` reads the reviewed values: a corrected event counts under its corrected type, parties, date
(and that date's precision) and factuality, a rejected one not at all. The aggregates hold this default review
scope only; `include_rejected` and `reviewed_only` are answered by store/analytics_full.py.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from . import agg_weeks, ahead, dyad_articles, dyad_order, escalations
from .bulk import insert_rows, upsert_rows

SCOPES = ("all", "actor", "recipient", "dyad")
PRECISIONS = ("day", "month", "year", "unknown")
_KEY = ("scope", "a", "b", "reciprocal", "factuality", "prec", "day", "event", "quad")
_MEASURES = ("events", "mentions", "gold_sum", "gold_n", "scale_sum", "scale_n")
_COLUMNS = ("k", *_KEY, *_MEASURES)
# k (UBIGINT): scope 2 bits | a 14 | b 14 | reciprocal 1 | factuality 3 | precision 2 | day 20 (days from
# 0001-01-01) | event 5 | quad 3
_BITS = {"code": 14, "factuality": 3, "event": 5}
_DAY0 = dt.date(1, 1, 1)

# The precision of what an event counts as: "unknown" when undated, else the date's (the review's when an analyst
# reviewed the event: its date is the reviewed one, so its precision is too).
PRECISION = """CASE WHEN date IS NULL THEN 'unknown'
                    WHEN review IS NOT NULL THEN coalesce(json_extract_string(review_data, '$.date_precision'), 'day')
                    ELSE coalesce(date_precision, 'day') END"""


def _effective_sql(con) -> str:
    """What an event counts as in the analysis views (one row per event id): its day (undated: its article's),
    the precision of its date, its reviewed values (the review laid over the events row), and no row for a
    rejected event. Before migration 20 (reviews) there is no review to read."""
    reviewed = con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' "
                           "AND column_name = 'review'").fetchone()[0]
    prec = PRECISION if reviewed else "CASE WHEN date IS NULL THEN 'unknown' ELSE coalesce(date_precision, 'day') END"
    return f"""
    SELECT id, event, factuality, coalesce(date, article_day) AS day, {prec} AS prec,
           actor_codes, recipient_codes, quad_code, goldstein, event_scale, num_mentions, rep_article
    FROM events{" WHERE review IS DISTINCT FROM 'rejected'" if reviewed else ""}"""


CREATE = [
    """CREATE TABLE agg_names (kind VARCHAR NOT NULL, name VARCHAR NOT NULL, id SMALLINT NOT NULL,
                               PRIMARY KEY (kind, name))""",
    """CREATE TABLE agg_days (
        k UBIGINT PRIMARY KEY, scope VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR NOT NULL,
        reciprocal BOOLEAN NOT NULL, factuality VARCHAR NOT NULL, prec VARCHAR NOT NULL, day DATE NOT NULL,
        event VARCHAR NOT NULL,
        quad TINYINT NOT NULL, events BIGINT NOT NULL, mentions BIGINT NOT NULL, gold_sum DECIMAL(38, 4) NOT NULL,
        gold_n BIGINT NOT NULL, scale_sum DECIMAL(38, 4) NOT NULL, scale_n BIGINT NOT NULL)""",
    """CREATE TABLE dyad_events (
        id VARCHAR NOT NULL, a VARCHAR NOT NULL, b VARCHAR NOT NULL, factuality VARCHAR NOT NULL, prec VARCHAR NOT NULL,
        day DATE NOT NULL, event VARCHAR NOT NULL, article VARCHAR NOT NULL, mentions BIGINT NOT NULL)""",
    "CREATE INDEX dyad_events_id ON dyad_events (id)",
]


class _Names:
    """Numbers for codes, event types and factualities (`agg_names`), given on first use, never reused."""

    def __init__(self, con):
        self.con = con
        self.ids: dict[tuple[str, str], int] = {(k, n): i for k, n, i in
                                                con.execute("SELECT kind, name, id FROM agg_names").fetchall()}

    def id(self, kind: str, name: str) -> int:
        if kind == "code" and name == "":
            return 0
        got = self.ids.get((kind, name))
        if got is None:
            got = 1 + max((i for (k, _), i in self.ids.items() if k == kind), default=0)
            if got >= 1 << _BITS[kind]:
                raise RuntimeError(f"aggregates: more than {(1 << _BITS[kind]) - 1} distinct {kind} values")
            self.con.execute("INSERT INTO agg_names VALUES (?, ?, ?)", [kind, name, got])
            self.ids[(kind, name)] = got
        return got

    def key(self, scope: str, a: str, b: str, reciprocal: bool, fact: str, prec: str, day: dt.date, event: str,
            quad: int) -> int:
        days = (day - _DAY0).days
        if not 0 <= days < 1 << 20:
            raise RuntimeError(f"aggregates: date {day} is outside what the key holds")
        return ((SCOPES.index(scope) << 62) | (self.id("code", a) << 48) | (self.id("code", b) << 34)
                | (int(reciprocal) << 33) | (self.id("factuality", fact) << 30) | (_prec(prec) << 28)
                | (days << 8) | (self.id("event", event) << 3) | quad)


def _prec(prec: str) -> int:
    if prec not in PRECISIONS:
        raise RuntimeError(f"aggregates: date precision {prec!r} is not one of {', '.join(PRECISIONS)}")
    return PRECISIONS.index(prec)


def _codes(values) -> list[str]:
    return list(dict.fromkeys(values or ()))


def _dec(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.0001"))


def contributions(rows: Iterable[tuple]) -> tuple[dict[tuple, list], list[tuple]]:
    """Effective event rows -> (agg_days key -> measures, dyad_events rows)."""
    days: dict[tuple, list] = {}
    dyads: list[tuple] = []
    for ev_id, event, fact, date, prec, actors, recipients, quad, gold, scale, mentions, article in rows:
        if date is None:  # undated, and its article has no date either
            continue
        actors, recipients = _codes(actors), _codes(recipients)
        q = quad if quad is not None else 0
        measures = (1, mentions, _dec(gold) if gold is not None else Decimal(0), int(gold is not None),
                    _dec(scale) if scale is not None else Decimal(0), int(scale is not None))
        keys = [("all", "", "", False)]
        keys += [("actor", c, "", False) for c in actors]
        keys += [("recipient", c, "", False) for c in recipients]
        for a in actors:
            for b in recipients:
                keys.append(("dyad", a, b, b in actors and a in recipients))
                dyads.append((ev_id, a, b, fact, prec, date, event, article, mentions))
        for scope, a, b, recip in keys:
            key = (scope, a, b, recip, fact, prec, date, event, q)
            acc = days.get(key)
            if acc is None:
                days[key] = list(measures)
            else:
                for i, v in enumerate(measures):
                    acc[i] += v
    return days, dyads


def effective(con, ids: list[str]) -> list[tuple]:
    """The effective rows of these events (absent ids are gone or not stored yet)."""
    if not ids:
        return []
    return con.execute(f"SELECT * FROM ({_effective_sql(con)}) WHERE id IN ({', '.join('?' * len(ids))})",
                       ids).fetchall()


def update(con, ids: Iterable[str], apply: Callable[[], Any]) -> Any:
    """Run `apply()` (a write to `events` for these ids) and move the aggregates by what it changed."""
    ids = sorted(set(ids))
    before = effective(con, ids)
    out = apply()
    ahead.update(con, ids)  # (the events dated ahead of their article: their columns, not what they count as)
    after = effective(con, ids)
    if before == after:
        return out
    old_days, old_dyads = contributions(before)
    new_days, new_dyads = contributions(after)
    delta: dict[tuple, list] = defaultdict(lambda: [0, 0, Decimal(0), 0, Decimal(0), 0])
    for sign, part in ((-1, old_days), (1, new_days)):
        for key, measures in part.items():
            acc = delta[key]
            for i, v in enumerate(measures):
                acc[i] += sign * v
    names = _Names(con)
    rows = [(names.key(*key), *key, *m) for key, m in delta.items() if any(m)]
    upsert_rows(con, "agg_days", sorted(rows), key="k", columns=_COLUMNS, add=_MEASURES)
    agg_weeks.update(con, rows)
    old_by, new_by = _by_id(old_dyads), _by_id(new_dyads)
    touched = sorted(i for i in old_by.keys() | new_by.keys() if old_by.get(i) != new_by.get(i))
    stale = [i for i in touched if i in old_by]
    if stale:
        con.execute(f"DELETE FROM dyad_events WHERE id IN ({', '.join('?' * len(stale))})", stale)
    # (in dyad and day order within the batch: the table is kept sorted so, store/dyad_order.py)
    appended = sorted((r for i in touched for r in new_by.get(i, ())), key=lambda r: (r[1], r[2], r[5], r[0]))
    insert_rows(con, "dyad_events", appended)
    dyad_order.keep_sorted(con, len(appended))
    escalations.update(con, old_by, new_by)
    dyad_articles.update(con, ids, before, after)
    return out


def _by_id(rows: list[tuple]) -> dict[str, frozenset]:
    out: dict[str, set] = defaultdict(set)
    for r in rows:
        out[r[0]].add(r)
    return {k: frozenset(v) for k, v in out.items()}


def rebuild(con) -> None:
    """Recompute both tables from every event in one pass of SQL (a migration, replication, or
    `redline store rebuild-aggregates`); tests/test_aggregates.py checks it equals the per-batch deltas."""
    con.execute("DELETE FROM agg_days")
    con.execute("DELETE FROM dyad_events")
    names = _Names(con)
    counted = f"SELECT * FROM ({_effective_sql(con)}) WHERE day IS NOT NULL"
    for kind, sql in (("code", f"SELECT DISTINCT unnest(list_concat(coalesce(actor_codes, []), "
                               f"coalesce(recipient_codes, []))) FROM ({counted})"),
                      ("factuality", f"SELECT DISTINCT factuality FROM ({counted})"),
                      ("event", f"SELECT DISTINCT event FROM ({counted})")):
        for (name,) in con.execute(sql + " ORDER BY 1").fetchall():
            names.id(kind, name)
    bad = con.execute(f"SELECT min(day), max(day) FROM ({counted}) WHERE day < ?::DATE OR day >= ?::DATE + 1048576",
                      [_DAY0, _DAY0]).fetchone()
    if bad[0] is not None:
        raise RuntimeError(f"aggregates: dates {bad[0]}..{bad[1]} are outside what the key holds")
    odd = con.execute(f"SELECT DISTINCT prec FROM ({counted}) WHERE NOT list_contains(?::VARCHAR[], prec)",
                      [list(PRECISIONS)]).fetchall()
    if odd:
        raise RuntimeError(f"aggregates: date precisions {sorted(r[0] for r in odd)} are not known")
    prec_id = "CASE g.prec " + " ".join(f"WHEN '{p}' THEN {i}" for i, p in enumerate(PRECISIONS)) + " END"
    con.execute(f"""
        INSERT INTO agg_days
        WITH ev AS (
            SELECT id, event, factuality, prec, day, list_distinct(coalesce(actor_codes, [])) AS act,
                   list_distinct(coalesce(recipient_codes, [])) AS rec, coalesce(quad_code, 0) AS quad,
                   goldstein::DECIMAL(38, 4) AS gold, event_scale::DECIMAL(38, 4) AS scale, num_mentions
            FROM ({counted})),
        k AS (
            SELECT 'all' AS scope, '' AS a, '' AS b, false AS reciprocal, * FROM ev
            UNION ALL SELECT 'actor', x.c, '', false, ev.* FROM ev, unnest(ev.act) AS x(c)
            UNION ALL SELECT 'recipient', x.c, '', false, ev.* FROM ev, unnest(ev.rec) AS x(c)
            UNION ALL SELECT 'dyad', x.c, y.c, list_contains(ev.act, y.c) AND list_contains(ev.rec, x.c), ev.*
                      FROM ev, unnest(ev.act) AS x(c), unnest(ev.rec) AS y(c)),
        g AS (
            SELECT scope, a, b, reciprocal, factuality, prec, day, event, quad, count(*) AS events,
                   sum(num_mentions) AS mentions, coalesce(sum(gold), 0) AS gold_sum, count(gold) AS gold_n,
                   coalesce(sum(scale), 0) AS scale_sum, count(scale) AS scale_n
            FROM k GROUP BY scope, a, b, reciprocal, factuality, prec, day, event, quad)
        SELECT ((CASE g.scope WHEN 'all' THEN 0 WHEN 'actor' THEN 1 WHEN 'recipient' THEN 2 ELSE 3 END)::UBIGINT << 62)
               | (coalesce(na.id, 0)::UBIGINT << 48) | (coalesce(nb.id, 0)::UBIGINT << 34)
               | (g.reciprocal::UBIGINT << 33) | (nf.id::UBIGINT << 30)
               | (({prec_id})::UBIGINT << 28)
               | ((g.day - DATE '0001-01-01')::UBIGINT << 8) | (ne.id::UBIGINT << 3) | g.quad::UBIGINT,
               g.*
        FROM g
        LEFT JOIN agg_names na ON na.kind = 'code' AND na.name = g.a
        LEFT JOIN agg_names nb ON nb.kind = 'code' AND nb.name = g.b
        JOIN agg_names nf ON nf.kind = 'factuality' AND nf.name = g.factuality
        JOIN agg_names ne ON ne.kind = 'event' AND ne.name = g.event
        ORDER BY 1""")
    con.execute(f"""
        INSERT INTO dyad_events
        SELECT id, x.c, y.c, factuality, prec, day, event, rep_article, num_mentions
        FROM ({counted}) e, unnest(list_distinct(coalesce(e.actor_codes, []))) AS x(c),
             unnest(list_distinct(coalesce(e.recipient_codes, []))) AS y(c)
        ORDER BY 2, 3, 6, 1""")  # (a, b, day, id: store/dyad_order.py)
    dyad_order.set_appended(con, 0)
    agg_weeks.rebuild(con)
    escalations.rebuild(con)
    dyad_articles.rebuild(con)
    ahead.rebuild(con)


def dump(con) -> dict[str, list[tuple]]:
    """The tables as sorted rows without all-zero rows (equal dumps mean equal aggregates)."""
    days = con.execute("SELECT * FROM agg_days WHERE events <> 0 OR gold_n <> 0 OR scale_n <> 0").fetchall()
    dyads = con.execute("SELECT * FROM dyad_events").fetchall()
    return {"agg_days": sorted(days, key=repr), "dyad_events": sorted(dyads, key=repr),
            "agg_dyad_articles": dyad_articles.dump(con), "dyad_escalation": escalations.dump(con),
            "agg_weeks": agg_weeks.dump(con), **ahead.dump(con)}


def _count_where(actor, recipient, event, since, until, factuality) -> tuple[list[str], list]:
    """WHERE clauses over agg_days for the dated events that events() filters would match."""
    if actor and recipient:
        scope, a, b = "dyad", actor, recipient
    elif actor or recipient:
        scope, a, b = ("actor", actor, "") if actor else ("recipient", recipient, "")
    else:
        scope, a, b = "all", "", ""
    where, params = ["scope = ?", "a = ?", "b = ?", "prec <> 'unknown'"], [scope, a, b]
    for clause, value in (("event = ?", event), ("factuality = ?", factuality), ("day >= ?", since),
                          ("day <= ?", until)):
        if value is not None:
            where.append(clause)
            params.append(value)
    return where, params


def count_sql(*, actor: str | None, recipient: str | None, event: str | None, since, until,
              factuality: str | None) -> tuple[str, list]:
    """A statement (and its parameters) giving count(): to run alone or as a scalar subquery of a larger one."""
    where, params = _count_where(actor, recipient, event, since, until, factuality)
    return f"SELECT coalesce(sum(events), 0) FROM agg_days WHERE {' AND '.join(where)}", params


def undated_count_sql(*, actor: str | None, recipient: str | None, event: str | None, factuality: str | None,
                      **_) -> tuple[str, list]:
    """A statement (and its parameters) counting the undated events (events() filters, no window) that the
    aggregates hold: those with an article day, on which they count them (precision `unknown`)."""
    where, params = _count_where(actor, recipient, event, None, None, factuality)
    where[where.index("prec <> 'unknown'")] = "prec = 'unknown'"
    return f"SELECT coalesce(sum(events), 0) FROM agg_days WHERE {' AND '.join(where)}", params


def count(con, *, actor: str | None, recipient: str | None, event: str | None, since, until,
          factuality: str | None) -> int:
    """How many dated events match (events() filters): one scope's rows summed, whatever the store's size."""
    sql, params = count_sql(actor=actor, recipient=recipient, event=event, since=since, until=until,
                            factuality=factuality)
    return int(con.execute(sql, params).fetchone()[0])


def newest_days_sql(need: int, *, actor: str | None, recipient: str | None, event: str | None, since, until,
                    factuality: str | None) -> tuple[str, list]:
    """A statement (and its parameters) giving, in one scan of the scope's rows, how many dated events match
    (events() filters; a row with `total` true) and the newest `need` days holding any, with their counts
    (rows with `total` false): what newest_day() reads. Rows (total, day, events); need >= 1."""
    where, params = _count_where(actor, recipient, event, since, until, factuality)
    # Each of those days holds at least one event (rows of no events are left out), so the newest `need` of
    # them hold the newest `need` events when that many match: no window over every day of the scope.
    return f"""
        SELECT grouping(day) = 1 AS total, day, sum(events) AS events FROM agg_days
        WHERE {' AND '.join(where)} AND events <> 0
        GROUP BY GROUPING SETS ((day), ()) ORDER BY total DESC, day DESC LIMIT ?""", params + [min(need, 1 << 62) + 1]


def newest_day(rows: list[tuple], need: int) -> tuple[dt.date | None, int]:
    """From the rows of newest_days_sql(need) (extra columns after the three are ignored): (the latest day on or after which at least `need` dated events
    match, None when fewer match; how many dated events match). A newest-first page of `need` events lies on or
    after that day, so events() reads only the row groups that recent (events are stored roughly in date order,
    and DuckDB skips a row group by its min/max)."""
    total = next((int(r[2] or 0) for r in rows if r[0]), 0)
    got = 0
    for row in sorted((r for r in rows if not r[0]), key=lambda r: r[1], reverse=True):
        got += int(row[2])
        if got >= need:
            return row[1], total
    return None, total


def key_ranges(con, scopes: list[tuple[str, str, str]]) -> list[tuple[int, int] | None]:
    """The range of `k` holding each (scope, a, b)'s rows (of agg_days, and of agg_weeks, whose key has the same
    top bits), or None when a code has no rows anywhere: DuckDB skips the row groups outside a key range (the
    tables are stored in key order, the rows appended since then aside), not those outside a code's name."""
    codes = sorted({c for _, a, b in scopes for c in (a, b) if c})
    ids = dict(con.execute(f"SELECT name, id FROM agg_names WHERE kind = 'code' AND name IN "
                           f"({', '.join('?' * len(codes))})", codes).fetchall()) if codes else {}
    ids[""] = 0
    out: list[tuple[int, int] | None] = []
    for scope, a, b in scopes:
        if a not in ids or b not in ids:
            out.append(None)
            continue
        low = (SCOPES.index(scope) << 62) | (ids[a] << 48) | (ids[b] << 34)
        out.append((low, low | ((1 << 34) - 1)))
    return out


def period_sql(by: str, column: str = "day") -> str:
    """The first day of the period holding `column` (weeks start on Monday, as DuckDB's date_trunc)."""
    return f"date_trunc('{by}', {column})::DATE"


__all__ = ["CREATE", "SCOPES", "PRECISIONS", "contributions", "update", "rebuild", "dump", "period_sql", "effective"]
