"""Nominal rules: event nouns not governed by a light verb ("talks between A and B", "talks began", "is a red
line")."""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .behind import behind_frame
from .exposures import exposed_parties
from .struck import struck_parties
from .tree import (
    OBJ,
    PASS_SUBJ,
    SUBJ,
    Frame,
    Tree,
    match_noun,
    names_word,
    subject_of,
)

IN_STATE_VERBS = {"be", "remain", "stay", "engage", "keep", "get"}
ASPECT_VERBS = {"start", "begin", "resume", "continue", "open", "take", "get", "go", "end", "stall", "collapse"}


def noun_frames(tree: Tree, n: int, lex: Lexicon) -> list[Frame]:
    """Nominal events not governed by a light verb: 'X between A and B', 'talks ... started', 'is a red line'."""
    toks = tree.tokens
    dep = toks[n].dep
    h = tree.head(n)
    gov = tree.head(h) if dep == "pobj" and h is not None and toks[h].lower == "in" and toks[h].dep == "prep" else None
    in_state = gov is not None and toks[gov].lemma.lower() in IN_STATE_VERBS
    ne = match_noun(tree, n, lex, verb=toks[gov].lemma.lower() if in_state else None)
    if ne is None or toks[n].lemma.lower() not in lex.nouns:
        return []
    between = [x for _, a in tree.prep_args(n, ("between", "among")) for x in tree.conjuncts(a)]
    if not between and "recip" in ne.flags:
        # "an agreement during the summit between A and B": the participants of the meeting it was reached at
        for _, a in tree.prep_args(n, ("during", "at")):
            if match_noun(tree, a, lex) is not None:
                between = [x for _, b in tree.prep_args(a, ("between", "among")) for x in tree.conjuncts(b)]
    start = min([n] + [k for k in tree.kids[n] if toks[k].dep in ("compound", "amod") and toks[k].lower in ne.words])
    trig = (start, n + 1)
    base = h if h is not None else n
    if (done := behind_frame(tree, n, ne, trig, _targets(tree, n, ne, lex))) is not None:
        return [done]
    if "copula" in ne.flags and h is not None and (dep == "attr" or crossing_foretold(tree, n, h)):
        drawer = [x for _, a in tree.prep_args(n, ("for", "to")) for x in tree.conjuncts(a)]
        # the parties of the act that would cross the line: the subject clause ("Ukraine joining NATO") and a
        # "regarding / as regards X" phrase
        crossing: list[int] = []
        for c in tree.children(h, {"nsubj", "csubj", "nsubjpass"}):
            crossing += [k for k in tree.subtree(c) if toks[k].pos in ("PROPN", "NOUN") and toks[k].dep in
                         ("nsubj", "dobj", "pobj", "poss", "csubj", "compound", "appos", "nsubjpass")
                         or k == c and toks[k].pos in ("PROPN", "NOUN")]
        for p in tree.subtree(n) + tree.subtree(h):
            if toks[p].lower in ("regards", "regarding", "concerning", "over") and toks[p].dep in ("prep", "advcl",
                                                                                                  "pcomp"):
                crossing += [k for k in tree.subtree(p) if toks[k].pos == "PROPN"]
        crossing = [k for k in dict.fromkeys(crossing) if k not in drawer]
        return [Frame(f"copula:{ne.key}", ne.key, ne.code, trig, (), tuple(crossing), h,
                      actor_fallback=tuple(drawer),
                      notes=("actor is the speaker, else the 'for' argument; recipients are the parties of the act "
                             "that would cross the line",))]
    background = dep == "pobj" and h is not None and toks[h].lower in (
        "amid", "despite", "over", "about", "for", "during", "at")
    if "onstate" in ne.flags and dep == "pobj" and h is not None and toks[h].lower == "on":
        gov = tree.head(h)
        if gov is not None and toks[gov].pos in ("VERB", "AUX"):
            return [Frame(f"on-state:{ne.key}", ne.key, ne.code, trig, tuple(subject_of(tree, gov)), (), gov)]
    if in_state and ne.code.event == "CONSULT" and "recip" in ne.flags:
        # "Moscow and Washington were in talks", "remained in contact with Kyiv": two parties meeting
        partners = [x for _, a in tree.prep_args(n, ("with",)) + tree.prep_args(gov, ("with",))
                    for x in tree.conjuncts(a)]
        if ne.key == "touch":  # "in touch with the families", "with reality": only a party is met
            partners = [x for x in partners if toks[x].ent_type in ("GPE", "NORP", "ORG", "PERSON")
                        or toks[x].pos == "PROPN" or toks[x].lemma.lower() in lex.cue("agents")]
            if not partners:
                return []
        subjects = subject_of(tree, gov)
        if not partners and len(subjects) < 2:
            return []  # "the company was in talks to buy a rival": one party, no meeting named
        return [Frame(f"in-state:{ne.key}", ne.key, ne.code, trig, tuple(subjects), tuple(partners), gov,
                      reciprocal=not partners, notes=("being in talks or contact with a party is meeting it",))]
    restated = dep in ("nsubj", "nsubjpass") and h is not None and toks[h].lemma.lower() == "be"
    if between and ne.key in STREET_BATTLES and not _street_fight(tree, n, between, lex):
        between = []  # a quarrel ("running battles between Democrats and Republicans over the budget"): no clash
    # a clash between named parties in a time phrase ("amid clashes between police and protesters") is the first
    # mention of an act told as fact (annotation guide 12.2); a later one refers back to it (coding/__init__.py).
    # Talks, deals and other acts in such a phrase stay background ("amid talks between": ongoing)
    mentioned_clash = background and ne.code.event == "ASSAULT" and toks[h].lower in ("amid", "despite", "during")
    if between and "recip" in ne.flags and (not background or mentioned_clash) and not restated:
        return [Frame(f"nominal-between:{ne.key}", ne.key, ne.code, trig, tuple(between), (), base,
                      reciprocal=True)]
    possessed = possessor_frame(tree, n, ne, lex, trig, base, background) or object_speech(tree, n, ne, lex, trig)
    if possessed is not None:
        return [possessed]
    governors = lex.cue("future") | lex.cue("hypothetical")
    if dep in OBJ and h is not None and toks[h].lemma.lower() in governors and "recip" in ne.flags:
        rcpt = [x for _, a in tree.prep_args(n, ("with", "between")) for x in tree.conjuncts(a)]
        return [Frame(f"nominal-object:{toks[h].lemma}+{ne.key}", ne.key, ne.code, trig, tuple(subject_of(tree, h)),
                      tuple(rcpt), n)]
    if dep in SUBJ | PASS_SUBJ and h is not None and toks[h].lemma.lower() in ASPECT_VERBS:
        actors = [k for k in tree.kids[n] if toks[k].dep in ("poss", "amod", "compound")]
        if not actors and "recip" not in ne.flags:
            return []
        rcpt = [x for _, a in tree.prep_args(n, ("with", "against", "on")) for x in tree.conjuncts(a)]
        gov = tree.head(h)
        if not actors and gov is not None and toks[h].dep in ("ccomp", "xcomp"):
            actors = subject_of(tree, gov)
        return [Frame(f"nominal-aspect:{ne.key}+{toks[h].lemma}", ne.key, ne.code, trig, tuple(actors),
                      tuple(rcpt), h)]
    return []


