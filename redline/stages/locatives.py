"""Locatives: where a phrase of the sentence puts an event, read from the dependency parse.

The syntax the places stage (places.py) uses to give an event its location: locative prepositions and what
they hang from, the event's anchors, topics and destinations of movements and visits. A place the parse does not
attach to the trigger (its own phrases, a "where" clause, a visit's destination, a sentence's opening phrase) is
in place_wider.py; unnamed sites and "across the country" in place_sites.py; the place an attack is aimed at in
targets.py. Pure functions over tokens and place mentions; no gazetteer here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Place, Token
from .history import REPORT_LEMMAS, clause_verb
from .place_audience import ROOM_NOUNS, in_the_room

LOCATIVE = frozenset({
    "in", "at", "near", "outside", "inside", "across", "along", "on", "within", "throughout", "around", "into",
    "over", "off", "onto", "beyond", "amid", "above", "beneath", "under", "nearby",
})
_POSS_PREPS = frozenset({"in", "at", "near", "inside", "across", "throughout", "within", "along"})
# "to" names a destination: it is where the event happens only for movement ("troops were sent to Syria").
MOVEMENT_LEMMAS = frozenset({
    "travel", "fly", "go", "come", "arrive", "return", "head", "move", "deploy", "send", "dispatch", "visit",
    "trip", "journey", "redeploy", "transfer", "deliver", "ship", "march", "advance", "flee", "evacuate", "jet",
    "enter", "airlift", "rush", "ride", "drive", "sail", "cross", "withdraw",
})
# Acts whose "through" phrase is where they went ("marched through Paris", "troops rolled through the Donbas").
ROUTE_LEMMAS = MOVEMENT_LEMMAS | frozenset({"parade", "rally", "walk", "patrol", "roll", "sweep", "tour", "demonstrate"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name in a sentence: token span, head token, and the resolved place (None with a reason)."""

    sentence: int
    start: int
    end: int
    head: int
    text: str
    place: Place | None
    reason: str


# Verbs whose direct object is the place where the event happens ("visited Kyiv"; thirteenth round: experts who
# "inspected Bucha", guards who "patrolled Narva": an inspection or a patrol is done in the place it covers).
VISIT_LEMMAS = frozenset({"visit", "tour", "enter", "inspect", "patrol"})
# Verbs whose object is the event itself ("held a summit in Geneva"): the object's locative places the event.
# For other verbs a locative on the object describes the object ("recognise the government in Kyiv").
LIGHT_LEMMAS = frozenset({
    "hold", "host", "stage", "conduct", "launch", "carry", "organize", "organise", "convene", "attend", "begin",
    "start", "open", "wage", "mount", "resume", "continue",
})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "attr", "oprd", "npadvmod", "appos"})
# Event nouns whose relative clause tells the event itself ("a bombing that killed 20").
ATTACK_NOUNS = frozenset({"attack", "assault", "raid", "bombing", "ambush", "massacre", "strike", "airstrike",
                          "shooting", "explosion", "blast", "shelling"})


