"""SQL for the analysts' aggregates (redline/analysis/ calls these). Parameterised queries only.

Every function takes a DuckDB connection (or cursor) on a store and returns plain dicts. Dyads, timelines
and the alert periods read the aggregates kept per batch (redline/store/aggregates.py: `agg_days`,
`dyad_events`), so they answer in the same time at ten thousand or ten million events; the results are those
of counting over `events` (one row per real-world event, mentions merged), which tests/test_aggregates.py
checks. An event with several actor or recipient codes counts once for each actor -> recipient pair in the
dyad views, and once in a timeline.

Undated events (the text gives no date: precision "unknown") are in the aggregates on their article's day and
count only with `undated`. A timeline counts an event only in a period at least as precise as its date
(BUCKET_PRECISIONS), and so do a red-line warning and an escalation period; dyads count every dated event.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import agg_weeks, aggregates, analytics_full, dyad_articles, escalations
from .filters import FACTUALITIES
from .mention_reads import articles_by_id, mentions_by_n
from .reviews import DEFAULT_SCOPE, ReviewScope
from .rows import unpack_prefix

# The event with its representative mention's place, or the place of the review laid over it (places view).
_REVIEWED_PLACE = """CASE WHEN e.review IS NULL THEN m.event_loc
                ELSE try_cast(json_transform(json_extract(e.review_data, '$.place'),
                                             '{"name": "VARCHAR", "country_code": "VARCHAR", "lat": "DOUBLE",
                                               "lon": "DOUBLE"}') AS STRUCT(name VARCHAR, country_code VARCHAR,
                                                                            lat DOUBLE, lon DOUBLE)) END"""
_WITH_PLACE = """
    SELECT e.id, e.event, e.factuality, e.date, e.quad_code, e.goldstein, e.actor_codes, e.recipient_codes,
           e.num_mentions, e.num_articles, e.rep_article AS article_id, e.event_scale, e.review,
           {place} AS event_loc
    FROM events e
    JOIN event_mentions m ON m.n = e.rep_n
"""

_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}
# The precisions an event needs to be counted in a period of each length: a month-only date belongs to no day or
# week, a year-only date to no month.
BUCKET_PRECISIONS = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def _where(since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
           *, alias: str = "", scope: ReviewScope = DEFAULT_SCOPE) -> tuple[list[str], list[Any]]:
    """WHERE clauses (and their parameters) shared by the aggregates; scope: which reviewed events count."""
    p = f"{alias}." if alias else ""
    clauses = [f"{p}date IS NOT NULL", f"list_contains(?::VARCHAR[], {p}factuality)", scope.clause(alias)]
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


def _agg_where(scope: str | None, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
               undated: bool = False, *, day: str = "day") -> tuple[list[str], list[Any]]:
    """WHERE clauses over agg_days (alias-free) for one scope (None: any), the factualities and the day range;
    undated events (on their article's day) only with `undated`. day: the column the range applies to (agg_weeks:
    `week`)."""
    # one factuality (the default) as an equality: the same rows, and the statement plans in less time
    one = len(factuality) == 1
    clauses = ["factuality = ?" if one else "list_contains(?::VARCHAR[], factuality)", "events <> 0"]
    params: list[Any] = [factuality[0] if one else list(factuality)]
    if scope is not None:
        clauses.insert(0, "scope = ?")
        params.insert(0, scope)
    if not undated:
        clauses.append("prec <> 'unknown'")
    if since:
        clauses.append(f"{day} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{day} <= ?")
        params.append(until)
    return clauses, params


def mean(total: str, n: str) -> str:
    """SQL: a mean score from the exact sum `total` (DECIMAL) of `n` values, rounded to 2 places as the full
    recomputation rounds `avg(score)`: the sum as the nearest double, divided, then rounded. (Rounding the exact
    mean instead would differ from it at every tie such as -7.475, which averages of one-decimal scores hit
    often: the double nearest -7.475 lies below it.)"""
    return f"round(({total})::DOUBLE / nullif({n}, 0), 2)"


# Mean scores from exact sums: the same whatever order the events were added in.
_MEANS = f"{mean('sum(gold_sum)', 'sum(gold_n)')} AS goldstein, {mean('sum(scale_sum)', 'sum(scale_n)')} AS plover_score"


def dyads(con, *, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
          limit: int, undated: bool = False, scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Directed actor -> recipient pairs by event count (from agg_days; articles from agg_dyad_articles); undated:
    background events count on their article's date. A scope other than the default: analytics_full."""
    if scope != DEFAULT_SCOPE:
        return analytics_full.dyads(con, since=since, until=until, factuality=factuality, limit=limit,
                                    undated=undated, scope=scope)
    where, params = _agg_where("dyad", since, until, factuality, undated)
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
    articles = _dyad_articles(con, [(r["actor"], r["recipient"]) for r in rows], since, until, factuality, undated)
    # num_articles on events counts every article mentioning it; articles here counts representative ones
    return [{"actor": r["actor"], "recipient": r["recipient"], "events": r["events"],
             "articles": articles.get((r["actor"], r["recipient"]), 0), "mentions": r["mentions"],
             "goldstein": r["goldstein"], "plover_score": r["plover_score"], "conflict_share": r["conflict_share"],
             "first": r["first"], "last": r["last"]} for r in rows]


