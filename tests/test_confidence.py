"""Calibrated confidence: features, the logistic model, calibration error, and the --min-confidence filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from redline.errors import KnowledgeError, UsageError
from redline.records import Entity, Event, Factuality, TextInfo
from redline.stages.coding.confidence import (
    Calibration,
    expected_calibration_error,
    features,
    fit,
    load_calibration,
    parse_calibration,
)
from redline.store import Store

RUS = Entity("Russia", "RUS", "GOV", reason="knowledge base")
UKR = Entity("Ukraine", "UKR", reason="knowledge base")
PLACE = Entity("Kharkiv", "UKR", reason="unnamed target: the place of the act")


def event(*, kind="ASSAULT", rule="svo:verb=attack#ASSAULT/190", actor=(RUS,), recipient=(UKR,), confidence=0.5,
          n=0, article="a1", claim=()) -> Event:
    return Event(f"{article}-{n}", article, kind, tuple(actor), tuple(recipient), "190", -10.0, 4, -9.0,
                 Factuality.ASSERTED, "Russia attacked Ukraine.", TextInfo(n, 0, 24, 7, 15), "attacked", rule,
                 confidence, claim_source=tuple(claim), date=dt.date(2022, 3, 1))


def test_features_read_rule_family_actors_and_recipients():
    f = features(event())
    assert f["bias"] == 1.0 and f["rule_svo"] == 1.0 and f["quad_material_conflict"] == 1.0
    assert f["actor_coded"] == 1.0 and f["actor_sector"] == 1.0 and f["recipient"] == 1.0
    g = features(event(rule="light:launch+attack#ASSAULT/190", actor=(Entity("gunmen", None, "UAF"),),
                       recipient=(PLACE,), claim=(UKR,)))
    assert g["rule_light"] == 1.0 and g["actor_coded"] == 0.0 and g["recipient_derived"] == 1.0
    assert g["reported"] == 1.0


def test_calibration_scores_with_the_weights_and_falls_back_to_the_prior():
    assert Calibration({}).score(event()) == 0.5
    high = Calibration({"bias": -1.0, "actor_coded": 3.0}).score(event())
    low = Calibration({"bias": -1.0, "actor_coded": 3.0}).score(event(actor=(Entity("someone", None, "CVL"),)))
    assert 0.5 < high < 1.0 and 0.0 < low < 0.5


def test_parse_calibration_names_bad_files():
    assert parse_calibration("prior = 0.4\n[weights]\nbias = -1\n").weights == {"bias": -1.0}
    with pytest.raises(KnowledgeError, match="weights"):
        parse_calibration("[weights]\nbias = 'high'\n")
    with pytest.raises(KnowledgeError, match="confidence.toml"):
        parse_calibration("[weights\n")


def test_fit_learns_which_feature_predicts_a_right_triple():
    rng = random.Random(3)
    samples = []
    for _ in range(400):
        coded = rng.random() < 0.5
        samples.append(({"bias": 1.0, "actor_coded": float(coded), "noise": float(rng.random() < 0.5)},
                         int(rng.random() < (0.8 if coded else 0.2))))
    w = fit(samples, l2=0.1)
    assert w["actor_coded"] > 1.5 and abs(w["noise"]) < 0.5


def test_expected_calibration_error():
    assert expected_calibration_error([]) is None
    assert expected_calibration_error([(0.8, 1), (0.8, 1), (0.8, 1), (0.8, 0), (0.8, 1)]) == 0.0
    assert expected_calibration_error([(0.95, 0), (0.95, 0)]) == 0.95


def test_shipped_model_gives_probabilities():
    model = load_calibration()
    assert model.weights, "redline/knowledge/data/confidence.toml is missing: run `redline gold calibrate`"
    assert 0.0 < model.score(event()) < 1.0


def test_store_min_confidence_filter(tmp_path):
    from redline.records import Article, Document, Sentence

    def doc(article, conf):
        ev = event(article=article, confidence=conf)
        art = Article(id=article, text="Russia attacked Ukraine.", published=dt.date(2022, 3, 2))
        return Document(article=art, events=(dataclasses.replace(ev, id=f"{article}-e"),),
                        sentences=(Sentence(0, 0, 0, 24, "Russia attacked Ukraine."),), reference_date=art.published)

    with Store(tmp_path / "c.duckdb") as store:
        run = store.begin_run("test", ["x"])
        store.write_document(doc("a1", 0.9), run_id=run)
        store.write_document(doc("a2", 0.2), run_id=run)
        assert store.count_events() == 1  # one event, mentioned twice
        assert store.count_events(min_confidence=0.5) == 1 and store.count_events(min_confidence=0.95) == 0
        assert len(store.events(min_confidence=0.1)) == 1
        with pytest.raises(UsageError, match="between 0 and 1"):
            store.events(min_confidence=2)


@pytest.mark.slow
def test_extract_min_confidence_drops_the_least_sure_events(pipeline):
    from redline.api import extract

    text = "Russian troops attacked Ukrainian positions near Kharkiv. Someone attacked something."
    every = extract(text, published="2022-03-01", pipeline=pipeline)
    assert every and all(0.0 < e["confidence"] < 1.0 for e in every)
    top = max(e["confidence"] for e in every)
    assert extract(text, published="2022-03-01", pipeline=pipeline, min_confidence=top + 0.001) == []
