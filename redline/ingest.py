"""Ingest: read inputs, skip what is stored, link duplicates, run the pipeline, write each article atomically.

Safe to kill at any moment and run again: every article is one store transaction keyed by its id, stored
articles are skipped on the next run, and a duplicate is only written after its first copy is, so an
interrupted ingest followed by a rerun leaves the same store as one uninterrupted ingest.
"""

from __future__ import annotations

import glob
import logging
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .engines import run_documents
from .errors import RedlineError, UsageError
from .pipeline import Pipeline
from .readers import read_inputs
from .records import Article, Document, Failure
from .settings import load_settings
from .stages.dedup import DedupIndex, link_duplicates
from .store import Store

log = logging.getLogger(__name__)

Progress = Callable[[int, "int | None"], None]  # (articles done, estimated total or None)
_FLUSH_SECONDS = 2.0  # longest a coded article waits in the write buffer (when another one arrives)
_MULTI_RECORD = {".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".warc", ".arc", ".gz", ".rss", ".atom", ".xml",
                 ".feed"}


@dataclass(frozen=True, slots=True)
class RunReport:
    """What one ingest did.

    read: articles read; already_stored: skipped because their id was stored before; duplicate: linked to a
    first copy (exact or near) and not coded; coded: new articles coded and written; failed: inputs or
    articles that failed (see failures); events: event mentions written; new = coded + duplicate.
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


class _Tally:
    """Mutable counters of a run in progress (internal)."""

    def __init__(self) -> None:
        self.n = Counter()
        self.stages: Counter = Counter()
        self.failed_by_stage: Counter = Counter()
        self.failures: list[Failure] = []

    @property
    def done(self) -> int:
        return self.n["already_stored"] + self.n["duplicate"] + self.n["coded"] + self.n["failed_articles"]

    def counts(self) -> dict:
        n = self.n
        return {
            "read": n["read"], "new": n["coded"] + n["duplicate"], "already_stored": n["already_stored"],
            "duplicate": n["duplicate"], "exact_duplicate": n["exact"], "near_duplicate": n["near"],
            "coded": n["coded"], "failed": len(self.failures), "events": n["events"],
            "stages": dict(self.stages), "failed_by_stage": dict(self.failed_by_stage),
        }

    def report(self, run_id: str, status: str) -> RunReport:
        c = self.counts()
        return RunReport(run_id=run_id, status=status, read=c["read"], new=c["new"],
                         already_stored=c["already_stored"], duplicate=c["duplicate"], coded=c["coded"],
                         failed=c["failed"], events=c["events"], failures=tuple(self.failures),
                         stages=dict(self.stages))


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


def ingest(
    paths: Iterable[str],
    *,
    db: str = "redline.duckdb",
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    actors_file: str | None = None,
    lexicon_file: str | None = None,
    mapping: dict[str, str] | None = None,
    progress: Progress | None = None,
    on_failure: Callable[[Failure], None] | None = None,
    settings: dict | None = None,
    command: str | None = None,
    pipeline: Pipeline | None = None,
    write_batch: int = 16,
) -> RunReport:
    """Ingest files, directories and globs into the store at `db`; return what was done.

    workers / engine / scheduler: how the pipeline runs (see redline.engines). actors_file: a user actor file.
    lexicon_file: a user lexicon file (the same as settings={"lexicon": lexicon_file}).
    mapping: our field -> input field for JSON/CSV records. progress(done, total): called after each article
    (total is an estimate, None when unknown). on_failure(failure): called for each failed input as it happens.
    settings: setting overrides. command: how the run is described in the runs table. pipeline: an already
    built Pipeline to reuse (its model stays loaded between calls). write_batch: coded articles written per
    store transaction (each batch is all-or-nothing, so a kill loses at most one unfinished batch).
    """
    if not isinstance(write_batch, int) or write_batch < 1:
        raise UsageError(f"write_batch must be a positive integer, got {write_batch!r}")
    paths = [str(p) for p in paths]
    if lexicon_file:
        settings = {**(settings or {}), "lexicon": str(lexicon_file)}
    values = load_settings(overrides=settings or {})
    opts = _Options(engine, workers, scheduler, actors_file, settings or {}, progress, on_failure,
                    _estimate_total(paths) if progress else None, pipeline, write_batch)
    tally = _Tally()
    with Store(db) as store:
        run_id = store.begin_run(command or "ingest " + " ".join(paths), paths)
        status = "error"
        if progress:
            progress(0, opts.total)
        try:
            index = DedupIndex.load(store.signatures(), threshold=values["near_duplicate_threshold"])
            items: Iterable[Article | Failure] = read_inputs(paths, mapping=mapping)
            leftovers = _ingest_pass(store, run_id, _fresh(store, items, tally, opts), index, tally, opts)
            while leftovers:  # duplicates whose first copy failed: code them on their own
                index = DedupIndex.load(store.signatures(), threshold=values["near_duplicate_threshold"])
                leftovers = _ingest_pass(store, run_id, iter(leftovers), index, tally, opts)
            status = "partial" if tally.failures else "ok"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            try:
                store.finish_run(run_id, counts=tally.counts(), status=status)
            except RedlineError:
                log.warning("could not record the end of run %s", run_id, exc_info=True)
    return tally.report(run_id, status)


def _fresh(store: Store, items: Iterable[Article | Failure], tally: _Tally, opts: _Options
           ) -> Iterator[Article | Failure]:
    """Count what is read and drop articles whose id is already stored."""
    for item in items:
        if isinstance(item, Failure):
            yield item
            continue
        tally.n["read"] += 1
        if store.has_article(item.id):
            tally.n["already_stored"] += 1
            _tick(tally, opts)
            continue
        yield item


def _ingest_pass(store: Store, run_id: str, items: Iterable[Article | Failure], index: DedupIndex,
                 tally: _Tally, opts: _Options) -> list[Article]:
    """One pass over the items; returns the duplicates whose first copy failed (to be coded on their own)."""
    inflight: deque[tuple[str, bytes | None]] = deque()  # first copies sent to the pipeline, in order
    waiting: dict[str, list[tuple[Article, str]]] = defaultdict(list)  # first copy id -> its duplicates
    leftovers: list[Article] = []

    def feed() -> Iterator[Article]:
        for item, first, kind, sig in link_duplicates(items, index):
            if isinstance(item, Failure):
                _fail(store, run_id, item, tally, opts, article=False)
            elif first is None:
                inflight.append((item.id, sig))
                yield item
            elif first == item.id:  # the same article twice in one run
                tally.n["already_stored"] += 1
                _tick(tally, opts)
            elif store.has_article(first):
                _write_duplicate(store, run_id, item, first, kind, tally, opts)
            else:
                waiting[first].append((item, kind))

    buffer: list[tuple[Document, bytes | None]] = []
    started = time.monotonic()

    def flush() -> None:
        docs = [d for d, _ in buffer]
        sigs = {d.article.id: sig for d, sig in buffer if sig is not None}
        for doc, new in zip(docs, store.write_documents(docs, run_id=run_id, signatures=sigs), strict=True):
            if new:
                tally.n["coded"] += 1
                tally.n["events"] += len(doc.events)
                tally.stages.update(doc.stages)
            else:
                tally.n["already_stored"] += 1
            _tick(tally, opts)
            for dup, kind in waiting.pop(doc.article.id, []):
                _write_duplicate(store, run_id, dup, doc.article.id, kind, tally, opts)
        buffer.clear()

    outputs = run_documents(feed(), engine=opts.engine, workers=opts.workers, scheduler=opts.scheduler,
                            settings=opts.settings, actors_file=opts.actors_file, pipeline=opts.pipeline)
    for out in outputs:
        article_id, sig = inflight.popleft()
        if isinstance(out, Failure):
            _fail(store, run_id, out, tally, opts, article=True)
            leftovers.extend(a for a, _ in waiting.pop(article_id, []))
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
        leftovers.extend(a for a, _ in dups)
    return leftovers


def _write_duplicate(store: Store, run_id: str, article: Article, first: str, kind: str, tally: _Tally,
                     opts: _Options) -> None:
    if store.record_duplicate(article, run_id=run_id, duplicate_of=first, dup_kind=kind):
        tally.n["duplicate"] += 1
        tally.n[kind] += 1
    else:
        tally.n["already_stored"] += 1
    _tick(tally, opts)


def _fail(store: Store, run_id: str, failure: Failure, tally: _Tally, opts: _Options, *, article: bool) -> None:
    store.record_failure(run_id, failure)
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
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
        elif path.is_file():
            files.append(path)
        elif any(c in p for c in "*?["):
            files.extend(Path(m) for m in glob.glob(p, recursive=True) if Path(m).is_file())
    if any(f.suffix.lower() in _MULTI_RECORD for f in files):
        return None
    return len(files) or None
