"""agg_weeks (store/agg_weeks.py): the weekly sums a timeline by week reads for the whole weeks of its window.

tests/test_aggregates.py checks the table against a rebuild and the timelines against counting over the events
after every batch, review and removal; here: which days a window reads where, windows that start or end inside a
week, and migration 46 on a store written before it."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from redline.store import Store, agg_weeks, aggregates, analytics

from test_aggregates import ALL, _document, full_timeline

D = dt.date


@pytest.mark.parametrize(("since", "until", "weeks", "days"), [
    (None, None, (None, None), []),
    (D(2014, 1, 6), D(2014, 1, 19), (D(2014, 1, 6), D(2014, 1, 13)), []),  # Monday to Sunday: whole weeks
    (D(2014, 1, 8), D(2014, 1, 22), (D(2014, 1, 13), D(2014, 1, 13)),  # Wednesday to Wednesday
     [(D(2014, 1, 8), D(2014, 1, 12)), (D(2014, 1, 20), D(2014, 1, 22))]),
    (D(2014, 1, 7), D(2014, 1, 10), None, [(D(2014, 1, 7), D(2014, 1, 10))]),  # inside one week
    (D(2014, 1, 7), D(2014, 1, 13), None, [(D(2014, 1, 7), D(2014, 1, 13))]),  # across two, neither whole
    (D(2014, 1, 7), None, (D(2014, 1, 13), None), [(D(2014, 1, 7), D(2014, 1, 12))]),
    (None, D(2014, 1, 18), (None, D(2014, 1, 6)), [(D(2014, 1, 13), D(2014, 1, 18))]),
    (D(2014, 1, 12), D(2014, 1, 12), None, [(D(2014, 1, 12), D(2014, 1, 12))]),
])
def test_a_window_is_its_whole_weeks_and_the_days_of_its_partial_ones(since, until, weeks, days):
    assert agg_weeks.week_parts(since, until) == (weeks, days)
    got = [] if weeks is None else [weeks]
    if weeks is not None:  # every day of the window once: the whole weeks' days and the partial weeks' days
        first = weeks[0] or D(2014, 1, 1)
        last = (weeks[1] or D(2014, 2, 24)) + dt.timedelta(days=6)
        covered = {first + dt.timedelta(days=i) for i in range((last - first).days + 1)}
        assert all(d.weekday() == 0 for w in got for d in w if d)
    else:
        covered = set()
    for lo, hi in days:
        part = {lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)}
        assert not part & covered
        covered |= part
    lo, hi = since or min(covered), until or max(covered)
    assert covered == {lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)}


def _store(tmp_path, n=30):
    rng = random.Random(7)
    store = Store(tmp_path / "w.duckdb")
    run = store.begin_run("test", [])
    seen: list[tuple] = []
    docs = [_document(rng, f"a{i}", D(2014, 1, 1) + dt.timedelta(days=rng.randrange(80)), seen) for i in range(n)]
    for step in range(0, n, 5):
        store.write_documents(docs[step:step + 5], run_id=run)
    return store


WINDOWS = [(None, None), (D(2014, 1, 8), D(2014, 2, 19)), (D(2014, 1, 14), D(2014, 1, 17)),
           (D(2014, 1, 6), D(2014, 2, 2)), (D(2014, 1, 25), None), (None, D(2014, 2, 4)),
           (D(2014, 1, 12), D(2014, 1, 13))]


def test_timelines_by_week_in_windows_inside_and_across_weeks_count_as_the_events(tmp_path):
    with _store(tmp_path) as store:
        con = store.con
        assert con.execute("SELECT count(*) FROM agg_weeks WHERE events <> 0").fetchone()[0] > 0
        # fewer rows than the days' they sum (what the timeline no longer reads)
        assert con.execute("SELECT count(*) FROM agg_weeks").fetchone()[0] < \
            con.execute("SELECT count(*) FROM agg_days").fetchone()[0]
        for since, until in WINDOWS:
            for actor, recipient, both in ((None, None, False), ("RUS", None, True), (None, "UKR", False),
                                           ("RUS", "UKR", True), ("UKR", "UKR", True)):
                for facts, undated in ((("asserted",), False), (ALL, True)):
                    args = dict(actor=actor, recipient=recipient, by="week", since=since, until=until,
                                factuality=facts, both_directions=both, undated=undated)
                    got = analytics.timeline(con, **args)
                    assert got == full_timeline(con, actor, recipient, "week", since, until, facts, both, undated), \
                        args
                    assert got == analytics.timeline(con, **args, rollup=False), args
                for by in ("week", "month", "day"):  # what a timeline left out: a sum over the whole window
                    args["by"] = by
                    left = analytics.timeline(con, **args, left_out=True)
                    assert left == full_timeline(con, actor, recipient, by, since, until, facts, both, undated,
                                                 left_out=True), args
                    assert left == analytics.timeline(con, **args, left_out=True, rollup=False), args


def test_a_timeline_by_week_in_whole_weeks_reads_the_weekly_sums(tmp_path):
    """A window of whole weeks (or none) is read from agg_weeks: emptied, it counts nothing there; a window with a
    partial week reads every day from agg_days, and so do other periods (their left-out counts too, unless the
    window is whole weeks)."""
    with _store(tmp_path) as store:
        con = store.con
        args = dict(actor="RUS", recipient=None, factuality=ALL, both_directions=True)
        whole = [(None, None), (D(2014, 1, 6), D(2014, 2, 9)), (None, D(2014, 2, 2)), (D(2014, 1, 13), None)]
        partial = [(D(2014, 1, 7), D(2014, 2, 9)), (D(2014, 1, 6), D(2014, 2, 8)), (D(2014, 1, 14), D(2014, 1, 17))]
        before = {w: (analytics.timeline(con, by="week", since=w[0], until=w[1], **args),
                      analytics.timeline(con, by="month", since=w[0], until=w[1], **args),
                      analytics.timeline(con, by="day", since=w[0], until=w[1], left_out=True, **args))
                  for w in whole + partial}
        assert all(b[0] and b[2][0]["coarser"] + b[2][0]["undated"] for w, b in before.items() if w in whole)
        con.execute("DELETE FROM agg_weeks")
        for w in whole:
            assert analytics.timeline(con, by="week", since=w[0], until=w[1], **args) == [], w
            assert analytics.timeline(con, by="day", since=w[0], until=w[1], left_out=True, **args) == \
                [{"coarser": 0, "undated": 0}]
            assert analytics.timeline(con, by="month", since=w[0], until=w[1], **args) == before[w][1]
        for w in partial:
            assert (analytics.timeline(con, by="week", since=w[0], until=w[1], **args),
                    analytics.timeline(con, by="month", since=w[0], until=w[1], **args),
                    analytics.timeline(con, by="day", since=w[0], until=w[1], left_out=True, **args)) == before[w]


def test_a_code_with_no_rows_has_an_empty_timeline(tmp_path):
    with _store(tmp_path) as store:
        for by in ("week", "month"):
            args = dict(recipient=None, by=by, since=None, until=None, factuality=ALL, undated=True)
            assert analytics.timeline(store.con, actor="XYZ", both_directions=True, **args) == []
            assert analytics.timeline(store.con, actor="XYZ", both_directions=False, left_out=True, **args) == \
                [{"coarser": 0, "undated": 0}]


def test_migration_46_builds_the_weekly_sums_of_a_store_written_before(tmp_path):
    store = _store(tmp_path)
    kept = agg_weeks.dump(store.con)
    assert kept
    with store._write() as con:
        con.execute("DROP TABLE agg_weeks")
        con.execute("DELETE FROM schema_migrations WHERE version = 46")
        aggregates.rebuild(con)  # (a rebuild of a store without the table leaves it be)
    store.close()
    with Store(tmp_path / "w.duckdb") as again:
        assert agg_weeks.dump(again.con) == kept
        assert again.con.execute("SELECT count(*) FROM schema_migrations WHERE version = 46").fetchone()[0] == 1
