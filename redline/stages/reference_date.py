"""The reference date of a document: what "today" is for the text.

The dateline, unless the text itself shows it was written on another day (stages/republication.py: a republication
note, an update line, a dated lead dateline); `dates.py` then dates every event from it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..pipeline import Context, stage
from ..records import DatePrecision, Document, Removal, Sentence, TimeExpression
from .time_choice import YEAR_RE, sentence_times
from .narration import attachment as _attachment
from .republication import find_evidence

LEAD_PARAGRAPHS = 3  # where a republished article still shows the date it was written
REPUBLICATION_GAP_DAYS = 2  # a dateline this close to the text's latest date is normal news lag
_REPORT_LEMMAS = frozenset(
    "say tell announce state add report claim confirm deny declare warn write stress insist note "
    "accuse urge call reveal comment respond reply".split()
)


def _today() -> dt.date:
    return dt.date.today()


def infer_reference(sentences: Sequence[Sentence], published: dt.date | None, *,
                    today: dt.date | None = None, removed: Sequence[Removal] = ()) -> tuple[dt.date | None, str]:
    """(reference date, reason): the dateline unless the text itself shows it was written on another day.

    sentences: the parsed body; published: the dateline (Article.published); today: for the future check;
    removed: the lines the clean stage took out (a republication note or an update line may be among them).
    Only real evidence moves the reference date (republication.py): a republication note, an update line or a
    dated lead dateline; a date the lead mentions does not.
    """
    today = today or _today()
    notes = []
    dateline = published
    if dateline is not None and dateline > today:
        notes.append(f"dateline {dateline.isoformat()} is in the future (today is {today.isoformat()}): ignored")
        dateline = None
    lead = [s for s in sentences if s.paragraph < LEAD_PARAGRAPHS]
    anchor = dateline or today
    explicit: list[tuple[dt.date, TimeExpression, Sentence]] = []
    weekdays: set[int] = set()
    for s in lead:
        for t in sentence_times(s, anchor):
            if t.kind == "weekday":
                weekdays.add(_weekday_of(s, t))
            elif t.kind == "absolute" and t.precision is DatePrecision.DAY and t.date and t.date <= anchor:
                explicit.append((t.date, t, s))
    if dateline is None:
        explicit = [e for e in explicit if YEAR_RE.search(e[1].text)]  # without a dateline a year-less day is a guess
        if explicit:
            d, t, s = max(explicit, key=lambda e: e[0])
            notes.append(f"no usable dateline: the latest explicit date in the lead, {t.text!r} "
                         f"(sentence {s.index}) -> {d.isoformat()}")
            return d, "; ".join(notes)
        notes.append("no dateline and no explicit day with its year in the lead: relative dates stay unresolved")
        return None, "; ".join(notes)
    for ev in find_evidence(sentences, removed, dateline):
        if ev.kind != "republication":
            if ev.date != dateline:
                notes.append(f"{ev.reason}: the text was written on {ev.date.isoformat()}, not on the dateline "
                             f"{dateline.isoformat()}")
                return ev.date, "; ".join(notes)
            continue
        if ev.date is not None:
            notes.append(f"republication: {ev.reason} dates the text {ev.date.isoformat()}")
            return ev.date, "; ".join(notes)
        # A republished text without its date: the day its lead reports ("said on June 17") is when it was
        # written. News style writes a date of the current year without the year; a lead date with its year is
        # background or a photo caption.
        reported = [e for e in explicit if _on_report_verb(e[2], e[1]) and not YEAR_RE.search(e[1].text)]
        if reported:
            d, t, s = max(reported, key=lambda e: e[0])
            gap = (dateline - d).days
            if gap > REPUBLICATION_GAP_DAYS and not any(e[0] > d for e in explicit):
                agree = " (a weekday in the lead agrees)" if d.weekday() in weekdays else ""
                notes.append(f"republication: {ev.reason}; the lead reports {t.text!r} (sentence {s.index}) = "
                             f"{d.isoformat()}, {gap} days before the dateline {dateline.isoformat()}; the text "
                             f"was written then{agree}")
                return d, "; ".join(notes)
        notes.append(f"{ev.reason}, but no date in the text says when it was first written")
    notes.append(f"dateline {dateline.isoformat()}")
    return dateline, "; ".join(notes)


def _weekday_of(sentence: Sentence, t: TimeExpression) -> int:
    for name_i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")):
        if name in t.text.lower():
            return name_i
    return -1


def _on_report_verb(sentence: Sentence, t: TimeExpression) -> bool:
    """True when the expression modifies a reporting verb ("said on June 17")."""
    head = _attachment(sentence.tokens, t)
    return head is not None and sentence.tokens[head].lemma.lower() in _REPORT_LEMMAS


@stage("reference-date", requires=("sentences",), provides=("reference_date",))
def date_document(doc: Document, ctx: Context) -> Document:
    """Sentences + dateline -> reference date and its reason. Requires: sentences. Provides: reference_date."""
    ref, reason = infer_reference(doc.sentences, doc.article.published, removed=doc.article.removed)
    return dataclasses.replace(doc, reference_date=ref, reference_reason=reason)


__all__ = ["date_document", "infer_reference"]
