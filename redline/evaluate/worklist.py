"""Worklists for annotating real articles: the sampled articles, cleaned and split into sentences by redline.

A worklist holds news text and is written outside the project (annotators read it; the gold file they write
keeps only ids, spans and hashes). Its sentences are the first `FIRST_SENTENCES` of the cleaned body, as the
parse stage splits them, each with its span in the raw corpus text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..pipeline import Pipeline
from ..records import Document, Failure
from ..stages.clean import clean_text
from .corpus import FIRST_SENTENCES, CorpusArticle, sentence_spans, text_hash


def _published(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_only() -> Pipeline:
    """A pipeline that only splits and parses sentences (all a worklist needs)."""
    from ..stages.parse import parse_sentences

    return Pipeline(stages=[parse_sentences.stage])


def worklist(article: CorpusArticle, doc: Document, *, split: str, first: int = FIRST_SENTENCES) -> dict:
    """The worklist of one article: metadata, the cleaned body for context, and its first sentences with spans."""
    sents = doc.sentences[:first]
    rows = []
    for s, span in zip(sents, sentence_spans(article.text, (x.text for x in sents)), strict=True):
        if span is None:
            rows.append({"n": s.index, "text": s.text, "error": "sentence not found in the raw text"})
            continue
        start, end = span
        rows.append({"n": s.index, "start": start, "end": end, "sha": text_hash(article.text[start:end]),
                     "text": article.text[start:end]})
    return {
        "article": article.id, "split": split, "date": article.date, "title": article.title, "source": article.source,
        "removed": [dataclasses.asdict(r) for r in doc.article.removed],
        "cleaned_text": doc.article.text, "sentences": rows,
    }


def build_worklists(articles: list[CorpusArticle], splits: dict[str, str], *,
                    pipeline: Pipeline | None = None) -> list[dict]:
    """Worklists for the given articles (in order); splits maps article id -> "dev" / "test"."""
    pipeline = pipeline or parse_only()
    cleaned = [clean_text(a.text, title=a.title, published=_published(a.date), article_id=a.id,
                          source=f"corpus:{a.id}") for a in articles]
    out = []
    for art, doc in zip(articles, pipeline.run(cleaned), strict=True):
        if isinstance(doc, Failure):
            out.append({"article": art.id, "split": splits.get(art.id), "error": f"{doc.stage}: {doc.reason}"})
            continue
        out.append(worklist(art, doc, split=splits.get(art.id, "")))
    return out
