"""dates: the reference date of a document and a date for every event.

`date_document` decides what "today" is for the text (the dateline, unless the text shows it reports
older news); `date_events` finds every temporal expression (knowledge/temporal.py) and gives each event
the one its trigger governs in the parse, else the sentence's, else the reference date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Sequence

from ..knowledge.temporal import Temporal, find_times
from ..pipeline import Context, stage
from ..records import DatePrecision, DateSource, Document, Event, Sentence, TimeExpression, Token
from .places import OCCASION_LEMMAS, occasion_nouns

log = logging.getLogger(__name__)

LEAD_PARAGRAPHS = 3  # where a republished article still shows the date it was written
REPUBLICATION_GAP_DAYS = 2  # a dateline this close to the text's latest date is normal news lag
_REPORT_LEMMAS = frozenset(
    "say tell announce state add report claim confirm deny declare warn write stress insist note "
    "accuse urge call reveal comment respond reply".split()
)
# Dependencies that open a new clause: a date inside one belongs to that clause, not to its governor.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "pcomp"})
_EXPLICIT_KINDS = frozenset({"absolute", "range"})
_YEAR_RE = re.compile(r"\d{4}")


def _today() -> dt.date:
    return dt.date.today()


def sentence_times(sentence: Sentence, reference: dt.date | None) -> list[TimeExpression]:
    """Temporal expressions of one sentence as TimeExpression records (token spans within the sentence)."""
    out = []
    for t in find_times(sentence.text, reference):
        span = _token_span(sentence, sentence.start + t.start, sentence.start + t.end)
        if span is None:
            continue
        out.append(TimeExpression(t.text, sentence.index, span[0], span[1], t.date, t.enddate, t.precision,
                                  t.kind, t.reason))
    return out


def _token_span(sentence: Sentence, start: int, end: int) -> tuple[int, int] | None:
    idx = [tok.i for tok in sentence.tokens if tok.idx < end and tok.end > start]
    return (idx[0], idx[-1] + 1) if idx else None


# ---------------------------------------------------------------- reference date


def infer_reference(sentences: Sequence[Sentence], published: dt.date | None, *,
                    today: dt.date | None = None) -> tuple[dt.date | None, str]:
    """(reference date, reason): the dateline unless the lead shows the text was written earlier.

    sentences: the parsed body; published: the dateline (Article.published); today: for the future check.
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
        explicit = [e for e in explicit if _YEAR_RE.search(e[1].text)]  # without a dateline a year-less day is a guess
        if explicit:
            d, t, s = max(explicit, key=lambda e: e[0])
            notes.append(f"no usable dateline: the latest explicit date in the lead, {t.text!r} "
                         f"(sentence {s.index}) -> {d.isoformat()}")
            return d, "; ".join(notes)
        notes.append("no dateline and no explicit day with its year in the lead: relative dates stay unresolved")
        return None, "; ".join(notes)
    # News style writes a date of the current year without the year ("said on June 17"); a lead date with its
    # year ("April 6, 2017") is background or a photo caption, never the sign of a republished report.
    reported = [e for e in explicit if _on_report_verb(e[2], e[1]) and not _YEAR_RE.search(e[1].text)]
    if reported:
        d, t, s = max(reported, key=lambda e: e[0])
        gap = (dateline - d).days
        if gap > REPUBLICATION_GAP_DAYS and not any(e[0] > d for e in explicit):
            agree = " (a weekday in the lead agrees)" if d.weekday() in weekdays else ""
            notes.append(f"republication: the lead reports {t.text!r} (sentence {s.index}) = {d.isoformat()}, "
                         f"{gap} days before the dateline {dateline.isoformat()}; the text was written then{agree}")
            return d, "; ".join(notes)
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
    ref, reason = infer_reference(doc.sentences, doc.article.published)
    return dataclasses.replace(doc, reference_date=ref, reference_reason=reason)


# ---------------------------------------------------------------- event dates


