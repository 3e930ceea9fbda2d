"""Violent words that are not violence: dismissals, idioms, recordings and verbal attacks.

The alert audits (docs/analysis-and-web.md, "Alert audit") found escalations built on ASSAULT events that no
reader takes for violence. Each check here is a pure function of the sentence tree and the frame; the coder
drops the frame (or recodes it) and records the reason in its trace (explain) or in `Document.skipped`:

- *Dismissals*: "fire" or "sack" a person ("fired the inspector general at the secretary's request") is a
  personnel decision, not shooting. PLOVER has no category for it: an official's own resignation is RETREAT
  `resign` and a call for a dismissal is REQUEST `change`, but the dismissal itself is an act inside one
  government (or firm), no interaction between two parties, so it is no event (`dismissal`).
- *Idioms*: "beat the drum for", "bang the drum", "beat the odds", "a war of words", "a battle of wills":
  the violent verb or noun is part of a fixed phrase (`idiom`).
- *Elections*: "defeated Clinton in the 2016 election": a person defeated where the sentence speaks of an
  election was outvoted (`electoral_defeat`).
- *Recordings*: "the calls were captured by eavesdropping", "cameras captured images": capturing a call, data
  or an image records it; no person or place is taken (`recorded_object`).
- *Verbal attacks*: "attacks on alleged US misdeeds", "attacks on the press's reporting": an attack on a deed,
  a policy or words is criticism, ACCUSE/disapprove, as the coder already codes the verb ("attacked the plan")
  (`verbal_attack`).
"""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code, Lexicon
from .arguments import MentionIndex
from .tree import Frame, Tree, names_word

DISMISS_LEMMAS = frozenset({"fire", "sack", "axe", "ax"})
# What is fired at someone: an object of "fire" that is one of these is a weapon, never a dismissed person.
WEAPON_WORDS = frozenset({"shot", "shots", "round", "rounds", "bullet", "bullets", "shell", "shells", "artillery",
                          "mortar", "mortars", "rifle", "rifles", "gun", "guns", "weapon", "weapons", "volley",
                          "volleys", "salvo", "salvos", "burst", "bursts", "cannon", "cannons", "torpedo",
                          "torpedoes", "grenade", "grenades", "flare", "flares", "rocket", "rockets", "missile",
                          "missiles", "gas", "shotgun", "pistol", "arrow", "arrows", "stone", "stones", "warning"})
PERSON_PRONOUNS = frozenset({"him", "her", "me", "us", "them", "whom", "who"})

# (verb lemma, object lemma) pairs that are fixed phrases: the verb is not an act on a party.
VERB_IDIOMS = frozenset({
    ("beat", "drum"), ("bang", "drum"), ("pound", "drum"), ("beat", "drums"), ("bang", "drums"),
    ("beat", "table"), ("pound", "table"), ("bang", "table"), ("thump", "table"),
    ("beat", "odds"), ("beat", "deadline"), ("beat", "clock"), ("beat", "rap"), ("beat", "expectation"),
    ("beat", "estimate"), ("beat", "forecast"), ("beat", "path"), ("beat", "bush"),
    ("shoot", "breeze"), ("kill", "time"), ("bite", "bullet"), ("cross", "sword"), ("cross", "finger"),
    ("twist", "arm"), ("jump", "gun"), ("fight", "fire"), ("shoot", "messenger"), ("attack", "problem"),
    ("hit", "headline"), ("hit", "road"), ("hit", "street"), ("hit", "streets"), ("hit", "trail"), ("hit", "note"), ("fire", "imagination"),
    ("strike", "chord"), ("strike", "note"), ("strike", "balance"), ("strike", "tone"), ("strike", "pose"),
})
# A violent noun followed by "of" and one of these is a figure of speech: "war of words", "battle of wills".
FIGURATIVE_OF = frozenset({"word", "words", "will", "wills", "nerve", "nerves", "idea", "ideas", "narrative",
                           "narratives", "wit", "wits", "ego", "egos", "sex", "sexes", "band", "bands", "brain",
                           "brains", "value", "values", "vision", "visions", "budget", "budgets", "bid", "bids"})
VIOLENT_NOUNS = frozenset({"war", "battle", "fight", "attack", "assault", "clash", "skirmish", "duel", "offensive",
                           "warfare", "combat", "shootout", "firefight", "barrage", "salvo", "volley", "broadside",
                           "onslaught", "tug"})

