"""Held-out labels of the confidence model (evaluate/confidence_samples.py) and the models and table that use them
(`redline gold calibrate --samples`): verdicts files and events written here, synthetic rows, no corpus."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import InputError
from redline.evaluate import calibration as cb
from redline.evaluate import confidence_samples as cs
from redline.records import Entity
from redline.stages.coding.confidence import Calibration, parse_calibration
from test_confidence import RUS, event
from test_confidence_training import synthetic

HEADER = "\t".join(cs.SAMPLE_COLUMNS)
GOLD = Path(cb.__file__).parent.parent / "gold"
TEST_SPLIT = GOLD / "realnews-test.jsonl"


def write(tmp_path, *rows, header=HEADER):
    path = tmp_path / "verdicts.tsv"
    path.write_text("# our verdicts\n" + header + "\n" + "".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_read_sample_verdicts_reads_acts_and_parties_and_names_bad_rows(tmp_path):
    rows = cs.read_sample_verdicts(write(
        tmp_path,
        ("a1", "ASSAULT", "attacked", "*", "*", "right", "-", "-", "K", "28"),
        ("a2", "ACCUSE", "blamed", "RUS", "UKR|?", "-", "right", "wrong", "T6", "30")))
    assert [(r.act, r.parties, r.sample, r.session) for r in rows] == [(1, None, "K", "28"), (None, 0, "T6", "30")]
    with pytest.raises(InputError, match="header"):
        cs.read_sample_verdicts(write(tmp_path, header="article\ttype"))
    with pytest.raises(InputError, match="right, wrong or -"):
        cs.read_sample_verdicts(write(tmp_path, ("a1", "ASSAULT", "x", "*", "*", "maybe", "-", "-", "K", "28")))
    with pytest.raises(InputError, match="either the act or both parties"):
        cs.read_sample_verdicts(write(tmp_path, ("a1", "ASSAULT", "x", "*", "*", "right", "right", "-", "K", "28")))


def test_join_matches_acts_by_trigger_and_parties_by_their_codes_too():
    verdicts = [cs.SampleVerdict("a1", "ASSAULT", "attacked", "*", "*", 1, None, None, "K", "28"),
                cs.SampleVerdict("a2", "ASSAULT", "attacked", "RUS", "UKR", None, 1, 0, "T4", "28"),
                cs.SampleVerdict("a3", "ASSAULT", "attacked", "RUS", "UKR", None, 1, 1, "T5", "29"),
                cs.SampleVerdict("a4", "ASSAULT", "attacked", "*", "*", 1, None, None, "N", "29"),
                cs.SampleVerdict("a4", "ASSAULT", "attacked", "*", "*", 0, None, None, "N", "29"),
                cs.SampleVerdict("a5", "ASSAULT", "shelled", "*", "*", 0, None, None, "O", "29")]
    other = Entity("Poland", "POL", reason="knowledge base")
    events = [event(article="a1"), event(article="a2"), event(article="a3", recipient=(other,)),
              event(article="a4"), event(article="a5")]
    joined, report = cs.join_sample_verdicts(verdicts, events)
    assert [(j.event.article_id, j.act, j.parties, j.session) for j in joined] == [("a1", 1, None, "28"),
                                                                                   ("a2", None, 0, "28")]
    # a3: today's recipient is another country (a different claim); a4: judged both ways; a5: no such event today
    assert report["ambiguous_keys"] == 1 and report["left_out_keys"] == 3 and report["joined_events"] == 2
    assert cs.codes((RUS, Entity("gunmen", None))) == "?|RUS" and cs.codes(()) == ""


def test_factorised_scores_multiply_the_act_and_party_rates_of_each_bin():
    # one bin at 0.4: acts right 4 of 5, parties right 1 of 2 -> the triple's rate 0.4, no gap
    rows = [(0.4, 1, None)] * 4 + [(0.4, 0, None)] + [(0.4, None, 1), (0.4, None, 0)]
    scores = cs.factorised_scores(rows)
    assert scores["ece"] == 0.0 and scores["act_rate"] == 0.8 and scores["party_rate"] == 0.5
    # Brier: right acts have right parties half the time (0.5 * 0.36 + 0.5 * 0.16), a wrong act 0.16; a right
    # party pair has a right act 80% of the time (0.8 * 0.36 + 0.2 * 0.16), a wrong one 0.16
    expected = (4 * 0.26 + 0.16 + (0.8 * 0.36 + 0.2 * 0.16) + 0.16) / 7
    assert scores["brier"] == pytest.approx(expected, abs=1e-4)
    assert cs.factorised_scores([(0.9, 1, None)] * 3 + [(0.9, None, 1)])["ece"] == pytest.approx(0.1)
    assert cs.factorised_scores([(0.5, 1, None)])["ece"] is None  # no party verdicts: nothing to multiply


def sampled(n=60, seed=3, sessions=("28", "29", "30")):
    """Sample rows: acts right unless rule_light, parties right when actor_coded; every session alike."""
    rng = random.Random(seed)
    rows = []
    for a in range(n):
        session = sessions[a % len(sessions)]
        for k in range(4):
            light, coded = rng.random() < 0.3, rng.random() < 0.6
            feats = {"bias": 1.0, "rule_light": float(light), "actor_coded": float(coded)}
            if k % 2:
                rows.append(cb.Labelled(feats, int(rng.random() < (0.3 if light else 0.95)), None, f"s{a}",
                                        "sample", None, session))
            else:
                rows.append(cb.Labelled(feats, None, None, f"s{a}", "sample",
                                        int(rng.random() < (0.9 if coded else 0.3)), session))
    return rows


def test_sample_models_learn_each_part_from_its_own_verdicts():
    rows = synthetic(n_articles=20) + sampled()
    samples_only = cb.fit_model(rows, model="samples", l2=0.3)
    assert samples_only.weights["rule_light"] < -1.5 and samples_only.parties["actor_coded"] > 1.5
    with_dev = cb.fit_model(rows, model="two-part + samples", l2=0.3)
    assert with_dev.weights != samples_only.weights and with_dev.parties != samples_only.parties
    base = cb.fit_model(rows, model="base rate")
    acts = [s.event_right for s in rows if s.source == "sample" and s.event_right is not None]
    parties = [s.parties_right for s in rows if s.parties_right is not None]
    assert set(base.weights) == set(base.parties) == {"bias"}
    assert base.score(event()) == pytest.approx(sum(acts) / len(acts) * sum(parties) / len(parties), abs=1e-3)
    with pytest.raises(ValueError, match="needs events whose act and whose parties"):
        cb.fit_model(synthetic(n_articles=20), model="samples")


def test_held_out_scores_each_session_with_a_model_that_never_saw_it():
    # session 30's acts are all wrong, the others' all right: the base rate fitted without 30 says "right"
    rows = [cb.Labelled({"bias": 1.0}, int(s != "30"), None, f"{s}-{i}", "sample", None, s)
            for s in ("28", "29", "30") for i in range(10)]
    rows += [cb.Labelled({"bias": 1.0}, None, None, f"p{s}-{i}", "sample", 1, s) for s in ("28", "29", "30")
             for i in range(10)]
    held = cb.held_out(rows, model="base rate", l2=0.0)
    assert held["act_ece"] > 0.3  # in sample it would be 0: each session is scored by the other two
    flat = cb.held_out(rows, fixed=Calibration({"bias": 0.0}, parties={"bias": 0.0}))
    assert flat["held_mean"] == 0.25 and flat["party_brier"] == 0.25


def test_fit_and_compare_with_samples_tables_them_held_out_and_names_them_in_the_header():
    rows = synthetic(n_articles=30) + sampled()
    result = cb.fit_and_compare(rows, model="two-part + samples", l2=1.0, repeats=1,
                                shipped=Calibration({"bias": 0.0}), shipped_in_sample=True, gold_name="dev.jsonl",
                                samples_name="s.tsv")
    names = {r["model"] for r in result.table}
    # weights that learnt from the samples are scored in sample by the held_* columns: the row says so
    assert {"two-part + samples", "samples", "base rate", "shipped weights (in sample)"} <= names
    assert "two-part + judged" not in names  # no judged rows
    assert all(r["held_brier"] is not None for r in result.table)
    assert result.samples == len(rows) - 120 and "and 240 judged events of s.tsv" in result.text
    assert "Held out (one session of s.tsv at a time)" in result.text
    back = parse_calibration(result.text)
    assert back.weights == result.calibration.weights and back.parties == result.calibration.parties
    with pytest.raises(ValueError, match="needs the samples"):
        cb.fit_and_compare(synthetic(n_articles=30), model="samples", repeats=1)


def test_calibrate_refuses_a_sample_model_without_samples_before_coding(tmp_path):
    result = CliRunner().invoke(cli, ["gold", "calibrate", str(tmp_path / "dev.jsonl"), "--corpus",
                                      str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "c.toml"),
                                      "--samples", "", "--model", "samples"])
    assert result.exit_code != 0 and "needs --samples" in (result.output + str(result.exception))
    assert not (tmp_path / "c.toml").exists()


def test_the_shipped_samples_file_reads_and_holds_both_kinds_of_verdict():
    rows = cs.read_sample_verdicts(GOLD / "confidence-judgements.tsv")
    assert {r.session for r in rows} == {"27", "28", "29", "30", "33", "34", "35", "36"}
    assert any(r.act is not None for r in rows) and any(r.parties is not None for r in rows)


def test_the_shipped_weights_are_the_default_model_with_its_held_out_scores():
    text = (Path(cb.__file__).parent.parent / "knowledge" / "data" / "confidence.toml").read_text(encoding="utf-8")
    assert f"model {cb.DEFAULT_MODEL!r}" in text and "Held out (one session of" in text
    assert parse_calibration(text).parties  # a two-part model


def test_the_shipped_weights_say_they_learnt_from_the_samples_file():
    text = (Path(cb.__file__).parent.parent / "knowledge" / "data" / "confidence.toml").read_text(encoding="utf-8")
    assert cb.learnt_from(text, "confidence-judgements.tsv")
    assert not cb.learnt_from(text, "other-verdicts.tsv") and not cb.learnt_from(text, "")


def test_calibrate_refuses_the_test_split_by_path_and_by_its_articles(tmp_path):
    with pytest.raises(InputError, match="this is the test split"):
        cb.calibrate(TEST_SPLIT, tmp_path / "none.jsonl", None)
    # a copy elsewhere, or any file sharing one of its articles, is refused too
    first = next(line for line in TEST_SPLIT.read_text(encoding="utf-8").splitlines() if line.startswith("{"))
    (tmp_path / "mine.jsonl").write_text(first + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="1 of its articles are in the test split"):
        cb.calibrate(tmp_path / "mine.jsonl", tmp_path / "none.jsonl", None)
    cb.refuse_test_split(GOLD / "realnews-dev.jsonl", {"not-a-dev-article"})  # dev passes


def test_verdict_rows_on_test_split_articles_are_dropped_and_counted(tmp_path):
    judgements = tmp_path / "judged.tsv"
    judgements.write_text("article\ttype\ttrigger\tverdict\tcause\tround\n"
                          "t1\tASSAULT\tshelled\tright\t\tE\na1\tASSAULT\tshelled\twrong\t\tE\n", encoding="utf-8")
    samples = write(tmp_path, ("t1", "ASSAULT", "attacked", "*", "*", "right", "-", "-", "K", "28"),
                    ("t1", "ACCUSE", "blamed", "RUS", "UKR", "-", "right", "right", "T6", "30"),
                    ("a2", "ACCUSE", "blamed", "RUS", "UKR", "-", "right", "wrong", "T6", "30"))
    kept_j, kept_s, report = cb.read_verdicts(judgements, samples, {"t1"})
    assert [j.article for j in kept_j] == ["a1"] and [v.article for v in kept_s] == ["a2"]
    assert report == {"test_split_judged_rows": 1, "test_split_sample_rows": 2, "sampled_judged_rows": 0}


def test_judged_rows_on_sampled_articles_are_left_out_of_training(tmp_path):
    # the samples are held-out labels: a judged act on one of their articles would train what a held-out session scores
    judgements = tmp_path / "judged.tsv"
    judgements.write_text("article\ttype\ttrigger\tverdict\tcause\tround\n"
                          "s1\tASSAULT\tshelled\tright\t\tA34\na1\tASSAULT\tshelled\twrong\t\tE\n", encoding="utf-8")
    samples = write(tmp_path, ("s1", "ASSAULT", "shelled", "*", "*", "right", "-", "-", "A34", "34"))
    kept_j, kept_s, report = cb.read_verdicts(judgements, samples, set())
    assert [j.article for j in kept_j] == ["a1"] and [v.article for v in kept_s] == ["s1"]
    assert report["sampled_judged_rows"] == 1


@pytest.mark.parametrize("flags, named", [
    (["--judgements", "", "--samples", "missing.tsv"], "missing.tsv"),
    (["--judgements", "missing.tsv", "--samples", "", "--model", "two-part"], "missing.tsv"),
])
def test_calibrate_reads_the_verdict_files_before_coding(tmp_path, monkeypatch, flags, named):
    # the corpus is missing too: coding first would fail on it instead, after minutes of work on a real one
    monkeypatch.chdir(tmp_path)
    dev = GOLD / "realnews-dev.jsonl"
    result = CliRunner().invoke(cli, ["gold", "calibrate", str(dev), "--corpus", "none.jsonl", "-o", "c.toml",
                                      *flags])
    assert isinstance(result.exception, InputError) and named in str(result.exception)
    assert "cannot read" in str(result.exception) and not (tmp_path / "c.toml").exists()


def test_a_samples_file_that_cannot_be_read_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read the samples file"):
        cs.read_sample_verdicts(tmp_path)  # a folder
