"""Event mentions -> real-world events: the `events` rows and, through redline/store/aggregates.py, the
aggregates behind dyads, timelines and alerts.

A batch costs the same at a thousand or ten million stored events: an event first seen in this batch is
computed from the batch's own rows; only events that already existed (a second article reporting the same
event, a duplicate raising its counts, a removed article) are recomputed from the store, through point
lookups on indexed columns (an IN list of constants: DuckDB answers it from its ART index, where a join or
a semi-join on a parameter list would scan the table).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from . import aggregates, reviews
from .bulk import upsert_rows
from .rows import MentionFacts, now

EVENT_COLUMNS = ("id", "key", "event", "mode", "factuality", "date", "actor_codes", "recipient_codes", "cameo",
                 "quad_code", "goldstein", "event_scale", "rep_article", "rep_seq", "rep_n", "num_mentions",
                 "num_sources", "num_articles", "avg_tone", "is_root", "added", "date_precision", "article_day")
_KEPT = ("key", "added")  # what a recomputed event keeps of its stored row


def _in(values: list) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


def _chunks(values: list, n: int = 500) -> Iterable[list]:
    for i in range(0, len(values), n):
        yield values[i:i + n]


def _event_row(ev_id: str, key: str, ms: list[MentionFacts], copies: dict[str, list[tuple]]) -> tuple:
    """One events row from all mentions of the event and the copies (outlet, tone) of their articles."""
    rep = min(ms, key=lambda m: (m.published is None, m.published or dt.date.min, m.article_id, m.seq))
    arts = {m.article_id: (m.outlet, m.tone) for m in ms}
    outlets = {o for o, _ in arts.values()} | {o for a in arts for o, _ in copies.get(a, ())}
    tones = [t for _, t in arts.values() if t is not None] + \
            [t for a in arts for _, t in copies.get(a, ()) if t is not None]
    return (
        ev_id, key, rep.event, rep.mode, rep.factuality, rep.date, rep.actor_codes, rep.recipient_codes, rep.cameo,
        rep.quad_code, rep.goldstein, rep.event_scale, rep.article_id, rep.seq, rep.n,
        len(ms) + sum(len(copies.get(m.article_id, ())) for m in ms),
        len(outlets),
        len(arts) + sum(len(copies.get(a, ())) for a in arts),
        sum(tones) / len(tones) if tones else None,
        any(m.paragraph == 0 for m in ms),
        now(),
        rep.date_precision,
        rep.article_day,  # where an undated event counts when the analysis counts undated events
    )


def _stored_mentions(con, ids: list[str]) -> dict[str, list[MentionFacts]]:
    by_event: dict[str, list[MentionFacts]] = defaultdict(list)
    rows = []
    for part in _chunks(ids):
        rows += con.execute(f"""
            SELECT event_id, article_id, seq, paragraph, event, mode, factuality, date, actor_codes, recipient_codes,
                   cameo, quad_code, goldstein, event_scale, n, date_precision
            FROM event_mentions WHERE event_id IN {_in(part)}""", part).fetchall()
    arts = _articles(con, sorted({r[1] for r in rows}))
    for r in rows:
        published, outlet, tone, day = arts[r[1]]
        by_event[r[0]].append(MentionFacts(r[0], r[1], r[2], published, outlet, tone, *r[3:], day))
    return by_event


def _articles(con, ids: list[str]) -> dict[str, tuple]:
    out = {}
    for part in _chunks(ids):
        for aid, published, outlet, tone, day in con.execute(
                f"SELECT id, published, outlet, tone, coalesce(reference_date, published) FROM articles "
                f"WHERE id IN {_in(part)}", part).fetchall():
            out[aid] = (published, outlet, tone, day)
    return out


def _copies(con, article_ids: list[str]) -> dict[str, list[tuple]]:
    copies: dict[str, list[tuple]] = defaultdict(list)
    for part in _chunks(article_ids):
        for orig, outlet, tone in con.execute(
                f"SELECT duplicate_of, outlet, tone FROM articles WHERE duplicate_of IN {_in(part)}", part).fetchall():
            copies[orig].append((outlet, tone))
    return copies


def refresh_events(con, event_keys: dict[str, str], *, new: Iterable[MentionFacts] = ()) -> None:
    """Recompute the events rows for these ids (and move the aggregates by the change).

    Representative mention: earliest published article first, then article id and position, so the result
    does not depend on ingest order. event_keys maps id -> key (the key is only needed for new events).
    new: the mentions just written for articles stored in this transaction (no copies yet): an event none
    of whose mentions is older is computed from them alone, without reading the store.
    """
    ids = sorted(event_keys)
    if not ids:
        return
    batch: dict[str, list[MentionFacts]] = defaultdict(list)
    for m in new:
        batch[m.event_id].append(m)
    existing: set[str] = set()
    for part in _chunks(ids):
        existing.update(r[0] for r in con.execute(f"SELECT id FROM events WHERE id IN {_in(part)}", part).fetchall())
    stale = [i for i in ids if i in existing or i not in batch]  # recomputed from the store
    by_event = _stored_mentions(con, stale) if stale else {}
    copies = _copies(con, sorted({m.article_id for ms in by_event.values() for m in ms})) if by_event else {}
    rows = [_event_row(i, event_keys.get(i) or "", by_event[i], copies) for i in stale if i in by_event]
    rows += [_event_row(i, event_keys.get(i) or "", batch[i], {}) for i in ids if i not in existing and i in batch
             and i not in by_event]
    gone = [i for i in stale if i not in by_event]

    def apply() -> None:
        if gone:
            for part in _chunks(gone):
                con.execute(f"DELETE FROM events WHERE id IN {_in(part)}", part)
        # `existing` was read above, in this write (the events of `gone` are deleted, not among the rows)
        upsert_rows(con, "events", sorted(rows, key=lambda r: r[0]), key="id", columns=EVENT_COLUMNS, keep=_KEPT,
                    stored=existing)
        # the reviews follow their anchors and the latest review is laid over each row, inside this write, so
        # the aggregates move by the reviewed values (a rejected event leaves them)
        reviews.after_refresh(con, ids, refresh_events)

    aggregates.update(con, ids, apply)
