"""Rebels take the country of the state they fight (twelfth round, issue 12).

"The Sudanese regime bombed rebel positions", "Government forces of Libya shelled the
militias", "rebels attacked the Afghan army": an armed opposition with no country of its own (rebels, insurgents,
separatists, militias, the opposition) in one clause with one country's state party (its government, regime,
army, forces or police; a seat of power standing for the government) is that country's. A state party of another
country in that clause, or two, compete: no guess. Parties in other clauses of the sentence do not count ("the
United States said the Syrian regime had used chemical weapons against rebel forces": the United States is the
speaker, the regime's clause decides). Runs after a sentence's mentions are made, like actor_context's
staff_of_body; updates `out` and the memory of repeated agents in place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..records import Mention, Token
from .coreference import Memory
from .coreference_definite import AgentMention, agent_word

# Head words of an armed or political opposition that belongs to the country it fights.
OPPOSITION_WORDS = frozenset({"rebel", "rebels", "insurgent", "insurgents", "separatist", "separatists", "militia",
                              "militias", "opposition", "insurgency", "guerrilla", "guerrillas", "fighters",
                              "forces"})
OPPOSITION_SECTORS = frozenset({"REB", "OPP"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
# Entry kinds that name a state party: agents ("the regime", "the army") and seats of power ("Damascus", "the
# Kremlin"); a country's bare name is the state only loosely ("fought Syria"), and people are left out.
STATE_KINDS = frozenset({"agent", "metonym"})
# Verbs of fighting and repression: a clause with one of them between the state and the opposition is a fight
# between the two. A state that supports, arms or talks to rebels is often another country's (a backer), so only
# a hostile clause counts, or an opposition named as the object of "against".
HOSTILE_VERBS = frozenset({"fight", "battle", "clash", "attack", "shell", "bomb", "strike", "kill", "target",
                           "besiege", "crush", "suppress", "defeat", "repel", "capture", "arrest", "ambush", "raid",
                           "storm", "seize", "overrun", "retake", "recapture", "rout", "pound", "hit", "massacre",
                           "execute", "shoot", "wound"})


def _clause(i: int, toks: Sequence[Token]) -> int | None:
    """The verb of the clause token i sits in (its nearest verb ancestor), or None."""
    cur = toks[i]
    for _ in range(15):
        if cur.head == cur.i:
            return cur.i if cur.pos in ("VERB", "AUX") else None
        cur = toks[cur.head]
        if cur.pos in ("VERB", "AUX"):
            return cur.i
    return None


def opponents_country(out: list[Mention], toks: Sequence[Token], memory: Memory) -> None:
    """Give an opposition with no country the country of the one state party of its clause (see the module)."""
    for k, m in enumerate(out):
        e = m.entity
        if m.kind != "agent" or e.code is not None or e.sector not in OPPOSITION_SECTORS \
                or toks[m.head].lower not in OPPOSITION_WORDS:
            continue
        verb = _clause(m.head, toks)
        if verb is None:
            continue
        against = toks[m.head].dep == "pobj" and toks[toks[m.head].head].lower == "against"
        if not against and (toks[verb].lemma or "").lower() not in HOSTILE_VERBS:
            continue
        states = [s for s in out if s is not m and s.entity.code and s.kind in STATE_KINDS
                  and s.entity.sector in STATE_SECTORS and _clause(s.head, toks) == verb]
        codes = {s.entity.code for s in states}
        if len(codes) != 1:
            continue
        state = states[0]
        ent = dataclasses.replace(e, code=state.entity.code, reason=(
            f"{e.reason.split('; no country')[0]}; {state.entity.code}: the opposition of the state party '{state.text}' "
            "named in its clause"))
        out[k] = dataclasses.replace(m, entity=ent)
        # remembered for "the rebels" later, under its head word and the opposition word on it ("rebel forces")
        words = {agent_word(toks[m.head])} | {(toks[c].lemma or toks[c].text).lower() for c in range(m.start, m.head)
                                             if toks[c].lower in OPPOSITION_WORDS}
        plural = toks[m.head].tag in ("NNS", "NNPS")
        memory.agents.extend((w, AgentMention(m.sentence, m.head, m.text, ent, plural)) for w in sorted(words))