# Possessed nouns that are no part of the place: "in China's interest", "in Moscow's name", "in Russia's orbit".
NOT_PLACE_POSSESSED = frozenset({
    "interest", "name", "behalf", "favor", "favour", "eye", "hand", "mind", "view", "sphere", "orbit", "grip",
    "affair", "history", "future", "economy", "politics", "crosshair", "camp", "corner", "shoe", "way", "case",
    "position", "stance", "policy", "plan", "effort", "decision", "response", "war", "fight", "struggle",
})
# Nouns whose "of" phrase names an owner, not a place: "in the uniform of the United States".
NOT_PLACE_OF = NOT_PLACE_POSSESSED | frozenset({
    "uniform", "service", "custody", "rank", "employ", "pay", "memory", "honor", "honour", "presence", "absence",
    "army", "government", "people", "citizen", "embassy", "consulate",
    # "under the power of the U.N.", "under the auspices of the United Nations", "under the control of Russia"
    "power", "auspices", "auspex", "control", "authority", "banner", "umbrella", "command", "rule", "sovereignty",
    "protection", "jurisdiction", "aegis",
    # fourteenth round, wordings: the rest of the authority family ("under the mandate of the United Nations")
    "mandate", "supervision", "oversight", "leadership", "direction", "guidance", "flag", "tutelage", "stewardship",
    "sponsorship", "patronage", "chairmanship", "presidency",
    # eighteenth round: who asked for an act is no place of it ("freed at the request of the United States",
    # "made at the behest of the White House")
    "request", "invitation", "behest", "urging", "insistence", "instigation", "initiative", "bidding", "suggestion",
})
# Actors named with their seat: a locative on such a subject says where the actor sits, not where it acted ("Russia
# and Iran, as well as Hezbollah in Lebanon, are providing military backing", "the government in Quito cut off his
# internet access"); the subject's own name ("Hezbollah") counts too. People on the spot ("protesters in the square
# clashed with police") are placed by it.
SEATED_NOUNS = frozenset({
    "government", "regime", "administration", "ministry", "parliament", "leadership", "authority", "embassy",
    "consulate", "cabinet", "junta", "headquarters",
})
# "criticized the president during the Iraq war", "endorsed Rubio during the South Carolina primary": a war, a
# campaign or an election is the time of a statement, not its scene.
_ERA_NOUNS = frozenset({"war", "conflict", "crisis", "campaign", "occupation", "invasion", "election", "era",
                        "primary", "caucus", "race", "referendum", "presidency", "tenure", "administration", "term"})
# Legal acts and the bodies that do them (thirteenth round): a court, a judge, a jury or prosecutors do such an act
# where they sit ("was indicted by a grand jury in Texas", "prosecutors in Kyiv charged the minister"), so their
# locative places it even when the act is a statement, whose speaker's seat otherwise only describes the speaker.
LEGAL_LEMMAS = frozenset({
    "charge", "indict", "sentence", "convict", "prosecute", "acquit", "arraign", "jail", "imprison", "fine",
})
LEGAL_BODIES = frozenset({"court", "tribunal", "judge", "jury", "prosecutor", "magistrate"})
# "throughout his time in the White House" names a period, not where the act happened.
_PERIOD_ANCHORS = frozenset({"time", "tenure", "term", "career", "years", "presidency", "stay", "life"})


# Verbs that govern a noun act but tell another act, whose phrases are their own (nineteenth round): an act on
# things made known ("In Berlin, police announced the arrest of a man": announced in Berlin, arrested wherever)
# and what an act led to ("A trip to the summit raised hopes of a deal, perhaps at Geneva").
ANNOUNCE_LEMMAS = frozenset({"announce", "report", "confirm", "reveal", "disclose"})
CONSEQUENCE_LEMMAS = frozenset({
    "raise", "spark", "prompt", "trigger", "cause", "fuel", "provoke", "draw", "bring", "signal", "mark",
    "underscore", "highlight", "show", "anger", "alarm", "overshadow", "follow",
})


def governs_another_act(tokens: Sequence[Token], trigger: int, *, material: bool = False) -> bool:
    """True when the verb that governs a noun trigger tells an act of its own: the trigger is the subject of a
    consequence ("the visit raised hopes"), or an act on things that is the object of an announcement ("announced
    the arrest"; a statement or a sanction announced is made by the announcing, so only acts on things)."""
    tok = tokens[trigger]
    if tok.pos not in ("NOUN", "PROPN") or tok.head == tok.i:
        return False
    lemma = tokens[tok.head].lemma.lower()
    return tok.dep == "nsubj" and lemma in CONSEQUENCE_LEMMAS or \
        material and tok.dep == "dobj" and lemma in ANNOUNCE_LEMMAS


def _has_subject(tokens: Sequence[Token], verb: int) -> bool:
    return any(t.head == verb and t.dep in ("nsubj", "nsubjpass") for t in tokens)


# How long an act lasted: the parse hangs the act's place on the time ("talked for 90 minutes at the Kremlin").
_DURATION_NOUNS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def _lasting(tokens: Sequence[Token], prep: Token) -> bool:
    """Is `prep` a "for" phrase of how long the act lasted ("for two hours", "for 90 minutes")? Its place is the
    act's (nineteenth round)."""
    return prep.lower == "for" and any(o.head == prep.i and o.dep == "pobj" and o.lemma.lower() in _DURATION_NOUNS
                                       and any(n.head == o.i and n.dep == "nummod" for n in tokens) for o in tokens)


