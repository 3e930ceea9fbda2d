"""same_act: a material act of the article's dated occasion, told again with no time of its own, takes that
occasion's day (issue 13, nineteenth round).

The news of an attack is dated once ("Gunmen opened fire Friday at a ceremony"); other sentences tell the same act
again with no time of their own, and the dates stage reads them as background or as the article's news:

- inside a clause that only orders or describes it: a relative clause ("the spot where the politician was gunned
  down", "the people who killed him"), an "after"/"before" clause or gerund ("After opening fire, the two gunmen
  holed up", "before the attackers were slain by police"): the same act when it is a material act (PLOVER quad
  classes 2 and 4) of the same type and either the same verb (or a verb coordinated with the dated one: "was shot
  and killed late Friday") or the same recipients;
- dated only by the reference date ("Migration officials detained 350 people" after "police detained dozens on
  Wednesday"): the same act only with the same verb.

The article must date acts of that kind to one day only, not after the reference date (and, for an act dated only by
the reference date, not more than two weeks before it), by an expression on the act's own clause (not a report verb's: "admitted on Saturday shooting it down" dates the admission). An act named
as another occasion ("again", "earlier", "another", "new", "further") is not carried: it may be another one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from ..records import DatePrecision, DateSource, Event, Sentence
from .aspect import trigger_head
from .clauses import shared_conjuncts

# date reasons of an act that the stage left undated only for the clause it is told in
_ORDER_REASONS = ("is in a relative clause", "is in a participle clause", "an earlier act named as the time of",
                  "an act told only by its order to the main clause")
# date reasons of an act dated the reference date for want of any date of its own
_NO_DATE = ("no dated expression in the sentence; the reference date",
            "the sentence's dates belong to other clauses; the reference date")
# words that tell another occasion of the same kind
_OTHER_TIME = frozenset({"again", "earlier", "previous", "previously", "another", "once", "former", "past",
                         "last", "first", "prior", "new", "fresh", "further", "additional", "second", "third"})
# an act dated by the time of a verb above it ("admitted on Saturday shooting it down") is not dated by its own
# clause, unless it is that verb's object ("opened fire Friday")
_GOVERNED = "which governs the trigger"
_MATERIAL = (2, 4)
# an act dated by the reference date for want of a date is carried only to an occasion of the last two weeks: an
# older dated act of the same verb is background ("the September 11, 2001 attacks"), and a retelling in the news is
# more often the day's act than an anniversary's (held-out sample H of the nineteenth round's merge)
_RECENT_DAYS = 14


def _head(event: Event, sentence: Sentence) -> int:
    return trigger_head(sentence.tokens, event.trigger)


def _lemma(event: Event, sentence: Sentence) -> str:
    return sentence.tokens[_head(event, sentence)].lemma.lower()


def _lemmas(event: Event, sentence: Sentence) -> set[str]:
    """The trigger's lemma and those of the verbs coordinated with it that share its time ("was shot and killed
    late Friday": shoot, kill)."""
    return {_lemma(event, sentence)} | {sentence.tokens[c].lemma.lower()
                                        for c in shared_conjuncts(sentence.tokens, _head(event, sentence))}


def _codes(entities) -> frozenset[str]:
    return frozenset(e.code for e in entities if e.code)


def _same_act(a: Event, b: Event, sentences: Mapping[int, Sentence], *, by_verb_only: bool) -> bool:
    if a.event != b.event:
        return False
    if _lemma(a, sentences[a.text_info.sentence]) in _lemmas(b, sentences[b.text_info.sentence]):
        return True
    recipients = _codes(a.recipient)
    return not by_verb_only and bool(recipients) and recipients == _codes(b.recipient) \
        and (a.mode == b.mode or not a.mode or not b.mode)


def _source(event: Event, sentences: Mapping[int, Sentence], reference: dt.date | None) -> bool:
    """An asserted material act dated to a day, not after the reference date, by a time of its own clause."""
    sentence = sentences.get(event.text_info.sentence)
    return sentence is not None and event.quad_code in _MATERIAL and str(event.factuality) == "asserted" \
        and event.date_precision is DatePrecision.DAY and event.date is not None \
        and event.date_source in (DateSource.EXPLICIT, DateSource.RELATIVE) \
        and (reference is None or event.date <= reference) \
        and (_GOVERNED not in event.date_reason or sentence.tokens[_head(event, sentence)].dep == "dobj")


def same_act_days(events: Sequence[Event], sentences: Mapping[int, Sentence], reference: dt.date | None
                  ) -> list[Event]:
    """`events` (already dated) with the retellings of a day-dated material act dated to its day."""
    sources = [e for e in events if _source(e, sentences, reference)]
    out = []
    for ev in events:
        idx = ev.text_info.sentence
        ordered = ev.date is None and any(r in ev.date_reason for r in _ORDER_REASONS)
        news = ev.date_source is DateSource.REFERENCE and ev.date_reason.startswith(_NO_DATE)
        if ev.quad_code not in _MATERIAL or idx not in sentences or str(ev.factuality) != "asserted" \
                or not (ordered or news) or any(t.lower in _OTHER_TIME for t in sentences[idx].tokens):
            out.append(ev)
            continue
        same = [s for s in sources if s is not ev and _same_act(ev, s, sentences, by_verb_only=news)]
        days = {(s.date, s.enddate) for s in same}
        if len(days) != 1 or (news and ev.date is not None and same[0].date >= ev.date):
            out.append(ev)
            continue
        src = same[0]
        if news and reference is not None and (reference - src.date).days > _RECENT_DAYS:
            out.append(ev)
            continue
        why = (f"{ev.date_reason}; but the same act as {src.event_text!r} in sentence {src.text_info.sentence}, "
               f"dated {src.date.isoformat()}: the article's one occasion of it")
        out.append(dataclasses.replace(ev, date=src.date, enddate=src.enddate, date_precision=DatePrecision.DAY,
                                       date_source=src.date_source, date_reason=why))
    return out


__all__ = ["same_act_days"]
