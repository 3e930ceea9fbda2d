"""Seventh round, recall (issue 12, session 25 of 6 Dec 2026): trigger families and frames relaxed.

Every sentence is written for this test (none is a dev or corpus sentence). Each group checks one family on
several wordings; the second table checks what the family must not code. Rows run through the whole pipeline
and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # talking to a party is a meeting; a future one announced by its actor an intention (AGREE)
    ("The Kenyan president talked to the Ugandan prime minister about the border.", ("CONSULT", ("KEN", "UGA"), ())),
    # (nineteenth round, recipients: the intention is aimed at the party it is with)
    ("The German chancellor will talk to the Polish president next week.", ("AGREE", ("DEU",), ("POL",))),
    # standing with or behind a party backs it
    ("Canada stands with the people of Ukraine.", ("SUPPORT", ("CAN",), ("UKR",))),
    ("The Japanese government stood behind South Korea in the dispute.", ("SUPPORT", ("JPN",), ("KOR",))),
    # firing or hitting back in words is a criticism of the party answered
    ("The Venezuelan president fired back that Colombia was plotting against him.", ("ACCUSE", ("VEN",), ("COL",))),
    ("The Brazilian president hit back at critics in the French government.", ("ACCUSE", ("BRA",), ("FRA",))),
    # a matter referred to a body that investigates opens an investigation
    ("The Kenyan minister referred the case to prosecutors.", ("ACCUSE", ("KEN",), ())),
    ("The Peruvian congress referred the matter to Peruvian prosecutors.", ("ACCUSE", ("PER",), ())),  # not the body
    # one party expecting another to act asks it to
    ("The European Commission expects Hungary to comply with the ruling.", ("REQUEST", ("EUR",), ("HUN",))),
    ("Japan expects China to release the detained fishermen.", ("REQUEST", ("JPN",), ("CHN",))),
    # funds released to a party are aid, not a release of captives
    ("The Japanese government released $50 million to the Philippine government.", ("AID", ("JPN",), ("PHL",))),
    ("The European Union released the frozen funds to Tunisia.", ("AID", ("EUR",), ("TUN",))),
    # declining or refusing to attend a gathering refuses to meet
    ("The Polish president declined to attend the summit in Moscow.", ("REJECT", ("POL",), ())),
    ("The Indian prime minister refused to attend the banquet for the Chinese president.",
     ("REJECT", ("IND",), ("CHN",))),
    # a request with what is asked named and the party asked implicit, or asked of no party in particular
    ("The Turkish president urged international support for the refugees.", ("REQUEST", ("TUR",), ())),
    ("The Egyptian foreign minister urged restraint.", ("REQUEST", ("EGY",), ())),
    ("The Canadian prime minister asked the world to help the refugees.", ("REQUEST", ("CAN",), ())),
    ("The French president urged the international community to act.", ("REQUEST", ("FRA",), ())),
    # the hearer of a warning or an appeal made in a letter or message is the one it was sent to
    ("The Kenyan president warned in a letter to the Ugandan president that the border would close.",
     ("THREATEN", ("KEN",), ("UGA",))),
    ("The Polish prime minister appealed in a message he sent to the German chancellor for more tanks.",
     ("REQUEST", ("POL",), ("DEU",))),
    # stones, bottles or firebombs thrown at a party are an attack with primitive weapons; thrown by a crowd, a riot
    ("Palestinian militants threw stones at Israeli soldiers.", ("ASSAULT", ("PSE",), ("ISR",))),
    ("Serbian police hurled petrol bombs at the Kosovo police.", ("ASSAULT", ("SRB",), ("XKX",))),
    ("Palestinian protesters threw stones at Israeli soldiers.", ("PROTEST", ("PSE",), ("ISR",))),
    # demonstrators gathering or converging on a place demonstrate
    ("Thousands of Kenyan protesters gathered outside parliament.", ("PROTEST", ("KEN",), ("KEN",))),
    ("Hundreds of Georgian demonstrators converged on the parliament building.", ("PROTEST", ("GEO",), ("GEO",))),
    # mending or repairing ties restores relations
    ("Turkey moved to mend ties with Egypt.", ("SUPPORT", ("TUR",), ("EGY",))),
    ("The Japanese government has repaired relations with South Korea.", ("SUPPORT", ("JPN",), ("KOR",))),
    # scuttling, ditching or tearing up an agreement leaves it
    ("The Australian government scuttled the submarine deal with France.", ("SANCTION", ("AUS",), ("FRA",))),
    ("The Turkish president tore up the migration agreement with the European Union.", ("SANCTION", ("TUR",), ("EUR",))),
    # faulting, chastising or deriding a party criticises it
    ("The Kenyan parliament faulted the Kenyan police for the killings.", ("ACCUSE", ("KEN",), ("KEN",))),
    ("The Chinese foreign ministry chastised Japan over the visit.", ("ACCUSE", ("CHN",), ("JPN",))),
    ("The Iranian president derided the American president as a failure.", ("ACCUSE", ("IRN",), ("USA",))),
    ("Analysts expect the harder side of his policy to take the spotlight when the Kenyan president meets with the "
     "Ugandan president.", ("CONSULT", ("KEN", "UGA"), ())),
])
def test_family_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a forecast of what a party will do is no request; nor is expecting talks
    ("The United States expects Iran to retaliate against its bases.", "REQUEST"),
    ("Analysts expect the Turkish president to win the election.", "REQUEST"),
    ("The Chinese expect Japan to continue to be a rich nation for decades.", "REQUEST"),
    ("Russia expects a visit by the Chinese president.", "REQUEST"),
    # what is expected of a policy is no request, and it does not swallow the meeting in its clause
    ("Analysts expect the harder side of his policy to take the spotlight when the Kenyan president meets with the "
     "Ugandan president.", "REQUEST"),
    # troops or a weapon firing back fight, they do not speak
    ("Israeli soldiers fired back at the gunmen.", "ACCUSE"),
    ("Israel hit back with air strikes on Gaza.", "ACCUSE"),
    # referring to something, or someone to a doctor, opens no investigation
    ("The Kenyan minister referred to the attack in his speech.", "ACCUSE"),
    ("The Kenyan minister referred the wounded soldier to a hospital.", "ACCUSE"),
    # a statement released is no aid; declining to comment on a dinner refuses nothing
    ("The Japanese government released a statement to the press.", "AID"),
    ("The Polish president declined to comment on the summit.", "REJECT"),
    # asking questions asks no party for anything
    ("The Turkish president asked questions about the deal.", "REQUEST"),
    # insults hurled or support thrown behind a party are no attack; leaders or mourners gathering protest nothing
    ("The Turkish president hurled insults at the Greek prime minister.", "ASSAULT"),
    ("The Kenyan senator threw his support behind the Ugandan candidate.", "ASSAULT"),
    ("European leaders gathered in Brussels for the summit.", "PROTEST"),
    ("Thousands of Kenyan mourners gathered outside the church.", "PROTEST"),
    # an interview given to a newspaper is no message to a party: the newspaper is not warned
    ("The Kenyan president warned in an interview with a Ugandan newspaper that the border would close.", "THREATEN"),
    # an intelligence asset released is a captive, not money; a journalist talking to a leader interviews him
    ("Cuba released a Cuban intelligence asset to the United States.", "AID"),
    ("The BBC's correspondent talked to the Iranian president last week.", "CONSULT"),
    # ditching a plan of one's own leaves no agreement; faulting a word criticises no party
    ("The Brazilian government ditched its plan for a new road.", "SANCTION"),
    ("The Kenyan senator faulted the wording of the text.", "ACCUSE"),
    # standing behind a podium backs no one
    ("The Japanese prime minister stood behind the podium.", "SUPPORT"),
])
def test_family_does_not_code(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}
