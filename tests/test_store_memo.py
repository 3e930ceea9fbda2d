"""The per-version memo of answer parts (redline/store/memo.py): what it keeps is served only until the next
commit, and answers read through it equal answers read without it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from redline.records import Quote
from redline.store import Store
from redline.store.memo import Memo

from test_store import RUS, UKR, USA, make_doc, make_event


def test_memo_serves_a_value_only_for_its_version():
    memo = Memo()
    memo.put_many("k", {"a": 1}, 3)
    assert memo.get_many("k", ["a", "b"], 3) == {"a": 1}
    assert memo.get_many("k", ["a"], 4) == {}  # a commit came: nothing read before it is served
    memo.put_many("k", {"a": 2}, 3)  # read before that commit, kept after it: dropped
    assert memo.get_many("k", ["a"], 4) == {}
    assert memo.get_many("k", ["a"], 3) == {}


def test_memo_keeps_at_most_its_entries_per_kind_least_recent_out():
    memo = Memo(entries=2)
    memo.put_many("k", {"a": 1, "b": 2}, 0)
    memo.get_many("k", ["a"], 0)  # a is now the most recent
    memo.put_many("k", {"c": 3}, 0)
    assert memo.get_many("k", ["a", "b", "c"], 0) == {"a": 1, "c": 3}
    assert memo.get_many("other", ["a"], 0) == {}


def test_memo_keeps_fewer_of_a_kind_with_a_limit():
    memo = Memo(entries=10, limits={"big": 1})
    memo.put_many("big", {"a": 1, "b": 2}, 0)
    memo.put_many("small", {"a": 1, "b": 2}, 0)
    assert memo.get_many("big", ["a", "b"], 0) == {"b": 2}
    assert memo.get_many("small", ["a", "b"], 0) == {"a": 1, "b": 2}


def test_memo_get_computes_once_per_version():
    memo, calls = Memo(), []

    def compute():
        calls.append(1)
        return len(calls)

    assert memo.get("k", "x", 0, compute) == memo.get("k", "x", 0, compute) == 1
    assert memo.get("k", "x", 1, compute) == 2


def test_memo_get_computes_once_for_threads_that_ask_at_once():
    import threading
    import time

    memo, calls, started = Memo(), [], threading.Event()

    def compute():
        calls.append(1)
        started.set()
        time.sleep(0.3)  # the others ask meanwhile
        return "value"

    got = []
    first = threading.Thread(target=lambda: got.append(memo.get("k", "x", 0, compute)))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=lambda: got.append(memo.get("k", "x", 0, compute))) for _ in range(3)]
    for t in others:
        t.start()
    for t in [first, *others]:
        t.join(5)
    assert got == ["value"] * 4 and len(calls) == 1


def test_memo_get_waiter_computes_itself_when_the_first_computation_fails():
    import threading

    memo, release, waiting = Memo(), threading.Event(), []

    def failing():
        release.wait(5)
        raise RuntimeError("store error")

    errors, got = [], []

    def first():
        try:
            memo.get("k", "x", 0, failing)
        except RuntimeError as exc:
            errors.append(str(exc))

    t1 = threading.Thread(target=first)
    t1.start()
    while not memo._flights:  # the first computation is under way
        threading.Event().wait(0.01)
    t2 = threading.Thread(target=lambda: got.append(memo.get("k", "x", 0, lambda: waiting.append(1) or "mine")))
    t2.start()
    threading.Event().wait(0.1)
    assert not waiting  # it waits for the first one
    release.set()
    t1.join(5)
    t2.join(5)
    assert errors == ["store error"] and got == ["mine"] and memo.get_many("k", ["x"], 0) == {"x": "mine"}


def _uncached(store: Store, read):
    """What `read(store)` answers with a memo that keeps nothing."""
    kept, store.memo = store.memo, Memo(entries=0)
    try:
        return read(store)
    finally:
        store.memo = kept


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "memo.duckdb") as s:
        yield s


def test_store_events_after_a_commit_are_read_again(store):
    run = store.begin_run("test", ["in/"])
    store.write_document(make_doc("a1", [make_event("a1", 0), make_event("a1", 1, event="THREATEN", quad=3)],
                                  published=dt.date(2021, 6, 17)), run_id=run)
    first = store.events(limit=10)
    assert first == _uncached(store, lambda s: s.events(limit=10))
    # the same event told by an earlier article: it becomes the event's representative mention, and its count
    # of mentions grows; a page read from the kept mentions of before would show neither
    store.write_document(make_doc("a0", [make_event("a0", 0, sentence="Russia attacked Ukraine again.")],
                                  published=dt.date(2021, 6, 16), publisher="Kyiv Post"), run_id=run)
    second = store.events(limit=10)
    assert second == _uncached(store, lambda s: s.events(limit=10))
    assert second != first
    assert any(e["num_mentions"] == 2 and e["article_id"] == "a0" for e in second)
    assert store.event(second[0]["id"]) == _uncached(store, lambda s: s.event(second[0]["id"]))


def test_store_has_actor_code_sees_a_code_stored_after_it_was_asked(store):
    run = store.begin_run("test", ["in/"])
    store.write_document(make_doc("a1", [make_event("a1", 0)]), run_id=run)
    assert store.has_actor_code("RUS") and not store.has_actor_code("USA")
    store.write_document(make_doc("a2", [make_event("a2", 0, actor=(USA,), recipient=(RUS,), event="SANCTION",
                                                    quad=4)]), run_id=run)
    assert store.has_actor_code("USA")


def _quotes(store, run):
    quotes = [Quote(f"q{i}", "a1", f"Quote number {i}.", i % 2 == 0, RUS if i % 3 else UKR, "Putin", "said", None,
                    i, 0, 10, date=dt.date(2021, 6, 10 + i % 4)) for i in range(7)]
    store.write_document(make_doc("a1", quotes=tuple(quotes[:4])), run_id=run)
    store.write_document(make_doc("a2", quotes=tuple(dataclasses.replace(q, article_id="a2") for q in quotes[4:]),
                                  published=dt.date(2021, 6, 20)), run_id=run)


@pytest.mark.parametrize("filters", [{}, {"since": "2021-06-12"}, {"until": "2021-06-12"}, {"speaker": "UKR"}])
def test_store_quotes_page_equals_the_first_quotes_of_all(store, filters):
    """A page (keys sorted first, then its quotes read) equals the first quotes of the whole ordered list."""
    _quotes(store, store.begin_run("test", ["in/"]))
    every = store.quotes(**filters)
    assert every
    for limit in range(1, len(every) + 2):
        assert store.quotes(**filters, limit=limit) == every[:limit]
        assert store.quotes(**filters, limit=limit) == every[:limit]  # the second time from the memo


def test_store_quotes_page_is_a_copy_callers_may_change(store):
    _quotes(store, store.begin_run("test", ["in/"]))
    page = store.quotes(limit=3)
    page[0]["direct"] = "partly"
    page[0].setdefault("fragments", []).append("x")
    assert store.quotes(limit=3) == _uncached(store, lambda s: s.quotes(limit=3))


def test_date_window_by_bisection_equals_a_walk_along_the_list():
    import random

    from redline.store.memo import date_window

    def walk(dates, since, until, whole):  # the window found item by item (before 6 Dec 2026)
        start = 0
        if until is not None:
            while start < len(dates) and dates[start] is not None and dates[start] > until:
                start += 1
            if start == len(dates) and not whole:
                return None
        end = start
        while end < len(dates) and dates[end] is not None and (since is None or dates[end] >= since):
            end += 1
        return start, end, end < len(dates) or whole

    rng, day = random.Random(3), dt.date(2020, 1, 1)
    for _ in range(5000):
        dates = sorted((day + dt.timedelta(days=rng.randint(0, 20)) for _ in range(rng.randint(0, 30))),
                       reverse=True) + [None] * rng.randint(0, 3)
        since, until = (rng.choice([None, day + dt.timedelta(days=rng.randint(-2, 22))]) for _ in range(2))
        whole = rng.random() < 0.5
        assert date_window(dates, since, until, whole) == walk(dates, since, until, whole), (dates, since, until)
