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
        (D(2014, 3, 4), "ACCUSE", "UKR", "RUS", "Ukraine said Russia had crossed a red line.", "said"),
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
    with TestClient(create_app(store_path, settings={"page_size_max": 3, "body_limit_bytes": 2000})) as c:
        yield c


def _ok(resp) -> dict:
    body = resp.json()
    assert resp.status_code == 200, body
    assert body["ok"] is True and set(body) == {"ok", "data", "meta"}
    return body


# -- success envelope and filters ----------------------------------------------------------------------

@pytest.mark.parametrize("query, expected_events", [
    ("", ["ACCUSE", "ASSAULT", "SANCTION"]),  # newest first, one page of 3
    ("?actor=RUS", ["ASSAULT", "AGREE", "CONSULT"]),
    ("?actor=rus&recipient=UKR&since=2014-03-01", ["ASSAULT"]),
    ("?event=SANCTION", ["SANCTION"]),
    ("?factuality=possible", ["THREATEN"]),
    ("?until=2014-01-05", ["CONSULT"]),
    ("?actor=CHN", []),
    ("?min_confidence=1.0", ["ACCUSE", "ASSAULT", "SANCTION"]),  # the sample mentions are coded at 1.0
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
     lambda d: [(r["period"], r["events"]) for r in d] == [("2014-01-01", 2), ("2014-03-01", 1)]),
    ("/timeline?actor=RUS&recipient=UKR&by=year&both=true", lambda d: d[0]["events"] == 4),
    ("/alerts?by=month", lambda d: [a["kind"] for a in d] == ["red_line"]),
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


def test_store_opened_read_only_without_token(client):
    assert client.app.state.store.read_only is True


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

    def run_one(self, article):
        return Document(article=article)


@pytest.fixture()
def writable(tmp_path):
    path = tmp_path / "w.duckdb"
    write_documents(path, [])
    app = create_app(path, token="s3cret", settings={"body_limit_bytes": 400}, pipeline=_FakePipeline())
    with TestClient(app) as c:
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