def _dyad_filter(pairs: list[tuple[str, str]], since: dt.date | None, until: dt.date | None,
                 factuality: tuple[str, ...], undated: bool = False) -> tuple[str, list[str], list[Any]]:
    """FROM dyad_events (alias d) joined to these dyads, and WHERE clauses for the factualities and the day range
    (with the parameters of both, in order)."""
    join, params = dyad_articles.pairs_join(pairs, "d")
    where = ["list_contains(?::VARCHAR[], factuality)"]
    params.append(list(factuality))
    if not undated:
        where.append("prec <> 'unknown'")
    if since:
        where.append("day >= ?")
        params.append(since)
    if until:
        where.append("day <= ?")
        params.append(until)
    return f"dyad_events d{join}", where, params


def _dyad_articles(con, pairs: list[tuple[str, str]], since: dt.date | None, until: dt.date | None,
                   factuality: tuple[str, ...], undated: bool) -> dict[tuple[str, str], int]:
    """Distinct representative articles of these dyads' events in the window: from agg_dyad_articles for one
    factuality or all of them, else counted over dyad_events."""
    if not pairs:
        return {}
    cls = dyad_articles.factuality_class(factuality, FACTUALITIES)
    if cls is not None:  # a Store is always at the current schema, which has agg_dyad_articles
        return dyad_articles.count(con, pairs, cls, since, until, undated)
    source, where, params = _dyad_filter(pairs, since, until, factuality, undated)
    sql = f"SELECT d.a, d.b, count(DISTINCT article) FROM {source} WHERE {' AND '.join(where)} GROUP BY d.a, d.b"
    return {(a, b): n for a, b, n in con.execute(sql, params).fetchall()}


def dyad_event_ids(con, *, actor: str, recipient: str, since: dt.date | None, until: dt.date | None,
                   factuality: tuple[str, ...], limit: int, scope: ReviewScope = DEFAULT_SCOPE) -> list[str]:
    """Ids of a dyad's best-attested dated events in a window (most mentions first)."""
    return dyads_event_ids(con, [(actor, recipient)], since=since, until=until, factuality=factuality, limit=limit,
                           scope=scope)[(actor, recipient)]


