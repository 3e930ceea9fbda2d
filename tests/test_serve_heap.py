"""`redline serve` freezes what start-up allocated before it answers (web/serve.py: settle_heap), so Python's full
garbage collections do not walk the knowledge base and the app on every request's tail."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture()
def store_path(tmp_path):
    from redline.store import Store

    path = tmp_path / "events.duckdb"
    Store(path).close()
    return str(path)


def test_settle_heap_freezes_the_objects_alive_now():
    from redline.web.serve import settle_heap

    survivor = [object() for _ in range(1000)]
    try:
        settle_heap()
        assert gc.get_freeze_count() >= len(survivor)
    finally:
        gc.unfreeze()


def test_serve_freezes_the_heap_before_the_server_runs(store_path, monkeypatch):
    import uvicorn

    from redline.web import serve as web_serve

    seen = {}

    def run(self, sockets=None):
        seen["frozen"] = gc.get_freeze_count()
        seen["app"] = self.config.app

    monkeypatch.setattr(uvicorn.Server, "run", run)
    gc.unfreeze()
    try:
        web_serve.serve(store_path, port=0, read_only=True, say=lambda message: None)
    finally:
        gc.unfreeze()
    assert seen["app"] is not None
    assert seen["frozen"] > 0
