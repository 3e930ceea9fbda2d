"""Holders of a stated view: who says a clause that a noun of stance carries.

A demand, a backing or a label is often reported as the content of a view its holder states, with no verb of
saying: "the American view that Taiwan may defend itself", "Moscow's view that the onus is on
Kyiv to stop", "the French position that Iran must release the prisoners". The clause is the complement of the
noun ("that" marks it; a relative clause, "the position that he took", is no content), and the noun's owner
holds the view: its possessor ("Moscow's view") or a name or nationality modifying it ("the American position").
A noun with no owner says nothing about who holds it; nothing is taken from elsewhere.

Frames that need a speaker (`Frame.speaker_actor`: obligations, rights, labels) take the holder as their actor
when the sentence has no speaker of its own (coder.py).
"""

from __future__ import annotations

from .tree import Tree

# Nouns whose "that" clause is a view their owner holds and states.
STANCE_NOUNS = frozenset({
    "position", "view", "stance", "belief", "assessment", "contention", "insistence", "conviction", "assertion",
    "argument", "claim", "opinion", "conclusion", "judgment", "judgement",
})
# Dependencies a clause climbs through to the clause a stance noun carries ("that Taiwan may defend itself").
CLIMB = frozenset({"conj", "xcomp", "ccomp", "advcl", "acl", "dobj", "attr", "prep", "pobj"})


def stance_holder(tree: Tree, base: int) -> list[int]:
    """The owner of the stance noun whose "that" clause holds base: its possessor or its named modifier
    ("Moscow's view that ...", "the American position that ..."); [] when no such noun or no owner."""
    toks = tree.tokens
    i = base
    for _ in range(6):
        h = tree.head(i)
        if h is None:
            return []
        if toks[h].pos == "NOUN" and toks[h].lemma.lower() in STANCE_NOUNS and toks[i].dep in ("acl", "ccomp") \
                and any(toks[k].dep == "mark" and toks[k].lower == "that" for k in tree.kids[i]):
            return _owner(tree, h)
        if toks[i].dep not in CLIMB:
            return []
        i = h
    return []


def _owner(tree: Tree, n: int) -> list[int]:
    toks = tree.tokens
    for k in tree.kids[n]:
        if toks[k].dep == "poss" and toks[k].pos in ("PROPN", "NOUN") or (
                toks[k].dep in ("amod", "compound") and k < n and toks[k].ent_type in ("NORP", "GPE", "ORG")):
            return [k]
    return []
