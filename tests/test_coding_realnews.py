"""The coder on the patterns real news brings (issue: code real news as a careful coder would).

Every sentence here is written for this test; each row is a pattern seen in real articles, not a real sentence.
Rows run through the whole pipeline (clean, parse, actors, quotes, coding) and check the asserted events.
"""

from __future__ import annotations

import pytest
from event_sets import coded

pytestmark = pytest.mark.slow


def types(pipeline, text: str) -> set[str]:
    return {t for t, _, _ in coded(pipeline, text)}


@pytest.mark.parametrize("text", [
    # 1. common verbs in a sense that is no event
    "The offensive met fierce resistance from the defenders.",
    "The Qatari foreign ministry released a statement on Tuesday.",
    "Hamas released photos of the hostages on Sunday.",
    "The Spanish senator offered his views on the war in Yemen.",
    "Iran demonstrated a willingness to negotiate with Oman.",
    "The Foreign Office declined to comment on the leaked memo.",
    "North Korea has nuclear weapons and long-range missiles.",
    "President Putin inspected the troops at a base near Moscow.",
    "The Danish minister struck a softer tone on Tuesday.",
    "The Dutch court's ruling killed the pipeline deal.",
    # speech to an audience is no meeting; a person stepping back is no retreat
    "The Peruvian defence minister spoke to reporters in Lima.",
    "The Egyptian opposition leader withdrew after criticism from his party.",
    # disasters are no actors
    "The earthquake and its aftershocks killed 3,000 people in Morocco.",
    # denials of involvement are no rejection
    "Moscow denied any involvement in the poisoning.",
    # a person pressing a body part, a question: no request
    "The Brazilian president pressed his forehead into his hands.",
    # one party in talks is no meeting; a charm offensive and a trade war are no violence; cutting a budget line,
    # telling reporters on a day, defending one's own acts: no event
    "The Swedish company was in talks to buy a rival.",
    "The Saudi charm offensive by the crown prince continued in Paris.",
    "The two countries have been locked in a trade war since 2018.",
    "The Norwegian minister cut promotions in the foreign service.",
    "The Polish minister told the BBC on Tuesday that the troops were ready.",
    "The Turkish president defended his government's efforts on Tuesday.",
    "China's tendencies to crack down on dissent have proved resilient.",
    # talks between companies are commerce; a known act judged in a copula is not reported again; foes of a
    # country are not that country
    "In 2011 the Exxon chief executive negotiated a joint venture with Rosneft.",
    "The Dutch withdrawal from the mission is the greatest gift to the insurgents.",
    "The plan prompted direct threats from Israel's enemies.",
    # a country before a headline colon is its topic, not a speaker
    "Syria: the rebels must be defeated",
])
def test_no_event_in_these_senses(pipeline, text):
    assert types(pipeline, text) - {"ACCUSE"} == set() or not types(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # 2. strikes by states and armed groups are attacks; workers strike in protest
    ("Israeli warplanes carried out strikes on Gaza on Monday.", ("ASSAULT", ("ISR",), ("PSE",))),
    ("Chilean teachers went on strike in Santiago.", ("PROTEST", ("CHL",), ("CHL",))),
    # 3. wire phrasing
    ("The European Union adopted a new package of sanctions against Belarus.", ("SANCTION", ("EUR",), ("BLR",))),
    ("Canada slapped sanctions on Iranian officials.", ("SANCTION", ("CAN",), ("IRN",))),
    ("Georgian police used tear gas to disperse protesters in Tbilisi.", ("ASSAULT", ("GEO",), ("GEO",))),
    ("Ukraine shot down 18 Russian drones overnight.", ("ASSAULT", ("UKR",), ("RUS",))),
    ("Qatar brokered a deal between Israel and Hamas.", ("CONSULT", ("QAT",), ())),
    ("Germany announced the transfer of Leopard tanks to Ukraine.", ("AID", ("DEU",), ("UKR",))),
    ("Armenia and Azerbaijan traded accusations over the shelling.", ("ACCUSE", ("ARM", "AZE"), ())),
    ("Hezbollah declared Israeli soldiers a legitimate target.", ("THREATEN", ("LBN",), ("ISR",))),
    # 9. speech acts
    ("Biden called Putin a killer.", ("ACCUSE", ("USA",), ("RUS",))),
    ("Blinken said Israel needs to do more to protect civilians.", ("REQUEST", ("USA",), ("ISR",))),
    ("The Kremlin warned that Ukraine joining NATO would be a red line.", ("THREATEN", ("RUS",), ("NATO", "UKR"))),
    # fifteenth round, speech: a red line an act "would cross", said or warned of, also said "often"
    ("The Greek president warned that any attack on Cyprus would cross a red line.", ("THREATEN", ("GRC",), ("CYP",))),
    ("The Saudi minister said Iran would cross a red line if it enriched uranium further.",
     ("THREATEN", ("SAU",), ("IRN",))),
    ("The Turkish president has often said that a Kurdish state would cross a red line.", ("THREATEN", ("TUR",), ())),
    ("The French president warned that the use of nerve agents would be a red line.", ("THREATEN", ("FRA",), ())),
    ("Iran warned that it would strike Israeli cities.", ("THREATEN", ("IRN",), ("ISR",))),
    ("Biden held the Syrian regime responsible for the attack.", ("ACCUSE", ("USA",), ("SYR",))),
    # 10. nominal and participial events
    ("The launch of an operation against the PKK was announced by Turkey.", ("ASSAULT", ("TUR",), ("TUR",))),
    ("An Azerbaijani offensive in northern Armenia has been underway since Sunday.", ("ASSAULT", ("AZE",), ("ARM",))),
    # meetings: every party is an actor
    ("Putin met with the Chinese foreign minister in Moscow.", ("CONSULT", ("CHN", "RUS"), ())),
    # targets given as places stand for their country
    ("Russian jets bombed Aleppo on Sunday.", ("ASSAULT", ("RUS",), ("SYR",))),
    # cyber attacks
    ("Russian hackers targeted the election systems of 21 states, American officials said.", ("COERCE", ("RUS",), ())),
    # being in talks or contact is meeting; conjoined nationalities are two parties; a date is no partner
    ("Paris and Berlin were in talks to form a joint panel.", ("CONSULT", ("DEU", "FRA"), ())),
    ("Turkey remained in contact with Russian officials over the weekend.", ("CONSULT", ("RUS", "TUR"), ())),
    ("Chilean and Peruvian officials met in Lima last month.", ("CONSULT", ("CHL", "PER"), ())),
    ("The Dutch prime minister, who talked Tuesday with the Belgian king, called for calm.",
     ("CONSULT", ("BEL", "NLD"), ())),
    # labels and blame
    ("Ecuador called the Colombian order an unacceptable attack on its sovereignty.", ("ACCUSE", ("ECU",), ("COL",))),
    # a headline "Name: statement" is said by the name
    ("Merkel: Greece should accept the bailout terms", ("REQUEST", ("DEU",), ("GRC",))),
    # promises of conflictual acts are threats
    ("The Brazilian president pledged to veto the Argentine proposal.", ("THREATEN", ("BRA",), ("ARG",))),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # 7. a refusal does not spread to the next conjunct, and "has to" is no act
    ("The government refused to negotiate and resumed attacks on the rebels.", None),
    ("Russia has to withdraw its troops, Macron said.", "RETREAT"),
    ("The army is ready to attack the rebels.", "ASSAULT"),
    ("Will Iran retaliate against Israel?", "ASSAULT"),
    # an obligation the writer states is no request
    ("Everyone has to understand the risks.", "REQUEST"),
    # a third party's warning about what others might do is no threat
    ("If the government collapsed, neighbouring states might send troops, Kenyan diplomats warned.", "THREATEN"),
])
def test_factuality_of_real_wire_phrasing(pipeline, text, absent):
    got = types(pipeline, text)
    if absent is None:
        assert {"REJECT", "ASSAULT"} <= got
    else:
        assert absent not in got


