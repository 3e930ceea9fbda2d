"""Readings that a verb's or a noun's complement decides (seventh round of issue 12, judged sample E of real
articles and the dev split): what is withdrawn, received, released or sought, and what an obligation is about.

- *Withdrawn words and backing*: "withdrew his support for the prime minister", "withdrew the bill", "withdrew
  the offer": what is taken back is a stance or a paper, no retreat of forces (`withdrawn_backing`).
- *Things received*: "received the consent of the senate", "received a letter from Putin": receiving a thing is
  no visit received (`thing_received`).
- *Published material released*: "the release of a video by the rebels", "after the release of the report":
  publishing is no release of captives (`published_release`).
- *Alert levels*: "declared its top level of alert for the floods", "a humanitarian emergency": an
  alarm about a crisis lays no state of emergency on anyone (`alert_level`).
- *Possible obligations*: "the court might have to step in", "may need to act": an obligation presented as a
  possibility demands nothing (`possible_obligation`).
- *Definitions under an obligation*: "the army should not be a rescue service", "the first response must be
  outrage": saying what a thing should *be* (a noun after "be") asks no party to act; "must be careful" and
  "must be held accountable" stay demands (`defining_obligation`).

- *Platforms*: "pledged to diversify the economy", "our commitment to religious tolerance": a promise about one's
  own economy, society or values is no AGREE (`home_pledge`).
- *Impacts*: "the airliner slammed into the tower": a crash, no accusation (`physical_impact`).

Each check is a pure function of the sentence tree and the frame; the coder drops the frame and records why.
"""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from . import statements
from .tree import Frame, Tree, first_reason, names_word

# What one withdraws that is no force: backing, words, papers, bids.
BACKING = frozenset({"support", "backing", "endorsement", "confidence", "trust", "objection", "objections",
                     "complaint", "complaints", "request", "requests", "bill", "bills", "motion", "motions",
                     "proposal", "proposals", "offer", "offers", "nomination", "candidacy", "lawsuit", "suit",
                     "appeal", "application", "bid", "remark", "remarks", "comment", "comments", "statement",
                     "invitation", "resignation", "veto", "recognition", "accreditation", "license", "licence",
                     "permit", "visa", "visas", "funding", "amendment", "resolution", "reservation",
                     "reservations", "claim", "claims", "plan", "plans", "legislation", "measure", "name"})
# What one receives that is no visitor: permissions, messages, money, verdicts.
RECEIVED_THINGS = frozenset({"consent", "approval", "permission", "authorization", "authorisation", "backing",
                             "support", "endorsement", "blessing", "go-ahead", "green light", "mandate", "letter",
                             "letters", "request", "requests", "invitation",
                             "invitations", "award", "prize", "medal", "honour", "honor", "briefing", "briefings",
                             "report", "reports", "money", "funds", "funding", "payment", "payments", "aid",
                             "assistance", "loan", "loans", "assurance", "assurances", "guarantee", "guarantees",
                             "criticism", "praise", "threat", "threats", "vote", "votes", "sentence", "death",
                             "treatment", "care", "dose", "doses", "vaccine", "vaccines", "shipment", "delivery",
                             "response", "reply", "answer", "information", "intelligence", "warning", "warnings",
                             "signal", "signals", "visa", "visas", "asylum", "citizenship", "pardon"})
# What is published when it is released.
PUBLISHED = frozenset({"video", "videos", "statement", "statements", "report", "reports", "footage", "photo",
                       "photos", "photograph", "photographs", "picture", "pictures", "image", "images", "tape",
                       "tapes", "recording", "recordings", "audio", "film", "document", "documents", "data",
                       "figures", "results", "details", "transcript", "transcripts", "memo", "memos", "book",
                       "album", "song", "trailer", "email", "emails", "letter", "letters", "list", "names",
                       "record", "records", "file", "files", "message", "communique", "communiqué", "manifesto",
                       "budget", "forecast", "poll", "survey", "study", "findings", "version", "text", "plan"})
