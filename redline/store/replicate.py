"""Benchmarks only: grow a store of real coded articles into a large one by copying them.

Copy k of an article gets ids suffixed with "~k" (article, content hash, events, mentions, quotes), so every
key stays unique, and its body and title end with " [copy k]", so the store holds them as it would distinct
articles (identical values would share a dictionary entry and make the store look smaller than a real one). With `year`, each copy of an article is published on a day of that year (spread by a hash of its
id and copy number) and everything dated in it moves by the same number of days: its events (by the move of
their representative article), mentions, quotes and reference date, so a year of copies looks like a year of
news. The copies are stored day by day, in the order a year of ingest would store them, and every mention
gets a fresh serial number in that order. Signatures are scrambled per copy (a XOR of the hash values), so the
dedup index holds as many distinct first copies as a real store. The aggregates and every article's parts
(`article_parts`, migration 40) are made again at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

import numpy as np

from . import aggregates, article_parts, page_mentions
from .bulk import insert_rows
from .rows import pack_text, unpack_text

_ID_COLUMNS = {  # table -> columns that carry an id to suffix
    "articles": ("id", "content_hash", "duplicate_of"),
    "event_mentions": ("article_id", "id", "event_id"),
    "events": ("id", "key", "rep_article"),
    "places": ("article_id",),
    "quotes": ("article_id", "id"),
}
_TEXT_COLUMNS = {"articles": ("title",)}
_ARTICLE_KEY = {"articles": "id", "event_mentions": "article_id", "events": "rep_article", "places": "article_id",
                "quotes": "article_id"}


def _columns(con, table: str) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


def _select(con, table: str, moves: dict[str, str]) -> str:
    """SELECT list copying `table` (alias x) for copy d.k: suffixed ids and texts, other columns from `moves`."""
    out = []
    for c in _columns(con, table):
        if c in moves:
            out.append(f"{moves[c]} AS {c}")
        elif c in _ID_COLUMNS.get(table, ()):
            out.append(f"CASE WHEN x.{c} IS NULL THEN NULL ELSE x.{c} || '~' || d.k END AS {c}")
        elif table == "articles" and c == "body":
            out.append(f"redline_copy_body(x.body, d.k) AS {c}")
        elif c in _TEXT_COLUMNS.get(table, ()):
            out.append(f"CASE WHEN x.{c} IS NULL THEN NULL ELSE x.{c} || ' [copy ' || d.k || ']' END AS {c}")
        else:
            out.append(f"x.{c}")
    return ", ".join(out)


def replicate(con, copies: int, *, year: int | None = None, progress: Callable[[int, int], None] | None = None
              ) -> int:
    """Grow the store to `copies` times its articles and everything that belongs to them; return its events.

    year: `copies` copies are published on the days of that year (see the module docstring) and the original
    articles are removed, so the store holds a year of news stored in the order it came in; None keeps the
    originals and their dates and adds `copies - 1` copies. progress(done, total): called after each day of
    copies. Runs in one transaction on the given connection (of a writable store).
    """
    last = copies if year is not None else copies - 1
    if last < 1:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.create_function("redline_copy_body", _copy_body, ["BLOB", "BIGINT"], "BLOB")
    con.execute("BEGIN TRANSACTION")
    try:
        _copy(con, last + 1, year, progress)
        _copy_signatures(con, last + 1)
        if year is not None:
            _drop_originals(con)
        if article_parts.present(con):  # every article's parts again, as ingest writes them (the copies had none)
            con.execute(f"DELETE FROM {article_parts.TABLE}")
            article_parts.fill(con)
        if page_mentions.present(con):  # what a page shows of every mention, in the copies' serial order
            con.execute(f"DELETE FROM {page_mentions.TABLE}")
            page_mentions.fill(con)
        aggregates.rebuild(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.remove_function("redline_copy_body")
    return con.execute("SELECT count(*) FROM events").fetchone()[0]


def _copy_body(body: bytes, k: int) -> bytes:
    """The body of copy k: the text with " [copy k]" appended, compressed again (rows.pack_text)."""
    return pack_text(unpack_text(body) + f" [copy {k}]")


def _copy(con, copies: int, year: int | None, progress) -> None:
    base = "NOT contains(x.{key}, '~')"
    con.execute("CREATE TEMP TABLE _copies AS SELECT range AS k FROM range(1, ?)", [copies])
    if year is None:
        con.execute("CREATE TEMP TABLE _moves AS SELECT a.id, t.k, 0::INTEGER AS days, 0 AS day "
                    "FROM articles a, _copies t WHERE NOT contains(a.id, '~')")
    else:
        start = dt.date(year, 1, 1)
        days = (dt.date(year + 1, 1, 1) - start).days
        con.execute("""
            CREATE TEMP TABLE _moves AS
            SELECT id, k, CASE WHEN published IS NULL THEN 0 ELSE (?::DATE + day - published)::INTEGER END AS days, day
            FROM (SELECT a.id, a.published, t.k, (hash(a.id || '~' || t.k) % ?)::INTEGER AS day
                  FROM articles a, _copies t WHERE NOT contains(a.id, '~'))""", [start, days])
    con.execute("CREATE TEMP TABLE _base_mentions AS SELECT n, article_id, seq, event_id FROM event_mentions x "
                f"WHERE {base.format(key='article_id')}")
    days_list = [r[0] for r in con.execute("SELECT DISTINCT day FROM _moves ORDER BY day").fetchall()]
    top = con.execute("SELECT coalesce(max(n), 0) FROM event_mentions").fetchone()[0]
    for i, day in enumerate(days_list):
        con.execute("CREATE OR REPLACE TEMP TABLE _day AS SELECT id, k, days FROM _moves WHERE day = ?", [day])
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _nmap AS
            SELECT m.n AS n0, d.k, ? + row_number() OVER (ORDER BY d.k, m.article_id, m.seq) AS n
            FROM _base_mentions m JOIN _day d ON d.id = m.article_id""", [top])
        top = con.execute("SELECT coalesce(max(n), ?) FROM _nmap", [top]).fetchone()[0]
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _event_days AS
            SELECT e.id, d.k, d.days FROM events e JOIN _day d ON d.id = e.rep_article""")
        on_day = "JOIN _day d ON d.id = x.{key}"
        specs = {
            "articles": (on_day.format(key="id") + " LEFT JOIN _nmap f ON f.n0 = x.first_n AND f.k = d.k "
                         "LEFT JOIN _nmap l ON l.n0 = x.last_n AND l.k = d.k",
                         {"published": "x.published + d.days", "reference_date": "x.reference_date + d.days",
                          "first_n": "f.n", "last_n": "l.n"}),
            "event_mentions": (on_day.format(key="article_id") + " JOIN _nmap nm ON nm.n0 = x.n AND nm.k = d.k "
                               "JOIN _event_days_all em ON em.id = x.event_id AND em.k = d.k",
                               {"n": "nm.n", "date": "x.date + em.days", "enddate": "x.enddate + em.days"}),
            "events": ("JOIN _event_days d ON d.id = x.id JOIN _nmap nm ON nm.n0 = x.rep_n AND nm.k = d.k",
                       {"date": "x.date + d.days", "article_day": "x.article_day + d.days", "rep_n": "nm.n"}),
            "places": (on_day.format(key="article_id"), {}),
            "quotes": (on_day.format(key="article_id"), {"date": "x.date + d.days"}),
        }
        if i == 0:  # an event's date moves with its representative article, whichever day its mentions are on
            con.execute("""CREATE TEMP TABLE _event_days_all AS
                           SELECT e.id, m.k, m.days FROM events e JOIN _moves m ON m.id = e.rep_article""")
        for table, (join, moves) in specs.items():
            order = " ORDER BY nm.n" if table == "event_mentions" else ""
            con.execute(f"INSERT INTO {table} SELECT {_select(con, table, moves)} FROM {table} x {join} "
                        f"WHERE {base.format(key=_ARTICLE_KEY[table])}{order}")
        if progress:
            progress(i + 1, len(days_list))
    con.execute("DROP SEQUENCE mention_serial")
    con.execute(f"CREATE SEQUENCE mention_serial START {int(top) + 1}")
    for name in ("_copies", "_moves", "_base_mentions", "_day", "_nmap", "_event_days", "_event_days_all"):
        con.execute(f"DROP TABLE IF EXISTS {name}")


def _drop_originals(con) -> None:
    """Remove the articles that were copied (ids without "~") and everything stored for them."""
    for table, key in (("event_mentions", "article_id"), ("events", "rep_article"), ("places", "article_id"),
                       ("quotes", "article_id"), ("signatures", "article_id"), ("articles", "id")):
        con.execute(f"DELETE FROM {table} WHERE NOT contains({key}, '~')")


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
