"""The persistent near-duplicate index: LSH band keys and content hashes of every stored first copy.

The index lives next to the store in an SQLite file (`<store>.dedup`): opening it costs the same at a thousand
or a million articles, and a lookup is a few B-tree probes (DuckDB, a column store, pays about a millisecond
per point lookup and loads a whole ART index on first use, which is what made the old rebuild-per-ingest
linear in the store).

The DuckDB store stays the truth. Every stored signature carries a `rank` (its storing order, written in the
same transaction as its article); the index records the highest rank it holds. After the store commits a
batch, `Store` hands the new signatures to the index; when the process dies between the two commits, the next
open replays the signatures ranked above the index's mark. An index file that is missing, damaged, built for
another store file or another band layout (a changed `near_duplicate_threshold`) is rebuilt from the stored
signatures, once. Every answer is checked against the store (an article removed by `watch` replacing a file
is no first copy any more), so a stale entry is harmless.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterable, Sequence

import numpy as np

from ..stages.dedup import band_keys, lsh_params, split_bytes

log = logging.getLogger(__name__)

_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS firsts (rank INTEGER PRIMARY KEY, article_id TEXT NOT NULL, content_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS firsts_hash ON firsts (content_hash, rank);
CREATE INDEX IF NOT EXISTS firsts_article ON firsts (article_id);
CREATE TABLE IF NOT EXISTS buckets (key INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (key, rank))
    WITHOUT ROWID;
"""


def sidecar_path(store_path: str) -> str:
    return ":memory:" if store_path == ":memory:" else store_path + ".dedup"


class StoredDedup:
    """The DedupBackend of a writable Store (see stages/dedup.py); create it with `Store.dedup_backend`.

    store: the open Store (its SQL stays in redline/store). threshold / num_perm: the band layout.
    """

    def __init__(self, store, *, threshold: float, num_perm: int):
        self.store = store
        self.num_perm = num_perm
        self.bands, self.rows = lsh_params(threshold, num_perm)
        self.path = sidecar_path(store.path)
        self.rebuilt = False
        self._db = self._open()
        self._sync()

    # -- opening, rebuilding, catching up ---------------------------------------------------------------

    def _layout(self) -> dict[str, str]:
        return {"version": _VERSION, "store_id": self.store.store_id(), "num_perm": str(self.num_perm),
                "bands": str(self.bands), "rows": str(self.rows)}

    def _open(self) -> sqlite3.Connection:
        try:
            db = self._connect()
            meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            log.warning("dedup index %s is unreadable (%s); rebuilding it from the store", self.path, exc)
            meta = None
            db = None
        wanted = self._layout()
        if meta is not None and all(meta.get(k) == v for k, v in wanted.items()) \
                and int(meta.get("mark", "-1")) <= self.store.max_signature_rank():
            return db
        if db is not None:
            db.close()
        return self._rebuild(wanted)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_SCHEMA)
        return db

    def _rebuild(self, layout: dict[str, str]) -> sqlite3.Connection:
        if self.path != ":memory:":
            for suffix in ("", "-wal", "-shm"):
                try:
                    os.remove(self.path + suffix)
                except FileNotFoundError:
                    pass
        db = self._connect()
        db.execute("BEGIN")
        db.executemany("INSERT INTO meta VALUES (?, ?)", [*layout.items(), ("mark", "0")])
        db.execute("COMMIT")
        self._db = db
        self.rebuilt = True
        n = self._replay(0)
        if n:
            log.info("dedup index %s rebuilt from %d stored signatures", self.path, n)
        return db

    def _mark(self) -> int:
        return int(self._db.execute("SELECT value FROM meta WHERE name = 'mark'").fetchone()[0])

    def _sync(self) -> None:
        """Take in the signatures the store committed after this index was last written (a crash between)."""
        mark = self._mark()
        if self.store.max_signature_rank() > mark:
            n = self._replay(mark)
            log.info("dedup index %s: %d signature(s) stored after its last update added", self.path, n)

    def _replay(self, after: int) -> int:
        n = 0
        batch: list[tuple[int, str, bytes]] = []
        for row in self.store.signatures_after(after):
            batch.append(row)
            if len(batch) >= 5000:
                n += self.added(batch)
                batch = []
        return n + self.added(batch)

    # -- writes ---------------------------------------------------------------------------------------------

    def added(self, rows: Iterable[tuple[int, str, bytes]]) -> int:
        """Index stored first copies: (rank, article id, signature bytes), committed in the store already."""
        firsts, buckets = [], []
        top = 0
        for rank, article_id, data in rows:
            top = max(top, rank)
            try:
                chash, values = split_bytes(bytes(data))
            except ValueError:
                log.warning("article %s: its stored signature is not a dedup signature; not indexed", article_id)
                continue
            firsts.append((rank, article_id, chash))
            if len(values) == self.num_perm:
                buckets.extend((key, rank) for key in band_keys(values, self.bands, self.rows))
        if not top:
            return 0
        db = self._db
        db.execute("BEGIN")
        try:
            db.executemany("INSERT OR IGNORE INTO firsts VALUES (?, ?, ?)", firsts)
            db.executemany("INSERT OR IGNORE INTO buckets VALUES (?, ?)", buckets)
            db.execute("UPDATE meta SET value = ? WHERE name = 'mark' AND CAST(value AS INTEGER) < ?", [str(top), top])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(firsts)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- the DedupBackend protocol ------------------------------------------------------------------------

    def exact(self, content_hash: str) -> str | None:
        for (article_id,) in self._db.execute(
                "SELECT article_id FROM firsts WHERE content_hash = ? ORDER BY rank", [content_hash]).fetchall():
            if self.store.signature(article_id) is not None:
                return article_id
        return None

    def known(self, article_id: str) -> bool:
        hit = self._db.execute("SELECT 1 FROM firsts WHERE article_id = ? LIMIT 1", [article_id]).fetchone()
        return hit is not None and self.store.signature(article_id) is not None

    def candidates(self, keys: Sequence[int]) -> list[tuple[int, str, np.ndarray]]:
        marks = ", ".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT DISTINCT f.rank, f.article_id FROM buckets b JOIN firsts f ON f.rank = b.rank "
            f"WHERE b.key IN ({marks}) ORDER BY f.rank", list(keys)).fetchall()
        out = []
        for rank, article_id in rows:
            data = self.store.signature(article_id)
            if data is None:
                continue
            try:
                out.append((rank, article_id, split_bytes(data)[1]))
            except ValueError:
                continue
        return out
