"""redline: political event data from news articles, coded in PLOVER with CAMEO alongside."""

__all__ = ["extract", "extract_document", "Article", "Document", "Entity", "Event", "Factuality", "Place", "Quote",
           "Store"]
__version__ = "0.1.0"

_RECORDS = ("Article", "Document", "Entity", "Event", "Factuality", "Place", "Quote")


def __getattr__(name):
    # lazy: coding text needs no duckdb, a store query needs no spaCy pipeline and no record classes, and
    # every `redline` command starts by importing this package
    if name == "Store":
        from .store import Store

        return Store
    if name in ("extract", "extract_document"):
        from . import api

        return getattr(api, name)
    if name in _RECORDS:
        from . import records

        return getattr(records, name)
    raise AttributeError(name)
