"""store/bulk.py: upsert_rows does what INSERT ... ON CONFLICT DO UPDATE did, on a real DuckDB table."""

import duckdb
import pytest

from redline.store.bulk import upsert_rows

COLUMNS = ("id", "name", "count", "added")


@pytest.fixture()
def con():
    c = duckdb.connect(":memory:")
    c.execute("CREATE TABLE t (id VARCHAR PRIMARY KEY, name VARCHAR, count BIGINT, added VARCHAR)")
    c.execute("INSERT INTO t VALUES ('a', 'old a', 5, 'day 1'), ('b', 'old b', 7, 'day 1')")
    yield c
    c.close()


def _rows(con):
    return con.execute("SELECT * FROM t ORDER BY id").fetchall()


def test_stored_keys_are_updated_the_others_inserted_and_kept_columns_stay(con):
    upsert_rows(con, "t", [("a", "new a", 1, "day 2"), ("c", "new c", 3, "day 2")], key="id", columns=COLUMNS,
                keep=("added",))
    assert _rows(con) == [("a", "new a", 1, "day 1"), ("b", "old b", 7, "day 1"), ("c", "new c", 3, "day 2")]


def test_added_columns_add_to_the_stored_value(con):
    upsert_rows(con, "t", [("b", "b", -2, "x"), ("d", "d", 4, "x")], key="id", columns=COLUMNS, add=("count",),
                keep=("added",))
    assert _rows(con) == [("a", "old a", 5, "day 1"), ("b", "b", 5, "day 1"), ("d", "d", 4, "x")]


def test_the_same_result_as_duckdb_upsert_over_many_rows(con):
    con.execute("CREATE TABLE u AS SELECT * FROM t")
    con.execute("ALTER TABLE u ADD PRIMARY KEY (id)")
    rows = [(f"k{i}", f"n{i}", i, "later") for i in range(1200)] + [("a", "a again", 9, "later")]
    upsert_rows(con, "t", rows, key="id", columns=COLUMNS, keep=("added",))  # more keys than one IN list holds
    for r in rows:
        con.execute("INSERT INTO u VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
                    "count = excluded.count", list(r))
    assert _rows(con) == con.execute("SELECT * FROM u ORDER BY id").fetchall()
