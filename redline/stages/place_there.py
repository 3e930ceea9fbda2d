"""place_there: "there" as the place of an act, the place the text named just before (issue 13, tenth round).

"Militants besieged the consulate in Benghazi ... It was there that militants besieged the consulate", "Russian forces
shelled Mariupol. Fighting there continued": the adverb "there" on the act (or on the copula of a cleft "it was there
that ...") points back to the last place named in a locative phrase, an apposition or as the object of a visit or an
attack, in the same sentence before it or else in the sentence before. Never an existential "there is" (its
dependency is `expl`), nor a place named as a nationality ("U.S. officials") or an owner ("Libya's").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import Place, Sentence, Token
from .locatives import LOCATIVE, PlaceMention, governing_preposition

# how a place must be named to be the one "there" points back to
_NAMED_BY = frozenset(LOCATIVE | {"to", "from", "toward", "towards", "through"})
_OBJECT_DEPS = frozenset({"dobj", "appos"})


def _there_tokens(tokens: Sequence[Token], trigger: int, anchors: set[int]) -> list[int]:
    """The "there" adverbs that place the act: on the trigger or one of its anchors, or on the copula of a cleft
    sentence whose clause holds the trigger ("It was there that militants besieged the consulate")."""
    above, i = [], trigger
    while tokens[i].head != i and tokens[i].head not in above:
        i = tokens[i].head
        above.append(i)
    out = []
    for t in tokens:
        if t.lower != "there" or t.dep != "advmod":
            continue
        if t.head in anchors or t.head == trigger:
            out.append(t.i)
            continue
        head = tokens[t.head]
        cleft = head.lemma.lower() == "be" and head.i in above and any(
            c.head == head.i and c.dep == "nsubj" and c.lower == "it" for c in tokens)
        if cleft:
            out.append(t.i)
    return out


def _named(tokens: Sequence[Token], m: PlaceMention) -> bool:
    """True when the mention names a place the text puts something in, goes to or comes from (not a nationality
    "U.S. officials", nor an owner "Libya's second-largest city" or an actor in subject position)."""
    prep, how = governing_preposition(tokens, m.head)
    if prep is not None:
        return prep.lower in _NAMED_BY
    return how in _OBJECT_DEPS


def locate_by_there(sentence: Sentence | None, previous: Sentence | None, trigger: int, anchors: set[int],
                    mentions: Sequence[PlaceMention]) -> tuple[Place | None, str]:
    """(place, reason) for an act placed by "there", else (None, "")."""
    if sentence is None or not 0 <= trigger < len(sentence.tokens):
        return None, ""
    tokens = sentence.tokens
    there = _there_tokens(tokens, trigger, anchors)
    if not there:
        return None, ""
    first = min(there)
    word = tokens[first]

    def here(place: Place) -> Place:  # the text is the event's own word; the name is the place it points to
        return dataclasses.replace(place, text=word.text, sentence=sentence.index, start=word.idx, end=word.end)

    same = [m for m in mentions if m.sentence == sentence.index and m.place is not None and m.end <= first
            and _named(tokens, m)]
    if same:
        m = same[-1]
        return here(m.place), f"'there' points back to {m.text!r} earlier in the sentence; {m.reason}"
    if previous is None:
        return None, ""
    before = [m for m in mentions if m.sentence == previous.index and m.place is not None
              and _named(previous.tokens, m)]
    if before:
        m = before[-1]
        return here(m.place), (f"'there' points back to {m.text!r}, the last place named in sentence {m.sentence}; "
                               f"{m.reason}")
    return None, ""


__all__ = ["locate_by_there"]
