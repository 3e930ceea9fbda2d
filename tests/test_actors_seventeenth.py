"""Seventeenth actors round (issues 12 and 13): the country an article is about, when it has fixed one. A
territory and the state it belongs to do not compete for it (a Hong Kong story names Beijing often, yet its bare
"police" are Hong Kong's), and in a text about Korea "the North" and "the South" are the two Korean states.

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import codes_of, mentions

# Hong Kong named four times, China (by name, capital and adjective) three: not twice as often as a rival state,
# but China is the state Hong Kong belongs to.
HONG_KONG = ("Hong Kong students marched on Sunday. China warned the Hong Kong marchers. Beijing said the unrest "
             "in Hong Kong must end. The Hong Kong leader met Chinese envoys. ")


@pytest.mark.slow
@pytest.mark.parametrize("last, phrase", [
    ("Police arrested forty students in the evening.", "Police"),
    ("Protesters blocked a highway on Monday.", "Protesters"),
    ("Riot police fired tear gas at the crowd.", "Riot police"),
])
def test_bare_agents_in_a_territory_story_are_the_territorys(pipeline, last, phrase):
    assert codes_of(mentions(pipeline, HONG_KONG + last), 4, phrase) == ["HKG"]  # was [None]


@pytest.mark.slow
def test_the_central_government_in_a_territory_story_is_not_the_territorys(pipeline):
    found = codes_of(mentions(pipeline, HONG_KONG + "The central government rejected the demands."), 4,
                     "The central government")
    assert "HKG" not in found


@pytest.mark.slow
def test_a_rival_state_still_blocks_the_territory(pipeline):
    text = ("Hong Kong students marched on Sunday. Britain warned Hong Kong. London said the unrest in Hong Kong "
            "must end. The British envoy met the Hong Kong leader. Police arrested forty students.")
    assert codes_of(mentions(pipeline, text), 4, "Police") == [None]  # GBR is no sovereign of HKG


@pytest.mark.slow
@pytest.mark.parametrize("text, sentence, phrase, code", [
    ("North Korea fired two missiles into the sea on Monday. The North's army warned that it would strike "
     "again.", 1, "The North's army", "PRK"),
    ("North Korea fired two missiles on Monday. South Korea condemned the launch. Seoul urged the North to "
     "return to talks.", 2, "the North", "PRK"),
    ("North Korea shelled an island on Monday. South Korea protested. The North accused the South of "
     "provocations.", 2, "the South", "KOR"),
])
def test_the_north_and_the_south_in_a_korea_story(pipeline, text, sentence, phrase, code):
    assert codes_of(mentions(pipeline, text), sentence, phrase) == [code]  # was unresolved


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Senator Jane Roe of Alabama spoke in Ohio. The South voted for the bill.",  # no Korea named
    "North Korea tested a missile. The ship sailed into the North Atlantic.",  # a name follows "North"
])
def test_the_north_and_the_south_elsewhere_stay_unplaced(pipeline, text):
    assert not any(c in ("PRK", "KOR") for s, _, c in mentions(pipeline, text) if s == 1)


@pytest.mark.slow
@pytest.mark.parametrize("text, sentence, phrase, code", [
    ("Islamic State fighters attacked Kirkuk in Iraq on Monday. Iraqi troops retreated. The Kurdish fighters "
     "retook two villages.", 2, "The Kurdish fighters", "IRQ"),
    ("U.S. troops will leave Syria, the president said. The Pentagon said the pullout would start soon. "
     "The Kurdish force condemned the decision.", 2, "The Kurdish force", "SYR"),
    ("The White House said U.S. advisers would stay in Syria. Washington praised Kurdish forces for their "
     "courage.", 1, "Kurdish forces", "SYR"),  # not USA, the article's country
])
def test_kurdish_forces_are_of_iraq_or_syria_as_the_article_names(pipeline, text, sentence, phrase, code):
    assert codes_of(mentions(pipeline, text), sentence, phrase) == [code]


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    ("The United States and Britain held talks in London. American officials praised Kurdish forces.",
     "Kurdish forces"),  # neither Iraq nor Syria named: no code, not the article's USA
    ("Turkish jets struck camps in Turkey. Kurdish militants attacked a police post.", "Kurdish militants"),
])
def test_kurdish_armed_groups_without_iraq_or_syria_stay_uncoded(pipeline, text, phrase):
    assert codes_of(mentions(pipeline, text), 1, phrase) == [None]


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    ("The YPG attacked Islamic State positions near the border.", "The YPG"),
    ("The U.S.-backed YPG militia invited government troops into the town.", "The U.S.-backed YPG militia"),
])
def test_the_ypg_is_syrian(pipeline, text, phrase):
    assert codes_of(mentions(pipeline, text), 0, phrase) == ["SYR"]


@pytest.mark.slow
def test_kurdish_forces_in_a_story_told_from_turkey_stay_uncoded(pipeline):
    text = ("Turkey shelled a border town in Syria. Ankara said Turkey would defend Turkey's border. Turkish jets "
            "flew over Turkey's southeast. The truce between Ankara and those Kurdish forces collapsed.")
    assert "SYR" not in codes_of(mentions(pipeline, text), 3, "those Kurdish forces")


@pytest.mark.slow
def test_a_titled_unknown_in_a_territory_story_does_not_take_the_territory(pipeline):
    text = HONG_KONG + "Senator Jane Roe urged the city to free the students."
    assert "HKG" not in codes_of(mentions(pipeline, text), 4, "Senator Jane Roe")


@pytest.mark.slow
def test_a_territorys_agent_named_again_after_its_sovereign(pipeline):
    text = ("Hong Kong police fired tear gas at students on Sunday. Beijing warned the students. "
            "Police arrested forty students in the evening.")
    assert codes_of(mentions(pipeline, text), 2, "Police") == ["HKG"]  # was [None]: China named just before


@pytest.mark.slow
def test_an_agent_named_again_after_another_state_still_competes(pipeline):
    text = ("Hong Kong police fired tear gas at students on Sunday. London warned the students. "
            "Police arrested forty students in the evening.")
    assert codes_of(mentions(pipeline, text), 2, "Police") == [None]


@pytest.mark.slow
def test_office_holders_named_count_for_their_country(pipeline):
    text = ("President Donald Trump met Senator Mitch McConnell on Monday. Trump said Iran must stop. "
            "Officials said the talks had failed.")
    assert codes_of(mentions(pipeline, text), 2, "Officials") == ["USA"]  # was [None]: only Iran was counted


@pytest.mark.slow
def test_office_holders_of_two_countries_fix_no_country(pipeline):
    text = ("President Donald Trump called President Vladimir Putin on Monday. Putin said Russia wants talks. "
            "Trump agreed. Officials said the talks had failed.")
    assert codes_of(mentions(pipeline, text), 3, "Officials") == [None]
