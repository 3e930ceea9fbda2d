"""Whom a criticism named by a noun falls on when the noun hangs on the party in a phrase of its own (sixteenth
round, recipients): "the minister is under criticism from lawmakers", "the vote opened the premier to criticism
from his allies", "the envoy has become a target of criticism from the opposition".

The noun's own phrase names only the critic ("criticism from lawmakers": nominal.py codes them as the actor);
the party criticised is the subject of the clause the phrase completes ("X is / came under criticism"), the
object of a verb that exposes it ("opened / exposed X to criticism"), or the subject of a clause whose
attribute is a word for the target of the noun ("X became a focus / target / magnet of criticism")."""

from __future__ import annotations

from .tree import Tree, subject_of

# Verbs a party is "under" a criticism with ("is under", "came under", "remains under", "fell under").
BEARING_VERBS = frozenset({"be", "come", "remain", "fall", "stay", "find"})
# Verbs that lay a party open "to" a criticism ("opened Obama to criticism", "exposed the minister to attacks").
EXPOSING_VERBS = frozenset({"open", "expose", "subject", "leave"})
# Words for the party a criticism is aimed at ("a target of criticism", "a magnet for criticism").
TARGET_WORDS = frozenset({"target", "focus", "object", "magnet", "subject", "butt"})


def exposed_parties(tree: Tree, n: int) -> list[int]:
    """The party a speech noun n in such a phrase falls on (its head and conjuncts), [] when n stands in none."""
    toks = tree.tokens
    p = tree.head(n)
    if toks[n].dep != "pobj" or p is None or toks[p].dep != "prep":
        return []
    q = tree.head(p)
    if q is None:
        return []
    prep, lemma = toks[p].lower, toks[q].lemma.lower()
    if prep == "under" and toks[q].pos in ("VERB", "AUX") and lemma in BEARING_VERBS:
        return [x for s in subject_of(tree, q) for x in tree.conjuncts(s)]
    if prep == "to" and toks[q].pos == "VERB" and lemma in EXPOSING_VERBS:
        objects = tree.children(q, {"dobj"}) or tree.children(q, {"nsubjpass"})  # "was exposed to criticism"
        return [x for o in objects for x in tree.conjuncts(o)]
    if prep in ("of", "for") and toks[q].pos == "NOUN" and lemma in TARGET_WORDS and toks[q].dep in ("attr", "oprd"):
        v = tree.head(q)
        return [] if v is None else [x for s in subject_of(tree, v) for x in tree.conjuncts(s)]
    return []
