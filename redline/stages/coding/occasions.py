"""Meetings and visits named as the occasion of a negated clause (nineteenth round, meetings): "No breakthrough
came during the Danish minister's visit to Nairobi", "After long talks between Kenya and Denmark, the two sides had
still not settled the dispute", "He did not raise the dispute during his meeting with the Kenyan president".

The negation denies what happened on the occasion, not the occasion: the meeting or visit was held (asserted). A
future, modal or conditional clause still puts the occasion ahead with it ("will raise it during his visit"), and a
meeting the clause itself is about stays denied ("was not at the meeting with", "did not go on a trip to Kenya",
"no meeting with Kenya took place": the 'no' is the noun's own).
"""

from __future__ import annotations

from .tree import Tree

OCCASIONS = frozenset({"meeting", "talk", "talks", "summit", "call", "conversation", "negotiation", "visit", "trip",
                       "tour", "breakfast", "lunch", "dinner"})
# Prepositions that make the noun the clause's occasion; "in" only after verbs of saying and raising (encounters).
OCCASION_PREPS = frozenset({"during", "after", "following", "on"})
# Verbs whose "on" phrase is the trip itself, not its occasion ("did not go on the trip").
SETTING_OUT = frozenset({"go", "embark", "set", "leave", "head", "travel", "take", "cut"})
# Auxiliaries that put the clause, and its occasion with it, ahead or out of the real ("will not raise it during").
AHEAD = frozenset({"will", "wo", "'ll", "shall", "would", "'d", "may", "might", "could", "can", "ca", "should", "must"})


def presupposed(tree: Tree, trigger: int, in_verbs: frozenset[str]) -> bool:
    """True when the event noun at `trigger` is the occasion ("during / after / on" it, or "in" it after one of
    `in_verbs`, verbs of saying) of a clause, not itself negated ('no meeting') and not put ahead by a modal."""
    toks = tree.tokens
    t = toks[trigger]
    if t.lemma.lower() not in OCCASIONS or t.pos != "NOUN" or t.dep != "pobj":
        return False
    if any(toks[k].lower in ("no", "any") and toks[k].dep == "det" for k in tree.kids[trigger]):
        return False
    p = tree.head(trigger)
    v = tree.head(p) if p is not None else None
    if v is None:
        return False
    if ahead(tree, v):
        return False
    prep = toks[p].lower
    if prep == "on" and (toks[v].lemma.lower() in SETTING_OUT or toks[v].pos != "VERB"):
        return False
    return prep in OCCASION_PREPS or prep == "in" and toks[v].lemma.lower() in in_verbs


def ahead(tree: Tree, v: int) -> bool:
    """A modal or future auxiliary on the occasion's clause or a clause above it."""
    toks = tree.tokens
    seen = 0
    while v is not None and seen < 4:
        if any(toks[k].dep == "aux" and toks[k].lower.replace("\u2019", "'") in AHEAD for k in tree.kids[v]):
            return True
        if toks[v].dep not in ("xcomp", "ccomp", "conj", "advcl"):
            return False
        v, seen = tree.head(v), seen + 1
    return False
