"""A leader speaking for his state: "In Ankara, President Erdogan said Turkey rejected the proposal" is Erdogan's
statement, so it is placed where he said it.

The ninth and eleventh rounds placed a statement whose actor is the speaker ("Putin said in Moscow that he would
...") or the pronoun standing for him; this module names the government speakers whose state is the statement's
actor. Pure functions over the document's actor mentions; locatives.speech_anchors uses them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Event, Mention

_PERSON_KINDS = frozenset({"name", "title", "surname"})


def _state(entity) -> bool:
    """A state as an actor: a country code, no person or body named, no sector but the government's."""
    return entity.code is not None and len(entity.code) == 3 and entity.identifier_id is None \
        and entity.identifier_text is None and entity.sector in (None, "GOV")


def state_speakers(mentions: Sequence[Mention], sentence: int, event: Event) -> frozenset[int]:
    """Token heads, in the event's sentence, of the government's people of the state that is the event's actor
    ("President Erdogan" for "Turkey rejected ..."); empty when the actor is not a state alone. An opposition
    leader or a rebel of that country does not speak for it."""
    if not event.actor or not all(_state(a) for a in event.actor):
        return frozenset()
    codes = {a.code for a in event.actor}
    if len(codes) != 1:
        return frozenset()
    return frozenset(m.head for m in mentions if m.sentence == sentence and m.kind in _PERSON_KINDS
                     and m.entity.code in codes and m.entity.sector == "GOV"
                     and (m.entity.identifier_text is not None or m.entity.office is not None))


__all__ = ["state_speakers"]
