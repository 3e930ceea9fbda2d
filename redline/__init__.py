"""redline: political event data from news articles, coded in PLOVER with CAMEO alongside."""

from .api import extract, extract_document
from .records import Article, Document, Entity, Event, Factuality, Place, Quote

__all__ = ["extract", "extract_document", "Article", "Document", "Entity", "Event", "Factuality", "Place", "Quote",
           "Store"]
__version__ = "0.1.0"


def __getattr__(name):
    if name == "Store":  # lazy: importing duckdb is not needed to code text
        from .store import Store

        return Store
    raise AttributeError(name)
