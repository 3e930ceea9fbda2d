"""place_nationality: a site named by its nation's adjective ("a Syrian town", "Iraqi soil") is in that country
(issue 13, tenth round).

For acts on things (PLOVER quad classes 2 and 4) with no place of their own: when the act's object, or the noun of a
locative phrase on it, is a piece of a country's ground named by that country's adjective ("shelled a Syrian
village", "crossed into Turkish airspace", "fighting on Iraqi soil"), the country is the place. A facility named so
("a Syrian airfield", "an Iraqi military base") is on that country's ground only when the article is about that
country: "an American base" or "a Russian base" is as often abroad. An embassy or a consulate is never placed by its
nationality (it stands in another country).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Sentence, Token

# Ground that belongs to the country whose adjective names it.
TERRITORY_NOUNS = frozenset({
    "town", "village", "city", "province", "region", "territory", "soil", "airspace", "waters", "water", "coast",
    "island",
    "capital", "countryside", "mainland", "hamlet", "district",
    # landscapes and resorts (eleventh round: "recaptured at a Mexican beach resort", "in the Syrian desert")
    "resort", "beach", "coastline", "shore", "desert", "mountains", "jungle", "forest", "suburb",
})
# Conflicts named by the country they are fought in ("the Afghan war", "the Syrian civil war", "the Iraqi
# insurgency"); not "invasion" or "offensive", which are named by the side that makes them ("the Russian invasion").
CONFLICT_NOUNS = frozenset({"war", "conflict", "insurgency", "uprising"})
# Prepositions that put an act on the ground they name ("in a Syrian town", "into Turkish airspace").
# "on" too: an act on things done on a site ("strikes on a Syrian village"; sanctions never come here).
_GROUND_PREPS = frozenset({"in", "at", "near", "inside", "outside", "into", "onto", "across", "throughout", "within",
                           "during", "on"})
# Sites that stand on their country's ground unless the article is about another country.
FACILITY_NOUNS = frozenset({
    "airfield", "airbase", "base", "airport", "port", "outpost", "checkpoint", "garrison", "barracks",
})


def named_in(tokens: Sequence[Token], noun: int, heads: set[int]) -> int | None:
    """The head of the name a settlement noun is given by "of" ("the Syrian border town of Kobani"), among `heads`
    (the heads of the sentence's place mentions), else None."""
    for of in tokens:
        if of.head == noun and of.dep == "prep" and of.lower == "of":
            for name in tokens:
                if name.head == of.i and name.dep == "pobj" and name.i in heads:
                    return name.i
    return None


def nationality_site(tokens: Sequence[Token], anchors: set[int], adjectives: Sequence[tuple[int, int, str]],
                     home: str | None) -> tuple[str, str, str, int] | None:
    """(country code, phrase text, reason, noun) for an anchor noun named by a nation's adjective, else None.

    adjectives: (start, end, country code) of the sentence's actor mentions with a country ("a Syrian village" ->
    SYR); the adjective is the capitalised modifier inside the span. home: the code of the country the article is
    about, or None."""
    for start, end, code in adjectives:
        adj = next((t for t in tokens[start:end] if t.dep in ("amod", "compound") and t.pos in ("ADJ", "PROPN")
                    and t.text[:1].isupper() and t.head != t.i), None)
        if adj is None:
            continue
        noun = tokens[adj.head]
        while noun.dep == "compound" and noun.head != noun.i and tokens[noun.head].pos == "NOUN":
            noun = tokens[noun.head]  # "a Syrian air base", "an Iraqi military base"
        if noun.i not in anchors or noun.pos != "NOUN":
            continue
        prep = tokens[noun.head] if noun.dep == "pobj" else None
        if prep is not None and prep.lower not in _GROUND_PREPS:
            continue  # "sanctions over the Ukrainian conflict", "a deal on Syrian territory": a topic
        lemma = noun.lemma.lower()
        territory = lemma in TERRITORY_NOUNS or lemma in CONFLICT_NOUNS
        if not territory and not (lemma in FACILITY_NOUNS and home == code):
            continue
        first = min([adj.i] + [c.i for c in tokens if c.head == noun.i and c.dep in ("det", "amod", "compound")])
        text = "".join(t.text + t.ws for t in tokens[first:noun.i + 1]).strip()
        why = "a conflict fought there" if lemma in CONFLICT_NOUNS else \
            "ground of that country" if territory else "a site of the country the article is about"
        return code, text, f"{text!r} is named by its nation's adjective {adj.text!r}: {why}", noun.i
    return None


def nation_adjectives(sentences: Sequence[Sentence], knowledge) -> dict[int, list[tuple[int, int, str]]]:
    """Sentence index -> (start, end, country code) of each country adjective modifying a noun ("a Syrian
    village"), from the actor knowledge base's adjectives (countries.csv)."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for s in sentences:
        for t in s.tokens:
            if t.dep not in ("amod", "compound") or t.pos not in ("ADJ", "PROPN") or not t.text[:1].isupper():
                continue
            codes = {e.code for e in knowledge.lookup(t.text) if e.id.startswith("adjective:") and e.code}
            if len(codes) == 1:
                out.setdefault(s.index, []).append((t.i, t.i + 1, codes.pop()))
    return out


__all__ = ["CONFLICT_NOUNS", "FACILITY_NOUNS", "TERRITORY_NOUNS", "named_in", "nation_adjectives", "nationality_site"]
