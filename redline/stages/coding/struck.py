"""Whom a use of force named by a noun struck, when its relative clause says so (sixteenth round, recipients):
"the Pentagon carried out the airstrike that killed the commander", "Israel launched a raid that captured two
militants", "the army conducted strikes killing twenty fighters".

A light verb's event noun ("carried out the airstrike") names no target in its own phrases; the clause hung on it
names whom it hit. The target is the object of that clause's verb when the clause is about the noun itself: a
relative clause whose subject is the relative word ("that", "which"), or a participle ("strikes killing ...");
"the strike that the U.S. launched" (the noun as the clause's object) names no target. Only verbs of hitting,
killing or capturing are taken: "the raid that led to the arrest" or "the attack that shocked the nation" name no
party struck."""

from __future__ import annotations

from .tree import SUBJ, Tree, relativizer

# Verbs whose object is the party a use of force fell on ("the strike that killed X", "a raid seizing X").
HITTING = frozenset({"kill", "hit", "strike", "target", "wound", "injure", "destroy", "damage", "capture", "seize",
                     "kidnap", "abduct", "assassinate", "eliminate", "bomb", "shell", "ambush", "topple"})
# Phrasal verbs of the same kind ("took out the commander", "wiped out the convoy").
HITTING_PHRASAL = frozenset({("take", "out"), ("wipe", "out"), ("shoot", "down")})


def _hits(tree: Tree, c: int) -> bool:
    toks = tree.tokens
    lemma = toks[c].lemma.lower()
    if any((lemma, toks[p].lower) in HITTING_PHRASAL for p in tree.children(c, {"prt"})):
        return True
    return lemma in HITTING and not tree.children(c, {"prt"})


def struck_parties(tree: Tree, o: int) -> list[int]:
    """The objects (with their conjuncts) of the hitting clauses that hang on event noun o, [] when there are none."""
    toks = tree.tokens
    out: list[int] = []
    for c in tree.children(o, {"relcl", "acl"}):
        if toks[c].pos != "VERB" or not _hits(tree, c):
            continue
        s = tree.child(c, SUBJ)
        if toks[c].dep == "relcl" and (s is None or not relativizer(tree, s, c)):
            continue  # "the strike (that) the U.S. launched": the noun is the clause's object
        if toks[c].dep == "acl" and (s is not None or toks[c].tag != "VBG"):
            continue  # "strikes killing twenty": only a participle of the noun itself
        out += [x for d in tree.children(c, {"dobj"}) for x in tree.conjuncts(d)]
    return out
