"""Analysts' reviews of events: the `reviews` table, the mentions each review is anchored to, and the overlay.

A review is a verdict on one event (confirmed, rejected or corrected) with the complete coding the reviewer
stands behind: the machine's values for a confirmation or a rejection, the machine's values with the
reviewer's changes for a correction. The machine's coding is never overwritten: it stays in `event_mentions`
(and each review keeps a snapshot of it). The `events` table is derived from the mentions by
`queries.refresh_events`; after each refresh the latest review of an event is laid over its row (its coded
columns take the reviewed values and `events.review` the verdict), so every count, filter and aggregate sees
reviewed values at no extra cost per query, and `review IS DISTINCT FROM 'rejected'` drops rejected events.

Event ids are hashes of the machine's codes, so re-coding an article with another coder or actor file can
give its events new ids. A review therefore also records anchors: the event's mentions at review time, each
as (article id, a hash of the sentence text and of the trigger's offsets within it, the machine's type). After
every refresh the reviews anchored in the touched articles follow their first surviving anchor to whatever
event it belongs to now; a review none of whose anchors survives keeps event_id NULL and is an orphan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import StoreError, UsageError
from .rows import now, unpack_text
from .schema import migration

VERDICTS = ("confirmed", "rejected", "corrected")
# The coded columns of `events` a review overrides (same names in `reviews`).
OVERLAY = ("event", "mode", "factuality", "date", "actor_codes", "recipient_codes", "cameo", "quad_code", "goldstein")
# A mention's anchor: its sentence and the trigger's place in it (no codes, so re-coding keeps it): md5 of
# concat_ws('|', sentence, trigger_start - start, trigger_end - start), computed in Python (_sig) because the
# sentence is cut from the compressed article body.
_COLUMNS = ("id", "event_id", "verdict", "event", "mode", "factuality", "date", "date_precision", "actor_codes",
            "actor_sectors", "recipient_codes", "recipient_sectors", "place", "cameo", "quad_code", "goldstein",
            "event_scale", "changed", "machine", "reviewer", "reviewed", "note", "orphaned")


@migration(20, "reviews: analysts' verdicts on events, their anchors, and the reviewed verdict on events")
def _reviews_tables(con) -> None:
    con.execute("""
        CREATE TABLE reviews (
            id VARCHAR PRIMARY KEY,
            event_id VARCHAR,
            verdict VARCHAR NOT NULL,
            event VARCHAR NOT NULL,
            mode VARCHAR,
            factuality VARCHAR NOT NULL,
            date DATE,
            date_precision VARCHAR,
            actor_codes VARCHAR[],
            actor_sectors VARCHAR[],
            recipient_codes VARCHAR[],
            recipient_sectors VARCHAR[],
            place JSON,
            cameo VARCHAR,
            quad_code INTEGER,
            goldstein DOUBLE,
            event_scale DOUBLE,
            changed VARCHAR[] NOT NULL,
            machine JSON NOT NULL,
            reviewer VARCHAR NOT NULL,
            reviewed TIMESTAMP NOT NULL,
            note VARCHAR,
            orphaned TIMESTAMP
        )""")
    con.execute("""
        CREATE TABLE review_anchors (
            review_id VARCHAR NOT NULL,
            pos INTEGER NOT NULL,
            article_id VARCHAR NOT NULL,
            sig VARCHAR NOT NULL,
            event VARCHAR NOT NULL,
            PRIMARY KEY (review_id, pos)
        )""")
    con.execute("CREATE INDEX review_anchors_article ON review_anchors (article_id)")
    # the verdict laid over the event; an ENUM compares as an integer, which every filtered query pays for
    con.execute(f"ALTER TABLE events ADD COLUMN review ENUM({', '.join(repr(v) for v in VERDICTS)})")
    # and the review itself (without its machine snapshot), so a page of events needs no second query
    con.execute("ALTER TABLE events ADD COLUMN review_data JSON")


@dataclass(frozen=True, slots=True)
class ReviewScope:
    """Which events the analysis sees: rejected ones are left out unless include_rejected; reviewed_only keeps
    only confirmed and corrected events (plus rejected ones when include_rejected)."""

    include_rejected: bool = False
    reviewed_only: bool = False

    def clause(self, alias: str = "e") -> str:
        """A SQL condition over `<alias>.review` (no parameters)."""
        col = f"{alias}.review" if alias else "review"
        if self.reviewed_only:
            return f"{col} IS NOT NULL" if self.include_rejected else f"{col} IN ('confirmed', 'corrected')"
        return "TRUE" if self.include_rejected else f"{col} IS DISTINCT FROM 'rejected'"


DEFAULT_SCOPE = ReviewScope()


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One review as the store writes it (built and validated by redline.reviews).

    changed: the fields the reviewer set; machine: the PLOVER dict of the event's representative mention when
    it was reviewed, with the event id; anchors: (article id, mention seq) of the event's mentions, the one the
    reviewer saw first.
    """

    id: str
    event_id: str
    verdict: str
    event: str
    mode: str | None
    factuality: str
    date: dt.date | None
    date_precision: str | None
    actor_codes: tuple[str | None, ...]
    actor_sectors: tuple[str | None, ...]
    recipient_codes: tuple[str | None, ...]
    recipient_sectors: tuple[str | None, ...]
    place: dict | None
    cameo: str | None
    quad_code: int | None
    goldstein: float | None
    event_scale: float | None
    changed: tuple[str, ...]
    machine: dict
    reviewer: str
    reviewed: dt.datetime
    note: str | None = None

    def values(self) -> tuple:
        return (self.id, self.event_id, self.verdict, self.event, self.mode, self.factuality, self.date,
                self.date_precision, list(self.actor_codes), list(self.actor_sectors), list(self.recipient_codes),
                list(self.recipient_sectors), json.dumps(self.place) if self.place is not None else None,
                self.cameo, self.quad_code, self.goldstein, self.event_scale, list(self.changed),
                json.dumps(self.machine, ensure_ascii=False, default=str), self.reviewer, self.reviewed, self.note,
                None)


