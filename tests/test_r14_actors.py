"""Fourteenth actors round (issue 12): dependent territories as CAMEO files them, "America(n)" after a region word
is no country, and counterparts are the other side's.

Every sentence here is written for this test (none is a gold, corpus or synthetic-story sentence).
"""

from __future__ import annotations

import pytest
from event_sets import codes_of, coded, mentions


@pytest.fixture(scope="module")
def kb():
    from redline.knowledge.actors import Knowledge

    return Knowledge.build()


@pytest.mark.parametrize("text, code", [
    ("Niue", "NZL"), ("Anguilla", "AIA"), ("Guam", "USA"), ("Gibraltar's government", "GBR"),
    ("the New Caledonia police", "FRA"), ("Faroese fishermen", "DNK"), ("Bermudian officials", "BMU"),
    ("American Samoa", "USA"), ("Curaçao", "CUW"), ("the Falklands government", "GBR"),
])
def test_dependent_territories_name_their_cameo_code(kb, text, code):
    assert kb.resolve(text).code == code  # was None (American Samoa: Samoa)


def test_jersey_is_left_to_the_us_state_and_the_shirt(kb):
    assert kb.resolve("Jersey").code is None
    assert kb.resolve("Anguilla").code == "AIA"


@pytest.mark.parametrize("text", ["Latin America", "South American governments", "Central-American migrants",
                                  "North America", "Pan-American officials", "Latin American leaders"])
def test_america_after_a_region_word_is_no_country(kb, text):
    assert kb.resolve(text).code is None  # was USA


def test_america_alone_is_still_the_united_states(kb):
    assert kb.resolve("American troops").code == "USA"
    assert kb.resolve("South American and American delegates").code == "USA"
    assert kb.resolve("Central American migrants").code is None


@pytest.mark.slow
@pytest.mark.parametrize("text, event", [
    ("Pyongyang threatened on Tuesday to fire missiles at Guam.", ("THREATEN", ("PRK",), ("USA",))),
    ("Madrid's government protested to Gibraltar's government over the closed harbour.",
     ("ACCUSE", ("ESP",), ("GBR",))),
    ("Two South American governments criticized Washington over the new tariffs.", ("ACCUSE", ("?",), ("USA",))),
])
def test_territories_and_regions_as_parties(pipeline, text, event):
    assert event in coded(pipeline, text, published="2019-03-04")


@pytest.mark.slow
@pytest.mark.parametrize("text, event", [
    ("Kenya's foreign minister met her Ugandan counterpart on Monday.", ("CONSULT", ("KEN", "UGA"), ())),
    ("The Tanzanian minister and his Rwandan counterpart signed a border accord.", ("SUPPORT", ("RWA", "TZA"), ())),
    # the host's guest: the visitor is the counterpart, never the host's own country
    ("Mali's president hosted his Nigerien counterpart in Bamako on Friday.", ("CONSULT", ("NER",), ("MLI",))),
])
def test_a_counterpart_is_the_country_its_own_phrase_names(pipeline, text, event):
    assert event in coded(pipeline, text, published="2019-03-04")  # was no party for the counterpart


@pytest.mark.slow
def test_a_counterpart_is_never_its_possessors_country(pipeline):
    found = mentions(pipeline, "Norway's trade minister praised his counterpart on Monday.")
    assert codes_of(found, 0, "his counterpart") == [None]  # not NOR: the other side


@pytest.mark.slow
def test_the_counterparts_country_does_not_bridge_a_bare_title(pipeline):
    found = mentions(pipeline, "The talks began late. The minister then met his Fijian counterpart in a hotel.")
    assert codes_of(found, 1, "The minister") == [None]  # was FJI, bridged from the counterpart's adjective
    assert codes_of(found, 1, "his Fijian counterpart") == ["FJI"]


@pytest.mark.slow
@pytest.mark.parametrize("text, actor", [
    ("A helicopter belonging to the Chadian army fired on a village in Niger.", "TCD"),  # was NER, the place's
    ("A drone operated by Kenya's air force struck a camp in Somalia.", "KEN"),  # was SOM
    ("Gunmen loyal to the Libyan government attacked a checkpoint.", "LBY"),  # was none
])
def test_an_agent_takes_its_owners_country(pipeline, text, actor):
    events = coded(pipeline, text, published="2019-03-04")
    assert any(e[0] == "ASSAULT" and e[1] == (actor,) for e in events), events


@pytest.mark.slow
def test_affiliation_is_not_ownership(pipeline):
    events = coded(pipeline, "Fighters linked to Ethiopia's army shelled the town.", published="2019-03-04")
    assert not any(e[0] == "ASSAULT" and e[1] == ("ETH",) for e in events), events
