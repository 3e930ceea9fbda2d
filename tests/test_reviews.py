"""Reviews in the store and the analysis: verdicts laid over events, filters, history, re-coding, export,
suggestions and the queue (hand-made documents: no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from redline import analysis
from redline.errors import StoreError, UsageError
from redline.reviews import build_review, parse_assignments, review_event
from redline.reviews.coding import cameo_for
from redline.reviews.gold import export_gold
from redline.reviews.queue import review_queue
from redline.reviews.suggest import actor_suggestions, lexicon_suggestions, normalise, suggest
from redline.store import Store
from redline.web.sample import make_document

D = dt.date
CRISIS = [  # article a1: three Russia -> Ukraine conflict events in March 2014, one cooperative one
    (D(2014, 3, 2), "ASSAULT", "RUS", "UKR", "Russia shelled Ukraine near Kyiv.", "shelled", "asserted",
     ("Kyiv", "UKR", 50.45, 30.52)),
    (D(2014, 3, 3), "MOBILIZE", "RUS", "UKR", "Russia massed troops near Ukraine.", "massed"),
    (D(2014, 3, 4), "THREATEN", "RUS", "UKR", "Russia threatened Ukraine.", "threatened"),
    (D(2014, 3, 5), "CONSULT", "RUS", "UKR", "Russia met Ukraine in Minsk.", "met"),
]
CALM = [(D(2014, 1, d), "CONSULT", "RUS", "UKR", f"Russia met Ukraine on January {d}.", "met") for d in (5, 9, 20)]


def _locate(text: str) -> dict:
    """Stands in for the gazetteer: one known place."""
    if text != "Donetsk":
        raise UsageError(f"place={text}: unknown")
    return {"name": "Donetsk", "country_code": "UKR", "admin1": None, "lat": 48.0, "lon": 37.8,
            "feature_type": "city", "precision": "city", "geonameid": None, "text": "Donetsk"}


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "r.duckdb") as s:
        run = s.begin_run("test", [])
        s.write_documents([make_document("a1", D(2014, 3, 6), CRISIS), make_document("a0", D(2014, 1, 21), CALM)],
                          run_id=run)
        yield s


def _id(store, which: str, **filters) -> str:
    """The id of the first stored event of type `which` (the newest one)."""
    return next(e["id"] for e in store.events(limit=None, factuality=None, include_rejected=True, **filters)
                if e["event"] == [which])


def _review(store, which: str, verdict=None, reviewer="ana", **changes):
    return review_event(store, _id(store, which), verdict=verdict, changes=changes or None, reviewer=reviewer,
                        locate=_locate)


def test_confirm_keeps_values_and_marks_the_event_reviewed(store):
    r = _review(store, "ASSAULT", "confirmed")
    ev = store.event(r["event_id"])
    assert (r["verdict"], r["changed"], ev["reviewed"], ev["event"]) == ("confirmed", [], True, ["ASSAULT"])
    assert ev["review"]["reviewer"] == "ana" and ev["machine"]["event"] == ["ASSAULT"]
    unreviewed = store.event(_id(store, "MOBILIZE"))
    assert (unreviewed["reviewed"], unreviewed["review"]) == (False, None) and "machine" not in unreviewed


def test_rejected_events_leave_queries_unless_asked_for(store):
    rid = _review(store, "MOBILIZE", "rejected")["event_id"]
    ids = {e["id"] for e in store.events(limit=None)}
    assert rid not in ids and len(ids) == 6
    assert rid in {e["id"] for e in store.events(limit=None, include_rejected=True)}
    assert store.count_events() == 6 and store.count_events(include_rejected=True) == 7
    assert [e["id"] for e in store.events(reviewed_only=True)] == []
    assert [e["id"] for e in store.events(reviewed_only=True, include_rejected=True)] == [rid]
    assert rid not in {e["id"] for e in store.iter_event_rows()}
    assert store.event(rid)["review"]["verdict"] == "rejected"  # still readable on its own


def test_correction_counts_under_corrected_values_and_keeps_the_machine_values(store):
    assert "Kyiv" in {p["name"] for p in analysis.locations(store)}  # (no review yet: kept per version below)
    r = _review(store, "ASSAULT", event="ACCUSE", mode="allege", actor="BLR:MIL", date="2014-02", place="Donetsk")
    assert r["changed"] == ["event", "mode", "actor", "date", "place"]
    assert (r["cameo"], r["quad_code"]) == (cameo_for("ACCUSE", "allege"), 3)
    ev = store.event(r["event_id"])
    assert (ev["event"], ev["mode"], ev["date"], ev["date_precision"]) == (["ACCUSE"], ["allege"], "2014-02-01", "month")
    assert ev["actor"][0]["code"] == "BLR" and ev["actor"][0]["entity_text"] == "Russia"  # the text's words stay
    assert "reviewed by ana" in ev["actor"][0]["reason"]
    assert ev["machine"]["event"] == ["ASSAULT"] and ev["machine"]["actor"][0]["code"] == "RUS"
    assert [e["id"] for e in store.events(actor="BLR")] == [r["event_id"]]
    assert r["event_id"] not in {e["id"] for e in store.events(actor="RUS", limit=None)}
    assert [e["id"] for e in store.events(event="ASSAULT")] == []
    places = {p["name"]: p for p in analysis.locations(store)}
    assert r["event_id"] in places["Donetsk"]["event_ids"] and "Kyiv" not in places
    mentions = store.sql("SELECT event, actor_codes FROM event_mentions WHERE event_id = ?", [r["event_id"]])
    assert mentions == [{"event": "ASSAULT", "actor_codes": ["RUS"]}]  # the machine's coding is never overwritten


def test_a_party_corrected_to_no_country_counts_as_no_code(store):
    """A reviewer may leave a party without a country (a sector only): the event then has no code for it, as the
    machine's events do, and the aggregates take the review (they once failed on the missing code)."""
    r = _review(store, "ASSAULT", event="REJECT", actor="RUS,:MIL")
    ev = store.event(r["event_id"])
    assert [(a["code"], a["sector"]) for a in ev["actor"]] == [("RUS", None), (None, "MIL")]
    row = store.sql("SELECT actor_codes FROM events WHERE id = ?", [r["event_id"]])
    assert row == [{"actor_codes": ["RUS"]}]
    assert r["event_id"] in {e["id"] for e in store.events(actor="RUS", event="REJECT", limit=None)}


