"""The dask engine: the same pipeline on dask.distributed, a LocalCluster or an existing scheduler.

Each dask worker builds the pipeline once (engines.worker's cache) and serves batches. With no scheduler
address a LocalCluster of `workers` single-threaded processes is started and closed at the end; with an
address (e.g. a dask-jobqueue SLURMCluster's ``cluster.scheduler_address``) redline only connects.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import RedlineError, UsageError
from ..records import Article, Document, Failure
from . import batches, cancel_pending, crashed, fill_window, merge
from .worker import PipelineSpec, run_batch

log = logging.getLogger(__name__)


def _client(workers: int, scheduler: str | None):
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - dask[distributed] is a dependency
        raise UsageError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from exc
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from exc
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(
    items: Iterable[Article | Failure],
    spec: PipelineSpec,
    *,
    workers: int,
    scheduler: str | None = None,
    batch_size: int = 16,
) -> Iterator[Document | Failure]:
    """Run the pipeline on dask; output in input order; a batch whose task fails becomes Failures."""
    client, cluster = _client(workers, scheduler)
    n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
    window = 2 * n_workers + 1
    pending: deque = deque()
    source = batches(items, batch_size)
    try:
        while True:
            fill_window(pending, source, window, lambda arts: client.submit(run_batch, spec, arts, pure=False))
            if not pending:
                return
            batch, fut = pending.popleft()
            if fut is None:
                yield from batch
                continue
            try:
                yield from merge(batch, fut.result())
            except RedlineError:
                raise
            except Exception as exc:  # KilledWorker, a lost connection, a worker-side error: fail the batch only
                log.warning("dask task failed: %s", exc)
                yield from crashed(batch, f"dask task failed: {type(exc).__name__}: {exc}")
    finally:
        cancel_pending(pending)
        client.close()
        if cluster is not None:
            cluster.close()
