"""dates: a date for every event.

The reference date ("today" for the text) is decided before, by `reference_date.date_document`;
`date_events` finds every temporal expression (knowledge/temporal.py) and gives each event
the one its trigger governs in the parse, else the sentence's, else the reference date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence

from ..knowledge.temporal import Temporal
from ..pipeline import Context, stage
from ..records import DatePrecision, DateSource, Document, Event, Sentence, TimeExpression
from .backdrop import backdrop_reason, reported_before, running_day, since_span_act, starts_object
from .chronology import Chronology, later_told
from .history import (
    since_span,
    background_reason,
    clause_verb,
    earlier_period,
    trigger_head,
)
from .redlines import retold_reason
from .shown import ended_term
from .updates import updated_story
from .clauses import (
    earlier_clause,
)
from .narration import attachment as _attachment
from .narration import (
    NEWS_DAY_SENTENCES,
    anchor_offsets,
    carried_background,
    carried_days,
    carried_periods,
    lead_attack_day,
    news_day,
    offset_clause,
    other_actor_clause,
    told_now,
)
from . import episodes
from .occasions import date_by_occasion, occasion_dates
from .same_act import same_act_days
from .time_choice import EXPLICIT_KINDS, YEAR_RE, GOVERNS_TRIGGER, choose_time, sentence_times
from .retellings import (
    act_noun_again,
    act_noun_dates,
    after_dated_occasion,
    earlier_report,
    joined_to_past,
    possessed_occasion,
)

log = logging.getLogger(__name__)
_JOINED = "the trigger is in a clause with its own subject, joined to"
_MONTH_NAME_RE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def _undated(event: Event, reason: str) -> Event:
    return dataclasses.replace(event, date=None, enddate=None, date_precision=DatePrecision.UNKNOWN, date_source=None,
                               date_reason=reason)


# A sentence of prose ends with a full stop, a question or exclamation mark, or a closing quote; a headline or a
# bullet does not, and its present simple may be the day's news.
_PROSE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


def _reported_done(event: Event) -> bool:
    """An asserted or negated event: the text reports it as done (or not done), so it is never dated after its
    article. An announced plan coded asserted ("will meet next week" as AGREE) is the announcement."""
    return str(event.factuality) in ("asserted", "negated")


def _future_verb(event: Event, sentence: Sentence | None) -> bool:
    """True when the event's own verb is future ("will meet", "'ll send")."""
    if sentence is None or not 0 <= event.trigger[0] < len(sentence.tokens):
        return False
    tokens = sentence.tokens
    v = clause_verb(tokens, trigger_head(tokens, event.trigger))
    if _has_future_aux(tokens, v):
        return True
    # a present tense in a time clause of a future act is future too: "it will be a topic when the president
    # meets Xi in early June", "sanctions will follow once Russia invades"
    verb = tokens[v]
    return verb.dep in ("advcl", "relcl") and verb.tag in ("VBZ", "VBP") \
        and _has_future_aux(tokens, clause_verb(tokens, verb.head)) and any(t.head == v and t.dep in ("mark", "advmod") and t.lower in _TIME_MARKS for t in tokens)


def _present_verb(event: Event, sentence: Sentence | None) -> bool:
    """True when the event's own verb is a present simple ("take control in January") or progressive ("is pushing
    countries to cut imports from November")."""
    if sentence is None or not 0 <= event.trigger[0] < len(sentence.tokens):
        return False
    tokens = sentence.tokens
    v = clause_verb(tokens, trigger_head(tokens, event.trigger))
    aux = [t.lower for t in tokens if t.head == v and t.dep in ("aux", "auxpass")]
    if tokens[v].tag in ("VBZ", "VBP"):
        return not aux
    return tokens[v].tag == "VBG" and any(a in ("is", "are", "am", "'s", "'re") for a in aux)


_TIME_MARKS = frozenset({"when", "once", "after", "before", "until", "till", "whenever", "as"})


def _has_future_aux(tokens: Sequence, v: int) -> bool:
    return any(t.head == v and t.dep in ("aux", "auxpass") and t.lower in _FUTURE_AUX for t in tokens)


