"""Missed events of the real-article dev split, by trigger and frame (issue 12, third round): acts reported inside
a dropped speech frame, event nouns carried out by a participle, force nouns in which people were harmed.

Every sentence is written for this test (none is a dev sentence); each group checks one general rule on several
wordings. Rows run through the whole pipeline and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # a warning that names no hearer is dropped; the act it reports as done is still coded
    ("On Monday NATO warned of Belarus moving combat troops into northern Ukraine.",
     ("MOBILIZE", ("BLR",), ("UKR",))),
    ("The Saudi general warned that Iran had fired missiles at the Kuwaiti base.", ("ASSAULT", ("IRN",), ("KWT",))),
    # a participle that carries the act out asserts the event noun it modifies; its actor is the noun's modifier
    ("Moscow hit back on Friday over new Japanese and Canadian sanctions imposed on Russia.",
     ("SANCTION", ("CAN", "JPN"), ("RUS",))),
    ("The Turkish offensive launched against Kurdish militias in Syria drew criticism.", ("ASSAULT", ("TUR",), ())),
    # people harmed in an act of force: the act took place; its actor is the noun's modifier or named agent
    ("At least 12 people were killed in Turkish airstrikes on Aleppo.", ("ASSAULT", ("TUR",), ("SYR",))),
    ("Four fishermen were wounded in an attack by the Indian navy on their boat.", ("ASSAULT", ("IND",), ())),
    ("The clinic was destroyed in a Saudi-led air strike on Sanaa.", ("ASSAULT", ("SAU",), ("YEM",))),
    # a speaker condemning an act or a state of things disapproves of it, with or without a doer named
    ('"This bombing is abhorrent and inexcusable," the Norwegian foreign minister said.', ("ACCUSE", ("NOR",), ())),
    ('"Attacks on aid convoys are not acceptable," the Irish foreign minister said.', ("ACCUSE", ("IRL",), ())),
    ('The Chilean senator said the raids were "un-American."', ("ACCUSE", ("CHL",), ())),
    # a stated readiness to strike, retaliate or punish is a threat
    ("The Turkish defence minister said Turkey was ready to strike Kurdish militants in Iraq.",
     ("THREATEN", ("TUR",), ())),
    ('"We are prepared to retaliate against Israel," the Iranian general said.', ("THREATEN", ("IRN",), ("ISR",))),
])
def test_reported_act_coded(pipeline, text, expected):
    assert expected in {(t, a, r if expected[2] else ()) for t, a, r in coded(pipeline, text)}


@pytest.mark.parametrize(("text", "absent"), [
    # a forecast in a dropped warning is no act of the content's actor
    ("The German chancellery warned that Serbian troops would violate the truce signed in Ohrid.", "REJECT"),
    ("Analysts warned that China could invade Taiwan next year.", "ASSAULT"),
    # what a dropped request asks for is not released as done
    ("Under state law, she can only order killing using police officers when a person has been sentenced "
     "lawfully by a state court.", "SANCTION"),
    ("Under the treaty, he may only order fighting using reservists when a soldier has been arrested unlawfully "
     "by a foreign army.", "COERCE"),
    # harm in an act by nobody named: no attacker is guessed
    ("Nine villagers were killed in aerial attacks by unidentified aircraft in the north.", "ASSAULT"),
    # a participle that does not carry the act out ("sanctions discussed"), or names no target: no event
    ("Polish and Czech sanctions discussed at the summit were not adopted.", "SANCTION"),
    ("New Japanese sanctions announced on Tuesday were debated in parliament.", "SANCTION"),
    # an assessment is no condemnation; a negated modifier ("not a valid legal reason") is not a negated label
    ('"The situation in the north is dangerous," the Kenyan minister said.', "ACCUSE"),
    ('"That is no valid legal excuse to miss the vote," the Irish senator said.', "ACCUSE"),
    # "not acceptable to Iran": the party it is unacceptable to refuses; the speaker condemns nothing
    ('The Qatari envoy said the draft was "not acceptable to Iran."', "ACCUSE"),
    ('"It is not illegal," the Swiss ambassador said of the Austrian ban.', "ACCUSE"),
    # readiness denied, or readiness to talk or help, is no threat
    ("The Greek navy is not ready to retaliate against Turkish vessels.", "THREATEN"),
    ("Japan is ready to hold talks with China.", "THREATEN"),
    ('"We are ready to strike," the Iranian general said.', "THREATEN"),
])
def test_not_an_act(pipeline, text, absent):
    assert absent not in types(pipeline, text)
