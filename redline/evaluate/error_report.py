"""Error reports: every false positive and false negative of an evaluation, one JSON object each.

The working loop for improving the coder: `redline eval GOLD --errors FILE` writes these rows; the plain
report ends with the confusion table and the rules that fire most often among false positives.

Kinds:
- `spurious`: a predicted asserted event whose type no gold event of the sentence has (a false positive).
- `missed`: a gold asserted event whose type nothing predicted in the sentence has (a false negative); when the
  coder found the type with another factuality, `factuality` and `factuality_reason` say so; otherwise
  `reason` carries what the coder recorded about the sentence (dropped frames, its trace).
- `wrong_arguments`: the type was found but the actor or recipient codes differ (both a false positive and a
  false negative at triple level).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from ..records import Factuality
from .gold import GoldEvent, GoldRecord
from .matching import match_events
from .metrics import Prediction, PredictedEvent, event_triples


def _side(codes) -> str:
    out = [c.code if hasattr(c, "code") else c for c in codes]
    return ",".join(c or "?" for c in out) or "-"


def describe(ev: GoldEvent | PredictedEvent) -> str:
    mode = f"/{ev.mode}" if ev.mode else ""
    return f"{ev.event}{mode} {_side(ev.actor)}>{_side(ev.recipient)}"


def _pred_fields(p: PredictedEvent) -> dict:
    ev = p.source
    if ev is None:
        return {"predicted": describe(p)}
    return {"predicted": describe(p), "rule": ev.rule, "trigger": ev.event_text,
            "factuality_reason": ev.factuality_reason,
            "actors": [{"text": e.entity_text, "code": e.code, "sector": e.sector, "reason": e.reason} for e in ev.actor],
            "recipients": [{"text": e.entity_text, "code": e.code, "sector": e.sector, "reason": e.reason}
                           for e in ev.recipient]}


def error_rows(pairs: Sequence[tuple[GoldRecord, Prediction]], *,
               reasons: Mapping[str, Sequence[str]] | None = None, arguments: bool = True) -> list[dict]:
    """Every false positive and false negative of the pairs (see the module docstring for the kinds).

    reasons: gold id -> what the coder recorded about that sentence (dropped frames, trace), for misses.
    arguments: False for gold without actor codes (CASE 2021, IndiaPoliceEvents): no wrong-argument rows.
    """
    rows: list[dict] = []
    for gold, pred in pairs:
        base = {"id": gold.id, "sentence": gold.text, "tags": list(gold.tags)}
        gold_types = {g.event for g in gold.asserted}
        pred_types = {p.event for p in pred.asserted}
        pairs_ = match_events(gold.asserted, pred.asserted)
        for g, p in pairs_ if arguments else ():
            if event_triples([g]) != event_triples([p]):
                rows.append({**base, "kind": "wrong_arguments", "gold": describe(g), **_pred_fields(p)})
        for p in pred.asserted:
            if p.event not in gold_types:
                rows.append({**base, "kind": "spurious", "gold": "; ".join(describe(g) for g in gold.asserted) or "-",
                             **_pred_fields(p)})
        for g in gold.asserted:
            if g.event in pred_types:
                continue
            row = {**base, "kind": "missed", "gold": describe(g), "gold_trigger": g.trigger,
                   "predicted": "; ".join(describe(p) for p in pred.asserted) or "-"}
            other = [p for p in pred.events if p.event == g.event and p.factuality != Factuality.ASSERTED]
            if other and other[0].source is not None:
                row["factuality"] = other[0].factuality.value
                row["factuality_reason"] = other[0].source.factuality_reason
                row["rule"] = other[0].source.rule
            else:
                row["reason"] = list((reasons or {}).get(gold.id, ())) or ["no frame: no lexicon trigger fired"]
            rows.append(row)
    return rows


def top_fp_rules(rows: Sequence[dict], n: int = 10) -> list[dict]:
    """The n rules behind the most false positives (spurious and wrong-argument events)."""
    counts = Counter(r.get("rule") or "?" for r in rows if r["kind"] in ("spurious", "wrong_arguments"))
    return [{"rule": rule, "false_positives": k} for rule, k in counts.most_common(n)]