def dyads_event_ids(con, pairs: list[tuple[str, str]], *, since: dt.date | None, until: dt.date | None,
                    factuality: tuple[str, ...], limit: int,
                    scope: ReviewScope = DEFAULT_SCOPE) -> dict[tuple[str, str], list[str]]:
    """(actor, recipient) -> dyad_event_ids of each of these dyads, in one statement (a digest's top dyads)."""
    if scope != DEFAULT_SCOPE:
        return {(a, b): analytics_full.dyad_event_ids(con, actor=a, recipient=b, since=since, until=until,
                                                      factuality=factuality, limit=limit, scope=scope)
                for a, b in pairs}
    out: dict[tuple[str, str], list[str]] = {(a, b): [] for a, b in pairs}
    if not pairs:
        return out
    if since is not None and until is not None:  # a small window: its rows grouped here (dyad_articles.RAW_ROWS)
        rows = con.execute("SELECT a, b, id, mentions, day FROM dyad_events WHERE list_contains(?::VARCHAR[], "
                           "factuality) AND prec <> 'unknown' AND day >= ? AND day <= ? LIMIT ?",
                           [list(factuality), since, until, dyad_articles.RAW_ROWS + 1]).fetchall()
        if len(rows) <= dyad_articles.RAW_ROWS and all(r[3] is not None for r in rows):
            found: dict[tuple[str, str], set] = {}
            for a, b, event_id, mentions, day in rows:
                if (a, b) in out:
                    found.setdefault((a, b), set()).add((event_id, mentions, day))
            for pair, events in found.items():  # as the statement orders them: most mentions, latest day, id
                ranked = sorted(events, key=lambda e: (-e[1], -e[2].toordinal(), e[0]))
                out[pair] = [e[0] for e in ranked[:limit]]
            return out
    source, where, params = _dyad_filter(list(out), since, until, factuality)
    sql = f"""
        SELECT a, b, list(id ORDER BY mentions DESC, day DESC, id)[1:?] FROM (
            SELECT d.a, d.b, id, mentions, day FROM {source} WHERE {' AND '.join(where)}
            GROUP BY d.a, d.b, id, mentions, day)
        GROUP BY a, b
    """
    for a, b, ids in con.execute(sql, [limit] + params).fetchall():
        out[(a, b)] = list(ids)
    return out


