"""Readings of common verbs that their complement or their parties decide (sixth round of issue 12, judged
samples of real articles): a warning *against* something is an appeal, a request for a document or an
inquiry asks no party for anything, charging a fee accuses nobody, sharing a border cooperates in nothing, an
obligation laid on "each country" demands nothing of a party, troops that "are stationed" somewhere are a
standing state, tourists visiting a country meet no one, appeals to voters are campaigning, questions of the
press are no requests. Fifteenth round (fresh sample A): counts of victims over a period,
preventing an outcome, denying a fact, acts named again as the subject of "comes", visits to one's own country and
backing or blocking appointments at home are no events either.

Each check is a pure function of the sentence tree, the frame and (for the last ones) its resolved parties.
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code
from ...knowledge.temporal_values import MONTH_WORDS
from ...records import Event, Sentence
from .tree import Frame, Tree, first_reason, names_word

# What one asks for, orders or requests when one wants paperwork or an inquiry, not an act of a party.
PAPERWORK = frozenset({"transcript", "transcripts", "document", "documents", "record", "records", "file", "files",
                       "copy", "copies", "review", "audit", "study", "report", "assessment", "briefing", "data",
                       "information", "details", "memo", "list", "update", "updates", "analysis", "evaluation",
                       "recount", "inventory", "survey", "material", "materials", "declassification", "disclosure",
                       "complaint", "complaints", "email", "emails", "text", "texts"})
# What one is paid or charges: money, not charges in court.
MONEY = frozenset({"fee", "fees", "price", "prices", "rate", "rates", "tax", "taxes", "toll", "tolls", "money",
                   "dollar", "dollars", "interest", "premium", "rent", "fare", "fares", "tariff", "tariffs",
                   "commission", "cent", "cents", "euro", "euros", "pound", "pounds"})
# What neighbours share by geography or nature, not by cooperation.
GEOGRAPHY = frozenset({"border", "borders", "frontier", "coast", "coastline", "coast line", "shoreline", "boundary",
                       "river", "sea", "lake", "island", "peninsula", "language", "culture", "history", "heritage",
                       "ancestry", "religion", "faith", "name", "time zone", "climate", "fate", "roots"})
# "each country has to", "no one should": a maxim; "any responsible leader should stand up now" is aimed
# at leaders who do not (our dev gold codes it a REQUEST), so "any" and "every" stay demands.
GENERIC_DETS = frozenset({"each", "no"})
GENERIC_PRONOUNS = frozenset({"everyone", "everybody", "anyone", "anybody", "nobody", "one", "someone", "somebody"})
# Whom one thanks in private life: no party of a political event.
PRIVATE_THANKS = frozenset({"god", "allah", "lord", "family", "families", "friend", "friends", "fan", "fans", "wife",
                            "husband", "mother", "father", "parent", "parents", "child", "children", "son",
                            "daughter", "doctor", "doctors", "nurse", "nurses", "everyone", "everybody"})
VOTERS = frozenset({"voter", "voters", "electorate", "constituent", "constituents", "electors"})
AGREEMENT_WORDS = frozenset({"agreement", "agreements", "deal", "deals", "accord", "accords", "treaty", "treaties",
                             "pact", "handover", "arrangement", "declaration", "transfer", "transition"})


def warned_against(tree: Tree, f: Frame) -> Code | None:
    """'warned the administration against a pullout', 'warned Congress against cutting the budget': a warning
    *against* a course urges the party not to take it (REQUEST); it threatens nothing. 'warned of consequences'
    and 'warned X that it would strike' stay THREATEN."""
    if f.code.event != "THREATEN" or f.entry != "warn" or f.code.mode is not None:
        return None
    if not tree.prep_args(f.base, ("against",)) or tree.prep_args(f.base, ("of",)) or \
            tree.children(f.base, {"ccomp"}):
        return None
    return Code("REQUEST", None, "020")


def warned_to(tree: Tree, f: Frame) -> Code | None:
    """'NATO warned the Syrian government to allow observers in', 'warned Iran to return to the talks': a warning
    to *do* something, with no consequence said, urges the party (REQUEST). 'warned X not to', 'warned of
    consequences' and 'warned X that it would strike' stay THREATEN."""
    if f.code.event != "THREATEN" or f.entry != "warn" or f.code.mode is not None:
        return None
    toks = tree.tokens
    if tree.prep_args(f.base, ("of", "against")) or tree.children(f.base, {"ccomp", "advcl"}):
        return None
    comps = [c for c in tree.children(f.base, {"xcomp"}) if toks[c].pos in ("VERB", "AUX")]
    if not comps or not tree.children(f.base, {"dobj"}) or any(
            toks[k].dep == "neg" for c in comps for k in tree.kids[c]):
        return None
    return Code("REQUEST", None, "020")


