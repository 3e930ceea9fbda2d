"""What runs inside a worker (a local process or a dask worker): build the pipeline once, run batches.

The pipeline (spaCy model + knowledge) takes seconds and hundreds of MB to build, so each worker process
builds it once and keeps it in `_PIPELINES`, keyed by the run's settings, actor file and stage list. This
is the one process-level cache redline allows: a worker is a long-lived process that serves many batches,
and there is no other object to hang the pipeline on (dask and ProcessPoolExecutor call plain functions).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
import time
from dataclasses import dataclass

from ..pipeline import Context, Pipeline, Stage
from ..records import Article, Document, Failure

log = logging.getLogger(__name__)

_PIPELINES: dict[tuple, Pipeline] = {}


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """Everything a worker needs to build the same pipeline as the parent (small and picklable)."""

    settings: dict
    actors_file: str | None = None
    stages: tuple[Stage, ...] | None = None  # None: the default stages

    def key(self) -> tuple:
        names = None if self.stages is None else tuple(f"{s.fn.__module__}.{s.fn.__qualname__}" for s in self.stages)
        return json.dumps(self.settings, sort_keys=True, default=str), self.actors_file, names

    @classmethod
    def of(cls, pipeline: Pipeline) -> PipelineSpec:
        """The spec of an existing pipeline (its settings, actor file and, when not the defaults, its stages)."""
        from ..pipeline import default_stages

        default = default_stages()
        same = len(default) == len(pipeline.stages) and all(
            a.fn is b.fn for a, b in zip(pipeline.stages, default, strict=True))
        return cls(dict(pipeline.ctx.settings), pipeline.ctx.actors_file, None if same else tuple(pipeline.stages))


def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """The cached pipeline of this process for `spec`, built on first use."""
    key = spec.key()
    pipe = _PIPELINES.get(key)
    if pipe is None:
        ctx = Context(settings=spec.settings, actors_file=spec.actors_file)
        pipe = Pipeline(ctx, stages=list(spec.stages) if spec.stages is not None else None)
        _PIPELINES[key] = pipe
    return pipe


def warm(spec: PipelineSpec) -> None:
    """Build the pipeline and load the model now (a pool initializer), so the first batch is not slow.

    Also starts the parent watch: a worker ends itself within a second of its parent's death (kill -9
    included), so it never lives on holding its model's memory. Errors are logged, not raised: an
    initializer that raises breaks the whole pool and hides the reason, while the same error raised by the
    first batch (e.g. ModelError) reaches the parent with its message.
    """
    watch_parent()
    try:
        pipe = pipeline_for(spec)
        if any(s.name == "parse" for s in pipe.stages):
            _ = pipe.ctx.nlp
    except Exception:
        log.warning("worker could not build its pipeline; the first batch will report why", exc_info=True)


def watch_parent(interval: float = 1.0) -> None:
    """End this process (exit status 1) as soon as the process that started it is gone."""
    parent = os.getppid()

    def check() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:  # orphans are adopted by init (or a subreaper): the parent died
                os._exit(1)

    threading.Thread(target=check, name="redline-parent-watch", daemon=True).start()


def run_batch(spec: PipelineSpec, articles: list[Article]) -> list[Document | Failure]:
    """Run one batch of articles through the cached pipeline; one output per article, in order.

    The Documents sent back are `slim`: what the parent stores and reports, without the parse.
    """
    pipe = pipeline_for(spec)
    return [slim(out) for out in pipe.run(articles, batch_size=max(1, len(articles)))]


def slim(out: Document | Failure) -> Document | Failure:
    """A Document without what only the stages use (token records and vectors, entity spans, actor mentions): a worker's
    answer shrinks about threefold and the parent unpickles it several times faster. Sentences keep their
    index, paragraph, offsets and text; events, places, quotes and times are untouched."""
    if isinstance(out, Failure):
        return out
    sentences = tuple(dataclasses.replace(s, tokens=(), entities=(), vectors=b"") for s in out.sentences)
    return dataclasses.replace(out, sentences=sentences, mentions=())