def timeline(con, *, actor: str | None, recipient: str | None, by: str, since: dt.date | None,
             until: dt.date | None, factuality: tuple[str, ...], both_directions: bool, undated: bool = False,
             left_out: bool = False, scope: ReviewScope = DEFAULT_SCOPE, rollup: bool = True) -> list[dict[str, Any]]:
    """Per-period counts per quad class with mean Goldstein and PLOVER score, counting only events whose date is
    at least as precise as the period (BUCKET_PRECISIONS); undated: background events count on their article's
    date. left_out: instead, one row with the counts of events left out as coarser and as undated.

    Which agg_days rows answer: a dyad (both directions: a -> b plus the b -> a events that are not also
    a -> b), one code as actor or as recipient, a code on either side (as actor + as recipient - the dyad
    (code, code)), or every event; by week and for left_out, the whole weeks' rows summed per week (agg_weeks)
    unless not `rollup` (what tests compare it with). A scope other than the default: analytics_full.
    """
    if scope != DEFAULT_SCOPE:
        return analytics_full.timeline(con, actor=actor, recipient=recipient, by=by, since=since, until=until,
                                       factuality=factuality, both_directions=both_directions, undated=undated,
                                       left_out=left_out, scope=scope)
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
    precisions = list(BUCKET_PRECISIONS[by])
    # by week, and what any timeline left out (a sum over the window), in a window of whole weeks (or none): the
    # weeks' sums (store/agg_weeks.py); else every day of agg_days (a partial week's days would be a second scan
    # of the same parts' row groups there, which costs what reading all their days does)
    weeks, edges = agg_weeks.week_parts(since, until)
    table, day, (first, last) = ("agg_weeks", "week", weeks) \
        if rollup and (by == "week" or left_out) and weeks and not edges else ("agg_days", "day", (since, until))
    # left_out counts undated events too (on their article's date, so that a window applies to them)
    where, params = _agg_where(None, first, last, factuality, undated or left_out, day=day)
    # one scan for every part: the parts' rows are disjoint (their scopes, or dyads, differ), found by their key
    # ranges (a code with no rows has none), signed by part; the range from the first part's first key to the
    # last part's last one skips the row groups outside it (the tables are stored in key order)
    kept = [(part, key) for part, key in zip(parts, aggregates.key_ranges(con, [p[:3] for p in parts]), strict=True)
            if key is not None]
    conds = [("k BETWEEN ? AND ?" + (" AND NOT reciprocal" if part[3] else ""), list(key)) for part, key in kept]
    where += ["k BETWEEN ? AND ?", "(" + (" OR ".join(f"({c})" for c, _ in conds) or "false") + ")"]
    params += [min((key[0] for _, key in kept), default=0), max((key[1] for _, key in kept), default=0)]
    params += [v for _, ps in conds for v in ps]
    negative = [(c, ps) for (c, ps), (part, _) in zip(conds, kept, strict=True) if part[4] < 0]
    sign = f"CASE WHEN {' OR '.join(f'({c})' for c, _ in negative)} THEN -1 ELSE 1 END" if negative else "1"
    rows = (f"SELECT {day} AS day, quad, prec, s * events AS events, s * gold_sum AS gold_sum, s * gold_n AS gold_n, "
            f"s * scale_sum AS scale_sum, s * scale_n AS scale_n "
            f"FROM (SELECT *, {sign} AS s FROM {table} WHERE {' AND '.join(where)})")
    params = [v for _, ps in negative for v in ps] + params
    if left_out:
        sql = f"""
            SELECT coalesce(sum(events) FILTER (WHERE prec <> 'unknown' AND NOT list_contains(?::VARCHAR[], prec)),
                            0)::BIGINT AS coarser,
                   coalesce(sum(events) FILTER (WHERE prec = 'unknown' AND NOT ?), 0)::BIGINT AS undated
            FROM ({rows})
        """
        return _rows(con.execute(sql, [precisions, undated] + params))
    sql = f"""
        SELECT {aggregates.period_sql(_UNITS[by])} AS period,
               sum(events)::BIGINT AS events,
               coalesce(sum(events) FILTER (WHERE quad = 1), 0)::BIGINT AS verbal_coop,
               coalesce(sum(events) FILTER (WHERE quad = 2), 0)::BIGINT AS material_coop,
               coalesce(sum(events) FILTER (WHERE quad = 3), 0)::BIGINT AS verbal_conflict,
               coalesce(sum(events) FILTER (WHERE quad = 4), 0)::BIGINT AS material_conflict,
               {_MEANS}
        FROM ({rows})
        WHERE list_contains(?::VARCHAR[], prec) OR prec = 'unknown'
        GROUP BY period
        HAVING sum(events) <> 0
        ORDER BY period
    """
    return _rows(con.execute(sql, params + [precisions]))


