"""Reviews over HTTP and on the command line: token-gated writes, open reads, the envelope, exit codes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from redline.web.app import create_app
from redline.web.sample import make_document, write_documents

D = dt.date
TOKEN = "s3cret"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
EVENTS = [
    (D(2014, 3, 2), "ASSAULT", "RUS", "UKR", "Russia shelled Ukraine near Kyiv.", "shelled"),
    (D(2014, 3, 3), "MOBILIZE", "RUS", "UKR", "Russia massed troops near Ukraine.", "massed"),
    (D(2014, 3, 4), "CONSULT", "USA", "RUS", "The United States met Russia.", "met"),
]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "h.duckdb"
    write_documents(path, [make_document("h1", D(2014, 3, 6), EVENTS)])
    return path


@pytest.fixture()
def client(db):
    with TestClient(create_app(db, token=TOKEN), base_url="http://127.0.0.1") as c:
        yield c


def _ids(client) -> dict[str, str]:
    return {e["event"][0]: e["id"] for e in client.get("/events").json()["data"]}


def test_review_over_http_then_reads_show_it(client):
    ids = _ids(client)
    resp = client.post(f"/events/{ids['ASSAULT']}/review", headers=AUTH,
                       json={"verdict": "corrected", "reviewer": "ana", "set": {"event": "ACCUSE", "actor": "BLR"},
                             "note": "Belarusian artillery"})
    body = resp.json()
    assert resp.status_code == 200 and body["ok"] and body["data"]["changed"] == ["event", "actor"]
    client.post(f"/events/{ids['MOBILIZE']}/review", headers=AUTH, json={"verdict": "rejected", "reviewer": "ben"})
    events = client.get("/events").json()
    assert events["meta"]["total"] == 2
    ev = next(e for e in events["data"] if e["id"] == ids["ASSAULT"])
    assert (ev["event"], ev["reviewed"], ev["review"]["note"]) == (["ACCUSE"], True, "Belarusian artillery")
    assert ev["machine"]["event"] == ["ASSAULT"]
    assert client.get("/events", params={"include_rejected": "true"}).json()["meta"]["total"] == 3
    assert client.get("/events", params={"reviewed_only": "true"}).json()["meta"]["total"] == 1
    assert client.get("/timeline", params={"actor": "RUS", "recipient": "UKR"}).json()["data"] == []
    assert client.get("/timeline", params={"actor": "BLR", "include_rejected": "true"}).json()["data"][0]["events"] == 1
    reviews = client.get("/reviews").json()
    assert [r["verdict"] for r in reviews["data"]] == ["rejected", "corrected"]
    assert reviews["meta"]["counts"]["by"] == {"ana": {"corrected": 1}, "ben": {"rejected": 1}}
    assert client.get("/reviews", params={"reviewer": "ana"}).json()["meta"]["counts"]["total"] == 1
    assert client.get("/stats").json()["data"]["events"] == 2


@pytest.mark.parametrize("headers, body, status, fragment", [
    ({}, {"verdict": "confirmed", "reviewer": "ana"}, 401, "missing or wrong token"),
    ({"Authorization": "Bearer nope"}, {"verdict": "confirmed", "reviewer": "ana"}, 401, "missing or wrong token"),
    (AUTH, {"verdict": "maybe", "reviewer": "ana"}, 400, "'verdict'"),
    (AUTH, {"verdict": "confirmed"}, 400, "'reviewer'"),
    (AUTH, {"verdict": "confirmed", "reviewer": "ana", "colour": "red"}, 400, "'colour'"),
    (AUTH, {"verdict": "corrected", "reviewer": "ana", "set": {"colour": "red"}}, 400, "unknown field 'colour'"),
    (AUTH, {"verdict": "corrected", "reviewer": "ana", "set": {"actor": "XXX"}}, 400, "unknown actor code"),
    (AUTH, {"verdict": "confirmed", "reviewer": "  "}, 400, "reviewer"),
])
def test_bad_review_requests_are_refused_in_the_envelope(client, headers, body, status, fragment):
    event_id = _ids(client)["ASSAULT"]
    resp = client.post(f"/events/{event_id}/review", headers=headers, json=body)
    assert resp.status_code == status
    assert resp.json()["ok"] is False and fragment in resp.json()["error"]
    assert client.get("/reviews").json()["data"] == []


def test_review_of_an_unknown_event_is_400(client):
    resp = client.post("/events/nope/review", headers=AUTH, json={"verdict": "confirmed", "reviewer": "ana"})
    assert resp.status_code == 400 and "no event 'nope'" in resp.json()["error"]


def test_without_a_token_reviews_are_read_only(db):
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        event_id = c.get("/events").json()["data"][0]["id"]
        resp = c.post(f"/events/{event_id}/review", json={"verdict": "confirmed", "reviewer": "ana"})
        assert resp.status_code == 403 and "disabled" in resp.json()["error"]
        assert c.get("/reviews").json()["ok"] is True
        assert c.get("/review-fields").json()["data"]["writable"] is False


def test_queue_fields_and_actor_search(client):
    queue = client.get("/review-queue", params={"limit": 2}).json()
    assert queue["ok"] and len(queue["data"]) == 2 and queue["data"][0]["why"]
    fields = client.get("/review-fields").json()["data"]
    assert "allege" in fields["types"]["ACCUSE"] and fields["writable"] is True
    hits = client.get("/actors/search", params={"q": "kremlin"}).json()["data"]
    assert hits and all(h["code"] == "RUS" for h in hits)
    resp = client.get("/actors/search", params={"q": "k"})
    assert resp.status_code == 400 and "at least two characters" in resp.json()["error"]


def test_openapi_lists_the_review_endpoints(client):
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {"/events/{event_id}/review", "/reviews", "/review-queue", "/review-fields", "/actors/search"} <= paths


# -- command line ------------------------------------------------------------------------------------------


def _cli(*args) -> tuple[int, str, str]:
    """Run the `redline` entry point in process (its exit codes included); return (code, stdout, stderr)."""
    import sys

    from redline.cli import main

    argv, code = sys.argv, 0
    sys.argv = ["redline", *map(str, args)]
    try:
        with CliRunner().isolation() as streams:
            try:
                main()
            except SystemExit as exc:
                code = exc.code
            sys.stdout.flush()
            sys.stderr.flush()
            out, err = streams[0].getvalue().decode(), streams[1].getvalue().decode()
    finally:
        sys.argv = argv
    return code, out, err


def test_cli_review_list_and_count(db):
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        ids = {e["event"][0]: e["id"] for e in c.get("/events").json()["data"]}
    code, out, err = _cli("review", ids["ASSAULT"], "--set", "event=ACCUSE", "--set", "actor=BLR:MIL",
                          "--reviewer", "ana", "--note", "wrong side", "--db", db, "--format", "json")
    assert code == 0, err
    review = json.loads(out)[0]
    assert (review["verdict"], review["changed"], review["actor"]) == ("corrected", ["event", "actor"],
                                                                      [{"code": "BLR", "sector": "MIL"}])
    code, out, err = _cli("review", ids["MOBILIZE"], "--reject", "--reviewer", "ben", "--db", db)
    assert code == 0 and "rejected" in out
    code, out, _ = _cli("events", "--db", db, "--format", "jsonl")
    assert {json.loads(x)["id"] for x in out.splitlines()} == {ids["ASSAULT"], ids["CONSULT"]}
    code, out, _ = _cli("events", "--db", db, "--format", "jsonl", "--include-rejected", "--reviewed-only")
    assert {json.loads(x)["id"] for x in out.splitlines()} == {ids["ASSAULT"], ids["MOBILIZE"]}
    code, out, _ = _cli("reviews", "--db", db, "--format", "json")
    assert [r["reviewer"] for r in json.loads(out)] == ["ben", "ana"]
    code, out, _ = _cli("reviews", "--db", db, "--counts", "--format", "csv")
    assert out.splitlines() == ["reviewer,confirmed,rejected,corrected,total", "ana,0,0,1,1", "ben,0,1,0,1",
                                "(all),0,1,1,2"]
    code, out, _ = _cli("dyads", "--db", db, "--format", "json")
    assert {(d["actor"], d["recipient"]) for d in json.loads(out)} == {("BLR", "UKR"), ("USA", "RUS")}


@pytest.mark.parametrize("args, fragment", [
    (["--confirm", "--reject"], "exactly one of"),
    ([], "exactly one of"),
    (["--set", "colour=red"], "unknown field"),
    (["--set", "event=ASSAULT"], "leave the event as it is"),
])
def test_cli_review_usage_errors_exit_2(db, args, fragment):
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        event_id = next(e["id"] for e in c.get("/events").json()["data"] if e["event"] == ["ASSAULT"])
    code, _, err = _cli("review", event_id, *args, "--reviewer", "ana", "--db", db)
    assert code == 2 and fragment in err


def test_cli_export_and_suggest_report_what_they_did(db, tmp_path):
    code, _, err = _cli("reviews", "export", "-o", tmp_path / "g.jsonl", "--db", db)
    assert code == 2 and "no reviews" in err
    with TestClient(create_app(db, token=TOKEN), base_url="http://127.0.0.1") as c:
        for e in c.get("/events").json()["data"]:
            c.post(f"/events/{e['id']}/review", headers=AUTH, json={"verdict": "confirmed", "reviewer": "ana"})
    code, out, err = _cli("reviews", "export", "-o", tmp_path / "g.jsonl", "--db", db)
    assert code == 0 and "wrote 3 sentences (3 events, 3 reviews, 1 articles)" in err
    assert out.strip() == f"redline eval {tmp_path / 'g.jsonl'} --format realnews --corpus {tmp_path / 'g.jsonl'}.articles.jsonl"
    code, out, err = _cli("reviews", "suggest", "-o", tmp_path / "s", "--db", db)
    assert code == 0 and "nothing written" in err
    assert not (tmp_path / "s.actors.csv").exists()


def test_cli_review_is_handed_to_the_server_that_owns_the_store(db):
    from test_live import Server  # `redline serve` in a subprocess (tests/test_live.py)

    server = Server(db)
    try:
        status, events = server.get("/events")
        event_id = next(e["id"] for e in events["data"] if e["event"] == ["ASSAULT"])
        assert server.get(f"/events/{event_id}")[1]["data"]["event"] == ["ASSAULT"]  # now in the answer cache
        code, out, err = _cli("review", event_id, "--set", "event=ACCUSE", "--reviewer", "ana", "--db", db,
                              "--format", "json")
        assert code == 0, err
        assert json.loads(out)[0]["event"] == "ACCUSE"
        status, reviews = server.get("/reviews")
        assert status == 200 and [r["event_id"] for r in reviews["data"]] == [event_id]
        assert server.get(f"/events/{event_id}")[1]["data"]["event"] == ["ACCUSE"]  # no stale cached answer
        code, _, err = _cli("review", event_id, "--set", "event=ACCUSE", "--reviewer", "ana", "--db", db)
        assert code == 2 and "leave the event as it is" in err
    finally:
        server.stop()
