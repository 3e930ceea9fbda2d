"""Declining to criticise is no refusal (nineteenth round, precision: fresh sample A of round 37).

PLOVER's REJECT is turning down what a party asks or offers: a demand, a proposal, talks, help (docs/annotation.md
section 3). A party that refuses or declines to challenge, blame, condemn or criticise someone turns down nothing
that was asked of it in the sentence: it abstains from an accusation ("declined to challenge the general's claim
that his men had not shelled the port", "the premier's refusal to criticise the crackdown", "refused to blame the
community for the riots"). Refusing to meet, to join talks, to accept a plan or to comply stays a REJECT.
"""

from __future__ import annotations

from .tree import Frame, Tree

REFUSALS = frozenset({"refuse", "decline", "refusal"})
# Acts of criticism one abstains from when declining them.
CRITICISM = frozenset({"challenge", "blame", "condemn", "criticize", "criticise", "denounce", "confront", "rebuke",
                       "censure", "fault", "question", "dispute", "contradict"})


def declined_criticism(tree: Tree, f: Frame) -> bool:
    """A REJECT whose refusal governs, as its to-infinitive, a verb of criticism."""
    toks = tree.tokens
    v = f.trigger[0] if f.trigger else f.base
    if f.code.event != "REJECT" or toks[v].lemma.lower() not in REFUSALS:
        return False
    comps = [c for c in tree.children(v, {"xcomp", "acl"}) if toks[c].pos in ("VERB", "AUX")]
    return bool(comps) and all(toks[c].lemma.lower() in CRITICISM for c in comps)


def drop_reason(tree: Tree, f: Frame) -> str:
    if declined_criticism(tree, f):
        return "declining to challenge, blame or condemn someone abstains from criticism: no REJECT of a party"
    return ""


__all__ = ["declined_criticism", "drop_reason"]