# Eighteenth round, speech: a speech act named by its noun with its speaker, as the object of a verb that is no light
# verb for it: "the council met to consider an Egyptian request for a session", "Damascus has long heard Obama's
# threats", "Cairo welcomed the Saudi demand that Addis Ababa halt the dam", "the leak will sharpen the senators'
# demands for an inquiry". Hearing, weighing, welcoming, rejecting or repeating the act presupposes it was made.
# A refusal or veto named so is left out: "to override Obama's promised veto", "can the bill beat his veto?" name one
# threatened, not cast (fresh text, eighteenth round).
OBJECT_SPEECH_TYPES = frozenset({"ACCUSE", "REQUEST", "THREATEN"})
# Verbs whose object is a speech act not (yet) made: "feared Chinese threats", "invited Russian criticism".
UNMADE_GOVERNORS = frozenset({"fear", "avoid", "prevent", "risk", "invite", "provoke", "deter", "anticipate", "expect",
                              "plan", "prepare", "want", "seek", "preempt", "forestall", "draft", "write"})

# Verbs of answering a speech act: with no party named in the noun's own phrases, their subject is the one accused,
# asked or threatened ("Moscow denied the British accusations", "Damascus has heard Obama's threats").
ANSWERING_VERBS = frozenset({"reject", "deny", "dismiss", "ignore", "heed", "hear", "receive", "defy", "answer",
                             "accept", "refuse", "rebuff", "meet", "satisfy", "resist", "brush", "shrug", "grant",
                             "fulfil", "fulfill", "decline", "spurn", "scorn", "rebut", "refute", "counter", "consider",
                             "weigh", "review", "approve"})
