"""Locatives: where a phrase of the sentence puts an event, read from the dependency parse.

The syntax the places stage (places.py) uses to give an event its location: locative prepositions and what
they hang from, the event's anchors and its own phrases, topics, destinations of movements and visits, and
phrases that open a sentence and set its scene (the place an attack is aimed at is in targets.py). Pure
functions over tokens and place mentions; no gazetteer here (a place is only ever one of the mentions', renamed
for a phrase like "across the country").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Place, Token
from .history import REPORT_LEMMAS, clause_verb
from .place_audience import in_the_room

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


# Verbs whose direct object is the place where the event happens ("visited Kyiv").
VISIT_LEMMAS = frozenset({"visit", "tour", "enter"})
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
# "throughout his time in the White House" names a period, not where the act happened.
_PERIOD_ANCHORS = frozenset({"time", "tenure", "term", "career", "years", "presidency", "stay", "life"})


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
        if tok.dep in ("dobj", "nsubjpass", "attr", "nsubj"):
            keep.add(head.i)
        elif tok.dep == "pobj" and head.lower in LOCATIVE and head.head != head.i:
            keep.add(head.head)
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
    # "threatened to destroy North Korea during a speech at the United Nations": the occasion of a verb's
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
                    or (t.dep == "conj" and h in described):
                described.add(t.i)  # the actor's seat describes the actor, not where the act happened
                todo.append(t.i)  # (its conjuncts too: "Iran, as well as Hezbollah in Lebanon")
                continue
            light_object = t.dep == "dobj" and (material or tokens[h].lemma.lower() in LIGHT_LEMMAS)
            # a material act's own complement: "tried to detonate a bomb in the subway", "moved to seize the port"
            light_object = light_object or (material and t.dep == "xcomp" and h == trigger)
            light_object = light_object or (not material and tokens[h].pos == "VERB" and in_the_room(tokens, t))
            if not subject and h == trigger and t.dep in ("nsubj", "agent"):
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
            elif t.dep == "prep" and (t.lower in LOCATIVE or t.lower == "during") \
                    and not topic_preposition(tokens, t, material):  # "during a speech at the United Nations"
                for obj in tokens:
                    if obj.head == t.i and obj.dep == "pobj" and obj.i not in keep \
                            and obj.lemma.lower() not in _PERIOD_ANCHORS \
                            and not (t.lower == "during" and not material and obj.lemma.lower() in _ERA_NOUNS):
                        keep.add(obj.i)
                        todo.append(obj.i)
    return keep


def participle_scene(tokens: Sequence[Token], trigger: int, *, material: bool = False) -> set[int]:
    """The anchors of the act a trailing participle goes on from: "clashed with his supporters in cities across
    the country, burning several offices" burns them there. Only a present participle after its verb, with no
    subject or auxiliary of its own ("having met him in Paris" tells an earlier act)."""
    tok = tokens[trigger]
    if tok.tag != "VBG" or tok.dep != "advcl" or tok.head == tok.i or tok.head > tok.i:
        return set()
    if any(t.head == trigger and t.dep in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for t in tokens):
        return set()
    head = tokens[tok.head]
    if head.pos != "VERB" or head.lemma.lower() in REPORT_LEMMAS:
        return set()
    return event_anchors(tokens, head.i, material=material) - {trigger}


_SPEAKING_LEMMAS = frozenset({"say", "speak", "tell", "add", "talk", "address"})
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
    if out or tokens[trigger].tag in ("VBD", "VBN"):  # a reported past act: "said they had asked"
        return out
    v, seen = clause_verb(tokens, trigger), set()
    while tokens[v].dep in ("ccomp", "parataxis") and tokens[v].head != v and v not in seen:
        seen.add(v)
        v = tokens[v].head
        if tokens[v].lemma.lower() in REPORT_LEMMAS:
            speakers = {t.i for t in tokens if t.head == v and t.dep == "nsubj"}
            # the speaker, or the pronoun that stands for the speaker in what was said ("Paul told the gathering
            # in Florida he wouldn't invite the refugees": the coder's actor is "he")
            own = {t.i for t in tokens if t.dep == "nsubj" and t.lower in _SPEAKER_PRONOUNS
                   and t.head == clause_verb(tokens, trigger)}
            if speakers & actor_heads or (speakers and own & actor_heads):
                return event_anchors(tokens, v, subject=False)
            return set()
    return set()


# Nouns of "the town of X": X is a settlement, and where the town is, X is.
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "suburb", "cities", "towns", "villages"})


def governing_preposition(tokens: Sequence[Token], head: int) -> tuple[Token | None, str]:
    """The preposition introducing the place whose head token is `head`, and how it is reached."""
    tok = tokens[head]
    while tok.dep == "conj" and tok.head != tok.i:  # "in Kyiv and Kharkiv"
        tok = tokens[tok.head]
    head = tokens[tok.head]
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


def topic_preposition(tokens: Sequence[Token], prep: Token, material: bool) -> bool:
    """ "on"/"over" name a topic or a target in a verbal event ("talks on Ukraine", "dispute over Crimea", "blamed
    the attacks on Iran"); in a material event ("troops on the border", "flew over Syria", "the attack on the
    consulate in Benghazi") they are locative."""
    del tokens  # after a verb too: "blamed the attacks on Iran", "a law extended over Hong Kong"
    return not material and prep.lower in ("on", "over")


# Clauses of their own: a place inside one belongs to that clause's act ("said in Moscow that Russia would respond").
_OWN_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "parataxis", "conj", "acl", "xcomp", "pcomp"})
VISIT_NOUNS = frozenset({"visit", "trip", "welcome", "journey", "tour", "arrival", "mission", "return", "flight"})