def _after_reference(date: dt.date, precision: DatePrecision | None, reference: dt.date) -> bool:
    """True when a past act's date lies after its article: more than a day after the reference date, or a month
    after the reference date's month ("annexed Crimea in March" in an article of February 28 is not the March
    that begins the next day; nineteenth round)."""
    if date > reference + dt.timedelta(days=1):
        return True
    return precision is DatePrecision.MONTH and (date.year, date.month) > (reference.year, reference.month)


def _span_precision(date: dt.date, enddate: dt.date | None) -> DatePrecision | None:
    """A span of several days ("last week", "over the weekend") is known to its month when it lies inside one
    month (docs/annotation.md 12.9), else not at all (None)."""
    if enddate is None or enddate == date:
        return DatePrecision.DAY
    return DatePrecision.MONTH if (date.year, date.month) == (enddate.year, enddate.month) else None


def date_event(event: Event, sentence: Sentence | None, times: Sequence[TimeExpression], reference: dt.date | None,
               reference_reason: str = "", *, news_day: tuple[dt.date, str] | None = None) -> Event:
    """One event with date, enddate, date_precision, date_source and date_reason set.

    news_day: (date, why) of the news the sentence tells when it differs from the reference date: the lead's day
    ("said on Wednesday" in the lead of an article dated Thursday) or a day carried from the sentence before
    (narration.py); events the text gives no date of their own take it.
    """
    chosen, why = (None, "the event's sentence is missing")
    head = trigger_head(sentence.tokens, event.trigger) if sentence is not None else -1
    if sentence is not None:
        chosen, why = choose_time(sentence, head, times)
    if chosen is not None and chosen.kind == "duration":
        return _undated(event, f"{why}: {chosen.reason}; a duration is not a date")
    start = starts_object(sentence.tokens, chosen.start) if chosen is not None and _reported_done(event) else None
    if start is not None and not _future_verb(event, sentence):  # "agreed to a ceasefire from 07:00 am Saturday"
        chosen, why = None, f"'{start} ... {chosen.text}' starts what the act sets, not the day of the act"
    if chosen is not None and sentence is not None:
        span = since_span(sentence.tokens, head, chosen.text, chosen.start, _attachment(sentence.tokens, chosen),
                          material=event.quad_code in (2, 4) and sentence.index >= NEWS_DAY_SENTENCES)
        if span is not None:  # "has fought off an insurgency since the 1980s", "within weeks, the general remade"
            return _undated(event, f"{why}; {span}: the text does not say when")
    if chosen is not None and why.endswith(GOVERNS_TRIGGER):
        report = earlier_report(sentence.tokens, head, chosen, _attachment(sentence.tokens, chosen))
        if report is not None:  # "In January, CNN reported that the calls were captured"
            return _undated(event, f"{why}; {report}: the text does not say when")
    if chosen is not None:
        dated = _dated_by(event, sentence, chosen, why, reference)
        if dated is not None:
            return dated
        why = (f"{why}, but {chosen.text!r} is later than the reference date and the text reports the act as done "
               f"(an announced plan is dated by its announcement)")
    if chosen is None and sentence is not None and reference is not None and why.startswith(_JOINED):
        first, _ = choose_time(sentence, sentence.tokens[clause_verb(sentence.tokens, head)].head, times)
        past = joined_to_past(sentence.tokens, head, first, reference)
        if past is not None:  # "took charge in Russia in 1998 ... and the Kremlin demanded": not the news day
            return _undated(event, f"{why}; {past}: the text does not say when")
    if sentence is not None and reference is not None:
        offset = _dated_by_offset(event, sentence, times, reference, news_day)
        if offset is not None:
            return offset
    if sentence is not None and str(event.factuality) != "future":
        # the lead's present perfect is the day's news ("Police have arrested three suspects"): the "hot news"
        # perfect; after the lead it tells an earlier act by its result
        material = event.quad_code in (2, 4) and sentence.index >= NEWS_DAY_SENTENCES
        # the lead's present simple is the day's news ("Israel launches airstrikes against Syria"); after it, a habit
        habits = _reported_done(event) and sentence.index >= NEWS_DAY_SENTENCES \
            and _PROSE_END.search(sentence.text) is not None
        background = background_reason(sentence.tokens, head, material=material, habits=habits,
                                       quad_material=event.quad_code in (2, 4)) \
            or backdrop_reason(sentence.tokens, head, material=material,
                               after_lead=sentence.index >= NEWS_DAY_SENTENCES) \
            or retold_reason(sentence.tokens, event) \
            or after_dated_occasion(sentence.tokens, head, times) \
            or episodes.before_dated(sentence.tokens, head, times) \
            or since_span_act(sentence.tokens, head) \
            or _reported_before(sentence, head, times) \
            or (possessed_occasion(sentence.tokens, head)
                if chosen is None and sentence.index >= NEWS_DAY_SENTENCES else None)
        running = running_day(sentence.tokens, head)  # "crowds who took to the streets for a third day"
        if running is not None:
            background, why = None, f"{why}; {running}"
        if background is not None:
            return _undated(event, f"{why}; {background}: the text does not say when")
    if str(event.factuality) == "future":
        return _undated(event, f"{why}; a future act the text gives no date for")
    if reference is None:
        return dataclasses.replace(event, date=None, enddate=None, date_precision=DatePrecision.UNKNOWN,
                                   date_source=None,
                                   date_reason=f"{why}; no reference date ({reference_reason or 'none'})")
    if news_day is not None:
        day, day_why = news_day
        return dataclasses.replace(event, date=day, enddate=day, date_precision=DatePrecision.DAY,
                                   date_source=DateSource.REFERENCE, date_reason=f"{why}; {day_why}")
    return dataclasses.replace(event, date=reference, enddate=reference, date_precision=DatePrecision.DAY,
                               date_source=DateSource.REFERENCE, date_reason=f"{why}; the reference date")