# Verbs that refuse a demand or an ultimatum: the refusal (REJECT, the lexicon's) carries the demander as its
# recipient, and the PLOVER gold codes that one event for "Serbia rejected an Australian ultimatum".
REFUSING_VERBS = frozenset({"reject", "refuse", "rebuff", "spurn", "dismiss", "decline", "defy", "resist", "turn",
                            "scorn", "snub"})
# Words that make the noun an act not made yet: "the planned demands", "Obama's promised veto".
UNSAID = frozenset({"planned", "proposed", "possible", "potential", "future", "expected", "imminent", "promised",
                    "pledged", "likely", "threatened"})


def object_speech(tree: Tree, n: int, ne, lex: Lexicon, trig: tuple[int, int]) -> Frame | None:
    """An ACCUSE, REQUEST or THREATEN noun with a named speaker (a possessive, a nationality or a name
    before it: "Obama's threats", "an Egyptian request") as the direct object of a verb other than a light verb for
    it (light verbs are coded by the verb rules) and other than one that fears, plans or averts it
    (`UNMADE_GOVERNORS`): the act, first mention, recipients from its own phrases ("for Greece to withdraw",
    "that Ethiopia halt the dam", "against Guam"). A plural "threats" is taken only with a possessive: "the
    Iranian threat" names a danger (`STATE_NOUNS`)."""
    toks = tree.tokens
    h = tree.head(n)
    if (toks[n].dep != "dobj" or h is None or toks[h].pos not in ("VERB", "AUX") or ne.only_with
            or ne.code.event not in OBJECT_SPEECH_TYPES or toks[h].lemma.lower() in UNMADE_GOVERNORS
            or toks[h].lemma.lower() in lex.cue("future")):
        return None
    if ne.words[-1] in STATE_NOUNS and ne.words[-1] not in SAID_STATE_NOUNS and not (
            ne.words[-1] == "threat" and toks[n].tag == "NNS"
            and any(toks[k].dep == "poss" for k in tree.kids[n])):
        return None
    if ne.code.event != "ACCUSE" and toks[h].lemma.lower() in REFUSING_VERBS:
        return None  # "rejected North Korea's demand": the refusal is coded, aimed at the demander (PLOVER codes one)
    if any(toks[k].dep == "det" and toks[k].lower in ("no", "any") or toks[k].lower in UNSAID for k in tree.kids[n]):
        return None  # "no threats", "any criticism", "Obama's promised veto": none made yet
    actors = named_modifiers(tree, n, ne)
    if not actors:
        return None
    targets = [x for x in _targets(tree, n, ne, lex) if x not in actors]
    if not targets and toks[h].lemma.lower() in ANSWERING_VERBS:
        targets = [x for x in subject_of(tree, h) if x not in actors]  # "Moscow denied the British accusations"
    return Frame(f"nominal-object-speech:{ne.key}", ne.key, ne.code, trig, tuple(actors), tuple(targets), n,
                 notes=("a speech act named with its speaker as a verb's object: made, whatever the verb does "
                        "with it",))


# Modals that make "X would cross a red line" a line drawn for the future (fifteenth round, speech).
FORETELLING = frozenset({"would", "will", "'d", "'ll", "wo"})


