"""Eighteenth actors round (issue 12): bodies the press names by a word alone once the article has fixed whose
they are: "the administration" and its officials are the government of the president the article names most, and
unqualified lawmakers, senators and "the Senate" in a story about the United States are of its Congress.

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import codes_of, mentions

# Trump is named three times (as President, on the article's date), no other country's president at all; Syria
# is named as often, so the article's country is not fixed.
TRUMP = ("President Trump spoke about Syria on Monday. Trump said Syria must end the war. Syria rejected Trump's "
         "demand. ")


@pytest.mark.slow
@pytest.mark.parametrize("last, phrase", [
    ("The administration rejected the plan on Tuesday.", "The administration"),
    ("A senior administration official criticized the plan.", "A senior administration official"),
    ("Administration officials welcomed the vote.", "Administration officials"),
])
def test_the_administration_is_the_named_presidents(pipeline, last, phrase):
    assert codes_of(mentions(pipeline, TRUMP + last), 3, phrase) == ["USA"]  # was [None]


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    # two countries' presidents named as often: no guess
    ("President Trump met President Putin on Monday. Trump and Putin spoke for an hour. The administration "
     "said the talks went well.", "The administration"),
    # "a new administration" is not the one the article is about
    ("President Trump flew to Ohio on Monday. Trump spoke about jobs. A new administration would change "
     "course.", "A new administration"),
])
def test_the_administration_without_one_president_stays_unplaced(pipeline, text, phrase):
    assert codes_of(mentions(pipeline, text), 2, phrase) == [None]


@pytest.mark.slow
def test_an_administration_named_before_wins_over_presidents(pipeline):
    text = ("The South Korean administration met President Trump in Seoul. Trump praised the hosts. Trump flew home. "
            "The administration then announced new talks.")
    assert codes_of(mentions(pipeline, text), 3, "The administration") == ["KOR"]


# The United States named twice and its president three times; no legislature named.
WASHINGTON = ("The United States will raise tariffs, President Trump said on Monday. Trump said the United States "
              "would not wait. Trump spoke at a rally. ")


@pytest.mark.slow
@pytest.mark.parametrize("last, phrase", [
    ("A top senator demanded a vote on the tariffs.", "A top senator"),
    ("Other lawmakers called for a delay.", "Other lawmakers"),
    ("The Senate rejected the bill on Friday.", "The Senate"),
])
def test_unqualified_legislators_in_a_us_story_are_congresss(pipeline, last, phrase):
    assert codes_of(mentions(pipeline, WASHINGTON + last), 3, phrase) == ["USA"]  # was [None]


@pytest.mark.slow
def test_unqualified_legislators_in_another_countrys_story_stay_unplaced(pipeline):
    text = ("Iran will enrich more uranium, Tehran said on Monday. Iran said it would not wait. Iranian leaders "
            "spoke at a rally. Lawmakers called for a delay.")
    assert codes_of(mentions(pipeline, text), 3, "Lawmakers") == [None]  # often the US Congress: no guess


@pytest.mark.slow
@pytest.mark.parametrize("sentence, phrase", [
    ("A senator denounced the Cuban government over the arrests.", "A senator"),
    ("Lawmakers rebuked the Venezuelan president for the crackdown.", "Lawmakers"),
])
def test_legislators_are_not_of_an_executive_a_nationality_word_names(pipeline, sentence, phrase):
    # the sentence's only executive is named as a foreign country's: its critics are not its legislature
    assert codes_of(mentions(pipeline, sentence), 0, phrase) == [None]


# Ukraine named four times, Russia twice: twice as often, not the three to one bare armed forces need.
KYIV = ("Ukraine held elections on Sunday. Russia criticized Ukraine. Russia said the vote in Ukraine was unfair. "
        "Ukraine rejected the claim. ")


@pytest.mark.slow
@pytest.mark.parametrize("last, phrase", [
    ("Government troops shelled the rebel town.", "Government troops"),
    ("Government forces shelled the rebel town.", "Government forces"),
])
def test_the_governments_forces_take_the_articles_country_as_the_government_does(pipeline, last, phrase):
    assert codes_of(mentions(pipeline, KYIV + last), 4, phrase) == ["UKR"]  # was [None]


@pytest.mark.slow
def test_bare_troops_still_need_the_strict_margin(pipeline):
    assert codes_of(mentions(pipeline, KYIV + "Troops shelled the town."), 4, "Troops") == [None]


@pytest.mark.slow
@pytest.mark.parametrize("text, sentence, phrase", [
    ("Pope Francis greeted pilgrims in Manila on Sunday.", 0, "Pope Francis"),
    ("Pope Francis landed in Manila on Sunday. The Pope urged leaders to help the poor.", 1, "The Pope"),
])
def test_the_pope_is_the_holy_sees(pipeline, text, sentence, phrase):
    assert codes_of(mentions(pipeline, text), sentence, phrase) == ["VAT"]  # was [None]


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, code", [
    ("Prime Minister Jane Roe of Canada spoke on Monday. An aide to Roe criticized the plan.", "An aide", "CAN"),
    ("Defense Secretary Leon Panetta landed in Perth. Officials traveling with Mr. Panetta praised the plan.",
     "Officials", "USA"),
    ("Defense Secretary Leon Panetta spoke on Monday. Advisers close to Panetta criticized the plan.", "Advisers",
     "USA"),
])
def test_staff_tied_to_a_person_named_before_are_of_that_persons_country(pipeline, text, phrase, code):
    assert codes_of(mentions(pipeline, text, published="2012-11-13"), 1, phrase) == [code]  # was [None]


@pytest.mark.slow
def test_staff_whose_verb_takes_the_person_are_not_tied_to_them(pipeline):
    text = "Defense Secretary Leon Panetta spoke on Monday. Officials disagreed with Panetta on the plan."
    assert codes_of(mentions(pipeline, text, published="2012-11-13"), 1, "Officials") == [None]  # "with" is the verb's
