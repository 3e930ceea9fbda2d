"""Desires told by others are no announced intentions (fifteenth round, issue 12, fresh sample A).

"Wants to", "hopes to", "wishes to" and "seeks to" count as an intention (AGREE, or THREATEN for a conflictual
act, asserted) only when the party voices the wish itself: in the first person ("we want to meet the
president"), or as the content of its own statement ("Russia said it wants to hold talks"). A wish the writer or
a third party ascribes to someone ("he wants to crush his rival", "the army is seeking to release him", "Cohen
claimed the man wanted to set up a meeting") announces nothing: the wished act keeps its future or hypothetical
factuality. Readiness ("ready", "willing", "prepared to") and plans are untouched. One exception, the CAMEO
convention of intent to cooperate (PETRARCH2's gold codes "the Secretary of State wants to help Israel" 03): a wish
told in the writer's own voice to help, back, meet or work with a named party (`COOPERATIVE` with a recipient) is
still that party's intention; wishes to crush, free or boost something, or told inside another's claim, are not.
"""

from __future__ import annotations

from .tree import Tree

DESIRES = frozenset({"want", "hope", "wish", "seek"})
FIRST_PERSON = frozenset({"i", "we"})
OWN_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# Wished acts toward a party that the writer's "wants to" still reports as an intention (see the module's docstring).
COOPERATIVE = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT"})


def _desire(tree: Tree, base: int) -> int | None:
    """The desire verb that the act's clause is the complement of ('wants to crush': 'wants'), or None."""
    toks = tree.tokens
    i = base
    for _ in range(4):
        while toks[i].dep == "conj" and tree.head(i) is not None:
            i = tree.head(i)
        h = tree.head(i)
        if h is None or toks[i].dep not in ("xcomp", "ccomp"):
            return None
        if toks[h].lemma.lower() in DESIRES:
            return h
        i = h
    return None


def ascribed(tree: Tree, base: int, speech: frozenset[str], *, event: str = "", targeted: bool = False) -> bool:
    """Whether the act is wished by a desire verb whose wish the party does not voice itself. `event` and
    `targeted`: the wished act's type and whether it names a recipient (a cooperative act toward a party, wished in
    the writer's own voice, is not ascribed)."""
    d = _desire(tree, base)
    if d is None:
        return False
    if event in COOPERATIVE and targeted and tree.head(d) is None:
        return False
    toks = tree.tokens
    subjects = [k for k in tree.kids[d] if toks[k].dep in ("nsubj", "nsubjpass")]
    if any(toks[s].lower in FIRST_PERSON for s in subjects):
        return False
    h = tree.head(d)
    if h is not None and toks[d].dep in ("ccomp", "parataxis") and toks[h].lemma.lower() in speech and \
            any(toks[s].lower in OWN_PRONOUNS for s in subjects):
        return False  # "Russia said it wants to hold talks"
    return True
