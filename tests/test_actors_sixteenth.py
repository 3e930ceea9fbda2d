"""Sixteenth actors round (issue 12): "our aircraft" and "my administration" in a quote are the speaker's, "the
leaders" and "the presidents" are the pair just named, "the administration" named again is not the government of
a country merely named in between, the chairman of a congressional committee is a legislator, "Congress" after
"the Obama administration" is the US Congress, "the U.S.-led coalition" is the leader's, and lawmakers who answer
"the president" or "the White House" in the same sentence are of its country.

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import coded, codes_of, mentions


@pytest.mark.slow
@pytest.mark.parametrize("text, event", [
    ('"The drone was shot down by our jets," Turkish President Recep Tayyip Erdogan told reporters.',
     ("ASSAULT", ("TUR",), ())),
    ('"My administration will never ratify the arms treaty," President Donald Trump said.',
     ("REJECT", ("USA",), ())),
])
def test_a_first_person_possessor_in_a_quote_is_its_speaker(pipeline, text, event):
    assert event in coded(pipeline, text, published="2019-05-10")  # was '?': no country on "our jets"


@pytest.mark.slow
def test_a_first_person_possessor_keeps_a_country_of_its_own(pipeline):
    found = coded(pipeline, '"Our British allies attacked the depot," President Donald Trump said.',
                  published="2019-05-10")
    assert not any(e[1] == ("USA",) and e[0] == "ASSAULT" for e in found)


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, codes", [
    ("President Donald Trump met President Xi Jinping in Beijing. The presidents agreed to cut tariffs.",
     "The presidents", ["USA", "CHN"]),
    ("Chancellor Angela Merkel hosted President Emmanuel Macron in Berlin. The leaders signed a border pact.",
     "The leaders", ["DEU", "FRA"]),
    ("President Vladimir Putin spoke with President Recep Tayyip Erdogan by phone. The leaders condemned the "
     "attack.", "The leaders", ["RUS", "TUR"]),
])
def test_the_leaders_and_the_presidents_are_the_pair_just_named(pipeline, text, phrase, codes):
    assert sorted(codes_of(mentions(pipeline, text), 1, phrase)) == sorted(codes)  # was [None]


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    ("President Vladimir Putin met President Recep Tayyip Erdogan and President Hassan Rouhani. The leaders "
     "signed a pact.", "The leaders"),  # three just named: no pair
    ("President Donald Trump met President Xi Jinping. The Western leaders praised the talks.",
     "The Western leaders"),  # a qualified plural is not the pair
])
def test_the_leaders_stay_unresolved_without_one_pair(pipeline, text, phrase):
    assert codes_of(mentions(pipeline, text), 1, phrase) == [None]


@pytest.mark.slow
def test_the_administration_named_again_is_not_a_country_named_in_between(pipeline):
    found = mentions(pipeline, "The Trump administration expanded the asylum rule in March. Mexico agreed to house "
                     "the migrants. The administration suspended the rule in April.", published="2019-05-10")
    assert codes_of(found, 2, "The administration") == ["USA"]  # was None: MEX named just before competed


@pytest.mark.slow
def test_the_government_named_again_still_competes_with_a_country_named_in_between(pipeline):
    found = mentions(pipeline, "The Iraqi government expanded the curfew in March. Iran closed the border. The "
                     "government lifted the curfew in April.", published="2019-05-10")
    assert codes_of(found, 2, "The government") != ["IRQ"]


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    ("Jane Roe, the chairman of the House Armed Services Committee, criticized the plan.", "the chairman"),
    ("John Doe, the chairman of the House Committee on Homeland Security, questioned the plan.", "the chairman"),
])
def test_the_chairman_of_a_congressional_committee_is_a_legislator(pipeline, text, phrase):
    from redline.api import extract_document

    doc = extract_document(text, published="2019-05-10", pipeline=pipeline)
    assert [(m.entity.code, m.entity.sector) for m in doc.mentions if m.text == phrase] == [("USA", "LEG")]  # was GOV


@pytest.mark.slow
def test_a_legislators_warning_to_the_administration_named_again_stays_an_event(pipeline):
    text = ("Rep. John Doe, the chairman of the House Committee on Homeland Security, met officials of the Obama "
            "administration on Monday. Yemen freed two hostages. Mr. Doe warned the administration to act with care.")
    assert ("REQUEST", ("USA",), ("USA",)) in coded(pipeline, text, published="2014-12-05")


@pytest.mark.slow
def test_congress_after_an_american_administration_is_the_us_congress(pipeline):
    found = mentions(pipeline, "As the Obama administration weighs a strike on Syria, members of Congress want a "
                     "vote on it.", published="2013-09-01")
    assert codes_of(found, 0, "Congress") == ["USA"]  # was None: no country counted, no American person


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, code", [
    ("The U.S.-led coalition struck the depot on Monday.", "The U.S.-led coalition", "USA"),
    ("A Saudi-led coalition of states closed the port.", "A Saudi-led coalition", "SAU"),
    ("A French-led coalition of African states attacked the camp.", "A French-led coalition", "FRA"),
])
def test_a_coalition_led_by_a_state_is_that_states(pipeline, text, phrase, code):
    assert codes_of(mentions(pipeline, text), 0, phrase) == [code]  # was no mention or None


@pytest.mark.slow
def test_a_ruling_coalition_is_no_party_of_a_leader(pipeline):
    found = mentions(pipeline, "The ruling coalition rejected the budget.")
    assert not any(t == "The ruling coalition" for _, t, _ in found)


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase, sentence", [
    ("President Donald Trump banned the recruits on Wednesday. Lawmakers blasted the president's move as reckless.",
     "Lawmakers", 1),
    ("The White House and the Pentagon said on Friday the country was at war, prompting criticism from lawmakers.",
     "lawmakers", 0),
])
def test_legislators_answering_their_executive_are_of_its_country(pipeline, text, phrase, sentence):
    assert codes_of(mentions(pipeline, text), sentence, phrase) == ["USA"]  # was None: no legislature named


@pytest.mark.slow
@pytest.mark.parametrize("text, phrase", [
    ("President Vladimir Putin annexed the peninsula. Lawmakers condemned Putin for the annexation.", "Lawmakers"),
    ("The Kremlin and the White House traded charges, and lawmakers demanded answers.", "lawmakers"),
])
def test_legislators_stay_uncoded_beside_a_named_leader_or_two_executives(pipeline, text, phrase):
    found = mentions(pipeline, text)
    assert codes_of(found, max(s for s, t, _ in found if t == phrase), phrase) == [None]


@pytest.mark.slow
def test_legislators_are_not_of_an_executive_a_country_possesses(pipeline):
    found = mentions(pipeline, "As lawmakers weigh strikes to punish Syria's regime for the attack, both parties "
                     "are wary.", published="2013-09-06")
    assert codes_of(found, 0, "lawmakers") == [None]