def dyad_periods(con, *, by: str, until: dt.date | None, factuality: tuple[str, ...],
                 escalation: tuple[str, ...], undated: bool = False,
                 scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Per (dyad, period): events and escalation events; ordered by dyad then period. As in a timeline, only
    events dated at least as precisely as the period count (BUCKET_PRECISIONS: a year-only date, "last year",
    belongs to no month); undated ones only with `undated`.

    The ids of the escalation events are not listed here (there are as many as events); `escalation_evidence`
    fetches them for the periods that raise an alert. A scope other than the default: analytics_full, whose
    rows carry the ids.
    """
    if scope != DEFAULT_SCOPE:
        return analytics_full.dyad_periods(con, by=by, until=until, factuality=factuality, escalation=escalation,
                                           undated=undated, scope=scope)
    return _dyad_periods(con, by=by, since=None, until=until, factuality=factuality, escalation=escalation,
                         undated=undated)


def dyad_period_days(con, *, by: str, first: dt.date, last: dt.date, factuality: tuple[str, ...],
                     escalation: tuple[str, ...], undated: bool = False) -> list[dict[str, Any]]:
    """dyad_periods' counts (default scope) of the days first..last (one period `by`), per (dyad, day) instead of
    per (dyad, period): the counts of that period up to any day in it are sums of these (analysis/kept_parts.py).
    Rows carry `day` besides the period's keys; ordered by dyad then day."""
    return _dyad_periods(con, by=by, since=first, until=last, factuality=factuality, escalation=escalation,
                         undated=undated, by_day=True)


def _dyad_periods(con, *, by: str, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
                  escalation: tuple[str, ...], undated: bool, by_day: bool = False) -> list[dict[str, Any]]:
    where, params = _agg_where("dyad", since, until, factuality, undated)
    where.append("(list_contains(?::VARCHAR[], prec) OR prec = 'unknown')")
    params.append(list(BUCKET_PRECISIONS[by]))
    day = ", day" if by_day else ""
    sql = f"""
        SELECT a AS actor, b AS recipient, {aggregates.period_sql(_UNITS[by])} AS period{day},
               sum(events)::BIGINT AS events,
               coalesce(sum(events) FILTER (WHERE list_contains(?::VARCHAR[], event)), 0)::BIGINT AS escalation
        FROM agg_days
        WHERE {' AND '.join(where)}
        GROUP BY actor, recipient, period{day}
        ORDER BY actor, recipient, period{day}
    """
    return _rows(con.execute(sql, [list(escalation)] + params))


def escalation_evidence(con, periods: list[tuple[str, str, dt.date, dt.date]], *, factuality: tuple[str, ...],
                        escalation: tuple[str, ...], undated: bool = False, by: str = "day",
                        scope: ReviewScope = DEFAULT_SCOPE
                        ) -> dict[tuple[str, str, dt.date], tuple[list[str], list[str]]] | None:
    """(actor, recipient, first day) -> (sorted ids of the escalation events of that dyad in [first, last day],
    dated at least as precisely as a period `by` (as dyad_periods counts them); the same ids in the order of
    the alert's evidence sentences: by date (an undated event first, as it has none), then id). An alert that
    carries its first few sentences needs only those events' rows, not a date for each of its thousands of ids.

    Read from dyad_escalation (store/escalations.py: the escalation types' rows of dyad_events, in dyad and day
    order) when it keeps these types, else in one pass over dyad_events joined with the periods (a hash join on
    the dyad, then the day range). None for a scope other than the default (the aggregates hold that one
    only): dyad_periods gave the ids then.
    """
    if scope != DEFAULT_SCOPE:
        return None
    if not periods:
        return {}
    if set(escalation) <= set(escalations.EVENTS):
        return escalations.evidence(con, periods, factuality=factuality, escalation=escalation,
                                    precisions=BUCKET_PRECISIONS[by], undated=undated)
    values = ", ".join(["(?, ?, ?::DATE, ?::DATE)"] * len(periods))
    dated = (" AND (list_contains(?::VARCHAR[], d.prec) OR d.prec = 'unknown')"
             + ("" if undated else " AND d.prec <> 'unknown'"))
    sql = f"""
        SELECT a, b, lo, list(id ORDER BY id) AS ids, list(id ORDER BY sort_day ASC NULLS FIRST, id) AS by_date
        FROM (SELECT DISTINCT p.a, p.b, p.lo, d.id, CASE WHEN d.prec = 'unknown' THEN NULL ELSE d.day END AS sort_day
              FROM dyad_events d JOIN (VALUES {values}) AS p(a, b, lo, hi)
                ON d.a = p.a AND d.b = p.b AND d.day BETWEEN p.lo AND p.hi
              WHERE list_contains(?::VARCHAR[], d.factuality) AND list_contains(?::VARCHAR[], d.event){dated})
        GROUP BY a, b, lo
    """
    params: list[Any] = [v for p in periods for v in p] + [list(factuality), list(escalation),
                                                         list(BUCKET_PRECISIONS[by])]
    out: dict[tuple[str, str, dt.date], tuple[list[str], list[str]]] = {(a, b, lo): ([], []) for a, b, lo, _ in periods}
    for a, b, lo, ids, by_date in con.execute(sql, params).fetchall():
        out[(a, b, lo)] = (list(ids), list(by_date))
    return out


def red_line_mentions(con, *, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
                      events: tuple[str, ...], by: str = "month",
                      scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Events of the given types, dated at least as precisely as a period `by` (BUCKET_PRECISIONS: a year-only
    date is no warning of January), with a mention whose own sentence speaks of a red line, one row per such
    mention: the event's codes, the sentence, the article, and the names of the mention's actors and
    recipients (identifier, else the text; recipient_name_codes: each recipient name's code). Ordered by date,
    event, article.

    Mentions carry the flag from when they were stored (rows.red_line), so this reads a boolean column, then
    only the flagged mentions (by serial), their events (by id) and their articles (by id).
    """
    flagged = con.execute("SELECT n, event_id FROM event_mentions WHERE red_line").fetchall()
    if not flagged:
        return []
    where, params = _where(since, until, factuality, alias="e", scope=scope)
    ids = sorted({e for _, e in flagged})
    sql = f"""
        SELECT e.id, e.event, e.date, e.factuality, e.actor_codes, e.recipient_codes, e.num_mentions,
               date_trunc('{_UNITS[by]}', e.date)::DATE AS period
        FROM (SELECT * FROM events WHERE id IN ({', '.join('?' * len(ids))}) OFFSET 0) e
        WHERE {' AND '.join(where)} AND list_contains(?::VARCHAR[], e.event)
          AND list_contains(?::VARCHAR[], {aggregates.PRECISION})
    """
    # The flagged events are found by their key alone, in a subquery the other conditions are not pushed into
    # (OFFSET 0): DuckDB answers a key-only IN list from the key's index, but with the conditions beside it
    # scans every event (0.6 s at 10 M events).
    evs = {r["id"]: r for r in _rows(con.execute(sql, ids + params + [list(events), list(BUCKET_PRECISIONS[by])]))}
    mentions = mentions_by_n(con, sorted(n for n, e in flagged if e in evs))
    arts = articles_by_id(con, sorted({m["article_id"] for m, _ in mentions.values()}))
    out = []
    for m, d in mentions.values():
        e, a = evs[m["event_id"]], arts[m["article_id"]]
        out.append({**e, "actor_codes": list(e["actor_codes"] or []), "recipient_codes": list(e["recipient_codes"] or []),
                    "article_id": m["article_id"], "seq": m["seq"], "text": d["text"], "event_text": d["event_text"],
                    "title": a["title"], "published": a["published"], "outlet": a["publisher"] or a["outlet"],
                    "actor_names": [x.get("identifier_text") or x.get("entity_text") for x in d["actor"]],
                    "recipient_names": [x.get("identifier_text") or x.get("entity_text") for x in d["recipient"]],
                    "recipient_name_codes": [x.get("code") for x in d["recipient"]]})
    out.sort(key=lambda r: (r["date"], r["published"] is None, r["published"] or dt.date.min, r["article_id"],
                            r["seq"], r["id"]))
    return out


def event_evidence(con, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> the event's type, date, codes and its representative mention's sentence and article title.

    Alerts' evidence can be thousands of events (14k at 10 M events with every sentence): only the columns that
    give the sentence are read (offsets and the rare own text, not the mention's entities), the events and
    the articles' bodies by key lookups when few (the first sentences of each alert: a hundred) and in one
    semi-join when many, and each body decompressed once and only as far as its last sentence reaches.
    """
    if not ids:
        return {}
    rows = [r for sql, params in _by_id("""SELECT id, event, date, actor_codes, recipient_codes,
                                                  rep_article AS article_id, rep_n FROM events""", list(ids))
            for r in _rows(con.execute(sql, params))]
    spans = {n: (start, end, own) for n, start, end, own in con.execute(
        "SELECT n, start_char, end_char, own_text FROM event_mentions WHERE n IN (SELECT unnest(?::BIGINT[]))",
        [[int(r["rep_n"]) for r in rows if r["rep_n"] is not None]]).fetchall()}
    reach: dict[str, int] = {}  # article -> how far into its text the sentences cut from it reach
    for r in rows:
        start, end, own = spans.get(r["rep_n"], (None, None, None))
        if own is None and start is not None:
            reach[r["article_id"]] = max(reach.get(r["article_id"], 0), end if end is not None else 1 << 62)
    arts = sorted({r["article_id"] for r in rows})
    texts: dict[str, tuple[str | None, bytes | None]] = {}
    for sql, params in _by_id("SELECT id, title, body FROM articles", arts):
        for aid, title, body in con.execute(sql, params).fetchall():
            texts[aid] = (title, body)
    bodies: dict[str, str] = {}
    out = {}
    for r in rows:
        n = r.pop("rep_n")
        title, body = texts.get(r["article_id"], (None, None))
        start, end, own = spans.get(n, (None, None, None))
        if own is None and start is not None and body is not None:
            if r["article_id"] not in bodies:
                bodies[r["article_id"]] = unpack_prefix(body, reach[r["article_id"]])
            own = bodies[r["article_id"]][start:end]
        r["text"], r["title"] = own, title
        out[r["id"]] = r
    return out


def _by_id(select: str, ids: list[str]) -> list[tuple[str, list[Any]]]:
    """Statements (and parameters) running `select` (one table keyed by `id`: articles, events) for these ids:
    key lookups in IN lists for up to a couple of thousand, one semi-join beyond (a scan, which beats
    thousands of lookups)."""
    if len(ids) > 2000:
        return [(f"{select} WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])]
    return [(f"{select} WHERE id IN ({', '.join('?' * len(ids[i:i + 500]))})", ids[i:i + 500])
            for i in range(0, len(ids), 500)]


def locations(con, *, actor: str | None, recipient: str | None, since: dt.date | None,
              until: dt.date | None, factuality: tuple[str, ...], limit: int,
              scope: ReviewScope = DEFAULT_SCOPE, reviewed: bool = True) -> list[dict[str, Any]]:
    """Event places with coordinates (the representative mention's, or the reviewed place of a reviewed
    event), with event and conflict counts and the ids of the place's 20 latest events (ties by id: without it
    DuckDB's parallel aggregation orders events of one day differently from run to run). reviewed=False: no
    event has a review (the statement without the reviewed place binds and plans in 3/4 of the time)."""
    where, params = _where(since, until, factuality, scope=scope)
    if actor:
        where.append("list_contains(actor_codes, ?)")
        params.append(actor)
    if recipient:
        where.append("list_contains(recipient_codes, ?)")
        params.append(recipient)
    sql = f"""
        SELECT name, country_code, lat, lon, count(*) AS events,
               count(*) FILTER (WHERE quad_code >= 3) AS conflict,
               list(id ORDER BY date DESC, id)[1:20] AS event_ids
        FROM (
            SELECT id, date, quad_code, event_loc.name AS name, event_loc.country_code AS country_code,
                   event_loc.lat AS lat, event_loc.lon AS lon
            FROM ({_WITH_PLACE.format(place=_REVIEWED_PLACE if reviewed else "m.event_loc")})
            WHERE {' AND '.join(where)}
        )
        WHERE lat IS NOT NULL AND lon IS NOT NULL
        GROUP BY name, country_code, lat, lon
        ORDER BY events DESC, name
        LIMIT ?
    """
    return _rows(con.execute(sql, params + [limit]))


def date_range(con, *, scope: ReviewScope = DEFAULT_SCOPE) -> dict[str, Any]:
    """First and last event date with their precisions, the articles' first and last reference date, and the
    numbers of events, undated events and articles (for the dashboard's header and defaults); scope: which
    reviewed events count."""
    row = con.execute(f"""
        SELECT min(date), max(date), arg_min(prec, date), arg_max(prec, date), count(*),
               count(*) FILTER (WHERE date IS NULL),
               (SELECT count(*) FROM articles),
               (SELECT min(coalesce(reference_date, published)) FROM articles),
               (SELECT max(coalesce(reference_date, published)) FROM articles)
        FROM (SELECT date, {aggregates.PRECISION} AS prec FROM events WHERE {scope.clause("")})
    """).fetchone()
    return {"first": row[0], "last": row[1], "first_precision": row[2], "last_precision": row[3],
            "events": row[4], "undated": row[5], "articles": row[6], "articles_first": row[7],
            "articles_last": row[8]}
