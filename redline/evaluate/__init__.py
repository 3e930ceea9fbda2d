"""Evaluation: run the real pipeline on gold data and score it.

One module per gold format (`plover`, `petrarch`, `sentences`, `realnews`, `case2021`, `ipe`, `petrarch_unit`),
pure metrics in `metrics`, pinned floors in `floors`, the sentence-level runner in `runner`. `run_eval(path)`
is what `redline eval` calls.
"""

from __future__ import annotations

from .floors import check_floors, file_sha256, floors_for, load_floors, metric_value
from .gold import (
    FORMATS,
    MAX_SENTENCE_CHARS,
    PLOVER_TYPES,
    GoldActor,
    GoldEvent,
    GoldRecord,
    builtin_gold_path,
    country_key,
    sector_key,
)
from .metrics import (
    NONE,
    PredictedEvent,
    Prediction,
    actor_accuracy,
    confusion,
    directed_dyads,
    entity_key,
    event_triples,
    event_type_scores,
    event_types,
    factuality_accuracy,
    false_positive_rate,
    mistakes,
    mode_accuracy,
    per_type_scores,
    predicted_event,
    prf,
    score,
    trap_rates_by_tag,
    triple_scores,
)
from .petrarch import read_petrarch
from .plover import read_plover
from .readers import detect_format, read_gold
from .runner import gold_article, knowledge_resolver, predict, run_eval
from .sentences import read_redline

__all__ = [
    "FORMATS", "MAX_SENTENCE_CHARS", "NONE", "PLOVER_TYPES", "GoldActor", "GoldEvent", "GoldRecord", "PredictedEvent",
    "Prediction", "actor_accuracy", "builtin_gold_path", "check_floors", "confusion", "country_key", "detect_format",
    "directed_dyads", "entity_key", "event_triples", "event_type_scores", "event_types", "factuality_accuracy",
    "false_positive_rate", "file_sha256", "floors_for", "gold_article", "knowledge_resolver", "load_floors",
    "metric_value", "mistakes", "mode_accuracy", "per_type_scores", "predict", "predicted_event", "prf",
    "read_gold", "read_petrarch", "read_plover", "read_redline", "run_eval", "score", "sector_key",
    "trap_rates_by_tag", "triple_scores",
]
