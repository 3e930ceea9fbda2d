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
from collections import deque
from dataclasses import dataclass
from typing import Any

from .errors import UsageError
from .records import Factuality
from .store import analytics
from .store.reviews import ReviewScope

log = logging.getLogger(__name__)

PERIODS = ("day", "week", "month", "year")
ESCALATION_EVENTS = ("THREATEN", "MOBILIZE", "ASSAULT", "COERCE")
# A red-line warning is a threat: the coder codes "X is a red line for us", "warned that ... would cross a red
# line" as THREATEN with the speaker as actor. Other events of a sentence that mentions a red line are not
# warnings: the summit at which it was said, the troops it was about, and also accusations, refusals and
# requests that mention someone else's red line (all four such alerts of the audit were wrong: Trump criticising
# Obama's red line, Netanyahu pressing Obama to draw one; docs/analysis-and-web.md).
RED_LINE_EVENTS = ("THREATEN",)
ALERT_SENTENCES = 3  # evidence sentences an alert shows in the table and the digest (JSON carries all)
QUAD_NAMES = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


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


def suggest_code(store, value: str | None, name: str) -> None:
    """UsageError when `value` is in no stored event but matches a stored actor's name ("RUSSIA" -> RUS).

    A code that is simply absent from the store passes (the answer is then empty, which is true).
    """
    if not value:
        return
    code = value.strip().upper()
    if store.has_actor_code(code):
        return
    known = store.actors(limit=None)
    needle = value.strip().lower()
    hits = [a for a in known if any(needle == n.lower() or (len(needle) >= 4 and needle in n.lower())
                                    for n in a.get("names") or [])]
    if hits:
        best = ", ".join(f"{a['code']} ({(a.get('names') or [''])[0]})" for a in hits[:3])
        raise UsageError(f"{name}: no stored event has the code {code!r}; did you mean {best}? Actors are given "
                         "by code: ISO 3166 alpha-3 for countries (RUS, UKR), organisation codes (NATO, EU)")


def code_hint(store, value: str | None, name: str) -> str | None:
    """A hint for an empty answer: the code is in no stored event (with a few codes that are)."""
    if not value:
        return None
    code = value.strip().upper()
    if store.has_actor_code(code):
        return None
    known = store.actors(limit=None)
    top = ", ".join(a["code"] for a in known[:8])
    return (f"{name}: no stored event has the code {code!r}" + (f"; the most frequent codes are {top}" if top else "")
            + " (`redline dyads` lists pairs)")