def crossing_foretold(tree: Tree, n: int, h: int) -> bool:
    """'such a finding would cross a red line', 'any attack on Idlib will cross the red line': a red line the act
    would cross is drawn by the speaker, like "would be a red line" (a warning made; its content conditional).
    "crossed a red line" (an act judged) is an accusation (evaluations.py), "if they cross the red line" a
    condition, neither drawn here."""
    toks = tree.tokens
    return (toks[n].dep == "dobj" and toks[h].lemma.lower() == "cross"
            and any(toks[k].dep == "aux" and toks[k].lower.replace("\u2019", "'") in FORETELLING for k in tree.kids[h])
            and not any(toks[k].dep == "neg" for k in tree.kids[h]))


# Event nouns coded on their own when a named party modifies them ("Russia's invasion of Ukraine", "a Turkish
# offensive in Syria", "U.S. airstrikes on Raqqa"): acts, not standing positions or policies.
POSSESSOR_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "THREATEN", "ACCUSE", "REQUEST", "CONSULT", "RETREAT",
                   "REJECT"}
ACTOR_MODS = {"poss", "amod", "compound", "nmod"}
# Nouns that name a state of affairs rather than an act on an occasion ("Syria's civil war", "the Iran threat").
STATE_NOUNS = {"war", "conflict", "crisis", "violence", "threat", "talks", "talk", "tension", "hostility",
               "rivalry", "dispute", "standoff", "fighting", "campaign", "investigation", "probe", "inquiry",
               "criticism", "opposition", "support", "policy"}
# A criticism named with its speaker ("Germany's criticism of Hungary", "Republican criticism of the withdrawal",
# "criticism from the Kenyan government") is an act, coded like a condemnation (eighth round, speech); with no
# named speaker ("faced criticism", "despite criticism") it stays a state of affairs (the named-actor rules below).
SAID_STATE_NOUNS = {"criticism"}
# Acts whose noun, as the agent of a passive ("weakened by U.S. drone attacks"), reports the act itself; a demand
# or a criticism there ("troubled by Trump's demands") refers back to one.
FORCE_TYPES = {"ASSAULT", "COERCE"}
TARGET_PREPS = ("against", "on", "of", "at", "into", "to", "with", "toward", "towards")


def possessor_frame(tree: Tree, n: int, ne, lex: Lexicon, trig: tuple[int, int], base: int,
                    background: bool) -> Frame | None:
    """An event noun with its actor as possessor or named modifier, not governed by a light verb (those are
    coded by the verb rules): its own event, with recipients from its 'against/on/of/at ...' phrases. Nouns
    restricted to some verbs (with=) and the objects of talk verbs ("discussed the attack") are left out."""
    toks = tree.tokens
    if ne.code.event not in POSSESSOR_TYPES or ne.only_with or (
            ne.words[-1] in STATE_NOUNS and ne.words[-1] not in SAID_STATE_NOUNS):
        return None
    subject = toks[n].dep in ("nsubj", "nsubjpass") and not background or reacted_to(tree, n, ne)
    if not subject and not (passive_agent(tree, n) and ne.code.event in FORCE_TYPES):
        return mentioned_act(tree, n, ne, lex, trig, base)
    h = tree.head(n)
    if h is not None and toks[h].lemma.lower() == "be" and tree.child(h, {"attr"}) is not None:
        return None  # "Trump's withdrawal from the deal is the greatest boost": a known act judged, not reported
    actors = acting_modifiers(tree, n, ne, lex) + [x for a in by_agents(tree, n) for x in tree.conjuncts(a)] or \
        force_owners(tree, n, ne, lex)  # "visits by the French president and the German chancellor": both
    if not actors:
        return None
    if reacted_to(tree, n, ne):
        # a name compounded on the noun ("U.S. air strikes") has no mention of its own: the noun resolves to it
        heads = [n] if any(toks[a].dep == "compound" for a in actors) else []
        return Frame(f"nominal-reacted:{ne.key}", ne.key, ne.code, trig, tuple(actors + heads),
                     tuple(_targets(tree, n, ne, lex)), base,
                     notes=("an act with its named actor, condemned or welcomed: the reaction presupposes it",))
    return Frame(f"nominal-possessor:{ne.key}", ne.key, ne.code, trig, tuple(actors),
                 tuple(_targets(tree, n, ne, lex)),
                 base, notes=("an event noun whose actor is its named modifier",))


