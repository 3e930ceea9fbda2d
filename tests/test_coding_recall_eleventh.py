"""Eleventh round, recall (issue 12, session 29, 6-7 Dec 2026): the families that lost events on the held-out
sample R10 (docs/coding.md "Eleventh round, recall").

Every sentence is written for this test (none is a dev, test or corpus sentence). Each group checks one general
rule on several wordings; the second table checks what the rule must not code. Rows run through the whole
pipeline (veto off, as every fixture) and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # a past participle on a noun (a reduced relative clause) harmed in an act that names its author: one event
    # from the author to the victims the noun names
    ("Four Israelis killed in Palestinian rocket attacks were buried on Sunday.", ("ASSAULT", ("PSE",), ("ISR",))),
    # 'discussed X with Y' when the parser hangs the 'with' person inside the topic's phrase
    ("Macron discussed nuclear energy policy with Indian Prime Minister Narendra Modi on Friday.",
     ("CONSULT", ("FRA", "IND"), ())),
    ("Macron said he had discussed the future of arms control with Chinese President Xi Jinping.",
     ("CONSULT", ("CHN", "FRA"), ())),
    # the to-infinitive of an attempt made is done by whoever makes it, and is asserted
    ("Russian hackers made an unsuccessful attempt to breach Ukrainian railway servers.",
     ("COERCE", ("RUS",), ("UKR",))),
    ("The Iranian navy made an attempt to seize a British tanker in the Gulf.", ("COERCE", ("IRN",), ("GBR",))),
    ("Turkish troops made an attempt to seize the Syrian town of Manbij.", ("COERCE", ("TUR",), ("SYR",))),
    # meddling 'with' another country's politics, as 'in'
    ("Russia attempted to interfere with the German election.", ("COERCE", ("RUS",), ("DEU",))),
    ("China interfered with the Taiwanese referendum.", ("COERCE", ("CHN",), ("TWN",))),
    # penalizing a party is a sanction, as punishing
    ("The Treasury Department penalized 12 Russian officials for their role in the poisoning.",
     ("SANCTION", ("USA",), ("RUS",))),
    ("The European Union penalised Iran for its nuclear program.", ("SANCTION", ("EUR",), ("IRN",))),
    # warfare waged or engaged in against a party (cyber warfare is COERCE/cyber)
    ("Iran still engages in cyber warfare against Israel.", ("COERCE", ("IRN",), ("ISR",))),
    ("Syria waged chemical warfare against the Kurds of Iraq.", ("ASSAULT", ("SYR",), ("IRQ",))),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "mode"), [
    # an agentless harm passive takes the mode of the typed attack it happened in
    ("Hundreds of Syrians were killed in a gas attack last week.", "unconventional"),
    ("Four Israelis were wounded in a suicide bombing in Haifa.", "explosives"),
])
def test_harm_takes_the_mode_of_its_attack(pipeline, text, mode):
    from redline.api import extract

    assert [e["mode"] for e in extract(text, published="2023-05-10", pipeline=pipeline)] == [[mode]]


@pytest.mark.parametrize(("text", "absent"), [
    # a participle of harm with its own object, or one in a disaster, names no attack
    ("Four people killed in the earthquake were buried on Monday.", "ASSAULT"),
    ("The equipment destroyed in the storm was replaced by the Kenyan army.", "ASSAULT"),
    # a participle of a verb that is no attack keeps its old reading (no passive invented)
    ("Troops deployed in Syria were sent home by the Russian president.", "ASSAULT"),
    # a topic discussed with staff or reporters meets no party
    ("The Kenyan minister discussed the visit of German Chancellor Angela Merkel with reporters.", "CONSULT"),
    ("Kerry discussed the plans with his aides.", "CONSULT"),
    # efforts someone else made and one backs or condemns are not the backer's act; a bid is not yet done
    ("Germany condemned efforts to attack the Libyan parliament.", "ASSAULT"),
    ("Turkish troops launched a bid to capture the Syrian town of Manbij.", "ASSAULT"),
    # attempts only referred to ('despite ... attempts to') are not said to be made
    ("Despite French attempts in the courts to stop it, Italy says it will release the vessel.", "COERCE"),
    # an attempt to talk that was rebuffed is no meeting
    ("The Spanish envoy made one attempt to talk with the Bolivian leader, but was rebuffed.", "CONSULT"),
    # interfering with an inquiry is obstruction at home, no meddling
    ("Russia interfered with the investigation into the crash.", "COERCE"),
    # a club or a league penalized is sport
    ("The league penalized the club for fan violence.", "SANCTION"),
    # information, economic or hybrid warfare is no armed attack
    ("Russia is waging economic warfare against Ukraine.", "ASSAULT"),
    ("Russia is waging information warfare against Estonia.", "ASSAULT"),
])
def test_event_is_not_coded(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}
