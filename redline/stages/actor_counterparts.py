"""Counterparts: "met her Ugandan counterpart", "his counterpart from Fiji", "their Kenyan opposite numbers".

A counterpart is the holder of the same post on the other side (fourteenth round). Its country is the one its own
phrase names (a nationality or country before it, a place after "from" or "in"), never its possessor's: "his
counterpart" is not his country's. With no country on its phrase it stays uncoded (the possessor tells only which
post: its sector). A country word that names a counterpart is not a candidate for bridging a bare "the minister" in
the same sentence ("The minister met his Fijian counterpart": the minister is not Fijian).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..knowledge.actor_names import Match
from ..records import Entity, Mention, Token

OFFICE = "Counterpart"
WORDS = frozenset({"counterpart", "counterparts", "number", "numbers"})


def is_counterpart(head_match: Match | None) -> bool:
    """Is the phrase's head the agent word for a counterpart ('counterpart', 'opposite number')?"""
    return head_match is not None and head_match.kind == "agent" and head_match.entry.office == OFFICE


def counterpart(ent: Entity, t: Token, toks: Sequence[Token], children: list[list[int]],
                before: Sequence[Mention]) -> Entity:
    """The counterpart's sector is its possessor's post's ('her Ugandan counterpart' of a general is MIL); with no
    country on its own phrase it has none (the possessor's country is the other side's)."""
    owner = [m for c in children[t.i] if toks[c].dep == "poss" for m in before if m.head == c]
    sector = next((m.entity.sector for m in reversed(owner) if m.entity.sector), None)
    if sector and sector != ent.sector:
        ent = dataclasses.replace(ent, sector=sector, reason=f"{ent.reason}; {sector} like its possessor "
                                  f"'{owner[-1].text}' (the same post on the other side)")
    if ent.code is None:
        ent = dataclasses.replace(ent, reason=f"{ent.reason}; a counterpart is the other side: its possessor's "
                                  "country is not its own")
    return ent


def names_counterpart(head: int, toks: Sequence[Token]) -> bool:
    """Is the token at `head` (a country word) a modifier of a counterpart ('his Fijian counterpart')?"""
    if head < 0 or head >= len(toks):
        return False
    h = toks[head]
    g = toks[h.head] if h.head != h.i else None
    return h.dep in ("amod", "compound", "nmod", "poss") and g is not None and g.lower in WORDS and (
        g.lower.startswith("counterpart") or g.i > 0 and toks[g.i - 1].lower == "opposite")
