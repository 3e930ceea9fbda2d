"""Metrics on tiny hand-made gold and predictions; the eval command's JSON keys and bad-input exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from redline.evaluate import (
    PredictedEvent,
    Prediction,
    check_floors,
    confusion,
    entity_key,
    event_triples,
    event_type_scores,
    factuality_accuracy,
    false_positive_rate,
    metric_value,
    mode_accuracy,
    per_type_scores,
    prf,
    score,
    trap_rates_by_tag,
    triple_scores,
)
from redline.evaluate import GoldActor, GoldEvent, GoldRecord
from redline.records import Entity, Factuality

F = Factuality


def gold(rid: str, *events: GoldEvent) -> GoldRecord:
    return GoldRecord(rid, f"sentence {rid}.", tuple(events))


def gev(event: str, actor=(), recipient=(), mode=None, factuality=F.ASSERTED) -> GoldEvent:
    return GoldEvent(event, tuple(GoldActor(None, c) for c in actor), tuple(GoldActor(None, c) for c in recipient),
                     mode, factuality)


def pev(event: str, actor=(), recipient=(), mode=None, factuality=F.ASSERTED) -> PredictedEvent:
    return PredictedEvent(event, tuple(actor), tuple(recipient), mode, factuality)


# s1: right type and triple; s2: right type, wrong recipient, plus an extra type; s3: missed;
# s4: a no-event sentence with a false positive; s5: a trap (negated gold) kept non-asserted.
GOLD = [
    gold("s1", gev("ASSAULT", ["RUS"], ["UKR"], mode="aerial")),
    gold("s2", gev("ACCUSE", ["CHN"], ["USA"])),
    gold("s3", gev("AID", ["JPN"], ["UKR"])),
    gold("s4"),
    gold("s5", gev("ASSAULT", ["IRN"], ["ISR"], factuality=F.NEGATED)),
]
PRED = [
    Prediction("s1", (pev("ASSAULT", ["RUS"], ["UKR"], mode="drone"),)),
    Prediction("s2", (pev("ACCUSE", ["CHN"], ["TWN"]), pev("THREATEN", ["CHN"], ["TWN"]))),
    Prediction("s3", ()),
    Prediction("s4", (pev("PROTEST", ["FRA"]),)),
    Prediction("s5", (pev("ASSAULT", ["IRN"], ["ISR"], factuality=F.NEGATED),)),
]
PAIRS = list(zip(GOLD, PRED, strict=True))


@pytest.mark.parametrize(
    ("counts", "expected"),
    [((1, 1, 1), (0.5, 0.5, 0.5)), ((0, 0, 0), (0.0, 0.0, 0.0)), ((3, 0, 1), (1.0, 0.75, 0.8571)),
     ((0, 2, 0), (0.0, 0.0, 0.0))],
)
def test_prf_from_counts(counts, expected):
    got = prf(*counts)
    assert (got["precision"], got["recall"], got["f1"]) == expected


def test_event_type_scores_count_sentence_types():
    got = event_type_scores(PAIRS)
    assert (got["tp"], got["fp"], got["fn"]) == (2, 2, 1)
    assert got["precision"] == 0.5 and got["recall"] == 0.6667


def test_triple_scores_need_type_and_both_countries():
    got = triple_scores(PAIRS)
    assert (got["tp"], got["fp"], got["fn"]) == (1, 3, 2)


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (gev("AGREE", ["HUN", "ROU"]), {("AGREE", "HUN", None), ("AGREE", "ROU", None)}),
        (gev("AID", ["USA"], ["IRQ", "SYR"]), {("AID", "USA", "IRQ"), ("AID", "USA", "SYR")}),
        (pev("ASSAULT", [None], ["UKR"]), {("ASSAULT", None, "UKR")}),
        (pev("PROTEST"), {("PROTEST", None, None)}),
    ],
)
def test_event_triples_expand_compound_actors(event, expected):
    assert event_triples([event]) == expected


def test_per_type_scores_give_support_per_type():
    got = per_type_scores(PAIRS)
    assert got["ASSAULT"]["support"] == 1 and got["ASSAULT"]["f1"] == 1.0
    assert got["THREATEN"]["fp"] == 1 and got["AID"]["fn"] == 1 and got["PROTEST"]["fp"] == 1


def test_confusion_pairs_misses_with_none():
    got = confusion(PAIRS)
    assert got["ASSAULT"] == {"ASSAULT": 1}
    assert got["ACCUSE"] == {"ACCUSE": 1}
    assert got["AID"] == {"NONE": 1}
    assert got["NONE"] == {"NONE": 1, "PROTEST": 1, "THREATEN": 1}


def test_mode_accuracy_only_on_matched_events_with_gold_mode():
    assert mode_accuracy(PAIRS) == (0.0, 1)
    fixed = [(GOLD[0], Prediction("s1", (pev("ASSAULT", ["RUS"], ["UKR"], mode="aerial"),)))]
    assert mode_accuracy(fixed) == (1.0, 1)


@pytest.mark.parametrize(("traps", "expected"), [(False, (1.0, 1)), (True, (0.5, 2))])
def test_false_positive_rate_on_no_event_and_trap_sentences(traps, expected):
    assert false_positive_rate(PAIRS, traps=traps) == expected


def test_trap_rates_by_tag_count_only_sentences_without_asserted_gold():
    tagged = [
        (GoldRecord("a", "x.", (gev("ASSAULT", factuality=F.NEGATED),), tags=("negated",)), Prediction("a", (pev("ASSAULT"),))),
        (GoldRecord("b", "y.", tags=("negated", "sports")), Prediction("b")),
        (GoldRecord("c", "z.", (gev("AID"),), tags=("negated",)), Prediction("c", (pev("AID"),))),
    ]
    got = trap_rates_by_tag(tagged)
    assert got == {"negated": {"sentences": 2, "false_positive_rate": 0.5},
                   "sports": {"sentences": 1, "false_positive_rate": 0.0}}


def test_factuality_accuracy_over_events_of_a_predicted_type():
    wrong = [(GOLD[4], Prediction("s5", (pev("ASSAULT", ["IRN"], ["ISR"]),)))]
    assert factuality_accuracy(PAIRS) == (1.0, 3)
    assert factuality_accuracy(wrong) == (0.0, 1)


@pytest.mark.parametrize(
    ("entity", "expected"),
    [(Entity("NATO", "NATO", sector="IGO"), "IGO"), (Entity("Tokyo", "JPN", sector="GOV"), "JPN"),
     (Entity("someone", None), None), (Entity("the UN", "UNO"), "IGO")],
)
def test_entity_key_compares_countries_and_igos(entity, expected):
    assert entity_key(entity) == expected


def test_score_reports_every_required_key_and_skips():
    preds = PRED[:4] + [Prediction("s5", skip="sentence has 9000 characters")]

    def resolve(text):
        return None

    report = score(GOLD, preds, resolve=resolve, with_mistakes=True)
    for key in ("event_type", "triple", "actor_country_accuracy", "sector_accuracy", "mode_accuracy",
                "no_event_false_positive_rate", "sentences", "per_type", "confusion"):
        assert key in report
    assert report["sentences"] == 4
    assert report["skipped"] == [{"id": "s5", "reason": "sentence has 9000 characters"}]
    assert {m["id"] for m in report["mistakes"]} == {"s2", "s3", "s4"}


def test_score_actor_accuracy_resolves_each_gold_actor():
    rec = GoldRecord("a", "x.", (GoldEvent("ACCUSE", (GoldActor("Tokyo", "JPN", "GOV"),),
                                           (GoldActor("Beijing", "CHN", "GOV"),)),))
    table = {"Tokyo": Entity("Tokyo", "JPN", sector="GOV"), "Beijing": Entity("Beijing", "CHN", sector="MIL")}
    report = score([rec], [Prediction("a")], resolve=table.get)
    assert (report["actor_country_accuracy"], report["sector_accuracy"]) == (1.0, 0.5)


def test_score_without_resolver_says_so():
    report = score(GOLD, PRED)
    assert report["actor_country_accuracy"] is None
    assert any("no actor resolver" in n for n in report["notes"])


@pytest.mark.parametrize(
    ("floors", "ceilings", "failing"),
    [
        ({"triple_f1": 0.2}, {}, []),
        ({"triple_f1": 0.5}, {}, ["triple_f1"]),
        ({"event_type_precision": 0.5, "mode_accuracy": 0.1}, {}, ["mode_accuracy"]),
        ({}, {"no_event_false_positive_rate": 0.5}, ["no_event_false_positive_rate"]),
        ({"actor_country_accuracy": 0.0}, {}, ["actor_country_accuracy"]),
    ],
)
def test_check_floors_names_each_failing_metric(floors, ceilings, failing):
    report = score(GOLD, PRED)
    failures = check_floors(report, floors, ceilings)
    assert [f.split(" ")[0] for f in failures] == failing


def test_confusion_rows_list_off_diagonal_cells_most_frequent_first():
    from redline.cli.eval_cmds import confusion_rows

    rows = confusion_rows({"AID": {"AID": 5, "NONE": 1}, "NONE": {"ASSAULT": 3, "NONE": 9}})
    assert rows == [{"gold": "NONE", "predicted": "ASSAULT", "count": 3}, {"gold": "AID", "predicted": "NONE", "count": 1}]


def test_metric_value_unknown_metric_is_usage_error():
    from redline.errors import UsageError

    with pytest.raises(UsageError, match="unknown metric"):
        metric_value(score(GOLD, PRED), "happiness")


def test_metric_value_walks_dotted_names_into_nested_blocks():
    from redline.errors import UsageError

    report = {"per_label": {"KILL": {"f1": 0.25, "maps_to": "ASSAULT"}}, "macro_f1": 0.4}
    assert metric_value(report, "per_label.KILL.f1") == 0.25 and metric_value(report, "macro_f1") == 0.4
    assert check_floors(report, {"per_label.KILL.f1": 0.3}) == ["per_label.KILL.f1 = 0.25 is below its floor 0.3"]
    with pytest.raises(UsageError, match="unknown metric"):
        metric_value(report, "per_label.ARREST.f1")


# ------------------------------------------------------------------------------------------ the command


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [("[{", ".json", "bad JSON"), ('[{"id": "R-3", "event": "HUG", "text": "x"}]', ".json", "R-3"),
     ("<Validation/>", ".xml", "no <Sentence> records")],
)
def test_eval_command_bad_gold_exits_1_naming_the_problem(tmp_path, content, suffix, message):
    path = tmp_path / f"gold{suffix}"
    path.write_text(content, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "redline", "eval", str(path)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1
    assert message in proc.stderr and str(path) in proc.stderr


@pytest.mark.slow
def test_eval_command_json_has_required_keys(monkeypatch, pipeline):
    from redline.cli import cli

    monkeypatch.setattr("redline.evaluate.runner.Pipeline", lambda: pipeline)
    result = CliRunner().invoke(cli, ["eval", "--json", "--limit", "6"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for key in ("event_type", "triple", "actor_country_accuracy", "sector_accuracy", "mode_accuracy",
                "no_event_false_positive_rate", "sentences", "per_type", "confusion"):
        assert key in report
    assert set(report["event_type"]) >= {"precision", "recall", "f1"}
    assert report["sentences"] == 6


@pytest.mark.slow
def test_eval_command_prints_tables(monkeypatch, pipeline):
    from redline.cli import cli

    monkeypatch.setattr("redline.evaluate.runner.Pipeline", lambda: pipeline)
    result = CliRunner().invoke(cli, ["eval", "--limit", "4", "--mistakes"])
    assert result.exit_code == 0, result.output
    assert "event_type f1" in result.stdout and "confusions" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--check", "--limit", "3"], "drop --limit"), (["{unpinned}", "--check"], "no floors are pinned")],
)
def test_eval_command_check_usage_errors_exit_2(tmp_path, args, message):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Chad met Sudan.", "events": []}) + "\n", encoding="utf-8")
    argv = [a.replace("{unpinned}", str(path)) for a in args]
    proc = subprocess.run([sys.executable, "-m", "redline", "eval", *argv], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert message in proc.stderr


def test_floors_for_finds_our_gold_by_hash():
    from redline.evaluate import floors_for
    from redline.evaluate import builtin_gold_path

    name, spec = floors_for(builtin_gold_path())
    assert name == "redline" and spec["floors"]


# ------------------------------------------------------------------------------------------ predict, without spaCy


def _fake_event(doc, event: str, cameo: str, factuality=F.ASSERTED):
    from redline.records import Event, TextInfo

    return Event(
        id=f"{doc.article.id}-{event}", article_id=doc.article.id, event=event,
        actor=(Entity("Chad", "TCD", sector="GOV"),), recipient=(Entity("the UN", "UNO", entry="igo:UNO:un"),),
        cameo=cameo, goldstein=0.0, quad_code=3, event_scale=0.0, factuality=factuality, text=doc.article.text,
        text_info=TextInfo(0, 0, len(doc.article.text), 0, 4), event_text="x", rule="test", confidence=1.0,
    )


def _fake_pipeline():
    from redline.pipeline import Pipeline, stage

    @stage("fake-coding", provides=("events",))
    def fake_coding(doc, ctx):
        import dataclasses

        if "boom" in doc.article.text:
            raise ValueError("cannot code this")
        events = (_fake_event(doc, "ACCUSE", "112"), _fake_event(doc, "ASSAULT", "190", F.NEGATED))
        return dataclasses.replace(doc, events=events)

    return Pipeline(stages=[fake_coding.stage])


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [("plover", {("ACCUSE", ("TCD",), ("IGO",), F.ASSERTED), ("ASSAULT", ("TCD",), ("IGO",), F.NEGATED)}),
     ("cameo", {("11", ("TCD",), ("IGO",), F.ASSERTED), ("19", ("TCD",), ("IGO",), F.NEGATED)})],
)
def test_predict_reduces_events_to_the_gold_scheme(scheme, expected):
    from redline.evaluate import predict

    records = [GoldRecord("a", "Chad condemned the UN.", scheme=scheme)]
    (pred,) = predict(records, pipeline=_fake_pipeline())
    assert {(e.event, e.actor, e.recipient, e.factuality) for e in pred.events} == expected
    assert [e.event for e in pred.asserted] == ["ACCUSE" if scheme == "plover" else "11"]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        (pev("04", ["USA", "RUS"]), {("USA", "RUS"), ("RUS", "USA")}),
        (pev("04", ["USA", "RUS", "CHE"]), {("USA", "RUS"), ("RUS", "USA"), ("USA", "CHE"), ("CHE", "USA"),
                                             ("RUS", "CHE"), ("CHE", "RUS")}),
        (pev("04", ["USA", "RUS"], ["CHE"]), {("USA", "CHE"), ("RUS", "CHE")}),
        (pev("19", ["USA"]), {("USA", None)}),
        (pev("03", ["USA", "USA"]), {("USA", None)}),
    ],
)
def test_directed_dyads_expand_joint_events_for_cameo_gold(event, expected):
    from redline.evaluate import directed_dyads

    assert {(a, r) for _, a, r in event_triples(directed_dyads(event))} == expected


def test_predict_keeps_skips_and_failures_with_reasons():
    from redline.evaluate import predict

    records = [GoldRecord("ok", "Chad condemned the UN."), GoldRecord("big", "x", skip="sentence has 9000 characters"),
               GoldRecord("bad", "boom went the coder.")]
    ok, big, bad = predict(records, pipeline=_fake_pipeline())
    assert ok.events and not ok.skip
    assert big.skip == "sentence has 9000 characters"
    assert "fake-coding" in bad.skip and "cannot code this" in bad.skip
