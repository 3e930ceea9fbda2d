"""Executors of the same pipeline: local (in process or worker processes) and distributed (dask).

TEMPORARY minimal version (sequential, in process); the engines owner adds process workers and dask.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..pipeline import Context, Pipeline
from ..records import Article, Document, Failure


def run_documents(
    items: Iterable[Article | Failure],
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    settings: dict | None = None,
    actors_file: str | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Document | Failure]:
    """Run the pipeline over articles; Failures pass through untouched, output order follows input order."""
    pipe = pipeline or Pipeline(Context(settings=settings, actors_file=actors_file))
    pending: list[Article] = []
    for item in items:
        if isinstance(item, Failure):
            yield from pipe.run(pending)
            pending = []
            yield item
        else:
            pending.append(item)
            if len(pending) >= pipe.ctx.settings["batch_size"]:
                yield from pipe.run(pending)
                pending = []
    yield from pipe.run(pending)
