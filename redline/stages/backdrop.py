"""backdrop: more cues that an event is told as background or as a standing activity (eighth round, issue 13).

Companion of `history.background_reason` (which is near its size limit): the dates stage asks these cues too for
an event whose sentence gives it no date of its own. Each returns why the event has no day of its own, or None.
Written from sample P2 of allsides-intl articles (docs/dates-and-places.md, "Eighth round"); `running_day` (a run of
days up to the news, which is no background) from sample P3 (tenth round); the test sentences in tests/test_dates.py
are our own.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Token
from .aspect import VERBAL as _VERBAL
from .aspect import aux as _aux
from .aspect import children as _children
from .aspect import clause_verb, present_perfect
from .history import PERIOD_NOUNS, REPORT_LEMMAS

# Adverbs that put an act before the acts just told, in a look back: "More recently, the administration used
# force in Libya", "Most recently, when Trump sought to fire the commander, Mattis defended him".
LOOK_BACK_ADVERBS = frozenset({"recently"})
_LOOK_BACK_DEGREE = frozenset({"more", "most"})
# "Early in his career, Obrador marched ...", "late in his term", "earlier in her presidency".
_PART_OF_PERIOD = frozenset({"early", "late", "earlier", "later"})
_LIFE_NOUNS = PERIOD_NOUNS | frozenset({"life", "youth", "administration"})
# Prepositions whose noun event is an earlier act the sentence concedes: "despite warnings from Damascus".
CONCESSIVE_PREPS = frozenset({"despite", "notwithstanding"})
# Verbs whose present perfect with an act as complement tells that the act goes on: "have started supplying arms".
_START_LEMMAS = frozenset({"start", "begin"})
# Main verbs in the present that describe a state: a participle on their noun tells a standing activity ("The
# United States has 2,000 troops in Syria backing local forces", "It does little for women demanding the right").
_REPORTS = frozenset({"say", "tell", "report", "announce", "add", "claim", "write", "state"})


def look_back(tokens: Sequence[Token], v: int) -> str | None:
    """ "More recently, the last government used force in Mali": an earlier act in a look back."""
    for t in _children(tokens, v):
        if t.dep == "advmod" and t.lower in LOOK_BACK_ADVERBS \
                and any(c.lower in _LOOK_BACK_DEGREE for c in _children(tokens, t.i)):
            degree = next(c.text for c in _children(tokens, t.i) if c.lower in _LOOK_BACK_DEGREE)
            return f"'{degree} {t.text}' on {tokens[v].text!r}: an earlier act, told in a look back"
    return None


def part_of_period(tokens: Sequence[Token], v: int) -> str | None:
    """ "Early in her career, the mayor lived in a hut ... and marched": a part of an earlier period."""
    for t in _children(tokens, v):
        if t.dep == "prep" and t.lower == "in" and any(c.dep == "advmod" and c.lower in _PART_OF_PERIOD
                                                       for c in _children(tokens, t.i)):
            nouns = [c for c in _children(tokens, t.i) if c.dep == "pobj" and c.lemma.lower() in _LIFE_NOUNS]
            if nouns:  # "visited Iraq early in their terms" (the parser hangs "early" on "in")
                return f"'early/late in ... {nouns[0].text}' on {tokens[v].text!r}: an act of an earlier period"
        if t.dep != "advmod" or t.lower not in _PART_OF_PERIOD:
            continue
        for p in _children(tokens, t.i):
            nouns = [c for c in _children(tokens, p.i) if c.dep == "pobj" and c.lemma.lower() in _LIFE_NOUNS]
            if p.dep == "prep" and p.lower == "in" and nouns:
                return f"'{t.text} in ... {nouns[0].text}' on {tokens[v].text!r}: an act of an earlier period"
    return None


def conceded(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "willing to order airstrikes despite warnings from the government": the warnings came before."""
    trig = tokens[trigger]
    head = tokens[trig.head]
    if trig.dep == "pobj" and trig.pos == "NOUN" and head.lower in CONCESSIVE_PREPS:
        return f"'{head.text} {trig.text}': an earlier act the sentence concedes"
    return None


