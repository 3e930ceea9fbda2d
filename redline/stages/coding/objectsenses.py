"""Senses of common event verbs that their direct object decides (eleventh round, issue 12): the lexicon's entry
fits one kind of object, and another kind of object makes another verb of it (docs/annotation.md section 2).

- **execute**: one executes people (ASSAULT/targeted) or an attack; one also executes a plan, a change of course, a
  warrant, an order or a trade ("Trump executed an abrupt change of course", "police executed a search warrant"),
  which kills nobody.
- **admit to / give in to**: confessing ("admitted to the killings") and yielding ("gave in to the demands") take no
  direct object; with one the verb admits someone somewhere or gives something to someone ("admitted his son to a
  hospital", "gives field guidance to army units in the province").
- **pull out / pull back**: withdrawing forces, staff or a party ("pulled its troops out of Syria", "pulled out
  its ambassador"); pulling a thing out of a car, a bag or a drawer withdraws nothing.
- **deny** (eighteenth round): one denies a party something ("denied him a visa", "denied the Kurds their rights") or
  denies a request, access or entry (REJECT); denying "this", "it", a that-clause or activities one is said to have
  carried out is a denial of a claim, which the guide codes as no event (docs/annotation.md section 3).
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .tree import Frame, Tree, names_word, object_heads

PARTY_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
# What one may execute besides people: attacks (the lexicon's offensives) and these.
KILLINGS = frozenset({"massacre", "killing", "killings", "murder", "murders", "assassination", "execution"})


def _direct_objects(tree: Tree, f: Frame) -> list[int]:
    return list(dict.fromkeys([*tree.children(f.base, {"dobj"}), *f.objects]))


def _partyish(tree: Tree, o: int, lex: Lexicon, *lists: str) -> bool:
    """The object is a person, a people, a body or a pronoun, or a word of one of the cue lists; a counted group
    ("a small number of troops", "dozens of prisoners") is what it counts."""
    for h in object_heads(tree, o, lex.cue("quantity")):
        t = tree.tokens[h]
        if t.pos in ("PRON", "PROPN", "NUM") or t.ent_type in PARTY_ENTS:
            return True
        if any(names_word(tree, h, lex.cue(name)) for name in lists):
            return True
    return False


def executed_thing(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'executed a change of course', 'executed a search warrant', 'executed the plan': no killing."""
    if f.code.event != "ASSAULT" or tree.tokens[f.base].lemma.lower() != "execute" or f.rule.startswith("light"):
        return False
    objects = _direct_objects(tree, f)
    toks, h = tree.tokens, tree.head(f.base)
    if toks[f.base].dep == "relcl" and h is not None:  # sixteenth round: "a document that the envoys executed"
        objects = [h if toks[o].tag in ("WDT", "WP") else o for o in objects] or [h]
    return bool(objects) and not any(
        _partyish(tree, o, lex, "captives", "offensives", "targets") or names_word(tree, o, KILLINGS)
        for o in objects)


def transitive_particle_verb(tree: Tree, f: Frame) -> bool:
    """'admitted his son to a hospital', 'gives field guidance to units in the county': the lexicon's 'admit to'
    and 'give in to' take no direct object, so one there makes another verb of them."""
    if f.entry not in ("admit to", "give in to") or not f.rule.startswith("svo"):
        return False
    return bool(tree.children(f.base, {"dobj"}))


