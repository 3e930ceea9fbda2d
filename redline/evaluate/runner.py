"""Run the real pipeline on gold sentences and score what comes out (what `redline eval` calls)."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

from ..pipeline import Pipeline
from ..records import Article, Document, Failure
from .gold import GoldRecord
from .metrics import Prediction, Resolver, directed_dyads, predicted_event, score
from .readers import read_gold

log = logging.getLogger(__name__)

def gold_article(record: GoldRecord) -> Article:
    """A gold sentence as an Article (no cleaning: the sentence is the body)."""
    return Article(id=record.id, text=record.text, published=record.published, source=f"gold:{record.id}")


def predict(records: Sequence[GoldRecord], *, pipeline: Pipeline | None = None,
            batch_size: int = 32) -> list[Prediction]:
    """Run the pipeline on every gold sentence (batched); skipped and failed sentences keep their reason."""
    pipeline = pipeline or Pipeline()
    live = [r for r in records if not r.skip]
    outs: dict[str, Document | Failure] = {}
    for rec, out in zip(live, pipeline.run((gold_article(r) for r in live), batch_size=batch_size), strict=True):
        outs[rec.id] = out
    preds = []
    for rec in records:
        if rec.skip:
            preds.append(Prediction(rec.id, skip=rec.skip))
            continue
        out = outs[rec.id]
        if isinstance(out, Failure):
            preds.append(Prediction(rec.id, skip=f"pipeline failed at {out.stage}: {out.reason}"))
            continue
        evs = [pe for pe in (predicted_event(e, scheme=rec.scheme) for e in out.events) if pe is not None]
        if rec.scheme == "cameo":
            evs = [d for pe in evs for d in directed_dyads(pe)]
        preds.append(Prediction(rec.id, tuple(evs)))
    return preds


def knowledge_resolver(pipeline: Pipeline) -> Resolver:
    """The actor knowledge base's `resolve(text)`, used to score actor texts on their own."""
    from ..knowledge.actors import load_knowledge

    return load_knowledge(pipeline.ctx).resolve


def run_eval(path: str | Path, *, fmt: str | None = None, pipeline: Pipeline | None = None,
             limit: int | None = None, with_mistakes: bool = False) -> dict:
    """Read a gold file, run the pipeline on its sentences and score them (see `score` for the keys)."""
    started = time.perf_counter()
    records = read_gold(path, fmt=fmt)
    if limit is not None:
        records = records[:limit]
    pipeline = pipeline or Pipeline()
    predictions = predict(records, pipeline=pipeline)
    report = score(records, predictions, resolve=knowledge_resolver(pipeline), with_mistakes=with_mistakes)
    scheme = records[0].scheme if records else "plover"
    return {"gold": str(path), "scheme": scheme, **report,
            "seconds": round(time.perf_counter() - started, 2)}
