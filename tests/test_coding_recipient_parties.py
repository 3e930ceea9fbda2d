"""Recipients that are not parties: a town spoken of, the actor's own things, an act at sea (issue 12, recipient
half; docs/actors.md "Eighth round, recipients").

Every sentence here is written for this test (none is a gold or corpus sentence). Rows run through the whole
pipeline and check the asserted events' (type, actor codes, recipient codes); "?" is a party with no code.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def recipients(pipeline, text: str, event: str) -> set[str]:
    return {r for ev, _, rs in coded(pipeline, text) if ev == event for r in rs}


@pytest.mark.parametrize(("text", "event", "place"), [
    # a town named as the object of what is promised or asked is what the act speaks of, not its party
    ("The senator pledged not to use Aleppo to raise money.", "AGREE", "SYR"),
    ("The governor promised not to exploit Mosul for political gain.", "AGREE", "IRQ"),
])
def test_a_town_spoken_of_is_not_the_recipient(pipeline, text, event, place):
    found = coded(pipeline, text)
    assert any(ev == event for ev, _, _ in found)
    assert place not in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "place"), [
    # acts that fall on places keep the town's country
    ("The governor promised to send aid to Mosul.", "AGREE", "IRQ"),
    ("Rebel fighters shelled Aleppo on Monday.", "ASSAULT", "SYR"),
])
def test_a_town_an_act_falls_on_stays(pipeline, text, event, place):
    assert place in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "own", "other"), [
    # the actor's country named on an embargo or ban it lifts is its owner; the party it was against stays
    ("President Macron lifted the long-standing French arms embargo against Chile on Tuesday.", "CONCEDE",
     "FRA", "CHL"),
    # the actor's own embassy or consulate closed: the host country, not the actor's own
    ("The Foreign Office closed the British embassy in Kabul on Friday.", "SANCTION", "GBR", "AFG"),
    ("Japan closed its consulate in Shanghai after the protests.", "SANCTION", "JPN", "CHN"),
])
def test_the_actors_own_thing_is_not_the_recipient(pipeline, text, event, own, other):
    got = recipients(pipeline, text, event)
    assert own not in got
    assert other in got


@pytest.mark.parametrize(("text", "event", "own"), [
    # lifting a measure whose target is not named is not aimed at the actor's own people
    ("The European Union lifted the ban in 2015.", "CONCEDE", "EUR"),
    ("Germany lifted its ban on the exports last year.", "CONCEDE", "DEU"),
    # coercion at sea or in a region of no one country does not default to the actor's own country
    ("Iran's navy seized a tanker in the Gulf and detained its crew.", "COERCE", "IRN"),
])
def test_no_home_default_for_measures_or_acts_at_sea(pipeline, text, event, own):
    found = coded(pipeline, text)
    assert any(ev == event for ev, _, _ in found)
    assert own not in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "own"), [
    # a domestic act still defaults to the actor's own country
    ("Egyptian troops seized weapons in the Sinai.", "COERCE", "EGY"),
    ("The Egyptian government lifted the curfew on Monday.", "CONCEDE", "EGY"),
])
def test_home_default_kept_for_domestic_acts(pipeline, text, event, own):
    found = coded(pipeline, text)
    assert any(ev == event for ev, _, _ in found)
    assert own in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "wrong", "right"), [
    # the owner of the thing a hostile act hits, not the target of what the thing was for
    ("The troops destroyed a maze of tunnels dug by Hamas to raid Israel.", "ASSAULT", "ISR", "PSE"),
    ("Troops blew up depots of rockets stored by Hezbollah to strike Haifa.", "ASSAULT", "ISR", "LBN"),
])
def test_a_hostile_act_on_a_thing_hits_its_owner(pipeline, text, event, wrong, right):
    got = recipients(pipeline, text, event)
    assert wrong not in got
    assert right in got


@pytest.mark.parametrize(("text", "event", "wrong"), [
    # what an unresolved group was doing does not give it its target's country
    ("Militants attempting to sneak into Jordan were killed by Jordanian soldiers.", "ASSAULT", "JOR"),
])
def test_a_group_does_not_take_the_country_it_was_attacking(pipeline, text, event, wrong):
    found = coded(pipeline, text)
    assert any(ev == event for ev, _, _ in found)
    assert wrong not in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "place"), [
    # the town of a summit or talks is where the act was done, not its party, nor the actor's country
    ("The ministers endorsed the plan at talks in Geneva.", "SUPPORT", "CHE"),
    ("The Arab League approved the agreement at a summit in Cairo on Sunday.", "SUPPORT", "EGY"),
])
def test_the_place_of_a_gathering_is_no_party(pipeline, text, event, place):
    found = [f for f in coded(pipeline, text) if f[0] == event]
    assert found
    assert all(place not in acts and place not in rcps for _, acts, rcps in found)


@pytest.mark.parametrize(("text", "event", "place", "partner"), [
    # a gathering's place is no party, but its partner ("talks with X") is
    ("Poland rejected the idea of a summit with Belarus in Minsk.", "REJECT", "-", "BLR"),
    ("The Japanese envoy rebuffed the prospect of talks with Seoul in Geneva.", "REJECT", "CHE", "KOR"),
])
def test_the_partner_of_a_gathering_stays_the_party(pipeline, text, event, place, partner):
    got = recipients(pipeline, text, event)
    assert partner in got
    assert place not in got


@pytest.mark.parametrize(("text", "event", "wrong", "right"), [
    # a stance on a violent act whose author is named is aimed at the author, not at its victims
    ("The Syrian minister on Friday condemned Israeli air strikes on depots of Syrian militias.", "ACCUSE", "SYR",
     "ISR"),
])
def test_a_stance_on_an_act_is_aimed_at_its_author_not_its_victims(pipeline, text, event, wrong, right):
    got = recipients(pipeline, text, event)
    assert wrong not in got
    assert right in got


@pytest.mark.parametrize(("text", "event", "side"), [
    # the sides of a conflict spoken of deep inside the target are not the party of a stance
    ("Pakistan rejected a plan for ending the Afghan war.", "REJECT", "AFG"),
    ("Germany backed a proposal to settle the Ukrainian crisis.", "SUPPORT", "UKR"),
    ("The Israeli premier declared he no longer backs a two-state solution for the "
     "Israeli-Palestinian conflict.", "REJECT", "PSE"),
    # what happened at a target ("where ...") does not say who the target is
    ("United Nations inspectors were investigating the village where the massacre happened outside of Aleppo.",
     "ACCUSE", "SYR"),
])
def test_a_conflict_or_place_spoken_of_is_not_the_recipient(pipeline, text, event, side):
    found = coded(pipeline, text)
    assert any(ev == event for ev, _, _ in found)
    assert side not in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "side"), [
    # a conflict that is the target itself, or the act a stance's noun is about, keeps its party
    ("Pakistan condemned the Afghan war.", "ACCUSE", "AFG"),
    ("Turkey voiced sharp condemnation of the Israeli raid on Gaza.", "ACCUSE", "ISR"),
])
def test_a_conflict_or_act_named_as_the_target_stays(pipeline, text, event, side):
    assert side in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "party"), [
    # an order or a call to a state's own unnamed staff or forces is aimed at that state (subordinates.py)
    # (an order to a civilian body of the actor's own state is internal, no event, since the nineteenth round:
    # officials.ordered_own_body; an order to its forces stays)
    ("President Biden ordered the navy to escort the tankers.", "REQUEST", "USA"),
    ("The Turkish president told authorities to seal the village.", "REQUEST", "TUR"),
    ("Putin urged officials to speed up the vaccine rollout.", "REQUEST", "RUS"),
    ("Erdogan ordered the army to withdraw from the town.", "REQUEST", "TUR"),
])
def test_an_order_to_the_actors_own_staff_is_aimed_at_its_state(pipeline, text, event, party):
    assert party in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "own"), [
    # the staff of a state are the actor's own only for an order, and only when no other country is named
    ("Putin criticized officials for the delays.", "ACCUSE", "RUS"),
    ("Biden ordered troops to leave Kabul.", "REQUEST", "USA"),
])
def test_staff_words_outside_an_order_take_no_home_default(pipeline, text, event, own):
    found = coded(pipeline, text)
    assert any(ev == event for ev, _, _ in found)
    assert own not in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "party"), [
    # the party a criticism from someone falls on: "under criticism", "opened X to", "a target of" (exposures.py)
    ("The Greek finance minister is under criticism from German lawmakers over the budget.", "ACCUSE", "GRC"),
    ("The Italian premier remains under criticism from French ministers over the budget.", "ACCUSE", "ITA"),
    ("The vote opened Merkel to criticism from French officials.", "ACCUSE", "DEU"),
    ("Trudeau's handling of the strike became a focus of criticism from Republican senators.", "ACCUSE", "CAN"),
])
def test_the_party_under_criticism_is_the_recipient(pipeline, text, event, party):
    assert party in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event", "party"), [
    # whom a use of force named by a noun hit, as its relative clause or participle says (struck.py)
    ("The Pentagon carried out the airstrike that took out a senior Iranian commander near Basra.", "ASSAULT",
     "IRN"),
    ("The Israeli army launched a raid that captured two Hamas commanders.", "COERCE", "PSE"),
    ("The Afghan air force conducted airstrikes killing twenty Taliban fighters.", "ASSAULT", "AFG"),
])
def test_the_party_a_strike_hit_is_the_recipient(pipeline, text, event, party):
    assert party in recipients(pipeline, text, event)


@pytest.mark.parametrize(("text", "event"), [
    # a clause that says nothing of whom the force hit, or has the noun as its object, names no target
    ("Russia launched the offensive that the West had feared.", "ASSAULT"),
    ("Israel launched a raid that led to a long debate in Paris.", "COERCE"),
])
def test_a_clause_on_a_strike_naming_no_victim_gives_no_recipient(pipeline, text, event):
    found = coded(pipeline, text)
    assert any(ev == event for ev, _, _ in found)
    assert not recipients(pipeline, text, event)
