"""Who acted when the grammatical actor is a thing, not a party.

An attack noun as the subject of a violent verb ("a bombardment by Russian jets killed 18 civilians", "airstrikes
by Saudi warplanes killed 40") was carried out by the party its "by" phrase names. With no "by" phrase the
sentence names no attacker ("the airstrike killed 10 civilians"): no actor, and the act is not coded (tried and
left out: coding it with an unknown UAF attacker, as an agentless passive is, found events on the dev split whose
attacker the annotators name from the article, so every one lowered triple precision and actor accuracy).

A place in a locative phrase of an event noun ("the crisis in Ukraine forced ...", "the attacks in Paris that
killed 14") is where it happened, never who acted: see `thing_head` in arguments.py.
"""

from __future__ import annotations

from .arguments import VIOLENT_NOUNS, Argument, MentionIndex
from .tree import Tree


def attack_noun(tree: Tree, node: int) -> bool:
    """Is the argument at node an attack noun (a common noun, not a name: "the Blast" is no attack)?"""
    t = tree.tokens[node]
    return t.pos == "NOUN" and (t.lemma.lower() in VIOLENT_NOUNS or t.lower in VIOLENT_NOUNS)


def attack_authors(resolver, tree: Tree, nodes, index: MentionIndex, trace: list[str]) -> list[Argument]:
    """Actors of a violent act whose subjects are attack nouns: the parties of their "by" phrases; [] when a
    subject is no attack noun or none has a "by" phrase naming a party."""
    nouns = [n for n in nodes if attack_noun(tree, n)]
    if not nouns or len(nouns) != len(nodes):
        return []
    named = [a for n in nouns for _, by in tree.prep_args(n, ("by",))
             for a in resolver.resolve(tree, [by], index, trace)]
    if named:
        trace.append(f"actor: the party that carried out the '{tree.tokens[nouns[0]].text}' ('by' phrase)")
    return named
