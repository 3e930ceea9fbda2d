"""Statements that are no act of one party toward another, read from the verb's complement (eighth round of issue
12, sample G and sample F's wrong events).

- *Assurances of a fact*: "Turkey assured the United States that the prisoners were secure": an assurance whose
  content is a present or past state of affairs informs; only one about what will be done ("assured Israel that
  it would not attack") is a promise (`assured_fact`).
- *Credit*: "workers are responsible for a deal that is far better": being responsible for an agreement, a
  success or a peace is credit, no accusation (`credit`).
- *Feelings owed*: "the Chinese people should be very proud", "Americans should be worried": an obligation to
  feel something asks no party to act ("must be careful", "must be ready" stay demands) (`owed_feeling`).
- *Past necessities*: "Italy has had to put the process in order", "they have had to rely on others": what a
  party had to do is a report of its course, no demand ("Iran has to stop" stays) (`past_necessity`).
- *Elections won*: "the senator, whom the governor beat in the May election", "beat his rival in the primary": a
  victory at the polls is no use of force (`election_won`).
- *Judgment calls*: "made a different call", "made a tough call on the budget": a call that is a decision (an
  adjective of judgment, no party called) is no phone call (`judgment_call`).
- *Views accepted*: "accepted the legal opinion of the attorney general", "accepted the assessment that": taking a
  view is no AGREE ("accepted the peace plan" stays) (`view_accepted`).
- *Idioms of emphasis*: "make no mistake", "should not make any mistake on this" ask nothing (`no_mistake`).
- *Honours deserved*: "the Korean president should win the Nobel Peace Prize", "deserves credit": saying a party
  ought to win a prize or credit praises it (SUPPORT), it asks nothing of it (`honour_deserved`, a recoding).
- *Explainer titles*: "What North Korea wants from the US", "How Iran plans to respond": a wh-clause standing
  alone as a title names a topic, no act (`explainer_title`).
- *Things sought for a task*: "authorities were seeking materials to identify passengers": seeking records,
  samples or equipment asks no party for anything (`things_sought`).
- *Issues taken up* (fifteenth round, speech): "take issue with X" disapproves only with a bare "issue":
  "would take up the issue with the council", "is taking the issue seriously" raise a topic (`issue_taken_up`).
- *Evidence held for a purpose* (fifteenth round, speech): "has enough evidence to hold the suspects", "handed
  over the evidence it had collected": evidence with no claim of its own (no "that" clause, no "of / against" a party or misdeed,
  no "linking X to") accuses nobody; "has evidence that Iran planned the attack" stays (`evidence_without_claim`).

Each check is a pure function of the sentence tree and the frame.
"""

from __future__ import annotations

from ...knowledge.lexicon import Code
from .tree import Frame, Tree, first_reason, names_word

ASSURING = frozenset({"assure", "reassure"})
# Auxiliaries that make an assurance's content a commitment about what will be done.
COMMITTING = frozenset({"will", "would", "shall", "'ll", "wo", "can", "could", "must", "should"})
# What one is credited with, not blamed for.
CREDITS = frozenset({"deal", "agreement", "accord", "treaty", "success", "successes", "progress", "improvement",
                     "improvements", "peace", "recovery", "growth", "breakthrough", "achievement", "achievements",
                     "victory", "win", "compromise", "reform", "reforms", "rescue", "release", "ceasefire", "truce"})
# Feelings and attitudes one may be told one ought to have: no act asked of a party.
FEELINGS = frozenset({"proud", "ashamed", "happy", "glad", "pleased", "grateful", "thankful", "worried", "concerned",
                      "afraid", "scared", "frightened", "fearful", "nervous", "excited", "optimistic", "pessimistic",
                      "hopeful", "sad", "upset", "angry", "outraged", "disappointed", "embarrassed", "alarmed",
                      "delighted", "satisfied", "comfortable", "uncomfortable", "confident", "skeptical",
                      "sceptical", "suspicious", "wary", "surprised", "shocked", "humble", "honored", "honoured"})
