"""Appeals of a state to its own public (ninth round, issue 12): "officials urged residents to be vigilant", "the
embassy urged American citizens to shelter in place", "police asked the public to stay calm", "the secretary said
Americans should sleep well at night". A government, its police or forces advising or reassuring the people of
their own country is public information, not an act between parties (docs/annotation.md section 2; the eighth
round dropped such warnings in `senses.advice_or_forecast`, this module does the same for appeals and requests).

Kept: a political appeal to one's own people ("urged Americans to back the strike", "asked the public to judge the
evidence": only advice for people's own safety or peace of mind is dropped, `ADVICE`), an appeal to another
country's government or people ("urged Syrians to rise up against Assad" names another
country's people), an appeal by anyone but the state (an opposition party calling its supporters into the streets,
a lobby urging voters), an appeal to a public together with a party ("asked the American people and the rest of the
world to judge").
"""

from __future__ import annotations

from .arguments import is_country
from .senses import CIVILIANS
from .tree import Frame, Tree, names_word

STATE = frozenset({"GOV", "COP", "MIL", "SPY"})
# What advice asks of people for their own safety or peace of mind: "to stay indoors", "to be vigilant", "to shelter
# in place", "to leave the country", "to sleep well". A political appeal ("urged Americans to back the strike", "asked
# the people to judge the evidence", "to vote", "to call their senators") asks for support and stays a request.
ADVICE = frozenset({"stay", "remain", "be", "shelter", "avoid", "leave", "evacuate", "keep", "sleep", "refrain",
                    "heed", "follow", "feel", "lock", "seek", "exercise", "reconsider", "postpone", "return"})


# Travel advised against: "warned citizens against trips to Yemen", "cautioned Americans against visiting" (lemmas).
TRAVEL = frozenset({"travel", "trip", "journey", "visit"})


def own_public(tree: Tree, f: Frame, actors, recipients) -> bool:
    """A request of a state to civilians of its own country (or civilians of no named country) only."""
    if f.code.event != "REQUEST" or not f.recipients or not actors:
        return False
    if not all(a.entity.sector in STATE for a in actors):
        return False
    toks = tree.tokens
    content = [k for k in tree.children(f.base, {"xcomp", "ccomp"}) if toks[k].pos in ("VERB", "AUX")]
    if f.rule.startswith("deontic"):
        content = [f.trigger[1] - 1]  # "Americans should sleep well at night": the verb under the modal is advised
    if not content:  # "warned its citizens against trips to the region" (thirteenth round, sample W)
        content = [o for p in tree.children(f.base, {"prep"}) if toks[p].lower == "against"
                   for o in tree.children(p, {"pobj", "pcomp"})]
    if not content or not all(toks[k].lemma.lower() in ADVICE | TRAVEL for k in content):
        return False
    countries = {a.entity.code for a in actors}
    if not all(names_word(tree, r, CIVILIANS) or demonym_people(tree, r)
               for r in f.recipients if r not in content):
        return False  # "asked the French people and the whole world": the world is no public of its own
    return all(r.entity.sector == "CVL" and (r.entity.code is None or r.entity.code in countries) for r in recipients)


# Stances one holds rather than acts one does (eleventh round): what a public supports or accepts is an opinion.
# Refusals are left out: "the Americans at the summit rejected the demands" is a delegation acting.
STANCE_VERBS = frozenset({"support", "back", "favor", "favour", "accept", "approve", "like", "trust", "prefer",
                          "endorse"})
PUBLICS = CIVILIANS | frozenset({"voter", "voters", "woman", "women", "man", "men", "majority", "percent", "%", "most", "many", "half", "base", "supporter",
                                 "supporters", "electorate", "youth", "youths"})


def demonym_people(tree: Tree, h: int) -> bool:
    """Node h names the people of a country by their demonym in the plural: "Americans", "Britons", "Germans",
    "Brazilians", "Filipinos" (fourteenth round, wordings: the family, where only "Americans" was listed). A named
    group with no country ("the Kurds" resolves to no country) is checked by the callers' entity tests."""
    t = tree.tokens[h]
    return t.ent_type == "NORP" and t.tag in ("NNS", "NNPS")


def public_opinion(tree: Tree, f: Frame, actors) -> bool:
    """'almost as many women support the candidate', 'most voters back the deal', 'Americans accepted a diversity
    of regimes': a public's stance is an opinion, as a poll measures it, not an act of a party (eleventh round,
    samples M and V). Protesters and crowds act (PROTEST) and are not publics here; a named group, party or body
    ("the Kurds", "Republicans", "the unions") is not touched, nor a definite demonym with no poll named ("the
    Israelis accepted the truce proposal": a delegation or a state)."""
    if f.code.event not in ("SUPPORT", "AGREE") or not actors or not f.rule.startswith(("svo", "passive")):
        return False
    if tree.tokens[f.base].lemma.lower() not in STANCE_VERBS:
        return False
    toks = tree.tokens
    return all(a.entity.sector == "CVL" and a.head >= 0 and toks[a.head].pos in ("NOUN", "PROPN", "ADJ", "NUM")
               and (names_word(tree, a.head, PUBLICS) or (demonym_people(tree, a.head) and is_country(a.entity.code)
                                                          and (not _definite(tree, a.head) or _polled(tree))))
               for a in actors)


