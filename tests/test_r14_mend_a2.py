"""Fourteenth round, review mend A2 (session 32, 7 Dec 2026): outbreaks of a fixed set of protest nouns, truces
kept (not any retreat), worry read as disapproval only of an act, concessions only for one's own protest, armed
words that disarm, and riots only by the protesters' own violence.

Every sentence is written for this test. Rows run through the whole pipeline (veto off, as every fixture) and look
at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def events(pipeline, text: str) -> list[tuple[str, str | None, str]]:
    """(type, mode, rule) of the asserted events of a text."""
    from redline.api import extract

    return [(e["event"][0], (e.get("mode") or [None])[0], e["rule"])
            for e in extract(text, published="2023-05-10", pipeline=pipeline)]


@pytest.mark.parametrize(("text", "absent"), [
    # strike is no outbreak noun: strikes that "continued" may be an offensive, and a place's people no attackers
    ("Strikes resumed in Greece on Friday.", "ASSAULT"),
    # a rally in a market is the market's rise
    ("A rally in European shares spread to London.", "PROTEST"),
    # only a truce is kept by respecting or honouring it
    ("The council respected the resignation of the mayor.", "RETREAT"),
    ("The army honoured the release of the detainees.", "RETREAT"),
    # worry about a party's plight, or about what might happen, disapproves of no one
    ("France is concerned about Mali's stability after the coup.", "ACCUSE"),
    ("Poland expressed concern that Ukraine might run out of money.", "ACCUSE"),
    ("Spain voiced concern about Morocco's stability.", "ACCUSE"),
    # ending someone else's protest concedes nothing; a march ends at a place
    ("Police officers ended the demonstration outside the ministry.", "CONCEDE"),
    ("Greek farmers ended their march at the ministry.", "CONCEDE"),
    ("The Greek government ended the doctors' strike by law.", "CONCEDE"),
    # a task force is no armed group: disbanding it disarms no one
    ("The Chilean task force disbanded.", "RETREAT"),
])
def test_event_is_not_coded(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}


def test_own_sit_in_ended_is_a_concession(pipeline):
    # the hyphenated noun is compared whole ("sit-in", not its last piece "in")
    assert {t for t, _, _ in coded(pipeline, "Chilean students ended their sit-in on Monday.")} == {"CONCEDE"}


def test_deaths_make_no_riot(pipeline):
    found = events(pipeline, "Deadly protests erupted across Chad.")
    assert found and all(mode != "riot" for _, mode, _ in found)


def test_violent_protest_riot_is_in_the_rule(pipeline):
    found = events(pipeline, "Violent protests erupted across Chad.")
    assert found and all(mode == "riot" and "+riot" in rule for _, mode, rule in found)
