"""Confidence against gold: which predicted events have their triple right, calibration error, PR curve.

`labelled(pairs)` turns scored (gold, prediction) pairs into (event, right) samples; `redline gold calibrate`
fits the confidence model on the dev split's samples; `redline eval --format realnews` reports the calibration
error of the shipped model and can draw the precision-recall curve over confidence thresholds as an SVG.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Event
from ..stages.coding.confidence import expected_calibration_error, features, fit
from .gold import GoldRecord
from .metrics import Prediction, event_triples


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
    """Expected calibration error of the events' confidence and the share of right triples, with counts."""
    samples = labelled(pairs)
    return {"expected_calibration_error": expected_calibration_error([(e.confidence, y) for e, y in samples]),
            "events": len(samples), "right": sum(y for _, y in samples)}


def train(pairs: Sequence[tuple[GoldRecord, Prediction]], *, l2: float = 1.0) -> tuple[dict[str, float], int]:
    """Fit the confidence weights on labelled events; (weights, number of events)."""
    samples = [(features(e), y) for e, y in labelled(pairs)]
    if len(samples) < 20:
        raise ValueError(f"only {len(samples)} coded events to learn from; need at least 20")
    return fit(samples, l2=l2), len(samples)


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
