"""Place names the small model cuts short or runs on (fifteenth round, issue 13; the hyphen rule of the twelfth).

"a man in New Mexico": the model labels only "Mexico" a place and leaves "New" outside, so the country was taken
for the US state. A capitalised proper noun just before a place span, compounded onto it and labelled nothing
else, joins the span when the whole name is the main name of a gazetteer entry ("New Mexico", "New South Wales",
"North Carolina"); a name the gazetteer does not know whole keeps its span ("Greater Mexico" stays "Mexico").

A capitalised run the model did not label, found after a place preposition, is not a town when the name goes on
with "of" ("at the Summit of the Americas" is not Summit, New Jersey); one joined by hyphens is read whole
("Mar-a-Lago").

A sea named after a capitalised "The" inside a sentence is a title ("writes in The Atlantic": nineteenth round).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..knowledge.gazetteer import Gazetteer
from ..records import Token

# Words that open a place name and that the model leaves outside its span.
_NAME_OPENERS = frozenset({"New", "North", "South", "East", "West", "Upper", "Lower", "Northern", "Southern",
                           "Eastern", "Western"})


def whole_name_start(toks: Sequence[Token], start: int, end: int, gaz: Gazetteer, labelled: set[int]) -> int:
    """The start of the place name whose span the model began at `start`, one or two words earlier when they
    open the name ("New" + "Mexico", "New South" + "Wales") and the whole is a gazetteer entry's main name; else
    `start`.

    labelled: tokens inside some entity span of the sentence (a word the model gave a label of its own stays out).
    """
    best, i = start, start - 1
    while i >= 0 and start - i <= 2 and i not in labelled:  # "New" + "South Wales"
        tok = toks[i]
        if tok.text not in _NAME_OPENERS or tok.pos != "PROPN" or tok.dep != "compound" \
                or not i < tok.head < end:
            break
        whole = "".join(t.text + t.ws for t in toks[i:end]).strip()
        if any(not alias for _entry, alias in gaz.matches(whole)):
            best = i
        i -= 1
    return best


def hyphenated_end(toks: Sequence[Token], end: int) -> int:
    """The end of a name whose pieces are joined by hyphens without spaces ("Mar-a-Lago", "Mar-a-lago",
    "Saint-Denis"): a capitalised run ending at `end`, then "-" and a word, again and again."""
    while end + 1 < len(toks) and toks[end].text == "-" and not toks[end - 1].ws and not toks[end].ws \
            and toks[end + 1].text.isalpha():
        end += 2
    return end


def name_goes_on(toks: Sequence[Token], end: int) -> bool:
    """Does the capitalised run ending at `end` go on with "of" and another name ("the Summit of the Americas",
    "the Court of Appeals")? It is then one longer name, not a town named by its first words."""
    return end + 1 < len(toks) and toks[end].lower == "of" and (
        toks[end + 1].text[:1].isupper() or (toks[end + 1].lower == "the" and end + 2 < len(toks)
                                              and toks[end + 2].text[:1].isupper()))


def title_named(toks: Sequence[Token], start: int, end: int, gaz: Gazetteer) -> bool:
    """True when a sea's name follows a capitalised "The" inside a sentence: a title, not the sea ("the author writes
    in The Atlantic", "told The Atlantic"); the sea is "the Atlantic". A city named so ("The Hague") is not a sea."""
    first = start if toks[start].text == "The" else start - 1
    if first < 1 or toks[first].text != "The" or not (toks[first - 1].text.isalpha() or toks[first - 1].text in ",;"):
        return False  # the first word of a sentence or of a quotation is capitalised anyway
    name = "".join(t.text + t.ws for t in toks[first + 1:end]).strip()
    found = gaz.matches(name)
    return bool(found) and all(e.feature_type == "water" for e, _ in found)