# What a group claims for an act: the act's own phrases may hang on it.
_CLAIMED_NOUNS = frozenset({"responsibility", "credit"})


def event_anchors(tokens: Sequence[Token], trigger: int, *, material: bool = False, subject: bool = True) -> set[int]:
    """Tokens whose locative phrases place the event: the trigger, its nominal arguments, and nouns inside
    locative phrases on them ("agreed at a summit in Geneva"); never through "for", "with", "of" or a clause.

    material: the event acts on things (quad classes 2 and 4), so its object's place is the event's place
    ("attacked a checkpoint near Donetsk"); a verbal event's object keeps its place to itself ("recognised
    the government in Kyiv") unless the verb is a light verb ("held a summit in Geneva").
    subject: False leaves the subject out: the speaker of a statement is described, not placed, by "the embassy
    in Tallinn accused him" or "actors in Syria must remember".
    """
    keep, todo = {trigger}, [trigger]
    tok = tokens[trigger]
    if tok.pos in ("NOUN", "PROPN") and tok.head != tok.i:  # a noun trigger: the verb that governs it
        head = tokens[tok.head]
        if tok.dep in ("dobj", "nsubjpass", "attr", "nsubj") and not governs_another_act(tokens, trigger,
                                                                                            material=material):
            keep.add(head.i)
        elif tok.dep == "pobj" and head.lower in LOCATIVE and head.head != head.i:
            keep.add(head.head)
        elif tok.dep == "pobj" and head.lower == "for" and tokens[head.head].lemma.lower() in _CLAIMED_NOUNS:
            # "claimed responsibility for the bombings at the airport in Lahore": the parse hangs the act's
            # place on the claim's noun (nineteenth round)
            keep.add(head.head)
            todo.append(head.head)
        # "a protest by hundreds who rallied outside a station in Manhattan": a relative clause on the noun
        # event's agent tells the act itself, and its locatives place it
        for by in tokens:
            if by.head == trigger and by.dep == "prep" and by.lower == "by":
                for agent in tokens:
                    if agent.head == by.i and agent.dep == "pobj":
                        for clause in tokens:
                            if clause.head == agent.i and clause.dep == "relcl" and clause.i not in keep:
                                keep.add(clause.i)
                                todo.append(clause.i)
    if material and tok.pos == "NOUN":  # "the bombing of the Marine barracks in Beirut": what the act is done to
        for of in tokens:
            if of.head == trigger and of.dep == "prep" and of.lower == "of":
                for obj in tokens:
                    if obj.head == of.i and obj.dep == "pobj" and obj.lemma.lower() not in NOT_PLACE_OF:
                        keep.add(obj.i)
                        todo.append(obj.i)
    if material and tok.dep == "acl" and tok.tag == "VBG" and tokens[tok.head].dep in ("nsubj", "nsubjpass") \
            and tokens[tokens[tok.head].head].pos == "VERB":
        # "a helicopter strike targeting militants killed four civilians in western Afghanistan": a participle on
        # the subject of a material verb tells the same act, which that verb's phrases place
        keep.add(tok.head)
        keep.add(tokens[tok.head].head)
        todo.append(tokens[tok.head].head)
    if tok.dep == "relcl" and tokens[tok.head].lemma.lower() in ATTACK_NOUNS:
        # "the attack on the consulate in Benghazi that killed four Americans": the killing is the attack's
        keep.add(tok.head)
        todo.append(tok.head)
    elif material and tok.dep == "relcl":
        noun = _attack_before_place(tokens, tok)
        if noun is not None:  # "the attacks in Brussels, which killed 31 people": a city kills no one
            keep.add(noun)
            todo.append(noun)
    # "threatened to crush the rebels during a speech at the United Nations": the occasion of a verb's
    # infinitive complement is the verb's own occasion
    comp = trigger
    for _ in range(3):
        comp = next((t.i for t in tokens if t.head == comp and t.dep == "xcomp" and t.i != comp), -1)
        if comp < 0:
            break
        for during in tokens:
            if during.head == comp and during.dep == "prep" and during.lower == "during":
                for obj in tokens:
                    if obj.head == during.i and obj.dep == "pobj" and obj.i not in keep \
                            and (material or obj.lemma.lower() not in _ERA_NOUNS):
                        keep.add(obj.i)
                        todo.append(obj.i)
    described: set[int] = set()  # actors named with their seat ("Hezbollah in Lebanon", "the government in Quito")
    while todo:
        h = todo.pop()
        for t in tokens:
            if t.head != h or t.i == h or t.i in keep:
                continue
            if t.dep == "nsubj" and (t.pos == "PROPN" or t.lemma.lower() in SEATED_NOUNS) \
                    or h in described \
                    or (t.dep == "appos" and tokens[h].ent_type == "PERSON"):
                # (fifteenth round: a person's apposition describes the person too, "Smith, a former prisoner in
                # Afghanistan, was charged", and so does all that hangs on a described word: "Li, minister at the
                # embassy in Washington, said")
                described.add(t.i)  # the actor's seat describes the actor, not where the act happened
                todo.append(t.i)  # (its conjuncts too: "Iran, as well as Hezbollah in Lebanon")
                continue
            light_object = t.dep == "dobj" and (material or tokens[h].lemma.lower() in LIGHT_LEMMAS)
            # a material act's own complement: "tried to detonate a bomb in the subway", "moved to seize the port"
            light_object = light_object or (material and t.dep == "xcomp" and h == trigger)
            light_object = light_object or (not material and tokens[h].pos == "VERB" and in_the_room(tokens, t))
            if not subject and h == trigger and t.dep in ("nsubj", "agent"):
                body = legal_body(tokens, trigger, t)
                if body is not None and body not in keep:
                    keep.add(body)
                    todo.append(body)
                continue
            if t.dep == "agent" and h == trigger:  # "were arrested by police in Kabul": the doer on the spot
                for doer in tokens:
                    if doer.head == t.i and doer.dep == "pobj" and doer.pos == "NOUN" \
                            and doer.lemma.lower() not in SEATED_NOUNS:
                        keep.add(doer.i)
                        todo.append(doer.i)
                continue
            if t.lemma.lower() in _PERIOD_ANCHORS and t.dep == "pobj":
                continue
            if t.dep in _ARG_DEPS or light_object or (t.dep == "conj" and tokens[h].dep in _ARG_DEPS):
                keep.add(t.i)
                todo.append(t.i)
            elif t.dep == "prep" and (t.lower in LOCATIVE or t.lower == "during" or _lasting(tokens, t)) \
                    and not topic_preposition(tokens, t, material):  # "during a speech at the United Nations"
                for obj in tokens:
                    if obj.head == t.i and obj.dep == "pobj" and obj.i not in keep \
                            and obj.lemma.lower() not in _PERIOD_ANCHORS \
                            and not (t.lower == "during" and not material and obj.lemma.lower() in _ERA_NOUNS):
                        keep.add(obj.i)
                        todo.append(obj.i)
    return keep