def paperwork_request(tree: Tree, f: Frame) -> bool:
    """'requested a transcript of the call', 'ordered a review of its travel', 'asked for the records': asking
    for documents or an inquiry with no party asked is no REQUEST to anyone."""
    if f.code.event != "REQUEST" or tree.children(f.base, {"dative"}) or not f.rule.startswith("svo"):
        return False
    objects = [*f.objects, *f.recipients, *tree.children(f.base, {"dobj"}),
               *[a for _, a in tree.prep_args(f.base, ("for",))]]  # "requested copies": the object may be read
    # as the one asked; every argument must be paperwork ("asked the ministry for the records" asks a party)
    return bool(objects) and all(names_word(tree, o, PAPERWORK) for o in objects)



def money_charge(tree: Tree, f: Frame) -> bool:
    """'charging boats a fee', 'charged higher prices': a charge of money accuses nobody of anything."""
    if f.code.event != "ACCUSE" or tree.tokens[f.base].lemma.lower() != "charge":
        return False
    objects = [*f.objects, *tree.children(f.base, {"dobj", "dative"})]
    return any(names_word(tree, o, MONEY) for o in objects) and not tree.prep_args(f.base, ("with",))


def shared_geography(tree: Tree, f: Frame) -> bool:
    """'shares a border with Iran', 'share a language and a history': what neighbours have in common by
    geography or descent is no cooperation ('shared intelligence with Iraq' stays)."""
    if f.code.event != "COOPERATE" or tree.tokens[f.base].lemma.lower() != "share":
        return False
    objects = [*f.objects, *tree.children(f.base, {"dobj"})]
    return bool(objects) and all(names_word(tree, o, GEOGRAPHY) for o in objects)


def private_thanks(tree: Tree, f: Frame) -> bool:
    """'We thank God and all our relatives and friends', 'thanked the doctors': thanks in private life support
    no party ('thanked Kim for releasing the men' stays SUPPORT)."""
    if f.code.event != "SUPPORT" or tree.tokens[f.base].lemma.lower() != "thank":
        return False
    objects = [x for o in [*f.objects, *f.recipients, *tree.children(f.base, {"dobj"})] for x in tree.conjuncts(o)]
    return bool(objects) and all(names_word(tree, o, PRIVATE_THANKS) for o in objects)


def scattered(tree: Tree, f: Frame) -> bool:
    """'fighters were dispersed to mountain camps', 'dispersed across the region': dispersing *to* or *across*
    places moves people; crowd control disperses a crowd where it stands ('dispersed the protesters')."""
    return f.code.event == "ASSAULT" and f.code.mode == "crowd-control" and \
        tree.tokens[f.base].lemma.lower() == "disperse" and bool(
            tree.prep_args(f.base, ("to", "into", "across", "among", "throughout", "over")))


def generic_obligation(tree: Tree, f: Frame) -> bool:
    """'each nation has to decide for itself', 'no country should be left alone', 'nobody should be
    surprised': an obligation on everyone (a quantified or indefinite subject) is a maxim, no demand on a party."""
    if not f.rule.startswith("deontic"):
        return False
    toks = tree.tokens
    subjects = list(f.recipients)  # a deontic frame's recipients are the obliged subjects
    return bool(subjects) and all(
        toks[s].lower in GENERIC_PRONOUNS or any(toks[k].dep == "det" and toks[k].lower in GENERIC_DETS
                                                 for k in tree.kids[s]) for s in subjects)


