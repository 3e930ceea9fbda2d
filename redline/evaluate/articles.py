"""Whole-article evaluation: run the pipeline on raw articles, then hand each gold sentence what was coded in it.

Real-article gold (and IndiaPoliceEvents) annotates sentences by their span in the raw article text. The
pipeline cleans the article first, so its sentence offsets point into the cleaned body; each coded sentence is
found again in the raw text and its events go to the gold sentence it overlaps most. Events coded in sentences
no gold span covers (beyond the annotated first sentences) are left out of the scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..pipeline import Pipeline
from ..records import Document, Event, Failure
from ..stages.clean import clean_text
from .corpus import sentence_spans


@dataclass(frozen=True, slots=True)
class ArticleJob:
    """One article to code and the gold sentences in it: (gold id, start, end) spans into `raw`."""

    id: str
    raw: str
    published: dt.date | None = None
    title: str | None = None
    spans: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What one article gave: events per gold sentence id, and which coded sentence each gold id got."""

    job: ArticleJob
    doc: Document | None
    failure: Failure | None = None
    events: dict[str, list[Event]] = field(default_factory=dict)
    sentence_of: dict[str, int] = field(default_factory=dict)  # gold id -> index of the coded sentence


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def assign(job: ArticleJob, doc: Document) -> ArticleResult:
    """Map the document's sentences (and so its events) onto the job's gold spans by raw-text overlap."""
    raw_of: dict[int, tuple[int, int]] = {}
    for sent, span in zip(doc.sentences, sentence_spans(job.raw, (s.text for s in doc.sentences)), strict=True):
        if span is not None:
            raw_of[sent.index] = span
    gold_of: dict[int, str] = {}
    sentence_of: dict[str, int] = {}
    best: dict[str, int] = {}
    for idx, span in raw_of.items():
        scored = [(_overlap(span, (s, e)), gid) for gid, s, e in job.spans]
        size, gid = max(scored, default=(0, ""))
        if size <= 0:
            continue
        gold_of[idx] = gid
        if size > best.get(gid, 0):
            best[gid] = size
            sentence_of[gid] = idx
    events: dict[str, list[Event]] = {gid: [] for gid, _, _ in job.spans}
    for ev in doc.events:
        gid = gold_of.get(ev.text_info.sentence)
        if gid is not None:
            events[gid].append(ev)
    return ArticleResult(job, doc, None, events, sentence_of)


def run_articles(jobs: Iterable[ArticleJob], *, pipeline: Pipeline | None = None,
                 batch_size: int = 16) -> Iterator[ArticleResult]:
    """Clean and code each article (metadata date as its publication date) and assign its events."""
    pipeline = pipeline or Pipeline()
    jobs = list(jobs)
    articles = (clean_text(j.raw, title=j.title, published=j.published, article_id=j.id, source=f"gold:{j.id}")
                for j in jobs)
    for job, out in zip(jobs, pipeline.run(articles, batch_size=batch_size), strict=True):
        if isinstance(out, Failure):
            yield ArticleResult(job, None, out, {gid: [] for gid, _, _ in job.spans})
        else:
            yield assign(job, out)
