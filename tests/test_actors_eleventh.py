"""Eleventh actors round (issue 12): a place name that is the family name of a person named before, a foreign
ministry's spokesman in an article about one country, acts aimed at no one (admissions, solidarity rallies), and
people and organisations the data lacked.

Every sentence here is written for this test (none is a gold or corpus sentence). Each runs the whole pipeline.
"""

from __future__ import annotations

from functools import partial

import pytest
from event_sets import codes_of, coded
from event_sets import mentions as shared_mentions

pytestmark = pytest.mark.slow

mentions = partial(shared_mentions, published="2013-08-21")


# -- a place name that is a person's family name ---------------------------------------------------------------

def test_a_capitals_name_after_a_person_of_that_family_name_is_the_person(pipeline):
    found = mentions(pipeline, "British Foreign Secretary William Hague said he was worried by the reports. Hague "
                     "also said that the killings had to stop.")
    assert codes_of(found, 1, "Hague") == ["GBR"]  # was NLD, The Hague
    found = shared_mentions(pipeline, "Rep. Jim Jordan criticized the inquiry on Monday. Jordan said the vote "
                            "had been rigged.", published="2019-10-21")
    assert codes_of(found, 1, "Jordan") == ["USA"]  # was JOR


def test_a_capitals_name_with_no_person_of_that_name_stays_the_place(pipeline):
    # the guards: no person named "Hague"; the capital with its article; a country coordinated with another one
    found = mentions(pipeline, "The Dutch government rejected the plan on Monday. The Hague said the plan was "
                     "unfair.")
    assert codes_of(found, 1, "The Hague") == ["NLD"]
    found = shared_mentions(pipeline, "Rep. Jim Jordan criticized the inquiry on Monday. Jordan and Egypt signed "
                            "a gas deal on Tuesday.", published="2019-10-21")
    assert codes_of(found, 1, "Jordan") == ["JOR"]


def test_a_country_the_article_named_before_is_not_taken_for_a_family_name(pipeline):
    # the country itself was named before the surname-like mention: the two compete, the place stands
    found = shared_mentions(pipeline, "Jordan closed its border on Monday. Rep. Jim Jordan criticized the move. "
                            "Jordan said the border would reopen.", published="2019-10-21")
    assert codes_of(found, 2, "Jordan") == ["JOR"]


# -- a foreign ministry's spokesman speaks at home -------------------------------------------------------------

IRAN = ("Iran rejected the new sanctions on Monday. Iranian officials said the measures broke the nuclear deal with "
        "Iran. ")


def test_a_foreign_ministry_spokesman_takes_the_articles_country(pipeline):
    found = mentions(pipeline, IRAN + "Foreign Ministry spokesman Jalal Farahani said the sanctions were illegal.")
    assert codes_of(found, 2, "Foreign Ministry spokesman Jalal Farahani") == ["IRN"]  # was None


def test_a_foreign_minister_unknown_to_the_data_is_still_no_guess(pipeline):
    # the guard: a foreign minister may be a visitor; the article's country is not lent to them
    found = mentions(pipeline, IRAN + "Foreign Minister Amir Tavakoli said the sanctions were illegal.")
    assert codes_of(found, 2, "Foreign Minister Amir Tavakoli") == [None]


# -- acts aimed at no one ----------------------------------------------------------------------------------------

def test_an_admission_is_not_aimed_at_the_actors_own_country(pipeline):
    events = coded(pipeline, "The Kenyan government conceded that the vote count had been flawed.")
    assert ("CONCEDE", ("KEN",), ()) in events  # was KEN>KEN
    events = coded(pipeline, "As Kenyan officials have conceded, the count was flawed.")
    assert ("CONCEDE", ("KEN",), ()) in events


def test_an_admission_that_names_a_party_keeps_its_target(pipeline):
    # the guard: the clause names a party of the actor's country, which stays the target
    events = coded(pipeline, "The Kenyan police conceded that the protesters had been wrongly detained.")
    assert ("CONCEDE", ("KEN",), ("KEN",)) in events


def test_a_solidarity_rally_is_not_aimed_at_the_actors_own_country(pipeline):
    events = coded(pipeline, "Angry Kenyans rallied in solidarity outside the hospital on Thursday.")
    assert ("PROTEST", ("KEN",), ()) in events  # was KEN>KEN


