"""Places: the gazetteer's disambiguation table and event locations on parsed sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from redline.knowledge.gazetteer import load_gazetteer, normalize
from redline.records import Article, Document, Event, Factuality, Sentence, TextInfo
from redline.stages.places import find_places, locate_event, place_events

D = dt.date


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


# (phrase, context, expected name, ISO alpha-3, feature type)
PHRASES = [
    ("Geneva", {}, "Geneva", "CHE", "city"),
    ("Geneva", {"country_share": {"USA": 0.6}}, "Geneva", "CHE", "city"),
    ("Geneva", {"qualifier": "Illinois"}, "Geneva", "USA", "city"),
    ("Geneva", {"qualifier": "Switzerland"}, "Geneva", "CHE", "city"),
    ("Paris", {}, "Paris", "FRA", "city"),
    ("Paris", {"qualifier": "Texas"}, "Paris", "USA", "city"),
    ("Paris", {"regions": {"US.TX"}}, "Paris", "USA", "city"),
    ("Georgia", {}, "Georgia", "GEO", "country"),
    ("Georgia", {"regions": {"US.GA"}}, "Georgia", "USA", "admin1"),
    # eighteenth round: a country stays the country when the article names the city that has its name as an
    # alternate name ("Mexico" beside "Mexico City")
    ("Mexico", {"regions": {"MX.09"}}, "Mexico", "MEX", "country"),
    ("Georgia", {"qualifier": "U.S."}, "Georgia", "USA", "admin1"),
    ("Tripoli", {}, "Tripoli", "LBY", "city"),
    ("Tripoli", {"country_share": {"LBN": 0.7}}, "Tripoli", "LBN", "city"),
    ("Tripoli", {"qualifier": "Lebanon"}, "Tripoli", "LBN", "city"),
    ("Birmingham", {}, "Birmingham", "GBR", "city"),
    ("Birmingham", {"regions": {"US.AL"}}, "Birmingham", "USA", "city"),
    ("Kherson", {}, "Kherson", "UKR", "city"),
    ("Washington", {}, "Washington", "USA", "city"),
    ("Washington state", {}, "Washington", "USA", "admin1"),
    ("London", {}, "London", "GBR", "city"),
    ("London", {"qualifier": "Ontario"}, "London", "CAN", "city"),
    ("Moscow", {}, "Moscow", "RUS", "city"),
    ("Kyiv", {}, "Kyiv", "UKR", "city"),
    ("Kiev", {}, "Kyiv", "UKR", "city"),
    ("Odessa", {}, "Odesa", "UKR", "city"),
    ("Kharkov", {}, "Kharkiv", "UKR", "city"),
    ("Hyderabad", {}, "Hyderabad", "IND", "city"),
    ("Hyderabad", {"country_share": {"PAK": 0.8}}, "Hyderabad", "PAK", "city"),
    ("Alexandria", {}, "Alexandria", "EGY", "city"),
    ("U.S.", {}, "United States", "USA", "country"),
    ("the United States", {}, "United States", "USA", "country"),
    ("Britain", {}, "United Kingdom", "GBR", "country"),
    ("Jordan", {}, "Jordan", "JOR", "country"),
    ("North Korea", {}, "North Korea", "PRK", "country"),
    ("eastern Ukraine", {}, "Ukraine", "UKR", "country"),
    ("Texas", {}, "Texas", "USA", "admin1"),
    ("Crimea", {}, "Crimea", "UKR", "contested"),
    ("the Crimean Peninsula", {}, "Crimea", "UKR", "contested"),
    ("Donbas", {}, "Donbas", "UKR", "contested"),
    ("Donbass", {}, "Donbas", "UKR", "contested"),
    ("Donetsk", {}, "Donetsk", "UKR", "city"),
    ("Donetsk region", {}, "Donetsk region", "UKR", "contested"),
    ("Luhansk People's Republic", {}, "Luhansk region", "UKR", "contested"),
    ("Gaza", {}, "Gaza Strip", "PSE", "contested"),
    ("the West Bank", {}, "West Bank", "PSE", "contested"),
    ("Kashmir", {}, "Kashmir", None, "contested"),
    ("Nagorno-Karabakh", {}, "Nagorno-Karabakh", "AZE", "contested"),
    ("Nagorno Karabakh", {}, "Nagorno-Karabakh", "AZE", "contested"),
    ("Transnistria", {}, "Transnistria", "MDA", "contested"),
    ("Abkhazia", {}, "Abkhazia", "GEO", "contested"),
    ("South Ossetia", {}, "South Ossetia", "GEO", "contested"),
    ("the Golan Heights", {}, "Golan Heights", "SYR", "contested"),
    ("Western Sahara", {}, "Western Sahara", "ESH", "contested"),
    ("Taiwan", {}, "Taiwan", "TWN", "contested"),
    ("Idlib", {}, "Idlib", "SYR", "admin1"),
    ("Oregon", {}, "Oregon", "USA", "admin1"),
    ("Virginia", {}, "Virginia", "USA", "admin1"),
    ("Asia", {}, "Asia", None, "region"),
    ("Donetsk Republic", {}, "Donetsk region", "UKR", "contested"),
    ("Idlib province", {}, "Idlib province", "SYR", "admin1"),
    ("the Black Sea", {}, "Black Sea", None, "water"),
    ("the Middle East", {}, "Middle East", None, "region"),
    ("Peking", {}, "Beijing", "CHN", "city"),
    ("Kharkiv region", {}, "Kharkiv region", "UKR", "admin1"),
    ("Zaporizhzhia region", {}, "Zaporizhzhia region", "UKR", "admin1"),
    ("Bombay", {}, "Mumbai", "IND", "city"),
    # issue 13, fourth round: a long vowel written doubled, a final ayin-"ā" written "aa" (gazetteer misses of the
    # fresh allsides-intl sample)
    ("Mayadeen", {}, "Al Mayādīn", "SYR", "city"),
    ("Daraa", {}, "Dar‘ā", "SYR", "city"),
]


# issue 13, ninth round: towns, districts and sites the cities file lacks (towns.tsv), seas and venues
TOWNS = [
    ("Beit Hanoun", {}, "Bayt Ḩānūn", "PSE", "city"),  # the cities file's town, by our spelling
    ("Khan Sheikhoun", {}, "Khān Shaykhūn", "SYR", "city"),
    ("Kobane", {}, "‘Ayn al ‘Arab", "SYR", "city"),
    ("Shejaiya", {}, "Shejaiya", "PSE", "city"),  # a district next to Jabalia, not merged with it
    ("Beit Lahia", {}, "Bayt Lāhyā", "PSE", "city"),
    ("Palmyra", {}, "Tadmur", "SYR", "city"),
    ("Anbar province", {}, "Anbar", "IRQ", "admin1"),
    ("Bagram Air Base", {}, "Bagram", "AFG", "landmark"),
    ("the Western Wall", {}, "Western Wall", "ISR", "landmark"),
    ("North Waziristan", {}, "North Waziristan", "PAK", "region"),
    ("Sievierodonetsk", {}, "Siverskodonetsk", "UKR", "city"),
    ("Stepanakert", {}, "Stepanakert", "AZE", "city"),  # not Shusha, 10 km away
    ("Charlevoix", {}, "Charlevoix", "CAN", "region"),
    ("Camp David", {}, "Camp David", "USA", "landmark"),
    ("the Gulf of Aden", {}, "Gulf of Aden", None, "water"),
    ("Bosphorus", {}, "Bosphorus", "TUR", "water"),
    # tenth round: the UN's headquarters ("U.N." was the town of Un, India), provinces spelled otherwise than ISO
    ("U.N.", {}, "United Nations", "USA", "landmark"),
    ("the UN General Assembly", {}, "United Nations", "USA", "landmark"),
    ("Paktia province", {}, "Paktia", "AFG", "admin1"),
    ("Bamiyan", {}, "Bamiyan", "AFG", "admin1"),
    ("Hadhramaut", {}, "Hadramout", "YEM", "admin1"),
    ("Dagestan", {}, "Dagestan", "RUS", "admin1"),
    ("Amhara region", {}, "Amhara", "ETH", "admin1"),
    ("Deir el-Zour", {}, "Deir ez-Zor", "SYR", "city"),  # merged into the cities file's town
    ("Sweida", {}, "As-Suwayda", "SYR", "city"),
    # eleventh round: a Nigerian local government area the news calls a county
    ("Chikun County", {}, "Chikun", "NGA", "region"),
    ("Chikun", {}, "Chikun", "NGA", "region"),
    # fifteenth round: landmarks and a district the fresh sample named as the place of meetings and rallies
    ("Trump Tower", {}, "Trump Tower", "USA", "landmark"),
    ("Andrews Air Force Base", {}, "Joint Base Andrews", "USA", "landmark"),
    ("the Oval Office", {}, "Oval Office", "USA", "landmark"),  # sixteenth round: rooms of the White House
    ("Rose Garden", {}, "Rose Garden", "USA", "landmark"),
    ("the Situation Room", {}, "Situation Room", "USA", "landmark"),
    ("Causeway Bay", {}, "Causeway Bay", "HKG", "city"),
    # seventeenth round: dams fought over, and a Malian town
    ("Mosul Dam", {}, "Mosul Dam", "IRQ", "landmark"),
    ("the Kakhovka dam", {}, "Kakhovka Dam", "UKR", "landmark"),
    ("Sévaré", {}, "Sevare", "MLI", "city"),
    # eighteenth round: seats, airports, a base and nuclear sites named as the scene of an act
    ("the Blue House", {}, "Blue House", "KOR", "landmark"),
    ("Cheong Wa Dae", {}, "Blue House", "KOR", "landmark"),
    ("Zhongnanhai", {}, "Zhongnanhai", "CHN", "landmark"),
    ("Atatürk Airport", {}, "Ataturk Airport", "TUR", "landmark"),
    ("Ben Gurion Airport", {}, "Ben Gurion Airport", "ISR", "landmark"),
    ("Fort Hood", {}, "Fort Hood", "USA", "landmark"),
    ("Fordo", {}, "Fordow", "IRN", "landmark"),
    ("Parchin", {}, "Parchin", "IRN", "landmark"),
    ("Punggye-ri", {}, "Punggye-ri", "PRK", "landmark"),
    ("the Yongbyon nuclear complex", {}, "Yongbyon", "PRK", "landmark"),
    ("Tongchang-ri", {}, "Sohae", "PRK", "landmark"),
    # nineteenth round
    ("the Falklands", {}, "Falkland Islands", "FLK", "country"),
    ("Malvinas", {}, "Falkland Islands", "FLK", "country"),
    ("Shannon Airport", {}, "Shannon Airport", "IRL", "landmark"),
    ("the Lake Chad Basin", {}, "Lake Chad Basin", None, "region"),
]


@pytest.mark.parametrize(("phrase", "context", "name", "country", "feature"), TOWNS)
def test_gazetteer_knows_towns_of_conflict_zones(gaz, phrase, context, name, country, feature):
    entry, reason = gaz.resolve(phrase, **context)
    assert entry is not None, reason
    assert (entry.name, entry.country_code, entry.feature_type) == (name, country, feature), reason


def test_gazetteer_town_population_orders_candidates(gaz):
    entry, _ = gaz.resolve("Hodeidah")
    assert entry.population >= 100_000 and entry.country_code == "YEM"


def test_phrase_table_is_large_enough():
    assert len(PHRASES) >= 40


@pytest.mark.parametrize(("phrase", "context", "name", "country", "feature"), PHRASES)
def test_gazetteer_resolves_phrase(gaz, phrase, context, name, country, feature):
    entry, reason = gaz.resolve(phrase, **context)
    assert entry is not None, reason
    assert (entry.name, entry.country_code, entry.feature_type) == (name, country, feature), reason


@pytest.mark.parametrize("phrase", ["Xyzzyville", "Mordor", "the Shire", "", "West", "the West", "Centre", "North and"])
def test_gazetteer_unknown_phrase_has_reason(gaz, phrase):
    entry, reason = gaz.resolve(phrase)
    assert entry is None
    assert "matches no gazetteer entry" in reason


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Geneva", 46.2, 6.1), ("Kyiv", 50.5, 30.5), ("Crimea", 45.3, 34.4)],
)
def test_gazetteer_entries_carry_coordinates(gaz, name, lat, lon):
    entry, _ = gaz.resolve(name)
    assert abs(entry.lat - lat) < 0.5 and abs(entry.lon - lon) < 0.5


@pytest.mark.parametrize(
    ("raw", "key"),
    [("The United States", "united states"), ("U.S.", "us"), ("Nagorno-Karabakh", "nagorno karabakh"),
     ("Zürich", "zurich"), ("Kyiv's", "kyiv")],
)
def test_normalize_key(raw, key):
    assert normalize(raw) == key


def test_gazetteer_loads_once_per_context(ctx):
    assert load_gazetteer(ctx) is load_gazetteer(ctx)


# ---------------------------------------------------------------- event locations on parsed sentences


@pytest.fixture(scope="module")
def parse(ctx):
    from redline.stages.parse import parse_text

    return lambda text: parse_text(text, ctx)


def make_event(sentence: Sentence, trigger_text: str, *, actor_words: tuple[str, ...] = (), quad: int = 1,
               event: str = "CONSULT") -> Event:
    i = next(t.i for t in sentence.tokens if t.text == trigger_text)
    tok = sentence.tokens[i]
    heads = tuple(t.i for t in sentence.tokens if t.text in actor_words)
    return Event(
        id="e1", article_id="a1", event=event, actor=(), recipient=(), cameo="040", goldstein=1.0,
        quad_code=quad, event_scale=1.0, factuality=Factuality.ASSERTED, text=sentence.text,
        text_info=TextInfo(sentence.index, sentence.start, sentence.end, tok.idx, tok.end),
        event_text=trigger_text, rule="test", confidence=1.0, trigger=(i, i + 1), actor_heads=heads,
    )


# (sentence, trigger, actor words, PLOVER quad class, expected (name, country) or None, reason fragment)
LOCATIONS = [
    ("Macron and Modi held their first summit in Vienna.", "held", (), 1, ("Vienna", "AUT"), "locative"),
    ("Macron and Modi held their first summit in Vienna.", "summit", (), 1, ("Vienna", "AUT"), "locative"),
    ("Russia amassed 40,000 soldiers along its frontier with Belarus and in Crimea.", "amassed", ("Russia",), 4,
     ("Crimea", "UKR"), "in Crimea"),
    ("Ambassador Karel Novak was recalled from Ottawa.", "recalled", (), 3, None, "origin"),
    ("Russia accused Ukraine of violating the ceasefire.", "accused", ("Russia", "Ukraine"), 3, None, "actor"),
    ("Protesters rallied in Minsk on Sunday.", "rallied", (), 3, ("Minsk", "BLR"), "locative"),
    ("Rebels attacked a checkpoint near Donetsk.", "attacked", (), 4, ("Donetsk", "UKR"), "near"),
    ("The United States sent troops to Syria.", "sent", ("States",), 4, ("Syria", "SYR"), "destination"),
    ("The United States has provided aid to Ukraine.", "provided", ("States",), 2, None, "recipient"),
    ("Police arrested journalists in Tripoli, Lebanon.", "arrested", (), 4, ("Tripoli", "LBN"), "qualified"),
    ("Putin said in Moscow that Russia would respond.", "respond", (), 3, None, "another part"),
    ("Putin said in Moscow that Russia would respond.", "said", (), 1, ("Moscow", "RUS"), "locative"),
    ("The foreign minister visited Kyiv on Monday.", "visited", (), 1, ("Kyiv", "UKR"), "names"),
    ("Talks will be held in Vienna next week.", "held", (), 1, ("Vienna", "AUT"), "locative"),
    ("The two sides signed the agreement.", "signed", (), 1, None, "names no place"),
    ("The Geneva summit was held under tight security.", "held", (), 1, ("Geneva", "CHE"), "modifies"),
    ("The Moscow government said the vote was fair.", "said", (), 1, None, "compound"),
    ("Militants previously attacked U.S. troops.", "attacked", (), 4, None, "compound"),
    ("The U.S. condemnation of the attacks was swift.", "condemnation", (), 3, None, "compound"),
    ("Ministers held talks on Ukraine in Vienna.", "held", (), 1, ("Vienna", "AUT"), "in Vienna"),
    ("Protesters stormed the embassy in the capital, Sanaa, on Thursday.", "stormed", (), 4, ("Sanaa", "YEM"),
     "Sanaa"),
    ("The EU imposed sanctions on Russia's largest banks.", "imposed", ("EU",), 4, None, "locative"),
    # issue 13, third round: a material act's own complement places it ("tried to detonate a bomb in ...")
    ("A militant tried to detonate a bomb in Times Square.", "tried", (), 4, ("Times Square", "USA"), "Times Square"),
    ("Rebels moved to seize the airport in Donetsk.", "moved", (), 4, ("Donetsk", "UKR"), "Donetsk"),
    ("The ministers agreed to hold talks in Vienna.", "agreed", (), 1, None, "another part"),
]


# issue 13: places the parse does not attach to the trigger, names the model misses, targets, withdrawals, visits
# (sentence, trigger, actor words, PLOVER type, expected (name, country) or None, reason fragment)
MORE_LOCATIONS = [
    # issue 13, eleventh round (fresh sample Q9 and the tenth round's Q5): the people a statement is made to, in the
    # room, are placed by their phrase; other people by theirs where they are, not where the act was
    ("Senator Paul told the gathering in Florida that he would not invite the refugees.", "invite", ("Paul",),
     "REJECT", ("Florida", "USA"), "gathering"),
    ("The governor told a crowd in Ohio that he opposes the deal.", "opposes", ("governor",), "REJECT",
     ("Ohio", "USA"), "crowd"),
    ("The senator told the gathering in Florida he would not invite the refugees.", "invite", ("he",), "REJECT",
     ("Florida", "USA"), "gathering"),  # the coder's actor is the pronoun that stands for the speaker
    ("The senator told the gathering in Florida the mayor would not invite the refugees.", "invite", ("mayor",),
     "REJECT", None, "another part"),  # another actor's act
    ("The president urged fellow leaders at the United Nations to isolate Venezuela.", "urged", ("president",),
     "REQUEST", ("United Nations", "USA"), "leaders"),
    ("The minister thanked delegates at the conference in Vienna for their work.", "thanked", ("minister",),
     "PRAISE", ("Vienna", "AUT"), "Vienna"),
    ("The envoy urged the rebels in Idlib to lay down their arms.", "urged", ("envoy",), "REQUEST", None,
     "another part"),
    ("The senator criticized the officials in Kabul for the delay.", "criticized", ("senator",), "ACCUSE", None,
     "another part"),
    # a reported act, not the saying (since the seventeenth round the attacked country places the attack)
    ("The senator told a crowd in Ohio that Russia had attacked Ukraine.", "attacked", ("senator",), "ASSAULT",
     ("Ukraine", "UKR"), "'Ukraine' is what 'attacked' acts on"),
    # a passive relative clause on a place tells an act done there (dev split's "a part of Syria that had been
    # reclaimed in a war"): its verb, or a noun in its in/during phrase
    ("Soldiers left a corner of Yemen that had been retaken in a long war against the insurgents.", "war", (),
     "ASSAULT", ("Yemen", "YEM"), "clause"),
    ("Residents returned to Aleppo, which was shelled for weeks last year.", "shelled", (), "ASSAULT",
     ("Aleppo", "SYR"), "clause"),
    ("The leaders discussed Ukraine, which was invaded in 2022.", "discussed", ("leaders",), "CONSULT", None,
     "no event"),  # the act of the main clause is not the clause's
    ("Militants held a corner of Yemen that had been praised in a speech.", "speech", (), "ACCUSE", None, "no event"),
    # an act done during a visit is done where the visit went; not one reported there, nor a flight's destination
    ("The minister met Macron during a visit to Paris.", "met", ("minister",), "CONSULT", ("Paris", "FRA"), "visit"),
    ("During his trip to Moscow, the senator praised the agreement.", "praised", ("senator",), "PRAISE",
     ("Moscow", "RUS"), "trip to Moscow"),
    ("Putin said during a visit to Paris that Russia would respond.", "respond", ("Russia",), "ACCUSE", None,
     "no event"),
    ("The minister met Macron before his flight to Paris.", "met", ("minister",), "CONSULT", None, "no event"),
    ("The minister planned a visit to Paris.", "planned", ("minister",), "AGREE", None, "no event"),
    # only verbs of speaking to someone: other verbs act on their object
    ("Macron called off a Camp David visit over the holiday.", "called", ("Macron",), "REJECT", None, "no event"),
    ("The ministry condemned the gathering in Moscow.", "condemned", ("ministry",), "ACCUSE", None, "another part"),
    ("The president urged lawmakers in Kyiv to pass the law.", "urged", ("president",), "REQUEST", None,
     "another part"),
    # issue 13, ninth round (fresh allsides-intl sample Q3): a phrase of another act or a reason is not this act's;
    # a noun's content clause; "through" a route; a "where" clause on a placed noun; a target stationed somewhere;
    # a trailing participle's scene; towns and seas the gazetteer lacked
    ("The group beheaded a French aid worker in retaliation for French airstrikes in Mali.", "beheaded",
     ("group",), "ASSAULT", None, "no event"),
    ("Gunmen killed two guards in revenge for a raid in Kandahar.", "killed", ("Gunmen",), "ASSAULT", None,
     "no event"),
    ("Rebels shelled a village in response to government raids in Idlib.", "shelled", ("Rebels",), "ASSAULT", None,
     "no event"),
    ("Britain says it has proof the regime used nerve gas in Douma.", "proof", ("Britain",), "ACCUSE", None,
     "no event"),
    ("The talks that continue in Geneva have stalled.", "talks", (), "CONSULT", ("Geneva", "CHE"), "continue"),
    ("Thousands of protesters marched through Berlin on Saturday.", "marched", ("protesters",), "PROTEST",
     ("Berlin", "DEU"), "route"),
    ("The envoy pressed the plan through Moscow.", "pressed", ("envoy",), "REQUEST", None, "channel"),
    ("Pelosi said Tuesday's White House meeting, where she rejected any money for the wall, was a setup.",
     "rejected", ("she",), "REJECT", ("White House", "USA"), "'where' clause on 'meeting'"),
    ("He spoke at a news conference in Amman where he met the king.", "met", ("he",), "CONSULT", ("Amman", "JOR"),
     "'where' clause on 'conference'"),
    ("He visited the U.S. embassy, where he met the ambassador.", "met", ("he",), "CONSULT", None, "no event"),
    ("Iran fired a dozen rockets at American troops stationed in Iraq.", "rockets", ("Iran",), "ASSAULT",
     ("Iraq", "IRQ"), "stationed"),
    ("The lawyer, speaking Thursday outside the high court in London, condemned the ruling.", "condemned",
     ("lawyer",), "ACCUSE", ("London", "GBR"), "in London"),
    ("The minister, who was speaking in Berlin, condemned the attack.", "condemned", ("minister",), "ACCUSE",
     ("Berlin", "DEU"), "in Berlin"),
    ("The minister, who lives in Berlin, condemned the attack.", "condemned", ("minister",), "ACCUSE", None,
     "no event"),
    ("Putin, speaking in Moscow, said Russia would respond.", "respond", ("Russia",), "THREATEN", None, "no event"),
    ("North Korea fired four missiles into Japan's maritime zone in the Sea of Japan.", "missiles",
     ("Korea", "Japan"), "ASSAULT", ("Sea of Japan", None), "struck"),
    ("Militants fired rockets at a base near Erbil.", "rockets", ("Militants",), "ASSAULT", ("Erbil", "IRQ"),
     "struck"),
    ("The navy fired a warning shot at a ship from Iran.", "shot", ("navy",), "ASSAULT", None, "origin"),
    ("The 1983 bombing of the Marine barracks in Beirut killed 241 servicemen.", "bombing", (), "ASSAULT",
     ("Beirut", "LBN"), "in Beirut"),
    ("The seizure of a tanker in the Strait of Hormuz angered London.", "seizure", (), "COERCE",
     ("Strait of Hormuz", None), "Strait of Hormuz"),
    ("The president condemned the killing of Soleimani, a hero to many for his work in Iraq.", "killing", (),
     "ASSAULT", None, "no event"),
    ("Opponents of the president clashed with police in cities across Egypt, burning several party offices.",
     "burning", ("Opponents",), "ASSAULT", ("Egypt", "EGY"), "across Egypt"),
    # sixteenth round: a participle coordinated with a trailing one goes on from the same act
    ("Gunmen opened fire on a market in Kano, killing six people and wounding ten.", "wounding", ("Gunmen",),
     "ASSAULT", ("Kano", "NGA"), "in Kano"),
    ("Police raided a mosque in Mombasa, arresting four men and seizing weapons.", "seizing", ("Police",),
     "COERCE", ("Mombasa", "KEN"), "in Mombasa"),
    ("Gunmen opened fire on a market in Kano, killing six people while police were searching for them.",
     "searching", ("police",), "COERCE", None, "no event"),  # a clause of its own
    ("He met the minister in Paris, having met his deputy in London the day before.", "met", ("He",), "CONSULT",
     ("Paris", "FRA"), "in Paris"),
    ("Pirates seized a freighter in the Gulf of Aden.", "seized", ("Pirates",), "COERCE", ("Gulf of Aden", None),
     "Gulf of Aden"),
    ("North Korea fired two missiles into the Sea of Japan.", "missiles", ("Korea",), "ASSAULT",
     ("Sea of Japan", None), "into"),
    ("Israeli jets struck targets in Beit Hanoun overnight.", "struck", ("jets",), "ASSAULT",
     ("Bayt Ḩānūn", "PSE"), "Beit Hanoun"),
    ("Turkish troops entered Afrin on Sunday.", "entered", ("troops",), "MOBILIZE", ("‘Afrīn", "SYR"), "Afrin"),
    ("The soldiers were killed near Tal Afar.", "killed", (), "ASSAULT", ("Tal Afar", "IRQ"), "Tal Afar"),
    # issue 13, eighth round (fresh allsides-intl sample P2): an actor named with its seat is not placed by it; a
    # conjunct with its own subject keeps its places; "into" a place is where what a verb sends struck
    ("Russia, as well as Wagner in Libya, is providing weapons to the rebels.", "providing", ("Russia",), "AID",
     None, "no event"),
    ("The government in Caracas cut off the opposition's internet access.", "cut", ("government",), "COERCE",
     None, "no event"),
    ("Protesters in Caracas blocked the main highway.", "blocked", ("Protesters",), "COERCE", ("Caracas", "VEN"),
     "in Caracas"),
    ("After the ministry expelled the envoy and the militia fired rockets into Lebanon, talks stopped.", "expelled",
     ("ministry",), "COERCE", None, "no event"),
    ("Nine people were killed and dozens wounded in the northern city of Mosul.", "killed", (), "ASSAULT",
     ("Mosul", "IRQ"), "in Mosul"),
    ("The militia fired rockets into Lebanon on Monday.", "rockets", ("militia",), "ASSAULT", ("Lebanon", "LBN"),
     "into Lebanon"),
    ("The militia fired rockets from Lebanon on Monday.", "rockets", ("militia",), "ASSAULT", None, "origin"),
    # issue 13, sixth round (fresh allsides-intl sample P): a relative clause on an attack noun tells the attack;
    # an apposition describes its noun; "of" a country's uniform or custody is no place; "at" a country is the
    # target of a verbal act
    ("The attack on the embassy in Kabul that killed nine guards shocked the world.", "killed", (), "ASSAULT",
     ("Kabul", "AFG"), "in Kabul"),
    ("Rebels welcomed the killing of the general, a hero to his men for his work in Syria.", "killing", (), "ASSAULT",
     None, "no event location"),
    ("A gunman opened fire at a clinic at Fort Bragg, North Carolina, killing four.", "fire", (), "ASSAULT",
     ("Fort Bragg", "USA"), "in the phrase of"),
    ("Veterans thanked the sailors in the uniform of France.", "thanked", (), "SUPPORT", None,
     "locative phrase (of)"),
    ("The ministry issued a statement of sharp criticism at Japan.", "criticism", (), "ACCUSE", None,
     "target of a verbal act"),
    ("Cluster munitions were fired by Ukrainian forces into Donetsk.", "fired", (), "ASSAULT", ("Donetsk", "UKR"),
     "into Donetsk"),
    ("Lula met with regional leaders in Peru for the summit.", "met", (), "CONSULT", ("Peru", "PER"), "in Peru"),
    ("The ministers burned offices of the party in the cities of Suez and Ismailia.", "burned", (), "ASSAULT",
     ("Suez", "EGY"), "in Suez"),
    ("Erdogan defended the Turkish invasion of Syria.", "invasion", (), "ASSAULT", ("Syria", "SYR"), "aimed"),
    ("Republicans criticised his withdrawal from Iraq.", "withdrawal", (), "RETREAT", ("Iraq", "IRQ"), "leaves"),
    ("In the capital Cairo, security forces fired tear gas at protesters clashing with police.", "clashing", (),
     "ASSAULT", ("Cairo", "EGY"), "sets the scene"),
    ("Millions of euros flowed to Sudan, where the money funded both factions in the conflict.", "funded", (), "AID",
     ("Sudan", "SDN"), "'where' clause"),
    ("McCain traveled to Egypt to implore military leaders to hold elections.", "implore", (), "REQUEST",
     ("Egypt", "EGY"), "destination"),
    ("Obama's visit to Hanoi angered China.", "visit", (), "CONSULT", ("Hanoi", "VNM"), "destination"),
    ("The U.S. conducted two airstrikes on a staging area in eastern Syria.", "airstrikes", ("U.S.", "Syria"),
     "ASSAULT", ("Syria", "SYR"), "in the phrase of"),
    ("Cargo ships were hit in attacks the Saudis blamed on Yemen.", "blamed", (), "ACCUSE", None, "not locative"),
    ("Fighting between Kurdish forces and the army continued in Qamishli.", "continued", (), "ASSAULT",
     ("Al Qāmishlī", "SYR"), "Qamishli"),
    ("Gunmen attacked a convoy in Kurram on Friday.", "attacked", (), "ASSAULT", ("Kurram", "PAK"), "Kurram"),
    ("Thousands of protesters rallied in Tahrir Square.", "rallied", (), "PROTEST", ("Tahrir Square", "EGY"),
     "Tahrir"),
    ("Russian troops entered Ukraine in March.", "entered", (), "MOBILIZE", ("Ukraine", "UKR"), "names"),
    ("Militias menace villages between Luhansk and Crimea, which Russia annexed years ago.",
     "annexed", ("Russia",), "COERCE", ("Crimea", "UKR"), "which"),
    ("Police detained the men in Madison.", "detained", ("Madison",), "COERCE", ("Madison", "USA"), "in Madison"),
    # a statement is made where its speaker said it (docs/annotation.md 12.10), when the event is the saying
    ("“We condemn this attack,” the Turkish foreign minister said at a news conference in Ankara.", "condemn",
     ("minister",), "ACCUSE", ("Ankara", "TUR"), "in Ankara"),
    ("The Spanish premier condemned the bombing, saying at a news conference in Madrid that it was barbaric.",
     "condemned", ("premier",), "ACCUSE", ("Madrid", "ESP"), "in Madrid"),
    ("Officials in Washington said they had asked Egypt to mediate.", "asked", ("Officials",), "REQUEST", None,
     "no event"),
    ("The minister said in Kyiv that Russia threatens the city.", "threatens", ("Russia",), "THREATEN", None,
     "no event"),
    # a clause after a comma that the parser hangs on an earlier noun still acts on the word before ", which"
    ("The army advanced toward the outskirts of Aleppo, which rebels seized in 2012.", "seized", ("rebels",),
     "COERCE", ("Aleppo", "SYR"), "which"),
    ("Militants attacked checkpoints between the coast and Mosul, which government forces recaptured in 2017.",
     "recaptured", ("forces",), "COERCE", ("Mosul", "IRQ"), "which"),
    # from 33 placed events of ru-ua judged by hand: a speaker's place, a period and a descriptor are no places
    ("Groups in Libya must remember that our quarrel is with smugglers.", "remember", (), "REQUEST", None, "no event"),
    ("She rebuked Beijing harder than she did during her years in the White House.", "rebuked", (), "ACCUSE", None,
     "no event"),
    ("Obama and his White House guest urged Russia to strike ISIS targets.", "urged", (), "REQUEST", None,
     "compound"),
    # "across the country", "nationwide": the one country the sentence names, unless it is the act's own actor
    ("Opponents of Kenya's president clashed with his loyalists in cities across the country.", "clashed",
     ("Opponents", "loyalists"), "ASSAULT", ("Kenya", "KEN"), "cities across the country"),
    ("Police arrested hundreds of activists nationwide after Pakistan banned the party.", "arrested", ("Police",),
     "COERCE", ("Pakistan", "PAK"), "nationwide"),
    ("Supporters of Kenya's opposition leader protested throughout the country on Monday.", "protested",
     ("Supporters",), "PROTEST", ("Kenya", "KEN"), "throughout the country"),
    # a site the act is done at, placed by a "where" clause on it; not for acts that are not done at their object
    ("Monitors were investigating the site where the killings happened outside of Kabul.", "investigating",
     (), "ACCUSE", ("Kabul", "AFG"), "'where' clause puts it"),
    ("Monitors visited the village where the clashes broke out near Kherson.", "visited", (), "CONSULT",
     ("Kherson", "UKR"), "'where' clause puts it"),
    ("The minister condemned the village where the clashes broke out near Kherson.", "condemned", (), "ACCUSE",
     None, "no event"),
    ("Russia deployed troops across the country.", "deployed", ("Russia",), "MOBILIZE", None, "no event"),
    ("Officials from France and Germany held rallies across the country.", "held", ("Officials",), "PROTEST", None,
     "no event"),
    # issue 13, fourth round: "the town of X" as the target; a spelling the model tags DATE after "town of"
    ("Rebels shelled the town of Mayadeen on Monday.", "shelled", ("Rebels",), "ASSAULT", ("Al Mayādīn", "SYR"),
     "targets"),
    ("Government forces bombed the city of Daraa.", "bombed", ("forces",), "ASSAULT", ("Dar‘ā", "SYR"), "targets"),
    ("Police arrested dozens in the village of Mayadeen.", "arrested", ("Police",), "COERCE", ("Al Mayādīn", "SYR"),
     "locative"),
    ("The minister praised the city of Daraa.", "praised", ("minister",), "APPEAL", None, "no event"),
    # issue 13, fifth round (fresh allsides-intl sample): a country invaded or bombed is where the act happens; an
    # apposition the parser hangs after a comma; a possessed noun that is no part of the place
    ("Ankara angered its allies by invading northern Syria.", "invading", ("Ankara",), "COERCE", ("Syria", "SYR"),
     "acts on"),
    ("The president bombed Yemen in reprisal for a drone strike.", "bombed", ("president",), "ASSAULT",
     ("Yemen", "YEM"), "acts on"),
    ("Washington sanctioned Russia over the poisoning.", "sanctioned", ("Washington",), "COERCE", None, "no event"),
    ("In the capital, Nairobi, police dispersed a crowd of students.", "dispersed", ("police",), "ASSAULT",
     ("Nairobi", "KEN"), "in Nairobi"),
    ("We are asking India to act in India's own interest.", "asking", ("We",), "REQUEST", None, "no event"),
    ("Rebels attacked a checkpoint in Ukraine's east.", "attacked", ("Rebels",), "ASSAULT", ("Ukraine", "UKR"),
     "in Ukraine"),
]


# issue 13, tenth round (fresh sample Q5 and families seen in Q3, Q4 and the dev split)
MORE_LOCATIONS += [
    # a visit's place even when the coder took it for the recipient
    ("The foreign minister visited Ukraine on Monday.", "visited", ("minister", "Ukraine"), "CONSULT",
     ("Ukraine", "UKR"), "names"),
    # a participle on the subject of a material verb is the same act
    ("On Monday, a NATO airstrike targeting Taliban fighters killed three civilians in southern Afghanistan.",
     "targeting", (), "ASSAULT", ("Afghanistan", "AFG"), "killed"),
    ("A rocket barrage targeting the base wounded two soldiers near Erbil, officials said.", "targeting", (),
     "ASSAULT", ("Erbil", "IRQ"), "Erbil"),
    ("A report blaming the militia was published in London.", "blaming", (), "ACCUSE", None, "no event"),
    # a conjunct's own object keeps its phrases; phrases on the conjunct verb are still shared
    ("She left the trade pact and made gains against the rebels in Mali and Niger.", "left", ("She",),
     "SANCTION", None, "no event"),
    ("The ministers finalized and approved the agreement at a summit in Brussels.", "finalized", ("ministers",),
     "AGREE", ("Brussels", "BEL"), "Brussels"),
    # the United Nations is a place (its headquarters); "during" an occasion placed by its phrase
    ("At U.N., the president calls for a reawakening of nations.", "calls", ("president",), "REQUEST",
     ("United Nations", "USA"), "at U.N."),
    ("The envoy condemned the junta during a long speech at the U.N. in March.", "condemned",
     ("envoy",), "ACCUSE", ("United Nations", "USA"), "speech"),
    ("The foreign minister spoke to reporters after arriving at the United Nations.", "arriving", ("minister",),
     "CONSULT", ("United Nations", "USA"), "United Nations"),
    ("U.N. inspectors condemned the attack.", "condemned", ("inspectors",), "ACCUSE", None, "no event"),
    ("The premier threatened to crush the junta during a long speech at the U.N.", "threatened",
     ("premier",), "THREATEN", ("United Nations", "USA"), "speech"),
    ("In her speech to this year's U.N. General Assembly, the premier denounced the junta.", "denounced", ("premier",),
     "ACCUSE", ("United Nations", "USA"), "given there"),
    ("In a televised speech to Ukraine, the president denounced the regime.", "denounced", ("president",), "ACCUSE",
     None, "no event"),  # a country addressed is not where the speech was given
    ("The minister agreed to hold talks during a visit to Moscow.", "agreed", ("minister",), "AGREE", None,
     "no event"),
    # a war is the time of a statement, not its scene; a material act in it is placed there
    ("The senator criticized the president during the Iraq war.", "criticized", ("senator",), "ACCUSE", None,
     "no event"),
    ("Thousands of soldiers were killed during the Iraq war.", "killed", ("soldiers",), "ASSAULT", ("Iraq", "IRQ"),
     "war"),
    ("She endorsed the senator during the South Carolina primary.", "endorsed", ("She",), "SUPPORT", None,
     "no event"),
    ("In eastern Paktia province, a police guard exchanged fire with troops.", "fire", ("guard",), "ASSAULT",
     ("Paktia", "AFG"), "Paktia"),
    # a withdrawal "out of" a place leaves it; a passive's doer on the spot places a material act
    ("Police officers pulled out of Kharkiv on Friday.", "pulled", ("officers",), "RETREAT", ("Kharkiv", "UKR"),
     "leaves"),
    ("Two men were arrested by police in Kabul on Monday.", "arrested", ("police",), "COERCE", ("Kabul", "AFG"),
     "Kabul"),
    ("The envoy was criticised by officials in Kabul on Monday.", "criticised", ("officials",), "ACCUSE", None,
     "no event"),  # a statement's speaker is described, not placed, by the phrase (as "officials in Kabul said")
    # "of" an authority names an owner, not a place
    ("They tried to force us to accept quotas under the authority of the U.N.", "force", ("They",), "COERCE", None,
     "no event"),
    ("Troops were deployed under the banner of the United Nations.", "deployed", ("Troops",), "MOBILIZE", None,
     "no event"),
    # fifteenth round (place_modifiers.py): an attack named by its city is there, even when the coder took the
    # city for the actor; a country before it names a party
    ("The Christchurch shootings shocked the whole region, the minister said.", "shootings", ("Christchurch",),
     "ASSAULT", ("Christchurch", "NZL"), "names the"),
    ("The Madrid and Barcelona bombings were planned by one cell.", "bombings", ("Madrid", "Barcelona"),
     "ASSAULT", ("Madrid", "ESP"), "names the"),
    ("The U.S. raid angered the villagers.", "raid", ("U.S.",), "ASSAULT", None, "no event"),
    # ... a court by its seat
    ("A Cairo court sentenced the blogger to three years in jail on Sunday.", "sentenced", ("court",), "SANCTION",
     ("Cairo", "EGY"), "where it sits"),
    ("The journalist was convicted by an Ankara court on Tuesday.", "convicted", ("court",), "SANCTION",
     ("Ankara", "TUR"), "where it sits"),
    ("A Cairo court spokesman criticised the ruling on Sunday.", "criticised", ("spokesman",), "ACCUSE", None,
     "no event"),
    # ... an occasion by its place, when a locative phrase holds it, even when the coder took the landmark for
    # an actor; not a country, which names a topic ("the Iran talks")
    ("At the White House news conference, the spokeswoman thanked the senators.", "thanked", ("House",),
     "SUPPORT", ("White House", "USA"), "at White House"),
    ("At a Kremlin briefing on Monday, the minister praised the deal.", "praised", ("minister",), "SUPPORT",
     ("Kremlin", "RUS"), "at Kremlin"),
    ("At the Elysee Palace dinner, the president thanked his guests and promised more aid.", "promised",
     ("president",), "AGREE", ("Elysee Palace", "FRA"), "opens the sentence"),
    # ... a site by its place, in a locative phrase or visited (the parse may make the name an adjective)
    ("A suicide bomber struck at Vnukovo airport on Monday.", "struck", ("Vnukovo",), "ASSAULT",
     ("Vnukovo", "RUS"), "at Vnukovo"),
    ("Police arrested two men at a Kyiv hotel on Monday.", "arrested", ("Kyiv",), "COERCE", ("Kyiv", "UKR"),
     "at Kyiv"),
    ("The governor visited the Arizona border on Friday.", "visited", ("governor",), "CONSULT",
     ("Arizona", "USA"), "covers"),
    ("The envoy praised the Kyiv hotel staff.", "praised", ("envoy",), "SUPPORT", None, "no event"),
    # ... a relative clause the parse hangs on the city that ends an attack's phrase tells the attack
    ("Police hunted the men behind the bombing in Kabul, which killed 20 people.", "killed", (), "ASSAULT",
     ("Kabul", "AFG"), "on 'bombing'"),
    ("Aid groups praised the vote in Kabul, which angered the rebels.", "angered", (), "ACCUSE", None,
     "another part"),
    # ... an act inside an attack ("in which", "during which") is done where the attack was
    ("Nobody has been charged over the ambush near Gao, Mali, in which four soldiers were killed.", "killed", (),
     "ASSAULT", ("Gao", "MLI"), "in which"),
    ("Nobody signed the Lima accord, in which the rebels promised to disarm.", "promised", ("rebels",), "AGREE",
     None, "no event"),
    # ... a speech delivered from a place was given there; a statement from a place names its source
    ("In a speech from the Kremlin, the president praised the soldiers.", "praised", ("president",), "SUPPORT",
     ("Kremlin", "RUS"), "where the statement was made"),
    ("In a statement from the Kremlin, the president praised the soldiers.", "praised", ("president",),
     "SUPPORT", None, "origin"),
    # ... a person's apposition, and what hangs on it, describes the person, not the act
    ("Sergeant Anna Kowalski, a former hostage in Syria, was charged on Friday with desertion.", "charged", (),
     "ACCUSE", None, "another part"),
    ("“We want calm,” Mei Lin, a counsellor at the Chinese embassy in Ottawa, said on Tuesday.", "want", ("We",),
     "REQUEST", None, "another part"),
    # ... a noun trigger that a movement verb moves goes where it is moved, as a verb trigger did
    ("Russia has moved heavy weapons to eastern Syria.", "weapons", ("Russia", "Syria"), "MOBILIZE",
     ("Syria", "SYR"), "destination 'to Syria' of 'moved'"),
    ("Canada shipped medical aid to Haiti on Friday.", "aid", ("Canada", "Haiti"), "AID", ("Haiti", "HTI"),
     "destination"),
    ("Canada promised medical aid to Haiti on Friday.", "aid", ("Canada", "Haiti"), "AID", None, "actor"),
    # ... a material act done for ground: the ground its purpose infinitive acts on (place_wider.purpose_place)
    ("Riot police used water cannon and tear gas on Sunday to clear a protest camp in Minsk.", "gas", ("police",),
     "ASSAULT", ("Minsk", "BLR"), "is the ground"),
    ("The army launched new airstrikes to help defend the city of Kharkiv.", "airstrikes", ("army",), "ASSAULT",
     ("Kharkiv", "UKR"), "is the ground"),
    ("Government troops began an offensive on Friday to retake Sirte.", "offensive", ("troops",), "ASSAULT",
     ("Sirte", "LBY"), "is the ground"),
    ("Government troops began an offensive on Friday to please their allies in Sirte.", "offensive", ("troops",),
     "ASSAULT", None, "another part"),
    # ... ground handed over moves no one: "to" names the new owner, not a destination (locatives.hands_over)
    ("The occupiers returned the islands to Japan in 1972.", "returned", ("occupiers",), "RETREAT", None,
     "recipient or direction"),
    ("The colonial power transferred the territory to Indonesia.", "transferred", ("power",), "RETREAT", None,
     "recipient"),
    ("The army returned the prisoners to Syria on Friday.", "returned", ("army",), "RETREAT", ("Syria", "SYR"),
     "destination"),
    # sixteenth round: a site's own name ends in its noun ("at Kabul International Airport"); pieces of ground taken
    ("Two guards were killed in a shooting at Kabul International Airport.", "killed", (), "ASSAULT",
     ("Kabul", "AFG"), "locative 'at Kabul'"),
    ("The rebels have seized large swaths of northern Mali.", "seized", ("rebels", "Mali"), "COERCE",
     ("Mali", "MLI"), "'swaths of Mali' is what 'seized' acts on"),
    ("The artillery shelled parts of Kharkiv on Friday.", "shelled", ("artillery",), "ASSAULT",
     ("Kharkiv", "UKR"), "'parts of Kharkiv'"),
    ("The army deployed parts of its reserve to the north.", "deployed", ("army",), "MOBILIZE", None, "no"),
    ("The senator met with the president in the Oval Office on Monday.", "met", ("senator",), "CONSULT",
     ("Oval Office", "USA"), "locative 'in Oval Office'"),
    ("A drone struck the convoy outside Kabul International Airport.", "struck", ("drone",), "ASSAULT",
     ("Kabul", "AFG"), "locative 'outside Kabul'"),
]


# seventeenth round: a site taken; a quantity noun between a weapon and its verb; a country attacked; an arrival
# clause (on the act or on its infinitive); questions answered in the room; a first conjunct with a time of its own;
# a dam the model takes for a person; coordinated prepositions ("in and around")
MORE_LOCATIONS += [
    ("Kurdish fighters recaptured the strategic Haditha Dam from the militants on Monday.", "recaptured",
     ("fighters",), "ASSAULT", ("Haditha Dam", "IRQ"), "a site, is what 'recaptured' acts on"),
    ("Warplanes carried out 20 strikes on militant positions in and around the Tabqa Dam complex.", "strikes",
     ("Warplanes",), "ASSAULT", ("Tabqa Dam", "SYR"), "'Tabqa Dam complex'"),
    ("Iran fired a volley of rockets at American troops in Syria on Tuesday.", "rockets", ("Iran",), "ASSAULT",
     ("Syria", "SYR"), "where 'rockets' struck"),
    ("Canadian jets attacked Libya in 2011.", "attacked", ("jets",), "ASSAULT", ("Libya", "LBY"),
     "'Libya' is what 'attacked' acts on"),
    ("The senator attacked Mexico in a speech on trade.", "attacked", ("senator",), "ACCUSE", None,
     "not in a locative phrase"),
    ("The prime minister called on Beijing to do more, as she arrived in Tokyo for a two-day visit on Monday.",
     "called", ("minister",), "REQUEST", ("Tokyo", "JPN"), "'arrived in Tokyo' says where the doer"),
    ("Shortly after arriving in Vienna, the minister urged Iran to accept limits.", "urged", ("minister",),
     "REQUEST", ("Vienna", "AUT"), "'arriving in Vienna' says where the doer"),
    ("The president condemned the bombing as the troops arrived in Kabul.", "condemned", ("president",), "ACCUSE",
     None, "another part"),
    ("Before arriving in Vienna, the minister urged Iran to accept limits.", "urged", ("minister",), "REQUEST",
     None, "another part"),
    ("The chancellor, answering questions from reporters in Berlin, praised the deal.", "praised", ("chancellor",),
     "SUPPORT", ("Berlin", "DEU"), "on 'questions'"),
    ("The governor, answering questions about the floods in Iowa, praised the rescuers.", "praised", ("governor",),
     "SUPPORT", None, "another part"),
    ("The militias are in Syria fighting for the regime.", "fighting", ("militias",), "ASSAULT", ("Syria", "SYR"),
     "'are in Syria' is where 'fighting' is done"),
    ("The envoys were in Cairo to mediate between the two factions.", "mediate", ("envoys",), "CONSULT",
     ("Cairo", "EGY"), "'were in Cairo'"),
    ("While the envoys were in Cairo, the rebels attacked the base.", "attacked", ("rebels",), "ASSAULT", None,
     "another part"),
    ("The group that attacked Britain in 2005 is not the group we fight today.", "attacked", ("group",), "ASSAULT",
     None, "not in a locative phrase"),
    ("The minister spoke to his counterpart about operations in and around Gaza.", "spoke", ("minister",),
     "CONSULT", None, "another part"),
    ("The militants have long wanted to attack Britain.", "attack", ("militants",), "ASSAULT", None,
     "not in a locative phrase"),
    ("Iraqi forces have recaptured the vital Haditha Dam, officials said.", "recaptured", ("forces",), "ASSAULT",
     ("Haditha Dam", "IRQ"), "a site"),  # the model takes the dam for a person
    ("Officials said Kurdish forces have recaptured the vital Haditha Dam -- calling it a big step.", "recaptured",
     ("forces",), "ASSAULT", ("Haditha Dam", "IRQ"), "a site"),  # parsed as "vital" with the dam in apposition
    ("The jets carried out 35 strikes that destroyed militant positions in and around the Haditha Dam complex.",
     "strikes", ("jets",), "ASSAULT", ("Haditha Dam", "IRQ"), "'around Haditha Dam complex'"),
    ("The prime minister called on Beijing to put more pressure on Pyongyang, as she arrived in Seoul for a "
     "three-day visit Wednesday.", "called", ("minister",), "REQUEST", ("Seoul", "KOR"), "'arrived in Seoul'"),
    ("The aide pleaded guilty in March and testified against his boss in Ohio.", "pleaded", ("aide",), "CONCEDE",
     None, "another part"),
    ("The aide pleaded guilty and testified against his boss in Ohio.", "pleaded", ("aide",), "CONCEDE",
     ("Ohio", "USA"), "in the phrase of 'pleaded'"),
]


# eighteenth round: who asked for an act is no place of it; a place before a person is a home; a peninsula named by
# its place; a stronghold named by its town; sites the gazetteer lacked; a body made to act; an anniversary; a clause
# of killing on a struck site; the streets of a city named as an actor; "al-Qaeda in X"
MORE_LOCATIONS += [
    ("The prisoner was freed by the junta at the request of the United States.", "freed", ("junta",), "RETREAT",
     None, "not in a locative phrase (of)"),
    ("The council met on Friday at the behest of the White House.", "met", ("council",), "CONSULT", None,
     "not in a locative phrase (of)"),
    ("The envoy flew to Oslo at the invitation of Norway.", "flew", ("envoy",), "CONSULT", ("Oslo", "NOR"),
     "Oslo"),
    ("Police arrested a Denver woman on Tuesday.", "arrested", ("Police",), "COERCE", None, "compound"),
    ("Agents detained an Ohio man accused of fraud.", "detained", ("Agents",), "COERCE", None, "compound"),
    ("Agents raided an Ohio warehouse on Monday.", "raided", ("Agents",), "COERCE", ("Ohio", "USA"),
     "'Ohio' modifies 'warehouse'"),
    ("Moscow annexed the Crimea peninsula after a disputed vote.", "annexed", ("Moscow", "Crimea"), "COERCE",
     ("Crimea", "UKR"), "'Crimea peninsula' is what 'annexed' acts on"),
    ("Jets bombed the rebel stronghold of Homs overnight.", "bombed", ("Jets", "Homs"), "ASSAULT", ("Homs", "SYR"),
     "'stronghold of Homs'"),
    ("The president met the envoy at the Blue House on Monday.", "met", ("president",), "CONSULT",
     ("Blue House", "KOR"), "locative 'at Blue House'"),
    ("North Korea conducted its sixth nuclear test at Punggye-ri.", "test", ("Korea",), "MOBILIZE",
     ("Punggye-ri", "PRK"), "locative 'at Punggye-ri'"),
    ("A federal judge forced the Pentagon to release the records.", "forced", ("judge",), "COERCE", None,
     "not in a locative phrase (dobj)"),
    ("Rioters stormed the Capitol on Wednesday.", "stormed", ("Rioters",), "COERCE", ("Capitol Hill", "USA"),
     "a site, is what 'stormed' acts on"),
    ("The guard was killed on the fifth anniversary of the bombings in Madrid.", "killed", (), "ASSAULT", None,
     "another part"),
    ("Hundreds of students marched on the streets of Lyon against the reform.", "marched", ("students", "Lyon"),
     "PROTEST", ("Lyon", "FRA"), "locative 'on Lyon'"),
    ("She was convicted for the bombing of a crowded market in Kano that killed 30 shoppers.", "killed", (),
     "ASSAULT", ("Kano", "NGA"), "locative 'in Kano' on 'market'"),
    ("Police blamed the gang for the raid last month at a village school in Jos that killed two guards.", "killed",
     (), "ASSAULT", ("Jos", "NGA"), "on 'school'"),
    ("The minister visited a school in Gaza that sheltered hundreds of families.", "sheltered", (), "AID", None,
     "another part"),
    ("The bomber was dispatched by al-Qaeda in Iraq to attack the hotel.", "dispatched", ("bomber",), "MOBILIZE",
     None, "a name"),
    ("Gunmen stormed the prison in Yemen on Friday.", "stormed", ("Gunmen",), "COERCE", ("Yemen", "YEM"), "in Yemen"),
    # nineteenth round: a conjunct of what was said, or a body the speaker calls their own, is said where it was said
    ('"We will talk to them and cooperate with them," the chancellor said at a rally in Hamburg.', "cooperate",
     ("chancellor",), "AGREE", ("Hamburg", "DEU"), "on 'rally'"),
    ('"Our government will cooperate fully with the inquiry," the minister said in a speech in Lisbon.',
     "cooperate", ("government",), "AGREE", ("Lisbon", "PRT"), "on 'speech'"),
    ('"His government will cooperate with the inquiry," the minister said in a speech in Lisbon.', "cooperate",
     ("government",), "AGREE", None, "another part"),
    # ... an act on things announced is not placed where it was announced
    ("In Berlin, the police announced the arrest of a Texas man.", "arrest", ("police",), "COERCE", None,
     "another part"),
    ("In Madrid, the ministry announced the deployment of two frigates.", "deployment", ("ministry",), "MOBILIZE",
     None, "another part"),
    # ... a site an attack or a seizure acts on, named by its city, even when the coder took the city for a party
    ("Commandos stormed a Lagos hotel on Friday.", "stormed", ("Commandos", "Lagos"), "ASSAULT", ("Lagos", "NGA"),
     "names the 'hotel'"),
    ("Jets destroyed the headquarters and two Gaza police stations.", "destroyed", ("Jets",), "ASSAULT",
     ("Gaza Strip", "PSE"), "names the 'stations'"),
    ("The minister praised a Lagos hotel.", "praised", ("minister",), "SUPPORT", None, "compound"),
    # ... troops sent, in the passive, to a place the coder took for the recipient
    ("Several thousand soldiers were dispatched by the president to Chicago.", "soldiers", ("president", "Chicago"),
     "MOBILIZE", ("Chicago", "USA"), "destination 'to Chicago'"),
    # ... ground seized that is coded as a country
    ("The army seized the Falklands in 1982.", "seized", ("army",), "COERCE", ("Falkland Islands", "FLK"),
     "what 'seized' acts on"),
    # ... a meeting's topic is no place
    ("The envoys held a call about a mining deal in Peru.", "call", ("envoys",), "CONSULT", None, "another part"),
    ("The ministers met on the sidelines of the summit in Oslo.", "met", ("ministers",), "CONSULT", ("Oslo", "NOR"),
     "on 'summit'"),
    ('"He called her on Monday and they will meet next week," the aide told reporters in Rome.', "meet",
     ("they",), "AGREE", None, "another part"),
    # ... an act done after meeting is done where they met, unless it has a time of its own
    ("The two ministers met in Oslo on Monday and signed a fishing accord.", "signed", ("ministers",), "AGREE",
     ("Oslo", "NOR"), "in the phrase of 'signed'"),
    ("The envoys met in Oslo in May and later rejected the plan.", "rejected", ("envoys",), "REJECT", None,
     "another part"),
    # ... how long an act lasted carries its place; a killing clause hung on the city of a struck site
    ("The two presidents talked for 90 minutes at the Kremlin on Friday.", "talked", ("presidents",), "CONSULT",
     ("Kremlin", "RUS"), "on 'minutes'"),
    ("The rebels fought for three years in Idlib.", "fought", ("rebels",), "ASSAULT", ("Idlib", "SYR"), "on 'years'"),
    ("The minister spoke for years about reforms in Kenya.", "spoke", ("minister",), "CONSULT", None, "another part"),
    ("The 1998 bombing of the embassy in Nairobi, which killed 200 people, shocked the world.", "killed", (),
     "ASSAULT", ("Nairobi", "KEN"), "on 'embassy'"),
]


@pytest.mark.parametrize(("text", "trigger", "actors", "event", "expected", "reason"), MORE_LOCATIONS)
def test_locate_event_finds_wider_places(gaz, parse, text, trigger, actors, event, expected, reason):
    sents = parse(text)
    mentions = find_places(sents, gaz)
    quad = {"ASSAULT": 4, "COERCE": 4, "MOBILIZE": 4, "PROTEST": 4, "AID": 2, "RETREAT": 2}.get(event, 1)
    place, why = locate_event(make_event(sents[0], trigger, actor_words=actors, quad=quad, event=event), sents[0],
                              mentions)
    got = (place.name, place.country_code) if place else None
    assert got == expected, why
    assert reason in why


@pytest.mark.parametrize(
    ("date", "country"),
    [(D(2005, 6, 1), "SDN"), (D(2011, 7, 8), "SDN"), (D(2011, 7, 9), "SSD"), (None, "SSD"), (D(2019, 1, 1), "SSD")],
)
def test_place_events_historical_names_take_the_country_of_the_event_date(ctx, parse, date, country):
    sents = parse("Rebels shelled Juba.")
    ev = dataclasses.replace(make_event(sents[0], "shelled", quad=4, event="ASSAULT"), date=date)
    doc = Document(article=Article(id="a1", text=sents[0].text), sentences=tuple(sents), events=(ev,))
    got = place_events(doc, ctx).events[0]
    assert got.event_loc is not None and got.event_loc.country_code == country, got.loc_reason
    if country == "SDN":
        assert "2011-07-09" in got.loc_reason


@pytest.mark.parametrize(("text", "trigger", "actors", "quad", "expected", "reason"), LOCATIONS)
def test_locate_event_uses_locative_phrase(gaz, parse, text, trigger, actors, quad, expected, reason):
    sents = parse(text)
    mentions = find_places(sents, gaz)
    place, why = locate_event(make_event(sents[0], trigger, actor_words=actors, quad=quad), sents[0], mentions)
    got = (place.name, place.country_code) if place else None
    assert got == expected, why
    assert reason in why


def test_find_places_keeps_offsets_and_sentence(gaz, parse):
    text = "Biden flew to Geneva. Putin stayed in Moscow."
    mentions = find_places(parse(text), gaz)
    assert [(m.place.name, m.sentence) for m in mentions] == [("Geneva", 0), ("Moscow", 1)]
    assert [text[m.place.start:m.place.end] for m in mentions] == ["Geneva", "Moscow"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clashes erupted in Nagorno-Karabakh.", ["Nagorno-Karabakh"]),
        ("Rebels shelled Mariupol and Kramatorsk.", ["Mariupol", "Kramatorsk"]),
        ("Shelling hit the Luhansk region overnight.", ["Luhansk region"]),
        ("Microsoft and Apple reported higher profits.", []),
        ("Officials said the metro was closed.", []),
        ("The ship sank in the Sea of Japan.", ["Sea of Japan"]),
        ("He said in a chat with the Times of London that he would resign.", ["London"]),
        ("Fighting spread from Kobane to Jarablus.", ["‘Ayn al ‘Arab", "Jarābulus"]),
        ("A SWAT team arrived.", []),
        ("Russian forces shelled Mariupol and Kharkiv on Monday.", ["Mariupol", "Kharkiv"]),
        # fifteenth round: "New" left outside the span by the model ("Mexico" was the country)
        ("A gunman in New Mexico opened fire at a school.", ["New Mexico"]),
        ("Storms flooded towns across New Mexico and Mexico.", ["New Mexico", "Mexico"]),
        # ... and a name that goes on with "of" is no town named by its first word (Summit, New Jersey)
        ("The two presidents shook hands at the Summit of the Americas.", []),
        # nineteenth round: a sea named after a capitalised "The" inside a sentence is a magazine; "Islands" joins
        ('"The plan is narrow," the author writes in The Atlantic.', []),
        ("The navy sent two ships across the Atlantic.", ["Atlantic Ocean"]),
        ("The junta seized the remote Falklands Islands in 1982.", ["Falkland Islands"]),
        # ... and a country's code only in capitals ("North and" was Andorra, AND)
        ("The talks between North and South Korea resumed on Monday.", ["South Korea"]),
    ],
)
def test_find_places_spans(gaz, parse, text, expected):
    assert [m.place.name for m in find_places(parse(text), gaz) if m.place] == expected


def test_place_events_records_unmatched_place(ctx, parse):
    sents = parse("Rebels attacked the village of Xyzzyville in Mordor.")
    doc = Document(article=Article(id="a1", text=sents[0].text), sentences=tuple(sents), events=())
    out = place_events(doc, ctx)
    names = {p.name for p in out.places}
    assert "Xyzzyville" not in names and "Mordor" not in names


# ---------------------------------------------------------------- the reference article


def test_reference_article_geneva_summit_is_placed(pipeline, reference_text):
    from redline.stages.clean import clean_text

    doc = pipeline.run_one(clean_text(reference_text))
    assert any(p.name == "Geneva" and p.country_code == "CHE" for p in doc.places)
    summit = [e for e in doc.events if "Geneva" in e.text and e.event_loc is not None]
    if not summit:
        pytest.skip("the coder produced no event in a Geneva sentence yet")
    assert (summit[0].event_loc.name, summit[0].event_loc.country_code) == ("Geneva", "CHE")
    assert not any(p.country_code == "USA" and p.name == "Geneva" for p in doc.places)


def test_gazetteer_bad_towns_file_is_a_knowledge_error(tmp_path, monkeypatch):
    from redline.errors import KnowledgeError
    from redline.knowledge import gazetteer

    (tmp_path / "regions.tsv").write_text("Crimea\t\tUKR\t\t45.3\t34.4\tcontested\tnote\n", encoding="utf-8")
    (tmp_path / "towns.tsv").write_text("Afrin\t\tSYR\t\t36.5\t36.9\tcity\tmany\tnote\n", encoding="utf-8")
    (tmp_path / "country_aliases.tsv").write_text("U.S.\tUSA\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "DATA_DIR", tmp_path)
    with pytest.raises(KnowledgeError, match="population 'many' is not a number"):
        gazetteer.build_index()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Crimea\tCrimean Peninsula\tUKR\n", "expected 8 tab-separated columns"),
        ("Crimea\t\tUKR\t\tnorth\t34.4\tcontested\tnote\n", "not a number"),
    ],
)
def test_gazetteer_bad_data_file_is_a_knowledge_error(tmp_path, monkeypatch, content, message):
    from redline.errors import KnowledgeError
    from redline.knowledge import gazetteer

    (tmp_path / "regions.tsv").write_text(content, encoding="utf-8")
    (tmp_path / "country_aliases.tsv").write_text("U.S.\tUSA\n", encoding="utf-8")
    monkeypatch.setattr(gazetteer, "DATA_DIR", tmp_path)
    with pytest.raises(KnowledgeError, match=message):
        gazetteer.build_index()


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Biden and Putin held a summit in Geneva. The two leaders agreed at the summit to resume talks.",
         "agreed", ("Geneva", "CHE")),
        ("Biden and Putin held a summit in Geneva. The two leaders agreed at a later summit to resume talks.",
         "agreed", None),
        ("Leaders met at a summit in Geneva. Ministers met at a summit in Vienna. They agreed at the summit to talk.",
         "agreed", None),
        ("The two leaders agreed at the summit to resume talks.", "agreed", None),
        # ninth round: an occasion placed by a name before it ("the Geneva summit", "the Benghazi attack")
        ("The Geneva summit opened on Monday. The two leaders agreed at the summit to resume talks.", "agreed",
         ("Geneva", "CHE")),
        ("Critics faulted the response to the Benghazi attack. Four Americans died in the attack.", "died",
         ("Benghazi", "LBY")),
        ("Critics faulted the U.S. attack. Four soldiers died in the attack.", "died", None),
        # eleventh round: an occasion named by its own date is that occasion, not the one placed before
        ("Gunmen carried out a massacre in the small Bosnian town of Srebrenica. His term covered the 11 September 2001 "
         "attacks.", "attacks", None),
        ("Gunmen carried out a massacre in the small Bosnian town of Srebrenica. Four men died in the attacks.", "died",
         ("Srebrenica", "BIH")),
    ],
)
def test_place_events_definite_occasion_refers_back(ctx, parse, text, trigger, expected):
    sents = parse(text)
    last = sents[-1]
    doc = Document(article=Article(id="a1", text=text), sentences=tuple(sents),
                   events=(make_event(last, trigger),))
    ev = place_events(doc, ctx).events[0]
    got = (ev.event_loc.name, ev.event_loc.country_code) if ev.event_loc else None
    assert got == expected, ev.loc_reason


# issue 13, ninth round: sites and settlements named again ("the compound", "the plant", "the city")
@pytest.mark.parametrize(
    ("text", "trigger", "event", "expected"),
    [
        ("Protesters massed outside the Turkish Embassy compound in Baghdad. Dozens later broke into the compound.",
         "broke", "COERCE", ("Baghdad", "IRQ")),
        ("Shelling hit the nuclear plant near Kherson. Inspectors visited the plant on Friday.", "visited",
         "CONSULT", ("Kherson", "UKR")),
        ("The Iranian embassy in London issued a statement. The embassy condemned the arrests.", "condemned",
         "ACCUSE", None),
        ("Russian forces shelled Mariupol on Monday. The city was shelled again on Tuesday.", "shelled", "ASSAULT",
         ("Mariupol", "UKR")),
        ("Russian forces shelled Mariupol on Monday. Troops attacked the city again on Tuesday.", "attacked",
         "ASSAULT", ("Mariupol", "UKR")),
        ("Russian forces shelled Mariupol and Kharkiv on Monday. Troops attacked the city again on Tuesday.",
         "attacked", "ASSAULT", None),
        ("Rebels seized Bakhmut last year. The city said it would rebuild.", "said", "ACCUSE", None),
    ],
)
def test_place_events_site_named_again(ctx, parse, text, trigger, event, expected):
    sents = parse(text)
    quad = {"ASSAULT": 4, "COERCE": 4}.get(event, 1)
    doc = Document(article=Article(id="a1", text=text), sentences=tuple(sents),
                   events=(make_event(sents[-1], trigger, quad=quad, event=event),))
    ev = place_events(doc, ctx).events[0]
    got = (ev.event_loc.name, ev.event_loc.country_code) if ev.event_loc else None
    assert got == expected, ev.loc_reason


def test_gazetteer_cache_never_runs_code_from_a_planted_file(tmp_path, monkeypatch):
    """A cache file someone planted (a pickle that runs a command when loaded) is not executed."""
    import pickle

    from redline.knowledge import gazetteer

    monkeypatch.setenv("REDLINE_CACHE_DIR", str(tmp_path))
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    path = gazetteer._cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps({"stamp": gazetteer._sources_stamp(), "rows": Planted(), "keys": {}}))
    gaz = gazetteer.load_gazetteer()
    assert not marker.exists()
    assert gaz.candidates("Geneva")  # rebuilt from the sources, and cached again as data
    assert gazetteer.load_gazetteer().candidates("Geneva") == gaz.candidates("Geneva")


@pytest.mark.parametrize(
    ("text", "trigger", "event", "expected"),
    [
        ("The protesters then stormed a nearby party office.", "stormed", "PROTEST", "a nearby party office"),
        ("Thousands of supporters rallied in front of his palace.", "rallied", "PROTEST", "his palace"),
        ("Police detained the students outside the parliament building on Monday.", "detained", "COERCE",
         "the parliament building"),
        ("Gunmen attacked a U.S. base.", "attacked", "ASSAULT", None),  # whose ground is not said
        ("The minister criticised the embassy.", "criticised", "ACCUSE", None),  # not a material act
        ("Rebels attacked the government.", "attacked", "ASSAULT", None),  # not a site
    ],
)
def test_unnamed_site_of_a_material_act(parse, text, trigger, event, expected):
    from redline.stages.locatives import event_anchors
    from redline.stages.place_sites import unnamed_site

    s = parse(text)[0]
    i = next(t.i for t in s.tokens if t.text == trigger)
    assert unnamed_site(s.tokens, i, event_anchors(s.tokens, i, material=True), event) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an article about one country: its unnamed sites are in that country
        ("Protesters marched in Cairo, Alexandria and Suez against the president. Clashes spread to Port Said. "
         "The protesters then stormed a nearby party office.", ("Egypt", "EGY", "a nearby party office")),
        # an article about several countries: no country for the site (three cities each: "Lyon and Marseille"
        # are found since the ninth round, coordinated with "Paris")
        ("Protesters marched in Cairo, Suez and Alexandria. Others gathered in Paris, Lyon and Marseille. "
         "The protesters then stormed a nearby party office.", None),
    ],
)
def test_place_events_unnamed_site_takes_the_article_country(ctx, parse, text, expected):
    sents = parse(text)
    last = sents[-1]
    doc = Document(article=Article(id="a1", text=text), sentences=tuple(sents),
                   events=(make_event(last, "stormed", quad=4, event="PROTEST"),))
    ev = place_events(doc, ctx).events[0]
    got = (ev.event_loc.name, ev.event_loc.country_code, ev.event_loc.text) if ev.event_loc else None
    assert got == expected, ev.loc_reason
    if expected:
        assert "the article's country" in ev.loc_reason



# issue 13, tenth round: "there" points back to the place named just before; "the city" of a city-state; a
# statement's topic is not where it was made
@pytest.mark.parametrize(
    ("text", "trigger", "event", "expected"),
    [
        ("Aid groups abandoned the eastern city, Benghazi. It was there that militants besieged the consulate.",
         "besieged", "COERCE", ("Benghazi", "LBY")),
        ("The minister flew to Paris on Monday. He met the president there.", "met", "CONSULT", ("Paris", "FRA")),
        ("Troops moved into Kherson and fought there for a week.", "fought", "ASSAULT", ("Kherson", "UKR")),
        ("U.S. officials met on Monday. There were clashes on Tuesday.", "clashes", "ASSAULT", None),  # existential
        ("Libya's leaders met on Monday. Fighting there continued.", "Fighting", "ASSAULT", None),  # an owner
        ("A gang attacked an activist in Mong Kok in Hong Kong. Masked men lashed out at protesters across the city.",
         "lashed", "ASSAULT", ("Hong Kong", "HKG")),
        ("Gunmen carried out an attack in Kabul on Monday. Four guards died in the attack.", "died", "ASSAULT",
         ("Kabul", "AFG")),
        # eleventh round: "the city's airport" names the city again, for an act on things that is not its subject
        ("Russian forces shelled Mariupol on Monday. Troops later seized the city's airport.", "seized", "COERCE",
         ("Mariupol", "UKR")),
        ("Russian forces shelled Mariupol on Monday. The city's mayor condemned the attack.", "condemned", "ACCUSE",
         None),
        ("Russian forces shelled Mariupol and Kharkiv on Monday. Troops later seized the city's airport.", "seized",
         "COERCE", None),  # two cities named before
        ("Gunmen carried out an attack in Kabul on Monday. The authorities must conduct an investigation into the "
         "attack.", "conduct", "REQUEST", None),
    ],
)
def test_place_events_there_and_cities_named_again(ctx, parse, text, trigger, event, expected):
    _check_place_event(ctx, parse, text, trigger, event, expected)


# issue 13, tenth round: a piece of a country's ground named by the country's adjective
@pytest.mark.parametrize(
    ("text", "trigger", "event", "expected"),
    [
        ("Rebels shelled a Syrian village on Monday.", "shelled", "ASSAULT", ("Syria", "SYR", "a Syrian village")),
        ("Chinese ships sailed into Japanese waters on Monday.", "sailed", "MOBILIZE",
         ("Japan", "JPN", "Japanese waters")),
        # a facility: only in an article about that country ("an American base" is often abroad)
        ("Iranian missiles struck an American base on Tuesday.", "struck", "ASSAULT", None),
        ("Government troops shelled Idlib. Rebels in Aleppo fought back near Homs. Israeli jets struck a Syrian "
         "airfield on Monday.", "struck", "ASSAULT", ("Syria", "SYR", "a Syrian airfield")),
        ("Protesters attacked the Ukrainian embassy.", "attacked", "ASSAULT", None),  # an embassy stands abroad
        ("The minister praised a Syrian village.", "praised", "PRAISE", None),  # not an act on things
        # a conflict named by the country it is fought in; not an invasion named by its maker
        ("Thousands of soldiers died in the Afghan war.", "war", "ASSAULT", ("Afghanistan", "AFG", "the Afghan war")),
        ("Thousands of soldiers died in the Russian invasion.", "invasion", "ASSAULT", None),
        ("Brussels imposed sanctions over the Ukrainian conflict.", "imposed", "SANCTION", None),
        # the town's own name when "of" gives it
        ("Allied planes dropped food to fighters battling to hold the Syrian town of Kobani "
         "against the jihadists.", "battling", "ASSAULT", ("‘Ayn al ‘Arab", "SYR", "Kobani")),
        ("Rebels fought over Syrian territory for years.", "fought", "ASSAULT", None),  # a stake, not a scene
        # eleventh round: landscapes and resorts; "on" a site of an act on things
        ("Police recaptured him at a Mexican beach resort.", "recaptured", "COERCE",
         ("Mexico", "MEX", "a Mexican beach resort")),
        ("Militants were hiding in the Syrian desert.", "hiding", "MOBILIZE", ("Syria", "SYR", "the Syrian desert")),
        ("Jets carried out strikes on a Syrian village.", "strikes", "ASSAULT", ("Syria", "SYR", "a Syrian village")),
        ("Admirals ordered strikes on a Yemeni air base.", "strikes", "ASSAULT", None),  # a facility: article's country
    ],
)
def test_place_events_ground_named_by_its_nation(ctx, parse, text, trigger, event, expected):
    _check_place_event(ctx, parse, text, trigger, event, expected, with_text=True)


# issue 13, eleventh round: a settlement the article introduces by its country's adjective ("the Syrian town of
# Ja'Din") is a place of the article wherever it is named again, though no gazetteer lists it
@pytest.mark.parametrize(
    ("text", "trigger", "event", "expected"),
    [
        ("The jet was downed near the Syrian town of Qasr Tala. Regime forces launched an attack on Qasr Tala on "
         "Sunday.", "attack", "ASSAULT", ("Qasr Tala", "SYR", "Qasr Tala")),
        ("Militants overran the Iraqi village of Kharab Dor last week. Troops shelled Kharab Dor on Monday.",
         "shelled", "ASSAULT", ("Kharab Dor", "IRQ", "Kharab Dor")),
        ("Gunmen killed six farmers in the Nigerian village of Ungwan Bako.", "killed", "ASSAULT",
         ("Ungwan Bako", "NGA", "Ungwan Bako")),
        ("Rebels held the Syrian border town of Tell Harra. Later the rebels met Qasr Tala officials.", "met",
         "CONSULT", None),  # a name never introduced stays unknown
        # one name introduced in two countries is neither
        ("Militants overran the Iraqi village of Kharab Dor. Another Syrian village of Kharab Dor fell. Troops "
         "shelled Kharab Dor on Monday.", "shelled", "ASSAULT", None),
        # a name the gazetteer knows is the gazetteer's
        ("Fighting reached the Syrian city of Aleppo. Jets bombed Aleppo on Monday.", "bombed", "ASSAULT",
         ("Aleppo", "SYR", "Aleppo")),
    ],
)
def test_place_events_settlement_introduced_by_its_country(ctx, parse, text, trigger, event, expected):
    _check_place_event(ctx, parse, text, trigger, event, expected, with_text=True)


def test_introduced_settlement_keeps_its_reason_and_no_coordinates(ctx, parse):
    text = "The jet was downed near the Syrian town of Qasr Tala. Regime forces shelled Qasr Tala on Sunday."
    sents = parse(text)
    doc = Document(article=Article(id="a1", text=text), sentences=tuple(sents),
                   events=(make_event(sents[1], "shelled", quad=4, event="ASSAULT"),))
    out = place_events(doc, ctx)
    loc = out.events[0].event_loc
    assert loc is not None and (loc.lat, loc.lon, loc.sentence) == (None, None, 1), out.events[0].loc_reason
    assert text[loc.start:loc.end] == "Qasr Tala"
    assert "introduced as 'Syrian town of Qasr Tala' (sentence 0)" in out.events[0].loc_reason
    assert [p.name for p in out.places if p.name == "Qasr Tala"] == ["Qasr Tala", "Qasr Tala"]


def _check_place_event(ctx, parse, text, trigger, event, expected, *, with_text=False):
    sents = parse(text)
    quad = {"ASSAULT": 4, "COERCE": 4, "MOBILIZE": 4}.get(event, 1)
    sentence = next(s for s in sents if any(t.text == trigger for t in s.tokens))
    doc = Document(article=Article(id="a1", text=text), sentences=tuple(sents),
                   events=(make_event(sentence, trigger, quad=quad, event=event),))
    ev = place_events(doc, ctx).events[0]
    got = (ev.event_loc.name, ev.event_loc.country_code) if ev.event_loc else None
    if with_text and ev.event_loc:
        got = (*got, ev.event_loc.text)
    assert got == expected, ev.loc_reason


def test_place_events_words_that_point_back_are_the_event_loc_text(ctx, parse):
    """"there" and "the city" keep their own words as the text (in the event's sentence); the name is the place."""
    text = "Russian forces shelled Mariupol on Monday. Troops attacked the city again and fought there for a week."
    sents = parse(text)
    for trigger, words in (("attacked", "the city"), ("fought", "there")):
        doc = Document(article=Article(id="a1", text=text), sentences=tuple(sents),
                       events=(make_event(sents[1], trigger, quad=4, event="ASSAULT"),))
        loc = place_events(doc, ctx).events[0].event_loc
        assert loc is not None and (loc.name, loc.text, loc.sentence) == ("Mariupol", words, 1)
        assert text[loc.start:loc.end] == words
