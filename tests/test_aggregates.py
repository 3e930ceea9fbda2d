"""Aggregates kept per batch give the same answers as counting over every event.

A store is built article by article (events merging across articles, a later article published earlier taking
over an event, duplicates raising counts, an article removed) and after every step:
- the per-batch tables equal a rebuild from scratch (two implementations: Python deltas, one SQL pass);
- dyads, timelines (every scope, one and two directions, with what they left out), alert periods and alert
  evidence equal the full recomputation over `events` (the analysis SQL of main before aggregates, with its
  `undated` option and the date-precision rule of timelines, kept here as the reference), undated on and off.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from redline import analysis
from redline.records import Article, DatePrecision, Document, Entity, Event, Factuality, TextInfo
from redline.store import Store, aggregates, analytics, escalations
from redline.store import mention_reads
from redline.store import queries as store_queries
from redline.store.event_merge import refresh_events

D = dt.date
CODES = ("RUS", "UKR", "USA", "NATO", "BLR")
TYPES = ("CONSULT", "AGREE", "ACCUSE", "THREATEN", "ASSAULT", "MOBILIZE", "AID")
FACTS = (Factuality.ASSERTED, Factuality.ASSERTED, Factuality.ASSERTED, Factuality.NEGATED, Factuality.FUTURE)
QUADS = {"CONSULT": 1, "AGREE": 1, "ACCUSE": 3, "THREATEN": 3, "ASSAULT": 4, "MOBILIZE": 4, "AID": None}
GOLD = {"CONSULT": 1.0, "AGREE": 3.4, "ACCUSE": -2.0, "THREATEN": -4.4, "ASSAULT": -9.5, "MOBILIZE": -7.2,
        "AID": None}
SCALE = {"CONSULT": 1.5, "AGREE": 2.5, "ACCUSE": -3.0, "THREATEN": -6.0, "ASSAULT": -9.5, "MOBILIZE": -7.5,
         "AID": 4.5}


def _entities(codes: tuple[str, ...]) -> tuple[Entity, ...]:
    return tuple(Entity(c.title(), c, "GOV") for c in codes)


def _event(rng: random.Random, article_id: str, seq: int, seen: list[tuple]) -> Event:
    if seen and rng.random() < 0.3:  # another article reports an event already told: one event, two mentions
        kind, actors, recipients, day, fact = rng.choice(seen)
    else:
        kind = rng.choice(TYPES)
        actors = tuple(rng.sample(CODES, rng.choice((1, 1, 1, 2))))
        recipients = tuple(rng.sample(CODES, rng.choice((0, 1, 1, 1, 2))))
        if rng.random() < 0.1:  # both ways in one event: "Russia and Ukraine accused each other"
            recipients = actors
        day = D(2014, 1, 1) + dt.timedelta(days=rng.randrange(70)) if rng.random() > 0.1 else None
        fact = rng.choice(FACTS)
        seen.append((kind, actors, recipients, day, fact))
    if day is None:
        precision = rng.choice((DatePrecision.UNKNOWN, None))  # None: a store written before precisions
    else:
        precision = rng.choice((DatePrecision.DAY, DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR, None))
        day = {DatePrecision.MONTH: day.replace(day=1), DatePrecision.YEAR: day.replace(month=1, day=1)}.get(
            precision, day)
    text = f"Sentence {seq} of {article_id}."
    return Event(id=f"{article_id}-{seq}", article_id=article_id, event=kind, actor=_entities(actors),
                 recipient=_entities(recipients), cameo="010", goldstein=GOLD[kind], quad_code=QUADS[kind],
                 event_scale=SCALE[kind], factuality=fact, text=text,
                 text_info=TextInfo(seq, 0, len(text), 0, 4), event_text="x", rule="test", confidence=1.0, date=day,
                 date_precision=precision)


def _burst(article_id: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> Document:
    """One assault in January, then four in March, all dated to the day: an escalation in March."""
    days = (D(2014, 1, 20), D(2014, 3, 3), D(2014, 3, 5), D(2014, 3, 7), D(2014, 3, 9))
    events = tuple(
        Event(id=f"{article_id}-{i}", article_id=article_id, event="ASSAULT", actor=_entities(actors),
              recipient=_entities(recipients), cameo="190", goldstein=GOLD["ASSAULT"], quad_code=QUADS["ASSAULT"],
              event_scale=SCALE["ASSAULT"], factuality=Factuality.ASSERTED, text=f"Assault {i} of {article_id}.",
              text_info=TextInfo(i, 0, 20, 0, 4), event_text="x", rule="test", confidence=1.0, date=day,
              date_precision=DatePrecision.DAY)
        for i, day in enumerate(days))
    article = Article(id=article_id, text=f"Body of {article_id}.", published=D(2014, 3, 10), publisher="outlet 9")
    return Document(article=article, events=events, reference_date=None)


def _document(rng: random.Random, article_id: str, published: D, seen: list[tuple]) -> Document:
    events = tuple(_event(rng, article_id, i, seen) for i in range(rng.randrange(1, 7)))
    article = Article(id=article_id, text=f"Body of {article_id}.", published=published if rng.random() > 0.1 else None,
                      publisher=f"outlet {rng.randrange(4)}")
    reference = published - dt.timedelta(days=rng.randrange(3)) if rng.random() < 0.3 else None
    return Document(article=article, events=events, reference_date=reference)


# -- the full recomputation (main's analysis SQL before aggregates, on the compact layout) -------------------

_ARTICLE_DAY = ("coalesce(e.date, (SELECT coalesce(a.reference_date, a.published) FROM articles a "
                "WHERE a.id = e.rep_article))")
_FACTS = """SELECT e.id, e.event, e.factuality, {day} AS date, e.quad_code, e.goldstein, e.actor_codes,
                   e.recipient_codes, e.num_mentions, e.rep_article AS article_id, m.event_scale,
                   CASE WHEN e.date IS NULL THEN 'unknown'
                        WHEN e.review IS NOT NULL
                            THEN coalesce(json_extract_string(e.review_data, '$.date_precision'), 'day')
                        ELSE coalesce(m.date_precision, 'day') END AS date_precision
            FROM events e JOIN event_mentions m ON m.article_id = e.rep_article AND m.seq = e.rep_seq
            WHERE e.review IS DISTINCT FROM 'rejected'"""
BUCKET_PRECISIONS = {"day": ("day",), "week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def _facts(undated):
    return _FACTS.format(day=_ARTICLE_DAY if undated else "e.date")


def _dyad_facts(undated):
    return f"""SELECT f.*, a.actor, r.recipient
               FROM ({_facts(undated)}) f, unnest(f.actor_codes) AS a(actor), unnest(f.recipient_codes) AS r(recipient)"""


# main's round(avg(score), 2) with the sum taken exactly: avg over doubles depends on the order of the sum, and
# where the mean is a tie at 2 places (-7.475) main's own answer can round either way with the scan order
_MEAN = "round(sum({c}::DECIMAL(38, 4))::DOUBLE / nullif(count({c}), 0), 2)"


def _where(since, until, facts):
    w = ["date IS NOT NULL", "list_contains(?::VARCHAR[], factuality)"]
    p = [list(facts)]
    if since:
        w.append("date >= ?")
        p.append(since)
    if until:
        w.append("date <= ?")
        p.append(until)
    return w, p


def _rows(cur):
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def full_dyads(con, since, until, facts, limit, undated=False):
    w, p = _where(since, until, facts)
    return _rows(con.execute(f"""
        SELECT actor, recipient, count(DISTINCT id) AS events, count(DISTINCT article_id) AS articles,
               sum(num_mentions)::INTEGER AS mentions, {_MEAN.format(c="goldstein")} AS goldstein,
               {_MEAN.format(c="event_scale")} AS plover_score,
               round(avg(CASE WHEN quad_code >= 3 THEN 1.0 ELSE 0.0 END), 3) AS conflict_share,
               min(date) AS first, max(date) AS last
        FROM ({_dyad_facts(undated)}) WHERE {' AND '.join(w)} GROUP BY actor, recipient
        ORDER BY events DESC, mentions DESC, actor, recipient LIMIT ?""", p + [limit]))


def full_timeline(con, actor, recipient, by, since, until, facts, both, undated=False, left_out=False):
    w, p = _where(since, until, facts)
    has = "list_contains({}, ?)"
    if actor and recipient and both:
        w.append(f"(({has.format('actor_codes')} AND {has.format('recipient_codes')}) OR "
                 f"({has.format('actor_codes')} AND {has.format('recipient_codes')}))")
        p += [actor, recipient, recipient, actor]
    else:
        for code, side in ((actor, "actor_codes"), (recipient, "recipient_codes")):
            if code:
                w.append(has.format(side) if not both else
                         f"({has.format('actor_codes')} OR {has.format('recipient_codes')})")
                p += [code] if not both else [code, code]
    precisions = list(BUCKET_PRECISIONS[by])
    if left_out:
        return _rows(con.execute(f"""
            SELECT count(*) FILTER (WHERE date_precision <> 'unknown'
                                    AND NOT list_contains(?::VARCHAR[], date_precision)) AS coarser,
                   count(*) FILTER (WHERE date_precision = 'unknown' AND NOT ?) AS undated
            FROM ({_facts(True)}) WHERE {' AND '.join(w)}""", [precisions, undated] + p))
    w.append("(list_contains(?::VARCHAR[], date_precision) OR date_precision = 'unknown')")
    p.append(precisions)
    return _rows(con.execute(f"""
        SELECT date_trunc('{by}', date)::DATE AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_code = 1) AS verbal_coop,
               count(*) FILTER (WHERE quad_code = 2) AS material_coop,
               count(*) FILTER (WHERE quad_code = 3) AS verbal_conflict,
               count(*) FILTER (WHERE quad_code = 4) AS material_conflict,
               {_MEAN.format(c="goldstein")} AS goldstein, {_MEAN.format(c="event_scale")} AS plover_score
        FROM ({_facts(undated)}) WHERE {' AND '.join(w)} GROUP BY period ORDER BY period""", p))


def full_periods(con, by, until, facts, escalation, undated=False):
    w, p = _where(None, until, facts)
    # as a timeline: only events dated at least as precisely as the period
    w.append("(list_contains(?::VARCHAR[], date_precision) OR date_precision = 'unknown')")
    p.append(list(analytics.BUCKET_PRECISIONS[by]))
    rows = _rows(con.execute(f"""
        SELECT actor, recipient, date_trunc('{by}', date)::DATE AS period, count(DISTINCT id) AS events,
               count(DISTINCT id) FILTER (WHERE list_contains(?::VARCHAR[], event)) AS escalation,
               list(DISTINCT id) FILTER (WHERE list_contains(?::VARCHAR[], event)) AS escalation_ids
        FROM ({_dyad_facts(undated)}) WHERE {' AND '.join(w)} GROUP BY actor, recipient, period
        ORDER BY actor, recipient, period""", [list(escalation), list(escalation)] + p))
    for r in rows:
        r["escalation_ids"] = sorted(r["escalation_ids"] or [])
    return rows


def full_dyad_event_ids(con, actor, recipient, since, until, facts, limit):
    w, p = _where(since, until, facts)
    return [r[0] for r in con.execute(f"""
        SELECT id FROM ({_dyad_facts(False)}) WHERE {' AND '.join(w)} AND actor = ? AND recipient = ?
        GROUP BY id, num_mentions, date ORDER BY num_mentions DESC, date DESC, id LIMIT ?""",
        p + [actor, recipient, limit]).fetchall()]


# -- checks ---------------------------------------------------------------------------------------------------

ALL = tuple(f.value for f in Factuality)


def _check(store: Store) -> None:
    con = store.con
    incremental = aggregates.dump(con)
    con.execute("BEGIN TRANSACTION")
    aggregates.rebuild(con)
    assert aggregates.dump(con) == incremental
    con.execute("ROLLBACK")
    for (since, until, facts, by), undated in itertools.product(
            ((None, None, ("asserted",), "month"), (D(2014, 1, 20), None, ALL, "week"),
             (D(2014, 1, 10), D(2014, 2, 15), ("negated", "future"), "day"), (None, D(2014, 3, 1), ALL, "year"),
             (D(2014, 1, 15), D(2014, 2, 5), ("asserted",), "week"), (D(2014, 2, 1), None, ("negated",), "month")),
            (False, True)):
        assert analytics.dyads(con, since=since, until=until, factuality=facts, limit=50, undated=undated) == \
            full_dyads(con, since, until, facts, 50, undated)
        for actor, recipient in ((None, None), ("RUS", None), (None, "UKR"), ("RUS", "UKR"), ("UKR", "UKR")):
            for both in (False, True):
                case = (actor, recipient, both, by, since, until, facts, undated)
                got = analytics.timeline(con, actor=actor, recipient=recipient, by=by, since=since,
                                         until=until, factuality=facts, both_directions=both, undated=undated)
                assert got == full_timeline(con, actor, recipient, by, since, until, facts, both, undated), case
                left = analytics.timeline(con, actor=actor, recipient=recipient, by=by, since=since, until=until,
                                          factuality=facts, both_directions=both, undated=undated, left_out=True)
                assert left == full_timeline(con, actor, recipient, by, since, until, facts, both, undated,
                                             left_out=True), case
        if by == "week":  # the whole weeks read from agg_weeks: the same rows as summing agg_days' days
            for actor, recipient, both in ((None, None, False), ("RUS", None, True), ("RUS", "UKR", True)):
                args = dict(actor=actor, recipient=recipient, by=by, since=since, until=until, factuality=facts,
                            both_directions=both, undated=undated)
                assert analytics.timeline(con, **args) == analytics.timeline(con, **args, rollup=False), args
        for actor, recipient in (("RUS", "UKR"), ("UKR", "UKR"), ("USA", "NATO")):
            assert analytics.dyad_event_ids(con, actor=actor, recipient=recipient, since=since, until=until,
                                            factuality=facts, limit=5) == \
                full_dyad_event_ids(con, actor, recipient, since, until, facts, 5)
        pairs = [("RUS", "UKR"), ("UKR", "UKR"), ("USA", "NATO"), ("UKR", "RUS"), ("RUS", "UKR")]
        assert analytics.dyads_event_ids(con, pairs, since=since, until=until, factuality=facts, limit=3) == \
            {p: full_dyad_event_ids(con, *p, since, until, facts, 3) for p in pairs}  # one statement for all
    for filters in ({}, {"actor": "RUS"}, {"recipient": "ukr"}, {"actor": "RUS", "recipient": "UKR"},
                    {"event": "ASSAULT", "factuality": None}, {"since": "2014-01-20"},
                    {"actor": "UKR", "until": "2014-02-01", "factuality": "negated"},
                    # a dyad in a window with an end: the page's ids come from dyad_events (store/dyad_page.py)
                    {"actor": "RUS", "recipient": "UKR", "since": "2014-01-10", "until": "2014-02-15"},
                    {"actor": "ukr", "recipient": "UKR", "until": "2014-02-01", "factuality": None},
                    {"actor": "RUS", "recipient": "UKR", "until": "2014-03-20", "event": "ASSAULT"},
                    {"actor": "USA", "recipient": "NATO", "since": "2014-01-05", "until": "2014-03-01",
                     "factuality": "negated"}):
        where, params = store_queries.event_filters(**filters)
        assert store.count_events(**filters) == con.execute(f"SELECT count(*) FROM events e{where}",
                                                            params).fetchone()[0], filters
        total = con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]
        for limit, offset in ((3, 0), (5, 4), (40, 0), (1000, 0)):  # a page starts on the aggregates' day
            ids = [r[0] for r in con.execute(
                f"SELECT id FROM events e{where} ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?",
                params + [limit, offset]).fetchall()]
            assert [e["id"] for e in store.events(**filters, limit=limit, offset=offset)] == ids, (filters, limit)
            page, count = store.events_page(**filters, limit=limit, offset=offset)
            assert ([e["id"] for e in page], count) == (ids, total), (filters, limit, offset)
            # every field as the plain statement gives it (a confidence floor, which every mention here passes,
            # leaves the aggregates' scope: no start day, no copies of the events dated ahead)
            assert page == store.events(**filters, limit=limit, offset=offset, min_confidence=0.0), filters
    esc = analysis.ESCALATION_EVENTS
    for by, undated in itertools.product(("week", "month"), (False, True)):
        full = full_periods(con, by, None, ("asserted",), esc, undated)
        got = analytics.dyad_periods(con, by=by, until=None, factuality=("asserted",), escalation=esc,
                                     undated=undated)
        assert got == [{k: v for k, v in r.items() if k != "escalation_ids"} for r in full]
        periods = [(r["actor"], r["recipient"], r["period"], analysis.period_end(r["period"], by)) for r in full]
        found = analytics.escalation_evidence(con, periods, factuality=("asserted",), escalation=esc, undated=undated,
                                              by=by)
        assert {k: v[0] for k, v in found.items()} == \
            {(r["actor"], r["recipient"], r["period"]): r["escalation_ids"] for r in full}
        # the same read three ways: a statement per period (up to UNION_PERIODS), one join of dyad_escalation with
        # every period, and (types it does not keep) one join of dyad_events
        for union, types in ((0, esc), (10 ** 6, esc), (escalations.UNION_PERIODS, (*esc, "ACCUSE"))):
            with pytest.MonkeyPatch.context() as mp:
                mp.setattr(escalations, "UNION_PERIODS", union)
                other = analytics.escalation_evidence(con, periods, factuality=("asserted",), escalation=types,
                                                      undated=undated, by=by)
            if "ACCUSE" in types:
                kinds = dict(con.execute("SELECT DISTINCT id, event FROM dyad_events").fetchall())
                other = {k: tuple([e for e in ids if kinds[e] != "ACCUSE"] for ids in v)
                         for k, v in other.items()}
            assert other == found, (union, types)
        dates = dict(con.execute("SELECT id, date FROM events").fetchall())
        # the order of the alerts' sentences: by date (an undated event first), then id
        assert all(v[1] == sorted(v[0], key=lambda e: (dates[e] or D.min, e)) for v in found.values())
    _check_alert_sentences(store)


LOOSE_ALERTS = analysis.AlertOptions(by="month", baseline=2, min_baseline=1, min_events=1, min_escalation=1,
                                     min_rise=0.0, z=0.0)


def _check_alert_sentences(store: Store) -> None:
    """An alert that carries its first N sentences is the alert with all of them, cut after N; the same
    alerts fire with the same evidence, and sentence_count counts all of them."""
    loose = LOOSE_ALERTS
    for undated, scope in itertools.product((False, True), ({}, {"include_rejected": True})):
        full = analysis.alerts(store, options=loose, undated=undated, **scope)
        assert all(a["sentence_count"] == len(a["sentences"]) for a in full)
        for n in (0, 1):
            assert analysis.alerts(store, options=loose, undated=undated, sentences=n, **scope) == \
                [{**a, "sentences": a["sentences"][:n]} for a in full], (undated, scope, n)


def _remove_article(store: Store, article_id: str) -> None:
    """Delete an article with its rows and recompute its events (what replacing a changed file does)."""
    with store._write() as con:
        ids = [r[0] for r in con.execute("SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?",
                                         [article_id]).fetchall()]
        for table in ("event_mentions", "places", "quotes"):  # actors is a view of the mentions
            con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        con.execute("DELETE FROM articles WHERE id = ? OR duplicate_of = ?", [article_id, article_id])
        refresh_events(con, dict.fromkeys(ids, ""))


@pytest.mark.parametrize("seed", [1, 2])
def test_aggregates_equal_full_recomputation_after_every_batch(tmp_path, seed):
    rng = random.Random(seed)
    with Store(tmp_path / "agg.duckdb") as store:
        run = store.begin_run("test", [])
        seen: list[tuple] = []
        docs = [_document(rng, f"a{i}", D(2014, 1, 1) + dt.timedelta(days=rng.randrange(80)), seen)
                for i in range(24)]
        # articles arrive out of order: a later one published earlier takes over events as their representative
        for step in range(0, len(docs), 4):
            store.write_documents(docs[step:step + 4], run_id=run)
            _check(store)
        merged = store.con.execute("SELECT count(*) FROM events WHERE num_articles > 1").fetchone()[0]
        assert merged > 0  # the generator makes events that several articles report
        # events dated more than a week after their article (or with none): pages read them from events_ahead
        assert store.con.execute("SELECT count(*) FROM events_ahead").fetchone()[0] > 0
        # a dyad's burst of assaults after a quiet month: an escalation alert with several sentences, which
        # _check_alert_sentences cuts (random stores rarely have one once periods count only precise dates)
        store.write_documents([_burst("burst", ("RUS",), ("BLR",))], run_id=run)
        _check(store)
        assert any(a["kind"] == "escalation" and a["sentence_count"] > 1
                   for a in analysis.alerts(store, options=LOOSE_ALERTS))
        first = docs[3].article
        copy = Article(id="copy-of-a3", text=first.text + " (wire)", published=first.published, publisher="other")
        assert store.record_duplicate(copy, run_id=run, duplicate_of=first.id, dup_kind="near")
        _check(store)
        _remove_article(store, docs[5].article.id)
        _check(store)
        _remove_article(store, first.id)  # and with it its copy
        _check(store)
        _review_some(store, rng, 8)  # rejected events leave the aggregates, corrected ones move with their values
        _check(store)
        reviewed = store.con.execute("SELECT rep_article FROM events WHERE review IS NOT NULL LIMIT 1").fetchone()
        if reviewed:
            _remove_article(store, reviewed[0])  # reviews follow their anchors or become orphans
            _check(store)


CHANGES = ({"event": "ASSAULT"}, {"date": "2014-02"}, {"date": "2014"}, {"date": "2014-01-15"}, {"date": ""},
           {"actor": "BLR"}, {"recipient": "RUS,USA"}, {"recipient": ""}, {"factuality": "negated"},
           {"event": "CONSULT", "actor": "UKR"})


def _review_some(store: Store, rng: random.Random, n: int) -> None:
    from redline.errors import UsageError
    from redline.reviews import review_event

    events = store.events(limit=None, factuality=None, include_rejected=True)
    for i, ev in enumerate(rng.sample(events, min(n, len(events)))):
        verdict = ("rejected", "corrected")[i] if i < 2 else \
            rng.choice(("confirmed", "rejected", "corrected", "corrected", "corrected"))
        changes = ({"date": "2014-02"} if i == 1 else dict(rng.choice(CHANGES))) if verdict == "corrected" else None
        try:
            review_event(store, ev["id"], verdict=verdict, changes=changes, reviewer="t")
        except UsageError:  # a change that leaves the event as it is: confirm it instead
            review_event(store, ev["id"], verdict="confirmed", reviewer="t")
    verdicts = {v for (v,) in store.con.execute("SELECT DISTINCT review FROM events WHERE review IS NOT NULL").fetchall()}
    assert {"rejected", "corrected"} <= verdicts


def test_aggregates_skip_undated_events_and_count_reciprocal_once(tmp_path):
    both = Event(id="e1", article_id="a1", event="ACCUSE", actor=_entities(("RUS", "UKR")),
                 recipient=_entities(("UKR", "RUS")), cameo="112", goldstein=-2.0, quad_code=3, event_scale=-3.0,
                 factuality=Factuality.ASSERTED, text="Russia and Ukraine accused each other.",
                 text_info=TextInfo(0, 0, 38, 22, 29), event_text="accused", rule="test", confidence=1.0, date=D(2014, 3, 1))
    undated = Event(id="e2", article_id="a1", event="ASSAULT", actor=_entities(("RUS",)),
                    recipient=_entities(("UKR",)), cameo="190", goldstein=-10.0, quad_code=4, event_scale=-9.5,
                    factuality=Factuality.ASSERTED, text="Russia shelled Ukraine.", text_info=TextInfo(1, 39, 62, 46, 53),
                    event_text="shelled", rule="test", confidence=1.0, date=None)
    doc = Document(article=Article(id="a1", text="x", published=D(2014, 3, 2)), events=(both, undated))
    with Store(tmp_path / "r.duckdb") as store:
        store.write_documents([doc], run_id=store.begin_run("test", []))
        con = store.con
        one_way = analytics.timeline(con, actor="RUS", recipient="UKR", by="month", since=None, until=None,
                                     factuality=("asserted",), both_directions=False)
        two_way = analytics.timeline(con, actor="RUS", recipient="UKR", by="month", since=None, until=None,
                                     factuality=("asserted",), both_directions=True)
        assert [r["events"] for r in one_way] == [r["events"] for r in two_way] == [1]
        pairs = {(r["actor"], r["recipient"]) for r in analytics.dyads(con, since=None, until=None,
                                                                       factuality=("asserted",), limit=10)}
        assert pairs == {("RUS", "UKR"), ("UKR", "RUS"), ("RUS", "RUS"), ("UKR", "UKR")}
        assert con.execute("SELECT count(*) FROM dyad_events WHERE id = ?",
                           [store.events(factuality=None, limit=5)[0]["id"]]).fetchone()[0] in (0, 4)


def _told_document(article_id: str, published: D, ahead_days: tuple[int, ...]) -> Document:
    """An article whose events' sentences are its body at their offsets (so a mention keeps no text of its
    own), each dated this many days after the article."""
    sentences = [f"Russia threatened Ukraine over the {i}th deal of {article_id}." for i in range(len(ahead_days))]
    body = " ".join(sentences)
    events = []
    for i, (sentence, days) in enumerate(zip(sentences, ahead_days, strict=True)):
        start = body.index(sentence)
        events.append(Event(
            id=f"{article_id}-{i}", article_id=article_id, event="THREATEN", actor=_entities(("RUS",)),
            recipient=_entities(("UKR",)), cameo="130", goldstein=GOLD["THREATEN"], quad_code=3,
            event_scale=SCALE["THREATEN"], factuality=Factuality.ASSERTED, text=sentence,
            text_info=TextInfo(i, start, start + len(sentence), start + 7, start + 17), event_text="threatened",
            rule="test", confidence=1.0, date=published + dt.timedelta(days=days), date_precision=DatePrecision.DAY))
    return Document(article=Article(id=article_id, text=body, published=published, publisher="outlet"),
                    events=tuple(events), reference_date=None)


def test_copies_of_mentions_dated_ahead_carry_their_sentence(tmp_path, monkeypatch):
    from redline.store import ahead

    docs = [_told_document("early", D(2014, 1, 2), (400, 1, 30)), _told_document("late", D(2014, 3, 1), (0, 2, 90))]
    with Store(tmp_path / "t.duckdb") as store:
        store.write_documents(docs, run_id=store.begin_run("test", []))
        con = store.con
        assert con.execute("SELECT count(*) FROM event_mentions WHERE own_text IS NULL").fetchone()[0] == 6
        copies = con.execute("SELECT n, own_text FROM mentions_ahead").fetchall()
        assert len(copies) == 3  # the events dated more than a week after their article
        by_n = {r["n"]: r for r in store.sql("SELECT n, article_id, start_char, end_char FROM event_mentions")}
        bodies = {d.article.id: d.article.text for d in docs}
        for n, text in copies:
            m = by_n[n]
            assert text == bodies[m["article_id"]][m["start_char"]:m["end_char"]] and text.startswith("Russia")
        # a page of events dated ahead reads no article; every field is the plain statement's
        read: list[list[str]] = []
        article_texts = mention_reads._article_texts  # (what a page's sentences are cut from)
        monkeypatch.setattr(mention_reads, "_article_texts",
                            lambda cur, reach, **kw: read.append(list(reach)) or article_texts(cur, reach, **kw))
        page, total = store.events_page(limit=2)
        assert read and not any(read) and total == 6
        assert page == store.events(limit=2, min_confidence=0.0)
        assert store.events_page(limit=6)[0] == store.events(limit=6, min_confidence=0.0)
        # the copies equal a rebuild's, and filling the copies of a store made before (migration 35) gives them too
        kept = ahead.dump(con)
        con.execute("BEGIN TRANSACTION")
        aggregates.rebuild(con)
        assert ahead.dump(con) == kept
        con.execute("UPDATE mentions_ahead SET own_text = NULL")
        ahead.fill_texts(con, None)
        assert ahead.dump(con) == kept
        con.execute("ROLLBACK")


def test_dyad_escalation_sorted_again_when_appended_rows_pass_their_share(tmp_path, monkeypatch):
    monkeypatch.setattr(escalations, "SORTED_SHARE", 0.3)
    rng = random.Random(5)
    seen: list[tuple] = []
    docs = [_document(rng, f"a{i}", D(2014, 1, 1) + dt.timedelta(days=rng.randrange(80)), seen) for i in range(40)]
    docs += [_burst(f"burst{i}", (c,), ("UKR",)) for i, c in enumerate(("RUS", "BLR", "USA"))]
    rng.shuffle(docs)
    sorts, appends = 0, 0
    with Store(tmp_path / "e.duckdb") as store:
        run = store.begin_run("test", [])
        con = store.con
        for step in range(0, len(docs), 2):
            before = con.execute("SELECT count(*) FROM dyad_escalation").fetchone()[0]
            store.write_documents(docs[step:step + 2], run_id=run)
            appended = int(con.execute("SELECT value FROM store_meta WHERE name = 'dyad_escalation_appended'"
                                       ).fetchone()[0])
            stored = con.execute("SELECT a, b, day, id FROM dyad_escalation ORDER BY rowid").fetchall()
            assert appended <= 0.3 * (len(stored) - appended)
            if appended == 0 and len(stored) > before:  # this batch sorted the table again
                sorts += 1
                assert stored == sorted(stored)
            elif appended:
                appends += 1
        assert sorts > 1 and appends > 1
        incremental = aggregates.dump(con)
        con.execute("BEGIN TRANSACTION")
        aggregates.rebuild(con)
        assert aggregates.dump(con) == incremental
        stored = con.execute("SELECT a, b, day, id FROM dyad_escalation ORDER BY rowid").fetchall()
        assert stored == sorted(stored)
        con.execute("ROLLBACK")


def test_dyad_page_in_a_window_reads_ids_from_dyad_events(tmp_path, monkeypatch):
    """A dyad's page with a window's end takes its ids from dyad_events (store/dyad_page.py), also for events
    dated long before or after their article, and gives the plain statement's page, field for field."""
    from redline.store import dyad_page

    docs = [_told_document("winter", D(2014, 1, 20), (-15, 0, 3, 40)),
            _told_document("spring", D(2014, 4, 1), (-70, -40, -1, 0, 2)),
            _told_document("summer", D(2014, 7, 1), (-150, -100, -95, 200))]
    calls: list[tuple] = []
    ids_sql = dyad_page.ids_sql
    monkeypatch.setattr(dyad_page, "ids_sql", lambda need, first, **kw: calls.append((need, first)) or
                        ids_sql(need, first, **kw))
    with Store(tmp_path / "d.duckdb") as store:
        store.write_documents(docs, run_id=store.begin_run("test", []))
        con = store.con
        windows = (("2014-01-01", "2014-01-31"), (None, "2014-03-31"), ("2014-02-15", "2014-04-30"),
                   ("2014-03-01", "2014-03-01"), (None, "2013-12-31"), ("2014-01-01", "2015-12-31"))
        for (since, until), (limit, offset) in itertools.product(windows, ((1, 0), (2, 1), (3, 0), (50, 0))):
            filters = {"actor": "RUS", "recipient": "UKR", "since": since, "until": until}
            where, params = store_queries.event_filters(**filters)
            ids = [r[0] for r in con.execute(
                f"SELECT id FROM events e{where} ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?",
                params + [limit, offset]).fetchall()]
            total = con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()[0]
            before = len(calls)
            page, count = store.events_page(**filters, limit=limit, offset=offset)
            assert ([e["id"] for e in page], count) == (ids, total), filters
            assert page == store.events(**filters, limit=limit, offset=offset, min_confidence=0.0)
            # read this way whenever the aggregates name a first day (enough events in the window)
            assert len(calls) == before + (total >= limit + offset), (filters, limit, offset)
        assert calls
        # without a window's end, or with one side only, a page reads as before
        before = len(calls)
        store.events_page(actor="RUS", recipient="UKR", since="2014-01-01", limit=2)
        store.events_page(actor="RUS", until="2014-03-31", limit=2)
        assert len(calls) == before