# Promises whose content decides whether they are an act toward a party.
PLEDGES = frozenset({"pledge", "promise", "vow", "commit", "commitment"})
# One's own economy, society and values: what platforms promise.
HOME_MATTERS = frozenset({"economy", "economies", "job", "jobs", "growth", "tax", "taxes", "corruption", "poverty",
                          "unemployment", "inflation", "deficit", "debt", "budget", "infrastructure", "healthcare",
                          "health care", "education", "school", "schools", "wage", "wages", "pension", "pensions",
                          "housing", "crime", "industry", "manufacturing", "tolerance", "freedom", "freedoms",
                          "liberty", "values", "principles", "democracy", "pluralism", "diversity", "equality",
                          "transparency", "prosperity", "bureaucracy", "welfare", "reform", "reforms"})
# Verbs of criticism that also say a body hits a thing ("slammed into the tower").
IMPACT_VERBS = frozenset({"slam", "smash", "crash", "plow", "plough", "ram"})  # not "rip/tear/lay into": criticism
# What an alarm level is called.
ALERT_WORDS = frozenset({"level", "levels", "alert", "grade", "category", "scale", "tier"})
ALARM_ADJECTIVES = frozenset({"humanitarian", "health", "medical", "famine", "food", "climate", "economic",
                              "financial", "public-health", "sanitary", "environmental", "nutrition"})


