"""Real-article evaluation: sampling, raw-text spans, the realnews gold format, event-level metrics, error reports,
and the CASE 2021 and IndiaPoliceEvents mappings. Texts here are written for the tests."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from redline.errors import InputError
from redline.evaluate.case2021 import MAPPING, NO_EVENT, gold_records, label_table, read_case2021
from redline.evaluate.corpus import (
    CorpusArticle,
    raw_span,
    read_corpus,
    read_reserved,
    sample_ids,
    sentence_spans,
    split_ids,
    text_hash,
)
from redline.evaluate.error_report import error_rows, top_fp_rules
from redline.evaluate.gold import GoldActor, GoldEvent, GoldRecord
from redline.evaluate.ipe import positive
from redline.evaluate.matching import (
    actors_in_context,
    date_accuracy,
    date_agrees,
    match_events,
    place_agrees,
    place_scores,
    recall_type_actor,
)
from redline.evaluate.metrics import PredictedEvent, Prediction
from redline.evaluate.realnews import GoldPlace, attach_text, parse_line, read_realnews
from redline.records import DatePrecision, Entity, Event, Factuality, Place, TextInfo

RAW = ("MOSCOW -- Russia recalled its ambassador from Washington on Monday.\n\n"
       "  The   foreign ministry said the move was temporary.\n\nSubscribe to our newsletter.\n")


# ------------------------------------------------------------------------------------------- corpus and spans


def test_sample_ids_is_seeded_sorted_and_skips_reserved():
    ids = [f"a{i:03d}" for i in range(50)]
    first = sample_ids(ids, reserved={"a001", "a002"}, n=10, seed=5)
    assert first == sample_ids(list(reversed(ids)), reserved={"a001", "a002"}, n=10, seed=5)
    assert not {"a001", "a002"} & set(first)
    assert len(set(first)) == 10
    with pytest.raises(InputError, match="cannot sample"):
        sample_ids(ids, reserved=set(), n=51)


def test_split_ids_is_by_article_and_about_seventy_thirty():
    ids = [f"a{i:03d}" for i in range(100)]
    splits = split_ids(ids, seed=3)
    assert len(splits["test"]) == 30 and len(splits["dev"]) == 70
    assert not set(splits["dev"]) & set(splits["test"])
    assert splits == split_ids(ids, seed=3)


def test_raw_span_finds_a_cleaned_sentence_despite_whitespace():
    span = raw_span(RAW, "The foreign ministry said the move was temporary.")
    assert span is not None
    assert RAW[span[0]:span[1]] == "The   foreign ministry said the move was temporary."


def test_raw_span_anchors_ends_when_a_line_was_removed_inside():
    raw = "Troops moved to the border\nAdvertisement\nearly on Friday, officials said.\n"
    span = raw_span(raw, "Troops moved to the border early on Friday, officials said.")
    assert span == (0, len(raw) - 1)


def test_sentence_spans_search_in_order_and_report_missing():
    spans = list(sentence_spans(RAW, ["Russia recalled its ambassador", "Nothing like this is there."]))
    assert spans[0] is not None and spans[1] is None


def test_text_hash_ignores_whitespace_only():
    assert text_hash("a  b\nc") == text_hash("a b c") != text_hash("a b d")
    assert len(text_hash("x")) == 16


def test_read_corpus_and_reserved(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "text": RAW, "date": "2021-03-22"}) + "\n\n"
                      + json.dumps({"id": "x2", "text": "Other."}) + "\n", encoding="utf-8")
    assert set(read_corpus(corpus)) == {"x1", "x2"}
    assert set(read_corpus(corpus, ids={"x2"})) == {"x2"}
    corpus.write_text('{"id": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_corpus(corpus)
    reserved = tmp_path / "r.txt"
    reserved.write_text("# comment\nx1\n\n x2 \n", encoding="utf-8")
    assert read_reserved(reserved) == {"x1", "x2"}


# ------------------------------------------------------------------------------------------- the gold format


def _line(**over) -> str:
    span = raw_span(RAW, "Russia recalled its ambassador from Washington on Monday.")
    rec = {"article": "x1", "n": 0, "start": span[0], "end": span[1],
           "sha": text_hash(RAW[span[0]:span[1]]),
           "events": [{"event": "SANCTION", "mode": "withdraw", "trigger": "recalled",
                       "actor": [{"text": "Russia", "code": "RUS", "sector": "GOV"}],
                       "recipient": [{"text": "Washington", "code": "USA", "sector": "GOV"}],
                       "factuality": "asserted", "date": "2021-03-22", "date_precision": "day",
                       "place": None}],
           "tags": [], "annotator": "T"}
    rec.update(over)
    return json.dumps(rec)


def test_parse_line_reads_events_dates_and_places():
    rec = parse_line(_line(), "g: line 1")
    ev = rec.record.events[0]
    assert rec.record.id == "x1#0" and rec.annotator == "T"
    assert ev.event == "SANCTION" and ev.mode == "withdraw" and ev.date == dt.date(2021, 3, 22)
    assert ev.actor[0].code == "RUS" and ev.recipient[0].sector == "GOV" and ev.date_precision == "day"


@pytest.mark.parametrize("change, message", [
    ({"events": [{"event": "ATTACK"}]}, "unknown event label"),
    ({"events": "none"}, "events must be a list"),
    ({"sha": 5}, "'sha' must be a str"),
    ({"start": 9, "end": 3}, "empty or negative"),
    ({"tags": ["sports"]}, "tags must be"),
])
def test_parse_line_names_the_problem(change, message):
    with pytest.raises(InputError, match=message):
        parse_line(_line(**change), "g: line 4")


@pytest.mark.parametrize("field, value, message", [
    ("actor", [{"text": "Ruritania", "code": "RUR"}], "unknown code"),
    ("actor", [{"text": "gunmen", "code": None, "sector": "XYZ"}], "unknown sector"),
    ("actor", [{"text": "someone", "code": None, "sector": None}], "needs a code or a sector"),
    ("actor", [], "at least one actor"),
    ("factuality", "likely", "factuality"),
    ("date", None, "disagree"),
    ("date_precision", "week", "date_precision"),
    ("place", {"text": "Atlantis", "country": "ATL"}, "place country"),
])
def test_parse_line_checks_every_event_field(field, value, message):
    ev = json.loads(_line())["events"][0]
    ev[field] = value
    with pytest.raises(InputError, match=message):
        parse_line(_line(events=[ev]), "g: line 2")


def test_parse_line_accepts_unknown_dates_organisations_and_unresolved_actors():
    ev = json.loads(_line())["events"][0]
    ev.update(date=None, date_precision="unknown", actor=[{"text": "NATO", "code": "NATO", "sector": None},
                                                          {"text": "gunmen", "code": None, "sector": "UAF"}])
    rec = parse_line(_line(events=[ev]), "g")
    assert [a.code for a in rec.record.events[0].actor] == ["NATO", None]


def test_read_realnews_refuses_duplicate_sentences_and_empty_files():
    with pytest.raises(InputError, match="appears twice"):
        read_realnews(_line() + "\n" + _line())
    with pytest.raises(InputError, match="no gold sentences"):
        read_realnews("# only a comment\n")


def test_attach_text_sets_aside_missing_articles_and_hash_mismatches():
    good = parse_line(_line(), "g")
    wrong = parse_line(_line(n=1, sha="0" * 16), "g")
    missing = parse_line(_line(n=2, article="nope"), "g")
    corpus = {"x1": CorpusArticle("x1", RAW, "2021-03-22")}
    kept, bad = attach_text([good, wrong, missing], corpus)
    assert [k.record.id for k in kept] == ["x1#0"]
    assert kept[0].record.text.startswith("Russia recalled") and kept[0].record.published == dt.date(2021, 3, 22)
    reasons = {b["id"]: b["reason"] for b in bad}
    assert "hash mismatch" in reasons["x1#1"] and "not in the corpus" in reasons["nope#2"]


# ------------------------------------------------------------------------------------------- event-level metrics


def _event(etype="SANCTION", actors=("RUS",), recipients=("USA",), date=dt.date(2021, 3, 22),
           precision=DatePrecision.DAY, place=None, sector="GOV", rule="svo:verb=recall") -> Event:
    ents = tuple(Entity(c, c, sector) for c in actors)
    rcpt = tuple(Entity(c, c, sector) for c in recipients)
    return Event("e", "a", etype, ents, rcpt, "161", -4.0, 4, -6.0, Factuality.ASSERTED, "s",
                 TextInfo(0, 0, 1, 0, 1), "recalled", rule, 0.8, date=date, date_precision=precision,
                 event_loc=place)


def _pred(ev: Event, factuality=Factuality.ASSERTED) -> PredictedEvent:
    return PredictedEvent(ev.event, tuple(e.code for e in ev.actor), tuple(e.code for e in ev.recipient), ev.mode,
                          factuality, ev)


def _gold(etype="SANCTION", actors=("RUS",), recipients=("USA",), date=dt.date(2021, 3, 22), precision="day",
          place=None, sector="GOV") -> GoldEvent:
    return GoldEvent(etype, tuple(GoldActor(c, c, sector) for c in actors),
                     tuple(GoldActor(c, c, sector) for c in recipients), date=date, date_precision=precision,
                     place=place)


def test_match_events_prefers_shared_actors_and_uses_each_once():
    g1, g2 = _gold(actors=("RUS",)), _gold(actors=("USA",), recipients=("RUS",))
    p1, p2 = _pred(_event(actors=("USA",), recipients=("RUS",))), _pred(_event())
    pairs = match_events([g1, g2], [p1, p2])
    assert {(g.actor[0].code, p.actor[0]) for g, p in pairs} == {("RUS", "RUS"), ("USA", "USA")}
    assert match_events([_gold(etype="ASSAULT")], [p1]) == []


@pytest.mark.parametrize("gold, ev, ok", [
    (_gold(), _event(), True),
    (_gold(date=dt.date(2021, 3, 1), precision="month"), _event(date=dt.date(2021, 3, 1), precision=DatePrecision.MONTH), True),
    (_gold(date=dt.date(2021, 3, 1), precision="month"), _event(date=dt.date(2021, 3, 22)), False),  # claims a day
    (_gold(date=dt.date(2014, 1, 1), precision="year"), _event(date=dt.date(2014, 1, 1), precision=DatePrecision.YEAR), True),
    (_gold(date=None, precision="unknown"), _event(date=None, precision=None), True),
    (_gold(date=None, precision="unknown"), _event(), False),  # history dated today
    (_gold(), _event(date=dt.date(2021, 3, 23)), False),
])
def test_date_agrees_at_the_gold_precision(gold, ev, ok):
    assert date_agrees(gold, _pred(ev)) is ok


def test_date_accuracy_counts_only_matched_events():
    pairs = [(GoldRecord("s1", "t", (_gold(), _gold(etype="ACCUSE"))), Prediction("s1", (_pred(_event()),)))]
    assert date_accuracy(pairs) == (1.0, 1)


def test_place_agreement_needs_the_country_and_a_shared_word():
    aleppo = Place("Aleppo", "SYR", text="Aleppo")
    assert place_agrees(GoldPlace("the city of Aleppo", "SYR"), aleppo)
    assert not place_agrees(GoldPlace("Syria", "SYR"), aleppo)
    assert not place_agrees(GoldPlace("Aleppo", "TUR"), aleppo)
    assert not place_agrees(None, aleppo) and not place_agrees(GoldPlace("Aleppo", "SYR"), None)


def test_place_scores_precision_over_predicted_recall_over_gold():
    geneva = Place("Geneva", "CHE", text="Geneva")
    pairs = [
        (GoldRecord("s1", "t", (_gold(etype="CONSULT", place=GoldPlace("Geneva", "CHE")),)),
         Prediction("s1", (_pred(_event(etype="CONSULT", place=geneva)),))),
        (GoldRecord("s2", "t", (_gold(etype="CONSULT"),)),
         Prediction("s2", (_pred(_event(etype="CONSULT", place=geneva)),))),
        (GoldRecord("s3", "t", (_gold(etype="CONSULT", place=GoldPlace("Paris", "FRA")),)),
         Prediction("s3", (_pred(_event(etype="CONSULT")),))),
    ]
    assert place_scores(pairs) == {"precision": 0.5, "recall": 0.5, "predicted": 2, "gold": 2}


def test_recall_type_actor_and_actors_in_context():
    pairs = [(GoldRecord("s1", "t", (_gold(), _gold(etype="ACCUSE", actors=("UKR",)))),
              Prediction("s1", (_pred(_event(sector="MIL")), _pred(_event(etype="ACCUSE", actors=("POL",))))))]
    assert recall_type_actor(pairs) == (0.5, 2)
    acc = actors_in_context(pairs)
    assert acc["country"] == (0.75, 4)  # RUS, USA right; UKR wrong, USA recipient of ACCUSE right
    assert acc["sector"] == (0.25, 4)  # only the ACCUSE recipient USA has the gold sector GOV


def test_error_rows_name_the_kind_rule_and_reason():
    gold = GoldRecord("s1", "Russia recalled its envoy and criticised Kyiv.",
                      (_gold(), _gold(etype="ACCUSE", recipients=("UKR",)), _gold(etype="THREATEN")))
    pred = Prediction("s1", (_pred(_event(recipients=("POL",))), _pred(_event(etype="ASSAULT", rule="svo:verb=hit")),
                             _pred(_event(etype="THREATEN"), Factuality.HYPOTHETICAL)))
    rows = error_rows([(gold, pred)], reasons={"s1": ["svo 'criticised': no recipient"]})
    kinds = {(r["kind"], r.get("gold", "").split()[0] if r["kind"] != "spurious" else r["predicted"].split()[0])
             for r in rows}
    assert kinds == {("wrong_arguments", "SANCTION"), ("spurious", "ASSAULT"), ("missed", "ACCUSE"),
                     ("missed", "THREATEN")}
    missed = {r["gold"].split()[0]: r for r in rows if r["kind"] == "missed"}
    assert missed["ACCUSE"]["reason"] == ["svo 'criticised': no recipient"]
    assert missed["THREATEN"]["factuality"] == "hypothetical"
    assert top_fp_rules(rows)[0]["false_positives"] == 1
    assert not [r for r in error_rows([(gold, pred)], arguments=False) if r["kind"] == "wrong_arguments"]


# ------------------------------------------------------------------------------------------- CASE 2021, IPE


def test_case2021_reader_and_mapping():
    text = "id\tEventSnippet\tSubType\n1\tPolice  arrested two men.\tARREST\n2\tA quake hit.\tNATURAL_DISASTER\n" \
           "3\tSomething else.\tOTHER\n"
    rows = read_case2021(text)
    assert rows[0] == ("1", "Police arrested two men.", "ARREST")
    records, labels = gold_records(rows)
    assert [r.id for r in records] == ["1", "2"] and labels["3"] == "OTHER"
    assert records[0].events[0].event == "COERCE" and records[0].events[0].mode == "arrest"
    assert records[1].events == ()
    preds = {"1": Prediction("1", (PredictedEvent("COERCE"),)), "2": Prediction("2"), "3": Prediction("3")}
    table = label_table(rows, preds)
    assert table["ARREST"]["recall"] == 1.0 and table["NATURAL_DISASTER"]["maps_to"] == "no event"
    assert table["OTHER"]["recall"] is None
    with pytest.raises(InputError, match="unknown label"):
        read_case2021("id\tEventSnippet\tSubType\n1\tx\tPICNIC\n")
    with pytest.raises(InputError, match="header"):
        read_case2021("a\tb\n")


def test_case2021_mapping_covers_every_published_label():
    assert MAPPING["ORG_CRIME"] == NO_EVENT and MAPPING["DIPLO"] is None
    assert all(v is None or v == NO_EVENT or v[0] in {"ASSAULT", "COERCE", "PROTEST", "AGREE", "MOBILIZE", "RETREAT"}
               for v in MAPPING.values())


def test_ipe_positive_needs_a_police_actor():
    cop = _event(etype="ASSAULT", sector="COP")
    mob = _event(etype="ASSAULT", sector="CVL")
    arrest = _event(etype="COERCE", sector="COP")
    arrest = Event(**{**{f: getattr(arrest, f) for f in arrest.__slots__}, "mode": "arrest"})
    assert positive("FORCE", (_pred(cop),)) and not positive("FORCE", (_pred(mob),))
    assert positive("ARREST", (_pred(arrest),)) and not positive("ARREST", (_pred(cop),))
    assert positive("ANY_ACTION", (_pred(arrest),)) and not positive("ANY_ACTION", (_pred(mob),))


# ------------------------------------------------------------------------------------------- end to end


@pytest.fixture()
def tiny_corpus(tmp_path):
    """A two-article corpus written for this test and a gold file annotating it (one line with a bad hash)."""
    raw = ("Russia recalled its ambassador to the United States on Monday.\n\n"
           "The weather in Moscow was mild.\n\nFILE - In this photo, soldiers march.\n")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "t1", "text": raw, "date": "2021-03-24"}) + "\n", encoding="utf-8")
    sents = ["Russia recalled its ambassador to the United States on Monday.", "The weather in Moscow was mild."]
    lines = []
    for n, s in enumerate(sents):
        start, end = raw_span(raw, s)
        lines.append({"article": "t1", "n": n, "start": start, "end": end, "sha": text_hash(raw[start:end]),
                      "events": [], "tags": [], "annotator": "T"})
    lines[0]["events"] = [{"event": "SANCTION", "mode": "withdraw", "trigger": "recalled",
                           "actor": [{"text": "Russia", "code": "RUS", "sector": "GOV"}],
                           "recipient": [{"text": "the United States", "code": "USA", "sector": "GOV"}],
                           "factuality": "asserted", "date": "2021-03-22", "date_precision": "day", "place": None}]
    lines.append({**lines[1], "n": 2, "sha": "f" * 16})
    lines.append({**lines[1], "article": "missing", "n": 0})
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return gold, corpus


@pytest.mark.slow
def test_run_realnews_scores_whole_articles_and_sets_aside_bad_lines(tiny_corpus, pipeline):
    from redline.evaluate import run_eval

    gold, corpus = tiny_corpus
    report = run_eval(gold, fmt="realnews", corpus=corpus, pipeline=pipeline, with_errors=True)
    assert report["sentences"] == 2 and report["articles"] == 1
    assert report["event_type"]["tp"] == 1 and report["triple"]["tp"] == 1
    assert report["recall_type_actor"] == 1.0 and report["date_accuracy"] == 1.0
    assert report["no_event_false_positive_rate"] == 0.0
    assert {s["id"] for s in report["skipped"]} == {"t1#2", "missing#0"}
    assert all(key in report for key in ("actor_country_accuracy", "sector_accuracy", "mode_accuracy", "per_type"))
    assert report["errors"] == []


@pytest.mark.slow
def test_eval_command_realnews_writes_errors_and_exits_1_on_set_aside_lines(tiny_corpus, tmp_path):
    from click.testing import CliRunner

    from redline.cli import cli

    gold, corpus = tiny_corpus
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(cli, ["eval", str(gold), "--format", "realnews", "--corpus", str(corpus),
                                      "--errors", str(errors), "--json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["scheme"] == "realnews" and "errors" not in report
    assert "t1#2: text hash mismatch" in result.stderr and "missing#0" in result.stderr
    assert errors.read_text(encoding="utf-8") == ""
    from redline.errors import UsageError

    result = CliRunner().invoke(cli, ["eval", str(gold), "--format", "realnews"])
    assert isinstance(result.exception, UsageError) and "needs --corpus" in str(result.exception)
