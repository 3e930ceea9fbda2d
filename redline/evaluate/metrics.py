"""Metrics: pure functions over (GoldRecord, Prediction) pairs, each checkable on a three-sentence example."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import product

from ..records import Entity, Event, Factuality
from .gold import GoldActor, GoldEvent, GoldRecord, country_key, sector_key

NONE = "NONE"  # the confusion-table label for "no event"
Triple = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """What the pipeline coded, reduced to what gold can be compared with.

    event: PLOVER type (or 2-digit CAMEO root under the "cameo" scheme); actor / recipient: country keys
    (under the "realnews" scheme: the codes as redline writes them, organisations kept apart).
    source: the coded Event itself, for the metrics that need more (dates, places, sectors, rules).
    """

    event: str
    actor: tuple[str | None, ...] = ()
    recipient: tuple[str | None, ...] = ()
    mode: str | None = None
    factuality: Factuality = Factuality.ASSERTED
    source: Event | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Prediction:
    """Every event coded for one gold sentence (all factualities); `skip` says why it was left out."""

    id: str
    events: tuple[PredictedEvent, ...] = ()
    skip: str = ""

    @property
    def asserted(self) -> tuple[PredictedEvent, ...]:
        return tuple(e for e in self.events if e.factuality == Factuality.ASSERTED)


def predicted_event(ev: Event, *, scheme: str = "plover") -> PredictedEvent | None:
    """One coded Event -> PredictedEvent; None when a CAMEO-scheme event has no CAMEO code."""
    if scheme == "cameo":
        if not ev.cameo or len(ev.cameo) < 2:
            return None
        label = ev.cameo[:2]
    else:
        label = ev.event
    key = code_key if scheme == "realnews" else entity_key
    return PredictedEvent(
        label,
        tuple(key(e) for e in ev.actor),
        tuple(key(e) for e in ev.recipient),
        ev.mode,
        ev.factuality,
        ev,
    )


def code_key(entity: Entity) -> str | None:
    """The code redline wrote for an entity, as real-article gold writes it (countries and organisations apart)."""
    return entity.code.upper() if entity.code else None


def entity_key(entity: Entity) -> str | None:
    """The country key of a resolved entity; intergovernmental and non-governmental bodies -> "IGO" / "NGO"."""
    kind = (entity.entry or "").split(":", 1)[0]
    if kind in ("igo", "ngo"):
        return kind.upper()
    if entity.sector == "IGO" or "IGO" in entity.sectors:
        return "IGO"
    return country_key(entity.code)


def directed_dyads(event: PredictedEvent) -> list[PredictedEvent]:
    """A joint event (two or more actors, no recipient) as CAMEO codes it: one event per ordered actor pair.

    PLOVER puts every party of a meeting or agreement in `actor`; PETRARCH codes "X and Y met" as X->Y and Y->X.
    Other events are returned unchanged.
    """
    actors = sorted({a for a in event.actor if a is not None})
    if event.recipient or len(actors) < 2:
        return [event]
    return [dataclasses.replace(event, actor=(a,), recipient=(b,)) for a in actors for b in actors if a != b]


# ---------------------------------------------------------------------------------------------- metrics


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """Precision, recall and F1 from counts (0.0 where undefined), with the counts kept."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def safe_rate(hits: int, n: int) -> float | None:
    return round(hits / n, 4) if n else None


def event_types(events: Iterable[GoldEvent | PredictedEvent]) -> set[str]:
    return {e.event for e in events}


def event_triples(events: Iterable[GoldEvent | PredictedEvent]) -> set[Triple]:
    """Each event -> (type, actor country, recipient country) for every actor x recipient pair."""
    out: set[Triple] = set()
    for e in events:
        actors = [_code(a) for a in e.actor] or [None]
        recipients = [_code(a) for a in e.recipient] or [None]
        out.update((e.event, a, r) for a, r in product(actors, recipients))
    return out


def _code(actor: GoldActor | str | None) -> str | None:
    return actor.code if isinstance(actor, GoldActor) else actor


