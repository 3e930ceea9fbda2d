"""Ingest with the real pipeline: idempotence, duplicates, failures, and a killed ingest rerun to the same store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from redline.ingest import RunReport, ingest
from redline.store import Store

pytestmark = pytest.mark.slow

_COUNTRIES = ["Russia", "Ukraine", "France", "Germany", "China", "Japan", "Turkey", "Iran", "India", "Brazil",
              "Poland", "Egypt"]
_CITIES = ["Geneva", "Vienna", "Ankara", "Warsaw", "Cairo", "Tokyo", "Paris", "Berlin"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article_text(i: int) -> str:
    """A small made-up news article; different i give different actors, places, days and wording."""
    a, b = _COUNTRIES[i % 12], _COUNTRIES[(i * 5 + 1) % 12]
    if a == b:
        b = _COUNTRIES[(i + 3) % 12]
    city, day = _CITIES[i % 8], _DAYS[i % 5]
    return (
        f"Tue, {1 + i % 27:02d} Jun 2021\n\n"
        f"{a} accused {b} on {day} of moving {100 + 7 * i} troops toward the border, officials in {city} said.\n\n"
        f"The foreign minister of {a} met his counterpart from {b} in {city} for {2 + i % 4} hours of talks "
        f"about prisoner exchange number {i}.\n\n"
        f"Both delegations agreed to meet again in {3 + i % 9} weeks, according to a statement.\n"
    )


def write_corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"article-{i:03d}.txt").write_text(article_text(i), encoding="utf-8")
    return folder


def duplicate_records(folder: Path) -> Path:
    """A JSONL file: an exact copy of article 2 and a near copy of article 3 under new ids, and a new article."""
    path = folder / "wire.jsonl"
    near = article_text(3).replace("according to a statement", "according to a joint statement")
    records = [
        {"id": "wire-exact", "title": "copy", "date": "2021-06-04", "source": "Wire A", "url": "https://a.example/1",
         "text": article_text(2)},
        {"id": "wire-near", "title": "near copy", "date": "2021-06-05", "source": "Wire B",
         "url": "https://b.example/2", "text": near},
        {"id": "wire-new", "title": "new", "date": "2021-06-06", "source": "Wire C", "url": None,
         "text": article_text(40)},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_twice_adds_nothing(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "in", 5)
    db = tmp_path / "s.duckdb"
    first = ingest([str(corpus)], db=str(db), pipeline=pipeline)
    assert isinstance(first, RunReport)
    assert (first.read, first.coded, first.failed, first.status) == (5, 5, 0, "ok")
    with Store(db, read_only=True) as s:
        before = s.dump()
    second = ingest([str(corpus)], db=str(db), pipeline=pipeline)
    assert (second.read, second.coded, second.already_stored, second.new) == (5, 0, 5, 0)
    with Store(db, read_only=True) as s:
        assert s.dump() == before
        assert [r["status"] for r in s.runs()] == ["ok", "ok"]
        assert s.runs()[0]["counts"]["already_stored"] == 5


def test_ingest_links_exact_and_near_duplicates(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "in", 4)
    duplicate_records(corpus)
    db = tmp_path / "s.duckdb"
    report = ingest([str(corpus)], db=str(db), pipeline=pipeline)
    assert (report.read, report.coded, report.duplicate, report.failed) == (7, 5, 2, 0)
    with Store(db, read_only=True) as s:
        exact, near = s.article("wire-exact"), s.article("wire-near")
        assert (exact["dup_kind"], exact["events"]) == ("exact", [])
        assert near["dup_kind"] == "near"
        originals = {a["id"]: a["source"] for a in s.sql("SELECT id, source FROM articles WHERE duplicate_of IS NULL")}
        assert originals[exact["duplicate_of"]].endswith("article-002.txt")
        assert originals[near["duplicate_of"]].endswith("article-003.txt")
        assert s.article("wire-new")["duplicate_of"] is None
        assert {sig_id for sig_id, _ in s.signatures()} == set(originals)


def test_ingest_records_failures_and_goes_on(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "in", 2)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "broken.jsonl").write_text('{"id": "x", "text": 5}\n', encoding="utf-8")
    seen = []
    db = tmp_path / "s.duckdb"
    report = ingest([str(corpus), str(tmp_path / "missing.txt")], db=str(db), pipeline=pipeline,
                    on_failure=seen.append)
    assert (report.coded, report.failed, report.status) == (2, 3, "partial")
    assert [f.input for f in seen] == [f.input for f in report.failures]
    with Store(db, read_only=True) as s:
        failures = s.failures(report.run_id)
        reasons = {Path(f["input"].split(":")[0]).name: f["reason"] for f in failures}
        assert "empty" in reasons["empty.txt"]
        assert "text" in reasons["broken.jsonl"]
        assert "no such file" in reasons["missing.txt"]
        assert s.runs()[0]["failures"] == 3


def test_ingest_cli_prints_each_failure_and_exits_1(tmp_path):
    corpus = write_corpus(tmp_path / "in", 1)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    proc = subprocess.run([sys.executable, "-m", "redline", "ingest", str(corpus), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1, proc.stderr
    assert f"error: {corpus / 'empty.txt'}: empty file" in proc.stderr
    assert "coded 1" in proc.stdout
    again = subprocess.run([sys.executable, "-m", "redline", "ingest", str(corpus / "article-000.txt"), "--db",
                            str(db)], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "already stored 1" in again.stdout


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "redline", "-v", "ingest", str(corpus), "--db", str(db)]


def test_ingest_killed_and_rerun_gives_the_same_store(tmp_path):
    corpus = write_corpus(tmp_path / "in", 24)
    duplicate_records(corpus)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    killed_db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(_ingest_cmd(corpus, killed_db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=env)
    stored = 0
    deadline = time.monotonic() + 600
    try:
        for line in proc.stderr:
            stored += "stored article" in line
            if stored >= 1 or time.monotonic() > deadline:
                break
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    with Store(killed_db, read_only=True) as s:
        partial = s.dump()
        assert s.runs()[0]["status"] == "interrupted"
    rerun = subprocess.run(_ingest_cmd(corpus, killed_db), capture_output=True, text=True, timeout=900, env=env)
    assert rerun.returncode == 1 and "read 27," in rerun.stdout, rerun.stderr  # empty.txt fails in every run

    clean_db = tmp_path / "clean.duckdb"
    clean = subprocess.run(_ingest_cmd(corpus, clean_db), capture_output=True, text=True, timeout=900, env=env)
    assert clean.returncode == 1 and "read 27, coded 25, duplicate 2," in clean.stdout, clean.stderr

    with Store(killed_db, read_only=True) as a, Store(clean_db, read_only=True) as b:
        after_rerun, uninterrupted = a.dump(), b.dump()
    assert 0 < len(partial["articles"]) < len(uninterrupted["articles"]) == 27
    assert after_rerun == uninterrupted


def test_ingest_published_dates_undated_text_files(tmp_path, pipeline):
    """A text file without a dateline is stored undated (and is in no time view) unless --published dates it."""
    from click.testing import CliRunner

    from redline import analysis
    from redline.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "statement.txt").write_text("Russia accused Ukraine on Monday of shelling Donetsk.\n", encoding="utf-8")
    undated, dated = tmp_path / "undated.duckdb", tmp_path / "dated.duckdb"
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(undated)]).exit_code == 0
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(dated), "--published", "2021-06-17"])
    assert result.exit_code == 0, result.output
    with Store(undated, read_only=True) as s:
        (ev,) = s.events(factuality=None)
        assert ev["date"] is None and analysis.timeline(s, actor="RUS") == []
    with Store(dated, read_only=True) as s:
        (ev,) = s.events(factuality=None)
        assert ev["date"] == "2021-06-14"  # "on Monday" before the publication date given
        assert [(r["label"], r["events"]) for r in analysis.timeline(s, actor="RUS")] == [("2021-06", 1)]
    bad = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(dated), "--published", "17 June"])
    assert bad.exit_code == 2 and "--published" in bad.output
