"""TEMPORARY STUB: coding stage, replaced by its owner."""
from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document


@stage("coding", requires=('sentences', 'mentions',), provides=('events',))
def code_events(doc: Document, ctx: Context) -> Document:
    return doc