def withdrawn_backing(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'withdrew his support for the premier', 'withdrew the bill': a stance or a paper taken back is no RETREAT
    of forces ('withdrew its troops', 'withdrew from the town' stay)."""
    if f.code.event != "RETREAT" or f.code.mode != "withdraw" or tree.tokens[f.base].lemma.lower() != "withdraw":
        return False
    objects = [*f.objects, *tree.children(f.base, {"dobj"})]
    return bool(objects) and all(names_word(tree, o, BACKING) for o in objects)


def thing_received(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'received the consent of the senate', 'received a letter from Putin': receiving a thing is no visitor
    received ('received the Iranian delegation' stays)."""
    if f.code.event != "CONSULT" or not f.rule.startswith("svo") or tree.tokens[f.base].lemma.lower() != "receive":
        return False  # "received a call from X" (a light verb) is a call
    objects = tree.children(f.base, {"dobj"})
    return bool(objects) and all(names_word(tree, o, RECEIVED_THINGS) for o in objects)


def published_release(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'the release of a video by the rebels', 'after the release of the report': a noun 'release' of published
    material frees no one ('the release of the hostages' stays)."""
    if f.code.event != "RETREAT" or f.code.mode != "release":
        return False
    n = f.trigger[1] - 1
    if tree.tokens[n].lemma.lower() != "release" or tree.tokens[n].pos != "NOUN":
        return False
    things = [a for _, a in tree.prep_args(n, ("of",))]
    return bool(things) and all(names_word(tree, a, PUBLISHED) for a in things)


def alert_level(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'its highest level of emergency for the crisis', 'a humanitarian emergency': an alarm about a crisis is
    no state of emergency laid on a country ('declared a state of emergency in the capital' stays)."""
    if f.code.event != "COERCE" or f.code.mode != "martial-law":
        return False
    toks = tree.tokens
    n = f.trigger[1] - 1
    if any(toks[k].dep in ("amod", "compound") and toks[k].lower in ALARM_ADJECTIVES for k in tree.kids[n]):
        return True
    h = tree.head(n)
    if h is not None and toks[n].dep == "pobj" and toks[h].lower == "of":
        g = tree.head(h)
        return g is not None and toks[g].lemma.lower() in ALERT_WORDS
    return any(toks[k].dep == "compound" and toks[k].lower in ALERT_WORDS for k in tree.kids[n]) or (
        h is not None and toks[n].dep == "compound" and toks[h].lemma.lower() in ALERT_WORDS)


def possible_obligation(tree: Tree, f: Frame, lex: Lexicon) -> bool:
    """'the court might have to step in', 'Israel may need to respond': an obligation that is only possible
    demands nothing of its subject."""
    if not f.rule.startswith("deontic"):
        return False
    toks = tree.tokens
    i = f.trigger[0]
    carriers = [i] + ([tree.head(i)] if toks[i].dep == "xcomp" and tree.head(i) is not None else [])
    return any(toks[k].dep == "aux" and toks[k].lower in lex.cue("possible_modals")
               for c in carriers for k in tree.kids[c])


def defining_obligation(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'the army should not be a rescue service', 'the response must be outrage': what a thing should be is a
    view of its role, no demand that a party act ('must be careful', 'must be held to account' stay)."""
    if not f.rule.startswith("deontic") or tree.tokens[f.trigger[0]].lemma.lower() != "be":
        return False
    toks = tree.tokens
    v = f.trigger[0]
    attrs = tree.children(v, {"attr"})
    # "senators should be the ones doing the questioning": the noun carries an act, a demand (dev gold)
    return bool(attrs) and not tree.children(v, {"acomp", "xcomp", "prep", "advmod"}) and all(
        toks[a].pos in ("NOUN", "PROPN") and toks[a].lemma.lower() != "one" and
        not tree.children(a, {"acl", "relcl"}) for a in attrs)


def home_pledge(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'pledged to diversify the economy', 'vowed to create jobs', 'our commitment to religious tolerance': a
    promise whose only content is one's own economy, society or values is a platform, no AGREE
    ('pledged to withdraw troops', 'promised Kenya aid' stay)."""
    if f.code.event != "AGREE" or f.entry not in PLEDGES:
        return False
    n = f.trigger[1] - 1
    toks = tree.tokens
    verbs = [v for v in tree.children(f.base, {"xcomp"}) if toks[v].pos == "VERB"] + \
        [a for _, a in tree.prep_args(n, ("to",)) if toks[a].tag == "VBG"]
    things = [o for v in verbs for o in tree.children(v, {"dobj"})]
    if verbs:
        return bool(things) and len(things) == len(verbs) and all(names_word(tree, o, HOME_MATTERS) for o in things)
    values = [a for _, a in tree.prep_args(n, ("to",))]
    return bool(values) and all(names_word(tree, a, HOME_MATTERS) for a in values)


def physical_impact(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'the airliner slammed into the tower', 'the rocket smashed into a house': a body hitting a thing is a crash,
    no verbal attack ('slammed the decision' stays an accusation)."""
    if f.code.event != "ACCUSE" or tree.tokens[f.base].lemma.lower() not in IMPACT_VERBS:
        return False
    hit = [a for _, a in tree.prep_args(f.base, ("into", "onto"))]  # "slammed into Israel" would be a party
    return bool(hit) and all(tree.tokens[a].ent_type not in ("PERSON", "ORG", "GPE", "NORP") for a in hit)


# Accidents a killing participle can follow: "the helicopter crashed near Quetta, killing five soldiers".
ACCIDENTS = frozenset({"crash", "collide", "capsize", "sink", "derail", "overturn", "plunge", "collapse",
                       "topple", "flip", "ditch"})


def crash_deaths(tree: Tree, f: Frame, lex: Lexicon | None = None) -> bool:
    """'A transport helicopter crashed near Mosul, killing four soldiers', 'the bus plunged into a ravine,
    killing 20': deaths in an accident, no act of force ('a bomb exploded, killing six' stays an attack)."""
    toks = tree.tokens
    if f.code.event != "ASSAULT" or toks[f.base].tag != "VBG" or toks[f.base].dep not in ("advcl", "xcomp", "conj"):
        return False
    head = tree.head(f.base)
    return head is not None and toks[head].lemma.lower() in ACCIDENTS


DROPS = (
    (crash_deaths, "deaths in a crash or an accident ('crashed, killing five') are no act of force"),
    (home_pledge, "a promise about one's own economy, society or values is a platform: no AGREE"),
    (physical_impact, "slamming into a building or a field is a crash, not an accusation"),
    (withdrawn_backing, "withdrawing support, a bill or an offer takes back a stance or a paper: no retreat"),
    (thing_received, "receiving consent, a letter or money is no visitor received"),
    (published_release, "the release of a video, a report or a statement publishes it: no one is freed"),
    (alert_level, "an alarm level or a humanitarian emergency lays no state of emergency on anyone"),
    (possible_obligation, "an obligation said to be possible ('might have to') demands nothing"),
    (defining_obligation, "saying what a thing should be ('should be a rescue service') asks no party to act"),
)


def drop_reason(tree: Tree, f: Frame, lex: Lexicon) -> str:
    """Why the frame is no event by its complement, or ""."""
    return first_reason(DROPS, tree, f, lex) or statements.drop_reason(tree, f)


__all__ = ["alert_level", "defining_obligation", "drop_reason", "home_pledge", "physical_impact", "possible_obligation", "published_release",
           "thing_received", "withdrawn_backing"]