# Twelfth round, recall: verbs of reaction whose object is an act that took place ("Iraq condemned U.S. air strikes on
# militia bases", "Kyiv denounced the Russian shelling of Kharkiv"): condemning or welcoming an act presupposes it,
# so a use of force, a coercive act or a deployment named there with its named actor is coded like a subject one.
REACTION_OBJECT_VERBS = frozenset({"condemn", "denounce", "deplore", "decry", "criticize", "criticise", "slam",
                                   "protest", "welcome", "praise", "hail", "applaud", "mourn", "investigate"})
REACTED_TYPES = FORCE_TYPES | {"MOBILIZE"}
# Words that make the object an act not (yet) done: "condemned the planned strikes", "any Israeli attack".
UNDONE = frozenset({"planned", "proposed", "possible", "potential", "threatened", "future", "any", "further",
                    "new", "expected", "imminent", "renewed"})


def reacted_to(tree: Tree, n: int, ne) -> bool:
    """The noun is the object of a verb of reaction (`REACTION_OBJECT_VERBS`) and names an act of force, coercion
    or deployment that is not marked as planned or possible ("condemned the planned strikes")."""
    toks = tree.tokens
    h = tree.head(n)
    return (toks[n].dep == "dobj" and h is not None and toks[h].lemma.lower() in REACTION_OBJECT_VERBS
            and ne.code.event in REACTED_TYPES
            and not any(toks[k].lower in UNDONE for k in tree.kids[n]))


def _targets(tree: Tree, n: int, ne, lex: Lexicon) -> list[int]:
    """The recipients an event noun names in its own phrases ("Russia's annexation of Crimea", "attacks on X"); the
    forces a deployment or a withdrawal is of are its actor's own, not a target ("the deployment of troops to X")."""
    own = ne.code.event in OWN_FORCE_TYPES
    out = [x for p, a in tree.prep_args(n, TARGET_PREPS) for x in tree.conjuncts(a)
           if not (p == "of" and ne.code.event in ("CONSULT", "PROTEST", "ACCUSE", "REQUEST"))
           and not (p == "of" and own and _is_force(tree, a, lex))]
    if ne.code.event in ("REQUEST", "ACCUSE"):
        # "demands from Washington that Beijing open its banks": Beijing is asked; "Clinton's accusation that Russia
        # was arming Syria": Russia is accused
        out += [x for c in tree.children(n, {"acl", "ccomp"}) for x in subject_of(tree, c) if x != n]
    if ne.code.event in ("ASSAULT", "COERCE") and not out:  # "the Israeli raid that killed X" (struck.py)
        out = struck_parties(tree, n)
    return out + speech_targets(tree, n, ne)


def speech_targets(tree: Tree, n: int, ne) -> list[int]:
    """Recipients of speech nouns (eighth round, speech): the "of" phrase of a condemnation, criticism or accusation
    when it names a party ("condemnation of Russia", `criticised`), and the party before the infinitive of a
    demand or call ("demands for Sweden to extradite", also when the parser hangs the "for" phrase on the speaker:
    "calls from the EU for Serbia to recognise Kosovo")."""
    toks = tree.tokens
    if ne.code.event == "ACCUSE":
        return [x for p, a in tree.prep_args(n, ("of",)) if criticised(tree, a) for x in tree.conjuncts(a)]
    if ne.code.event != "REQUEST" or not tree.children(n, {"acl"}):
        return []
    holders = [n] + [a for _, a in tree.prep_args(n, ("from",))]
    return [x for h in holders for _, a in tree.prep_args(h, ("for",)) for x in tree.conjuncts(a)
            if toks[a].pos in ("PROPN", "NOUN")]


def criticised(tree: Tree, a: int) -> bool:
    """'condemnation of Russia', 'criticism of Hungary's media law': the "of" phrase of a criticism names the
    party criticised, or the act of the party that owns it; "accusations of misconduct", "charges of war crimes"
    name the fault, not a party: only a named party or a named party's act is taken (eighth round, speech)."""
    return named(tree, a)