def standing_deployment(tree: Tree, f: Frame) -> bool:
    """'80,000 troops are stationed in South Korea', 'the fleet is based in Bahrain': a present-tense passive of
    stationing or basing states where forces are, not a move ('were stationed there last week' is a move)."""
    if f.code.event != "MOBILIZE" or tree.tokens[f.base].lemma.lower() not in ("station", "base", "garrison"):
        return False
    toks = tree.tokens
    if toks[f.base].tag in ("VBZ", "VBP") and not any(toks[k].dep in ("aux", "auxpass") for k in tree.kids[f.base]):
        return True  # "Britain stations 900 soldiers in Estonia" (twelfth round, sample M)
    return any(toks[k].dep == "auxpass" and toks[k].lower in ("is", "are", "'re", "remain", "remains")
               for k in tree.kids[f.base])


def private_visit(f: Frame, actors) -> bool:
    """'thousands of tourists visited Thailand', 'crowds visiting the beaches': civilians travelling meet no
    party; PLOVER's visits are made by officials and organisations. A reporter visiting a front line or a leader
    ('the correspondent visited the front line') is reporting, as a journalist talking to a party is an interview."""
    return f.code.event == "CONSULT" and f.code.mode == "visit" and bool(actors) and all(
        a.entity.sector in ("CVL", "JRN") for a in actors)


def campaigning(tree: Tree, f: Frame, recipients) -> bool:
    """'begged voters not to ...', 'urged his constituents to ...', 'promised voters lower taxes': appeals and
    promises to the electorate are campaigning, not acts between parties."""
    heads = [r.head for r in recipients] or list(f.recipients)
    return f.code.event in ("REQUEST", "AGREE", "SUPPORT") and bool(heads) and all(
        h >= 0 and tree.tokens[h].lower in VOTERS for h in heads)


def press_question(f: Frame, actors) -> bool:
    """'journalists asked the agency to verify the report', 'reporters asked the ministry for comment': the
    press asking questions requests nothing of a party."""
    return f.code.event == "REQUEST" and f.entry in ("ask", "ask for", "request", "query") and bool(actors) and all(
        a.entity.sector == "JRN" for a in actors)  # "a state newspaper called on Arabs to unite" stays


def own_country_defended(f: Frame, actors, recipients) -> bool:
    """'the president defended the United States', 'praised America': a leader speaking up for his own country
    supports no other party."""
    if f.code.event != "SUPPORT" or not recipients or not actors:
        return False
    codes = {a.entity.code for a in actors}
    return len(codes) == 1 and None not in codes and all(
        r.entity.code in codes and r.entity.sector is None for r in recipients)


# Ways a transfer is agreed: control taken "under" or "as part of" one of them is handed over, not seized.
AGREED_BY = ("under", "per", "through", "by")
# What one destroys of one's own record: evidence and papers, not a party's property.
RECORDS = PAPERWORK | frozenset({"evidence", "tape", "tapes", "video", "videos", "recording", "recordings",
                                 "footage", "email", "emails", "note", "notes", "paper", "papers", "log", "logs"})


def handover(tree: Tree, f: Frame) -> bool:
    """'China took back control of Hong Kong under the 1997 agreement', 'the Afghan army took control of the base
    under a deal with the Americans': control taken under an agreement is handed over, no seizure. 'took control
    of the town after heavy fighting' stays COERCE/seize."""
    if f.code.event != "COERCE" or f.code.mode != "seize":
        return False
    toks = tree.tokens
    heads = [f.base, *tree.children(f.base, {"dobj"})]
    return any(toks[a].lemma.lower() in AGREEMENT_WORDS or
               any(toks[k].lower in AGREEMENT_WORDS for k in tree.children(a, {"compound"}))
               for h in heads for _, a in tree.prep_args(h, AGREED_BY))