def started_activity(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "the United States and its allies have started supplying light arms": an act under a present perfect
    "started"/"begun" goes on from a day the text does not give (material acts after the lead only; what a report
    confirms or announces is the news)."""
    trig = tokens[trigger]
    if trig.dep != "xcomp" or trig.tag not in ("VBG", "VB"):
        return None
    head = tokens[trig.head]
    if head.dep == "ccomp" and tokens[head.head].lemma.lower() in REPORT_LEMMAS:
        return None  # "the White House confirmed the administration has started returning troops home": the news
    if head.lemma.lower() in _START_LEMMAS and present_perfect(tokens, head.i):
        return f"present perfect '{head.text} {trig.text}': an activity going on, not one day's act"
    return None


def standing_participle(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "France has some 1,500 soldiers in Mali backing local troops", "it does little for Saudi women
    demanding the right to drive": a present participle on a noun whose clause is a present state tells a standing
    activity of that noun, not one day's act (under a past verb it shares its day: "protesters chanting slogans
    clashed with police on Monday")."""
    trig = tokens[trigger]
    if trig.tag != "VBG" or trig.dep != "acl" or tokens[trig.head].pos not in ("NOUN", "PROPN") or _aux(tokens, trigger):
        return None  # (with an auxiliary it is a clause the parser hung on the noun: "the themes – that Russia was
        # interfering in American politics – remain accurate")
    i, seen = trig.head, {trigger}
    while tokens[i].pos not in _VERBAL and tokens[i].head != i and i not in seen:
        seen.add(i)
        i = tokens[i].head
    gov = tokens[i]
    if gov.pos not in _VERBAL or gov.tag not in ("VBZ", "VBP") or gov.lemma.lower() in _REPORTS:
        return None
    if any(a.lower in ("will", "would", "could", "may", "might", "must", "should", "can") for a in _aux(tokens, i)):
        return None
    return (f"participle {trig.text!r} on {tokens[trig.head].text!r} under the present {gov.text!r}: a standing "
            f"activity, not one day's act")


# Words that make a day the start of what was agreed or ordered, not the day of the agreeing: "agreed to a 12-hour
# ceasefire from 07:00 am Saturday", "announced a curfew starting Monday", "imposed sanctions effective Friday".
START_WORDS = frozenset({"from", "starting", "beginning", "effective", "commencing"})


def starts_object(tokens: Sequence[Token], start: int) -> str | None:
    """The word ("from", "starting") that makes the expression beginning at token `start` the start of a period
    the act sets, or None: it is at most three tokens before (a clock time may come between) with no verb, comma
    or other clause word between ("from 07:00 am Saturday"; not "from Paris on Monday" ... "Monday" stands alone)."""
    for i in range(start - 1, max(-1, start - 4), -1):
        tok = tokens[i]
        if tok.lower in START_WORDS:
            return tok.text
        if tok.dep in ("det", "poss"):
            return None  # "withdrew from a 2015 accord": the year names the accord, it starts nothing
        if tok.pos in ("VERB", "AUX", "PUNCT", "PROPN", "NOUN") and not tok.text[:1].isdigit() \
                and tok.lower not in ("am", "pm", "a.m.", "p.m.", "noon", "midnight", "gmt", "utc"):
            return None
    return None


_RUN_UNITS = frozenset({"day", "night", "evening", "weekend"})
_RUN_WORDS = frozenset({"consecutive", "straight", "successive", "running"})
_ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split())