def named_modifiers(tree: Tree, n: int, ne) -> list[int]:
    """The parties named as modifiers of an event noun: a possessor or a named word before it ("Russia's",
    "Israeli", "U.S. and EU"), and the leader of a "-led" act ("Saudi-led air strikes": Saudi)."""
    toks = tree.tokens
    out = []
    for k in tree.kids[n]:
        if toks[k].dep not in ACTOR_MODS or k > n or toks[k].lower in ne.words or toks[k].pos == "PRON":
            continue
        if toks[k].dep == "poss" or toks[k].ent_type in ("GPE", "NORP", "ORG") or toks[k].pos == "PROPN":
            out += [c for c in tree.conjuncts(k) if toks[c].pos != "PRON"]
        elif toks[k].lemma.lower() == "lead" and toks[k].lower == "led":
            out += [c for c in tree.kids[k] if toks[c].dep in ("npadvmod", "compound", "amod", "nmod")
                    and (toks[c].ent_type in ("GPE", "NORP", "ORG") or toks[c].pos == "PROPN")]
    return out


def passive_agent(tree: Tree, n: int) -> bool:
    """The noun is the agent of a passive clause ("weakened by U.S. drone attacks", "hit by Russian
    airstrikes"): a use of force reported as the cause of what the clause says happened is asserted like a
    subject is."""
    h = tree.head(n)
    return tree.tokens[n].dep == "pobj" and h is not None and tree.tokens[h].dep == "agent"


# Acts named by a noun whose own phrase says who did it ("an outcry from rights groups", "demands from Washington"):
# the speaker of a speech act may follow "from".
FROM_ACTOR_TYPES = {"ACCUSE", "REQUEST", "THREATEN", "PROTEST"}
# Phrases that name a topic, not an act that took place ("voting on U.S. military action", "anger over the Border
# Patrol's use of tear gas", "an inquiry into Russia's attack").
# Acts mentioned in a phrase that are coded: single acts. A refusal, a mediation or a meeting named in a phrase ("in
# protest of the government's refusal", "opposed to French mediation") is a standing position or a proposal more often
# than an act that took place; pressure, campaigns and uprisings ("in the current Palestinian uprising") are states of
# affairs.
MENTION_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "ACCUSE", "REQUEST", "RETREAT", "PROTEST"}
ONGOING_NOUNS = {"pressure", "campaign", "effort", "efforts", "uprising", "revolution", "rebellion", "insurgency",
                 "intifada", "movement"}
# Acts a person's possessive names the patient of ("Soleimani's killing", "Navalny's arrest", "Gross' release"): their
# actor must be a named country, nationality or organisation ("Russia's annexation", "Israeli airstrikes").
PATIENT_POSSESSOR_TYPES = FORCE_TYPES | {"RETREAT"}
TOPIC_PREPS = {"on", "upon", "over", "about", "regarding", "concerning", "into", "like", "than", "as"}
TOPIC_HEADS = {"respect", "regard", "relation", "reference", "as"}  # "with respect to", "in relation to", "as to"