def dyads(
    store,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    factuality: str | list[str] | None = None,
    limit: int = 20,
    undated: bool = False,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Most active directed actor -> recipient pairs: event and article counts, mean Goldstein and PLOVER score.

    undated: count background events the text gives no date (precision "unknown") on their article's date;
    by default they are left out, like every aggregate leaves them out.
    """
    check_range(since, until)
    if limit < 1:
        raise UsageError(f"limit: must be at least 1, got {limit}")
    return analytics.dyads(_con(store), since=since, until=until, factuality=check_factuality(factuality),
                           limit=limit, undated=undated, scope=ReviewScope(include_rejected, reviewed_only))


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
    undated: bool = False,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Events per period for one dyad (or one actor, or everything): counts per quad class and mean scores.

    both_directions: count recipient -> actor events too (the dyad as a relationship, not one direction).
    undated: count background events the text gives no date on their article's date.
    An event counts in a period only when its date is at least as precise as the period (a year-only date in no
    month, a month-only date in no day or week); `timeline_left_out` says how many were left out.
    Every period from the first to the last (from `since` to `until` when given) has a row, empty ones with
    zero events. Each row: period (first day), end (last day), label (2014-03, 2014-W09, 2014, 2014-03-05),
    events, verbal_coop .. material_conflict, goldstein and plover_score (means; None when empty),
    conflict_share.
    """
    check_range(since, until)
    args = _timeline_args(actor, recipient, by, since, until, factuality, both_directions, undated,
                          include_rejected, reviewed_only)
    suggest_code(store, args["actor"], "actor")
    suggest_code(store, args["recipient"], "recipient")
    rows = _fill_periods(analytics.timeline(_con(store), **args), by, since, until)
    for r in rows:
        r["end"] = period_end(r["period"], by)
        r["label"] = period_label(r["period"], by)
        n = r["events"]
        r["conflict_share"] = round((r["verbal_conflict"] + r["material_conflict"]) / n, 3) if n else 0.0
    return rows


def _timeline_args(actor, recipient, by, since, until, factuality, both_directions, undated,
                   include_rejected=False, reviewed_only=False) -> dict[str, Any]:
    return {"actor": check_code(actor, "actor"), "recipient": check_code(recipient, "recipient"),
            "by": check_period(by), "since": since, "until": until, "factuality": check_factuality(factuality),
            "both_directions": both_directions, "undated": undated,
            "scope": ReviewScope(include_rejected, reviewed_only)}


def timeline_left_out(store, **options: Any) -> dict[str, int]:
    """The events the same `timeline(store, **options)` left out: `coarser` (dated less precisely than the
    period: a year-only date in a monthly timeline) and `undated` (background, no date in the text; 0 with
    undated=True). options: those of `timeline`."""
    args = {"actor": None, "recipient": None, "by": "month", "since": None, "until": None, "factuality": None,
            "both_directions": False, "undated": False, "include_rejected": False, "reviewed_only": False,
            **options}
    check_range(args["since"], args["until"])
    row = analytics.timeline(_con(store), left_out=True, **_timeline_args(**args))[0]
    return {"coarser": int(row["coarser"] or 0), "undated": int(row["undated"] or 0)}


def left_out_note(left: dict[str, int], by: str) -> str:
    """One line saying what a timeline left out, or "" when nothing was."""
    parts = []
    if left["coarser"]:
        parts.append(f"{left['coarser']} event(s) dated less precisely than a {by}")
    if left["undated"]:
        parts.append(f"{left['undated']} undated background event(s) (include them with --undated)")
    return ("left out: " + "; ".join(parts)) if parts else ""


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of the period holding `day` (weeks start on Monday, as in DuckDB's date_trunc)."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def period_label(start: dt.date, by: str) -> str:
    """How a period is named: 2014-03-05 (day), 2014-W10 (ISO week), 2014-03 (month), 2014 (year)."""
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return {"day": start.isoformat(), "month": f"{start:%Y-%m}", "year": f"{start:%Y}"}[by]


def _fill_periods(rows: list[dict[str, Any]], by: str, since: dt.date | None, until: dt.date | None
                  ) -> list[dict[str, Any]]:
    """Rows for every period between the bounds (the given ones, else the first and last row), zeros where empty."""
    if not rows and not (since and until):
        return rows
    first = period_start(since, by) if since else rows[0]["period"]
    last = period_start(until, by) if until else rows[-1]["period"]
    have = {r["period"]: r for r in rows}
    out = []
    day = first
    while day <= last:
        out.append(have.get(day) or {"period": day, "events": 0, "verbal_coop": 0, "material_coop": 0,
                                     "verbal_conflict": 0, "material_conflict": 0, "goldstein": None,
                                     "plover_score": None})
        day = period_end(day, by) + dt.timedelta(days=1)
    return out


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
    undated: bool = False,
    include_rejected: bool = False,
    reviewed_only: bool = False,
) -> list[dict[str, Any]]:
    """Escalation alerts (a dyad's escalation share rising above its own baseline) and red-line warnings.

    `since`/`until` bound the periods reported; the baseline may reach further back. factuality: the events
    that count (default: asserted). Newest first.
    Every alert carries `sentences`: its evidence events with their sentence, date and article.
    """
    check_range(since, until)
    opts = options or AlertOptions()
    check_period(opts.by)
    if opts.baseline < 1 or opts.min_events < 1 or opts.min_baseline < 1:
        raise UsageError("alerts: baseline, min_baseline and min_events must be at least 1")
    facts = check_factuality(factuality)
    scope = ReviewScope(include_rejected, reviewed_only)
    rows = analytics.dyad_periods(_con(store), by=opts.by, until=until, factuality=facts,
                                  escalation=ESCALATION_EVENTS, undated=undated, scope=scope)
    out = escalation_alerts(rows, opts, since=since)
    ids = analytics.escalation_ids(_con(store), [(a["actor"], a["recipient"], a["period"], a["end"]) for a in out],
                                   factuality=facts, escalation=ESCALATION_EVENTS, undated=undated, scope=scope)
    for a in out:  # ids is None when dyad_periods listed them (a scope the aggregates do not hold)
        a["evidence"] = ids.get((a["actor"], a["recipient"], a["period"]), a["evidence"]) if ids is not None \
            else a["evidence"]
    evidence = analytics.event_evidence(_con(store), sorted({e for a in out for e in a["evidence"]}))
    for a in out:
        a["sentences"] = sorted((_sentence(evidence[e]) for e in a["evidence"] if e in evidence),
                                key=lambda x: (x["date"] or dt.date.min, x["id"]))
    if red_lines:
        # Red lines count asserted events by default too. A red line is stated conditionally ("would be a red
        # line for Russia"), but the coder codes the drawing of it as asserted (only its content is conditional);
        # what it leaves hypothetical is a red line someone might draw or enforce: a plea for one, the reluctance
        # or refusal to enforce one (every hypothetical red-line THREATEN of the third audit was such).
        out.extend(red_line_alerts(analytics.red_line_mentions(_con(store), since=since, until=until,
                                                               factuality=facts, events=RED_LINE_EVENTS,
                                                               by=opts.by, scope=scope), opts.by))
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
        while past and _periods_between(past[0]["period"], r["period"], opts.by) > opts.baseline:
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
    return [_red_line_alert(members, period, by) for (_, period), members in groups.items()]


def _recipient_names(row: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    """(name, code) of each recipient a red-line mention names (code None when the row does not say)."""
    names = row["recipient_names"]
    return list(zip(names, row.get("recipient_name_codes") or [None] * len(names), strict=True))


def _red_line_alert(rows: list[dict[str, Any]], period: dt.date, by: str) -> dict[str, Any]:
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
                    f"{len(articles)} article(s): \u201c{_clip(sentences[0]['text'], 200)}\u201d"),
        "evidence": ids,
        "sentences": sentences,
    }


