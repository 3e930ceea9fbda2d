"""Speech acts of the tenth round (issue 12): reactions a party's act met or drew, threats named with who made them,
assurances of support, a participle naming the party of its verb's speech act (redline/stages/coding/reactions.py,
spoken.py, stances.py, speech.py; lexicon evaluations.toml).

Every sentence is written for this test (none is a corpus sentence); each group checks one family on several
wordings, and the negative rows check its limits. Rows run through the whole pipeline and look at the asserted
events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # a reaction a party's act met: the reacting party's act toward the act's owner
    ("The Chinese proposal was met with criticism from Japan.", ("ACCUSE", ("JPN",), ("CHN",))),
    ("The decision was met with outrage by Chinese diplomats.", ("ACCUSE", ("CHN",), ())),
    ("The American proposal, which was greeted with incredulity by Russian lawmakers, was dropped.",
     ("ACCUSE", ("RUS",), ("USA",))),
    ("The Turkish president was met with applause by the German chancellor.", ("SUPPORT", ("DEU",), ("TUR",))),
    ("The Chinese proposal met with skepticism from Japan.", ("ACCUSE", ("JPN",), ("CHN",))),
    # reactions drawn by an active verb, the reacting parties conjunct-expanded
    ("The Turkish offensive triggered outrage from European governments.", ("ACCUSE", ("EUR",), ("TUR",))),
    ("The Chinese decision earned praise from the American president.", ("SUPPORT", ("USA",), ("CHN",))),
    ("The Chinese exercise brought a sharp rebuke from Taiwan.", ("ACCUSE", ("TWN",), ("CHN",))),
    ("The Pakistani army came in for criticism from India.", ("ACCUSE", ("IND",), ("PAK",))),
    ("The Israeli operation drew condemnation from Jordan and Egypt.", ("ACCUSE", ("EGY", "JOR"), ("ISR",))),
    # coming under fire: criticism of a person or a policy
    ("The Saudi plan came under fire from Qatar.", ("ACCUSE", ("QAT",), ("SAU",))),
    ("The Turkish president drew fire from the German chancellor.", ("ACCUSE", ("DEU",), ("TUR",))),
    # threats named with who made them, said to have been made
    ("The summit was cancelled after threats from the North Korean leader to walk out.", ("THREATEN", ("PRK",), ())),
    ("The decision followed threats by the Turkish president to expel the ambassadors.", ("THREATEN", ("TUR",), ())),
    ("The announcement came with threats from an Iranian official that the work could be expanded.",
     ("THREATEN", ("IRN",), ())),
    # an assurance of support backs the party assured
    ("The American president assured the Ukrainian president of continued American support.",
     ("SUPPORT", ("USA",), ("UKR",))),
    ("The Russian minister assured Syria of Moscow's solidarity.", ("SUPPORT", ("RUS",), ("SYR",))),
    # a participle names the party its verb's speech act is aimed at
    ("The Chinese spokesman criticized the visit, accusing Washington of interference.",
     ("ACCUSE", ("CHN",), ("USA",))),
    ("The Iranian minister condemned the attack, blaming Israel for it.", ("ACCUSE", ("IRN",), ("ISR",))),
    # retaliation announced: a threat aimed at the party answered or the condition's named subject
    ("China warned it would retaliate if the United States sent warships.", ("THREATEN", ("CHN",), ("USA",))),
    ("The Russian minister warned that Moscow would respond if NATO deployed troops.",
     ("THREATEN", ("RUS",), ("NATO",))),
    ("North Korea said it would strike back if South Korea held the drills.", ("THREATEN", ("PRK",), ("KOR",))),
    ("Ankara will respond firmly, the Turkish president said.", ("THREATEN", ("TUR",), ())),
    ("Iran warned that it would retaliate against any attack.", ("THREATEN", ("IRN",), ())),
    # a reprisal announced under a condition on a party, a vow to respond forcefully
    ("The Chinese spokesman said Beijing would take countermeasures if Washington approved the sale.",
     ("THREATEN", ("CHN",), ("USA",))),
    ("The Israeli prime minister vowed to respond forcefully to the attack.", ("THREATEN", ("ISR",), ())),
])
def test_speech_act_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a reaction with no named reacting party, or only a place where it was felt: no guess
    ("The plan was met with skepticism.", "ACCUSE"),
    ("The Israeli raid sparked outrage in Jordan.", "ACCUSE"),
    # a meeting stays a meeting
    ("The French minister met with the Chinese foreign minister on Monday.", "ACCUSE"),
    # fire on a place or on forces is shooting, not criticism
    ("The convoy came under fire from militants.", "ACCUSE"),
    ("Kyiv came under fire from Russian forces.", "ACCUSE"),
    # threats as a danger, not a threat made
    ("The new system is meant to counter threats from Iran.", "THREATEN"),
    ("The agency is monitoring cyber threats from Russia.", "THREATEN"),
    ("The specific threats from the militia remain unconfirmed.", "THREATEN"),
    # a reaction of a crowd no name identifies
    ("The president's speech elicited applause from the assembled diplomats.", "SUPPORT"),
    # a response with no condition and no force, a retaliation denied, the writer's own forecast, a done act
    ("The minister said the government would respond to the letter next week.", "THREATEN"),
    ("The Iranian minister said Tehran would not retaliate.", "THREATEN"),
    ("Iran will retaliate against Israel.", "THREATEN"),
    ("The Israeli prime minister vowed to respond to the letter.", "THREATEN"),
])
def test_not_speech_act(pipeline, text, absent):
    assert absent not in types(pipeline, text)


def test_assurance_of_an_act_stays_a_promise(pipeline):
    """Only an assurance of backing itself is SUPPORT; one of aid or of what will be done promises it (AGREE)."""
    aid = coded(pipeline, "The German chancellor assured Kyiv of continued military aid.")
    assert ("AGREE", ("DEU",), ("UKR",)) in aid
    assert "SUPPORT" not in {t for t, _, _ in aid}
    assert ("AGREE", ("FRA",), ("LBN",)) in coded(pipeline, "The French minister assured Lebanon that France would "
                                                             "stand by it.")


def test_participle_does_not_displace_a_named_party(pipeline):
    """The matrix act keeps a party it names itself: the participle's party only fills a gap."""
    said = coded(pipeline, "The German chancellor criticized Turkey, accusing the army of abuses.")
    assert ("ACCUSE", ("DEU",), ("TUR",)) in said
