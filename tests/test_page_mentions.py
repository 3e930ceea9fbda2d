"""A page's mentions read from `page_mentions` (store/page_mentions.py) equal those read from `event_mentions`
(the reader before), for hand-made mentions with every kind of value, after a recode and a file's removal, and
after migration 47 filled the table on a store written without it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from redline.records import Entity, Place
from redline.store import Store, page_mentions
from redline.store.mention_reads import mentions_by_n

from test_store import RUS, UKR, make_doc, make_event

KYIV = Place("Kyiv", "UKR", admin1="Kyiv City", lat=50, lon=30.52, feature_type="P", precision="city",
             geonameid=703448, text="Kyiv", sentence=1, start=5, end=9, reason="gazetteer")  # an int latitude


def _docs(tag: str = "") -> list:
    putin = Entity("Путин \"Vlad\"", "RUS", "GOV", identifier_text="Vladimir Putin", identifier_id="Q7747",
                   office="president", reason="kb: Russia; named 5 times", sectors=("GOV", "ELI"))
    odd = dataclasses.replace(make_event("a1" + tag, 2), event_loc=KYIV, claim_source=(UKR, putin), actor=(putin,),
                              confidence=0.1 + 0.2, mode="firearms")  # a double that needs 17 digits
    events = [make_event("a1" + tag, 0), odd,
              make_event("a1" + tag, 1, event="THREATEN", quad=3, mode="threat", actor=(RUS,), recipient=(),
                         sentence="Russia warned of a red line.")]
    undated = dataclasses.replace(make_event("a3" + tag, 0, date=None, actor=(), recipient=()), goldstein=None,
                                  event_scale=None, quad_code=None, cameo="0", confidence=1)  # no entity at all
    return [make_doc("a1" + tag, events, places=(KYIV,)), make_doc("a2" + tag, []),
            make_doc("a3" + tag, [undated], published=None)]


def _records(store: Store, packed: bool) -> dict[int, str]:
    """Every mention's record as a page reads it (its event, article and seq known), encoded as the API does."""
    cur = store._cursor()
    known = {r[0]: (r[1], r[2], r[3]) for r in cur.execute(
        "SELECT n, event_id, article_id, seq FROM event_mentions").fetchall()}
    got = mentions_by_n(cur, sorted(known), known=known, packed=packed)
    assert sorted(got) == sorted(known)
    return {n: json.dumps(d, ensure_ascii=False) + repr(d) for n, (_, d) in got.items()}  # repr: 1 and 1.0 differ


def _check(store: Store) -> int:
    packed, plain = _records(store, True), _records(store, False)
    assert packed == plain
    rows = store.con.execute(f"SELECT n FROM {page_mentions.TABLE} ORDER BY n").fetchall()
    assert rows == store.con.execute("SELECT n FROM event_mentions ORDER BY n").fetchall()  # one row each
    # a page of events reads them there, and answers as from the mentions
    pages = []
    for flag in (True, False):
        store._page_mentions = flag
        pages.append([store.events_page(limit=10, factuality=None), store.events_page(limit=2, offset=1)])
    store._page_mentions = None
    assert json.dumps(pages[0], default=str) == json.dumps(pages[1], default=str)
    return len(packed)


def test_page_mentions_equal_the_mentions_for_every_kind_of_value(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        run = store.begin_run("test", [])
        store.write_documents(_docs(), run_id=run)
        store.write_document(_docs("b")[0], run_id=run)  # one article alone
        assert _check(store) == 7
        d = _records(store, True)
        assert any("0.30000000000000004" in v for v in d.values()) and any("Путин" in v for v in d.values())
        # a stored mention with extra keys and its own text (as a copy keeps it): the table filled again
        with store._write() as con:
            con.execute("UPDATE event_mentions SET extra = ?, own_text = ? WHERE seq = 1",
                        [json.dumps({"note": "é \"q\"", "score": 2.0, "parts": [1, None]}), "Its own text."])
            con.execute(f"DELETE FROM {page_mentions.TABLE}")
            page_mentions.fill(con)
        assert _check(store) == 7
        assert any('"note": "é' in v and "Its own text." in v for v in _records(store, True).values())
        # a recode replaces the rows: the old serials' rows go, the new ones come
        docs = _docs()
        docs[0] = dataclasses.replace(docs[0], events=docs[0].events[1:])
        store.replace_documents(docs[:1], run_id=run)
        assert _check(store) == 6


def test_a_mention_without_its_row_is_read_from_the_mentions(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        store.write_documents(_docs(), run_id=store.begin_run("test", []))
        with store._write() as con:
            con.execute(f"DELETE FROM {page_mentions.TABLE} WHERE n % 2 = 0")
        packed, plain = _records(store, True), _records(store, False)
        assert packed == plain and len(packed) == 4


def test_removing_a_file_removes_its_rows(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        run = store.begin_run("test", [])
        store.write_documents(_docs(), run_id=run)
        store.link_files([("/in/f.jsonl", "a1"), ("/in/f.jsonl", "a3")])
        store.replace_file("/in/f.jsonl", set())
        assert store.con.execute(f"SELECT count(*) FROM {page_mentions.TABLE}").fetchone()[0] == 0
        store.write_documents(_docs("c"), run_id=run)
        assert _check(store) == 4


def test_migration_47_fills_the_table_of_a_store_written_before(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_documents(_docs() + _docs("d"), run_id=store.begin_run("test", []))
        kept = store.con.execute(f"SELECT * FROM {page_mentions.TABLE} ORDER BY n").fetchall()
        with store._write() as con:
            con.execute(f"DROP TABLE {page_mentions.TABLE}")
            con.execute("DELETE FROM schema_migrations WHERE version = 47")
    with Store(path) as store:
        assert store.con.execute(f"SELECT * FROM {page_mentions.TABLE} ORDER BY n").fetchall() == kept
        assert _check(store) == 8
        assert store.con.execute("SELECT count(*) FROM duckdb_indexes() WHERE table_name = ?",
                                 [page_mentions.TABLE]).fetchone()[0] == 1  # a page's rows fetched by key
    assert len(kept) == 8 and dt.date.fromisoformat(json.loads(kept[0][1])[page_mentions.REC_FIELDS.index("date")])
