"""Events dated ahead of their article, copied per batch into two small tables, so that a newest-first page of
events reads only the row groups of recent articles.

A page of events (queries._events) starts on the day the aggregates name (aggregates.newest_day) and lets
DuckDB skip the row groups of `events` whose dates all lie before it. Events are stored in the order their
articles came, so a row group's dates span its articles' days, except for the events a text dates ahead of
its article ("the 2036 deadline"; a misread year): a handful of those per day put a far date into every row
group, and a page whose newest events are such (the 50 newest events of RUS at 10 M events are dated 2036
and later) read every row group. Being the newest, such events also fill the first pages, and their
representative mentions lie scattered over `event_mentions`, each in its own vector of entity lists to
decode (24-44 ms of a 50-event page at 10 M events, idle).

So a page reads two parts: the events of articles from at most AHEAD_DAYS before its first day (DuckDB skips
the other row groups by `article_day`: an event dated at most AHEAD_DAYS after its article and on or after
the page's first day is among them), and from `events_ahead` the events dated more than AHEAD_DAYS after
their article day (or without one) whose article day is earlier. Both parts take the page's own filters and
together hold exactly the events the page would have read. `events_ahead` is a copy of those events' rows
(every column of `events`; rejected events left out: they are in no page that starts on the aggregates' day)
and `mentions_ahead` of their representative mentions (every column of `event_mentions`), stored by date, so
that a page of them reads a few vectors of a small table. A copied mention carries its sentence in `own_text`
(cut from its article's body as rows.mention_record cuts it, when the original keeps none of its own), so a
page of such events reads no article (migration 35 filled the copies made before).

Maintenance: aggregates.update copies the rows of the events a write touched (every writer of `events` goes
through it, and a mention is stored or removed only with its events refreshed); aggregates.rebuild
recomputes both tables. A migration that adds a column to `events` or `event_mentions` adds it here too
(copies are `SELECT *`). tests/test_aggregates.py checks the tables against a rebuild after every batch and
the pages against the plain statement.
"""

from __future__ import annotations

import datetime as dt

from . import escalations
from .rows import unpack_prefix, unpack_text
from .schema import migration

AHEAD_DAYS = 7  # an event dated up to a week after its article (talks "next week") stays in the article's rows
_LATE_MATERIALIZATION = 50  # DuckDB's late_materialization_max_rows (its default)
CREATE = ["CREATE TABLE events_ahead AS SELECT * FROM events LIMIT 0",
          "CREATE TABLE mentions_ahead AS SELECT * FROM event_mentions LIMIT 0"]
_AHEAD = (f"date IS NOT NULL AND (article_day IS NULL OR date > article_day + {AHEAD_DAYS}) "
          "AND review IS DISTINCT FROM 'rejected'")


def present(con) -> bool:
    """Whether the store has the tables (migration 30, after the reviews' columns; older migrations rebuild the aggregates before it)."""
    # (fetchall: a result left pending would keep the next bulk insert from registering its Arrow table)
    return bool(con.execute("SELECT count(*) FROM information_schema.tables "
                            "WHERE table_name = 'events_ahead'").fetchall()[0][0])


def update(con, ids: list[str]) -> None:
    """Copy the rows of these events (and their representative mentions) again, after a write to them."""
    if not ids or not present(con):
        return
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        marks = ", ".join("?" * len(part))
        con.execute(f"DELETE FROM events_ahead WHERE id IN ({marks})", part)
        con.execute(f"DELETE FROM mentions_ahead WHERE event_id IN ({marks})", part)
        # rows by their key alone (DuckDB looks an IN list up in the key's index; with other conditions beside
        # it, it scans every row), in a subquery the other conditions are not pushed into (OFFSET 0)
        con.execute(f"INSERT INTO events_ahead SELECT * FROM "
                    f"(SELECT * FROM events WHERE id IN ({marks}) OFFSET 0) WHERE {_AHEAD} ORDER BY date, id", part)
        reps = con.execute(f"SELECT id, rep_n FROM events_ahead WHERE id IN ({marks}) ORDER BY date, id",
                           part).fetchall()
        _copy_mentions(con, reps)
        fill_texts(con, [n for _, n in reps])


def _copy_mentions(con, reps: list[tuple[str, int]]) -> None:
    """Copy the representative mentions of these (event id, rep_n) into mentions_ahead, in their order: found by
    the mentions' event_id index, 500 events at a time (a batch's few; a join would read every mention)."""
    for start in range(0, len(reps), 500):
        part = reps[start:start + 500]
        con.execute(f"""INSERT INTO mentions_ahead SELECT m.* FROM
                        (SELECT * FROM event_mentions WHERE event_id IN ({', '.join('?' * len(part))}) OFFSET 0) m
                        JOIN (SELECT unnest(?::BIGINT[]) AS n, unnest(range(?)) AS pos) r ON r.n = m.n
                        ORDER BY r.pos""", [i for i, _ in part] + [[n for _, n in part], len(part)])


