"""Ingest: read inputs, skip what is stored, link duplicates, run the pipeline, write articles in batches.

Safe to kill at any moment and run again: every batch of articles is one store transaction keyed by their
ids, stored articles are skipped on the next run, and a duplicate is only written after its first copy is, so
an interrupted ingest followed by a rerun leaves the same store as one uninterrupted ingest.

Every failure is per record: an input or article that cannot be read, hashed, coded or written becomes a
named Failure and the run goes on; only a store that cannot be written at all (disk full, damaged) stops it.
When the store is served by `redline serve` (which owns its only writer), the run is handed to the server
(redline.live) and reported here as if it ran here.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .engines import run_documents
from .engines.spawn import check_spawn_safe
from .errors import RedlineError, StoreError, StoreWriteError, UsageError
from .pipeline import Pipeline
from .readers import iter_files, read_path
from .records import Article, Document, Failure
from .settings import load_settings
from .stages.dedup import NUM_PERM, DedupIndex, link_duplicates
from .store import Store
from .store.core import WAL_CHECKPOINT_BYTES

log = logging.getLogger(__name__)

Progress = Callable[[int, "int | None"], None]  # (articles done, estimated total or None)
_FLUSH_SECONDS = 2.0  # longest a coded article waits in the write buffer (when another one arrives)
_MULTI_RECORD = {".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".warc", ".arc", ".gz", ".rss", ".atom", ".xml",
                 ".feed"}
_KEPT_FAILURES = 10_000  # a report lists at most this many failures (all are counted, printed and stored)


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one ingest did.

    read: articles read; already_stored: skipped because their id was stored before; duplicate: linked to a
    first copy (exact or near) and not coded; coded: new articles coded and written; failed: inputs or
    articles that failed (see failures, which lists the first 10,000); events: event mentions written;
    new = coded + duplicate; replaced: articles removed because the file they came from changed (replace);
    unchanged_files: files skipped unread because their size and time match what was ingested before (replace).
    """

    run_id: str
    status: str
    read: int = 0
    new: int = 0
    already_stored: int = 0
    duplicate: int = 0
    coded: int = 0
    failed: int = 0
    events: int = 0
    failures: tuple[Failure, ...] = ()
    stages: dict[str, int] = field(default_factory=dict)
    replaced: int = 0
    unchanged_files: int = 0


class _Tally:
    """Mutable counters of a run in progress (internal)."""

    def __init__(self) -> None:
        self.n = Counter()
        self.stages: Counter = Counter()
        self.failed_by_stage: Counter = Counter()
        self.failures: list[Failure] = []
        self.failed = 0

    @property
    def done(self) -> int:
        return self.n["already_stored"] + self.n["duplicate"] + self.n["coded"] + self.n["failed_articles"]

    def counts(self) -> dict:
        n = self.n
        return {
            "read": n["read"], "new": n["coded"] + n["duplicate"], "already_stored": n["already_stored"],
            "duplicate": n["duplicate"], "exact_duplicate": n["exact"], "near_duplicate": n["near"],
            "coded": n["coded"], "failed": self.failed, "events": n["events"], "replaced": n["replaced"],
            "unchanged_files": n["unchanged_files"],
            "stages": dict(self.stages), "failed_by_stage": dict(self.failed_by_stage),
        }

    def report(self, run_id: str, status: str) -> RunReport:
        c = self.counts()
        return RunReport(run_id=run_id, status=status, read=c["read"], new=c["new"],
                         already_stored=c["already_stored"], duplicate=c["duplicate"], coded=c["coded"],
                         failed=c["failed"], events=c["events"], failures=tuple(self.failures),
                         stages=dict(self.stages), replaced=c["replaced"], unchanged_files=c["unchanged_files"])


@dataclass(frozen=True, slots=True)
class _Options:
    engine: str
    workers: int
    scheduler: str | None
    actors_file: str | None
    settings: dict
    progress: Progress | None
    on_failure: Callable[[Failure], None] | None
    total: int | None
    pipeline: Pipeline | None
    write_batch: int
    mapping: dict[str, str] | None
    replace: bool
    stop: Callable[[], bool] | None
    processes: bool | None
    pool: object | None
    published: dt.date | None = None


