"""Retellings: how a sentence tells an act earlier than its news, so that the act is not dated on the news day.

Used by the dates stage (dates.py). Six patterns, each a pure function over the parsed sentence and its
temporal expressions:

- a year or month written inside a noun phrase ("Bush's 2003 invasion", "last year's expulsion") dates that
  noun's occasion, not the act that names it (`dates_noun_only`);
- an act placed only after such a dated occasion ("killed hundreds of soldiers following the 2003 invasion") is
  somewhere after it: the text does not say when (`after_dated_occasion`);
- a "when" clause right after a time expression explains that time ("as it did two months ago, when the U.S.
  began a bombing campaign") and takes its date (`when_clause_time`);
- after the lead, an act named by a possessed noun ("the regime's attacks", "his withdrawal from Iraq") is a known
  act the sentence refers to, not its news (`possessed_occasion`);
- an occasion named in what an earlier report told ("In January, CNN reported that Flynn's calls were
  captured") was before the report, at a time the text does not give (`earlier_report`);
- an act named by its noun and dated ("the arrest Saturday of Ambassador Rob Macaire") and told again by its verb
  on the same name ("Macaire was arrested") takes that date (`act_noun_dates`, `act_noun_again`);
- a past clause that describes such a dated occasion ("a 2009 truck bombing in the capital that killed 40 people",
  "the 2011 uprising that toppled the regime") tells the occasion itself and takes its year or month
  (`described_occasion`);
- a past clause with its own subject joined to a clause dated by a year or month long before the article ("Tillerson
  took charge in Russia in 1998 ... and the Kremlin demanded that deals be revised") goes on in that past
  narration, after its date at a time the text does not give, not on the news day (`joined_to_past`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..records import DatePrecision, DateSource, Event, Sentence, TimeExpression, Token
from .history import EARLIER_MARKERS, ROLE_NOUNS, clause_verb, trigger_head
from .narration import attachment

_NOUN_DATE_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod", "npadvmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_COARSE = (DatePrecision.YEAR, DatePrecision.MONTH)
_INSIDE_PHRASE = frozenset({"pobj", "prep", "acl", "conj", "appos", "compound", "nmod"})
_DURING = frozenset({"in", "during", "at", "before", "ahead", "around", "throughout", "amid"})
# verbs that publish what someone found out: what they report was done before the report
REPORT_LEMMAS = frozenset("report reveal disclose uncover learn discover document expose".split())


def dates_noun_only(tokens: Sequence[Token], t: TimeExpression, noun: int | None, trigger: int) -> bool:
    """True when `t` is a year or month written before a noun inside its phrase ("the 2003 invasion", "Bush's 2003
    invasion", "last year's expulsion"), or a possessive day or week ("in last week's attack") and that noun is neither the trigger nor the trigger's subject ("the 2003
    invasion killed thousands" is dated 2003)."""
    if noun is None or noun == trigger or tokens[noun].pos not in ("NOUN", "PROPN") or t.end > noun:
        return False
    roots = [tok for tok in tokens[t.start:t.end] if not t.start <= tok.head < t.end]
    if not roots or any(r.head != noun or r.dep not in _NOUN_DATE_DEPS for r in roots):
        return False
    # a possessive day or week too: "in last week's attack", "Monday's vote"
    if t.precision not in _COARSE and not all(r.dep == "poss" for r in roots):
        return False
    if tokens[noun].dep in _SUBJECTS and tokens[noun].head == trigger:
        return False
    # "meddled in the 2016 election", "hacked before the 2016 election": the occasion is the act's time (not when
    # the phrase is on a noun: "condemns the use of gas in last week's attack")
    prep = tokens[tokens[noun].head]
    return not (tokens[noun].dep == "pobj" and prep.lower in _DURING and tokens[prep.head].pos not in ("NOUN", "PROPN"))


def described_occasion(tokens: Sequence[Token], trigger: int, named: Sequence[TimeExpression], attach: dict
                        ) -> TimeExpression | None:
    """The year or month of an occasion noun that the trigger's past clause describes: "a 2009 truck bombing in the
    capital that killed 40 people" (the parse may hang the clause on the noun of a phrase of the occasion), "the 2011
    uprising that toppled the regime", "the 2015 accord signed by both sides". `named` are the expressions that
    `dates_noun_only` found written before a noun; a person's role ("the 2016 candidate who said") is no occasion."""
    if not 0 <= trigger < len(tokens) or not named:
        return None
    verb = tokens[clause_verb(tokens, trigger)]
    if verb.dep not in ("relcl", "acl") or verb.tag not in ("VBD", "VBN"):
        return None
    if any(a.head == verb.i and a.dep in ("aux", "auxpass") and a.lower in ("will", "would", "can", "could", "may",
                                                                          "might", "must", "should")
           for a in tokens):
        return None
    # the parse may hang the clause on a noun deeper in the occasion's phrase: "a 2009 bombing in the capital that
    # killed", "a 2009 bombing of a market frequented by families that killed"
    nouns, i = {verb.head}, verb.head
    while tokens[i].dep in _INSIDE_PHRASE and tokens[i].head != i and len(nouns) < 8:
        i = tokens[i].head
        nouns.add(i)
    for t in named:
        noun = attach.get(id(t))
        if noun in nouns and tokens[noun].pos == "NOUN" and tokens[noun].lemma.lower() not in ROLE_NOUNS:
            return t
    return None


def joined_to_past(tokens: Sequence[Token], trigger: int, first_time: TimeExpression | None,
                   reference: dt.date) -> str | None:
    """Why the trigger's clause, a simple past with its own subject joined to a clause dated `first_time` (a year or
    month ending more than a month before the reference date), tells no act of the news day, or None. "Russia seized
    Crimea in 2014, and the West imposed sanctions" ... "the Kremlin demanded": a later step of that past, undated
    (a phrase that opens the sentence dates both clauses, `occasions.fronted_time`, before this is asked)."""
    if first_time is None or first_time.date is None or first_time.precision not in _COARSE:
        return None
    v = clause_verb(tokens, trigger)
    verb = tokens[v]
    if verb.dep != "conj" or verb.tag != "VBD" or any(a.head == v and a.dep in ("aux", "auxpass") for a in tokens):
        return None
    end = first_time.enddate or first_time.date
    if end >= reference - dt.timedelta(days=31):
        return None
    return (f"a past clause joined to {tokens[verb.head].text!r}, dated {first_time.text!r}: a later step of that "
            f"past")


def after_dated_occasion(tokens: Sequence[Token], trigger: int, times: Sequence[TimeExpression]) -> str | None:
    """Why the act is only ordered after a dated occasion ("killed soldiers following the 2003 invasion",
    "have undone gains since Moscow's 2014 annexation"), or None. The phrase hangs from the trigger's clause verb
    (or the trigger) and its noun carries a year or month of its own."""
    if not 0 <= trigger < len(tokens):
        return None
    v = clause_verb(tokens, trigger)
    for prep in tokens:
        if prep.head not in (v, trigger) or prep.dep != "prep" or prep.lower not in EARLIER_MARKERS - {"before"}:
            continue
        for noun in (c for c in tokens if c.head == prep.i and c.dep == "pobj"):
            for t in times:
                if t.date is not None and attachment(tokens, t) == noun.i \
                        and dates_noun_only(tokens, t, noun.i, trigger):
                    return (f"'{prep.text} ... {t.text} {noun.text}': an act placed only after an occasion of "
                            f"{t.text}")
    return None


def when_clause_time(tokens: Sequence[Token], above: Sequence[int], trigger: int,
                     times: Sequence[TimeExpression]) -> TimeExpression | None:
    """The expression a "when" clause of the trigger explains: "as it did two months ago, when the U.S. began a
    bombing campaign", "in 2014, when Russia seized Crimea" (whatever the parse hangs the clause from)."""
    line = {trigger, *above}
    for w in tokens:
        if w.lower != "when" or w.dep != "advmod" or w.head not in line or w.i == 0:
            continue
        before = w.i - 1 if tokens[w.i - 1].text != "," else w.i - 2
        for t in times:
            if t.date is not None and t.end - 1 == before and t.kind != "duration":
                return t
    return None


def possessed_occasion(tokens: Sequence[Token], trigger: int) -> str | None:
    """Why a possessed event noun is a known act rather than the sentence's news, or None: "stop the regime's
    attacks", "criticism of his withdrawal from Iraq", "the agency's methods did not count as torture"; not a
    pronoun's act that its verb makes now ("reiterated his call for talks", "announced their support"). The caller
    applies it after the lead only (a lead's "Trump's decision to ..." is the news) and only when no expression
    of the sentence dates the act."""
    if not 0 <= trigger < len(tokens):
        return None
    if tokens[trigger].pos != "NOUN":
        return _possessed_decision(tokens, trigger)
    owner = next((c for c in tokens if c.head == trigger and c.dep == "poss"), None)
    if owner is None:
        return None
    if owner.pos == "PRON" and tokens[trigger].dep == "dobj":
        return None  # "announced their support", "reiterated his call": the subject makes its own act now
    return f"'{owner.text} ... {tokens[trigger].text}': a possessed noun names a known act"


def _possessed_decision(tokens: Sequence[Token], trigger: int) -> str | None:
    """ "the president's decision to pull out of Syria", "Russia's decision to grant him asylum", "the U.S. decision
    to withdraw": the act an owned noun's infinitive tells is that known decision's (or move's, order's) content,
    not the sentence's news. "announced his decision to resign" (a pronoun's noun its verb makes now) is not."""
    verb = trigger
    while tokens[verb].dep == "conj" and tokens[verb].head != verb:  # "decision to break tradition and meet Kim"
        verb = tokens[verb].head
    if tokens[verb].dep != "acl" or not any(c.head == verb and c.dep == "aux" and c.lower == "to" for c in tokens):
        return None
    noun = tokens[tokens[verb].head]
    if noun.pos != "NOUN":
        return None
    owner = next((c for c in tokens if c.head == noun.i and (
        c.dep == "poss" or c.dep == "compound" and c.pos == "PROPN")), None)
    if owner is None or owner.pos == "PRON" and noun.dep == "dobj":
        return None
    return (f"'{owner.text} ... {noun.text} to {tokens[trigger].text}': the act of a known {noun.text}, not the "
            f"sentence's news")


def earlier_report(tokens: Sequence[Token], trigger: int, t: TimeExpression, governor: int | None) -> str | None:
    """Why an occasion named in what an earlier report told has no date of its own, or None. The report verb
    (`governor`, which `t` modifies) is dated to a month or a year ("In January, CNN reported", "a report last year
    revealed"); the trigger is a possessed noun, the subject of the reported act ("that Flynn's calls were
    captured"), and that act is in the simple past. The report dates the act it tells ("reported last month that
    the official resigned" is last month's news), not the earlier occasion it names."""
    if governor is None or t.precision not in _COARSE or tokens[governor].lemma.lower() not in REPORT_LEMMAS:
        return None
    v = clause_verb(tokens, trigger)
    noun = tokens[trigger]
    if v == governor or v == trigger or noun.pos != "NOUN" or noun.dep not in _SUBJECTS \
            or not any(c.head == trigger and c.dep == "poss" for c in tokens):
        return None
    aux = [c for c in tokens if c.head == v and c.dep in ("aux", "auxpass")]
    simple_past = tokens[v].tag == "VBD" and not aux or (
        tokens[v].tag == "VBN" and [a.tag for a in aux] == ["VBD"] and aux[0].dep == "auxpass")
    if not simple_past:
        return None
    return (f"{noun.text!r} is an occasion named in what {tokens[governor].text!r} ({t.text!r}) told: earlier "
            f"than the report")


__all__ = ["REPORT_LEMMAS", "after_dated_occasion", "dates_noun_only", "earlier_report", "possessed_occasion",
           "when_clause_time"]


# An act named by its noun and dated ("the temporary arrest Saturday of Ambassador Rob Macaire"), told again later
# by its verb on the same person or thing ("Visser was detained while standing in a crowd"), is that
# occasion (issue 13, eighth round). Nouns whose verb is not their own lemma or their "-ing" stem:
_NOUN_VERBS = {
    "detention": "detain", "seizure": "seize", "expulsion": "expel", "invasion": "invade", "execution": "execute",
    "abduction": "abduct", "assassination": "assassinate", "capture": "capture", "deportation": "deport",
    "arrest": "arrest", "attack": "attack", "raid": "raid", "release": "release", "kidnapping": "kidnap",
}
_AGAIN = frozenset({"again", "also", "later", "previously", "once", "twice", "repeatedly"})


def _verb_of(noun: Token) -> str | None:
    lemma = noun.lemma.lower()
    if lemma in _NOUN_VERBS:
        return _NOUN_VERBS[lemma]
    if noun.lower.endswith("ing") and len(noun.lower) > 5:  # "shelling", "bombing", "killing"
        return noun.lower[:-3]
    return None


def _patients(tokens: Sequence[Token], noun: int, t: TimeExpression) -> set[str]:
    """The last words of the names in an act noun's own phrase, outside its time expression and its clauses ("the
    arrest Saturday of Ambassador Rob Macaire" -> macaire, "the arrest on June 5 of the activist Ana Ruiz" -> ruiz)."""
    out, todo = set(), [noun]
    while todo:
        h = todo.pop()
        for c in tokens:
            if c.head != h or c.i == h or c.dep in ("relcl", "acl", "advcl", "ccomp"):
                continue
            todo.append(c.i)
            if c.pos == "PROPN" and c.dep != "compound" and not t.start <= c.i < t.end:
                out.add(c.lower)
    return out


def act_noun_dates(sentences: Sequence, times: dict) -> dict[tuple[str, str], list[tuple[int, TimeExpression]]]:
    """(verb lemma, patient word) -> [(sentence, expression)] for act nouns dated in their own phrase ("the
    temporary arrest Saturday of Ambassador Rob Macaire" -> (arrest, macaire))."""
    out: dict[tuple[str, str], list[tuple[int, TimeExpression]]] = {}
    for s in sentences:
        tokens = s.tokens
        for t in times.get(s.index, ()):
            a = attachment(tokens, t) if t.date is not None and t.kind not in ("future", "duration") else None
            if a is None or tokens[a].pos != "NOUN":
                continue
            verb = _verb_of(tokens[a])
            if verb is None:
                continue
            for who in _patients(tokens, a, t):
                out.setdefault((verb, who), []).append((s.index, t))
    return out


def act_noun_again(event: Event, sentence: Sentence, acts: dict[tuple[str, str], list[tuple[int, TimeExpression]]],
                   reference: dt.date | None) -> Event:
    """The event dated by the expression with which an earlier sentence dated its act by its noun, when its trigger
    is the verb of that noun ("was arrested") acting on the same name ("Macaire") and not told as another time
    ("again"); else the event unchanged. Never a date after the reference date."""
    found = _act_noun_time(sentence.tokens, trigger_head(sentence.tokens, event.trigger), sentence.index, acts)
    if found is None or (reference is not None and found[0].date is not None and found[0].date > reference):
        return event
    t, why = found
    source = DateSource.EXPLICIT if t.kind in ("absolute", "range") else DateSource.RELATIVE
    return dataclasses.replace(event, date=t.date, enddate=t.enddate, date_precision=t.precision, date_source=source,
                               date_reason=f"{why}: {t.reason}")


def _act_noun_time(tokens: Sequence[Token], trigger: int, index: int,
                   acts: dict[tuple[str, str], list[tuple[int, TimeExpression]]]) -> tuple[TimeExpression, str] | None:
    if not acts or not 0 <= trigger < len(tokens) or tokens[trigger].pos != "VERB":
        return None
    verb = tokens[trigger]
    kids = [t for t in tokens if t.head == trigger]
    if any(t.lower in _AGAIN for t in kids):
        return None
    names = {t.lower for k in kids if k.dep in ("dobj", "nsubjpass") for t in tokens
             if t.pos == "PROPN" and (t.i == k.i or t.head == k.i)}
    for who in sorted(names):
        earlier = [(n, t) for n, t in acts.get((verb.lemma.lower(), who), ()) if n < index]
        if len({(t.date, t.enddate) for _, t in earlier}) == 1:
            n, t = earlier[0]
            return t, f"'{verb.text}' on {who.title()!r} tells again the act its noun named, dated {t.text!r} in " \
                      f"sentence {n}"
    return None
