"""Analysis: dyads, timelines, escalation alerts, red-line warnings, digests and the analysis CLI."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest

from redline import analysis
from redline.errors import UsageError
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
        (D(2014, 3, 4), "ACCUSE", "UKR", "RUS", "Ukraine said Russia had crossed a red line.", "said"),
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