# Material and records sought for a task, asked of no party.
SOUGHT_THINGS = frozenset({"material", "materials", "sample", "samples", "record", "records", "photo", "photos",
                           "fingerprint", "fingerprints", "dna", "equipment", "evidence", "clue", "clues", "data",
                           "document", "documents", "footage", "information", "detail", "details", "tool", "tools"})


def assured_fact(tree: Tree, f: Frame) -> bool:
    """'The United States had been assured by Turkey that the prisoners were secure', 'officials assured Israel
    that the border was calm': the assured content is a state of affairs, no promise."""
    toks = tree.tokens
    if f.code.event != "AGREE" or toks[f.base].lemma.lower() not in ASSURING:
        return False
    comps = tree.children(f.base, {"ccomp"}) + [  # "assured their counterparts that he was healthy", parsed as
        c for o in tree.children(f.base, {"dobj"}) for c in tree.children(o, {"acl", "relcl"})  # a clause on the object
        if any(toks[k].dep == "mark" and toks[k].lower == "that" for k in tree.kids[c])
        and tree.children(c, {"nsubj", "nsubjpass", "expl"})]
    if not comps:
        return False
    for c in comps:
        if toks[c].tag in ("VB", "TO") or any(toks[k].dep in ("aux", "auxpass") and toks[k].lower.replace(
                "\u2019", "'") in COMMITTING for k in tree.kids[c]):
            return False
        if toks[c].lemma.lower() != "be" and toks[c].tag not in ("VBD", "VBZ", "VBP", "VBN"):
            return False
    return True


def credit(tree: Tree, f: Frame) -> bool:
    """'Workers are responsible for a deal that is far better', 'the envoy was responsible for the ceasefire':
    the thing one is responsible for is a good one."""
    toks = tree.tokens
    if f.code.event != "ACCUSE" or toks[f.trigger[0]].lemma.lower() != "responsible":
        return False
    things = [a for _, a in tree.prep_args(f.trigger[0], ("for",))]
    return bool(things) and all(names_word(tree, a, CREDITS) for a in things)


def owed_feeling(tree: Tree, f: Frame) -> bool:
    """'The Chinese people should be very proud', 'Americans should be worried about it': ought to feel."""
    toks = tree.tokens
    if not f.rule.startswith("deontic") or toks[f.trigger[0]].lemma.lower() != "be":
        return False
    v = f.trigger[0]
    comps = tree.children(v, {"acomp"})
    return bool(comps) and all(toks[a].lemma.lower() in FEELINGS or toks[a].lower in FEELINGS for a in comps)


def past_necessity(tree: Tree, f: Frame) -> bool:
    """'Germany has had to bring order', 'they have had to depend on other states', 'Kenya had to close the
    border': a necessity in the past or the perfect reports what a party had to do; nobody is asked."""
    if not f.rule.startswith("deontic:have-to"):
        return False
    toks = tree.tokens
    v = f.trigger[0]
    have = tree.head(v) if toks[v].dep == "xcomp" else None
    if have is None or toks[have].lemma.lower() != "have":
        return False
    if toks[have].tag == "VBN":
        return True  # "has had to"
    return toks[have].tag == "VBD" and not any(toks[k].dep == "aux" for k in tree.kids[have])


ELECTIONS = frozenset({"election", "elections", "primary", "primaries", "race", "vote", "poll", "polls", "ballot",
                       "runoff", "run-off", "contest", "caucus", "caucuses", "referendum", "presidency"})


def election_won(tree: Tree, f: Frame) -> bool:
    """'the senator, whom the governor beat in the May election', 'the senator beat his rival in the primary'."""
    toks = tree.tokens
    if f.code.event != "ASSAULT" or toks[f.base].lemma.lower() not in ("defeat", "beat", "trounce", "crush", "rout"):
        return False
    return any(names_word(tree, a, ELECTIONS) for _, a in tree.prep_args(f.base, ("in", "at", "for")))