CAPTURE_LEMMAS = frozenset({"capture", "seize", "catch", "grab", "snatch", "take"})
# What a camera, a microphone or an eavesdropper captures: recording it takes no person or place.
RECORDS = frozenset({"call", "calls", "conversation", "conversations", "communication", "communications", "data",
                     "image", "images", "footage", "video", "videos", "photo", "photos", "photograph",
                     "photographs", "picture", "pictures", "audio", "recording", "recordings", "email", "emails",
                     "message", "messages", "signal", "signals", "sound", "sounds", "voice", "voices", "moment",
                     "moments", "scene", "scenes", "exchange", "exchanges", "chatter", "traffic", "talk",
                     "remark", "remarks", "comment", "comments", "word", "words", "view", "views", "glimpse",
                     "snapshot", "reading", "readings", "measurement", "measurements", "screenshot"})

ATTACK_NOUNS = frozenset({"attack", "attacks", "assault", "assaults", "onslaught", "broadside", "barrage",
                          "tirade", "salvo", "offensive"})
# Deeds, views and words an attack may be aimed at besides the lexicon's `abstract_objects` and `claims`: an
# attack on any of them is criticism ("attacks on alleged US misdeeds", "attacks on the press's reporting").
DEEDS_AND_WORDS = frozenset({
    "misdeed", "misdeeds", "wrongdoing", "wrongdoings", "misconduct", "hypocrisy", "double standard",
    "double standards", "reporting", "coverage", "journalism", "record", "records", "character", "integrity",
    "reputation", "motive", "motives", "value", "values", "principle", "principles", "behavior", "behaviour",
    "conduct", "practice", "practices", "tactic", "tactics", "decision", "decisions", "ruling", "rulings",
    "finding", "findings", "policy", "policies", "agenda", "priorities", "view", "views", "opinion",
    "opinions", "belief", "beliefs", "ideology", "ideas", "legacy", "performance", "competence", "judgment",
    "judgement", "failure", "failures", "failings", "mistake",
    "mistakes", "abuse", "abuses", "excess", "excesses", "crime", "crimes", "sin", "sins", "lie", "lies",
    "falsehood", "falsehoods", "word", "words", "language", "rhetoric", "speech", "speeches", "remarks",
    "comments", "statements", "tweets", "response", "handling", "approach", "stance", "science", "report",
    "reports", "claim", "claims", "allegation", "allegations", "accusation", "accusations", "criticism",
    "narrative", "account", "story", "credibility", "honesty", "patriotism", "loyalty", "independence",
})


def dismissal(tree: Tree, f: Frame, index: MentionIndex) -> bool:
    """'fired the inspector general at the secretary's request', 'sacked his finance minister': 'fire' or
    'sack' with a person as its object (a named person, an actor mention that is no weapon, 'him') dismisses
    the person; only weapons are fired at a party ("fired rockets at", "fired on the crowd")."""
    if f.code.event != "ASSAULT" or tree.tokens[f.base].lemma.lower() not in DISMISS_LEMMAS:
        return False
    objects = tree.children(f.base, {"dobj", "nsubjpass"})  # not the target of "fired at"
    return bool(objects) and all(_person(tree, o, index) for o in objects)


def _person(tree: Tree, o: int, index: MentionIndex) -> bool:
    t = tree.tokens[o]
    if names_word(tree, o, WEAPON_WORDS):
        return False
    return t.ent_type == "PERSON" or (t.pos == "PRON" and t.lower in PERSON_PRONOUNS) or o in index.by_head


CONFLICT = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "SANCTION"})


def idiom(tree: Tree, f: Frame) -> str | None:
    """The fixed phrase a violent verb or noun of a conflict frame stands in, or None: 'beat the drum', 'a war
    of words' ("waged a war of words", "locked in a battle of wills")."""
    if f.code.event not in CONFLICT:
        return None
    toks = tree.tokens
    verb = toks[f.base].lemma.lower()
    for o in (*f.objects, *tree.children(f.base, {"dobj"})):
        if (verb, toks[o].lemma.lower()) in VERB_IDIOMS:
            return f"{toks[f.base].text} the {toks[o].text}"
    for n in range(max(f.trigger[0], 0), min(f.trigger[1], len(toks))):
        if toks[n].lemma.lower() in VIOLENT_NOUNS:
            for _, a in tree.prep_args(n, ("of",)):
                if toks[a].lower in FIGURATIVE_OF or toks[a].lemma.lower() in FIGURATIVE_OF:
                    return f"{toks[n].text} of {toks[a].text}"
    return None


CONTEST_LEMMAS = frozenset({"defeat", "beat", "trounce", "rout", "crush", "unseat", "edge", "outpoll", "upset"})
# Words that put a defeat in an election: "defeated Clinton in the 2016 election", "the candidate to beat Trump".
ELECTORAL = frozenset({"election", "elections", "race", "primary", "primaries", "runoff", "run-off", "ballot",
                       "vote", "votes", "voter", "voters", "poll", "polls", "candidate", "candidates", "nominee",
                       "nomination", "campaign", "caucus", "caucuses", "reelection", "re-election",
                       "midterm", "midterms", "landslide", "seat", "ticket"})


