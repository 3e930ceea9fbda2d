"""Senses from judging fresh samples of real articles (issue 12, sixth round, 6 Dec 2026): acts inside one
government, political fights, captures by the law, offers of help, restrictions, admissions, obligations.

Every sentence here is written for this test (none is a sample, dev or corpus sentence). Each group checks one
general reading on several wordings; the second tables check the events the rules must keep. Rows run through
the whole pipeline and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "absent"), [
    # meetings, calls and requests among one country's own executive are internal
    ("The Kenyan president spoke by phone with the Kenyan defence minister on Friday.", "CONSULT"),
    ("The Peruvian president met with national security advisers on Monday.", "CONSULT"),
    ("The Polish prime minister met with his aides and security chiefs after the blast.", "CONSULT"),
    ("The Chilean army chief asked the Chilean defence ministry for more helicopters.", "REQUEST"),
    # a fight or clash among politicians, parties, courts or businesses is a dispute
    ("The Australian senator clashed with the Australian treasurer over the budget.", "ASSAULT"),
    ("The Brazilian Congress fought back against the plan.", "ASSAULT"),
    ("Opposition parties battled the Indian Supreme Court over the ruling.", "ASSAULT"),
    # conceding that something is so admits a fact
    ("The Danish minister conceded that the storm remains a danger to the coast.", "CONCEDE"),
    ("The Mexican general concedes that the cartels remain strong.", "CONCEDE"),
    # an obligation continued by a bare infinitive is not done ("needs to X and Y", "have got to X and Y")
    ("The Swedish prime minister needs to win the vote and persuade Finland to join the plan.", "REQUEST"),
    ('"We have got to move fast and offer Ukraine more air defence," the Dutch minister said.', "AGREE"),
])
def test_no_event(pipeline, text, absent):
    assert absent not in types(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # parties of two countries, or a legislature asked by the government, are events
    ("The Kenyan president spoke by phone with the Ugandan president on Friday.", ("CONSULT", ("KEN", "UGA"), ())),
    ("The Chilean president asked the Chilean Congress to pass the budget.", ("REQUEST", ("CHL",), ("CHL",))),
    # forces clashing stay attacks
    ("Indian troops clashed with Chinese soldiers in the Galwan valley.", ("ASSAULT", ("IND",), ("CHN",))),
    # a capture of people by the authorities is an arrest; a capture of a town stays an act of war
    ("Spanish authorities captured the suspect in Malaga.", ("COERCE", ("ESP",), ("ESP",))),
    # offering help is an offer (AGREE), giving it is AID
    ("Japan offered assistance to Turkey after the earthquake.", ("AGREE", ("JPN",), ("TUR",))),
    ("Japan offered help to Morocco.", ("AGREE", ("JPN",), ("MAR",))),
    ("Japan sent assistance to Turkey after the earthquake.", ("AID", ("JPN",), ("TUR",))),
    # restrictions laid on another state punish it (SANCTION); on one's own people they repress (COERCE)
    ("Canada imposed new restrictions on Iran over the crackdown.", ("SANCTION", ("CAN",), ("IRN",))),
    # conceding a thing is a concession
    ("The Bolivian candidate conceded defeat on Sunday.", ("CONCEDE", ("BOL",), ())),
    # conceding a fault is a concession
    ("The Danish police conceded that the protesters had been wrongly detained.", ("CONCEDE", ("DNK",), ("DNK",))),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


def test_a_town_captured_by_authorities_is_no_arrest(pipeline):
    assert "COERCE" not in types(pipeline, "Syrian authorities captured the town of Qusayr from the rebels.")


def test_forces_cutting_a_place_off_besiege_it(pipeline):
    got = types(pipeline, "Syrian rebel forces cut the Kurdish town off from food supplies.")
    assert "COERCE" in got and "SANCTION" not in got


def test_own_people_restricted_stay_coerce(pipeline):
    got = types(pipeline, "The Belarusian government imposed restrictions on Belarusian protesters in Minsk.")
    assert "COERCE" in got and "SANCTION" not in got