def ingest(
    paths: Iterable[str],
    *,
    db: str = "redline.duckdb",
    store: Store | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    actors_file: str | None = None,
    lexicon_file: str | None = None,
    mapping: dict[str, str] | None = None,
    published: dt.date | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    settings: dict | None = None,
    command: str | None = None,
    pipeline: Pipeline | None = None,
    write_batch: int = 16,
    replace: bool = False,
    stop: Callable[[], bool] | None = None,
    processes: bool | None = None,
    pool: object | None = None,
) -> RunReport:
    """Ingest files, directories and globs into the store at `db`; return what was done.

    store: an open writable Store to use instead of opening `db` (the server's). workers / engine / scheduler:
    how the pipeline runs (see redline.engines); processes: run it in worker processes even with one worker;
    pool: an already started engines.local.ProcessPool to run it in.
    actors_file: a user actor file. lexicon_file: a user lexicon file (the same as
    settings={"lexicon": lexicon_file}). mapping: our field -> input field for JSON/CSV records. published:
    publication date for inputs whose metadata gives none (text files, records without a date). progress(done,
    total): called after each article (total is an estimate, None when unknown). on_failure(failure): called
    for each failed input as it happens. settings: setting overrides. command: how the run is described in the
    runs table. pipeline: an already built Pipeline to reuse (its model stays loaded between calls).
    write_batch: coded articles written per store transaction (each batch is all-or-nothing, so a kill loses at
    most one unfinished batch). replace: a file ingested before is skipped when its size and modification
    time are unchanged, and when it changed its new version replaces the articles read from the old one.
    stop(): polled between articles; when it returns True the run ends as interrupted.

    When `db` is served by `redline serve` on this host, the run is handed to the server (see redline.live).
    """
    if not isinstance(write_batch, int) or write_batch < 1:
        raise UsageError(f"write_batch must be a positive integer, got {write_batch!r}")
    if workers > 1 or engine == "dask":
        check_spawn_safe("ingest")
    paths = [str(p) for p in paths]
    if lexicon_file:
        settings = {**(settings or {}), "lexicon": os.path.abspath(lexicon_file)}
    if store is None:
        from . import live

        server = live.server_for(db)
        if server is not None:
            return live.remote_ingest(server, paths, workers=workers, engine=engine, scheduler=scheduler,
                                      actors_file=actors_file, mapping=mapping, progress=progress,
                                      on_failure=on_failure, settings=settings, command=command, pipeline=pipeline,
                                      write_batch=write_batch, replace=replace, published=published)
    opts = _Options(engine, workers, scheduler, actors_file, settings or {}, progress, on_failure,
                    _estimate_total(paths) if progress else None, pipeline, write_batch, mapping, replace, stop,
                    processes, pool, published)
    if store is not None:
        return _run(store, paths, opts, command)
    with Store(db) as opened:
        return _run(opened, paths, opts, command)


def _run(store: Store, paths: list[str], opts: _Options, command: str | None) -> RunReport:
    values = load_settings(overrides=opts.settings)
    tally = _Tally()
    run_id = store.begin_run(command or "ingest " + " ".join(paths), paths)
    status = "error"
    if opts.progress:
        opts.progress(0, opts.total)
    sources = _Sources(store, run_id, tally, opts, max_chars=int(values["max_article_chars"]))
    try:
        sources.plan(paths)
        threshold = values["near_duplicate_threshold"]
        # the persistent index (store/dedup_index.py): loaded in constant time, kept current per batch
        backend = store.dedup_backend(threshold=threshold, num_perm=NUM_PERM)
        index = DedupIndex(threshold=threshold, backend=backend)
        leftovers = _ingest_pass(store, run_id, _fresh(store, sources, tally, opts), index, tally, opts, sources)
        while leftovers:  # duplicates whose first copy failed: code them on their own
            index = DedupIndex(threshold=threshold, backend=backend)
            leftovers = _ingest_pass(store, run_id, sources.again(leftovers), index, tally, opts, sources)
        sources.finish()
        status = "partial" if tally.failed else "ok"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        try:
            store.finish_run(run_id, counts=tally.counts(), status=status)
            # a large write-ahead log into the file now; a small one goes in when the store closes (right after
            # this run unless watch or serve keeps it open) or at DuckDB's automatic checkpoint
            store.checkpoint(over=WAL_CHECKPOINT_BYTES)
        except RedlineError as exc:
            log.warning("could not record the end of run %s: %s", run_id, exc)
    return tally.report(run_id, status)