JUDGMENTS = frozenset({"different", "tough", "difficult", "hard", "right", "wrong", "good", "bad", "final", "big",
                       "close", "easy", "smart", "brave", "bold", "correct", "judgment", "judgement", "tactical",
                       "strategic", "political", "personal"})
VIEWS_TAKEN = frozenset({"opinion", "opinions", "view", "views", "assessment", "assessments", "conclusion",
                         "conclusions", "finding", "findings", "analysis", "argument", "arguments", "premise",
                         "interpretation", "reasoning", "explanation", "account", "version", "characterization",
                         "characterisation", "estimate", "estimates", "judgment", "judgement", "verdict", "diagnosis"})


def judgment_call(tree: Tree, f: Frame) -> bool:
    """'The judge quickly made a different call', 'made a tough call on the budget': no one is called."""
    toks = tree.tokens
    n = f.trigger[1] - 1
    if f.code.event != "CONSULT" or toks[n].lemma.lower() != "call" or not f.rule.startswith("light"):
        return False
    if tree.prep_args(n, ("to", "with")) or tree.prep_args(f.base, ("to", "with")):
        return False  # "made a call to the Peruvian president"
    return any(toks[k].dep in ("amod", "compound") and toks[k].lower in JUDGMENTS for k in tree.kids[n])


def view_accepted(tree: Tree, f: Frame) -> bool:
    """'accepted the legal opinion of the attorney general', 'accepted the assessment that the attack was planned'."""
    toks = tree.tokens
    if f.code.event != "AGREE" or toks[f.base].lemma.lower() != "accept":
        return False
    objs = tree.children(f.base, {"dobj"})
    return bool(objs) and all(toks[o].lemma.lower() in VIEWS_TAKEN or toks[o].lower in VIEWS_TAKEN for o in objs)


def no_mistake(tree: Tree, f: Frame) -> bool:
    """'Make no mistake', 'this nation should make no mistake about it': emphasis, no demand. 'Iran should not
    make the mistake of attacking' (a mistake named) stays a warning."""
    toks = tree.tokens
    if f.code.event != "REQUEST" or toks[f.trigger[0]].lemma.lower() != "make":
        return False
    objs = tree.children(f.trigger[0], {"dobj"})
    return bool(objs) and all(toks[o].lemma.lower() == "mistake" and not tree.prep_args(o, ("of",)) and any(
        toks[k].lower in ("any", "no") for k in tree.kids[o]) for o in objs)


def explainer_title(tree: Tree, f: Frame) -> bool:
    """'What North Korea wants from the US', 'What Iran demands of Europe 01:41': the sentence is a wh-clause with
    no full stop or question mark, the event verb its root: a title, no report of an act."""
    toks = tree.tokens
    if not toks or toks[0].lower not in ("what", "how", "why") or toks[f.base].dep != "ROOT":
        return False
    if toks[0].i not in tree.kids[f.base] and tree.head(toks[0].i) not in tree.kids[f.base]:
        return False
    return toks[-1].text not in (".", "?", "!", '"', "\u201d")


def things_sought(tree: Tree, f: Frame) -> bool:
    """'authorities were seeking additional materials to identify passengers', 'police sought DNA samples':
    seeking material for a task asks no party for it when no party is named."""
    toks = tree.tokens
    if f.code.event != "REQUEST" or toks[f.base].lemma.lower() not in ("seek", "look"):
        return False
    if tree.prep_args(f.base, ("from",)):
        return False  # "sought help from Australia"
    objs = [*tree.children(f.base, {"dobj"}), *f.recipients, *f.objects]
    return bool(objs) and all(names_word(tree, o, SOUGHT_THINGS) for o in objs)


# What evidence can be "of", "against", "about" or "for": a claim of its own ("evidence of Iranian involvement",
# "evidence against the diplomats"); "evidence from other sources" names where it came from, no claim.
CLAIM_PREPS = ("of", "against", "about", "on", "for", "implicating", "linking", "showing", "connecting", "tying")


