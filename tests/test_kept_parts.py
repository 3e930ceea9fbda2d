"""The alerts' parts kept per store version (redline/analysis/kept_parts.py) equal the statements they stand for:
the per-(dyad, period) counts up to any day, cut from every period's counts and one period's days, and a
window's red-line rows, cut from those of all dates; after a commit, the new data's. A small window's dyad
evidence and article counts added up in Python equal DuckDB's grouping of them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import random

from redline import analysis
from redline.analysis import kept_parts
import pytest

from redline.store import Store, analytics, dyad_articles
from redline.store.reviews import DEFAULT_SCOPE, ReviewScope

from test_aggregates import D, _burst, _document

ESC = analysis.ESCALATION_EVENTS
FACTS = (("asserted",), ("asserted", "negated", "hypothetical", "possible", "future"))


def _red_lines(doc, every: int):
    """The document with every `every`-th event a THREATEN whose sentence speaks of a red line."""
    events = tuple(dataclasses.replace(e, event="THREATEN", text=f"Crossing it would be a red line, {e.id} said.")
                   if i % every == 0 else e for i, e in enumerate(doc.events))
    return dataclasses.replace(doc, events=events)


def _check(store: Store) -> None:
    con = store.con
    # every weekday and the ends of weeks, months and the year (a whole period: no days read)
    days = [D(2013, 12, 28) + dt.timedelta(days=i) for i in range(0, 100, 5)]
    days += [D(2013, 12, 31), D(2014, 1, 31), D(2014, 2, 28), D(2014, 3, 2), D(2014, 3, 8)]
    for by, facts, undated in itertools.product(("day", "week", "month", "year"), FACTS, (False, True)):
        for until in days:
            got = kept_parts.dyad_periods(store, by=by, until=until, factuality=facts, escalation=ESC,
                                          undated=undated, scope=DEFAULT_SCOPE)
            want = analytics.dyad_periods(con, by=by, until=until, factuality=facts, escalation=ESC, undated=undated)
            assert got == want, (by, facts, undated, until)
        assert kept_parts.dyad_periods(store, by=by, until=None, factuality=facts, escalation=ESC, undated=undated,
                                       scope=DEFAULT_SCOPE) == \
            analytics.dyad_periods(con, by=by, until=None, factuality=facts, escalation=ESC, undated=undated)
    scope = ReviewScope(include_rejected=True)
    assert kept_parts.dyad_periods(store, by="week", until=D(2014, 2, 5), factuality=FACTS[0], escalation=ESC,
                                   undated=False, scope=scope) == \
        analytics.dyad_periods(con, by="week", until=D(2014, 2, 5), factuality=FACTS[0], escalation=ESC,
                               undated=False, scope=scope)
    windows = [(None, None), (D(2014, 1, 20), None), (None, D(2014, 2, 1)), (D(2014, 1, 10), D(2014, 1, 10))]
    windows += [(d, d + dt.timedelta(days=n)) for d in days[::5] for n in (0, 6, 29)]
    seen = 0
    for (since, until), by, facts in itertools.product(windows, ("week", "month"), FACTS):
        got = kept_parts.red_line_mentions(store, since=since, until=until, factuality=facts,
                                           events=analysis.RED_LINE_EVENTS, by=by, scope=DEFAULT_SCOPE)
        want = analytics.red_line_mentions(con, since=since, until=until, factuality=facts,
                                           events=analysis.RED_LINE_EVENTS, by=by)
        assert got == want, (since, until, by, facts)
        seen += len(got)
    assert seen > 0  # the windows hold red lines


def test_kept_parts_equal_the_statements_before_and_after_a_commit(tmp_path):
    rng = random.Random(5)
    seen: list[tuple] = []
    docs = [_red_lines(_document(rng, f"a{i}", D(2014, 1, 1) + dt.timedelta(days=rng.randrange(80)), seen), 3)
            for i in range(24)]
    with Store(tmp_path / "kept.duckdb") as store:
        run = store.begin_run("test", [])
        store.write_documents(docs[:12], run_id=run)
        _check(store)
        before = store.version
        store.write_documents(docs[12:] + [_burst("burst", ("RUS",), ("BLR",))], run_id=run)
        assert store.version > before  # what was kept for the earlier version is not served now
        _check(store)
        alerts = analysis.alerts(store, until=D(2014, 3, 8), options=analysis.AlertOptions(
            by="week", baseline=2, min_baseline=1, min_events=1, min_escalation=1, min_rise=0.0, z=0.0))
        assert any(a["kind"] == "escalation" for a in alerts) and any(a["kind"] == "red_line" for a in alerts)


def test_small_windows_grouped_in_python_equal_the_grouping_statements(tmp_path):
    rng = random.Random(7)
    seen: list[tuple] = []
    docs = [_document(rng, f"a{i}", D(2014, 1, 1) + dt.timedelta(days=rng.randrange(80)), seen) for i in range(30)]
    with Store(tmp_path / "raw.duckdb") as store:
        store.write_documents(docs, run_id=store.begin_run("test", []))
        con = store.con
        pairs = [tuple(r) for r in con.execute("SELECT DISTINCT a, b FROM dyad_events ORDER BY ALL").fetchall()]
        assert len(pairs) > 5
        days = [D(2013, 12, 30) + dt.timedelta(days=i) for i in range(0, 90, 6)]
        windows = [(d, d + dt.timedelta(days=n)) for d in days for n in (0, 6, 29)] + [(d, None) for d in days]
        checked = 0
        def both(read, *args, **kwargs):
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(dyad_articles, "RAW_ROWS", 0)  # every window grouped by DuckDB
                grouped = read(*args, **kwargs)
            return read(*args, **kwargs), grouped

        for (since, until), facts in itertools.product(windows, FACTS):
            for cls in ("asserted", dyad_articles.ANY):
                for undated in (False, True):
                    raw, grouped = both(dyad_articles.count, con, pairs, cls, since, until, undated)
                    assert raw == grouped, (since, until, cls, undated)
                    checked += bool(raw)
            if until is not None:
                raw, grouped = both(analytics.dyads_event_ids, con, pairs, since=since, until=until, factuality=facts,
                                    limit=3)
                assert raw == grouped, (since, until, facts)
        assert checked > 10
