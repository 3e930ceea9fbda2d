"""The dask engine: the same pipeline on dask.distributed, a LocalCluster or an existing scheduler.

Each dask worker builds the pipeline once (engines.worker's cache) and serves batches. With no scheduler
address a LocalCluster of `workers` single-threaded processes is started and closed at the end; with an
address (e.g. a dask-jobqueue SLURMCluster's ``cluster.scheduler_address``) redline only connects.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import RedlineError, UsageError
from ..records import Article, Document, Failure
from . import batches, cancel_pending, crashed, fill_window, merge
from .worker import PipelineSpec, pipeline_for, run_batch

log = logging.getLogger(__name__)


def start_cluster(workers: int, scheduler: str | None = None):
    """(client, cluster or None): a LocalCluster of `workers` single-threaded processes, or a connection to
    `scheduler`. The caller closes both (the benchmark keeps one cluster across several runs)."""
    return _client(workers, scheduler)


def warm_workers(client, spec: PipelineSpec, sample: list[Article] | None = None) -> set[int]:
    """Build the pipeline and load the model on every worker of `client` now; return their process ids.

    sample: articles every worker also runs once (so its knowledge base and lexicon are loaded too).
    """
    addresses = list(client.scheduler_info().get("workers", {}))
    futures = [client.submit(_warm_task, spec, sample or [], workers=[a], allow_other_workers=False, pure=False)
               for a in addresses]
    return {f.result() for f in futures}


def _warm_task(spec: PipelineSpec, sample: list[Article]) -> int:
    pipe = pipeline_for(spec)
    if any(s.name == "parse" for s in pipe.stages):
        _ = pipe.ctx.nlp
    if sample:
        run_batch(spec, sample)
    return os.getpid()


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
    client=None,
) -> Iterator[Document | Failure]:
    """Run the pipeline on dask; output in input order; a batch whose task fails becomes Failures.

    client: an open dask Client to run on (left open at the end); by default one is made for this run.
    """
    own = client is None
    client, cluster = _client(workers, scheduler) if own else (client, None)
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
        if own:
            client.close()
        if cluster is not None:
            cluster.close()
