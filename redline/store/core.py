"""The Store: an embedded DuckDB file holding articles, event mentions, events, actors, places, quotes and runs.

Writes are transactions keyed by the article id (a content hash): one article's whole Document is written
at once or not at all, and writing it again adds nothing. DuckDB lets one process write a file at a time;
a second writer gets a StoreError naming the process that holds the lock.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import StoreError, StoreWriteError
from . import article_parts, page_mentions, queries
from .bulk import insert_rows
from .inputs import InputFiles
from .memo import Memo
from .quote_reads import QuoteQueries
from .engine import duckdb
from .owner import hostname, served_by
from .recode import Recoding
from .reviews import Reviews
from .rows import MENTION_COLUMNS, QUOTE_COLUMNS, DocumentRows, article_row, document_rows, now
from .schema import apply_migrations

if TYPE_CHECKING:
    from ..records import Article, Document, Failure

log = logging.getLogger(__name__)

RUN_STATUSES = ("running", "ok", "partial", "error", "interrupted")
_DUMP_SKIP = {"run_id", "added", "rank", "n", "rep_n", "first_n", "last_n"}  # columns that differ between two runs producing the same data


class Store(queries.Queries, QuoteQueries, InputFiles, Reviews, Recoding):
    """The embedded store. Use as a context manager or call close().

    path: the DuckDB file (created with its directory when missing, unless read_only).
    read_only: open without taking the writer lock; fails when the file does not exist.

    Threads may read while one of them writes: every read takes its own cursor and sees the last committed
    state; writes go through one writer cursor, one transaction at a time. `version` counts the write
    transactions this object committed (the HTTP API keys its answer cache on it).
    """

    def __init__(self, path: str | os.PathLike = "redline.duckdb", *, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._dedup = None
        self._failure_seq: dict[str, int] = {}
        self.version = 0
        self.memo = Memo()  # parts of answers kept until the next commit (memo.py)
        p = Path(self.path)
        if read_only and not p.exists():
            raise StoreError(f"store {self.path}: no such file; create it with `redline ingest FILE --db {self.path}`")
        if not read_only and p.parent and not p.parent.exists():
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"store {self.path}: cannot create its directory: {exc.strerror or exc}") from exc
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                owner = served_by(self.path)
                if owner is not None:
                    raise StoreError(f"store {self.path} is served by `redline serve` (pid {owner.pid}), which owns "
                                     f"it: query it at {owner.url}/ (ingest and watch hand their work to the server "
                                     "by themselves), or stop the server") from exc
                holder = msg.split("Conflicting lock is held in", 1)[-1].split(". See also")[0].strip()
                raise StoreError(f"store {self.path} is locked by another process ({holder}); DuckDB allows one "
                                 "writer at a time: wait for it to finish or use another --db") from exc
            raise StoreError(f"store {self.path}: cannot open: {msg}") from exc
        except duckdb.Error as exc:
            raise StoreError(f"store {self.path}: cannot open: {exc}") from exc
        try:
            self.schema_version = apply_migrations(self._con, read_only=read_only, path=self.path)
            self._writer = None if read_only else self._con.cursor()
        except duckdb.Error as exc:
            self._con.close()
            raise StoreError(f"store {self.path}: not a redline store or damaged: {exc}") from exc
        except StoreError:
            self._con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._dedup is not None:
                self._dedup.close()
                self._dedup = None
            if self._con is not None:
                try:
                    if self._writer is not None:
                        self._writer.close()
                    self._con.close()  # checkpoints: on a full disk the data stays in the WAL, replayed next open
                except duckdb.Error as exc:
                    log.warning("store %s: closing it failed (%s); what was committed is in its write-ahead log "
                                "and is read back on the next open", self.path, _first_line(exc))
                self._con = self._writer = None

    def __repr__(self) -> str:
        return f"Store({self.path!r}, read_only={self.read_only})"

    @property
    def con(self):
        """A fresh DuckDB cursor on this store, for redline/store/analytics.py (the only other SQL module)."""
        return self._cursor()

    def _cursor(self):
        con = self._con
        if con is None:
            raise StoreError(f"store {self.path} is closed")
        try:
            return _Guarded(con.cursor(), self)
        except duckdb.Error as exc:
            raise self.error(exc, "read") from exc

    def error(self, exc: Exception, doing: str) -> StoreError:
        """A DuckDB error -> a StoreError that names the store and says what to do.

        StoreWriteError when nothing more can be written (disk full, file too large, no permission, the database
        invalidated by an earlier failure); a damaged file says so.
        """
        text = _first_line(exc)
        low = str(exc).lower()
        if "corrupt" in low or "checksum" in low or "not a valid duckdb" in low:
            return StoreWriteError(f"store {self.path} is damaged ({text}); restore it from a backup, or ingest the "
                                   "inputs again into a new --db")
        if isinstance(exc, duckdb.IOException | duckdb.FatalException) or any(
                m in low for m in ("could not write", "no space left", "file too large", "invalidated",
                                   "permission denied", "read-only file system", "disk quota")):
            return StoreWriteError(f"store {self.path}: cannot {doing} ({text}); what was stored before is kept: "
                                   "free disk space (or fix the file's permissions) and run the command again")
        return StoreError(f"store {self.path}: {doing} failed: {text}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[Any]:
        """One write transaction on the writer cursor; DuckDB errors (also on commit) become StoreError."""
        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only")
        with self._lock:
            con = self._writer
            if con is None:
                raise StoreError(f"store {self.path} is closed")
            try:
                con.execute("BEGIN TRANSACTION")
            except duckdb.Error as exc:
                raise self.error(exc, "write") from exc
            try:
                yield con
                con.execute("COMMIT")
            except BaseException as exc:
                try:
                    con.execute("ROLLBACK")
                except duckdb.Error:  # nothing to roll back (the commit itself failed) or the database is gone
                    pass
                if isinstance(exc, duckdb.Error):
                    raise self.error(exc, "write") from exc
                raise
            self.version += 1

    def checkpoint(self, *, over: int = 0) -> None:
        """Write the write-ahead log into the store file (DuckDB's CHECKPOINT).

        over: only when the log holds more than this many bytes. An ingest into a store that stays open
        (watch, serve) checkpoints over WAL_CHECKPOINT_BYTES only: at ten million events a checkpoint cost a
        third of a 15-minute cycle's overhead, and closing the store (or DuckDB's own automatic checkpoint)
        writes the log into the file anyway.
        """
        with self._lock:
            if self._con is None or self.read_only:
                return
            if over and _wal_bytes(self.path) <= over:
                return
            try:
                self._con.execute("CHECKPOINT")
            except duckdb.Error as exc:
                raise StoreError(f"store {self.path}: checkpoint failed: {exc}") from exc

    # -- runs and failures -----------------------------------------------------------------------------

    def begin_run(self, command: str, inputs: list[str]) -> str:
        """Record the start of an ingest; return its run id."""
        import uuid

        run_id = now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        with self._write() as con:
            con.execute("INSERT INTO runs VALUES (?, ?, ?, ?, NULL, 'running', NULL, ?, ?)",
                        [run_id, command, [str(i) for i in inputs], now(), os.getpid(), hostname()])
        return run_id

    def finish_run(self, run_id: str, *, counts: dict, status: str) -> None:
        """Close a run with its counts (JSON-able dict) and status (ok, partial, error, interrupted)."""
        if status not in RUN_STATUSES:
            raise StoreError(f"run status {status!r} is not one of {', '.join(RUN_STATUSES)}")
        with self._write() as con:
            hit = con.execute("UPDATE runs SET finished = ?, status = ?, counts = ? WHERE id = ? RETURNING id",
                              [now(), status, json.dumps(counts, default=str), run_id]).fetchall()
            if not hit:
                raise StoreError(f"store {self.path}: no run {run_id!r}")

    def record_failure(self, run_id: str, failure: Failure) -> None:
        """Record one failed input of a run with its stage and reason."""
        with self._write() as con:
            seq = self._failure_seq.get(run_id)
            if seq is None:
                seq = con.execute("SELECT count(*) FROM failures WHERE run_id = ?", [run_id]).fetchone()[0]
            con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)",
                        [run_id, seq, failure.input, failure.stage, failure.reason, now()])
        self._failure_seq[run_id] = seq + 1

    # -- articles --------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._cursor().execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def article_by_hash(self, content_hash: str) -> str | None:
        """The id of the first stored article whose cleaned body has this content hash (exact duplicate)."""
        row = self._cursor().execute(
            "SELECT id FROM articles WHERE content_hash = ? ORDER BY duplicate_of IS NOT NULL, added, id LIMIT 1",
            [content_hash]).fetchone()
        return row[0] if row else None

    def write_document(self, doc: Document, *, run_id: str, duplicate_of: str | None = None,
                       dup_kind: str | None = None, signature: bytes | None = None) -> bool:
        """Write one coded Document atomically: article, event mentions, actors, places, quotes, events.

        Returns False (and writes nothing) when the article id is already stored. signature: its MinHash
        bytes, saved in the same transaction so a crash never leaves an article without one.
        """
        rows = document_rows(doc, run_id=run_id, duplicate_of=duplicate_of, dup_kind=dup_kind)
        return self._write_rows([rows], {doc.article.id: signature} if signature is not None else {})[0]

    def write_documents(self, docs: list[Document], *, run_id: str, signatures: dict[str, bytes] | None = None,
                        files: dict[str, str] | None = None) -> list[bool]:
        """Write several coded Documents in one transaction (all or none); per document, False when already stored.

        Faster than one write_document each (DuckDB pays per statement, not per row). signatures: article id ->
        MinHash bytes. files: article id -> the input file it was read from (linked in the same transaction).
        """
        rows = [document_rows(d, run_id=run_id) for d in docs]
        return self._write_rows(rows, signatures or {}, files or {})

    def _write_rows(self, docs: list[DocumentRows], signatures: dict[str, bytes],
                    files: dict[str, str] | None = None) -> list[bool]:
        ids = [d.article[0] for d in docs]
        with self._write() as con:
            links = sorted({(files[i], i) for i in ids if i in (files or {})})
            insert_rows(con, "article_files", links, upsert=" ON CONFLICT DO NOTHING")
            stored = {r[0] for r in con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                                [ids]).fetchall()}
            fresh: list[DocumentRows] = []
            for d in docs:
                if d.article[0] not in stored:
                    stored.add(d.article[0])
                    fresh.append(d)
            serials = iter(_serials(con, "mention_serial", sum(len(d.mentions) for d in fresh)))
            articles, mentions, facts = [], [], []
            for d in fresh:
                ns = [next(serials) for _ in d.mentions]
                articles.append((*d.article[:-2], ns[0] if ns else None, ns[-1] if ns else None))
                mentions += [(n, *m) for n, m in zip(ns, d.mentions, strict=True)]
                facts += d.facts(ns)
            insert_rows(con, "articles", articles)
            insert_rows(con, "event_mentions", mentions, columns=("n", *MENTION_COLUMNS))
            page_mentions.add_serials(con, [m[0] for m in mentions])
            insert_rows(con, "places", [r for d in fresh for r in d.places])
            insert_rows(con, "quotes", [r for d in fresh for r in d.quotes], columns=QUOTE_COLUMNS)
            insert_rows(con, article_parts.TABLE, [article_parts.rows(d.article[0], d.mentions, d.quotes, d.places)
                                                   for d in fresh], nested=True)
            sigs = _save_signatures(con, [(d.article[0], signatures[d.article[0]]) for d in fresh
                                          if d.article[0] in signatures])
            keys: dict[str, str] = {}
            for d in fresh:
                keys.update(d.event_keys)
            queries.refresh_events(con, keys, new=facts)
        self._indexed(sigs)
        written = {id(d) for d in fresh}
        for d in fresh:
            log.info("stored article %s (%d events)", d.article[0], len(d.mentions))
        return [id(d) in written for d in docs]

    def record_duplicate(self, article: Article, *, run_id: str, duplicate_of: str, dup_kind: str,
                         signature: bytes | None = None, file: str | None = None) -> bool:
        """Store an article as a copy of `duplicate_of` (not coded again); its events gain the copy's counts.

        Returns False when the article id is already stored. The first copy must already be stored. file: the
        input file it was read from (linked in the same transaction).
        """
        if duplicate_of == article.id:
            raise StoreError(f"article {article.id} cannot be a duplicate of itself")
        row = article_row(article, run_id=run_id, duplicate_of=duplicate_of, dup_kind=dup_kind)
        with self._write() as con:
            if file is not None:
                insert_rows(con, "article_files", [(file, article.id)], upsert=" ON CONFLICT DO NOTHING")
            if con.execute("SELECT 1 FROM articles WHERE id = ?", [article.id]).fetchone():
                return False
            if not con.execute("SELECT 1 FROM articles WHERE id = ?", [duplicate_of]).fetchone():
                raise StoreError(f"article {article.id}: its first copy {duplicate_of} is not stored")
            con.execute(f"INSERT INTO articles VALUES ({', '.join('?' * len(row))})", list(row))
            sigs = _save_signatures(con, [(article.id, signature)] if signature is not None else [])
            ids = _event_ids_of(con, duplicate_of)
            queries.refresh_events(con, dict.fromkeys(ids, ""))
        self._indexed(sigs)
        log.info("stored article %s as %s duplicate of %s", article.id, dup_kind, duplicate_of)
        return True

    # -- near-duplicate signatures ---------------------------------------------------------------------

    def save_signature(self, article_id: str, signature: bytes) -> None:
        with self._write() as con:
            sigs = _save_signatures(con, [(article_id, signature)])
        self._indexed(sigs)

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """Every stored (article id, MinHash signature bytes), streamed in the order they were stored.

        That order matters: a near duplicate of several first copies links to the earliest one, so a store
        rebuilt after a crash must replay them in the same order as an uninterrupted run.
        """
        for _rank, aid, sig in self.signatures_after(0):
            yield aid, sig

    def signatures_after(self, rank: int) -> Iterator[tuple[int, str, bytes]]:
        """(rank, article id, signature bytes) of the signatures stored after `rank`, in storing order."""
        cur = self._cursor()
        cur.execute("SELECT rank, article_id, signature FROM signatures WHERE rank > ? ORDER BY rank", [rank])
        while True:
            batch = cur.fetchmany(1000)
            if not batch:
                return
            for rk, aid, sig in batch:
                yield rk, aid, bytes(sig)

    def signature(self, article_id: str) -> bytes | None:
        """The stored signature bytes of one article, None when it has none."""
        row = self._cursor().execute("SELECT signature FROM signatures WHERE article_id = ?", [article_id]).fetchone()
        return bytes(row[0]) if row else None

    def max_signature_rank(self) -> int:
        """The highest signature rank ever given in this store (ranks are never reused)."""
        row = self._cursor().execute("SELECT last_value, start_value FROM duckdb_sequences() WHERE sequence_name = "
                                     "'signature_rank'").fetchone()
        if not row:
            return 0
        return int(row[0]) if row[0] is not None else int(row[1]) - 1  # a copied store keeps only the start

    def store_id(self) -> str:
        """A random id given to this store file when it was created (or upgraded): tells copies apart."""
        return self._cursor().execute("SELECT value FROM store_meta WHERE name = 'store_id'").fetchone()[0]

    def dedup_backend(self, *, threshold: float, num_perm: int):
        """The persistent near-duplicate index of this store (stages.dedup.DedupBackend), opened once.

        Kept open with the store, so `watch` reuses it between cycles; see redline/store/dedup_index.py.
        """
        from .dedup_index import StoredDedup

        if self.read_only:
            raise StoreError(f"store {self.path} was opened read-only: the dedup index needs a writable store")
        dedup = self._dedup
        if dedup is None or (dedup.num_perm, dedup.bands, dedup.rows) != (num_perm, *_layout(threshold, num_perm)):
            if dedup is not None:
                dedup.close()
            dedup = self._dedup = StoredDedup(self, threshold=threshold, num_perm=num_perm)
        return dedup

    def _indexed(self, rows: list[tuple[int, str, bytes]]) -> None:
        """After a commit: hand the new signatures to the open dedup index (a failure is caught up later)."""
        if self._dedup is None or not rows:
            return
        try:
            self._dedup.added(rows)
        except Exception as exc:  # the index is derived data: the next open replays what it missed
            log.warning("dedup index %s not updated (%s); it catches up when next opened", self._dedup.path, exc)

    # -- canonical dump (tests, audits) ----------------------------------------------------------------

    def dump(self) -> dict[str, list[tuple]]:
        """Every data table as sorted rows, without run ids and timestamps: equal dumps mean equal stores."""
        out: dict[str, list[tuple]] = {}
        cur = self._cursor()
        for table in ("articles", "event_mentions", "events", "actors", "places", "quotes", "signatures",
                      "article_files"):
            cols = [r[0] for r in cur.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if r[0] not in _DUMP_SKIP]
            col_sql = ", ".join(f'"{c}"' for c in cols)
            rows = cur.execute(f"SELECT {col_sql} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out


class _Guarded:
    """A DuckDB cursor whose errors become StoreError naming the store (a damaged block surfaces on read)."""

    __slots__ = ("_cur", "_store")

    def __init__(self, cur, store: Store):
        self._cur = cur
        self._store = store

    def __getattr__(self, name: str):
        attr = getattr(self._cur, name)
        if not callable(attr):
            return attr

        def call(*args, **kwargs):
            try:
                out = attr(*args, **kwargs)
            except duckdb.Error as exc:
                raise self._store.error(exc, "read") from exc
            return self if out is self._cur else out

        return call

    def __iter__(self):
        return iter(self.fetchall())


WAL_CHECKPOINT_BYTES = 16 * 2**20  # DuckDB's own automatic checkpoint threshold (wal_autocheckpoint)


def _wal_bytes(path: str) -> int:
    try:
        return os.path.getsize(path + ".wal")
    except OSError:
        return 0


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return " ".join(text[0].split())[:300] if text else type(exc).__name__


_SIGNATURE_UPSERT = " ON CONFLICT (article_id) DO UPDATE SET signature = excluded.signature"  # keeps its rank


def _save_signatures(con, pairs: list[tuple[str, bytes]]) -> list[tuple[int, str, bytes]]:
    """Insert (or replace) signatures, each new one with the next rank; return (rank, article id, bytes)."""
    if not pairs:
        return []
    ranks = [r[0] for r in con.execute("SELECT nextval('signature_rank') FROM range(?)", [len(pairs)]).fetchall()]
    rows = [(aid, bytes(sig), rank) for (aid, sig), rank in zip(pairs, ranks, strict=True)]
    insert_rows(con, "signatures", rows, upsert=_SIGNATURE_UPSERT)
    return [(rank, aid, sig) for aid, sig, rank in rows]


def _serials(con, sequence: str, n: int) -> list[int]:
    if not n:
        return []
    return [r[0] for r in con.execute(f"SELECT nextval('{sequence}') FROM range(?) ORDER BY 1", [n]).fetchall()]


def _event_ids_of(con, article_id: str) -> list[str]:
    """Ids of the events an article mentions: its mentions are the serials first_n..last_n (no scan)."""
    row = con.execute("SELECT first_n, last_n FROM articles WHERE id = ?", [article_id]).fetchone()
    if not row or row[0] is None:
        return []
    return [r[0] for r in con.execute("SELECT DISTINCT event_id FROM event_mentions WHERE n BETWEEN ? AND ? "
                                      "AND article_id = ?", [row[0], row[1], article_id]).fetchall()]


def _layout(threshold: float, num_perm: int) -> tuple[int, int]:
    from ..stages.dedup import lsh_params

    return lsh_params(threshold, num_perm)
