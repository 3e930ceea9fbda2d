"""episodes: an act the article dates through an episode it tells in another clause (issue 13, twelfth round).

An act told with no time of its own often continues an episode the text dates elsewhere:

- a "when" clause on the act's clause gives the time of the whole sentence: "When the army shelled the port in
  2019, it sparked protests" (2019), "When the two met on Monday, the envoy raised the hostages"
  (`when_clause_date`);
- an offset from an occasion: "Three days after the meeting, the minister criticized the envoy" (a meeting the
  article dated June 2 before), "Hours after Saturday's attack, the mayor called for calm", "A day after the vote,
  the senator resigned" (`offset_from_occasion`): the occasion's day, moved by the offset; hours, minutes,
  "shortly" and "soon" keep its day;
- an occasion noun named with no date that the next sentences date (`date_by_occasion_dated_next`), a day
  repeated without its year (`repeated_days`), and an act placed only before a day (`before_dated`).

Written from sample P6 and the dev split's date errors (docs/dates-and-places.md, "Twelfth round, dates"); the
test sentences in tests/test_dates.py and tests/test_temporal.py are our own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence

from ..records import DatePrecision, DateSource, Event, Sentence, TimeExpression, Token
from .aspect import clause_verb
from .narration import attachment
from .places import occasion_key

_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# Units of an offset that stays on the occasion's day ("hours after the attack"), and of whole days.
_SAME_DAY_UNITS = frozenset({"hour", "minute", "moment"})
_DAY_UNITS = {"day": 1, "week": 7}
_SOON = frozenset({"shortly", "soon", "moments", "minutes", "hours", "immediately"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_YEAR = re.compile(r"\d{4}")


def _day_precise(t: TimeExpression) -> bool:
    return t.date is not None and t.precision is DatePrecision.DAY and t.enddate in (None, t.date)


def clause_chain_up(tokens: Sequence[Token], trigger: int) -> list[int]:
    """The trigger's clause verb and, while it is a conjunct with no subject of its own, the verb it joins: "Hours
    after the attack, the mayor called for calm and criticized the rebels" puts "criticized" in the clause of
    "called"."""
    v = clause_verb(tokens, trigger)
    chain = [v]
    while tokens[v].dep == "conj" and tokens[v].head != v \
            and not any(c.head == v and c.dep in _SUBJECTS for c in tokens):
        v = tokens[v].head
        chain.append(v)
    return chain


def when_clause_date(tokens: Sequence[Token], trigger: int, usable: Sequence[TimeExpression],
                     attach: Mapping[int, int | None]) -> TimeExpression | None:
    """The expression on a "when" clause of the trigger's clause verb: "When the army shelled the port in 2019, it
    sparked protests" dates the protests 2019. The caller asks only when nothing in the trigger's own clause dates
    it."""
    if not 0 <= trigger < len(tokens):
        return None
    chain = clause_chain_up(tokens, trigger)
    for c in tokens:
        if c.dep != "advcl" or c.head not in chain or c.i == c.head:
            continue
        if not any(w.head == c.i and w.lower == "when" and w.dep in ("advmod", "mark") and w.i < c.i for w in tokens) \
                and not _while_clause(tokens, c.i):
            continue
        for t in usable:
            if attach.get(id(t)) == c.i and t.kind not in ("duration", "future"):
                return t
    return None


# Verbs of an "as" clause that comments on the sentence ("as the ministry reported last week"), not its time.
_COMMENT_LEMMAS = frozenset({"say", "report", "note", "write", "announce", "predict", "expect", "warn", "tell",
                             "show", "suggest", "indicate", "put", "explain", "describe", "claim"})


def _while_clause(tokens: Sequence[Token], verb: int) -> bool:
    """An "as"/"while" clause told in the past, whose time is the sentence's: "As protests spread through the
    capital in March 2011, the government resisted calls for reform", "As the embassy was under assault on
    Tuesday, senators blamed Tehran" (eighteenth round). Not "as the ministry reported last week" (a comment) nor
    a present ("as prices rise this year")."""
    verb_tok = tokens[verb]
    if not any(w.head == verb and w.lower in ("as", "while") and w.dep == "mark" and w.i < verb for w in tokens):
        return False
    if verb_tok.lemma.lower() in _COMMENT_LEMMAS:
        return False
    aux = [w.lower for w in tokens if w.head == verb and w.dep in ("aux", "auxpass")]
    subject = any(w.head == verb and w.dep == "nsubj" for w in tokens)  # a past the tagger reads as a participle
    return (verb_tok.tag == "VBD" or verb_tok.tag == "VBN" and subject) and not aux \
        or any(a in ("was", "were") for a in aux)


def _offset(tokens: Sequence[Token], prep: int) -> int | None:
    """The days an "after"/"before" phrase moves from its occasion, from the words just before the preposition:
    "three days after" 3, "a week after" 7, "hours after", "shortly after" 0; None when there is no offset (a bare
    "after the vote" only orders the act)."""
    if prep == 0:
        return None
    word = tokens[prep - 1]
    lemma = word.lemma.lower()
    if word.lower in _SOON or lemma in _SAME_DAY_UNITS:
        return 0
    if lemma in _DAY_UNITS and word.lower == lemma:  # singular: "a day after", "one week before"
        n = tokens[prep - 2].lower if prep >= 2 else ""
        return _DAY_UNITS[lemma] if n in ("a", "an", "one", "the") else None
    if lemma in _DAY_UNITS and prep >= 2:
        n = tokens[prep - 2]
        count = int(n.text) if n.text.isdigit() else _NUMBERS.get(n.lower)
        if count is not None and count <= 31:
            return count * _DAY_UNITS[lemma]
    return None


def offset_from_occasion(tokens: Sequence[Token], trigger: int, times: Sequence[TimeExpression], index: int,
                         occasions: Mapping[str, Sequence[tuple[int, TimeExpression]]]
                         ) -> tuple[dt.date, str] | None:
    """(day, why) for an act placed by an offset from an occasion the text dates to a day: in the phrase itself
    ("Hours after Saturday's attack") or elsewhere in the article, once ("Three days after the meeting" after "a
    meeting on June 2"). The phrase hangs from the trigger's clause."""
    if not 0 <= trigger < len(tokens):
        return None
    chain = set(clause_chain_up(tokens, trigger))
    for prep in tokens:
        if prep.lower not in ("after", "before") or prep.dep != "prep" or clause_verb(tokens, prep.i) not in chain:
            continue
        offset = _offset(tokens, prep.i)
        noun = next((c for c in tokens if c.head == prep.i and c.dep == "pobj" and c.pos == "NOUN"), None)
        if offset is None or noun is None:
            continue
        own = [t for t in times if _day_precise(t) and attachment(tokens, t) == noun.i]
        if own:
            base, whence = own[0].date, f"{own[0].text!r}"
        else:
            key = occasion_key(noun.lemma.lower())
            told = [(n, t) for n, t in occasions.get(key, ()) if n < index] if key else []
            if not told and key:  # named here first, dated later in the article
                told = [(n, t) for n, t in occasions.get(key, ()) if n > index]
            if len({(t.date, t.enddate) for _, t in told}) != 1 or not _day_precise(told[0][1]):
                continue
            n, t = told[0]
            base, whence = t.date, f"the {key} dated {t.text!r} in sentence {n}"
        sign = 1 if prep.lower == "after" else -1
        day = base + dt.timedelta(days=sign * offset)
        return day, (f"'{' '.join(x.text for x in tokens[max(0, prep.i - 2):prep.i + 1])} ... {noun.text}': "
                     f"{sign * offset:+d} day(s) from {whence} = {base.isoformat()}")
    return None


def date_by_episode_offset(event: Event, sentence: Sentence, trigger: int, times: Sequence[TimeExpression],
                           occasions: Mapping[str, Sequence[tuple[int, TimeExpression]]],
                           reference: dt.date | None) -> Event:
    """The event the sentence dated by no expression of its own (the reference date, the news day, or undated as an
    act only ordered after an occasion) placed by an offset from a dated occasion, when that day is not after the
    reference date."""
    if event.date_source not in (DateSource.REFERENCE, None):
        return event
    found = offset_from_occasion(sentence.tokens, trigger, times, sentence.index, occasions)
    if found is None or (reference is not None and found[0] > reference):
        return event
    day, why = found
    first = event.date_reason.split("; ")[0]
    return dataclasses.replace(event, date=day, enddate=day, date_precision=DatePrecision.DAY,
                               date_source=DateSource.RELATIVE, date_reason=f"{first}; {why}")


# How many sentences after the one naming an occasion may date it: "A car bomb attack on a market killed nine, the
# governor said. Twelve were wounded in the attack late Saturday".
DATED_NEXT_SENTENCES = 2
# Occasions held on one day, which a day given in the next sentences dates whole.
_ONE_DAY_OCCASIONS = frozenset({"attack", "vote", "election", "referendum", "ceremony", "meeting", "summit", "rally"})


def _names_again(tokens: Sequence[Token], lemma: str) -> bool:
    """Does the sentence name the occasion again with the same noun, without a number of its own ("the attack",
    not "the 2005 attacks")?"""
    return any(t.pos == "NOUN" and t.lemma.lower() == lemma
               and not any(c.head == t.i and c.pos == "NUM" for c in tokens) for t in tokens)


def date_by_occasion_dated_next(event: Event, sentence: Sentence, trigger: int,
                                occasions: Mapping[str, Sequence[tuple[int, TimeExpression]]],
                                reference: dt.date | None, sentences: Mapping[int, Sentence]) -> Event:
    """An occasion noun that is the event ("a car bomb attack on a market", "a vote on the levy"), named with no date
    of its own, which the next sentences date once ("the attack late Saturday", "Friday's vote"), takes that date. Only when the
    sentence gave it none (the reference date, the news day or undated) and the date is not after the reference
    date."""
    if event.date_source not in (DateSource.REFERENCE, None) or not 0 <= trigger < len(sentence.tokens):
        return event
    tok = sentence.tokens[trigger]
    if tok.dep in ("relcl", "acl") and tok.pos == "VERB" and tok.tag == "VBD":  # "an attack that killed nine": the
        tok = sentence.tokens[tok.head]  # clause tells the occasion itself
    key = occasion_key(tok.lemma.lower()) if tok.pos == "NOUN" else None
    if key not in _ONE_DAY_OCCASIONS:
        return event  # protests, talks and trips go on for days: a day the next sentences give is one of them
    # the same word named again on a day ("the attack late Saturday"); "the 2005 subway bombings" is another one
    later = [(n, t) for n, t in occasions.get(key, ())
             if sentence.index < n <= sentence.index + DATED_NEXT_SENTENCES and _day_precise(t)
             and n in sentences and _names_again(sentences[n].tokens, tok.lemma.lower())]
    if len({(t.date, t.enddate) for _, t in later}) != 1 or (reference is not None and later[0][1].date > reference):
        return event
    n, t = later[0]
    source = DateSource.EXPLICIT if t.kind in ("absolute", "range") else DateSource.RELATIVE
    first = event.date_reason.split("; ")[0]
    return dataclasses.replace(event, date=t.date, enddate=t.enddate, date_precision=t.precision, date_source=source,
                               date_reason=f"{first}; the {key} {tok.text!r} is dated {t.text!r} in sentence {n}: "
                                           f"{t.reason}")


def placed_before(tokens: Sequence[Token], trigger: int) -> set[int]:
    """The objects of "before ..." and "prior to ..." phrases on the trigger's clause ("withdrew the draft before
    Friday's vote": "vote"): a day on them dates the occasion the act came before, not the act."""
    if not 0 <= trigger < len(tokens):
        return set()
    chain = set(clause_chain_up(tokens, trigger)) | {trigger}
    out = set()
    for prep in tokens:
        prior = prep.lower == "to" and tokens[prep.head].lower == "prior" and tokens[prep.head].head in chain
        if prep.dep == "prep" and (prior or (prep.lower == "before" and prep.head in chain)) \
                and _offset(tokens, prep.i if not prior else prep.head) is None:
            out.update(c.i for c in tokens if c.head == prep.i and c.dep in ("pobj", "pcomp") and c.pos != "PROPN")
    return out


def without_before_times(tokens: Sequence[Token], trigger: int, dated: list[TimeExpression],
                         usable: list[TimeExpression], attach: Mapping[int, int | None]
                         ) -> tuple[list[TimeExpression], list[TimeExpression], str | None]:
    """`dated` and `usable` without the days of "before ..." phrases on the trigger's clause, and why the act has
    no time when they were all there was."""
    ahead = placed_before(tokens, trigger)
    # only a day: "attacked the polling stations before the 2016 election" is still of that year (as the dev gold)
    first = [t for t in dated if attach.get(id(t)) in ahead and _day_precise(t)]
    if not first:
        return dated, usable, None
    dated = [t for t in dated if t not in first]
    usable = [t for t in usable if t not in first]
    why = None if dated else f"{first[0].text!r} dates {tokens[attach[id(first[0])]].text!r}, which the act came before"
    return dated, usable, why


def before_dated(tokens: Sequence[Token], trigger: int, times: Sequence[TimeExpression]) -> str | None:
    """Why the act is only placed before a dated occasion or act ("the envoy withdrew the draft before Friday's
    vote", "was criticized by the mayor prior to being adopted Friday"), with no offset and no day of its own, or
    None: the text does not say when."""
    for obj in sorted(placed_before(tokens, trigger)):
        for t in times:
            if _day_precise(t) and t.kind not in ("duration", "future") and attachment(tokens, t) == obj:
                return f"'{tokens[obj].text} {t.text}': an act placed only before it"
    return None


def repeated_days(sentences: Sequence[Sentence], times: Mapping[int, Sequence[TimeExpression]]
                  ) -> dict[int, list[TimeExpression]]:
    """The times of every sentence, where a day written without a year repeats a day the article gave with its
    year before ("a meeting on March 22, 2017" ... "the March 22 meeting"): that year, not the one closest to the
    reference date."""
    full: dict[tuple[int, int], tuple[int, TimeExpression]] = {}
    out: dict[int, list[TimeExpression]] = {}
    for s in sentences:
        fixed = []
        for t in times.get(s.index, ()):
            if _day_precise(t) and t.kind == "absolute":
                key = (t.date.month, t.date.day)
                if _YEAR.search(t.text):
                    full.setdefault(key, (s.index, t))
                elif "taken from the reference date" in t.reason and key in full \
                        and full[key][1].date.year != t.date.year:
                    n, given = full[key]
                    t = dataclasses.replace(t, date=given.date, enddate=given.date,
                                            reason=f"{t.text!r} repeats {given.text!r} (sentence {n}): year "
                                                   f"{given.date.year}")
            fixed.append(t)
        out[s.index] = fixed
    return out


__all__ = ["DATED_NEXT_SENTENCES", "before_dated", "clause_chain_up", "date_by_episode_offset",
           "date_by_occasion_dated_next", "offset_from_occasion", "placed_before", "repeated_days", "when_clause_date",
           "without_before_times"]
