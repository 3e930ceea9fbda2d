"""Alerts: escalation alerts (a dyad's escalation share rising above its own baseline) and red-line warnings, each
with its evidence sentences (docs/analysis-and-web.md, "Alert method").
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..store import analytics, escalations
from ..store.reviews import ReviewScope
from . import kept_parts
from .options import connection_of, check_factuality, check_period, check_range
from .periods import periods_between, period_end

# The escalation types: the store keeps each dyad's events of these types in dyad and day order for the alerts'
# evidence (store/escalations.py; another set is read from every dyad event, far slower at ten million events).
ESCALATION_EVENTS = escalations.EVENTS
# A red-line warning is a threat: the coder codes "X is a red line for us", "warned that ... would cross a red
# line" as THREATEN with the speaker as actor. Other events of a sentence that mentions a red line are not
# warnings: the summit at which it was said, the troops it was about, and also accusations, refusals and
# requests that mention someone else's red line (all four such alerts of the audit were wrong: Trump criticising
# Obama's red line, Netanyahu pressing Obama to draw one; docs/analysis-and-web.md).
RED_LINE_EVENTS = ("THREATEN",)
ALERT_SENTENCES = 3  # evidence sentences an alert carries in the list answer (/alerts, `redline alerts`), the digest


@dataclass(frozen=True, slots=True)
class AlertOptions:
    """Knobs of the escalation test (see docs/analysis-and-web.md, "Alert method").

    by: period length; baseline: how many earlier periods form the dyad's own baseline; min_baseline: events
    the baseline window needs (fewer: no history to rise against, no alert); min_events: events the period
    needs before a share means anything; min_escalation: escalation events it needs; min_rise: smallest rise
    of the share over the baseline; z: smallest standardised rise (binomial, Laplace-smoothed baseline).
    """

    by: str = "month"
    baseline: int = 6
    min_baseline: int = 5
    min_events: int = 3
    min_escalation: int = 3
    min_rise: float = 0.2
    z: float = 2.0


def alerts(
    store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    options: AlertOptions | None = None,
    red_lines: bool = True,
    undated: bool = False,
    include_rejected: bool = False,
    reviewed_only: bool = False,
    sentences: int | None = None,
) -> list[dict[str, Any]]:
    """Escalation alerts (a dyad's escalation share rising above its own baseline) and red-line warnings.

    `since`/`until` bound the periods reported; the baseline may reach further back. factuality: the events
    that count (default: asserted). Newest first.
    Every alert carries `evidence` (the ids of all its evidence events), `sentence_count` (how many evidence
    sentences it has) and `sentences`: its evidence sentences with their event, date and article, in date
    order; with `sentences=N` only the first N of them (the list answers carry ALERT_SENTENCES: at ten million
    events an alert has thousands), None: all. Which alerts fire and their evidence do not depend on it.
    """
    if sentences is not None and (isinstance(sentences, bool) or not isinstance(sentences, int) or sentences < 0):
        raise UsageError(f"sentences: {sentences!r} is not a non-negative number of sentences")
    check_range(since, until)
    opts = options or AlertOptions()
    check_period(opts.by)
    if opts.baseline < 1 or opts.min_events < 1 or opts.min_baseline < 1:
        raise UsageError("alerts: baseline, min_baseline and min_events must be at least 1")
    facts = check_factuality(factuality)
    scope = ReviewScope(include_rejected, reviewed_only)
    # the counts do not depend on `since`, and those up to `until` are cut from those of every period: kept per
    # store version (kept_parts.py), so the digests of every day and the alerts since any day share them
    rows = kept_parts.dyad_periods(store, by=opts.by, until=until, factuality=facts, escalation=ESCALATION_EVENTS,
                                   undated=undated, scope=scope)
    out = escalation_alerts(rows, opts, since=since)
    found = analytics.escalation_evidence(
        connection_of(store), [(a["actor"], a["recipient"], a["period"], a["end"]) for a in out], factuality=facts,
        escalation=ESCALATION_EVENTS, undated=undated, by=opts.by, scope=scope)
    first: dict[int, list[str]] = {}  # alert -> the evidence ids whose sentences it carries
    for i, a in enumerate(out):  # found is None when dyad_periods listed the ids (a scope the aggregates do not hold)
        ids, by_date = found.get((a["actor"], a["recipient"], a["period"]), ([], [])) if found is not None \
            else (a["evidence"], None)
        a["evidence"] = ids
        first[i] = by_date[:sentences] if sentences is not None and by_date is not None else ids
    evidence = analytics.event_evidence(connection_of(store), sorted({e for ids in first.values() for e in ids}))
    for i, a in enumerate(out):
        lines = sorted((_sentence(evidence[e]) for e in first[i] if e in evidence),
                       key=lambda x: (x["date"] or dt.date.min, x["id"]))
        a["sentence_count"] = len(a["evidence"])  # one sentence per evidence event
        a["sentences"] = lines[:sentences] if sentences is not None else lines
    if red_lines:
        # Red lines count asserted events by default too. A red line is stated conditionally ("would be a red
        # line for Russia"), but the coder codes the drawing of it as asserted (only its content is conditional);
        # what it leaves hypothetical is a red line someone might draw or enforce: a plea for one, the reluctance
        # or refusal to enforce one (every hypothetical red-line THREATEN of the third audit was such).
        out.extend(red_line_alerts(kept_parts.red_line_mentions(store, since=since, until=until, factuality=facts,
                                                                events=RED_LINE_EVENTS, by=opts.by, scope=scope),
                                   opts.by, sentences))
    out.sort(key=lambda a: (a["period"], a["score"]), reverse=True)
    return out


def _sentence(r: dict[str, Any]) -> dict[str, Any]:
    """An evidence line: the event and the sentence it was coded from, with its article."""
    return {"id": r["id"], "date": r["date"], "event": r["event"], "actor": list(r["actor_codes"] or []),
            "recipient": list(r["recipient_codes"] or []), "text": r["text"], "article_id": r["article_id"],
            "title": r["title"]}


def escalation_alerts(rows: list[dict[str, Any]], opts: AlertOptions, *, since: dt.date | None = None
                      ) -> list[dict[str, Any]]:
    """Apply the escalation test to per-(dyad, period) counts, ordered by dyad and period.

    rows: dicts with actor, recipient, period, events, escalation (and escalation_ids when known).
    """
    out: list[dict[str, Any]] = []
    history: dict[tuple[str, str], deque[dict[str, Any]]] = {}
    for r in rows:
        key = (r["actor"], r["recipient"])
        past = history.setdefault(key, deque())
        while past and periods_between(past[0]["period"], r["period"], opts.by) > opts.baseline:
            past.popleft()  # rows come in period order: what fell out of the window stays out
        window = list(past)
        past.append(r)
        if since and r["period"] < since and period_end(r["period"], opts.by) < since:
            continue
        n, k = r["events"], r["escalation"]
        base_n = sum(p["events"] for p in window)
        if n < opts.min_events or k < opts.min_escalation or base_n < opts.min_baseline:
            continue
        base_k = sum(p["escalation"] for p in window)
        baseline = (base_k + 1) / (base_n + 2)  # Laplace: a short quiet history is not "0% forever"
        share = k / n
        rise = share - baseline
        se = (baseline * (1 - baseline) / n) ** 0.5
        z = rise / se
        if rise >= opts.min_rise and z >= opts.z:
            out.append({
                "kind": "escalation",
                "actor": r["actor"],
                "recipient": r["recipient"],
                "actors": [r["actor"]],
                "recipients": [r["recipient"]],
                "period": r["period"],
                "end": period_end(r["period"], opts.by),
                "events": n,
                "escalation": k,
                "share": round(share, 3),
                "baseline": round(baseline, 3),
                "baseline_events": base_n,
                "score": round(z, 2),
                "summary": (f"{r['actor']} -> {r['recipient']}: {k} of {n} events are "
                            f"{'/'.join(ESCALATION_EVENTS)} ({share:.0%}) against a baseline of "
                            f"{baseline:.0%} over {base_n} events in the {opts.baseline} {opts.by}s before"),
                "evidence": list(r.get("escalation_ids") or []),  # filled from the store by alerts()
            })
    return out


def red_line_alerts(rows: list[dict[str, Any]], by: str, sentences: int | None = None) -> list[dict[str, Any]]:
    """Red-line warnings from the events that state them (analytics.red_line_mentions rows).

    The warning's speaker is the event's own actor and its target the event's recipient. Events without a
    resolved actor are left out (a warning from no one cannot be acted on). One alert per speaker and period:
    the warning, its quotes and its retellings in other articles are one alert that unites their recipients
    and quotes each sentence.
    """
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        if r["actor_codes"]:
            groups.setdefault((tuple(sorted(r["actor_codes"])), r["period"]), []).append(r)
    return [_red_line_alert(members, period, by, sentences) for (_, period), members in groups.items()]


def _recipient_names(row: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """(name, code) of each recipient a red-line mention names (code None when the row does not say)."""
    names = row["recipient_names"]
    return list(zip(names, row.get("recipient_name_codes") or [None] * len(names), strict=True))


def _red_line_alert(rows: list[dict[str, Any]], period: dt.date, by: str, shown: int | None = None) -> dict[str, Any]:
    actors = list(dict.fromkeys(c for r in rows for c in r["actor_codes"]))
    # A speaker draws no red line against itself: a recipient with the speaker's own code is what the line
    # protects ("the rights of the Iranian nation are a red line", Rouhani) or a miscoded party (all six such
    # recipients of the second and third audits, five sentences, were wrong as targets).
    recipients = list(dict.fromkeys(c for r in rows for c in r["recipient_codes"] if c not in actors))
    speakers = list(dict.fromkeys(n for r in rows for n in r["actor_names"] if n))
    targets = list(dict.fromkeys(n for r in rows for n, c in _recipient_names(r) if n and c not in actors))
    sentences, seen = [], set()
    for r in rows:
        if (r["article_id"], r["text"]) in seen:
            continue
        seen.add((r["article_id"], r["text"]))
        sentences.append({"id": r["id"], "date": r["date"], "event": r["event"], "actor": r["actor_codes"],
                          "recipient": r["recipient_codes"], "text": r["text"], "article_id": r["article_id"],
                          "title": r["title"], "outlet": r["outlet"]})
    ids = list(dict.fromkeys(r["id"] for r in rows))
    articles = {r["article_id"] for r in rows}
    who = f"{'/'.join(actors)} ({'; '.join(speakers)})" if speakers else "/".join(actors)
    whom = f"{', '.join(recipients)} ({'; '.join(targets)})" if recipients else "no recipient named in the text"
    return {
        "kind": "red_line",
        "actor": ";".join(actors),
        "recipient": ";".join(recipients),
        "actors": actors,
        "recipients": recipients,
        "speakers": speakers,
        "targets": targets,
        "period": period,
        "end": period_end(period, by),
        "date": min(r["date"] for r in rows),
        "events": len(ids),
        "escalation": sum(1 for r in {r["id"]: r for r in rows}.values() if r["event"] in ESCALATION_EVENTS),
        "share": None,
        "baseline": None,
        "baseline_events": None,
        "articles": len(articles),
        "score": float(len(articles)),
        "summary": (f"red line drawn by {who}, aimed at {whom}, in {len(sentences)} sentence(s) of "
                    f"{len(articles)} article(s): \u201c{clip_text(sentences[0]['text'], 200)}\u201d"),
        "evidence": ids,
        "sentence_count": len(sentences),
        "sentences": sentences[:shown] if shown is not None else sentences,
    }


def clip_text(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


__all__ = [
    "ALERT_SENTENCES", "ESCALATION_EVENTS", "RED_LINE_EVENTS", "AlertOptions", "alerts", "escalation_alerts",
    "red_line_alerts",
]
