"""Places named before a noun (fifteenth round, issue 13): the name modifies the noun instead of sitting in a
locative phrase, and the noun tells whose place it is.

- An occasion or a site in a locative phrase, named by its place: "At the White House press conference, Hagel
  thanked ...", "at a Kremlin meeting", "struck at Domodedovo airport": the noun's preposition is the name's own
  (`occasion_preposition`), so the act done there is placed there, even when the coder took the name for an
  actor. Not a country ("at the U.S. embassy" names its owner, "at the Iran talks" a topic).
- A site visited, named by its place: "visited a Gaza hospital", "toured the Texas border".
- An attack or an occasion named by its city: "the San Bernardino attacks", "the Geneva talks" are there even
  when the coder took the city for the actor (`named_act`). Not a country ("the U.S. attack" names a party).
- A court named by its seat: "a Brussels court sentenced him", "was convicted by a Moscow court": a legal act is
  done where the court sits (the thirteenth round read only "a court in Brussels").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Place, Token
from .locatives import LEGAL_BODIES, VISIT_LEMMAS, PlaceMention, legal_body

# Occasions an act can be done inside: "talks with Xi in Beijing, in which Trump urged ...", "a summit in Hanoi,
# at which he demanded ...", "at the White House press conference".
OCCASION_NOUNS = frozenset({
    "talk", "talks", "meeting", "summit", "conference", "session", "visit", "trip", "tour", "speech", "address",
    "rally", "ceremony", "interview", "briefing", "forum", "gathering", "dinner", "lunch", "negotiation",
    "negotiations", "hearing", "debate", "congress", "convention",
})
# Nouns of an act that happened where its name's city is ("the Paris attacks", "the Charlottesville rally").
_ACT_NOUNS = frozenset({
    "attack", "assault", "raid", "bombing", "ambush", "massacre", "shooting", "explosion", "blast", "siege",
    "protest", "rally", "demonstration", "riot", "summit", "talk", "talks", "meeting", "conference",
})
# Sites named by their place ("at Domodedovo airport", "in a Gaza hospital", "visited the Texas border").
SITE_NOUNS = frozenset({
    "airport", "hospital", "border", "base", "airbase", "prison", "jail", "school", "university", "mosque",
    "church", "synagogue", "stadium", "station", "metro", "subway", "market", "camp", "port", "embassy",
    "consulate", "plant", "refinery", "barracks", "compound", "hotel", "theater", "theatre", "nightclub", "mall",
    "cafe", "restaurant", "office", "headquarters",
})
OCCASION_LEMMAS = frozenset({
    "summit", "talk", "meeting", "conference", "negotiation", "forum", "congress", "session", "visit", "trip",
    "rally", "protest", "demonstration", "exercise", "drill", "election", "referendum", "vote", "ceremony",
})
CONFLICT_LEMMAS = frozenset({"war", "conflict", "crisis", "invasion", "campaign", "offensive", "occupation"})
# Nouns of people: a place before one is a home or an origin, not the scene ("a Mississippi man was arrested").
PERSON_NOUNS = frozenset({
    "man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "native", "couple", "family",
    "student", "youth", "person", "people", "mother", "father", "son", "daughter", "citizen", "neighbor",
    "neighbour",
})
_NAMED_PREPS = frozenset({"at", "in", "near", "outside", "inside"})  # "near the Baghdad airport" (sixteenth round)
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})  # "a Kyiv hotel" is parsed as an adjective too


def _modified(tokens: Sequence[Token], m: PlaceMention) -> Token | None:
    """The noun a place name modifies ("the White House press conference" -> "conference"), or None."""
    tok = tokens[m.head]
    while tok.dep == "conj" and tok.head != tok.i and tokens[tok.head].dep in _MODIFIER_DEPS:
        tok = tokens[tok.head]  # "the Paris and Brussels attacks"
    if tok.dep not in _MODIFIER_DEPS or tok.head == tok.i:
        return None
    noun = tokens[tok.head]
    while noun.dep == "compound" and noun.head != noun.i and noun.pos in ("NOUN", "PROPN"):  # "press" -> "conference"
        noun = tokens[noun.head]
    # a site's own name ends in its noun: "at Baghdad International Airport" (sixteenth round)
    return noun if noun.pos == "NOUN" or (noun.pos == "PROPN" and noun.lower in SITE_NOUNS) else None


def occasion_preposition(tokens: Sequence[Token], m: PlaceMention) -> Token | None:
    """The "at"/"in" of an occasion that the place name modifies ("At the White House press conference"), when
    the place is not a country; else None."""
    if m.place is None or m.place.feature_type == "country":
        return None
    noun = _modified(tokens, m)
    if noun is None or noun.dep != "pobj" or not (
            noun.lemma.lower() in OCCASION_NOUNS | SITE_NOUNS or noun.lower in OCCASION_NOUNS):
        return None
    prep = tokens[noun.head]
    return prep if prep.lower in _NAMED_PREPS else None


def named_act(tokens: Sequence[Token], m: PlaceMention, trigger: int, *, material: bool = False) -> str | None:
    """Why the place name before the trigger's noun, or before the court that does the legal act, places the
    event ("the San Bernardino attacks", "a Brussels court sentenced him"); None when it does not.

    material: the event acts on things, so a site it acts on, named by its place, is its place ("commandos stormed a
    Lagos hotel", "jets destroyed the headquarters and two Gaza police stations": nineteenth round), even when the coder
    took the name for the recipient."""
    if m.place is None:
        return None
    noun = _modified(tokens, m)
    if noun is None:
        return None
    site = noun
    while site.dep == "conj" and site.head != site.i:  # "the headquarters and two Gaza police stations"
        site = tokens[site.head]
    if material and site.dep == "dobj" and site.head == trigger and noun.lemma.lower() in SITE_NOUNS \
            and m.place.feature_type != "country":
        return f"{m.text!r} names the {noun.text!r} that {tokens[trigger].text!r} acts on"
    if noun.i == trigger and m.place.feature_type != "country" and (
            noun.lemma.lower() in _ACT_NOUNS or noun.lower in _ACT_NOUNS):
        return f"{m.text!r} names the {noun.text!r}"
    if noun.dep == "dobj" and noun.head == trigger and tokens[trigger].lemma.lower() in VISIT_LEMMAS \
            and noun.lemma.lower() in SITE_NOUNS and m.place.feature_type != "country":
        return f"{m.text!r} names the {noun.text!r} that {tokens[trigger].text!r} covers"
    if noun.lemma.lower() in LEGAL_BODIES and any(
            legal_body(tokens, trigger, t) == noun.i for t in tokens
            if t.head == trigger and t.dep in ("nsubj", "agent")):
        return f"{m.text!r} names the {noun.text!r} that did {tokens[trigger].text!r}, where it sits"
    return None


def compound_places(tokens: Sequence[Token], modified: int, trigger: int, anchors: set[int], place: Place | None
                     ) -> bool:
    """A place name modifying a noun ("the Geneva summit") places the event when that noun is the trigger, or an
    anchor noun that is not the subject ("the Moscow government said" is an actor's descriptor), unless the
    subject is itself an occasion ("the Geneva summit was held"). A country before a noun is a nationality ("U.S.
    troops", "the U.S. condemnation") except before an occasion or a conflict ("the Iraq war"). A name before a
    person says where the person lives or comes from ("arrested a Denver woman", eighteenth round)."""
    tok = tokens[modified]
    if tok.lemma.lower() in PERSON_NOUNS:
        return False
    if place is not None and place.feature_type in ("country", "landmark") and \
            tok.lemma.lower() not in OCCASION_LEMMAS | CONFLICT_LEMMAS:
        return False  # "U.S. troops", "his White House guest", "the Kremlin spokesman"
    if modified == trigger:
        return True
    if modified not in anchors or tok.pos != "NOUN":
        return False
    return tok.dep not in ("nsubj", "nsubjpass") or tok.lemma.lower() in OCCASION_LEMMAS