def mentioned_act(tree: Tree, n: int, ne, lex: Lexicon, trig: tuple[int, int], base: int) -> Frame | None:
    """An event noun with its actor named, in a prepositional phrase ("after Russia's annexation of Crimea",
    "killed in aerial attacks by Israel", "at Mr. Panetta's request", "amid complaints from lawmakers"): the
    sentence mentions the act, and the annotation guide (12.2) codes the first mention of an act whose actor is
    named; a later mention in the article refers back to it and is not coded again (the coding stage's
    back-references). Not in a topic phrase ("voting on U.S. military action"); a use of force, an arrest or a
    release needs a country, nationality or organisation as modifier (a person's possessive is the one it was done
    to: "after Soleimani's killing", "news of Gross' release"); the "by" or "from" party must be named ("attacks by
    international forces", "complaints from lawmakers" name nobody)."""
    toks = tree.tokens
    p = tree.head(n)
    if toks[n].dep != "pobj" or p is None or toks[p].lower in TOPIC_PREPS or ne.code.event not in MENTION_TYPES \
            or ne.words[-1] in ONGOING_NOUNS or toks[p].dep == "agent":
        return None  # the agent of a passive ("troubled by Trump's demands") refers back to an act (nominal.py)
    q = tree.head(p)
    if toks[p].lower == "to" and q is not None and toks[q].lemma.lower() in TOPIC_HEADS:
        return None  # "limits with respect to the deployment of American troops": a topic, not an act
    actors = acting_modifiers(tree, n, ne, lex)
    actors += [x for a in by_agents(tree, n) for x in tree.conjuncts(a) if named(tree, x)]
    if not actors and ne.code.event in FROM_ACTOR_TYPES:
        actors = [x for _, a in tree.prep_args(n, ("from",)) for x in tree.conjuncts(a) if named(tree, x)]
    actors = actors or force_owners(tree, n, ne, lex)
    if not actors:
        return None
    targets = _targets(tree, n, ne, lex)
    if not targets and ne.code.event == "ACCUSE":  # "is under criticism from lawmakers" (exposures.py)
        targets = [x for x in exposed_parties(tree, n) if x not in actors]
    return Frame(f"nominal-possessor-mention:{ne.key}", ne.key, ne.code, trig, tuple(actors),
                 tuple(targets), base,
                 notes=("the first mention of an act whose actor is named (annotation guide 12.2)",))


def acting_modifiers(tree: Tree, n: int, ne, lex: Lexicon) -> list[int]:
    """The named modifiers of an event noun that may be its actor: for a use of force, an arrest or a release only
    a country, nationality or organisation ("Russia's annexation", "Israeli airstrikes"); a person's possessive
    there is the one it was done to ("Navalny's detention", "Soleimani's killing")."""
    mods = named_modifiers(tree, n, ne)
    if not mods and ne.code.event in FROM_ACTOR_TYPES and tree.tokens[n].dep in ("nsubj", "nsubjpass"):
        # a subject speech noun's named "from" speaker: "criticism from the Kenyan government grew" (eighth round)
        mods = [x for _, a in tree.prep_args(n, ("from",)) for x in tree.conjuncts(a) if named(tree, x)]
    if ne.code.event not in PATIENT_POSSESSOR_TYPES or ne.code.mode in OWN_ACT_MODES:
        return mods
    toks = tree.tokens
    # eighteenth round, recall: a person's possessive is the doer when the noun names its patient itself ("Bush's
    # invasion of Iraq", "Assad's crackdown on protesters", "Obama's release of the detainees")
    patient_named = any(_struck_patient(tree, a, lex) for _, a in tree.prep_args(n, PATIENT_PREPS))
    return [k for k in mods if toks[k].ent_type in ("GPE", "NORP", "ORG")
            or patient_named and toks[k].dep == "poss" and toks[k].ent_type == "PERSON"]


def _struck_patient(tree: Tree, a: int, lex: Lexicon) -> bool:
    """A patient a person's act of force can have: a place ("Bush's invasion of Iraq"), a target, captives or people
    acted on ("crackdown on protesters"); not a person or an organisation ("Trump's attack on the FBI" is words)."""
    toks = tree.tokens
    lemma = toks[a].lemma.lower()
    return (toks[a].ent_type in ("GPE", "LOC", "FAC") or lemma in AGENT_PATIENTS or lemma in lex.cue("targets")
            or lemma in lex.cue("captives")) and toks[a].ent_type not in ("PERSON", "ORG", "NORP")


# The phrases in which an act's noun names its patient, and bare nouns for people acted on ("the crackdown on
# journalists"), for the person-possessive doer above.
PATIENT_PREPS = ("of", "on", "against")
AGENT_PATIENTS = frozenset({"journalist", "journalists", "protester", "protesters", "demonstrator", "demonstrators",
                            "dissident", "dissidents", "opponent", "opponents", "civilian", "civilians", "detainee",
                            "detainees", "prisoner", "prisoners", "rebel", "rebels", "minority", "minorities"})


