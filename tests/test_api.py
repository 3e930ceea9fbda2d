"""HTTP API in-process: envelope, filters, pagination, validation, limits, offline docs and token-gated ingest."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from fastapi.testclient import TestClient

from redline.records import Document
from redline.web.app import STATIC, create_app
from redline.web.sample import make_document, write_documents

D = dt.date
ARTICLES = [
    ("b1", D(2014, 1, 10), [
        (D(2014, 1, 5), "CONSULT", "RUS", "UKR", "Russia met Ukraine in Moscow.", "met"),
        (D(2014, 1, 6), "AGREE", "RUS", "UKR", "Russia agreed to a gas deal with Ukraine.", "agreed"),
        (D(2014, 1, 8), "SANCTION", "USA", "RUS", "The United States sanctioned Russia.", "sanctioned"),
    ]),
    ("b2", D(2014, 3, 6), [
        (D(2014, 3, 2), "ASSAULT", "RUS", "UKR", "Russia shelled Ukraine near Kyiv.", "shelled", "asserted",
         ("Kyiv", "UKR", 50.45, 30.52)),
        (D(2014, 3, 4), "THREATEN", "UKR", "RUS", "Ukraine warned that Russia would cross a red line.", "warned"),
        (D(2014, 3, 5), "THREATEN", "RUS", "UKR", "Russia may threaten Ukraine.", "threaten", "possible"),
    ]),
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    write_documents(path, [make_document(a, p, evs) for a, p, evs in ARTICLES])
    return path


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, settings={"page_size_max": 3, "body_limit_bytes": 2000}),
                    base_url="http://127.0.0.1") as c:
        yield c


def _ok(resp) -> dict:
    body = resp.json()
    assert resp.status_code == 200, body
    assert body["ok"] is True and set(body) == {"ok", "data", "meta"}
    return body


# -- success envelope and filters ----------------------------------------------------------------------

@pytest.mark.parametrize("query, expected_events", [
    ("", ["THREATEN", "ASSAULT", "SANCTION"]),  # newest first, one page of 3
    ("?actor=RUS", ["ASSAULT", "AGREE", "CONSULT"]),
    ("?actor=rus&recipient=UKR&since=2014-03-01", ["ASSAULT"]),
    ("?event=SANCTION", ["SANCTION"]),
    ("?factuality=possible", ["THREATEN"]),
    ("?until=2014-01-05", ["CONSULT"]),
    ("?actor=CHN", []),
    ("?min_confidence=1.0", ["THREATEN", "ASSAULT", "SANCTION"]),  # the sample mentions are coded at 1.0
])
def test_events_filters(client, query, expected_events):
    body = _ok(client.get("/events" + query))
    assert [e["event"][0] for e in body["data"]] == expected_events


def test_events_pagination_meta(client):
    first = _ok(client.get("/events?limit=2"))
    assert first["meta"] == {"total": 5, "limit": 2, "offset": 0, "next_offset": 2}
    second = _ok(client.get("/events?limit=2&offset=2"))
    last = _ok(client.get("/events?limit=2&offset=4"))
    assert last["meta"]["next_offset"] is None
    ids = [e["id"] for page in (first, second, last) for e in page["data"]]
    assert len(ids) == len(set(ids)) == 5


def test_event_detail_has_evidence_article_and_highlights(client):
    ev_id = _ok(client.get("/events?event=ASSAULT"))["data"][0]["id"]
    ev = _ok(client.get(f"/events/{ev_id}"))["data"]
    assert ev["text"] == "Russia shelled Ukraine near Kyiv."
    assert ev["article"]["id"] == "b2"
    assert [(h["kind"], h["text"]) for h in ev["highlights"]] == [
        ("actor", "Russia"), ("trigger", "shelled"), ("recipient", "Ukraine")]
    assert ev["mentions"][0]["highlights"] == ev["highlights"]


def test_article_endpoint(client):
    art = _ok(client.get("/articles/b1"))["data"]
    assert art["id"] == "b1" and "Russia met Ukraine" in art["text"]
    assert len(art["events"]) == 3


@pytest.mark.parametrize("path, check", [
    ("/actors", lambda d: d[0]["code"] in {"RUS", "UKR"}),
    ("/dyads", lambda d: (d[0]["actor"], d[0]["recipient"], d[0]["events"]) == ("RUS", "UKR", 3)),
    ("/timeline?actor=RUS&recipient=UKR&by=month",
     lambda d: [(r["period"], r["label"], r["events"]) for r in d] == [
         ("2014-01-01", "2014-01", 2), ("2014-02-01", "2014-02", 0), ("2014-03-01", "2014-03", 1)]),
    ("/timeline?actor=RUS&recipient=UKR&by=year&both=true", lambda d: d[0]["events"] == 4),
    ("/alerts?by=month", lambda d: [(a["kind"], a["actor"], a["recipient"]) for a in d] == [("red_line", "UKR", "RUS")]),
    ("/network", lambda d: {n["code"] for n in d["nodes"]} == {"RUS", "UKR", "USA"}),
    ("/locations", lambda d: [(p["name"], p["events"]) for p in d] == [("Kyiv", 1)]),
    ("/stats", lambda d: (d["events"], d["articles"], d["first"]) == (6, 2, "2014-01-05")),
    ("/quotes", lambda d: d == []),
])
def test_read_endpoints_answer_in_envelope(client, path, check):
    assert check(_ok(client.get(path))["data"])


def test_digest_endpoint_json_in_envelope(client):
    d = _ok(client.get("/digest?date=2014-03-06&days=7&format=json"))["data"]
    assert (d["date"], d["since"]) == ("2014-03-06", "2014-02-28")
    assert [(x["actor"], x["recipient"]) for x in d["dyads"]] == [("RUS", "UKR"), ("UKR", "RUS")]


def test_digest_endpoint_returns_markdown_with_links(client):
    resp = client.get("/digest?date=2014-03-06&days=7")
    assert resp.status_code == 200
    assert resp.text.startswith("# redline digest") and "/#event=" in resp.text


# -- errors --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path, status, fragment", [
    ("/events?limit=abc", 400, "query parameter 'limit'"),
    ("/events?limit=0", 400, "query parameter 'limit'"),
    ("/events?limit=4", 400, "limit: at most 3"),
    ("/events?offset=-1", 400, "query parameter 'offset'"),
    ("/events?since=2014-02-30", 400, "query parameter 'since'"),
    ("/events?since=2014-03-01&until=2014-01-01", 400, "after"),
    ("/events?event=EXPLODE", 400, "event: 'EXPLODE'"),
    ("/events?factuality=rumour", 400, "factuality"),
    ("/events?actr=RUS", 400, "query parameter 'actr'"),
    ("/events?min_confidence=1.5", 400, "min_confidence"),
    ("/events?min_confidence=sure", 400, "min_confidence"),
    ("/events?actor=RUS;DROP", 400, "actor: 'RUS;DROP' is not an actor code"),
    ("/timeline?by=fortnight", 400, "by: unknown period"),
    ("/timeline?both=perhaps", 400, "query parameter 'both'"),
    ("/alerts?min_rise=2", 400, "query parameter 'min_rise'"),
    ("/alerts?evidence=some", 400, "query parameter 'evidence'"),
    ("/dyads?factuality=sure", 400, "factuality"),
    ("/digest", 400, "query parameter 'date'"),
    ("/digest?date=2014-03-06&format=pdf", 400, "format: 'pdf'"),
    ("/events/nope", 404, "event 'nope': not found"),
    ("/articles/nope", 404, "article 'nope': not found"),
    ("/no/such/endpoint", 404, "no such endpoint"),
])
def test_errors_use_envelope_and_name_the_problem(client, path, status, fragment):
    resp = client.get(path)
    body = resp.json()
    assert resp.status_code == status
    assert body["ok"] is False and body["status"] == status
    assert fragment in body["error"]


def test_method_not_allowed_in_envelope(client):
    resp = client.delete("/events")
    assert resp.status_code == 405 and resp.json()["ok"] is False


def test_ingest_disabled_without_token(client):
    resp = client.post("/ingest", content="Russia shelled Ukraine.")
    assert resp.status_code == 403
    assert "disabled" in resp.json()["error"]


def test_server_owns_the_writer_unless_read_only(client, tmp_path):
    assert client.app.state.store.read_only is False and client.app.state.live is not None
    path = tmp_path / "ro.duckdb"
    write_documents(path, [make_document(a, p, evs) for a, p, evs in ARTICLES])
    with TestClient(create_app(path, read_only=True), base_url="http://127.0.0.1") as ro:
        assert ro.app.state.store.read_only is True and ro.app.state.live is None
        assert ro.post("/_live/ingest", json={"paths": ["x"]}).status_code == 404
        assert _ok(ro.get("/stats"))["meta"]["read_only"] is True


# -- offline docs and dashboard ------------------------------------------------------------------------

def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/actors", "/dyads", "/timeline", "/alerts", "/articles/{article_id}",
            "/quotes", "/ingest"} <= set(spec["paths"])


@pytest.mark.parametrize("path, marker", [("/docs", "/openapi.json"), ("/", "/static/app.js"),
                                          ("/static/app.js", "function drawTimeline")])
def test_pages_are_served_from_the_package(client, path, marker):
    resp = client.get(path)
    assert resp.status_code == 200 and marker in resp.text


@pytest.mark.parametrize("name", ["index.html", "docs.html", "app.js", "review.js", "app.css"])
def test_static_assets_reference_no_remote_url(name):
    text = (STATIC / name).read_text(encoding="utf-8")
    remote = [u for u in re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[/\w.-]*", text) if "www.w3.org/2000/svg" not in u]
    assert remote == []


# -- token-gated ingest --------------------------------------------------------------------------------

class _FakePipeline:
    """Stands in for the spaCy pipeline: codes nothing, so the test checks the HTTP path only."""

    def run(self, articles):
        return [Document(article=a) for a in articles]


@pytest.fixture()
def writable(tmp_path):
    path = tmp_path / "w.duckdb"
    write_documents(path, [])
    app = create_app(path, token="s3cret", settings={"body_limit_bytes": 400}, pipeline=_FakePipeline())
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("headers, body, status, fragment", [
    ({}, "text", 401, "token"),
    ({"Authorization": "Bearer wrong"}, "text", 401, "token"),
    ({"Authorization": "Basic s3cret"}, "text", 401, "token"),
    ({"Authorization": "Bearer s3cret"}, "x" * 500, 413, "body_limit_bytes"),
    ({"Authorization": "Bearer s3cret", "Content-Type": "application/json"}, "{oops", 400, "not JSON"),
    ({"Authorization": "Bearer s3cret", "Content-Type": "application/json"}, '{"txt": "a"}', 400, "'txt'"),
    ({"Authorization": "Bearer s3cret", "Content-Type": "application/json"}, '{"text": ""}', 400, "'text'"),
    ({"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
     '{"text": "Russia met Ukraine.", "published": "yesterday"}', 400, "'published'"),
])
def test_ingest_rejects_bad_requests(writable, headers, body, status, fragment):
    resp = writable.post("/ingest", content=body, headers=headers)
    assert resp.status_code == status
    assert resp.json()["ok"] is False and fragment in resp.json()["error"]


def test_ingest_stores_article_once(writable):
    headers = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
    body = '{"text": "Russia met Ukraine in Minsk on Monday.", "title": "Talks", "published": "2014-03-01"}'
    first = _ok(writable.post("/ingest", content=body, headers=headers))["data"]
    assert first["stored"] is True
    again = _ok(writable.post("/ingest", content=body, headers=headers))["data"]
    assert again == {**first, "stored": False, "reason": "already stored"}
    art = _ok(writable.get(f"/articles/{first['article_id']}"))["data"]
    assert art["title"] == "Talks" and art["published"] == "2014-03-01"


def test_concurrent_requests_each_get_their_own_cursor(client):
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/events?limit=3", "/dyads", "/timeline?actor=RUS&by=month", "/events?actor=USA", "/alerts"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        bodies = list(pool.map(lambda p: client.get(p).json(), paths))
    assert all(b["ok"] for b in bodies)
    firsts = {json.dumps(b["data"], sort_keys=True) for p, b in zip(paths, bodies, strict=True) if p == "/dyads"}
    assert len(firsts) == 1


# -- faults: every bad request is a 4xx naming its problem, never a 500 --------------------------------

@pytest.mark.parametrize("path, fragment", [
    (f"/events?offset={2**63}", "offset"),
    (f"/events?offset={10**30}", "offset"),
    ("/digest?date=0001-01-01&days=31", "date"),
    ("/alerts?z=inf", "z"),
    ("/alerts?z=nan", "z"),
    ("/alerts?min_rise=-inf", "min_rise"),
    ("/events?actor=RUS&actor=UKR", "'actor': given 2 times"),
    ("/timeline?actor=RUS&by=month&by=year", "'by'"),
])
def test_bad_parameters_are_400_not_500(client, path, fragment):
    resp = client.get(path)
    assert resp.status_code == 400, resp.text
    assert fragment in resp.json()["error"]


def test_the_largest_offset_is_an_empty_page(client):
    body = _ok(client.get(f"/events?offset={2**63 - 1}"))
    assert body["data"] == [] and body["meta"]["next_offset"] is None


def test_json_answers_are_strict_json():
    from redline.web.app import dumps

    text = dumps({"z": float("inf"), "rows": [float("nan"), 1.5]})
    assert json.loads(text, parse_constant=lambda c: pytest.fail(f"non-JSON constant {c}")) == \
        {"z": None, "rows": [None, 1.5]}


def test_host_header_must_name_this_server(tmp_path):
    path = tmp_path / "h.duckdb"
    write_documents(path, [])
    with TestClient(create_app(path, read_only=True), base_url="http://evil.example") as c:
        resp = c.get("/stats")
        assert resp.status_code == 400 and "Host header" in resp.json()["error"]
    with TestClient(create_app(path, read_only=True, allowed_hosts=("127.0.0.1", "news.example")),
                    base_url="http://news.example:8000") as c:
        assert c.get("/stats").status_code == 200


_AUTH = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
_TEXT = "Russia met Ukraine in Minsk on Monday, and the two sides agreed to meet again next week."


@pytest.mark.parametrize("body, fragment", [
    (json.dumps({"text": _TEXT, "id": {"a": 1}}), "'id' has type dict"),
    (json.dumps({"text": _TEXT, "title": ["x"]}), "'title' has type list"),
    (json.dumps({"text": _TEXT, "source": 5}), "'source'"),
    ('{"text": ' + "[" * 200 + "]" * 200 + "}", "'text'"),
    ("[" * 100_000 + "]" * 100_000, "nested"),
    (json.dumps({"text": "Copyright 2021 Example Wire. All rights reserved."}), "no article text left"),
    ('{"text": "Bad \\ud800 escape. ' + _TEXT + '"}', "lone surrogate"),
])
def test_ingest_bad_bodies_are_400(tmp_path, body, fragment):
    path = tmp_path / "w.duckdb"
    write_documents(path, [])
    app = create_app(path, token="s3cret", settings={"body_limit_bytes": 500_000}, pipeline=_FakePipeline())
    with TestClient(app, base_url="http://127.0.0.1") as c:
        resp = c.post("/ingest", content=body, headers=_AUTH)
        assert resp.status_code == 400, resp.text
        assert fragment in resp.json()["error"]
        assert _ok(c.get("/stats"))["data"]["articles"] == 0


def test_unauthenticated_ingest_body_is_never_read(tmp_path):
    """The token is checked before a byte of the body is read (no 5 MB buffered for a stranger)."""
    import asyncio

    path = tmp_path / "w.duckdb"
    write_documents(path, [])
    app = create_app(path, token="s3cret", pipeline=_FakePipeline())
    chunks_read = 0
    sent: list[dict] = []

    async def receive():
        nonlocal chunks_read
        chunks_read += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": chunks_read < 80}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/ingest", "raw_path": b"/ingest", "query_string": b"",
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"text/plain")], "http_version": "1.1",
             "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5000), "root_path": ""}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 401
    assert chunks_read == 0


def test_ingest_article_that_fails_in_the_pipeline_is_400_naming_the_stage(tmp_path):
    class _Failing:
        def run(self, articles):
            from redline.records import Failure

            return [Failure(a.source or a.id, "coding", "ValueError: stand-in") for a in articles]

    path = tmp_path / "w.duckdb"
    write_documents(path, [])
    with TestClient(create_app(path, token="s3cret", pipeline=_Failing()), base_url="http://127.0.0.1") as c:
        resp = c.post("/ingest", content=json.dumps({"text": _TEXT}), headers=_AUTH)
    assert resp.status_code == 400 and "coding: ValueError: stand-in" in resp.json()["error"]


def _asgi_get(app, path: str, query: bytes = b""):
    """One GET through an ASGI app; (status, body)."""
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    async def run():
        await app({"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []},
                  receive, send)
        return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])

    return run()


def test_answer_cache_keeps_answers_until_the_next_commit_and_shares_concurrent_ones():
    import asyncio

    from redline.web.middleware import AnswerCache

    class FakeStore:
        version = 0

    calls = []

    async def slow_app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(0.05)
        body = f"answer {len(calls)} at version {FakeStore.version}".encode()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    cache = AnswerCache(slow_app, FakeStore)

    async def scenario():
        together = await asyncio.gather(*(_asgi_get(cache, "/events") for _ in range(20)))
        again = await _asgi_get(cache, "/events")
        FakeStore.version = 1  # a commit
        after = await _asgi_get(cache, "/events")
        other = await _asgi_get(cache, "/events", b"actor=RUS")
        return together, again, after, other

    together, again, after, other = asyncio.run(scenario())
    assert {body for _, body in together} == {b"answer 1 at version 0"}  # twenty requests, one computation
    assert again == (200, b"answer 1 at version 0")  # kept
    assert after == (200, b"answer 2 at version 1")  # recomputed after the commit
    assert other[1] == b"answer 3 at version 1"  # another query is another answer
    assert len(calls) == 3


def test_answer_cache_keeps_at_most_its_bytes_least_recently_used_out():
    import asyncio

    from redline.web.middleware import AnswerCache

    class FakeStore:
        version = 0

    calls = []

    async def app(scope, receive, send):
        calls.append(scope["query_string"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"x" * 100})

    cache = AnswerCache(app, FakeStore, max_bytes=250)  # room for two answers of 100 bytes

    async def scenario():
        for q in (b"a=1", b"a=2", b"a=1", b"a=3", b"a=1", b"a=2"):  # a=3 pushes out a=2, the least recent
            await _asgi_get(cache, "/events", q)

    asyncio.run(scenario())
    assert calls == [b"a=1", b"a=2", b"a=3", b"a=2"]


def test_dyads_and_network_share_one_ranking_and_answer_as_alone(store_path):
    """/network ranks more dyads than /dyads asks: /dyads takes the first of them, the same as on its own."""
    from redline import analysis

    with TestClient(create_app(store_path), base_url="http://127.0.0.1") as c:
        net = _ok(c.get("/network?limit=5"))["data"]
        calls = []
        store = c.app.state.store
        real = analysis.dyads
        try:
            analysis.dyads = lambda *a, **k: calls.append(k) or real(*a, **k)
            short = _ok(c.get("/dyads?limit=1"))["data"]
        finally:
            analysis.dyads = real
        alone = json.loads(json.dumps(analysis.dyads(store, limit=1), default=str))
    assert calls == []  # answered from the ranking /network left
    assert short == alone == net["edges"][:1]
