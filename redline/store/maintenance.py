"""Store maintenance: a compact copy of a store file (blocks freed by deletes and migrations given back)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from .engine import duckdb


@dataclass(frozen=True, slots=True)
class Compaction:
    path: str
    bytes_before: int
    bytes_after: int


def compact(path: str | os.PathLike) -> Compaction:
    """Rewrite the store at `path` into a fresh file with DuckDB's COPY FROM DATABASE, then put it in place.

    DuckDB reuses freed blocks but never shrinks its file; after a migration (which rewrites tables) or many
    removed articles, this gives the space back. The store must not be open elsewhere. Its dedup index
    (`<path>.dedup`) stays valid: the copy keeps the store id and the signature ranks.
    """
    from . import Store

    src = Path(path)
    if not src.exists():
        raise StoreError(f"store {src}: no such file")
    with Store(src) as store:  # applies pending migrations and empties the write-ahead log into the file
        store.checkpoint()
    before = src.stat().st_size
    tmp = src.with_name(src.name + ".compact")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect()
    try:
        con.execute("ATTACH ? AS src (READ_ONLY)", [str(src)])
        con.execute("ATTACH ? AS dst", [str(tmp)])
        con.execute("COPY FROM DATABASE src TO dst")
        con.execute("DETACH dst")
    except duckdb.Error as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"store {src}: cannot compact: {exc}") from exc
    finally:
        con.close()
    os.replace(tmp, src)
    return Compaction(str(src), before, src.stat().st_size)
