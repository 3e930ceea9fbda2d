"""Which input file each article was read from, and each file's size and time when it was read.

`watch` uses this to take a file once and to replace what a file held when the file changes: the articles
read only from its earlier version are removed (with their mentions, actors, places, quotes and signatures),
the events they counted in are recomputed, and the new version is ingested. Mixed into Store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import article_parts, page_mentions, queries
from .queries import insert_rows
from .rows import now

_LINK_UPSERT = " ON CONFLICT DO NOTHING"
_FILE_UPSERT = (" ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
                "run_id = excluded.run_id, recorded = excluded.recorded")
_PER_ARTICLE = ("event_mentions", "places", "quotes", article_parts.TABLE)  # actors is a view of the mentions


@dataclass(frozen=True, slots=True)
class Removal:
    """What replacing a file's earlier version removed.

    articles: ids removed; copies: ids of duplicates of removed articles, removed too; reread: the other files
    those duplicates came from (to be read again, so the copies are coded or linked anew).
    """

    articles: tuple[str, ...] = ()
    copies: tuple[str, ...] = ()
    reread: tuple[str, ...] = ()


class InputFiles:
    """Store methods for input files (mixed in; uses `self._write()` and `self._cursor()`)."""

    def file_state(self, path: str) -> tuple[int, int] | None:
        """(size, mtime in ns) of `path` when it was last ingested, None when it never was."""
        row = self._cursor().execute("SELECT size, mtime_ns FROM files WHERE path = ?", [path]).fetchone()
        return (row[0], row[1]) if row else None

    def record_file(self, path: str, size: int, mtime_ns: int, *, run_id: str | None = None) -> None:
        """Remember that `path` was ingested at this size and modification time."""
        with self._write() as con:
            insert_rows(con, "files", [(path, size, mtime_ns, run_id, now())], upsert=_FILE_UPSERT)

    def link_files(self, links: Iterable[tuple[str, str]]) -> None:
        """Record (file path, article id) pairs: the article was read from that file."""
        rows = sorted(set(links))
        if rows:
            with self._write() as con:
                insert_rows(con, "article_files", rows, upsert=_LINK_UPSERT)

    def file_articles(self, path: str) -> set[str]:
        """Ids of the articles read from `path` (in any of its versions so far)."""
        return {r[0] for r in self._cursor().execute(
            "SELECT article_id FROM article_files WHERE path = ?", [path]).fetchall()}

    def replace_file(self, path: str, keep: set[str]) -> Removal:
        """Forget what `path` held except the articles in `keep` (those its new version still holds).

        An article also read from another file only loses its link to `path`; one read only from `path` is
        removed, and with it its duplicates (whose files are returned, to be read again). One transaction.
        """
        with self._write() as con:
            linked = {r[0] for r in con.execute("SELECT article_id FROM article_files WHERE path = ?",
                                                [path]).fetchall()}
            stale = sorted(linked - keep)
            if not stale:
                return Removal()
            con.execute("DELETE FROM article_files WHERE path = ? AND article_id IN (SELECT unnest(?::VARCHAR[]))",
                        [path, stale])
            elsewhere = {r[0] for r in con.execute(
                "SELECT DISTINCT article_id FROM article_files WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [stale]).fetchall()}
            gone = [a for a in stale if a not in elsewhere]
            if not gone:
                return Removal()
            copies = sorted({r[0] for r in con.execute(
                "SELECT id FROM articles WHERE duplicate_of IN (SELECT unnest(?::VARCHAR[]))", [gone]).fetchall()}
                - set(gone))
            reread = sorted({r[0] for r in con.execute(
                "SELECT DISTINCT path FROM article_files WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [copies]).fetchall()} - {path}) if copies else []
            _delete_articles(con, gone + copies)
        return Removal(tuple(gone), tuple(copies), tuple(reread))


def _delete_articles(con, ids: list[str]) -> None:
    """Delete articles with everything stored for them, then recompute the events they counted in."""
    affected = {r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids]).fetchall()}
    firsts = [r[0] for r in con.execute(  # a removed copy counted in its first copy's events
        "SELECT DISTINCT duplicate_of FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
        "AND duplicate_of IS NOT NULL", [ids]).fetchall()]
    if firsts:
        affected |= {r[0] for r in con.execute(
            "SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [firsts]).fetchall()}
    page_mentions.remove(con, ids)  # by their mentions' serials: before the mentions go
    for table in _PER_ARTICLE:
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute("DELETE FROM signatures WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute("DELETE FROM article_files WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    queries.refresh_events(con, dict.fromkeys(sorted(affected), ""))
