"""occasions: an event that names an occasion the article dated before takes that occasion's date (issue 13).

Split out of `dates.py` (ninth round). "agreed at the summit" after "a summit on Wednesday" (third round); an
occasion the text dates through the act done in it ("In a surprise trip to Iraq, Trump on Wednesday defended ...")
and named again by its owner ("Trump's trip was shrouded in secrecy", "Trump's visit comes at a time when ...")
(ninth round, from sample P3: sentences in tests/test_dates.py are our own). Also the date of a sentence's opening
phrase, which holds for every clause the sentence joins ("During a call on March 30, the two men discussed the
probe and the president urged ..."), and the date on a clause that describes an event noun ("the deal reached over
the weekend", `made_when`, moved here from `dates.py` in the tenth round).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import DateSource, Event, Sentence, TimeExpression, Token
from .aspect import clause_verb
from .clauses import ancestors
from .narration import attachment as _attachment
from .places import occasion_key, occasion_nouns

_EXPLICIT_KINDS = frozenset({"absolute", "range"})
# one occasion whichever of these words the article uses ("a surprise trip to Iraq" ... "Trump's visit")
_VISIT_LEMMAS = frozenset({"visit", "trip", "tour"})
# prepositions whose noun is the occasion the act was done in: "In a surprise trip to Iraq, Trump on Wednesday
# defended ...", "at a summit on Friday, the leaders agreed"
_IN_OCCASION = frozenset({"in", "on", "at", "during"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Verbs that are the occasion a later noun names again ("voted" ... "the vote").
_VERB_OCCASIONS = {"vote": "vote", "meet": "meeting", "attack": "attack", "raid": "attack", "bomb": "attack",
                   "ambush": "attack", "protest": "protest", "rally": "rally", "demonstrate": "demonstration",
                   "visit": "visit"}


def _key(lemma: str) -> str | None:
    return "visit" if lemma in _VISIT_LEMMAS else occasion_key(lemma)


def occasion_dates(sentences: Sequence[Sentence], times: dict[int, list[TimeExpression]]
                   ) -> dict[str, list[tuple[int, TimeExpression]]]:
    """Occasion noun key -> [(sentence, expression)] for "a summit on Wednesday", "held talks last week", "In a
    surprise trip to Iraq, Trump on Wednesday defended ..." (the occasion the dated act was done in)."""
    out: dict[str, list[tuple[int, TimeExpression]]] = {}
    for s in sentences:
        tokens = s.tokens
        for t in times.get(s.index, ()):
            a = _attachment(tokens, t) if t.date is not None else None
            if a is None:
                continue
            if tokens[a].pos == "NOUN":
                nouns = [a]
            else:
                # the act that is the occasion: "The Senate voted on Monday" ... "the vote"; "the two leaders met on
                # Friday" ... "the meeting" (twelfth round)
                verb_key = _VERB_OCCASIONS.get(tokens[a].lemma.lower()) if tokens[a].pos == "VERB" else None
                if verb_key is not None and not any(c.head == a and c.dep in ("aux", "auxpass") and c.lower in _MODALS
                                                    for c in tokens):
                    out.setdefault(verb_key, []).append((s.index, t))
                nouns = [c.i for c in tokens if c.head == a and c.dep in ("dobj", *_SUBJECTS) and c.pos == "NOUN"]
                nouns += [c.i for p in tokens if p.head == a and p.dep == "prep" and p.lower in _IN_OCCASION
                          for c in tokens if c.head == p.i and c.dep == "pobj" and c.pos == "NOUN"]
            for i in ancestors(tokens, a):  # the parser may hang the day inside the occasion's phrase
                if tokens[i].pos in ("VERB", "AUX"):
                    break
                nouns.append(i)
            for n in nouns:
                key = _key(tokens[n].lemma.lower()) if tokens[n].pos == "NOUN" else None
                if key is not None:
                    out.setdefault(key, []).append((s.index, t))
    return out


def _owned_occasion(tokens: Sequence[Token], trigger: int) -> list[int]:
    """The trigger itself when it is an occasion noun named by its owner: "Trump's trip", "her visit"."""
    if not 0 <= trigger < len(tokens) or tokens[trigger].pos != "NOUN" or _key(tokens[trigger].lemma.lower()) is None:
        return []
    return [trigger] if any(c.head == trigger and c.dep == "poss" for c in tokens) else []


