"""Readings from the wrong events of samples K, L, M and V (issue 12, eleventh round, 6-7 Dec 2026): a source's
dealings with reporters (press.py), judgements given on a condition and acts named only as a prospect
(factuality.py), verbs whose direct object gives them another sense (objectsenses.py), the opinions of publics
(publics.py), the effects of measures (instruments.py), habits and
what there is no evidence of (factuality.py), press releases.

Every sentence here is written for this test (none is a sample, dev or corpus sentence). The first table holds
wordings of each family that main coded at c0d4767; the second the events the rules must keep. Rows run through
the whole pipeline and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "absent"), [
    # a source asking for anonymity, a party refusing or not answering a reporter's request (press.py)
    ("The Turkish official, who requested anonymity to discuss the talks, said Iran had agreed to the plan.",
     "REQUEST"),
    ("A Qatari envoy, who requested anonymity as she could not brief reporters, said the talks had stalled.",
     "REQUEST"),
    ("The Pentagon declined a request for comment.", "REJECT"),
    ("The Israeli embassy declined requests for an interview.", "REJECT"),
    ("The Dutch premier's office did not return a message on Monday seeking comment.", "REQUEST"),
    # a judgement on a condition judges no act that happened (factuality.conditional_judgement)
    ('"If an ally spies on Germany, that is unacceptable," the German chancellor told reporters.', "ACCUSE"),
    ("If the Turks seize the island, it would be a terrible mistake, the Greek premier said.", "ACCUSE"),
    # an act between two parties named only as what a threat or risk is of (noun_factuality.framed)
    ("The study downplayed the threat of an armed clash between India and Pakistan.", "ASSAULT"),
    # executing a plan or a warrant, admitting someone to a hospital, giving guidance, pulling a thing out
    ("Trump executed an abrupt change of course on North Korea.", "ASSAULT"),
    ("The Australian police executed a search warrant on the house.", "ASSAULT"),
    ("The Afghan minister admitted his son to a hospital in Kabul.", "CONCEDE"),
    ("Kim Jong Un gave field guidance to artillery units near the coast.", "CONCEDE"),
    ("A Kenyan officer pulled a letter out of the car.", "RETREAT"),
    ("The Indian soldier pulled a knife out of his bag.", "RETREAT"),
    # what a public supports or accepts is an opinion (publics.public_opinion)
    ("Almost as many Brazilian women support Bolsonaro.", "SUPPORT"),
    ("Sixty percent of Americans support the sanctions on Russia.", "SUPPORT"),
    ("Americans accepted a variety of governments overseas.", "AGREE"),
    # a measure or an act as subject: the verb says its effect (instruments.measure_effect)
    ("The American strike protects Syrian children.", "AID"),
    ("The new Hungarian rules prevent refugees from working.", "COERCE"),
    ("The decision of the Chinese government supports the steel industry.", "SUPPORT"),
    # what there is no evidence of did not happen, as far as the sentence says (factuality, SIGN_NOUNS)
    ("The Syrian president said there is no evidence that he mounted a chemical attack.", "ASSAULT"),
    ("There has been no evidence that Iran attacked the tanker, the Iranian minister said.", "ASSAULT"),
    ("There is little evidence the Chinese navy rammed the boat.", "ASSAULT"),
    # a habit has no particular occasion (habits.habit)
    ("The militia repeatedly calls for the overthrow of the government.", "REQUEST"),
    ("Egyptian police often detain activists in Cairo.", "COERCE"),
    # a press release is no release of anyone (press.py)
    ("The information appeared in a White House press release on Monday.", "RETREAT"),
])
def test_no_event(pipeline, text, absent):
    assert absent not in types(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a request or refusal aimed at a party stays
    ("The European Union asked Iran for an explanation of the launch.", ("REQUEST", ("EUR",), ("IRN",))),
    ("The Pentagon declined a request from Kyiv for more missiles.", ("REJECT", ("USA",), ("UKR",))),
    ("The Japanese minister apologized to China for his comments.", ("CONCEDE", ("JPN",), ("CHN",))),
    # a judgement of an act that happened stays
    ('"The Russian attack on the hospital is unacceptable," the German chancellor told reporters.',
     ("ACCUSE", ("DEU",), ("RUS",))),
    ("The French president said the Chinese blockade was a grave mistake.", ("ACCUSE", ("FRA",), ("CHN",))),
    # a conflict that happened stays
    ("The military conflict between Armenia and Azerbaijan killed thousands.", ("ASSAULT", ("ARM", "AZE"), ())),
    # executing people or an attack, confessing, yielding, withdrawing forces or envoys stay
    ("Iran executed three Kurdish prisoners on Monday.", ("ASSAULT", ("IRN",), ())),
    ("The Saudi government executed 37 men.", ("ASSAULT", ("SAU",), ())),
    ("The Pakistani minister admitted to the killings.", ("CONCEDE", ("PAK",), ("PAK",))),
    ("The Greek government gave in to the demands of the European Union.", ("CONCEDE", ("GRC",), ("EUR",))),
    ("Russia pulled its troops out of Syria.", ("RETREAT", ("RUS",), ())),
    ("Biden decided to pull a small group of American troops out of the frontier zone.",
     ("RETREAT", ("USA",), ("USA",))),
    ("The United States pulled out its ambassador from Venezuela.", ("SANCTION", ("USA",), ("VEN",))),
    # protesters, parties and named groups act; civilians welcoming troops is a reaction, not a poll
    ("Iraqi protesters rejected the new prime minister.", ("REJECT", ("IRQ",), ())),
    ("The Americans at the summit rejected North Korean demands for sanctions relief.", ("REJECT", ("USA",), ("PRK",))),
    ("Republicans supported the Iran deal.", ("SUPPORT", ("USA",), ("IRN",))),
    ("Syrian civilians welcomed the Turkish troops.", ("SUPPORT", ("SYR",), ("TUR",))),
    # the measure itself stays, and so do parties preventing and attacks killing
    ("The Russian ban prevents Georgian wine from entering the market.", ("COERCE", ("RUS",), ("GEO",))),
    ("The Turkish army prevented Syrian refugees from crossing the border.", ("COERCE", ("TUR",), ("SYR",))),
    ("The American strike killed 12 Syrian soldiers.", ("ASSAULT", ("USA",), ("SYR",))),
    # evidence that an act happened, acts repeated on particular occasions, releasing hostages stay
    ("There is evidence that Iran attacked the tanker, the American admiral said.", ("ASSAULT", ("IRN",), ())),
    ("The Iranian regime repeatedly called for the destruction of Israel last week.",
     ("REQUEST", ("IRN",), ("ISR",))),
    ("Iran calls for the destruction of Israel.", ("REQUEST", ("IRN",), ("ISR",))),
    ("Russian forces routinely shelled the village in 2022.", ("ASSAULT", ("RUS",), ())),
    ("Hamas released the hostages after a press conference.", ("RETREAT", ("PSE",), ())),
])
def test_rules_keep(pipeline, text, expected):
    assert expected in coded(pipeline, text)
