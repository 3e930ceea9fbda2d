"""Reads of stored rows shared by the store's read methods: a page's mentions by serial with their sentences, articles
and their texts by id, rows by key, a read snapshot, an article's copies (split from store/queries.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from . import page_mentions
from .memo import Memo
from .rows import MENTION_COLUMNS, mention_record, unpack_prefix, unpack_text

MENTION_SELECT = ", ".join(f"m.{c}" for c in ("n", *MENTION_COLUMNS))
_MENTION_COLUMNS_N = ("n", *MENTION_COLUMNS)
_KNOWN = ("event_id", "article_id", "seq")  # what an events row says of its representative mention
_MENTION_SELECT_UNKNOWN = ", ".join(f"m.{c}" for c in _MENTION_COLUMNS_N if c not in _KNOWN)


def mentions_by_n(cur, ns: list[int], *, texts: dict[str, str] | None = None,
                   ahead: set[int] | frozenset[int] = frozenset(), memo: Memo | None = None,
                   version: int = 0, known: dict[int, tuple[str, str, int]] | None = None,
                   packed: bool = False) -> dict[int, tuple[dict, dict]]:
    """PLOVER dicts of event mentions by serial number (serials from our own query), with their sentence.

    A semi-join on a list parameter lets DuckDB fetch just those rows (serials follow the order rows were
    stored, so the scan skips row groups outside their range); the sentences are cut from their articles'
    texts, fetched by id. `ahead`: the serials to read from the copies of the representative mentions of events
    dated ahead of their article (store/ahead.py; the copy of a serial is the same row). Values: (the stored row
    by column, its PLOVER dict), read-only. memo: keep them (and the articles) for the store `version` read before
    these reads (a serial is never reused). known: the (event id, article id, seq) of every serial, which a caller
    read from the events rows whose representatives they are: those columns are not read again (read by key from
    scattered row groups, each column costs a read of its own; these three were 15% of a dyad's page's mentions).
    packed (with `known` for every serial): read what a page shows of each mention from `page_mentions`
    (store/page_mentions.py: one text column instead of forty, 27-33 ms CPU -> a few ms for a dyad's page at 10 M
    events); the row of such a mention holds those fields (page_mentions.PAGE_FIELDS) and the known ones only.
    Those without a row there, and those of `ahead`, are read as above.
    """
    if not ns:
        return {}
    out = memo.get_many("mention", ns, version) if memo is not None else {}
    todo = [int(n) for n in ns if n not in out]
    if not todo:
        return out
    given = known is not None and all(n in known for n in todo)
    rows: list[dict] = []
    if packed and given:
        found = page_mentions.read(cur, [n for n in todo if n not in ahead])
        for n, m in found.items():
            m.update(zip(("n", *_KNOWN), (n, *known[n]), strict=True))
            rows.append(m)
        todo = [n for n in todo if n not in found]
    parts = [(table, [n for n in todo if (n in ahead) == (table == "mentions_ahead")])
             for table in ("event_mentions", "mentions_ahead")]
    parts = [(table, part) for table, part in parts if part]
    if parts:
        select = _MENTION_SELECT_UNKNOWN if given else MENTION_SELECT
        cur.execute(" UNION ALL ".join(f"SELECT {select} FROM {table} m WHERE m.n IN (SELECT unnest(?::BIGINT[]))"
                                       for table, _ in parts), [part for _, part in parts])
        cols = [c[0] for c in cur.description]
        read = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        if given:  # the row as the whole select gives it, in its column order
            read = [{c: m[c] if c in m else known[m["n"]][_KNOWN.index(c)] for c in _MENTION_COLUMNS_N} for m in read]
        rows += read
    texts = dict(texts or {})
    # (a mention that keeps its own text, as the copies in mentions_ahead do, needs no article; one that does not
    # needs its article's text as far as its sentence reaches)
    reach: dict[str, int | None] = {}
    for m in rows:
        if m["own_text"] is None and m["article_id"] not in texts:
            aid, end = m["article_id"], m["end_char"]
            reach[aid] = None if end is None or (aid in reach and reach[aid] is None) else max(reach.get(aid, 0), end)
    texts.update(_article_texts(cur, reach, memo=memo, version=version))
    fetched = {m["n"]: (m, mention_record(m, texts.get(m["article_id"]))) for m in rows}
    if memo is not None:
        memo.put_many("mention", fetched, version)
    out.update(fetched)
    return out


def dict_rows(cur) -> list[dict]:
    """The fetched rows of an executed cursor as dicts by column name."""
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def rows_in(cur, select: str, column: str, keys: list, chunk: int = 500) -> Iterator[dict]:
    """The rows (dicts by column name) of `select` whose `column` is one of `keys`, asked in IN lists of `chunk`
    keys (DuckDB answers an IN list of constants on a key column from its index, no scan)."""
    for i in range(0, len(keys), chunk):
        part = keys[i:i + chunk]
        cur.execute(f"{select} WHERE {column} IN ({', '.join('?' * len(part))})", part)
        yield from dict_rows(cur)


def articles_by_id(cur, ids: list[str], *, memo: Memo | None = None, version: int = 0) -> dict[str, dict]:
    """id -> title, url, published, publisher, outlet, text of these articles (an IN list: ART lookups, no scan);
    read-only. memo: keep them for the store `version` read before these reads (an id is a content hash)."""
    out: dict[str, dict] = memo.get_many("article", ids, version) if memo is not None else {}
    todo = [i for i in ids if i not in out]
    fetched: dict[str, dict] = {}
    for a in rows_in(cur, "SELECT id, title, url, published, publisher, outlet, body AS text FROM articles", "id",
                     todo):
        a["text"] = unpack_text(a["text"])
        fetched[a["id"]] = a
    if memo is not None and fetched:
        memo.put_many("article", fetched, version)
    out.update(fetched)
    return out


def _article_texts(cur, reach: dict[str, int | None], *, memo: Memo | None = None,
                   version: int = 0) -> dict[str, str | None]:
    """id -> the text of these articles up to (at least) `reach[id]` characters (None: all of it; an article
    stored without a body: None): what the memo keeps of them whole,
    else their stored bodies decompressed only as far as that (a page's fifty sentences cut from fifty articles
    cost a fraction of decompressing them whole: benchmarks/README.md, issue 16, session 26). Only the bodies are
    read (each column of a row read by key is a read of its own)."""
    ids = sorted(reach)
    kept = memo.get_many("article", ids, version) if memo is not None else {}
    out = {i: a["text"] for i, a in kept.items()}
    for i in range(0, len(ids), 500):
        part = [a for a in ids[i:i + 500] if a not in out]
        if part:
            out.update((aid, unpack_text(body) if body is None or reach[aid] is None else unpack_prefix(body, reach[aid]))
                       for aid, body in cur.execute(
                f"SELECT id, body FROM articles WHERE id IN ({', '.join('?' * len(part))})", part).fetchall())
    return out


@contextlib.contextmanager
def snapshot_rows(cur):
    """Run several reads on one consistent snapshot (row ids stay valid between them)."""
    cur.execute("BEGIN TRANSACTION")
    try:
        yield cur
    finally:
        cur.execute("ROLLBACK")


def copies_of(cur, article_ids: list[str]) -> list[dict]:
    if not article_ids:
        return []
    # a few ids: an IN list of values, looked up in the duplicate_of index (half the CPU of the semi-join)
    cond, params = (f"IN ({', '.join('?' * len(article_ids))})", list(article_ids)) if len(article_ids) <= 500 \
        else ("IN (SELECT unnest(?::VARCHAR[]))", [article_ids])
    rows = cur.execute(f"""SELECT id, duplicate_of, dup_kind, title, url, published, publisher FROM articles
                           WHERE duplicate_of {cond} ORDER BY published NULLS LAST, id""", params).fetchall()
    return [{"id": r[0], "duplicate_of": r[1], "dup_kind": r[2], "title": r[3], "url": r[4],
             "published": iso_text(r[5]), "publisher": r[6]} for r in rows]


def iso_text(d) -> str | None:
    return d.isoformat() if d else None


def escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