class _Sources:
    """The files of a run, read one after another; knows which file the article being handled came from."""

    def __init__(self, store: Store, run_id: str, tally: _Tally, opts: _Options, *, max_chars: int):
        self.store, self.run_id, self.tally, self.opts = store, run_id, tally, opts
        self.read_options = {"mapping": opts.mapping, "max_chars": max_chars, "published": opts.published}
        self.entries: list[Path | Failure] = []
        self.stats: dict[str, tuple[int, int]] = {}  # file -> (size, mtime_ns) seen before it was read
        self.current: str | None = None  # the file whose records are being read now
        self.origin: dict[str, str] = {}  # article id -> file, until the article is written
        self.links: list[tuple[str, str]] = []  # (file, article id) of articles already stored

    def plan(self, paths: list[str]) -> None:
        """List the files; in replace mode skip unchanged ones and remove what changed ones held before."""
        reread: list[str] = []
        for entry in iter_files(paths):
            if isinstance(entry, Failure):
                self.entries.append(entry)
                continue
            key = os.path.abspath(entry)
            try:
                st = entry.stat()
                self.stats[key] = (st.st_size, st.st_mtime_ns)
            except OSError:
                pass  # reading it names the problem
            if self.opts.replace and key in self.stats:
                if self.store.file_state(key) == self.stats[key]:
                    self.tally.n["unchanged_files"] += 1
                    continue
                if self.store.file_articles(key):
                    keep = {a.id for a in read_path(entry, **self.read_options) if isinstance(a, Article)}
                    removal = self.store.replace_file(key, keep)
                    self.tally.n["replaced"] += len(removal.articles) + len(removal.copies)
                    reread.extend(removal.reread)
                    if removal.articles:
                        log.info("%s changed: %d article(s) of its earlier version removed", key,
                                 len(removal.articles))
            self.entries.append(entry)
        listed = {os.path.abspath(e) for e in self.entries if isinstance(e, Path)}
        self.entries.extend(Path(p) for p in dict.fromkeys(reread) if p not in listed)

    def __iter__(self) -> Iterator[Article | Failure]:
        for entry in self.entries:
            if isinstance(entry, Failure):
                yield entry
                continue
            self.current = os.path.abspath(entry)
            yield from read_path(entry, **self.read_options)
        self.current = None

    def again(self, items: list[tuple[Article, str | None]]) -> Iterator[Article]:
        """Articles to handle once more (duplicates whose first copy failed), each with the file it came from."""
        for article, file in items:
            self.current = file
            yield article
        self.current = None

    def note(self, article: Article) -> None:
        """Remember the file of an article that goes on to be coded or waits for its first copy."""
        if self.current is not None:
            self.origin.setdefault(article.id, self.current)

    def link(self, article_id: str) -> None:
        """The current file holds an article that is stored already (or earlier in this run)."""
        if self.current is not None:
            self.links.append((self.current, article_id))
            if len(self.links) >= 500:
                self.flush_links()

    def flush_links(self) -> None:
        if self.links:
            links, self.links = self.links, []
            self.store.link_files(links)

    def finish(self) -> None:
        """The run read everything: save the pending links and each file's size and time as read."""
        self.flush_links()
        for key, (size, mtime_ns) in self.stats.items():
            self.store.record_file(key, size, mtime_ns, run_id=self.run_id)


def _fresh(store: Store, items: Iterable[Article | Failure], tally: _Tally, opts: _Options
           ) -> Iterator[Article | Failure]:
    """Count what is read and drop articles whose id is already stored."""
    sources = items if isinstance(items, _Sources) else None
    for item in items:
        if opts.stop is not None and opts.stop():
            raise KeyboardInterrupt("stopped")
        if isinstance(item, Failure):
            yield item
            continue
        tally.n["read"] += 1
        if store.has_article(item.id):
            tally.n["already_stored"] += 1
            if sources is not None:
                sources.link(item.id)
            _tick(tally, opts)
            continue
        yield item