def test_timeline_dyads_and_alerts_follow_reviews(store):
    march = D(2014, 3, 1)
    # the fixture's baseline is January's three calm events: below main's default min_baseline (5)
    options = analysis.AlertOptions(by="month", baseline=3, min_baseline=3, min_events=3, min_escalation=2,
                                    min_rise=0.2, z=1.0)

    def month():
        return next(r for r in analysis.timeline(store, actor="RUS", recipient="UKR") if r["period"] == march)

    before = month()
    assert (before["events"], before["material_conflict"], before["verbal_conflict"]) == (4, 2, 1)
    alert = [a for a in analysis.alerts(store, options=options) if a["kind"] == "escalation"]
    assert len(alert) == 1 and alert[0]["escalation"] == 3
    _review(store, "MOBILIZE", "rejected")
    _review(store, "ASSAULT", event="ACCUSE")
    after = month()
    assert (after["events"], after["material_conflict"], after["verbal_conflict"]) == (3, 0, 2)
    assert analysis.timeline(store, actor="RUS", recipient="UKR", include_rejected=True)[-1]["events"] == 4
    assert [a for a in analysis.alerts(store, options=options) if a["kind"] == "escalation"] == []
    assert [a["escalation"] for a in analysis.alerts(store, options=options, include_rejected=True)
            if a["kind"] == "escalation"] == [2]
    dyad = analysis.dyads(store, since=march)[0]
    assert (dyad["events"], dyad["conflict_share"]) == (3, round(2 / 3, 3))
    assert analysis.summary(store)["events"] == 6
    digest = analysis.digest(store, date=D(2014, 3, 5), days=5, options=options)
    assert digest["dyads"][0]["events"] == 3


