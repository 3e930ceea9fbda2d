"""Stays and rounds (sixteenth round, issue 13): an act done on a visit, or while its doer was covering a place,
is done in that place.

- `stay_place`: "the two leaders met for two hours on the president's first visit to Norway", "she met the emir at
  the end of a three-day trip to Qatar", "signed the pact during his stop in Lima": a stay noun in an on / during /
  in / at phrase on the act (directly, or through "the end / the start / the course / the last day of") is the act's
  occasion, and the place it goes to or is in is the act's place. Not "on the eve of", "ahead of" or "after" a
  visit (another time), not a flight or a mission (on the way), and "on a visit" only for acts on things and
  meetings: a statement "on the visit to Kyiv" is about it.
- `round_place`: "four soldiers were killed in a blast while patrolling the town of Kupiansk", "he was detained
  while visiting Tehran": a participle clause ("while"/"when" + -ing, no subject of its own) whose verb covers a
  place (patrol, visit, tour, inspect, travel) says where its doer was when the act happened.
- `arrival_place` (seventeenth round): "the premier called on Beijing to do more as she arrived in Tokyo",
  "shortly after arriving in Vienna, the minister warned against a deal": an arrival clause on the act (as / when /
  once / after / upon + arrive or land, with no subject of its own or a pronoun for one) says where the doer was
  when it acted. Not "before arriving", and not an arrival by someone else ("as the troops arrived in Kabul").
- `presence_place` (seventeenth round): "militias are in Syria fighting for the regime", "the envoys were in Cairo
  to mediate": a participle or an infinitive of purpose on "be" / "remain" / "stay in X" is done in X.

Pure functions over tokens and place mentions, like place_wider.py, which calls them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Place, Token
from .locatives import SETTLEMENT_NOUNS, PlaceMention

_STAY_NOUNS = frozenset({"visit", "trip", "tour", "journey", "stay", "stopover", "stop", "swing"})
_STAY_PREPS = frozenset({"on", "during", "in", "at"})
# Parts of a stay an act is done in ("at the end of his trip to Qatar"); not its eve or its run-up.
_STAY_PARTS = frozenset({"end", "close", "conclusion", "start", "beginning", "course", "day", "sideline", "sidelines"})
_STAY_PLACE_PREPS = frozenset({"to", "in"})
# Acts placed by a stay named in an "on" phrase: acts on things and meetings ("commented on the visit" is a topic).
ON_STAY_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONSULT", "AID", "RETREAT", "COOPERATE"})


def _mention_at(usable: Sequence[PlaceMention], tokens: Sequence[Token], i: int) -> PlaceMention | None:
    """The place mention whose span holds token `i`, or None."""
    for m in usable:
        if m.start <= i < m.end:
            return m
    return None


def _stay_nouns(tokens: Sequence[Token], holders: set[int], event_type: str) -> list[int]:
    """Stay nouns in an occasion phrase on one of `holders`, through a part of the stay ("the end of")."""
    out = []
    for prep in tokens:
        if prep.dep != "prep" or prep.head not in holders or prep.lower not in _STAY_PREPS:
            continue
        if prep.lower == "on" and event_type not in ON_STAY_TYPES:
            continue
        for obj in tokens:
            if obj.head != prep.i or obj.dep != "pobj":
                continue
            if obj.lemma.lower() in _STAY_NOUNS:
                out.append(obj.i)
            elif obj.lemma.lower() in _STAY_PARTS:  # "at the end of a trip to Qatar"
                out += [s.i for of in tokens if of.head == obj.i and of.dep == "prep" and of.lower == "of"
                        for s in tokens if s.head == of.i and s.dep == "pobj" and s.lemma.lower() in _STAY_NOUNS]
    return out


def stay_place(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention], event_type: str
               ) -> tuple[Place, str] | None:
    """The place of a stay the act is done on ("met on his first visit to Norway"), or None."""
    holders = {trigger}
    tok = tokens[trigger]
    if tok.pos in ("NOUN", "PROPN") and tok.dep in ("dobj", "nsubjpass") and tok.head != tok.i:
        holders.add(tok.head)  # "held talks at the end of a trip to Qatar"
    for stay in _stay_nouns(tokens, holders, event_type):
        for prep in tokens:
            if prep.head != stay or prep.dep != "prep" or prep.lower not in _STAY_PLACE_PREPS:
                continue
            for obj in tokens:
                if obj.head == prep.i and obj.dep == "pobj":
                    m = _mention_at(usable, tokens, obj.i)
                    if m is not None and m.place is not None:
                        return m.place, (f"{tok.text!r} is done on the {tokens[stay].text} '{prep.text} {m.text}'; "
                                         f"{m.reason}")
    return None


_ROUND_LEMMAS = frozenset({"patrol", "visit", "tour", "inspect", "travel"})
_ROUND_MARKS = frozenset({"while", "when"})
_ROUND_PREPS = frozenset({"in", "through", "across", "near", "around"})


def round_place(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention]) -> tuple[Place, str] | None:
    """The place a "while patrolling / visiting X" clause on the act covers, or None."""
    verbs = [t for t in tokens if t.head == trigger and t.dep == "advcl" and t.tag == "VBG"
             and t.lemma.lower() in _ROUND_LEMMAS
             and any(c.head == t.i and c.dep == "mark" and c.lower in _ROUND_MARKS for c in tokens)
             and not any(c.head == t.i and c.dep in ("nsubj", "nsubjpass") for c in tokens)]
    for verb in verbs:
        for m in usable:
            if m.place is None:
                continue
            tok = tokens[m.head]
            head = tokens[tok.head]
            covered = tok.dep == "dobj" and tok.head == verb.i and verb.lemma.lower() != "travel"
            # "patrolling the northern city of Manbij"
            town = tok.dep == "pobj" and head.lower == "of" and tokens[head.head].lower in SETTLEMENT_NOUNS \
                and tokens[head.head].dep == "dobj" and tokens[head.head].head == verb.i
            phrase = tok.dep == "pobj" and head.lower in _ROUND_PREPS and head.head == verb.i
            if covered or town or phrase:
                return m.place, (f"'{verb.text}' {m.text!r} says where the doer of {tokens[trigger].text!r} was; "
                                 f"{m.reason}")
    return None


_ARRIVAL_LEMMAS = frozenset({"arrive", "land"})
_ARRIVAL_MARKS = frozenset({"as", "when", "once", "after", "upon", "on"})
_ARRIVAL_PREPS = frozenset({"in", "at"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _arrivals(tokens: Sequence[Token], holders: set[int]) -> list[Token]:
    """Arrival verbs in a time clause on one of `holders`: "as she arrived in X" (advcl with a mark), "after
    arriving in X" (the participle of an after / upon / on phrase)."""
    out = []
    for t in tokens:
        if t.lemma.lower() not in _ARRIVAL_LEMMAS or t.pos != "VERB":
            continue
        subjects = [c for c in tokens if c.head == t.i and c.dep in ("nsubj", "nsubjpass")]
        if any(c.lower not in _PRONOUNS for c in subjects):
            continue  # "as the troops arrived in Kabul": someone else's arrival
        # on the act, or on its infinitive ("called on China to do more, as she arrived in Tokyo")
        on_act = t.head in holders or (tokens[t.head].dep == "xcomp" and tokens[t.head].head in holders)
        marked = t.dep == "advcl" and on_act and any(
            c.head == t.i and c.dep == "mark" and c.lower in _ARRIVAL_MARKS for c in tokens)
        prep = tokens[t.head]
        phrased = t.dep == "pcomp" and t.tag == "VBG" and prep.lower in _ARRIVAL_MARKS and prep.head in holders
        if marked or phrased:
            out.append(t)
    return out