# Fifteenth round, recall: acts a person can only do, never undergo: "Mattis's resignation", "Obama's withdrawal from
# Iraq" name their actor, unlike "Navalny's arrest" or "Gross' release".
OWN_ACT_MODES = frozenset({"resign", "withdraw"})


def act_or_misdeed(tree: Tree, i: int, lex: Lexicon) -> bool:
    """A noun naming an act or a misdeed (a lexicon event noun, a `misdeeds` word, or a noun with an "of" object,
    "its treatment of the opposition"): what a party can be faulted for; "Ukraine's security" names none, so
    concern about it is no disapproval of Ukraine."""
    lemma = tree.tokens[i].lemma.lower()
    return lemma in lex.nouns or match_noun(tree, i, lex) is not None or lemma in lex.cue("misdeeds") or bool(
        tree.prep_args(i, ("of",)))


def named(tree: Tree, i: int) -> bool:
    """A named party heads or modifies the argument ("by Israel", "by Russian forces"), not a bare description."""
    return any(tree.tokens[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or tree.tokens[k].pos == "PROPN"
               for k in [i] + [c for c in tree.kids[i] if tree.tokens[c].dep in ("amod", "compound", "poss", "nmod")])


# Acts done with one's own forces: the deployment, build-up or withdrawal of a nation's troops is that nation's
# ("the deployment of German troops to Lithuania", "after the withdrawal of Russian forces from Kherson").
OWN_FORCE_TYPES = {"MOBILIZE", "RETREAT"}


def _is_force(tree: Tree, a: int, lex: Lexicon) -> bool:
    return tree.tokens[a].lemma.lower() in lex.cue("forces") or tree.tokens[a].lower in lex.cue("forces")


def force_owners(tree: Tree, n: int, ne, lex: Lexicon) -> list[int]:
    """The party named on the forces a deployment or a withdrawal noun is 'of' ("the withdrawal of Russian
    troops": Russian): a country, nationality or organisation modifying armed forces or their weapons."""
    if ne.code.event not in OWN_FORCE_TYPES or ne.code.mode == "release":
        return []
    toks = tree.tokens
    staff = lex.cue("staff")  # "the deployment of NATO peacekeeping troops": peacekeeping is aid (CAMEO 074)
    return [c for _, a in tree.prep_args(n, ("of",)) if _is_force(tree, a, lex)
            and not any(toks[k].lemma.lower() in staff or toks[k].lower in staff for k in [a] + tree.kids[a])
            for k in tree.kids[a] if toks[k].dep in ACTOR_MODS and k < a
            and toks[k].ent_type in ("GPE", "NORP", "ORG") for c in tree.conjuncts(k)]


def by_agents(tree: Tree, n: int) -> list[int]:
    """The 'by' party of an event noun, also when the parser hung it on the noun's 'of' object ("the arrest of
    the opposition leader by Belarusian police": 'by' under 'leader')."""
    direct = [a for _, a in tree.prep_args(n, ("by",))]
    return direct or [a for _, o in tree.prep_args(n, ("of",)) for _, a in tree.prep_args(o, ("by",))]


# battles that are a clash only between armed or street parties (thirteenth round, recall); "gun battle" is one
# whoever fights it
STREET_BATTLES = frozenset({"running battle", "pitched battle", "street battle", "battle"})
# armed or street parties that make "running / pitched battles between" a fight (thirteenth round, recall)
ARMED = frozenset({"rebel", "rebels", "militant", "militants", "insurgent", "insurgents", "gunman", "gunmen", "mob",
                   "rioter", "rioters", "youth", "youths", "jihadist", "jihadists"})


def _street_fight(tree: Tree, n: int, between: list[int], lex: Lexicon) -> bool:
    """"running battles between police and protesters" is a clash; "between Democrats and Republicans over the
    budget" is a quarrel: a battle is a fight only with forces, protesters or an armed group among its parties and
    no topic it is fought over ('over', 'about'; 'on' is as often a place: "on the streets of Paris")."""
    if tree.prep_args(n, ("over", "about")):
        return False
    words = lex.cue("forces") | lex.cue("protesters") | ARMED
    return any(names_word(tree, x, words) for x in between)
