"""Precision rules from the real-article dev split's false positives (issue 12, third round, 5-6 Dec 2026).

Every sentence is written for this test (none is a dev or corpus sentence); each group checks one general rule
on several wordings, and the second table checks that the rule keeps the events it must not remove. Rows run
through the whole pipeline and look at the asserted events only.
"""

from __future__ import annotations

import pytest
from test_coding_realnews import coded, types

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "absent"), [
    # an offer of no cooperation, a vow to be something that is no cooperative role: no commitment to a party
    ("The Iranian doctor offered to guide the visitors there.", "AGREE"),
    ("A Swiss banker offered to drive the reporters home.", "AGREE"),
    ("The Kenyan minister promised to be relentless in pursuing the smugglers.", "AGREE"),
    ("The Mexican president vowed to be tough on the cartels.", "AGREE"),
    # visiting or travelling inside one's own country meets no other party
    ("Russian President Vladimir Putin visited a tractor factory in Kazan, Russia on Tuesday.", "CONSULT"),
    ("Mr. Biden traveled to a Coast Guard base in Mobile, Alabama, on Friday.", "CONSULT"),
    # a meeting or a call with one's own people is internal
    ("The Italian prime minister held an urgent meeting of his defence and intelligence chiefs.",
     "CONSULT"),
    ("The Turkish president spoke to officials from his ruling party on Monday.", "CONSULT"),
    ("The Kenyan president met his cabinet in Nairobi on Monday.", "CONSULT"),
    # capturing or seizing something intangible is figurative
    ("The French candidate is capturing a sentiment that is common among voters.", "ASSAULT"),
    ("Iraqi forces seized the moment to push into Mosul.", "COERCE"),
    ("The Brazilian senator captured the imagination of young voters.", "ASSAULT"),
    # what one is accused of is alleged, not reported as fact
    ("After being accused of shelling a rebel town, the Syrian army agreed to a truce.", "ASSAULT"),
    ("The Serbian general was charged with ordering attacks on Bosnian villages.", "ASSAULT"),
    # what is banned or prevented does not happen
    ("The Afghan president banned Afghan forces from requesting NATO airstrikes.", "REQUEST"),
    ("Egyptian police prevented the protesters from marching on parliament.", "PROTEST"),
    # a cooperative act given to oneself is aimed at no other party
    ("The Egyptian president granted himself sweeping powers on Thursday.", "AID"),
    # the content of a claim noun is claimed, not reported as fact
    ("The congressman said the memo contradicts the admiral's false assertion that he bombed Cuba.", "ASSAULT"),
    ("Kyiv dismissed Russian claims that Ukrainian drones struck a Russian base.", "ASSAULT"),
    # an event noun asked about with 'what' / 'which' is a question
    ("Democrats want to know what conversations the minister had with the Russian ambassador.", "CONSULT"),
    # 'having to' is no demand
    ("The Polish government wants to avoid having to justify its decision to Brussels, the minister said.",
     "REQUEST"),
    # a candidate withdrawing from consideration or a race is no retreat
    ("The Brazilian nominee withdrew from consideration for the post.", "RETREAT"),
    ("The Kenyan senator withdrew his name after the criticism.", "RETREAT"),
    ("The French candidate pulled out of the race in March.", "RETREAT"),
    # police or troops arriving somewhere are no visit
    ("Police arrived in a column of trucks near the courthouse in Lagos.", "CONSULT"),
    ("Turkish troops arrived in the Syrian town on Monday.", "CONSULT"),
    # ties need a second party
    ("The Brazilian minister seeks to restore ties with a farm lobby alienated by her predecessor.", "AGREE"),
    # violent verbs on charges and claims are figurative
    ("Republicans shot down Democratic charges that the criticism was racist.", "ASSAULT"),
    ("The Kremlin shot down claims that Russian jets bombed the market.", "ASSAULT"),
    # sharing a view is no agreement to act
    ("The Japanese minister agreed with the findings of the review.", "AGREE"),
    ("Israeli officials agreed the rockets fired from Gaza were homemade.", "AGREE"),
    # a vote for a person is an election
    ("The Republican governor said she would vote for Trump in November.", "AGREE"),
    ("The Republican governor said she would vote for Trump in November.", "SUPPORT"),
    # seeking a person is a search
    ("Three suspects sought by state authorities fought officers in Denver.", "REQUEST"),
    # a forecast or safety advice is no threat
    ("Critics warn that the Turkish approach could have serious consequences for Iraq.", "THREATEN"),
    ("Authorities in Boston warned residents of the suburbs to stay indoors.", "THREATEN"),
    # what is done 'without' did not happen
    ("The opposition leaders reached out to the Saudis without consulting with the Foreign Office.", "CONSULT"),
    # a talk with a newspaper or an unknown name is no meeting of two parties
    ("Israeli officials who spoke with The Jerusalem Post said the drones were homemade.", "CONSULT"),
    # sixteenth round: a speech to a body, a crowd or delegates is no meeting
    ("Speaking to the Kenyan parliament on Tuesday, the Ugandan president said the border would reopen.", "CONSULT"),
    ("The Chilean president spoke to delegates at the climate conference in Madrid.", "CONSULT"),
    ("The Brazilian foreign minister spoke to the UN General Assembly on Monday.", "CONSULT"),
    # sixteenth round: a leader pressing or asking his own officials, known by name, is internal
    ("President Trump pressured Jeff Sessions to fire two senior prosecutors.", "REQUEST"),
    ("Obama asked Eric Holder to draft a legal memo on the program.", "REQUEST"),
    ("Donald Trump asked James Comey for a private dinner in the spring of 2017.", "REQUEST"),
    # sixteenth round: meeting an obligation, receiving recommendations, executing a paper: other senses
    ("The Indian government is meeting its commitments to Nepal under the treaty.", "CONSULT"),
    ("The Turkish president, who received the commission's recommendations on Monday, spoke to reporters.",
     "CONSULT"),
    ("The accord was a document that Afghan and American negotiators executed in Doha.", "ASSAULT"),
    # sixteenth round: a warning noun that names no other party and no consequence gives notice
    ("An hour after the Danish foreign ministry issued a travel warning, Norway closed its consulate in Aden.",
     "THREATEN"),
    ("The Kenyan foreign ministry issued similar warnings to Kenyan citizens living in Somalia.", "THREATEN"),
    ("Two appeals judges have since issued comparable warnings.", "THREATEN"),
    ("The Greek coast guard issued warnings to Greek citizens on the islands.", "THREATEN"),
    # seventeenth round: backing described by a participle, a present relative clause or a present passive
    ("Pakistan, which backs the Taliban, and India, which supports the Afghan government, are rivals.", "SUPPORT"),
    ("Libyan militias, backed by Egyptian drones, have shelled the port of Misrata.", "SUPPORT"),
    ("The Yemeni government's troops are backed by Saudi warplanes and Emirati advisers.", "SUPPORT"),
    ("Ethiopian forces backing the Somali government have entered Baidoa.", "SUPPORT"),
    ("The Congolese army fought a militia that Rwanda backs in North Kivu.", "SUPPORT"),
    # seventeenth round: a venue hosting guests, or a host of refugees or a base, meets no party
    ("Jordan is hosting more than a million Iraqi refugees.", "CONSULT"),
    ("Gunmen stormed a hotel hosting Ugandan diplomats in Mogadishu.", "CONSULT"),
    ("The restaurant that hosted the Danish cartoonist was attacked on Friday.", "CONSULT"),
    ("Djibouti hosts a large Chinese naval base.", "CONSULT"),
    # seventeenth round: meeting an agreement or a promise fulfils it
    ("The Kurdish militias met every agreement with the Turkish army.", "CONSULT"),
    ("Serbia has met its pledges to the European Union.", "CONSULT"),
    # seventeenth round: pushing back on claims, critics or fighters asks nothing of anyone
    ("The Kenyan president pushed back on critics who say he ignored parliament.", "REQUEST"),
    ("Indian lawmakers pushed back on the Chinese minister's comments.", "REQUEST"),
    ("The Syrian army is pushing back against rebel fighters near Homs.", "REQUEST"),
    # seventeenth round: fighting for a cause or a course is a struggle, no use of force
    ("Tibetans have fought for independence for decades.", "ASSAULT"),
    ("Kenyan students who had fought for democracy in 2002 cheered.", "ASSAULT"),
    ("The French president, who had fought for Scotland to remain part of the kingdom, spoke on Friday.", "ASSAULT"),
    # seventeenth round: calling someone something "on" a show or an occasion names him, no call on a party
    ("The Kenyan president, whom he has called a thief on several occasions, denied it.", "REQUEST"),
    ("The Syrian leader, whom Erdogan has called a terrorist on many occasions, spoke on Friday.", "REQUEST"),
    ("The Kenyan senator called the Chinese loans a trap on national radio.", "REQUEST"),
    # seventeenth round: sharing feelings, views or premises is no cooperation
    ("The Kenyan president shared his condolences with the Ugandan people.", "COOPERATE"),
    ("The Iraqi brigade shared its building with a Syrian militia.", "COOPERATE"),
    ("The Turkish minister shared his concerns with his Greek counterpart.", "COOPERATE"),
    # seventeenth round: accepting an award, an outcome, advice or a plea agrees to no party's offer
    ("The Kenyan president accepted the award in Oslo.", "AGREE"),
    ("The Lebanese ministers accepted a 50% pay cut.", "AGREE"),
    ("The Peruvian defense minister accepted the army's recommendation.", "AGREE"),
    ("The Ghanaian judge accepted his plea.", "AGREE"),
    # eighteenth round: fighting a nomination, a confirmation or charges is a political or legal fight
    ("The Iraqi premier vowed to fight the nomination of the new envoy.", "THREATEN"),
    ("The Kenyan senator vowed to fight the new law in court.", "THREATEN"),
    ("The Kenyan governor vowed to fight the charges in court.", "THREATEN"),
    # eighteenth round: capturing a majority or a share of income is figurative
    ("The Danish premier won a clear victory, almost capturing an absolute majority.", "ASSAULT"),
    ("The richest Kenyans capture 30 percent of the country's income.", "ASSAULT"),
    # eighteenth round: what poll respondents or voters want or back is an opinion measured
    ("By two to one, Danish respondents said the next premier should push for a smaller budget.", "REQUEST"),
    ("Seven in 10 Canadians said Canada should stay out of the war, according to the survey.", "REQUEST"),
    ("Voters in Oslo, who sought a change of course, stayed home.", "REQUEST"),
    ("A poll released on Monday shows support among Swedes for joining the alliance.", "SUPPORT"),
    # eighteenth round: marching to mourn, celebrate or honour, or troops on parade, is no dissent
    ("More than a million Iranians marched in Tehran for three days of mourning over the general.", "PROTEST"),
    ("Thousands of Iranians marched in Tehran to mourn the general.", "PROTEST"),
    ("Hundreds of Iranians took to the streets in Tehran to celebrate the breakthrough in the talks.", "PROTEST"),
    # eighteenth round: denying a claim ("denies this", activities one is said to pursue) refuses no party
    ("Kenya denies this.", "REJECT"),
    ("Iran has pursued activities that it has consistently denied.", "REJECT"),
    ("The Egyptian general denied it on Monday.", "REJECT"),
    # nineteenth round: greeting one's citizens home, or being shown standing beside someone, backs no party
    ("The Japanese prime minister welcomes home two sailors held by Iran.", "SUPPORT"),
    ("The Dutch king welcomed home the freed hostages at the airport on Friday.", "SUPPORT"),
    ("A clip from the banquet shows the Irish premier standing with the Danish and Swedish prime ministers near the "
     "stage.", "SUPPORT"),
    ("At the gala dinner the Italian premier was seen standing with the German chancellor.", "SUPPORT"),
    ("Standing with the Danish premier on the quay, the Norwegian prime minister talked about the storm.", "SUPPORT"),
    # nineteenth round: arriving at a moment or a plan visits no one
    ("This is a compromise the Kenyan president has arrived at reluctantly, aides say.", "CONSULT"),
    ("The French president arrived at a delicate point in the negotiations.", "CONSULT"),
    ("The Spanish premier arrives at this moment with little room to manoeuvre.", "CONSULT"),
    # nineteenth round: 'a great deal of' counts, 'an understanding of' comprehends: no agreement
    ("Britain and France have a great deal of experience in clearing mines, the minister said.", "AGREE"),
    ("The Egyptian president said his generals have a clear understanding of the risks in Sinai.", "AGREE"),
    # nineteenth round: a vow to keep or apply pressure, or to exact revenge, is a threat, no agreement
    ("Iran vowed to exact revenge on Israel for the killing of its scientist.", "AGREE"),
    ("Britain's foreign secretary vowed to keep the economic pressure on Moscow until the troops leave.", "AGREE"),
    ("Canada and Japan pledged to apply heavy pressure on the generals in Myanmar.", "AGREE"),
    # nineteenth round: a leader's order to his own government's bodies is an instruction inside one state
    ("The Turkish president ordered the government to review the gas contract.", "REQUEST"),
    ("The Peruvian president ordered state agencies to rush tents to the earthquake zone.", "REQUEST"),
    # nineteenth round: accepting or not accepting a claim, a denial or words believes or disbelieves them
    ("The Dutch premier accepted the Iranian denials that Tehran had hacked the port's computers.", "AGREE"),
    ("The Kenyan president said he accepted the general's assertion that the army had not fired.", "AGREE"),
    ("Ankara does not accept the notion that its Syria campaign has stalled.", "REJECT"),
    # nineteenth round: wanting a party to win or succeed is a wish about its fortune, no request
    ('"We want Tunisia to prosper," the French envoy said.', "REQUEST"),
    ("The Hungarian premier said he wanted the Polish nationalists to win.", "REQUEST"),
    # nineteenth round: declining to challenge, blame or condemn someone abstains from criticism, no refusal
    ("The Italian premier declined to challenge the Libyan general's claim that his men had not shelled the port.",
     "REJECT"),
    ("The Spanish premier's refusal to criticise the Chinese crackdown angered his coalition partners.", "REJECT"),
    ("Questioned by lawmakers, the Belgian interior minister refused to blame the Moroccan community for the riots.",
     "REJECT"),
    # nineteenth round: what a denial denies is not asserted
    ("The Dutch premier accepted the Iranian denials that Tehran had hacked the port's computers.", "COERCE"),
])
def test_not_an_asserted_event_of_this_type(pipeline, text, absent):
    assert absent not in types(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # promises of cooperation or of a cooperative role stay AGREE
    ("Japan pledged to help Vietnam rebuild its ports after the typhoon.", ("AGREE", ("JPN",), ())),
    ("The Chilean president promised to raise royalties paid by foreign mining firms.", ("AGREE", ("CHL",), ())),
    ("Germany offered to connect Poland's grid to Lithuania.", ("AGREE", ("DEU",), ("LTU", "POL"))),
    ("Macron vowed to be a steady supporter of Armenia.", ("AGREE", ("FRA",), ("ARM",))),
    ("The Qatari emir promised to send food to Gaza.", ("AGREE", ("QAT",), ("PSE",))),
    # a pledge to vote for something declares support; opposition announced for the future is taken now;
    # future support stays an intention (AGREE, as PLOVER codes it)
    ("Senator Bob Corker of Tennessee pledged to vote for the treaty.", ("SUPPORT", ("USA",), ())),
    ("The British Labour Party said it will resist the deal.", ("REJECT", ("GBR",), ())),
    ("The Dutch premier said the Netherlands will oppose the Hungarian proposal.", ("REJECT", ("NLD",), ("HUN",))),
    ("The German chancellor said Germany will support Ukraine's bid to join the EU.",
     ("AGREE", ("DEU",), ("UKR",))),
    # visits abroad and meetings with the other side stay
    ("Mr. Trump traveled to Mexico City on Thursday.", ("CONSULT", ("USA",), ("MEX",))),
    ("Russian President Vladimir Putin visited troops in Syria.", ("CONSULT", ("RUS",), ("SYR",))),
    ("The Turkish president spoke to German officials on Monday.", ("CONSULT", ("DEU", "TUR"), ())),
    ("Georgian protesters received ministers from the Georgian government.", ("CONSULT", ("GEO",), ("GEO",))),
    # sixteenth round: speaking to a delegation or to lawmakers of another country meets them
    ("The Chilean president spoke to the Peruvian delegation in Lima.", ("CONSULT", ("CHL", "PER"), ())),
    ("The Japanese prime minister spoke to senior Korean lawmakers on Friday.", ("CONSULT", ("JPN", "KOR"), ())),
    # sixteenth round: a former official, a judge or a foreign leader asked is another party
    ("Trump asked former Vice President Joe Biden to testify.", ("REQUEST", ("USA",), ("USA",))),
    ("Jeff Sessions asked a federal judge in Ohio to lift the order.", ("REQUEST", ("USA",), ("USA",))),
    ("Trump asked Chinese President Xi Jinping to buy more soybeans.", ("REQUEST", ("USA",), ("CHN",))),
    ("Islamic State released a video of two Kurdish soldiers whom the group executed.", ("ASSAULT", ("IMG",), ())),
    ("Biden repeated American warnings to the Iranian government to stop arming the Houthis.",
     ("THREATEN", ("USA",), ("IRN",))),
    ("The Turkish president issued a warning of military action against the Kurdish militias.",
     ("THREATEN", ("TUR",), ("TUR",))),
    ("Russia issued a stern warning to Ukraine on Monday.", ("THREATEN", ("RUS",), ("UKR",))),
    ("The Greek coast guard issued warnings to the crew of the tanker.", ("THREATEN", ("GRC",), ())),
    ("The Canadian foreign ministry issued new travel warnings for Venezuela on Monday.",
     ("THREATEN", ("CAN",), ("VEN",))),
    ("The Turkish foreign ministry issued a warning that the talks with Greece would not be open-ended.",
     ("THREATEN", ("TUR",), ("GRC",))),
    # a capture by the police is an arrest; by rebels an abduction
    ("The suspect was captured by police in Boston on Friday.", ("COERCE", ("USA",), ("USA",))),
    ("Syrian rebels captured two Lebanese soldiers.", ("ASSAULT", ("SYR",), ("LBN",))),
    ("Iraqi forces seized the town of Tal Afar.", ("COERCE", ("IRQ",), ("IRQ",))),
    # a captured place stays an act of war
    ("Libyan militias captured Tripoli's airport over the weekend.", ("ASSAULT", ("LBY",), ("LBY",))),
    # troops withdrawing from a place still retreat; officials arriving abroad still visit
    ("Russian troops withdrew from Kherson.", ("RETREAT", ("RUS",), ())),
    ("The French president arrived in Beijing on Monday.", ("CONSULT", ("FRA",), ("CHN",))),
    # returning fire is an attack; seeking help is a request; warnings with coercive content stay threats;
    # agreeing on what will be done stays an agreement; a meeting with an unnamed group of leaders stays
    ("Iraqi soldiers returned fire on the Syrian militants.", ("ASSAULT", ("IRQ",), ("SYR",))),
    ("Kenya sought French help against the militants.", ("REQUEST", ("KEN",), ("FRA",))),
    ("Iran warned Israel that it could strike back.", ("THREATEN", ("IRN",), ("ISR",))),
    ("Serbia's president warned Kosovo that Serbian troops could cross into the north if Serbs were attacked.",
     ("THREATEN", ("SRB",), ("XKX",))),
    ("Venezuela warned Guyana not to provoke it.", ("THREATEN", ("VEN",), ("GUY",))),
    ("The Armenian and Azerbaijani leaders agreed that talks would resume in May.", ("AGREE", ("ARM", "AZE"), ())),
    # two parties restoring ties agree
    ("Egypt and Qatar agreed to restore diplomatic ties.", ("AGREE", ("EGY", "QAT"), ())),
    # the accusation itself, a demand on another party and a decided move stay
    ("Israel accused Hamas of firing rockets at Tel Aviv.", ("ACCUSE", ("ISR",), ("PSE",))),
    ("The American secretary of state said Iran must stop attacking tankers.", ("REQUEST", ("USA",), ("IRN",))),
    ("The Egyptian military's move to oust Morsi drew protests.", ("COERCE", ("EGY",), ("EGY",))),
    ("Egypt granted Hamas leaders asylum.", ("AID", ("EGY",), ("PSE",))),
    # seventeenth round: backing reported as an act, and hosts who meet a party, stay
    ("Germany backed the French proposal on Monday.", ("SUPPORT", ("DEU",), ("FRA",))),
    ("Canada, which backed the Ukrainian resolution last week, sent a delegation to Kyiv.",
     ("SUPPORT", ("CAN",), ("UKR",))),
    ("The Omani sultan hosted the Iranian foreign minister in Muscat on Sunday.", ("CONSULT", ("IRN",), ("OMN",))),
    ("France pushed Germany to accept the plan.", ("REQUEST", ("FRA",), ("DEU",))),
    ("Chechen rebels fought for independence against Russian troops.", ("ASSAULT", ("RUS",), ())),
    ("Britain called on Japan to put more pressure on Iran.", ("REQUEST", ("GBR",), ("JPN",))),
    ("Jordan shared intelligence with Israel about the plot.", ("COOPERATE", ("JOR",), ("ISR",))),
    ("Hamas accepted the Egyptian ceasefire proposal.", ("AGREE", ("PSE",), ("EGY",))),
    ("Ukraine accepted the Polish invitation.", ("AGREE", ("UKR",), ("POL",))),
    ("Jordan said it will not accept any more Syrian refugees.", ("REJECT", ("JOR",), ("SYR",))),
    # eighteenth round: protesters and governments are no poll's respondents
    ("Egyptian protesters demanded that the army step aside.", ("REQUEST", ("EGY",), ())),
    ("Canada said Russia should stay out of the war.", ("REQUEST", ("CAN",), ("RUS",))),
    # eighteenth round: a march against something, or with words of dissent, stays a protest
    ("Thousands of Kenyans marched in Nairobi against the new tax.", ("PROTEST", ("KEN",), ("KEN",))),
    ("Thousands of Kenyans marched in Nairobi in honor of the victims of the attack.", ("PROTEST", ("KEN",), ("KEN",))),
    ("Thousands of Palestinian refugees rallied in Lebanon in solidarity with the Gaza demonstrations.",
     ("PROTEST", ("PSE",), ("PSE",))),
    # eighteenth round: a share of territory captured stays an attack
    ("Libyan rebels captured 40 percent of the territory.", ("ASSAULT", ("LBY",), ())),
    # eighteenth round: a party fought, or vowed to be fought, stays
    ("The Iraqi army vowed to fight the Islamic State in Mosul.", ("THREATEN", ("IRQ",), ("IMG",))),
    ("The Iraqi army is fighting the Islamic State near Mosul.", ("ASSAULT", ("IMG", "IRQ"), ())),
    # eighteenth round: denying a party a request, access or a right stays a refusal
    ("The German chancellor denied the Turkish president the option of speaking at the gate.",
     ("REJECT", ("DEU",), ("TUR",))),
    ("Iran denied access to the site for years.", ("REJECT", ("IRN",), ())),
    ("North Korean guards denied entry to South Korean managers.", ("REJECT", ("PRK",), ("KOR",))),
    # nineteenth round: welcoming a deal, standing with a party in a finite verb or a progressive stay SUPPORT
    ("The French president welcomed the deal with Mali.", ("SUPPORT", ("FRA",), ("MLI",))),
    ("Sweden stands with the Georgian opposition.", ("SUPPORT", ("SWE",), ("GEO",))),
    ("Poland is standing with Ukraine, the Polish president said.", ("SUPPORT", ("POL",), ("UKR",))),
    # nineteenth round: vows of pressure or revenge are threats to the party named; a vow to keep aid stays AGREE
    ("Iran vowed to exact revenge on Israel for the killing of its scientist.", ("THREATEN", ("IRN",), ("ISR",))),
    ("Britain's foreign secretary vowed to keep the economic pressure on Moscow until the troops leave.",
     ("THREATEN", ("GBR",), ("RUS",))),
    ("Canada and Japan pledged to apply heavy pressure on the generals in Myanmar.",
     ("THREATEN", ("CAN", "JPN"), ("MMR",))),
    ("Japan vowed to keep its aid flowing to Vietnam.", ("AGREE", ("JPN",), ())),
    # nineteenth round: an order to another country's forces or by a world body stays a request
    ("The Russian president ordered the Ukrainian forces to withdraw from the border.",
     ("REQUEST", ("RUS",), ("UKR",))),
    ("The UN Security Council ordered the Libyan government to hand over the suspects.",
     ("REQUEST", ("UNO",), ("LBY",))),
    # nineteenth round: accepting an invitation or an offer stays an agreement
    ("The American president accepted the invitation of the Mexican president to visit Mexico.",
     ("AGREE", ("USA",), ("MEX",))),
    ("Kenya accepted the Ugandan offer of talks on the border.", ("AGREE", ("KEN",), ("UGA",))),
    # nineteenth round: arriving in a country or at a world body stays a visit
    ("The German chancellor arrived in Beijing on Tuesday for talks.", ("CONSULT", ("DEU",), ("CHN",))),
    ("The Iranian foreign minister arrived at the United Nations on Monday.", ("CONSULT", ("IRN",), ("UNO",))),
    # nineteenth round: an understanding with a party, a deal on something, stay agreements
    ("Britain and France reached an understanding with Russia on the inspections.",
     ("AGREE", ("FRA", "GBR"), ("RUS",))),
    ("Iran and the IAEA have a deal on the inspections of the site.", ("AGREE", ("IAEA", "IRN"), ())),
    # nineteenth round: a world body agreeing to or backing sanctions adopts them; a senator's backing stays support
    ("EU foreign ministers agreed on Monday to fresh sanctions on Belarusian officials.",
     ("SANCTION", ("EUR",), ("BLR",))),
    ("The Security Council backed new sanctions on South Sudan's generals in a 13-0 vote.",
     ("SANCTION", ("UNO",), ("SSD",))),
    ("The Security Council backed new sanctions on Friday that could cut $2bn of the junta's income.",
     ("SANCTION", ("UNO",), ())),
    ("The American senator backed new sanctions on Iran.", ("SUPPORT", ("USA",), ("IRN",))),
    # nineteenth round: refusing to meet or to join talks stays a refusal
    ("Iran refused to meet the American envoy.", ("REJECT", ("IRN",), ("USA",))),
    ("Israel declined to join the talks in Cairo.", ("REJECT", ("ISR",), ())),
    # nineteenth round: wanting a party to do something it can be asked for stays a request
    ("The German chancellor wants the other EU members to pay into a fund for refugees.",
     ("REQUEST", ("DEU",), ("EUR",))),
    ("The American president wants North Korea to give up its nuclear weapons.", ("REQUEST", ("USA",), ("PRK",))),
])
def test_event_is_coded(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(("text", "kind"), [
    # nineteenth round: two rules reading one word (a warning and the force it names; an allegation and the misdeed
    # it names) give one event, not two with other recipients
    ("The American defence secretary warned that Iran will be met with overwhelming force if it attacks American "
     "ships.", "THREATEN"),
    ("Kenyan opposition lawmakers have alleged that the government broke the law by hiding the arms deal.", "ACCUSE"),
])
def test_one_word_read_by_two_rules_is_one_event(pipeline, text, kind):
    assert len([e for e in coded(pipeline, text) if e[0] == kind]) == 1
