"""Clauses: which clause of a sentence a date belongs to, read from the dependency parse.

The dates stage (dates.py) dates an event by the expression its clause owns: the trigger and its own arguments,
its own phrases (objects and the clauses on them), conjuncts that share its time, the verbs that govern it, and
the clauses that stand apart from it (relative clauses, "after/since/before" clauses, conjoined clauses with
their own subject). Pure functions over tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Token
from .relatives import episode_clause, later_before, same_statement
from .history import (
    EARLIER_MARKERS,
    TIME_NOUNS,
    clause_verb,
    past_perfect,
    reduced_relative,
    simultaneous_relative,
    spatial_before,
)
from .places import occasion_key

# Dependencies that open a new clause: a date inside one belongs to that clause, not to its governor.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "pcomp"})
# "tried to detonate bombs in September 2009": an infinitive complement is part of the trigger's own act.
LOCAL_CLAUSE_DEPS = CLAUSE_DEPS - {"xcomp"}


def ancestors(tokens: Sequence[Token], i: int) -> list[int]:
    out, seen = [], {i}
    while tokens[i].head != i and tokens[i].head not in seen:
        i = tokens[i].head
        seen.add(i)
        out.append(i)
    return out


def local_heads(tokens: Sequence[Token], trigger: int) -> set[int]:
    """The trigger and its non-clausal dependents (arguments, prepositions, nouns), not embedded clauses; a noun
    trigger's infinitive is its own content ("your refusal to sit for an interview last Monday")."""
    keep, todo = {trigger}, [trigger]
    while todo:
        h = todo.pop()
        for tok in tokens:
            if tok.head != h or tok.i == h or tok.i in keep:
                continue
            infinitive = (h == trigger and tokens[h].pos == "NOUN" and tok.dep == "acl"
                          and any(t.head == tok.i and t.dep == "aux" and t.lower == "to" for t in tokens))
            if tok.dep not in LOCAL_CLAUSE_DEPS or infinitive:
                keep.add(tok.i)
                todo.append(tok.i)
    return keep


def shared_conjuncts(tokens: Sequence[Token], trigger: int) -> set[int]:
    """Verbs coordinated after the trigger that share its time: no subject of their own ("arrested and charged
    him on Monday"), or one whose auxiliary is left out ("51 people were killed and dozens wounded late
    Saturday"). Not a verb joined by "but" ("halted the policy but resumed it on April 16": the contrast is a later
    step) nor one with auxiliaries of its own unlike the trigger's ("has pleaded not guilty and the trial is set
    for September", which the parser may join without the trial as its subject)."""
    if tokens[trigger].pos not in ("VERB", "AUX"):
        return set()
    auxes = sorted(t.lower for t in tokens if t.head == trigger and t.dep in ("aux", "auxpass"))
    out = set()
    for c in tokens:
        if c.head != trigger or c.dep != "conj" or c.pos != "VERB":
            continue
        kids = [t for t in tokens if t.head == c.i]
        own_subject = any(t.dep in ("nsubj", "nsubjpass", "expl") for t in kids)
        own_auxes = sorted(t.lower for t in kids if t.dep in ("aux", "auxpass"))
        if any(t.head == trigger and t.dep == "cc" and t.lower in CONTRAST_WORDS and trigger < t.i < c.i
               for t in tokens) or (own_auxes and own_auxes != auxes):
            continue
        if not own_subject or (auxes and not own_auxes):
            out.add(c.i)
    return out


CONTRAST_WORDS = frozenset({"but", "yet"})


# Verbs that call an occasion for a later day ("called an emergency meeting on Tuesday", "convened a session for
# Friday"): a weekday on them is the occasion's day.
CONVENE_LEMMAS = frozenset({"call", "convene", "schedule", "set", "arrange", "summon"})


def convenes(tokens: Sequence[Token], a: int | None) -> str | None:
    """The occasion noun when token `a` is a convening verb with an occasion as its object, else None."""
    if a is None or tokens[a].lemma.lower() not in CONVENE_LEMMAS:
        return None
    return next((t.text for t in tokens if t.head == a and t.dep == "dobj"
                 and occasion_key(t.lemma.lower()) is not None), None)


# Clauses that describe the trigger's own arguments ("an attack that killed thousands in 1988") or complete it.
OWN_PHRASE_DEPS = frozenset({"relcl", "acl", "xcomp", "pcomp"})


def own_phrases(tokens: Sequence[Token], trigger: int) -> set[int]:
    """The trigger's subtree without its subject and without clauses of their own (complements, adverbial clauses,
    conjuncts), but with relative and participle clauses on its objects: where a year written "in the event's own
    clause" sits ("launched an attack that killed thousands in 1988"; not "the parliament, elected in 2012, has
    fought every reform", nor a clause on a name: "attacked posts near Mosul, which the army retook in 2017")."""
    keep, todo = {trigger}, [trigger]
    while todo:
        h = todo.pop()
        for tok in tokens:
            if tok.head == h and tok.i != h and tok.i not in keep and tok.dep not in ("nsubj", "nsubjpass") and (
                    tok.dep not in CLAUSE_DEPS or (tok.dep in OWN_PHRASE_DEPS and tokens[h].pos != "PROPN"
                                                   and not _another_time(tokens, tok.i))):
                keep.add(tok.i)
                todo.append(tok.i)
    return keep


