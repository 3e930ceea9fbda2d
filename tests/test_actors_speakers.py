"""Who speaks for whom (issue 12, eighth round, speakers): a spokesperson's "for X" and an adviser's "to X" give
the country of the party they speak or work for; idioms of accusation ("took aim at", "pointed the finger at",
"levelled accusations against"); a dateline ("BAGHDAD (Reuters) -") is no party.

Every sentence is written for this test (none is a gold or corpus sentence). The actor rows read the article's
mentions; the event rows look at the asserted events.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded

from redline.stages.datelines import DATELINE_RE


def mentions(pipeline, text: str, published: str = "2023-05-10") -> list[tuple[str, str | None]]:
    from redline.api import extract_document

    doc = extract_document(text, published=published, pipeline=pipeline)
    return [(m.text, m.entity.code) for m in doc.mentions]


def code_of(pipeline, text: str, phrase: str) -> str | None:
    found = [c for t, c in mentions(pipeline, text) if t == phrase]
    assert found, (phrase, mentions(pipeline, text))
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "code"), [
    # a spokesperson "for" a government, a ministry, a metonym or a named body is theirs
    ("A spokesman for the Dutch government declined to comment.", "A spokesman", "NLD"),
    ("A spokeswoman for the Turkish foreign ministry said the talks would resume.", "A spokeswoman", "TUR"),
    ("A spokesperson for the Pentagon said the exercise had ended.", "A spokesperson", "USA"),
    ("A spokesman for the Kremlin said the talks would resume.", "A spokesman", "RUS"),
    ("A spokesman for the ministry of defence of Ukraine said the talks would resume.", "A spokesman", "UKR"),
    # the object's own modifiers decide, not a place hanging on it
    ("A spokesman for the Turkish embassy in Berlin said the talks would resume.", "A spokesman", "TUR"),
    # an adviser or aide "to" a person or office is theirs
    ("A senior adviser to the Ukrainian president said the talks would resume.", "A senior adviser", "UKR"),
    ("An aide to Netanyahu said the talks would resume.", "An aide", "ISR"),
])
def test_the_party_a_spokesperson_or_adviser_works_for_gives_the_country(pipeline, text, phrase, code):
    assert code_of(pipeline, text, phrase) == code


@pytest.mark.slow
@pytest.mark.parametrize(("text", "phrase", "wrong"), [
    # what hangs on the "for" object is not the owner: a campaign against Russia is not Russia's
    ("A spokesman for the campaign against Russia said the talks would resume.", "A spokesman", "RUS"),
    # an adviser "on" a subject does not work for it
    ("An adviser on Iran said the talks would resume.", "An adviser", "IRN"),
    # an envoy "for" or "to" a country deals with it or is posted there: not that country's
    ("An envoy for Syria said the talks would resume.", "An envoy", "SYR"),
    ("An ambassador to Chile said the talks would resume.", "An ambassador", "CHL"),
])
def test_other_prepositions_and_diplomats_take_no_owner(pipeline, text, phrase, wrong):
    assert code_of(pipeline, text, phrase) != wrong


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A spokeswoman for the Turkish foreign ministry condemned the Greek decision.", ("ACCUSE", ("TUR",), ("GRC",))),
    ("A senior adviser to the Ukrainian president accused Moscow of lying.", ("ACCUSE", ("UKR",), ("RUS",))),
])
def test_events_of_a_spokesperson_for_a_government_have_its_country(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("The Greek prime minister took aim at Turkey over the migrant crisis.", ("ACCUSE", ("GRC",), ("TUR",))),
    ("The Iranian president took a swipe at Israel on Monday.", ("ACCUSE", ("IRN",), ("ISR",))),
    ("The Iranian president took potshots at Israel.", ("ACCUSE", ("IRN",), ("ISR",))),
    ("The Russian foreign minister pointed the finger at Ukraine for the attack.", ("ACCUSE", ("RUS",), ("UKR",))),
    ("Russian officials pointed fingers at Ukraine after the blast.", ("ACCUSE", ("RUS",), ("UKR",))),
    ("The Polish government levelled accusations against Belarus on Monday.", ("ACCUSE", ("POL",), ("BLR",))),
    ("The Polish government leveled charges of espionage against Belarus.", ("ACCUSE", ("POL",), ("BLR",))),
    ("Poland leveled harsh criticism at Belarus.", ("ACCUSE", ("POL",), ("BLR",))),
    ("The Chinese foreign ministry lashed Japan over the visit.", ("ACCUSE", ("CHN",), ("JPN",))),
    ("The Iranian president railed against Israel on Monday.", ("ACCUSE", ("IRN",), ("ISR",))),
    ("The Iranian president laid into Israel.", ("ACCUSE", ("IRN",), ("ISR",))),
    ("The Iranian president laid the blame on Israel.", ("ACCUSE", ("IRN",), ("ISR",))),
    ("The Iranian president vilified Israel.", ("ACCUSE", ("IRN",), ("ISR",))),
    ("The Iranian president demonized Israel.", ("ACCUSE", ("IRN",), ("ISR",))),
    # fifteenth round, speech: taking issue or umbrage
    ("The Dutch foreign minister took issue with the Turkish president's remarks.", ("ACCUSE", ("NLD",), ("TUR",))),
    ("The Chilean government took issue with Bolivia over the border dispute.", ("ACCUSE", ("CHL",), ("BOL",))),
    ("Pakistani diplomats took umbrage at the Indian minister's comments.", ("ACCUSE", ("PAK",), ("IND",))),
])
def test_idioms_of_accusation(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Storms lashed the coast of Japan.",  # weather: no party as object
    "Workers leveled the ground near the border.",  # no accusation noun as object
    "The Iranian president pointed at the map of Israel.",  # no finger, no idiom
])
def test_literal_uses_are_no_accusation(pipeline, text):
    assert not any(t == "ACCUSE" for t, _, _ in coded(pipeline, text))


@pytest.mark.parametrize(("text", "place"), [
    ("BAGHDAD (Reuters) - The prime minister spoke.", "BAGHDAD"),
    ("Washington (CNN) -- The senators met.", "Washington"),
    ("KYIV, Ukraine, Feb. 3 (AP) — The talks ended.", "KYIV"),
    ("ASPEN, Colo. - The director spoke.", "ASPEN"),
    ("MOSCOW, March 3 (Reuters) - The Kremlin said.", "MOSCOW"),
])
def test_dateline_forms(text, place):
    m = DATELINE_RE.match(text)
    assert m is not None and m.group("place") == place


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected", "absent"), [
    # the parser makes the dateline's place the verb's subject: it is no party, the Kremlin is the actor
    ("MOSCOW, March 3 (Reuters) - The Kremlin on Monday condemned the American air strikes on militia bases.",
     ("ACCUSE", ("RUS",), ("USA",)), "MOSCOW"),
    ("BAGHDAD (Reuters) - The Iraqi prime minister on Monday condemned American air strikes on militia bases.",
     ("ACCUSE", ("IRQ",), ("USA",)), "BAGHDAD"),
    ("PARIS - The Belgian government condemned the Hungarian media law.", ("ACCUSE", ("BEL",), ("HUN",)), "PARIS"),
    # the parser hangs the named speaker on the dateline's place as an apposition: the speaker is the subject
    ("ANKARA (Reuters) - Turkish Foreign Minister Kemal Aydin on Monday condemned the Greek naval exercises.",
     ("ACCUSE", ("TUR",), ("GRC",)), "ANKARA"),
])
def test_a_dateline_is_no_party(pipeline, text, expected, absent):
    assert expected in coded(pipeline, text)
    assert all(absent not in t for t, _ in mentions(pipeline, text))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Russia -- which has long denied it -- condemned the American air strikes.",  # a dash, but no dateline form
    "Germany - a close ally - condemned the American air strikes.",
    "NATO - the alliance of thirty countries - condemned the Russian air strikes.",  # capitals, but no place
])
def test_a_party_before_a_dash_is_still_a_party(pipeline, text):
    assert any(t[0] == "ACCUSE" and t[1] != () and "?" not in t[1] for t in coded(pipeline, text))
