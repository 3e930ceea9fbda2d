"""Lexicon suggestions with the real pipeline (own sentences): the same construction rejected three times
becomes a user-lexicon entry that, loaded with --lexicon, stops coding that construction and only it."""

from __future__ import annotations

import datetime as dt

from redline.records import Article
from redline.reviews import review_event
from redline.reviews.suggest import pipeline_parser, suggest
from redline.store import Store

# An organisation that does not count welcoming a decision as support (its choice, not PLOVER's).
REJECTED = ("Germany welcomed the decision.", "France welcomed the decision of Poland.",
            "Italy welcomed the decision by Spain.")


def _events(pipeline, text: str) -> list:
    return list(pipeline.run_one(Article(id="probe", text=text, published=dt.date(2018, 6, 1))).events)


def test_three_rejections_of_one_construction_suggest_a_narrow_lexicon_entry(pipeline, tmp_path):
    from redline.pipeline import Context, Pipeline

    docs = [pipeline.run_one(Article(id=f"w{i}", text=t, published=dt.date(2018, 6, 1))) for i, t in
            enumerate(REJECTED)]
    assert all([e.event for e in d.events] == ["SUPPORT"] for d in docs)
    with Store(tmp_path / "w.duckdb") as store:
        store.write_documents(docs, run_id="r")
        for ev in store.events(limit=None):
            review_event(store, ev["id"], verdict="rejected", reviewer="ana")
        rep = suggest(store, out=tmp_path / "sugg", parse=pipeline_parser(pipeline))
    assert rep.actors_path is None
    [s] = rep.suggestions
    assert s.lines == {"cues": ["review_welcome = decision"], "verbs": ["welcome | NONE | - | pick obj=review_welcome"]}
    assert len(s.events) == 3
    text = open(rep.lexicon_path, encoding="utf-8").read()
    assert all(t in text for t in REJECTED)  # the evidence is in the file, to read before loading it
    layered = Pipeline(Context(lexicon_file=rep.lexicon_path))
    assert _events(layered, "Spain welcomed the decision.") == []
    assert [e.event for e in _events(layered, "Spain welcomed the Pope.")] == ["SUPPORT"]  # other objects stay
    assert [e.event for e in _events(pipeline, "Spain welcomed the decision.")] == ["SUPPORT"]  # nothing applied