# Ground handed over: "returned the city to China", "handed the islands back to Japan" move no one there; "to"
# names the new owner (fifteenth round).
_GROUND_NOUNS = frozenset({"city", "town", "territory", "territories", "island", "islands", "region", "province",
                           "land", "lands", "peninsula", "colony", "enclave", "sovereignty", "control"})


def hands_over(tokens: Sequence[Token], verb: int, names: set[int]) -> bool:
    """True when the movement verb's object is ground (a place name in `names`, or a noun of ground): its "to"
    phrase is then the new owner, not a destination."""
    return any(t.head == verb and t.dep == "dobj" and (t.i in names or t.lemma.lower() in _GROUND_NOUNS)
               for t in tokens)


def _attack_before_place(tokens: Sequence[Token], clause: Token) -> int | None:
    """The attack noun a material relative clause is about when the parse hangs the clause on the place name that
    ends the attack's locative phrase ("the bombing in Kabul, which killed 20", fifteenth round), else None. Only
    a clause whose subject is "which" or "that": "the raid in Kabul, where police found ..." tells another act."""
    name = tokens[clause.head]
    if not any(t.head == clause.i and t.dep == "nsubj" and t.lower in ("which", "that") for t in tokens):
        return None
    if name.pos == "NOUN" and name.lemma.lower() in _STRUCK_SITES and any(
            t.pos == "NOUN" and t.lemma.lower() in ATTACK_NOUNS for t in tokens[:name.i]):
        # "the attack on a hotel in Amman that killed 57 people" (eighteenth round): a hotel kills no one, so the
        # clause tells the attack on it, and the site's own phrase places the killing
        return name.i
    if name.pos != "PROPN" or name.dep != "pobj":
        return None
    prep = tokens[name.head]
    if prep.lower not in LOCATIVE or prep.head == prep.i:
        return None
    noun = tokens[prep.head]
    if noun.pos == "NOUN" and noun.lemma.lower() in _STRUCK_SITES and any(
            t.pos == "NOUN" and t.lemma.lower() in ATTACK_NOUNS for t in tokens[:noun.i]):
        # "the bombing of the embassy in Nairobi, which killed 200" (nineteenth round): the site's city
        return noun.i
    return noun.i if noun.pos == "NOUN" and noun.lemma.lower() in ATTACK_NOUNS else None


