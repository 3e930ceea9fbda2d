"""American party labels that place a person the knowledge base does not know, and title words that are family
names (fifteenth round).

The US press writes a politician's party and state beside the name: "Sen. Jane Roe, R-S.C.,", "Rep. John Doe
(D-Calif.)", "Sen. X (D., Minn.)", "Jane Roe, an Ohio Republican,", "Democrat Sam Roe". The label places the person
in the United States even where the article is about Iraq or Syria and its own country does not dominate (the
rule of the article's country then gives nothing). The state part must be a US state (an AP abbreviation, a
postal code or a name the gazetteer places in the United States), so "Jane Roe, R-Bavaria" stays unplaced.

A title word that ends a person's name ("Rep. Peter King", "Martin Luther King", "Baba Sheikh") is their family
name, not the office "king" or "sheikh"; named alone later ("King said") it is that person again.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..knowledge.actor_names import Match
from ..knowledge.actors import Knowledge
from ..records import Entity, Sentence, Token

# AP-style abbreviations and postal codes of the fifty states and the District of Columbia (spelled-out names are
# left to the gazetteer).
US_STATES = frozenset("""
ala alaska ariz ark calif colo conn del fla ga hawaii idaho ill ind iowa kan kans ky la maine md mass mich minn
miss mo mont neb nev n.h n.j n.m n.y n.c n.d ohio okla ore pa r.i s.c s.d tenn texas tex utah vt va wash w.va wis
wyo d.c al ak az ar ca co ct de fl hi id il in ia ks la me mi mn ms mt ne nv nh nj nm ny nc nd oh ok or ri sc sd tn
tx ut wa wv wi wy dc
""".split())
# "R-S.C.", "(D-Calif.)", "(D., Minn.)", "R.-S.C.", "I-Vt.": party letter, dash or comma, state
_LETTER_LABEL = re.compile(r"\s*[,(]\s*[RDI]\.?\s*[-–—,]\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)(?=\s*[,);]|\s|$)")
# ", an Ohio Republican,", ", Texas Democrat,"
_WORD_LABEL = re.compile(r"\s*,\s*(?:an? |the )?([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:Republican|Democrat)\b")
PARTY_WORDS = frozenset({"democrat", "republican"})
# office words that are also common family names, when they end a name ("Peter King", "Julie Bishop")
# ("Sheikh" and "Prince" are left out: "Baba Sheikh" is a title, and an unknown "Erik Prince" with no code would
# drop the events the office word had kept)
SURNAME_TITLES = frozenset({"king", "bishop", "chancellor", "judge", "marshal"})


def us_state(name: str, kb: Knowledge) -> bool:
    """Whether a label's state part names a US state: an abbreviation or a place the gazetteer puts in the USA."""
    word = name.lower().rstrip(".")
    if word in US_STATES:
        return True
    placed = kb.place(name.rstrip("."))
    return placed is not None and placed[0] == "USA"


def partisan(ent: Entity, h: int, toks: Sequence[Token], sent: Sentence, start: int, first: int, kb: Knowledge,
             *, usa_named: bool) -> Entity:
    """An unknown person placed by a US party label beside their name, else the entity as it is. h: the name's
    last token; start, first: the phrase's first token and the name's. usa_named: the article has named the
    United States (required for a bare "Democrat X", which names no state)."""
    if ent.code is not None:
        return ent
    after = sent.text[toks[h].idx + len(toks[h].text) - sent.start:]
    label = _LETTER_LABEL.match(after)
    if label and us_state(label.group(1), kb):
        return dataclasses.replace(ent, code="USA", sector=ent.sector or "LEG", reason=(
            f"{ent.reason}; USA: the party and state label '{label.group(0).strip(' ,();')}' after the name"))
    label = _WORD_LABEL.match(after)
    if label and us_state(label.group(1), kb):
        return dataclasses.replace(ent, code="USA", reason=(
            f"{ent.reason}; USA: '{label.group(0).strip(' ,')}' after the name (a US state and party)"))
    party = [toks[i].text for i in range(start, first) if toks[i].lower in PARTY_WORDS and toks[i].text[:1].isupper()]
    if party and usa_named:
        return dataclasses.replace(ent, code="USA", reason=(
            f"{ent.reason}; USA: '{party[-1]}' before the name in an article that has named the United States"))
    return ent


def surname_title(m: Match, toks: Sequence[Token]) -> bool:
    """A one-word office match that ends a person's name ("Peter King", "Martin Luther King", "Baba Sheikh"): a
    capitalised word after a given name the parser joins to it, inside one person's name."""
    if m.kind != "agent" or m.end - m.start != 1 or m.start == 0:
        return False
    t, before = toks[m.start], toks[m.start - 1]
    return (t.lower in SURNAME_TITLES and t.text[:1].isupper() and t.ent_type == "PERSON"
            and before.pos == "PROPN" and before.ent_type == "PERSON" and before.text[:1].isupper()
            and before.dep in ("compound", "flat") and before.head == t.i)


def lone_surname_title(head_match: Match | None, t: Token, toks: Sequence[Token], start: int, end: int) -> bool:
    """'King said', 'Prince told': a capitalised title word standing alone, with no determiner or modifier, that may
    be the family name of a person named before (the caller asks coreference)."""
    return (head_match is not None and head_match.kind == "agent" and head_match.end - head_match.start == 1
            and end - start == 1 and t.lower in SURNAME_TITLES and t.pos == "PROPN" and t.text[:1].isupper())
