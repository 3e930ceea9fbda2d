"""same_act: a material act of the article's dated occasion, told again in a clause that only orders or describes
it, takes that occasion's day (issue 13, nineteenth round).

The news of an attack is dated once ("Gunmen opened fire Friday at a ceremony"); later sentences tell the same
act again inside a clause that gives it no time of its own and that the dates stage reads as background: a
relative clause ("the spot where the politician was gunned down"), an "after"/"before" clause or gerund ("After
opening fire, the two gunmen holed up", "before the attackers were slain by police"). Such an act is the dated
one when it is a material act (PLOVER quad classes 2 and 4) of the same type and either the same verb or the same
recipients, and the article dates acts of that kind to one day only. An act named as another time ("again",
"earlier", "previous", "another", "once") is not carried: it may be an earlier one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..records import DatePrecision, DateSource, Event, Sentence
from .aspect import trigger_head
from .clauses import shared_conjuncts

# date reasons of an act that the stage left undated only for the clause it is told in
_ORDER_REASONS = ("is in a relative clause", "is in a participle clause", "an earlier act named as the time of",
                  "an act told only by its order to the main clause")
# words that tell another occasion of the same kind
_OTHER_TIME = frozenset({"again", "earlier", "previous", "previously", "another", "once", "former", "past",
                         "last", "first", "prior"})
_MATERIAL = (2, 4)
_NO_DATE = ("no dated expression in the sentence; the reference date",
            "the sentence's dates belong to other clauses; the reference date")


def _lemma(event: Event, sentence: Sentence) -> str:
    return sentence.tokens[trigger_head(sentence.tokens, event.trigger)].lemma.lower()


def _lemmas(event: Event, sentence: Sentence) -> set[str]:
    """The trigger's lemma and those of the verbs coordinated with it that share its time ("was shot and killed
    late Friday": shoot, kill)."""
    head = trigger_head(sentence.tokens, event.trigger)
    return {_lemma(event, sentence)} | {sentence.tokens[c].lemma.lower() for c in shared_conjuncts(sentence.tokens, head)}


def _codes(entities) -> frozenset[str]:
    return frozenset(e.code for e in entities if e.code)


def _same_act(a: Event, b: Event, sentences: Mapping[int, Sentence]) -> bool:
    if a.event != b.event:
        return False
    if _lemma(a, sentences[a.text_info.sentence]) in _lemmas(b, sentences[b.text_info.sentence]):
        return True
    recipients = _codes(a.recipient)
    return bool(recipients) and recipients == _codes(b.recipient) and (a.mode == b.mode or not a.mode or not b.mode)


def _other_time(event: Event, sentence: Sentence) -> bool:
    return any(t.lower in _OTHER_TIME for t in sentence.tokens)


def _told_in_order(event: Event) -> bool:
    """Undated only for the clause it is told in."""
    return event.date is None and any(r in event.date_reason for r in _ORDER_REASONS)


def _news_by_default(event: Event) -> bool:
    """Dated the reference date for want of any date of its own ("was also killed in the blast")."""
    return event.date_source is DateSource.REFERENCE and event.date_reason.startswith(_NO_DATE)


def same_act_days(events: Sequence[Event], sentences: Mapping[int, Sentence]) -> list[Event]:
    """`events` (already dated) with the undated retellings of a day-dated material act dated to its day."""
    sources = [e for e in events if e.quad_code in _MATERIAL and e.date_precision is DatePrecision.DAY
               and e.date_source in (DateSource.EXPLICIT, DateSource.RELATIVE) and str(e.factuality) == "asserted"
               and e.text_info.sentence in sentences]
    out = []
    for ev in events:
        idx = ev.text_info.sentence
        if ev.quad_code not in _MATERIAL or idx not in sentences or str(ev.factuality) != "asserted" \
                or not (_told_in_order(ev) or _news_by_default(ev)) or _other_time(ev, sentences[idx]):
            out.append(ev)
            continue
        same = [s for s in sources if s is not ev and _same_act(ev, s, sentences)]
        days = {(s.date, s.enddate) for s in same}
        if len(days) != 1 or ev.date == same[0].date:
            out.append(ev)
            continue
        src = same[0]
        why = (f"{ev.date_reason}; but the same act as {src.event_text!r} in sentence {src.text_info.sentence}, "
               f"dated {src.date.isoformat()}: the article's one occasion of it")
        out.append(dataclasses.replace(ev, date=src.date, enddate=src.enddate, date_precision=DatePrecision.DAY,
                                       date_source=src.date_source, date_reason=why))
    return out


__all__ = ["same_act_days"]