# Sites an attack is made on or at, which a clause of killing may hang on ("the attack on a hotel in Amman that
# killed 57 people").
_STRUCK_SITES = frozenset({
    "hotel", "compound", "consulate", "embassy", "school", "mosque", "church", "synagogue", "temple", "market",
    "restaurant", "cafe", "nightclub", "club", "office", "base", "checkpoint", "airport", "station", "stadium",
    "shelter", "building", "mall", "theater", "theatre", "outpost", "barracks", "hospital",
})


def legal_body(tokens: Sequence[Token], trigger: int, arg: Token) -> int | None:
    """The court, judge, jury or prosecutor that does a legal act, as its subject ("prosecutors in Kyiv charged")
    or its passive's doer ("was indicted by a grand jury in Texas"), else None."""
    if tokens[trigger].lemma.lower() not in LEGAL_LEMMAS:
        return None
    if arg.dep == "agent":
        arg = next((t for t in tokens if t.head == arg.i and t.dep == "pobj"), arg)
    return arg.i if arg.pos == "NOUN" and arg.lemma.lower() in LEGAL_BODIES else None


def participle_scene(tokens: Sequence[Token], trigger: int, *, material: bool = False) -> set[int]:
    """The anchors of the act a trailing participle goes on from: "clashed with his supporters in cities across
    the country, burning several offices" burns them there. Only a present participle after its verb, with no
    subject or auxiliary of its own ("having met him in Paris" tells an earlier act); a participle coordinated with
    one goes on from the same act ("..., killing 24 people and injuring dozens more": sixteenth round)."""
    tok = tokens[trigger]
    chain = [tok]
    while tok.dep == "conj" and tok.tag == "VBG" and tokens[tok.head].tag == "VBG" and tok.head < tok.i:
        tok = tokens[tok.head]
        chain.append(tok)
    if tok.tag != "VBG" or tok.dep != "advcl" or tok.head == tok.i or tok.head > tok.i:
        return set()
    if any(t.head in {c.i for c in chain} and t.dep in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
           for t in tokens):
        return set()
    head = tokens[tok.head]
    if head.pos != "VERB" or head.lemma.lower() in REPORT_LEMMAS:
        return set()
    return event_anchors(tokens, head.i, material=material) - {c.i for c in chain}


