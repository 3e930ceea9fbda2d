"""Recipients the coder lost (nineteenth round, recipients; docs/coding.md "Nineteenth round, recipients").

A meeting that only is intended ("will meet with X", "is willing to negotiate with X") is AGREE and one refused
("would not meet with X") REJECT: one side's stance, aimed at the party the meeting would be with, who is the
recipient and not a co-actor. A meeting held, and one intended by a compound subject with no "with" party, keep
every party as actor (docs/annotation.md, reciprocal acts).

Every sentence here is written for this test (none is a gold or corpus sentence). Rows run through the whole
pipeline and check the asserted events' (type, actor codes, recipient codes).
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def events_of(pipeline, text: str, event: str) -> list[tuple[set[str], set[str]]]:
    return [(set(a), set(r)) for ev, a, r in coded(pipeline, text) if ev == event]


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), [
    # an intended meeting or negotiation: the "with" / "to" / object party is the recipient
    ("Washington is willing to negotiate with Iran over the reactor.", "AGREE", "USA", "IRN"),
    ("Seoul said North Korea is ready to talk to the United States about its missiles.", "AGREE", "PRK", "USA"),
    ("The Kenyan president will meet with the Chinese premier in Nairobi next month.", "AGREE", "KEN", "CHN"),
    ("The Brazilian leader said Brazil will engage in talks with Bolivia and Peru.", "AGREE", "BRA", "BOL"),
    # a refused meeting: REJECT aimed at the party refused
    ("Moscow said the Russian president would not meet with the Chinese envoy.", "REJECT", "RUS", "CHN"),
])
def test_an_intended_or_refused_meeting_is_aimed_at_its_partner(pipeline, text, event, actor, recipient):
    found = events_of(pipeline, text, event)
    assert any(actor in a and recipient in r and recipient not in a for a, r in found), found


@pytest.mark.parametrize(("text", "event", "sides"), [
    # a meeting held: every party acts
    ("Merkel met with Macron in Paris on Monday.", "CONSULT", {"DEU", "FRA"}),
    # an intended meeting of a compound subject with no "with" party stays joint
    ("Canada and Mexico will meet in Ottawa next week, officials said.", "AGREE", {"CAN", "MEX"}),
])
def test_a_held_or_joint_meeting_keeps_every_side_as_actor(pipeline, text, event, sides):
    found = events_of(pipeline, text, event)
    assert any(sides <= a and not r for a, r in found), found


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), [
    # a passive relative clause: the relative word stands for the noun the clause modifies, who is the one acted on
    ("A Kenyan lawyer who was beaten by police on Friday has died.", "ASSAULT", None, "KEN"),
    ("The Ukrainian pilot, who is accused by Russia of spying, began a hunger strike.", "ACCUSE", "RUS", "UKR"),
    ("The Chilean minister, who was praised by Argentina for the deal, resigned on Monday.", "SUPPORT", "ARG",
     "CHL"),
    # allies abandoned are a withdrawal of support, now that the relative word is no longer read as "WHO" (the
    # organisations list of 'abandon' holds 'ally' since the merge of the nineteenth round)
    ("Think of the Kurdish allies who were abandoned by Washington last week.", "SANCTION", "USA", None),
])
def test_a_passive_relative_clause_keeps_the_noun_it_modifies(pipeline, text, event, actor, recipient):
    found = events_of(pipeline, text, event)
    assert any((actor is None or actor in a) and (recipient is None or recipient in r) for a, r in found), found
