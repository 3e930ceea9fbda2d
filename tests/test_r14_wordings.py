"""Rules that held on one wording only, widened to their family (fourteenth round, wordings, issue 12): demonym
publics, chemical and nerve agents, bombardment gerunds in hostile promises, votes and ballots meddled in, requests
parsed as purpose clauses, the words for a settlement, the authority nouns of "under the X of", the time in office,
the US department secretaries, the verbs that keep a party from an act, the verbs that sign an accord and the orders
that send a foreign state's diplomats away.

Every sentence here is written for this test (none is a sample, dev or corpus sentence). Each family has three or
more wordings, and at least one of them failed before the widening. Rows run through the whole pipeline (veto off).
"""

from __future__ import annotations

import pytest
from event_sets import coded
from test_coding_realnews import types

pytestmark = pytest.mark.slow


def _events(pipeline, text: str) -> list[dict]:
    from redline.api import extract

    return extract(text, published="2023-05-10", pipeline=pipeline)


@pytest.mark.parametrize(("text", "absent"), [
    # a public's stance is an opinion, whichever country's people hold it (publics.demonym_people)
    ("Britons accepted the new customs treaty with Norway.", "AGREE"),
    ("Germans overwhelmingly support the new energy pact with France.", "SUPPORT"),
    ("Brazilians back the trade accord with Argentina, a new poll found.", "SUPPORT"),
    ("The British government urged Britons to leave Sudan at once.", "REQUEST"),
    ("The Dutch foreign ministry advised Dutch nationals to avoid Haiti.", "REQUEST"),
    # a vote captured by a party is figurative; the meddling below is not
    ("The new party captured the vote of the young in the cities.", "COERCE"),
    # a drive forward is no request ("pushed forward to retake")
    ("Ukrainian troops pushed forward to retake the village from Russia.", "REQUEST"),
    # the content of a claim hung on an adverb ("the claim yet that ...") is claimed, whichever process was meddled in
    ("In the strongest Polish claim yet that Moscow meddled in the election, Warsaw expelled two Russian diplomats.",
     "COERCE"),
    # one's own diplomats called home are no expulsion
    ("Japan ordered its diplomats to leave Sudan.", "SANCTION"),
    # what keeps a party from an act must name that party
    ("The heavy rain kept the rescuers from reaching the mountain village.", "COERCE"),
    ("Egypt kept the ceasefire talks from collapsing.", "COERCE"),
    # protesters blocking a delegation protest; one government's official restraining its own leader is internal
    ("Protesters blocked the Chinese delegation from entering the summit grounds.", "COERCE"),
    ("The American defense secretary stopped the American president from ordering the raid.", "COERCE"),
])
def test_wordings_no_event(pipeline, text, absent):
    assert absent not in types(pipeline, text)


