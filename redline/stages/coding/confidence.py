"""Calibrated confidence: the probability that an event's triple (type, actor, recipient) is right.

A logistic model over features read off the Event itself (the rule family, how the actors and recipients were
resolved, whether the act is reported), or two of them multiplied: P(event right) x P(parties right | event
right), the first able to learn from our judgements of fresh articles too (which judge only the act). The same
features serve the coder (which scores) and the trainer (`redline gold calibrate`, evaluate/calibration.py,
which compares the models on held-out sessions of our judged samples and out of fold on the real-article dev
split, and writes the chosen one; the two-part model learnt from dev and the samples ships, 7 Dec 2026). The weights ship as knowledge data written by that command (`knowledge/data/confidence.toml`);
without them every event keeps the coder's prior of 0.5. Nothing is downloaded.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ...errors import KnowledgeError
from ...records import Entity, Event

RULE_FAMILIES = ("svo", "passive", "light", "nominal", "copula", "label", "deontic", "warning", "on-state")
QUADS = {"AGREE": "verbal_coop", "CONSULT": "verbal_coop", "SUPPORT": "verbal_coop", "CONCEDE": "verbal_coop",
         "COOPERATE": "material_coop", "AID": "material_coop", "RETREAT": "material_coop",
         "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict", "REJECT": "verbal_conflict",
         "THREATEN": "verbal_conflict", "PROTEST": "material_conflict", "SANCTION": "material_conflict",
         "MOBILIZE": "material_conflict", "COERCE": "material_conflict", "ASSAULT": "material_conflict"}
DERIVED = ("place of the act", "unnamed target", "own country", "country this article is about", "bridged",
           "country named inside", "nationality of the act", "placed")
COREFERENCE = ("coreference", "pronoun", "speaker", "surname", "title '", "member '")


def _derived(entities: tuple[Entity, ...]) -> bool:
    return any(any(d in e.reason for d in DERIVED) for e in entities)


def features(ev: Event) -> dict[str, float]:
    """The model's inputs for one event (names are stable: they key the weights file)."""
    rule = ev.rule.split(":", 1)[0].split("#", 1)[0]
    family = next((f for f in RULE_FAMILIES if rule.startswith(f)), "other")
    out = {"bias": 1.0, f"rule_{family}": 1.0, f"quad_{QUADS.get(ev.event, 'other')}": 1.0}
    out["actor_coded"] = float(all(e.code for e in ev.actor))
    out["actor_sector"] = float(any(e.sector for e in ev.actor))
    out["actor_coreference"] = float(any(any(c in e.reason for c in COREFERENCE) for e in ev.actor))
    out["actor_derived"] = float(_derived(ev.actor))
    out["actor_compound"] = float(len(ev.actor) > 1)
    out["recipient"] = float(bool(ev.recipient))
    out["recipient_uncoded"] = float(any(not e.code for e in ev.recipient))
    out["recipient_derived"] = float(_derived(ev.recipient))
    out["reported"] = float(bool(ev.claim_source))
    out["mode"] = float(bool(ev.mode))
    out["long_sentence"] = float(len(ev.text) > 220)
    return out


@dataclass(frozen=True, slots=True)
class Calibration:
    """Weights of the two models: `weights` scores P(event right) (or, with no `parties`, the whole triple, as
    files before 7 Dec 2026 did), `parties` P(parties right | event right); `prior` scores events when no weights
    are installed."""

    weights: Mapping[str, float]
    prior: float = 0.5
    parties: Mapping[str, float] = field(default_factory=dict)

    def score(self, ev: Event) -> float:
        return self.probability(features(ev))

    def probability(self, feats: Mapping[str, float]) -> float:
        """The probability for an event's features (what `score` computes; the trainer calls it directly)."""
        if not self.weights:
            return self.prior
        return logistic(self.weights, feats) * (logistic(self.parties, feats) if self.parties else 1.0)


def logistic(weights: Mapping[str, float], feats: Mapping[str, float]) -> float:
    """The logistic model's probability for one event's features (shared with the veto, coding/veto.py)."""
    z = sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def read_weights(text: str, name: str, table: str = "weights") -> tuple[dict, dict[str, float]]:
    """A weights file (TOML with a [weights] table of numbers) -> (its whole table, the weights of `table`); a bad
    file raises KnowledgeError naming it (shared with the veto's file)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{name}: {exc}") from exc
    weights = data.get(table, {})
    if not isinstance(weights, dict) or not all(isinstance(v, (int, float)) for v in weights.values()):
        raise KnowledgeError(f"{name}: [{table}] must map feature names to numbers")
    return data, {k: float(v) for k, v in weights.items()}


def parse_calibration(text: str, name: str = "confidence.toml") -> Calibration:
    """The text of a confidence file: [weights] (P(event right)) and, optionally, [parties]."""
    data, weights = read_weights(text, name)
    _, parties = read_weights(text, name, "parties")
    return Calibration(weights, float(data.get("prior", 0.5)), parties)


@lru_cache(maxsize=1)
def load_calibration() -> Calibration:
    """The shipped weights (knowledge/data/confidence.toml), or the flat prior when the file is absent."""
    ref = resources.files("redline.knowledge").joinpath("data/confidence.toml")
    if not ref.is_file():
        return Calibration({})
    return parse_calibration(ref.read_text(encoding="utf-8"))


def fit(samples: list[tuple[dict[str, float], int]], *, l2: float = 1.0, steps: int = 200) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method (numpy), bias not penalised."""
    import numpy as np

    names = sorted({k for f, _ in samples for k in f})
    x = np.array([[f.get(k, 0.0) for k in names] for f, _ in samples])
    y = np.array([label for _, label in samples], dtype=float)
    w = np.zeros(len(names))
    penalty = np.full(len(names), l2)
    penalty[names.index("bias")] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {k: round(float(v), 4) for k, v in zip(names, w, strict=True)}


def expected_calibration_error(pairs: list[tuple[float, int]], bins: int = 10) -> float | None:
    """ECE: the mean gap between confidence and accuracy over equal-width confidence bins, weighted by size."""
    if not pairs:
        return None
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, y) for c, y in pairs if lo <= c < hi or (b == bins - 1 and c == 1.0)]
        if inside:
            conf = sum(c for c, _ in inside) / len(inside)
            acc = sum(y for _, y in inside) / len(inside)
            total += abs(conf - acc) * len(inside)
    return round(total / len(pairs), 4)


def brier_score(pairs: list[tuple[float, int]]) -> float | None:
    """Brier score: the mean squared gap between confidence and outcome (lower is better; a proper score, unlike
    the binned ECE, which a constant at the base rate minimises)."""
    if not pairs:
        return None
    return round(sum((c - y) ** 2 for c, y in pairs) / len(pairs), 4)
