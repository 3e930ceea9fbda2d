"""DuckDB for the store, imported as lightly as the installed package allows.

`import duckdb` runs the package's Python layer (relations, expressions, Arrow sources, a version look-up
through importlib.metadata) on top of the engine: about 80 ms of a `redline events` process's 0.3 s, none
of which a store needs to run SQL and fetch rows. Where the engine is its own module (`_duckdb`, DuckDB
1.4 and later) the store imports only that; with older packages it is `duckdb` itself. `duckdb.connect`,
cursors, `execute`, the fetch methods and every exception class are the engine's own either way.

Registering Python data (an Arrow table) needs the package's Arrow sources: call `with_arrow()` first
(it imports the package, which installs them on the engine, once per process).
"""

from __future__ import annotations

try:
    import _duckdb as duckdb
except ImportError:  # DuckDB before 1.4: the engine lives inside the package
    import duckdb

__all__ = ["duckdb", "with_arrow"]


def with_arrow():
    """The whole duckdb package (its Arrow sources installed on the engine); returns it."""
    import duckdb as package

    return package
