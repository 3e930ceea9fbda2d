"""How many events a page of no window counts: the dated ones and the undated ones, these from the aggregates
(their article's day) and, for an article with no day at all, over the events (queries.Queries._undated_sql)."""

from __future__ import annotations

import dataclasses

from test_store import make_doc, make_event

from redline.records import DatePrecision
from redline.store import Store, aggregates


def _undated(doc_id: str, n: int, **kw):
    return dataclasses.replace(make_event(doc_id, n, **kw), date=None, date_precision=DatePrecision.UNKNOWN)


def test_undated_events_of_articles_with_and_without_a_day_are_counted(tmp_path):
    dated = make_doc("d1", [make_event("d1", 0), _undated("d1", 1, event="COERCE", quad=4)])
    no_day = dataclasses.replace(make_doc("d2", [_undated("d2", 0, event="THREATEN", quad=3),
                                                 _undated("d2", 1, event="ACCUSE", quad=3, actor=(), recipient=())]),
                                 reference_date=None)
    no_day = dataclasses.replace(no_day, article=dataclasses.replace(no_day.article, published=None))
    with Store(tmp_path / "u.duckdb") as store:
        store.write_documents([dated, no_day], run_id=store.begin_run("test", []))
        con = store.con
        assert con.execute("SELECT count(*) FROM events WHERE date IS NULL AND article_day IS NULL").fetchone()[0] == 2
        # (want: every matching event; held: the undated ones the aggregates hold, d1's COERCE only)
        for filters, want, held in (({}, 4, 1), ({"actor": "RUS"}, 3, 1), ({"actor": "RUS", "recipient": "UKR"}, 3, 1),
                                    ({"event": "THREATEN"}, 1, 0), ({"event": "COERCE"}, 1, 1),
                                    ({"recipient": "USA"}, 0, 0), ({"factuality": None}, 4, 1)):
            assert store.count_events(**filters) == want, filters
            page, total = store.events_page(**filters, limit=10)
            assert (len(page), total) == (want, want), filters
            kw = {"actor": None, "recipient": None, "event": None, "factuality": "asserted", **filters}
            sql, p = aggregates.undated_count_sql(**kw)
            assert con.execute(sql, p).fetchone()[0] == held, filters
