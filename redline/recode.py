"""Re-code stored articles (e.g. with a newer coder or an actor file written by `redline reviews suggest`).

The articles are read back from the store as they were stored (cleaned text, dates, metadata), run through
the pipeline again and their coding is replaced in place, a batch of articles per transaction. Reviews stay
with their events: a review follows the mention it was anchored to, also when the new coding gives that
event another id, and a review whose mentions are all gone becomes an orphan (reported; `redline reviews
--orphans` lists them). See docs/reviews.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from .engines import run_documents
from .errors import RedlineError, UsageError
from .pipeline import Pipeline
from .records import Document, Failure
from .store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RecodeReport:
    """What a recode did. reviews: how many current reviews were attached before, how many now point at
    another event id (moved), and the orphans this run made (Store.reviews dicts)."""

    run_id: str
    status: str
    articles: int = 0
    recoded: int = 0
    failed: int = 0
    events: int = 0
    reviews: int = 0
    moved: int = 0
    orphaned: list[dict] = field(default_factory=list)
    failures: tuple[Failure, ...] = ()


def recode(db: str, *, article_ids: list[str] | None = None, actors_file: str | None = None,
           lexicon_file: str | None = None, settings: dict | None = None, workers: int = 1, engine: str = "local", scheduler: str | None = None,
           pipeline: Pipeline | None = None, write_batch: int = 16,
           on_failure: Callable[[Failure], None] | None = None) -> RecodeReport:
    """Re-code the stored articles of `db` (all, or `article_ids`) and replace their coding.

    actors_file / lexicon_file: a user actor file and a user lexicon layered over the built-in ones. An article
    the pipeline fails on keeps its earlier coding (the failure is recorded in the run).
    """
    if not isinstance(write_batch, int) or write_batch < 1:
        raise UsageError(f"write_batch must be a positive integer, got {write_batch!r}")
    if lexicon_file:
        settings = {**(settings or {}), "lexicon": str(lexicon_file)}
    with Store(db) as store:
        before = {r["id"]: r["event_id"] for r in store.reviews(limit=None, orphaned=False)}
        run_id = store.begin_run("recode" + (f" {len(article_ids)} article(s)" if article_ids else " all"),
                                 list(article_ids or []))
        n = {"articles": 0, "recoded": 0, "events": 0}
        failures: list[Failure] = []
        status = "error"
        try:
            articles = list(store.stored_articles(article_ids))
            n["articles"] = len(articles)
            buffer: list[Document] = []

            def flush() -> None:
                n["events"] += store.replace_documents(buffer, run_id=run_id)
                n["recoded"] += len(buffer)
                buffer.clear()

            for out in run_documents(iter(articles), engine=engine, workers=workers, scheduler=scheduler,
                                     settings=settings, actors_file=actors_file, pipeline=pipeline):
                if isinstance(out, Failure):
                    store.record_failure(run_id, out)
                    failures.append(out)
                    if on_failure:
                        on_failure(out)
                    continue
                buffer.append(out)
                if len(buffer) >= write_batch:
                    flush()
            if buffer:
                flush()
            status = "partial" if failures else "ok"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            try:
                store.finish_run(run_id, counts={**n, "failed": len(failures)}, status=status)
            except RedlineError:
                log.warning("could not record the end of run %s", run_id, exc_info=True)
        after = {r["id"]: r for r in store.reviews(limit=None, history=True)}
    moved = sum(1 for rid, ev in before.items() if after.get(rid, {}).get("event_id") not in (None, ev))
    orphaned = [after[rid] for rid in before if rid in after and after[rid]["event_id"] is None]
    return RecodeReport(run_id, status, n["articles"], n["recoded"], len(failures), n["events"], len(before),
                        moved, orphaned, tuple(failures))