def test_a_corrected_date_counts_with_its_reviewed_precision(store):
    """A date corrected to a month only belongs to no week (main's bucket rule), whatever the machine's precision."""
    r = _review(store, "ASSAULT", date="2014-02")
    weeks = analysis.timeline(store, actor="RUS", recipient="UKR", by="week")
    assert sum(w["events"] for w in weeks) == 6  # the other six: day-precise dates
    assert analysis.timeline_left_out(store, actor="RUS", recipient="UKR", by="week") == {"coarser": 1, "undated": 0}
    months = {m["label"]: m["events"] for m in analysis.timeline(store, actor="RUS", recipient="UKR")}
    assert months["2014-02"] == 1 and months["2014-03"] == 3
    assert store.event(r["event_id"])["date_precision"] == "month"
    _review(store, "ASSAULT", date="2014-02-10")  # corrected again, to a day: back in a week
    assert analysis.timeline_left_out(store, actor="RUS", recipient="UKR", by="week")["coarser"] == 0


def test_a_later_review_supersedes_and_history_keeps_both(store):
    first = _review(store, "THREATEN", event="ACCUSE")
    second = _review(store, "ACCUSE", "confirmed", reviewer="ben")  # confirms the corrected coding
    assert second["event_id"] == first["event_id"] and second["event"] == "ACCUSE"
    assert second["changed"] == ["event"]  # still differs from the machine
    assert [r["id"] for r in store.reviews()] == [second["id"]]
    assert [r["id"] for r in store.reviews(history=True)] == [second["id"], first["id"]]
    assert store.count_reviews()["by"] == {"ben": {"confirmed": 1}}
    assert store.count_reviews(history=True)["verdicts"] == {"confirmed": 1, "rejected": 0, "corrected": 1}


@pytest.mark.parametrize("verdict, changes, fragment", [
    ("confirmed", {"event": "ACCUSE"}, "takes no field changes"),
    (None, None, "is not one of"),
    ("corrected", {}, "needs at least one field"),
    ("corrected", {"event": "ASSAULT"}, "leave the event as it is"),
    ("corrected", {"event": "FIGHT"}, "not a PLOVER event type"),
    ("corrected", {"event": "ACCUSE", "mode": "aerial"}, "not a mode of ACCUSE"),
    ("corrected", {"actor": "XXX"}, "unknown actor code 'XXX'"),
    ("corrected", {"actor": "RUS:BOSS"}, "unknown sector 'BOSS'"),
    ("corrected", {"date": "March 2014"}, "expected YYYY-MM-DD"),
    ("corrected", {"factuality": "rumoured"}, "not one of asserted"),
    ("corrected", {"place": "Atlantis"}, "unknown"),
])
def test_bad_reviews_are_refused_with_the_reason(store, verdict, changes, fragment):
    ev = store.event(_id(store, "ASSAULT"))
    with pytest.raises(UsageError, match=fragment):
        build_review(ev, verdict=verdict, changes=changes, reviewer="ana", locate=_locate,
                     known_code=lambda c: c in {"RUS", "UKR", "BLR"})
    assert store.reviews() == []


def test_a_type_change_to_a_type_without_the_mode_needs_the_mode(store):
    ev = store.event(_id(store, "ASSAULT"))
    ev = {**ev, "mode": ["aerial"]}
    with pytest.raises(UsageError, match="set mode= too"):
        build_review(ev, verdict="corrected", changes={"event": "ACCUSE"}, reviewer="ana")
    row = build_review(ev, verdict="corrected", changes={"event": "ACCUSE", "mode": ""}, reviewer="ana")
    assert (row.event, row.mode) == ("ACCUSE", None)


@pytest.mark.parametrize("items, expected", [
    (["event=ACCUSE", "actor = RUS:GOV, UKR"], {"event": "ACCUSE", "actor": "RUS:GOV, UKR"}),
    (["date="], {"date": ""}),
])
def test_parse_assignments(items, expected):
    assert parse_assignments(items) == expected


@pytest.mark.parametrize("items, fragment", [(["event"], "expected FIELD=VALUE"), (["colour=red"], "unknown field"),
                                             (["event=A", "event=B"], "given twice")])
def test_parse_assignments_refuses(items, fragment):
    with pytest.raises(UsageError, match=fragment):
        parse_assignments(items)


def test_review_of_a_missing_event_and_unknown_verdict_in_the_store(store):
    with pytest.raises(UsageError, match="no event 'nope'"):
        review_event(store, "nope", verdict="confirmed", reviewer="ana")
    row = build_review(store.event(_id(store, "ASSAULT")), verdict="confirmed", reviewer="ana")
    with pytest.raises(StoreError, match="no event 'gone'"):
        store.write_reviews([dataclasses.replace(row, event_id="gone")])


