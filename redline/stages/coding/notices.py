"""Warnings that only give notice (sixteenth round, fresh sample A, issue 12).

A THREATEN coded from the noun "warning" ("issued a warning", "gave a warning", "the ministry's warnings to
citizens") is a threat only when it is aimed at another party or names what will be done to it: "repeated American
warnings to the Iranian government", "a warning of consequences", "warnings of military action". A warning that
names no other country and no consequence informs: "an hour after the Danish foreign ministry issued a travel
warning", "two appeals judges have since issued comparable warnings", "warnings to Kenyan citizens living in
Somalia" (docs/annotation.md section 2: a warning with consequences is THREATEN; forecasts are none).
`senses.advice_or_forecast` reads the verb "warn" the same way.
"""

from __future__ import annotations

from .inhouse import CONSEQUENCES
from .tree import Frame, Tree


# Whom a state warns for their own safety: "warnings to citizens living abroad", "to its workers".
OWN_PEOPLE = frozenset({"citizen", "national", "resident", "people", "public", "personnel", "staff", "employee",
                        "worker", "traveler", "traveller", "tourist", "american"})


def _words(tree: Tree, i: int) -> set[str]:
    return {tree.tokens[k].lemma.lower() for k in tree.subtree(i)}


def notice_warning(tree: Tree, f: Frame, actor_codes: set[str], recipients) -> bool:
    """A THREATEN whose trigger is the noun 'warning' with no recipient of another country than the actor's, no one
    warned 'to' but the actor's own people, and no consequence word under the noun or its light verb."""
    if f.code.event != "THREATEN":
        return False
    toks = tree.tokens
    n = f.trigger[0] if f.trigger else f.base
    if toks[n].lemma.lower() != "warning" or toks[n].pos != "NOUN":
        return False
    if any(r.entity.code and r.entity.code not in actor_codes for r in recipients):
        return False
    if tree.children(n, {"nsubj"}) or any(toks[m].dep == "mark" and toks[m].lower == "that"
                                          for c in tree.children(n, {"acl", "ccomp"}) for m in tree.kids[c]):
        return False  # "a warning that the talks with Greece would not be open-ended": its content is said
    for h in {n, f.base}:
        for _, o in tree.prep_args(h, ("to",)):
            if toks[o].lemma.lower() not in OWN_PEOPLE:
                return False  # "issued warnings to the crew of the tanker": someone is warned off
    if any(toks[o].ent_type in ("GPE", "NORP") for _, o in tree.prep_args(n, ("for", "against", "on", "to"))):
        return False  # "travel warnings for Venezuela": another country named as what it is about
    return not (_words(tree, n) | _words(tree, f.base)) & CONSEQUENCES
