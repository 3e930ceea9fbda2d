"""Watch: interval parsing, new/changed file detection, cycles over a real store, restart safety, the CLI."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from click.testing import CliRunner

from redline.errors import UsageError
from redline.pipeline import Context, Pipeline, stage
from redline.records import Document
from redline.store import Store
from redline.web.sample import with_one_event
from redline.watch import WatchState, parse_interval, pending_files, watch, watch_once

# Written for these tests.
TEXTS = [
    "The mayor of the city opened a new bridge over the river on Saturday, and said that it would cut the "
    "time that people spend in traffic by half. Hundreds of residents came to watch the ceremony.",
    "The national football team won the final match of the tournament after a long penalty shoot-out, and "
    "the players were welcomed by thousands of fans when they landed at the airport on Monday.",
    "A storm brought heavy rain and strong winds to the coast overnight. The weather service said that the "
    "worst of the storm had passed but warned of floods in the low valleys for the rest of the week.",
]


def _empty_pipeline() -> Pipeline:
    """No stages: ingest stores the articles without coding them, so these tests need no spaCy model."""
    return Pipeline(Context(), stages=[])


def _write(path, text, *, age: float = 60.0) -> None:
    path.write_text(text, encoding="utf-8")
    t = time.time() - age
    os.utime(path, (t, t))


def _stored(db) -> int:
    with Store(str(db), read_only=True) as store:
        return store.sql("select count(*) as n from articles")[0]["n"]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("15m", 900), ("30s", 30), ("1h", 3600), ("2d", 172800), ("90", 90), (" 1.5m ", 90), (45, 45)],
)
def test_parse_interval_units(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "15 minutes", "0m", "-5s", "1w"])
def test_parse_interval_rejects_bad_values(text):
    with pytest.raises(UsageError):
        parse_interval(text)


def _no_wait(seconds: float) -> None:
    pass


def test_pending_files_new_changed_and_settling(tmp_path):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.jsonl", tmp_path / "c.txt"
    _write(a, TEXTS[0])
    _write(b, "{}")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    state = WatchState()
    ready, settling = pending_files(tmp_path, state, sleep=_no_wait)
    assert (ready, settling) == ([a, b], [])
    for f in ready:
        st = f.stat()
        state.seen[str(f)] = (st.st_size, st.st_mtime_ns)
    _write(b, '{"text": "changed"}')
    _write(c, TEXTS[1], age=0.0)

    def writer_goes_on(seconds: float) -> None:  # c is still being written between the two polls
        assert seconds == 5.0
        with c.open("a", encoding="utf-8") as fh:
            fh.write(" And more.")

    ready, settling = pending_files(tmp_path, state, settle=5.0, sleep=writer_goes_on)
    assert (ready, settling) == ([b], [c])
    ready, settling = pending_files(tmp_path, state, settle=5.0, sleep=_no_wait)  # the writer is done
    assert (ready, settling) == ([b, c], [])


def test_pending_files_does_not_wait_for_files_seen_unchanged_at_the_last_poll(tmp_path):
    _write(tmp_path / "a.txt", TEXTS[0])
    state = WatchState()
    waits: list[float] = []
    assert pending_files(tmp_path, state, sleep=waits.append) == ([tmp_path / "a.txt"], [])
    assert pending_files(tmp_path, state, sleep=waits.append) == ([tmp_path / "a.txt"], [])  # not yet seen
    assert waits == [5.0]


def test_pending_files_missing_directory(tmp_path):
    with pytest.raises(UsageError, match="not a directory"):
        pending_files(tmp_path / "nope", WatchState())


def test_watch_once_ingests_new_files_and_skips_seen(tmp_path):
    incoming = tmp_path / "in"
    incoming.mkdir()
    db = tmp_path / "w.duckdb"
    _write(incoming / "one.txt", TEXTS[0])
    state = WatchState()
    pipe = _empty_pipeline()
    first = watch_once(incoming, state, db=str(db), pipeline=pipe, sleep=_no_wait)
    assert (len(first.files), first.report.coded) == (1, 1)
    second = watch_once(incoming, state, db=str(db), pipeline=pipe, sleep=_no_wait)
    assert second.report is None and second.files == ()
    _write(incoming / "two.txt", TEXTS[1])
    third = watch_once(incoming, state, db=str(db), pipeline=pipe, sleep=_no_wait)
    assert third.files == (str(incoming / "two.txt"),) and third.report.coded == 1
    assert _stored(db) == 2


def test_watch_restart_adds_nothing_twice_and_reads_nothing_unchanged(tmp_path):
    incoming = tmp_path / "in"
    incoming.mkdir()
    db = tmp_path / "w.duckdb"
    for i, text in enumerate(TEXTS):
        _write(incoming / f"{i}.txt", text)
    watch(incoming, db=str(db), once=True, settle=0, pipeline=_empty_pipeline())
    cycles = []
    watch(incoming, db=str(db), once=True, settle=0, pipeline=_empty_pipeline(), on_cycle=cycles.append)  # a restart
    report = cycles[0].report
    assert (report.read, report.coded, report.already_stored) == (0, 0, 0)  # the store knows the files
    assert len(cycles[0].files) == 3
    assert _stored(db) == 3


@stage("fake-coding", provides=("sentences", "events"))
def code_one_event(doc: Document, ctx: Context) -> Document:
    """One ASSAULT event RUS -> UKR per article on a fixed day: every version of a file gives the same event."""
    return with_one_event(doc, day=dt.date(2021, 6, 16))


def test_watch_replaces_a_file_that_changed_after_it_was_stored(tmp_path):
    """A writer that paused: its first half is stored; the whole file replaces it instead of counting twice."""
    incoming = tmp_path / "in"
    incoming.mkdir()
    db = tmp_path / "w.duckdb"
    pipe = Pipeline(Context(), stages=[code_one_event.stage])
    path = incoming / "slow.txt"
    _write(path, TEXTS[0][:90])
    state = WatchState()
    first = watch_once(incoming, state, db=str(db), pipeline=pipe, sleep=_no_wait)
    assert first.report.coded == 1
    _write(path, TEXTS[0], age=30)  # the writer comes back and finishes the file
    second = watch_once(incoming, state, db=str(db), pipeline=pipe, sleep=_no_wait)
    assert (second.report.coded, second.report.replaced) == (1, 1)
    with Store(str(db), read_only=True) as store:
        texts = [r["text"] for r in store.sql("SELECT text FROM articles")]
        [event] = store.events()
    assert texts == [TEXTS[0]]
    assert (event["num_articles"], event["num_mentions"]) == (1, 1)


def test_watch_changed_jsonl_keeps_its_unchanged_records(tmp_path):
    import json

    incoming = tmp_path / "in"
    incoming.mkdir()
    db = tmp_path / "w.duckdb"
    path = incoming / "feed.jsonl"
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(TEXTS)]
    _write(path, "".join(json.dumps(r) + "\n" for r in records[:2]) + '{"id": "r2", "text": "The storm')
    state = WatchState()
    first = watch_once(incoming, state, db=str(db), pipeline=_empty_pipeline(), sleep=_no_wait)
    assert (first.report.coded, first.report.failed) == (2, 1)  # the cut last line fails
    _write(path, "".join(json.dumps(r) + "\n" for r in records), age=30)  # appended and finished
    second = watch_once(incoming, state, db=str(db), pipeline=_empty_pipeline(), sleep=_no_wait)
    assert (second.report.coded, second.report.already_stored, second.report.replaced) == (1, 2, 0)
    assert _stored(db) == 3


def test_watch_loop_picks_up_files_between_cycles(tmp_path):
    incoming = tmp_path / "in"
    incoming.mkdir()
    db = tmp_path / "w.duckdb"
    _write(incoming / "a.txt", TEXTS[0])
    sleeps: list[float] = []
    cycles = []

    def on_cycle(cycle):
        cycles.append(cycle)
        if cycle.number == 1:
            _write(incoming / "b.txt", TEXTS[2])

    state = watch(incoming, every="15m", db=str(db), settle=0, pipeline=_empty_pipeline(), on_cycle=on_cycle,
                  max_cycles=3, sleep=sleeps.append)
    assert state.cycles == 3
    assert [c.report.coded if c.report else 0 for c in cycles] == [1, 1, 0]
    assert len(sleeps) == 2 and all(0 < s <= 900 for s in sleeps)


@pytest.mark.slow
def test_watch_cli_once_codes_and_reports(tmp_path):
    from redline.cli import cli

    incoming = tmp_path / "in"
    incoming.mkdir()
    _write(incoming / "a.txt", "Russian forces shelled the city of Kharkiv on Monday, Ukrainian officials said.")
    _write(incoming / "b.txt", "")
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(cli, ["watch", str(incoming), "--once", "--settle", "0", "--db", str(db)])
    assert result.exit_code == 1, result.output  # the empty file failed, and says so
    assert "cycle 1: 2 new or changed file(s): read 1, coded 1" in result.output
    assert "empty file" in result.output
    assert _stored(db) == 1
