"""Tenth round, recall (issue 12, session 28 of 6 Dec 2026): arguments inside relative clauses and participles.

Every sentence is written for this test (none is a dev or corpus sentence). A relative clause names an act whose
object is the noun it modifies: "the attacks (that) Washington blamed on Tehran", "the sanctions the EU imposed on
Russia". The small model tags the relative 'that' SCONJ or PRON as often as WDT and labels a relative clause with a
subject of its own 'acl' as often as 'relcl'; both now stand for the noun modified (tree.relative_clause,
tree.relativizer), and a light verb's event noun can be that noun (verbs.verb_frames). A noun's content clause
("reports that Russia withdrew") has a 'that' marker and is no relative clause. A missile or rocket named with the
participle that fires it ("rockets fired from Gaza hit Ashkelon") is launched by the agent, the party naming it or
the place it came from, at what it struck (launches.py). Three wire wordings: "called out" a party (criticism),
"huddled with" a party (a meeting) and a ban "slapped on" a party (a restriction). Rows run through the whole
pipeline and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # a lexicon verb whose object is the noun its relative clause modifies, with or without 'that'
    ("Two freighters were damaged in raids that Washington blamed on Tehran.", ("ACCUSE", ("USA",), ("IRN",))),
    ("Two freighters were damaged in raids Washington blamed on Tehran.", ("ACCUSE", ("USA",), ("IRN",))),
    ("The Armenian soldiers that Azerbaijan captured stayed in Baku.", ("ASSAULT", ("AZE",), ("ARM",))),
    # a light verb whose event noun is the noun its reduced relative clause modifies
    ("The tariffs the European Union imposed on China hurt its exporters.", ("SANCTION", ("EUR",), ("CHN",))),
    ("The airstrikes Israel launched against Hezbollah destroyed two depots.", ("ASSAULT", ("ISR",), ("LBN",))),
    ("The aid Japan sent to Ukraine arrived on Friday.", ("AID", ("JPN",), ("UKR",))),
    ("The talks Iran held with the European Union ended without a deal.", ("CONSULT", ("EUR", "IRN"), ())),
    # with a relative 'that', as before
    ("The sanctions that Canada imposed on Iran remain.", ("SANCTION", ("CAN",), ("IRN",))),
    # a projectile fired: by the agent, the party naming it, or the place it came from, at what it struck
    ("Rockets fired from Gaza hit Ashkelon.", ("ASSAULT", ("PSE",), ("ISR",))),
    ("Rockets fired by Hamas hit Ashkelon.", ("ASSAULT", ("PSE",), ("ISR",))),
    ("Two rockets fired from Lebanon landed in northern Israel.", ("ASSAULT", ("LBN",), ("ISR",))),
    ("Missiles launched from Yemen targeted Riyadh.", ("ASSAULT", ("YEM",), ("SAU",))),
    # calling out a party is criticism (not a 'call for'); huddling with one is a meeting
    ("The senator called out the Chinese government for its abuses.", ("ACCUSE", ("?",), ("CHN",))),
    ("The Dutch prime minister called out Hungary on migration.", ("ACCUSE", ("NLD",), ("HUN",))),
    ("Merkel huddled with Macron in Paris.", ("CONSULT", ("DEU", "FRA"), ())),
    # a ban slapped on a party restricts it, as one imposed does
    ("Bahrain slapped a travel ban on Lebanese citizens.", ("COERCE", ("BHR",), ("LBN",))),
])
def test_relative_clause_arguments(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a noun's content clause reports a claim: the noun is not what its verb acts on
    ("Reports that Russia withdrew its troops were false.", "SANCTION"),
    # a relative clause with an object of its own: the noun it modifies is not that object
    ("The day Turkey attacked the Kurds was cold.", "COERCE"),
    # a 'that' the parser made the object of a clause with an object of its own is a complementizer: the clause
    # says what was assured, and the judges are not what was handed over
    ("The governor assured the auditors that he had turned over all of his emails.", "RETREAT"),
    # a missile fired at nothing named is a test, not an attack; people fired are no launch
    ("North Korea fired a missile into the sea.", "ASSAULT"),
    ("The Kenyan company fired two managers from London.", "ASSAULT"),
    # forces called out are mobilized, not criticized; calling out no party is no accusation
    ("The Kenyan governor called out the National Guard.", "ACCUSE"),
    ("The Kenyan senator called out the hypocrisy of the plan.", "ACCUSE"),
    ("The Kenyan players huddled with their coach.", "CONSULT"),
    # no event noun: a relative clause on a thing is no event
    ("The cars the Germans imposed on the market were cheap.", "SANCTION"),
])
def test_relative_clause_does_not_code(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}
