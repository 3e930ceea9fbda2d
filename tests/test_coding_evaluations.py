"""Evaluative reported speech (issue 12, seventh round): speech acts carried by what a speaker says about a party,
not by a lexicon verb (redline/stages/coding/evaluations.py, speech.py; lexicon evaluations.toml).

Every sentence is written for this test (none is a corpus sentence); each group checks one family on several
wordings, and the negative rows check the limits of each family. Rows run through the whole pipeline and look at
the asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # disapproval carried by the content: what a party's act rests on, a misdeed it commits, a label of an act
    ("The Polish minister said Germany's migration policy was based on prejudice.", ("ACCUSE", ("POL",), ("DEU",))),
    ("The Hungarian envoy said the Romanian decision was motivated by hatred of minorities.",
     ("ACCUSE", ("HUN",), ("ROU",))),
    ("The Iranian president said the Americans were committing a grave mistake in Iraq.",
     ("ACCUSE", ("IRN",), ("USA",))),
    ("The Serbian minister said Croatia had committed atrocities against civilians.", ("ACCUSE", ("SRB",), ("HRV",))),
    ('"It is an act of cowardice by the Tanzanian cabinet," the Ugandan minister said.',
     ("ACCUSE", ("UGA",), ("TZA",))),
    ("The Indian minister said the Pakistani leaders were fanatics and zealots.", ("ACCUSE", ("IND",), ("PAK",))),
    # a belief stated by its holder: the speaker of the quote for "we", the believer otherwise
    ('"We believe that the British are committing a serious blunder in Iraq," the Iranian leader said.',
     ("ACCUSE", ("IRN",), ("GBR",))),
    ("The Spanish minister said the French president believes such shelling by Morocco should lead to consequences.",
     ("THREATEN", ("FRA",), ("MAR",))),
    ('"He is a fanatic and a liar," the Kenyan senator said of the Ugandan president.', ("ACCUSE", ("KEN",), ("UGA",))),
    # a state of things condemned with no doer named, also when the parser makes the adjective a progressive verb
    ('"It is shocking to see such weapons used on villages," the Danish foreign minister said.',
     ("ACCUSE", ("DNK",), ())),
    ('"It\'s horrifying to see rockets fired on schools," the Irish senator said.', ("ACCUSE", ("IRL",), ())),
    # harm a speaker says a party does
    ('The Canadian senator said the Chinese president "erodes the global order" in a risky way.',
     ("ACCUSE", ("CAN",), ("CHN",))),
    ("The Dutch minister said Russia's violations put millions of Europeans at greater risk.",
     ("ACCUSE", ("NLD",), ("RUS",))),
    ("The Austrian minister said the Hungarian government had betrayed its European partners.",
     ("ACCUSE", ("AUT",), ("HUN",))),
    # labels after "as", also a bare adjective or a participle
    ("The Saudi minister dismissed the Iranian proposal as partisan.", ("ACCUSE", ("SAU",), ("IRN",))),
    ("The Brazilian senator described the Argentine plan as reckless.", ("ACCUSE", ("BRA",), ("ARG",))),
    # warnings of punishment: THREATEN by the speaker against the party warned
    ("The Chinese envoy said Japan would pay a heavy price for its provocation.", ("THREATEN", ("CHN",), ("JPN",))),
    ("The Turkish president said Greece would face serious consequences if it sent troops to the islands.",
     ("THREATEN", ("TUR",), ("GRC",))),
    ('"The Syrian regime will be held accountable," the French foreign minister said.',
     ("THREATEN", ("FRA",), ("SYR",))),
    ("The Spanish minister said Morocco had shelled the border town and that such action would lead to "
     "consequences.", ("THREATEN", ("ESP",), ("MAR",))),
    ("The Israeli defence minister said any attacks by Hezbollah would be met with a crushing response.",
     ("THREATEN", ("ISR",), ("LBN",))),
    # the consequences or costs for a party announced for the future
    ("If Russia continues on this path, the costs for Russia will continue to grow, the British minister said.",
     ("THREATEN", ("GBR",), ("RUS",))),
    ("The French minister said the consequences for Iran would be severe.", ("THREATEN", ("FRA",), ("IRN",))),
    # what a party "should have" met is criticism, not a threat
    ("The German chancellor said the Russian president should have been held accountable.",
     ("ACCUSE", ("DEU",), ("RUS",))),
    # a threat is conditional by nature: the condition does not undo it
    ('"If Russia invades, it will pay a heavy price," the French president said.', ("THREATEN", ("FRA",), ("RUS",))),
    # readiness to use force with no lexicon act: against a named party, or the target of the force named
    ("The German chancellor said Berlin was ready to act against Russia.", ("THREATEN", ("DEU",), ("RUS",))),
    ("The Pentagon chief said U.S. troops were ready to go if ordered to hit Iran.",
     ("THREATEN", ("USA",), ("IRN",))),
    # demands carried by a noun: it is time / there is a need / the onus is on a party to act
    ('"It is high time for the European Union to cut off its aid to Hungary," the Dutch senator said.',
     ("REQUEST", ("NLD",), ("EUR",))),
    ("The Qatari minister said the onus was on Hamas to halt the attacks.", ("REQUEST", ("QAT",), ("PSE",))),
    ("The Swedish foreign minister said there was an urgent need for Turkey to release the journalists.",
     ("REQUEST", ("SWE",), ("TUR",))),
])
def test_evaluative_speech_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # no speaker: the journalist's own judgement is no event
    ("Britain's migration policy was based on prejudice.", "ACCUSE"),
    ("Russia paid a heavy price for its invasion of Ukraine.", "THREATEN"),
    # grounds and objects that judge nothing; one's own mistakes are no accusation
    ("The Dutch committee said the Belgian decision was based on evidence from the inspectors.", "ACCUSE"),
    ('"We made a mistake in Iraq," the British prime minister said.', "ACCUSE"),
    ("The Norwegian minister issued an apology, admitting that she and her ministry had made a mistake.", "ACCUSE"),
    # a judgement under a condition is a warning of what would be, not a judgement of what was done
    ('"If they retaliate, they are making a mistake," the Chinese president said of the Taiwanese leaders.',
     "ACCUSE"),
    ("The Finnish minister said the Swedish decision was not based on prejudice.", "ACCUSE"),
    # harm by no party, a risk, a denial of harm: no accusation
    ("The Belgian minister said the sanctions hurt the Russian economy.", "ACCUSE"),
    ("The French minister said the Italian plan could damage relations with Libya.", "ACCUSE"),
    ("The Greek minister said Turkey does not undermine the talks.", "ACCUSE"),
    ("The Swiss envoy said the floods damaged the bridges in Bosnia.", "ACCUSE"),
    # what is not said as it stands: a negation on the way up, a "whether" clause, a forecast or a hedge
    ("The Slovak minister said he did not believe it was the right time for Hungary to join the talks.", "REQUEST"),
    ("The Danish prosecutor said she would not decide whether the Danish minister had committed a crime.", "ACCUSE"),
    ("The Latvian minister said Russian groups will continue to try and undermine the Baltic states.", "ACCUSE"),
    ("The Polish minister said the Czech government could be making a mistake.", "ACCUSE"),
    # harm that is not what is said (a permission refused), harm denied, the shares of a poll
    ('"I will not allow the Polish cabinet to shame me and my relatives," the German senator said.', "ACCUSE"),
    ("The Irish lawyers said they disagreed that the former Irish minister put the country at risk.", "ACCUSE"),
    ("A poll found that 40 percent of Britons think the Scottish government put the union at risk.", "ACCUSE"),
    # a forecast of harm to things, a reassurance, a bare "suffer": no threat
    ("The Spanish minister said the economy would suffer from the strike.", "THREATEN"),
    ("The Czech president said Russia would not suffer from the new rules.", "THREATEN"),
    ("The Chinese ministry said Canada and Australia would suffer from their own tariffs.", "THREATEN"),
    ("The German chancellor said the Russian president should have been held accountable.", "THREATEN"),
    ("The Estonian minister said the costs for Latvia would be covered by the European fund.", "THREATEN"),
    ("The Latvian minister said Estonia would have paid a heavy price without the treaty.", "THREATEN"),
    # readiness to do something that is no force
    ("The Qatari envoy said Doha was ready to act as a mediator between the two sides.", "THREATEN"),
    ("The Brazilian minister said his government was ready to go to the polls.", "THREATEN"),
    ("The Greek minister said Athens was ready to respond to questions from the European Commission.", "THREATEN"),
    ("The Chilean president said his country was ready to act on climate change.", "THREATEN"),
    # demand nouns with no party asked, negated, or not stated as a demand
    ('"It is time to act," the Dutch prime minister said.', "REQUEST"),
    ("There is no need for Iran to worry, the Omani minister said.", "REQUEST"),
    ("The Austrian minister said Vienna had given Belgrade ample time to respond to the offer.", "REQUEST"),
    ("The Irish spokeswoman said the duty was on individual civil servants to keep the records.", "REQUEST"),
    ('"It is time for all decent people to stand up," the Maltese minister said.', "REQUEST"),
    # a relative clause describes a standing position, said on no occasion
    ('"This is a cabinet that says my nation should be wiped out," the Estonian minister said.', "THREATEN"),
    # the press relays what others say: its report judges nobody
    ("The Italian newspaper reported that the Albanian envoy had misled the investigators.", "ACCUSE"),
])
def test_not_evaluative_speech(pipeline, text, absent):
    assert absent not in types(pipeline, text)
