"""The veto: its features, the logistic decision on a fake weights table, the weights file, the training
mechanics (judgements, join, folds, thresholds), the setting, and the shipped model on sentences written here."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest

from redline.errors import KnowledgeError, UsageError
from redline.evaluate.veto_training import (
    Judgement,
    Sample,
    auc,
    choose_threshold,
    fit_toward,
    fit_veto,
    fold_of,
    gold_samples,
    join_judgements,
    read_judgements,
    threshold_table,
    training_rows,
    vector_factors,
    weights_file,
)
from redline.records import Entity, Event, Factuality, Sentence, Span, TextInfo, Token
from redline.settings import load_settings
from redline.stages.coding.confidence import logistic
from redline.stages.coding.vectors import token_vectors
from redline.stages.coding.veto import Veto, features, load_veto, parse_veto, split_vetoed, trigger_head

RUS = Entity("Russia", "RUS", "GOV", reason="knowledge base")
UKR = Entity("Ukraine", "UKR", reason="knowledge base")


def tok(i, text, lemma, pos, tag, dep, head, idx, morph=""):
    return Token(i, text, lemma, pos, tag, dep, head, idx, morph=morph)


# "Will Russia attack Ukraine?" and "Russia attacked Ukraine." parsed by hand (offsets into the sentence).
QUESTION = Sentence(0, 0, 0, 27, "Will Russia attack Ukraine?", (
    tok(0, "Will", "will", "AUX", "MD", "aux", 2, 0), tok(1, "Russia", "Russia", "PROPN", "NNP", "nsubj", 2, 5),
    tok(2, "attack", "attack", "VERB", "VB", "ROOT", 2, 12), tok(3, "Ukraine", "Ukraine", "PROPN", "NNP", "dobj", 2, 19),
    tok(4, "?", "?", "PUNCT", ".", "punct", 2, 26)), (Span(5, 11, "GPE", "Russia"), Span(19, 26, "GPE", "Ukraine")))
PLAIN = Sentence(1, 0, 0, 24, "Russia attacked Ukraine.", (
    tok(0, "Russia", "Russia", "PROPN", "NNP", "nsubj", 1, 0),
    tok(1, "attacked", "attack", "VERB", "VBD", "ROOT", 1, 7, "Tense=Past"),
    tok(2, "Ukraine", "Ukraine", "PROPN", "NNP", "dobj", 1, 16), tok(3, ".", ".", "PUNCT", ".", "punct", 1, 23)))


def event(kind="ASSAULT", *, trigger=(1, 2), factuality=Factuality.ASSERTED, article="a1", text="attacked",
          actor=(RUS,), recipient=(UKR,)) -> Event:
    return Event(f"{article}-{kind}-{text}", article, kind, tuple(actor), tuple(recipient), "190", -10.0, 4, -9.0,
                 factuality, "Russia attacked Ukraine.", TextInfo(1, 0, 24, 7, 15), text,
                 f"svo:verb=attack#{kind}/190", 0.5, trigger=trigger)


def test_features_read_type_rule_trigger_tense_parties_and_shape():
    f = features(event(), PLAIN)
    assert f["type=ASSAULT"] == f["family=svo"] == f["rule=svo:verb=attack"] == 1.0
    assert f["lemma=attack"] == f["type_lemma=ASSAULT|attack"] == f["tag=VBD"] == f["role=root"] == 1.0
    assert f["dobj=ukraine"] == 1.0 and f["kinds=state>country"] == 1.0
    assert "question" not in f and "modal_aux" not in f
    q = features(event(trigger=(2, 3)), QUESTION)
    assert q["question"] == 1.0 and q["modal_aux"] == 1.0 and q["names=le2"] == 1.0 and q["tag=VB"] == 1.0
    none = features(event(actor=(), recipient=()), PLAIN)
    assert none["actor_none"] == none["recipient_none"] == 1.0


# '"If Russia attacks, we would respond."' parsed by hand.
QUOTED_IF = Sentence(2, 0, 0, 40, '"If Russia attacks, we would respond."', (
    tok(0, '"', '"', "PUNCT", "``", "punct", 7, 0), tok(1, "If", "if", "SCONJ", "IN", "mark", 3, 1),
    tok(2, "Russia", "Russia", "PROPN", "NNP", "nsubj", 3, 4), tok(3, "attacks", "attack", "VERB", "VBZ", "advcl", 7, 11),
    tok(4, ",", ",", "PUNCT", ",", "punct", 7, 18), tok(5, "we", "we", "PRON", "PRP", "nsubj", 7, 20),
    tok(6, "would", "would", "AUX", "MD", "aux", 7, 23), tok(7, "respond", "respond", "VERB", "VB", "ROOT", 7, 29),
    tok(8, ".", ".", "PUNCT", ".", "punct", 7, 36), tok(9, '"', '"', "PUNCT", "''", "punct", 7, 37)))
RUS_PEOPLE = Entity("Russians", "RUS", "CVL", reason="knowledge base")


@pytest.mark.parametrize("sentence, trigger, actor, recipient, present, absent", [
    (PLAIN, (1, 2), (RUS,), (UKR,), ["parties=cross_border"], ["parties=same_country", "opens_quote", "condition_word"]),
    (PLAIN, (1, 2), (RUS,), (RUS_PEOPLE,), ["parties=same_country"], ["parties=cross_border"]),
    (PLAIN, (1, 2), (RUS,), (), [], ["parties=same_country", "parties=cross_border"]),
    (QUOTED_IF, (3, 4), (RUS,), (UKR,), ["opens_quote", "condition_word", "parties=cross_border"], []),
])
def test_context_features_read_parties_quotation_and_condition(sentence, trigger, actor, recipient, present, absent):
    f = features(event(trigger=trigger, actor=actor, recipient=recipient), sentence)
    assert [k for k in present if f.get(k) != 1.0] == []
    assert [k for k in absent if k in f] == []


def with_vectors(sentence: Sentence, width: int = 4) -> Sentence:
    """The sentence with token vectors written by hand: token i's vector is (i, i + 1, ..., i + width - 1)."""
    rows = np.array([[i + k for k in range(width)] for i in range(len(sentence.tokens))], dtype=np.float16)
    return dataclasses.replace(sentence, vectors=rows.tobytes())


