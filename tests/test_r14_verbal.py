"""Fourteenth round, verbal (issue 12, session 32, 7 Dec 2026): families of ACCUSE, REQUEST and PROTEST wordings
the coder missed on fresh text (docs/coding.md "Fourteenth round, verbal"): protests told by their outbreak,
disapproval felt at a named party's act, asking for what a party can give, looking into an act, formal charges
with no accuser named, and the investigation nouns 'enquiry' and 'inquest'.

Every sentence is written for this test (none is a dev, test, corpus or synthetic-story sentence). The first table
checks each family on several wordings, the second what it must not code. Rows run through the whole pipeline
(veto off, as every fixture) and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # a protest noun that broke out, erupted, spread or swept somewhere is the protest of that place's people
    ("Riots broke out in Nairobi after the election result.", ("PROTEST", ("KEN",), ("KEN",))),
    ("Rioting erupted in several Chilean towns on Friday night.", ("PROTEST", ("CHL",), ("CHL",))),
    ("Fresh protests erupted in Tehran on Saturday over the price of petrol.", ("PROTEST", ("IRN",), ("IRN",))),
    ("Demonstrations swept Bolivia after the disputed vote.", ("PROTEST", ("BOL",), ("BOL",))),
    ("Violent riots spread across Senegal this week.", ("PROTEST", ("SEN",), ("SEN",))),
    # a party appalled, outraged, shocked or troubled by a named party's act disapproves of it
    ("Norway said it was appalled by Syria's shelling of the camp.", ("ACCUSE", ("NOR",), ("SYR",))),
    ("Canada is deeply troubled by Beijing's detention of the two men.", ("ACCUSE", ("CAN",), ("CHN",))),
    ("The Irish government was outraged by the Israeli raid on the flotilla.", ("ACCUSE", ("IRL",), ("ISR",))),
    ("Brazil is concerned about Venezuela's treatment of the opposition.", ("ACCUSE", ("BRA",), ("VEN",))),
    ("Finland was shocked by Russia's expulsion of its diplomats.", ("ACCUSE", ("FIN",), ("RUS",))),
    # the subject of a voiced feeling's that-clause is the party disapproved of, when the one who feels it is named
    ("Lithuania expressed concern that Belarus was pushing migrants over the border.", ("ACCUSE", ("LTU",), ("BLR",))),
    # asking for help, a ceasefire or talks is a request with no party named
    ("Mozambique asked for international assistance after the cyclone.", ("REQUEST", ("MOZ",), ())),
    ("The Lebanese prime minister asked for calm after the clashes.", ("REQUEST", ("LBN",), ())),
    ("Armenia has asked for talks on the disputed border.", ("REQUEST", ("ARM",), ())),
    # looking into an act, a death or allegations is an investigation
    ("Danish police are looking into the killing of an Iraqi student.", ("ACCUSE", ("DNK",), ("IRQ",))),
    ("The Spanish government is looking into allegations of abuse by Moroccan guards.",
     ("ACCUSE", ("ESP",), ("MAR",))),
    ("Peru opened an enquiry into the deaths of the miners.", ("ACCUSE", ("PER",), ())),
    # a formal charge with no accuser named is brought by the prosecutors of the charged party's country
    ("A former Ghanaian minister was charged with fraud on Monday.", ("ACCUSE", ("GHA",), ("GHA",))),
    ("Two Colombian officials have been indicted on bribery charges.", ("ACCUSE", ("COL",), ("COL",))),
    # charges, a trial or an investigation a party faces, stands or is under: the authorities' act toward it
    ("The former Zambian minister is facing corruption charges in London.", ("ACCUSE", ("GBR",), ("ZMB",))),
    ("A Malian colonel stood trial on torture charges in Bamako.", ("ACCUSE", ("MLI",), ("MLI",))),
    ("Four Ugandan officers are under investigation for the killings.", ("ACCUSE", ("UGA",), ("UGA",))),
    ("The Chilean general faces an inquiry over the crackdown.", ("ACCUSE", ("CHL",), ("CHL",))),
    # a protest called violent, or held by rioters, is a riot
    ("Violent protests broke out in Quito on Tuesday.", ("PROTEST", ("ECU",), ("ECU",))),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a fire, a fight or a disease breaking out is no protest; a protest noun with no place or party is none
    ("A fire broke out in a market in Lagos on Sunday.", "PROTEST"),
    ("Cholera broke out in two camps in Yemen.", "PROTEST"),
    ("Riots broke out after the match.", "PROTEST"),
    # a feeling about a disaster or about nobody named is no disapproval
    ("Chile said it was shocked by the floods in Peru.", "ACCUSE"),
    ("Japan is concerned about the slowing economy.", "ACCUSE"),
    ("The whole town was shocked by the Turkish police's raid.", "ACCUSE"),
    # asking for comment, for documents or for nothing a party gives is no request
    ("Asked for comment, the Kenyan ministry declined.", "REQUEST"),
    ("The Dutch minister asked for the files on Thursday.", "REQUEST"),
    # in a participle with no subject of its own, the subject is the one asked, not the asker
    ("When asked for help against the militants, Turkey refused.", "REQUEST"),
    # an asker that names no party
    ("The town doubled its patrols but asked for more support on Friday.", "REQUEST"),
    # looking into a thing that is no act or charge is no investigation
    ("Nigeria will look into the possibility of a new pipeline.", "ACCUSE"),
    ("The Russian defendant looked into the crowd in the courtroom.", "ACCUSE"),
    # an accusation with no accuser named names nobody who accuses; a battery is charged, not a person
    ("The Ghanaian mayor was accused of taking bribes.", "ACCUSE"),
    ("Four Kenyan residents face charges after the raid.", "ACCUSE"),
    ("The phone was charged overnight in Oslo.", "ACCUSE"),
    # allegations, lawsuits or criticism faced name no accuser; a plan under review is no investigation
    ("The Ghanaian minister faced allegations of fraud.", "ACCUSE"),
    ("The Egyptian company faces a lawsuit in London.", "ACCUSE"),
    ("The Kenyan budget is under review in Nairobi.", "ACCUSE"),
    ("The Kenyan trial began on Monday in Nairobi.", "ACCUSE"),
    # a duty one is charged with, or a charge under a modal, is no charge brought
    ("The Kenyan judge is charged with overseeing the election inquiry.", "ACCUSE"),
    ("The Peruvian president cannot be indicted while in office.", "ACCUSE"),
    # a feeling voiced by no named party about another's plan
    ("Commentators expressed concern that Ghana's new budget would fail.", "ACCUSE"),
])
def test_event_is_not_coded(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}


@pytest.mark.parametrize(("text", "mode"), [
    ("Violent protests broke out in Quito on Tuesday.", "riot"),
    ("The opposition organized violent demonstrations in Caracas.", "riot"),
    ("Rioters gathered outside the police station in Amman.", "riot"),
    ("Thousands staged peaceful protests in Yerevan.", "demo"),
])
def test_protest_mode(pipeline, text, mode):
    from redline.api import extract

    modes = {m for e in extract(text, published="2023-05-10", pipeline=pipeline) if e["event"][0] == "PROTEST"
             for m in e["mode"]}
    assert modes == {mode}
