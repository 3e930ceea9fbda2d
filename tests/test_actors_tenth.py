"""Tenth actors round (issue 12): bare agent words that name again a body of the story ("Police said ..."), a
title the parser split from its name, people in apposition with a job at an organisation, and people and
organisations the data lacked.

Every sentence here is written for this test (none is a gold or corpus sentence). Each runs the whole pipeline and
reads the article's mentions.
"""

from __future__ import annotations

from functools import partial

import pytest
from event_sets import codes_of
from event_sets import mentions as shared_mentions

pytestmark = pytest.mark.slow

mentions = partial(shared_mentions, published="2015-03-10")


# -- a bare agent word names again the body of the story -------------------------------------------------------

def test_a_bare_agent_is_the_one_named_before(pipeline):
    # three countries named: the article fixes no country of its own, so only the earlier mention can tell
    found = mentions(pipeline, "Kenyan protesters marched through the capital on Monday. Uganda and Tanzania "
                     "condemned the march on Tuesday. The march had lasted for hours. Protesters returned to the "
                     "streets on Wednesday.")
    assert codes_of(found, 3, "Protesters") == ["KEN"]  # the same word, no determiner (was None)
    found = mentions(pipeline, "Kenyan police officers clashed with students on Monday. Uganda and Tanzania "
                     "condemned the clashes on Tuesday. The students had marched for hours. Police said they used "
                     "tear gas twice.")
    assert codes_of(found, 3, "Police") == ["KEN"]  # was None: "police officers" is the same body


def test_another_name_of_the_same_body_takes_its_country(pipeline):
    found = mentions(pipeline, "Chilean police arrested dozens of students on Monday. The marchers had blocked "
                     "a road for hours. Riot police were withdrawn from the campus on Tuesday.")
    assert codes_of(found, 2, "Riot police") == ["CHL"]
    found = mentions(pipeline, "Thai soldiers surrounded the television station on Friday. The station stopped "
                     "broadcasting soon after. Tanks rolled into the square on Saturday.")
    assert codes_of(found, 2, "Tanks") == ["THA"]  # was None: soldiers and tanks are one army


def test_a_bare_agent_with_two_countries_before_stays_unresolved(pipeline):
    # the guard: police of two countries named before: no guess
    found = mentions(pipeline, "French police and Belgian police searched a flat on Monday. The suspect had fled "
                     "a day earlier. Police said they found weapons.")
    assert codes_of(found, 2, "Police") == [None]


def test_a_bare_agent_with_a_rival_country_just_named_stays_unresolved(pipeline):
    # the guard: a country named in the sentence just before competes with the earlier police
    found = mentions(pipeline, "Greek police detained two men on Monday. Turkey demanded their return on "
                     "Tuesday. Police said the men would stay.")
    assert codes_of(found, 2, "Police") == [None]


def test_an_unrelated_bare_agent_word_does_not_take_another_body(pipeline):
    # the guard: courts are no other name of the police
    reasons = _reasons(pipeline, "Peruvian police detained a mayor on Monday. The mayor denied the charges. Judges "
                       "will decide on Friday.", 2, "Judges")
    assert reasons and not any("'Peruvian police'" in r for r in reasons)


def _reasons(pipeline, text: str, sentence: int, phrase: str) -> list[str]:
    from redline.api import extract_document

    doc = extract_document(text, published="2015-03-10", pipeline=pipeline)
    return [m.entity.reason for m in doc.mentions if m.sentence == sentence and m.text == phrase]


# -- a title split from its name in a coordination ------------------------------------------------------------

def test_a_title_split_from_its_name_is_no_party_of_its_own(pipeline):
    found = mentions(pipeline, "During the trip, Biden and Prime Minister Shinzo Abe placed flowers at a shrine.")
    assert not [c for s, t, c in found if t == "Prime Minister"]  # was USA, from Obama beside it
    assert codes_of(found, 0, "Shinzo Abe") == ["JPN"]


def test_a_title_alone_in_a_coordination_stays_a_party(pipeline):
    # the guard: no name after the title
    found = mentions(pipeline, "Merkel and the foreign minister met the envoy in Berlin.")
    assert [t for s, t, c in found if t == "the foreign minister"]


def test_a_title_split_from_its_name_as_an_object_still_reaches_the_person(pipeline):
    # the guard: "slammed President | Barack Obama" (two objects) is left to the coder, which reads one person
    from redline.api import extract_document

    doc = extract_document("Sen. Lindsey Graham slammed President Barack Obama on Friday over his remarks.",
                           published="2014-09-29", pipeline=pipeline)
    assert [[r.code for r in e.recipient] for e in doc.events if e.event == "ACCUSE"] == [["USA"]]


# -- a person in apposition with a job at an organisation -----------------------------------------------------

def test_a_job_at_an_organisation_names_the_persons_body(pipeline):
    found = mentions(pipeline, "\"It is shocking to see such weapons used in the north,\" Jane Doerling, senior "
                     "arms analyst at Human Rights Watch, told reporters. Later she called it a crime.")
    assert codes_of(found, 0, "Jane Doerling") == ["HRW"]  # was None: a name unknown to the knowledge base
    assert codes_of(found, 1, "she") == ["HRW"]


