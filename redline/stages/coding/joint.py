"""Joint acts whose second party the parser hung away from the verb ("discussed the idea of creating such a group
with Putin": the "with" phrase on the object's own noun phrase)."""

from __future__ import annotations

from ...knowledge.lexicon import Lexicon
from .nominal import named
from .tree import SUBJ, Tree, match_noun


def with_party(tree: Tree, objs: list[int], lex: Lexicon) -> list[int]:
    """Named parties in a "with" phrase inside the object's noun phrase (not inside a clause with its own
    subject, nor on an event noun, whose "with" is its own: "discussed the risks of a war with China"): the parser
    attaches "with X" to the nearest noun, but discussing, sharing or trading is done with a party."""
    toks = tree.tokens
    out: list[int] = []
    todo = list(objs)
    while todo:
        i = todo.pop()
        if i not in objs and match_noun(tree, i, lex) is not None:
            continue
        for k in tree.kids[i]:
            if tree.child(k, SUBJ) is not None:
                continue  # "the idea that Russia works with Iran": another clause's partner
            if toks[k].dep == "prep" and toks[k].lower == "with":
                a = tree.pobj(k)
                if a is not None and named(tree, a):
                    out += tree.conjuncts(a)
            else:
                todo.append(k)
    return out
