"""Analysts' views over the store: dyads, conflict-cooperation timelines, escalation alerts, daily digests.

Aggregates are computed in SQL (redline/store/analytics.py); this module validates options, applies the alert
method and lays out the digest. Every function takes an open `Store` and returns plain dicts, so the CLI, the
HTTP API and the dashboard show the same numbers. Reviewed events count with their reviewed values; rejected
ones are left out unless include_rejected, and reviewed_only keeps confirmed and corrected ones only.

Quad classes follow PLOVER: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass
from typing import Any

from .errors import UsageError
from .records import Factuality
from .store import analytics
from .store.reviews import ReviewScope

log = logging.getLogger(__name__)

PERIODS = ("day", "week", "month", "year")
ESCALATION_EVENTS = ("THREATEN", "MOBILIZE", "ASSAULT", "COERCE")
QUAD_NAMES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


@dataclass(frozen=True, slots=True)
class AlertOptions:
    """Knobs of the escalation test (see docs/analysis-and-web.md, "Alert method").

    by: period length; baseline: how many earlier periods form the dyad's own baseline; min_events: events the
    period needs before a share means anything; min_escalation: escalation events it needs; min_rise: smallest
    rise of the share over the baseline; z: smallest standardised rise (binomial, Laplace-smoothed baseline).
    """

    by: str = "month"
    baseline: int = 6
    min_events: int = 3
    min_escalation: int = 2
    min_rise: float = 0.2
    z: float = 2.0


def _con(store):
    """A fresh cursor on the store's DuckDB connection (cursors make concurrent readers safe)."""
    public = getattr(store, "cursor", None)
    return public() if callable(public) else store._cursor()


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise UsageError(f"by: unknown period {by!r} (choose one of {', '.join(PERIODS)})")
    return by


