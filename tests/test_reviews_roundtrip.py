"""Reviews on real news with the real pipeline: 30+ events of the reference article, three ru-ua articles and a
short written one reviewed, exported as gold, scored with `redline eval`; three identical actor corrections suggested as an
actor-file row that codes the next article right; re-coding keeps the reviews on their events.

Needs ../shared (skipped without it). One of the ru-ua articles names Congress before anything American, so the
built-in knowledge base leaves it without a country there (a bare Congress is the US Congress only once the text
has named something American or an American body); none is on the reserved list. Since the sixteenth round resolves
the other ru-ua Congress as American (the Trump administration is named before it), a short article written for
this test (`WRITTEN`, our own words) adds two more uncoded Congress acts. The next article is one written for this
test too.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from redline.evaluate.corpus import read_corpus, read_reserved
from redline.evaluate.realnews import attach_text, read_realnews_file
from redline.ingest import ingest
from redline.records import Factuality
from redline.reviews import review_event
from redline.reviews.gold import export_gold
from redline.reviews.suggest import pipeline_parser, suggest
from redline.store import Store

REVIEWED = ("allsides-ByHZ1jPdxJpy40dW", "allsides-GO5kVsBPVjjnnA7u", "allsides-G6u6D1iIE2NwxFHt")
# reviewed too: written for this test, Congress before anything American (two acts: a sanction and a request)
WRITTEN = {"id": "written-congress", "title": "Congress and the generals", "date": "2019-04-30",
           "text": "Congress imposed sanctions on the generals of Myanmar on Monday.\n\n"
                   "Congress also urged Japan to suspend its aid to the junta.\n\nThe junta rejected the criticism."}
# not reviewed: the article the suggested actor file must code right (Congress before anything American)
NEXT = ("Congress voted on Thursday to block the sale of fighter jets to Turkey.\n\n"
        "Congress also imposed new sanctions on Venezuela, the second vote of the week.")


def _congress(ev: dict) -> bool:
    """An event whose actor is a Congress the machine left without a country."""
    return any((a.get("entity_text") or "").lower() == "congress" and not a.get("code") for a in ev["actor"])


@pytest.fixture(scope="module")
def corpus(shared_dir):
    path = shared_dir / "corpora" / "ru-ua" / "articles.jsonl"
    arts = read_corpus(path, ids=REVIEWED)
    reserved = read_reserved(shared_dir / "reserved-articles.txt")
    assert set(arts) == set(REVIEWED) and not set(arts) & reserved
    return arts


@pytest.fixture(scope="module")
def reviewed_store(tmp_path_factory, shared_dir, corpus, pipeline):
    """The reference article and three ru-ua articles ingested; every event reviewed (see _verdict)."""
    tmp = tmp_path_factory.mktemp("roundtrip")
    jsonl = tmp / "ruua.jsonl"
    jsonl.write_text("".join(json.dumps({"id": a.id, "text": a.text, "title": a.title, "date": a.date}) + "\n"
                             for a in corpus.values() if a.id in REVIEWED) + json.dumps(WRITTEN) + "\n",
                     encoding="utf-8")
    db = tmp / "reviews.duckdb"
    report = ingest([str(shared_dir / "examples" / "rferl-2021-06-17-nato-red-line.txt"), str(jsonl)], db=str(db),
                    pipeline=pipeline)
    assert (report.coded, report.failed) == (5, 0)
    verdicts = {}
    with Store(db) as store:
        events = store.events(factuality=None, limit=None)
        congress = [e for e in events if _congress(e)]
        assert len(congress) >= 3, "the premise: the built-in knowledge leaves Congress without a country here"
        typed = next(e for e in sorted(events, key=lambda e: (e["confidence"], e["id"]))
                     if not _congress(e) and e["factuality"] == "asserted" and e["event"] != ["REJECT"])
        # the two least confident others are rejected (by rank: the calibrated values move with every refit)
        low = set([e["id"] for e in sorted(events, key=lambda e: (e["confidence"], e["id"]))
                   if not _congress(e) and e["id"] != typed["id"]][:2])
        for e in events:
            verdict, changes = _verdict(e, typed["id"], low)
            review_event(store, e["id"], verdict=verdict, changes=changes, reviewer="ana")
            verdicts[e["id"]] = (verdict, changes, e)
    return db, verdicts


def _verdict(ev: dict, typed: str, low: set[str]) -> tuple[str, dict | None]:
    """Congress -> USA:LEG; the least confident asserted event re-typed as REJECT; the `low` ones rejected; the
    rest confirmed."""
    if _congress(ev):
        return "corrected", {"actor": ",".join("USA:LEG" if (a.get("entity_text") or "").lower() == "congress"
                                               else f"{a['code'] or ''}:{a['sector'] or ''}".rstrip(":")
                                               for a in ev["actor"])}
    if ev["id"] == typed:
        return "corrected", {"event": "REJECT", "mode": ""}
    if ev["id"] in low:
        return "rejected", None
    return "confirmed", None


def test_thirty_reviews_export_as_gold_that_eval_reproduces(reviewed_store, pipeline, tmp_path):
    from redline.evaluate import run_eval

    db, verdicts = reviewed_store
    assert len(verdicts) >= 30
    kinds = [v for v, _, _ in verdicts.values()]
    assert kinds.count("corrected") >= 4 and kinds.count("rejected") >= 1 and kinds.count("confirmed") >= 20
    with Store(db, read_only=True) as store:
        rep = export_gold(store, tmp_path / "gold.jsonl")
        reviews = {r["event_id"]: r for r in store.reviews(limit=None)}
        sentences = store.reviewed_sentences(sorted(reviews))
    assert rep.left_out == [] and rep.reviews == len(verdicts) and rep.articles == 5
    # the gold read back is exactly the reviewed coding of every mention
    records, bad = attach_text(read_realnews_file(rep.path), read_corpus(rep.corpus_path))
    assert bad == []
    by_id = {r.record.id: r.record for r in records}
    for (aid, n), mentions in sentences.items():
        expected = [reviews[m["event_id"]] for m in mentions if reviews[m["event_id"]]["verdict"] != "rejected"]
        got = by_id[f"{aid}#{n}"].events
        assert [(g.event, g.mode, str(g.factuality), [a.code for a in g.actor], [a.sector for a in g.actor],
                 [a.code for a in g.recipient], g.date.isoformat() if g.date else None) for g in got] == \
               [(r["event"], r["mode"], r["factuality"], [p["code"] for p in r["actor"]],
                 [p["sector"] for p in r["actor"]], [p["code"] for p in r["recipient"]], r["date"]) for r in expected]
    # eval codes the articles again: confirmed sentences come out exactly as reviewed, the others differ
    report = run_eval(rep.path, fmt="realnews", corpus=rep.corpus_path, pipeline=pipeline, with_mistakes=True)
    assert report["skipped"] == [] and report["sentences"] == rep.sentences
    wrong = {m["id"] for m in report["mistakes"]}
    for (aid, n), mentions in sentences.items():
        revs = [reviews[m["event_id"]] for m in mentions]
        if all(r["verdict"] == "confirmed" for r in revs):
            assert f"{aid}#{n}" not in wrong
        if any(_changes_asserted_triple(r) for r in revs):
            assert f"{aid}#{n}" in wrong
    confirmed_only = sum(1 for ms in sentences.values() if all(reviews[m["event_id"]]["verdict"] == "confirmed"
                                                               for m in ms))
    assert len(wrong) <= rep.sentences - confirmed_only


def _changes_asserted_triple(r: dict) -> bool:
    m = r["machine"]
    if r["verdict"] == "rejected":
        return m["factuality"] == Factuality.ASSERTED
    if r["verdict"] != "corrected" or Factuality.ASSERTED not in (m["factuality"], r["factuality"]):
        return False
    return (r["event"] != m["event"][0] or [p["code"] for p in r["actor"]] != [a["code"] for a in m["actor"]]
            or [p["code"] for p in r["recipient"]] != [a["code"] for a in m["recipient"]])


def test_three_actor_corrections_suggest_a_row_that_codes_the_next_article(reviewed_store, corpus, pipeline,
                                                                           tmp_path):
    from redline.pipeline import Context, Pipeline
    from redline.stages.clean import clean_text

    db, _ = reviewed_store
    with Store(db, read_only=True) as store:
        rep = suggest(store, out=tmp_path / "sugg", parse=pipeline_parser(pipeline))
    actors = [s for s in rep.suggestions if s.kind == "actor"]
    assert [(s.key, s.lines["actors"]) for s in actors] == [("congress", ["group,Congress,USA,LEG,,,,,,"])]
    assert len(actors[0].events) >= 3
    article = clean_text(NEXT, title="Congress votes", article_id="next-congress", source="test",
                         published=dt.date(2019, 5, 2))

    def congress_codes(p):
        return [(a.code, a.sector) for e in p.run_one(article).events for a in e.actor
                if a.entity_text.lower() == "congress"]

    before = congress_codes(pipeline)
    assert before and all(code != "USA" for code, _ in before)
    after = congress_codes(Pipeline(Context(actors_file=rep.actors_path)))
    assert after == [("USA", "LEG")] * len(before)


def test_recoding_keeps_reviews_on_their_events(reviewed_store, tmp_path, pipeline):
    import shutil

    from redline.recode import recode

    db, verdicts = reviewed_store
    copy = tmp_path / "recode.duckdb"
    shutil.copy(db, copy)
    same = recode(str(copy), pipeline=pipeline)  # the same coder and knowledge: every event keeps its id
    assert (same.recoded, same.failed, same.moved, same.orphaned) == (5, 0, 0, [])
    with Store(copy, read_only=True) as store:
        assert {r["event_id"] for r in store.reviews(limit=None)} == set(verdicts)
        congress_ids = {r["event_id"] for r in store.reviews(limit=None) if "actor" in r["changed"]}
        rep = suggest(store, out=tmp_path / "sugg")
    # with the suggested actor file the machine codes Congress as USA: those events get new ids, the reviews follow
    # the fixtures' coder codes with the veto off (conftest): recode with the same settings, or vetoed events
    # would orphan their reviews
    moved = recode(str(copy), actors_file=rep.actors_path, settings={"veto": False})
    assert moved.failed == 0 and moved.orphaned == [] and moved.moved == len(congress_ids)
    with Store(copy, read_only=True) as store:
        # every review is still attached to an event; two Congress events that now code alike are one event, so
        # one of their reviews supersedes the other (history keeps both)
        history = store.reviews(limit=None, history=True)
        assert len(history) == len(verdicts) and all(r["event_id"] for r in history)
        now = store.reviews(limit=None)
        assert len(now) == len({r["event_id"] for r in history})
        for r in now:
            if "actor" in r["changed"]:
                ev = store.event(r["event_id"])
                assert r["event_id"] not in congress_ids and ev["reviewed"]
                assert [a["code"] for a in ev["machine"]["actor"]] == [p["code"] for p in r["actor"]]
