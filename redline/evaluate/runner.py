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

SENTENCE_FORMATS = ("plover", "petrarch", "redline")
FORMATS = (*SENTENCE_FORMATS, "realnews", "case2021", "ipe", "petrarch-unit", "ngec-synthetic")


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


def event_extras(pairs, report: dict) -> dict:
    """The event-level keys every format reports: recall_type_actor, date_accuracy, places; counts alongside."""
    from .matching import date_accuracy, place_scores, recall_type_actor

    rta, rta_n = recall_type_actor(pairs)
    dates, dates_n = date_accuracy(pairs)
    places = place_scores(pairs)
    report["counts"].update({"recall_type_actor_events": rta_n, "dated_events": dates_n,
                             "predicted_places": places["predicted"], "gold_places": places["gold"]})
    return {"recall_type_actor": rta, "date_accuracy": dates if dates_n else None,
            "place_precision": places["precision"], "place_recall": places["recall"]}


def sentence_trace(doc: Document, index: int, pipeline: Pipeline) -> list[str]:
    """Why the coder coded (or did not code) one sentence of a coded document: its trace and dropped frames."""
    from ..stages.coding import QuoteVoices, load_coder

    coder = load_coder(pipeline.ctx)
    voices = QuoteVoices.of(doc)
    voices.apply(coder, index)
    sent = next((s for s in doc.sentences if s.index == index), None)
    if sent is None:
        return ["the sentence was not parsed"]
    trace: list[str] = []
    coder.date = doc.reference_date or doc.article.published
    _, skipped = coder.code_sentence(doc, sent, [m for m in doc.mentions if m.sentence == index],
                                     int(pipeline.ctx.settings["max_sentence_tokens"]), trace)
    voices.apply(coder, None)
    return list(skipped) + trace


def scored_pairs(records: Sequence[GoldRecord], predictions: Sequence[Prediction]) -> list:
    by_id = {p.id: p for p in predictions}
    return [(r, by_id[r.id]) for r in records if r.id in by_id and not by_id[r.id].skip]


def run_sentences(path: str | Path, *, fmt: str | None, pipeline: Pipeline, limit: int | None,
                  with_mistakes: bool, with_errors: bool) -> dict:
    records = read_gold(path, fmt=fmt)
    if limit is not None:
        records = records[:limit]
    predictions = predict(records, pipeline=pipeline)
    report = score(records, predictions, resolve=knowledge_resolver(pipeline), with_mistakes=with_mistakes)
    pairs = scored_pairs(records, predictions)
    report.update(event_extras(pairs, report))
    if with_errors:
        from .error_report import error_rows

        report["errors"] = error_rows(pairs)
    scheme = records[0].scheme if records else "plover"
    return {"gold": str(path), "scheme": scheme, **report}


def run_eval(path: str | Path, *, fmt: str | None = None, pipeline: Pipeline | None = None,
             limit: int | None = None, with_mistakes: bool = False, with_errors: bool = False,
             corpus: str | Path | None = None, actors_file: str | None = None,
             lexicon_file: str | None = None, settings: dict | None = None, split: str | None = None) -> dict:
    """Read a gold file, run the pipeline on it and score what comes out (see `score` for the keys).

    fmt: a sentence format (plover, petrarch, redline; guessed from the suffix), "realnews" (needs `corpus`,
    the JSONL the gold points into), "case2021", "ipe" or "petrarch-unit" (PETRARCH2's unit-test records with
    their own dictionaries, see petrarch_unit). with_errors adds "errors": every false positive and false
    negative (redline.evaluate.error_report). actors_file / lexicon_file: user files the pipeline layers over
    the built-in knowledge (when no pipeline is given); settings: overrides for that pipeline (e.g. {"veto": False}).
    "ngec-synthetic": NGEC's machine-written stories (the CSV or its zip), recall by label on one `split` ("dev",
    "test" or "all"; default dev), see synthetic.
    """
    from ..errors import UsageError
    from ..pipeline import Context

    if split is not None and fmt != "ngec-synthetic":
        raise UsageError("--split is for --format ngec-synthetic (the other gold files come split in files)")
    started = time.perf_counter()
    if fmt == "petrarch-unit":
        from .petrarch_unit import run_petrarch_unit

        report = run_petrarch_unit(path, actors_file=actors_file, lexicon_file=lexicon_file, limit=limit,
                                   with_mistakes=with_mistakes, settings=settings)
        return {**report, "seconds": round(time.perf_counter() - started, 2)}
    if pipeline is None:
        pipeline = Pipeline(Context(settings=settings, actors_file=actors_file, lexicon_file=lexicon_file)) if (
            actors_file or lexicon_file or settings) else Pipeline()
    if fmt == "realnews":
        from .realnews import run_realnews

        if corpus is None:
            raise UsageError("--format realnews needs --corpus (the corpus JSONL the gold file points into)")
        report = run_realnews(path, corpus, pipeline=pipeline, limit=limit, with_errors=with_errors,
                              with_mistakes=with_mistakes)
    elif fmt == "case2021":
        from .case2021 import run_case2021

        report = run_case2021(path, pipeline=pipeline, limit=limit, with_errors=with_errors)
    elif fmt == "ngec-synthetic":
        from .synthetic import run_synthetic

        report = run_synthetic(path, pipeline=pipeline, split=split or "dev", limit=limit, with_errors=with_errors)
    elif fmt == "ipe":
        from .ipe import run_ipe

        report = run_ipe(path, pipeline=pipeline, limit=limit, with_errors=with_errors)
    else:
        report = run_sentences(path, fmt=fmt, pipeline=pipeline, limit=limit, with_mistakes=with_mistakes,
                               with_errors=with_errors)
    return {**report, "seconds": round(time.perf_counter() - started, 2)}
