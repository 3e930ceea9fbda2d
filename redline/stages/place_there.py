"""place_there: "there" and "the city" as the place of an act, the place the text named before (issue 13, tenth
round; "the city" moved here from places.py in the eleventh, with "the city's airport").

"Militants besieged the consulate in Benghazi ... It was there that militants besieged the consulate", "Russian forces
shelled Mariupol. Fighting there continued": the adverb "there" on the act (or on the copula of a cleft "it was there
that ...") points back to the last place named in a locative phrase, an apposition or as the object of a visit or an
attack, in the same sentence before it or else in the sentence before. Never an existential "there is" (its
dependency is `expl`), nor a place named as a nationality ("U.S. officials") or an owner ("Libya's").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import Event, Place, Sentence, Token
from .datelines import dateline_end
from .history import trigger_head
from .locatives import LOCATIVE, PlaceMention, event_anchors, governing_preposition
from .quote_marks import inside_quotes

_MATERIAL_QUADS = frozenset({2, 4})  # acts on things (as places.MATERIAL_QUADS)

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


def dateline_place(sentences: Sequence[Sentence], mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place of the article's dateline ("BRUSSELS (Reuters) -" opening its first sentence), else None."""
    if not sentences:
        return None
    first = sentences[0]
    end = dateline_end(first.text, first.tokens, first.start)
    return next((m for m in mentions if m.sentence == first.index and m.end <= end and m.place is not None), None)


def locate_by_here(sentence: Sentence | None, trigger: int, anchors: set[int], mentions: Sequence[PlaceMention],
                   dateline: PlaceMention | None, *, previous: Sentence | None = None) -> tuple[Place | None, str]:
    """(place, reason) for an act placed by "here" (thirteenth round): the place of the adverb's own phrase ("met
    here in Warsaw"), else, outside quotations, the place of the article's dateline, where the reporter was ("BRUSSELS
    (Reuters) - ... said in his first comments here"). docs/annotation.md section 7 never takes the dateline by
    itself; "here" names it. Else (None, "").

    previous: the sentence before, whose quotation, opened in the same paragraph, may still be open at "here"
    (inside a quotation "here" is where the quoted speaker was, which the dateline need not be)."""
    if sentence is None or not 0 <= trigger < len(sentence.tokens):
        return None, ""
    tokens = sentence.tokens
    word = next((t for t in tokens if t.lower == "here" and t.dep == "advmod"
                 and (t.head in anchors or t.head == trigger)), None)
    if word is None:
        return None, ""

    def here(place: Place) -> Place:  # the event's own word; the name is the place it points to
        return dataclasses.replace(place, text=word.text, sentence=sentence.index, start=word.idx, end=word.end)

    for m in mentions:
        if m.sentence != sentence.index or m.place is None:
            continue
        prep, _ = governing_preposition(tokens, m.head)
        if prep is not None and prep.lower in ("in", "at") and prep.head == word.i:
            return here(m.place), f"'here {prep.text} {m.text}'; {m.reason}"
    before = previous.tokens if previous is not None and previous.paragraph == sentence.paragraph else ()
    if dateline is None or inside_quotes([t.text for t in (*before, *tokens)], len(before) + word.i):
        return None, ""
    return here(dateline.place), (f"'here' is the place of the article's dateline, {dateline.text!r}, where the "
                                  f"report was filed; {dateline.reason}")


# "the city", "the town": the one settlement the article named before.
_SETTLEMENT_LEMMAS = frozenset({"city", "town", "village"})
# Cities that are states or territories of their own, coded as countries ("Hong Kong" is HKG): "the city" too.
CITY_STATES = frozenset({"HKG", "SGP", "MAC", "VAT", "MCO"})


def locate_by_settlement(event: Event, sentence: Sentence | None, mentions: Sequence[PlaceMention]
                         ) -> tuple[Place | None, str]:
    """The place of "the city" or "the town" near the trigger ("residents fled the city", "fighting in the town"),
    when the article named exactly one city before it; else (None, "")."""
    if sentence is None:
        return None, ""
    tokens = sentence.tokens
    trigger = trigger_head(tokens, event.trigger)
    if not 0 <= trigger < len(tokens):
        return None, ""
    anchors = event_anchors(tokens, trigger, material=event.quad_code in _MATERIAL_QUADS)
    # "seized the city's airport": the owner of an anchor that is a settlement is named again too
    # (for an act on things, not its subject: "the city's mayor condemned" is the city's government speaking)
    if event.quad_code in _MATERIAL_QUADS:
        anchors |= {t.i for t in tokens if t.dep == "poss" and t.head in anchors and t.lower in _SETTLEMENT_LEMMAS
                    and tokens[t.head].dep not in ("nsubj", "nsubjpass")}
    for i in sorted(anchors):
        tok = tokens[i]
        if tok.pos != "NOUN" or tok.lower not in _SETTLEMENT_LEMMAS or \
                not any(c.head == i and c.lower == "the" for c in tokens) or \
                any(c.head == i and c.dep in ("prep", "compound", "amod", "appos") for c in tokens):
            continue  # "the city of Mariupol", "the capital city", "the border town" are named or described
        if tok.dep == "nsubj":
            continue  # "the city said" is its government speaking; "the city was shelled" is placed
        earlier = [m for m in mentions if m.place is not None
                   and (m.place.feature_type == "city" or m.place.country_code in CITY_STATES)
                   and (m.sentence < sentence.index or (m.sentence == sentence.index and m.end <= i))]
        states = [m for m in earlier if m.place.country_code in CITY_STATES and m.place.feature_type == "country"]
        if len({m.place.country_code for m in states}) == 1 and \
                {m.place.country_code for m in earlier} == {states[0].place.country_code}:
            earlier = states  # "Mong Kok" and "Hong Kong": the city is Hong Kong, its district is in it
        names = {(m.place.name, m.place.country_code) for m in earlier}
        if len(names) == 1:
            m = earlier[-1]
            det = next(c for c in tokens if c.head == i and c.lower == "the")
            place = dataclasses.replace(m.place, text=f"the {tok.text}", sentence=sentence.index, start=det.idx,
                                        end=tok.end)  # the event's own words; the name is the city they refer to
            return place, (f"'the {tok.text}' refers back to {m.text!r} (sentence {m.sentence}), the one city the "
                           f"article named before; {m.reason}")
        return None, ""
    return None, ""


__all__ = ["CITY_STATES", "dateline_place", "locate_by_here", "locate_by_settlement", "locate_by_there"]