def _dated_by_offset(event: Event, sentence: Sentence, times: Sequence[TimeExpression], reference: dt.date,
                     news_day: tuple[dt.date, str] | None) -> Event | None:
    """ "Obama spoke two days after the allies launched airstrikes": the launch is the speech's date less two days."""
    tokens = sentence.tokens
    v = earlier_clause(tokens, trigger_head(tokens, event.trigger))
    found = offset_clause(tokens, v) if v is not None else None
    if found is None:
        return _same_day_after(event, sentence, times, v)
    governor, days, precision, phrase = found
    chosen, _ = choose_time(sentence, governor, times)
    if chosen is not None and chosen.date is not None and chosen.precision is DatePrecision.DAY \
            and chosen.enddate == chosen.date:
        base, base_why = chosen.date, f"{tokens[governor].text!r} is dated {chosen.text!r} = {chosen.date.isoformat()}"
    elif news_day is not None:
        base, base_why = news_day[0], f"{tokens[governor].text!r} is the news of {news_day[0].isoformat()}"
    else:
        base, base_why = reference, f"{tokens[governor].text!r} is the news of the reference date"
    date = base + dt.timedelta(days=days)
    if _reported_done(event) and date > reference + dt.timedelta(days=1):
        return None  # "the announcement comes a week before Trump meets Putin": the meeting is a plan
    prec = DatePrecision(precision)
    return dataclasses.replace(event, date=date, enddate=date, date_precision=prec, date_source=DateSource.RELATIVE,
                               date_reason=f"'{phrase}' {tokens[governor].text!r}: {base_why}, so "
                                           f"{abs(days)} day(s) {'before' if days < 0 else 'after'}: {date.isoformat()}")


_RECENT_DAY_KINDS = frozenset({"weekday", "relative"})


def _same_day_after(event: Event, sentence: Sentence, times: Sequence[TimeExpression], clause: int | None
                    ) -> Event | None:
    """ "North Koreans danced in the streets Wednesday after the regime fired a rocket": a plain "after" clause under
    an act the text dates to a recent day by a weekday or a day word ("Wednesday", "yesterday") is news of that
    day; an "after" clause under an act dated by a calendar date, or none, keeps no date (background)."""
    if clause is None or _mark(sentence.tokens, clause) != "after":
        return None
    governor = sentence.tokens[clause].head
    chosen, _ = choose_time(sentence, governor, times)
    if chosen is None or chosen.date is None or chosen.kind not in _RECENT_DAY_KINDS \
            or chosen.precision is not DatePrecision.DAY or chosen.enddate != chosen.date:
        return None
    return dataclasses.replace(
        event, date=chosen.date, enddate=chosen.date, date_precision=DatePrecision.DAY, date_source=DateSource.RELATIVE,
        date_reason=f"'after ... {sentence.tokens[clause].text}' under {sentence.tokens[governor].text!r}, dated "
                    f"{chosen.text!r} = {chosen.date.isoformat()}: news of the same day ({chosen.reason})")