# Phrases that name another act, a reason or another time, not a part of this one: "beheaded a journalist in
# retaliation for U.S. airstrikes in Iraq" is not placed in Iraq.
OTHER_ACT_PREPS = frozenset({"for", "after", "before", "following", "since", "despite", "until", "unlike", "like",
                             "than"})
# "in response to attacks in Iraq", "in retaliation against strikes in Syria": the act answered, not this one.
REASON_NOUNS = frozenset({"response", "retaliation", "reaction", "revenge", "reprisal", "answer", "protest",
                          "solidarity", "memory", "honor", "honour", "support", "opposition"})


def _own_phrases(tokens: Sequence[Token], trigger: int, *, subject: bool = True) -> set[int]:
    """The trigger and every word of its phrase that is not in a clause of its own: its objects, their
    prepositional phrases and their objects ("met with world leaders in China", "burned offices ... in Suez"),
    never through a phrase of another act or a reason ("in retaliation for airstrikes in Iraq").
    subject: False leaves the trigger's subject out."""
    keep, todo = {trigger}, [trigger]
    while todo:
        h = todo.pop()
        for t in tokens:
            if h == trigger and t.dep == "nsubj" and (not subject or t.pos == "PROPN"
                                                      or t.lemma.lower() in SEATED_NOUNS):
                continue  # (an actor named with its seat: "the government in Quito cut off ...")
            if t.dep == "prep" and t.lower in OTHER_ACT_PREPS or t.dep == "pobj" and t.lemma.lower() in REASON_NOUNS:
                continue
            # a common-noun apposition describes its noun ("the killing of Soleimani, a hero for his work in Iraq");
            # a name qualifies it ("at Fort Hood, Texas")
            if t.head == h and t.i != h and t.i not in keep and t.dep not in _OWN_CLAUSE_DEPS \
                    and not (t.dep == "appos" and t.pos == "NOUN"):
                keep.add(t.i)
                todo.append(t.i)
    return keep


def _heads_above(tokens: Sequence[Token], i: int) -> set[int]:
    """Every token above `i` on its path to the root."""
    out = set()
    while tokens[i].head != i and tokens[i].head not in out:
        i = tokens[i].head
        out.add(i)
    return out


def _clause_of(tokens: Sequence[Token], trigger: int) -> int:
    """The verb heading the trigger's clause, through conjuncts and infinitive complements."""
    i = trigger
    while tokens[i].pos not in ("VERB", "AUX") and tokens[i].head != i:
        i = tokens[i].head
    seen = {i}
    while tokens[i].dep in ("conj", "xcomp") and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
    return i


# Acts that take a place from their objects' phrases ("met with leaders in China", "burned offices in Suez");
# sanctions and speech acts are about their objects, not located by them.
WIDE_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONSULT", "AID", "RETREAT", "COOPERATE"})