# "answer": "Trump, answering questions from reporters at Camp David, expressed" (seventeenth round)
_SPEAKING_LEMMAS = frozenset({"say", "speak", "tell", "add", "talk", "address", "answer"})
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def speech_anchors(tokens: Sequence[Token], trigger: int, actor_heads: set[int]) -> set[int]:
    """The anchors of the speech act a verbal event is made by: Clinton said at a briefing at the State Department
    that the video was "disgusting" -> the ACCUSE was made at the State Department (docs/annotation.md 12.10:
    a statement's place is where it was made), or "condemned the attack, saying at a news conference in Paris".
    Only when the event's actor is the speaker and its trigger is what was said, not a past act of its own: an
    act the speaker reports ("Putin said in Moscow that Russia would respond", "officials in Washington said they
    had asked Egypt to mediate") is not placed by it."""
    out: set[int] = set()
    verb = clause_verb(tokens, trigger)
    speakers = {t.i for t in tokens if t.head == verb and t.dep == "nsubj"}
    for t in tokens:  # "condemned the attack, saying at a news conference in Paris ...", "speaking in Brussels"
        if t.tag != "VBG" or t.lemma.lower() not in _SPEAKING_LEMMAS:
            continue
        # on the verb, or on its speaker: "The lawyer, speaking outside the court in London, condemned the ruling"
        if (t.head == verb and t.dep == "advcl") or (t.head in speakers and t.dep in ("acl", "relcl")):
            out |= event_anchors(tokens, t.i, subject=False)
            if t.lemma.lower() == "answer":  # the questions, and the reporters who asked them, are in the room
                asked = {c.i for c in tokens if c.head == t.i and c.dep == "dobj" and c.lemma.lower() == "question"}
                out |= asked | {o.i for p in tokens if p.head in asked and p.dep == "prep" and p.lower == "from"
                                for o in tokens if o.head == p.i and o.dep == "pobj" and o.lemma.lower() in ROOM_NOUNS}
    if out or tokens[trigger].tag in ("VBD", "VBN"):  # a reported past act: "said they had asked"
        return out
    v, seen = clause_verb(tokens, trigger), set()
    # a conjunct of what was said is said too ("'We will talk and cooperate with them,' he said at a rally in
    # Hamburg": nineteenth round); not a conjunct of the saying itself ("said in Seoul and agreed"), nor one with a
    # subject of its own ("He called her on Monday and they will meet next week," the aide told reporters in
    # Rome: the aide reports what others did)
    while (tokens[v].dep in ("ccomp", "parataxis") or tokens[v].dep == "conj" and not _has_subject(tokens, v)
           and tokens[tokens[v].head].dep in ("ccomp", "parataxis")) and tokens[v].head != v and v not in seen:
        seen.add(v)
        v = tokens[v].head
        if tokens[v].lemma.lower() in REPORT_LEMMAS:
            speakers = {t.i for t in tokens if t.head == v and t.dep == "nsubj"}
            # the speaker, or the pronoun that stands for the speaker in what was said ("Paul told the gathering
            # in Florida he wouldn't invite the refugees": the coder's actor is "he")
            # (or a body the speaker calls their own: "'My government will cooperate,' Moon said": nineteenth round)
            said = {clause_verb(tokens, trigger)}
            said |= {tokens[c].head for c in said if tokens[c].dep == "conj"}  # "will talk and cooperate"
            own = {t.i for t in tokens if t.dep == "nsubj" and t.head in said and (
                t.lower in _SPEAKER_PRONOUNS or any(p.head == t.i and p.dep == "poss" and p.lower in ("my", "our")
                                                    for p in tokens))}
            if speakers & actor_heads or (speakers and own & actor_heads):
                return event_anchors(tokens, v, subject=False)
            return set()
    return set()


# Nouns of "the town of X": X is a settlement, and where the town is, X is.
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "suburb", "cities", "towns", "villages",
                              # "pound the rebel stronghold of Raqqa" (eighteenth round)
                              "stronghold", "strongholds", "bastion", "enclave"})


