"""The store: the only package that speaks SQL (DuckDB). TEMPORARY stub; the store owner writes it."""