@pytest.mark.parametrize("sentence, trigger, heads, expected", [
    # trigger "attacked" (token 1), mean over tokens 0-3 = 1.5; the actor head's vector is not a feature
    (with_vectors(PLAIN), (1, 2), (0,), {"vec_trigger_0": 1.0, "vec_trigger_3": 4.0, "vec_sentence_0": 1.5,
                                         "vec_sentence_3": 4.5, "vec_actor_0": None}),
    # the trigger "attack" is token 2 of the question
    (with_vectors(QUESTION), (2, 3), (), {"vec_trigger_0": 2.0, "vec_sentence_1": 3.0, "vec_trigger_4": None}),
    # a hand-built parse without vectors, or vectors of the wrong length, gives none of them
    (PLAIN, (1, 2), (0,), {"vec_trigger_0": None, "vec_sentence_0": None, "vec_actor_0": None}),
    (dataclasses.replace(PLAIN, vectors=b"\x00" * 6), (1, 2), (0,), {"vec_trigger_0": None, "vec_sentence_0": None}),
])
def test_vector_features_read_the_trigger_and_sentence_vectors(sentence, trigger, heads, expected):
    f = features(dataclasses.replace(event(trigger=trigger), actor_heads=heads), sentence)
    got = {k: f.get(k) for k in expected}
    assert got == expected
    assert "type=ASSAULT" in f and "lemma=attack" in f  # the other features are unchanged


def test_token_vectors_read_back_what_the_parse_stage_wrote():
    vectors = token_vectors(with_vectors(PLAIN, width=3))
    assert vectors.shape == (4, 3) and vectors.dtype == np.float32 and vectors[2].tolist() == [2.0, 3.0, 4.0]
    assert token_vectors(PLAIN) is None


def test_trigger_head_is_the_span_token_governed_from_outside():
    assert trigger_head(event(trigger=(1, 3)), PLAIN).text == "attacked"
    assert trigger_head(event(trigger=(0, 0)), PLAIN) is None


