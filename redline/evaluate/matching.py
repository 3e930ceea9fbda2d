"""Event-level metrics: match each gold event to the predicted event that codes it, then check its fields.

The set metrics (event types, triples) compare sentences; these compare events: was the gold event found with
its type and an actor, is its date right at the gold precision, is its place right, are its actors' codes and
sectors right. Matching is greedy within a sentence: the same type is required, then the pair sharing most
actor and recipient codes wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Place
from .gold import GoldEvent, GoldRecord
from .metrics import Prediction, PredictedEvent, safe_rate

Pairs = Sequence[tuple[GoldRecord, Prediction]]


def _codes(actors) -> set[str]:
    return {a.code if hasattr(a, "code") else a for a in actors} - {None}


def match_events(gold: Sequence[GoldEvent], pred: Sequence[PredictedEvent]) -> list[tuple[GoldEvent, PredictedEvent]]:
    """Pairs (gold, predicted) of the same type, best overlap of actor and recipient codes first; each used once."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.event != p.event:
                continue
            a = len(_codes(g.actor) & _codes(p.actor))
            r = len(_codes(g.recipient) & _codes(p.recipient))
            scored.append((-(2 * a + r + (g.mode is not None and g.mode == p.mode)), gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(scored):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out


def matched(pairs: Pairs) -> list[tuple[GoldEvent, PredictedEvent]]:
    """Every matched (gold, predicted) pair of asserted events over all sentences."""
    return [m for g, p in pairs for m in match_events(g.asserted, p.asserted)]


def recall_type_actor(pairs: Pairs) -> tuple[float | None, int]:
    """Share of gold asserted events found with the right type and at least one right actor code; (value, n)."""
    hits = n = 0
    for gold, pred in pairs:
        for ge in gold.asserted:
            n += 1
            want = _codes(ge.actor)
            hits += any(pe.event == ge.event and want & _codes(pe.actor) for pe in pred.asserted)
    return safe_rate(hits, n), n


def date_agrees(gold: GoldEvent, pred: PredictedEvent) -> bool:
    """The predicted date equals the gold date at the gold precision, and claims that same precision."""
    ev = pred.source
    date = ev.date if ev is not None else None
    precision = (ev.date_precision.value if ev is not None and ev.date_precision and date else "unknown")
    if gold.date_precision == "unknown" or gold.date is None:
        return date is None
    if date is None or precision != gold.date_precision:
        return False
    if gold.date_precision == "year":
        return date.year == gold.date.year
    if gold.date_precision == "month":
        return (date.year, date.month) == (gold.date.year, gold.date.month)
    return date == gold.date


def date_accuracy(pairs: Pairs) -> tuple[float | None, int]:
    """Over matched asserted events whose gold has a date annotation: share dated right; (value, n)."""
    ms = [(g, p) for g, p in matched(pairs) if g.date_precision is not None]
    return safe_rate(sum(date_agrees(g, p) for g, p in ms), len(ms)), len(ms)


_WORD = re.compile(r"[a-z0-9]+")
_STOP = {"the", "of", "in", "and", "city", "province", "region", "town", "village", "district", "state"}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower())) - _STOP


def place_agrees(gold, place: Place | None) -> bool:
    """Same country and the names share a word (Aleppo ~ "the city of Aleppo"; Syria != Aleppo)."""
    if gold is None or place is None:
        return False
    if (gold.country or None) != (place.country_code or None):
        return False
    return bool(_words(gold.text) & (_words(place.text or "") | _words(place.name or "")))


def place_scores(pairs: Pairs) -> dict:
    """Event places over matched asserted events: precision (of predicted places) and recall (of gold places)."""
    ms = matched(pairs)
    with_pred = [(g, p) for g, p in ms if p.source is not None and p.source.event_loc is not None]
    with_gold = [(g, p) for g, p in ms if g.place is not None]
    right_p = sum(place_agrees(g.place, p.source.event_loc) for g, p in with_pred)
    right_g = sum(place_agrees(g.place, p.source.event_loc if p.source else None) for g, p in with_gold)
    return {"precision": safe_rate(right_p, len(with_pred)), "recall": safe_rate(right_g, len(with_gold)),
            "predicted": len(with_pred), "gold": len(with_gold)}


def actors_in_context(pairs: Pairs) -> dict:
    """Over matched events: share of gold actors and recipients (with a code) whose code was coded on the same
    side, and share of those with a gold sector whose coded entity has that sector."""
    c_hits = c_n = s_hits = s_n = 0
    for g, p in matched(pairs):
        ev = p.source
        for side, ents in ((g.actor, ev.actor if ev else ()), (g.recipient, ev.recipient if ev else ())):
            for a in side:
                if a.code is None:
                    continue
                c_n += 1
                same = [e for e in ents if (e.code or "").upper() == a.code]
                c_hits += bool(same)
                if a.sector:
                    s_n += 1
                    s_hits += any(a.sector in {e.sector, *e.sectors} for e in same)
    return {"country": (safe_rate(c_hits, c_n), c_n), "sector": (safe_rate(s_hits, s_n), s_n)}