def _attachment(tokens: Sequence[Token], t: TimeExpression) -> int | None:
    """The token the expression modifies: the head of its root, through a preposition ("said on June 17")."""
    inside = range(t.start, t.end)
    roots = [tok for tok in tokens[t.start:t.end] if tok.head not in inside or tok.head == tok.i]
    if not roots:
        return None
    root = roots[0]
    if root.head == root.i:
        return None
    head = tokens[root.head]
    # climb through prepositions and adverbs: "said on June 17", "as early as Tuesday", "as of Monday"
    while head.head != head.i and (head.dep == "prep" or head.pos == "ADP"
                                   or (head.pos == "ADV" and head.dep in ("advmod", "npadvmod"))):
        head = tokens[head.head]
    return head.i


def _ancestors(tokens: Sequence[Token], i: int) -> list[int]:
    out, seen = [], {i}
    while tokens[i].head != i and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
        out.append(i)
    return out


def _local_heads(tokens: Sequence[Token], trigger: int) -> set[int]:
    """The trigger and its non-clausal dependents (arguments, prepositions, nouns), not embedded clauses."""
    keep, todo = {trigger}, [trigger]
    while todo:
        h = todo.pop()
        for tok in tokens:
            if tok.head == h and tok.i != h and tok.dep not in _CLAUSE_DEPS and tok.i not in keep:
                keep.add(tok.i)
                todo.append(tok.i)
    return keep


def choose_time(sentence: Sentence, trigger: int, times: Sequence[TimeExpression]) -> tuple[TimeExpression | None, str]:
    """The expression dating the event whose trigger token is `trigger`, and why.

    Order: an expression the event's clause hangs from ("since 2014, when Russia seized"), one on the trigger
    or its own arguments, one on the nearest governing verb ("said on June 14 that he wanted"), else the
    sentence's first dated expression.
    """
    tokens = sentence.tokens
    usable = [t for t in times if t.date is not None]
    if not usable or not 0 <= trigger < len(tokens):
        return None, "no dated expression in the sentence"
    ancestors = _ancestors(tokens, trigger)
    for a in ancestors:
        for t in usable:
            if t.start <= a < t.end and not (t.start <= trigger < t.end):
                return t, f"the event's clause modifies {t.text!r}"
    attach = {id(t): _attachment(tokens, t) for t in usable}
    local = _local_heads(tokens, trigger)
    own = [t for t in usable if attach[id(t)] in local or t.start <= trigger < t.end]
    if own:
        t = min(own, key=lambda t: abs(t.start - trigger))
        return t, f"{t.text!r} modifies the trigger {tokens[trigger].text!r}"
    for a in ancestors:
        for t in usable:
            if attach[id(t)] == a:
                return t, f"{t.text!r} modifies {tokens[a].text!r}, which governs the trigger"
    line = {trigger, *ancestors}
    others = [t for t in usable if not _in_other_clause(tokens, attach[id(t)], line)]
    if others:
        return others[0], f"{others[0].text!r} is the sentence's date (not attached to the trigger)"
    return None, "the sentence's dates belong to other clauses"


def _in_other_clause(tokens: Sequence[Token], a: int | None, line: set[int]) -> bool:
    """True when token `a` sits in a clause that is neither the trigger's nor one of its governors'."""
    if a is None:
        return False
    seen = set()
    while a not in line and a not in seen:
        seen.add(a)
        # a participle on a prepositional object ("in an interview published on June 17") dates the sentence
        participle = tokens[a].dep == "acl" and tokens[tokens[a].head].dep == "pobj"
        if tokens[a].dep in _CLAUSE_DEPS and not participle:
            return True
        if tokens[a].head == a:
            return False
        a = tokens[a].head
    return False


