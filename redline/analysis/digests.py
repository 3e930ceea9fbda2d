"""The daily digest (top dyads, new alerts, key quotes, each with links to its evidence) and its Markdown and HTML
layouts; the highlights of an event's evidence sentence.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from ..errors import UsageError
from ..store import analytics
from ..store.reviews import ReviewScope
from .alerting import ALERT_SENTENCES, AlertOptions, clip_text, alerts
from .options import connection_of, check_factuality
from .views import dyads


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
    evidence = analytics.dyads_event_ids(connection_of(store), [(d["actor"], d["recipient"]) for d in top_dyads],
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
    from ..quotes_api import fold_fragments

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
        evidence = [(f"{s['date']} {s['event']}: \u201c{clip_text(s['text'], 240)}\u201d", event_link(base, s["id"]))
                    for s in a.get("sentences", [])[:ALERT_SENTENCES]]
        lines.append(("New alerts", f"[{label}] {a['period']}: {a['summary']}",
                      [(eid, event_link(base, eid)) for eid in a["evidence"][:5]], evidence))
    for q in d["quotes"]:
        who = q.get("speaker_text") or (q.get("speaker") or {}).get("entity_text") or "?"
        code = (q.get("speaker") or {}).get("code")
        text = f"{who}{f' ({code})' if code else ''}: \u201c{clip_text(q['text'], 240)}\u201d"
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


__all__ = ["article_link", "digest", "event_link", "highlights", "render_digest"]
