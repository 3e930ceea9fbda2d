"""The confidence model's two parts, its fitting on labelled events and the cross-validated comparison
(evaluate/calibration.py, `redline gold calibrate`): synthetic events, no corpus."""

from __future__ import annotations

import random

import pytest

from redline.errors import KnowledgeError
from redline.evaluate import calibration as cb
from redline.evaluate.gold import GoldActor, GoldEvent, GoldRecord
from redline.evaluate.metrics import Prediction, predicted_event
from redline.records import Entity
from redline.stages.coding.confidence import Calibration, brier_score, parse_calibration
from test_confidence import event


def test_two_parts_multiply_and_a_single_table_scores_alone():
    assert Calibration({"bias": 0.0}, parties={"bias": 0.0}).score(event()) == pytest.approx(0.25)
    assert Calibration({"bias": 0.0}).score(event()) == pytest.approx(0.5)
    assert Calibration({}, prior=0.4, parties={"bias": 3.0}).score(event()) == 0.4  # no weights: the prior


def test_weights_file_round_trips_both_tables():
    cal = Calibration({"bias": -1.5, "recipient": 0.75}, parties={"bias": 2.0, "actor_coded": -0.5})
    text = cb.weights_text(cal, header=["fitted by a test"])
    assert text.startswith("# fitted by a test\n")
    back = parse_calibration(text)
    assert back.weights == cal.weights and back.parties == cal.parties and back.prior == 0.5
    assert parse_calibration("[weights]\nbias = 1\n").parties == {}
    with pytest.raises(KnowledgeError, match=r"\[parties\]"):
        parse_calibration("[weights]\nbias = 1\n[parties]\nbias = 'x'\n")


def test_brier_score():
    assert brier_score([]) is None
    assert brier_score([(1.0, 1), (0.0, 0)]) == 0.0
    assert brier_score([(0.5, 1), (0.5, 0)]) == 0.25
    assert brier_score([(0.9, 0)]) == 0.81


def test_dev_labelled_judges_the_act_and_the_whole_triple_apart():
    gold = GoldRecord("s1", "Russia attacked Ukraine.",
                      (GoldEvent("ASSAULT", (GoldActor("Russia", "RUS"),), (GoldActor("Ukraine", "UKR"),)),))
    right = event(n=0)
    wrong_parties = event(recipient=(Entity("Kyiv", "POL", reason="knowledge base"),), n=1)
    wrong_type = event(kind="THREATEN", n=2)
    pred = Prediction("s1", tuple(predicted_event(e, scheme="realnews") for e in (right, wrong_parties, wrong_type)))
    rows = cb.dev_labelled([(gold, pred)])
    assert [(r.event_right, r.triple_right) for r in rows] == [(1, 1), (1, 0), (0, 0)]
    assert {r.group for r in rows} == {"a1"} and rows[0].features["rule_svo"] == 1.0


def synthetic(n_articles=60, seed=7, judged=0):
    """Events whose act is right unless `rule_light`, whose parties are right when `actor_coded`."""
    rng = random.Random(seed)
    rows = []
    for a in range(n_articles + judged):
        for _ in range(4):
            light, coded = rng.random() < 0.3, rng.random() < 0.6
            feats = {"bias": 1.0, "rule_light": float(light), "actor_coded": float(coded)}
            act = int(rng.random() < (0.3 if light else 0.95))
            parties = int(rng.random() < (0.9 if coded else 0.3))
            if a < n_articles:
                rows.append(cb.Labelled(feats, act, act * parties, f"art{a}"))
            else:
                rows.append(cb.Labelled(feats, act, None, f"judged{a}", "judged"))
    return rows


def test_fit_model_learns_each_part_from_its_own_label():
    cal = cb.fit_model(synthetic(), model="two-part", l2=0.3)
    assert cal.weights["rule_light"] < -1.5 and abs(cal.weights["actor_coded"]) < 1.0
    assert cal.parties["actor_coded"] > 1.5
    single = cb.fit_model(synthetic(), model="single", l2=0.3)
    assert not single.parties and single.weights["actor_coded"] > 1.0
    with pytest.raises(ValueError, match="unknown confidence model"):
        cb.fit_model(synthetic(), model="isotonic")


def test_judged_events_train_only_the_event_part():
    rows = synthetic(n_articles=20, judged=200)
    with_judged = cb.fit_model(rows, model="two-part + judged", l2=1.0)
    without = cb.fit_model(rows, model="two-part", l2=1.0)
    assert with_judged.parties == without.parties  # the parties part never sees a judged event
    assert with_judged.weights != without.weights


def test_cross_validation_scores_out_of_fold_and_beats_the_base_rate():
    rows = synthetic()
    table = cb.cross_validate(rows, models=("single", "two-part"), l2s=(1.0,), repeats=2)
    assert [(r["model"], r["l2"]) for r in table] == [("single", 1.0), ("two-part", 1.0)]
    right = [s.triple_right for s in rows]
    base = sum(right) / len(right)
    base_brier = sum((base - y) ** 2 for y in right) / len(right)
    for r in table:
        assert 0.0 <= r["ece"] < 0.2 and r["brier"] < base_brier - 0.03
    pairs = cb.out_of_fold(rows, model="two-part", l2=1.0)
    assert len(pairs) == len(rows) and sorted(y for _, y in pairs) == sorted(right)


def test_folds_keep_articles_whole_and_repeats_reshuffle():
    groups = [f"art{i}" for i in range(50)]
    first = [cb.fold_of(g, 5) for g in groups]
    assert first == [cb.fold_of(g, 5) for g in groups] and set(first) == set(range(5))
    assert first != [cb.fold_of(g, 5, repeat=1) for g in groups]


def test_in_sample_row_scores_a_fixed_model():
    rows = synthetic(n_articles=10, judged=5)
    row = cb.in_sample(rows, Calibration({"bias": 0.0}), "flat")
    assert row["model"] == "flat" and row["brier"] == 0.25


def test_fit_and_compare_tables_every_model_and_writes_a_file_that_reads_back():
    rows = synthetic(n_articles=30, judged=40)
    result = cb.fit_and_compare(rows, model="two-part + judged", l2=1.0, repeats=2,
                                shipped=Calibration({"bias": 0.0}), gold_name="dev.jsonl", judged_name="j.tsv")
    assert result.table[0]["model"] == "shipped weights" and result.table[0]["brier"] == 0.25
    assert {r["model"] for r in result.table[1:]} == set(cb.MODELS) - set(cb.SAMPLE_MODELS)  # no samples given
    assert result.events == 120 and result.judged == 160
    assert "120 coded events of dev.jsonl and 160 judged events of j.tsv" in result.text
    back = parse_calibration(result.text)
    assert back.weights == result.calibration.weights and back.parties == result.calibration.parties
    single = cb.fit_and_compare(rows, model="single", l2=2.0, repeats=1)
    assert "judged events" not in single.text and not single.calibration.parties
    assert any(r["l2"] == 2.0 for r in single.table)  # the chosen L2 is always cross-validated


def test_fit_and_compare_refuses_too_few_events_and_a_judged_model_without_judgements():
    with pytest.raises(ValueError, match="at least 20"):
        cb.fit_and_compare(synthetic(n_articles=3))
    with pytest.raises(ValueError, match="needs judged events"):
        cb.fit_and_compare(synthetic(n_articles=30), model="two-part + judged", repeats=1)