def test_dyad_events_sorted_again_when_appended_rows_pass_their_share(tmp_path, monkeypatch):
    """dyad_events is stored in (dyad, day) order (store/dyad_order.py): a batch's rows are appended sorted among
    themselves, and the batch whose appended rows pass SORTED_SHARE of the sorted ones sorts the table again."""
    from redline.store import dyad_order

    monkeypatch.setattr(dyad_order, "SORTED_SHARE", 0.3)
    rng = random.Random(7)
    seen: list[tuple] = []
    docs = [_document(rng, f"a{i}", D(2014, 1, 1) + dt.timedelta(days=rng.randrange(80)), seen) for i in range(40)]
    key = "a, b, day, id"
    sorts, appends, known = 0, 0, set()
    with Store(tmp_path / "s.duckdb") as store:
        run = store.begin_run("test", [])
        con = store.con
        for step in range(0, len(docs), 2):
            before = con.execute("SELECT count(*) FROM dyad_events").fetchone()[0]
            store.write_documents(docs[step:step + 2], run_id=run)
            appended = int(con.execute("SELECT value FROM store_meta WHERE name = 'dyad_events_appended'"
                                       ).fetchone()[0])
            stored = con.execute(f"SELECT {key} FROM dyad_events ORDER BY rowid").fetchall()
            assert appended <= 0.3 * (len(stored) - appended)
            new = [r for r in stored if r not in known]
            assert new == sorted(new)  # a batch's rows in their own order
            known = set(stored)
            if appended == 0 and len(stored) > before:  # this batch sorted the table again
                sorts += 1
                assert stored == sorted(stored)
            elif appended:
                appends += 1
        assert sorts > 1 and appends > 1
        _check(store)
        # the migration sorts a table stored in batch order (and the id index still finds its rows)
        con.execute("BEGIN TRANSACTION")
        con.execute("CREATE TEMP TABLE shuffled AS SELECT * FROM dyad_events ORDER BY hash(id || a || b)")
        con.execute("DELETE FROM dyad_events")
        con.execute("INSERT INTO dyad_events SELECT * FROM shuffled")
        kept = aggregates.dump(con)
        assert con.execute(f"SELECT {key} FROM dyad_events ORDER BY rowid").fetchall() != \
            sorted(con.execute(f"SELECT {key} FROM dyad_events").fetchall())
        dyad_order.sort(con)
        assert con.execute(f"SELECT {key} FROM dyad_events ORDER BY rowid").fetchall() == \
            sorted(con.execute(f"SELECT {key} FROM dyad_events").fetchall())
        assert aggregates.dump(con) == kept
        some = con.execute("SELECT id FROM dyad_events LIMIT 1").fetchone()[0]
        assert con.execute("SELECT count(*) FROM dyad_events WHERE id = ?", [some]).fetchone()[0] >= 1
        con.execute("ROLLBACK")
