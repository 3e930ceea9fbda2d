"""SQL for the analysts' aggregates (redline/analysis.py calls these). Parameterised queries only.

Every function takes a DuckDB connection (or cursor) on a store and returns plain dicts. Counting is over
`events` (one row per real-world event, mentions merged); the PLOVER score and the sentence come from the
event's representative mention. An event with several actor or recipient codes counts once for each
actor -> recipient pair in the dyad views, and once in a timeline.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .reviews import DEFAULT_SCOPE, ReviewScope

# The event with its representative mention: the one place that knows how the two tables join. The lean form
# leaves out the sentence and the PLOVER JSON, which only the places query needs.
# `date_precision` comes from the PLOVER JSON (stores written before it was recorded read as "day"), or from the
# review laid over a reviewed event (its date is the reviewed one, so its precision must be too). With
# `undated`, an event the text gives no date (background, precision "unknown") counts on its article's date.
_FACTS = """
    SELECT e.id, e.event, e.factuality, {day} AS date, e.quad_code, e.goldstein, e.actor_codes, e.recipient_codes,
           e.num_mentions, e.num_articles, e.rep_article AS article_id, m.event_scale, e.review,
           CASE WHEN e.date IS NULL THEN 'unknown'
                WHEN e.review IS NOT NULL THEN coalesce(json_extract_string(e.review_data, '$.date_precision'), 'day')
                ELSE coalesce(json_extract_string(m.plover, '$.date_precision'), 'day') END AS date_precision{extra}
    FROM events e
    JOIN event_mentions m ON m.article_id = e.rep_article AND m.seq = e.rep_seq{join}
"""
_ARTICLE_DAY = "coalesce(e.date, (SELECT coalesce(a.reference_date, a.published) FROM articles a WHERE a.id = e.rep_article))"


def _facts(*, plover: bool = False, undated: bool = False) -> str:
    return _FACTS.format(extra=", m.plover" if plover else "", day=_ARTICLE_DAY if undated else "e.date", join="")


def _dyad_facts(*, undated: bool = False) -> str:
    """An actor -> recipient pair per event (cross product of its actor and recipient codes)."""
    return f"""
    SELECT f.*, a.actor, r.recipient
    FROM ({_facts(undated=undated)}) f, unnest(f.actor_codes) AS a(actor), unnest(f.recipient_codes) AS r(recipient)
"""


_LEAN = _facts()
_WITH_PLOVER = _facts(plover=True)
_DYAD_FACTS = _dyad_facts()
# The precisions an event needs to be counted in a period of each length: a month-only date belongs to no day or
# week, a year-only date to no month.
BUCKET_PRECISIONS = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}

_UNITS = {"day": "day", "week": "week", "month": "month", "year": "year"}


# The place of each reviewed event's latest review (the one laid over the event).
_REVIEWED_PLACE = """SELECT event_id, place FROM reviews WHERE event_id IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY reviewed DESC, id DESC) = 1"""


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


def dyads(con, *, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
          limit: int, undated: bool = False, scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Directed actor -> recipient pairs by event count (undated: background events count on their article's
    date)."""
    where, params = _where(since, until, factuality, scope=scope)
    sql = f"""
        SELECT actor, recipient,
               count(DISTINCT id) AS events,
               count(DISTINCT article_id) AS articles,
               sum(num_mentions)::INTEGER AS mentions,
               round(avg(goldstein), 2) AS goldstein,
               round(avg(event_scale), 2) AS plover_score,
               round(avg(CASE WHEN quad_code >= 3 THEN 1.0 ELSE 0.0 END), 3) AS conflict_share,
               min(date) AS first, max(date) AS last
        FROM ({_dyad_facts(undated=undated)})
        WHERE {' AND '.join(where)}
        GROUP BY actor, recipient
        ORDER BY events DESC, mentions DESC, actor, recipient
        LIMIT ?
    """
    # num_articles on events counts every article mentioning it; articles here counts representative ones
    return _rows(con.execute(sql, params + [limit]))


def dyad_event_ids(con, *, actor: str, recipient: str, since: dt.date | None, until: dt.date | None,
                   factuality: tuple[str, ...], limit: int, scope: ReviewScope = DEFAULT_SCOPE) -> list[str]:
    """Ids of a dyad's best-attested events in a window (most mentions first)."""
    where, params = _where(since, until, factuality, scope=scope)
    sql = f"""
        SELECT id FROM ({_DYAD_FACTS})
        WHERE {' AND '.join(where)} AND actor = ? AND recipient = ?
        GROUP BY id, num_mentions, date
        ORDER BY num_mentions DESC, date DESC, id
        LIMIT ?
    """
    return [r[0] for r in con.execute(sql, params + [actor, recipient, limit]).fetchall()]


