"""TEMPORARY STUB: tone stage, replaced by its owner."""
from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document


@stage("tone", requires=('sentences',), provides=('tone',))
def score_tone(doc: Document, ctx: Context) -> Document:
    return doc
