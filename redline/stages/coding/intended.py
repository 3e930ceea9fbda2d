"""The party an intended or refused meeting is with (nineteenth round, recipients).

A meeting that took place has every party as actor ("X met with Y", "talked with Y": docs/annotation.md,
reciprocal acts), and the coder moves the "with" / "to" / object party of a meeting verb into actor. A meeting
that is only intended ("will meet with Abe", "is willing to negotiate with Iran") is coded AGREE, and one refused
("would not meet with the envoy") REJECT: those are one side's stance towards the other, who is their recipient
("We'll talk to him" -> actor GBR, recipient USA in the real-article gold). The parties the merge moved go back
to recipient; a compound subject with no "with" party ("X and Y will meet") moved nobody and stays joint.
"""

from __future__ import annotations

from .arguments import Argument

# Types a meeting becomes when it is only intended or is refused (coder: INTENT_TYPES, REFUSABLE)
STANCE_ON_MEETING = frozenset({"AGREE", "REJECT"})
NOTE = "an intended or refused meeting is one side's stance: the party it is with is the recipient"


def addressed(actors: list[Argument], partners: list[Argument], before: str,
              after: str) -> tuple[list[Argument], list[Argument]] | None:
    """Actors and recipients of a meeting recoded from `before` (CONSULT) to `after` (AGREE / REJECT), given
    the `partners` the meeting merge moved from recipient into actor; None when nothing changes."""
    if before != "CONSULT" or after not in STANCE_ON_MEETING or not partners:
        return None
    moved = {id(p) for p in partners}
    own = [a for a in actors if id(a) not in moved]
    if not own:
        return None
    return own, [a for a in actors if id(a) in moved]