def test_a_protest_with_no_named_target_is_still_aimed_at_home(pipeline):
    # the guard: a protest by a country's people with nothing saying it is one of solidarity keeps its default
    events = coded(pipeline, "Thousands of Kenyans protested in Nairobi on Thursday.")
    assert ("PROTEST", ("KEN",), ("KEN",)) in events


# -- people and organisations the data lacked ------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, code, published", [
    ("The FBI questioned Tamerlan Tsarnaev about his travels.", "Tamerlan Tsarnaev", "USA", "2015-06-25"),
    ("A jury sentenced Dzhokhar Tsarnaev to death.", "Dzhokhar Tsarnaev", "USA", "2015-06-25"),
    ("John Rood said the Pentagon would act.", "John Rood", "USA", "2019-03-01"),
    ("The minister told USA Today that talks would resume.", "USA Today", "USA", "2019-03-01"),
    ("Prayuth said the army would restore order.", "Prayuth", "THA", "2014-05-22"),
    ("Yingluck Shinawatra dissolved the parliament.", "Yingluck Shinawatra", "THA", "2013-12-09"),
    ("John Podesta criticized the leak.", "John Podesta", "USA", "2016-10-10"),
    ("The DNC accused the hackers of theft.", "The DNC", "USA", "2016-07-25"),
    ("The Washington Times reported the vote.", "The Washington Times", "USA", "2016-07-25"),
    ("The Armed Services Committee questioned the general.", "The Armed Services Committee", "USA", "2016-07-25"),
])
def test_people_and_organisations_the_data_lacked(pipeline, text, phrase, code, published):
    found = shared_mentions(pipeline, text, published=published)
    assert codes_of(found, 0, phrase) == [code]


def test_a_surname_shared_by_two_people_named_is_still_no_guess(pipeline):
    found = shared_mentions(pipeline, "Tamerlan Tsarnaev and Dzhokhar Tsarnaev were named as suspects. Tsarnaev "
                            "was arrested later.", published="2015-06-25")
    assert codes_of(found, 1, "Tsarnaev") == [None]


# -- a chamber named alone, and its leaders ----------------------------------------------------------------------

def test_the_senate_alone_is_the_chamber_of_the_legislature_named_before(pipeline):
    found = shared_mentions(pipeline, "President Obama urged Congress to act on Monday. The Senate rejected the "
                            "bill on Tuesday. The leaders of the Senate demanded a new vote.", published="2014-03-10")
    assert codes_of(found, 1, "The Senate") == ["USA"]  # was None
    assert codes_of(found, 2, "The leaders") == ["USA"]  # was None: the leaders of that chamber


def test_the_senate_with_two_legislatures_named_is_no_guess(pipeline):
    found = shared_mentions(pipeline, "Italian and French lawmakers debated the treaty. The Senate rejected the "
                            "bill on Tuesday.", published="2014-03-10")
    assert codes_of(found, 1, "The Senate") == [None]


# -- the body a titled person is "of" -------------------------------------------------------------------------------

LIBYA = "The State Department rejected requests for more security in Libya. American officials said the threats grew. "


def test_a_titled_person_of_a_named_body_takes_the_bodys_country(pipeline):
    found = mentions(pipeline, LIBYA + "The ships will sail soon, said Admiral John Doe of the Italian navy.")
    assert codes_of(found, 2, "Admiral John Doe") == ["ITA"]  # was USA, the article's country


# -- "the groups" named again ------------------------------------------------------------------------------------

def test_the_groups_are_the_groups_named_just_before(pipeline):
    found = mentions(pipeline, "Two Syrian opposition groups said dozens of people were killed near Damascus. The "
                     "groups are blaming the attack on the army, a reporter said.")
    assert codes_of(found, 1, "The groups") == ["SYR"]  # was no mention at all


def test_the_groups_after_groups_of_two_countries_are_no_guess(pipeline):
    found = mentions(pipeline, "Kenyan rights groups and Ugandan opposition groups met on Friday. The groups "
                     "issued a statement.")
    assert not [m for m in found if m[0] == 1 and m[1] == "The groups" and m[2] is not None]