# Adverbs that put a relative clause after the act it hangs from ("Iraqi forces, who eventually declared victory").
_LATER_ADVERBS = frozenset({"eventually", "later", "subsequently", "finally", "afterwards", "afterward", "since"})


def _another_time(tokens: Sequence[Token], clause: int) -> bool:
    """A relative clause told at another time than the act: a past perfect ("a ban it had imposed in 2010": before
    it) or a later step ("forces, who eventually declared victory in December 2017": after it)."""
    return tokens[clause].dep == "relcl" and (past_perfect(tokens, clause) or any(
        t.head == clause and t.dep == "advmod" and t.lower in _LATER_ADVERBS for t in tokens))


def relative_clause(tokens: Sequence[Token], trigger: int) -> int | None:
    """The verb of a relative clause containing the trigger (itself included), when there is one on the way up
    before another clause boundary; a clause on a time noun ("the same day the mission suffered") does not count;
    a reduced one ("the fishermen detained by the coast guard", history.reduced_relative) does."""
    i, seen = trigger, set()
    while tokens[i].head != i and i not in seen:
        seen.add(i)
        if episode_clause(tokens, i) is not None:  # "the assault, in which gunmen attacked": at the assault's time
            return i
        if tokens[i].dep == "relcl":
            noun = tokens[tokens[i].head]
            return None if noun.lemma.lower() in TIME_NOUNS or simultaneous_relative(tokens, i) \
                or same_statement(tokens, i) else i
        if tokens[i].dep == "acl" and i == clause_verb(tokens, trigger) and reduced_relative(tokens, i):
            return i  # "the fishermen detained by the coast guard": a relative clause without "who were" (the
            # trigger's own clause: "a measure proposed by Democrats calling on ..." keeps the approval's day)
        if tokens[i].dep in ("ccomp", "advcl", "parataxis"):
            return None
        i = tokens[i].head
    return None


def conjoined_clause(tokens: Sequence[Token], trigger: int) -> int | None:
    """The verb of a conjoined clause with a subject of its own ("Russia annexed Crimea in 2014, and rebels have
    attacked ..."): the first clause's date is not its date. A conjunct sharing the subject ("annexed Crimea in
    2014 and backed separatists") is no such clause."""
    v = clause_verb(tokens, trigger)
    if tokens[v].dep == "conj" and any(t.head == v and t.dep in ("nsubj", "nsubjpass", "expl") for t in tokens):
        return v
    return None


def earlier_clause(tokens: Sequence[Token], trigger: int) -> int | None:
    """The verb of an "after ..."/"since ..."/"before ..." clause holding the trigger: its act is not at the time of
    the clause it modifies ("Putin took charge in 1998 ... after the Kremlin demanded")."""
    v = clause_verb(tokens, trigger)
    seen = {v}
    while tokens[v].dep in ("xcomp", "conj") and tokens[v].head not in seen:  # "after X came and Y demanded"
        v = tokens[v].head
        seen.add(v)
    if later_before(tokens, v):  # "came before the president met his generals": a later step of the act above
        return None
    if tokens[v].dep == "pcomp" and tokens[tokens[v].head].lower in EARLIER_MARKERS:
        return v  # "withdrew after criticizing the government"
    if tokens[v].dep != "advcl" or spatial_before(tokens, v):  # "spoke before a crowd massed outside"
        return None
    marks = {t.lower for t in tokens if t.head == v and t.dep == "mark"}
    return v if marks & EARLIER_MARKERS else None


def in_other_clause(tokens: Sequence[Token], a: int | None, line: set[int]) -> bool:
    """True when token `a` sits in a clause that is neither the trigger's nor one of its governors'."""
    if a is None:
        return False
    seen = set()
    while a not in line and a not in seen:
        seen.add(a)
        # a participle on a prepositional object ("in an interview published on June 17") dates the sentence;
        # one on a name describes that person or thing ("including Lopez, detained since February 2014")
        participle = (tokens[a].dep == "acl" and tokens[tokens[a].head].dep == "pobj"
                      and tokens[tokens[a].head].pos == "NOUN")
        if tokens[a].dep in CLAUSE_DEPS and not participle:
            return True
        if tokens[a].head == a:
            return False
        a = tokens[a].head
    return False


__all__ = ["CLAUSE_DEPS", "CONVENE_LEMMAS", "LOCAL_CLAUSE_DEPS", "OWN_PHRASE_DEPS", "ancestors", "conjoined_clause",
           "convenes", "earlier_clause", "in_other_clause", "local_heads", "own_phrases", "relative_clause",
           "shared_conjuncts"]