def destroyed_records(tree: Tree, f: Frame) -> bool:
    """'destroyed evidence of the torture', 'destroyed the tapes of the interrogations': destroying records is
    obstruction inside one's own house, not an attack on a party's property ('destroyed a rebel arms depot')."""
    if f.code.event != "ASSAULT" or f.code.mode != "destroy":
        return False
    objects = [*tree.children(f.base, {"dobj", "nsubjpass"})]
    return bool(objects) and all(names_word(tree, o, RECORDS) for o in objects)


# Whom one tells things to in public: the press and audiences (a statement, not an instruction to a party).
TOLD = frozenset({"reporter", "reporters", "journalist", "journalists", "press", "correspondent", "correspondents",
                  "crowd", "crowds", "audience", "audiences", "supporter", "supporters", "viewer", "viewers",
                  "interviewer", "rally", "newspaper", "media"})


def told_the_press(tree: Tree, f: Frame) -> bool:
    """'the president told reporters on the palace steps', 'the senator told reporters to keep the irony in mind',
    'he told the crowd to be proud': telling the press or an audience is a statement, no request of a party.
    'told Iran to stop enrichment' stays a request."""
    if f.code.event != "REQUEST" or tree.tokens[f.base].lemma.lower() != "tell":
        return False
    hearers = tree.children(f.base, {"dobj", "dative", "iobj"})
    return bool(hearers) and all(names_word(tree, h, TOLD) for h in hearers)


# Who can be "on alert" without any force being readied: diplomatic posts, the world or a region, civil places.
UNARMED_HOLDERS = frozenset({"embassy", "embassies", "consulate", "consulates", "mission", "missions", "world",
                             "region", "market", "markets", "airport", "airports", "hospital", "hospitals", "school",
                             "schools", "resident", "residents", "public", "investor", "investors", "tourist",
                             "tourists", "city", "cities", "town", "towns", "diplomat", "diplomats"})


def unarmed_alert(tree: Tree, f: Frame) -> bool:
    """'foreign embassies are on high alert', 'the tests put the whole region on alert' (twelfth round): a raised
    alert is MOBILIZE only when forces or a state are readied; embassies, the world or markets on alert are worried."""
    if f.code.event != "MOBILIZE" or not f.rule.startswith("on-state") or tree.tokens[f.trigger[0]].lower not in (
            "alert", "alerts"):
        return False
    holders = [*f.actors, *tree.children(f.base, {"dobj"})]
    return bool(holders) and all(tree.tokens[h].lower in UNARMED_HOLDERS for h in holders)


# What a party has with another as a standing state: "has contacts with the rebels" (docs/annotation.md, have/hold).
STANDING_TIES = frozenset({"contact", "contacts", "tie", "ties", "relation", "relations", "link", "links",
                           "influence", "sway", "leverage", "channel", "channels"})


def standing_ties(tree: Tree, f: Frame) -> bool:
    """'Turkey has ties and some leverage with the militia': having contacts, ties or influence in the
    present is a state, no meeting or act; 'made contact with', 'had contacts with them last week' are left alone."""
    toks = tree.tokens
    v = f.base
    if not f.rule.startswith("light:have+") or toks[v].lemma.lower() != "have" or toks[v].tag not in ("VBZ", "VBP"):
        return False
    return toks[f.trigger[1] - 1].lower in STANDING_TIES and not any(toks[k].dep == "aux" for k in tree.kids[v])


# Rallies of an election campaign or of a party: "held a campaign rally", "continued to hold political rallies".
CAMPAIGN_WORDS = frozenset({"campaign", "political", "election", "electoral", "reelection", "re-election",
                            "presidential", "party"})


def campaign_rally(tree: Tree, f: Frame) -> bool:
    """A campaign or political rally is a candidate's meeting with voters, no protest against a party."""
    toks = tree.tokens
    n = f.trigger[1] - 1
    if f.code.event != "PROTEST" or toks[n].lemma.lower() not in ("rally", "rallies"):
        return False
    return any(toks[k].dep in ("amod", "compound") and toks[k].lower in CAMPAIGN_WORDS for k in tree.kids[n])


