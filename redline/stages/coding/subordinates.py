"""Whom a state's own leader orders or urges (sixteenth round, recipients): the civil servants of the actor's own
state named by a bare noun ("Biden ordered federal agencies to review the contracts", "the premier told
authorities to seal the village", "urged officials to speed up the rollout", "ordered the army to withdraw").

A bare "officials", "agencies" or "authorities" names no country, so the stance rules of recipients.py
(`_home_parties`) leave such an order with no recipient. An order or a call to act given by a party of one
country to unnamed officials is given to that country's own state: the order is a REQUEST to its government.
Only REQUEST takes these words: "criticized officials" or "praised the authorities" may be aimed abroad."""

from __future__ import annotations

from .tree import Tree

# Words for the staff and the forces of a state, whom a REQUEST of one of their own leaders is addressed to.
SUBORDINATES = frozenset({"official", "officials", "agency", "agencies", "authority", "authorities", "delegate",
                          "delegates", "aide", "aides", "staff", "staffer", "staffers", "department", "departments",
                          "bureaucrat", "bureaucrats", "military", "army", "navy"})  # and "the Air Force"


def home_party_word(tree: Tree, n: int, event: str, parties: frozenset[str]) -> bool:
    """Is target word n a party inside the actor's own state for an act of this type: one of `parties` (the
    stance rules' words: rebels, government, court ...) for every type, and the staff or a service of a state
    (SUBORDINATES) for a REQUEST. A bare "force" or "troops" is not taken: "wanted the current force to remain"
    may be a contingent sent abroad."""
    toks = tree.tokens
    lemma, lower = toks[n].lemma.lower(), toks[n].lower
    if lemma in parties or lower in parties:
        return True
    if event != "REQUEST":
        return False
    air = lower == "force" and any(toks[k].lower == "air" for k in tree.children(n, {"compound", "amod"}))
    return lemma in SUBORDINATES or lower in SUBORDINATES or air
