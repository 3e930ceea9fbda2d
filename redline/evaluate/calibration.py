"""Confidence against gold: labelled events, the confidence model's fitting and cross-validation, PR curve.

`labelled(pairs)` turns scored (gold, prediction) pairs into (event, right) samples, from which `redline eval
--format realnews` reports the calibration error of the shipped model and the precision-recall curve over
confidence thresholds (drawn as an SVG). `redline gold calibrate` fits the models of
stages/coding/confidence.py on `Labelled` events (the dev split's, whose whole triple gold judges; our
judgements of fresh articles, which judge only the act; the judged samples of sessions 27-35, which judge the act
or the parties, evaluate/confidence_samples.py) and prints the table that justifies the choice: out of fold on
dev, and on held-out sessions of the samples (which the choice follows: dev is what the rules were tuned on).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..records import Event
from ..stages.coding.confidence import (
    Calibration,
    brier_score,
    expected_calibration_error,
    features,
    fit,
    logistic,
)
from .gold import GoldRecord
from .metrics import Prediction, event_triples
from .veto_training import fold_of, join_judgements, judged_events, read_judgements

# single: one model of the whole triple on dev; two-part: P(event right) x P(parties right | event right), both
# on dev; two-part + judged: the event part also learns from our judgements (veto-judgements.tsv); two-part +
# samples: both parts also learn from the judged samples of sessions 27-35 (confidence-judgements.tsv: acts and
# parties); samples: both parts from the samples alone; base rate: the samples' act rate x party rate, a constant.
# The dev split is what twelve rounds of rules were tuned on, so models are chosen by their scores on held-out
# sessions of the samples (docs/coding.md, "Thirteenth round, confidence").
MODELS = ("single", "two-part", "two-part + judged", "two-part + samples", "samples", "base rate")
SAMPLE_MODELS = ("two-part + samples", "samples", "base rate")
# Which labelled rows train each part of each two-part model (sources of Labelled).
EVENT_SOURCES = {"two-part": {"dev"}, "two-part + judged": {"dev", "judged"},
                 "two-part + samples": {"dev", "sample"}, "samples": {"sample"}, "base rate": {"sample"}}
PARTY_SOURCES = {"two-part": {"dev"}, "two-part + judged": {"dev"}, "two-part + samples": {"dev", "sample"},
                 "samples": {"sample"}, "base rate": {"sample"}}
# Shipped since 7 Dec 2026 (thirteenth round): the lowest Brier score on held-out sessions of the samples.
DEFAULT_MODEL = "two-part + samples"
L2S = (0.3, 1.0, 3.0)


def labelled(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> list[tuple[Event, int]]:
    """Each predicted asserted event with 1 when every triple it codes is a gold triple of its sentence."""
    out = []
    for gold, pred in pairs:
        truth = event_triples(gold.asserted)
        for p in pred.asserted:
            if p.source is not None:
                out.append((p.source, int(event_triples([p]) <= truth)))
    return out


def calibration_report(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> dict:
    """Expected calibration error and Brier score of the events' confidence, the share of right triples, counts."""
    samples = labelled(pairs)
    scored = [(e.confidence, y) for e, y in samples]
    return {"expected_calibration_error": expected_calibration_error(scored), "brier": brier_score(scored),
            "events": len(samples), "right": sum(y for _, y in samples)}


@dataclass(frozen=True, slots=True)
class Labelled:
    """One coded event as the trainer sees it: its features, whether its act (type) is right, whether its whole
    triple is right (None where only the act or only the parties were judged), its article (a fold keeps an
    article whole), source ("dev", "judged" or "sample"); for the samples' events whether both parties are right
    (None where not judged) and the session that judged it (held out together)."""

    features: Mapping[str, float]
    event_right: int | None
    triple_right: int | None
    group: str
    source: str = "dev"
    parties_right: int | None = None
    session: str = ""

    @property
    def parties_label(self) -> int | None:
        """What P(parties right | event right) learns from this row: a dev triple whose act is right, or a
        sample's party verdict."""
        if self.source == "dev":
            return self.triple_right if self.event_right else None
        return self.parties_right