def tally(tree: Tree, f: Frame) -> bool:
    """'has executed more prisoners than any other country in Europe', 'arrested fewer journalists than Turkey': a count
    compared with others sums up many acts over years, no particular act (twelfth round, sample O)."""
    toks = tree.tokens
    for o in [*f.objects, *tree.children(f.base, {"dobj"})]:
        more = [k for k in tree.kids[o] if toks[k].dep == "amod" and toks[k].lower in ("more", "fewer", "less")]
        thans = [k for m in [o, *more] for k in tree.subtree(m) if toks[k].lower == "than"]
        # "more than $100 million", "more than 50 leaders" only count: the compared thing is not a number
        if more and any(k + 1 < len(toks) and toks[k + 1].pos not in ("NUM", "SYM") and not toks[k + 1].text[:1].isdigit()
               for k in thans):
            return True
    return False


# A period rather than an occasion: "in 2013", "in the first half of 2012", "since 2009", "through November".
PERIOD_WORDS = frozenset({"year", "years", "half", "quarter", "decade", "decades", "months"})
TALLY_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
TALLY_FLOOR = 50  # "killed 19 servicemen in 1996" can be one attack; thousands "in 2013" are a yearly toll


def _year(tok) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and tok.text[:2] in ("19", "20")


def _count(tree: Tree, o: int) -> int:
    """The number counting the object ('5,000 civilians', 'four governments'), 0 when none."""
    words = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
             "dozens": 24, "hundreds": 200, "thousands": 2000}
    for k in tree.kids[o]:
        t = tree.tokens[k]
        if t.dep != "nummod" or _year(t) or t.ent_type in ("DATE", "TIME"):
            continue  # "the 2016 election" names a year, it counts nothing
        text = t.lower.replace(",", "")
        if text.isdigit():
            return int(text)
        if text in words:
            return words[text]
    return 0


def period_tally(tree: Tree, f: Frame) -> bool:
    """'5,000 civilians were killed in 2011', 'jailed 3,000 dissidents through June', 'drones had killed four
    citizens since 2009', 'has overthrown four governments since 1960': a count of victims over a period (since a
    year, through a year or month, a half or a quarter, or a whole year with a large count) sums up many acts, no
    particular act (annotation guide: aggregates and statistics are not events; fifteenth round, sample A).
    'Strikes have killed 139 people since Wednesday', 'have killed eight leaders since last July' (a campaign of
    months, PLOVER's gold codes it) and 'killed 19 soldiers in 1996' stay events."""
    if f.code.event not in TALLY_TYPES or not f.rule.startswith(("svo", "passive")):
        return False
    toks = tree.tokens
    counts = [_count(tree, o) for o in tree.children(f.base, {"dobj", "nsubjpass"})]
    count = max(counts, default=0)
    if count < 2:
        return False
    verbs = [f.base, *tree.children(f.base, {"conj"})]  # "83 were killed and 46 wounded in the first half of 2012"
    for prep, a in [pa for v in verbs for pa in tree.prep_args(v, ("in", "during", "since", "through", "throughout",
                                                                     "over"))]:
        words = [toks[k] for k in tree.subtree(a)]
        year = any(_year(t) for t in words)
        month = any(t.lower in MONTH_WORDS for t in words)
        span = toks[a].lower in PERIOD_WORDS
        if prep == "since" and year or prep in ("through", "throughout") and (year or month):
            return True
        if prep in ("in", "during", "over") and (span or (year and not month and count >= TALLY_FLOOR)):
            return True
    return False


# What police or a state prevent when they stop an act of others: "prevented the demonstration", "the rally".
ASSEMBLIES = frozenset({"demonstration", "demonstrations", "rally", "rallies", "protest", "protests", "march",
                        "marches", "gathering", "gatherings", "meeting", "meetings", "strike", "strikes", "sit-in",
                        "vigil", "vigils", "parade", "parades", "conference", "congress", "ceremony", "vote",
                        "referendum", "celebration", "celebrations", "procession", "convoy", "convoys", "flotilla"})


