"""Eighth round, recall (issue 12, session 26 of 6 Dec 2026): material acts in everyday wire phrasing.

Every sentence is written for this test (none is a dev or corpus sentence). Each row checks one family of the
PLOVER material types (ASSAULT, COERCE, MOBILIZE, AID, RETREAT, SANCTION, CONCEDE) on a wording the lexicon lacked;
the second table checks what each family must not code. Rows run through the whole pipeline and look at the
asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # killing and wounding verbs of the wire
    ("Nigerian soldiers gunned down five villagers near the border.", ("ASSAULT", ("NGA",), ())),
    ("Militants stabbed a French police officer.", ("ASSAULT", ("?",), ("FRA",))),
    ("A Palestinian attacker stabbed an Israeli soldier in the chest.", ("ASSAULT", ("PSE",), ("ISR",))),
    ("Burmese soldiers slaughtered Rohingya villagers.", ("ASSAULT", ("MMR",), ("MMR",))),
    ("Russian agents poisoned the opposition leader.", ("ASSAULT", ("RUS",), ())),
    # destruction of property and places overrun or rammed
    ("Israeli bulldozers demolished the Palestinian homes.", ("ASSAULT", ("ISR",), ("PSE",))),
    ("Israeli forces razed the village.", ("ASSAULT", ("ISR",), ())),
    ("The Russian consulate was vandalized by Ukrainian protesters.", ("PROTEST", ("UKR",), ("RUS",))),
    ("Syrian rebels overran the army base.", ("ASSAULT", ("SYR",), ())),
    ("The Chinese coast guard rammed a Philippine supply boat.", ("ASSAULT", ("CHN",), ("PHL",))),
    # arrests, exile, harassment and censorship
    ("Ethiopian troops rounded up dozens of Tigrayan civilians.", ("COERCE", ("ETH",), ("ETH",))),
    ("The Turkish police locked up two Kurdish journalists.", ("COERCE", ("TUR",), ("TUR",))),
    ("The Hungarian police harassed the journalists.", ("COERCE", ("HUN",), ("HUN",))),
    ("The Chinese government persecuted Uyghur Muslims.", ("COERCE", ("CHN",), ("CHN",))),
    ("The Iranian government silenced its critics.", ("COERCE", ("IRN",), ("IRN",))),
    ("The Russian government shut down the independent newspaper.", ("COERCE", ("RUS",), ("RUS",))),
    # goods withheld from a population, aid withheld from a party; agreements ended
    ("Israel withheld fuel from Gaza.", ("COERCE", ("ISR",), ())),
    ("Washington withheld military aid from Egypt.", ("SANCTION", ("USA",), ())),
    ("The Trump administration exited the nuclear deal with Iran.", ("SANCTION", ("USA",), ("IRN",))),
    ("The Russian government terminated the agreement with Ukraine.", ("SANCTION", ("RUS",), ("UKR",))),
    ("The United States levied tariffs on Chinese steel.", ("SANCTION", ("USA",), ("CHN",))),
    # forces scrambled, positioned, sent, or moving into a place
    ("China scrambled fighter jets near Taiwan.", ("MOBILIZE", ("CHN",), ("TWN",))),
    ("Russia positioned warships off the coast of Syria.", ("MOBILIZE", ("RUS",), ())),
    ("Russian troops entered Ukraine on Thursday.", ("MOBILIZE", ("RUS",), ("UKR",))),
    ("Russian troops entered into Ukraine.", ("MOBILIZE", ("RUS",), ("UKR",))),
    ("Turkish troops crossed into northern Syria.", ("MOBILIZE", ("TUR",), ("SYR",))),
    ("Russian tanks rolled into Georgia.", ("MOBILIZE", ("RUS",), ("GEO",))),
    ("The Israeli army sent reinforcements to the West Bank.", ("MOBILIZE", ("ISR",), ("PSE",))),
    # the deployment or withdrawal of a nation's forces is that nation's act
    ("The deployment of German troops to Lithuania began on Monday.", ("MOBILIZE", ("DEU",), ("LTU",))),
    ("After the withdrawal of Russian forces from Kherson, Ukraine retook the city.", ("RETREAT", ("RUS",), ())),
    # money and relief given, sent or dropped
    ("Saudi Arabia gave Pakistan $3 billion.", ("AID", ("SAU",), ("PAK",))),
    ("The United States sent $400 million to Ukraine.", ("AID", ("USA",), ("UKR",))),
    ("The United States airdropped supplies to the Yazidis.", ("AID", ("USA",), ())),
    # arms laid down or handed over; concessions
    ("The Colombian rebels laid down their arms.", ("RETREAT", ("COL",), ())),
    ("The Colombian rebels handed over their weapons.", ("RETREAT", ("COL",), ())),
    ("The Serbian government backed down after the protests.", ("CONCEDE", ("SRB",), ("SRB",))),
    ("The Greek government caved to pressure from Germany.", ("CONCEDE", ("GRC",), ("DEU",))),
    ("The Myanmar junta commuted the death sentences of the activists.", ("CONCEDE", ("MMR",), ("MMR",))),
    # acts named by a noun with a named actor
    ("Iran's execution of two protesters drew condemnation.", ("ASSAULT", ("IRN",), ())),
    ("Israel's demolition of Palestinian homes angered the Palestinian Authority.", ("ASSAULT", ("ISR",), ("PSE",))),
    ("The imprisonment of the Saudi activist by the Saudi government drew criticism.",
     ("COERCE", ("SAU",), ("SAU",))),
    ("After the arrest of the opposition leader by Belarusian police, protests erupted.",
     ("COERCE", ("BLR",), ("BLR",))),
    # a party hit or slapped with sanctions or a lawsuit; a party coming under or suffering an attack
    ("The United States hit Iran with new sanctions.", ("SANCTION", ("USA",), ("IRN",))),
    ("The European Union slapped Russia with sanctions.", ("SANCTION", ("EUR",), ("RUS",))),
    ("The Justice Department slapped the Chinese company with a lawsuit.", ("ACCUSE", ("USA",), ("CHN",))),
    ("The Ukrainian convoy came under fire from Russian forces.", ("ASSAULT", ("RUS",), ("UKR",))),
    ("The Israeli patrol came under attack from Hezbollah fighters.", ("ASSAULT", ("LBN",), ("ISR",))),
    ("Kurdish villages suffered Turkish air strikes.", ("ASSAULT", ("TUR",), ())),
    ("Israel came under rocket fire from Gaza.", ("ASSAULT", ("PSE",), ("ISR",))),
    # hacking attacks claimed are cyber attacks
    ("Islamic State militants claimed responsibility for hacking attacks in Germany.", ("COERCE", ("IMG",), ("DEU",))),
    ("Syrian rebels lobbed mortars at the army base.", ("ASSAULT", ("SYR",), ())),
    # diplomats kicked out; house arrest and custody; hangings; arms sales; warships sailing near a coast
    ("Britain kicked out Russian diplomats.", ("SANCTION", ("GBR",), ("RUS",))),
    ("The Venezuelan government placed the opposition leader under house arrest.", ("COERCE", ("VEN",), ("VEN",))),
    ("Egyptian police took the activist into custody.", ("COERCE", ("EGY",), ("EGY",))),
    ("Iran hanged two protesters.", ("ASSAULT", ("IRN",), ())),
    ("The United States approved the sale of fighter jets to Taiwan.", ("AID", ("USA",), ("TWN",))),
    ("Chinese warships sailed near Taiwan.", ("MOBILIZE", ("CHN",), ("TWN",))),
    # a strait named for a country names no party (docs/actors.md, tenth round: geographic features)
    ("American destroyers sailed through the Taiwan Strait.", ("MOBILIZE", ("USA",), ())),
    # a clause that dates a protest reports an act of its own, not the protest's topic
    ("Kenyan protesters rallied in Nairobi after the police arrested their leader.", ("COERCE", ("KEN",), ("KEN",))),
    # a group claiming an attack, or responsibility for it, did it
    ("Islamic State claimed responsibility for the bombing in Kabul.", ("ASSAULT", ("IMG",), ("AFG",))),
    ("Al-Shabaab claimed the attack on the hotel.", ("ASSAULT", ("SOM",), ())),
    # crowds taking to the streets, walking off the job, blockading roads protest
    ("Thousands of Georgian protesters took to the streets of Tbilisi.", ("PROTEST", ("GEO",), ("GEO",))),
    ("Kenyan teachers staged a walkout.", ("PROTEST", ("KEN",), ("KEN",))),
    ("Kenyan dock workers walked off the job on Monday.", ("PROTEST", ("KEN",), ("KEN",))),
    ("French farmers blockaded the roads to Paris with tractors.", ("PROTEST", ("FRA",), ("FRA",))),
    ("Israel blockaded Gaza.", ("COERCE", ("ISR",), ("PSE",))),
])
def test_material_family_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "absent"), [
    # a delegation or a president entering a place, troops entering service: no deployment
    ("The Swiss delegation entered Gaza on Monday.", "MOBILIZE"),
    ("The French president entered the room.", "MOBILIZE"),
    ("Indian troops entered service in 2019.", "MOBILIZE"),
    # an argument demolished, a bill rammed through: no destruction, no attack
    ("The Kenyan senator demolished the argument of the opposition.", "ASSAULT"),
    ("Democrats rammed the bill through the Senate.", "ASSAULT"),
    # scrambling to respond moves no forces
    ("The Chinese government scrambled to respond to the crisis.", "MOBILIZE"),
    # a speech, a welcome or a letter given or sent is no aid
    ("The Israeli president gave a speech to the Knesset.", "AID"),
    ("The German chancellor gave the Polish president a warm welcome.", "AID"),
    ("The Japanese prime minister sent a letter to the Chinese president.", "AID"),
    # a contract terminated leaves no agreement between parties; conditions laid down disarm nobody
    ("The Turkish company terminated the contract.", "SANCTION"),
    ("The Russian president laid down the conditions for a ceasefire.", "RETREAT"),
    # carrying out a plan is no killing
    ("Iran's execution of the plan was flawless.", "ASSAULT"),
    # criticism come under, a recession or a defeat suffered: no attack
    ("The Kenyan senator came under criticism from his party.", "ASSAULT"),
    ("The Kenyan senator came under attack from human rights activists.", "ASSAULT"),
    ("The Kenyan senator came under fire from his own party.", "ASSAULT"),
    # a deployment named as a topic is no act
    ("Senators want to put limits on the army's powers, above all with respect to the deployment of Canadian combat "
     "troops.", "MOBILIZE"),
    ("The Greek economy suffered a severe recession.", "ASSAULT"),
    ("The Indian team suffered a defeat against Pakistan.", "ASSAULT"),
    # insults hit a party with words, not force; a portrait hung kills nobody; a cruise ship sailing is no force
    ("The Turkish president hit the Greek prime minister with a barrage of insults.", "ASSAULT"),
    ("The Kenyan president hung a portrait of the Ugandan president.", "ASSAULT"),
    ("The cruise ship sailed into Venice.", "MOBILIZE"),
    # a company's shares sold are no arms
    ("The Kenyan company approved the sale of its shares to a Chinese firm.", "AID"),
    # bombs thrown out of a window are no expulsion; a proposed sale not halted is no threat
    ("The Kenyan police said the men threw bombs out the window at them.", "SANCTION"),
    ("The French president does not want to halt a planned arms sale to Egypt.", "THREATEN"),
    # peacekeepers deployed are no mobilization of the deploying party
    ("The deployment of Kenyan peacekeeping troops to Haiti began on Monday.", "MOBILIZE"),
    # the topic of a protest that is itself a time clause stays its content, no request of its own
    ("Much has changed since thousands of Kenyans protested to demand that President Ruto resign.", "REQUEST"),
    # allies stabbed in the back are betrayed, not attacked
    ("The American president stabbed the Kurdish fighters in the back.", "ASSAULT"),
    # taking to a stage or to social media is no demonstration
    ("The Indian prime minister took to the stage in Delhi.", "PROTEST"),
    ("The Kenyan president took to Twitter to criticize the Ugandan president.", "PROTEST"),
    # nobody claiming an attack names no attacker; credit claimed for a deal is no attack
    ("No faction has yet claimed responsibility for the bombing.", "ASSAULT"),
    ("The Kenyan president claimed credit for the peace deal.", "AGREE"),
])
def test_material_family_does_not_code(pipeline, text, absent):
    assert absent not in {t for t, _, _ in coded(pipeline, text)}
