"""An article read from its one row of parts (store/article_parts.py) equals the article read from the tables
(the reader before), for articles the real pipeline coded, hand-made ones with every kind of value, after a
recode and after migration 40 filled the table on a store written without it."""

from __future__ import annotations

import dataclasses
import json

import duckdb
import pytest

from redline.records import Entity, Place, Quote
from redline.samples import load_samples
from redline.store import Store
from redline.store import article_parts
from redline.store.article_parts import TABLE

from test_store import RUS, UKR, make_doc, make_event


def _both(store: Store, article_id: str) -> tuple[str, str]:
    """The article as read from its parts and as read from the tables, as the API encodes it."""
    parts = store.article(article_id)
    store._article_parts = False
    try:
        tables = store.article(article_id)
    finally:
        store._article_parts = True
    return json.dumps(parts, default=str), json.dumps(tables, default=str)


def _check_all(store: Store) -> int:
    ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    for article_id in ids:
        parts, tables = _both(store, article_id)
        assert parts == tables, article_id
    return len(ids)


def _hand_made() -> list:
    loc = Place("Kyiv", "UKR", admin1="Kyiv City", lat=50, lon=30.52, feature_type="P", precision="city",
                geonameid=703448, text="Kyiv", sentence=1, start=5, end=9, reason="gazetteer")  # an int latitude
    speaker = Entity("Putin", "RUS", "GOV", identifier_text="Vladimir Putin", sectors=("GOV", "ELI"))
    quote = Quote("q1", "a1", "We will respond.", True, speaker, "Putin", "said", None, 1, 30, 46,
                  event_ids=("a1-e0",), tone=-0.25)
    events = [make_event("a1", 0), make_event("a1", 1, event="THREATEN", quad=3, mode="threat",
                                              sentence="Russia warned of a red line.", actor=(RUS,), recipient=()),
              dataclasses.replace(make_event("a1", 2), event_loc=loc, claim_source=(UKR,), confidence=1)]
    return [make_doc("a1", events, places=(loc,), quotes=(quote,), tone=0.5),
            make_doc("a2", []),  # no events, places or quotes
            make_doc("a3", [make_event("a3", 0, date=None)], published=None)]


def test_article_parts_equal_the_tables_for_every_kind_of_value(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        run = store.begin_run("test", [])
        store.write_documents(_hand_made()[:2], run_id=run)
        store.write_document(_hand_made()[2], run_id=run)  # one article alone: parameters, not an Arrow table
        assert store.con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] == 3
        assert _check_all(store) == 3
        art = store.article("a1")
        assert len(art["events"]) == 3 and art["places"][0]["lat"] == 50.0 and art["quotes"][0]["tone"] == -0.25
        # a recode replaces the parts with the rows
        docs = _hand_made()
        docs[0] = dataclasses.replace(docs[0], events=docs[0].events[:1], places=())
        store.replace_documents(docs[:1], run_id=run)
        assert _check_all(store) == 3 and len(store.article("a1")["events"]) == 1 and not store.article("a1")["places"]


def test_article_parts_of_the_real_pipeline_and_of_migration_40(tmp_path, pipeline):
    docs = [d for d in pipeline.run(load_samples()[:6]) if hasattr(d, "events")]
    assert any(d.places for d in docs) and any(d.quotes for d in docs) and any(d.events for d in docs)
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        run = store.begin_run("test", [])
        store.write_documents(docs, run_id=run)
        ingested = {r[0]: store.article(r[0]) for r in store.con.execute("SELECT id FROM articles").fetchall()}
        assert _check_all(store) == len(docs)
    # a store written before migration 40: the table is built from the stored rows when it is opened
    con = duckdb.connect(str(path))
    con.execute(f"DROP TABLE {TABLE}")
    con.execute("DELETE FROM schema_migrations WHERE version = 40")
    con.close()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(article_parts, "CHUNK", 2)  # a few articles per statement, as at ten million events
        store = Store(path)
    with store:
        assert store.con.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] == len(docs)
        assert _check_all(store) == len(docs)
        assert {i: store.article(i) for i in ingested} == ingested
