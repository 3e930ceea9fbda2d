"""Thirteenth actors round (issue 12): a pact named again without its party ("withdrew from the accord") is aimed
at the other party the article named on it before; a stance on a measure named again at its author; the place a
withdrawal leaves; people the data lacked.

Every sentence here is written for this test (none is a gold or corpus sentence). Each runs the whole pipeline.
"""

from __future__ import annotations

import pytest
from event_sets import coded, codes_of
from event_sets import mentions as shared_mentions

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, event, actor, recipient", [
    # the other side of a pact made with "with": the actor's co-signer is on its own side
    ("Canada and Chile signed a fishing agreement with Peru. Ottawa later withdrew from the agreement.",
     "SANCTION", ("CAN",), ("PER",)),
    # the subjects of the verb that made it
    ("Britain and Ireland agreed a border treaty in 2016. The Irish government threatened on Friday to pull out of "
     "the treaty.", "THREATEN", ("IRL",), ("GBR",)),
    # "between" names each party
    ("The trade pact between Norway and Kenya took effect in May. Oslo suspended the pact on Monday.",
     "SANCTION", ("NOR",), ("KEN",)),
    # a country on the pact's own phrase that is no mention ("the Iran deal")
    ("Paris wants to save the Iran deal. Washington withdrew from the deal on Tuesday.", "SANCTION", ("USA",),
     ("IRN",)),
    # an apposition that names the party
    ("Portugal signed the fishing accord, a pact with Morocco, in 2012. Lisbon suspended the accord on Monday.",
     "SANCTION", ("PRT",), ("MAR",)),
    ("Austria struck a deal with Serbia on Friday. Vienna then suspended the deal.", "SANCTION", ("AUT",),
     ("SRB",)),
])
def test_a_pact_named_again_is_aimed_at_its_other_party(pipeline, text, event, actor, recipient):
    assert (event, actor, recipient) in coded(pipeline, text, published="2018-05-09")  # was no recipient


def test_two_pacts_with_different_parties_is_no_guess(pipeline):
    events = coded(pipeline, "Norway signed a trade pact with Kenya. Sweden signed a gas deal with Chad. Oslo later "
                   "withdrew from the deal.", published="2018-05-09")
    assert ("SANCTION", ("NOR",), ()) in events


def test_a_pact_whose_own_phrase_names_the_party_keeps_it(pipeline):
    events = coded(pipeline, "Norway signed a trade pact with Chad last year. Oslo later withdrew from the Kenyan "
                   "pact.", published="2018-05-09")
    assert ("SANCTION", ("NOR",), ("KEN",)) in events


def test_support_for_a_pact_takes_no_party_from_it(pipeline):
    # the dev gold codes support for a pact with no recipient; only leaving, rejecting or threatening it is aimed
    events = coded(pipeline, "Canada and Chile signed a fishing agreement with Peru. The Canadian parliament backed "
                   "the agreement on Monday.", published="2018-05-09")
    assert ("SUPPORT", ("CAN",), ()) in events


def test_an_indefinite_pact_is_not_the_one_named_before(pipeline):
    events = coded(pipeline, "Austria struck a deal with Serbia on Friday. Vienna then withdrew from a deal with "
                   "its neighbours.", published="2018-05-09")
    assert ("SANCTION", ("AUT",), ()) in events  # was SRB with the definite-pact check off


def test_opposing_a_pact_takes_no_party_from_it(pipeline):
    # a home party opposing a pact quarrels with its own government as often as with the other party
    events = coded(pipeline, "Austria struck a deal with Serbia on Friday. Austrian lawmakers then rejected the "
                   "deal.", published="2018-05-09")
    assert ("REJECT", ("AUT",), ()) in events  # was SRB with REJECT among the pact types


# -- the author of a thing named again ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, event, actor, recipient", [
    # the subject of the verb that made it
    ("The EU imposed sanctions on Minsk in March. Belarus called the sanctions unjust on Tuesday.", "ACCUSE",
     ("BLR",), ("EUR",)),
    ("Sweden made a promise to Kenya last year. Kenya criticised that promise on Monday.", "ACCUSE", ("KEN",),
     ("SWE",)),
    # a country on its own phrase
    ("Israeli air raids hit Gaza on Sunday. Egypt condemned the air raids.", "ACCUSE", ("EGY",), ("ISR",)),
])
def test_a_stance_on_a_thing_named_again_is_aimed_at_its_author(pipeline, text, event, actor, recipient):
    assert (event, actor, recipient) in coded(pipeline, text, published="2015-05-09")  # was no recipient


def test_a_thing_named_before_by_two_authors_is_no_guess(pipeline):
    events = coded(pipeline, "Israeli air raids hit Gaza on Sunday. Syrian air raids hit Idlib on Monday. Egypt "
                   "condemned the air raids.", published="2015-05-09")
    assert ("ACCUSE", ("EGY",), ()) in events  # was SYR (the last named) without the two-authors check


def test_backing_ones_own_measure_is_aimed_at_no_one(pipeline):
    # "defended" codes no event at all; "backed" codes the SUPPORT the guard is about. A country, not the EU: since
    # the nineteenth round a world body backing sanctions adopts them (coding/adoptions.py), which is no SUPPORT
    events = coded(pipeline, "Canada imposed sanctions on Minsk in March. Canada backed the sanctions on Tuesday.",
                   published="2015-05-09")
    assert ("SUPPORT", ("CAN",), ()) in events  # was CAN without leaving out the actor's own countries


# -- people the data lacked ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, code, published", [
    ("Zalmay Khalilzad met Taliban negotiators in Qatar.", "Zalmay Khalilzad", "USA", "2019-02-25"),
    ("Ali Zeidan said the army would protect the oil ports.", "Ali Zeidan", "LBY", "2013-10-10"),
    ("Fethullah Gulen denied any role in the plot.", "Fethullah Gulen", "TUR", "2016-07-17"),
    ("Shi Zhengli said her laboratory had no such virus.", "Shi Zhengli", "CHN", "2020-04-14"),
])
def test_people_the_data_lacked(pipeline, text, phrase, code, published):
    assert codes_of(shared_mentions(pipeline, text, published=published), 0, phrase) == [code]


# -- the place a withdrawal leaves ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The president withdrew Canadian troops from Mali on Monday.",
    "Canada withdrew from Mali in 2019.",
    "Ottawa said it was withdrawing Canadian troops from a part of Mali.",
])
def test_the_place_a_withdrawal_leaves_is_no_recipient(pipeline, text):
    events = coded(pipeline, text, published="2019-10-10")
    assert any(e == "RETREAT" for e, a, r in events)
    assert not any(e == "RETREAT" and "MLI" in r for e, a, r in events)  # was MLI


def test_an_ambassador_withdrawn_from_a_capital_keeps_the_country(pipeline):
    # the guard: recalling an envoy is a sanction aimed at the host country, not a withdrawal from a place
    events = coded(pipeline, "Canada withdrew its ambassador from Moscow.", published="2019-10-10")
    assert ("SANCTION", ("CAN",), ("RUS",)) in events


def test_a_withdrawal_told_by_a_noun_keeps_the_country(pipeline):
    # the guard: our own gold codes the noun ("their withdrawal from X") with the country as recipient
    events = coded(pipeline, "The Belgian army completed its withdrawal from Mali last spring.", published="2019-10-10")
    assert any(e == "RETREAT" and r == ("MLI",) for e, a, r in events)
