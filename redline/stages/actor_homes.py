"""An agent's home written inside its own phrase with a place only the gazetteer knows (fifteenth round).

"Donetsk separatists", "Indiana National Guard troops", "a Dallas-based company", "Islamist groups based in
Dagestan": the city or region is where the agent is from or based, so it gives the agent that place's country, as
a nationality adjective does ("Ukrainian separatists"). Countries and capitals in the phrase were already read by
the knowledge base; these are the places it does not list. A place written as a backer ("Donetsk-backed") or a
diplomatic post abroad is left out by the caller's rules and here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..knowledge.actor_names import Match
from ..knowledge.actors import Knowledge
from ..records import Entity, Token
from .actor_context import placed_by_preposition
from .actor_phrases import AFFILIATION, span_text

PLACE_LABELS = frozenset({"GPE", "LOC"})


def placed_by_modifier(ent: Entity, start: int, head_start: int, toks: Sequence[Token], at: dict[int, Match],
                       kb: Knowledge) -> Entity:
    """An agent with no country whose phrase, before its head word, names a city or region the gazetteer places.
    start: the phrase's first token; head_start: the agent word's first token."""
    i = start
    while i < head_start:
        t = toks[i]
        if i in at or t.pos != "PROPN" or t.ent_iob == "I" or not t.text[:1].isupper() \
                or t.ent_type not in PLACE_LABELS | {"", "ORG"}:  # never a person's name ("Assad regime")
            i += 1
            continue
        j = i + 1
        if t.ent_type in PLACE_LABELS:
            while j < head_start and toks[j].ent_iob == "I" and toks[j].ent_type == t.ent_type:
                j += 1
        if j + 1 < len(toks) and toks[j].text == "-" and toks[j + 1].lower in AFFILIATION:
            return ent  # "Donetsk-backed": a backer, not the agent's home
        # a word the recogniser left untagged or took into a body's name ("Indiana National Guard") must be a
        # region (a state, province or oblast), not any town of that name
        found = kb.place(span_text(toks, i, j), regions_only=t.ent_type not in PLACE_LABELS)
        if found is not None:
            code, why = found
            return dataclasses.replace(ent, code=code, reason=f"{ent.reason.split('; no country')[0]}; {code} from "
                                       f"'{span_text(toks, i, j)}' in its own phrase ({why})")
        i = j
    return ent


def based_in(ent: Entity, h: int, toks: Sequence[Token], children: list[list[int]], kb: Knowledge) -> Entity:
    """'groups based in Dagestan', 'a firm headquartered in Ohio': the place the participle after the agent
    names."""
    for c in children[h]:
        if toks[c].dep == "acl" and toks[c].lemma in ("base", "headquarter") and c > h:
            placed = placed_by_preposition(ent, c, toks, children, kb, preps=frozenset({"in", "at"}))
            if placed.code is not None:
                return dataclasses.replace(placed, reason=f"{placed.reason} (where it is based)")
    return ent
