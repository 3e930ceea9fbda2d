"""The analysis views computed over every event (no aggregates): what redline/store/analytics.py answers from
the per-batch aggregates, for the review scopes the aggregates do not hold.

The aggregates count the default scope only (rejected events left out, corrected ones under their reviewed
values); `include_rejected` and `reviewed_only` are rarer questions, answered here by the same SQL the
analysis ran before aggregates (tests/test_aggregates.py checks both give the same answers in the default
scope). Same signatures and results as the functions of analytics.py.
"""

from __future__ import annotations

from typing import Any

from .reviews import DEFAULT_SCOPE, ReviewScope
from .mention_reads import dict_rows

_ARTICLE_DAY = "coalesce(e.date, e.article_day)"
_FACTS = """
    SELECT e.id, e.event, e.factuality, {day} AS date, e.quad_code, e.goldstein, e.actor_codes, e.recipient_codes,
           e.num_mentions, e.rep_article AS article_id, e.event_scale, e.review,
           CASE WHEN e.date IS NULL THEN 'unknown'
                WHEN e.review IS NOT NULL THEN coalesce(json_extract_string(e.review_data, '$.date_precision'), 'day')
                ELSE coalesce(e.date_precision, 'day') END AS date_precision
    FROM events e
"""
BUCKET_PRECISIONS = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def _facts(undated: bool) -> str:
    return _FACTS.format(day=_ARTICLE_DAY if undated else "e.date")


def _dyad_facts(undated: bool) -> str:
    return f"""SELECT f.*, a.actor, r.recipient
               FROM ({_facts(undated)}) f, unnest(list_distinct(f.actor_codes)) AS a(actor),
                    unnest(list_distinct(f.recipient_codes)) AS r(recipient)"""


def _where(since, until, factuality, scope: ReviewScope) -> tuple[list[str], list[Any]]:
    clauses = ["date IS NOT NULL", "list_contains(?::VARCHAR[], factuality)", scope.clause("")]
    params: list[Any] = [list(factuality)]
    if since:
        clauses.append("date >= ?")
        params.append(since)
    if until:
        clauses.append("date <= ?")
        params.append(until)
    return clauses, params


_MEAN = "round(sum({c}::DECIMAL(38, 4))::DOUBLE / nullif(count({c}), 0), 2)"  # as analytics.mean


def dyads(con, *, since, until, factuality, limit, undated=False, scope=DEFAULT_SCOPE):
    w, p = _where(since, until, factuality, scope)
    return dict_rows(con.execute(f"""
        SELECT actor, recipient, count(DISTINCT id) AS events, count(DISTINCT article_id) AS articles,
               sum(num_mentions)::INTEGER AS mentions, {_MEAN.format(c="goldstein")} AS goldstein,
               {_MEAN.format(c="event_scale")} AS plover_score,
               round(avg(CASE WHEN quad_code >= 3 THEN 1.0 ELSE 0.0 END), 3) AS conflict_share,
               min(date) AS first, max(date) AS last
        FROM ({_dyad_facts(undated)}) WHERE {' AND '.join(w)} GROUP BY actor, recipient
        ORDER BY events DESC, mentions DESC, actor, recipient LIMIT ?""", p + [limit]))


def dyad_event_ids(con, *, actor, recipient, since, until, factuality, limit, scope=DEFAULT_SCOPE):
    w, p = _where(since, until, factuality, scope)
    return [r[0] for r in con.execute(f"""
        SELECT id FROM ({_dyad_facts(False)}) WHERE {' AND '.join(w)} AND actor = ? AND recipient = ?
        GROUP BY id, num_mentions, date ORDER BY num_mentions DESC, date DESC, id LIMIT ?""",
        p + [actor, recipient, limit]).fetchall()]


def timeline(con, *, actor, recipient, by, since, until, factuality, both_directions, undated=False,
             left_out=False, scope=DEFAULT_SCOPE):
    w, p = _where(since, until, factuality, scope)
    has = "list_contains({}, ?)"
    if actor and recipient and both_directions:
        w.append(f"(({has.format('actor_codes')} AND {has.format('recipient_codes')}) OR "
                 f"({has.format('actor_codes')} AND {has.format('recipient_codes')}))")
        p += [actor, recipient, recipient, actor]
    else:
        for code, side in ((actor, "actor_codes"), (recipient, "recipient_codes")):
            if code:
                w.append(has.format(side) if not both_directions else
                         f"({has.format('actor_codes')} OR {has.format('recipient_codes')})")
                p += [code] if not both_directions else [code, code]
    precisions = list(BUCKET_PRECISIONS[by])
    if left_out:
        return dict_rows(con.execute(f"""
            SELECT count(*) FILTER (WHERE date_precision <> 'unknown'
                                    AND NOT list_contains(?::VARCHAR[], date_precision)) AS coarser,
                   count(*) FILTER (WHERE date_precision = 'unknown' AND NOT ?) AS undated
            FROM ({_facts(True)}) WHERE {' AND '.join(w)}""", [precisions, undated] + p))
    w.append("(list_contains(?::VARCHAR[], date_precision) OR date_precision = 'unknown')")
    p.append(precisions)
    return dict_rows(con.execute(f"""
        SELECT date_trunc('{by}', date)::DATE AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_code = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_code = 2) AS material_coop,
               count(*) FILTER (WHERE quad_code = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_code = 4) AS material_conflict,
               {_MEAN.format(c="goldstein")} AS goldstein, {_MEAN.format(c="event_scale")} AS plover_score
        FROM ({_facts(undated)}) WHERE {' AND '.join(w)} GROUP BY period ORDER BY period""", p))


def dyad_periods(con, *, by, until, factuality, escalation, undated=False, scope=DEFAULT_SCOPE):
    w, p = _where(None, until, factuality, scope)
    w.append("(list_contains(?::VARCHAR[], date_precision) OR date_precision = 'unknown')")  # as analytics
    p.append(list(BUCKET_PRECISIONS[by]))
    rows = dict_rows(con.execute(f"""
        SELECT actor, recipient, date_trunc('{by}', date)::DATE AS period, count(DISTINCT id) AS events,
               count(DISTINCT id) FILTER (WHERE list_contains(?::VARCHAR[], event)) AS escalation,
               list(DISTINCT id) FILTER (WHERE list_contains(?::VARCHAR[], event)) AS escalation_ids
        FROM ({_dyad_facts(undated)}) WHERE {' AND '.join(w)} GROUP BY actor, recipient, period
        ORDER BY actor, recipient, period""", [list(escalation), list(escalation)] + p))
    for r in rows:
        r["escalation_ids"] = sorted(r["escalation_ids"] or [])
    return rows
