"""Distinct representative articles per dyad, kept per batch so that `dyads` need not count them over every event.

`dyads` reports, per actor -> recipient pair, how many distinct representative articles its events in a window
come from. A distinct count is not a sum: counting it over `dyad_events` reads every row of the top dyads (1.3 s
at 10 M events). `agg_dyad_articles` makes it one: for each dyad, article and class of events (one factuality,
or `*` for any; with or without undated events), the days the article has such events, d1 < d2 < ... < dk, are
kept as runs (d_i, d_{i-1}), counted over articles per (dyad, class, day, prev). An article has an event in
[since, until] exactly when the first of its days on or after `since` is on or before `until`, that is when
one run has since <= day <= until and prev < since; so the count in a window is the sum of the runs with
day in the window and prev before it (no `since`: the first runs, prev = NONE). tests/test_aggregates.py
checks it against count(DISTINCT article) over the events.

Factuality sets other than one value or all of them are counted over `dyad_events` (analytics._dyad_articles).
Maintenance is a delta in aggregates.update: the articles whose events changed are recounted from their events
(found by the article's mention serials, no scan) before and after the write.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from .bulk import insert_rows

ANY = "*"
NONE = dt.date(1, 1, 1)  # prev of an article's first day (the aggregates hold no day before 0001-01-02 as prev)
CREATE = """CREATE TABLE agg_dyad_articles (
    a VARCHAR NOT NULL, b VARCHAR NOT NULL, factuality VARCHAR NOT NULL, undated BOOLEAN NOT NULL, day DATE NOT NULL,
    prev DATE NOT NULL, articles BIGINT NOT NULL, PRIMARY KEY (a, b, factuality, undated, day, prev))"""
_UPSERT = " ON CONFLICT (a, b, factuality, undated, day, prev) DO UPDATE SET articles = agg_dyad_articles.articles " \
          "+ excluded.articles"


def present(con) -> bool:
    """Whether the store has the table (migration 14; older migrations rebuild the aggregates before it)."""
    return bool(con.execute("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_name = 'agg_dyad_articles'").fetchone()[0])


def runs(rows: Iterable[tuple]) -> dict[tuple, int]:
    """Effective event rows (aggregates.effective) -> (a, b, class factuality, undated, day, prev) -> articles.
    The rows must hold every event of each article they name (its runs are computed from them)."""
    days: dict[tuple, set] = defaultdict(set)
    for _id, _event, fact, day, prec, actors, recipients, *_, article in rows:
        if day is None:
            continue
        for a in dict.fromkeys(actors or ()):
            for b in dict.fromkeys(recipients or ()):
                for cls in (fact, ANY):
                    days[(a, b, article, cls, True)].add(day)
                    if prec != "unknown":
                        days[(a, b, article, cls, False)].add(day)
    out: dict[tuple, int] = defaultdict(int)
    for (a, b, _article, cls, undated), ds in days.items():
        prev = NONE
        for d in sorted(ds):
            out[(a, b, cls, undated, d, prev)] += 1
            prev = d
    return out


def _others(con, articles: list[str], ids: list[str]) -> list[tuple]:
    """The effective rows of the events (other than `ids`) whose representative article is one of `articles`:
    their representative mention is among the article's mention serials first_n..last_n."""
    from .aggregates import effective

    # (an IN list on the key alone: DuckDB looks the ids up in the primary key; another condition makes it scan)
    spans = sorted((lo, hi) for _, lo, hi in con.execute(
        f"SELECT id, first_n, last_n FROM articles WHERE id IN ({', '.join('?' * len(articles))})", articles).fetchall()
        if lo is not None)
    if not spans:
        return []
    ranges: list[list[int]] = []  # nearby articles (a batch's) read as one range of serials
    for lo, hi in spans:
        if ranges and lo - ranges[-1][1] < 100_000:
            ranges[-1][1] = max(ranges[-1][1], hi)
        else:
            ranges.append([lo, hi])
    found: set[str] = set()
    for i in range(0, len(ranges), 50):
        part = ranges[i:i + 50]
        sql = " UNION ALL ".join(["SELECT event_id FROM event_mentions WHERE n BETWEEN ? AND ? "
                                  "AND list_contains(?::VARCHAR[], article_id)"] * len(part))
        found.update(r[0] for r in con.execute(sql, [v for lo, hi in part for v in (lo, hi, articles)]).fetchall())
    rest = sorted(found - set(ids))
    wanted = set(articles)
    out: list[tuple] = []
    for i in range(0, len(rest), 1000):
        out += [r for r in effective(con, rest[i:i + 1000]) if r[-1] in wanted]
    return out


