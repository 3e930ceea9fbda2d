"""The store: the only package that speaks SQL (an embedded DuckDB file). See docs/store.md."""

from .core import Store

__all__ = ["Store"]
