"""A live store: `redline serve` owns the writer; ingest and watch hand their runs to it while the API answers.

The integration tests run the real commands (`redline serve`, `redline ingest`) as processes with the real
pipeline; the unit tests check the private route's guard and the owner file.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redline.errors import UsageError
from redline.ingest import ingest
from redline.live import check_request
from redline.pipeline import Context, Pipeline
from redline.store import Store, owner
from redline.web.app import create_app
from redline.web.sample import write_documents

# Written for these tests: short made-up reports that the real pipeline codes into events.
_COUNTRIES = ["Russia", "Ukraine", "France", "Germany", "China", "Japan", "Turkey", "Iran", "India", "Brazil"]


def report(i: int) -> str:
    a, b = _COUNTRIES[i % 10], _COUNTRIES[(i * 3 + 1) % 10]
    if a == b:
        b = _COUNTRIES[(i + 5) % 10]
    return (f"Tue, {1 + i % 27:02d} Jun 2021\n\n"
            f"{a} accused {b} on Monday of moving {100 + 7 * i} troops toward the border, officials said.\n\n"
            f"The foreign minister of {a} met his counterpart from {b} for talks about prisoner exchange number {i}.\n")


def _env() -> dict:
    return {**os.environ, "PYTHONUNBUFFERED": "1"}


class Server:
    """`redline serve` in a subprocess on a free port, stopped (SIGTERM) at the end."""

    def __init__(self, db: Path, *args: str):
        self.proc = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--db", str(db), "--port", "0",
                                      *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                     env=_env())
        self.lines: list[str] = []
        first = self.proc.stderr.readline()
        self.lines.append(first)
        m = re.search(r"http://[\d.]+:(\d+)/", first)
        assert m, first + self.proc.stderr.read()
        self.url = f"http://127.0.0.1:{m.group(1)}"
        threading.Thread(target=lambda: self.lines.extend(self.proc.stderr), daemon=True).start()

    def get(self, path: str) -> tuple[int, dict]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=120)


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(14):
        (folder / f"r{i:02d}.txt").write_text(report(i), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_dashboard_answers_during_an_ingest_and_sees_each_batch(tmp_path, corpus):
    db = tmp_path / "live.duckdb"
    server = Server(db)
    try:
        assert owner.served_by(db) is not None
        observed: list[tuple[int, int]] = []
        ingest_cmd = subprocess.Popen([sys.executable, "-m", "redline", "ingest", str(corpus), "--db", str(db),
                                       "--write-batch", "2"],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env())
        while ingest_cmd.poll() is None:
            status, body = server.get("/events?factuality=all&limit=1")
            observed.append((status, body.get("meta", {}).get("total", -1)))
            time.sleep(0.2)
        out, err = ingest_cmd.communicate()
        assert ingest_cmd.returncode == 0, err
        assert "read 14, coded 14" in out
        status, final = server.get("/events?factuality=all&limit=1")
        total = final["meta"]["total"]
        assert status == 200 and total > 0
        assert all(s == 200 for s, _ in observed), observed  # the API answered throughout
        totals = [t for _, t in observed]
        assert totals == sorted(totals)  # events only ever appear, batch by batch
        assert len({t for t in totals if 0 < t < total}) >= 1, totals  # seen between commits, not only at the end
        assert totals[0] < total
        runs = server.get("/stats")[1]["data"]
        assert runs["articles"] == 14
    finally:
        server.stop()
    assert owner.served_by(db) is None  # the owner file went with the server
    with Store(db, read_only=True) as store:
        assert store.count_events(factuality=None) == total


@pytest.mark.slow
def test_serve_watch_takes_each_file_once_while_serving(tmp_path):
    db = tmp_path / "live.duckdb"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    server = Server(db, "--watch", str(inbox), "--every", "1s", "--settle", "0.5")
    try:
        (inbox / "a.txt").write_text(report(1), encoding="utf-8")
        slow = inbox / "b.txt"
        slow.write_text(report(2)[:70], encoding="utf-8")  # a writer that pauses half-way
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and server.get("/stats")[1]["data"]["articles"] < 2:
            time.sleep(0.5)
        assert server.get("/stats")[1]["data"]["articles"] == 2
        slow.write_text(report(2), encoding="utf-8")  # ... and finishes the file
        while time.monotonic() < deadline and "replaced 1" not in "".join(server.lines):
            time.sleep(0.5)
        status, stats = server.get("/stats")
        assert status == 200 and stats["data"]["articles"] == 2  # the whole file replaced its first half
    finally:
        server.stop()
    with Store(db, read_only=True) as store:
        texts = sorted(r["text"] for r in store.sql("SELECT text FROM articles"))
    assert len(texts) == 2 and any("prisoner exchange number 2" in t for t in texts)


def test_live_route_only_for_the_owner(tmp_path):
    path = tmp_path / "s.duckdb"
    write_documents(path, [])
    with TestClient(create_app(path), base_url="http://127.0.0.1", client=("127.0.0.1", 50000)) as client:
        secret = client.app.state.live.secret
        assert client.post("/_live/ingest", json={"paths": ["x"]}).status_code == 403
        assert client.post("/_live/ingest", json={"paths": ["x"]},
                           headers={"x-redline-secret": "guess"}).status_code == 403
    with TestClient(create_app(path), base_url="http://127.0.0.1", client=("10.1.2.3", 50000)) as remote:
        assert remote.post("/_live/ingest", json={"paths": ["x"]},
                           headers={"x-redline-secret": remote.app.state.live.secret}).status_code == 403
    with TestClient(create_app(path), base_url="http://127.0.0.1", client=("127.0.0.1", 50000)) as client:
        secret = client.app.state.live.secret
        resp = client.post("/_live/ingest", json={"paths": [], "workers": 1}, headers={"x-redline-secret": secret})
        assert resp.status_code == 200  # the client is on loopback with the secret: the run starts ...
        event = json.loads(resp.text.splitlines()[-1])
        assert event["type"] == "error" and "paths" in event["message"]  # ... and the bad request is named


@pytest.mark.parametrize(("request_body", "word"), [
    ([], "JSON object"), ({"paths": "a.txt"}, "paths"), ({"paths": ["a"], "workers": 0}, "workers"),
    ({"paths": ["a"], "rm": True}, "unknown"), ({"paths": ["a"], "mapping": "text=body"}, "mapping"),
])
def test_live_requests_are_checked(request_body, word):
    with pytest.raises(UsageError, match=word):
        check_request(request_body)


def test_a_stale_owner_file_is_ignored(tmp_path):
    db = tmp_path / "s.duckdb"
    owner.owner_file(db).write_text(json.dumps({"pid": 2**22 + 12345, "host": os.uname().nodename,
                                                "url": "http://127.0.0.1:1", "secret": "x"}), encoding="utf-8")
    assert owner.served_by(db) is None
    (tmp_path / "a.txt").write_text(report(3), encoding="utf-8")
    result = ingest([str(tmp_path / "a.txt")], db=str(db), pipeline=Pipeline(Context(), stages=[]))
    assert result.coded == 1  # opened and written here, not handed to a server that is gone


def test_owner_file_is_private_and_withdrawn(tmp_path):
    db = tmp_path / "s.duckdb"
    path = owner.claim(db, url="http://127.0.0.1:9", secret="s")
    assert path.stat().st_mode & 0o777 == 0o600
    assert owner.served_by(db) is None  # this process does not hand work to itself
    owner.release(db)
    assert not path.exists()


def test_serve_refuses_a_token_on_the_command_line(tmp_path):
    from click.testing import CliRunner

    from redline.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.duckdb"), "--token", "s3cret"])
    assert result.exit_code == 2
    assert "visible" in result.output and "--token-file" in result.output


@pytest.mark.slow
def test_serve_takes_its_token_from_a_file_and_keeps_it_out_of_ps(tmp_path):
    db = tmp_path / "s.duckdb"
    token_file = tmp_path / "token"
    token_file.write_text("t0ken-from-a-file\n", encoding="utf-8")
    server = Server(db, "--token-file", str(token_file))
    try:
        cmdline = Path(f"/proc/{server.proc.pid}/cmdline").read_bytes()
        assert b"t0ken-from-a-file" not in cmdline
        req = urllib.request.Request(server.url + "/ingest", data=report(4).encode(), method="POST",
                                     headers={"Authorization": "Bearer t0ken-from-a-file"})
        with urllib.request.urlopen(req, timeout=300) as resp:
            body = json.loads(resp.read())
        assert body["data"]["stored"] is True and body["data"]["events"] > 0
    finally:
        server.stop()
