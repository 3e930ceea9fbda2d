"""The local engine with worker processes: N spawned processes, each building its pipeline once.

Batches are submitted in order with a bounded window and collected in order. A worker that dies (killed,
out of memory, a crash in native code) breaks the whole pool; then a fresh pool starts and the batches that
were pending are run again one at a time: each is retried once, and only a batch that kills its worker again
becomes Failures. The run goes on either way. Workers end themselves when their parent process is gone
(see worker.warm), so a killed ingest or server leaves no process behind.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..errors import RedlineError
from ..records import Article, Document, Failure
from . import batches, cancel_pending, crashed, fill_window, merge
from .worker import PipelineSpec, run_batch, warm

log = logging.getLogger(__name__)

# spawn, not fork: the parent may hold threads (progress bar, dask, DuckDB) that fork would copy half-way.
_MP_CONTEXT = "spawn"


def _pool(spec: PipelineSpec, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(_MP_CONTEXT),
                               initializer=warm, initargs=(spec,))


def _collect(batch: list[Article | Failure], fut: Future | None) -> list[Document | Failure]:
    """Outputs of one batch; raises BrokenProcessPool when the pool died, RedlineError when the setup is wrong."""
    if fut is None:
        return list(batch)
    try:
        return merge(batch, fut.result())
    except (BrokenProcessPool, RedlineError):
        raise
    except Exception as exc:  # e.g. an output that cannot be pickled: this batch fails, the run goes on
        log.warning("batch failed in a worker: %s", exc)
        return crashed(batch, f"worker error: {type(exc).__name__}: {exc}")


class ProcessPool:
    """A pool of `workers` spawned processes running one pipeline; use as a context manager.

    Kept as an object so a caller (the benchmark) can start and warm the workers before timing a run.
    """

    def __init__(self, spec: PipelineSpec, workers: int):
        self.spec = spec
        self.workers = workers
        self._pool = _pool(spec, workers)

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def warm(self, *, timeout: float = 600.0, sample: list[Article] | None = None) -> set[int]:
        """Wait until every worker process has built its pipeline; return their process ids.

        sample: articles every worker also runs once (so its knowledge base and lexicon are loaded too).
        """
        deadline = time.monotonic() + timeout
        pids: set[int] = set()
        while len(pids) < self.workers and time.monotonic() < deadline:
            futs = [self._pool.submit(_probe, self.spec, sample or []) for _ in range(self.workers)]
            pids.update(f.result(timeout=max(1.0, deadline - time.monotonic())) for f in futs)
        return pids

    def run(self, items: Iterable[Article | Failure], *, batch_size: int) -> Iterator[Document | Failure]:
        """Outputs in input order; a dead worker costs at most its own batch (retried once first)."""
        window = 2 * self.workers + 1
        pending: deque[tuple[list[Article | Failure], Future | None]] = deque()
        source = batches(items, batch_size)
        try:
            while True:
                fill_window(pending, source, window, self._submit)
                if not pending:
                    return
                batch, fut = pending[0]
                try:
                    out = _collect(batch, fut)
                except BrokenProcessPool:  # every batch not yet collected is run again
                    retry = [b for b, _ in pending]
                    pending.clear()
                    log.warning("a worker process died; starting new workers and running the %d pending "
                                "batch(es) again one at a time", len(retry))
                    self._restart()
                    for b in retry:
                        yield from self._isolate(b)
                    continue
                pending.popleft()
                yield from out
        finally:
            cancel_pending(pending)

    def _submit(self, arts: list[Article]) -> Future:
        try:
            return self._pool.submit(run_batch, self.spec, arts)
        except BrokenProcessPool as exc:  # a worker died since the last submit: this batch waits for the retry
            fut: Future = Future()
            fut.set_exception(exc)
            return fut

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = _pool(self.spec, self.workers)

    def _isolate(self, batch: list[Article | Failure]) -> list[Document | Failure]:
        """Run one batch alone (its retry); when its worker dies again, its articles fail and the pool restarts."""
        try:
            arts = [a for a in batch if isinstance(a, Article)]
            return _collect(batch, self._submit(arts) if arts else None)
        except BrokenProcessPool as exc:
            self._restart()
            return crashed(batch, f"worker process died twice while running this batch, retried once "
                                  f"({exc or 'killed'})")


def _probe(spec: PipelineSpec, sample: list[Article]) -> int:
    if sample:
        run_batch(spec, sample)
    time.sleep(0.2)  # long enough that a second probe goes to another worker once it is up
    return os.getpid()


def run_processes(
    items: Iterable[Article | Failure], spec: PipelineSpec, *, workers: int, batch_size: int
) -> Iterator[Document | Failure]:
    """Run the pipeline in `workers` processes; output in input order; a worker crash fails only its batch."""
    with ProcessPool(spec, workers) as pool:
        yield from pool.run(items, batch_size=batch_size)
