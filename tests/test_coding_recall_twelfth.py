"""Twelfth round, recall (issue 12, session 30, 7 Dec 2026): triggers the coder lacked on real articles
(docs/coding.md "Twelfth round, recall").

Every sentence is written for this test (none is a dev, test or corpus sentence). Each group checks one family on
several wordings; the second table checks what the family must not code. Rows run through the whole pipeline (veto
off, as every fixture) and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # feelings expressed about a named party's act disapprove of it, as regret and dismay do
    ("Germany expressed concern about the Russian troop buildup.", ("ACCUSE", ("DEU",), ("RUS",))),
    ("China voiced concern over the American arms sale to Taiwan.", ("ACCUSE", ("CHN",), ("USA",))),
    ("The White House expressed disappointment with the Chinese decision.", ("ACCUSE", ("USA",), ("CHN",))),
    ("The Turkish foreign minister expressed anger at the Greek government over the arrests.",
     ("ACCUSE", ("TUR",), ("GRC",))),
    # scuffles and brawls are clashes
    ("Israeli police scuffled with Palestinian worshippers at the mosque.", ("ASSAULT", ("ISR", "PSE"), ())),
    # a second object the parser hung on the verb or on the first object's phrase
    ("The ruling sparked anger among opposition parties and an outcry from rights groups.", ("ACCUSE", ("NGO",), ())),
    # prefixed irregular past forms the small model leaves as they are
    ("Iraqi forces retook Ramadi from the Islamic State.", ("ASSAULT", ("IRQ",), ("IRQ",))),
    # an act of force, coercion or deployment condemned or welcomed, with its named actor, took place
    ("The Iraqi prime minister condemned U.S. air strikes on militia bases.", ("ASSAULT", ("USA",), ())),
    ("The United Nations condemned Israel's bombardment of Gaza.", ("ASSAULT", ("ISR",), ("PSE",))),
    ("The White House welcomed the Saudi arrest of the suspects.", ("COERCE", ("SAU",), ())),
    # adjectives of disapproval aimed at a named party
    ("Trump was sharply critical of the Chinese government.", ("ACCUSE", ("USA",), ("CHN",))),
    # seventeenth round: an attitude told with the words that show it stays an act
    ("Merkel has been critical of the Russian decision, telling reporters it was wrong.",
     ("ACCUSE", ("DEU",), ("RUS",))),
    ("\"I am very disappointed in China,\" Trump said.", ("ACCUSE", ("USA",), ("CHN",))),
    ("The French were furious with Washington over the submarine deal.", ("ACCUSE", ("FRA",), ("USA",))),
    ("The Indian embassy issued statements critical of the Chinese government.", ("ACCUSE", ("IND",), ("CHN",))),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # concern for someone is sympathy; concern or anger about a state of things disapproves of no party
    ("The minister expressed concern for the safety of the hostages held in Mali.", "ACCUSE"),
    ("Merkel expressed concern that the economy may slow next year.", "ACCUSE"),
    ("Residents expressed anger over rising prices.", "ACCUSE"),
    # testing that is no weapons test (the weapons-test family itself is left out: docs/coding.md)
    ("The president tested positive for the coronavirus.", "MOBILIZE"),
    ("The vote tested the patience of Brussels.", "MOBILIZE"),
    ("Officials are testing the Iranian missile fragments.", "MOBILIZE"),
    # an act condemned before it happens, or any such act, is not reported as done
    ("Germany condemned the planned Turkish offensive in Syria.", "ASSAULT"),
    ("Iran would condemn any Israeli attack on its nuclear sites.", "ASSAULT"),
    # an object of a verb that is no reaction stays a topic
    ("The senators discussed the Russian shelling of Kharkiv.", "ASSAULT"),
    # a standing attitude, or disapproval of a thing no party owns, is no event
    ("Senator Graham has long been critical of President Obama.", "ACCUSE"),
    ("Protesters are angry about police brutality.", "ACCUSE"),
    ("Analysts were critical of the economy's slow growth.", "ACCUSE"),
    ("He is critical of the plan.", "ACCUSE"),
    # seventeenth round: a present perfect of 'be' or a growing attitude is a disposition too
    ("The senator has been highly critical of the WHO and its staff.", "ACCUSE"),
    ("Kenyan voters have grown increasingly critical of the Ugandan government.", "ACCUSE"),
])
def test_event_is_not_coded(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}


def test_the_outcry_conjoined_to_the_first_objects_phrase(pipeline):
    # the parser makes "an outcry" a conjunct of 'diplomats' inside "anger among diplomats"
    events = coded(pipeline, "The ruling prompted unease among Western diplomats and an outcry from Amnesty "
                             "International.")
    assert ("ACCUSE", ("AMN",), ()) in events


@pytest.mark.parametrize("text", [
    # proposing or calling for cuts in one's own or both sides' nuclear arms offers a concession: AGREE
    "Obama proposed reducing the U.S. nuclear arsenal by a third.",
    "Obama called for cuts in American and Russian nuclear arsenals.",
    "Moscow proposed a reduction in NATO and Russian warheads.",
    "\"We propose to reduce our stockpile of warheads,\" the Pakistani minister said.",
])
def test_offer_of_arms_cuts_is_agree(pipeline, text):
    types = {t for t, _, _ in coded(pipeline, text)}
    assert "AGREE" in types and "REQUEST" not in types


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # cuts in another party's arsenal are asked of it; budget cuts are no arms offer
    ("Obama called for cuts in the Russian arsenal.", "REQUEST", "AGREE"),
    ("The senator proposed cuts to the defense budget.", None, "AGREE"),
])
def test_no_arms_offer(pipeline, text, expected, absent):
    types = {t for t, _, _ in coded(pipeline, text)}
    assert absent not in types and (expected is None or expected in types)