def date_by_occasion(event: Event, sentence: Sentence | None,
                     occasions: dict[str, list[tuple[int, TimeExpression]]]) -> Event:
    """An event left with the reference date (or none) that refers back to an occasion dated earlier ("agreed at
    the summit" after "a summit on Wednesday", "Trump's trip" after "In a surprise trip ..., Trump on Wednesday")
    takes that occasion's date, when the article gives it exactly one date."""
    if sentence is None or not occasions:
        return event
    for i in occasion_nouns(sentence, event.trigger[0]) + _owned_occasion(sentence.tokens, event.trigger[0]):
        lemma = _key(sentence.tokens[i].lemma.lower()) or sentence.tokens[i].lemma.lower()
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


def fronted_time(tokens: Sequence[Token], verb: int, usable: Sequence[TimeExpression]) -> TimeExpression | None:
    """The expression of a phrase that opens the sentence before the subject of `verb` (the first of joined
    clauses) and hangs from it through nouns and prepositions only: "During a phone call on March 30, the two men
    discussed the probe and the president urged ..." dates both clauses. Not one inside a clause of its own ("After
    the army attacked on Monday, rebels fled and ...")."""
    subject = next((c for c in tokens if c.head == verb and c.dep in _SUBJECTS), None)
    if subject is None:
        return None
    for t in usable:
        if t.end > subject.i or t.start > verb:
            continue
        path = ancestors(tokens, t.start)
        if verb not in path:
            continue
        between = path[:path.index(verb)]
        if all(tokens[i].pos not in ("VERB", "AUX") for i in between):
            return t
    return None


_MODALS = frozenset({"must", "should", "can", "could", "may", "might", "would", "ought"})


def dates_noun_in_present(tokens: Sequence[Token], a: int | None, trigger: int, v: int) -> bool:
    """True when an expression that modifies a noun (`a`, not the trigger) sits in a clause in the present or under
    a modal (clause verb `v`): it dates that noun's occasion, not the clause's act ("reiterated that the use of
    chemical weapons last month is a threat ... and must be met with a military response": the statement is not
    last month's). "The attack on Monday killed twenty" (a past) keeps Monday."""
    if a is None or a == trigger or tokens[a].pos != "NOUN" or not 0 <= v < len(tokens) \
            or (tokens[trigger].pos == "NOUN" and trigger in ancestors(tokens, a)):  # "your refusal to attend a
        # deposition last Tuesday": the noun trigger's own content
        return False
    own = clause_verb(tokens, a)
    if own != v and not (tokens[v].dep == "conj" and tokens[v].head == own):  # "told Fox News in a statement this
        return False  # week that the firm stands by it": the noun is in the clause above, whose time it is
    verb = tokens[v]
    aux = [c.lower for c in tokens if c.head == v and c.dep in ("aux", "auxpass")]
    return (verb.tag in ("VBZ", "VBP") and not aux) or any(w in _MODALS for w in aux) \
        or (verb.lemma.lower() == "be" and verb.tag in ("VBZ", "VBP"))


def made_when(tokens: Sequence[Token], trigger: int, usable: Sequence[TimeExpression], attach: dict
              ) -> TimeExpression | None:
    """The expression on a past participle, a passive relative clause or an active past one that describes an event
    noun ("the deal reached over the weekend", "sanctions that were imposed last month", "a missile that flew over
    Japan before it splashed down last week"): the noun's occasion happened then."""
    if tokens[trigger].pos != "NOUN":
        return None
    for c in tokens:
        if c.head != trigger or c.i == trigger:
            continue
        passive = c.dep == "relcl" and any(a.head == c.i and a.dep == "auxpass" for a in tokens)
        # an active past relative clause on the event noun tells the occasion itself: "launched a missile that flew
        # over Japan before it splashed down into the sea last week", "the attack that killed 20 on Monday"
        told = c.dep == "relcl" and c.tag == "VBD" and not any(a.head == c.i and a.dep == "aux" for a in tokens)
        if not (c.dep == "acl" and c.tag in ("VBN", "VBD") or passive or told):  # some participles are tagged VBD
            continue
        clause = {c.i} if not told else clause_chain(tokens, c.i)
        for t in usable:
            if attach[id(t)] in clause:
                return t
    return None


def clause_chain(tokens: Sequence[Token], verb: int) -> set[int]:
    """The verb and the verbs of the clauses that go on from it ("flew ... before it splashed down")."""
    out, todo = {verb}, [verb]
    while todo:
        h = todo.pop()
        for t in tokens:
            if t.head == h and t.i != h and t.dep in ("advcl", "conj") and t.pos in ("VERB", "AUX") \
                    and t.i not in out:
                out.add(t.i)
                todo.append(t.i)
    return out
