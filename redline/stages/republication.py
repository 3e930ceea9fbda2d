"""Evidence in an article's own text that it was written on another day than its dateline says.

The reference date ("today" for the text) is the dateline unless the text itself shows otherwise. Only three
kinds of evidence count; a date the lead mentions never does on its own ("the July 25 phone call" in an October
article is news about July, not a July article):

- a republication note: "originally published", "first published/appeared", "republished with the permission
  of", "reprinted"; the note's own date when it gives one, else the day the lead reports (`dates.py`);
- an update line with a date ("Updated: March 3, 2020"), later than the dateline: the text was last written then;
- a dated lead dateline ("WASHINGTON, June 17 (Reuters) -", "MOSCOW, Feb. 3 —"): the day the report was filed;
- a lead that reports its news on the weekday after the dateline ("PYONGYANG (AP) — North Koreans danced in the
  streets Wednesday" in a story dated Tuesday): the story was filed where the day had already turned, and a
  bare weekday six days back would have been written "last Wednesday".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..knowledge.temporal import find_times
from ..records import DatePrecision, Removal, Sentence
from .narration import attachment, main_verb

REPUBLICATION_RE = re.compile(
    r"\b(?:originally|first)\s+(?:published|posted|aired)\b|\b(?:originally|first)\s+(?:appeared|ran)\s+(?:in|on|at)\b|"
    r"\brepublished\b|\breprinted\b|\bthis (?:article|story|post|piece) (?:was|is) (?:adapted|reproduced)\b", re.I)
UPDATE_RE = re.compile(r"^\W{0,3}(?:last\s+)?updated?\b\s*:?", re.I)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "WASHINGTON, June 17 (Reuters) -", "KYIV, Ukraine, Feb. 3 —", "MOSCOW, Sunday, 3 February -"
LEAD_DATELINE_RE = re.compile(
    rf"^\s*(?P<place>[A-Z][A-Za-z .'-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'-]{{1,30}})?),\s*"
    rf"(?P<date>(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:{_MONTHS}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTHS})"
    rf"(?:,?\s+\d{{4}})?)\s*(?:\([^)]{{1,40}}\)\s*)?[-—–]")
MAX_UPDATE_DAYS = 60  # an update line this far after the dateline is the same story revised


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the text says about when it was written: the kind, the line, and the day when it gives one."""

    kind: str  # republication, update, lead dateline, lead weekday
    line: str
    date: dt.date | None
    reason: str


def _day_in(line: str, anchor: dt.date) -> dt.date | None:
    """The first day-precise date written in `line` (a year-less one takes the year closest to `anchor`)."""
    for t in find_times(line, anchor):
        if t.date is not None and t.precision is DatePrecision.DAY and t.enddate == t.date and t.kind == "absolute":
            return t.date
    return None


def find_evidence(sentences: Sequence[Sentence], removed: Sequence[Removal], dateline: dt.date
                  ) -> list[Evidence]:
    """Every piece of evidence about the writing date, in the order above (republication notes first)."""
    out: list[Evidence] = []
    lines = [r.text for r in removed] + [s.text for s in sentences]
    for line in lines:
        if REPUBLICATION_RE.search(line):
            day = _day_in(line, dateline)
            out.append(Evidence("republication", line.strip()[:160], day if day and day <= dateline else None,
                                f"republication note {line.strip()[:80]!r}"))
            break
    for line in lines:
        if UPDATE_RE.match(line):
            day = _day_in(line, dateline)
            if day is not None and dateline < day <= dateline + dt.timedelta(days=MAX_UPDATE_DAYS):
                out.append(Evidence("update", line.strip()[:160], day, f"update line {line.strip()[:80]!r}"))
                break
    if sentences:
        m = LEAD_DATELINE_RE.match(sentences[0].text)
        if m:
            day = _day_in(m["date"], dateline)
            if day is not None and abs((dateline - day).days) <= 366:
                out.append(Evidence("lead dateline", m.group(0).strip(), day,
                                    f"the lead's dateline {m.group(0).strip()!r}"))
        weekday = _next_day_weekday(sentences[0], dateline)
        if weekday is not None:
            out.append(weekday)
    return out


# A bare weekday on the lead's main verb: "danced Wednesday", "said on Wednesday", "Wednesday night".
_BARE_WEEKDAY_RE = re.compile(r"^(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|"
                              r"night))?$", re.I)


def _next_day_weekday(lead: Sentence, dateline: dt.date) -> Evidence | None:
    """Evidence that the lead reports the day after the dateline: its main verb, in the past tense, is dated by a
    bare weekday that names the dateline's next day (read as six days back, it would be "last Wednesday"; a plan,
    "will meet Wednesday", says nothing about when the text was written)."""
    for t in find_times(lead.text, dateline):
        if t.date is None or t.precision is not DatePrecision.DAY or t.enddate != t.date:
            continue
        start = next((tok.i for tok in lead.tokens if tok.idx >= lead.start + t.start), None)
        end = next((tok.i for tok in lead.tokens if tok.idx >= lead.start + t.end), len(lead.tokens))
        if start is None:
            return None
        a = attachment(lead.tokens, _Span(start, end))
        if a is None or not main_verb(lead.tokens, a):
            continue  # a day of a side clause says nothing about the news day
        if t.kind != "weekday" or not _BARE_WEEKDAY_RE.match(t.text) or (dateline - t.date).days != 6 \
                or lead.tokens[a].tag != "VBD":
            return None  # "will face a test Monday", "is up for a hearing on Thursday": the coming day, a plan
        day = dateline + dt.timedelta(days=1)
        return Evidence("lead weekday", lead.text.strip()[:160], day,
                        f"the lead reports {t.text!r} on {lead.tokens[a].text!r}: the day after the dateline "
                        f"{dateline.isoformat()}, {day.isoformat()} (six days back would be 'last {t.text.split()[-1]}')")
    return None


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int


__all__ = ["Evidence", "LEAD_DATELINE_RE", "REPUBLICATION_RE", "UPDATE_RE", "find_evidence"]
