"""`redline events` and `redline runs` over a hand-built store: filters, formats, exit codes."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.records import Article, Document, Entity, Event, Factuality, Failure, TextInfo
from redline.store import Store

RUS = Entity("Russia", "RUS", "GOV", reason="kb")
UKR = Entity("Ukraine", "UKR", "GOV", reason="kb")
USA = Entity("United States", "USA", "GOV", reason="kb")


def _event(aid, n, event, cameo, actor, recipient, date, factuality=Factuality.ASSERTED, quad=4):
    text = f"Sentence {n} of {aid}."
    return Event(id=f"{aid}-{n}", article_id=aid, event=event, actor=actor, recipient=recipient, cameo=cameo,
                 goldstein=-5.0, quad_code=quad, event_scale=-5.0, factuality=factuality, text=text,
                 text_info=TextInfo(n, 0, len(text), 0, 8), event_text="verb", rule="test", confidence=0.7,
                 date=date)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "s.duckdb"
    with Store(path) as s:
        run = s.begin_run("redline ingest in/", ["in/"])
        events = (
            _event("a1", 0, "ASSAULT", "190", (RUS,), (UKR,), dt.date(2021, 6, 16)),
            _event("a1", 1, "AID", "070", (USA,), (UKR,), dt.date(2021, 6, 10), quad=2),
            _event("a1", 2, "REQUEST", "020", (UKR,), (USA,), dt.date(2021, 5, 2), quad=1),
            _event("a1", 3, "THREATEN", "138", (RUS,), (USA,), dt.date(2021, 6, 17), Factuality.FUTURE, 3),
        )
        s.write_document(Document(article=Article(id="a1", text="t", published=dt.date(2021, 6, 17)),
                                  events=events), run_id=run)
        s.record_failure(run, Failure("in/empty.txt", "read", "empty file"))
        s.finish_run(run, counts={"read": 2, "coded": 1, "events": 4}, status="partial")
    return path


def _events(db, *args) -> list[dict]:
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


@pytest.mark.parametrize("args, expected", [
    ([], ["ASSAULT", "AID", "REQUEST"]),
    (["--all"], ["THREATEN", "ASSAULT", "AID", "REQUEST"]),
    (["--actor", "RUS"], ["ASSAULT"]),
    (["--actor", "RUS", "--all"], ["THREATEN", "ASSAULT"]),
    (["--recipient", "UKR"], ["ASSAULT", "AID"]),
    (["--actor", "USA", "--recipient", "UKR"], ["AID"]),
    (["--event", "REQUEST"], ["REQUEST"]),
    (["--since", "2021-06-01"], ["ASSAULT", "AID"]),
    (["--until", "2021-06-10"], ["AID", "REQUEST"]),
    (["--since", "2021-06-01", "--until", "2021-06-12"], ["AID"]),
    (["--limit", "1"], ["ASSAULT"]),
    (["--limit", "1", "--offset", "2"], ["REQUEST"]),
])
def test_events_cli_filters(db, args, expected):
    assert [e["event"][0] for e in _events(db, *args)] == expected


def test_events_cli_rows_carry_counts_and_evidence(db):
    [row] = _events(db, "--event", "ASSAULT")
    assert (row["num_mentions"], row["num_articles"], row["text"]) == (1, 1, "Sentence 0 of a1.")


def test_events_cli_csv_and_table(db):
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["event"] for r in rows] == ["ASSAULT", "AID", "REQUEST"]
    assert (rows[0]["actor_codes"], rows[0]["actor_sectors"]) == ("RUS", "GOV")
    table = CliRunner().invoke(cli, ["events", "--db", str(db)])
    assert table.exit_code == 0 and "ASSAULT" in table.output


@pytest.mark.parametrize("args", [
    ["--event", "INVADE"],
    ["--since", "June"],
    ["--limit", "-3"],
])
def test_events_cli_bad_option_is_a_usage_error(db, args):
    proc = subprocess.run([sys.executable, "-m", "redline", "events", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "error" in proc.stderr.lower()


def test_events_cli_missing_store_fails_clearly(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "redline", "events", "--db", str(tmp_path / "none.duckdb")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "none.duckdb: no such file" in proc.stderr


def test_runs_cli_lists_runs_and_failures(db):
    result = CliRunner().invoke(cli, ["runs", "--db", str(db), "--format", "jsonl"])
    [run] = [json.loads(line) for line in result.output.splitlines()]
    assert (run["status"], run["counts"]["events"], run["failures"]) == ("partial", 4, 1)
    fails = CliRunner().invoke(cli, ["runs", "--db", str(db), "--failures", "--format", "csv"])
    assert "in/empty.txt,read,empty file" in fails.output


def test_event_cli_shows_the_evidence(db):
    [row] = _events(db, "--event", "AID")
    result = CliRunner().invoke(cli, ["event", row["id"], "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    [ev] = json.loads(result.output)
    assert [m["text"] for m in ev["mentions"]] == ["Sentence 1 of a1."]
    table = CliRunner().invoke(cli, ["event", row["id"], "--db", str(db)])
    assert "Sentence 1 of a1." in table.output and "AID" in table.output


def test_event_cli_unknown_id_is_a_usage_error(db):
    proc = subprocess.run([sys.executable, "-m", "redline", "event", "0000000000000000", "--db", str(db)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "no event '0000000000000000'" in proc.stderr


@pytest.mark.slow
def test_ingest_cli_map_reads_records_with_other_field_names(tmp_path):
    src = tmp_path / "feed.jsonl"
    src.write_text(json.dumps({"uid": "n1", "headline": "Clashes", "published_at": "2021-03-09",
                               "body": "Russian troops shelled the Ukrainian town of Avdiivka on Monday."}) + "\n",
                   encoding="utf-8")
    db = tmp_path / "m.duckdb"
    plain = subprocess.run([sys.executable, "-m", "redline", "ingest", str(src), "--db", str(db)],
                           capture_output=True, text=True, timeout=600)
    assert plain.returncode == 1 and "missing field" in plain.stderr
    mapped = subprocess.run([sys.executable, "-m", "redline", "ingest", str(src), "--db", str(db), "--map",
                             "id=uid,title=headline,date=published_at,text=body"],
                            capture_output=True, text=True, timeout=600)
    assert mapped.returncode == 0, mapped.stderr
    with Store(db, read_only=True) as s:
        rows = s.events(limit=10)
    assert [(r["event"][0], r["actor"][0]["code"]) for r in rows] == [("ASSAULT", "RUS")]
    assert rows[0]["date"].startswith("2021-03")
    bad = subprocess.run([sys.executable, "-m", "redline", "ingest", str(src), "--db", str(db), "--map", "text"],
                         capture_output=True, text=True, timeout=600)
    assert bad.returncode == 2 and "FIELD=NAME" in bad.stderr


def test_events_csv_is_the_export_csv_with_whole_sentences(tmp_path):
    long = ("Russian and Belarusian forces shelled the outskirts of Kyiv and Chernihiv overnight, the Ukrainian "
            "general staff said on Thursday morning.")
    path = tmp_path / "long.duckdb"
    bel = Entity("Belarus", "BLR", "MIL", reason="kb")
    with Store(path) as s:
        run = s.begin_run("test", [])
        ev = _event("a9", 0, "ASSAULT", "190", (RUS, bel), (UKR,), dt.date(2022, 3, 3))
        ev = dataclasses.replace(ev, text=long, text_info=TextInfo(0, 0, len(long), 37, 44), event_text="shelled")
        s.write_document(Document(article=Article(id="a9", text=long, title="Night", published=dt.date(2022, 3, 3)),
                                  events=(ev,)), run_id=run)
    events = CliRunner().invoke(cli, ["events", "--db", str(path), "--format", "csv"])
    export = CliRunner().invoke(cli, ["export", "--db", str(path), "--format", "csv", "-o", "-"])
    assert events.exit_code == 0 and export.exit_code == 0
    assert events.stdout == export.stdout
    (row,) = csv.DictReader(io.StringIO(events.stdout))
    assert row["text"] == long and len(long) > 90
    assert (row["actor_codes"], row["actor_sectors"], row["article_title"]) == ("RUS;BLR", "GOV;MIL", "Night")