def electoral_defeat(tree: Tree, f: Frame) -> bool:
    """'defeated Clinton in the 2016 election', 'a candidate to beat Trump': a defeat of a named person in a
    sentence that speaks of an election is a vote, not a battle ("the army defeated the rebels" stays)."""
    toks = tree.tokens
    if f.code.event != "ASSAULT" or toks[f.base].lemma.lower() not in CONTEST_LEMMAS:
        return False
    objects = tree.children(f.base, {"dobj", "nsubjpass"})
    named = [o for o in objects if toks[o].ent_type == "PERSON" or (
        toks[o].pos == "PROPN" and toks[o].ent_type not in ("GPE", "LOC", "NORP"))]  # "Le Pen" tagged FAC
    return bool(objects) and len(named) == len(objects) and any(  # nouns: not "a primary site", "a seat belt"
        (t.pos in ("NOUN", "PROPN") and (t.lemma.lower() in ELECTORAL or t.lower in ELECTORAL))
        or t.lower == "electoral" for t in toks)


def recorded_object(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'his calls were captured by eavesdropping', 'the camera captured images', 'captured the attention of':
    every object of a capturing verb is a recording, a message or something intangible, so nothing is seized."""
    if f.code.event not in ("ASSAULT", "COERCE") or tree.tokens[f.base].lemma.lower() not in CAPTURE_LEMMAS:
        return False
    objects = list(f.objects) or tree.children(f.base, {"dobj", "nsubjpass"})
    words = RECORDS | lex.cue("intangibles")
    return bool(objects) and all(names_word(tree, o, words) for o in objects)


# Adjectives that make an attack verbal: "a blistering attack on Iran", "a scathing attack on the minister".
VERBAL_MODIFIERS = frozenset({"blistering", "scathing", "withering", "stinging", "searing", "vitriolic", "verbal",
                              "rhetorical", "veiled", "thinly-veiled", "personal", "scorching", "excoriating",
                              "acerbic", "caustic", "vituperative", "ad hominem", "written", "oral"})
# Where words are said: an attack made "in a speech" or "in an interview" is verbal.
SPEECH_VENUES = frozenset({"speech", "speeches", "interview", "interviews", "statement", "statements", "remarks",
                           "tweet", "tweets", "op-ed", "editorial", "column", "letter", "article", "essay", "post",
                           "posts", "address", "sermon", "broadcast", "podcast", "memoir", "testimony", "briefing"})
HITTING_VERBS = frozenset({"attack", "hit", "slam", "blast", "lash", "hammer", "pound", "bash", "savage", "assail",
                           "strike", "batter"})
# What a hitting verb is "over" or "for" when the hitting is criticism: "hit the government hard over the deal".
GRIEVANCES = DEEDS_AND_WORDS | frozenset({"deal", "bill", "plan", "proposal", "law", "legislation", "budget",
                                          "nomination", "confirmation", "appointment", "tax", "taxes", "spending",
                                          "reform", "agreement", "accord", "treaty", "talks", "vote", "stance"})


# What a party is attacked *for* when the attack is a reproach: "attacked them for refusing his demand", "attacked
# the allies for failing to pay" (fifteenth round, sample A); "attacked the village for harbouring rebels" stays.
REPROACHED = frozenset({"fail", "refuse", "decline", "reject", "block", "oppose", "obstruct", "resist", "ignore",
                        "neglect", "say", "call", "claim", "suggest", "support", "back", "endorse", "vote", "praise",
                        "criticize", "criticise", "delay", "stall", "dismiss", "lie", "mislead", "mishandle",
                        # acts of a state that words condemn ("attacked Canada for detaining the executive")
                        "detain", "arrest", "jail", "imprison", "expel", "mistreat"})


def verbal_attack(tree: Tree, f: Frame) -> Code | None:
    """ACCUSE/disapprove for an attack that is criticism, else None: an attack noun aimed ('on', 'against') at
    a deed, a policy or words ('attacks on alleged US misdeeds', 'a broadside against the government's record')
    or called verbal ('a blistering attack on Iran'); an attack or hit made in a speech, an interview or a tweet
    ('attacked Israel in a speech'); a hit 'over' or 'for' a deal or words ('hit the government hard over the
    deal'); a hit for failing, refusing or saying something ('attacked them for refusing his demand') or a passive
    hit on words (`blamed_for_doing`, `words_attacked`)."""
    if f.code.event != "ASSAULT":
        return None
    toks = tree.tokens
    words = DEEDS_AND_WORDS  # not the lexicon's whole `abstract_objects`: "attacks on the nuclear program" are strikes
    nouns = [n for n in range(max(f.trigger[0], 0), min(f.trigger[1], len(toks)))
             if toks[n].lower in ATTACK_NOUNS or toks[n].lemma.lower() in ATTACK_NOUNS]
    for n in nouns:
        aims = [a for _, a in tree.prep_args(n, ("on", "against", "upon"))]
        targets = [c for a in aims for c in tree.conjuncts(a)]
        if targets and all(names_word(tree, a, words) for a in targets):
            return Code("ACCUSE", "disapprove", "111")
        if any(toks[k].dep in ("amod", "compound") and toks[k].lower in VERBAL_MODIFIERS for k in tree.kids[n]):
            return Code("ACCUSE", "disapprove", "111")
    hitting = toks[f.base].lemma.lower() in HITTING_VERBS
    if nouns or hitting:
        for h in {*nouns, f.base}:
            if any(names_word(tree, a, SPEECH_VENUES) for _, a in tree.prep_args(h, ("in",))):
                return Code("ACCUSE", "disapprove", "111")
    if hitting and any(names_word(tree, a, GRIEVANCES) for _, a in tree.prep_args(f.base, ("over", "for"))):
        return Code("ACCUSE", "disapprove", "111")
    if hitting and (blamed_for_doing(tree, f.base) or words_attacked(tree, f)):
        return Code("ACCUSE", "disapprove", "111")
    return None


def blamed_for_doing(tree: Tree, v: int) -> bool:
    """Fifteenth round (recall, precision): 'attacked the Democrats for refusing his demand', 'hit its allies for
    failing to pay': a hitting verb whose 'for' phrase is a gerund of a reproach (`REPROACHED`) names what the party
    is blamed for, so the hitting is criticism; "attacked the village for harbouring rebels" stays an attack."""
    toks = tree.tokens
    return any(toks[k].dep == "pcomp" and toks[k].tag == "VBG" and toks[k].lemma.lower() in REPROACHED
               for p in tree.children(v, {"prep"}) if toks[p].lower == "for" for k in tree.kids[p])


def blamed_deeds(tree: Tree, frames: list[Frame]) -> list[Frame]:
    """The frames, with the deed a hitting verb blames a party for given to that party ("attacked Canada for
    detaining the executive": the detention is Canada's, not the critic's; "attacked them for refusing his demand":
    they refused)."""
    toks = tree.tokens
    doers: dict[int, tuple[int, ...]] = {}
    for f in frames:
        v = f.base
        if f.code.event == "ASSAULT" and toks[v].lemma.lower() in HITTING_VERBS and blamed_for_doing(tree, v):
            blamed = tuple(x for o in tree.children(v, {"dobj"}) for x in tree.conjuncts(o))
            for p in tree.children(v, {"prep"}):
                if toks[p].lower == "for" and blamed:
                    doers.update({g: blamed for g in tree.children(p, {"pcomp"})})
    return [dataclasses.replace(f, actors=doers[f.base]) if f.base in doers else f for f in frames]


def words_attacked(tree: Tree, f: Frame) -> bool:
    """Fifteenth round, recall: 'his remarks were attacked by the consulate', 'the plan was hit by critics': the
    passive subject of a hitting verb is words, a deed or a policy, so the attack is verbal (the active form is the
    coder's abstract-object check)."""
    subjects = tree.children(f.base, {"nsubjpass"})
    return bool(subjects) and all(names_word(tree, s, DEEDS_AND_WORDS | GRIEVANCES) for s in subjects)


def sense(tree: Tree, f: Frame, index: MentionIndex, lex: Lexicon, trace: list[str]) -> tuple[Frame, str]:
    """(the frame, recoded ACCUSE when an attack is verbal; why it is no event, or "") by the checks above, in
    the coder's order: dismissals, elections, fixed phrases, recordings, verbal attacks."""
    if dismissal(tree, f, index):
        return f, "'fire' or 'sack' a person is a dismissal, not an attack (no PLOVER event: an act inside one party)"
    if electoral_defeat(tree, f):
        return f, "defeating a person in an election is a vote, not an attack"
    phrase = idiom(tree, f)
    if phrase:
        return f, f"'{phrase}' is a fixed phrase, not an act on a party"
    if recorded_object(tree, f, lex):
        return f, "capturing calls, data or images records them: nothing is seized"
    verbal = verbal_attack(tree, f)
    if verbal is not None:
        trace.append("an attack on deeds, policies or words is verbal: ACCUSE/disapprove")
        return dataclasses.replace(f, code=verbal, object_list=None), ""
    return f, ""


__all__ = ["blamed_deeds", "dismissal", "electoral_defeat", "idiom", "recorded_object", "sense", "verbal_attack"]
