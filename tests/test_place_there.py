""""here" as the place of an act (stages/place_there.py, issue 13, thirteenth round): the place of its own phrase, or
the place of the article's dateline, where the report was filed. Sentences written for these tests."""

from __future__ import annotations

import pytest

from test_places import _check_place_event


@pytest.fixture(scope="module")
def parse(ctx):
    from redline.stages.parse import parse_text

    return lambda text: parse_text(text, ctx)


@pytest.mark.parametrize(
    ("text", "trigger", "event", "expected"),
    [
        # bare "here" in a datelined article: the dateline's place
        ("WARSAW (Reuters) - Allied ministers gathered on Monday. The foreign minister met his counterparts here "
         "on Tuesday.", "met", "CONSULT", ("Warsaw", "POL", "here")),
        ("VILNIUS, Lithuania (AP) - The summit opened on Tuesday. Protesters rallied here against the war.",
         "rallied", "PROTEST", ("Vilnius", "LTU", "here")),
        # "here" with its own phrase: that place, dateline or not
        ("The president arrived on Monday. He criticised the new budget here in Riga on Tuesday.", "criticised",
         "ACCUSE", ("Riga", "LVA", "here")),
        # no dateline: "here" says nothing the text names
        ("Allied ministers gathered on Monday. The foreign minister met his counterparts here on Tuesday.", "met",
         "CONSULT", None),
        # inside a quotation "here" is where the quoted speaker was, not where the report was filed
        ("WARSAW (Reuters) - Allied ministers gathered on Monday. \"We will meet again here soon,\" the minister "
         "told reporters.", "meet", "CONSULT", None),
        # a quotation opened in the sentence before is still open at "here"
        ("WARSAW (Reuters) - Allied ministers gathered on Monday. \"The talks went well. We will meet again here "
         "soon,\" the minister told reporters.", "meet", "CONSULT", None),
        # a quotation closed before "here": the reporter's own words again
        ("WARSAW (Reuters) - Allied ministers gathered on Monday. \"We are ready,\" the minister said before he met "
         "his counterparts here on Tuesday.", "met", "CONSULT", ("Warsaw", "POL", "here")),
        # "here" on another act's word does not place this one
        ("WARSAW (Reuters) - Allied ministers gathered on Monday. The minister criticised the protesters who "
         "rallied here.", "criticised", "ACCUSE", None),
    ],
)
def test_place_events_here_is_the_datelines_place(ctx, parse, text, trigger, event, expected):
    _check_place_event(ctx, parse, text, trigger, event, expected, with_text=True)
