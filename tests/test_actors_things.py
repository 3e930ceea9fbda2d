"""Actors that are things, places and unlisted agent words (issue 12, actor half).

Every sentence here is written for this test (none is a gold or corpus sentence). Rows run through the whole
pipeline and check the asserted events' (type, actor codes, recipient codes); "?" is an actor with no code.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def actors(pipeline, text: str) -> set[str]:
    return {a for _, acts, _ in coded(pipeline, text) for a in acts}


@pytest.mark.parametrize(("text", "place"), [
    # a place in a locative phrase of an event noun says where it happened
    ("The crisis in Moldova has pushed Brussels and Kyiv to cooperate.", "MDA"),
    ("The bombings in Madrid that killed 9 people shocked Europe.", "ESP"),
    ("The war in Syria has killed 300,000 people.", "SYR"),
    ("Protests in Cairo forced the president to resign.", "EGY"),
    # a city or capital naming the event does too
    ("The Paris attacks killed 130 people.", "FRA"),
    ("The Benghazi tragedy wounded Hillary Clinton.", "LBY"),
    ("The Moscow bombing killed 30 people.", "RUS"),
])
def test_the_place_of_an_event_is_not_its_actor(pipeline, text, place):
    assert place not in actors(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a country, nationality, organisation or armed group naming the strike is its author
    ("The U.S. strikes killed 25 militia fighters in Iraq.", ("ASSAULT", ("USA",), ("IRQ",))),
    ("Hamas rockets killed two Israelis on Tuesday.", ("ASSAULT", ("PSE",), ("ISR",))),
    ("The NATO airstrike killed 10 Afghan civilians.", ("ASSAULT", ("NATO",), ("AFG",))),
    # a group in a place keeps the place's country: the group is a party, not an event
    ("Factions in the Iraqi parliament condemned the American strike.", ("ACCUSE", ("IRQ",), ("USA",))),
])
def test_a_party_naming_the_act_or_a_group_in_a_place_stays_the_actor(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # the "by" phrase of an attack noun names who carried it out
    ("A bombardment by Russian jets killed 18 civilians in Idlib.", ("ASSAULT", ("RUS",), ("SYR",))),
    ("Airstrikes by Saudi warplanes killed 40 people in Yemen on Monday.", ("ASSAULT", ("SAU",), ("YEM",))),
])
def test_an_attack_noun_as_subject(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "target"), [
    # with no author named, the attacker is not the target's country (the act is not coded)
    ("Yemeni officials said the airstrike killed six fishermen in Hodeidah province.", "YEM"),
    ("Two attacks on Monday wounded six Somali soldiers.", "SOM"),
])
def test_an_unattributed_attack_is_not_the_targets(pipeline, text, target):
    assert target not in actors(pipeline, text)


def test_a_title_with_its_own_country_is_not_an_earlier_leader(pipeline):
    text = ("The Libyan leader, Muammar Gaddafi, was killed in 2011 by rebels. The supreme leader of Iran has warned "
            "the United States that its intervention would be a mistake.")
    got = {(t, a) for t, a, _ in coded(pipeline, text, "2017-04-10")}
    assert ("THREATEN", ("IRN",)) in got and ("THREATEN", ("LBY",)) not in got


@pytest.mark.parametrize(("text", "expected"), [
    ("The Egyptian presidency condemned the attack on the cathedral.", ("EGY", "GOV")),
    ("Russian hackers targeted the Ukrainian power grid.", ("RUS", "CRM")),
])
def test_agent_words_real_news_uses(pipeline, text, expected):
    from redline.api import extract

    got = {(a["code"], a["sector"]) for e in extract(text, published="2022-05-10", pipeline=pipeline)
           for a in e["actor"]}
    assert expected in got


def test_lawyers_and_clerics_take_the_article_country(pipeline):
    text = ("Egypt's president met the army chief in Cairo on Monday. Egypt's parliament approved the new law. "
            "Lawyers accused the government of torture.")
    assert ("ACCUSE", ("EGY",), ("EGY",)) in coded(pipeline, text)


def test_hackers_do_not_take_the_country_of_the_systems_they_reached(pipeline):
    got = coded(pipeline, "Voter databases in Arizona were breached by hackers.")
    assert ("COERCE", ("?",), ("USA",)) in got


@pytest.mark.parametrize(("text", "wrong"), [
    # a courtesy-titled surname alone, in a story about another country that never named theirs, is not the
    # known person of that surname
    ("The FBI raided offices in Washington and New York. Trump's lawyer said Mr. Cohen will continue to "
     "cooperate with U.S. prosecutors.", "ISR"),
    ("The U.S. Senate met in Washington. The senator said Mr. Cohen criticized the president on Tuesday.", "ISR"),
])
def test_a_titled_surname_alone_is_not_a_stranger_from_elsewhere(pipeline, text, wrong):
    assert wrong not in actors(pipeline, text)


def test_a_titled_surname_of_a_country_the_story_named_is_still_known(pipeline):
    got = coded(pipeline, "Israel's cabinet met on Sunday. Mr. Cohen criticized the Palestinian Authority.")
    assert ("ACCUSE", ("ISR",), ("PSE",)) in got