def averted_outcome(tree: Tree, f: Frame) -> bool:
    """'to prevent an imbalance', 'the drones prevent terror attacks', 'designed to prevent the growth of the
    militia', 'policies on preventing Iran from building a bomb', 'fighting to prevent the rollout from defining his
    term': preventing an outcome, or a prevention that is an aim or a topic, restricts no party (fifteenth round,
    sample A: seven of seven such events wrong on fresh articles). 'Police prevented the marchers from reaching
    the square' (a party kept from doing something, reported as done) and 'police prevented the demonstration'
    (a party's act stopped) stay COERCE/restrict."""
    toks = tree.tokens
    if f.code.event != "COERCE" or toks[f.base].lemma.lower() != "prevent" or not f.rule.startswith(("svo", "passive")):
        return False
    objects = tree.children(f.base, {"dobj", "nsubjpass"})
    if not tree.prep_args(f.base, ("from",)) and not any(
            names_word(tree, o, ASSEMBLIES) or toks[o].ent_type in ("PERSON", "ORG", "GPE", "NORP") for o in objects):
        return True
    v = f.base
    while toks[v].dep == "conj" and tree.head(v) is not None:
        v = tree.head(v)
    return toks[v].dep == "pcomp" or any(toks[k].dep == "aux" and toks[k].lower == "to" for k in tree.kids[v])


# What one can deny as a refusal: something asked for or granted ("denied the request", "denied him a visa").
GRANTABLE = frozenset({"request", "requests", "motion", "motions", "appeal", "appeals", "application", "applications",
                       "petition", "petitions", "access", "entry", "visa", "visas", "permission", "permit", "permits",
                       "bail", "asylum", "passage", "landing", "license", "licence", "licenses", "clearance",
                       "approval", "funding", "funds", "money", "demand", "demands", "bid", "recognition",
                       "membership", "citizenship", "parole", "pardon", "right", "rights", "aid", "help", "assistance",
                       "exemption", "waiver", "extension", "hearing", "transit", "overflight", "airspace", "refuge",
                       "treatment", "service", "services", "benefit", "benefits", "protection", "support",
                       "inspection", "inspections", "inspector", "inspectors", "observers", "monitors",
                       "allocation", "authorization", "authorisation", "grant", "loan", "loans", "credit",
                       "compensation", "registration", "accreditation", "landing rights", "residency"})
# Quantities read through to what they count: "parts of a report", "any sort of collusion", "some of the claims".
PORTIONS = frozenset({"part", "parts", "sort", "kind", "type", "some", "any", "most", "all", "much", "many", "none",
                      "each", "one", "portion", "element", "elements", "aspect", "aspects", "bit"})


def denied_statement(tree: Tree, f: Frame) -> bool:
    """'denied parts of a report that the army had fired a missile', 'aides deny any tension between the two men',
    'denied being involved', 'the claims were denied by his lawyers': denying a fact or a claim is a statement, no
    refusal (annotation guide section 3: the denial itself is no event; fifteenth round, sample A). 'Denied the
    request', 'denied him a visa', 'the judge denied it' stay REJECT."""
    toks = tree.tokens
    if f.code.event != "REJECT" or toks[f.base].lemma.lower() != "deny" or tree.children(f.base, {"dative"}):
        return False
    objects = [*f.objects, *tree.children(f.base, {"dobj", "nsubjpass"})]
    if not objects:
        return any(toks[c].pos in ("VERB", "AUX") for c in tree.children(f.base, {"xcomp", "ccomp", "pcomp"}))
    heads = []
    for o in objects:
        while toks[o].lower in PORTIONS and (inner := [a for _, a in tree.prep_args(o, ("of",))]):
            o = inner[0]
        heads.append(o)
    return all(toks[o].pos == "NOUN" and toks[o].lower not in GRANTABLE and toks[o].lemma.lower() not in GRANTABLE
               for o in heads)