def governing_preposition(tokens: Sequence[Token], head: int) -> tuple[Token | None, str]:
    """The preposition introducing the place whose head token is `head`, and how it is reached."""
    tok = tokens[head]
    while tok.dep == "conj" and tok.head != tok.i:  # "in Kyiv and Kharkiv"
        tok = tokens[tok.head]
    head = tokens[tok.head]
    if tok.dep == "compound" and head.dep == "pobj" and head.ent_type == "DATE" and tok.ent_type != "DATE" \
            and tokens[head.head].lower in PLACE_PHRASE_PREPS:  # "arrived in Kiev Monday": the parse makes the place a
        tok, head = head, tokens[head.head]  # compound of the day after it (thirteenth round)
    if tok.dep == "poss" and head.dep == "pobj" and tokens[head.head].lower in _POSS_PREPS \
            and head.lemma.lower() not in NOT_PLACE_POSSESSED:  # "in Ukraine's east", not "in China's interest"
        tok = head
    elif tok.dep == "appos" and head.dep == "pobj":  # "in Yemen's capital, Sanaa"
        tok = head
    elif 2 <= tok.i < len(tokens) - 1 and tokens[tok.i - 1].text == "," and tokens[tok.i + 1].text == "," \
            and tok.dep not in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") and tokens[tok.i - 2].pos == "NOUN" \
            and tokens[tok.i - 2].dep == "pobj" and tokens[tokens[tok.i - 2].head].lower in LOCATIVE:
        tok = tokens[tok.i - 2]  # "In the capital, Ankara, police ...": an apposition the parser hung elsewhere
    if tok.dep == "compound":
        return None, "compound"
    if tok.dep != "pobj":
        return None, tok.dep
    prep = tokens[tok.head]
    if prep.lower == "in" and tokens[prep.head].lower.lstrip("-") in ("qaeda", "qaida", "al-qaeda", "al-qaida"):
        return None, "a name"  # "al-Qaeda in Iraq", "al-Qaida in Yemen": a group's name (eighteenth round)
    # "in the city of Mariupol": climb through "of" to the locative preposition; not "in the uniform of the
    # United States", "in the custody of Iraq": what belongs to a country is not in it
    if prep.lower == "of" and tokens[prep.head].lemma.lower() in NOT_PLACE_OF:
        return None, "of"
    if prep.lower == "of" and tokens[prep.head].dep == "pobj":
        prep = tokens[tokens[prep.head].head]
    elif prep.lower == "of" and tokens[prep.head].lower in LOCATIVE:  # "outside of Damascus"
        prep = tokens[prep.head]
    return prep, "pobj"


def attach_point(tokens: Sequence[Token], prep: Token) -> int:
    """The token a preposition phrase modifies; coordinated preps ("on the border and in Crimea") share it."""
    while prep.dep == "conj" and tokens[prep.head].pos == "ADP" and prep.head != prep.i:
        prep = tokens[prep.head]
    return prep.head


_DATE_PREPS = frozenset({"on", "in", "at", "during", "by"})


def past_date(tokens: Sequence[Token], point: int) -> int:
    """The word a date phrase modifies, when a locative phrase hangs on the date itself ("the attack, on April 7 in
    the town of Izium, killed ...", "met Tuesday in Geneva"): the date and its place say when and where the same
    thing happened (thirteenth round). Else `point` itself."""
    for _ in range(3):
        tok = tokens[point]
        if tok.ent_type != "DATE" or tok.head == tok.i:
            return point
        if tok.dep == "npadvmod":
            point = tok.head
        elif tok.dep == "pobj" and tokens[tok.head].lower in _DATE_PREPS and tokens[tok.head].head != tok.head:
            point = tokens[tok.head].head
        else:
            return point
    return point


def topic_preposition(tokens: Sequence[Token], prep: Token, material: bool) -> bool:
    """ "on"/"over" name a topic or a target in a verbal event ("talks on Ukraine", "dispute over Crimea", "blamed
    the attacks on Iran"); in a material event ("troops on the border", "flew over Syria", "the attack on the
    consulate in Benghazi") they are locative."""
    del tokens  # after a verb too: "blamed the attacks on Iran", "a law extended over Hong Kong"
    return not material and prep.lower in ("on", "over")


# Clauses of their own: a place inside one belongs to that clause's act ("said in Moscow that Russia would respond").


PLACE_PHRASE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "within"})


def in_place_phrase(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """ "airstrikes in eastern Syria", "a summit in Brussels": a place in an "in"/"at" phrase is where the act
    happened even when the coder also took it for the recipient."""
    prep, how = governing_preposition(tokens, m.head)
    if how == "pobj" and prep is not None and prep.lower == "on" and prep.head != prep.i:
        # "protested on the streets of Edinburgh" (eighteenth round): the streets are the place's own ground
        return any(t.head == prep.i and t.dep == "pobj" and t.lower in _STREET_NOUNS for t in tokens)
    return how == "pobj" and prep is not None and prep.lower in PLACE_PHRASE_PREPS


_STREET_NOUNS = frozenset({"streets", "street", "soil"})