def pulled_thing(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'pulled a memo out of the car': pulling a thing out withdraws no forces, staff or party."""
    if f.code.event != "RETREAT" or tree.tokens[f.base].lemma.lower() != "pull" or not f.rule.startswith("svo"):
        return False
    objects = tree.children(f.base, {"dobj"})
    return bool(objects) and not any(_partyish(tree, o, lex, "forces", "staff", "captives") for o in objects)


# Words one stands by, sticks to or welcomes: no party is supported ("stood by his remarks").
WORDS_HELD = frozenset({"assertion", "assertions", "claim", "claims", "remark", "remarks", "statement", "statements",
                        "comment", "comments", "report", "reporting", "story", "words", "account", "testimony",
                        "position", "view", "views", "assessment", "assessments", "decision", "decisions",
                        "characterization", "description", "prediction", "forecast", "estimate", "conclusion"})
# What an act or a person brings on itself: "invited criticism", "invites comparison".
BROUGHT_ON = frozenset({"criticism", "scrutiny", "prosecution", "ridicule", "comparison", "comparisons",
                        "retaliation", "trouble", "condemnation", "backlash", "speculation", "questions", "suspicion",
                        "derision", "mockery", "disaster", "attack", "attacks", "censure", "rebuke"})
# What one receives that is no visitor: information and messages.
RECEIVED_THINGS = frozenset({"intelligence", "information", "report", "reports", "letter", "letters", "message",
                             "messages", "briefing", "briefings", "email", "emails", "data", "warning", "warnings",
                             "document", "documents", "tip", "tips", "complaint", "complaints", "assurance",
                             "assurances", "award", "prize", "honor", "honour", "vaccine", "vaccines", "funding",
                             # sixteenth round: "who received the commission's recommendations"
                             "direction", "directions", "instruction", "instructions", "guidance", "finding",
                             "findings", "recommendation", "recommendations"})
# Sixteenth round: what one meets that is no party: "is meeting its commitments to Nepal", "met the deadline".
DUTIES = frozenset({"obligation", "obligations", "commitment", "commitments", "demand", "demands", "requirement",
                    "requirements", "target", "targets", "goal", "goals", "deadline", "deadlines", "need", "needs",
                    "standard", "standards", "criteria", "criterion", "condition", "conditions", "threshold",
                    "expectation", "expectations", "quota", "quotas", "benchmark", "benchmarks", "test",
                    # seventeenth round: "the Kurds met every single agreement": kept, fulfilled
                    "agreement", "agreements", "promise", "promises", "pledge", "pledges", "term", "terms"})
# Seventeenth round: what one shares that is no cooperation: feelings and views one voices, premises one lives
# in ("share our sympathies with the family", "shared its building with a man"); intelligence and data stay.
SHARED_THINGS = frozenset({"sympathy", "sympathies", "condolence", "condolences", "concern", "concerns", "view",
                           "views", "thought", "thoughts", "prayer", "prayers", "grief", "sorrow", "joy", "feeling",
                           "feelings", "opinion", "opinions", "sentiment", "sentiments", "frustration", "anger",
                           "building", "office", "offices", "stage", "room", "platform", "home", "house", "apartment",
                           "premises", "space", "compound", "podium", "story", "stories", "memory", "memories",
                           "photo", "photos", "picture", "pictures", "video", "videos", "meal"})
# Seventeenth round: what one accepts that is no offer, proposal or invitation of a party: honours, outcomes, advice
# from one's own staff, a plea (by a court): "accepted the award", "accepted a 50% pay cut", "accepted the Army's
# recommendation". Refugees stay ("will not accept any more refugees" refuses their country: REJECT).
ACCEPTED_THINGS = frozenset({"award", "awards", "prize", "honor", "honour", "honors", "honours", "medal", "degree",
                             "nomination", "consequence", "consequences", "cut", "cuts", "pay", "salary", "reality",
                             "fact", "facts", "result", "results", "outcome", "outcomes", "recommendation",
                             "recommendations", "counsel", "advice", "plea", "pleas",
                             "donation", "donations", "gift", "gifts", "job", "position",
                             "post", "role", "challenge"})
# Nineteenth round (fresh sample A of round 37): claims and words one accepts or will not accept, which is believing
# or disbelieving them, no agreement to a party's offer and no refusal of one ("accepted the Iranian denials that
# Tehran had hacked the port", "accepted the general's assertion", "does not accept the notion that its campaign has
# stalled"). Offers, invitations, plans and parties stay.
CLAIMS = frozenset({"denial", "denials", "assertion", "assertions", "claim", "claims", "word", "words",
                    "explanation", "explanations", "account", "accounts", "version", "idea", "ideas", "notion",
                    "notions", "argument", "arguments", "premise", "characterization", "insistence", "assurance",
                    "assurances", "defeat", "excuse", "excuses", "story", "narrative"})
# Places one calls on (visits), not parties one calls on to act.
CALLED_PLACES = frozenset({"office", "offices", "home", "house", "residence", "resort", "estate", "headquarters",
                           "palace", "getaway", "club", "tower"})
# Courses and offices one seeks for oneself: "sought a less hawkish approach", "is seeking re-election".
COURSES = frozenset({"approach", "policy", "path", "course", "strategy", "line", "stance", "tack", "role", "career",
                     "presidency", "nomination", "reelection", "re-election", "seat", "term", "office"})


def _objects_with_preps(tree: Tree, f: Frame, *preps: str) -> list[int]:
    objs = [*_direct_objects(tree, f), *(a for _, a in tree.prep_args(f.base, preps))]
    if not objs and tree.tokens[f.base].dep == "relcl" and tree.head(f.base) is not None:
        objs = [tree.head(f.base)]  # "the intelligence we received", "the remarks he stood by"
    return list(dict.fromkeys(objs))


def _all_in(tree: Tree, objs: list[int], words: frozenset[str]) -> bool:
    return bool(objs) and all(names_word(tree, o, words) for o in objs)


def _named_before_on(tree: Tree, f: Frame) -> bool:
    """Seventeenth round: 'called himself X on Facebook', 'whom he has called a "Rocket Man" on a suicide mission',
    'called the agreement "a good deal" on NBC': an object named before 'on' makes the call a naming."""
    toks = tree.tokens
    ons = [k for k in tree.kids[f.base] if toks[k].lower in ("on", "upon")]
    named = [k for k in tree.kids[f.base] if toks[k].dep in ("dobj", "oprd") and (not ons or k < ons[0])]
    return bool(named)


# Eighteenth round: what one denies a party when the denial is a refusal (REJECT): requests, access, documents
# that permit, rights and help. Anything else denied with no party to deny it to is a claim denied.
GRANTS = frozenset({"request", "requests", "application", "applications", "appeal", "appeals", "bid", "bids",
                    "petition", "petitions", "access", "entry", "visa", "visas", "permission", "permit", "permits",
                    "license", "licence", "licenses", "licences", "asylum", "bail", "parole", "right", "rights",
                    "option", "options", "pension", "passage", "clearance", "admission", "approval", "aid", "help",
                    "assistance", "funding", "funds", "money", "water", "food", "fuel", "medicine", "medicines",
                    "supplies", "landing", "overflight", "recognition", "membership", "citizenship", "inspection",
                    "inspections", "inspectors", "advantage", "opportunity", "chance", "hearing", "treatment",
                    "benefits", "protection", "status", "service", "services", "exemption", "waiver", "extension",
                    "seat", "seats", "platform", "use", "transit", "refuge", "shelter", "sanctuary", "haven"})
# Deeds one denies having done (a claim denied): "activities that it has consistently denied".
DEEDS = frozenset({"activity", "activities", "act", "acts", "action", "actions", "conduct", "behavior", "behaviour"})
DEMONSTRATIVES = frozenset({"this", "that", "it", "these", "those", "everything", "anything", "all", "any"})


def denial(tree: Tree, f: Frame) -> bool:
    """'Manafort denies this', 'activities that it has consistently denied', 'denied that he cleared the room': no
    party is denied anything (no second object) and what is denied is a pronoun, a that-clause or deeds one is said
    to have done: a claim is denied, which is no event. Anything else denied stays ('denied land allocation'), and
    'denied him the option', 'denied her request', 'was denied a visa', 'denied entry to the inspectors' stay
    refusals."""
    toks = tree.tokens
    if f.code.event != "REJECT" or toks[f.base].lemma.lower() != "deny":
        return False
    v = f.base
    if tree.children(v, {"dative", "iobj"}) or tree.prep_args(v, ("to",)):
        return False
    objs = list(tree.children(v, {"dobj"}))
    if toks[v].dep == "relcl" and tree.head(v) is not None and not objs:
        objs = [tree.head(v)]  # "activities that it has denied"
    if any(toks[o].tag in ("WDT", "WP") for o in objs) and tree.head(v) is not None:
        objs = [tree.head(v) if toks[o].tag in ("WDT", "WP") else o for o in objs]
    objs += [c for c in tree.children(v, {"ccomp"}) if any(toks[k].lower == "that" and toks[k].dep == "mark"
                                                            for k in tree.kids[c])]
    if not objs or len(tree.children(v, {"dobj"})) > 1:
        return False
    for o in objs:
        t = toks[o]
        if t.pos in ("VERB", "AUX"):
            continue  # a that-clause: what is denied is a statement of fact
        if t.lower in DEMONSTRATIVES and t.pos in ("PRON", "DET"):
            continue
        if names_word(tree, o, DEEDS) and not names_word(tree, o, GRANTS):
            continue  # "activities that it has denied": deeds one is said to have done
        return False  # "denied land allocation for the temple" (PLOVER): anything else may be a refusal
    return True


def object_sense(tree: Tree, f: Frame) -> str:
    """Twelfth round (samples M, V, O): standing by or welcoming one's words, inviting criticism, receiving
    information, calling on an office, seeking a course or an office for oneself; sixteenth round: meeting an
    obligation, a demand or a deadline."""
    lemma = tree.tokens[f.base].lemma.lower()
    if f.code.event == "SUPPORT" and f.entry in ("stand by", "stick to", "stand behind") and _all_in(
            tree, _objects_with_preps(tree, f, "by", "to", "behind"), WORDS_HELD):
        return "standing by one's words or a report supports no party"
    if f.code.event == "AGREE" and lemma == "invite" and _all_in(tree, _direct_objects(tree, f), BROUGHT_ON):
        return "'invited criticism' or 'prosecution': brought on, no invitation"
    if f.code.event == "CONSULT" and lemma == "receive" and _all_in(tree, _objects_with_preps(tree, f),
                                                                     RECEIVED_THINGS):
        return "receiving information, a letter or an award hosts nobody"
    if f.code.event == "CONSULT" and lemma == "meet" and _all_in(
            tree, tree.children(f.base, {"dobj"}) or _direct_objects(tree, f), DUTIES):  # "met every agreement [with]"
        return "meeting an obligation, a demand or a deadline meets no party"
    if f.code.event == "REQUEST" and f.entry in ("call on", "call upon") and tree.child(f.base, {"xcomp"}) is None \
            and _all_in(tree, [a for _, a in tree.prep_args(f.base, ("on", "upon"))], CALLED_PLACES):
        return "calling on an office or a home is a visit, no call on a party to act"
    if f.code.event == "AGREE" and lemma == "accept" and _all_in(tree, _direct_objects(tree, f), ACCEPTED_THINGS):
        return "accepting an award, an outcome, advice or a plea agrees to no party's offer"
    if f.code.event in ("AGREE", "REJECT") and lemma == "accept" and _all_in(tree, _direct_objects(tree, f), CLAIMS):
        return "accepting or not accepting a claim, a denial or words believes or disbelieves them: no event"
    if f.code.event == "COOPERATE" and lemma == "share" and _all_in(tree, _direct_objects(tree, f), SHARED_THINGS):
        return "sharing sympathies, views or a building with someone is no cooperation"
    if f.code.event == "REQUEST" and f.entry in ("call on", "call upon") and _named_before_on(tree, f):
        return "calling someone something ('called himself X on Facebook') names him: no call on a party to act"
    if f.code.event == "REQUEST" and lemma == "seek" and _all_in(tree, _direct_objects(tree, f), COURSES):
        return "seeking an approach, a policy or an office for oneself asks nothing of a party"
    if denial(tree, f):
        return "denying a claim ('denies this', 'activities it has denied') refuses no party: no REJECT"
    return ""


def drop_reason(tree: Tree, f: Frame, lex: Lexicon) -> str:
    if why := object_sense(tree, f):
        return why
    if executed_thing(tree, f, lex):
        return "executing a plan, an order or a warrant kills nobody: the object gives 'execute' another sense"
    if transitive_particle_verb(tree, f):
        return "with a direct object, 'admit to' and 'give in to' admit or give something: no concession"
    if pulled_thing(tree, f, lex):
        return "pulling a thing out of a place withdraws no forces, staff or party"
    return ""


__all__ = ["drop_reason"]