def test_recoding_moves_reviews_with_their_mention_and_orphans_the_rest(store):
    corrected = _review(store, "ASSAULT", actor="BLR")
    rejected = _review(store, "THREATEN", "rejected")
    confirmed = _review(store, "CONSULT", "confirmed", )
    doc = make_document("a1", D(2014, 3, 6), CRISIS)
    same = store.replace_documents([doc], run_id="r2")  # the same coding again: nothing moves
    assert same == 4 and {r["id"]: r["event_id"] for r in store.reviews()} == {
        corrected["id"]: corrected["event_id"], rejected["id"]: rejected["event_id"],
        confirmed["id"]: confirmed["event_id"]}
    # a new coder: the shelling is now coded with Belarus as actor (another event id), the threat is gone
    assault, mobilize, _, consult = doc.events
    actor = dataclasses.replace(assault.actor[0], code="BLR", entity_text="Russia")
    recoded = dataclasses.replace(doc, events=(dataclasses.replace(assault, actor=(actor,)), mobilize, consult))
    store.replace_documents([recoded], run_id="r3")
    now = {r["id"]: r for r in store.reviews(limit=None)}
    moved = now[corrected["id"]]["event_id"]
    assert moved not in (None, corrected["event_id"])
    assert store.event(moved)["machine"]["actor"][0]["code"] == "BLR" and store.event(moved)["reviewed"]
    assert store.event(corrected["event_id"]) is None
    assert now[rejected["id"]]["event_id"] is None and now[rejected["id"]]["orphaned"]
    assert [r["id"] for r in store.reviews(orphaned=True)] == [rejected["id"]]
    assert now[confirmed["id"]]["event_id"] == confirmed["event_id"]
    assert store.count_events(include_rejected=True) == 6  # 3 in a1 + 3 in a0


def test_replace_documents_refuses_what_is_not_stored_as_it_was(store):
    doc = make_document("a9", D(2014, 3, 6), CRISIS)
    with pytest.raises(StoreError, match="not stored"):
        store.replace_documents([doc], run_id="r")
    changed = make_document("a1", D(2014, 3, 6), CRISIS[:2])
    with pytest.raises(StoreError, match="text differs"):
        store.replace_documents([changed], run_id="r")
    assert store.count_events() == 7


def test_stored_articles_read_back_as_articles(store):
    arts = list(store.stored_articles(["a1"]))
    assert [a.id for a in arts] == ["a1"] and arts[0].text.startswith("Russia shelled Ukraine")
    with pytest.raises(StoreError, match="no article 'zz'"):
        list(store.stored_articles(["zz"]))


def test_queue_puts_alert_evidence_first_then_least_confident(tmp_path):
    docs = [make_document("a1", D(2014, 3, 6), CRISIS), make_document("a0", D(2014, 1, 21), CALM)]
    confidences = iter([0.9, 0.8, 0.7, 0.95, 0.5, 0.3, 0.6])
    docs = [dataclasses.replace(d, events=tuple(dataclasses.replace(e, confidence=next(confidences))
                                                for e in d.events)) for d in docs]
    with Store(tmp_path / "q.duckdb") as s:
        s.write_documents(docs, run_id="r")
        alert = {"kind": "escalation", "summary": "RUS -> UKR rising", "period": D(2014, 3, 1),
                 "evidence": [_id(s, "MOBILIZE"), _id(s, "ASSAULT")]}
        q = review_queue(s, alerts=[alert], limit=10)
        assert [r["event"] for r in q[:2]] == ["MOBILIZE", "ASSAULT"]
        assert q[0]["why"]["alert"] == "RUS -> UKR rising"
        assert [r["confidence"] for r in q[2:]] == [0.3, 0.5, 0.6, 0.7, 0.95]
        review_event(s, alert["evidence"][0], verdict="confirmed", reviewer="ana")
        assert [r["event"] for r in review_queue(s, alerts=[alert], limit=2)] == ["ASSAULT", "CONSULT"]
        with pytest.raises(UsageError, match="limit"):
            review_queue(s, limit=0)


