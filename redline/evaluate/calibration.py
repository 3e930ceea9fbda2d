"""Confidence against gold: labelled events, the confidence model's fitting and cross-validation, PR curve.

`labelled(pairs)` turns scored (gold, prediction) pairs into (event, right) samples, from which `redline eval
--format realnews` reports the calibration error of the shipped model and the precision-recall curve over
confidence thresholds (drawn as an SVG). `redline gold calibrate` fits the two-part model of
stages/coding/confidence.py on `Labelled` events (the dev split's, whose whole triple gold judges, plus our
judgements of fresh articles, which judge only the act) and prints the article-grouped cross-validated table
that justifies the choice.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import Event
from ..stages.coding.confidence import Calibration, brier_score, expected_calibration_error, features, fit
from .gold import GoldRecord
from .metrics import Prediction, event_triples
from .veto_training import fold_of, join_judgements, judged_events, read_judgements

# single: one model of the whole triple on dev; two-part: P(event right) x P(parties right | event right), both
# on dev; two-part + judged: the event part also learns from our judgements. On 7 Dec 2026 neither two-part model
# improved both out-of-fold scores over the single one (docs/coding.md, "Eleventh round, confidence").
MODELS = ("single", "two-part", "two-part + judged")
DEFAULT_MODEL = "single"
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
    triple is right (None where only the act was judged), its article (a fold keeps an article whole), source."""

    features: Mapping[str, float]
    event_right: int
    triple_right: int | None
    group: str
    source: str = "dev"


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


def fit_model(samples: Sequence[Labelled], *, model: str = DEFAULT_MODEL, l2: float = 1.0) -> Calibration:
    """Fit one of MODELS on labelled events (the judged ones count only for the "+ judged" event part)."""
    if model not in MODELS:
        raise ValueError(f"unknown confidence model {model!r}; choose one of {', '.join(MODELS)}")
    dev = [s for s in samples if s.triple_right is not None]
    if model == "single":
        return Calibration(fit([(dict(s.features), s.triple_right) for s in dev], l2=l2))
    acts = samples if model == "two-part + judged" else dev
    event = fit([(dict(s.features), s.event_right) for s in acts], l2=l2)
    parties = fit([(dict(s.features), s.triple_right) for s in dev if s.event_right], l2=l2)
    return Calibration(event, parties=parties)


def out_of_fold(samples: Sequence[Labelled], *, model: str = DEFAULT_MODEL, l2: float = 1.0, folds: int = 5,
                repeat: int = 0) -> list[tuple[float, int]]:
    """(confidence, triple right) for every dev event, each scored by a model fitted without its article's
    fold; the judged events train every fold."""
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


def cross_validate(samples: Sequence[Labelled], *, models: Sequence[str] = MODELS, l2s: Sequence[float] = L2S,
                   folds: int = 5, repeats: int = 5) -> list[dict]:
    """Out-of-fold ECE and Brier score on the dev events' triples per model and L2, each the mean over `repeats`
    assignments of articles to folds (with 60-odd articles one assignment moves ECE by a few points)."""
    rows = []
    for model in models:
        for l2 in l2s:
            runs = [out_of_fold(samples, model=model, l2=l2, folds=folds, repeat=r) for r in range(repeats)]
            eces = [expected_calibration_error(p) or 0.0 for p in runs]
            briers = [brier_score(p) or 0.0 for p in runs]
            rows.append({"model": model, "l2": l2, "ece": round(statistics.mean(eces), 4),
                         "ece_sd": round(statistics.pstdev(eces), 4), "brier": round(statistics.mean(briers), 4),
                         "brier_sd": round(statistics.pstdev(briers), 4)})
    return rows


def in_sample(samples: Sequence[Labelled], cal: Calibration, name: str) -> dict:
    """A row like cross_validate's for a fixed model scored on the dev events (e.g. the shipped weights)."""
    pairs = [(cal.probability(s.features), int(s.triple_right or 0)) for s in samples if s.triple_right is not None]
    return {"model": name, "l2": "", "ece": expected_calibration_error(pairs), "ece_sd": "",
            "brier": brier_score(pairs), "brier_sd": ""}


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


def fit_and_compare(samples: Sequence[Labelled], *, model: str = DEFAULT_MODEL, l2: float = 1.0, repeats: int = 10,
                    shipped: Calibration | None = None, gold_name: str = "dev",
                    judged_name: str = "judgements") -> Calibrated:
    """Cross-validate every model (the shipped one scored in sample, for comparison), fit `model` on all the
    samples and write its file's text; gold_name / judged_name: the files named in its header."""
    dev = [s for s in samples if s.triple_right is not None]
    judged = [s for s in samples if s.triple_right is None]
    if len(dev) < 20:
        raise ValueError(f"only {len(dev)} coded events to learn from; need at least 20")
    if model.endswith("judged") and not judged:
        raise ValueError(f"model {model!r} needs judged events")
    table = [in_sample(dev, shipped, "shipped weights (in sample)")] if shipped is not None else []
    table += cross_validate(samples, models=MODELS if judged else MODELS[:2], l2s=sorted({*L2S, l2}), repeats=repeats)
    cal = fit_model(samples, model=model, l2=l2)
    used = len(judged) if model.endswith("judged") else 0
    mine = [r for r in table if r["model"] == model and r["l2"] == l2]
    header = ["Confidence model of redline (stages/coding/confidence.py): logistic weights over its features,",
              f"written by `redline gold calibrate` on {dt.date.today().isoformat()}: model {model!r}, L2 = {l2},",
              f"fitted on {len(dev)} coded events of {gold_name}"
              + (f" and {used} judged events of {judged_name}." if used else "."),
              f"Out of fold (article-grouped, dev only, {repeats} repeats): ECE {mine[0]['ece']}, Brier {mine[0]['brier']}."]
    return Calibrated(table, cal, weights_text(cal, header=header), len(dev), len(judged))


def calibrate(gold_path: str | Path, corpus_path: str | Path, judgements_path: str | Path | None, *,
              model: str = DEFAULT_MODEL, l2: float = 1.0, repeats: int = 10) -> Calibrated:
    """Code the gold split (and the judged articles) with the shipped pipeline, veto on (it decides which events
    get a confidence), then `fit_and_compare`. Judged articles that are also in the gold split are left out."""
    from ..pipeline import Pipeline
    from ..stages.coding.confidence import load_calibration
    from .realnews import code_realnews
    from .runner import scored_pairs

    pipeline = Pipeline()
    run = code_realnews(gold_path, corpus_path, pipeline=pipeline)
    samples = dev_labelled(scored_pairs(run.records, run.predictions))
    if judgements_path:
        verdicts = read_judgements(judgements_path)
        joined, _ = join_judgements(verdicts, judged_events(verdicts, corpus_path, pipeline=pipeline))
        in_gold = {s.group for s in samples}
        samples += judged_labelled([(j.event, j.right) for j in joined if j.group not in in_gold])
    return fit_and_compare(samples, model=model, l2=l2, repeats=repeats, shipped=load_calibration(),
                           gold_name=Path(gold_path).name, judged_name=Path(judgements_path or "").name)


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