@pytest.mark.parametrize(("text", "present"), [
    # chemical and nerve agents (nouns.txt, "fourteenth round, wordings")
    ("Nerve gas was used by the Syrian army against the rebels in the east.", "ASSAULT"),
    ("The Syrian army used mustard gas against the rebel villages.", "ASSAULT"),
    ("Poison gas was used by the Iraqi army against the Kurdish town.", "ASSAULT"),
    ("The Syrian air force used chlorine gas against the rebel villages.", "ASSAULT"),
    ("The Syrian army used VX against the rebels near the border.", "ASSAULT"),
    # a promise to respond by any bombardment is a threat (promises.FORCE)
    ("Russia vowed to respond by shelling the Ukrainian bridges.", "THREATEN"),
    ("Russia vowed to respond by bombarding the Ukrainian ports.", "THREATEN"),
    ("Azerbaijan pledged to respond by invading Armenia.", "THREATEN"),
    ("Russia vowed to respond by bombing the Ukrainian bridges.", "THREATEN"),
    # meddling in an election, a vote, a ballot or a referendum (senses.intangible_object)
    ("Russia meddled in the vote in Moldova.", "COERCE"),
    ("Russia meddled in the Moldovan vote last year.", "COERCE"),
    ("Russia interfered with the vote in Moldova.", "COERCE"),
    ("Russia meddled in the Moldovan referendum.", "COERCE"),
    # "pushed to expel" parsed as a purpose clause asks as "pushed to oust" does (verbs._purpose_comp)
    ("Iraqi lawmakers pushed to expel U.S. forces from the country.", "REQUEST"),
    ("Iraqi lawmakers pressed to expel the Turkish ambassador.", "REQUEST"),
    ("Iraqi lawmakers pushed to oust U.S. forces from the country.", "REQUEST"),
    # what a settlement may be called (cues.toml supportables)
    ("Israel no longer supports a two-state settlement.", "REJECT"),
    ("Israel no longer backs a two-state arrangement.", "REJECT"),
    ("Israel supports a negotiated settlement with the Palestinians.", "SUPPORT"),
    ("Greece backs the compromise offered by Cyprus.", "SUPPORT"),
    # signing a peace accord, whichever verb inks it (light.txt)
    ("Ethiopia and Eritrea inked a peace agreement in Riyadh.", "SUPPORT"),
    ("Ethiopia and Eritrea concluded a peace accord in Riyadh.", "SUPPORT"),
    ("Ethiopia and Eritrea signed a peace accord in Riyadh.", "SUPPORT"),
    # a foreign state's diplomats ordered out are expelled (verbs.ORDERING)
    ("Japan ordered two Chinese diplomats to leave within a week.", "SANCTION"),
    ("The Malian junta told the French ambassador to leave the country.", "SANCTION"),
    ("Japan expelled two Chinese diplomats on Friday.", "SANCTION"),
    # kept from an act (barring.py)
    ("The French troops stopped the jihadists from entering Timbuktu.", "COERCE"),
    ("The French troops blocked the jihadists from entering Timbuktu.", "COERCE"),
    ("Turkish police kept the Syrian refugees from crossing the border.", "COERCE"),
    ("The French troops prevented the jihadists from entering Timbuktu.", "COERCE"),
])
def test_wordings_keep_acts(pipeline, text, present):
    assert present in types(pipeline, text)


@pytest.mark.parametrize("text", [
    "The Syrian army used nerve gas against the rebel villages.",
    "The Syrian army used sarin against the rebel villages.",
    "The Syrian army used poison gas against the rebel villages.",
])
def test_chemical_agents_are_unconventional(pipeline, text):
    modes = {m for e in _events(pipeline, text) if e["event"][0] == "ASSAULT" for m in e["mode"]}
    assert "unconventional" in modes, _events(pipeline, text)


@pytest.mark.parametrize("authority", ["mandate", "supervision", "leadership", "authority"])
def test_under_the_authority_of_a_body_is_no_place(pipeline, authority):
    text = f"French troops attacked the rebels under the {authority} of the United Nations."
    assault = [e for e in _events(pipeline, text) if e["event"][0] == "ASSAULT"]
    assert assault and all(e["event_loc"] is None for e in assault), assault


@pytest.mark.parametrize("text", [
    "During her time in office, the former minister met Putin in Moscow.",
    "While in office, the former minister met Putin in Moscow.",
    "During her premiership, the former minister met Putin in Moscow.",
    "During her tenure, the former minister met Putin in Moscow.",
])
def test_time_in_office_is_an_earlier_period(pipeline, text):
    met = [e for e in _events(pipeline, text) if e["event"][0] == "CONSULT"]
    assert met and all(e["date"] is None for e in met), met


@pytest.mark.parametrize(("text", "dated"), [
    ("During his administration, the former president imposed tariffs on Chinese steel.", False),
    ("During the Obama government, Washington imposed tariffs on Chinese steel.", False),
    ("During the current administration, Washington imposed tariffs on Chinese steel.", True),
])
def test_during_an_administration(pipeline, text, dated):
    acts = [e for e in _events(pipeline, text) if e["event"][0] == "SANCTION"]
    assert acts and all((e["date"] is not None) == dated for e in acts), acts


@pytest.mark.parametrize("title", ["Assistant Secretary of Defense", "Deputy Assistant Secretary of State",
                                   "Deputy Secretary of Defense", "Secretary of Defense"])
def test_us_department_secretaries(pipeline, title):
    text = f"{title} Laura Whitcombe met Indian officials in Delhi."
    assert any("USA" in a for _, a, _ in coded(pipeline, text)), coded(pipeline, text)


def test_british_secretary_of_state_for_a_department_is_no_us_title(pipeline):
    text = "Secretary of State for Defence Laura Whitcombe met Indian officials in Delhi."
    assert not any("USA" in a for _, a, _ in coded(pipeline, text)), coded(pipeline, text)