def test_export_writes_reviewed_sentences_as_realnews_gold(store, tmp_path):
    from redline.evaluate.corpus import read_corpus
    from redline.evaluate.realnews import attach_text, read_realnews_file

    for event in ("ASSAULT", "MOBILIZE", "THREATEN"):
        _review(store, event, "confirmed")
    _review(store, "CONSULT", actor="BLR")
    rejected = review_event(store, _id(store, "CONSULT", until=D(2014, 1, 31)), verdict="rejected", reviewer="ana")
    rep = export_gold(store, tmp_path / "gold.jsonl")
    assert (rep.sentences, rep.events, rep.reviews, rep.articles, rep.left_out) == (5, 4, 5, 2, [])
    records, bad = attach_text(read_realnews_file(rep.path), read_corpus(rep.corpus_path))
    assert bad == []
    gold = {r.record.id: r.record for r in records}
    consult = gold["a1#3"].events[0]
    assert (consult.event, [a.code for a in consult.actor], [a.text for a in consult.actor]) == (
        "CONSULT", ["BLR"], ["Russia"])
    assert gold["a1#0"].events[0].place.text == "Kyiv" and gold["a1#0"].text == CRISIS[0][4]
    no_event = [r for r in gold.values() if not r.events]
    assert len(no_event) == 1 and no_event[0].text == store.event(rejected["event_id"])["text"]
    assert rep.eval_command.endswith(f"--format realnews --corpus {rep.corpus_path}")


def test_export_leaves_out_a_sentence_with_an_unreviewed_event(tmp_path):
    doc = make_document("m1", D(2014, 3, 6), [CRISIS[0]])
    shelling = doc.events[0]
    second = dataclasses.replace(shelling, id="m1-e1", event="ACCUSE", cameo="112", quad_code=3)  # same sentence
    with Store(tmp_path / "m.duckdb") as s:
        s.write_documents([dataclasses.replace(doc, events=(shelling, second))], run_id="r")
        review_event(s, _id(s, "ASSAULT"), verdict="confirmed", reviewer="ana")
        with pytest.raises(UsageError, match="no sentence could be exported"):
            export_gold(s, tmp_path / "g.jsonl")
        review_event(s, _id(s, "ACCUSE"), verdict="rejected", reviewer="ana")
        rep = export_gold(s, tmp_path / "g.jsonl")
        assert (rep.sentences, rep.events, rep.left_out) == (1, 1, [])


def test_export_sentence_format_and_reserved_articles(store, tmp_path):
    from redline.evaluate import read_gold

    for ev in store.events(limit=None):
        review_event(store, ev["id"], verdict="confirmed", reviewer="ana")
    rep = export_gold(store, tmp_path / "s.jsonl", fmt="redline", reserved={"a0"})
    assert rep.corpus_path is None and rep.sentences == 4
    assert {x["reason"] for x in rep.left_out} == {"the article is reserved for held-out evaluation"}
    records = read_gold(rep.path)
    assert [r.events[0].event for r in records] == ["ASSAULT", "MOBILIZE", "THREATEN", "CONSULT"]
    assert records[0].published == D(2014, 3, 6) and records[0].text == CRISIS[0][4]
    with pytest.raises(UsageError, match="is not one of"):
        export_gold(store, tmp_path / "x.jsonl", fmt="csv")


def test_export_without_reviews_says_so(store, tmp_path):
    with pytest.raises(UsageError, match="no reviews"):
        export_gold(store, tmp_path / "g.jsonl")


def _reviews_with(machine_actor: dict, parties: list[dict], n: int, verdict="corrected") -> list[dict]:
    return [{"id": f"r{i}", "event_id": f"e{i}", "verdict": verdict, "actor": parties, "recipient": [],
             "machine": {"actor": [machine_actor], "recipient": [], "text": f"Sentence {i}.", "rule": "svo:verb=x"}}
            for i in range(n)]


def test_three_identical_actor_corrections_make_one_group_row():
    dpr = {"entity_text": "the Donetsk People's Republic", "code": "UKR", "sector": "GOV"}
    found, skipped = actor_suggestions(_reviews_with(dpr, [{"code": "RUS", "sector": "REB"}], 3))
    assert skipped == [] and len(found) == 1
    assert found[0].lines["actors"] == ["group,Donetsk People's Republic,RUS,REB,,,,,,"]
    assert found[0].events == ("e0", "e1", "e2")
    assert actor_suggestions(_reviews_with(dpr, [{"code": "RUS", "sector": "REB"}], 2))[0] == []