def check_factuality(values: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    """Factuality filter: None -> asserted only; "all" -> every value; else a comma list of known values."""
    if values is None:
        return (Factuality.ASSERTED.value,)
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    out = []
    known = {f.value for f in Factuality}
    for v in values:
        v = v.strip().lower()
        if v == "all":
            return tuple(sorted(known))
        if v not in known:
            raise UsageError(f"factuality: unknown value {v!r} (choose from all, {', '.join(sorted(known))})")
        out.append(v)
    return tuple(out)


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise UsageError(f"since ({since}) is after until ({until})")


def check_code(value: str | None, name: str) -> str | None:
    """An actor code filter, upper-cased; UsageError naming `name` when it cannot be a code."""
    if value is None or value == "":
        return None
    value = value.strip().upper()
    if not value.replace("_", "").isalnum() or len(value) > 12:
        raise UsageError(f"{name}: {value!r} is not an actor code (e.g. RUS, UKR, NATO)")
    return value


def dyads(
    store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    limit: int = 20,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Most active directed actor -> recipient pairs: event and article counts, mean Goldstein and PLOVER score."""
    check_range(since, until)
    if limit < 1:
        raise UsageError(f"limit: must be at least 1, got {limit}")
    return analytics.dyads(_con(store), since=since, until=until, factuality=check_factuality(factuality),
                           limit=limit, scope=ReviewScope(include_rejected, reviewed_only))


def timeline(
    store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    by: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    both_directions: bool = False,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Events per period for one dyad (or one actor, or everything): counts per quad class and mean scores.

    both_directions: count recipient -> actor events too (the dyad as a relationship, not one direction).
    Each row: period (first day), end (last day), events, verbal_coop .. material_conflict, goldstein,
    plover_score (mean event_scale), conflict_share.
    """
    check_range(since, until)
    rows = analytics.timeline(
        _con(store),
        actor=check_code(actor, "actor"),
        recipient=check_code(recipient, "recipient"),
        by=check_period(by),
        since=since,
        until=until,
        factuality=check_factuality(factuality),
        both_directions=both_directions,
        scope=ReviewScope(include_rejected, reviewed_only),
    )
    for r in rows:
        r["end"] = period_end(r["period"], by)
        n = r["events"]
        r["conflict_share"] = round((r["verbal_conflict"] + r["material_conflict"]) / n, 3) if n else 0.0
    return rows


def period_end(start: dt.date, by: str) -> dt.date:
    """The last day of the period that begins on `start`."""
    if by == "day":
        return start
    if by == "week":
        return start + dt.timedelta(days=6)
    if by == "month":
        nxt = dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


def alerts(
    store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    options: AlertOptions | None = None,
    red_lines: bool = True,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Escalation alerts (a dyad's escalation share rising above its own baseline) and red-line warnings.

    `since`/`until` bound the periods reported; the baseline may reach further back. Newest first.
    """
    check_range(since, until)
    opts = options or AlertOptions()
    check_period(opts.by)
    if opts.baseline < 1 or opts.min_events < 1:
        raise UsageError("alerts: baseline and min_events must be at least 1")
    facts = check_factuality(factuality)
    scope = ReviewScope(include_rejected, reviewed_only)
    rows = analytics.dyad_periods(_con(store), by=opts.by, until=until, factuality=facts,
                                  escalation=ESCALATION_EVENTS, scope=scope)
    out = escalation_alerts(rows, opts, since=since)
    if red_lines:
        out.extend(red_line_alerts(analytics.red_line_events(_con(store), since=since, until=until,
                                                             factuality=facts, by=opts.by, scope=scope),
                                   opts.by))
    out.sort(key=lambda a: (a["period"], a["score"]), reverse=True)
    return out


def escalation_alerts(rows: list[dict[str, Any]], opts: AlertOptions, *, since: dt.date | None = None
                      ) -> list[dict[str, Any]]:
    """Apply the escalation test to per-(dyad, period) counts, ordered by dyad and period.

    rows: dicts with actor, recipient, period, events, escalation, escalation_ids.
    """
    out: list[dict[str, Any]] = []
    history: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        key = (r["actor"], r["recipient"])
        past = history.setdefault(key, [])
        window = [p for p in past if _periods_between(p["period"], r["period"], opts.by) <= opts.baseline]
        past.append(r)
        if since and r["period"] < since and period_end(r["period"], opts.by) < since:
            continue
        n, k = r["events"], r["escalation"]
        if n < opts.min_events or k < opts.min_escalation or not window:
            continue
        base_n = sum(p["events"] for p in window)
        base_k = sum(p["escalation"] for p in window)
        baseline = (base_k + 1) / (base_n + 2)  # Laplace: a dyad with no history is not "0% forever"
        share = k / n
        rise = share - baseline
        se = (baseline * (1 - baseline) / n) ** 0.5
        z = rise / se
        if rise >= opts.min_rise and z >= opts.z:
            out.append({
                "kind": "escalation",
                "actor": r["actor"],
                "recipient": r["recipient"],
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
                            f"{baseline:.0%} over {base_n} earlier events"),
                "evidence": list(r["escalation_ids"]),
            })
    return out


def _periods_between(a: dt.date, b: dt.date, by: str) -> int:
    """How many periods `a` lies before `b` (both period starts)."""
    if by == "day":
        return (b - a).days
    if by == "week":
        return (b - a).days // 7
    if by == "month":
        return (b.year - a.year) * 12 + b.month - a.month
    return b.year - a.year


def red_line_alerts(rows: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Group events whose evidence sentence speaks of a "red line" by dyad and period."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r["actor"], r["recipient"], r["period"]), []).append(r)
    out = []
    for (actor, recipient, period), evs in groups.items():
        who = f"{actor or '?'} -> {recipient or '?'}"
        out.append({
            "kind": "red_line",
            "actor": actor,
            "recipient": recipient,
            "period": period,
            "end": period_end(period, by),
            "events": len(evs),
            "escalation": sum(1 for e in evs if e["event"] in ESCALATION_EVENTS),
            "share": None,
            "baseline": None,
            "baseline_events": None,
            "score": float(len(evs)),
            "summary": f"{who}: {len(evs)} event(s) whose sentence draws a red line",
            "evidence": [e["id"] for e in evs],
        })
    return out


def digest(
    store,
    *,
    date: dt.date,
    days: int = 1,
    top: int = 10,
    factuality: str | list[str] | None = None,
    base_url: str = "",
    options: AlertOptions | None = None,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> dict[str, Any]:
    """A daily brief for the `days` days ending on `date`: top dyads, new escalations, key quotes.

    Every item carries the ids of its evidence events (or quote) and a link built on `base_url` (the dashboard).
    """
    if days < 1:
        raise UsageError(f"days: must be at least 1, got {days}")
    try:
        since = date - dt.timedelta(days=days - 1)
    except OverflowError as exc:
        raise UsageError(f"date: {date} with days={days} starts before the year 1") from exc
    reviews = {"include_rejected": include_rejected, "reviewed_only": reviewed_only}
    top_dyads = dyads(store, since=since, until=date, factuality=factuality, limit=top, **reviews)
    for d in top_dyads:
        d["evidence"] = analytics.dyad_event_ids(_con(store), actor=d["actor"], recipient=d["recipient"],
                                                 since=since, until=date,
                                                 factuality=check_factuality(factuality), limit=5,
                                                 scope=ReviewScope(include_rejected, reviewed_only))
    opts = options or AlertOptions(by="week", baseline=8)
    new_alerts = [a for a in alerts(store, since=since, until=date, factuality=factuality, options=opts, **reviews)
                  if a["end"] >= since]
    quotes = _quotes(store, since, date, top)
    return {
        "date": date,
        "since": since,
        "base_url": base_url,
        "dyads": top_dyads,
        "alerts": new_alerts,
        "quotes": quotes,
    }


def _quotes(store, since: dt.date, until: dt.date, limit: int) -> list[dict[str, Any]]:
    """Quotes of the window with a known speaker, the ones linked to events first, then the longest."""
    rows = store.quotes(since=since, until=until, limit=limit * 5)
    rows = [q for q in rows if q.get("speaker_text") or q.get("speaker")]
    rows.sort(key=lambda q: (not q.get("event_ids"), -len(q.get("text") or "")))
    return rows[:limit]


def highlights(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Spans to highlight in an event's evidence sentence: trigger, actors and recipients.

    Offsets are characters within `event["text"]` (the sentence). The trigger comes from text_info (body
    offsets minus the sentence start); an actor or recipient is found by its entity_text in the sentence
    (first occurrence not overlapping an earlier highlight), and is left out when the sentence does not
    contain it (e.g. a pronoun resolved to a name).
    """
    text = event.get("text") or ""
    ti = event.get("text_info") or {}
    out: list[dict[str, Any]] = []
    start = ti.get("start")
    if start is not None and ti.get("trigger_end") and ti["trigger_end"] > ti["trigger_start"]:
        a, b = ti["trigger_start"] - start, ti["trigger_end"] - start
        if 0 <= a < b <= len(text):
            out.append({"kind": "trigger", "start": a, "end": b, "text": text[a:b]})
    lower = text.lower()
    for kind in ("actor", "recipient"):
        for ent in event.get(kind) or []:
            needle = (ent.get("entity_text") or "").strip()
            if not needle:
                continue
            pos = lower.find(needle.lower())
            while pos >= 0 and any(pos < h["end"] and h["start"] < pos + len(needle) for h in out):
                pos = lower.find(needle.lower(), pos + 1)
            if pos >= 0:
                out.append({"kind": kind, "start": pos, "end": pos + len(needle), "text": text[pos:pos + len(needle)],
                            "code": ent.get("code")})
    out.sort(key=lambda h: h["start"])
    return out


def event_link(base_url: str, event_id: str) -> str:
    return f"{base_url.rstrip('/')}/#event={event_id}"


def article_link(base_url: str, article_id: str) -> str:
    return f"{base_url.rstrip('/')}/articles/{article_id}"


def render_digest(d: dict[str, Any], fmt: str = "md") -> str:
    """The digest as Markdown or standalone HTML; every line links to its evidence."""
    if fmt not in ("md", "html"):
        raise UsageError(f"format: unknown digest format {fmt!r} (md or html)")
    base = d["base_url"]
    span = str(d["date"]) if d["since"] == d["date"] else f"{d['since']} to {d['date']}"
    lines: list[tuple[str, str, list[tuple[str, str]]]] = []  # (section, text, [(label, url)])
    for x in d["dyads"]:
        text = (f"{x['actor']} -> {x['recipient']}: {x['events']} events in {x['articles']} articles, "
                f"mean Goldstein {x['goldstein']:+.1f}, conflict share {x['conflict_share']:.0%}")
        lines.append(("Top dyads", text, [(eid, event_link(base, eid)) for eid in x["evidence"]]))
    for a in d["alerts"]:
        lines.append(("New escalations", f"[{a['kind']}] {a['period']}: {a['summary']}",
                      [(eid, event_link(base, eid)) for eid in a["evidence"][:5]]))
    for q in d["quotes"]:
        who = q.get("speaker_text") or (q.get("speaker") or {}).get("entity_text") or "?"
        code = (q.get("speaker") or {}).get("code")
        text = f"{who}{f' ({code})' if code else ''}: \u201c{_clip(q['text'], 240)}\u201d"
        links = [(eid, event_link(base, eid)) for eid in q.get("event_ids") or []]
        links.append(("article", article_link(base, q["article_id"])))
        lines.append(("Key quotes", text, links))
    sections = ("Top dyads", "New escalations", "Key quotes")
    if fmt == "md":
        out = [f"# redline digest: {span}", ""]
        for sec in sections:
            out += [f"## {sec}", ""]
            items = [(t, ls) for s, t, ls in lines if s == sec]
            if not items:
                out.append("_None._")
            for t, ls in items:
                refs = ", ".join(f"[{label}]({url})" for label, url in ls)
                out.append(f"- {t} ({refs})" if refs else f"- {t}")
            out.append("")
        return "\n".join(out)
    e = html.escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>redline digest {e(span)}</title></head><body>", f"<h1>redline digest: {e(span)}</h1>"]
    for sec in sections:
        out.append(f"<h2>{e(sec)}</h2>")
        items = [(t, ls) for s, t, ls in lines if s == sec]
        if not items:
            out.append("<p><em>None.</em></p>")
            continue
        out.append("<ul>")
        for t, ls in items:
            refs = ", ".join(f'<a href="{e(url)}">{e(label)}</a>' for label, url in ls)
            out.append(f"<li>{e(t)}" + (f" ({refs})" if refs else "") + "</li>")
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


def _clip(s: str, n: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def network(
    store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    limit: int = 60,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> dict[str, Any]:
    """Actor network: nodes (actors with event counts) and directed edges (dyads) for the dashboard."""
    edges = dyads(store, since=since, until=until, factuality=factuality, limit=limit,
                  include_rejected=include_rejected, reviewed_only=reviewed_only)
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for code, role in ((e["actor"], "sent"), (e["recipient"], "received")):
            n = nodes.setdefault(code, {"code": code, "sent": 0, "received": 0})
            n[role] += e["events"]
    return {"nodes": list(nodes.values()), "edges": edges}


def locations(
    store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    limit: int = 500,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Places with coordinates where events happened: name, country, lat, lon, events, conflict events."""
    check_range(since, until)
    return analytics.locations(_con(store), actor=check_code(actor, "actor"),
                               recipient=check_code(recipient, "recipient"),
                               since=since, until=until, factuality=check_factuality(factuality), limit=limit,
                               scope=ReviewScope(include_rejected, reviewed_only))


def summary(store, *, include_rejected: bool = False, reviewed_only: bool = False) -> dict[str, Any]:
    """First and last event date, event and article counts (the dashboard's defaults)."""
    return analytics.date_range(_con(store), scope=ReviewScope(include_rejected, reviewed_only))
