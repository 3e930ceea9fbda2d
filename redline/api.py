"""The Python API: what the CLI, HTTP API and dashboard call. Nothing here sees CLI objects."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .pipeline import Context, Pipeline
from .plover import event_dict
from .records import Document, Factuality
from .stages.clean import clean_text

_DEFAULT: dict[tuple, Pipeline] = {}


def default_pipeline() -> Pipeline:
    """A process-wide pipeline with the default context (model and knowledge loaded once per distinct settings,
    so a changed REDLINE_CONFIG file or REDLINE_<NAME> variable takes effect in a long-lived process too)."""
    from .settings import load_settings

    key = tuple(sorted((k, str(v)) for k, v in load_settings().items()))
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(Context())
    return _DEFAULT[key]


def extract_document(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Clean, parse and code one raw article text; return the full Document (events of every factuality)."""
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    article = clean_text(text, published=published, source=source)
    return (pipeline or default_pipeline()).run_one(article)


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    all: bool = False,  # noqa: A002 - mirrors the CLI flag --all
    pipeline: Pipeline | None = None,
    min_confidence: float | None = None,
) -> list[dict[str, Any]]:
    """Events coded from one raw article text, as PLOVER dicts (docs/schema.md): the records `redline extract`
    prints and `Store.events` returns (the store adds num_mentions, num_sources and num_articles). By default
    only asserted events; all=True returns every one. The Event records are on `extract_document(...).events`.

    min_confidence: only events at least this confident (Event.confidence, the calibrated probability that the
    event's type, actor and recipient are right).
    """
    doc = extract_document(text, published=published, pipeline=pipeline)
    return [event_dict(e) for e in doc.events if (all or e.factuality == Factuality.ASSERTED)
            and (min_confidence is None or e.confidence >= min_confidence)]
