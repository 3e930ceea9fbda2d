"""TEMPORARY STUB: quotes stage, replaced by its owner."""
from __future__ import annotations

from ..pipeline import Context, stage
from ..records import Document


@stage("quotes", requires=('sentences', 'mentions', 'events',), provides=('quotes',))
def find_quotes(doc: Document, ctx: Context) -> Document:
    return doc