def test_veto_decides_by_score_and_threshold_and_only_for_asserted_events():
    model = Veto({"bias": 2.0, "type=AGREE": -4.0, "lemma=attack": 0.5}, threshold=0.5)
    assault, agree = event(), event("AGREE")
    assert model.score(assault, PLAIN) > 0.9 and model.score(agree, PLAIN) < 0.5
    kept, vetoed = split_vetoed([assault, agree], PLAIN, model)
    assert kept == [assault] and vetoed == [agree]
    assert not model.vetoes(dataclasses.replace(agree, factuality=Factuality.FUTURE), PLAIN)
    assert model.strongest(agree, PLAIN) == [("type=AGREE", -4.0)]
    reason = model.reason(agree, PLAIN)
    assert "AGREE vetoed: p(right)=0.1" in reason and "< 0.50" in reason and "type=AGREE -4.00" in reason


def test_veto_without_weights_vetoes_nothing():
    assert Veto({}).score(event(), PLAIN) == 1.0
    assert split_vetoed([event("AGREE")], PLAIN, Veto({}, threshold=0.9)) == ([event("AGREE")], [])


def test_parse_veto_reads_threshold_and_weights_and_names_bad_files():
    model = parse_veto('threshold = 0.4\n[weights]\nbias = 1.5\n"type=AGREE" = -2\n')
    assert model.threshold == 0.4 and model.weights == {"bias": 1.5, "type=AGREE": -2.0}
    with pytest.raises(KnowledgeError, match="threshold"):
        parse_veto("threshold = 2\n[weights]\nbias = 1\n")
    with pytest.raises(KnowledgeError, match="weights"):
        parse_veto("threshold = 0.3\n[weights]\nbias = 'x'\n")
    with pytest.raises(KnowledgeError, match="veto.toml"):
        parse_veto("[weights\n")


def test_weights_file_round_trips_through_the_parser():
    text = weights_file({"bias": 1.25, "type_lemma=ASSAULT|attack": 0.5}, 0.45, counts={"judged": 10, "dev": 5},
                        l2=2.0, max_loss=0.06)
    model = parse_veto(text)
    assert model.threshold == 0.45 and model.weights["type_lemma=ASSAULT|attack"] == 0.5


def test_veto_setting_reads_yes_and_no_from_the_environment():
    assert load_settings(environ={})["veto"] is True
    assert load_settings(environ={"REDLINE_VETO": "0"})["veto"] is False
    assert load_settings(environ={"REDLINE_VETO": "on"})["veto"] is True
    with pytest.raises(UsageError, match="REDLINE_VETO"):
        load_settings(environ={"REDLINE_VETO": "maybe"})


def test_read_judgements_lets_a_later_round_replace_an_earlier_verdict(tmp_path):
    path = tmp_path / "j.tsv"
    path.write_text("# ours\narticle\ttype\ttrigger\tverdict\tcause\tround\n"
                    "a1\tASSAULT\tattacked\twrong\tno event\tI\n"
                    "a1\tAGREE\tagreed\tright\t\tI\n"
                    "a1\tASSAULT\tattacked\tright\t\tI2\n", encoding="utf-8")
    rows = read_judgements(path)
    assert {(j.type, j.right) for j in rows} == {("ASSAULT", True), ("AGREE", True)}
    path.write_text("article\ttype\ttrigger\tverdict\n", encoding="utf-8")
    with pytest.raises(Exception, match="header"):
        read_judgements(path)


def test_join_labels_today_events_and_leaves_out_disagreeing_keys():
    judgements = [Judgement("a1", "ASSAULT", "attacked", False), Judgement("a1", "AGREE", "agreed", True),
                  Judgement("a1", "AGREE", "agreed", False), Judgement("a2", "ASSAULT", "attacked", True)]
    events = [(event(), PLAIN), (event("AGREE", text="agreed"), PLAIN), (event(article="a3"), PLAIN),
              (event(article="a2", factuality=Factuality.FUTURE), PLAIN)]
    samples, report = join_judgements(judgements, events)
    assert [(s.event.event, s.right) for s in samples] == [("ASSAULT", 0)]
    assert report["ambiguous_keys"] == 1 and report["joined_events"] == 1 and report["asserted_events_today"] == 3


def test_folds_keep_an_article_whole():
    assert fold_of("allsides-x", 5) == fold_of("allsides-x", 5)
    assert {fold_of(f"a{i}", 5) for i in range(50)} == set(range(5))