def test_a_job_in_a_country_names_no_body(pipeline):
    # the guard: a place is no organisation the person works at
    found = mentions(pipeline, "Jane Doerling, a researcher in Kenya, said the report was wrong.")
    assert codes_of(found, 0, "Jane Doerling") == [None]


# -- people and organisations the data lacked -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "code", "published"), [
    ("Ken Starr was appointed to investigate the president's investments.", "Ken Starr", "USA", "1995-06-01"),
    ("Inspector General Charles McCullough sent a letter to Congress.", "Inspector General Charles McCullough",
     "USA", "2016-01-20"),
    ("Marillyn Hewson said the company needed more foreign sales.", "Marillyn Hewson", "USA", "2016-01-20"),
    ("Lockheed Martin won the contract on Monday.", "Lockheed Martin", "USA", "2016-01-20"),
])
def test_people_and_organisations_the_data_lacked(pipeline, text, phrase, code, published):
    assert codes_of(mentions(pipeline, text, published=published), 0, phrase) == [code]


# -- a country's name inside a geographic feature's name is no recipient --------------------------------------

def _events(pipeline, text: str, published: str = "2020-01-29"):
    from redline.api import extract_document

    doc = extract_document(text, published=published, pipeline=pipeline)
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in doc.events]


def test_a_country_inside_a_valleys_name_is_no_recipient(pipeline):
    found = _events(pipeline, "Benjamin Netanyahu vowed to press ahead with his plans to annex the Jordan Valley "
                    "and the settlements.")
    assert ("AGREE", ["ISR"], []) in found  # was ISR>JOR: the valley is no party


def test_a_country_named_alone_stays_the_recipient(pipeline):
    # the guard: the country itself
    assert ("AGREE", ["ISR"], ["JOR"]) in _events(pipeline, "Benjamin Netanyahu vowed to defend Jordan.")


# -- a newspaper is no movement -------------------------------------------------------------------------------

def test_a_newspaper_is_not_the_movement_named_again(pipeline):
    found = mentions(pipeline, "The Washington Post reports that police arrested scores. An exiled leader of "
                     "the movement said rallies would go on.")
    assert not [c for s, t, c in found if t == "the movement" and c == "USA"]  # was the Times, USA
    assert codes_of(found, 1, "An exiled leader") == [None]


def test_a_group_named_before_is_still_the_movement(pipeline):
    # the guard: a political group in reach is the movement
    found = mentions(pipeline, "The Muslim Brotherhood called for new protests on Friday. A leader of the movement "
                     "said the marches would be peaceful.", published="2013-12-27")
    assert codes_of(found, 1, "the movement") == ["EGY"]


def test_a_leader_of_the_movement_named_again_is_of_that_movement(pipeline):
    from redline.api import extract_document

    doc = extract_document("The Muslim Brotherhood called for new protests on Friday. A leader of the movement "
                           "said the marches would be peaceful.", published="2013-12-27", pipeline=pipeline)
    leader = [m.entity for m in doc.mentions if m.text == "A leader"]
    assert [(e.code, e.sector) for e in leader] == [("EGY", "OPP")]  # was no country, GOV


def test_a_predator_is_no_soldier(pipeline):
    # "predator" was a MIL agent word (the drone): "a sexual predator" is no military
    found = mentions(pipeline, "He called the governor a sexual predator on Monday.")
    assert not [c for s, t, c in found if "predator" in t]


# -- a diplomatic post named with its place is the sending state's ---------------------------------------------

@pytest.mark.parametrize(("text", "phrase", "code"), [
    ("The British Embassy Kabul condemned the attack on Monday.", "The British Embassy Kabul", "GBR"),  # was AFG
    ("The Turkish Embassy Baghdad denied the report.", "The Turkish Embassy Baghdad", "TUR"),
])
def test_an_embassy_named_with_its_capital_is_the_sending_states(pipeline, text, phrase, code):
    assert codes_of(mentions(pipeline, text), 0, phrase) == [code]


def test_a_capital_alone_stays_its_government(pipeline):
    # the guard: no post named
    assert codes_of(mentions(pipeline, "Kabul condemned the attack on Monday."), 0, "Kabul") == ["AFG"]


# -- the article's country is not lent to a party the sentence places abroad ----------------------------------

DANISH = ("Danish police hunted the gunman in Copenhagen on Sunday. Denmark's prime minister called it terrorism. "
          "Denmark raised its alert. ")


def test_the_articles_country_is_not_lent_to_a_party_acting_abroad(pipeline):
    found = mentions(pipeline, DANISH + "After militants attacked a magazine in Paris last month, the artist "
                     "stayed home.")
    assert codes_of(found, 3, "militants") != ["DNK"]  # was DNK, the country the article is about


def test_the_articles_country_still_serves_a_party_acting_at_home(pipeline):
    # the guard: the sentence places the act in the article's country
    found = mentions(pipeline, DANISH + "Militants attacked a cafe in Copenhagen.")
    assert codes_of(found, 3, "Militants") == ["DNK"]


def test_a_place_in_another_clause_does_not_unlend_the_articles_country(pipeline):
    # the guard: "in Greece" is where the helicopter landed, not where the government demanded anything
    found = mentions(pipeline, DANISH + "After a helicopter landed in Greece on Saturday, the government demanded "
                     "the return of eight officers on board.")
    assert codes_of(found, 3, "eight officers") == ["DNK"]
