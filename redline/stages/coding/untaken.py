"""Courses not taken (factuality, sixteenth round): the conjunct after "rather than", a plea of innocence, and
what "rule out" governs. Moved out of factuality.py when it passed 600 lines; `factuality.classify` reads them."""

from __future__ import annotations

from ...records import Factuality
from .tree import Tree


def rather_than(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """Sixteenth round: "sanctioned Syria rather than massing troops and attacking it", "chose to isolate Turkey
    rather than attack Syria": a conjunct after "rather than" (the parser's cc) is the course not taken, as are the
    ones conjoined after it. The "instead of / rather than" + gerund of a preposition is read on the head chain."""
    toks, i = tree.tokens, base
    while toks[i].dep == "conj" and (h := tree.head(i)) is not None:
        if any(toks[k].dep == "cc" and toks[k].lower == "than" and h < k < i and k > 0 and toks[k - 1].lower == "rather"
               for k in tree.kids[h]):
            return Factuality.NEGATED, f"'rather than {toks[base].text}': the course not taken"
        i = h
    return None


def not_guilty(tree: Tree, base: int) -> tuple[Factuality, str] | None:
    """Sixteenth round: "the general pleaded not guilty", "pleads innocent": a plea of innocence admits nothing."""
    toks = tree.tokens
    if toks[base].lemma.lower() != "plead":
        return None
    for c in tree.children(base, {"acomp", "oprd", "advmod", "dobj"}):
        if toks[c].lower == "innocent" or toks[c].lower == "guilty" and any(
                toks[k].dep == "neg" for k in tree.kids[c]):
            return Factuality.NEGATED, f"'{toks[base].text} not guilty': a plea of innocence, no admission"
    return None


def ruled_out(tree: Tree, h: int) -> bool:
    """'ruled out sending troops', 'rules out a strike': 'rule' with the particle 'out' excludes what it governs."""
    return tree.tokens[h].lemma.lower() == "rule" and any(
        tree.tokens[k].dep == "prt" and tree.tokens[k].lower == "out" for k in tree.kids[h])
