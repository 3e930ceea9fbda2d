"""Executors of the same pipeline: local (in process or worker processes) and distributed (dask).

Every engine takes a stream of Articles and Failures and yields one Document or Failure per input item, in
input order; Failures pass through untouched. Articles travel to workers in batches of settings
``batch_size``; only a bounded window of batches is in flight, so memory stays flat on any corpus size.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import UsageError
from ..pipeline import Pipeline
from ..records import Article, Document, Failure
from .worker import PipelineSpec, pipeline_for

ENGINES = ("local", "dask")
Progress = Callable[[Document | Failure], None]


def run_documents(
    items: Iterable[Article | Failure],
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    settings: dict | None = None,
    actors_file: str | None = None,
    pipeline: Pipeline | None = None,
    progress: Progress | None = None,
    processes: bool | None = None,
    pool: Any = None,
) -> Iterator[Document | Failure]:
    """Run the pipeline over articles; Failures pass through untouched, output order follows input order.

    engine: "local" (workers=1 in this process, N>1 worker processes) or "dask" (a LocalCluster of
    `workers` processes, or the scheduler at `scheduler`). pipeline: run these stages and settings instead
    of the defaults (its stage functions must be importable by worker processes). progress: called with
    every output item as it is yielded. processes: with the local engine, run the pipeline in worker processes
    even when workers=1 (default: only when workers > 1), e.g. so a server's threads keep the interpreter.
    pool: an already started engines.local.ProcessPool to run in (its workers keep their model between runs).
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if not isinstance(workers, int) or workers < 1:
        raise UsageError(f"workers must be a positive integer, got {workers!r}")
    if scheduler and engine != "dask":
        raise UsageError("--scheduler only applies to --engine dask")
    if pipeline is not None:
        spec = PipelineSpec.of(pipeline)
    else:
        from ..settings import load_settings

        spec = PipelineSpec(load_settings(overrides=settings or {}), actors_file)
    batch_size = max(1, int(spec.settings.get("batch_size") or 16))
    if pool is not None:
        out = pool.run(items, batch_size=batch_size)
    elif engine == "dask":
        from .dask_engine import run_dask

        out = run_dask(items, spec, workers=workers, scheduler=scheduler, batch_size=batch_size)
    elif workers > 1 or processes:
        from .local import run_processes

        out = run_processes(items, spec, workers=workers, batch_size=batch_size)
    else:
        out = _run_inline(items, pipeline or pipeline_for(spec), batch_size)
    for item in out:
        if progress is not None:
            progress(item)
        yield item


def batches(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    """Group the stream into lists holding at most `size` articles (Failures ride along in place)."""
    batch: list[Article | Failure] = []
    n = 0
    for item in items:
        batch.append(item)
        if isinstance(item, Article):
            n += 1
            if n >= size:
                yield batch
                batch, n = [], 0
    if batch:
        yield batch


def fill_window(pending: deque, source: Iterator[list[Article | Failure]], window: int,
                submit: Callable[[list[Article]], Any]) -> None:
    """Top up `pending` with (batch, future) pairs until it holds `window` or `source` runs dry.

    submit(articles) returns a future; a batch of Failures only gets None (nothing to run).
    """
    while len(pending) < window:
        batch = next(source, None)
        if batch is None:
            return
        arts = [a for a in batch if isinstance(a, Article)]
        pending.append((batch, submit(arts) if arts else None))


def cancel_pending(pending: deque) -> None:
    """Cancel the futures of batches not yet collected (the caller stopped early or failed)."""
    for _, fut in pending:
        if fut is not None:
            fut.cancel()


def merge(batch: list[Article | Failure], outputs: list[Document | Failure]) -> list[Document | Failure]:
    """Put a batch's outputs (one per Article) back between its Failures, in input order."""
    it = iter(outputs)
    return [item if isinstance(item, Failure) else next(it) for item in batch]


def crashed(batch: list[Article | Failure], reason: str) -> list[Document | Failure]:
    """Failures for every article of a batch whose worker died."""
    return [item if isinstance(item, Failure) else Failure(item.source or item.id, "engine", reason)
            for item in batch]


def _run_inline(items, pipe: Pipeline, batch_size: int) -> Iterator[Document | Failure]:
    for batch in batches(items, batch_size):
        arts = [a for a in batch if isinstance(a, Article)]
        yield from merge(batch, list(pipe.run(arts, batch_size=batch_size)) if arts else [])


__all__ = ["run_documents", "batches", "merge", "crashed", "ENGINES", "PipelineSpec"]
