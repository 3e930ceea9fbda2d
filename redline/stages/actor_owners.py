"""Owners and masters named after an agent: "a helicopter belonging to the Chadian army", "a drone operated by
Kenya's air force", "gunmen loyal to the Libyan government" (fourteenth round).

A participle of owning or running ("belonging to", "owned by", "operated by", "run by", "flown by", "manned by",
"commanded by") right after an agent word says whose the agent is, as "a spokesman for X" does: the countries and
bodies its object names are the agent's context, ahead of any place. Affiliation words ("linked to", "backed by",
"allied with") are not ownership and stay out (docs/actors.md: affiliation is not identity), and so is "loyal to" a
country or a capital: "militias loyal to Iran" in Iraq are a proxy, not Iranian. "Loyal to" a government or a
leader ("gunmen loyal to the Libyan government") still says whose forces they are, unless the sentence names
another country they might be of ("... attacked a village in eastern Congo").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..knowledge.actor_names import Match
from ..knowledge.actors import ORG_KINDS, PLACE_KINDS
from ..records import Token
from .actor_phrases import NP_LEFT, subtree

# lemma of the participle (or adjective) -> the preposition that introduces the owner
OWNING = {"belong": "to", "own": "by", "operate": "by", "run": "by", "fly": "by", "pilot": "by", "man": "by",
          "command": "by", "crew": "by", "loyal": "to"}
LOYAL = "loyal"  # OWNING's one word of allegiance, not ownership: see _allegiance


def _allegiance(o: int, owner: Match, at: dict[int, Match]) -> bool:
    """ "loyal to" names whose forces these are: its object is a government or a leader (an agent or a person, not a
    country, capital or metonym), and no other country is named in the sentence."""
    head = at.get(o)
    if head is None or head.kind not in ("agent", "person"):
        return False  # "loyal to Iran", "loyal to Tehran": a patron, not a master
    codes = set(owner.codes)
    return not any(m.kind in PLACE_KINDS and not set(m.codes) <= codes for m in at.values())


def owner_matches(h: int, toks: Sequence[Token], children: list[list[int]], at: dict[int, Match]) -> list[Match]:
    """Countries and bodies named as the owner of the agent at h ('belonging to the Chadian army' -> Chadian)."""
    out: list[Match] = []
    for c in children[h]:
        t = toks[c]
        if c <= h or t.dep not in ("acl", "amod", "relcl") or OWNING.get(t.lemma.lower()) is None:
            continue
        prep = OWNING[t.lemma.lower()]
        for p in children[c]:
            if toks[p].lower != prep or toks[p].dep not in ("prep", "agent"):
                continue
            for o in children[p]:
                if toks[o].dep != "pobj":
                    continue
                span = {o} | {i for d in children[o] if d < o and toks[d].dep in NP_LEFT for i in subtree(d, children)}
                for i in sorted(span):
                    m = at.get(i)
                    if m is not None and m not in out and m.kind in PLACE_KINDS | ORG_KINDS and not m.ambiguous \
                            and (t.lemma.lower() != LOYAL or _allegiance(o, m, at)):
                        out.append(m)
    return out
