"""Benchmarks only: grow a store of real coded articles into a large one by copying them.

Copy k of an article gets ids suffixed with "~k" (article, content hash, events, mentions, quotes), so every
key stays unique, and its text and title end with " [copy k]", so the store compresses them as it would
distinct articles (identical strings would share a dictionary entry and make the store look smaller than a
real one). With `year`, each copy of an article is published on a day of that year (spread by a hash of its
id and copy number) and everything dated in it moves by the same number of days: its events (by the move of
their representative article), mentions, quotes and reference date, so a year of copies looks like a year of
news. Signatures are scrambled per copy (a XOR of the hash values), so the dedup index holds as many distinct
first copies as a real store. The aggregates are rebuilt at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np

from . import aggregates
from .bulk import insert_rows

_ID_COLUMNS = {  # table -> columns that carry an id to suffix
    "articles": ("id", "content_hash", "duplicate_of"),
    "event_mentions": ("article_id", "id", "event_id"),
    "events": ("id", "key", "rep_article"),
    "actors": ("article_id", "event_id"),
    "places": ("article_id",),
    "quotes": ("article_id", "id"),
}
_TEXT_COLUMNS = {"articles": ("text", "title")}


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def _select(con, table: str, moves: dict[str, str]) -> str:
    """SELECT list copying `table` for copy t.k: suffixed ids and texts, moved dates (moves: column -> SQL)."""
    out = []
    for c in _columns(con, table):
        if c in _ID_COLUMNS.get(table, ()):
            out.append(f"CASE WHEN x.{c} IS NULL THEN NULL ELSE x.{c} || '~' || t.k END AS {c}")
        elif c in _TEXT_COLUMNS.get(table, ()):
            out.append(f"CASE WHEN x.{c} IS NULL THEN NULL ELSE x.{c} || ' [copy ' || t.k || ']' END AS {c}")
        elif c in moves:
            out.append(f"{moves[c]} AS {c}")
        else:
            out.append(f"x.{c}")
    return ", ".join(out)


def replicate(con, copies: int, *, year: int | None = None) -> int:
    """Copy every stored article with what belongs to it `copies - 1` more times; return the events afterwards.

    year: publish the copies on the days of that year (see the module docstring); None keeps the dates.
    Runs in one transaction on the given connection (of a writable store).
    """
    if copies < 2:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.execute("BEGIN TRANSACTION")
    try:
        _copy(con, copies, year)
        aggregates.rebuild(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return con.execute("SELECT count(*) FROM events").fetchone()[0]


def _copy(con, copies: int, year: int | None) -> None:
    con.execute("CREATE TEMP TABLE _copies AS SELECT range AS k FROM range(1, ?)", [copies])
    if year is None:
        con.execute("CREATE TEMP TABLE _moves AS SELECT a.id, t.k, 0::INTEGER AS days FROM articles a, _copies t")
    else:
        start = dt.date(year, 1, 1)
        days = (dt.date(year + 1, 1, 1) - start).days
        con.execute("""
            CREATE TEMP TABLE _moves AS
            SELECT a.id, t.k,
                   CASE WHEN a.published IS NULL THEN 0
                        ELSE ((?::DATE + (hash(a.id || '~' || t.k) % ?)::INTEGER) - a.published)::INTEGER END AS days
            FROM articles a, _copies t""", [start, days])
    con.execute("""CREATE TEMP TABLE _event_moves AS
                   SELECT e.id, m.k, m.days FROM events e JOIN _moves m ON m.id = e.rep_article""")
    article = "x.{c} + m.days"
    event = "x.{c} + em.days"
    specs = {
        "articles": ("JOIN _moves m ON m.id = x.id AND m.k = t.k",
                     {c: article.format(c=c) for c in ("published", "reference_date")}),
        "events": ("JOIN _event_moves em ON em.id = x.id AND em.k = t.k",
                   {c: event.format(c=c) for c in ("date",)}),
        "event_mentions": ("JOIN _event_moves em ON em.id = x.event_id AND em.k = t.k",
                           {c: event.format(c=c) for c in ("date", "enddate")}),
        "actors": ("", {}),
        "places": ("", {}),
        "quotes": ("JOIN _moves m ON m.id = x.article_id AND m.k = t.k",
                   {"date": article.format(c="date")}),
    }
    for table, (join, moves) in specs.items():
        con.execute(f"INSERT INTO {table} SELECT {_select(con, table, moves)} FROM {table} x CROSS JOIN _copies t "
                    f"{join} WHERE NOT contains(x.{_ID_COLUMNS[table][0]}, '~')")
    _copy_signatures(con, copies)
    for name in ("_copies", "_moves", "_event_moves"):
        con.execute(f"DROP TABLE {name}")


def _copy_signatures(con, copies: int) -> None:
    base = con.execute("SELECT article_id, signature FROM signatures WHERE NOT contains(article_id, '~') "
                       "ORDER BY rank").fetchall()
    for k in range(1, copies):
        mask = np.frombuffer(hashlib.blake2b(str(k).encode(), digest_size=8).digest(), dtype="<u8")[0]
        rows = []
        for aid, sig in base:
            sig = bytes(sig)
            head = hashlib.blake2b(sig[:16] + str(k).encode(), digest_size=8).hexdigest().encode()
            values = np.frombuffer(sig[16:], dtype="<u8") ^ mask
            rows.append((f"{aid}~{k}", head + values.astype("<u8").tobytes()))
        ranks = [r[0] for r in con.execute("SELECT nextval('signature_rank') FROM range(?)", [len(rows)]).fetchall()]
        insert_rows(con, "signatures", [(a, s, r) for (a, s), r in zip(rows, ranks, strict=True)])