def _reported_before(sentence: Sentence, head: int, times: Sequence[TimeExpression]) -> str | None:
    """Why an act reported in an "after"/"since" clause is earlier than the news, or None: "The blast came days after
    the general said rebels had attacked the base". Under an act dated by a weekday or a day word ("danced on
    Wednesday after the regime said it had launched a rocket") it is news of that day, as a plain "after" clause."""
    clause = reported_before(sentence.tokens, head)
    if clause is None:
        return None
    chosen, _ = choose_time(sentence, sentence.tokens[clause].head, times)
    if chosen is not None and chosen.kind in _RECENT_DAY_KINDS and chosen.precision is DatePrecision.DAY:
        return None
    return (f"{sentence.tokens[head].text!r} is reported in '... {sentence.tokens[clause].text}', a clause told "
            f"before the act above: earlier than the news")


def _mark(tokens: Sequence, clause: int) -> str | None:
    """The subordinator of an adverbial clause ("after", "since"), or None."""
    if tokens[clause].dep != "advcl":
        return None
    return next((t.lower for t in tokens if t.head == clause and t.dep == "mark"), None)


def _dated_by(event: Event, sentence: Sentence | None, chosen: TimeExpression, why: str,
              reference: dt.date | None) -> Event | None:
    """The event dated by `chosen`, or None when that date cannot be the event's (a past act dated after the
    reference date)."""
    date, enddate, precision = chosen.date, chosen.enddate, chosen.precision
    if "clause modifies" in why and chosen.kind == "range":
        enddate = _period_end(chosen)  # "since 2014, when Russia seized": the seizure is the start point
    elif chosen.kind == "range" and chosen.text.lower().startswith("since"):
        enddate = _period_end(chosen)  # "an offensive underway since Wednesday", "detained since February 2014"
        why += "; the act began then"
    if chosen.kind in ("weekday", "future") and reference and date and date < reference and (
            str(event.factuality) == "future" or _future_tense(sentence, chosen)):
        date = enddate = date + dt.timedelta(days=7)
        why += "; future tense: the coming weekday"
    past = _reported_done(event)
    if past and reference and date and date > reference + dt.timedelta(days=1) and \
            chosen.text.lower().startswith("this ") and date - dt.timedelta(days=7) <= reference:
        date, enddate = date - dt.timedelta(days=7), (enddate or date) - dt.timedelta(days=7)
        why += f"; a past act: the {chosen.text[5:]} just past"  # "deployed against a mob this weekend" (a Monday)
    if past and reference and date and _after_reference(date, precision, reference):
        if chosen.kind in ("absolute", "future") and _MONTH_NAME_RE.search(chosen.text) \
                and not YEAR_RE.search(chosen.text) and not _future_verb(event, sentence):
            if _present_verb(event, sentence):  # "The opposition takes over the assembly in March"
                return _undated(event, f"{why}: {chosen.reason}; a present with a later month: a schedule or a "
                                       f"standing policy, not a past act")
            shifted = _year_back(date, enddate, reference)
            if shifted is None:
                return None
            date, enddate = shifted
            why += f"; a past act: the year before, {date.year}"
        else:
            return None
    if past and reference and date and enddate and date <= reference < enddate:
        enddate = reference  # a past act "this week" happened between Monday and the reference date
    if precision is DatePrecision.DAY:
        precision = _span_precision(date, enddate)
        if precision is None:
            return _undated(event, f"{why}: {chosen.reason}; {chosen.text!r} spans two months "
                                   f"({date.isoformat()}..{enddate.isoformat()}), so the month is unknown")
        if precision is DatePrecision.MONTH:
            why += f"; {chosen.text!r} is a span of days inside one month"
    if precision is DatePrecision.MONTH and chosen.kind == "range" and date and enddate \
            and (date.year, date.month) != (enddate.year, enddate.month):
        if date.year != enddate.year:  # "from November to February": no month, no year
            return _undated(event, f"{why}: {chosen.reason}; {chosen.text!r} spans months of two years")
        precision, date = DatePrecision.YEAR, dt.date(date.year, 1, 1)  # "from September to November of last
        # year": that year, no one month
        why += f"; {chosen.text!r} spans several months of one year"
    source = DateSource.EXPLICIT if chosen.kind in EXPLICIT_KINDS else DateSource.RELATIVE
    return dataclasses.replace(event, date=date, enddate=enddate, date_precision=precision,
                               date_source=source, date_reason=f"{why}: {chosen.reason}")