def digest(
    store,
    *,
    date: dt.date,
    days: int = 1,
    top: int = 10,
    factuality: str | list[str] | None = None,
    base_url: str = "",
    options: AlertOptions | None = None,
    undated: bool = False,
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
    top_dyads = dyads(store, since=since, until=date, factuality=factuality, limit=top, undated=undated, **reviews)
    evidence = analytics.dyads_event_ids(_con(store), [(d["actor"], d["recipient"]) for d in top_dyads],
                                         since=since, until=date, factuality=check_factuality(factuality), limit=5,
                                         scope=ReviewScope(include_rejected, reviewed_only))
    for d in top_dyads:
        d["evidence"] = evidence[(d["actor"], d["recipient"])]
    opts = options or AlertOptions(by="week", baseline=8)
    new_alerts = [a for a in alerts(store, since=since, until=date, factuality=factuality, options=opts,
                                    undated=undated, **reviews) if a["end"] >= since]
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
    """Quotes of the window with a known speaker, the ones linked to events first, then the longest; a quoted
    fragment of a statement is folded into it (one line per statement)."""
    from .quotes_api import fold_fragments

    rows = fold_fragments(store.quotes(since=since, until=until, limit=limit * 5))
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
    # (section, text, [(label, url)], [(evidence sentence, url)])
    lines: list[tuple[str, str, list[tuple[str, str]], list[tuple[str, str]]]] = []
    for x in d["dyads"]:
        text = (f"{x['actor']} -> {x['recipient']}: {x['events']} events in {x['articles']} articles, "
                f"mean Goldstein {x['goldstein']:+.1f}, conflict share {x['conflict_share']:.0%}")
        lines.append(("Top dyads", text, [(eid, event_link(base, eid)) for eid in x["evidence"]], []))
    for a in d["alerts"]:
        label = "red line" if a["kind"] == "red_line" else a["kind"]
        evidence = [(f"{s['date']} {s['event']}: \u201c{_clip(s['text'], 240)}\u201d", event_link(base, s["id"]))
                    for s in a.get("sentences", [])[:ALERT_SENTENCES]]
        lines.append(("New alerts", f"[{label}] {a['period']}: {a['summary']}",
                      [(eid, event_link(base, eid)) for eid in a["evidence"][:5]], evidence))
    for q in d["quotes"]:
        who = q.get("speaker_text") or (q.get("speaker") or {}).get("entity_text") or "?"
        code = (q.get("speaker") or {}).get("code")
        text = f"{who}{f' ({code})' if code else ''}: \u201c{_clip(q['text'], 240)}\u201d"
        links = [(eid, event_link(base, eid)) for eid in q.get("event_ids") or []]
        links.append(("article", article_link(base, q["article_id"])))
        lines.append(("Key quotes", text, links, []))
    sections = ("Top dyads", "New alerts", "Key quotes")
    if fmt == "md":
        out = [f"# redline digest: {span}", ""]
        for sec in sections:
            out += [f"## {sec}", ""]
            items = [(t, ls, ev) for s, t, ls, ev in lines if s == sec]
            if not items:
                out.append("_None._")
            for t, ls, ev in items:
                refs = ", ".join(f"[{label}]({url})" for label, url in ls)
                out.append(f"- {t} ({refs})" if refs else f"- {t}")
                out += [f"  - {sentence} ([event]({url}))" for sentence, url in ev]
            out.append("")
        return "\n".join(out)
    e = html.escape
    out = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>redline digest {e(span)}</title></head><body>", f"<h1>redline digest: {e(span)}</h1>"]
    for sec in sections:
        out.append(f"<h2>{e(sec)}</h2>")
        items = [(t, ls, ev) for s, t, ls, ev in lines if s == sec]
        if not items:
            out.append("<p><em>None.</em></p>")
            continue
        out.append("<ul>")
        for t, ls, ev in items:
            refs = ", ".join(f'<a href="{e(url)}">{e(label)}</a>' for label, url in ls)
            sub = "".join(f'<li>{e(sentence)} (<a href="{e(url)}">event</a>)</li>' for sentence, url in ev)
            out.append(f"<li>{e(t)}" + (f" ({refs})" if refs else "") + (f"<ul>{sub}</ul>" if sub else "")
                       + "</li>")
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
    actor, recipient = check_code(actor, "actor"), check_code(recipient, "recipient")
    suggest_code(store, actor, "actor")
    suggest_code(store, recipient, "recipient")
    return analytics.locations(_con(store), actor=actor, recipient=recipient,
                               since=since, until=until, factuality=check_factuality(factuality), limit=limit,
                               scope=ReviewScope(include_rejected, reviewed_only))


def summary(store, *, include_rejected: bool = False, reviewed_only: bool = False) -> dict[str, Any]:
    """First and last event date, event and article counts (the dashboard's defaults)."""
    return analytics.date_range(_con(store), scope=ReviewScope(include_rejected, reviewed_only))
