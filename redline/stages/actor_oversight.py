"""Legislators who answer their own executive (sixteenth round, issue 12).

"Lawmakers blasted the president's move", "the decision drew criticism from lawmakers, the White House said":
unqualified lawmakers or senators, when the article has named no legislature (actor_context.legislators leaves
them uncoded) and their clause is placed nowhere, are the legislature of the one country whose state institutions
the same sentence names by an institution word, an office or a seat of power ("the president", "the
administration", "the White House", "the U.S. military"). A leader named by name does not count ("lawmakers
condemned Putin" in an American story are not Russian), nor an institution a country's name possesses
("lawmakers weigh strikes to punish Syria's regime": the regime is the target, not theirs), nor one a nationality
word names ("a senator called out the Chinese government"; eighteenth round, once single members joined
`LEGISLATORS`); two countries' institutions compete: no guess. Runs after a sentence's
mentions are made, like actor_sides; updates `out` in place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import Mention, Token
from .actor_context import LEGISLATORS

# Sectors of a state's executive institutions ("the president", "the administration", "the Pentagon").
EXECUTIVE_SECTORS = frozenset({"GOV", "MIL"})
# Mention kinds that name an institution or an office rather than a person by name: agent words, seats of power
# and a title named again ("the president" after "President Jane Roe").
INSTITUTION_KINDS = frozenset({"agent", "metonym", "title"})


def oversight_country(out: list[Mention], toks: Sequence[Token]) -> None:
    """Give unplaced legislators the country of the one executive the sentence names by institution."""
    for k, m in enumerate(out):
        e = m.entity
        word = " ".join(toks[i].lower for i in range(m.start, m.end) if toks[i].dep != "det")
        if m.kind != "agent" or e.code is not None or e.sector != "LEG" or word not in LEGISLATORS \
                or "not guessing" in e.reason:
            continue
        states = [s for s in out if s is not m and s.entity.code and s.kind in INSTITUTION_KINDS
                  and s.entity.sector in EXECUTIVE_SECTORS and not _possessed_by_name(s, toks)
                  and not _nationality_named(s, toks)]
        codes = {s.entity.code for s in states}
        if len(codes) != 1:
            continue
        state = states[0]
        ent = dataclasses.replace(e, code=state.entity.code, reason=(
            f"{e.reason.split('; no country')[0]}; {state.entity.code}: the legislature of the executive "
            f"'{state.text}' named in the same sentence (no legislature named before)"))
        out[k] = dataclasses.replace(m, entity=ent)


def _possessed_by_name(s: Mention, toks: Sequence[Token]) -> bool:
    """'Syria's regime', 'Russia's military': an institution whose phrase names its country as a possessor."""
    return any(toks[i].dep == "poss" and toks[i].pos == "PROPN" for i in range(s.start, s.end))


def _nationality_named(s: Mention, toks: Sequence[Token]) -> bool:
    """'the Chinese government', 'the Peruvian president': an institution whose own phrase names its country by a
    nationality word is named as that country's, the way a foreign one is; a legislator's own executive is told
    bare ("the president", "the administration")."""
    return any(toks[i].ent_type in ("NORP", "GPE") and toks[i].dep in ("amod", "compound") for i in range(s.start, s.end))