def wider_place(tokens: Sequence[Token], trigger: int, here: Sequence[PlaceMention], actor_heads: set[int], *,
                 event_type: str = "") -> tuple[Place, str] | None:
    """A place the parse did not attach to the trigger itself, in this order: a locative phrase inside the
    trigger's own phrases ("met with world leaders in China"); the noun a "where" clause describes ("Syria, where
    it funded both sides"); the destination of a visit ("his welcome to Beijing", "jetted off to Brussels to deliver
    a message"); a locative phrase that opens the sentence and sets its scene ("In the capital Cairo, security
    forces ..."), for acts not reported by someone else in a clause of their own."""
    everything = [m for m in here if m.place is not None]
    usable = [m for m in everything if in_place_phrase(tokens, m) or (
        m.head not in actor_heads and not any(m.start <= h < m.end for h in actor_heads))]
    clause = _clause_of(tokens, trigger)
    mover = trigger if tokens[trigger].lemma.lower() in VISIT_NOUNS | MOVEMENT_LEMMAS else None
    if mover is None and tokens[clause].dep in ("xcomp", "advcl") and \
            tokens[tokens[clause].head].lemma.lower() in MOVEMENT_LEMMAS:
        mover = tokens[clause].head  # "jetted off to Brussels to deliver an urgent message"
    if mover is not None:  # a visit's place is the place visited, even when it is also the recipient
        for m in everything:
            prep, _ = governing_preposition(tokens, m.head)
            if prep is not None and prep.lower == "to" and attach_point(tokens, prep) in (mover, trigger):
                return m.place, f"destination 'to {m.text}' of {tokens[mover].text!r}; {m.reason}"
    if not usable:
        return None
    # A speech act's objects say what it is about ("should impose a no-fly zone in Syria"): only acts on things
    # and meetings take a place from their objects' phrases.
    own = _own_phrases(tokens, trigger) if event_type in WIDE_PLACE_TYPES else {trigger}
    if tokens[trigger].pos in ("NOUN", "PROPN"):  # "the talks that continue in Geneva"
        for t in tokens:
            # not a content clause with its own subject: "evidence the regime used chemical weapons in Syria"
            if t.head == trigger and t.dep in ("relcl", "acl") and not _content_clause(tokens, t.i):
                own |= _own_phrases(tokens, t.i)
        noun = tokens[trigger]
        if noun.dep == "pobj" and tokens[noun.head].lower == "of" and \
                tokens[tokens[noun.head].head].pos == "NOUN":  # "a barrage of airstrikes in Syria"
            noun = tokens[tokens[noun.head].head]
            if event_type in WIDE_PLACE_TYPES:
                own |= _own_phrases(tokens, noun.i)
        light = tokens[noun.head]  # "conducted airstrikes on a staging area in eastern Syria"
        if noun.dep == "dobj" and light.lemma.lower() in LIGHT_LEMMAS and event_type in WIDE_PLACE_TYPES:
            own |= _own_phrases(tokens, light.i, subject=False)
    for t in tokens:  # "finalized and approved the agreement at a summit in Brussels": conjuncts share phrases,
        # unless one is a clause of its own ("after Trump withdrew from the deal and Iran fired missiles into Israel")
        if t.pos == "VERB" and ((t.dep == "conj" and t.head == trigger and not _own_subject(tokens, t.i)) or
                                (tokens[trigger].dep == "conj" and t.i == tokens[trigger].head
                                 and not _own_subject(tokens, trigger))):
            # a conjunct's own object and that object's phrases are its own ("pulled out of the deal, and made
            # gains against the Islamic State in Iraq"): only the phrases on the verb itself are shared
            objects = {c.i for c in tokens if c.head == t.i and c.dep == "dobj"} if t.i != trigger else set()
            own |= {i for i in _own_phrases(tokens, t.i, subject=False) if i > trigger and tokens[i].dep != "dobj"
                    and not objects & _heads_above(tokens, i)}
    for m in usable:
        prep, how = governing_preposition(tokens, m.head)
        if prep is None or prep.lower not in LOCATIVE or prep.lower in ("on", "over") or m.head not in own:
            continue
        point = tokens[attach_point(tokens, prep)]
        return m.place, (f"locative '{prep.text} {m.text}' on {point.text!r}, in the phrase of "
                         f"{tokens[trigger].text!r}; {m.place.reason or m.reason}")
    site = _site_where(tokens, trigger, usable)
    if site is not None:
        return site
    if tokens[clause].dep == "relcl" and any(t.head == clause and t.lower == "where" for t in tokens):
        noun = tokens[clause].head
        for m in usable:
            if m.start <= noun < m.end:
                return m.place, f"the act is in a 'where' clause on {m.text!r}; {m.reason}"
        # "Wednesday's White House meeting, where she refused", "a press conference in Cairo where he met": the
        # noun the clause describes is placed by a name before it (not a country: "the U.S. embassy, where") or
        # by a locative phrase on it
        for m in usable:
            prep, how = governing_preposition(tokens, m.head)
            named = how == "compound" and tokens[m.head].head == noun and m.place.feature_type != "country"
            if named or (prep is not None and prep.lower in PLACE_PHRASE_PREPS and attach_point(tokens, prep) == noun):
                return m.place, (f"the act is in a 'where' clause on {tokens[noun].text!r}, which {m.text!r} "
                                 f"places; {m.reason}")
    root = next((t for t in tokens if t.head == t.i), None)
    if root is None or _under_report(tokens, trigger, root.i):
        return None
    subject = min((t.i for t in tokens if t.head == root.i and t.dep in ("nsubj", "nsubjpass", "expl")),
                  default=root.i)
    for m in usable:
        prep, _ = governing_preposition(tokens, m.head)
        if prep is None or prep.lower not in LOCATIVE or prep.i > subject or prep.i > root.i:
            continue
        top = _opening_phrase(tokens, prep.i, root.i)
        if top is not None:
            return m.place, f"'{prep.text} {m.text}' opens the sentence and sets the scene; {m.reason}"
    return None


