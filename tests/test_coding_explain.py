"""`redline explain` and the structure behind it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from redline.cli import cli
from redline.errors import UsageError
from redline.explain import explain_text


def test_explain_text_reports_parse_rules_events_and_factuality(ctx):
    out = explain_text("Russia did not attack Ukraine.", published="2021-06-17", ctx=ctx)
    (s,) = out["sentences"]
    assert [t["text"] for t in s["tokens"]][:2] == ["Russia", "did"]
    assert any("svo:verb=attack" in line for line in s["trace"])
    (ev,) = s["events"]
    assert ev["event"] == ["ASSAULT"] and ev["factuality"] == "negated"
    assert "not" in ev["factuality_reason"]
    assert out["published"] == "2021-06-17"


def test_explain_text_says_why_nothing_was_coded(ctx):
    out = explain_text("Russia painted the fence.", ctx=ctx)
    (s,) = out["sentences"]
    assert s["events"] == []


@pytest.mark.parametrize(("text", "published"), [("", None), ("   ", None), ("Russia attacked Ukraine.", "June 17")])
def test_explain_text_bad_arguments_are_usage_errors(text, published):
    with pytest.raises(UsageError):
        explain_text(text, published=published)


def test_explain_command_prints_json():
    res = CliRunner().invoke(cli, ["explain", "Russia attacked Ukraine.", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["sentences"][0]["events"][0]["cameo"] == "190"


def test_explain_printer_formats_events(ctx, capsys):
    from redline.cli.coding_cmds import _print_sentence

    (s,) = explain_text("Russia attacked Ukraine.", ctx=ctx)["sentences"]
    _print_sentence(s, show_parse=True)
    out = capsys.readouterr().out
    assert "ASSAULT CAMEO 190" in out and "factuality: asserted" in out and "nsubj" in out


def test_explain_command_help_has_an_example():
    res = CliRunner().invoke(cli, ["explain", "--help"])
    assert res.exit_code == 0 and "Examples:" in res.output and 'redline explain "' in res.output


def test_explain_dates_and_places_the_events(ctx):
    out = explain_text("Russia attacked Ukraine on Monday.", published="2021-06-17", ctx=ctx)
    (ev,) = out["sentences"][0]["events"]
    assert (ev["date"], ev["date_source"]) == ("2021-06-14", "relative")
    assert "Monday" in ev["date_reason"]
    assert out["reference_date"] == "2021-06-17"
    res = CliRunner().invoke(cli, ["explain", "Russia attacked Ukraine on Monday.", "--published", "2021-06-17",
                                   "--no-parse"])
    assert res.exit_code == 0, res.output
    assert "reference date: 2021-06-17" in res.output
    assert "date: 2021-06-14 (day, relative) - 'on Monday'" in res.output


def test_explain_takes_a_user_actor_file(tmp_path):
    actors = tmp_path / "mine.csv"
    actors.write_text("kind,names,code,sector,office,start,end,wikidata,id\n"
                      "person,Ivan Testenko;Testenko,MDA,GOV,Mayor of Testograd,2020-01-01,,,testenko\n",
                      encoding="utf-8")
    text = "Ivan Testenko accused Russia of meddling in the election."
    with_file = CliRunner().invoke(cli, ["explain", text, "--published", "2021-03-09", "--actors", str(actors),
                                         "--json"])
    assert with_file.exit_code == 0, with_file.output
    (ev,) = json.loads(with_file.output)["sentences"][0]["events"]
    assert (ev["event"], ev["actor"][0]["code"], ev["actor"][0]["office"]) == (["ACCUSE"], "MDA", "Mayor of Testograd")
    without = explain_text(text, published="2021-03-09")
    assert all(e["actor"][0]["code"] != "MDA" for e in without["sentences"][0]["events"])