def test_threshold_table_and_choice():
    labels, scores = [1, 1, 1, 1, 0, 0], [0.9, 0.8, 0.7, 0.35, 0.3, 0.6]
    table = {r["threshold"]: r for r in threshold_table(labels, scores, (0.4, 0.65))}
    assert table[0.0]["precision"] == round(4 / 6, 4)
    assert table[0.4] == {"threshold": 0.4, "kept": 4, "precision": 0.75, "right_lost": 0.25, "wrong_removed": 0.5}
    assert table[0.65]["precision"] == 1.0 and table[0.65]["wrong_removed"] == 1.0
    assert choose_threshold(list(table.values()), max_loss=0.3) == 0.65
    assert choose_threshold(list(table.values()), max_loss=0.1) == 0.0


def test_auc_counts_right_over_wrong_pairs_and_ties_half():
    assert auc([1, 1, 0, 0], [0.9, 0.8, 0.3, 0.1]) == 1.0
    assert auc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]) == 0.0
    assert auc([1, 0, 1, 0], [0.5, 0.5, 0.7, 0.2]) == 0.875  # pairs: (0.5>0.2) 1, (0.5=0.5) 0.5, 1, 1 -> 3.5 / 4
    assert auc([1, 1], [0.3, 0.4]) is None


def test_fit_veto_learns_which_type_is_wrong_and_drops_rare_features():
    rng = random.Random(7)
    samples = []
    for i in range(120):
        kind = rng.choice(["ASSAULT", "AGREE"])
        right = int(rng.random() < (0.9 if kind == "ASSAULT" else 0.2))
        samples.append(Sample(event(kind, article=f"a{i}"), PLAIN, right, "judged"))
    samples.append(Sample(event("REQUEST", article="rare"), PLAIN, 0, "judged"))
    weights = fit_veto(samples, l2=1.0, min_count=3)
    assert weights["type=ASSAULT"] > weights["type=AGREE"]
    assert "type=REQUEST" not in weights


def test_fit_veto_learns_from_the_trigger_vector_when_the_sentences_carry_vectors():
    """Events alike in every 0/1 feature, right when their trigger's vector points one way: only the vector
    weights can tell them apart, and they do (the round's question was whether real vectors carry such a sign)."""
    rng = random.Random(11)
    samples = []
    for i in range(80):
        right = i % 2
        rows = np.array([[rng.gauss(0, 1) for _ in range(4)] for _ in PLAIN.tokens], dtype=np.float16)
        rows[1, 0] = 2.0 if right else -2.0  # the trigger "attacked" is token 1
        sent = dataclasses.replace(PLAIN, vectors=rows.tobytes())
        samples.append(Sample(event(article=f"v{i}"), sent, right, "judged"))
    weights = fit_veto(samples, l2=1.0)
    noise = max(abs(weights.get(f"vec_trigger_{k}", 0.0)) for k in (1, 2, 3))
    assert weights["vec_trigger_0"] > 3 * noise  # in the raw vectors' units: the training's rescaling folded back
    model = Veto(weights, 0.5)
    assert sum(model.score(s.event, s.sentence) >= 0.5 for s in samples if s.right) >= 35
    assert sum(model.score(s.event, s.sentence) < 0.5 for s in samples if not s.right) >= 35


def test_vector_factors_give_each_vector_feature_one_spread():
    rows = [({"bias": 1.0, "vec_trigger_0": v, "vec_sentence_0": 5.0, "lemma=attack": 1.0}, 1) for v in (1, 3)]
    factors = vector_factors(rows, spread=0.1)
    assert factors == {"vec_trigger_0": 0.1, "vec_sentence_0": 0.0}  # sd 1 -> 0.1; a constant gets no weight


def test_training_rows_leave_out_dropped_features_and_repeat_weighted_sources():
    samples = [Sample(event(), PLAIN, 1, "judged"), Sample(event("AGREE", article="d1"), PLAIN, 0, "dev"),
               Sample(event(article="g1"), PLAIN, 1, "gold")]
    rows = training_rows(samples, drop=("lemma=", "type_lemma="), weight={"dev": 3, "gold": 0})
    assert [y for _, y in rows] == [1, 0, 0, 0]  # dev three times, gold left out
    assert all("bias" in f and "type=ASSAULT" in rows[0][0] for f, _ in rows)
    assert not [k for f, _ in rows for k in f if k.startswith(("lemma=", "type_lemma="))]
    assert "lemma_role=attack|root" in rows[0][0]  # only names starting with a dropped prefix go
    assert len(training_rows(samples)) == 3


