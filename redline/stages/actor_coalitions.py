"""Coalitions named by the state that leads them: "the U.S.-led coalition", "a Saudi-led coalition of countries",
"NATO-led forces" (sixteenth round, issue 12).

A coalition acts as its leader does in the press and in PLOVER's coding of such reports (the leader is the one
member the text names), so a phrase whose head is a coalition word (or an agent word left with no country) and
whose modifier is "X-led" takes X's code: a country, its adjective or an international organisation. The parser
keeps "U.S.-led" as one token, which the knowledge base does not match, and splits "Saudi-led" into three, whose
nationality the coder would otherwise drop as a mere modifier of an unknown noun. Runs after a sentence's
mentions are made, like actor_sides; updates `out` in place.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..knowledge.actors import Knowledge
from ..records import Entity, Mention, Token
from .actor_phrases import span_text

# Heads that name a coalition of states when a leader is put on them.
COALITION_WORDS = frozenset({"coalition", "alliance"})
# Entry kinds that can lead a coalition: a state (by name or adjective) or an international organisation.
LEADER_KINDS = frozenset({"country", "adjective", "demonym", "igo"})


def _leader(t: Token, toks: Sequence[Token], children: list[list[int]]) -> tuple[str, int] | None:
    """(leader's name, first token of the 'X-led' modifier) of head t, or None."""
    for c in children[t.i]:
        if c > t.i:
            continue
        low = toks[c].lower
        if low.endswith("-led") and len(low) > 4:  # "U.S.-led" kept whole by the parser
            return toks[c].text[:-4], c
        if low == "led" and c >= 2 and toks[c - 1].text == "-" and toks[c - 2].pos in ("PROPN", "ADJ"):
            k = c - 2  # "Saudi - led": the name may be several words ("South Korean-led")
            while k > 0 and toks[k - 1].pos == "PROPN" and toks[k - 1].head in (k, c, c - 2):
                k -= 1
            return span_text(toks, k, c - 1), k
    return None


def led_coalitions(out: list[Mention], toks: Sequence[Token], children: list[list[int]], kb: Knowledge,
                   sentence: int) -> None:
    """Give "the X-led coalition" (and an agent such as "X-led forces" left with no country) X's code."""
    at = {m.head: k for k, m in enumerate(out)}
    for t in toks:
        k = at.get(t.i)
        if k is None and t.lower not in COALITION_WORDS or k is not None and (
                out[k].entity.code is not None or out[k].kind != "agent"):
            continue
        found = _leader(t, toks, children)
        if found is None:
            continue
        name, first = found
        leader = kb.resolve(name)
        if leader.code is None or (leader.entry or "").split(":")[0] not in LEADER_KINDS:
            continue
        why = f"{leader.code} from '{name}-led', the state or body that leads it ({leader.reason})"
        if k is not None:
            m = out[k]
            ent = dataclasses.replace(m.entity, code=leader.code,
                                      reason=f"{m.entity.reason.split('; no country')[0]}; {why}")
            out[k] = dataclasses.replace(m, entity=ent)
            continue
        start = min([first, *(c for c in children[t.i] if c < t.i and toks[c].dep == "det")])
        text = span_text(toks, start, t.i + 1)
        out.append(Mention(sentence, start, t.i + 1, t.i, text,
                           Entity(entity_text=text, code=leader.code, reason=f"coalition '{text}': {why}"), "agent"))