def _year_back(date: dt.date, enddate: dt.date | None, reference: dt.date) -> tuple[dt.date, dt.date | None] | None:
    """A year-less date moved back one year (a past act "on December 1" in an October article)."""
    try:
        d = date.replace(year=date.year - 1)
        e = enddate.replace(year=enddate.year - 1) if enddate else None
    except ValueError:  # February 29
        return None
    return (d, e) if d <= reference else None


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_PLAN_LEMMAS = frozenset({"plan", "prepare", "expect", "schedule", "due", "set", "intend", "aim", "hope"})


def _future_tense(sentence: Sentence | None, t: TimeExpression) -> bool:
    """True when the verb a weekday modifies is future: "will meet on Wednesday", "are arriving on Wednesday",
    "prepared to meet Wednesday", "scheduled for Thursday"."""
    if sentence is None:
        return False
    tokens = sentence.tokens
    verb = _attachment(tokens, t)
    if verb is None:
        return False
    aux = [tok for tok in tokens if tok.head == verb and tok.dep in ("aux", "auxpass")]
    if any(a.lower in _FUTURE_AUX for a in aux):
        return True
    if tokens[verb].tag == "VBG" and any(a.lemma.lower() == "be" and a.tag in ("VBZ", "VBP") for a in aux):
        return True  # present progressive with a day name: a plan
    v = tokens[verb]
    if v.lemma.lower() in _PLAN_LEMMAS and t.start > 0 and tokens[t.start - 1].lower == "for":
        return True  # "scheduled for Thursday"
    return (v.dep == "xcomp" and any(a.lower == "to" for a in aux)
            and tokens[v.head].lemma.lower() in _PLAN_LEMMAS)


def _period_end(t: TimeExpression) -> dt.date | None:
    """End of the period the expression's start date names (2014 -> 2014-12-31) for a 'since' range."""
    d = t.date
    if d is None:
        return None
    if t.precision is DatePrecision.YEAR:
        return dt.date(d.year, 12, 31)
    if t.precision is DatePrecision.MONTH:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return d


def _redate_actors(event: Event, ctx: Context, reference: dt.date | None) -> Event:
    """Re-resolve people's offices as of the event date when it lies before or after the reference date.

    The end of the event's span is used: "in 2014" asks who held office at the end of 2014, and a span that
    reaches the reference date ("since 2014", "in recent months") keeps today's office holders.
    """
    when = event.enddate or event.date
    if when is None or reference is None or event.date is None or event.date <= reference <= when:
        return event
    from ..knowledge.actors import load_knowledge

    kb = load_knowledge(ctx)
    redate = getattr(kb, "redate", None)
    if redate is None:
        return event
    return dataclasses.replace(
        event,
        actor=tuple(redate(e, when) for e in event.actor),
        recipient=tuple(redate(e, when) for e in event.recipient),
        claim_source=tuple(redate(e, when) for e in event.claim_source),
    )


def _offices(ctx: Context):
    """Person entry id -> that person's dated offices, from the actor knowledge base."""
    from ..knowledge.actors import load_knowledge

    people = getattr(load_knowledge(ctx), "people", {})
    return lambda pid: people[pid].offices if pid in people else ()