def _set_scores(pairs: Sequence[tuple[GoldRecord, Prediction]], key: Callable) -> dict:
    tp = fp = fn = 0
    for gold, pred in pairs:
        g, p = key(gold.asserted), key(pred.asserted)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    return prf(tp, fp, fn)


def event_type_scores(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> dict:
    """Micro P/R/F1 over (sentence, event type) pairs of asserted events."""
    return _set_scores(pairs, event_types)


def triple_scores(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> dict:
    """Micro P/R/F1 over (sentence, type, actor country, recipient country) of asserted events."""
    return _set_scores(pairs, event_triples)


def per_type_scores(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> dict[str, dict]:
    """P/R/F1 for each event type, with its gold support."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for gold, pred in pairs:
        g, p = event_types(gold.asserted), event_types(pred.asserted)
        for t in g & p:
            counts[t][0] += 1
        for t in p - g:
            counts[t][1] += 1
        for t in g - p:
            counts[t][2] += 1
    out = {}
    for t in sorted(counts):
        tp, fp, fn = counts[t]
        out[t] = {**prf(tp, fp, fn), "support": tp + fn}
    return out


def confusion(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> dict[str, dict[str, int]]:
    """gold type -> predicted type -> count, per sentence; unmatched types pair up in order, else with NONE."""
    table: dict[str, Counter] = defaultdict(Counter)
    for gold, pred in pairs:
        g, p = event_types(gold.asserted), event_types(pred.asserted)
        for t in g & p:
            table[t][t] += 1
        left, right = sorted(g - p), sorted(p - g)
        for i in range(max(len(left), len(right))):
            table[left[i] if i < len(left) else NONE][right[i] if i < len(right) else NONE] += 1
        if not g and not p:
            table[NONE][NONE] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(table.items())}


def mode_accuracy(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> tuple[float | None, int]:
    """Share of gold events with a mode whose type was predicted with that same mode; (value, n)."""
    hits = n = 0
    for gold, pred in pairs:
        for ge in gold.asserted:
            if not ge.mode:
                continue
            same = [pe for pe in pred.asserted if pe.event == ge.event]
            if not same:
                continue
            n += 1
            hits += any(pe.mode == ge.mode for pe in same)
    return safe_rate(hits, n), n


def false_positive_rate(pairs: Sequence[tuple[GoldRecord, Prediction]], *, traps: bool = False) -> tuple[float | None, int]:
    """Share of sentences with no gold event where an asserted event came out; (value, n).

    traps=False: sentences with no gold event at all. traps=True: sentences with no *asserted* gold event
    (also the negated, hypothetical, possible and future ones).
    """
    hits = n = 0
    for gold, pred in pairs:
        empty = not gold.asserted if traps else not gold.events
        if empty:
            n += 1
            hits += bool(pred.asserted)
    return safe_rate(hits, n), n


def trap_rates_by_tag(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> dict[str, dict]:
    """For each gold tag, over its sentences with no asserted gold event: how many, and the false-positive rate."""
    hits: Counter = Counter()
    totals: Counter = Counter()
    for gold, pred in pairs:
        if gold.asserted:
            continue
        for tag in gold.tags:
            totals[tag] += 1
            hits[tag] += bool(pred.asserted)
    return {t: {"sentences": totals[t], "false_positive_rate": safe_rate(hits[t], totals[t])} for t in sorted(totals)}


def factuality_accuracy(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> tuple[float | None, int]:
    """Over gold events whose type was predicted (any factuality): share with the gold factuality; (value, n)."""
    hits = n = 0
    for gold, pred in pairs:
        for ge in gold.events:
            same = [pe for pe in pred.events if pe.event == ge.event]
            if not same:
                continue
            n += 1
            hits += any(pe.factuality == ge.factuality for pe in same)
    return safe_rate(hits, n), n


Resolver = Callable[[str], Entity | None]


def actor_accuracy(records: Sequence[GoldRecord], resolve: Resolver) -> dict[str, tuple[float | None, int]]:
    """Resolve every standalone gold actor text on its own: share with the gold country, and with the gold sector.

    Actors marked standalone=False take their country from the sentence ("the government"), so resolving
    their text alone cannot be right or wrong; they still count in triples.
    """
    c_hits = c_n = s_hits = s_n = 0
    seen: dict[str, Entity | None] = {}
    for rec in records:
        for ev in rec.events:
            for actor in ev.actor + ev.recipient:
                if not actor.text or not actor.standalone:
                    continue
                if actor.text not in seen:
                    seen[actor.text] = resolve(actor.text)
                ent = seen[actor.text]
                if actor.code:
                    c_n += 1
                    c_hits += ent is not None and entity_key(ent) == actor.code
                if actor.sector:
                    s_n += 1
                    sectors = {sector_key(s) for s in ((ent.sector,) + ent.sectors)} if ent else set()
                    s_hits += actor.sector in sectors
    return {"country": (safe_rate(c_hits, c_n), c_n), "sector": (safe_rate(s_hits, s_n), s_n)}


def mistakes(pairs: Sequence[tuple[GoldRecord, Prediction]]) -> list[dict]:
    """Sentences where the asserted triples differ from gold, for reading one by one."""
    rows = []
    for gold, pred in pairs:
        g, p = event_triples(gold.asserted), event_triples(pred.asserted)
        if g != p:
            rows.append({"id": gold.id, "gold": _fmt_triples(g), "predicted": _fmt_triples(p),
                         "other": _fmt_other(pred), "text": gold.text})
    return rows


def _fmt_triples(triples: set[Triple]) -> str:
    return "; ".join(f"{t} {a or '-'}>{r or '-'}" for t, a, r in sorted(triples, key=str))


def _fmt_other(pred: Prediction) -> str:
    return "; ".join(f"{e.event}({e.factuality})" for e in pred.events if e.factuality != Factuality.ASSERTED)


def score(records: Sequence[GoldRecord], predictions: Sequence[Prediction], *,
          resolve: Resolver | None = None, with_mistakes: bool = False) -> dict:
    """All metrics for gold records and their predictions (same order) as one JSON-ready object."""
    by_id = {p.id: p for p in predictions}
    pairs = [(r, by_id[r.id]) for r in records if r.id in by_id and not by_id[r.id].skip]
    skipped = [{"id": p.id, "reason": p.skip} for p in predictions if p.skip]
    mode, mode_n = mode_accuracy(pairs)
    fp_none, fp_none_n = false_positive_rate(pairs)
    fp_trap, fp_trap_n = false_positive_rate(pairs, traps=True)
    fact, fact_n = factuality_accuracy(pairs)
    notes = [f"{r.id}: {n}" for r in records for n in r.notes]
    if resolve is not None:
        acc = actor_accuracy([r for r, _ in pairs], resolve)
    else:
        acc = {"country": (None, 0), "sector": (None, 0)}
        notes.append("actor accuracy not measured: no actor resolver available")
    report = {
        "sentences": len(pairs),
        "event_type": event_type_scores(pairs),
        "triple": triple_scores(pairs),
        "actor_country_accuracy": acc["country"][0],
        "sector_accuracy": acc["sector"][0],
        "mode_accuracy": mode,
        "no_event_false_positive_rate": fp_none,
        "trap_false_positive_rate": fp_trap,
        "factuality_accuracy": fact,
        "counts": {
            "actors": acc["country"][1], "sectors": acc["sector"][1], "modes": mode_n,
            "no_event_sentences": fp_none_n, "trap_sentences": fp_trap_n, "factuality_events": fact_n,
            "gold_events": sum(len(r.events) for r, _ in pairs),
        },
        "per_type": per_type_scores(pairs),
        "trap_false_positive_by_tag": trap_rates_by_tag(pairs),
        "confusion": confusion(pairs),
        "skipped": skipped,
        "notes": notes,
    }
    if with_mistakes:
        report["mistakes"] = mistakes(pairs)
    return report