def _ingest_pass(store: Store, run_id: str, items: Iterable[Article | Failure], index: DedupIndex,
                 tally: _Tally, opts: _Options, sources: _Sources) -> list[tuple[Article, str | None]]:
    """One pass over the items; returns the duplicates whose first copy failed (to be coded on their own)."""
    inflight: deque[tuple[str, bytes | None]] = deque()  # first copies sent to the pipeline, in order
    waiting: dict[str, list[tuple[Article, str, str | None]]] = defaultdict(list)  # first id -> its duplicates
    leftovers: list[tuple[Article, str | None]] = []  # with the file each came from

    def feed() -> Iterator[Article]:
        for item, first, kind, sig in link_duplicates(items, index):
            if isinstance(item, Failure):
                _fail(store, run_id, item, tally, opts, article=item.stage != "read")
            elif first is None:
                sources.note(item)
                inflight.append((item.id, sig))
                yield item
            elif first == item.id:  # the same article twice in one run
                tally.n["already_stored"] += 1
                sources.link(item.id)
                _tick(tally, opts)
            elif store.has_article(first):
                _write_duplicate(store, run_id, item, first, kind, tally, opts, sources.current)
            else:
                waiting[first].append((item, kind, sources.current))

    buffer: list[tuple[Document, bytes | None]] = []
    started = time.monotonic()

    def flush() -> None:
        docs = [d for d, _ in buffer]
        sigs = {d.article.id: sig for d, sig in buffer if sig is not None}
        files = {d.article.id: sources.origin.pop(d.article.id) for d in docs if d.article.id in sources.origin}
        buffer.clear()
        sources.flush_links()
        for doc, outcome in zip(docs, _write(store, docs, run_id, sigs, files), strict=True):
            if isinstance(outcome, StoreError):
                _fail(store, run_id, Failure(doc.article.source or doc.article.id, "store", str(outcome)), tally,
                      opts, article=True)
                leftovers.extend((a, f) for a, _, f in waiting.pop(doc.article.id, []))
                continue
            if outcome:
                tally.n["coded"] += 1
                tally.n["events"] += len(doc.events)
                tally.stages.update(doc.stages)
            else:
                tally.n["already_stored"] += 1
            _tick(tally, opts)
            for dup, kind, file in waiting.pop(doc.article.id, []):
                _write_duplicate(store, run_id, dup, doc.article.id, kind, tally, opts, file)

    outputs = run_documents(feed(), engine=opts.engine, workers=opts.workers, scheduler=opts.scheduler,
                            settings=opts.settings, actors_file=opts.actors_file, pipeline=opts.pipeline,
                            processes=opts.processes, pool=opts.pool)
    for out in outputs:
        article_id, sig = inflight.popleft()
        if isinstance(out, Failure):
            _fail(store, run_id, out, tally, opts, article=True)
            sources.origin.pop(article_id, None)
            leftovers.extend((a, f) for a, _, f in waiting.pop(article_id, []))
            continue
        if out.article.id != article_id:
            raise RedlineError(f"engine {opts.engine!r} returned article {out.article.id} where {article_id} "
                               "was expected: outputs must follow input order")
        if not buffer:
            started = time.monotonic()
        buffer.append((out, sig))
        if len(buffer) >= opts.write_batch or time.monotonic() - started > _FLUSH_SECONDS:
            flush()
    if buffer:
        flush()
    for first, dups in waiting.items():  # a first copy the engine never returned
        log.warning("first copy %s never came back from the engine; coding its %d duplicates", first, len(dups))
        leftovers.extend((a, f) for a, _, f in dups)
    return leftovers


def _write(store: Store, docs: list[Document], run_id: str, sigs: dict[str, bytes], files: dict[str, str]
           ) -> list[bool | StoreError]:
    """Write a batch in one transaction; when that fails, each document alone, so one bad document fails alone.

    Per document: True (written), False (already stored) or the StoreError that refused it. A store that
    cannot be written at all (StoreWriteError) stops the run.
    """
    try:
        return list(store.write_documents(docs, run_id=run_id, signatures=sigs, files=files))
    except StoreWriteError:
        raise
    except StoreError as exc:
        if len(docs) == 1:
            return [exc]
        log.info("batch of %d documents not written (%s); writing them one by one", len(docs), exc)
    out: list[bool | StoreError] = []
    for doc in docs:
        one = {k: v for k, v in sigs.items() if k == doc.article.id}
        try:
            out.extend(store.write_documents([doc], run_id=run_id, signatures=one,
                                             files={k: v for k, v in files.items() if k == doc.article.id}))
        except StoreWriteError:
            raise
        except StoreError as exc:
            out.append(exc)
    return out


def _write_duplicate(store: Store, run_id: str, article: Article, first: str, kind: str, tally: _Tally,
                     opts: _Options, file: str | None) -> None:
    try:
        written = store.record_duplicate(article, run_id=run_id, duplicate_of=first, dup_kind=kind, file=file)
    except StoreWriteError:
        raise
    except StoreError as exc:
        _fail(store, run_id, Failure(article.source or article.id, "store", str(exc)), tally, opts, article=True)
        return
    if written:
        tally.n["duplicate"] += 1
        tally.n[kind] += 1
    else:
        tally.n["already_stored"] += 1
    _tick(tally, opts)


def _fail(store: Store, run_id: str, failure: Failure, tally: _Tally, opts: _Options, *, article: bool) -> None:
    store.record_failure(run_id, failure)
    tally.failed += 1
    if len(tally.failures) < _KEPT_FAILURES:
        tally.failures.append(failure)
    tally.failed_by_stage[failure.stage] += 1
    if article:
        tally.n["failed_articles"] += 1
        _tick(tally, opts)
    if opts.on_failure:
        opts.on_failure(failure)


def _tick(tally: _Tally, opts: _Options) -> None:
    if opts.progress:
        opts.progress(tally.done, opts.total)


def _estimate_total(paths: list[str]) -> int | None:
    """How many articles the inputs hold when every input is a one-article file; None when unknown."""
    files: list[Path] = []
    for entry in iter_files(paths):
        if isinstance(entry, Path):
            files.append(entry)
    if any(f.suffix.lower() in _MULTI_RECORD for f in files):
        return None
    return len(files) or None
