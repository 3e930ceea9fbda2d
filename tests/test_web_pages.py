"""Pages, assets and the parameter check answer on the event loop: no worker thread, so they never queue
behind answers being computed (redline/web/pages.py)."""

from __future__ import annotations

import asyncio
import datetime as dt

import anyio.to_thread
import httpx
import pytest

from redline.web.app import STATIC, create_app
from redline.web.pages import load_assets
from redline.web.sample import make_document, write_documents

D = dt.date
ARTICLE = ("p1", D(2014, 3, 6), [(D(2014, 3, 2), "ASSAULT", "RUS", "UKR", "Russia shelled Ukraine near Kyiv.",
                                  "shelled")])


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "events.duckdb"
    write_documents(path, [make_document(*ARTICLE)])
    app = create_app(path, read_only=True)
    yield app
    app.state.store.close()


def _with_every_worker_thread_taken(app, requests: list[tuple[str, str, dict]]) -> list[httpx.Response]:
    """Send requests while every token of the worker-thread pool is held, as when 200 clients keep all
    threads computing; a request that needs a thread waits for one and the guard below fails the test."""

    async def scenario():
        limiter = anyio.to_thread.current_default_thread_limiter()
        holders = [object() for _ in range(int(limiter.total_tokens))]
        for h in holders:
            await limiter.acquire_on_behalf_of(h)
        try:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                return [await asyncio.wait_for(client.request(method, url, headers=headers), timeout=20)
                        for method, url, headers in requests]
        finally:
            for h in holders:
                limiter.release_on_behalf_of(h)

    return asyncio.run(scenario())


def test_pages_and_assets_answer_while_every_worker_thread_is_busy(app):
    index, docs, js, head, css = _with_every_worker_thread_taken(app, [
        ("GET", "/", {}), ("GET", "/docs", {}), ("GET", "/static/app.js", {}), ("HEAD", "/static/app.css", {}),
        ("GET", "/static/app.css", {})])
    assert index.status_code == 200 and "/static/app.js" in index.text
    assert index.headers["content-type"].startswith("text/html")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    assert js.status_code == 200 and js.content == (STATIC / "app.js").read_bytes()
    assert js.headers["content-type"].startswith("text/javascript")
    assert head.status_code == 200 and head.headers["etag"] == css.headers["etag"]
    assert css.headers["content-type"].startswith("text/css")


def test_unknown_parameter_is_refused_while_every_worker_thread_is_busy(app):
    unknown, twice = _with_every_worker_thread_taken(app, [("GET", "/events?actr=RUS", {}),
                                                           ("GET", "/events?actor=RUS&actor=UKR", {})])
    assert unknown.status_code == 400 and "'actr'" in unknown.json()["error"]
    assert twice.status_code == 400 and "given 2 times" in twice.json()["error"]


def test_assets_carry_an_etag_and_a_matching_request_gets_304(app):
    first, = _with_every_worker_thread_taken(app, [("GET", "/static/vendor/world-atlas/countries-110m.json", {})])
    etag = first.headers["etag"]
    again, other, index = _with_every_worker_thread_taken(app, [
        ("GET", "/static/vendor/world-atlas/countries-110m.json", {"if-none-match": etag}),
        ("GET", "/static/app.js", {"if-none-match": etag}),  # another file's tag: the file itself
        ("GET", "/", {"if-none-match": f'"x", {etag}'})])
    assert first.status_code == 200 and first.headers["content-type"] == "application/json"
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert other.status_code == 200 and other.headers["etag"] != etag
    assert index.status_code == 200  # the page's own tag differs from the atlas's


@pytest.mark.parametrize("path", ["/static/nope.js", "/static/../app.py", "/static/", "/static/vendor"])
def test_unknown_asset_is_a_404_in_the_envelope(app, path):
    resp, = _with_every_worker_thread_taken(app, [("GET", path, {})])
    assert resp.status_code == 404
    body = resp.json()
    assert body["ok"] is False and body["status"] == 404 and "no such" in body["error"]  # file, or endpoint


def test_static_refuses_other_methods_in_the_envelope(app):
    resp, = _with_every_worker_thread_taken(app, [("POST", "/static/app.js", {})])
    assert resp.status_code == 405 and resp.headers["allow"] == "GET, HEAD"
    assert resp.json() == {"ok": False, "error": "POST /static/app.js: method not allowed", "status": 405}


def test_assets_are_every_file_of_the_static_directory():
    assets = load_assets(STATIC)
    files = {p.relative_to(STATIC).as_posix() for p in STATIC.rglob("*") if p.is_file()}
    assert set(assets) == files and "vendor/world-atlas/countries-110m.json" in assets
    assert len({a.etag for a in assets.values()}) == len(assets)
