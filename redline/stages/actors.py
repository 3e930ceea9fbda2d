"""TEMPORARY STUB: actors stage, replaced by its owner."""
from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document


@stage("actors", requires=('sentences',), provides=('mentions',))
def resolve_actors(doc: Document, ctx: Context) -> Document:
    return doc