def dev_labelled(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> list[Labelled]:
    """The asserted events of a gold split: the act is right when its sentence has an asserted gold event of its
    type, the triple when every triple it codes is gold's."""
    out = []
    for gold, pred in pairs:
        truth = event_triples(gold.asserted)
        types = {g.event for g in gold.asserted}
        for p in pred.asserted:
            if p.source is not None:
                out.append(Labelled(features(p.source), int(p.event in types), int(event_triples([p]) <= truth),
                                    p.source.article_id))
    return out


def judged_labelled(events: Sequence[tuple[Event, int]]) -> list[Labelled]:
    """Events whose act we judged on fresh articles (redline/gold/veto-judgements.tsv): (event, right)."""
    return [Labelled(features(ev), int(right), None, ev.article_id, "judged") for ev, right in events]


def samples_labelled(joined: Sequence) -> list[Labelled]:
    """The samples' events joined to their verdicts (confidence_samples.Joined) as labelled rows."""
    return [Labelled(features(j.event), j.act, None, j.event.article_id, "sample", j.parties, j.session)
            for j in joined]


def fit_model(samples: Sequence[Labelled], *, model: str = DEFAULT_MODEL, l2: float = 1.0) -> Calibration:
    """Fit one of MODELS on labelled events (each part learns from the sources EVENT_SOURCES / PARTY_SOURCES
    name; "base rate" fits the bias alone)."""
    if model not in MODELS:
        raise ValueError(f"unknown confidence model {model!r}; choose one of {', '.join(MODELS)}")
    if model == "single":
        dev = [s for s in samples if s.triple_right is not None]
        return Calibration(fit([(dict(s.features), s.triple_right) for s in dev], l2=l2))

    def inputs(s: Labelled) -> dict[str, float]:
        return {"bias": 1.0} if model == "base rate" else dict(s.features)

    acts = [(inputs(s), s.event_right) for s in samples
            if s.source in EVENT_SOURCES[model] and s.event_right is not None]
    parties = [(inputs(s), s.parties_label) for s in samples
               if s.source in PARTY_SOURCES[model] and s.parties_label is not None]
    if not acts or not parties:
        raise ValueError(f"model {model!r} needs events whose act and whose parties were judged")
    return Calibration(fit(acts, l2=l2), parties=fit(parties, l2=l2))


def out_of_fold(samples: Sequence[Labelled], *, model: str = DEFAULT_MODEL, l2: float = 1.0, folds: int = 5,
                repeat: int = 0) -> list[tuple[float, int]]:
    """(confidence, triple right) for every dev event, each scored by a model fitted without its article's
    fold; the rows that judge no dev triple (judged acts, the samples' verdicts) train every fold."""
    dev = [s for s in samples if s.triple_right is not None]
    extra = [s for s in samples if s.triple_right is None]
    pairs = []
    for k in range(folds):
        held = [s for s in dev if fold_of(s.group, folds, repeat) == k]
        if not held:
            continue
        cal = fit_model([s for s in dev if fold_of(s.group, folds, repeat) != k] + extra, model=model, l2=l2)
        pairs += [(cal.probability(s.features), int(s.triple_right or 0)) for s in held]
    return pairs


def held_out(samples: Sequence[Labelled], *, model: str = DEFAULT_MODEL, l2: float = 1.0,
             fixed: Calibration | None = None) -> dict:
    """Leave one session of the samples out: each session's sample events are scored by the model fitted on
    everything else (rows of that session's articles left out whatever their source; `fixed`: score these
    weights instead of fitting). The triple's ECE and Brier estimated from act-only and party-only verdicts
    (confidence_samples.factorised_scores), and each part's own ECE and Brier on its verdicts (two-part only)."""
    from .confidence_samples import factorised_scores

    held = [s for s in samples if s.source == "sample"]
    rows: list[tuple[float, int | None, int | None]] = []
    acts: list[tuple[float, int]] = []
    parties: list[tuple[float, int]] = []
    for session in sorted({s.session for s in held}):
        mine = [s for s in held if s.session == session]
        articles = {s.group for s in mine}
        cal = fixed or fit_model([s for s in samples if s.group not in articles and
                                  not (s.source == "sample" and s.session == session)], model=model, l2=l2)
        for s in mine:
            rows.append((cal.probability(s.features), s.event_right, s.parties_right))
            if cal.parties and s.event_right is not None:
                acts.append((logistic(cal.weights, s.features), s.event_right))
            if cal.parties and s.parties_right is not None:
                parties.append((logistic(cal.parties, s.features), s.parties_right))
    scores = factorised_scores(rows)
    return {"held_ece": scores["ece"], "held_brier": scores["brier"], "held_mean": scores.get("mean_probability"),
            "act_ece": expected_calibration_error(acts), "act_brier": brier_score(acts),
            "party_ece": expected_calibration_error(parties), "party_brier": brier_score(parties)}


HELD_COLUMNS = ("held_ece", "held_brier", "held_mean", "act_ece", "act_brier", "party_ece", "party_brier")


def cross_validate(samples: Sequence[Labelled], *, models: Sequence[str] = MODELS, l2s: Sequence[float] = L2S,
                   folds: int = 5, repeats: int = 5) -> list[dict]:
    """Per model and L2: the out-of-fold ECE and Brier score on the dev events' triples, each the mean over
    `repeats` assignments of articles to folds (with 60-odd articles one assignment moves ECE by a few points),
    and, when the samples' events are among `samples`, the scores on held-out sessions (`held_out`)."""
    rows = []
    with_samples = any(s.source == "sample" for s in samples)
    for model in models:
        for l2 in ((0.0,) if model == "base rate" else l2s):
            runs = [out_of_fold(samples, model=model, l2=l2, folds=folds, repeat=r) for r in range(repeats)]
            eces = [expected_calibration_error(p) or 0.0 for p in runs]
            briers = [brier_score(p) or 0.0 for p in runs]
            row = {"model": model, "l2": l2, "ece": round(statistics.mean(eces), 4),
                   "ece_sd": round(statistics.pstdev(eces), 4), "brier": round(statistics.mean(briers), 4),
                   "brier_sd": round(statistics.pstdev(briers), 4)}
            if with_samples:
                row |= held_out(samples, model=model, l2=l2)
            rows.append(row)
    return rows


def in_sample(samples: Sequence[Labelled], cal: Calibration, name: str) -> dict:
    """A row like cross_validate's for a fixed model scored on the dev events and, when there are samples'
    events, on them (held_*): each score is in sample when the model learnt from those rows, as the shipped
    weights learn from dev and, since the thirteenth round, from the samples (`name` should say so)."""
    pairs = [(cal.probability(s.features), int(s.triple_right or 0)) for s in samples if s.triple_right is not None]
    row = {"model": name, "l2": "", "ece": expected_calibration_error(pairs), "ece_sd": "",
           "brier": brier_score(pairs), "brier_sd": ""}
    if any(s.source == "sample" for s in samples):
        row |= held_out(samples, fixed=cal)
    return row


def weights_text(cal: Calibration, *, header: Sequence[str]) -> str:
    """The text of knowledge/data/confidence.toml: comment lines, the prior, [weights] and [parties]."""
    lines = [f"# {h}" for h in header] + [f"prior = {cal.prior}", "",
                                            "# P(event right)" if cal.parties else "# P(triple right)", "[weights]"]
    lines += [f"{k} = {v}" for k, v in sorted(cal.weights.items())]
    if cal.parties:
        lines += ["", "# P(parties right | event right)", "[parties]"]
        lines += [f"{k} = {v}" for k, v in sorted(cal.parties.items())]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Calibrated:
    """What `calibrate` measured and fitted: the cross-validated table, the model, the weights file's text."""

    table: list[dict]
    calibration: Calibration
    text: str
    events: int
    judged: int
    samples: int = 0
    join: Mapping[str, int] = field(default_factory=dict)


def fit_and_compare(samples: Sequence[Labelled], *, model: str = DEFAULT_MODEL, l2: float = 1.0, repeats: int = 10,
                    shipped: Calibration | None = None, shipped_in_sample: bool = False, gold_name: str = "dev",
                    judged_name: str = "judgements", samples_name: str = "samples") -> Calibrated:
    """Cross-validate every model that the rows allow (the shipped one scored as it is, for comparison; its row
    is named "shipped weights (in sample)" when shipped_in_sample: it learnt from the samples its held_* columns
    score), fit `model` on all the rows and write its file's text; gold_name / judged_name / samples_name: the
    files named in its header."""
    dev = [s for s in samples if s.triple_right is not None]
    judged = [s for s in samples if s.source == "judged"]
    sampled = [s for s in samples if s.source == "sample"]
    if len(dev) < 20:
        raise ValueError(f"only {len(dev)} coded events to learn from; need at least 20")
    if model.endswith("judged") and not judged:
        raise ValueError(f"model {model!r} needs judged events")
    if model in SAMPLE_MODELS and not sampled:
        raise ValueError(f"model {model!r} needs the samples' events (--samples)")
    models = [m for m in MODELS if (judged or not m.endswith("judged")) and (sampled or m not in SAMPLE_MODELS)]
    name = "shipped weights (in sample)" if shipped_in_sample else "shipped weights"
    table = [in_sample(samples, shipped, name)] if shipped is not None else []
    table += cross_validate(samples, models=models, l2s=sorted({*L2S, l2}), repeats=repeats)
    l2 = 0.0 if model == "base rate" else l2
    cal = fit_model(samples, model=model, l2=l2)
    used = [f"{len(dev)} coded events of {gold_name}"] if model not in ("samples", "base rate") else []
    if model.endswith("judged"):
        used.append(f"{len(judged)} judged events of {judged_name}")
    if model in SAMPLE_MODELS:
        used.append(f"{len(sampled)} judged events of {samples_name}")
    mine = [r for r in table if r["model"] == model and r["l2"] == l2][0]
    header = ["Confidence model of redline (stages/coding/confidence.py): logistic weights over its features,",
              f"written by `redline gold calibrate` on {dt.date.today().isoformat()}: model {model!r}, L2 = {l2},",
              f"fitted on {' and '.join(used)}.",
              f"Out of fold (article-grouped, dev only, {repeats} repeats): ECE {mine['ece']}, Brier {mine['brier']}."]
    if "held_ece" in mine:
        header.append(f"Held out (one session of {samples_name} at a time): ECE {mine['held_ece']}, "
                      f"Brier {mine['held_brier']} (estimated from act-only and party-only verdicts).")
    return Calibrated(table, cal, weights_text(cal, header=header), len(dev), len(judged), len(sampled))


def learnt_from(weights_text: str, name: str) -> bool:
    """Whether a weights file's header (as weights_text writes it) says it was fitted on events of file `name`."""
    header = " ".join(line[1:].strip() for line in weights_text.splitlines() if line.startswith("#"))
    return bool(name) and f"events of {name}" in header


# The packaged test split: calibrate never fits on its articles.
TEST_SPLIT = Path(__file__).parent.parent / "gold" / "realnews-test.jsonl"


def refuse_test_split(gold_path: str | Path, test_articles: set[str], *, test_path: str | Path = TEST_SPLIT) -> None:
    """Raise InputError when the gold file is the test split, by path or by any of its articles."""
    from .realnews import read_realnews_file

    if Path(gold_path).resolve() == Path(test_path).resolve():
        raise InputError(f"{gold_path}: this is the test split; calibrate never fits on it (give the dev split, "
                         "and measure the test split with redline eval --json)")
    shared = {r.span.article for r in read_realnews_file(gold_path)} & test_articles
    if shared:
        raise InputError(f"{gold_path}: {len(shared)} of its articles are in the test split ({Path(test_path).name}, "
                         f"e.g. {min(shared)}); calibrate never fits on them (give the dev split)")


def read_verdicts(judgements_path: str | Path | None, samples_path: str | Path | None,
                  test_articles: set[str]) -> tuple[list, list, dict[str, int]]:
    """The judged acts and the samples' verdicts (read before any coding, so a bad file fails at once), rows on
    test-split articles dropped, and judged acts on articles the samples judge dropped too (the samples are the
    held-out labels: the same verdict in the judgements would train the model a held-out session scores):
    (judgements, sample verdicts, how many rows were dropped for each reason)."""
    from .confidence_samples import read_sample_verdicts

    try:
        judgements = read_judgements(judgements_path) if judgements_path else []
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{judgements_path}: cannot read the judgements file: {exc}") from exc
    rows = read_sample_verdicts(samples_path) if samples_path else []
    kept_j = [j for j in judgements if j.article not in test_articles]
    kept_s = [v for v in rows if v.article not in test_articles]
    sampled = {v.article for v in kept_s}
    unsampled_j = [j for j in kept_j if j.article not in sampled]
    return unsampled_j, kept_s, {"test_split_judged_rows": len(judgements) - len(kept_j),
                                 "test_split_sample_rows": len(rows) - len(kept_s),
                                 "sampled_judged_rows": len(kept_j) - len(unsampled_j)}


def calibrate(gold_path: str | Path, corpus_path: str | Path, judgements_path: str | Path | None, *,
              samples_path: str | Path | None = None, model: str = DEFAULT_MODEL, l2: float = 1.0,
              repeats: int = 10, test_path: str | Path = TEST_SPLIT) -> Calibrated:
    """Code the gold split (and the judged articles, and the samples' articles) with the shipped pipeline, veto
    on (it decides which events get a confidence), then `fit_and_compare`. Judged or sampled articles that are
    also in the gold split are left out. Never fits on the test split (test_path): a gold file that is it or
    shares an article with it is refused, verdict rows on its articles are dropped (counted in `join`)."""
    from ..pipeline import Pipeline
    from ..stages.coding.confidence import load_calibration
    from .confidence_samples import join_sample_verdicts, sample_events
    from .realnews import code_realnews, read_realnews_file
    from .runner import scored_pairs

    test_articles = {r.span.article for r in read_realnews_file(test_path)}
    refuse_test_split(gold_path, test_articles, test_path=test_path)
    verdicts, rows, report = read_verdicts(judgements_path, samples_path, test_articles)
    pipeline = Pipeline()
    run = code_realnews(gold_path, corpus_path, pipeline=pipeline)
    samples = dev_labelled(scored_pairs(run.records, run.predictions))
    in_gold = {s.group for s in samples}
    if judgements_path:
        joined, _ = join_judgements(verdicts, judged_events(verdicts, corpus_path, pipeline=pipeline))
        samples += judged_labelled([(j.event, j.right) for j in joined if j.group not in in_gold])
    if samples_path:
        rows = [v for v in rows if v.article not in in_gold]
        found, joined_report = join_sample_verdicts(rows, sample_events(rows, corpus_path, pipeline=pipeline))
        report |= joined_report
        samples += samples_labelled(found)
    shipped_file = resources.files("redline.knowledge").joinpath("data/confidence.toml")
    shipped_text = shipped_file.read_text(encoding="utf-8") if shipped_file.is_file() else ""
    result = fit_and_compare(samples, model=model, l2=l2, repeats=repeats, shipped=load_calibration(),
                             shipped_in_sample=bool(samples_path) and learnt_from(shipped_text,
                                                                                   Path(samples_path).name),
                             gold_name=Path(gold_path).name, judged_name=Path(judgements_path or "").name,
                             samples_name=Path(samples_path or "").name)
    return dataclasses.replace(result, join=report)


def pr_curve(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> list[dict]:
    """Triple precision and recall when only events at or above each confidence threshold are kept."""
    samples = labelled(pairs)
    gold_triples = sum(len(event_triples(g.asserted)) for g, _ in pairs)
    points = []
    for t in sorted({round(e.confidence, 2) for e, _ in samples} | {0.0}):
        kept = [(e, y) for e, y in samples if e.confidence >= t]
        right = sum(y for _, y in kept)
        precision = right / len(kept) if kept else None
        recall = right / gold_triples if gold_triples else None
        points.append({"threshold": t, "events": len(kept), "precision": precision and round(precision, 4),
                       "recall": recall and round(recall, 4)})
    return points


def svg_curve(points: Sequence[dict], *, title: str) -> str:
    """A small standalone SVG of precision (y) against recall (x), thresholds labelled."""
    w, h, m = 480, 360, 50
    pts = [p for p in points if p["precision"] is not None and p["recall"] is not None]
    max_r = max([p["recall"] for p in pts] + [0.05])

    def xy(p):
        return m + (w - 2 * m) * p["recall"] / max_r, h - m - (h - 2 * m) * p["precision"]

    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(p) for p in sorted(pts, key=lambda p: p["recall"])))
    labels = "".join(f'<text x="{x + 4:.1f}" y="{y - 4:.1f}" font-size="9">{p["threshold"]:.2f}</text>'
                     for p in pts[:: max(1, len(pts) // 8)] for x, y in [xy(p)])
    ticks = "".join(f'<text x="{m - 30}" y="{h - m - (h - 2 * m) * v + 3:.1f}" font-size="10">{v:.1f}</text>'
                    for v in (0.0, 0.25, 0.5, 0.75, 1.0))
    rticks = "".join(f'<text x="{m + (w - 2 * m) * v / max_r - 8:.1f}" y="{h - m + 15}" font-size="10">{v:.2f}</text>'
                     for v in (0.0, max_r / 2, max_r))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif">'
            f'<rect width="{w}" height="{h}" fill="white"/>'
            f'<text x="{w / 2}" y="20" font-size="13" text-anchor="middle">{title}</text>'
            f'<line x1="{m}" y1="{h - m}" x2="{w - m}" y2="{h - m}" stroke="black"/>'
            f'<line x1="{m}" y1="{m}" x2="{m}" y2="{h - m}" stroke="black"/>'
            f'<text x="{w / 2}" y="{h - 12}" font-size="11" text-anchor="middle">triple recall</text>'
            f'<text x="14" y="{h / 2}" font-size="11" transform="rotate(-90 14 {h / 2})" text-anchor="middle">'
            f'triple precision</text>{ticks}{rticks}'
            f'<polyline points="{line}" fill="none" stroke="#b22" stroke-width="2"/>{labels}</svg>\n')