def rebuild(con) -> None:
    """Recompute both tables from every event."""
    if not present(con):
        return
    con.execute("DELETE FROM events_ahead")
    con.execute("DELETE FROM mentions_ahead")
    con.execute(f"INSERT INTO events_ahead SELECT * FROM events WHERE {_AHEAD} ORDER BY date, id")
    # (one join reading every mention once: at 1 M events 1.3 s, where lookups by event_id took 19-25 s)
    con.execute("""INSERT INTO mentions_ahead SELECT m.* FROM event_mentions m JOIN events_ahead e ON e.rep_n = m.n
                   ORDER BY e.date, e.id""")
    fill_texts(con, None)


def fill_texts(con, ns: list[int] | None) -> None:
    """Give the copied mentions of these serials (None: every copy) that keep no text of their own their
    sentence in `own_text`: their article's body at their offsets, as rows.mention_record cuts it (a copy whose
    article is gone keeps none: it is read as before). Bodies are read by key and decompressed only as far as
    their sentences reach."""
    if ns is not None and not ns:
        return
    sql = "SELECT n, article_id, start_char, end_char FROM mentions_ahead WHERE own_text IS NULL"
    rows = con.execute(sql + ("" if ns is None else " AND n IN (SELECT unnest(?::BIGINT[]))"),
                       [] if ns is None else [list(ns)]).fetchall()
    reach: dict[str, int | None] = {}  # article -> how far its sentences reach (None: the whole body)
    for _, article, start, end in rows:
        if article in reach and reach[article] is None:
            continue
        reach[article] = None if end is None or start is None else max(end, reach.get(article) or 0)
    arts = sorted(reach)
    bodies: dict[str, str] = {}
    for i in range(0, len(arts), 500):
        part = arts[i:i + 500]
        for aid, body in con.execute(f"SELECT id, body FROM articles WHERE id IN ({', '.join('?' * len(part))})",
                                     part).fetchall():
            if body is not None:
                bodies[aid] = unpack_text(body) if reach[aid] is None else unpack_prefix(body, reach[aid])
    filled = [(n, bodies[a][start:end]) for n, a, start, end in rows if a in bodies]
    for i in range(0, len(filled), 50_000):
        part = filled[i:i + 50_000]
        con.execute("""UPDATE mentions_ahead SET own_text = v.t
                       FROM (SELECT unnest(?::BIGINT[]) AS n, unnest(?::VARCHAR[]) AS t) v
                       WHERE mentions_ahead.n = v.n""", [[n for n, _ in part], [t for _, t in part]])


@migration(35, "the copies of the representative mentions of events dated ahead carry their sentence (own_text); "
               "dyad_escalation sorted again, the rows appended after it counted")
def _texts_and_sorted_escalations(con) -> None:
    fill_texts(con, None)
    escalations.sort(con)


def dump(con) -> dict[str, list[tuple]]:
    """Both tables' rows, sorted (equal dumps mean equal tables); none before migration 30."""
    if not present(con):
        return {}
    return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("events_ahead", "mentions_ahead")}


def page_sql(columns: str, where: str, params: list, first_day: dt.date, limit: int, offset: int
             ) -> tuple[str, list]:
    """A statement (and parameters) giving `columns` (over alias e) of a newest-first page (ties by id) of the
    events of a page's filters (`where`, over alias e, as queries.event_filters gives it) dated on or after
    `first_day`, read from two parts (module doc), with `ahead`: whether the row came from events_ahead (its
    representative mention is in mentions_ahead)."""
    conj = " AND" if where else " WHERE"
    oldest_article = first_day - dt.timedelta(days=AHEAD_DAYS)
    need = limit + offset
    recent = (f"SELECT {columns}, false AS ahead FROM events e{where}{conj} e.date >= ? AND e.article_day >= ? "
              "ORDER BY e.date DESC, e.id LIMIT ?")
    ahead = (f"SELECT {columns}, true AS ahead FROM events_ahead e{where}{conj} e.date >= ? "
             "AND (e.article_day IS NULL OR e.article_day < ?) ORDER BY e.date DESC, e.id LIMIT ?")
    sql = f"SELECT * FROM (({recent}) UNION ALL ({ahead})) ORDER BY date DESC, id LIMIT ? OFFSET ?"
    # (the copies' part asks for more than DuckDB's late materialization takes (a LIMIT of up to 50: a second
    # scan of the rows found first), which costs more than it saves on this small table: -1.3 ms CPU a page)
    return sql, [*params, first_day, oldest_article, need, *params, first_day, oldest_article,
                 max(need, _LATE_MATERIALIZATION + 1), limit, offset]


__all__ = ["AHEAD_DAYS", "CREATE", "dump", "fill_texts", "page_sql", "present", "rebuild", "update"]