# Words that put a stance in a poll: "the Germans back the deal, a survey found" is still a public's opinion.
POLLS = frozenset({"poll", "polls", "survey", "surveys", "pollster", "pollsters", "referendum"})


def _definite(tree: Tree, h: int) -> bool:
    """'The Israelis accepted the truce proposal': a definite plural names a delegation or a state, not a public
    (fourteenth round, mend B1); a bare plural ("Britons accepted ...") is the people."""
    return any(tree.tokens[k].dep == "det" and tree.tokens[k].lower == "the" for k in tree.kids[h])


def _polled(tree: Tree) -> bool:
    """Does the sentence name a poll or survey ("the Germans back the deal, a survey found")?"""
    return any(t.lemma.lower() in POLLS or t.lower in POLLS for t in tree.tokens)


ELECTORATE = frozenset({"voter", "voters", "electorate", "electors", "elector"})
BALLOT_TYPES = frozenset({"REJECT", "AGREE", "SUPPORT", "APPROVE", "CONCEDE"})


def voters_decide(tree: Tree, f: Frame) -> bool:
    """'in a referendum, Swiss voters rejected the treaty', 'voters approved the deal' (twelfth round, sample W):
    what an electorate accepts or rejects is a vote, as an election is (docs/annotation.md section 2)."""
    if f.code.event not in BALLOT_TYPES or not f.actors:
        return False
    return all(tree.tokens[a].lower in ELECTORATE for a in f.actors)


# Whom a speech exhorts when it addresses everyone: "urged the world to seek peace", "called on people to apply
# the lessons of his life", "implored the thousands of people gathered in the stadium".
HUMANITY = frozenset({"world", "people", "humanity", "mankind", "humankind", "everyone", "everybody", "generation",
                      "generations", "youth", "audience", "crowd", "listeners"})
PARTY_ENTS = frozenset({"GPE", "NORP", "ORG"})


def exhortation(tree: Tree, f: Frame) -> bool:
    """'Obama urged the world to rediscover its common humanity', 'called on people to apply the lessons of Mandela's
    life': a speech exhorting everyone (the world, people, an audience) to a course that names no country, nation
    or organisation asks no party for anything (fifteenth round, fresh sample A and the rest of fresh300: five of
    five such requests wrong). 'Urged the world to punish Syria' names a party, and 'asked the world to help the
    refugees' asks for a PLOVER act (the request has a mode): both stay requests."""
    if f.code.event != "REQUEST" or f.code.mode is not None or not f.rule.startswith("svo"):
        return False  # a mode comes from a PLOVER act asked for: "asked the world to help the refugees" stays
    toks = tree.tokens
    addressed = [x for o in [*f.recipients, *tree.children(f.base, {"dobj"})] for x in tree.conjuncts(o)]
    addressed += [a for _, a in tree.prep_args(f.base, ("on", "upon", "to"))]
    if not addressed or not all(toks[a].lower in HUMANITY or toks[a].lemma.lower() in HUMANITY or (
            toks[a].lower in ("thousands", "millions") and tree.prep_args(a, ("of",))) for a in addressed):
        return False
    content = [k for c in tree.children(f.base, {"xcomp", "ccomp"}) for k in tree.subtree(c)]
    return bool(content) and not any(toks[k].ent_type in PARTY_ENTS for k in content)


# Eighteenth round: who answers a poll, and the poll itself, as the subject of what it measures.
RESPONDENTS = POLLS | frozenset({"respondent", "respondents", "voter", "voters", "electorate"})
POLLED_TYPES = frozenset({"REQUEST", "SUPPORT", "AGREE", "REJECT", "ACCUSE"})


def polled_view(tree: Tree, f: Frame) -> bool:
    """'German respondents said the next chancellor should push for ...', 'almost eight in 10 Americans said the
    United States should stay out, according to the poll', 'voters, who sought a change', 'a poll shows support
    among Germans': what a poll's respondents or an electorate want or back is an opinion measured, no act of a
    party (docs/annotation.md section 2: polls). The actor is respondents, voters or a poll, or a public (a demonym,
    "eight in 10 Americans", "most") in a sentence that names a poll. A named party, body or crowd is not touched."""
    if f.code.event not in POLLED_TYPES or not f.actors:
        return False
    toks = tree.tokens
    polled = _polled(tree)

    def public(a: int) -> bool:
        t = toks[a]
        if names_word(tree, a, RESPONDENTS):
            return True
        if t.pos == "NUM" and tree.prep_args(a, ("in",)):  # "eight in 10 Americans"
            return polled
        return polled and (names_word(tree, a, PUBLICS) or demonym_people(tree, a))
    return all(public(a) for a in f.actors)


def drop_reason(tree: Tree, f: Frame, actors, recipients) -> str:
    if exhortation(tree, f):
        return "a speech exhorting everyone (the world, people, an audience) asks no party for anything"
    if voters_decide(tree, f):
        return "what voters accept or reject is a vote, no act of a party"
    if own_public(tree, f, actors, recipients):
        return ("advice or an appeal of a state to its own public ('urged residents to stay indoors') is no act "
                "between parties")
    if public_opinion(tree, f, actors):
        return "what a public supports or accepts is an opinion, as a poll measures it: no act of a party"
    if polled_view(tree, f):
        return "what poll respondents or voters want or back is an opinion measured, no act of a party"
    return ""


__all__ = ["demonym_people", "drop_reason", "exhortation", "own_public", "polled_view", "public_opinion",
           "voters_decide"]
