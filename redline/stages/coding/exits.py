"""Exits from agreements and bodies told as a noun ("Trump's withdrawal from the Paris accord", "the U.S. pullout
from the deal"): leaving an agreement or an organisation is SANCTION/withdraw (CAMEO 161), as the verbs "withdraw
from" and "pull out of" already code it (verbs.txt `pick obj=organisations`); a withdrawal of forces from a place
stays RETREAT/withdraw (fifteenth round, recall)."""

from __future__ import annotations

import dataclasses

from ...knowledge.lexicon import Code, Lexicon
from .tree import Frame, Tree, names_word

LEFT = Code("SANCTION", "withdraw", "161")


def left_organisation(tree: Tree, f: Frame, lex: Lexicon) -> Frame | None:
    """The frame recoded SANCTION/withdraw when it is a withdrawal noun whose 'from' phrase names an agreement or a
    body (`organisations` cue list), else None."""
    if f.code.event != "RETREAT" or f.code.mode != "withdraw" or f.rule.startswith(("svo", "passive")):
        return None
    noun = f.trigger[1] - 1
    left = [a for _, a in tree.prep_args(noun, ("from",))]
    if not left or not all(names_word(tree, a, lex.cue("organisations")) for a in left):
        return None
    return dataclasses.replace(f, code=LEFT)