def has_reviews(con) -> bool:
    return con.execute("SELECT 1 FROM reviews LIMIT 1").fetchone() is not None


def after_refresh(con, ids: list[str], refresh) -> None:
    """Keep reviews on their events after `refresh_events` recomputed `ids` from their mentions.

    Relinks the reviews anchored in the touched articles (or attached to those events), recomputes the machine
    values of other events that lost or gained a review (through `refresh`, which calls back here), then lays
    the latest review of each event over its row.
    """
    if not ids or not has_reviews(con):
        return
    moved = _relink(con, ids)
    others = sorted(moved - set(ids))
    if others:
        refresh(con, dict.fromkeys(others, ""))
    _overlay(con, ids)


def _sig(text: str | None, start: int | None, trigger_start: int | None, trigger_end: int | None) -> str:
    """MENTION_SIG computed in Python (the sentence is cut from the compressed body): md5 of
    concat_ws('|', text, trigger_start - start, trigger_end - start), NULLs skipped as concat_ws skips them."""
    parts = [text,
             None if trigger_start is None or start is None else str(trigger_start - start),
             None if trigger_end is None or start is None else str(trigger_end - start)]
    return hashlib.md5("|".join(p for p in parts if p is not None).encode("utf-8")).hexdigest()


def _mention_anchors(con, *, article_ids: list[str] | None = None, event_ids: list[str] | None = None) -> list[tuple]:
    """(n, article_id, seq, event_id, event, sig) of the mentions of these articles or events."""
    col, values = ("article_id", article_ids) if article_ids is not None else ("event_id", event_ids)
    if not values:
        return []
    rows = con.execute(f"""SELECT n, article_id, seq, event_id, event, start_char, end_char, trigger_start,
                                  trigger_end, own_text
                           FROM event_mentions WHERE {col} IN (SELECT unnest(?::VARCHAR[]))""",
                       [list(values)]).fetchall()
    need = sorted({r[1] for r in rows if r[9] is None})
    bodies: dict[str, str] = {}
    for i in range(0, len(need), 500):
        part = need[i:i + 500]
        for aid, body in con.execute(f"SELECT id, body FROM articles WHERE id IN ({', '.join('?' * len(part))})",
                                     part).fetchall():
            bodies[aid] = unpack_text(body) or ""
    out = []
    for n, aid, seq, ev, etype, start, end, ts, te, own in rows:
        text = own if own is not None else bodies.get(aid, "")[start:end]
        out.append((n, aid, seq, ev, etype, _sig(text, start, ts, te)))
    return out


