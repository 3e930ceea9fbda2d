"""relatives: relative clauses whose time is not what their place in the sentence suggests.

An "in which" clause on an episode noun tells the episode at its own time ("the assault, in which gunmen stormed
the consulate"), and a relative clause that tells the same statement as the clause above it is made at that
statement's time ("Obama, who called the video disgusting, said ..."). The dates stage asks through history and
clauses.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..knowledge.temporal_values import MONTH_WORDS
from ..records import Token
from .aspect import VERBAL as _VERBAL
from .aspect import children as _children
from .aspect import past_perfect

# Nouns of an episode of violence or a campaign: an "in which" clause on them tells the episode itself, at its own
# time ("the assault, in which gunmen stormed the compound"; "Friday's raid, in which troops killed ..."), not the
# content of a statement told at the time of the clause above it ("a statement in which the US blamed Moscow").
EPISODE_NOUNS = frozenset({
    "attack", "assault", "raid", "ambush", "bombing", "strike", "airstrike", "campaign", "war", "operation",
    "offensive", "invasion", "massacre", "incident", "shooting", "clash", "battle", "crackdown", "coup", "uprising",
    "siege", "episode", "annexation", "incursion",
})


def episode_clause(tokens: Sequence[Token], verb: int) -> int | None:
    """The episode noun an "in which" / "during which" clause of `verb` tells, or None: "the assault, in which gunmen
    attacked the consulate" (the parser may hang the clause on another noun or as an adverbial clause on the verb
    above it; the noun is then the word before the comma)."""
    v = tokens[verb]
    if v.dep not in ("relcl", "advcl") or v.pos not in _VERBAL:
        return None
    prep = next((t for t in _children(tokens, verb) if t.dep == "prep" and t.lower in ("in", "during")
                 and t.i < verb and any(c.lower == "which" for c in _children(tokens, t.i))), None)
    if prep is None:
        return None
    j = prep.i - 1
    while j >= 0 and tokens[j].pos == "PUNCT":
        j -= 1
    # the noun it hangs from, else the word before the comma ("in comparison to the Crimea campaign, in which")
    for k in ((v.head, j) if v.dep == "relcl" else (j,)):
        if k >= 0 and tokens[k].lemma.lower() in EPISODE_NOUNS:
            return k
    return None


# Verbs of what a statement does to its object: a relative clause with one of these can tell the statement itself.
STATEMENT_LEMMAS = frozenset({
    "accuse", "describe", "call", "blast", "criticize", "criticise", "condemn", "denounce", "slam", "reject", "dismiss",
    "praise", "blame", "deride", "label", "brand", "decry", "lambast", "lambaste", "assail", "rebuke", "charge",
})
# Verbs of speaking a statement is made under: "Obama, who called the video disgusting, said ..."
_SPEAKING_LEMMAS = frozenset({"say", "tell", "add", "write", "declare", "state", "insist", "argue", "point",
                              "speak", "warn", "tweet", "complain"})
# Reactions a relative clause on their source tells: "criticism from lawmakers, who have blasted the move as
# reckless", "a scathing attack from prosecutors who rejected the request".
_REACTION_NOUNS = frozenset({"criticism", "attack", "condemnation", "rebuke", "response", "reaction", "outcry",
                             "backlash", "fire", "fusillade", "denunciation", "praise", "support", "barrage"})


def _subject(tokens: Sequence[Token], verb: int) -> Token | None:
    return next((t for t in _children(tokens, verb) if t.dep in ("nsubj", "nsubjpass")), None)


def same_statement(tokens: Sequence[Token], verb: int) -> bool:
    """A relative clause that tells the statement the clause above it makes, at its time, not an earlier act of its
    noun: on the speaker ("Obama, who called the video disgusting, said he understood"), with the speaker as its
    subject ("he said, pointing to old loyalists he accused of fuelling unrest"), or on the source of a reaction
    ("a wave of complaints from senators, who have called the plan careless"). A past perfect ("who had
    accused him") is earlier."""
    v = tokens[verb]
    if v.dep != "relcl" or v.lemma.lower() not in STATEMENT_LEMMAS \
            or any(t.dep == "aux" and t.lower == "had" for t in _children(tokens, verb)):
        return False
    noun = tokens[v.head]
    head = tokens[noun.head]
    if noun.dep in ("nsubj", "nsubjpass") and head.lemma.lower() in _SPEAKING_LEMMAS:
        return True
    if noun.dep == "pobj" and head.lower == "from" and tokens[head.head].lemma.lower() in _REACTION_NOUNS:
        return True
    own = _subject(tokens, verb)
    if own is None or own.i == noun.i:
        return False
    i, seen = noun.i, set()
    while tokens[i].head != i and i not in seen:
        seen.add(i)
        i = tokens[i].head
        if tokens[i].pos in _VERBAL and _subject(tokens, i) is not None:
            subject = _subject(tokens, i)
            same = subject.lower == own.lower or own.lower in ("he", "she", "they", "we", "i")
            return same and tokens[i].lemma.lower() in _SPEAKING_LEMMAS
    return False


# What may stand before "before" without making it an offset of days: "hours before", "shortly before"
_CLOSE_OFFSETS = frozenset({"hours", "hour", "minutes", "minute", "moments", "shortly", "just", "soon", "right",
                            "immediately", "seconds"})


def later_before(tokens: Sequence[Token], clause: int) -> bool:
    """True when the clause of verb `clause` is a "before ..." clause telling a later step of the act above it:
    "The assessment came before the president met his generals", "had talks in Baghdad before traveling to Erbil",
    "crowds gathered hours before the rally started". Its act follows the main one, so it is told with it, not as
    background. Not a past perfect, a present ("a week before Trump meets Putin": a plan), an offset of days
    ("a week before the vote"), or a clause under a past perfect ("had resigned before the war began")."""
    v = tokens[clause]
    if v.dep == "advcl":
        marker = next((t for t in _children(tokens, clause) if t.dep == "mark" and t.lower == "before"), None)
    elif v.dep == "pcomp" and tokens[v.head].lower == "before":
        marker = tokens[v.head]
    else:
        return False
    if marker is None or v.tag not in ("VBD", "VBG") or past_perfect(tokens, clause):
        return False
    if any(t.dep in ("npadvmod", "advmod") and t.lower not in _CLOSE_OFFSETS for t in _children(tokens, marker.i)):
        return False
    if any(t.lemma.lower() in _OFFSET_UNITS for t in tokens[max(0, marker.i - 3):marker.i]):
        return False  # "withdrew a week before the army shelled it": days apart
    governor = v.head if v.dep == "advcl" else tokens[marker.i].head
    return tokens[governor].pos in _VERBAL and not past_perfect(tokens, governor) \
        and tokens[governor].dep not in ("relcl", "advcl") and not _coarse_time(tokens, governor, clause) \
        and not _under_modal(tokens, governor)


def _under_modal(tokens: Sequence[Token], verb: int) -> bool:
    """The verb is said inside a wish, a guess or a plan ("Mueller will want to know what Trump understood, before
    asking ..."): a modal on it or on a verb it is the complement of."""
    i, seen = verb, set()
    while i not in seen:
        seen.add(i)
        if any(t.tag == "MD" for t in _children(tokens, i)):
            return True
        if tokens[i].dep not in ("ccomp", "xcomp") or tokens[i].head == i:
            return False
        i = tokens[i].head
    return False


_OFFSET_UNITS = frozenset({"day", "week", "month", "year", "decade", "night"})


def _coarse_time(tokens: Sequence[Token], governor: int, clause: int) -> bool:
    """A year or a month on the act above ("resigned in 2014, before the war began"): the later step is somewhere
    after it, at a time the text does not give."""
    todo = [t.i for t in _children(tokens, governor) if t.i != clause and t.dep in ("prep", "npadvmod", "pobj")]
    seen: set[int] = set()
    while todo:
        i = todo.pop()
        if i in seen:
            continue
        seen.add(i)
        tok = tokens[i]
        if (tok.text.isdigit() and len(tok.text) == 4) or tok.text.lower() in MONTH_WORDS and tok.text[:1].isupper():
            return True
        todo.extend(t.i for t in _children(tokens, i) if t.dep in ("pobj", "compound", "nummod", "prep", "amod"))
    return False


__all__ = ["EPISODE_NOUNS", "STATEMENT_LEMMAS", "episode_clause", "later_before", "same_statement"]
