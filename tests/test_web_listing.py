"""Pages of /events cut from a kept newest-first listing (redline/web/listing.py) equal the store's own pages, for
every offset and date window, before and after a commit."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from redline.store import Store
from redline.store.memo import Memo
from redline.web import listing
from redline.web.sample import make_document

KINDS = (("ASSAULT", "shelled"), ("THREATEN", "warned"), ("CONSULT", "met"), ("AGREE", "agreed"))
PAIRS = (("RUS", "UKR"), ("UKR", "RUS"), ("USA", "RUS"))


def _documents(seed: int, n: int, prefix: str):
    """n articles of 1-4 events each, several on one day, a few undated."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        published = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(60))
        events = []
        for j in range(rng.randint(1, 4)):
            kind, verb = rng.choice(KINDS)
            a, b = rng.choice(PAIRS)
            day = None if rng.random() < 0.1 else published - dt.timedelta(days=rng.randrange(3))
            events.append((day, kind, a, b, f"{a} {verb} {b} in case {prefix}{i}-{j}.", verb))
        docs.append(make_document(f"{prefix}{i}", published, events))
    return docs


def _decorate(r: dict) -> None:
    r["decorated"] = r["id"]


def _store_page(store, **args) -> tuple[list[dict], int]:
    rows, total = store.events_page(**args)
    for r in rows:
        _decorate(r)
    return rows, total


WINDOWS = [(None, None), (dt.date(2014, 1, 20), None), (None, dt.date(2014, 2, 10)),
           (dt.date(2014, 1, 10), dt.date(2014, 1, 31)), (dt.date(2014, 2, 20), dt.date(2014, 2, 20)),
           (dt.date(2015, 1, 1), None), (None, dt.date(2013, 1, 1))]
FILTERS = [{}, {"actor": "RUS"}, {"actor": "USA", "recipient": "RUS"}, {"factuality": None},
           {"event": "ASSAULT"}]


@pytest.mark.parametrize("kept_max", [1000, 12])
def test_listing_pages_equal_the_store_pages(tmp_path, monkeypatch, kept_max):
    monkeypatch.setattr(listing, "KEPT_MAX", kept_max)  # 12: pages and windows beyond the kept events too
    with Store(tmp_path / "listing.duckdb") as store:
        run = store.begin_run("test", ["in/"])
        for doc in _documents(1, 30, "a"):
            store.write_document(doc, run_id=run)
        for round_ in range(2):
            rng = random.Random(round_)
            asks = [(f, w, offset, limit) for f in FILTERS for w in WINDOWS for offset in (0, 3, 40)
                    for limit in (2, 50)]
            rng.shuffle(asks)  # the kept listing grows in whatever order pages are asked
            for filters, (since, until), offset, limit in asks:
                args = dict(filters, since=since, until=until, limit=limit, offset=offset)
                filters = {"factuality": "asserted", **filters}
                got = listing.events_page(store, since=since, until=until, limit=limit, offset=offset,
                                          decorate=_decorate, **filters)
                assert got == _store_page(store, **dict(args, **filters)), args
            # a commit: what was kept is not served any more
            for doc in _documents(2, 8, "b"):
                store.write_document(doc, run_id=run)


def test_listing_page_records_are_copies(tmp_path):
    with Store(tmp_path / "copies.duckdb") as store:
        run = store.begin_run("test", ["in/"])
        for doc in _documents(3, 5, "c"):
            store.write_document(doc, run_id=run)
        first, _ = listing.events_page(store, since=None, until=None, limit=5, offset=0, decorate=_decorate)
        first[0]["id"] = "changed"
        again, _ = listing.events_page(store, since=None, until=None, limit=5, offset=0, decorate=_decorate)
        assert again == _store_page(store, since=None, until=None, limit=5, offset=0)[0]


def test_a_window_ending_before_the_newest_events_reads_only_its_page(tmp_path, monkeypatch):
    """With nothing kept, a window that ends before the newest `offset + limit` events lies beyond them: its page
    is read alone, the listing not read first (a second read of the store); a window among them reads the
    listing."""
    with Store(tmp_path / "far.duckdb") as store:
        run = store.begin_run("test", ["in/"])
        for doc in _documents(4, 30, "d"):
            store.write_document(doc, run_id=run)
        listed = []
        newest = store.newest_events
        monkeypatch.setattr(store, "newest_events", lambda **kw: listed.append(kw) or newest(**kw))
        for filters, (since, until), read in (({"actor": "RUS"}, (dt.date(2014, 1, 5), dt.date(2014, 1, 12)), False),
                                              ({}, (None, dt.date(2014, 1, 20)), False),
                                              ({"actor": "RUS"}, (dt.date(2014, 2, 1), None), True),
                                              ({"min_confidence": 0.5}, (None, dt.date(2014, 1, 20)), True)):
            monkeypatch.setattr(store, "memo", Memo())  # nothing kept
            listed.clear()
            filters = {"factuality": "asserted", **filters}
            got = listing.events_page(store, since=since, until=until, limit=5, offset=0, decorate=_decorate,
                                      **filters)
            assert got == _store_page(store, since=since, until=until, limit=5, offset=0, **filters)
            assert got[0] and bool(listed) == read, (filters, since, until)


def test_a_far_page_with_nothing_kept_is_read_alone_and_a_kept_listing_still_serves_later_pages(tmp_path, monkeypatch):
    """With nothing kept, a page past the first is the store's page alone (the events before it not read to keep
    them); once the first page is kept, the next pages are cut from the kept listing as it grows."""
    with Store(tmp_path / "deep.duckdb") as store:
        run = store.begin_run("test", ["in/"])
        for doc in _documents(5, 30, "e"):
            store.write_document(doc, run_id=run)
        listed, paged = [], []
        newest, page = store.newest_events, store.events_page
        monkeypatch.setattr(store, "newest_events", lambda **kw: listed.append(kw) or newest(**kw))
        monkeypatch.setattr(store, "events_page", lambda **kw: paged.append(kw) or page(**kw))
        filters = {"factuality": "asserted", "event": "ASSAULT"}

        def ask(offset: int, limit: int = 3):
            got = listing.events_page(store, since=None, until=None, limit=limit, offset=offset,
                                      decorate=_decorate, **filters)
            assert got == _store_page(store, since=None, until=None, limit=limit, offset=offset, **filters)
            return got

        monkeypatch.setattr(store, "memo", Memo())  # nothing kept
        assert ask(6)[0]
        assert not listed and len(paged) == 2  # the page alone (and the comparison's own read)
        paged.clear()
        ask(0)  # the first page: kept
        assert len(listed) == 1 and len(paged) == 1
        listed.clear(), paged.clear()
        ask(1, 2)  # inside the kept events: cut, nothing read but the comparison
        assert not listed and len(paged) == 1
        paged.clear()
        ask(3)  # past them: the listing grows (6 events kept), not a page read alone
        assert len(listed) == 1 and len(paged) == 1
