"""TEMPORARY STUB: places stage, replaced by its owner."""
from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document


@stage("places", requires=('sentences', 'events',), provides=('places',))
def place_events(doc: Document, ctx: Context) -> Document:
    return doc