def test_fit_toward_a_prior_keeps_weights_the_labels_do_not_contradict():
    rng = random.Random(3)
    rows = [({"bias": 1.0, "type=ASSAULT": 1.0}, int(rng.random() < 0.9)) for _ in range(40)]
    rows += [({"bias": 1.0, "type=AGREE": 1.0}, int(rng.random() < 0.3)) for _ in range(40)]
    free = fit_toward(rows, {}, l2=5.0)
    pulled = fit_toward(rows, {"type=AGREE": 3.0}, l2=5.0)
    assert free["type=AGREE"] < 0 < pulled["type=AGREE"]  # the prior holds against weak evidence
    weak = fit_toward(rows, {"type=AGREE": 3.0}, l2=0.01)  # a weak pull: the labels decide (9 of 40 right)
    assert abs(logistic(weak, {"bias": 1.0, "type=AGREE": 1.0}) - sum(y for _, y in rows[40:]) / 40) < 0.02
    samples = [Sample(event(), PLAIN, 1, "judged"), Sample(event(article="b"), PLAIN, 1, "judged"),
               Sample(event(article="c"), PLAIN, 0, "judged"), Sample(event(article="d"), PLAIN, 1, "judged")]
    prior = {"tag=VBD": -2.0}
    assert fit_veto(samples, l2=50.0, prior=prior)["tag=VBD"] < -1.5 < fit_veto(samples, l2=50.0).get("tag=VBD", 0.0)


def test_weights_file_names_the_sources_and_training_options():
    text = weights_file({"bias": 1.0}, 0.35, counts={"judged": 10, "dev": 5, "gold": 3}, l2=2.0, max_loss=0.06,
                        drop=("governor=",), weight={"dev": 2})
    assert "10 judged, 5 dev, 3 gold events" in text and "features left out: governor=" in text
    assert "source weights: dev=2" in text and "token vectors" not in text
    assert parse_veto(text).threshold == 0.35
    with_vectors_text = weights_file({"bias": 1.0}, 0.35, counts={"judged": 10}, l2=2.0, max_loss=0.06, vectors=True)
    assert "with the parser's token vectors (run it with the setting token_vectors on)" in with_vectors_text


def test_gold_samples_label_our_gold_sentences_by_their_asserted_types(tmp_path, pipeline):
    text = "Russian troops shelled the Ukrainian city of Kharkiv on Monday."
    gold = tmp_path / "mini.jsonl"
    gold.write_text(
        f'{{"id": "t-1", "text": "{text}", "published": "2024-03-04", "events": [{{"event": "ASSAULT", '
        '"actor": [{"text": "Russian troops", "code": "RUS"}], "recipient": [], "factuality": "asserted"}]}\n'
        f'{{"id": "t-2", "text": "{text}", "published": "2024-03-04", "events": []}}\n', encoding="utf-8")
    samples = gold_samples(gold, pipeline=pipeline)
    assert {s.source for s in samples} == {"gold"} and {s.group for s in samples} == {"t-1", "t-2"}
    assert [s.right for s in samples if s.group == "t-2"] == [0] * sum(s.group == "t-2" for s in samples)
    assert any(s.right for s in samples if s.group == "t-1")
    assert all(s.right == (s.event.event == "ASSAULT") for s in samples if s.group == "t-1")


def test_shipped_weights_use_no_token_vectors():
    """The shipped veto scores without the parser's vectors, so the setting token_vectors can stay off."""
    assert not [k for k in load_veto().weights if k.startswith(("vec_trigger", "vec_sentence"))]


@pytest.mark.parametrize("token_vectors, warned", [(False, 1), (True, 0)])
def test_a_veto_with_vector_weights_warns_once_when_the_setting_is_off(monkeypatch, caplog, token_vectors, warned):
    import redline.stages.coding as coding
    from redline.pipeline import Context

    monkeypatch.setattr(coding, "load_veto", lambda: Veto({"bias": 1.0, "vec_trigger_0": 0.5}, 0.3))
    ctx = Context(settings={"token_vectors": token_vectors})
    with caplog.at_level("WARNING", logger="redline.stages.coding"):
        for _ in range(3):
            coding.load_veto_model(ctx)
    assert sum("token_vectors is off" in r.getMessage() for r in caplog.records) == warned


def test_shipped_weights_load_with_a_threshold():
    model = load_veto()
    assert model.weights and 0.0 < model.threshold < 1.0
    assert "bias" in model.weights