def test_one_act_is_one_event(pipeline):
    events = coded(pipeline, "Russian forces killed 8 civilians and injured 35 in Kharkiv.")
    assert [e for e in events if e[0] == "ASSAULT"] == [("ASSAULT", ("RUS",), ("UKR",))]


def test_recipient_is_not_the_actors_own_country_abroad(pipeline):
    assert ("ASSAULT", ("RUS",), ("RUS",)) not in coded(pipeline, "Russia will attack and occupy the town.")
    assert ("COERCE", ("PSE",), ("PSE",)) not in coded(pipeline, "The hostages seized by Hamas were freed.")


def test_quoted_speech_acts_take_the_quote_speaker(pipeline):
    text = ('"We will not accept this," the Iranian foreign minister said. "The United States must lift the '
            'sanctions."\n\n"This was a barbaric attack." Turkey\'s deputy prime minister said on Twitter.')
    events = coded(pipeline, text)
    assert ("REQUEST", ("IRN",), ("USA",)) in events
    assert ("ACCUSE", ("TUR",), ()) in events
    assert not any(t == "ACCUSE" and a == ("IRN",) for t, a, _ in events)


def test_article_country_for_bare_state_institutions(pipeline):
    text = ("Kenya's parliament passed a finance bill on Tuesday.\n\nProtests erupted across Kenya after the vote "
            "in Nairobi.\n\nPolice fired tear gas at protesters and arrested dozens, witnesses said.")
    events = coded(pipeline, text, published="2024-06-26")
    assert ("ASSAULT", ("KEN",), ("KEN",)) in events and any(e[0] == "COERCE" and e[1] == ("KEN",) for e in events)
