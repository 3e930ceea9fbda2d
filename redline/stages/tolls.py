"""The day of a toll told after its attack: an act the coder gave the attacker of an attack told in an earlier
sentence ("The U.S. military bombed the base on Sunday. At least 20 fighters were killed": coding/antecedents.py)
happened with that attack, so it takes the attack's date when the text dates the attack and not the toll.

The link is the actor's provenance: the coder writes "told with its attacker in sentence N" in its reason.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..records import DateSource, Event

TOLD = re.compile(r"told with its attacker in sentence (\d+)")


def told_sentence(event: Event) -> int | None:
    """The sentence that told the attack whose attacker the event's actor is, if the coder took it so."""
    for a in event.actor:
        m = TOLD.search(a.reason or "")
        if m:
            return int(m.group(1))
    return None


def toll_dated(event: Event, earlier: Sequence[Event]) -> Event:
    """The event with the date of the attack it is the toll of, when it has only the reference date and the
    attack (an asserted ASSAULT by the same party in that sentence, among `earlier`) was dated by the text."""
    n = told_sentence(event)
    if n is None or event.date_source is not DateSource.REFERENCE:
        return event
    codes = {a.code for a in event.actor if a.code}
    attack = next((e for e in reversed(earlier) if e.text_info.sentence == n and e.event == "ASSAULT"
                   and codes & {a.code for a in e.actor} and e.date_source in (DateSource.EXPLICIT,
                                                                                DateSource.RELATIVE)), None)
    if attack is None:
        return event
    return dataclasses.replace(
        event, date=attack.date, enddate=attack.enddate, date_precision=attack.date_precision,
        date_source=attack.date_source,
        date_reason=f"{event.date_reason.split('; ')[0]}; the toll of the attack told in sentence {n}, dated there: "
                    f"{attack.date_reason}")