def comes_mention(sent: Sentence, ev: Event) -> bool:
    """'the minister's visit comes two days after the attack', 'the trip by the general comes as Washington plans more
    troops': the event noun of a nominal event is the subject of 'come' with a time or circumstance, so the
    sentence times something else by that act. Whether it is a bare mention (annotation guide 12.2) depends on the
    article: the coding stage drops it only when an act of its type by one of its actors was reported before
    (fifteenth round, sample A; a visit told only so is the news)."""
    if not ev.rule.startswith("nominal") or ev.text_info is None:
        return False
    toks = sent.tokens
    end = ev.text_info.trigger_end
    n = next((t.i for t in reversed(toks) if t.idx < end), None)
    if n is None or toks[n].dep != "nsubj":
        return False
    h = toks[n].head
    return toks[h].lemma.lower() == "come" and any(
        t.head == h and t.i != h and t.dep in ("advcl", "prep", "npadvmod") for t in toks)


# Words of travelling to a place, not of hosting: "visited", "arrived at", "travelled to", "a trip to", "a tour".
TRAVEL_WORDS = frozenset({"visit", "arrive", "travel", "tour", "trip", "fly", "journey", "go", "come", "head"})


def domestic_visit(f: Frame, actors, recipients) -> bool:
    """'the secretary arrived at the ministry', 'she visits Capitol Hill', 'the prime minister arrives at Buckingham
    Palace': a visit whose every recipient is the visitors' one country meets no other party (annotation guide:
    visiting another country is CONSULT/visit; fifteenth round, sample A). A foreign guest among the parties ('the
    president received the Ghanaian minister in Abuja') keeps it."""
    if f.code.event != "CONSULT" or f.code.mode != "visit" or not recipients or not actors or \
            f.entry.split()[0] not in TRAVEL_WORDS:
        return False  # "protesters received ministers of their government": two bodies meet (a host verb)
    home = {a.entity.code for a in actors}
    return len(home) == 1 and None not in home and all(r.entity.code in home for r in recipients)


# Personnel matters: "vetoed his choice", "endorsed the nominee", "will oppose his nomination".
PERSONNEL = frozenset({"nomination", "nominations", "nominee", "nominees", "appointment", "appointments",
                       "appointee", "appointees", "confirmation", "candidacy", "choice", "choices", "pick", "picks"})
PERSONNEL_TYPES = frozenset({"SUPPORT", "REJECT"})


def personnel_object(tree: Tree, f: Frame, actors, recipients) -> bool:
    """'the president vetoed his choice of deputy', 'two former chairmen endorsed the nominee', 'six senators will
    oppose her nomination', 'welcomed news of the minister's appointment': backing or blocking an appointment inside
    one country is a personnel matter (annotation guide 12.5: appointments, nominations and votes are no events;
    fifteenth round, sample A). A foreign party as recipient keeps the event."""
    if f.code.event not in PERSONNEL_TYPES or not f.rule.startswith(("svo", "passive")):
        return False
    toks = tree.tokens
    objects = [*f.objects, *tree.children(f.base, {"dobj", "nsubjpass"})]
    objects += [a for o in objects for _, a in tree.prep_args(o, ("of",)) if toks[o].lemma.lower() == "news"]
    if not any(names_word(tree, o, PERSONNEL) for o in objects):
        return False
    home = {a.entity.code for a in actors}
    return all(r.entity.code is None or r.entity.code in home for r in recipients)


DROPS = (
    (told_the_press, "telling reporters or an audience something is a statement, no request of a party"),
    (handover, "control taken under an agreement is a handover, no seizure"),
    (destroyed_records, "destroying evidence or records attacks no party"),
    (paperwork_request, "asking for documents or an inquiry asks no party for anything: no request"),
    (money_charge, "charging a fee or a price is money, not an accusation"),
    (shared_geography, "sharing a border, a coast or a history is geography, not cooperation"),
    (scattered, "dispersed to or across places: people moved, no crowd control"),
    (private_thanks, "thanking God, one's family or friends supports no party"),
    (generic_obligation, "an obligation on everyone ('each country has to') is a maxim, no demand on a party"),
    (standing_deployment, "forces that 'are stationed' somewhere are a standing state, not a move"),
    (unarmed_alert, "embassies, the world or markets on alert ready no force: no mobilization"),
    (standing_ties, "having contacts, ties or influence with a party is a standing state, no act"),
    (campaign_rally, "a campaign or political rally meets voters: no protest"),
    (tally, "a count compared with others ('more people than any country') sums up acts, no particular act"),
    (period_tally, "a count of victims over a period ('killed 7,000 in 2013') is a statistic, no particular act"),
    (averted_outcome, "preventing an outcome, or a prevention that is an aim or a topic, restricts no party"),
    (denied_statement, "denying a fact or a claim is a statement, no refusal of a request"),
)


