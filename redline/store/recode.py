"""Re-coding stored articles: read them back as Articles and replace their coding in place.

`redline recode` (redline/recode.py) codes stored articles again, e.g. with a newer coder or with the actor
file `redline reviews suggest` wrote. The article row stays (its text, id, copies and signature do not
change); its mentions, places and quotes are replaced (new mention serials; `actors` is a view of the
mentions) and the events they counted in are recomputed in the same transaction, which also moves the
aggregates and the reviews to the events their anchors belong to now (reviews.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..errors import StoreError
from . import article_parts, page_mentions
from .bulk import insert_rows
from .event_merge import refresh_events
from .rows import ARTICLE_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, document_rows, unpack_text

if TYPE_CHECKING:  # a store query (redline events) need not build the record classes
    from ..records import Article, Document

_PER_ARTICLE = ("event_mentions", "places", "quotes", article_parts.TABLE)
_UPDATED = ("reference_date", "reference_reason", "tone", "sentence_count", "stages", "skipped", "run_id")


class Recoding:
    """Store methods for re-coding (mixed into Store; uses `self._write()`, `self._cursor()`)."""

    def stored_articles(self, article_ids: list[str] | None = None) -> Iterator[Article]:
        """The stored coded articles (first copies, not duplicates) as Articles, in the order they were stored.

        article_ids: only these (a StoreError names the first one not stored or stored as a duplicate).
        """
        from ..records import Article, Removal

        sql = """SELECT id, body, title, published, source, url, publisher, wires, removed, language, notes,
                        duplicate_of FROM articles"""
        params: list = []
        if article_ids is not None:
            sql += " WHERE id IN (SELECT unnest(?::VARCHAR[]))"
            params.append(list(article_ids))
        cur = self._cursor().execute(sql + " ORDER BY added, id", params)
        rows = cur.fetchall()
        if article_ids is not None:
            found = {r[0]: r[11] for r in rows}
            for aid in article_ids:
                if aid not in found:
                    raise StoreError(f"store {self.path}: no article {aid!r}")
                if found[aid] is not None:
                    raise StoreError(f"store {self.path}: article {aid!r} is a copy of {found[aid]} and is not "
                                     "coded on its own; re-code its first copy")
        for (aid, body, title, published, source, url, publisher, wires, removed, language, notes,
             duplicate_of) in rows:
            if duplicate_of is not None:
                continue
            yield Article(id=aid, text=unpack_text(body) or "", title=title, published=published, source=source,
                          url=url, publisher=publisher, wires=tuple(wires or ()),
                          removed=tuple(Removal(r["line"], r["text"], r["reason"]) for r in json.loads(removed or "[]")),
                          language=language, notes=tuple(notes or ()))

    def replace_documents(self, docs: list[Document], *, run_id: str) -> int:
        """Replace the coding of stored articles with these Documents (one transaction, all or none).

        Each Document's article must be stored, as a first copy, with the same text. Returns the number of
        event mentions written.
        """
        if not docs:
            return 0
        rows = [document_rows(d, run_id=run_id) for d in docs]
        ids = [d.article.id for d in docs]
        with self._write() as con:
            stored = {r[0]: (unpack_text(r[1]), r[2]) for r in con.execute(
                "SELECT id, body, duplicate_of FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [ids]).fetchall()}
            for d in docs:
                aid = d.article.id
                if aid not in stored:
                    raise StoreError(f"store {self.path}: article {aid!r} is not stored; ingest it first")
                if stored[aid][1] is not None:
                    raise StoreError(f"store {self.path}: article {aid!r} is a copy and is not coded on its own")
                if stored[aid][0] != d.article.text:
                    raise StoreError(f"store {self.path}: article {aid!r}: the text differs from the stored one "
                                     "(a changed article has a new id; ingest it)")
            before = [r[0] for r in con.execute(
                "SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [ids]).fetchall()]
            page_mentions.remove(con, ids)  # by their mentions' serials: before the mentions go
            for table in _PER_ARTICLE:
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            total = sum(len(r.mentions) for r in rows)
            serials = iter([s[0] for s in con.execute(
                "SELECT nextval('mention_serial') FROM range(?) ORDER BY 1", [total]).fetchall()] if total else [])
            mentions = []
            for r in rows:
                a = dict(zip(ARTICLE_COLUMNS, r.article, strict=True))
                ns = [next(serials) for _ in r.mentions]
                mentions += [(n, *m) for n, m in zip(ns, r.mentions, strict=True)]
                con.execute(f"UPDATE articles SET {', '.join(f'{c} = ?' for c in _UPDATED)}, first_n = ?, last_n = ? "
                            "WHERE id = ?", [a[c] for c in _UPDATED] + [ns[0] if ns else None,
                                                                         ns[-1] if ns else None, a["id"]])
            insert_rows(con, "event_mentions", mentions, columns=("n", *MENTION_COLUMNS))
            page_mentions.add_serials(con, [m[0] for m in mentions])
            insert_rows(con, "places", [x for r in rows for x in r.places])
            insert_rows(con, "quotes", [x for r in rows for x in r.quotes], columns=QUOTE_COLUMNS)
            insert_rows(con, article_parts.TABLE, [article_parts.rows(r.article[0], r.mentions, r.quotes, r.places)
                                                   for r in rows], nested=True)
            keys = dict.fromkeys(before, "")
            for r in rows:
                keys.update(r.event_keys)
            refresh_events(con, keys)
        return total
