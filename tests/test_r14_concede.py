"""Fourteenth round, concede (issue 12, session 32, 7 Dec 2026): protests and strikes a party
ends, fighting stopped, armed groups disbanding, truces respected (docs/coding.md "Fourteenth round,
concede").

Every sentence is written for this test (none is a dev, test, corpus or synthetic-story sentence). The first table
checks each family on several wordings, the second what it must not code. Rows run through the whole pipeline
(veto off, as every fixture) and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def types(pipeline, text: str) -> set[str]:
    return {t for t, _, _ in coded(pipeline, text)}


@pytest.mark.parametrize(("text", "expected"), [
    # a party ending its own protest or strike concedes
    ("Teachers in Kenya called off their strike on Monday.", ("CONCEDE", ("KEN",), ("KEN",))),
    ("Kenyan teachers ended their strike on Monday.", ("CONCEDE", ("KEN",), ("KEN",))),
    ("Hamas ended its boycott of the talks.", ("CONCEDE", ("PSE",), ())),
    ("Chilean miners suspended their strike on Monday.", ("CONCEDE", ("CHL",), ("CHL",))),
    # parties that stop fighting observe a ceasefire
    ("Israel and Hamas stopped fighting on Monday.", ("RETREAT", ("ISR", "PSE"), ())),
    ("Armenia and Azerbaijan ceased fighting along the border.", ("RETREAT", ("ARM", "AZE"), ())),
    ("Israel and Hamas respected the truce on Monday.", ("RETREAT", ("ISR", "PSE"), ())),
    ("Both Armenia and Azerbaijan honoured the ceasefire overnight.", ("RETREAT", ("ARM", "AZE"), ())),
    # an armed group that disbands disarms
    ("The Taliban disbanded on Friday.", ("RETREAT", ("AFG",), ())),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a military strike called off or halted is a ceasefire, no concession
    ("Israel called off the strike on Gaza.", "CONCEDE"),
    ("Russia halted its air strikes in Syria.", "CONCEDE"),
    # fighting stopped at one target leaves the attack as told
    ("Russia stopped attacking the city of Kharkiv.", "RETREAT"),
    ("The company ceased production of the car.", "RETREAT"),
    # a body that is not armed disbands without disarming
    ("The parliamentary committee of Peru disbanded on Friday.", "RETREAT"),
    ("The Peruvian band disbanded after its last tour.", "RETREAT"),
    # respecting a ruling or a decision is no truce
    ("Poland respected the ruling of the European court.", "RETREAT"),
])
def test_event_is_not_coded(pipeline, text, absent):
    assert absent not in types(pipeline, text)
