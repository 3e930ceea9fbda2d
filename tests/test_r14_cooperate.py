"""Fourteenth round, cooperate (issue 12, session 32, 7 Dec 2026): families of cooperative wordings the NGEC
synthetic stories' dev half showed missing (docs/coding.md "Fourteenth round, cooperate"): goods exported to or
imported from a party, joint exercises a party takes part in, debts forgiven or written off, thanks expressed to a
party, intelligence shared, joint patrols, a stated willingness to cooperate, and the CONSULT
modes of summits (multilateral) and hosted talks (third-party).

Every sentence is written for this test (none is a story, dev, test or corpus sentence). The first table checks
each family on several wordings, the second what it must not code. Rows run through the whole pipeline (veto off,
as every fixture) and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # trade: goods sent to a party or bought from one is economic exchange (COOPERATE 061)
    ("Chile began exporting copper to India on Monday.", ("COOPERATE", ("CHL",), ("IND",))),
    ("Kenya exported its first cargo of avocados to China last week.", ("COOPERATE", ("KEN",), ("CHN",))),
    ("Brazil started importing wheat from Argentina this month.", ("COOPERATE", ("BRA",), ("ARG",))),
    # joint exercises taken part in, participated in or joined: military cooperation (COOPERATE 062)
    ("Canadian and French troops took part in joint exercises near the Baltic coast.",
     ("COOPERATE", ("CAN", "FRA"), ())),
    ("Indian troops are participating in drills with the Egyptian army.", ("COOPERATE", ("IND",), ("EGY",))),
    # debts forgiven, written off or waived are material aid (AID 071, PLOVER manual)
    ("Japan wrote off the debts of Laos last year.", ("AID", ("JPN",), ("LAO",))),
    # thanks or gratitude expressed to a party is praise (SUPPORT 051)
    ("Ghana expressed gratitude to Norway for its help with the elections.", ("SUPPORT", ("GHA",), ("NOR",))),
    ("Malaysia expressed thanks to Indonesia for its role in the talks.", ("SUPPORT", ("MYS",), ("IDN",))),
    # a stated willingness or readiness to cooperate is an AGREE (PLOVER manual), the act is not coded again
    ("Iran voiced its willingness to collaborate with the European Union on shipping safety.",
     ("AGREE", ("IRN",), ("EUR",))),
    ("The Cuban president expressed readiness to cooperate with Washington.", ("AGREE", ("CUB",), ("USA",))),
    # intelligence shared and patrols held jointly are material cooperation (COOPERATE 064, 062)
    ("Peru and Chile are expanding their intelligence sharing on drug routes.", ("COOPERATE", ("CHL", "PER"), ())),
    ("Washington began expanded intelligence sharing with Guatemala on Friday.", ("COOPERATE", ("USA",), ("GTM",))),
    ("Turkish and Russian troops conducted joint patrols in northern Syria.", ("COOPERATE", ("RUS", "TUR"), ())),
])

def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # exports with no party they go to, and imports with no party they come from, are no exchange
    ("Chile exported more copper this year.", "COOPERATE"),
    ("Brazil started importing more wheat.", "COOPERATE"),
    # states that export to a party, with no good named, are a trade statistic, not an exchange
    ("Texas is among the top states exporting to Mexico.", "COOPERATE"),
    # a plain exercise taken part in is no military cooperation
    ("Thousands of students took part in the exam.", "COOPERATE"),
    # debts incurred or paid are no aid; a cancelled visit is no aid
    ("Greece paid off its debts to the IMF.", "AID"),
    ("Egypt cancelled the minister's visit to Rome.", "AID"),
    # a willingness denied, or a readiness to fight, is no agreement
    ("Pyongyang showed no willingness to negotiate with Seoul.", "AGREE"),
    ("The army expressed readiness to fight the insurgents.", "AGREE"),
    # a funeral or a news conference attended is no meeting of parties
    ("The senator attended a news conference in Kabul.", "CONSULT"),
    ("The Jordanian king attended the funeral of the former emir.", "CONSULT"),
    # patrols a force steps up alone are no joint patrol
    ("Police stepped up patrols in the capital.", "COOPERATE"),
])
def test_event_is_not_coded(pipeline, text, absent):
    assert absent not in {e[0] for e in coded(pipeline, text)}


@pytest.mark.parametrize(("text", "mode"), [
    # a summit or conference of many parties is multilateral; talks a party hosts or brokers are third-party
    ("European Union leaders held a summit in Brussels on Sunday.", "multilateral"),
    ("Norway hosted talks between the Colombian government and the rebels.", "third-party"),
    ("Qatar brokered negotiations between Hamas and Israel.", "third-party"),
    # two parties holding a summit, a summit named by its two sides, and meetings on a summit's sidelines are not
    ("Biden and Xi held a summit in San Francisco.", None),
    ("The US-China summit ended without a deal.", None),
    ("Modi met Ramaphosa on the summit's sidelines.", None),
    # attending a summit is a meeting in a multilateral setting
    ("The Kenyan president attended the climate summit in Paris.", "multilateral"),
])
def test_consult_mode(pipeline, text, mode):
    from redline.api import extract

    modes = {(e["mode"] or [None])[0] for e in extract(text, published="2023-05-10", pipeline=pipeline)
             if e["event"][0] == "CONSULT" and e["factuality"] == "asserted"}
    assert modes == {mode}