def timeline(con, *, actor: str | None, recipient: str | None, by: str, since: dt.date | None,
             until: dt.date | None, factuality: tuple[str, ...], both_directions: bool, undated: bool = False,
             left_out: bool = False, scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Per-period counts per quad class with mean Goldstein and PLOVER score, counting only events whose date is
    at least as precise as the period (BUCKET_PRECISIONS); undated: background events count on their article's
    date. left_out: instead, one row with the counts of events left out as coarser and as undated."""
    where, params = _where(since, until, factuality, scope=scope)
    if actor and recipient and both_directions:
        where.append("((list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)) OR "
                     "(list_contains(actor_codes, ?) AND list_contains(recipient_codes, ?)))")
        params += [actor, recipient, recipient, actor]
    else:
        if actor:
            where.append("list_contains(actor_codes, ?)" if not both_directions else
                         "(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))")
            params += [actor] if not both_directions else [actor, actor]
        if recipient:
            where.append("list_contains(recipient_codes, ?)" if not both_directions else
                         "(list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?))")
            params += [recipient] if not both_directions else [recipient, recipient]
    precisions = list(BUCKET_PRECISIONS[by])
    if left_out:  # undated events are counted on their article's date, so that a window applies to them too
        sql = f"""
            SELECT count(*) FILTER (WHERE date_precision <> 'unknown'
                                    AND NOT list_contains(?::VARCHAR[], date_precision)) AS coarser,
                   count(*) FILTER (WHERE date_precision = 'unknown' AND NOT ?) AS undated
            FROM ({_facts(undated=True)})
            WHERE {' AND '.join(where)}
        """
        return _rows(con.execute(sql, [precisions, undated] + params))
    where.append("(list_contains(?::VARCHAR[], date_precision) OR date_precision = 'unknown')")
    params.append(precisions)
    sql = f"""
        SELECT date_trunc('{_UNITS[by]}', date)::DATE AS period,
               count(*) AS events,
               count(*) FILTER (WHERE quad_code = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_code = 2) AS material_coop,
               count(*) FILTER (WHERE quad_code = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_code = 4) AS material_conflict,
               round(avg(goldstein), 2) AS goldstein,
               round(avg(event_scale), 2) AS plover_score
        FROM ({_facts(undated=undated)})
        WHERE {' AND '.join(where)}
        GROUP BY period
        ORDER BY period
    """
    return _rows(con.execute(sql, params))


def dyad_periods(con, *, by: str, until: dt.date | None, factuality: tuple[str, ...],
                 escalation: tuple[str, ...], undated: bool = False,
                 scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Per (dyad, period): events, escalation events and their ids; ordered by dyad then period."""
    where, params = _where(None, until, factuality, scope=scope)
    sql = f"""
        SELECT actor, recipient, date_trunc('{_UNITS[by]}', date)::DATE AS period,
               count(DISTINCT id) AS events,
               count(DISTINCT id) FILTER (WHERE list_contains(?::VARCHAR[], event)) AS escalation,
               list(DISTINCT id) FILTER (WHERE list_contains(?::VARCHAR[], event)) AS escalation_ids
        FROM ({_dyad_facts(undated=undated)})
        WHERE {' AND '.join(where)}
        GROUP BY actor, recipient, period
        ORDER BY actor, recipient, period
    """
    rows = _rows(con.execute(sql, [list(escalation), list(escalation)] + params))
    for r in rows:
        r["escalation_ids"] = sorted(r["escalation_ids"] or [])
    return rows


_RED_LINE = "\\bred[- ]?lines?\\b"  # red line, red lines, red-line, redline; whole words, on lower-cased text


def red_line_mentions(con, *, since: dt.date | None, until: dt.date | None, factuality: tuple[str, ...],
                      events: tuple[str, ...], by: str = "month",
                      scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Dated events of the given types with a mention whose own sentence speaks of a red line, one row per such
    mention: the event's codes, the sentence, the article, and the names of the mention's actors and
    recipients (identifier, else the text). Ordered by date, event, article."""
    where, params = _where(since, until, factuality, alias="e", scope=scope)
    sql = f"""
        SELECT e.id, e.event, e.date, e.factuality, e.actor_codes, e.recipient_codes, e.num_mentions,
               date_trunc('{_UNITS[by]}', e.date)::DATE AS period,
               m.article_id, m.seq, m.text, m.event_text, a.title, a.published, coalesce(a.publisher, a.outlet) AS outlet,
               (SELECT list(coalesce(x.identifier_text, x.entity_text) ORDER BY x.position) FROM actors x
                WHERE x.article_id = m.article_id AND x.mention_seq = m.seq AND x.role = 'actor') AS actor_names,
               (SELECT list(coalesce(x.identifier_text, x.entity_text) ORDER BY x.position) FROM actors x
                WHERE x.article_id = m.article_id AND x.mention_seq = m.seq AND x.role = 'recipient')
                   AS recipient_names
        FROM events e
        JOIN event_mentions m ON m.event_id = e.id
        JOIN articles a ON a.id = m.article_id
        WHERE {' AND '.join(where)} AND list_contains(?::VARCHAR[], e.event)
          AND regexp_matches(lower(m.text), '{_RED_LINE}')
        ORDER BY e.date, a.published NULLS LAST, m.article_id, m.seq, e.id
    """
    rows = _rows(con.execute(sql, params + [list(events)]))
    for r in rows:
        for key in ("actor_codes", "recipient_codes", "actor_names", "recipient_names"):
            r[key] = list(r[key] or [])
    return rows


def event_evidence(con, ids: list[str]) -> dict[str, dict[str, Any]]:
    """id -> the event's type, date, codes and its representative mention's sentence and article title."""
    if not ids:
        return {}
    sql = """
        SELECT e.id, e.event, e.date, e.actor_codes, e.recipient_codes, m.text, e.rep_article AS article_id, a.title
        FROM events e
        JOIN event_mentions m ON m.article_id = e.rep_article AND m.seq = e.rep_seq
        JOIN articles a ON a.id = e.rep_article
        WHERE e.id IN (SELECT unnest(?::VARCHAR[]))
    """
    return {r["id"]: r for r in _rows(con.execute(sql, [list(ids)]))}


def locations(con, *, actor: str | None, recipient: str | None, since: dt.date | None,
              until: dt.date | None, factuality: tuple[str, ...], limit: int,
              scope: ReviewScope = DEFAULT_SCOPE) -> list[dict[str, Any]]:
    """Event places with coordinates (the representative mention's, or the reviewed place of a reviewed
    event), with event and conflict counts."""
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
               list(id ORDER BY date DESC)[1:20] AS event_ids
        FROM (
            SELECT id, date, quad_code, loc[1] AS name, loc[2] AS country_code,
                   TRY_CAST(loc[3] AS DOUBLE) AS lat, TRY_CAST(loc[4] AS DOUBLE) AS lon
            FROM (
                -- one JSON parse per row for the four paths (a parse per path costs four times as much)
                SELECT f.*, CASE WHEN f.review IS NULL
                    THEN json_extract_string(f.plover, ['$.event_loc.name', '$.event_loc.country_code',
                                                        '$.event_loc.lat', '$.event_loc.lon'])
                    ELSE json_extract_string(rv.place, ['$.name', '$.country_code', '$.lat', '$.lon']) END AS loc
                FROM ({_WITH_PLOVER}) f LEFT JOIN ({_REVIEWED_PLACE}) rv ON rv.event_id = f.id
                WHERE {' AND '.join(where)}
            )
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
        SELECT min(date), max(date), arg_min(date_precision, date), arg_max(date_precision, date), count(*),
               count(*) FILTER (WHERE date IS NULL),
               (SELECT count(*) FROM articles),
               (SELECT min(coalesce(reference_date, published)) FROM articles),
               (SELECT max(coalesce(reference_date, published)) FROM articles)
        FROM ({_LEAN}) WHERE {scope.clause("")}
    """).fetchone()
    return {"first": row[0], "last": row[1], "first_precision": row[2], "last_precision": row[3],
            "events": row[4], "undated": row[5], "articles": row[6], "articles_first": row[7],
            "articles_last": row[8]}


def replicate_for_benchmark(con, copies: int) -> int:
    """Benchmarks only: copy every article with its mentions, actors and events `copies - 1` more times.

    Copies get ids suffixed with "~k" so keys stay unique; the data is otherwise identical. This builds a store of
    100,000 events in seconds where coding that many would take hours. Returns the number of events afterwards.
    """
    if copies < 2:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    k = "range(1, ?) AS t(k)"
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"""INSERT INTO articles SELECT articles.* REPLACE (id || '~' || k AS id,
                        content_hash || '~' || k AS content_hash) FROM articles, {k}
                        WHERE duplicate_of IS NULL""", [copies])
        con.execute(f"""INSERT INTO event_mentions SELECT event_mentions.* REPLACE (article_id || '~' || k AS article_id,
                        id || '~' || k AS id, event_id || '~' || k AS event_id) FROM event_mentions, {k}""",
                    [copies])
        con.execute(f"""INSERT INTO actors SELECT actors.* REPLACE (article_id || '~' || k AS article_id,
                        event_id || '~' || k AS event_id) FROM actors, {k}""", [copies])
        con.execute(f"""INSERT INTO events SELECT events.* REPLACE (id || '~' || k AS id, key || '~' || k AS key,
                        rep_article || '~' || k AS rep_article) FROM events, {k}""", [copies])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT count(*) FROM events").fetchone()[0]