def _relink(con, ids: list[str]) -> set[str]:
    """Point each candidate review at the event its first surviving anchor belongs to; return the event ids
    (old and new) whose reviews changed."""
    touched = [r[0] for r in con.execute(
        "SELECT DISTINCT article_id FROM event_mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
        [ids]).fetchall()]
    cand = con.execute("""
        SELECT id, event_id FROM reviews WHERE event_id IN (SELECT unnest(?::VARCHAR[]))
        UNION SELECT r.id, r.event_id FROM reviews r JOIN review_anchors a ON a.review_id = r.id
        WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))""", [ids, touched]).fetchall()
    if not cand:
        return set()
    anchors = con.execute("SELECT review_id, pos, article_id, sig, event FROM review_anchors "
                          "WHERE review_id IN (SELECT unnest(?::VARCHAR[]))", [[c[0] for c in cand]]).fetchall()
    at: dict[tuple[str, str], list[tuple]] = {}
    for _n, aid, seq, ev, etype, sig in _mention_anchors(con, article_ids=sorted({a[2] for a in anchors})):
        at.setdefault((aid, sig), []).append((ev, etype, seq))
    found: dict[str, tuple] = {}
    for rid, pos, aid, sig, etype in anchors:
        for ev, mtype, seq in at.get((aid, sig), ()):
            key = (pos, mtype != etype, seq)
            if rid not in found or key < found[rid][0]:
                found[rid] = (key, ev)
    rows = [(rid, old, found[rid][1] if rid in found else None) for rid, old in cand]
    changes = [(rid, new) for rid, old, new in rows if old != new]
    if not changes:
        return set()
    con.execute("""
        UPDATE reviews SET event_id = c.new,
               orphaned = CASE WHEN c.new IS NULL THEN coalesce(reviews.orphaned, ?) END
        FROM (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[]) AS new) c WHERE c.id = reviews.id""",
                [now(), [r for r, _ in changes], [n for _, n in changes]])
    return {e for _, old, new in rows if old != new for e in (old, new) if e is not None}


# A review as JSON (what overlay_record needs; review_from_json reads it back).
_REVIEW_JSON = ("json_object(" + ", ".join(
    f"'{c}', {e}" for c, e in (
        ("id", "r.id"), ("event_id", "r.event_id"), ("verdict", "r.verdict"), ("event", "r.event"),
        ("mode", "r.mode"), ("factuality", "r.factuality"), ("date", "strftime(r.date, '%Y-%m-%d')"),
        ("date_precision", "r.date_precision"), ("actor_codes", "r.actor_codes"), ("actor_sectors", "r.actor_sectors"),
        ("recipient_codes", "r.recipient_codes"), ("recipient_sectors", "r.recipient_sectors"),
        ("place", "r.place::JSON"), ("cameo", "r.cameo"), ("quad_code", "r.quad_code"), ("goldstein", "r.goldstein"),
        ("event_scale", "r.event_scale"), ("changed", "r.changed"), ("reviewer", "r.reviewer"),
        ("reviewed", "strftime(r.reviewed, '%Y-%m-%dT%H:%M:%S')"), ("note", "r.note"))) + ")")


