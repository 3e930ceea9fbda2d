"""Meetings intended (eighteenth round, issue 13): an AGREE coded on the meeting word itself is an intent to meet,
and the meeting's place is where it is to happen, not where the intent was told.

"The chancellor will visit the president in Paris on Friday" and "the prime minister will meet the king in Amman
next week" are coded AGREE (CAMEO 036, intent to meet) on "visit" and "meet"; docs/annotation.md (section 10,
example 12) leaves such an event without a place: the act has not happened, and where it was announced is not
said. "The two leaders agreed in Geneva to resume talks" keeps Geneva: the trigger is the agreeing, not the
talks. A meeting that took place ("visited the president in Paris") is a CONSULT and is not touched.
"""

from __future__ import annotations

from ..records import Event, Sentence
from .history import trigger_head

# Words of a meeting or a visit that the coder may code as the intent itself.
MEETING_WORDS = frozenset({
    "meet", "meeting", "visit", "trip", "tour", "travel", "journey", "talk", "talks", "summit", "negotiate",
    "negotiation", "negotiations", "host",
})
# Auxiliaries of an act still to come: "will meet", "would visit", "is due to make a trip".
_TO_COME = frozenset({"will", "would", "'ll", "shall", "to"})


def intended_meeting(event: Event, sentence: Sentence | None) -> str | None:
    """Why an AGREE coded on a meeting still to come has no place ("will visit Obama in Washington"), or None."""
    if event.event != "AGREE" or sentence is None:
        return None
    tokens = sentence.tokens
    trigger = trigger_head(tokens, event.trigger)
    if not 0 <= trigger < len(tokens) or tokens[trigger].lemma.lower() not in MEETING_WORDS:
        return None
    verb = tokens[trigger]
    if verb.pos in ("NOUN", "PROPN") and verb.head != verb.i:  # "make a trip", "during his visit to X, he will"
        verb = tokens[verb.head]
        if verb.pos == "ADP" and verb.head != verb.i:
            verb = tokens[verb.head]
    if not any(t.head == verb.i and t.dep == "aux" and t.lower in _TO_COME for t in tokens):
        return None
    return (f"{tokens[trigger].text!r} is a meeting still to come, coded as the intent (AGREE): its place is not "
            "where the intent was told")


__all__ = ["MEETING_WORDS", "intended_meeting"]
