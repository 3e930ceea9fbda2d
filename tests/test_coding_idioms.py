"""Violent words that are no violence (redline/stages/coding/idioms.py; factuality of 'ought to' and 'ruled out'),
from the wrong alerts of the fourth alert audit (issue 15).

Every sentence is written for this test (none is a corpus sentence); each group checks one general rule on
several wordings, and the second table checks that the rule keeps the events it must not remove. Rows run through
the whole pipeline and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "absent"), [
    # 'fire' or 'sack' a person is a dismissal: no attack (and no PLOVER event)
    ("The Brazilian president fired his health minister at the urging of his advisers.", "ASSAULT"),
    ("Erdogan fired the Turkish central bank governor at a late-night meeting.", "ASSAULT"),
    ("The Kenyan president fired the police chief on Tuesday at the request of parliament.", "ASSAULT"),
    ("The Mexican president fired him at a press conference on Monday.", "ASSAULT"),
    # attacked for refusing or failing, a posture attacked, words attacked (fifteenth round): criticism
    ("The Colombian president attacked them for refusing his demand.", "ASSAULT"),
    ("A Republican senator attacked the president's posture on Thursday.", "ASSAULT"),
    ("The prime minister's remarks were attacked by the Chinese foreign ministry.", "ASSAULT"),
    # fixed phrases with violent words
    ("French unions have been beating the drum for higher wages against the Macron government.", "ASSAULT"),
    ("Polish farmers banged the drum over Ukrainian grain imports for months.", "ASSAULT"),
    ("The Greek and Turkish ministers waged a war of words over the islands.", "ASSAULT"),
    ("Spain and Morocco stay locked in a bitter battle of wills over fishing rights.", "ASSAULT"),
    # capturing calls, data or images records them
    ("German intelligence captured the phone calls of the Russian ambassador.", "ASSAULT"),
    ("The Russian diplomat's calls were captured by routine British surveillance.", "ASSAULT"),
    ("Israeli drones captured images of Hezbollah positions in Lebanon.", "ASSAULT"),
    # 'ought to' says what is due, not what was done
    ("Britain ought to be confronting Iran over the tanker, the columnist wrote.", "ASSAULT"),
    ("The United States ought to attack the Syrian airbases.", "ASSAULT"),
    # a person defeated in an election was outvoted
    ("Macron defeated Le Pen in the French presidential election of 2017.", "ASSAULT"),
    ("The Kremlin said it was pleased that Trump had defeated Hillary Clinton in the election.", "ASSAULT"),
    # what is ruled out is excluded, not done
    ("The Canadian government has ruled out sending soldiers to Haiti.", "MOBILIZE"),
    ("The Australian prime minister ruled out deploying warships to the Red Sea.", "MOBILIZE"),
    # an attack on deeds, policies or words is criticism
    ("Chinese state media used attacks on alleged American hypocrisy as a weapon.", "ASSAULT"),
    ("The Hungarian government launched attacks on the European Commission's policies.", "ASSAULT"),
    ("Venezuela stepped up its attacks on Colombia's human rights record.", "ASSAULT"),
    # an attack called verbal, made in a speech or an interview, or a hit over a deal is criticism
    ("The Saudi foreign minister launched a scathing attack on Qatar on Monday.", "ASSAULT"),
    ("In an interview on Sunday, the Indian prime minister attacked Pakistan.", "ASSAULT"),
    ("British Conservatives hit the Scottish government hard over the deal.", "ASSAULT"),
    # taking to the streets is no attack
    ("Thousands of Iranian students hit the streets of Tabriz on Friday.", "ASSAULT"),
])
def test_not_an_asserted_event_of_this_type(pipeline, text, absent):
    assert absent not in types(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # weapons are still fired at parties
    ("Israeli troops fired at Palestinian protesters near the fence.", ("ASSAULT", ("ISR",), ("PSE",))),
    ("Russian forces fired on Ukrainian positions near Kharkiv.", ("ASSAULT", ("RUS",), ("UKR",))),
    ("Hamas fired rockets at the Israeli city of Ashkelon.", ("ASSAULT", ("PSE",), ("ISR",))),
    # beating people is still an attack; attacks on places and forces are still attacks
    ("Egyptian police beat the protesters in Cairo.", ("ASSAULT", ("EGY",), ("EGY",))),
    ("Russia's attacks on Ukraine's power grid continued.", ("ASSAULT", ("RUS",), ("UKR",))),
    ("Houthi rebels launched attacks on Saudi oil facilities.", ("ASSAULT", ("YEM",), ("SAU",))),
    # capturing people and places is still a capture; criticism of a policy is an accusation
    ("Syrian rebels captured three Lebanese soldiers.", ("ASSAULT", ("SYR",), ("LBN",))),
    ("Venezuela stepped up its attacks on Colombia's human rights record.", ("ACCUSE", ("VEN",), ("COL",))),
    ("In an interview on Sunday, the Indian prime minister attacked Pakistan.", ("ACCUSE", ("IND",), ("PAK",))),
    # fifteenth round: attacked *for* failing or refusing, a posture attacked, words attacked in the passive
    ("The Brazilian president attacked Argentina for refusing his offer.", ("ACCUSE", ("BRA",), ("ARG",))),
    ("The American president publicly attacked Germany for failing to meet its spending pledge.",
     ("ACCUSE", ("USA",), ("DEU",))),
    ("The Chilean minister's comments were attacked by the Peruvian government.", ("ACCUSE", ("PER",), ("CHL",))),
    # armies defeating armed groups still fight; a beating stays one beside a word like "primary"
    ("The square became the primary site of protests after Egyptian police beat Khaled Said.",
     ("ASSAULT", ("EGY",), ("EGY",))),
    ("The Iraqi army defeated the Islamic State in Mosul.", ("ASSAULT", ("IRQ",), ("IMG",))),
    # strikes during a speech or at night, and raids, stay attacks
    ("Russian missiles hit Kyiv during the Ukrainian president's speech.", ("ASSAULT", ("RUS",), ("UKR",))),
    ("Israeli jets hit Hamas positions in Gaza during the night.", ("ASSAULT", ("ISR",), ("PSE",))),
    ("Israeli jets attacked Gaza for firing rockets at Ashkelon.", ("ASSAULT", ("ISR",), ("PSE",))),
    # an obligation said by someone else is a demand, as with 'must' and 'should'
    ("The German chancellor said Russia ought to withdraw its troops.", ("REQUEST", ("DEU",), ("RUS",))),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)
