"""IndiaPoliceEvents (Halterman et al. 2021): police actions in every sentence of 1,257 Times of India articles.

Whole articles (`docs.jsonl`, dated by `metadata.jsonl`) go through the pipeline; each sentence of
`sents.jsonl` gets the events coded in it. A sentence is predicted positive for
- KILL and FORCE: an asserted ASSAULT with a police actor (sector COP);
- ARREST: an asserted COERCE with mode arrest and a police actor;
- ANY_ACTION: any asserted event with a police actor.
FAIL (police failing to act) has no PLOVER reading and is not scored. Sentence-level P/R/F1 per label over
all sentences; the common keys (event_type, per_type, ...) are computed over police events of the types
ASSAULT and COERCE against gold built from KILL/FORCE (ASSAULT) and ARREST (COERCE).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..errors import InputError
from .articles import ArticleJob, run_articles
from .corpus import raw_span
from .gold import GoldActor, GoldEvent, GoldRecord
from .metrics import PredictedEvent, Prediction, predicted_event, prf, score

LABELS = ("KILL", "FORCE", "ARREST", "ANY_ACTION")
POLICE = GoldActor(None, None, "COP")


def _jsonl(path: Path) -> list[dict]:
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: line {lineno}: bad JSON: {exc.msg}") from exc
        if not isinstance(rec, dict):
            raise InputError(f"{path}: line {lineno}: not a JSON object")
        out.append(rec)
    return out


def police(p: PredictedEvent) -> bool:
    ev = p.source
    return ev is not None and any(e.sector == "COP" or "COP" in e.sectors for e in ev.actor)


def positive(label: str, events: tuple[PredictedEvent, ...]) -> bool:
    """Is the sentence predicted positive for an IPE label (see the module docstring)?"""
    cops = [e for e in events if police(e)]
    if label in ("KILL", "FORCE"):
        return any(e.event == "ASSAULT" for e in cops)
    if label == "ARREST":
        return any(e.event == "COERCE" and e.mode == "arrest" for e in cops)
    return bool(cops)


def gold_events(labels: list[str]) -> tuple[GoldEvent, ...]:
    out = []
    if {"KILL", "FORCE"} & set(labels):
        out.append(GoldEvent("ASSAULT", (POLICE,)))
    if "ARREST" in labels:
        out.append(GoldEvent("COERCE", (POLICE,), mode="arrest"))
    return tuple(out)


def run_ipe(path: str | Path, *, pipeline, limit: int | None = None, with_errors: bool = False) -> dict:
    """Score the pipeline on IndiaPoliceEvents; path is sents.jsonl, docs.jsonl and metadata.jsonl sit beside it."""
    path = Path(path)
    sents = _jsonl(path)
    docs = {d["doc_id"]: d for d in _jsonl(path.with_name("docs.jsonl"))}
    meta = {m["doc_id"]: m for m in _jsonl(path.with_name("metadata.jsonl"))}
    by_doc: dict = {}
    for s in sents:
        if not {"doc_id", "sent_id", "sent_labels", "sent_text"} <= set(s):
            raise InputError(f"{path}: a sentence record needs doc_id, sent_id, sent_labels and sent_text")
        by_doc.setdefault(s["doc_id"], []).append(s)
    doc_ids = sorted(by_doc)
    if limit is not None:
        doc_ids = doc_ids[:limit]
    jobs, records, skipped = [], [], []
    for did in doc_ids:
        doc = docs.get(did)
        if doc is None:
            skipped.extend({"id": f"{did}#{s['sent_id']}", "reason": f"doc {did} is not in docs.jsonl"} for s in by_doc[did])
            continue
        raw, cursor, spans = doc["doc_text"], 0, []
        for s in sorted(by_doc[did], key=lambda x: x["sent_id"]):
            gid = f"{did}#{s['sent_id']}"
            span = raw_span(raw, s["sent_text"], cursor) if s["sent_text"].strip() else None
            records.append(GoldRecord(gid, " ".join(s["sent_text"].split()), gold_events(s["sent_labels"]),
                                      tags=tuple(s["sent_labels"])))
            if span is None:
                skipped.append({"id": gid, "reason": "sentence text not found in its document"})
                continue
            cursor = span[0] + 1
            spans.append((gid, *span))
        try:
            published = dt.date.fromisoformat(meta.get(did, {}).get("date") or "")
        except ValueError:
            published = None
        jobs.append(ArticleJob(f"ipe-{did}", raw, published, None, tuple(spans)))
    events: dict[str, tuple[PredictedEvent, ...]] = {}
    failed: dict[str, str] = {}
    for res in run_articles(jobs, pipeline=pipeline):
        for gid, _, _ in res.job.spans:
            if res.failure is not None:
                failed[gid] = f"pipeline failed at {res.failure.stage}: {res.failure.reason}"
            evs = (predicted_event(e) for e in res.events.get(gid, []))
            events[gid] = tuple(e for e in evs if e is not None)
    skip_ids = {s["id"] for s in skipped} | set(failed)
    skipped += [{"id": g, "reason": r} for g, r in failed.items()]
    scored = [r for r in records if r.id not in skip_ids]
    per_label = {}
    for label in LABELS:
        tp = fp = fn = 0
        for r in scored:
            gold, pred = label in r.tags, positive(label, tuple(e for e in events.get(r.id, ()) if e.factuality == "asserted"))
            tp += gold and pred
            fp += pred and not gold
            fn += gold and not pred
        per_label[label] = prf(tp, fp, fn)
    police_preds = [Prediction(r.id, tuple(e for e in events.get(r.id, ())
                                           if police(e) and e.event in ("ASSAULT", "COERCE"))) for r in scored]
    report = score(scored, police_preds)
    pairs = list(zip(scored, police_preds, strict=True))
    hits = n = 0
    for gold, pred in pairs:
        for ge in gold.asserted:
            n += 1
            hits += any(pe.event == ge.event for pe in pred.asserted)
    report["recall_type_actor"] = round(hits / n, 4) if n else None
    report["counts"]["recall_type_actor_events"] = n
    report["date_accuracy"] = None
    report["triple"] = None
    report["per_label"] = {k: {"maps_to": {"ARREST": "COERCE/arrest", "ANY_ACTION": "any"}.get(k, "ASSAULT"),
                               "snippets": v["tp"] + v["fn"], "recall": v["recall"], **v} for k, v in per_label.items()}
    report["skipped"] = skipped
    report["notes"] = ["FAIL (police inaction) has no PLOVER reading and is not scored",
                       "actor accuracy n/a: the corpus gives no actor codes"]
    if with_errors:
        from .error_report import error_rows

        report["errors"] = error_rows(pairs, arguments=False)
    return {"gold": str(path), "scheme": "ipe", "articles": len(jobs), **report}
