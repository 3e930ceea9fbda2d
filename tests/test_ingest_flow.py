"""Ingest bookkeeping with a tiny stand-in pipeline (no spaCy): duplicates, failed first copies, progress."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from redline.errors import UsageError
from redline.ingest import ingest
from redline.pipeline import Context, Pipeline, stage
from redline.records import Document, Entity, Event, Factuality, TextInfo
from redline.store import Store

_BODY = " ".join(f"Delegates from both countries discussed item {i} of the agenda at length." for i in range(12))


@stage("fake-coding", provides=("sentences", "events"))
def fake_code(doc: Document, ctx: Context) -> Document:
    """One ASSAULT event per article, dated by the article; fails on the marker word."""
    if "trigger-failure" in doc.article.text:
        raise ValueError("stand-in failure")
    ev = Event(id=f"{doc.article.id}-0", article_id=doc.article.id, event="ASSAULT",
               actor=(Entity("Russia", "RUS", reason="test"),), recipient=(Entity("Ukraine", "UKR", reason="test"),),
               cameo="190", goldstein=-10.0, quad_code=4, event_scale=-9.0, factuality=Factuality.ASSERTED,
               text=doc.article.text[:40], text_info=TextInfo(0, 0, 40, 0, 5), event_text="x", rule="test",
               confidence=1.0, date=doc.article.published)
    return dataclasses.replace(doc, events=(ev,))


@pytest.fixture(scope="module")
def fake_pipeline():
    return Pipeline(Context(), stages=[fake_code.stage])


def _jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _rec(rid, text, source, date="2021-06-16"):
    return {"id": rid, "title": rid, "date": date, "source": source, "url": None, "text": text}


def test_ingest_duplicates_raise_the_counts_of_the_first_copy(tmp_path, fake_pipeline):
    inputs = _jsonl(tmp_path / "in.jsonl", [
        _rec("first", _BODY + " Final remark one.", "Outlet A"),
        _rec("exact", _BODY + " Final remark one.", "Outlet B"),
        _rec("near", _BODY + " Final remark two.", "Outlet C"),
        _rec("other", "A different story about a different topic entirely, told in other words.", "Outlet D"),
    ])
    report = ingest([inputs], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline)
    assert (report.read, report.coded, report.duplicate, report.failed) == (4, 2, 2, 0)
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        [ev] = s.events()  # both coded articles give the same event key (same day, same codes)
        assert (ev["num_articles"], ev["num_sources"], ev["num_mentions"]) == (4, 4, 4)
        kinds = {c["id"]: c["dup_kind"] for c in s.event(ev["id"])["copies"]}
        assert kinds == {"exact": "exact", "near": "near"}


def test_ingest_duplicate_of_a_failed_first_copy_is_coded_itself(tmp_path, fake_pipeline):
    inputs = _jsonl(tmp_path / "in.jsonl", [
        _rec("first", _BODY + " trigger-failure.", "Outlet A"),
        _rec("near", _BODY + " all went well.", "Outlet B"),
    ])
    report = ingest([inputs], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline)
    assert (report.coded, report.duplicate, report.failed, report.status) == (1, 0, 1, "partial")
    assert "stand-in failure" in report.failures[0].reason
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        assert s.article("first") is None
        assert s.article("near")["duplicate_of"] is None
        assert s.count_events() == 1


def test_ingest_same_article_twice_in_one_run_is_stored_once(tmp_path, fake_pipeline):
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text("Mon, 14 Jun 2021\n\n" + _BODY, encoding="utf-8")
    report = ingest([str(tmp_path / "in")], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline)
    assert (report.read, report.coded, report.already_stored, report.duplicate) == (2, 1, 1, 0)


def test_ingest_progress_reports_every_article(tmp_path, fake_pipeline):
    (tmp_path / "in").mkdir()
    for i in range(5):
        (tmp_path / "in" / f"{i}.txt").write_text(f"Story {i}. " + _BODY.replace("item", f"point {i}"),
                                                  encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    calls = []
    ingest([str(tmp_path / "in")], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline,
           progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 6)
    assert calls[-1] == (5, 6)  # the empty file is a read failure, not an article
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_ingest_records_the_run_in_the_store(tmp_path, fake_pipeline):
    inputs = _jsonl(tmp_path / "in.jsonl", [_rec("a", _BODY, "Outlet A"), {"id": "bad", "text": 3}])
    report = ingest([inputs], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline, command="test run")
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        [run] = s.runs()
    assert (run["id"], run["command"], run["status"]) == (report.run_id, "test run", "partial")
    assert run["counts"]["coded"] == 1 and run["counts"]["failed_by_stage"] == {"read": 1}
    assert run["counts"]["stages"] == {"fake-coding": 1}


@pytest.mark.parametrize("batch", [0, -1, "8"])
def test_ingest_bad_write_batch_is_a_usage_error(tmp_path, batch):
    with pytest.raises(UsageError, match="write_batch"):
        ingest([str(tmp_path)], db=str(tmp_path / "s.duckdb"), write_batch=batch)


def test_ingest_write_batch_of_one_gives_the_same_store(tmp_path, fake_pipeline):
    records = [_rec(f"r{i}", f"Story number {i} with its own words, {i * 7} of them." + _BODY[: 40 + i],
                    f"Outlet {i % 3}", date=f"2021-06-{10 + i % 3}") for i in range(9)]
    inputs = _jsonl(tmp_path / "in.jsonl", records)
    dumps = []
    for batch in (1, 4):
        db = tmp_path / f"b{batch}.duckdb"
        ingest([inputs], db=str(db), pipeline=fake_pipeline, write_batch=batch)
        with Store(db, read_only=True) as s:
            dumps.append(s.dump())
    assert dumps[0] == dumps[1]
    assert dt.date(2021, 6, 10) in {r[3] for r in dumps[0]["articles"]}


def _distinct(i: int) -> str:
    """A body no other _distinct(j) is a near duplicate of."""
    words = ["harbour", "budget", "railway", "election", "drought", "vaccine", "festival", "bridge"]
    return " ".join(f"Report {i} notes that the {words[(i + j) % 8]} plan number {i * 31 + j} moved ahead in "
                    f"district {j * 7 + i}." for j in range(10))


def test_ingest_poisoned_records_fail_alone_and_the_good_ones_are_stored(tmp_path, fake_pipeline):
    path = tmp_path / "in.jsonl"
    good = [_rec(f"g{i}", _distinct(i), f"Outlet {i}") for i in range(3)]
    path.write_text("\n".join([json.dumps(good[0]), '{"id": "s", "text": "x \\ud800 y"}', "[" * 200_000,
                               json.dumps(good[1]), '{"id": "t", "title": "\\udc00", "text": "' + _BODY + '"}',
                               json.dumps(good[2])]) + "\n", encoding="utf-8")
    report = ingest([str(path)], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline)
    assert (report.coded, report.failed, report.status) == (3, 3, "partial")
    assert sorted(f.input for f in report.failures) == [f"{path}:2", f"{path}:3", f"{path}:5"]
    report = ingest([str(path)], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline)  # a rerun goes the same way
    assert (report.already_stored, report.failed) == (3, 3)


def test_ingest_document_the_store_refuses_fails_alone(tmp_path, fake_pipeline, monkeypatch):
    """A batch whose write fails is written again one document at a time: only the bad one fails."""
    import duckdb

    from redline.store import core

    real = core.insert_rows

    def refuse_g1(con, table, rows, **kw):
        if table == "articles" and any(r[0] == "g1" for r in rows):
            raise duckdb.ConversionException("stand-in: a value the store cannot take")
        return real(con, table, rows, **kw)

    monkeypatch.setattr(core, "insert_rows", refuse_g1)
    inputs = _jsonl(tmp_path / "in.jsonl", [_rec(f"g{i}", _distinct(i), f"Outlet {i}") for i in range(4)])
    report = ingest([inputs], db=str(tmp_path / "s.duckdb"), pipeline=fake_pipeline, write_batch=4)
    assert (report.coded, report.failed) == (3, 1)
    assert report.failures[0].stage == "store" and "stand-in" in report.failures[0].reason
    with Store(tmp_path / "s.duckdb", read_only=True) as s:
        assert {r["id"] for r in s.sql("SELECT id FROM articles")} == {"g0", "g2", "g3"}
