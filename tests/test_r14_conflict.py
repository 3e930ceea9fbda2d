"""Fourteenth round, conflict (issue 12, session 32, 7 Dec 2026): convictions a court passes (a sentence or a
verdict of guilt, named or with the court unsaid), police, militias and warships sent or dispatched, and the
MOBILIZE mode taken from what is mobilized (docs/coding.md "Fourteenth round, conflict").

Every sentence is written for this test (none is a dev, test, corpus or synthetic-story sentence). The first table
checks each family on several wordings, the second what it must not code. Rows run through the whole pipeline
(veto off, as every fixture) and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def _modes(pipeline, text: str, published: str = "2023-05-10") -> set[tuple]:
    """(type, mode, actor codes, recipient codes) of the asserted events of a text."""
    from redline.api import extract

    return {(e["event"][0], (e.get("mode") or [None])[0],
             tuple(sorted(a["code"] or "?" for a in e["actor"])),
             tuple(sorted({r["code"] or "?" for r in e["recipient"]})))
            for e in extract(text, published=published, pipeline=pipeline)}


@pytest.mark.parametrize(("text", "expected"), [
    # a sentence or a conviction with the court unsaid: the courts of the sentenced party's country
    ("The former Kenyan minister was sentenced to ten years in prison on Monday.", ("SANCTION", ("KEN",), ("KEN",))),
    ("Two Peruvian generals were convicted of embezzlement last week.", ("SANCTION", ("PER",), ("PER",))),
    ("A Turkish journalist was sentenced to life behind bars.", ("SANCTION", ("TUR",), ("TUR",))),
    # found guilty: by a bench when one is named, by the courts of the party's country when none is
    ("Three Nigerian officials were found guilty of fraud on Monday.", ("SANCTION", ("NGA",), ("NGA",))),
    ("A Russian opposition leader was found guilty of extremism.", ("SANCTION", ("RUS",), ("RUS",))),
    ("A Greek jury found the Albanian smugglers guilty of manslaughter.", ("SANCTION", ("GRC",), ("ALB",))),
    ("The Brazilian supreme court found the former Bolivian governor guilty of bribery.",
     ("SANCTION", ("BRA",), ("BOL",))),
    # a sentence or a conviction a court hands down, imposes or metes out
    ("A Pakistani court handed down death sentences to two militants.", ("SANCTION", ("PAK",), ())),
    ("An Egyptian court imposed a five-year prison term on the blogger.", ("SANCTION", ("EGY",), ())),
    ("The Chilean tribunal meted out long jail sentences to the former officers.", ("SANCTION", ("CHL",), ())),
    ("Vietnam's highest court handed down convictions against four activists.", ("SANCTION", ("VNM",), ())),
])
def test_conviction_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # police, militias and warships sent, dispatched or rushed: MOBILIZE with the mode of what moves
    ("The Malian government dispatched hundreds of police officers to Gao.", ("MOBILIZE", "police", ("MLI",))),
    ("Bolivia rushed extra police to the mining town.", ("MOBILIZE", "police", ("BOL",))),
    ("Ecuador sent more policemen to the prison after the riot.", ("MOBILIZE", "police", ("ECU",))),
    ("China sent two submarines toward the disputed reef.", ("MOBILIZE", "weapons", ("CHN",))),
    ("Iran dispatched a destroyer to the Red Sea.", ("MOBILIZE", "weapons", ("IRN",))),
    ("Hezbollah sent militiamen to the border villages.", ("MOBILIZE", "militia", ("LBN",))),
    # an order that sends one's own forces somewhere is the mobilization
    ("The Belarusian president ordered riot police to the central square on Sunday.", ("MOBILIZE", "police", ("BLR",))),
    ("The Italian prime minister ordered troops to stand guard at the Colosseum.", ("MOBILIZE", "troops", ("ITA",))),
    ("Sri Lanka's president ordered the army into the capital after the riots.", ("MOBILIZE", "troops", ("LKA",))),
    # deployed or stationed forces take the mode of what they are
    ("Egypt deployed riot police around the central square on Monday.", ("MOBILIZE", "police", ("EGY",))),
    ("The Philippines deployed warships near the shoal.", ("MOBILIZE", "weapons", ("PHL",))),
    ("Nigeria deployed extra policemen across Lagos.", ("MOBILIZE", "police", ("NGA",))),
    ("Russia stationed missiles in Kaliningrad.", ("MOBILIZE", "weapons", ("RUS",))),
])
def test_mobilize_mode_is_coded(pipeline, text, expected):
    found = {(t, m, a) for t, m, a, _ in _modes(pipeline, text)}
    assert expected in found


@pytest.mark.parametrize(("text", "expected"), [
    # deception spread or a campaign of it waged: COERCE/misinformation
    ("Russia spread disinformation about the Georgian election.", ("COERCE", "misinformation", ("RUS",))),
    ("Iranian state media peddled fake news about the protests.", ("COERCE", "misinformation", ("IRN",))),
    ("Belarus launched a disinformation campaign against Lithuania.", ("COERCE", "misinformation", ("BLR",))),
    ("The Venezuelan government orchestrated a smear campaign against the opposition leader.",
     ("COERCE", "misinformation", ("VEN",))),
    # a population's power, water, food or internet cut or switched off: COERCE/withhold
    ("Ethiopia cut off the internet in the Tigray region.", ("COERCE", "withhold", ("ETH",))),
    ("The Syrian army shut off water to the besieged district.", ("COERCE", "withhold", ("SYR",))),
    ("Myanmar's junta switched off electricity across the rebel-held towns.", ("COERCE", "withhold", ("MMR",))),
    # people a state expels from its country are deported; diplomats stay a SANCTION (the last table)
    ("Djibouti expelled a human rights activist on Thursday.", ("COERCE", "deport", ("DJI",))),
    ("Nicaragua expelled two foreign journalists last week.", ("COERCE", "deport", ("NIC",))),
    ("Ghana expelled hundreds of Nigerian traders.", ("COERCE", "deport", ("GHA",))),
    # fifteenth round, recall: a bomb attack carried out or claimed is a bombing (ASSAULT/explosives)
    ("The Syrian branch carried out bomb attacks in Kurdish towns.", ("ASSAULT", "explosives", ("SYR",))),
    ("The Chechen rebels claimed the car bomb attack in Grozny.", ("ASSAULT", "explosives", ("RUS",))),
    # a threat to do an act is a threat of that act, whatever the act's object
    ("Bolivian police threatened to arrest anyone who joined the march.", ("THREATEN", "arrest", ("BOL",))),
    ("The Cuban government threatened to expel whoever reported on the trial.", ("THREATEN", "expel", ("CUB",))),
])
def test_coerce_mode_is_coded(pipeline, text, expected):
    found = {(t, m, a) for t, m, a, _ in _modes(pipeline, text)}
    assert expected in found


@pytest.mark.parametrize(("text", "absent"), [
    # a finding by a report, an inquiry or a poll is no verdict of a court; an acquittal is no conviction
    ("An internal inquiry found the Kenyan minister guilty of misconduct.", "SANCTION"),
    ("A Nigerian jury found the two officials not guilty of fraud.", "SANCTION"),
    ("Voters in Brazil found the campaign guilty of exaggeration.", "SANCTION"),
    # a sentence no court passes
    ("The Chilean senator gave a long sentence about the budget.", "SANCTION"),
    # police asked for, or police who patrol nothing in force, are not sent
    ("The Peruvian mayor asked for more police.", "MOBILIZE"),
    ("Kenya sent a condolence message to the police union.", "MOBILIZE"),
    # fighting disinformation, or news about it, is no deception; cutting gas to a party stays a sanction
    ("Estonia pledged to fight disinformation on social media.", "COERCE"),
    ("A Polish report studied how fake news spread online.", "COERCE"),
    ("Russia cut gas supplies to Bulgaria.", "COERCE"),
    # forces sent for rescue or relief are help, not a show of force (AID, or AGREE when only promised)
    ("Japan dispatched warships to join the search for the missing sailors.", "MOBILIZE"),
    ("India sent troops for flood relief in Assam.", "MOBILIZE"),
    ("Turkey rushed police officers to the quake zone to help the survivors.", "MOBILIZE"),
    # deception said of someone in passing, in a participle clause with no subject of its own
    ("The senator shared a post about the governor, spreading fake news about the election.", "COERCE"),
    ("Critics in Warsaw attacked the channel for spreading disinformation.", "COERCE"),
    # orders to forces that move nowhere are requests
    ("The Kenyan president ordered troops to withdraw from the border.", "MOBILIZE"),
    ("The Kenyan president ordered police to disperse the protesters.", "MOBILIZE"),
    # fifteenth round, recall: suspending a player, a strike or a drive is no coercion
    ("The Kenyan league suspended the striker for two games.", "COERCE"),
    ("The Nigerian union suspended its strike.", "COERCE"),
    ("The Chilean club suspended its charter membership drive.", "COERCE"),
    # fifteenth round, recall: preventing attacks, a crisis or an imbalance is a purpose, no restriction of a party
    ("The Kenyan army says its border patrols prevent attacks on the villages.", "COERCE"),
    ("The new Chilean banking law prevents a repeat of the crisis.", "COERCE"),
    ("Japanese officials worked hard to prevent an imbalance in the yen.", "COERCE"),
    # fifteenth round, recall: seizing on words or findings exploits them, nothing is seized
    ("Kenyan opposition leaders seized on the report's findings.", "COERCE"),
    ("The Chilean senator seized upon the minister's remarks about Peru.", "COERCE"),
    # expelling diplomats is a sanction, not a deportation
    ("Lithuania expelled two Russian diplomats over espionage.", "COERCE"),
])
def test_not_coded(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}
