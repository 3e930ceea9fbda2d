"""updates: an updated story, whose lead tells the day after its dateline (issue 13, ninth round).

An article dated Tuesday whose lead says "Bloodshed intermingled with blood oaths early Wednesday", or one dated
Friday whose lead says "On Sunday, a day after the failed putsch, the junta shut its airspace", was updated after
its dateline (or dated in another time zone): the weekday is the day after the reference date, not the same weekday
six days before, which is how a weekday of a past act is otherwise read. The annotation guide (docs/annotation.md
12.9) asks for this: "when the text clearly describes days after the article's metadata date (an updated story),
resolve relative days as the text requires". The sign is the lead's first dated expression: a bare weekday (not
"last Wednesday") six days before the reference date; a news lead hardly opens with an act six days old. Then
every bare weekday of the article read as that day is moved to the day after the reference date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..records import Sentence, TimeExpression

LEAD_SENTENCES = 5  # where an updated story shows its new day (a byline and a headline may come first)
_QUALIFIED = ("last", "this past", "past", "next", "this", "previous")


def _bare_weekday(t: TimeExpression, day: dt.date) -> bool:
    words = t.text.lower().split()
    return t.kind == "weekday" and t.date == day and t.enddate == day \
        and not any(t.text.lower().startswith(q + " ") or f" {q} " in f" {t.text.lower()} " for q in _QUALIFIED) \
        and len(words) <= 3


def updated_story(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]], reference: dt.date | None
                  ) -> dict[int, list[TimeExpression]]:
    """The expressions of every sentence, with the weekdays of an updated story moved to the day after the
    reference date (see the module's docstring); unchanged when the lead shows no such day."""
    if reference is None:
        return times
    back = reference - dt.timedelta(days=6)
    first = next((t for s in sentences[:LEAD_SENTENCES] for t in times.get(s.index, ()) if t.date is not None), None)
    if first is None or not _bare_weekday(first, back):
        return times
    day = reference + dt.timedelta(days=1)
    why = (f"an updated story: the lead's {first.text!r} is the day after the reference date "
           f"{reference.isoformat()}, {day.isoformat()}")
    return {i: [dataclasses.replace(t, date=day, enddate=day, reason=why) if _bare_weekday(t, back) else t
                for t in ts] for i, ts in times.items()}