@stage("dates", requires=("events", "reference_date"), provides=("times",))
def date_events(doc: Document, ctx: Context) -> Document:
    """Events + reference date -> times and event dates. Requires: events, reference_date. Provides: times."""
    ref = doc.reference_date
    by_sentence: dict[int, list[TimeExpression]] = {}
    for s in doc.sentences:
        by_sentence[s.index] = sentence_times(s, ref)
    by_sentence = updated_story(doc.sentences, by_sentence, ref)  # "early Wednesday" in a Tuesday article
    by_sentence = anchor_offsets(doc.sentences, by_sentence, ref)
    by_sentence = episodes.repeated_days(doc.sentences, by_sentence)  # "the March 22 meeting" after "March 22, 2017"
    sentences = {s.index: s for s in doc.sentences}
    occasions = occasion_dates(doc.sentences, by_sentence)
    acts = act_noun_dates(doc.sentences, by_sentence)
    news = news_day(doc.sentences, by_sentence, ref)
    attack = lead_attack_day(doc.sentences, by_sentence, ref) if news is None else None
    carried = carried_days(doc.sentences, by_sentence, ref)
    periods = carried_periods(doc.sentences, by_sentence, ref)
    retrospective = carried_background(doc.sentences, by_sentence, earlier_period)
    chronology = Chronology.of(doc, by_sentence)
    events = []
    for ev in doc.events:
        idx = ev.text_info.sentence
        day = carried.get(idx, attack if attack is not None and ev.quad_code == 4 else news)
        if idx not in carried and day is news and news is not None and idx >= NEWS_DAY_SENTENCES \
                and idx in sentences and told_now(sentences[idx], trigger_head(sentences[idx].tokens, ev.trigger)):
            day = None  # "Iran denies involvement": a present is the time of writing, not the lead's news day
        if idx in carried and not carried[idx][1].startswith(("the quotation", "the speaker")) \
                and other_actor_clause(sentences[idx].tokens, trigger_head(sentences[idx].tokens, ev.trigger)):
            day = news  # "She requested an extension, but the office denied it": the office's act is not her story
        dated = date_event(ev, sentences.get(idx), by_sentence.get(idx, ()), ref, doc.reference_reason, news_day=day)
        if dated.date_source is DateSource.REFERENCE and idx in sentences:
            dated = act_noun_again(dated, sentences[idx], acts, ref)  # "Macaire was arrested" after "the arrest
            # Saturday of Macaire"
        if dated.date_source in (DateSource.REFERENCE, None):
            by_occasion = date_by_occasion(dated, sentences.get(idx), occasions)
            if not (_reported_done(ev) and ref and by_occasion.date and by_occasion.date > ref + dt.timedelta(days=1)):
                dated = by_occasion  # an asserted act never takes the date of a planned occasion
        if idx in sentences:  # "Two days after the summit", "Hours after Friday's bombing"
            head = trigger_head(sentences[idx].tokens, ev.trigger)
            dated = episodes.date_by_episode_offset(dated, sentences[idx], head, by_sentence.get(idx, ()),
                                                    occasions, ref)
            # "a wedding party attack" ... "the attack late Saturday"
            dated = episodes.date_by_occasion_dated_next(dated, sentences[idx], head, occasions, ref, sentences)
        if dated.date_source is DateSource.REFERENCE and idx in periods and idx not in carried \
                and (idx not in chronology.later  # "later" undates only when it counts from a past date
                     or later_told(sentences[idx].tokens, trigger_head(sentences[idx].tokens, ev.trigger)) is None):
            t, why = periods[idx]  # "Pence visited Afghanistan in December 2017." ... "Pence met with Afghan leaders"
            precision = _span_precision(t.date, t.enddate) if t.precision is DatePrecision.DAY else t.precision
            if precision is not None:  # a week across two months ("last week") gives no month
                dated = dataclasses.replace(dated, date=t.date, enddate=t.enddate, date_precision=precision,
                                            date_source=DateSource.EXPLICIT,
                                            date_reason=f"{dated.date_reason.split('; ')[0]}; {why}: {t.reason}")
        if idx in sentences and idx not in carried:  # the article's chronology: recalled acts, opinion, "at the time"
            dated = chronology.place(dated, sentences[idx], trigger_head(sentences[idx].tokens, ev.trigger))
        if dated.date_source is DateSource.REFERENCE and ref is not None:
            term = ended_term(ev.actor, _offices(ctx), ref)
            if term is None and idx in retrospective and idx not in carried:
                term = retrospective[idx]
            if term is not None:
                dated = _undated(dated, f"{dated.date_reason.split('; ')[0]}; {term}: the text does not say when")
        events.append(dated)
    events = [_redate_actors(e, ctx, ref) for e in same_act_days(events, sentences, ref)]  # "After opening fire, ..."
    times = tuple(t for s in doc.sentences for t in by_sentence[s.index])
    return dataclasses.replace(doc, times=times, events=tuple(events))


__all__ = ["Temporal", "choose_time", "date_by_occasion", "date_event", "date_events", "occasion_dates",
           "sentence_times"]