def running_day(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "crowds who took to the streets for a fourth consecutive day", "have rallied for a second straight night":
    the act repeats day after day up to the news, so it is told as the news day's (not as background), or None."""
    if not 0 <= trigger < len(tokens):
        return None
    for head in {clause_verb(tokens, trigger), trigger}:
        for prep in _children(tokens, head):
            if prep.dep != "prep" or prep.lower != "for":
                continue
            for unit in _children(tokens, prep.i):
                if unit.dep != "pobj" or unit.lemma.lower() not in _RUN_UNITS:
                    continue
                words = {c.lower for c in _children(tokens, unit.i) if c.dep in ("amod", "nummod", "advmod")}
                if words & _ORDINALS or words & _RUN_WORDS or any(w[:1].isdigit() and w.endswith(("nd", "rd", "th"))
                                                                   for w in words):
                    return f"'for the ... {unit.text}' on {tokens[head].text!r}: a run of days up to the news"
    return None


def made_before(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "the sanctions imposed by the council", "a weapons embargo imposed by the allies", "earlier penalties
    announced by the treasury": an act noun its own participle with a doer describes as made is told as done
    before the news (after the lead; a date on it dates it: "the sanctions imposed by the council on Monday"). Not
    a participle set off by a comma, which describes an act already named ("The warning, issued by the embassy,
    states ..."), nor a noun in an "of" phrase of another noun, whose act it is ("made drops of arms provided by
    the allies": the drops)."""
    if not 0 <= trigger < len(tokens) or tokens[trigger].pos != "NOUN":
        return None
    noun = tokens[trigger]
    if noun.dep == "pobj" and tokens[noun.head].lower == "of" and tokens[tokens[noun.head].head].pos == "NOUN":
        return None
    for c in _children(tokens, trigger):
        if c.dep == "acl" and c.tag == "VBN" and tokens[c.i - 1].text != "," \
                and any(a.dep == "agent" for a in _children(tokens, c.i)):
            return f"'{tokens[trigger].text} {c.text} by ...': an act its own participle tells as made before"
    return None


def since_span_act(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "Since taking office, the president has ordered two strikes", "Since the minister released his letter, the
    president has accused the ministry of bias", "has attacked the ministry since the election": a present perfect
    from an act or an occasion up to now tells acts over that span, not one day's (a date after "since" is read by
    `history.since_span`). A causal "since" ("Since the law is unclear, the court has asked") is not a span: its
    clause is in the present."""
    if not 0 <= trigger < len(tokens):
        return None
    v = clause_verb(tokens, trigger)
    if tokens[v].dep == "conj" and not any(t.dep in ("nsubj", "nsubjpass") for t in _children(tokens, v)):
        v = tokens[v].head  # "Since ..., the mayor has fired his aide and accused the police": the first verb's
    if not present_perfect(tokens, v):
        return None
    for c in _children(tokens, v):
        if c.dep == "prep" and c.lower == "since":
            obj = next((o for o in _children(tokens, c.i) if o.dep in ("pobj", "pcomp")), None)
            if obj is not None and (obj.tag == "VBG" or obj.pos in ("NOUN", "PROPN")):
                return f"'since ... {obj.text}' on the present perfect {tokens[v].text!r}: acts over the span up to now"
        elif c.dep == "advcl" and c.tag in ("VBD", "VBN") and any(m.dep == "mark" and m.lower == "since"
                                                                  for m in _children(tokens, c.i)):
            if not any(a.lower in ("is", "are", "am") for a in _aux(tokens, c.i)):
                return f"'since ... {c.text}' on the present perfect {tokens[v].text!r}: acts over the span up to now"
    return None


# Marks of a clause told before the act it modifies ("before" tells a later step; see clauses.later_before).
_BEFORE_MARKS = frozenset({"after", "since", "following", "once"})


def reported_before(tokens: Sequence[Token], trigger: int) -> int | None:
    """The verb of the "after"/"since" clause above a report that holds the trigger, or None: "The blast came days
    after the general said rebels had attacked the base", "weeks after Trump said the group had been defeated",
    "after he stunned his team with a decision, declaring the group had been defeated". What was said in a clause
    told before the act above was said earlier, and what it reports earlier still (issue 13, seventeenth round)."""
    v = clause_verb(tokens, trigger)
    if tokens[v].dep != "ccomp":
        return None
    seen = {v}
    while tokens[v].head != v and tokens[v].head not in seen:
        dep, head = tokens[v].dep, tokens[v].head
        if dep == "pcomp" and tokens[head].lower in _BEFORE_MARKS:
            return None if _soon(tokens, head) else v  # "weeks after saying the group had been defeated"
        if dep == "advcl":
            marks = {c.lower for c in _children(tokens, v) if c.dep == "mark"}
            if marks & _BEFORE_MARKS:
                return None if _soon(tokens, v) else v
            if marks:
                return None  # "when", "as", "because": not told by its order
        elif dep not in ("ccomp", "conj", "xcomp"):
            return None
        seen.add(head)
        v = head
    return None


_SOON = frozenset({"shortly", "soon", "just", "immediately", "right", "moments", "minutes", "hours"})


def _soon(tokens: Sequence[Token], clause: int) -> bool:
    """ "shortly after an official said", "hours after saying": the same day's news, not an earlier report."""
    return any(c.lower in _SOON and c.dep in ("advmod", "npadvmod") for c in _children(tokens, clause))


def backdrop_reason(tokens: Sequence[Token], trigger: int, *, material: bool = False, after_lead: bool = False
                    ) -> str | None:
    """Why the event whose trigger is `trigger` is background or a standing activity, by the cues of this module,
    or None. material: a material act (PLOVER quad classes 2 and 4) told after the article's lead; after_lead: the
    sentence is past the lead (whose present is the day's news)."""
    if not 0 <= trigger < len(tokens):
        return None
    v = clause_verb(tokens, trigger)
    why = conceded(tokens, trigger) or look_back(tokens, v) or part_of_period(tokens, v)
    if why is None and tokens[v].dep == "conj":  # "Obrador lived in a shack, built houses and marched"
        first, seen = tokens[v].head, {v}
        while tokens[first].dep == "conj" and first not in seen:
            seen.add(first)
            first = tokens[first].head
        if not any(t.dep in ("nsubj", "nsubjpass") for t in _children(tokens, v)):
            why = look_back(tokens, first) or part_of_period(tokens, first)
    if why is None and material:
        why = started_activity(tokens, trigger)
    if why is None and after_lead:
        why = standing_participle(tokens, trigger) or made_before(tokens, trigger)
    return why


__all__ = ["START_WORDS", "backdrop_reason", "running_day", "conceded", "look_back", "made_before", "part_of_period",
           "since_span_act", "standing_participle", "started_activity", "starts_object"]
