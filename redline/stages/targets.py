"""Targets: the place an attack, seizure or deployment is aimed at, or the place a withdrawal leaves.

The places stage (places.py) asks this first for acts on places: "shelled Mariupol", "the invasion of Syria",
"fired rockets into Israel", "missiles at U.S. forces stationed in Iraq", "the withdrawal from Iraq". Pure
functions over tokens and place mentions, like locatives.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Event, Place, Token
from .locatives import PLACE_PHRASE_PREPS, PlaceMention


# Acts whose target place is where they happen ("the invasion of Syria", "shelled Mariupol", "troops entering
# into Ukraine"), even when the place stands for its state as the recipient.
TARGET_PLACE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# Verbs whose object country is where the act happens ("invading northern Syria", "bombed Syria"); other acts on a
# country ("sanctioned Russia", "pressured Ukraine") act on its state, not in it.
INVASION_LEMMAS = frozenset({
    "invade", "bomb", "shell", "bombard", "occupy", "strike", "airstrike", "raid", "blockade", "annex", "overrun",
    "attack",  # seventeenth round: "Britain and the United States attacked Iraq", done (below)
    # nineteenth round: ground taken that is coded as a country ("the junta seized the Falklands", FLK)
    "seize", "capture", "conquer", "recapture", "retake",
})


def _invades(verb: Token) -> bool:
    """Is `verb` an act done in the country it acts on? "attack" only when done ("attacked Iraq"), not "advocated
    attacking North Korea" or "wants to attack the US", where the word may name a wish or a creed, and not in a
    relative clause that describes its doer ("the group that attacked the US in 2001", background)."""
    lemma = verb.lemma.lower()
    return lemma in INVASION_LEMMAS and (lemma != "attack" or (verb.tag in ("VBD", "VBN") and verb.dep != "relcl"))
_TARGET_PREPS = frozenset({"in", "into", "on", "of", "at", "inside", "across", "near", "over"})
_WITHDRAW_PREPS = frozenset({"from", "out"})


def target_place(event: Event, tokens: Sequence[Token], trigger: int, here: Sequence[PlaceMention]
                  ) -> tuple[Place, str] | None:
    """The place an attack, seizure or deployment is aimed at, or the place a withdrawal leaves ("withdrawal from
    Iraq"): the trigger's object or the object of its own preposition."""
    if event.event not in TARGET_PLACE_TYPES and event.event != "RETREAT":
        return None
    trig = tokens[trigger]
    pronoun = next((t for t in tokens if t.head == trigger and t.dep == "dobj" and t.lower in ("which", "that")), None)
    if trig.dep == "relcl" and event.event in TARGET_PLACE_TYPES and pronoun is not None:
        # "the Crimea region, which Russia annexed in March": the clause's noun, or the word just before ", which"
        # (the parser may hang a clause after a comma on an earlier noun: "communities between X and Crimea, which")
        nouns = {trig.head}
        if pronoun.i >= 2 and tokens[pronoun.i - 1].text == "," and tokens[pronoun.i - 2].pos in ("NOUN", "PROPN"):
            nouns.add(pronoun.i - 2)
        for m in here:
            if m.place is not None and any(m.start <= n < m.end for n in nouns):
                return m.place, f"{m.text!r} is what {trig.text!r} acts on ('{pronoun.text}'); {m.reason}"
    passive = _passive_relative_place(tokens, trig, here) if event.event in TARGET_PLACE_TYPES else None
    if passive is not None:
        return passive
    # a noun trigger's verb: "launched 20 missiles into the Golan Heights", "fired rockets into Israel", through a
    # quantity noun ("fired a barrage of missiles at U.S. forces in Iraq", seventeenth round)
    noun = _counted(tokens, trig)
    verb = noun.head if noun.pos == "NOUN" and noun.dep == "dobj" else trigger
    for m in here:
        if m.place is None:
            continue
        tok = tokens[m.head]
        site = _site_struck(tokens, tok, verb) if verb != trigger and event.event == "ASSAULT" else None
        if site is not None:
            return m.place, (f"{tokens[site].text!r}, where {tokens[trigger].text!r} struck, is "
                             f"'{tokens[tok.head].text} {m.text}'; {m.reason}")
        if m.place.feature_type not in ("country", "city", "admin1", "contested", "region"):
            taken = tok
            if tok.dep == "appos" and tokens[tok.head].dep == "dobj":  # "the vital Mosul Dam", parsed as
                taken = tokens[tok.head]  # "vital" with the dam in apposition
            if m.place.feature_type == "landmark" and taken.dep == "dobj" and taken.head == trigger \
                    and event.event in TARGET_PLACE_TYPES and tokens[trigger].pos == "VERB" \
                    and not _made_to(tokens, trigger):
                # "recaptured the Mosul Dam", "stormed the Capitol": a site taken or struck (seventeenth round)
                return m.place, f"{m.text!r}, a site, is what {tokens[trigger].text!r} acts on; {m.reason}"
            continue
        piece = _piece_taken(tokens, tok, trigger) if event.event in TARGET_PLACE_TYPES else None
        if piece is not None:  # "seized large swaths of northern Iraq" (sixteenth round)
            return m.place, f"'{tokens[piece].text} of {m.text}' is what {tokens[trigger].text!r} acts on; {m.reason}"
        if tok.dep == "dobj" and tok.head == trigger and event.event in TARGET_PLACE_TYPES \
                and tokens[trigger].pos == "VERB" and (m.place.feature_type != "country"
                                                       or _invades(tokens[trigger])):
            return m.place, f"{m.text!r} is what {tokens[trigger].text!r} acts on; {m.reason}"
        stationed = _stationed_target(tokens, tok, {trigger, verb})
        if stationed is not None and event.event == "ASSAULT":
            return m.place, (f"the target {tokens[stationed].text!r} is {tokens[tokens[tok.head].head].text} "
                             f"'{tokens[tok.head].text} {m.text}'; {m.reason}")
        outer = tokens[tokens[tok.head].head]
        if event.event == "RETREAT" and tok.dep == "pobj" and tokens[tok.head].lower == "of" and outer.lower == "out" \
                and outer.head == trigger:  # "officers pulled out of Saint-Denis"
            return m.place, f"'out of {m.text}' is the place {tokens[trigger].text!r} leaves; {m.reason}"
        if tok.dep != "pobj" or tokens[tok.head].head not in (trigger, verb):
            continue
        prep = tokens[tok.head].lower
        if tokens[tok.head].head == verb != trigger and prep != "into":
            continue  # only "into" says where the thing the verb sends struck
        if event.event in TARGET_PLACE_TYPES and prep in _TARGET_PREPS:
            return m.place, f"'{prep} {m.text}' is where {tokens[trigger].text!r} is aimed; {m.reason}"
        if event.event == "RETREAT" and prep in _WITHDRAW_PREPS:
            return m.place, f"'{prep} {m.text}' is the place {tokens[trigger].text!r} leaves; {m.reason}"
    return None


def _made_to(tokens: Sequence[Token], verb: int) -> bool:
    """Does the verb make its object do something ("forced the State Department to release the emails")? Then the
    object is a body acting, not a site taken (eighteenth round)."""
    return any(t.head == verb and t.dep in ("xcomp", "ccomp") for t in tokens)


# Nouns that count a noun trigger: "fired a barrage of missiles", "launched a wave of airstrikes".
QUANTITY_NOUNS = frozenset({"barrage", "volley", "salvo", "hail", "wave", "series", "string", "spate", "flurry",
                            "round", "number", "dozen", "dozens", "hundreds", "handful", "pair"})


def _counted(tokens: Sequence[Token], trig: Token) -> Token:
    """The quantity noun that counts a noun trigger ("a barrage of missiles" -> "barrage"), else the trigger."""
    if trig.pos == "NOUN" and trig.dep == "pobj" and tokens[trig.head].lower == "of" \
            and tokens[tokens[trig.head].head].lemma.lower() in QUANTITY_NOUNS:
        return tokens[tokens[trig.head].head]
    return trig


# Nouns of a piece of ground a verb acts on: "seized large swaths of northern Iraq", "shelled parts of Kharkiv".
_PIECES_TAKEN = frozenset({"part", "parts", "area", "areas", "swath", "swaths", "swathe", "swathes", "chunk",
                           "chunks", "stretch", "stretches", "portion", "portions", "tract", "tracts", "half"})


def _piece_taken(tokens: Sequence[Token], place: Token, verb: int) -> int | None:
    """The piece noun that is the verb's object and whose "of" phrase names the place ("seized swaths of Iraq and
    Syria": the first), or None."""
    while place.dep == "conj" and place.head != place.i:
        place = tokens[place.head]
    if place.dep != "pobj" or tokens[place.head].lower != "of" or tokens[verb].pos != "VERB":
        return None
    piece = tokens[tokens[place.head].head]
    if piece.dep == "dobj" and piece.head == verb and piece.lower in _PIECES_TAKEN:
        return piece.i
    return None


_STRUCK_PREPS = frozenset({"into", "at"})
_SITE_PLACE_PREPS = frozenset({"in", "near", "off", "outside", "inside"})


def _site_struck(tokens: Sequence[Token], place: Token, verb: int) -> int | None:
    """The noun a verb sends a noun trigger into or at, when a locative phrase on it names the place: "fired
    three missiles into Japan's exclusive economic zone in the Sea of Japan", "fired rockets at a base near
    Erbil"; None otherwise."""
    if place.dep != "pobj" or tokens[place.head].lower not in _SITE_PLACE_PREPS:
        return None
    site = tokens[tokens[place.head].head]
    if site.dep != "pobj" or tokens[site.head].lower not in _STRUCK_PREPS or tokens[site.head].head != verb:
        return None
    return site.i


# Participles that say where a target is: "fired missiles at U.S. forces stationed in Iraq".
STATIONED_LEMMAS = frozenset({"station", "base", "deploy", "position", "locate", "garrison", "house"})
_AT_TARGET_PREPS = frozenset({"at", "on", "against", "into"})


def _stationed_target(tokens: Sequence[Token], place: Token, acts: set[int]) -> int | None:
    """The target noun of an attack that a participle places ("at U.S. forces stationed in Iraq", "struck troops
    based near Kirkuk"): the act's object, or the object of its at/on/against phrase; None otherwise."""
    if place.dep != "pobj" or tokens[place.head].lower not in PLACE_PHRASE_PREPS:
        return None
    part = tokens[tokens[place.head].head]
    if part.dep != "acl" or part.tag != "VBN" or part.lemma.lower() not in STATIONED_LEMMAS:
        return None
    target = tokens[part.head]
    if target.dep == "dobj" and target.head in acts:
        return target.i
    prep = tokens[target.head]
    if target.dep == "pobj" and prep.lower in _AT_TARGET_PREPS and prep.head in acts:
        return target.i
    return None


# Nouns that name a piece of the place their "of" object names ("a part of Mali that had been retaken").
_PIECE_NOUNS = frozenset({"part", "parts", "area", "areas", "region", "swath", "stretch", "section", "corner",
                          "portion", "territory", "town", "city", "village", "province", "district"})


def _passive_relative_place(tokens: Sequence[Token], trig: Token, here: Sequence[PlaceMention]
                            ) -> tuple[Place, str] | None:
    """The place a passive relative clause is about, for an act that clause tells: "Aleppo, which was shelled
    for weeks" (the verb), "a part of Mali that had been retaken in a war" (a noun in the verb's
    in/during phrase). The clause's noun, the word just before ", which", or the place a piece noun's "of" names."""
    clause = trig
    if trig.pos == "NOUN" and trig.dep == "pobj" and tokens[trig.head].lower in ("in", "during", "after"):
        clause = tokens[tokens[trig.head].head]
    if clause.dep != "relcl" or clause.tag != "VBN" or clause.head == clause.i:
        return None
    pronoun = next((t for t in tokens if t.head == clause.i and t.dep == "nsubjpass" and t.lower in ("which", "that")),
                   None)
    if pronoun is None:
        return None
    nouns = {clause.head}
    if pronoun.i >= 2 and tokens[pronoun.i - 1].text == "," and tokens[pronoun.i - 2].pos in ("NOUN", "PROPN"):
        nouns.add(pronoun.i - 2)
    for n in list(nouns):
        if tokens[n].lemma.lower() in _PIECE_NOUNS:
            nouns |= {o.i for p in tokens if p.head == n and p.dep == "prep" and p.lower == "of"
                      for o in tokens if o.head == p.i and o.dep == "pobj"}
    for m in here:
        if m.place is not None and m.place.feature_type in ("country", "city", "admin1", "contested", "region") \
                and any(m.start <= n < m.end for n in nouns):
            return m.place, (f"{m.text!r} is what the clause {clause.text!r} ('{pronoun.text}') is about, where "
                             f"{trig.text!r} happened; {m.reason}")
    return None