def update(con, ids: list[str], before: list[tuple], after: list[tuple]) -> None:
    """Move the runs by what a write changed: `before` / `after` are the effective rows of `ids` around it
    (called after the write, which touched only `ids`)."""
    articles = sorted({r[-1] for r in before} | {r[-1] for r in after})
    if not articles or not present(con):
        return
    others = _others(con, articles, ids)
    old, new = runs(others + before), runs(others + after)
    delta = [(*k, new.get(k, 0) - old.get(k, 0)) for k in old.keys() | new.keys()]
    insert_rows(con, "agg_dyad_articles", sorted(r for r in delta if r[-1]), upsert=_UPSERT)


def rebuild(con) -> None:
    """Recompute the table from dyad_events (aggregates.rebuild fills that first)."""
    if not present(con):
        return
    con.execute("DELETE FROM agg_dyad_articles")
    con.execute(f"""
        INSERT INTO agg_dyad_articles
        WITH d AS (
            SELECT DISTINCT x.a, x.b, x.article, f.cls, u.undated, x.day
            FROM dyad_events x, unnest([x.factuality, '{ANY}']) AS f(cls), unnest([true, false]) AS u(undated)
            WHERE u.undated OR x.prec <> 'unknown'),
        r AS (
            SELECT a, b, cls, undated, day,
                   coalesce(lag(day) OVER (PARTITION BY a, b, article, cls, undated ORDER BY day), ?::DATE) AS prev
            FROM d)
        SELECT a, b, cls, undated, day, prev, count(*) FROM r GROUP BY ALL ORDER BY ALL""", [NONE])


def dump(con) -> list[tuple]:
    """The rows without zeros, sorted (equal dumps mean equal counts); none before migration 14."""
    if not present(con):
        return []
    return sorted(con.execute("SELECT * FROM agg_dyad_articles WHERE articles <> 0").fetchall(), key=repr)


def factuality_class(factuality: tuple[str, ...], every: tuple[str, ...]) -> str | None:
    """The class that answers a factuality filter: one value, `*` for all of them, None for another set."""
    wanted = set(factuality)
    if wanted >= set(every):
        return ANY
    return factuality[0] if len(wanted) == 1 else None


def pairs_join(pairs: list[tuple[str, str]], alias: str) -> tuple[str, list]:
    """A JOIN clause (and its parameters) keeping the rows of `alias` whose (a, b) is one of these dyads: a hash
    join on two list parameters binds and runs in half the time of an OR of (a = ? AND b = ?) per dyad."""
    distinct = list(dict.fromkeys(pairs))
    return (f" JOIN (SELECT unnest(?::VARCHAR[]) AS pair_a, unnest(?::VARCHAR[]) AS pair_b) AS pairs "
            f"ON {alias}.a = pairs.pair_a AND {alias}.b = pairs.pair_b", [[a for a, _ in distinct],
                                                                         [b for _, b in distinct]])


# A window of days holding at most this many rows is read whole and added up in Python: a statement that reads
# rows costs a third of one that joins and groups them (benchmarks/README.md, 6 Dec 2026); a larger window is
# grouped by DuckDB.
RAW_ROWS = 1000


def count(con, pairs: list[tuple[str, str]], cls: str, since: dt.date | None, until: dt.date | None,
          undated: bool) -> dict[tuple[str, str], int]:
    """Distinct representative articles of these dyads' events of the class in [since, until]."""
    if since is not None:
        rows = con.execute("SELECT a, b, prev, articles FROM agg_dyad_articles WHERE factuality = ? AND undated = ? "
                           f"AND day >= ?{' AND day <= ?' if until is not None else ''} LIMIT ?",
                           [cls, undated, since, *([until] if until is not None else []), RAW_ROWS + 1]).fetchall()
        if len(rows) <= RAW_ROWS:
            wanted, sums = set(pairs), {}
            for a, b, prev, n in rows:
                if (a, b) in wanted and (prev == NONE or prev < since):
                    sums[(a, b)] = sums.get((a, b), 0) + n
            return {k: n for k, n in sums.items() if n}
    join, params = pairs_join(pairs, "d")
    where = ["factuality = ?", "undated = ?"]
    params += [cls, undated]
    if since:
        where += ["day >= ?", "(prev = ? OR prev < ?)"]
        params += [since, NONE, since]
    else:
        where.append("prev = ?")
        params.append(NONE)
    if until:
        where.append("day <= ?")
        params.append(until)
    sql = f"SELECT d.a, d.b, sum(articles)::BIGINT FROM agg_dyad_articles d{join} WHERE {' AND '.join(where)} " \
          "GROUP BY d.a, d.b"
    return {(a, b): n for a, b, n in con.execute(sql, params).fetchall() if n}