def evidence_without_claim(tree: Tree, f: Frame) -> bool:
    """'has enough evidence to hold the suspects', 'handed over the evidence it had collected': the noun
    "evidence" of a light-verb accusation with no content clause (a that-clause or a participle: "evidence that
    Iran planned", "evidence linking Iran to") and no claim phrase (`CLAIM_PREPS`). A to-infinitive ("to support
    the indictment") says what the evidence is for, a relative clause ("the evidence it had collected") who holds
    it."""
    toks = tree.tokens
    n = f.trigger[1] - 1
    if f.code.event != "ACCUSE" or not f.rule.startswith("light:") or toks[n].lemma.lower() != "evidence":
        return False
    for k in tree.kids[n]:
        dep = toks[k].dep
        if dep in ("acl", "ccomp") and not any(toks[a].tag == "TO" for a in tree.kids[k]):
            return False  # "evidence that Iran planned the attack", "evidence linking Iran to the plot"
        if dep == "prep" and toks[k].lower in CLAIM_PREPS:
            return False
    return True


# Idioms of disapproval whose noun is bare: "took issue with", "took umbrage at" (verbs.txt, fifteenth round).
BARE_IDIOMS = {"take issue with": "issue", "take umbrage at": "umbrage"}


def issue_taken_up(tree: Tree, f: Frame) -> bool:
    """'would take up the issue with the council', 'the care with which it is taking the issue': the idiom's
    noun with a determiner or a possessive ("took serious issue with" stays), a particle on the verb, or the
    preposition before the verb."""
    noun = BARE_IDIOMS.get(f.entry)
    if noun is None:
        return False
    toks = tree.tokens
    v = f.base
    objs = [k for k in tree.kids[v] if toks[k].dep == "dobj" and toks[k].lower == noun]
    return (not objs or any(toks[k].dep in ("det", "poss") for o in objs for k in tree.kids[o])
            or any(toks[k].dep == "prt" for k in tree.kids[v])
            or any(toks[k].dep == "prep" and k < v for k in tree.kids[v]))


DROPS = (
    (assured_fact, "an assurance that something is so informs: no promise (AGREE needs a commitment)"),
    (credit, "being responsible for a deal, a success or a peace is credit: no accusation"),
    (owed_feeling, "saying a party should feel proud or worried asks no act of it: no request"),
    (past_necessity, "what a party has had to do reports its course: no demand"),
    (election_won, "defeating a rival in an election is a victory at the polls, no use of force"),
    (judgment_call, "a call of judgment ('made a different call') is a decision: no phone call"),
    (view_accepted, "accepting an opinion or an assessment takes a view: no AGREE"),
    (no_mistake, "'make no mistake' is emphasis: no request"),
    (explainer_title, "a wh-clause standing alone ('What X wants from Y') is a title: no act reported"),
    (things_sought, "seeking materials, samples or records for a task asks no party: no request"),
    (issue_taken_up, "taking up an issue or taking the issue raises a topic: no disapproval"),
    (evidence_without_claim, "evidence held for a purpose, with no claim that a party did something, accuses no one"),
)


def drop_reason(tree: Tree, f: Frame) -> str:
    """Why the statement is no act, or ""."""
    return first_reason(DROPS, tree, f)


HONOURS = frozenset({"prize", "award", "medal", "honor", "honour", "credit", "recognition", "praise", "gratitude",
                     "thanks", "applause", "accolade", "accolades", "nobel"})
WINNING = frozenset({"win", "get", "receive", "deserve", "earn", "be given", "share"})


def honour_deserved(tree: Tree, f: Frame) -> Code | None:
    """'The Korean president should win the Nobel Peace Prize', 'Trump should get credit for the talks': the
    speaker praises the party (SUPPORT by the speaker to the subject)."""
    toks = tree.tokens
    if not f.rule.startswith("deontic") or toks[f.trigger[0]].lemma.lower() not in WINNING:
        return None
    objs = tree.children(f.trigger[0], {"dobj"})
    if not objs or not all(names_word(tree, o, HONOURS) for o in objs):
        return None
    return Code("SUPPORT", None, "051")
