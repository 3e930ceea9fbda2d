"""Sanctions a world body agrees to or backs are sanctions imposed (nineteenth round, precision: fresh sample A of
round 37).

The guide codes adopting, approving or imposing sanctions on a party as SANCTION/discontinue (docs/annotation.md
section 3, "Sanctions"). A world body or a union of states decides its sanctions by agreeing to them or backing
them in a vote, so for it these verbs are the adoption itself, not a promise of a measure (THREATEN) nor praise of
a policy (SUPPORT): "EU foreign ministers agreed on Monday to fresh sanctions on Belarusian officials", "the
Security Council backed new sanctions on South Sudan's generals in a 13-0 vote". A state or a politician backing or agreeing to sanctions
is left as it is coded ("the senator backed sanctions on Iran" is a stance on a bill, "Russia agreed to sanctions"
may be a vote in the body).
"""

from __future__ import annotations

from ...knowledge.lexicon import Code
from .tree import Frame, Tree

# Bodies that impose sanctions by deciding together: the UN, the EU, the African Union, the Arab League, ECOWAS.
SANCTIONING_BODIES = frozenset({"UNO", "EUR", "AU", "ARL", "ECOWAS"})
DECIDING = frozenset({"agree", "back", "approve", "endorse", "support", "vote"})
SANCTION_WORDS = frozenset({"sanction", "sanctions", "embargo", "embargoes"})
# Dates and amounts the parser may hang on the verb ("backed sanctions on Saturday that could cut $3bn of exports").
AMOUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"})


def adopted_sanctions(tree: Tree, f: Frame, actors) -> Code | None:
    """SANCTION/discontinue for a world body's agreement to or backing of sanctions, else None."""
    toks = tree.tokens
    if f.code.event not in ("THREATEN", "SUPPORT", "AGREE") or toks[f.base].lemma.lower() not in DECIDING:
        return None
    if not actors or not all(a.entity.code in SANCTIONING_BODIES for a in actors):
        return None
    objs = [o for o in (*tree.children(f.base, {"dobj"}), *(a for _, a in tree.prep_args(f.base, ("to", "on", "for"))))
            if toks[o].ent_type not in AMOUNTS]  # "agreed on Tuesday to new sanctions"
    if not objs or not all(toks[o].lemma.lower() in SANCTION_WORDS or toks[o].lower in SANCTION_WORDS for o in objs):
        return None
    return Code("SANCTION", "discontinue", "163")


__all__ = ["adopted_sanctions"]
