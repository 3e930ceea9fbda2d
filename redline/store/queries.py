"""Read side of the store (events, articles, actors, quotes, runs) and the events aggregation.

Every query is parameterised; filter values never reach the SQL text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

from . import ahead, aggregates, article_parts, dyad_page, page_mentions, reviews
from .bulk import insert_rows  # noqa: F401 - re-exported for the writers
from .event_merge import refresh_events  # noqa: F401 - re-exported for the writers
from .filters import (FACTUALITIES, EventFilters, clamp_limit, event_filters,  # noqa: F401 - FACTUALITIES re-exported
                      event_types, paginate)
from .mention_reads import (MENTION_SELECT, articles_by_id, copies_of, iso_text, mentions_by_n, dict_rows, snapshot_rows)
from .owner import hostname, process_alive
from .rows import MENTION_COLUMNS, QUOTE_COLUMNS, mention_record, quote_record, unpack_text

__all__ = ["FACTUALITIES", "Queries", "event_filters", "event_types", "insert_rows", "paginate", "refresh_events"]
_NEWEST_FIRST = "{t}.date DESC NULLS LAST, {t}.id"
COPIED_KEPT = 50_000  # first copies whose ids are kept per version (an article or event without one asks nothing)
_EVENT_COLS = "e.id, e.date, e.num_mentions, e.num_sources, e.num_articles, e.avg_tone, e.is_root, e.added, " \
              "e.rep_article, e.rep_seq, e.rep_n"


def _event_record(row: tuple, mention: dict) -> dict:
    """The representative mention's PLOVER dict, carrying the event id and GDELT's counts."""
    d = dict(mention)
    d["id"] = row[0]
    d["num_mentions"], d["num_sources"], d["num_articles"] = row[2], row[3], row[4]
    return d


class Queries:
    """Read methods of Store (mixed in; `self._cursor()` gives a fresh cursor on the store)."""

    _article_parts = True  # read an article's rows from article_parts when it has them (False: from the tables)
    _page_mentions: bool | None = None  # whether the store keeps page_mentions (None: not asked yet)

    def _packed_mentions(self) -> bool:
        """Whether a page reads its mentions from page_mentions (store/page_mentions.py): the store has the table
        (asked once per Store; a store is opened at this code's schema, so it has it unless a tool dropped it)."""
        if self._page_mentions is None:
            self._page_mentions = page_mentions.present(self._cursor())
        return self._page_mentions

    def events(self, *, actor=None, recipient=None, event=None, since=None, until=None, factuality="asserted",
               article_id=None, limit=100, offset=0, min_confidence=None, include_rejected=False,
               reviewed_only=False) -> list[dict]:
        """Events (one per real-world event) as PLOVER dicts plus num_mentions/num_sources/num_articles.

        actor / recipient: a country or IGO code any member must carry. factuality=None returns every one.
        min_confidence: only events one of whose mentions was coded at least this confident. Newest first.
        A reviewed event carries the reviewed values, `reviewed`, `review` and the machine's values under
        `machine`; include_rejected / reviewed_only: see event_filters.
        """
        return self._events(EventFilters(actor, recipient, event, since, until, factuality, article_id,
                                          min_confidence, include_rejected, reviewed_only), limit, offset,
                            total=False)[0]

    def events_page(self, *, actor=None, recipient=None, event=None, since=None, until=None, factuality="asserted",
                    article_id=None, limit=100, offset=0, min_confidence=None, include_rejected=False,
                    reviewed_only=False) -> tuple[list[dict], int]:
        """events() and count_events() of the same filters at once, on one snapshot (what a page of the API
        shows): three statements (the first day and the count, the page, its mentions; a dyad in a window with an
        end: four, the page's ids then its rows, store/dyad_page.py) and one more for their articles unless every
        mention carries its own text, besides the snapshot's BEGIN and ROLLBACK."""
        return self._events(EventFilters(actor, recipient, event, since, until, factuality, article_id,
                                          min_confidence, include_rejected, reviewed_only), limit, offset,
                            total=True)

    def newest_events(self, *, limit: int, actor=None, recipient=None, event=None, factuality="asserted",
                      article_id=None, min_confidence=None, include_rejected=False,
                      reviewed_only=False) -> tuple[list[dict], list[dt.date | None], int]:
        """events_page(limit=limit) of these filters (no date window), the date that orders each event, and how
        many match: a listing whose later pages and date windows can be cut from it (redline/web/listing.py)."""
        dates: list = []
        records, total = self._events(EventFilters(actor, recipient, event, None, None, factuality, article_id,
                                                    min_confidence, include_rejected, reviewed_only), limit, 0,
                                      total=True, dates=dates)
        return records, dates, int(total or 0)

    def _events(self, f: EventFilters, limit, offset, *, total: bool,
                dates: list | None = None) -> tuple[list[dict], int | None]:
        """A page of events and, with `total`, how many match: the page's cutoff day and the count come from
        one statement (one scan of the aggregates' rows of the filters), then the page, then its mentions (and
        their articles)."""
        where, params = event_filters(**f.kwargs())
        limit, offset = clamp_limit(limit, "limit"), clamp_limit(offset, "offset") or 0
        cutoff = limit is not None and f.default_scope() and offset + limit >= 1
        version = self.version  # before reading: what is kept for it was read before any later commit
        cur = self._cursor()
        count = None
        with snapshot_rows(cur):
            if cutoff:  # the aggregates hold the default scope: they name the page's first day and the count
                sql, p = aggregates.newest_days_sql(offset + limit, **f.aggregate_kwargs())
                undated = total and not (f.since or f.until)
                if undated:  # the count of the undated events in the same statement
                    undated_sql, undated_params = self._undated_sql(f, where, params)
                    sql, p = f"SELECT *, ({undated_sql}) FROM ({sql})", undated_params + p
                head = cur.execute(sql, p).fetchall()
                first_day, count = aggregates.newest_day(head, offset + limit)
                if undated and head:
                    count += int(head[0][3])
            elif total:
                sql, p = self._count_sql(f, where, params)
                count = int(cur.execute(sql, p).fetchone()[0])
            if cutoff and first_day is not None and dyad_page.applies(**f.aggregate_kwargs()):
                # a dyad's window: the newest ids from dyad_events, then those events by key (store/dyad_page.py)
                rows = dyad_page.rows(cur, f"{_EVENT_COLS}, e.review_data", where, params, first_day, limit, offset,
                                      f.aggregate_kwargs())
            elif cutoff and first_day is not None:
                # the recent articles' row groups and the copies of the events dated ahead (store/ahead.py)
                sql, p = ahead.page_sql(f"{_EVENT_COLS}, e.review_data", where, params, first_day, limit, offset)
                rows = cur.execute(sql, p).fetchall()
            else:
                page = f"SELECT {_EVENT_COLS}, e.review_data FROM events e{where} ORDER BY {_NEWEST_FIRST.format(t='e')}"
                page_params = list(params)
                if limit is not None:
                    page += " LIMIT ?"
                    page_params.append(limit)
                page += " OFFSET ?"
                page_params.append(offset)
                rows = cur.execute(page, page_params).fetchall()
            # (a row read from the copies of the events dated ahead carries `ahead`: its mention is copied too)
            # (each row names its representative mention's event, article and seq: not read again there)
            mentions = mentions_by_n(cur, [r[10] for r in rows], ahead={r[10] for r in rows if len(r) > 12 and r[12]},
                                      memo=self.memo, version=version, known={r[10]: (r[0], r[8], r[9]) for r in rows},
                                      packed=self._packed_mentions())
        records = self._with_reviews([_event_record(r, mentions[r[10]][1]) for r in rows], [r[11] for r in rows])
        if dates is not None:  # the caller's list gets each event's date (what orders and windows the events)
            dates.extend(r[1] for r in rows)
        return records, (count if total else None)

    @staticmethod
    def _undated_sql(f: EventFilters, where: str, params: list) -> tuple[str, list]:
        """A statement (and parameters) counting the undated events of these filters (`where` over alias e, its
        parameters `params`). In the aggregates' scope: those with an article day from the aggregates (they count
        them on that day, precision `unknown`), plus those without one counted over the events (row groups
        without an undated event of a dateless article are skipped: a count over every undated event read every
        row group, 30 ms CPU for one actor at 3 M events); else every one over the events."""
        if not f.default_scope():
            return f"SELECT count(*) FROM events e{where}{' AND' if where else ' WHERE'} e.date IS NULL", list(params)
        sql, p = aggregates.undated_count_sql(**f.aggregate_kwargs())
        return (f"SELECT ({sql}) + (SELECT count(*) FROM events e{where}{' AND' if where else ' WHERE'} "
                "e.date IS NULL AND e.article_day IS NULL)", p + list(params))

    @staticmethod
    def _count_sql(f: EventFilters, where: str, params: list) -> tuple[str, list]:
        """A statement (and parameters) counting the events of these filters: dated events from the aggregates
        (one scope row set, not a scan of every event; rejected events are not in them), undated ones as
        _undated_sql counts them; other scopes counted over events."""
        if not f.default_scope():
            return f"SELECT count(*) FROM events e{where}", list(params)
        sql, p = aggregates.count_sql(**f.aggregate_kwargs())
        if f.since or f.until:
            return sql, p
        undated_sql, undated_params = Queries._undated_sql(f, where, params)
        return f"SELECT ({sql}) + ({undated_sql})", p + undated_params

    def count_events(self, *, actor=None, recipient=None, event=None, since=None, until=None,
                     factuality="asserted", article_id=None, min_confidence=None, include_rejected=False,
                     reviewed_only=False) -> int:
        """How many events match the same filters as events()."""
        f = EventFilters(actor, recipient, event, since, until, factuality, article_id, min_confidence,
                          include_rejected, reviewed_only)
        where, params = event_filters(**f.kwargs())
        sql, params = self._count_sql(f, where, params)
        return int(self._cursor().execute(sql, params).fetchone()[0])

    def iter_event_rows(self, *, actor=None, recipient=None, event=None, since=None, until=None,
                        factuality="asserted", article_id=None, batch_size=1000, min_confidence=None,
                        newest_first=False, limit=None, offset=0, include_rejected=False,
                        reviewed_only=False) -> Iterator[dict]:
        """Stream every matching event for exports: the events() dict plus export-only keys.

        Extra keys: mention_id, avg_tone, is_root, added (datetime), article_title, article_url,
        article_source, article_published (of the representative mention's article). Oldest first, unless
        newest_first (the order of events()); limit/offset page through them as events() does.
        """
        where, params = event_filters(actor=actor, recipient=recipient, event=event, since=since, until=until,
                                      factuality=factuality, article_id=article_id, min_confidence=min_confidence,
                                      include_rejected=include_rejected, reviewed_only=reviewed_only)
        order = _NEWEST_FIRST.format(t="e") if newest_first else "e.date NULLS LAST, e.id"
        page = ""
        limit, offset = clamp_limit(limit, "limit"), clamp_limit(offset, "offset") or 0
        if limit is not None:
            page += " LIMIT ?"
            params.append(limit)
        if offset:
            page += " OFFSET ?"
            params.append(offset)
        cur = self._cursor()
        cur.execute(f"""
            SELECT {_EVENT_COLS}, a.title, a.url, a.source, a.published, e.review_data, a.body AS article_body,
                   {MENTION_SELECT}
            FROM events e
            JOIN event_mentions m ON m.n = e.rep_n
            JOIN articles a ON a.id = e.rep_article{where}
            ORDER BY {order}{page}""", params)
        cols = [c[0] for c in cur.description]
        first = len(cols) - len(MENTION_COLUMNS) - 1
        bodies: dict[bytes, str] = {}
        while True:
            batch = cur.fetchmany(batch_size)
            if not batch:
                return
            out = []
            for r in batch:
                m = dict(zip(cols[first:], r[first:], strict=True))
                packed = bytes(r[first - 1])
                if packed not in bodies:
                    if len(bodies) > 256:
                        bodies.clear()
                    bodies[packed] = unpack_text(packed)
                d = _event_record(r, mention_record(m, bodies[packed]))
                d.update(mention_id=m["id"], avg_tone=r[5], is_root=bool(r[6]), added=r[7], article_title=r[11],
                         article_url=r[12], article_source=r[13], article_published=r[14])
                out.append(d)
            yield from self._with_reviews(out, [r[15] for r in batch])

    @staticmethod
    def _with_reviews(records: list[dict], review_data: list[str | None]) -> list[dict]:
        """Lay each reviewed record's review (events.review_data) over it, machine values alongside."""
        return [reviews.overlay_record(d, reviews.review_from_json(r) if r else None)
                for d, r in zip(records, review_data, strict=True)]

    def event(self, event_id: str) -> dict | None:
        """One event with every mention's evidence and its article's title/url/published, plus article copies."""
        version = self.version
        cur = self._cursor()
        with snapshot_rows(cur):  # five statements: the event, its mentions, their articles, copies, its review
            row = cur.execute(f"SELECT {_EVENT_COLS}, e.review FROM events e WHERE e.id = ?", [event_id]).fetchone()
            if row is None:
                return None
            mentions = dict_rows(cur.execute(f"SELECT {MENTION_SELECT} FROM event_mentions m WHERE m.event_id = ?",
                                         [event_id]))
            arts = articles_by_id(cur, sorted({m["article_id"] for m in mentions}), memo=self.memo,
                                   version=version)
            copies = self._copies_of(cur, sorted(arts), version)
            # events.review names the verdict of the event's latest review (NULL: none): the reviews table is read
            # only for a reviewed event
            review = self.event_reviews([event_id]).get(event_id) if row[11] is not None else None
        by_n = {m["n"]: (m, mention_record(m, arts[m["article_id"]]["text"] if m["article_id"] in arts else None))
                for m in mentions}

        def order(item):
            a = arts[item[0]["article_id"]]
            return a["published"] is None, a["published"] or dt.date.min, a["id"], item[0]["seq"]

        d = _event_record(row, by_n[row[10]][1])
        d["mentions"] = []
        for m_row, plover in sorted(by_n.values(), key=order):
            a = arts[m_row["article_id"]]
            m = dict(plover)
            m["article"] = {"id": a["id"], "title": a["title"], "url": a["url"], "published": iso_text(a["published"]),
                            "publisher": a["publisher"]}
            d["mentions"].append(m)
        d["copies"] = copies
        return reviews.overlay_record(d, review)

    def _copies_of(self, cur, article_ids: list[str], version: int) -> list[dict]:
        """copies_of(cur, article_ids), without a statement when none of them has a copy (of those kept per version:
        the first copies of a store with up to COPIED_KEPT of them)."""
        copied = self.memo.get("copied", (), version, self._copied)
        if copied is not None and not any(a in copied for a in article_ids):
            return []
        return copies_of(cur, article_ids)

    def _copied(self) -> frozenset[str] | None:
        """The articles that have a copy, or None when more than COPIED_KEPT have one."""
        rows = self._cursor().execute("SELECT DISTINCT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL "
                                      "LIMIT ?", [COPIED_KEPT + 1]).fetchall()
        return frozenset(r[0] for r in rows) if len(rows) <= COPIED_KEPT else None

    def article(self, article_id: str) -> dict | None:
        """One article with its removed boilerplate, places, quotes, event mentions and copies."""
        version = self.version
        cur = self._cursor()
        with snapshot_rows(cur):  # on one snapshot: the article, its parts (else places, quotes, mentions), copies
            cur.execute("""
                SELECT id, title, published, reference_date, reference_reason, source, url, publisher, wires, removed,
                       notes, language, body AS text, tone, sentence_count, stages, skipped, duplicate_of, dup_kind,
                       run_id, first_n, last_n
                FROM articles WHERE id = ?""", [article_id])
            cols = [c[0] for c in cur.description]
            row = cur.fetchone()
            if row is None:
                return None
            d = dict(zip(cols, row, strict=True))
            first_n, last_n = d.pop("first_n"), d.pop("last_n")
            # one row of lists (store/article_parts.py), else the three tables
            parts = article_parts.read(cur, article_id) if self._article_parts else None
            if parts is not None:
                mentions, quotes, places = parts
            else:
                places = dict_rows(cur.execute(f"""
                    SELECT {', '.join(f'{article_parts.PLACE_COLUMNS.get(f, f)} AS "{f}"'
                                      for f in article_parts.PLACE_FIELDS)}
                    FROM places WHERE article_id = ? ORDER BY seq""", [article_id]))
                quotes = dict_rows(cur.execute(f"SELECT {', '.join(QUOTE_COLUMNS)} FROM quotes WHERE article_id = ? "
                                           "ORDER BY seq", [article_id]))
                # its mentions are the serials first_n..last_n (no scan)
                mentions = dict_rows(cur.execute(
                    f"SELECT {MENTION_SELECT} FROM event_mentions m WHERE m.n BETWEEN ? AND ? AND m.article_id = ? "
                    "ORDER BY m.seq", [first_n, last_n, article_id])) if first_n is not None else []
            copies = self._copies_of(cur, [article_id], version)
        d["text"] = unpack_text(d["text"])
        d["published"], d["reference_date"] = iso_text(d["published"]), iso_text(d["reference_date"])
        d["removed"] = json.loads(d["removed"]) if d["removed"] else []
        d["places"] = places
        d["quotes"] = [quote_record(q, d["text"]) for q in quotes]
        d["events"] = [{**mention_record(m, d["text"]), "event_id": m["event_id"]} for m in mentions]
        d["copies"] = copies
        return d

    def actors(self, limit: int | None = 100) -> list[dict]:
        """Actor and recipient codes with how many events and mentions carry them, most frequent first."""
        limit = clamp_limit(limit, "limit")
        sql = """
            WITH a AS (SELECT * FROM actors WHERE code IS NOT NULL AND role IN ('actor', 'recipient')),
            names AS (SELECT code, coalesce(identifier_text, entity_text) AS name, count(*) AS n
                      FROM a GROUP BY ALL),
            top AS (SELECT code, list(name ORDER BY n DESC, name)[1:5] AS names FROM names GROUP BY code)
            SELECT a.code, count(DISTINCT a.event_id) AS events, count(*) AS mentions,
                   count(*) FILTER (WHERE a.role = 'actor') AS as_actor,
                   count(*) FILTER (WHERE a.role = 'recipient') AS as_recipient,
                   coalesce(list_sort(list(DISTINCT a.sector) FILTER (WHERE a.sector IS NOT NULL)), []) AS sectors,
                   any_value(top.names) AS names
            FROM a JOIN top USING (code) GROUP BY a.code ORDER BY events DESC, mentions DESC, a.code"""
        params: list = []
        return self._limited(sql, params, limit)

    def has_reviewed_events(self) -> bool:
        """Whether any event carries an analyst's review (kept per version: a review is a commit)."""
        return self.memo.get("reviewed", (), self.version, lambda: self._cursor().execute(
            "SELECT 1 FROM events WHERE review IS NOT NULL LIMIT 1").fetchone() is not None)

    def has_actor_code(self, code: str) -> bool:
        """Whether any stored event has this actor or recipient code, the machine's or one an analyst's correction
        gave it (reviews are few: a scan of them is cheap)."""
        return self.memo.get("has_code", code, self.version, lambda: self._has_actor_code(code))

    def _has_actor_code(self, code: str) -> bool:
        cur = self._cursor()
        # the aggregates' name table (a primary-key lookup) holds every code of a counted event; a code that is
        # not there may still be on an undated event without an article date: those are scanned for
        if cur.execute("SELECT 1 FROM agg_names WHERE kind = 'code' AND name = ?", [code]).fetchone():
            return True
        row = cur.execute("SELECT 1 FROM events WHERE list_contains(actor_codes, ?) OR list_contains(recipient_codes, ?) "
                          "LIMIT 1", [code, code]).fetchone()
        if row is None:
            row = cur.execute("SELECT 1 FROM reviews WHERE event_id IS NOT NULL AND (list_contains(actor_codes, ?) "
                              "OR list_contains(recipient_codes, ?)) LIMIT 1", [code, code]).fetchone()
        return row is not None

    def runs(self, limit: int | None = 20) -> list[dict]:
        """Ingest runs, newest first, with counts and how many inputs failed.

        A run still marked running whose process is gone from this host is reported as interrupted.
        """
        limit = clamp_limit(limit, "limit")
        sql = """SELECT r.id, r.command, r.inputs, r.started, r.finished, r.status, r.counts, r.pid, r.host,
                        (SELECT count(*) FROM failures f WHERE f.run_id = r.id) AS failures
                 FROM runs r ORDER BY r.started DESC, r.id DESC"""
        params: list = []
        out = []
        for d in self._limited(sql, params, limit):
            d["counts"] = json.loads(d["counts"]) if d["counts"] else {}
            if d["status"] == "running" and d["host"] == hostname() and not process_alive(d["pid"]):
                d["status"] = "interrupted"
            out.append(d)
        return out

    def failures(self, run_id: str | None = None, *, limit: int | None = None) -> list[dict]:
        """Recorded failures (run_id, input, stage, reason), of one run or of all, oldest first."""
        limit = clamp_limit(limit, "limit")
        sql = "SELECT run_id, input, stage, reason, recorded FROM failures"
        params: list = []
        if run_id:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        sql += " ORDER BY recorded, run_id, seq"
        return self._limited(sql, params, limit)

    def _limited(self, sql: str, params: list, limit: int | None) -> list[dict]:
        """Run `sql` with an optional LIMIT and return dict rows."""
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, limit]
        return self.sql(sql, params)

    def sql(self, query: str, params: list | None = None) -> list[dict]:
        """Run a parameterised read query and return dict rows. For redline/store/analytics.py only."""
        cur = self._cursor().execute(query, params or [])
        cols = [c[0] for c in cur.description] if cur.description else []
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