def review_from_json(text: str) -> dict:
    """The review an events row carries (events.review_data) in the form Store.reviews returns."""
    d = json.loads(text)

    def parties(codes, sectors):
        return [{"code": c, "sector": s} for c, s in zip(codes or [], sectors or [], strict=True)]

    d["actor"] = parties(d.pop("actor_codes"), d.pop("actor_sectors"))
    d["recipient"] = parties(d.pop("recipient_codes"), d.pop("recipient_sectors"))
    d["changed"] = d["changed"] or []
    d.update(current=True, orphaned=None)
    return d


def _overlay(con, ids: list[str]) -> None:
    """Lay the latest review of each event in `ids` over its (freshly recomputed) row.

    Coded columns are written only where the review's values differ from the machine's: DuckDB moves a row
    whose indexed column (event, date) is updated, which makes later scans slower, and most reviews confirm.
    """
    latest = """(SELECT * FROM reviews WHERE event_id IN (SELECT unnest(?::VARCHAR[]))
                 QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY reviewed DESC, id DESC) = 1) r"""
    con.execute("UPDATE events SET review = NULL, review_data = NULL WHERE review IS NOT NULL "
                "AND id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    con.execute(f"UPDATE events SET review = r.verdict, review_data = {_REVIEW_JSON} FROM {latest} "
                "WHERE r.event_id = events.id", [ids])
    # a party the reviewer left without a country is no code, as in the machine's lists (store.rows.codes)
    value = {c: f"list_filter(r.{c}, lambda x: coalesce(x, '') <> '')" for c in ("actor_codes", "recipient_codes")}
    differs = " OR ".join(f"events.{c} IS DISTINCT FROM {value.get(c, f'r.{c}')}" for c in OVERLAY)
    sets = ", ".join(f"{c} = {value.get(c, f'r.{c}')}" for c in OVERLAY)
    con.execute(f"UPDATE events SET {sets} FROM {latest} WHERE r.event_id = events.id AND ({differs})", [ids])


