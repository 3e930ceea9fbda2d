"""Who acted when the grammatical actor is a thing, not a party.

An attack noun as the subject of a violent verb ("a bombardment by Russian jets killed 18 civilians", "airstrikes
by Saudi warplanes killed 40") was carried out by the party its "by" phrase names. With no "by" phrase the
sentence names no attacker ("the airstrike killed 10 civilians"): no actor, and the act is not coded (tried and
left out: coding it with an unknown UAF attacker, as an agentless passive is, found events on the dev split whose
attacker the annotators name from the article, so every one lowered triple precision and actor accuracy). A
definite one that tells again attacks coded just before takes their attacker (`retold_attackers`, nineteenth round).

A place in a locative phrase of an event noun ("the crisis in Ukraine forced ...", "the attacks in Paris that
killed 14") is where it happened, never who acted: see `thing_head` in arguments.py.
"""

from __future__ import annotations

from ...records import Entity
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


# Nineteenth round, recall: a definite attack noun with no "by" phrase as the subject of a violent verb ("the strikes
# targeted a command post", "many of those attacks hit areas far from the front") tells again attacks the article
# reported just before; the annotation guide (12.2) codes the act again when it is the clause's predicate, and the
# annotators name its attacker from the article. The attacker is that of the last attacks coded (not negated) in the
# WINDOW sentences before whose trigger shares the noun's stem ("the strikes" tell again "France launched
# airstrikes", not the "attacks" in Paris told in between); with none, and the noun the verb's subject, that of the
# attacks of the NEAR sentences before when they all have the same attackers ("the attacks that killed 30", a
# relative clause, may name other attacks than the strikes just told). An indefinite or bare noun ("an airstrike killed 10") or a noun
# named with its own party ("Russian strikes") is left to the other rules.
WINDOW = 5
NEAR = 3
DEFINITE = frozenset({"the", "those", "these", "that", "this"})
QUANTITY = frozenset({"many", "most", "some", "all", "one", "two", "three", "several", "few", "rest", "remainder",
                      "majority", "half", "none"})


def stem(word: str) -> str:
    """A word's form for matching an attack noun to an earlier trigger: lower case, no spaces or hyphens, no
    final 'ing' or 'e' ("strikes", "air strikes" and "airstrike" share 'strik')."""
    w = word.lower().replace(" ", "").replace("-", "")
    return w[:-3] if w.endswith("ing") else w[:-1] if w.endswith("e") else w


def retold_attackers(tree: Tree, nodes, recent: list[tuple[int, str, tuple[Entity, ...]]], index: int,
                     trace: list[str]) -> list[Argument]:
    """The attackers of the attacks reported just before sentence `index` that the attack noun at every node
    tells again (see above); recent: (sentence, stemmed trigger, attackers) of the attacks coded so far in the
    article. [] when a node is no definite attack noun without a party of its own, or no earlier attack fits."""
    toks = tree.tokens
    heads = []
    subjects = all(toks[n].dep in ("nsubj", "nsubjpass") for n in nodes)
    for n in nodes:
        if toks[n].lemma.lower() in QUANTITY or toks[n].lower in QUANTITY:  # "many of those attacks"
            n = next((a for _, a in tree.prep_args(n, ("of",))), n)
        kids = tree.kids[n]
        # "that" or "this" on a plural is the parser's reading of a complementizer ("insisted that airstrikes ...")
        if not attack_noun(tree, n) or not any(toks[k].dep == "det" and toks[k].lower in DEFINITE and not (
                toks[k].lower in ("that", "this") and toks[n].tag in ("NNS", "NNPS")) for k in kids):
            return []
        if tree.prep_args(n, ("by",)) or any(toks[k].dep in ("poss", "amod", "compound", "nmod") and (
                toks[k].ent_type in ("GPE", "NORP", "ORG", "PERSON") or toks[k].pos == "PROPN") for k in kids):
            return []
        heads.append(n)
    window = [r for r in recent if 0 < index - r[0] <= WINDOW]
    if not heads or not window:
        return []
    told = [r for r in window if all(stem(toks[n].lemma) in r[1] for n in heads)]
    near = [r for r in window if index - r[0] <= NEAR]
    if told:
        sentence, _, attackers = told[-1]
    elif subjects and near and len({r[2] for r in near}) == 1:
        sentence, _, attackers = near[-1]
    else:
        return []
    trace.append(f"actor: the attackers of the attacks reported in sentence {sentence}, which "
                 f"'{toks[heads[0]].text}' tells again")
    return [Argument(e, -1, "the attacker of the attacks told just before") for e in attackers]