def arrival_place(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention]
                  ) -> tuple[Place, str] | None:
    """The place an arrival clause on the act names ("called on X to act as she arrived in Tokyo"), or None."""
    holders = {trigger}
    tok = tokens[trigger]
    if tok.pos in ("NOUN", "PROPN") and tok.dep in ("dobj", "nsubjpass") and tok.head != tok.i:
        holders.add(tok.head)
    for verb in _arrivals(tokens, holders):
        for m in usable:
            head = tokens[tokens[m.head].head]
            if m.place is not None and tokens[m.head].dep == "pobj" and head.lower in _ARRIVAL_PREPS \
                    and head.head == verb.i:
                return m.place, (f"'{verb.text} {head.text} {m.text}' says where the doer of {tok.text!r} was; "
                                 f"{m.reason}")
    return None


_PRESENCE_LEMMAS = frozenset({"be", "remain", "stay"})


def presence_place(tokens: Sequence[Token], trigger: int, usable: Sequence[PlaceMention]
                   ) -> tuple[Place, str] | None:
    """The place a "be / remain / stay in X" the act hangs on names ("are in Syria fighting for the regime",
    "were in Cairo to mediate"), or None."""
    tok = tokens[trigger]
    if tok.pos != "VERB" or tok.dep not in ("advcl", "xcomp") or tok.head == tok.i:
        return None
    if not (tok.tag == "VBG" or any(c.head == tok.i and c.dep == "aux" and c.lower == "to" for c in tokens)):
        return None
    if any(c.head == tok.i and c.dep in ("nsubj", "nsubjpass", "mark") for c in tokens):
        return None  # a clause of its own ("while he was in X, they attacked")
    verb = tokens[tok.head]
    if verb.lemma.lower() not in _PRESENCE_LEMMAS:
        return None
    for m in usable:
        head = tokens[tokens[m.head].head]
        if m.place is not None and tokens[m.head].dep == "pobj" and head.lower in ("in", "inside") \
                and head.head == verb.i:
            return m.place, f"'{verb.text} {head.text} {m.text}' is where {tok.text!r} is done; {m.reason}"
    return None