def date_event(event: Event, sentence: Sentence | None, times: Sequence[TimeExpression], reference: dt.date | None,
               reference_reason: str = "") -> Event:
    """One event with date, enddate, date_precision, date_source and date_reason set."""
    chosen, why = (None, "the event's sentence is missing")
    if sentence is not None:
        chosen, why = choose_time(sentence, event.trigger[0], times)
    if chosen is not None:
        date, enddate = chosen.date, chosen.enddate
        if "clause modifies" in why and chosen.kind == "range":
            enddate = _period_end(chosen)  # "since 2014, when Russia seized": the seizure is the start point
        if chosen.kind == "weekday" and reference and date and date < reference and (
                str(event.factuality) == "future" or _future_tense(sentence, chosen)):
            date = enddate = date + dt.timedelta(days=7)
            why += "; future tense: the coming weekday"
        source = DateSource.EXPLICIT if chosen.kind in _EXPLICIT_KINDS else DateSource.RELATIVE
        return dataclasses.replace(event, date=date, enddate=enddate, date_precision=chosen.precision,
                                   date_source=source, date_reason=f"{why}: {chosen.reason}")
    if reference is None:
        return dataclasses.replace(event, date=None, enddate=None, date_precision=None, date_source=None,
                                   date_reason=f"{why}; no reference date ({reference_reason or 'none'})")
    return dataclasses.replace(event, date=reference, enddate=reference, date_precision=DatePrecision.DAY,
                               date_source=DateSource.REFERENCE, date_reason=f"{why}; the reference date")


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


def occasion_dates(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]]
                   ) -> dict[str, list[tuple[int, TimeExpression]]]:
    """Occasion noun lemma -> [(sentence, expression)] for "a summit on Wednesday", "held talks last week"."""
    out: dict[str, list[tuple[int, TimeExpression]]] = {}
    for s in sentences:
        tokens = s.tokens
        for t in times.get(s.index, ()):
            a = _attachment(tokens, t) if t.date is not None else None
            if a is None:
                continue
            nouns = [a] if tokens[a].pos == "NOUN" else [
                c.i for c in tokens if c.head == a and c.dep in ("dobj", "nsubj", "nsubjpass") and c.pos == "NOUN"]
            for n in nouns:
                if tokens[n].lemma.lower() in OCCASION_LEMMAS:
                    out.setdefault(tokens[n].lemma.lower(), []).append((s.index, t))
    return out


def date_by_occasion(event: Event, sentence: Sentence | None,
                     occasions: dict[str, list[tuple[int, TimeExpression]]]) -> Event:
    """An event left with the reference date that refers back to an occasion dated earlier ("agreed at the summit"
    after "a summit on Wednesday") takes that occasion's date, when the article gives it exactly one date."""
    if sentence is None or not occasions:
        return event
    for i in occasion_nouns(sentence, event.trigger[0]):
        lemma = sentence.tokens[i].lemma.lower()
        earlier = [(n, t) for n, t in occasions.get(lemma, ()) if n < sentence.index]
        if len({(t.date, t.enddate) for _, t in earlier}) != 1:
            continue
        n, t = earlier[0]
        source = DateSource.EXPLICIT if t.kind in _EXPLICIT_KINDS else DateSource.RELATIVE
        return dataclasses.replace(
            event, date=t.date, enddate=t.enddate, date_precision=t.precision, date_source=source,
            date_reason=f"'{sentence.tokens[i].text}' refers back to the {lemma} dated {t.text!r} in sentence {n}: "
                        f"{t.reason}")
    return event


@stage("dates", requires=("events", "reference_date"), provides=("times",))
def date_events(doc: Document, ctx: Context) -> Document:
    """Events + reference date -> times and event dates. Requires: events, reference_date. Provides: times."""
    ref = doc.reference_date
    by_sentence: dict[int, list[TimeExpression]] = {}
    for s in doc.sentences:
        by_sentence[s.index] = sentence_times(s, ref)
    sentences = {s.index: s for s in doc.sentences}
    occasions = occasion_dates(doc.sentences, by_sentence)
    events = []
    for ev in doc.events:
        idx = ev.text_info.sentence
        dated = date_event(ev, sentences.get(idx), by_sentence.get(idx, ()), ref, doc.reference_reason)
        if dated.date_source in (DateSource.REFERENCE, None):
            dated = date_by_occasion(dated, sentences.get(idx), occasions)
        events.append(_redate_actors(dated, ctx, ref))
    times = tuple(t for s in doc.sentences for t in by_sentence[s.index])
    return dataclasses.replace(doc, times=times, events=tuple(events))


__all__ = ["Temporal", "choose_time", "date_by_occasion", "date_document", "date_event", "date_events",
           "infer_reference", "occasion_dates", "sentence_times"]
