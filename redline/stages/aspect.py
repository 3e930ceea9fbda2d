"""Tense and aspect of the verb that carries an event, read from the dependency parse: the helpers the history,
clause and dates modules share (which token heads a trigger, which verb carries it, present and past perfects)."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Token

VERBAL = frozenset({"VERB", "AUX"})


def children(tokens: Sequence[Token], i: int) -> list[Token]:
    """The tokens that hang from token `i`."""
    return [t for t in tokens if t.head == i and t.i != i]


def trigger_head(tokens: Sequence[Token], span: tuple[int, int]) -> int:
    """The syntactic head of a trigger span: "attack" of "gas attack", "sanctions" of "new sanctions"; the span's
    first token when none of its tokens governs the others."""
    start, end = span
    if not 0 <= start < len(tokens):
        return start
    end = min(max(end, start + 1), len(tokens))
    for tok in tokens[start:end]:
        if not start <= tok.head < end or tok.head == tok.i:
            return tok.i
    return start


def clause_verb(tokens: Sequence[Token], trigger: int) -> int:
    """The verb whose clause carries the event: the trigger itself when it is a verb, else the nearest verb above
    it ("the attack" in "condemned the attack" -> "condemned"); the trigger when no verb governs it."""
    i = trigger
    seen = set()
    while tokens[i].pos not in VERBAL and tokens[i].head != i and i not in seen:
        seen.add(i)
        i = tokens[i].head
    return i if tokens[i].pos in VERBAL else trigger


def aux(tokens: Sequence[Token], v: int) -> list[Token]:
    """The auxiliaries of verb `v` ("has", "been", "will")."""
    return [t for t in children(tokens, v) if t.dep in ("aux", "auxpass")]


def present_perfect(tokens: Sequence[Token], v: int) -> bool:
    """'has used', 'have been driven', 'has been charged' (not 'would have', not 'had')."""
    words = [a.lower for a in aux(tokens, v)]
    return tokens[v].tag == "VBN" and any(a in ("has", "have", "'s", "'ve") for a in words) \
        and not any(a in ("would", "could", "should", "might", "must", "will", "may", "to") for a in words)


def past_perfect(tokens: Sequence[Token], v: int) -> bool:
    """'had attacked', 'had been signaling', 'had been reclaimed'."""
    return any(a.lower == "had" for a in aux(tokens, v)) and tokens[v].tag in ("VBN", "VBG")


def perfect_progressive(tokens: Sequence[Token], v: int) -> bool:
    """'had been blocking', 'had been negotiating': an activity that went on over a time before the news, even when
    reported ("officials said the administration had been blocking the funds")."""
    return tokens[v].tag == "VBG" and past_perfect(tokens, v) and any(a.lower == "been" for a in aux(tokens, v))


__all__ = ["VERBAL", "aux", "children", "clause_verb", "past_perfect", "perfect_progressive", "present_perfect",
           "trigger_head"]
