"""Speech acts of the eighth round (issue 12): nominal speech acts and their recipients, "cautioned X against",
esteem as SUPPORT, "charged that", vows of force, warnings of punishment for a party, a few speech-act verbs
(redline/stages/coding/nominal.py, stances.py, speech.py; lexicon verbs.txt).

Every sentence is written for this test (none is a corpus sentence); each group checks one family on several
wordings, and the negative rows check its limits. Rows run through the whole pipeline and look at the asserted
events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # a condemnation or criticism noun: its "of" phrase names the party criticised (or the owner of its act)
    ("The Polish minister's condemnation of Russia drew praise in Kyiv.", ("ACCUSE", ("POL",), ("RUS",))),
    ("The condemnation of Russia by the Polish government was swift.", ("ACCUSE", ("POL",), ("RUS",))),
    ("Germany's condemnation of Putin surprised nobody.", ("ACCUSE", ("DEU",), ("RUS",))),
    ("The French accusations of Belgian fraud grew louder.", ("ACCUSE", ("FRA",), ("BEL",))),
    # ... and a fault with no party named is no recipient (no guess)
    ("The French accusations of fraud grew louder.", ("ACCUSE", ("FRA",), ())),
    # a criticism named with its speaker is an act, like a condemnation
    ("The Canadian criticism of India angered New Delhi.", ("ACCUSE", ("CAN",), ("IND",))),
    ("Germany's criticism of Hungary's media law was harsh.", ("ACCUSE", ("DEU",), ("HUN",))),
    ("Criticism from the Kenyan government grew louder on Monday.", ("ACCUSE", ("KEN",), ())),
    # a demand or call noun: the party before the infinitive is the one asked
    ("The Turkish demands for Sweden to extradite the activists stalled the talks.", ("REQUEST", ("TUR",), ("SWE",))),
    ("Amid calls from the European Union for Serbia to recognize Kosovo, the talks resumed.",
     ("REQUEST", ("EUR",), ("SRB",))),
    # "cautioned X against / not to / to": urging, like "warned X against"
    ("The Irish minister cautioned Britain against scrapping the protocol.", ("REQUEST", ("IRL",), ("GBR",))),
    ("The German chancellor cautioned Hungary against blocking the aid package.", ("REQUEST", ("DEU",), ("HUN",))),
    ("The Greek minister cautioned Turkey not to send ships into its waters.", ("REQUEST", ("GRC",), ("TUR",))),
    # esteem and trust stated for a party: SUPPORT
    ("The Japanese president said he has full confidence in the South Korean government.",
     ("SUPPORT", ("JPN",), ("KOR",))),
    ("The Japanese president expressed confidence in the South Korean government.", ("SUPPORT", ("JPN",), ("KOR",))),
    ('"We have faith in the Afghan army," the British general said.', ("SUPPORT", ("GBR",), ("AFG",))),
    ("The German chancellor spoke highly of the Polish president on Monday.", ("SUPPORT", ("DEU",), ("POL",))),
    # "charged that Y did Z": an accusation of Y; in a passive clause the "by" agent, or nobody
    ("The Greek minister charged that Turkey had violated its airspace.", ("ACCUSE", ("GRC",), ("TUR",))),
    ("Russia charged that NATO was preparing an attack.", ("ACCUSE", ("RUS",), ("NATO",))),
    ("The Greek minister charged that the islands had been shelled by Turkey.", ("ACCUSE", ("GRC",), ("TUR",))),
    # a party said to have crossed a red line is accused of a violation
    ("The Russian spokesman said Ukraine had crossed a red line.", ("ACCUSE", ("RUS",), ("UKR",))),
    ('"The Turkish government has crossed all red lines," the Greek minister said.', ("ACCUSE", ("GRC",), ("TUR",))),
    ("The Iranian minister said Israel had crossed the line.", ("ACCUSE", ("IRN",), ("ISR",))),
    # a vow to use force is a threat, not a promise of cooperation
    ("The North Korean leader vowed to retaliate against South Korea.", ("THREATEN", ("PRK",), ("KOR",))),
    ("The Israeli prime minister pledged to punish Hamas for the attack.", ("THREATEN", ("ISR",), ("PSE",))),
    ("The Pakistani army chief swore to hit back at India.", ("THREATEN", ("PAK",), ("IND",))),
    ("The Iranian president vowed to avenge the death of the general.", ("THREATEN", ("IRN",), ())),
    # a warning of punishment for a party
    ("Iran warned of retaliation against Israel.", ("THREATEN", ("IRN",), ("ISR",))),
    ("The Chinese ministry warned of consequences for Japan if it sent ships.", ("THREATEN", ("CHN",), ("JPN",))),
    # fifteenth round: sanctions, action or countermeasures warned of; the named subject of a condition
    ("The Turkish government warned of sanctions against Greece.", ("THREATEN", ("TUR",), ("GRC",))),
    ("The Chinese ministry warned of countermeasures if Washington approved the arms sale.",
     ("THREATEN", ("CHN",), ("USA",))),
    ("The Japanese foreign ministry warned of grave consequences if Beijing did not recall its ships.",
     ("THREATEN", ("JPN",), ("CHN",))),
    # speech-act verbs and phrasal verbs
    ("The French president lauded the German decision.", ("SUPPORT", ("FRA",), ("DEU",))),
    ("The Russian envoy hit out at Britain over the expulsions.", ("ACCUSE", ("RUS",), ("GBR",))),
    ("The Serbian president brushed aside the Croatian demands.", ("REJECT", ("SRB",), ("HRV",))),
    ("The Hungarian government balked at the EU plan.", ("REJECT", ("HUN",), ("EUR",))),
    # sixteenth round: daring or challenging a party to act asks it to
    ("The Syrian minister dared Washington to present its evidence.", ("REQUEST", ("SYR",), ("USA",))),
    ("The Syrian minister challenged Washington to present its evidence.", ("REQUEST", ("SYR",), ("USA",))),
    # ... and the idiom entries for blame leave 'put' free for a harm said of a party
    ('"Serbia\'s provocations put thousands of Kosovars at great risk," the Albanian minister said.',
     ("ACCUSE", ("ALB",), ("SRB",))),
    # sixteenth round: an agreement one failed to reach and an apology announced as withheld stay refusals
    ("Serbia and Kosovo failed to reach an agreement on Monday.", ("REJECT", ("SRB", "XKX"), ())),
    ("The Serbian president said Serbia will not apologize to Croatia.", ("REJECT", ("SRB",), ("HRV",))),
    # an ultimatum told as a span of time given to a party to do something
    ("The Houthi commander gives Saudi Arabia three days to release the prisoners or face attacks.",
     ("THREATEN", ("YEM",), ("SAU",))),
    ("Russia gave Ukraine two weeks to accept the terms.", ("THREATEN", ("RUS",), ("UKR",))),
    ("The Serbian army circulated a leaflet giving Kosovo 48 hours to withdraw its police.",
     ("THREATEN", ("SRB",), ("XKX",))),
    # blame put, placed or pinned on a party, its "on" hung on the "for" phrase by the parser
    ("The Greek minister put the blame for the fires on Turkey.", ("ACCUSE", ("GRC",), ("TUR",))),
    ("The Greek minister pinned the blame for the fires on Turkey.", ("ACCUSE", ("GRC",), ("TUR",))),
    ("The Greek minister placed the blame on Turkey.", ("ACCUSE", ("GRC",), ("TUR",))),
    ("The Greek minister laid the blame for the fires on Turkey.", ("ACCUSE", ("GRC",), ("TUR",))),
    # a vow told as a clause in the future: a threat, not a promise
    ("The Indian prime minister vowed that India will respond harshly to the bombing.", ("THREATEN", ("IND",), ())),
    ("The Turkish president vowed that Ankara would retaliate against Syria.", ("THREATEN", ("TUR",), ("SYR",))),
    ("The South Korean president vowed that Seoul would severely punish Pyongyang for the launch.",
     ("THREATEN", ("KOR",), ("PRK",))),
    # an investigation told with the question it asks: the party in the "whether" clause is investigated
    ("The Kenyan prosecutor has been investigating whether the Ugandan general ordered the killings.",
     ("ACCUSE", ("KEN",), ("UGA",))),
    ("The Kenyan prosecutor is looking into whether the Ugandan general ordered the killings.",
     ("ACCUSE", ("KEN",), ("UGA",))),
    ("Kenyan police are probing whether Ugandan rebels planted the bomb.", ("ACCUSE", ("KEN",), ("UGA",))),
    # seventeenth round: a verdict of condemnation or disappointment as the label of "called X ..." accuses
    ("The Danish minister called the Swedish decision deeply disappointing.", ("ACCUSE", ("DNK",), ("SWE",))),
    ("Germany called the Hungarian crackdown disgraceful.", ("ACCUSE", ("DEU",), ("HUN",))),
    ("The Chilean president called the Argentine claims hyperbolic.", ("ACCUSE", ("CHL",), ("ARG",))),
    ("The Iranian spokesman called the Saudi minister erratic.", ("ACCUSE", ("IRN",), ("SAU",))),
    ("The Nigerian minister called the Ghanaian handling of the crisis a dereliction of duty.",
     ("ACCUSE", ("NGA",), ("GHA",))),
    # eighteenth round: a speech act named by its noun with its speaker, as the object of a verb that is no light
    # verb for it: the act was made; a verb of answering makes its subject the one accused, asked or threatened
    ("The Senegalese minister welcomed the Malian demand that Guinea reopen the border.",
     ("REQUEST", ("MLI",), ("GIN",))),
    ("Nepal ignored the Indian demand that it close the crossing.", ("REQUEST", ("IND",), ("NPL",))),
    ("The Bolivian junta has long heard Chile's threats over the river.", ("THREATEN", ("CHL",), ("BOL",))),
    ("Moscow denied the Estonian accusations of spying.", ("ACCUSE", ("EST",), ("RUS",))),
    ("The Polish minister ignored the Czech criticism of the mine.", ("ACCUSE", ("CZE",), ("POL",))),
    # eighteenth round: a punitive act held out as a prospect by a party is a warning to the party it would fall on
    ("The Canadian premier raised the prospect of tougher sanctions against Venezuela.",
     ("THREATEN", ("CAN",), ("VEN",))),
    ("The German chancellor raised the possibility of new sanctions on Belarus.", ("THREATEN", ("DEU",), ("BLR",))),
    ("The Kenyan judge raised the possibility of punishing the Ugandan ministry.", ("THREATEN", ("KEN",), ("UGA",))),
    # nineteenth round: an appeal restated with its complement hung on the verb is a request, not a phone call
    ("The Kenyan president repeated his call on Uganda to send troops to Somalia.", ("REQUEST", ("KEN",), ("UGA",))),
    ("Ghana's foreign minister reiterated his call to Nigeria to free the detained sailors.",
     ("REQUEST", ("GHA",), ("NGA",))),
    ("The Kenyan president renewed his call to free the Ugandan sailors.", ("REQUEST", ("KEN",), ())),
    ("Kenyan opposition leaders stepped up their calls that President Ruto resign.", ("REQUEST", ("KEN",), ())),
    # nineteenth round: a demand with a penalty for refusing it is an ultimatum (THREATEN against the party asked)
    ("The European Union demanded that Iran halt enrichment or face new sanctions.", ("THREATEN", ("EUR",), ("IRN",))),
    ("Washington warned Caracas to release the journalists or risk further sanctions.",
     ("THREATEN", ("USA",), ("VEN",))),
    ("The Kenyan general told the Somali militia to lay down its arms or face death.",
     ("THREATEN", ("KEN",), ("SOM",))),
    # nineteenth round: soldiers or police keeping people back restrict them; a legislature blocking a sale refuses
    ("Ecuadorian soldiers blocked hundreds of Venezuelan migrants at the border.", ("COERCE", ("ECU",), ("VEN",))),
    ("Hungarian police blocked Serbian journalists from talking to the refugees.", ("COERCE", ("HUN",), ("SRB",))),
    ("The Kenyan senate blocked the arms sale to Riyadh.", ("REJECT", ("KEN",), ("SAU",))),
    # ... and not agreeing with a party on a matter stays a refusal
    ("Kenya did not agree with Uganda on the border.", ("REJECT", ("KEN",), ("UGA",))),
    ("Kenya and Uganda failed to reach a deal on the border.", ("REJECT", ("KEN", "UGA"), ())),
])
def test_speech_act_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a criticism with no named speaker stays a state of affairs
    ("The government faced criticism over the new law.", "ACCUSE"),
    ("Despite criticism, the Spanish government approved the plan.", "ACCUSE"),
    ("Criticism of the plan grew in Brazil.", "ACCUSE"),
    # "cautioned that" with no party: a forecast, no request
    ("The central bank cautioned that inflation may rise.", "REQUEST"),
    # trust in a thing, its lack, its negation, a condition, trust that something happens: no support
    ("Investors have confidence in the Chinese economy.", "SUPPORT"),
    ("Voters have little confidence in the Italian government.", "SUPPORT"),
    ("The French president has no confidence in the Malian junta.", "SUPPORT"),
    ("If Spain had faith in Morocco, the talks would succeed.", "SUPPORT"),
    ("The minister expressed confidence that Greece would meet the target.", "SUPPORT"),
    # "charged that" with no party in the clause, "charged" as a passive, "charged with": not this rule
    ("The Serbian president charged that the process was unfair.", "ACCUSE"),
    # (fourteenth round, verbal: the passive is now a formal charge by the prosecutors, ACCUSE KEN>KEN; what must
    # not be coded is the speech rule's reading, an accusation with no one accused)
    ("The Kenyan senator was charged that day.", ("ACCUSE", ("KEN",), ())),
    # a border or a front line crossed, a red line that would be crossed, a negation, the writer's own words
    ("The Serbian minister said the Kosovo police crossed the border.", "ACCUSE"),
    ("The Indian minister said Pakistani troops crossed the front line.", "ACCUSE"),
    ("The American president said a chemical attack by Syria would cross a red line.", "ACCUSE"),
    ("The Russian spokesman said Ukraine had not crossed a red line.", "ACCUSE"),
    ("The Syrian army crossed a red line on Monday.", "ACCUSE"),
    # commitments to something that is no force; a negated vow
    ("The British prime minister vowed to strike a deal with the European Union.", "THREATEN"),
    ("The French president promised to help Lebanon.", "THREATEN"),
    ("The Dutch minister did not vow to retaliate against Iran.", "THREATEN"),
    # consequences for a thing, a rejection of no proposal, brushing aside questions
    ("The German minister warned of serious consequences for the economy.", "THREATEN"),
    # another party's act warned of (fifteenth round): an attack foreseen, a named party's sanctions
    ("Ukrainian officials warned of an imminent attack on Kyiv.", "THREATEN"),
    ("The Polish minister warned of Russian sanctions against Polish farmers.", "THREATEN"),
    ("The Hungarian government balked at the cost.", "REJECT"),
    ("The Czech minister brushed aside questions about his health.", "REJECT"),
    # sixteenth round: failing to do something is no refusal unless an agreement failed; no apology made is none
    ("The Chilean army failed to rescue the hostages held by the rebels in Bolivia.", "REJECT"),
    ("The Peruvian minister failed to return the money that Ecuador had sent.", "REJECT"),
    ("Colombia failed to provide aid to Venezuela during the floods.", "REJECT"),
    ("The Greek minister said Ankara had not apologized for the incident.", "REJECT"),
    ("Israel did not apologize to Egypt.", "REJECT"),
    # time given with no party, no infinitive, or no span; a denied vow; an investigation that names no party
    ("The Israeli government gave the talks two weeks to succeed.", "THREATEN"),
    ("The Kenyan general did not give the rebels three days to leave.", "THREATEN"),
    ("Germany gave Ukraine $2 billion to rebuild its power grid.", "THREATEN"),
    ("The Turkish president vowed that Ankara would strike a deal with Greece.", "THREATEN"),
    ("Kenyan police are investigating whether the fire was arson.", "ACCUSE"),
    ("Kenyan police did not investigate whether Ugandan rebels planted the bomb.", "ACCUSE"),
    ("The Syrian minister challenged the American ruling.", "REQUEST"),
    ("The Chinese president challenged Japan on the islands.", "REQUEST"),
    # a verdict said with a copula judges a result, not a party: only a verb of labelling accuses
    ("The Danish minister said the export figures were disappointing.", "ACCUSE"),
    ("The Danish minister called the Swedish decision wise.", "ACCUSE"),
    # eighteenth round: a speech act feared or averted is not made; a noun with no named speaker is no act; a
    # refusal or veto named as an object is left out (a veto to be overridden is a threatened one)
    ("Can the Irish bill beat the British veto?", "REJECT"),
    # a demand or ultimatum refused: only the refusal is coded (aimed at the demander)
    ("Nepal rejected the Indian demand that it close the crossing.", "REQUEST"),
    ("Serbia flatly rejected a Croatian ultimatum to hand over the guard.", "THREATEN"),
    ("Greece fears Turkish threats against its islands.", "THREATEN"),
    ("The Kenyan minister wanted to avoid Ugandan criticism of the dam.", "ACCUSE"),
    ("The Danish minister ignored the criticism of the plan.", "ACCUSE"),
    # a prospect of no punishment, another party's act foreseen, an idea floated, a thing as raiser
    ("The Finnish minister raised the prospect of talks with Iran.", "THREATEN"),
    ("The Peruvian minister raised the possibility of an Ecuadorian attack on the border.", "THREATEN"),
    ("The French minister floated the idea of sanctions against Turkey.", "THREATEN"),
    ("Failure would raise the spectre of a trade war with China.", "THREATEN"),
    # "threaten" a value or an arrangement endangers it: no threat made
    ("The Islamic State threatened Iraqi sovereignty.", "THREATEN"),
    ("The Eritrean government keeps threatening the peace of the Horn of Africa.", "THREATEN"),
    ("The Chinese moves threaten the truce in the strait.", "THREATEN"),
    # nineteenth round: a call with a purpose or to a person is a phone call; an alternative that is no penalty
    # makes no ultimatum; police closing roads make a cordon; disagreeing with a person refuses nothing
    ("Biden made a call to Erdogan to discuss the hostages.", "REQUEST"),
    ("The Kenyan president repeated his calls to the Somali leader.", "REQUEST"),
    ("Nairobi told Kampala to decide soon or risk losing the grant.", "THREATEN"),
    ("The Ugandan minister asked Kenya to reopen the border or face the rains.", "THREATEN"),
    ("Hungarian police blocked the road to the Serbian border.", "REJECT"),
    ("Kenyan police blocked all roads leading to the stadium.", "REJECT"),
    ('"I do not agree with you," the Ugandan premier told the Kenyan envoy.', "REJECT"),
    # nineteenth round: a failure to agree put as a condition is none yet
    ("If the Kenyan and Ugandan negotiators fail to reach a deal, the tariffs will rise.", "REJECT"),
    ("Should Kenya and Uganda fail to agree on a ceasefire, the fighting will spread.", "REJECT"),
])
def test_not_speech_act(pipeline, text, absent):
    if isinstance(absent, tuple):
        assert absent not in coded(pipeline, text)
    else:
        assert absent not in types(pipeline, text)


def test_charged_passive_victim_is_not_accused(pipeline):
    """'"The Iraqi people were lied to," the senator charged': the people were wronged, not accused."""
    events = coded(pipeline, '"The Iraqi people were lied to for a month," the Iraqi senator charged.')
    assert ("ACCUSE", ("IRQ",), ()) in events
    assert not any(t == "ACCUSE" and "IRQ" in r for t, _, r in events)