@pytest.mark.parametrize("machine, parties, fragment", [
    ({"entity_text": "he", "code": "UKR", "sector": None}, [{"code": "RUS", "sector": None}], "pronoun"),
    ({"entity_text": "Putin", "code": "UKR", "sector": "GOV", "identifier_id": "person:putin"},
     [{"code": "RUS", "sector": "GOV"}], "person"),
    ({"entity_text": "separatists", "code": None, "sector": "REB"}, [{"code": "RUS", "sector": None}],
     "needs a sector"),
])
def test_actor_corrections_that_make_no_dictionary_row(machine, parties, fragment):
    found, skipped = actor_suggestions(_reviews_with(machine, parties, 3))
    assert found == [] and fragment in skipped[0]["reason"]


def test_conflicting_actor_corrections_are_not_suggested():
    text = {"entity_text": "the militants", "code": None, "sector": "REB"}
    reviews = (_reviews_with(text, [{"code": "RUS", "sector": "REB"}], 3)
               + [dict(r, id=f"x{i}", event_id=f"x{i}") for i, r in
                  enumerate(_reviews_with(text, [{"code": "SYR", "sector": "REB"}], 1))])
    found, skipped = actor_suggestions(reviews)
    assert found == [] and "different codes" in skipped[0]["reason"]
    assert normalise(" The  militants' ") == "militants"


def test_repeated_rejections_of_a_verb_construction_make_a_lexicon_entry():
    from redline.records import Token

    def parse(text):  # "X abandoned the plans": abandoned <- dobj plans
        return [Token(0, "X", "X", "PROPN", "NNP", "nsubj", 1, 0), Token(1, "abandoned", "abandon", "VERB", "VBD",
                                                                       "ROOT", 1, 2),
                Token(2, "the", "the", "DET", "DT", "det", 3, 12), Token(3, "plans", "plan", "NOUN", "NNS", "dobj", 1, 16)]

    reviews = [{"id": f"r{i}", "event_id": f"e{i}", "verdict": "rejected", "actor": [], "recipient": [],
                "machine": {"rule": "svo:verb=abandon#RETREAT/080", "text": "X abandoned the plans.",
                            "text_info": {"start": 100, "trigger_start": 102}}} for i in range(3)]
    found = lexicon_suggestions(reviews, parse=parse)
    assert [s.lines for s in found] == [{"cues": ["review_abandon = plan"],
                                         "verbs": ["abandon | NONE | - | pick obj=review_abandon"]}]
    nominal = [dict(r, machine={**r["machine"], "rule": "light:hold+talk#CONSULT/040"}) for r in reviews]
    assert "comments" in lexicon_suggestions(nominal, parse=parse)[0].lines


def test_suggest_writes_an_actor_file_that_loads(store, tmp_path):
    from redline.knowledge.actor_data import read_user_file

    for ev in store.events(limit=None, event="CONSULT"):
        review_event(store, ev["id"], verdict="corrected", changes={"actor": "BLR:GOV"}, reviewer="ana")
    rep = suggest(store, out=tmp_path / "sugg")
    assert rep.lexicon_path is None and [s.key for s in rep.suggestions] == ["russia"]
    entries, _ = read_user_file(rep.actors_path)
    assert {(e.kind, e.name, e.code, e.sector) for e in entries} == {("group", "Russia", "BLR", "GOV")}
    text = open(rep.actors_path, encoding="utf-8").read()
    assert all(f"#   event {e}" in text for e in rep.suggestions[0].events)
    with pytest.raises(UsageError, match="at least 2"):
        suggest(store, out=tmp_path / "x", min_count=1)


def test_review_rows_serialise_machine_snapshot(store):
    r = _review(store, "ASSAULT", "confirmed")
    raw = store.sql("SELECT machine FROM reviews WHERE id = ?", [r["id"]])[0]["machine"]
    machine = json.loads(raw)
    assert machine["event"] == ["ASSAULT"] and "reviewed" not in machine and machine["id"] == r["event_id"]