@pytest.mark.parametrize("sentence", [
    "The government cracks down on dissent whenever it feels threatened.",  # habitual, no occasion: no event
])
def test_shipped_veto_drops_a_clear_non_act_and_no_veto_keeps_it(sentence):
    from redline.explain import explain_text
    from redline.pipeline import Context

    with_veto = explain_text(sentence, ctx=Context())
    (s,) = with_veto["sentences"]
    assert not s["events"] and s["vetoed"], s
    assert s["vetoed"][0]["veto_score"] < s["vetoed"][0]["veto_threshold"]
    assert any("vetoed: p(right)=" in r for r in s["skipped"])
    without = explain_text(sentence, ctx=Context(settings={"veto": False}))
    (t,) = without["sentences"]
    assert [e["event"] for e in t["events"]] == [e["event"] for e in s["vetoed"]] and not t["vetoed"]


def test_shipped_veto_keeps_a_clear_act():
    from redline.explain import explain_text
    from redline.pipeline import Context

    (s,) = explain_text("Russian troops shelled the Ukrainian city of Kharkiv on Monday.", ctx=Context())["sentences"]
    assert [e["event"][0] for e in s["events"]] == ["ASSAULT"] and not s["vetoed"]


def test_load_veto_model_follows_the_settings():
    from types import SimpleNamespace

    from redline.stages.coding import load_veto_model

    assert load_veto_model(SimpleNamespace(settings={"veto": False})).weights == {}
    assert load_veto_model(SimpleNamespace(settings={"veto": True, "veto_threshold": 0.9})).threshold == 0.9
    assert load_veto_model(SimpleNamespace(settings={"veto": True, "veto_threshold": None})) == load_veto()


def test_explain_command_shows_the_vetoed_event_and_no_veto_keeps_it():
    from click.testing import CliRunner

    from redline.cli import cli

    sentence = "The government cracks down on dissent whenever it feels threatened."
    vetoed = CliRunner().invoke(cli, ["explain", sentence, "--no-parse"])
    assert vetoed.exit_code == 0, vetoed.output
    assert "vetoed: COERCE 'cracks'" in vetoed.output and "strongest against:" in vetoed.output
    kept = CliRunner().invoke(cli, ["explain", sentence, "--no-parse", "--no-veto"])
    assert kept.exit_code == 0, kept.output
    assert "vetoed:" not in kept.output and "COERCE" in kept.output


@pytest.mark.slow
def test_shipped_veto_keeps_every_event_of_the_reference_article(reference_text, pipeline):
    """The reference article's events are tested with the veto off (tests/test_coding.py); as shipped, with the veto
    on, it must drop none of them."""
    from redline import api
    from redline.pipeline import Context, Pipeline

    shipped = Pipeline(Context())
    assert shipped.ctx.settings.get("veto", True) and load_veto().weights
    without = api.extract_document(reference_text, pipeline=pipeline)
    with_veto = api.extract_document(reference_text, pipeline=shipped)
    key = [(e.event, e.text) for e in without.events]
    assert len(key) >= 10
    assert [(e.event, e.text) for e in with_veto.events] == key


def test_veto_train_command_refuses_a_bad_source_weight_before_coding(tmp_path):
    from click.testing import CliRunner

    from redline.cli import cli

    result = CliRunner().invoke(cli, ["gold", "veto-train", "--corpus", str(tmp_path / "none.jsonl"),
                                      "--weight", "test=2", "-o", str(tmp_path / "veto.toml")])
    assert result.exit_code != 0 and "--weight test=2" in (result.output + str(result.exception))
    assert not (tmp_path / "veto.toml").exists()


def test_fit_veto_counts_rare_features_in_distinct_events_not_repeated_rows():
    samples = [Sample(event(article=f"j{i}"), PLAIN, i % 2, "judged") for i in range(10)]
    samples.append(Sample(event("REQUEST", article="d1"), PLAIN, 0, "dev"))  # one dev event, repeated 3 times
    weighted = fit_veto(samples, l2=1.0, min_count=3, weight={"dev": 3})
    assert "type=REQUEST" not in weighted and "type_family=REQUEST|svo" not in weighted
    assert "type=REQUEST" in fit_veto(samples * 3, l2=1.0, min_count=3)  # three labelled events count