def sense(tree: Tree, f: Frame, trace: list[str]) -> tuple[Frame, str]:
    """(the frame, recoded when its complement gives it another type; why it is no event, or "") by the
    checks above that need only the tree."""
    why = first_reason(DROPS, tree, f)
    if why:
        return f, why
    code = warned_against(tree, f) or warned_to(tree, f)
    if code is not None:
        trace.append("a warning against a course urges the party not to take it: REQUEST")
        return dataclasses.replace(f, code=code, object_list=None), ""
    return f, ""


CAPTIVES = frozenset({"hostage", "hostages", "captive", "captives", "abductee", "abductees", "kidnap victim"})
RESCUERS = frozenset({"MIL", "COP", "SPY"})


def rescue(tree: Tree, f: Frame, actors) -> Code | None:
    """'security forces freed 20 hostages held by the gang', 'commandos liberated the captives': hostages freed by
    forces, police or intelligence are rescued from their captors (AID, the annotation guide's "rescue of
    hostages"); captors freeing them is a release (RETREAT/release)."""
    if f.code.event != "RETREAT" or f.code.mode != "release" or not actors or \
            tree.tokens[f.base].lemma.lower() not in ("free", "liberate"):
        return None
    if not all(a.entity.sector in RESCUERS for a in actors):
        return None
    objects = [*f.objects, *f.recipients, *tree.children(f.base, {"dobj", "nsubjpass"})]
    return Code("AID", None, "070") if objects and all(names_word(tree, o, CAPTIVES) for o in objects) else None


def own_duty(f: Frame, actors, recipients) -> bool:
    """'Britain and its allies must deter the use of chemical weapons', said by the British cabinet; 'France has to
    protect its borders', said by the French president: a government saying what its own country must do states
    its policy; it asks no other party (eighth round, sample G). A legislator or a party urging its own country's
    government ('the U.S. should take out the missile', said by a senator) stays a REQUEST."""
    if not f.rule.startswith("deontic") or f.code.event != "REQUEST" or not actors or not recipients:
        return False  # "Trump's aides should have said no": criticism of a past act (ACCUSE) stays
    codes = {a.entity.code for a in actors}
    if len(codes) != 1 or None in codes or not all(a.entity.sector == "GOV" for a in actors):
        return False
    named = [r for r in recipients if r.entity.code]  # "its allies" resolve to no country: Britain's own side
    return bool(named) and all(r.entity.code in codes and r.entity.sector in (None, "GOV") for r in named)


def party_sense(tree: Tree, f: Frame, actors, recipients) -> str:
    """Why the frame is no event given its resolved parties, or ""."""
    if own_duty(f, actors, recipients):
        return "a government saying what its own country must do states a policy: no request to a party"
    if private_visit(f, actors):
        return "civilians travelling (tourists, crowds) meet no party: no visit"
    if press_question(f, actors):
        return "the press asking questions requests nothing of a party"
    if campaigning(tree, f, recipients):
        return "appeals and promises to voters are campaigning, not acts between parties"
    if own_country_defended(f, actors, recipients):
        return "a leader speaking up for his own country supports no other party"
    if personnel_object(tree, f, actors, recipients):
        return "backing or blocking an appointment or nomination at home is a personnel matter, no event"
    if domestic_visit(f, actors, recipients):
        return "a visit to one's own country's places meets no other party: no CONSULT/visit"
    return ""