_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose", "what"})


def _content_clause(tokens: Sequence[Token], verb: int) -> bool:
    """A clause on a noun with a subject of its own ("evidence [that] the regime used ..."), not a relative
    clause whose subject is the noun ("the talks that continue ...")."""
    return any(t.head == verb and t.dep in ("nsubj", "nsubjpass") and t.lower not in _RELATIVE_PRONOUNS
               for t in tokens)


def _own_subject(tokens: Sequence[Token], verb: int) -> bool:
    """A clause of its own: a subject and an object ("and Iran fired missiles into Israel"); not a gapped passive
    ("51 people were killed and dozens wounded in the city of Gaziantep")."""
    kids = [t.dep for t in tokens if t.head == verb]
    return any(d in ("nsubj", "nsubjpass") for d in kids) and "dobj" in kids


# Nouns of a site an act is done at ("inspectors investigated the site where ... happened outside of Damascus").
SITE_NOUNS = frozenset({"site", "scene", "area", "place", "spot", "location", "town", "village", "city", "building"})
# Acts done at their object ("condemned the village where ..." is not done there).
SITE_VERBS = frozenset({
    "investigate", "inspect", "visit", "search", "tour", "examine", "raid", "attack", "storm", "shell", "bomb",
    "seize", "occupy", "secure", "reach", "enter", "clear", "patrol", "evacuate", "surround", "capture",
})


def _site_where(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention]) -> tuple[Place, str] | None:
    """The place of a site the act is done at, told by a "where" clause on it: "investigating the site where the
    massacre happened outside of Damascus", "visited the village where the clashes broke out near Kherson"."""
    if tokens[trigger].lemma.lower() not in SITE_VERBS:
        return None
    for obj in tokens:
        if obj.head != trigger or obj.dep != "dobj" or obj.lemma.lower() not in SITE_NOUNS:
            continue
        for rel in tokens:
            if rel.head != obj.i or rel.dep != "relcl" or not any(
                    t.head == rel.i and t.lower == "where" for t in tokens):
                continue
            for m in usable:
                prep, _ = governing_preposition(tokens, m.head)
                if prep is not None and prep.lower in LOCATIVE and attach_point(tokens, prep) == rel.i:
                    return m.place, (f"{obj.text!r} is where {tokens[trigger].text!r} is done, and the 'where' "
                                     f"clause puts it '{prep.text} {m.text}'; {m.reason}")
    return None


# Unnamed sites of a material act ("stormed a nearby Brotherhood office", "massed in front of his palace"): they are
# in the country the article is about (the places stage decides whether the article has one).
FACILITY_NOUNS = frozenset({
    "office", "headquarters", "palace", "embassy", "consulate", "building", "parliament", "ministry", "base",
    "camp", "checkpoint", "station", "prison", "jail", "mosque", "church", "synagogue", "school", "hospital",
    "square", "street", "courthouse", "compound", "residence", "village", "town", "city", "cities", "towns",
    "villages", "port", "airport", "market", "stadium", "university", "campus",
})
SITE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
_SITE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within"})


