"""place_audience: the people a statement is made to, in the room (issue 13, eleventh round).

"Smith told the rally in Ohio she would not admit the migrants", "urged world leaders at the United Nations": a
verb of speaking to someone whose object is an audience present where it spoke, so the object's locative phrase
(or its "at" an occasion or a venue) is where the statement was made (docs/annotation.md 12.10). locatives.py asks
this when it collects an event's anchors.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Token

# The people a statement is made to, in the room: their locative phrase is where it was made ("told the gathering
# in Florida he would not", "told a crowd in Ohio that"), and so is their "at" phrase naming an occasion or a venue
# ("urged world leaders at the United Nations"). Only for verbs of speaking to someone (`ADDRESSING_LEMMAS`): other
# verbs act on their object ("called off a Camp David meeting", "condemned the gathering in Moscow"), and other people
# are placed by theirs where they are ("urged the rebels in Idlib", "criticized the officials in Kabul").
ROOM_NOUNS = frozenset({
    "gathering", "crowd", "audience", "assembly", "reporter", "journalist", "newsman", "delegate", "attendee",
    "participant", "congregation",
})
ADDRESSING_LEMMAS = frozenset({
    "tell", "address", "urge", "warn", "assure", "reassure", "brief", "inform", "ask", "thank", "remind", "promise",
    "implore", "exhort", "greet", "lecture", "caution", "rally",
})
_AT_OCCASION_LEMMAS = frozenset({
    "summit", "conference", "meeting", "rally", "forum", "convention", "session", "ceremony", "gathering",
    "briefing", "hearing", "event", "dinner", "luncheon", "breakfast", "reception", "funeral", "memorial", "talk",
    "negotiation", "congress", "assembly",
})


def in_the_room(tokens: Sequence[Token], t: Token) -> bool:
    """Is `t`, an object of a verbal act, the people the act is made to in the room ("told the gathering in
    Florida"; "urged world leaders at the United Nations")?"""
    if t.dep not in ("dobj", "dative") or t.pos not in ("NOUN", "PROPN") \
            or tokens[t.head].lemma.lower() not in ADDRESSING_LEMMAS:
        return False
    if t.lemma.lower() in ROOM_NOUNS and not any(c.head == t.i and c.dep == "compound" for c in tokens):
        return True  # (not "told U.S. reporters in Iraq": a name before them says whose they are, not the room)
    preps = [p for p in tokens if p.head == t.i and p.dep == "prep"]
    if len(preps) != 1 or preps[0].lower != "at":  # "urged the rebels in Idlib" describes where the rebels are
        return False
    objs = [o for o in tokens if o.head == preps[0].i and o.dep == "pobj"]
    return bool(objs) and (objs[0].pos == "PROPN" or objs[0].lemma.lower() in _AT_OCCASION_LEMMAS)


__all__ = ["ADDRESSING_LEMMAS", "ROOM_NOUNS", "in_the_room"]
