"""Agentless passives: violence and arrests are coded when the sentence does not name who acted (PLOVER codes
them with an unknown actor); disasters and accidents are not; other acts still need their actor."""

from __future__ import annotations

import pytest

import redline

pytestmark = pytest.mark.slow


def _events(text):
    doc = redline.extract_document(text, published="2023-05-10")
    return [e for e in doc.events if e.factuality.value == "asserted"]


def test_unnamed_killers_give_an_unknown_armed_actor():
    [ev] = _events("Four Lebanese were killed on Friday in a northern village.")
    assert ev.event == "ASSAULT" and [a.code for a in ev.actor] == [None] and ev.actor[0].sector == "UAF"
    assert [r.code for r in ev.recipient] == ["LBN"]
    assert "agentless passive" in ev.actor[0].reason


def test_an_arrest_is_made_by_the_authorities_of_the_place():
    [ev] = _events("Two French journalists were detained in Tehran.")
    assert (ev.event, ev.mode) == ("COERCE", "arrest")
    assert [(a.code, a.sector) for a in ev.actor] == [("IRN", "COP")]
    assert [r.code for r in ev.recipient] == ["FRA"]


@pytest.mark.parametrize("text", [
    "Twelve Kenyans were killed in a bus crash.",          # an accident, not a party
    "Dozens of Turks were killed in the earthquake.",      # a disaster
    "At least 25 fighters were killed and 55 wounded.",   # nobody identified it was done to
    "Russian state banks were barred from the market.",    # other acts still need their actor
])
def test_no_agentless_event_without_a_party_or_in_disasters(text):
    assert _events(text) == []
