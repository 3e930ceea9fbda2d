"""TEMPORARY STUB: dates stages, replaced by their owner."""
from __future__ import annotations

import dataclasses

from ..pipeline import Context, stage
from ..records import Document


@stage("reference-date", requires=("sentences",), provides=("reference_date",))
def date_document(doc: Document, ctx: Context) -> Document:
    return dataclasses.replace(doc, reference_date=doc.article.published, reference_reason="dateline")


@stage("dates", requires=("events", "reference_date"), provides=("times",))
def date_events(doc: Document, ctx: Context) -> Document:
    return doc
