"""Unnamed sites and whole countries: "stormed a nearby Brotherhood office" (a site in the article's country,
decided by the places stage), "clashed in cities across the country" (the one country the sentence names).

Split from locatives.py. Pure functions over tokens and place mentions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import Place, Token
from .locatives import PlaceMention, attach_point

# Unnamed sites of a material act ("stormed a nearby Brotherhood office", "massed in front of his palace"): they are
# in the country the article is about (the places stage decides whether the article has one).
FACILITY_NOUNS = frozenset({
    "office", "headquarters", "palace", "embassy", "consulate", "building", "parliament", "ministry", "base",
    "camp", "checkpoint", "station", "prison", "jail", "mosque", "church", "synagogue", "school", "hospital",
    "square", "street", "courthouse", "compound", "residence", "village", "town", "city", "cities", "towns",
    "villages", "port", "airport", "market", "stadium", "university", "campus",
})
SITE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
_SITE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within"})


def unnamed_site(tokens: Sequence[Token], trigger: int, anchors: set[int], event_type: str) -> str | None:
    """The phrase of an unnamed site where a material act happened, or None: the object of an attack or seizure
    ("stormed a nearby Brotherhood office") or a locative phrase on the act ("massed in front of his palace",
    "clashed in several cities"). A noun with a name or a nationality before it is left alone ("a U.S. base":
    whose ground is not said)."""
    if event_type not in SITE_TYPES:
        return None
    nouns = []
    for t in tokens:
        if t.dep == "dobj" and t.head == trigger:
            nouns.append(t)
        elif t.dep == "pobj" and tokens[t.head].lower in _SITE_PREPS and attach_point(tokens, tokens[t.head]) in anchors:
            if t.lower == "front":  # "in front of his palace"
                nouns += [o for p in tokens if p.head == t.i and p.lower == "of" for o in tokens
                          if o.head == p.i and o.dep == "pobj"]
            else:
                nouns.append(t)
    for n in nouns:
        if n.lemma.lower() not in FACILITY_NOUNS and n.lower not in FACILITY_NOUNS:
            continue
        mods = [c for c in tokens if c.head == n.i and c.i < n.i]
        if any(c.ent_type in ("GPE", "NORP", "LOC", "FAC") for c in mods):
            continue
        start = min([n.i] + [c.i for c in mods])
        return " ".join(t.text for t in tokens[start:n.i + 1])
    return None


# "in cities across the country", "throughout the nation", "nationwide": the whole of the one country the sentence
# names.
_COUNTRY_WORDS = frozenset({"country", "nation"})
_WHOLE_PREPS = frozenset({"across", "throughout", "around"})  # not "in the country": often another country


def country_wide(tokens: Sequence[Token], anchors: set[int], here: Sequence[PlaceMention], actor_heads: set[int]
                 ) -> tuple[Place, str] | None:
    """The country an act spread "across the country" happened in: the one country the sentence names, not as the
    act's own actor or recipient ("opponents of Egypt's president clashed ... in cities across the country";
    not "Russia deployed troops across the country"); None when it names none or several."""
    phrase = None
    for t in tokens:
        if t.lemma.lower() in _COUNTRY_WORDS and t.dep == "pobj" and tokens[t.head].lower in _WHOLE_PREPS                 and any(c.head == t.i and c.lower == "the" for c in tokens):
            prep = tokens[t.head]
            point = attach_point(tokens, prep)
            if point in anchors:
                start = prep.i  # "the cities across the country" when the phrase is on a noun, else "across ..."
                if tokens[point].dep == "pobj":
                    start = min([point] + [c.i for c in tokens if c.head == point and c.i < point])
                phrase = " ".join(x.text for x in tokens[start:t.i + 1])
                break
        if t.lower == "nationwide" and t.head in anchors:
            phrase = t.text
            break
    if phrase is None:
        return None
    countries = {m.place.country_code: m for m in here if m.place is not None and m.place.feature_type == "country"}
    if any(m.head in actor_heads for m in countries.values()):
        return None
    if len(countries) != 1:
        return None
    m = next(iter(countries.values()))
    place = dataclasses.replace(m.place, text=phrase, reason=f"{phrase!r} is {m.place.name}, the one country the "
                                                              f"sentence names ({m.text!r})")
    return place, place.reason
