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
    assert res.exit_code == 0 and "Example:" in res.output
