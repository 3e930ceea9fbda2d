"""Reading quotes from the store: pages of quotes in the order analysts read them (newest day first), windows of
days cut from the quotes' keys kept per version, and the quotes of a set of keys with their articles.

A mixin of `Store` (store/core.py), beside the event reads of store/queries.py whose helpers it shares; only the
store speaks SQL.
"""

from __future__ import annotations

import datetime as dt

from ..errors import StoreError
from .memo import date_window
from .filters import parse_filter_date, clamp_limit
from .mention_reads import articles_by_id, escape_like, iso_text, snapshot_rows, rows_in
from .rows import QUOTE_COLUMNS, quote_record, unpack_text

QUOTE_KEYS_KEPT = 20_000  # keys of quotes kept in order per version, windows of days cut from them


class QuoteQueries:
    """Quote reads; expects the Store's `_cursor()`, `memo`, `version` and `path`."""

    def quotes(self, *, speaker=None, since=None, until=None, contains=None, limit=None) -> list[dict]:
        """Quotes (quote_dict form plus article title/url/published and outlet, the article's publisher or site);
        speaker matches a code or part of a name."""
        since, until, limit = parse_filter_date(since, "since"), parse_filter_date(until, "until"), clamp_limit(limit, "limit")
        where, params = [], []
        if speaker:
            s = str(speaker).strip()
            where.append("(q.speaker_code = ? OR lower(q.speaker_name) LIKE ? ESCAPE '\\' "
                         "OR lower(q.speaker_text) LIKE ? ESCAPE '\\')")
            like = "%" + escape_like(s.lower()) + "%"
            params += [s.upper(), like, like]
        day = "coalesce(q.date, a.reference_date, a.published)"
        if since:
            where.append(f"{day} >= ?")
            params.append(since)
        if until:
            where.append(f"{day} <= ?")
            params.append(until)
        source = "FROM quotes q JOIN articles a ON a.id = q.article_id" + (" WHERE " + " AND ".join(where) if where else "")
        order = f" ORDER BY {day} DESC NULLS LAST, q.article_id, q.seq"
        if limit is not None and not contains:
            if not speaker:
                page = self._quotes_window(since, until, limit)
                if page is not None:
                    return page
            return self._quotes_page(source + order, params, limit)
        sql = (f"SELECT {', '.join('q.' + c for c in QUOTE_COLUMNS)}, a.body, a.title, a.url, a.published, "
               f"coalesce(a.publisher, a.outlet) AS outlet {source}{order}")
        needle = str(contains).lower() if contains else None  # matched on the text cut from the article body
        out: list[dict] = []
        bodies: dict[str, str | None] = {}
        cur = self._cursor().execute(sql, params)
        cols = [c[0] for c in cur.description]
        while (limit is None or len(out) < limit) and (batch := cur.fetchmany(1000)):
            for r in batch:
                row = dict(zip(cols, r, strict=True))
                if row["article_id"] not in bodies:
                    bodies[row["article_id"]] = unpack_text(row["body"])
                d = quote_record(row, bodies[row["article_id"]])
                if needle is not None and needle not in d["text"].lower():
                    continue
                d.update(article_title=row["title"], article_url=row["url"], article_published=iso_text(row["published"]),
                         outlet=row["outlet"])
                out.append(d)
                if limit is not None and len(out) >= limit:
                    break
        return out

    def _quotes_window(self, since: dt.date | None, until: dt.date | None, limit: int) -> list[dict] | None:
        """The first `limit` quotes of a window of days (or of all), cut from the keys of every quote in order,
        kept per version (QUOTE_KEYS_KEPT at most); None when the window lies past them."""
        version = self.version
        days, keys, whole = self.memo.get("quote_keys", (), version, self._quote_keys)
        window = date_window(days, since, until, whole) if since or until else (0, len(keys), whole)
        if window is None or (not window[2] and window[0] + limit > window[1]):
            return None
        start, end, _ = window
        page = keys[start:min(start + limit, end)]
        kept = self.memo.get_many("quote", page, version)
        if len(kept) == len(page):  # every one kept: no statement, no snapshot
            return [dict(kept[k]) for k in page]
        cur = self._cursor()
        with snapshot_rows(cur):
            return self._quotes_by_key(cur, page, version)

    def _quote_keys(self) -> tuple[list, list[tuple[str, int]], bool]:
        """(day, key) of the first QUOTE_KEYS_KEPT quotes in the order of quotes(), and whether that is all."""
        day = "coalesce(q.date, a.reference_date, a.published)"
        rows = self._cursor().execute(
            f"SELECT {day}, q.article_id, q.seq FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"ORDER BY {day} DESC NULLS LAST, q.article_id, q.seq LIMIT ?", [QUOTE_KEYS_KEPT + 1]).fetchall()
        whole = len(rows) <= QUOTE_KEYS_KEPT
        rows = rows[:QUOTE_KEYS_KEPT]
        return [r[0] for r in rows], [(r[1], r[2]) for r in rows], whole

    def _quotes_page(self, source: str, params: list, limit: int) -> list[dict]:
        """The first `limit` quotes of `source` (FROM .. WHERE .. ORDER BY): their keys first (DuckDB's top-N
        then sorts keys, not every column of every quote: 3 ms instead of 7-8 on 2,000 quotes), then the quotes
        and their articles not kept since the last commit."""
        version = self.version
        cur = self._cursor()
        with snapshot_rows(cur):
            keys = [tuple(k) for k in cur.execute(f"SELECT q.article_id, q.seq {source} LIMIT ?",
                                                  [*params, limit]).fetchall()]
            page = self._quotes_by_key(cur, keys, version)
        if page is None:
            raise StoreError(f"store {self.path}: a quote listed was not found on the same snapshot")
        return page

    def _quotes_by_key(self, cur, keys: list[tuple], version: int) -> list[dict] | None:
        """The quotes of these keys, in order (copies: fold_fragments adds to a statement), with their articles'
        title, url, date and outlet; read where not kept for `version`. None when one is not stored (any more)."""
        kept = self.memo.get_many("quote", keys, version)
        todo = [k for k in keys if k not in kept]
        ids = sorted({a for a, _ in todo})
        arts = articles_by_id(cur, ids, memo=self.memo, version=version)
        want = set(todo)
        rows = {(r["article_id"], r["seq"]): r
                for r in rows_in(cur, f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes", "article_id", ids)
                if (r["article_id"], r["seq"]) in want}
        if len(rows) < len(want) or any(a not in arts for a, _ in todo):
            return None
        fetched = {}
        for key, row in rows.items():
            a = arts[key[0]]
            d = quote_record(row, a["text"])
            d.update(article_title=a["title"], article_url=a["url"], article_published=iso_text(a["published"]),
                     outlet=a["publisher"] if a["publisher"] is not None else a["outlet"])
            fetched[key] = d
        self.memo.put_many("quote", fetched, version)
        kept.update(fetched)
        return [dict(kept[k]) for k in keys]