def unnamed_site(tokens: Sequence[Token], trigger: int, anchors: set[int], event_type: str) -> str | None:
    """The phrase of an unnamed site where a material act happened, or None: the object of an attack or seizure
    ("stormed a nearby Brotherhood office") or a locative phrase on the act ("massed in front of his palace",
    "clashed in several cities"). A noun with a name or a nationality before it is left alone ("a U.S. base":
    whose ground is not said)."""
    if event_type not in SITE_TYPES:
        return None
    nouns = []
    for t in tokens:
        if t.dep == "dobj" and t.head == trigger:
            nouns.append(t)
        elif t.dep == "pobj" and tokens[t.head].lower in _SITE_PREPS and attach_point(tokens, tokens[t.head]) in anchors:
            if t.lower == "front":  # "in front of his palace"
                nouns += [o for p in tokens if p.head == t.i and p.lower == "of" for o in tokens
                          if o.head == p.i and o.dep == "pobj"]
            else:
                nouns.append(t)
    for n in nouns:
        if n.lemma.lower() not in FACILITY_NOUNS and n.lower not in FACILITY_NOUNS:
            continue
        mods = [c for c in tokens if c.head == n.i and c.i < n.i]
        if any(c.ent_type in ("GPE", "NORP", "LOC", "FAC") for c in mods):
            continue
        start = min([n.i] + [c.i for c in mods])
        return " ".join(t.text for t in tokens[start:n.i + 1])
    return None


# "in cities across the country", "throughout the nation", "nationwide": the whole of the one country the sentence
# names.
_COUNTRY_WORDS = frozenset({"country", "nation"})
_WHOLE_PREPS = frozenset({"across", "throughout", "around"})  # not "in the country": often another country


def country_wide(tokens: Sequence[Token], anchors: set[int], here: Sequence[PlaceMention], actor_heads: set[int]
                 ) -> tuple[Place, str] | None:
    """The country an act spread "across the country" happened in: the one country the sentence names, not as the
    act's own actor or recipient ("opponents of Egypt's president clashed ... in cities across the country";
    not "Russia deployed troops across the country"); None when it names none or several."""
    phrase = None
    for t in tokens:
        if t.lemma.lower() in _COUNTRY_WORDS and t.dep == "pobj" and tokens[t.head].lower in _WHOLE_PREPS                 and any(c.head == t.i and c.lower == "the" for c in tokens):
            prep = tokens[t.head]
            point = attach_point(tokens, prep)
            if point in anchors:
                start = prep.i  # "the cities across the country" when the phrase is on a noun, else "across ..."
                if tokens[point].dep == "pobj":
                    start = min([point] + [c.i for c in tokens if c.head == point and c.i < point])
                phrase = " ".join(x.text for x in tokens[start:t.i + 1])
                break
        if t.lower == "nationwide" and t.head in anchors:
            phrase = t.text
            break
    if phrase is None:
        return None
    countries = {m.place.country_code: m for m in here if m.place is not None and m.place.feature_type == "country"}
    if any(m.head in actor_heads for m in countries.values()):
        return None
    if len(countries) != 1:
        return None
    m = next(iter(countries.values()))
    place = dataclasses.replace(m.place, text=phrase, reason=f"{phrase!r} is {m.place.name}, the one country the "
                                                              f"sentence names ({m.text!r})")
    return place, place.reason


def _opening_phrase(tokens: Sequence[Token], i: int, root: int) -> int | None:
    """The phrase on the root that token `i` opens, through nested phrases ("On the ground in Ukraine, ...") and
    an opening participle ("Speaking at the Great Hall of the People, Trump ..."); None when it hangs elsewhere."""
    seen = set()
    while i not in seen:
        seen.add(i)
        tok = tokens[i]
        if tok.head == root:
            return i if tok.dep == "prep" or (tok.dep == "advcl" and tok.tag == "VBG") else None
        if tok.dep not in ("prep", "pobj", "advcl", "pcomp") or tok.head == tok.i:
            return None
        i = tok.head
    return None


PLACE_PHRASE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "within"})


def in_place_phrase(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """ "airstrikes in eastern Syria", "a summit in Brussels": a place in an "in"/"at" phrase is where the act
    happened even when the coder also took it for the recipient."""
    prep, how = governing_preposition(tokens, m.head)
    return how == "pobj" and prep is not None and prep.lower in PLACE_PHRASE_PREPS


def _under_report(tokens: Sequence[Token], trigger: int, root: int) -> bool:
    """True when the trigger sits in a clause that another act reports ("said Russia attacked ...") or in a
    relative clause about someone ("a leader who ordered attacks")."""
    i, seen = trigger, set()
    while i != root and i not in seen:
        seen.add(i)
        if tokens[i].dep in ("ccomp", "parataxis", "relcl"):
            return True
        i = tokens[i].head
    return False
