"""Analysis: dyads, timelines, escalation alerts, red-line warnings, digests and the analysis CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys

import pytest

from redline import analysis
from redline.errors import UsageError
from redline.records import DatePrecision, Entity
from redline.store import Store
from redline.web.sample import make_document, write_documents

D = dt.date
KYIV = ("Kyiv", "UKR", 50.45, 30.52)

# (article id, published, [(date, type, actor, recipient, sentence, trigger[, factuality[, place]])])
ARTICLES = [
    ("a1", D(2014, 1, 10), [
        (D(2014, 1, 5), "CONSULT", "RUS", "UKR", "Russia met Ukraine in Moscow.", "met"),
        (D(2014, 1, 6), "CONSULT", "RUS", "UKR", "Russia met Ukraine again for talks.", "met"),
        (D(2014, 1, 7), "AGREE", "RUS", "UKR", "Russia agreed to a gas deal with Ukraine.", "agreed"),
        (D(2014, 1, 8), "SANCTION", "USA", "RUS", "The United States sanctioned Russia.", "sanctioned"),
    ]),
    ("a2", D(2014, 2, 10), [
        (D(2014, 2, 3), "CONSULT", "RUS", "UKR", "Russia hosted Ukraine for talks.", "hosted"),
        (D(2014, 2, 4), "AGREE", "RUS", "UKR", "Russia agreed to lend Ukraine money.", "agreed"),
        (D(2014, 2, 5), "CONSULT", "RUS", "UKR", "Russia called Ukraine on the phone.", "called"),
    ]),
    ("a3", D(2014, 3, 6), [
        (D(2014, 3, 1), "MOBILIZE", "RUS", "UKR", "Russia massed troops on the border of Ukraine.", "massed",
         "asserted", KYIV),
        (D(2014, 3, 2), "ASSAULT", "RUS", "UKR", "Russia shelled Ukraine near Kyiv.", "shelled", "asserted", KYIV),
        (D(2014, 3, 3), "ASSAULT", "RUS", "UKR", "Russia attacked Ukraine at dawn.", "attacked", "asserted", KYIV),
        (D(2014, 3, 4), "THREATEN", "UKR", "RUS", "Ukraine warned that Russia would cross a red line.", "warned"),
        (D(2014, 3, 5), "CONSULT", "RUS", "UKR", "Russia met Ukraine in Minsk.", "met"),
        (D(2014, 3, 6), "ASSAULT", "RUS", "UKR", "Russia bombed Ukraine overnight.", "bombed"),
    ]),
    ("a4", D(2014, 3, 20), [
        (D(2014, 3, 18), "SANCTION", "USA", "RUS", "The United States sanctioned Russia again.", "sanctioned"),
        (D(2014, 3, 19), "THREATEN", "RUS", "UKR", "Russia may threaten Ukraine.", "threaten", "possible"),
        (D(2014, 3, 20), "ASSAULT", "RUS", "UKR", "Russia did not attack Ukraine.", "attack", "negated"),
    ]),
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("analysis") / "events.duckdb"
    write_documents(path, [make_document(a, p, evs) for a, p, evs in ARTICLES])
    return path


@pytest.fixture(scope="module")
def store(store_path):
    with Store(store_path, read_only=True) as s:
        yield s


# -- option checks -------------------------------------------------------------------------------------

@pytest.mark.parametrize("given, expected", [
    (None, ("asserted",)),
    ("asserted", ("asserted",)),
    ("asserted,future", ("asserted", "future")),
    (["Negated"], ("negated",)),
    ("all", ("asserted", "future", "hypothetical", "negated", "possible")),
])
def test_check_factuality_accepts_known_values(given, expected):
    assert analysis.check_factuality(given) == expected


@pytest.mark.parametrize("given", ["maybe", "asserted,rumoured"])
def test_check_factuality_rejects_unknown_values(given):
    with pytest.raises(UsageError, match="factuality"):
        analysis.check_factuality(given)


@pytest.mark.parametrize("start, by, end", [
    (D(2014, 3, 5), "day", D(2014, 3, 5)),
    (D(2014, 3, 3), "week", D(2014, 3, 9)),
    (D(2014, 2, 1), "month", D(2014, 2, 28)),
    (D(2016, 2, 1), "month", D(2016, 2, 29)),
    (D(2014, 12, 1), "month", D(2014, 12, 31)),
    (D(2014, 1, 1), "year", D(2014, 12, 31)),
])
def test_period_end_is_last_day_of_period(start, by, end):
    assert analysis.period_end(start, by) == end


@pytest.mark.parametrize("call, message", [
    (lambda s: analysis.timeline(s, by="decade"), "by: unknown period"),
    (lambda s: analysis.timeline(s, actor="R U S"), "actor"),
    (lambda s: analysis.dyads(s, since=D(2015, 1, 1), until=D(2014, 1, 1)), "after"),
    (lambda s: analysis.dyads(s, limit=0), "limit"),
    (lambda s: analysis.digest(s, date=D(2014, 3, 6), days=0), "days"),
    (lambda s: analysis.render_digest({}, "pdf"), "format"),
])
def test_bad_options_raise_usage_error(store, call, message):
    with pytest.raises(UsageError, match=message):
        call(store)


# -- dyads and timelines -------------------------------------------------------------------------------

def test_dyads_rank_pairs_by_events(store):
    rows = analysis.dyads(store)
    pairs = [(r["actor"], r["recipient"], r["events"]) for r in rows]
    assert pairs == [("RUS", "UKR", 11), ("USA", "RUS", 2), ("UKR", "RUS", 1)]
    top = rows[0]
    assert (top["first"], top["last"], top["articles"]) == (D(2014, 1, 5), D(2014, 3, 6), 3)
    assert 0 < top["conflict_share"] < 1


@pytest.mark.parametrize("kwargs, expected", [
    ({}, [("RUS", "UKR", 11), ("USA", "RUS", 2), ("UKR", "RUS", 1)]),
    ({"since": D(2014, 3, 1)}, [("RUS", "UKR", 5), ("UKR", "RUS", 1), ("USA", "RUS", 1)]),
    ({"factuality": "negated"}, [("RUS", "UKR", 1)]),
    ({"factuality": "all", "limit": 1}, [("RUS", "UKR", 13)]),
])
def test_dyads_filters(store, kwargs, expected):
    assert [(r["actor"], r["recipient"], r["events"]) for r in analysis.dyads(store, **kwargs)] == expected


def test_timeline_counts_quad_classes_per_month(store):
    rows = analysis.timeline(store, actor="rus", recipient="UKR", by="month")
    got = [(r["period"], r["end"], r["events"], r["verbal_coop"], r["material_conflict"]) for r in rows]
    assert got == [
        (D(2014, 1, 1), D(2014, 1, 31), 3, 3, 0),
        (D(2014, 2, 1), D(2014, 2, 28), 3, 3, 0),
        (D(2014, 3, 1), D(2014, 3, 31), 5, 1, 4),  # MOBILIZE and ASSAULT are material conflict
    ]
    march = rows[-1]
    assert march["conflict_share"] == 0.8
    assert march["goldstein"] < 0 < rows[0]["goldstein"]


@pytest.mark.parametrize("both, expected", [(False, 5), (True, 6)])
def test_timeline_both_directions_adds_reverse_events(store, both, expected):
    rows = analysis.timeline(store, actor="RUS", recipient="UKR", by="year", since=D(2014, 3, 1),
                             both_directions=both)
    assert [r["events"] for r in rows] == [expected]


def test_timeline_fills_empty_periods_and_labels_them(store):
    rows = analysis.timeline(store, actor="RUS", recipient="UKR", by="month", since=D(2013, 12, 15),
                             until=D(2014, 4, 2))
    assert [(r["label"], r["events"]) for r in rows] == [
        ("2013-12", 0), ("2014-01", 3), ("2014-02", 3), ("2014-03", 5), ("2014-04", 0)]
    assert rows[0]["goldstein"] is None and rows[0]["conflict_share"] == 0.0
    gaps = analysis.timeline(store, actor="USA", recipient="RUS", by="month")  # January, then March
    assert [(r["label"], r["events"]) for r in gaps] == [("2014-01", 1), ("2014-02", 0), ("2014-03", 1)]


@pytest.mark.parametrize("start, by, label", [
    (D(2014, 3, 5), "day", "2014-03-05"), (D(2014, 3, 3), "week", "2014-W10"), (D(2014, 12, 29), "week", "2015-W01"),
    (D(2014, 3, 1), "month", "2014-03"), (D(2014, 1, 1), "year", "2014")])
def test_period_label(start, by, label):
    assert analysis.period_label(start, by) == label


def test_a_name_given_as_a_code_names_the_code(store):
    with pytest.raises(UsageError, match=r"no stored event has the code 'RUSSIA'; did you mean RUS \(Russia\)"):
        analysis.timeline(store, actor="Russia")
    assert analysis.timeline(store, actor="FRA") == []  # a real code with no events is simply empty
    assert "the most frequent codes are RUS, UKR, USA" in analysis.code_hint(store, "FRA", "actor")


def test_timeline_by_week_starts_on_monday(store):
    rows = analysis.timeline(store, actor="RUS", recipient="UKR", by="week", since=D(2014, 3, 1))
    assert all(r["period"].weekday() == 0 for r in rows)
    assert sum(r["events"] for r in rows) == 5


# -- alerts --------------------------------------------------------------------------------------------

def _period(actor, recipient, period, events, escalation):
    return {"actor": actor, "recipient": recipient, "period": period, "events": events, "escalation": escalation,
            "escalation_ids": [f"e{i}" for i in range(escalation)]}


@pytest.mark.parametrize("rows, expected", [
    # quiet history, then 4 of 5 escalation events: alert
    ([_period("A", "B", D(2014, 1, 1), 6, 0), _period("A", "B", D(2014, 2, 1), 5, 4)], [D(2014, 2, 1)]),
    # no history at all: nothing to rise against
    ([_period("A", "B", D(2014, 2, 1), 5, 4)], []),
    # history as hostile as the period: no rise
    ([_period("A", "B", D(2014, 1, 1), 10, 8), _period("A", "B", D(2014, 2, 1), 5, 4)], []),
    # too few events in the period
    ([_period("A", "B", D(2014, 1, 1), 6, 0), _period("A", "B", D(2014, 2, 1), 2, 2)], []),
    # history older than the baseline window does not count
    ([_period("A", "B", D(2013, 1, 1), 6, 0), _period("A", "B", D(2014, 2, 1), 5, 4)], []),
    # another dyad's history is not this dyad's baseline
    ([_period("A", "C", D(2014, 1, 1), 6, 0), _period("A", "B", D(2014, 2, 1), 5, 4)], []),
])
def test_escalation_alerts_need_a_rise_over_own_baseline(rows, expected):
    rows = sorted(rows, key=lambda r: (r["actor"], r["recipient"], r["period"]))
    alerts = analysis.escalation_alerts(rows, analysis.AlertOptions(by="month", baseline=6))
    assert [a["period"] for a in alerts] == expected


def test_escalation_alert_reports_share_baseline_and_evidence():
    rows = [_period("A", "B", D(2014, 1, 1), 6, 0), _period("A", "B", D(2014, 2, 1), 5, 4)]
    (alert,) = analysis.escalation_alerts(rows, analysis.AlertOptions())
    assert alert["share"] == 0.8
    assert alert["baseline"] == 0.125  # (0 + 1) / (6 + 2)
    assert alert["evidence"] == ["e0", "e1", "e2", "e3"]
    assert alert["score"] > 2


def test_alerts_on_store_find_escalation_and_red_line(store):
    alerts = analysis.alerts(store, options=analysis.AlertOptions(by="month"))
    kinds = {(a["kind"], a["actor"], a["recipient"], a["period"]) for a in alerts}
    assert kinds == {("escalation", "RUS", "UKR", D(2014, 3, 1)), ("red_line", "UKR", "RUS", D(2014, 3, 1))}
    esc = next(a for a in alerts if a["kind"] == "escalation")
    assert len(esc["evidence"]) == 4
    for eid in esc["evidence"]:
        assert store.event(eid)["event"][0] in analysis.ESCALATION_EVENTS
    red = next(a for a in alerts if a["kind"] == "red_line")
    assert "red line" in store.event(red["evidence"][0])["text"]


def test_alerts_since_limits_reported_periods(store):
    assert analysis.alerts(store, since=D(2014, 4, 1)) == []


@pytest.mark.parametrize("min_baseline, expected", [(1, [D(2014, 2, 1)]), (2, [D(2014, 2, 1)]), (3, [])])
def test_escalation_needs_a_minimum_baseline(min_baseline, expected):
    """Two earlier events are a baseline only when min_baseline allows it (the default asks for 5)."""
    rows = [_period("A", "B", D(2014, 1, 1), 2, 0), _period("A", "B", D(2014, 2, 1), 6, 6)]
    opts = analysis.AlertOptions(min_baseline=min_baseline)
    assert [a["period"] for a in analysis.escalation_alerts(rows, opts)] == expected
    assert analysis.escalation_alerts(rows, analysis.AlertOptions()) == []


@pytest.mark.parametrize("min_escalation, expected", [(2, [D(2014, 2, 1)]), (3, [])])
def test_two_escalation_events_are_no_trend_by_default(min_escalation, expected):
    rows = [_period("A", "B", D(2014, 1, 1), 10, 0), _period("A", "B", D(2014, 2, 1), 3, 2)]
    assert [a["period"] for a in analysis.escalation_alerts(
        rows, analysis.AlertOptions(min_escalation=min_escalation))] == expected
    assert analysis.AlertOptions().min_escalation == 3


def test_escalation_alert_on_a_baseline_of_one_event_does_not_fire():
    rows = [_period("A", "B", D(2014, 1, 1), 1, 0), _period("A", "B", D(2014, 2, 1), 5, 5)]
    assert analysis.escalation_alerts(rows, analysis.AlertOptions()) == []


def test_alerts_carry_summary_and_evidence_sentences(store):
    (esc,) = [a for a in analysis.alerts(store) if a["kind"] == "escalation"]
    assert "4 of 5 events" in esc["summary"] and "over 6 events in the 6 months before" in esc["summary"]
    texts = [x["text"] for x in esc["sentences"]]
    assert texts == ["Russia massed troops on the border of Ukraine.", "Russia shelled Ukraine near Kyiv.",
                     "Russia attacked Ukraine at dawn.", "Russia bombed Ukraine overnight."]
    assert {x["id"] for x in esc["sentences"]} == set(esc["evidence"])
    assert all(x["title"] == "a3" and x["date"].month == 3 for x in esc["sentences"])


# -- red-line warnings ---------------------------------------------------------------------------------

def _red_line_article(aid, day, specs):
    """specs: (type, actor codes, recipient codes, sentence, trigger[, factuality])."""
    doc = make_document(aid, day, [(day, t, None, None, text, trig, *rest) for t, _, _, text, trig, *rest in specs])
    events = []
    for ev, (_, actors, recipients, *_rest) in zip(doc.events, specs, strict=True):
        events.append(dataclasses.replace(
            ev, actor=tuple(Entity(NAMES.get(c, c), c, "GOV", identifier_text=NAMES.get(c)) for c in actors),
            recipient=tuple(Entity(NAMES.get(c, c), c) for c in recipients)))
    return dataclasses.replace(doc, events=tuple(events))


NAMES = {"RUS": "the Kremlin", "USA": "Joe Biden", "UKR": "Ukraine", "NATO": "NATO"}
KREMLIN = ("Moscow would treat a NATO seat for Ukraine as a 'red line', the Kremlin warned on the day "
           "Joe Biden and Vladimir Putin sat down for a summit in Geneva.")
PESKOV = "'For us, NATO troops in Ukraine are a red line, and we say so plainly,' Peskov said."
RED_LINES = [
    # the reference pattern: the summit (CONSULT, first actor USA) shares the sentence with the warning
    ("r1", D(2021, 6, 17), [
        ("CONSULT", ["USA", "RUS"], [], KREMLIN, "summit"),
        ("THREATEN", ["RUS"], ["UKR", "NATO"], KREMLIN, "red line"),  # the coder: asserted, only its content is not
        ("THREATEN", ["RUS"], ["UKR"], PESKOV, "red line"),
        ("MOBILIZE", ["RUS"], ["UKR"], "Russia massed troops near a red line drawn by Kyiv.", "massed"),
    ]),
    # the same warning reported by another outlet: one warning with r1's; Russia, for whom the line is drawn, is
    # no target of its own warning
    ("r2", D(2021, 6, 18), [("THREATEN", ["RUS"], ["NATO", "RUS"], "Moscow said NATO membership is a red line for "
                             "Russia.", "red line")]),
    # another speaker, and a warning from no one
    ("r3", D(2021, 6, 20), [
        ("ACCUSE", ["UKR"], ["RUS"], "Kyiv said Moscow had crossed a red line.", "said"),
        ("THREATEN", [], ["UKR"], "Someone drew a red line.", "red line"),
        ("THREATEN", ["USA"], ["RUS"], "Biden said Russia would not be allowed to cross a red line.",
         "red line", "negated"),
        # a plea for someone else's red line: the coder leaves it hypothetical, and it is no warning drawn
        ("THREATEN", ["ISR"], ["IRN"], "Netanyahu pleaded with Washington to establish a red line that Iran cannot "
         "cross.", "red line", "hypothetical"),
    ]),
]


@pytest.fixture(scope="module")
def red_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("redline") / "red.duckdb"
    write_documents(path, [_red_line_article(a, d, specs) for a, d, specs in RED_LINES])
    with Store(path, read_only=True) as s:
        yield s


def test_red_line_warning_takes_speaker_and_target_from_the_warning_event(red_store):
    reds = [a for a in analysis.alerts(red_store) if a["kind"] == "red_line"]
    assert [(a["actors"], a["recipients"]) for a in reds] == [(["RUS"], ["UKR", "NATO"])]
    kremlin = reds[0]
    assert kremlin["speakers"] == ["the Kremlin"] and kremlin["targets"] == ["Ukraine", "NATO"]
    assert kremlin["articles"] == 2 and kremlin["events"] == 3
    assert [x["text"] for x in kremlin["sentences"]] == [KREMLIN, PESKOV,
                                                         "Moscow said NATO membership is a red line for Russia."]
    assert "red line drawn by RUS (the Kremlin), aimed at UKR, NATO (Ukraine; NATO)" in kremlin["summary"]
    assert {red_store.event(e)["event"][0] for e in kremlin["evidence"]} == {"THREATEN"}


def test_red_line_ignores_other_events_of_the_sentence_and_speakerless_or_negated_warnings(red_store):
    reds = [a for a in analysis.alerts(red_store) if a["kind"] == "red_line"]
    assert all("USA" not in a["actors"] for a in reds)  # the summit's first actor is not the speaker
    assert all(red_store.event(e)["event"][0] == "THREATEN" for a in reds for e in a["evidence"])
    assert all(a["actors"] for a in reds)
    assert all("UKR" not in a["actors"] for a in reds)  # Kyiv's accusation that a line was crossed is no warning


@pytest.mark.parametrize("factuality, expected", [
    (None, ["RUS"]), ("asserted", ["RUS"]), ("hypothetical", ["ISR"]), ("negated", ["USA"]),
    ("all", ["ISR", "RUS", "USA"])])
def test_red_line_factuality_defaults_to_asserted(red_store, factuality, expected):
    reds = [a for a in analysis.alerts(red_store, factuality=factuality) if a["kind"] == "red_line"]
    assert sorted(a["actor"] for a in reds) == expected


def test_red_line_warnings_are_one_alert_per_speaker_and_period():
    row = {"id": "e1", "event": "THREATEN", "date": D(2021, 6, 1), "period": D(2021, 6, 1), "actor_codes": ["RUS"],
           "recipient_codes": ["UKR"], "actor_names": ["Putin"], "recipient_names": ["Ukraine"], "article_id": "a",
           "text": "x red line", "title": "t", "outlet": "o", "num_mentions": 1, "factuality": "asserted",
           "seq": 0, "event_text": "red line", "published": None}
    rows = [row, {**row, "id": "e2", "recipient_codes": ["USA"], "article_id": "b", "text": "y red line"},
            {**row, "id": "e3", "period": D(2021, 7, 1), "date": D(2021, 7, 2)},
            {**row, "id": "e4", "actor_codes": ["BLR"]}]
    alerts = analysis.red_line_alerts(rows, "month")
    assert [(a["actor"], a["recipient"], a["period"], a["evidence"]) for a in alerts] == [
        ("RUS", "UKR;USA", D(2021, 6, 1), ["e1", "e2"]), ("RUS", "UKR", D(2021, 7, 1), ["e3"]),
        ("BLR", "UKR", D(2021, 6, 1), ["e4"])]



def test_red_line_warning_dated_only_to_a_year_is_a_warning_of_no_month(tmp_path):
    """'after his 2012 reelection' dates a retold warning to the year only: it belongs to no month (it would
    otherwise alert as news of January), as a timeline leaves it out of every month; by year it counts."""
    year_only = _red_line_article("y1", D(2017, 1, 17), [
        ("THREATEN", ["RUS"], ["SYR"], "Russia said in 2012 that strikes on Syria would cross a red line.", "red line")])
    year_only = dataclasses.replace(year_only, events=tuple(
        dataclasses.replace(e, date=D(2012, 1, 1), date_precision=DatePrecision.YEAR) for e in year_only.events))
    month_only = _red_line_article("m1", D(2017, 1, 17), [
        ("THREATEN", ["USA"], ["RUS"], "In January Washington said that was a red line for Russia.", "red line")])
    month_only = dataclasses.replace(month_only, events=tuple(
        dataclasses.replace(e, date=D(2017, 1, 1), date_precision=DatePrecision.MONTH) for e in month_only.events))
    path = tmp_path / "years.duckdb"
    write_documents(path, [year_only, month_only])
    with Store(path, read_only=True) as s:
        def reds(by):
            return sorted((a["actor"], a["period"]) for a in analysis.alerts(s, options=analysis.AlertOptions(by=by))
                          if a["kind"] == "red_line")
        assert reds("month") == [("USA", D(2017, 1, 1))]
        assert reds("day") == []
        assert reds("year") == [("RUS", D(2012, 1, 1)), ("USA", D(2017, 1, 1))]


def test_escalation_counts_only_events_dated_as_precisely_as_its_period(tmp_path):
    """An event dated only to a year ("last year") belongs to no month, as a timeline counts it: the March
    escalation of the module's store fires with its events dated to the day, and not with the same events dated
    only to their year."""
    def store_with(precision):
        docs = [make_document(a, p, evs) for a, p, evs in ARTICLES]
        docs[2] = dataclasses.replace(docs[2], events=tuple(
            dataclasses.replace(e, date_precision=precision) for e in docs[2].events))
        path = tmp_path / f"{precision.value}.duckdb"
        write_documents(path, docs)
        return path

    def escalations(path, by):
        with Store(path, read_only=True) as s:
            return [(a["actor"], a["recipient"], a["period"]) for a in
                    analysis.alerts(s, options=analysis.AlertOptions(by=by)) if a["kind"] == "escalation"]

    day, year = store_with(DatePrecision.DAY), store_with(DatePrecision.YEAR)
    assert escalations(day, "month") == [("RUS", "UKR", D(2014, 3, 1))]
    assert escalations(year, "month") == []


# -- evidence highlights -------------------------------------------------------------------------------

def _ev(text, start, trig, actors=(), recipients=()):
    return {"text": text, "text_info": {"start": start, "trigger_start": start + trig[0],
                                        "trigger_end": start + trig[1]},
            "actor": [{"entity_text": a, "code": a[:3].upper()} for a in actors],
            "recipient": [{"entity_text": r, "code": r[:3].upper()} for r in recipients]}


@pytest.mark.parametrize("event, expected", [
    (_ev("Russia shelled Ukraine.", 100, (7, 14), ["Russia"], ["Ukraine"]),
     [("actor", "Russia"), ("trigger", "shelled"), ("recipient", "Ukraine")]),
    (_ev("He said Kyiv was hit.", 0, (3, 7), ["Vladimir Putin"], ["Kyiv"]),
     [("trigger", "said"), ("recipient", "Kyiv")]),  # an actor the sentence does not name is left out
    (_ev("ukraine accused Ukraine.", 5, (8, 15), ["Ukraine"], ["Ukraine"]),
     [("actor", "ukraine"), ("trigger", "accused"), ("recipient", "Ukraine")]),
    (_ev("No trigger here.", 0, (0, 0)), []),
])
def test_highlights_mark_trigger_actor_recipient(event, expected):
    spans = analysis.highlights(event)
    assert [(h["kind"], h["text"]) for h in spans] == expected
    for h in spans:
        assert event["text"][h["start"]:h["end"]] == h["text"]


# -- digest --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, marker", [("md", "](http://x/#event="), ("html", 'href="http://x/#event=')])
def test_digest_every_line_links_to_evidence(store, fmt, marker):
    d = analysis.digest(store, date=D(2014, 3, 6), days=7, base_url="http://x")
    assert d["dyads"][0]["actor"] == "RUS"
    text = analysis.render_digest(d, fmt)
    items = [ln for ln in text.splitlines() if ln.startswith(("- ", "<li>"))]
    assert items
    assert all(marker in ln or "/articles/" in ln for ln in items)


def test_digest_lists_new_escalations(store):
    d = analysis.digest(store, date=D(2014, 3, 6), days=7,
                        options=analysis.AlertOptions(by="month"))
    assert {a["kind"] for a in d["alerts"]} == {"escalation", "red_line"}


# -- network and locations -----------------------------------------------------------------------------

def test_network_nodes_sum_dyad_events(store):
    net = analysis.network(store)
    nodes = {n["code"]: n for n in net["nodes"]}
    assert nodes["RUS"]["sent"] == 11 and nodes["RUS"]["received"] == 3
    assert len(net["edges"]) == 3


def test_locations_group_events_by_place(store):
    (kyiv,) = analysis.locations(store)
    assert (kyiv["name"], kyiv["events"], kyiv["conflict"]) == ("Kyiv", 3, 3)
    assert len(kyiv["event_ids"]) == 3


# -- CLI -----------------------------------------------------------------------------------------------

def _run(monkeypatch, capsys, *args):
    from redline.cli import main

    monkeypatch.setattr(sys, "argv", ["redline", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def test_cli_dyads_json(monkeypatch, capsys, store_path):
    code, out, _ = _run(monkeypatch, capsys, "dyads", "--db", str(store_path), "--format", "json", "--limit", "1")
    assert code == 0
    assert [(r["actor"], r["recipient"]) for r in json.loads(out)] == [("RUS", "UKR")]


def test_cli_timeline_csv(monkeypatch, capsys, store_path):
    code, out, _ = _run(monkeypatch, capsys, "timeline", "--db", str(store_path), "--actor", "RUS",
                        "--recipient", "UKR", "--by", "month", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("period,events,verbal_coop")
    assert len(out.splitlines()) == 4


def test_cli_alerts_table_shows_summary_and_evidence_sentences(store_path):
    from click.testing import CliRunner

    from redline.cli import cli

    result = CliRunner().invoke(cli, ["alerts", "--db", str(store_path)], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert "4 of 5 events are THREATEN/MOBILIZE/ASSAULT/COERCE" in result.output
    assert "Russia shelled Ukraine near Kyiv." in result.output and "Ukraine warned that Russia would cross a red line." \
        in result.output
    csv_out = CliRunner().invoke(cli, ["alerts", "--db", str(store_path), "--format", "csv"]).output
    assert csv_out.splitlines()[0] == "kind,period,actor,recipient,score,summary,evidence"
    # the first 3 evidence sentences of each alert by default, and how many more there are
    assert "Russia bombed Ukraine overnight." not in csv_out and "... and 1 more (--evidence all lists every one)" \
        in csv_out
    csv_all = CliRunner().invoke(cli, ["alerts", "--db", str(store_path), "--format", "csv", "--evidence", "all"]).output
    assert csv_all.count("Russia") >= 4 and "Russia bombed Ukraine overnight." in csv_all and "more (" not in csv_all
    bad = CliRunner().invoke(cli, ["alerts", "--db", str(store_path), "--evidence", "some"])
    assert bad.exit_code == 2 and "neither a number of sentences nor `all`" in bad.output


@pytest.mark.parametrize("args, kinds", [([], {"escalation", "red line"}), (["--min-baseline", "7"], {"red line"}),
                                         (["--no-red-lines"], {"escalation"})])
def test_cli_alerts_min_baseline_is_an_option(store_path, args, kinds):
    from click.testing import CliRunner

    from redline.cli import cli

    result = CliRunner().invoke(cli, ["alerts", "--db", str(store_path), "--format", "csv", *args])
    assert result.exit_code == 0, result.output
    assert {line.split(",")[0] for line in result.output.splitlines()[1:] if line[:3] in ("esc", "red")} == kinds


def test_digest_quotes_the_evidence_sentences_of_alerts(store):
    d = analysis.digest(store, date=D(2014, 3, 6), days=7, base_url="http://x",
                        options=analysis.AlertOptions(by="month"))
    md = analysis.render_digest(d, "md")
    assert "## New alerts" in md
    assert "  - 2014-03-02 ASSAULT: \u201cRussia shelled Ukraine near Kyiv.\u201d ([event](http://x/#event=" in md
    html = analysis.render_digest(d, "html")
    assert "<li>2014-03-04 THREATEN: \u201cUkraine warned that Russia would cross a red line.\u201d" in html


def test_cli_timeline_rejects_a_name_for_a_code(monkeypatch, capsys, store_path):
    code, out, err = _run(monkeypatch, capsys, "timeline", "--db", str(store_path), "--actor", "RUSSIA")
    assert code == 2 and "did you mean RUS (Russia)" in err and out == ""


def test_cli_timeline_labels_periods_and_hints_when_empty(monkeypatch, capsys, store_path):
    code, out, _ = _run(monkeypatch, capsys, "timeline", "--db", str(store_path), "--actor", "USA", "--recipient",
                        "RUS", "--format", "csv")
    assert code == 0 and [ln.split(",")[:2] for ln in out.splitlines()[1:]] == [
        ["2014-01", "1"], ["2014-02", "0"], ["2014-03", "1"]]
    code, out, err = _run(monkeypatch, capsys, "timeline", "--db", str(store_path), "--actor", "FRA")
    assert code == 0 and "no stored event has the code 'FRA'" in err


def test_cli_alerts_and_digest(monkeypatch, capsys, store_path):
    code, out, _ = _run(monkeypatch, capsys, "alerts", "--db", str(store_path), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = _run(monkeypatch, capsys, "digest", "--db", str(store_path), "--date", "2014-03-06",
                        "--days", "7", "--format", "md")
    assert code == 0 and out.startswith("# redline digest: 2014-02-28 to 2014-03-06")


@pytest.mark.parametrize("args, code, message", [
    (["timeline", "--since", "2014-13-01"], 2, "--since"),
    (["timeline", "--by", "decade"], 2, "--by"),
    (["timeline", "--actor", "R U S"], 2, "actor"),
    (["dyads", "--limit", "0"], 2, "--limit"),
    (["dyads", "--db", "/nonexistent/x.duckdb"], 1, "no such file"),
])
def test_cli_bad_input_exit_codes(monkeypatch, capsys, store_path, args, code, message):
    if "--db" not in args:
        args = [*args, "--db", str(store_path)]
    got, _, err = _run(monkeypatch, capsys, *args)
    assert got == code
    assert message in err




def test_http_alerts_carry_the_first_sentences_and_all_on_request(store_path, tmp_path):
    """/alerts carries the first ALERT_SENTENCES evidence sentences of each alert and how many it has; evidence=all
    (or a number) carries that many: the same alerts with the same evidence ids either way."""
    import shutil

    from fastapi.testclient import TestClient

    from redline.web.app import create_app

    copy = tmp_path / "copy.duckdb"  # the module's store is open in this process with another configuration
    shutil.copyfile(store_path, copy)
    with TestClient(create_app(copy), base_url="http://127.0.0.1") as client:
        first = client.get("/alerts?by=month").json()["data"]
        every = client.get("/alerts?by=month&evidence=all").json()["data"]
        one = client.get("/alerts?by=month&evidence=1").json()["data"]
    assert any(a["sentence_count"] > analysis.ALERT_SENTENCES for a in every)  # the store has an alert to cut
    for f, e, o in zip(first, every, one, strict=True):
        assert e["sentence_count"] == len(e["sentences"]) == f["sentence_count"]
        assert f["sentences"] == e["sentences"][:analysis.ALERT_SENTENCES] and o["sentences"] == e["sentences"][:1]
        assert {k: v for k, v in f.items() if k != "sentences"} == {k: v for k, v in e.items() if k != "sentences"}