class Reviews:
    """Store methods for reviews (mixed into Store; uses `self._write()`, `self._cursor()`)."""

    def write_reviews(self, rows: Iterable[ReviewRow]) -> int:
        """Record reviews (one transaction): each is anchored to its event's mentions and laid over the event.

        Every event must exist; a review of an event that was reviewed before supersedes the earlier one (which
        stays in the history). Returns how many were written.
        """
        from .queries import insert_rows, refresh_events

        rows = list(rows)
        if not rows:
            return 0
        bad = [r.verdict for r in rows if r.verdict not in VERDICTS]
        if bad:
            raise UsageError(f"verdict {bad[0]!r} is not one of {', '.join(VERDICTS)}")
        ids = sorted({r.event_id for r in rows})
        with self._write() as con:
            known = {r[0] for r in con.execute("SELECT id FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                               [ids]).fetchall()}
            missing = [i for i in ids if i not in known]
            if missing:
                raise StoreError(f"store {self.path}: no event {missing[0]!r} (ids are listed by `redline events`)")
            # each event's mentions, its representative first, then by article and position
            reps = dict(con.execute("SELECT id, rep_n FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                    [ids]).fetchall())
            anchors = sorted((ev, n != reps.get(ev), aid, seq, sig, etype)
                             for n, aid, seq, ev, etype, sig in _mention_anchors(con, event_ids=ids))
            by_event: dict[str, list[tuple]] = {}
            for ev, _not_rep, aid, _seq, sig, etype in anchors:
                by_event.setdefault(ev, []).append((aid, sig, etype))
            insert_rows(con, "reviews", [r.values() for r in rows])
            insert_rows(con, "review_anchors", [(r.id, pos, aid, sig, etype) for r in rows
                                                for pos, (aid, sig, etype) in enumerate(by_event[r.event_id])])
            refresh_events(con, dict.fromkeys(ids, ""))
        return len(rows)

    def reviews(self, *, event_id: str | None = None, reviewer: str | None = None, verdict: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None, orphaned: bool | None = None,
                history: bool = False, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Reviews, newest first, as dicts (see `_review_dict`).

        history: also superseded reviews (by default only the latest review of each event, and orphans);
        orphaned: True only reviews whose event no longer exists, False only attached ones. since / until:
        the day the review was made.
        """
        where, params = _review_where(event_id=event_id, reviewer=reviewer, verdict=verdict, since=since,
                                      until=until, orphaned=orphaned, history=history)
        from .filters import paginate

        sql = paginate(f"SELECT * FROM ({_LATEST}) r{where} ORDER BY r.reviewed DESC, r.id DESC", params, limit, offset)
        cur = self._cursor().execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [_review_dict(dict(zip(cols, r, strict=True))) for r in cur.fetchall()]

    def count_reviews(self, *, reviewer: str | None = None, verdict: str | None = None,
                      since: dt.date | None = None, until: dt.date | None = None, orphaned: bool | None = None,
                      history: bool = False) -> dict[str, Any]:
        """How many reviews match, and their counts by reviewer and verdict (`by`: reviewer -> verdict -> n)."""
        where, params = _review_where(reviewer=reviewer, verdict=verdict, since=since, until=until,
                                      orphaned=orphaned, history=history)
        rows = self._cursor().execute(
            f"SELECT reviewer, verdict, count(*) FROM ({_LATEST}) r{where} GROUP BY ALL ORDER BY ALL",
            params).fetchall()
        by: dict[str, dict[str, int]] = {}
        for who, verdict_, n in rows:
            by.setdefault(who, {})[verdict_] = n
        totals = {v: sum(d.get(v, 0) for d in by.values()) for v in VERDICTS}
        return {"total": sum(totals.values()), "verdicts": totals, "by": by}

    def event_reviews(self, event_ids: list[str]) -> dict[str, dict]:
        """The review laid over each of these events (the latest one), by event id; unreviewed ones are absent."""
        if not event_ids:
            return {}
        cur = self._cursor().execute("""
            SELECT *, TRUE AS current FROM reviews WHERE event_id IN (SELECT unnest(?::VARCHAR[]))
            QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY reviewed DESC, id DESC) = 1""",
                                     [list(event_ids)])
        cols = [c[0] for c in cur.description]
        out = {}
        for row in cur.fetchall():
            d = _review_dict(dict(zip(cols, row, strict=True)))
            out[d["event_id"]] = d
        return out

    def reviewed_sentences(self, event_ids: list[str]) -> dict[tuple[str, int], list[dict]]:
        """Every event mention in the sentences that mention these events, by (article id, sentence), in order.

        Each mention: event_id, seq, start / end (the sentence's span in the article text), plover (its PLOVER
        dict), and its article's text, published, reference_date, title and source.
        """
        from .mention_reads import mentions_by_n

        cur = self._cursor()
        ns = [r[0] for r in cur.execute("""
            WITH hit AS (SELECT DISTINCT article_id, sentence FROM event_mentions
                         WHERE event_id IN (SELECT unnest(?::VARCHAR[])))
            SELECT m.n FROM event_mentions m JOIN hit USING (article_id, sentence)""",
                                        [list(event_ids)]).fetchall()]
        by_n = mentions_by_n(cur, ns)
        arts = sorted({m["article_id"] for m, _ in by_n.values()})
        info: dict[str, tuple] = {}
        for i in range(0, len(arts), 500):
            part = arts[i:i + 500]
            for aid, body, published, ref, title, source in cur.execute(
                    f"SELECT id, body, published, reference_date, title, source FROM articles WHERE id IN "
                    f"({', '.join('?' * len(part))})", part).fetchall():
                info[aid] = (unpack_text(body), published, ref, title, source)
        out: dict[tuple[str, int], list[dict]] = {}
        for m, plover in sorted(by_n.values(), key=lambda x: (x[0]["article_id"], x[0]["sentence"], x[0]["seq"])):
            text, published, ref, title, source = info[m["article_id"]]
            out.setdefault((m["article_id"], m["sentence"]), []).append({
                "event_id": m["event_id"], "seq": m["seq"], "start": m["start_char"], "end": m["end_char"],
                "plover": plover, "article_text": text, "published": published.isoformat() if published else None,
                "reference_date": ref.isoformat() if ref else None, "title": title, "source": source})
        return out

    def review_queue_rows(self, *, since: dt.date | None = None, until: dt.date | None = None,
                          factuality: str | None = "asserted", first: list[str] | tuple[str, ...] = (),
                          limit: int = 50) -> list[dict]:
        """Unreviewed events for the review queue: the ids in `first` (in that order), then the least confident.

        Each row: id, date, event, mode, actor_codes, recipient_codes, num_mentions, text (the representative
        sentence), event_text, confidence (the highest of its mentions' calibrated confidences) and `priority`
        (its position in `first`, else None).
        """
        from .filters import event_filters  # filters imports this module's ReviewScope

        clause, fparams = event_filters(since=since, until=until, factuality=factuality, include_rejected=True)
        where = ["e.review IS NULL"] + ([clause.removeprefix(" WHERE ")] if clause else [])
        params = [list(first), list(range(len(first))), *fparams, limit]
        cur = self._cursor().execute(f"""
            WITH pri AS (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::INTEGER[]) AS k),
            conf AS (SELECT event_id, max(confidence) AS confidence FROM event_mentions GROUP BY event_id)
            SELECT e.id, e.date, e.event, e.mode, e.actor_codes, e.recipient_codes, e.num_mentions, e.rep_n,
                   m.event_text, conf.confidence, pri.k AS priority
            FROM events e JOIN event_mentions m ON m.n = e.rep_n
            LEFT JOIN pri ON pri.id = e.id LEFT JOIN conf ON conf.event_id = e.id
            WHERE {' AND '.join(where)}
            ORDER BY pri.k NULLS LAST, conf.confidence NULLS FIRST, e.date DESC NULLS LAST, e.id
            LIMIT ?""", params)
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
        from .mention_reads import mentions_by_n  # the representative sentences, cut from their articles

        by_n = mentions_by_n(cur, [r["rep_n"] for r in rows])
        out = []
        for r in rows:
            n = r.pop("rep_n")
            d = {k: r[k] for k in ("id", "date", "event", "mode", "actor_codes", "recipient_codes", "num_mentions")}
            d["text"] = by_n[n][1]["text"] if n in by_n else None
            d.update(event_text=r["event_text"], confidence=r["confidence"], priority=r["priority"])
            out.append(d)
        return out


# Every review with `current`: whether it is the one laid over its event (the latest; orphans are not).
_LATEST = """
    SELECT reviews.*, event_id IS NOT NULL AND row_number() OVER (
               PARTITION BY event_id ORDER BY reviewed DESC, id DESC) = 1 AS current
    FROM reviews"""


def _review_where(*, event_id=None, reviewer=None, verdict=None, since=None, until=None, orphaned=None,
                  history=False) -> tuple[str, list]:
    where, params = [], []
    if not history:
        where.append("(r.current OR r.event_id IS NULL)")
    if event_id:
        where.append("r.event_id = ?")
        params.append(str(event_id))
    if reviewer:
        where.append("r.reviewer = ?")
        params.append(str(reviewer))
    if verdict:
        if verdict not in VERDICTS:
            raise UsageError(f"verdict: {verdict!r} is not one of {', '.join(VERDICTS)}")
        where.append("r.verdict = ?")
        params.append(verdict)
    if since:
        where.append("r.reviewed >= ?")
        params.append(dt.datetime.combine(since, dt.time.min))
    if until:
        where.append("r.reviewed < ?")
        params.append(dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min))
    if orphaned is True:
        where.append("r.event_id IS NULL")
    elif orphaned is False:
        where.append("r.event_id IS NOT NULL")
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _review_dict(row: dict) -> dict:
    """A reviews row as the API returns it: coding fields, who and when, the machine snapshot (when selected)."""

    def parties(codes, sectors):
        return [{"code": c, "sector": s} for c, s in zip(codes or [], sectors or [], strict=True)]

    return {
        "id": row["id"], "event_id": row["event_id"], "verdict": row["verdict"], "current": bool(row["current"]),
        "event": row["event"], "mode": row["mode"], "factuality": row["factuality"],
        "date": row["date"].isoformat() if row["date"] else None, "date_precision": row["date_precision"],
        "actor": parties(row["actor_codes"], row["actor_sectors"]),
        "recipient": parties(row["recipient_codes"], row["recipient_sectors"]),
        "place": json.loads(row["place"]) if row["place"] else None,
        "cameo": row["cameo"], "quad_code": row["quad_code"], "goldstein": row["goldstein"],
        "event_scale": row["event_scale"], "changed": list(row["changed"] or []),
        "reviewer": row["reviewer"], "reviewed": row["reviewed"].isoformat(timespec="seconds"),
        "note": row["note"], "orphaned": row["orphaned"].isoformat(timespec="seconds") if row["orphaned"] else None,
        **({"machine": json.loads(row["machine"])} if row.get("machine") else {}),
    }


# The keys of an event record a review can change (kept under "machine" when it does).
MACHINE_KEYS = ("event", "mode", "factuality", "date", "date_precision", "actor", "recipient", "event_loc", "cameo",
                "goldstein", "quad_code", "event_scale")


def overlay_record(d: dict, review: dict | None) -> dict:
    """An event record (PLOVER dict, machine values) with `review` laid over it: the reviewed values in place,
    the machine's under `machine`, and `reviewed` / `review` (the review without its machine snapshot)."""
    if review is None:
        d["reviewed"] = False
        d["review"] = None
        return d
    d["machine"] = {k: d.get(k) for k in MACHINE_KEYS}
    who = f"reviewed by {review['reviewer']} ({review['verdict']})"
    d["event"] = [review["event"]]
    d["mode"] = [review["mode"]] if review["mode"] else []
    d["factuality"] = review["factuality"]
    d["date"] = review["date"]
    d["date_precision"] = review["date_precision"]
    d["actor"] = _parties(d.get("actor") or [], review["actor"], who)
    d["recipient"] = _parties(d.get("recipient") or [], review["recipient"], who)
    d["event_loc"] = review["place"]
    for k in ("cameo", "goldstein", "quad_code", "event_scale"):
        if review[k] is not None:
            d[k] = review[k]
    d["reviewed"] = True
    d["review"] = {k: v for k, v in review.items() if k != "machine"}
    return d


def _parties(machine: list[dict], reviewed: list[dict], who: str) -> list[dict]:
    """The reviewed parties as entity dicts: the machine's entity where its code and sector stand, else the
    machine's words (or the code) with the reviewed code and sector."""
    out = []
    for i, p in enumerate(reviewed):
        m = machine[i] if i < len(machine) else None
        if m is not None and m.get("code") == p["code"] and m.get("sector") == p["sector"]:
            out.append(m)
            continue
        text = (m or {}).get("entity_text") or p["code"] or p["sector"] or "?"
        was = f"; machine: {m.get('code') or '-'}/{m.get('sector') or '-'}" if m else "; added"
        out.append({"entity_text": text, "code": p["code"], "sector": p["sector"], "identifier_text": None,
                    "identifier_id": None, "office": None, "reason": who + was})
    return out
